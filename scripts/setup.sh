#!/usr/bin/env bash
# Everything the project needs to run from a fresh clone: Node 22 and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
