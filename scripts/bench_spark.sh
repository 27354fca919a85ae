#!/usr/bin/env bash
# Benchmark of the Spark engine (issue 13): the demo warehouse audit (datasets/warehouse.toml:
# 6 group attributes, decision, score, label, 14 inputs screened) on 1M and 10M synthetic rows,
# embedded (polars, on the Parquet file) against Spark (local[2] Spark Connect server on
# 127.0.0.1, a table over the same Parquet file), in one run. Prints wall time, peak memory of
# Candor's process, the ratio, the size of the cells that crossed the wire (Arrow IPC) and the
# rows fetched for screening; then the Spark run with --sample-rows 100000.
# Usage: scripts/bench_spark.sh [ROWS ...]   (default: 1000000 10000000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --features spark --bin candor --example spark_sql
target=${CARGO_TARGET_DIR:-target}
bin=$target/release/candor
sql=$target/release/examples/spark_sql
dir=${BENCH_DIR:-/tmp/candor-bench}
mkdir -p "$dir"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)
remote=${CANDOR_SPARK_REMOTE:-}
if [ -z "$remote" ]; then
  remote=$(scripts/spark_server.sh start)
  trap 'scripts/spark_server.sh stop' EXIT
fi
run() { # label, then candor's arguments; prints "wall peak_mb"
  /usr/bin/time -f '%e %M' -o "$dir/time" "$bin" --quiet audit "$@" --format json >/dev/null
  read -r wall kb <"$dir/time"
  echo "$wall $((kb / 1024))"
}
printf '%-9s %-22s %8s %8s %8s %12s %14s\n' rows engine wall_s peak_mb ratio cells_bytes rows_screened
for n in "${sizes[@]}"; do
  csv="$dir/warehouse-$n.csv"
  pq="$dir/warehouse-$n.parquet"
  [ -f "$csv" ] || { "$bin" --quiet synth --dataset warehouse --lang en --rows "$n" --out "$dir/gen-$n"; mv "$dir/gen-$n/warehouse.csv" "$csv"; rm -rf "$dir/gen-$n"; }
  [ -f "$pq" ] || "$bin" --quiet convert "$csv" "$pq"
  "$sql" "$remote" "DROP TABLE IF EXISTS bench_$n" \
    "CREATE TABLE bench_$n USING parquet OPTIONS (path '$(readlink -f "$pq")')" >/dev/null
  read -r ew em < <(run --spec datasets/warehouse.toml "$pq" --out "$dir/emb-$n")
  printf '%-9s %-22s %8s %8s %8s %12s %14s\n' "$n" embedded "$ew" "$em" 1.00 - all
  for rows in 1000000 100000; do
    out="$dir/spark-$n-$rows"
    read -r sw sm < <(run --spec datasets/warehouse.toml --engine spark --remote "$remote" \
      --table "bench_$n" --sample-rows "$rows" --out "$out")
    info=$(python3 -c "import json,sys; a=json.load(open(sys.argv[1])); p=a['provenance']; print(p['inputs'][0]['bytes'], p['rows_screened']['rows'])" "$out/audit.json")
    read -r bytes screened <<<"$info"
    printf '%-9s %-22s %8s %8s %8s %12s %14s\n' "$n" "spark --sample-rows $rows" "$sw" "$sm" \
      "$(python3 -c "print(f'{$sw / $ew:.2f}')")" "$bytes" "$screened"
  done
done
