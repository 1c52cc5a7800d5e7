#!/usr/bin/python3
"""Generates the PCA test data and the scikit-learn references (run once with Debian's python3-sklearn 1.2; the
outputs are committed next to this script and checked by tests/pca/*.c).

Sign convention: scikit-learn >= 1.5 (and Heat for PETSc) make the entry of largest magnitude of each component
positive; scikit-learn 1.2 decides the sign from U, so the references are flipped here to that convention (the
scores with them)."""
import math
import os
import numpy as np
from sklearn.decomposition import PCA, IncrementalPCA

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..", "..", "..")


def save(name, a):
    np.save(os.path.join(here, name), np.ascontiguousarray(a))


def flip(components, *scores):
    signs = np.sign(components[np.arange(components.shape[0]), np.argmax(np.abs(components), axis=1)])
    return (components * signs[:, None],) + tuple(s * signs[None, :] for s in scores)


def exact_mean(X):
    return np.array([math.fsum(X[:, j]) / X.shape[0] for j in range(X.shape[1])])


def reference(tag, X, k, model, exact=False):
    model.fit(X)
    if exact:  # NumPy's pairwise mean of values near 1e9 is 1e-6 off; the scores then shift by 6e-9 relative
        model.mean_ = exact_mean(X)
    Y = model.transform(X)
    comps, Y = flip(model.components_, Y)
    save(f"{tag}_components.npy", comps)
    save(f"{tag}_explained_variance.npy", model.explained_variance_)
    save(f"{tag}_explained_variance_ratio.npy", model.explained_variance_ratio_)
    save(f"{tag}_singular_values.npy", model.singular_values_)
    save(f"{tag}_mean.npy", model.mean_)
    save(f"{tag}_transformed.npy", Y)
    print(tag, "k", k, "ev", " ".join("%.10g" % v for v in model.explained_variance_),
          "ratio", " ".join("%.10g" % v for v in model.explained_variance_ratio_), "noise %.10g" % model.noise_variance_)


iris = np.loadtxt(os.path.join(root, "share", "heat", "datasets", "iris.csv"), delimiter=",", skiprows=1)[:, :4]
save("iris_X.npy", iris)
reference("iris", iris, 2, PCA(n_components=2, svd_solver="full"))
reference("iris_white", iris, 3, PCA(n_components=3, svd_solver="full", whiten=True))
reference("iris_var", iris, None, PCA(n_components=0.95, svd_solver="full"))

# low rank + noise: 400 samples of 30 features, rank 5 with singular values 50 .. 10, noise 0.05
rng = np.random.default_rng(12)
U, _ = np.linalg.qr(rng.standard_normal((400, 5)))
V, _ = np.linalg.qr(rng.standard_normal((30, 5)))
low = 20 * U @ np.diag([50.0, 40, 30, 20, 10]) @ V.T + 0.05 * rng.standard_normal((400, 30)) + rng.uniform(-3, 3, 30)
save("lowrank_X.npy", low)
reference("lowrank", low, 5, PCA(n_components=5, svd_solver="full"))
save("lowrank_offset_X.npy", low + 1e9)  # the same data 1e9 away from the origin (rounded to 1.2e-7 as stored)
reference("lowrank_offset", low + 1e9, 5, PCA(n_components=5, svd_solver="full"), exact=True)
reference("lowrank_inc", low, 5, IncrementalPCA(n_components=5, batch_size=64))
