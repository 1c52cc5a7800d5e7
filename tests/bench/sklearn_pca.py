#!/usr/bin/python3
"""scikit-learn's PCA on the data bench_pca writes, with THREADS threads: rows of the benchmark table.
   sklearn_pca.py DIR NAME K SOLVERS THREADS   (SOLVERS: comma-separated svd_solver values)"""
import sys
import time
import numpy as np
from threadpoolctl import threadpool_limits
from sklearn.decomposition import PCA

folder, name, k, solvers, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(","), int(sys.argv[5])
X = np.load(f"{folder}/pca_{name}_X.npy")
REPS = 3  # fits timed; the best is reported, as on our side
with threadpool_limits(limits=threads):
    for solver in solvers:
        best = float("inf")
        for _ in range(REPS):
            t0 = time.perf_counter()
            PCA(n_components=k, svd_solver=solver, random_state=0).fit(X)
            best = min(best, time.perf_counter() - t0)
        label = f"scikit-learn pca {name} {X.shape[0]} x {X.shape[1]}, k {k}: {solver}"
        print(f"{label:<52} {best:9.4f} s  ({threads} threads, same data)")
