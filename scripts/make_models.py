#!/usr/bin/env python3
"""Makes the ONNX test models in tests/fixtures/models/ (issue 12) and their expected outputs.

Run:  bash scripts/make_models.sh   (creates a venv under /tmp with the pinned versions below
and runs this file). The models are trained on the demo warehouse data the repository's own
generator wrote (datasets/warehouse.csv, `candor synth --dataset warehouse`), to predict
`flagged_for_termination_review` from ten numeric inputs:

- lr_pipeline.onnx   StandardScaler + LogisticRegression on all ten inputs (sick leave
                     included); skl2onnx's default ZipMap output (a sequence of maps).
- lr_nosick.onnx     the same pipeline that drops sick_leave_days (ColumnTransformer,
                     remainder="drop"): it takes the same ten columns but never reads sick
                     leave, so every flip test on sick leave must count 0 changes.
- forest.onnx        RandomForestClassifier (20 trees, depth 6), probabilities as a tensor
                     (zipmap disabled).
- lgbm.onnx          LightGBM (40 trees, 15 leaves) through onnxmltools, with its ZipMap.

Beside each, NAME.expected.json holds, computed by the Python onnxruntime:
- `rows`: the first 8 rows of the table (the ten inputs, float32) with the label and the
  probability of class 1, and scikit-learn's / LightGBM's own predict_proba (to show that the
  conversion is faithful);
- `flips`: for each input, the number of the 20,000 workers whose label changes when that
  input is set to its median over all workers (the `median` neutralisation), a brute-force
  count over the whole table;
- `agreement`: rows where the model's label equals the recorded decision.
For lr_pipeline, `shapley` holds exact interventional Shapley values of the probability of
class 1 for workers at rows 0 and 3 against the background rows 100..119, by brute-force
enumeration of the 2^10 coalitions (independent of Candor's algorithm).
"""
import itertools
import json
import math
import os
import sys

import numpy as np
import onnxruntime as ort
import pandas as pd
import lightgbm
import onnxmltools
import skl2onnx
import sklearn
from onnxmltools.convert.common.data_types import FloatTensorType as MlFloat
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import FloatTensorType
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "models")
FEATURES = [
    "tenure_months", "units_per_hour", "pick_error_rate", "safety_incidents", "training_hours",
    "sick_leave_days", "bathroom_break_minutes", "after_hours_messages", "job_site_visits",
    "union_chat_mentions",
]
DECISION = "flagged_for_termination_review"
SICK = FEATURES.index("sick_leave_days")
FIRST_ROWS = 8
SHAP_ROWS = [0, 3]
BACKGROUND = list(range(100, 120))


def run_onnx(sess, x):
    """(label, probability of class 1) from an ONNX classifier, ZipMap or tensor output."""
    outs = sess.run(None, {sess.get_inputs()[0].name: x})
    label = np.asarray(outs[0]).astype(np.int64)
    prob = outs[1]
    if isinstance(prob, list):  # ZipMap: a list of {class: probability}
        p1 = np.array([d[1] for d in prob], dtype=np.float64)
    else:
        p1 = np.asarray(prob, dtype=np.float64)[:, 1]
    return label, p1


def shapley_brute(sess, x, background):
    """Exact interventional Shapley values of p1 for one row: every coalition S of inputs takes
    x's values on S and each background row's values elsewhere; v(S) is the mean over the
    background; phi_i = sum over S not holding i of |S|!(n-|S|-1)!/n! (v(S+i) - v(S))."""
    n = x.shape[0]
    coalitions = list(itertools.product([0, 1], repeat=n))
    batch = []
    for mask in coalitions:
        m = np.array(mask, dtype=bool)
        rows = background.copy()
        rows[:, m] = x[m]
        batch.append(rows)
    stacked = np.concatenate(batch).astype(np.float32)
    _, p1 = run_onnx(sess, stacked)
    v = p1.reshape(len(coalitions), background.shape[0]).mean(axis=1)
    value = {mask: v[k] for k, mask in enumerate(coalitions)}
    phi = []
    for i in range(n):
        total = 0.0
        for mask in coalitions:
            if mask[i]:
                continue
            s = sum(mask)
            with_i = list(mask)
            with_i[i] = 1
            w = math.factorial(s) * math.factorial(n - s - 1) / math.factorial(n)
            total += w * (value[tuple(with_i)] - value[mask])
        phi.append(total)
    return phi, float(value[tuple([1] * n)]), float(value[tuple([0] * n)])


