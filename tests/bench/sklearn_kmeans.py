#!/usr/bin/python3
"""scikit-learn's KMeans(algorithm="lloyd") on the data and initial centers written by bench_cluster,
the same number of iterations, with THREADS threads: one row of the benchmark table.
   sklearn_kmeans.py DIR NAME ITERATIONS THREADS"""
import sys
import time
import numpy as np
from threadpoolctl import threadpool_limits
from sklearn.cluster import KMeans

folder, name, its, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
X = np.load(f"{folder}/kmeans_{name}_X.npy")
init = np.load(f"{folder}/kmeans_{name}_init.npy")
REPS = 3  # fits timed; the best is reported, as on our side
best = float("inf")
with threadpool_limits(limits=threads):
    km = KMeans(n_clusters=init.shape[0], init=init, n_init=1, max_iter=its, tol=0.0, algorithm="lloyd")
    for _ in range(REPS):
        t0 = time.perf_counter()
        km.fit(X)
        best = min(best, (time.perf_counter() - t0) / km.n_iter_)
label = f"scikit-learn {name}: s/iteration ({km.n_iter_} its, best of {REPS})"
print(f"{label:<40} {best:10.4f} s  ({threads} threads, same data and initial centers)")
