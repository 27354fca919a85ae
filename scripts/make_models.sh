#!/usr/bin/env bash
# Makes tests/fixtures/models/ (issue 12): a venv under /tmp with the pinned versions, then
# scripts/make_models.py. The outputs are committed; rerun only to change the models.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${CANDOR_MODELS_VENV:-/tmp/candor-models-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q onnxruntime==1.24.4 scikit-learn==1.7.2 skl2onnx==1.20.0 \
  onnxmltools==1.16.0 lightgbm==4.6.0 onnx==1.19.1 numpy==2.2.6 pandas==2.3.3
"$venv/bin/python" scripts/make_models.py
