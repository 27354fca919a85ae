#!/usr/bin/env bash
# Benchmark of `candor screen`: 1M rows x 40 input columns (the warehouse demo columns, widened
# with renamed copies of its work measures), names + content + proxy layers.
# Prints wall time (s) and peak memory (MB). Usage: scripts/bench_screen.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/candor
dir=${BENCH_DIR:-/tmp/candor-bench}
n=${1:-1000000}
mkdir -p "$dir"
src="$dir/warehouse-$n.csv"
[ -f "$src" ] || { "$bin" --quiet synth --dataset warehouse --lang en --rows "$n" --out "$dir/gen-$n"; mv "$dir/gen-$n/warehouse.csv" "$src"; rm -rf "$dir/gen-$n"; }
wide="$dir/wide-$n.csv"
if [ ! -f "$wide" ]; then
python3 - "$src" "$wide" <<'PY'
import csv, sys
src, dst = sys.argv[1], sys.argv[2]
extra = ["units_per_hour", "pick_error_rate", "tenure_months", "training_hours", "safety_incidents", "shift"]
with open(src, newline="") as f, open(dst, "w", newline="") as g:
    r = csv.reader(f); w = csv.writer(g, lineterminator="\n")
    head = next(r)
    idx = [head.index(c) for c in extra]
    copies = 5  # 22 columns + 5 x 6 = 52 columns; the first 40 inputs are screened
    w.writerow(head + [f"{c}_v{k}" for k in range(copies) for c in extra])
    for row in r:
        w.writerow(row + [row[i] for k in range(copies) for i in idx])
PY
fi
features=$(head -1 "$wide" | tr ',' '\n' | grep -v -x -e worker_id -e sex -e age_band -e hukou -e ethnicity -e disability -e performance_score -e flagged_for_termination_review -e confirmed_underperformance | head -40 | paste -sd, -)
echo "input columns: $(echo "$features" | tr ',' '\n' | wc -l)"
/usr/bin/time -f '%e %M' -o "$dir/time-screen" "$bin" --quiet screen "$wide" \
  --group sex --group age_band --group hukou --group disability \
  --features "$features" --out "$dir/out-screen" >/dev/null
read -r wall kb < "$dir/time-screen"
printf 'screen: %s rows x 40 inputs: %s s, peak %s MB\n' "$n" "$wall" "$((kb / 1024))"
