#!/usr/bin/env bash
# Benchmark of the data-protection review (issue 16 target: 1M rows x 10 quasi-identifiers,
# every combination of up to three, in under 10 s). A seeded table of N rows: 10
# quasi-identifiers (sex 2, age band 5, hukou 2, ethnicity 6 skewed, shift 3, team 50,
# district 20, site 10, grade 8, and tenure in months 0-239 as exact numbers) and one
# sensitive input (sick-leave days 0-30). `candor screen` runs the names, content and proxy
# layers and the review (175 combinations of up to three columns and all ten together, the
# homogeneity of the sensitive input in each, and the coarsening search).
# Prints wall time (s) and peak memory (MB) from GNU time, and the review's own time from
# CANDOR_TIMING. Usage: scripts/bench_privacy.sh [ROWS]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/candor
dir=${BENCH_DIR:-/tmp/candor-bench}
n=${1:-1000000}
mkdir -p "$dir"
csv="$dir/privacy-$n.csv"
[ -f "$csv" ] || awk -v n="$n" 'BEGIN { srand(20261205);
  split("Han Han Han Han Han Han Han Han Zhuang Hui Uyghur Tibetan", eth, " ");
  print "worker_id,sex,age_band,hukou,ethnicity,shift,team,district,site,grade,tenure_months,sick_leave_days";
  for (i = 0; i < n; i++)
    printf "W%07d,%s,A%d,%s,%s,S%d,T%02d,D%02d,X%d,G%d,%d,%d\n", i,
      (rand() < 0.5 ? "F" : "M"), int(rand() * 5), (rand() < 0.5 ? "urban" : "rural"),
      eth[1 + int(rand() * 12)], int(rand() * 3), int(rand() * 50), int(rand() * 20),
      int(rand() * 10), int(rand() * 8), int(rand() * 240), int(rand() * rand() * 31) }' > "$csv"
spec="$dir/privacy.toml"
cat > "$spec" <<TOML
[data]
path = "$csv"
id = "worker_id"
[groups]
attributes = ["sex", "age_band", "hukou", "ethnicity"]
[features]
columns = ["shift", "team", "district", "site", "grade", "tenure_months", "sick_leave_days"]
[privacy]
quasi_identifiers = ["sex", "age_band", "hukou", "ethnicity", "shift", "team", "district", "site", "grade", "tenure_months"]
sensitive = ["sick_leave_days"]
min_k = 5
TOML
rm -rf "$dir/out-privacy"
CANDOR_TIMING=1 /usr/bin/time -f '%e %M' -o "$dir/time-privacy" "$bin" screen --spec "$spec" \
  --format json --out "$dir/out-privacy" 2> "$dir/stages-privacy" >/dev/null
read -r wall kb < "$dir/time-privacy"
review=$(awk '/reviewing data protection/ { s = $2 } /writing reports/ { e = $2 } END { printf "%.2f", e - s }' "$dir/stages-privacy")
printf 'privacy: %s rows x 10 quasi-identifiers: %s s in all (the review %s s), peak %s MB\n' \
  "$n" "$wall" "$review" "$((kb / 1024))"
