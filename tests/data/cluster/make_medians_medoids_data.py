#!/usr/bin/python3
"""NumPy references of HtCluster kmedians and kmedoids (run once with /usr/bin/python3; the .npy outputs are
committed next to this script and the printed numbers go into the TEST block of tests/cluster/medians_medoids.c).

The references run the same algorithms as src/ml/cluster/impls/kmedians/kmedians.c and kmedoids/kmedoids.c from the
same initial centers (iris_init.npy, blobs_init.npy), written plainly (sorting for the medians, boolean masks for
the clusters), with the distances summed feature by feature as the C code does, so the labels agree exactly:

kmedians: L1 assignment (ties to the lower cluster); each center coordinate is the weighted lower median of its
  cluster's values (the smallest v with cumulative weight(x <= v) >= half the cluster weight); stop when no label
  changes or the squared center shift is at most tol times the mean feature variance (tol 1e-4).
kmedoids: initial centers moved to their nearest samples (ties to the lower index); assignment to the nearest medoid
  (Euclidean); candidates of a cluster: its medoid and the C = 32 members closest to the weighted mean of the cluster
  at the previous assignment (the medoid at the first iteration), ties to the lower index; the candidate with the
  smallest exact objective sum_j w_j ||x_j - c|| (ties to the lower index) becomes the medoid; stop when no medoid and
  no label changes. It also prints the objective of the exact (brute-force) medoids of the final clusters: the
  candidate restriction may leave a small gap, which the C test measures again.
"""
import os
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))


def load(name):
    return np.load(os.path.join(here, name))


def save(name, a):
    np.save(os.path.join(here, name), np.ascontiguousarray(a))


def distances(X, C, metric):
    """n x k distances, summed over the features in order as HtMetricRow() does"""
    d = np.zeros((X.shape[0], C.shape[0]))
    for j in range(X.shape[1]):
        t = X[:, j, None] - C[None, :, j]
        d = d + (np.abs(t) if metric == "l1" else t * t)
    return d if metric == "l1" else np.sqrt(d)


def assign(X, C, w, metric):
    d = distances(X, C, metric)
    labels = d.argmin(axis=1)  # first minimum: the lower cluster index
    return labels, float(np.sum(w * d[np.arange(len(X)), labels]))


def lower_median(v, w):
    o = np.argsort(v, kind="stable")
    cum = np.cumsum(w[o])
    return v[o][np.nonzero((cum >= w.sum() / 2) & (w[o] > 0))[0][0]]


def kmedians(X, init, w, tol=1e-4, max_it=300):
    tolabs = tol * np.mean(np.var(X, axis=0))
    C, labels = init.astype(float).copy(), -np.ones(len(X), dtype=np.int64)
    for it in range(max_it):
        new, _ = assign(X, C, w, "l1")
        changed, labels = np.sum(new != labels), new
        newC = C.copy()
        for q in range(len(C)):
            m = labels == q
            assert np.sum(w[m] > 0) > 0, "a cluster without weight: the reference does not re-seed"
            newC[q] = [lower_median(X[m, j], w[m]) for j in range(X.shape[1])]
        shift, C = np.sum((newC - C) ** 2), newC
        if changed == 0 or shift <= tolabs:
            break
    labels, inertia = assign(X, C, w, "l1")
    return labels, C, min(it + 1, max_it), inertia


def kmedoids(X, init, w, ncand=32, max_it=300):
    n, k = len(X), len(init)
    medoid = distances(X, init, "l2").argmin(axis=0)
    target, labels = X[medoid].copy(), -np.ones(n, dtype=np.int64)
    for it in range(max_it):
        previous = X[medoid].copy()
        new, _ = assign(X, X[medoid], w, "l2")
        changed, labels = np.sum(new != labels), new
        for q in range(k):
            members = np.nonzero(labels == q)[0]
            assert np.sum(w[members] > 0) > 0, "a cluster without weight: the reference does not re-seed"
            dt = distances(X[members], target[q : q + 1], "l2")[:, 0]
            near = members[np.lexsort((members, dt))[:ncand]]
            cand = np.concatenate(([medoid[q]], near))
            obj = np.array([np.cumsum(w[members] * distances(X[members], X[c : c + 1], "l2")[:, 0])[-1] for c in cand])
            best = min(range(len(cand)), key=lambda e: (obj[e], cand[e]))
            medoid[q] = cand[best]
            target[q] = np.cumsum(w[members, None] * X[members], axis=0)[-1] / np.cumsum(w[members])[-1]
        if np.all(X[medoid] == previous) and changed == 0:
            break
    labels, inertia = assign(X, X[medoid], w, "l2")
    return labels, X[medoid], min(it + 1, max_it), inertia


def exact_medoids_objective(X, labels, w):
    """sum over the clusters of min over the members c of sum_j w_j ||x_j - c||, by brute force"""
    total = 0.0
    for q in np.unique(labels):
        P, wq = X[labels == q], w[labels == q]
        D = np.sqrt(((P[:, None, :] - P[None, :, :]) ** 2).sum(axis=2))
        total += np.min(wq @ D)
    return total


def reference(tag, X, init, w):
    labels, centers, its, inertia = kmedians(X, init, w)
    save(tag + "_kmedians_labels.npy", labels)
    save(tag + "_kmedians_centers.npy", centers)
    print(tag, "kmedians: n_iter", its, "inertia %.17g" % inertia)
    labels, centers, its, inertia = kmedoids(X, init, w)
    save(tag + "_kmedoids_labels.npy", labels)
    save(tag + "_kmedoids_centers.npy", centers)
    assert all(np.any(np.all(X == c, axis=1)) for c in centers), "a medoid that is not a sample"
    exact = exact_medoids_objective(X, labels, w)
    print(tag, "kmedoids: n_iter", its, "inertia %.17g" % inertia, "exact medoids of the final clusters %.17g" % exact,
          "relative gap %.3e" % ((inertia - exact) / exact))


iris, blobs = load("iris_X.npy"), load("blobs_X.npy")
reference("iris", iris, load("iris_init.npy"), np.ones(len(iris)))
reference("blobs", blobs, load("blobs_init.npy"), np.ones(len(blobs)))
weights = 1.0 + np.arange(len(iris)) % 3  # integer weights: every sum is exact in any order
save("iris_weights.npy", weights)
reference("iris_weighted", iris, load("iris_init.npy"), weights)
