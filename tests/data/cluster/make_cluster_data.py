#!/usr/bin/python3
"""Generates the clustering test data and the scikit-learn references (run once with Debian's
python3-sklearn 1.2; the outputs are committed next to this script)."""
import os
import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris, make_blobs

here = os.path.dirname(os.path.abspath(__file__))


def save(name, a):
    np.save(os.path.join(here, name), np.ascontiguousarray(a))


def lloyd_reference(tag, X, init):
    km = KMeans(n_clusters=init.shape[0], init=init, n_init=1, algorithm="lloyd", tol=1e-4, max_iter=300).fit(X)
    save(tag + "_X.npy", X)
    save(tag + "_init.npy", init)
    save(tag + "_labels.npy", km.labels_.astype(np.int64))
    save(tag + "_centers.npy", km.cluster_centers_)
    print(tag, "n_iter", km.n_iter_, "inertia %.17g" % km.inertia_, "(put into the TEST block of tests/cluster/kmeans.c)")


def best_of_ten(tag, X, k):
    km = KMeans(n_clusters=k, init="k-means++", n_init=10, algorithm="lloyd", random_state=0).fit(X)
    print(tag, "best of 10 k-means++ inertia %.17g" % km.inertia_, "(put into the TEST block of tests/cluster/kmeans.c)")


iris = load_iris().data
lloyd_reference("iris", iris, iris[[10, 20, 30]])
best_of_ten("iris", iris, 3)
# a center far from every sample: its cluster is empty at once and takes the farthest sample
lloyd_reference("irisfar", iris, np.vstack([iris[[10, 20]], [[100.0, 100.0, 100.0, 100.0]]]))
X, _ = make_blobs(n_samples=3000, centers=6, n_features=5, cluster_std=2.5, random_state=1)
lloyd_reference("blobs", X, X[:6])
best_of_ten("blobs", X, 6)
