#!/usr/bin/env bash
# Installs whatever is missing to build and test the app, at pinned versions, and skips what is
# already there. Tools go outside the work tree (cargo's bin folder, the system), so a fresh clone
# on the same machine reuses them. Source this file to also get the PATH it sets.
set -euo pipefail

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version in Cargo.lock.
WASM_BINDGEN_VERSION=0.2.130

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build (scripts/build.sh) uses the machine's nightly toolchain to rebuild the
# standard library: it needs the library's source, the target, and the library's own crates.
if ! rustup component list --toolchain nightly --installed | grep -q '^rust-src'; then
  say "adding rust-src and the wasm32 target to the nightly toolchain"
  rustup component add rust-src --toolchain nightly
fi
if ! rustup target list --toolchain nightly --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown --toolchain nightly
fi
cargo +nightly fetch --quiet \
  --manifest-path "$(rustc +nightly --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes 10-17 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

locked_wbg=$(grep -A1 '^name = "wasm-bindgen"$' "$root/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')
if [ "$locked_wbg" != "$WASM_BINDGEN_VERSION" ]; then
  echo "Cargo.lock has wasm-bindgen $locked_wbg but setup pins $WASM_BINDGEN_VERSION" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Without --locked: the CLI's own lock file names a crate version the registry may lack.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Debian packages: the browser the tests drive with its interface languages (the tests set the
# browser's own language, which native controls draw their text in), the real readers the
# downloads are opened with (LibreOffice for .docx, pdftotext for printed PDFs), every font a
# test's result depends on (DejaVu for Latin text and WenQuanYi Zen Hei for Chinese), and the two
# other engines with what drives them: Firefox ESR (headless, over WebDriver BiDi) and WebKitGTK's
# MiniBrowser through WebKitWebDriver, on a virtual display (xvfb-run, which needs xauth); and the
# Orca screen reader with the accessibility bus it listens on, and xdotool for one real click.
packages=(chromium chromium-driver chromium-l10n libreoffice-writer-nogui poppler-utils
  fonts-dejavu-core fonts-wqy-zenhei firefox-esr webkit2gtk-driver xvfb xauth
  orca at-spi2-core dbus-daemon xdotool)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# npm packages (wasm-opt from binaryen, playwright-core), exactly as package-lock.json says.
stamp="$root/node_modules/.lock-stamp"
if [ ! -f "$stamp" ] || ! cmp -s "$root/package-lock.json" "$stamp"; then
  say "installing npm packages from package-lock.json"
  (cd "$root" && npm ci --no-audit --no-fund)
  cp "$root/package-lock.json" "$stamp"
fi
