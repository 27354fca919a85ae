#!/usr/bin/env bash
# Fails when `--features spark` would build a crate (polars or one it shares) with other features
# than the default build: cargo would then build polars twice (~30 minutes more on 2 cores).
# The fix: add the listed features to the feature-parity block in Cargo.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
tree() {
  cargo tree "$@" -e normal,build --prefix none -f '{p}|{f}' --target x86_64-unknown-linux-gnu
}
python3 - <(tree) <(tree --features spark) <<'PY'
import sys
def load(path):
    out = {}
    for line in open(path):
        line = line.strip().replace(" (*)", "").replace(" (proc-macro)", "")
        if "|" not in line:
            continue
        krate, feats = line.split("|", 1)
        out[krate] = {f for f in feats.split(",") if f}
    return out
default, spark = load(sys.argv[1]), load(sys.argv[2])
drift = [
    f"{k}: --features spark adds {sorted(spark[k] - default[k])}"
    for k in sorted(default)
    if k in spark and spark[k] != default[k] and not k.startswith("candor ")
]
if drift:
    print("feature parity: these crates would be built twice (polars with them):", file=sys.stderr)
    print("\n".join(drift), file=sys.stderr)
    print("hint: add the features to the feature-parity block in Cargo.toml", file=sys.stderr)
    sys.exit(1)
print(f"feature parity: the {len(default)} crates of the default build have the same features with --features spark")
PY
