#!/usr/bin/env bash
# Benchmark: `candor explain --all` on N synthetic warehouse workers (default 100000), JSON
# only: the audit (2,000 bootstrap replicates), the screening, the surrogate fit and one
# explanation per worker. Prints wall time (s), peak memory (MB) and the stage times.
# Usage: scripts/bench_explain.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/candor
n=${1:-100000}
dir=${BENCH_DIR:-/tmp/candor-bench}/explain-$n
mkdir -p "$dir"
[ -f "$dir/warehouse.csv" ] || "$bin" --quiet synth --dataset warehouse --lang en --rows "$n" --out "$dir"
# The demo spec, pointed at the generated data.
sed -e "s#^path = .*#path = \"$dir/warehouse.csv\"#" \
    -e "s#^dictionary = .*#dictionary = \"$PWD/datasets/warehouse_dictionary.csv\"#" \
    datasets/warehouse.toml > "$dir/warehouse.toml"
rm -rf "$dir/out"
CANDOR_TIMING=1 /usr/bin/time -f '%e %M' -o "$dir/time" "$bin" explain --spec "$dir/warehouse.toml" \
  --all --format json --out "$dir/out"
read -r wall kb < "$dir/time"
printf 'explain --all: %s workers, %s files, %s s, peak %s MB, %s on disk\n' "$n" \
  "$(find "$dir/out" -name '*.json' | wc -l)" "$wall" "$((kb / 1024))" "$(du -sh "$dir/out" | cut -f1)"
rm -rf "$dir/out"
