#!/usr/bin/env bash
# The main job on the embedded default: a demo archive for 2025 (12 communities), filed, audited and
# inspected, and its annual reporting package. Output: ./demo/archive and ./demo/报送包.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
DB="${SANWU_DB:-$PWD/demo/archive}"
OUT="$PWD/demo/报送包"
sanwu() { node bin/sanwu.js "$@"; }
sanwu demo --db "$DB" --year 2025 --communities 12 --records 300
# The demo also holds a few elections and 居民公约 of earlier years: file those years too.
for year in 2019 2020 2021 2022 2023 2024; do sanwu file --db "$DB" --year "$year" >/dev/null; done
sanwu file --db "$DB" --year 2025
sanwu audit --db "$DB" --year 2025 --standard BJ-MZFZ
sanwu check --db "$DB" || echo "（档案检查发现的问题见上；演示数据有意留有缺漏。）"
rm -rf "$OUT"
sanwu report --db "$DB" --year 2025 --out "$OUT" --zip
echo "报送包已生成：$OUT"
