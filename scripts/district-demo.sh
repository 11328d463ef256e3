#!/usr/bin/env bash
# The district's job (DESIGN.md "Upward: the district"): three street offices (different seeds and
# names) each write their 2025 package; a district archive receives all three, receives one again
# (nothing added), a corrected one (replaces the older), a tampered one (refused), and writes its
# summary. Output under ./demo/district (DIR overrides it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
DIR="${DIR:-$PWD/demo/district}"
sanwu() { node bin/sanwu.js "$@"; }
rm -rf "$DIR"
mkdir -p "$DIR"
offices=("幸福路街道办事处" "光华街道办事处" "东湖街道办事处")
for i in 0 1 2; do
  db="$DIR/街道$((i + 1))"
  sanwu init --db "$db" --name "${offices[$i]}" --code "65900$((i + 1))" >/dev/null
  sanwu demo --db "$db" --year 2025 --communities 12 --records 300 --seed $((i + 1)) >/dev/null
  for year in 2019 2020 2021 2022 2023 2024 2025; do sanwu file --db "$db" --year "$year" >/dev/null; done
  sanwu report --db "$db" --year 2025 --out "$DIR/报送包$((i + 1))" --zip >/dev/null
done
sanwu init --db "$DIR/区" --name "和平区民政局" --district
bags=("$DIR"/报送包*/*年度三务公开报送包)
echo "== 接收三个街道的报送包"
sanwu receive --db "$DIR/区" "${bags[@]}" --add-office
echo "== 再次接收第一份（不新增）"
sanwu receive --db "$DIR/区" "$DIR/报送包1/${offices[0]}_2025年度三务公开报送包.zip"
echo "== 更正后重新报送（替换较旧的一份）"
sleep 1
sanwu report --db "$DIR/街道2" --year 2025 --out "$DIR/更正" >/dev/null
sanwu receive --db "$DIR/区" "$DIR/更正/${offices[1]}_2025年度三务公开报送包"
echo "== 被篡改的报送包（拒收）"
cp -r "$DIR/报送包3/${offices[2]}_2025年度三务公开报送包" "$DIR/篡改"
printf 'x' | dd of="$DIR/篡改/data/02_2025年度三务公开台账.xlsx" bs=1 seek=100 conv=notrunc status=none
sanwu receive --db "$DIR/区" "$DIR/篡改" || echo "（拒收，未写入任何内容）"
sanwu summary --db "$DIR/区" --year 2025 --out "$DIR/全区汇总"
sanwu check --db "$DIR/区"
echo "区级档案库：$DIR/区（sanwu serve --db \"$DIR/区\" 查看全区工作台）"
