#!/usr/bin/python3
"""Generates the spectral clustering test data (two concentric circles, two moons) and dense references
(run once with Debian's python3-sklearn 1.2; the .npy outputs are committed next to this script, the printed
numbers go into the TEST block of tests/cluster/spectral.c). The blobs data come from make_cluster_data.py.

The reference is the same algorithm done densely: scikit-learn's k-nearest-neighbour connectivity graph
(include_self=False) symmetrized as (C + C^T)/2, or the RBF kernel exp(-gamma d^2) within the radius eps;
M = D^-1/2 A D^-1/2; the K smallest eigenvalues of I - M by numpy.linalg.eigh. The inertia of the true
partition (squared distances to the class means) is what the spectral object reports when it recovers it."""
import os
import numpy as np
from sklearn.cluster import KMeans, SpectralClustering
from sklearn.datasets import make_circles, make_moons
from sklearn.metrics import adjusted_rand_score
from sklearn.neighbors import kneighbors_graph, radius_neighbors_graph

here = os.path.dirname(os.path.abspath(__file__))


def save(name, a):
    np.save(os.path.join(here, name), np.ascontiguousarray(a))


def laplacian_eigenvalues(A, k):
    d = np.asarray(A.sum(axis=1)).ravel()
    M = A.toarray() / np.sqrt(np.outer(d, d))
    return np.sort(1.0 - np.linalg.eigvalsh(M))[:k]


def true_inertia(X, y):
    return sum(((X[y == c] - X[y == c].mean(axis=0)) ** 2).sum() for c in np.unique(y))


def report(tag, X, y, A, what, k=2):
    lam = laplacian_eigenvalues(A, k)
    print("%s %s: -ref_eigenvalues %s" % (tag, what, ",".join("%.12g" % max(v, 0.0) for v in lam)))


for tag, (X, y) in (("circles", make_circles(n_samples=400, factor=0.5, noise=0.05, random_state=0)),
                    ("moons", make_moons(n_samples=400, noise=0.05, random_state=0))):
    save(tag + "_X.npy", X)
    save(tag + "_labels.npy", y.astype(np.int64))
    print("%s: -ref_inertia %.17g" % (tag, true_inertia(X, y)))
    for k in (10, 20):
        C = kneighbors_graph(X, k, include_self=False)
        report(tag, X, y, 0.5 * (C + C.T), "knn %d" % k)
    gamma = 30.0
    D = radius_neighbors_graph(X, np.sqrt(np.log(1e4) / gamma), mode="distance", include_self=False)
    D.data = np.exp(-gamma * D.data ** 2)
    report(tag, X, y, D, "rbf_eps gamma 30")
    sc = SpectralClustering(2, affinity="nearest_neighbors", n_neighbors=10, random_state=0).fit(X)
    km = KMeans(2, n_init=10, random_state=0).fit(X)
    print("%s: scikit-learn ARI: spectral %.6f, kmeans %.6f" % (tag, adjusted_rand_score(y, sc.labels_), adjusted_rand_score(y, km.labels_)))

# a larger case, in 5-d, where the k-d tree pruning of the graph matters: the k-means test data (3000 samples of 6 blobs)
X = np.load(os.path.join(here, "blobs_X.npy"))
C = kneighbors_graph(X, 10, include_self=False)
report("blobs", X, None, 0.5 * (C + C.T), "knn 10, K 6", 6)
