#!/usr/bin/python3
"""NumPy re-implementation of HtCluster batchkmeans (src/ml/cluster/impls/batchkmeans/batchkmeans.c), run once
on blobs_X.npy; the outputs are committed next to this script and checked by tests/cluster/batchkmeans.c.

The procedure: B batches of consecutive samples (PETSc's balanced split of N into B parts), on each a greedy
k-means++ (Philox-keyed as src/ml/cluster/interface/clusterinit.c, seed derived from (seed, batch)) then weighted
Lloyd; the B K weighted centers are merged by groups of `merge` consecutive sets, level by level, by weighted
k-means++ + Lloyd; the final centers label the data. Every Lloyd run is also checked against scikit-learn's
KMeans(algorithm="lloyd") from the same initial centers (an independent implementation of that step).
"""
import math
import os
import numpy as np
from sklearn.cluster import KMeans

here = os.path.dirname(os.path.abspath(__file__))
M32 = 0xFFFFFFFF


def philox(seed, index, stream):
    """Philox4x32-10 of include/heat/private/philox.h: counter (index, stream), key = seed"""
    c = [index & M32, (index >> 32) & M32, stream & M32, 0]
    k0, k1 = seed & M32, (seed >> 32) & M32
    for _ in range(10):
        p0 = 0xD2511F53 * c[0]
        p1 = 0xCD9E8D57 * c[2]
        c = [((p1 >> 32) ^ c[1] ^ k0) & M32, p1 & M32, ((p0 >> 32) ^ c[3] ^ k1) & M32, p0 & M32]
        k0 = (k0 + 0x9E3779B9) & M32
        k1 = (k1 + 0xBB67AE85) & M32
    return c


def unit(hi, lo):
    return float((((hi << 32) | lo) >> 11)) * 2.0 ** -53


def uniform(seed, index):
    r = philox(seed, index, 0)
    return unit(r[0], r[1])


def sub_seed(seed, level, index):
    """HtBatchSeed: batch `index` at level 0, merge group `index` at level >= 1"""
    r = philox(seed & (2**64 - 1), index, 0x100 + level)
    return (r[1] << 32) | r[0]


def seqsum(a):
    """sequential sum, as the C loops"""
    return float(np.cumsum(a)[-1]) if len(a) else 0.0


def sqdist_expansion(x, c):
    """the GEMM expansion of HtDistanceChunk plus ||x||^2, clamped at 0"""
    xnorm = np.einsum("ij,ij->i", x, x)
    cnorm = np.einsum("ij,ij->i", c, c)
    return np.maximum(0.0, xnorm[:, None] + (cnorm[None, :] - 2.0 * (x @ c.T)))


def pick(v, targets):
    """HtSamplesPick on one rank: for each sorted target, the first sample with v > 0 whose running sum passes it"""
    cum = np.cumsum(v)
    out = []
    pos = np.nonzero(v > 0)[0]
    last = pos[-1] if len(pos) else -1
    for t in targets:
        idx = np.nonzero((cum > t) & (v > 0))[0]
        out.append(idx[0] if len(idx) else last)
    return out


def kmeanspp(x, w, k, seed):
    """HtSamplesKMeansPP (greedy k-means++, 2 + log K trials)"""
    ntrials = 2 + int(math.log(k))
    r = philox(seed, 0, 2)
    total = seqsum(w)
    first = pick(w, [unit(r[0], r[1]) * total])[0]
    centers = [x[first]]
    closest = sqdist_expansion(x, x[first:first + 1])[:, 0]
    pot = seqsum(w * closest)
    for c in range(1, k):
        targets = sorted(uniform(seed ^ (3 << 56), c * ntrials + t) * pot for t in range(ntrials))
        cand = pick(w * closest, targets)
        d = sqdist_expansion(x, x[cand])
        pots = [seqsum(w * np.minimum(closest, d[:, t])) for t in range(ntrials)]
        best = int(np.argmin(pots))
        pot = pots[best]
        closest = np.minimum(closest, d[:, best])
        centers.append(x[cand[best]])
    return np.array(centers)


def tolerance(x, rtol):
    return rtol * float(np.mean(np.var(x, axis=0)))


def lloyd(x, w, centers, tol, max_it=300):
    """HtSamplesLloyd_Private: returns centers, cluster weights of the last assignment, iterations, converged"""
    k = centers.shape[0]
    labels = np.full(len(x), -1)
    centers = centers.copy()
    for it in range(1, max_it + 1):
        new = np.argmin(sqdist_expansion(x, centers), axis=1)
        changed = np.count_nonzero(new != labels)
        labels = new
        wsum = np.bincount(labels, weights=w, minlength=k)
        assert np.all(wsum > 0), "empty cluster: relocation is not re-implemented here"
        sums = np.zeros_like(centers)
        np.add.at(sums, labels, w[:, None] * x)
        newc = sums / wsum[:, None]
        shift = float(np.sum((newc - centers) ** 2))
        centers = newc
        if changed == 0 or shift <= tol:
            return centers, wsum, it
    return centers, wsum, max_it


def solve(x, w, k, seed, rtol=1e-4):
    init = kmeanspp(x, w, k, seed)
    tol = tolerance(x, rtol)
    centers, wsum, its = lloyd(x, w, init, tol)
    sk = KMeans(n_clusters=k, init=init, n_init=1, algorithm="lloyd", tol=rtol).fit(x, sample_weight=w)
    assert np.allclose(sk.cluster_centers_, centers, rtol=0, atol=1e-10), "Lloyd differs from scikit-learn"
    return centers, wsum, its


def split_start(n, parts, i):
    return i * (n // parts) + min(i, n % parts)


def batchkmeans(X, w, k, nb, merge=2, seed=0):
    n = len(X)
    sets = []
    for b in range(nb):
        s, e = split_start(n, nb, b), split_start(n, nb, b + 1)
        c, cw, _ = solve(X[s:e], w[s:e], k, sub_seed(seed, 0, b))
        sets.append((c, cw))
    level, its = 0, None
    while len(sets) > 1:
        level += 1
        groups = [sets[i:i + merge] for i in range(0, len(sets), merge)]
        merged = []
        for g, group in enumerate(groups):
            if len(group) == 1:
                merged.append(group[0])
                continue
            x = np.vstack([c for c, _ in group])
            cw = np.concatenate([ww for _, ww in group])
            c, cwn, its = solve(x, cw, k, sub_seed(seed, level, g))
            merged.append((c, cwn))
        sets = merged
    centers = sets[0][0]
    labels = np.argmin(sqdist_expansion(X, centers), axis=1)
    inertia = float(np.sum(w * np.sum((X - centers[labels]) ** 2, axis=1)))
    return centers, labels, inertia, its


def main():
    X = np.load(os.path.join(here, "blobs_X.npy"))
    n = len(X)
    for tag, w, seed in (("blobs_batch4", np.ones(n), 0), ("blobs_batch4w", 1.0 + np.arange(n) % 3, 1)):
        centers, labels, inertia, its = batchkmeans(X, w, 6, 4, seed=seed)
        np.save(os.path.join(here, tag + "_centers.npy"), centers)
        np.save(os.path.join(here, tag + "_labels.npy"), labels.astype(np.int64))
        best = KMeans(n_clusters=6, init="k-means++", n_init=10, algorithm="lloyd", random_state=0).fit(X, sample_weight=w)
        print(tag, "seed", seed, "inertia %.17g" % inertia, "final merge iterations", its,
              "scikit-learn best of 10 k-means++ %.17g" % best.inertia_, "(put into the TEST block of tests/cluster/batchkmeans.c)")


if __name__ == "__main__":
    main()
