#!/usr/bin/env bash
# Benchmark of a model handed over (issue 12), on synthetic warehouse data:
#  1. `candor audit --model` on ROWS workers (default 1,000,000) x 10 model inputs: the run of
#     the model on every worker, the agreement check and the flip tests (6 inputs flagged by
#     the screening, one run each on all rows, plus all at once), with the rest of the audit;
#     timed with and without --model, so the difference is the model's part;
#  2. `candor explain --all --model` on EXPLAIN workers (default 10,000), JSON only: exact
#     Shapley values (2^10 coalitions x 50 background rows per worker) and a verified
#     counterfactual for each adverse worker.
# Needs ONNX Runtime (ORT_DYLIB_PATH, or a venv as in scripts/make_models.sh).
# Usage: scripts/bench_model.sh [ROWS] [EXPLAIN] [MODEL]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/candor
rows=${1:-1000000}
nexp=${2:-10000}
model=${3:-lr_pipeline}
inputs=tenure_months,units_per_hour,pick_error_rate,safety_incidents,training_hours,sick_leave_days,bathroom_break_minutes,after_hours_messages,job_site_visits,union_chat_mentions
base=${BENCH_DIR:-/tmp/candor-bench}
spec() { # folder -> spec pointing at its warehouse.csv
  sed -e "s#^path = .*#path = \"$1/warehouse.csv\"#" \
      -e "s#^dictionary = .*#dictionary = \"$PWD/datasets/warehouse_dictionary.csv\"#" \
      datasets/warehouse.toml > "$1/warehouse.toml"
}
timed() { # label, command...
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$base/time" "$@"
  read -r wall kb < "$base/time"
  printf '%s: %s s, peak %s MB\n' "$label" "$wall" "$((kb / 1024))"
}
big=$base/model-$rows
mkdir -p "$big"
[ -f "$big/warehouse.csv" ] || "$bin" --quiet synth --dataset warehouse --lang en --rows "$rows" --out "$big"
spec "$big"
rm -rf "$big/out" "$big/out-nomodel"
# The spec's features already hold the ten model inputs, so both runs screen the same columns.
timed "audit, $rows rows, no model" "$bin" --quiet audit --spec "$big/warehouse.toml" \
  --format json --out "$big/out-nomodel"
timed "audit --model $model, $rows rows x 10 inputs" "$bin" --quiet audit --spec "$big/warehouse.toml" \
  --model "tests/fixtures/models/$model.onnx" --model-inputs "$inputs" --format json --out "$big/out"
python3 - "$big/out/audit.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["model"]
print("  flip tests:", len(m["flips"]), "inputs;", ", ".join(
    f'{f["column"]} {f["changed"]["count"]}' for f in m["flips"]))
PY
small=$base/model-$nexp
mkdir -p "$small"
[ -f "$small/warehouse.csv" ] || "$bin" --quiet synth --dataset warehouse --lang en --rows "$nexp" --out "$small"
spec "$small"
rm -rf "$small/out"
timed "explain --all --model $model, $nexp workers" "$bin" --quiet explain --spec "$small/warehouse.toml" \
  --model "tests/fixtures/models/$model.onnx" --model-inputs "$inputs" --all --format json --out "$small/out"
printf '  %s documents\n' "$(find "$small/out" -name '*.json' | wc -l)"
rm -rf "$big/out" "$big/out-nomodel" "$small/out"
