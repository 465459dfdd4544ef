#!/usr/bin/env bash
# The release build into dist/ (or the folder `--dist <dir>` names), for the consultation
# CONSULTATION names (else WIPO's). Trunk runs cargo with the machine's nightly toolchain, which
# rebuilds the standard library so that a panic aborts at once: no panic-message machinery is
# compiled in (13 KB gzip less; the app printed no panic message before either, it stops the
# same way). Everything else in the repository builds, lints and tests with stable Rust.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export RUSTUP_TOOLCHAIN=nightly
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# Neither a panic's location nor any Debug formatting can ever be shown by a build that aborts
# at once on panic: both are left out (1.3 KB gzip).
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
exec trunk build --release --offline "$@"
