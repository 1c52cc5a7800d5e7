#!/usr/bin/python3
"""Generates the scaling test data and the scikit-learn references (run once with Debian's python3-sklearn 1.2:
/usr/bin/python3 make_scaler_data.py; the outputs are committed next to this script and checked by
tests/scaler/scaler.c).

Data sets <data>_X.npy (fitted) and <data>_new.npy (transformed with the fitted model: values beyond the range of
the fit, and an all-zero sample):
  iris   the four features of share/heat/datasets/iris.csv (150 x 4)
  small  16 x 6: a normal feature, a constant feature, an all-zero feature, negative values, outliers, and small
         integers with ties (percentiles that interpolate)
  wide   50 x 70 normal values rounded to 0.1 (ties), only for the robust cases: more features than the tensor
         layer's distributed percentile selects at once, so it resplits the data along the features
For every case below (for wide only the robust ones), <data>_<case>_transformed.npy and <data>_<case>_new.npy are the transforms of X and of the
new data, and <data>_<case>_<stat>.npy every fitted statistic scikit-learn has (mean var scale center max_abs
data_min data_max min, its attributes without the trailing underscore; a statistic it sets to None has no file).
"""
import os
import numpy as np
from sklearn.preprocessing import MaxAbsScaler, MinMaxScaler, Normalizer, RobustScaler, StandardScaler

here = os.path.dirname(os.path.abspath(__file__))
top = os.path.normpath(os.path.join(here, "..", "..", ".."))

# case name -> the scikit-learn estimator; the options of tests/scaler/scaler.c give HtScaler the same parameters
CASES = {
    "standard": StandardScaler(),
    "standard_nomean": StandardScaler(with_mean=False),
    "standard_nostd": StandardScaler(with_std=False),
    "minmax": MinMaxScaler(),
    "minmax_range": MinMaxScaler(feature_range=(-2, 3), clip=True),
    "maxabs": MaxAbsScaler(),
    "robust": RobustScaler(),
    "robust_q": RobustScaler(quantile_range=(10, 90), with_centering=False),
    "robust_noscale": RobustScaler(with_scaling=False),
    "normalizer": Normalizer(),
    "normalizer_l1": Normalizer(norm="l1"),
    "normalizer_max": Normalizer(norm="max"),
}
STATS = ["mean", "var", "scale", "center", "max_abs", "data_min", "data_max", "min"]


def save(name, a):
    np.save(os.path.join(here, name), np.ascontiguousarray(a, dtype=np.float64))


def iris():
    X = np.loadtxt(os.path.join(top, "share", "heat", "datasets", "iris.csv"), delimiter=",", skiprows=1)[:, :4]
    new = np.array([[4.0, 2.0, 0.5, 0.05], [8.5, 4.6, 7.2, 2.7], [5.8, 3.0, 4.35, 1.3], [0.0, 0.0, 0.0, 0.0]])
    return X, new


def small():
    rng = np.random.default_rng(12)
    n = 16
    X = np.empty((n, 6))
    X[:, 0] = np.round(rng.normal(2.0, 3.0, n), 3)
    X[:, 1] = 3.7
    X[:, 2] = 0.0
    X[:, 3] = -np.round(rng.uniform(1.0, 10.0, n), 2)
    X[:, 4] = np.round(rng.normal(0.0, 1.0, n), 3)
    X[3, 4], X[11, 4] = 1000.0, -250.0
    X[:, 5] = rng.integers(-3, 4, n)
    new = np.array([[20.0, 3.7, 0.0, -12.0, 2000.0, 9.0],
                    [-15.0, 1.0, 2.0, 0.5, -600.0, -9.0],
                    [1.5, 3.7, 0.0, -5.0, 0.25, 1.0],
                    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]])
    return X, new


def wide():
    rng = np.random.default_rng(7)
    X = np.round(rng.normal(0.0, 2.0, (50, 70)), 1)
    return X, np.round(rng.normal(0.0, 4.0, (3, 70)), 1)


for data, (X, new) in {"iris": iris(), "small": small(), "wide": wide()}.items():
    save(data + "_X.npy", X)
    save(data + "_new.npy", new)
    for case, est in CASES.items():
        if data == "wide" and not case.startswith("robust"):
            continue
        tag = data + "_" + case
        save(tag + "_transformed.npy", est.fit_transform(X))
        save(tag + "_new.npy", est.transform(new))
        have = [s for s in STATS if getattr(est, s + "_", None) is not None]
        for s in have:
            save(tag + "_" + s + ".npy", np.broadcast_to(getattr(est, s + "_"), (X.shape[1],)))
        print(tag, "statistics:", " ".join(have) or "none")
