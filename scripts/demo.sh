#!/usr/bin/env bash
# The main job on the embedded default: a demo archive for 2025, filed, inspected, and its annual
# reporting package. Output in ./demo (archive) and ./demo/报送包 (package).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
DB="${SANWU_DB:-$PWD/demo/archive}"
OUT="$PWD/demo/报送包"
node bin/sanwu.js demo --db "$DB" --year 2025 --communities 12 --records 300
node bin/sanwu.js file --db "$DB" --year 2025
node bin/sanwu.js audit --db "$DB" --year 2025 --standard BJ-MZFZ | head -n 40
node bin/sanwu.js check --db "$DB" || true   # the demo plants problems for the inspection to find
rm -rf "$OUT"
node bin/sanwu.js report --db "$DB" --year 2025 --out "$OUT" --zip
echo "报送包已生成：$OUT"
