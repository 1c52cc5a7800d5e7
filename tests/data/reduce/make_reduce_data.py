#!/usr/bin/python3
"""Generates tests/data/reduce/reduce.h5: inputs and NumPy references of the reductions and statistics.

Run once with /usr/bin/python3 (NumPy, h5py); the tests compare HtTensor results with these datasets:
  <input>/data                the input (bool inputs are stored as uint8)
  <input>/<op>                NumPy's results of op over every element and along each axis 0, 1, ..., as float64:
                              one flag per case (1: NumPy has a result, 0: it fails or warns, except the mean of an
                              empty axis, which is NaN), then the flattened results of the cases with a flag 1
  stats/...                   references of histogram, bincount, cov and average (see below)
"""
import os
import warnings

import h5py
import numpy as np

rng = np.random.default_rng(20240601)
f = np.round(rng.normal(0, 3, (5, 4, 3)), 3)
f[1, 2, :] = 0
f[3, 0, 1] = 0
f[0, 1, 2] = f[4, 3, 0] = f.max() + 1  # ties for argmax
i = rng.integers(-4, 6, (5, 4, 3))
b = rng.integers(0, 2, (5, 4, 3)).astype(bool)
n = f.copy()
n[2, 1, 0] = np.nan
n[4, 3, 2] = np.nan
big = 1e9 + rng.normal(0, 1, (5, 4, 3))  # sum of squares would lose every digit of the variance
e = np.zeros((0, 3))
w = np.round(rng.normal(0, 1, (6, 70)), 2)  # many lines along split axis 0: the percentile resplits
inputs = {'f': f, 'i': i, 'b': b, 'n': n, 'big': big, 'e': e, 'w': w}


def vector_norm(ordv):
    return lambda x, axis: np.linalg.norm(x.astype(float).ravel() if axis is None else x.astype(float), ordv, axis=axis)


ops = {
    'sum': np.sum, 'prod': np.prod, 'mean': np.mean,
    'var0': lambda x, axis: np.var(x, axis=axis, ddof=0), 'var1': lambda x, axis: np.var(x, axis=axis, ddof=1),
    'std0': lambda x, axis: np.std(x, axis=axis, ddof=0), 'std1': lambda x, axis: np.std(x, axis=axis, ddof=1),
    'min': np.min, 'max': np.max, 'argmin': np.argmin, 'argmax': np.argmax,
    'all': np.all, 'any': np.any, 'count_nonzero': np.count_nonzero,
    'norm1': vector_norm(1), 'norm2': vector_norm(2), 'norminf': vector_norm(np.inf),
    'cumsum': np.cumsum, 'median': np.median,
    'p30': lambda x, axis: np.percentile(x, 30, axis=axis), 'p0': lambda x, axis: np.percentile(x, 0, axis=axis),
    'p100': lambda x, axis: np.percentile(x, 100, axis=axis), 'p62.5': lambda x, axis: np.percentile(x, 62.5, axis=axis),
}


def store(h, name, value):
    value = np.asarray(value)
    if value.dtype == bool:
        value = value.astype(np.uint8)
    h.create_dataset(name, data=value)


here = os.path.dirname(os.path.abspath(__file__))
with h5py.File(os.path.join(here, 'reduce.h5'), 'w') as h:
    for name, x in inputs.items():
        store(h, name + '/data', x)
        for op, fn in ops.items():
            flags, values = [], []
            for axis in [None] + list(range(x.ndim)):
                with warnings.catch_warnings():
                    warnings.simplefilter('ignore' if op == 'mean' else 'error')
                    try:
                        if op == 'cumsum' and axis is None:
                            raise ValueError('cumsum needs an axis')
                        ref = fn(x, axis=axis)
                    except (ValueError, IndexError, TypeError, RuntimeWarning):
                        flags.append(0)
                        continue
                flags.append(1)
                values.extend(np.ravel(ref).astype(float))
            store(h, f'{name}/{op}', np.array(flags + values, dtype=float))
    # statistics
    x = np.round(rng.normal(0, 2, 50), 2)
    x[7] = 10.0
    store(h, 'stats/x', x)
    counts, edges = np.histogram(x, 7)
    store(h, 'stats/hist7', counts)
    store(h, 'stats/edges7', edges)
    counts, edges = np.histogram(x, 5, range=(-1, 1))
    store(h, 'stats/hist5r', counts)
    store(h, 'stats/edges5r', edges)
    counts, edges = np.histogram(np.full(4, 3.0), 4)  # an empty range grows by 1/2 on each side
    store(h, 'stats/hist4c', counts)
    store(h, 'stats/edges4c', edges)
    labels = rng.integers(0, 6, 40)
    labels[3] = 8
    weights = np.round(rng.normal(0, 1, 40), 2)
    store(h, 'stats/labels', labels)
    store(h, 'stats/labelweights', weights)
    store(h, 'stats/bincount', np.bincount(labels))
    store(h, 'stats/bincount12', np.bincount(labels, minlength=12))
    store(h, 'stats/bincountw', np.bincount(labels, weights=weights))
    X = rng.normal(0, 1, (37, 5)) @ rng.normal(0, 1, (5, 5)) + np.arange(5)
    store(h, 'stats/X', X)
    store(h, 'stats/cov', np.cov(X, rowvar=False))
    store(h, 'stats/cov0', np.cov(X, rowvar=False, ddof=0))
    Xbig = 1e9 + X  # centred chunk-wise: the covariance keeps its digits
    store(h, 'stats/Xbig', Xbig)
    store(h, 'stats/covbig', np.cov(Xbig, rowvar=False))
    A = np.round(rng.normal(0, 1, (6, 4, 5)), 2)
    WA = np.round(rng.uniform(0.1, 2, (6, 4, 5)), 2)
    store(h, 'stats/A', A)
    store(h, 'stats/WA', WA)
    for axis in [None, 0, 1, 2]:
        key = 'none' if axis is None else str(axis)
        store(h, f'stats/avgfull/{key}', np.average(A, axis=axis, weights=WA))
        if axis is not None:
            wl = np.round(rng.uniform(0.1, 2, A.shape[axis]), 2)
            store(h, f'stats/wline/{key}', wl)
            store(h, f'stats/avgline/{key}', np.average(A, axis=axis, weights=wl))
