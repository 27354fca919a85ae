#!/usr/bin/env bash
# Benchmark: a full audit of 1M and 10M synthetic rows from CSV and from Parquet.
# 3 attributes and 1 intersection; decision, score and label; all metrics; 2,000 bootstrap
# replicates. Prints wall time (s) and peak memory (MB) of each run, from GNU time.
# Usage: scripts/bench.sh [ROWS ...]   (default: 1000000 10000000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/candor
dir=${BENCH_DIR:-/tmp/candor-bench}
mkdir -p "$dir"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)
printf '%-10s %-8s %10s %12s\n' rows format wall_s peak_mb
for n in "${sizes[@]}"; do
  csv="$dir/warehouse-$n.csv"
  pq="$dir/warehouse-$n.parquet"
  [ -f "$csv" ] || { "$bin" --quiet synth --dataset warehouse --lang en --rows "$n" --out "$dir/gen-$n"; mv "$dir/gen-$n/warehouse.csv" "$csv"; rm -rf "$dir/gen-$n"; }
  [ -f "$pq" ] || "$bin" --quiet convert "$csv" "$pq"
  for f in "$csv" "$pq"; do
    out="$dir/out-$n"
    /usr/bin/time -f '%e %M' -o "$dir/time" "$bin" --quiet audit "$f" \
      --decision flagged_for_termination_review --positive 1 --favorable negative \
      --score performance_score --label confirmed_underperformance \
      --group sex --group age_band --group hukou --intersect sex,age_band \
      --bootstrap 2000 --out "$out" >/dev/null
    read -r wall kb < "$dir/time"
    printf '%-10s %-8s %10s %12s\n' "$n" "${f##*.}" "$wall" "$((kb / 1024))"
  done
done
