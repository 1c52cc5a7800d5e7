#!/usr/bin/python3
"""scikit-learn's Lasso on the data bench_regressor writes, with THREADS threads: a row of the benchmark table.
   sklearn_lasso.py DIR ALPHA TOL THREADS"""
import sys
import time
import numpy as np
from threadpoolctl import threadpool_limits
from sklearn.linear_model import Lasso

folder, alpha, tol, threads = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
X = np.load(f"{folder}/lasso_X.npy")
y = np.load(f"{folder}/lasso_y.npy")
REPS = 3  # fits timed; the best is reported, as on our side
with threadpool_limits(limits=threads):
    best = float("inf")
    for _ in range(REPS):
        t0 = time.perf_counter()
        m = Lasso(alpha=alpha, tol=tol).fit(X, y)
        best = min(best, time.perf_counter() - t0)
label = f"scikit-learn lasso {X.shape[0]} x {X.shape[1]}, alpha {alpha:g}, tol {tol:g}"
print(f"{label}: fit {best:9.4f} s ({m.n_iter_} epochs, {np.count_nonzero(m.coef_)} non-zero; {threads} threads, same data)")
