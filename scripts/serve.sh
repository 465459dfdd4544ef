#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:${PORT:-8080}/ until stopped.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"
"$root/scripts/build.sh"
exec node tests/e2e/static-server.mjs dist "${PORT:-8080}"
