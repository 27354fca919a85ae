#!/usr/bin/env bash
# Long fuzzing run of the three proptest targets in tests/cli/fuzz.rs (CSV bytes, spec TOML,
# --where/--fail-on strings), each for FUZZ_SECONDS (default 3600) in parallel, from a fresh
# seed. Prints runs, crashes (panics, signals), hangs and new contract breaches per target
# and in total; the inputs of new breaches (shrunk) are saved under FUZZ_FINDINGS.
# Usage: FUZZ_SECONDS=3600 scripts/fuzz.sh
# Exit status: 0 when no new breach was found (known ones, marked in tests/corpus, are
# counted apart), 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-3600}
seed=${FUZZ_SEED:-$(date +%s)}
findings=${FUZZ_FINDINGS:-$PWD/fuzz-findings}
log=${FUZZ_LOG:-/tmp/candor-fuzz-$seed.log}
mkdir -p "$findings"
echo "fuzzing for ${seconds} s per target, seed $seed, log $log, findings $findings"
start=$(date +%s)
CANDOR_FUZZ_SECONDS=$seconds CANDOR_FUZZ_SEED=$seed CANDOR_FUZZ_FINDINGS=$findings \
  cargo test --release --test cli fuzz:: -- --test-threads=3 >"$log" 2>&1
status=$?
end=$(date +%s)
grep '^fuzz ' "$log"
# Totals (runs include shrinking; crashes and hangs count runs, known ones too) over the three "fuzz TARGET: runs=..." lines.
grep -o 'runs=[0-9]* ok=[0-9]* known=[0-9]* crashes=[0-9]* hangs=[0-9]* breach_runs=[0-9]* new_findings=[0-9]*' "$log" |
  tr ' =' '\n\n' | awk -v secs=$((end - start)) -v date="$(date -u +%Y-%m-%dT%H:%MZ)" '
    NR % 2 == 1 { k = $0; next } { t[k] += $0 }
    END { printf "TOTAL runs=%d ok=%d known=%d crashes=%d hangs=%d breach_runs=%d new_findings=%d duration=%ds date=%s\n",
                  t["runs"], t["ok"], t["known"], t["crashes"], t["hangs"], t["breach_runs"], t["new_findings"], secs, date }'
if [ "$status" -ne 0 ] && ! grep -q 'NEW BREACH' "$log"; then
  echo "cargo test failed without a fuzz finding (build error?): see $log"
fi
exit "$status"
