#!/usr/bin/env bash
# Runs every check and test: format, lints, native tests, browser tests (wasm-bindgen-test in
# headless Chromium), end-to-end tests (Playwright against the release build in Chromium), the
# journey in Firefox and WebKit, and what the Orca screen reader says in Firefox.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started=$SECONDS

step "format"
cargo fmt --check

step "lints (native and wasm32)"
cargo clippy --all-targets --all-features -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests: catalog, draft model, document writers"
cargo test --all-features

step "browser tests: storage and components in headless Chromium"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=120
cargo test --target wasm32-unknown-unknown --test web

step "release build"
scripts/build.sh
wasm=$(ls dist/*.wasm)
printf 'release wasm: %s bytes, %s bytes gzip\n' "$(stat -c %s "$wasm")" "$(gzip -9c "$wasm" | wc -c)"

step "end-to-end tests: Playwright driving Chromium against dist/"
node --test --test-concurrency=1 tests/e2e/

step "the journey in Firefox ESR and in WebKitGTK (on a virtual display)"
xvfb-run --auto-servernum node --test --test-concurrency=1 tests/engines/

step "what a screen-reader user hears: Orca reading Firefox ESR (virtual display, own D-Bus session)"
xvfb-run --auto-servernum dbus-run-session -- node --test --test-concurrency=1 tests/screen-reader/

printf '\nall tests passed in %ss\n' "$((SECONDS - started))"
