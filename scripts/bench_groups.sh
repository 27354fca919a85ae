#!/usr/bin/env bash
# Benchmark: an audit of one attribute with many groups (an issue-15 target: 10,000 groups
# render in under 10 s). Each group has 5 workers with a seeded 0/1 decision; every group is
# compared and published (--min-group-size 1 --min-published-group 1), so every report format
# carries one row per group. Prints wall time (s) and peak memory (MB) from GNU time.
# Usage: scripts/bench_groups.sh [GROUPS ...]   (default: 2000 5000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/candor
dir=${BENCH_DIR:-/tmp/candor-bench}
mkdir -p "$dir"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2000 5000 10000)
printf '%-8s %8s %10s %10s\n' groups rows wall_s peak_mb
for g in "${sizes[@]}"; do
  csv="$dir/groups-$g.csv"
  awk -v g="$g" 'BEGIN { srand(20261205); print "team,decision";
    for (i = 0; i < g; i++) for (j = 0; j < 5; j++) printf "T%06d,%d\n", i, (rand() < 0.4) }' > "$csv"
  /usr/bin/time -f '%e %M' -o "$dir/time" "$bin" --quiet audit "$csv" --decision decision \
    --group team --min-group-size 1 --min-published-group 1 --max-levels $((g + 1)) \
    --out "$dir/out-groups-$g" >/dev/null
  read -r wall kb < "$dir/time"
  printf '%-8s %8s %10s %10s\n' "$g" "$((g * 5))" "$wall" "$((kb / 1024))"
done
