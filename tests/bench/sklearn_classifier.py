#!/usr/bin/python3
"""scikit-learn's brute-force KNeighborsClassifier (k = 5) on the data bench_classifier writes, with THREADS threads:
   a row of the benchmark table.   sklearn_classifier.py DIR THREADS"""
import sys
import time
import numpy as np
from threadpoolctl import threadpool_limits
from sklearn.neighbors import KNeighborsClassifier

folder, threads = sys.argv[1], int(sys.argv[2])
X, y, Q = (np.load(f"{folder}/knn_{w}.npy") for w in "XyQ")
REPS = 3  # predictions timed; the best is reported, as on our side
with threadpool_limits(limits=threads):
    model = KNeighborsClassifier(n_neighbors=5, algorithm="brute", n_jobs=threads).fit(X, y)
    best = float("inf")
    for _ in range(REPS):
        t0 = time.perf_counter()
        model.predict(Q)
        best = min(best, time.perf_counter() - t0)
label = f"scikit-learn knn predict {Q.shape[0]} queries, {X.shape[0]} x {X.shape[1]} training, k 5"
print(f"{label:<60} {best:9.4f} s  ({threads} threads, brute force, same data)")
