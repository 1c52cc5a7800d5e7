#!/usr/bin/python3
"""Writes share/heat/datasets/diabetes.csv: scikit-learn's load_diabetes() (the default, scaled features), the 10
feature columns then the target as the last column, with a header line of names (run once with Debian's
python3-sklearn; the output is committed)."""
import os
from sklearn.datasets import load_diabetes

here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, "..", "..", "..", "share", "heat", "datasets", "diabetes.csv")
d = load_diabetes()


def fmt(v):
    return repr(float(v)) if v != int(v) else str(int(v))


with open(path, "w") as f:
    f.write(",".join(list(d.feature_names) + ["target"]) + "\n")
    for x, y in zip(d.data, d.target):
        f.write(",".join(fmt(v) for v in list(x) + [y]) + "\n")
