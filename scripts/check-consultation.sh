#!/usr/bin/env bash
# Checks a consultation file before it is built: ./scripts/check-consultation.sh path/to/file.json
# Prints every problem with its JSON path (or line, for a file that is not JSON); exits 1 if any.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
file="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$root"
exec cargo run --quiet --bin check-consultation -- "$file"