def expected(name, sess, own_proba, x, y):
    label, p1 = run_onnx(sess, x)
    flips = {}
    for j, col in enumerate(FEATURES):
        neutral = x.copy()
        neutral[:, j] = np.float32(np.median(x[:, j]))
        lab2, _ = run_onnx(sess, neutral)
        flips[col] = {"median": float(np.median(x[:, j])), "changed": int((lab2 != label).sum())}
    doc = {
        "model": f"{name}.onnx",
        "inputs": FEATURES,
        "rows": [
            {
                "row": i,
                "values": [float(v) for v in x[i]],
                "label": int(label[i]),
                "probability": float(p1[i]),
                "own_probability": float(own_proba[i]),
            }
            for i in range(FIRST_ROWS)
        ],
        "n": int(x.shape[0]),
        "agreement": int((label == y).sum()),
        "positive_labels": int(label.sum()),
        "flips": flips,
    }
    if name == "lr_pipeline":
        bg = x[BACKGROUND].astype(np.float64)
        doc["shapley"] = {"background_rows": BACKGROUND, "workers": []}
        for r in SHAP_ROWS:
            phi, fx, ef = shapley_brute(sess, x[r].astype(np.float64), bg)
            doc["shapley"]["workers"].append({"row": r, "phi": phi, "f_x": fx, "baseline": ef})
    with open(os.path.join(OUT, f"{name}.expected.json"), "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
        f.write("\n")


def main():
    data = pd.read_csv(os.path.join(ROOT, "datasets", "warehouse.csv"))
    x = data[FEATURES].to_numpy(dtype=np.float32)
    y = data[DECISION].to_numpy(dtype=np.int64)
    os.makedirs(OUT, exist_ok=True)
    one_input = [("X", FloatTensorType([None, len(FEATURES)]))]
    opts = {"target_opset": {"": 17, "ai.onnx.ml": 3}}

    models = {}
    lr = Pipeline([("scale", StandardScaler()), ("lr", LogisticRegression(max_iter=1000))])
    lr.fit(x, y)
    models["lr_pipeline"] = (lr, convert_sklearn(lr, initial_types=one_input, **opts))

    keep = [j for j in range(len(FEATURES)) if j != SICK]
    nosick = Pipeline([
        ("keep", ColumnTransformer([("scale", StandardScaler(), keep)], remainder="drop")),
        ("lr", LogisticRegression(max_iter=1000)),
    ])
    nosick.fit(x, y)
    models["lr_nosick"] = (nosick, convert_sklearn(nosick, initial_types=one_input, **opts))

    forest = RandomForestClassifier(n_estimators=20, max_depth=6, random_state=12)
    forest.fit(x, y)
    models["forest"] = (
        forest,
        convert_sklearn(forest, initial_types=one_input, options={id(forest): {"zipmap": False}}, **opts),
    )

    gbm = lightgbm.LGBMClassifier(n_estimators=40, num_leaves=15, learning_rate=0.1, random_state=12, verbose=-1)
    gbm.fit(x, y)
    models["lgbm"] = (
        gbm,
        onnxmltools.convert_lightgbm(gbm, initial_types=[("X", MlFloat([None, len(FEATURES)]))], target_opset=15),
    )

    for name, (model, onx) in models.items():
        path = os.path.join(OUT, f"{name}.onnx")
        with open(path, "wb") as f:
            f.write(onx.SerializeToString())
        sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
        own = model.predict_proba(x)[:, 1]
        expected(name, sess, own, x, y)
        print(f"{name}: {os.path.getsize(path)} bytes")
    versions = {
        "numpy": np.__version__, "pandas": pd.__version__, "scikit-learn": sklearn.__version__,
        "skl2onnx": skl2onnx.__version__, "onnxmltools": onnxmltools.__version__,
        "lightgbm": lightgbm.__version__, "onnxruntime": ort.__version__, "python": sys.version.split()[0],
    }
    with open(os.path.join(OUT, "VERSIONS.json"), "w") as f:
        json.dump(versions, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
