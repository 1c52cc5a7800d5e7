#!/usr/bin/python3
"""Inputs and NumPy/SciPy/scikit-learn references of the linear algebra tests (tests/tensor/matmul.c,
tests/tensor/linalg.c, tests/tensor/qr.c), written once to linalg.h5 beside this script:
    /usr/bin/python3 tests/data/linalg/make_linalg_data.py
"""
import itertools
import os

import h5py
import numpy as np
from scipy.spatial.distance import cdist
from sklearn.metrics.pairwise import rbf_kernel

rng = np.random.default_rng(20240603)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'linalg.h5')


def floats(*shape):
    return rng.standard_normal(shape)


def ints(*shape):
    return rng.integers(-5, 6, size=shape).astype(np.int64)


with h5py.File(out, 'w') as f:
    # matmul: A (n x k), At = A^T (for HtTensorTransposeMatMul), B (k x m), C = A @ B
    cases = {'square': (floats(6, 6), floats(6, 6)),
             'rect': (floats(7, 5), floats(5, 9)),
             'tall': (floats(11, 3), floats(3, 2)),
             'k1': (floats(5, 1), floats(1, 4)),
             'big': (floats(40, 30), floats(30, 20)),
             'int': (ints(5, 4), ints(4, 6)),
             'emptyn': (floats(0, 3), floats(3, 4)),
             'emptyk': (floats(4, 0), floats(0, 3))}
    for name, (a, b) in cases.items():
        g = f.create_group('matmul/' + name)
        g['A'], g['At'], g['B'], g['C'] = a, np.ascontiguousarray(a.T), b, a @ b
    f['matmul/big/Gram'] = cases['big'][0].T @ cases['big'][0]
    a, b = cases['int']
    f['matmul/int/Cbool'] = ((a != 0) @ (b != 0)).astype(np.int64)
    # dot and outer
    x, y, z = floats(17), floats(17), floats(5)
    f['dot/x'], f['dot/y'], f['dot/z'] = x, y, z
    f['dot/xy'] = np.array([np.dot(x, y)])
    f['dot/xz'] = np.outer(x, z)
    xi, yi = ints(17), ints(17)
    f['dot/xi'], f['dot/yi'], f['dot/xiyi'] = xi, yi, np.array([np.dot(xi, yi)])
    # transpose: every permutation of a 3-d tensor, and a 5-d one
    t3 = floats(4, 5, 3)
    f['transpose/t3'] = t3
    for p in itertools.permutations(range(3)):
        f['transpose/t3_' + ''.join(map(str, p))] = np.ascontiguousarray(np.transpose(t3, p))
    t5 = ints(2, 3, 1, 4, 2)
    f['transpose/t5'] = t5
    f['transpose/t5_30421'] = np.ascontiguousarray(np.transpose(t5, (3, 0, 4, 2, 1)))
    f['transpose/t5_rev'] = np.ascontiguousarray(np.transpose(t5))
    # trace, tril, triu
    m = floats(5, 7)
    m[2, 3] = np.nan
    f['tri/m'] = m
    f['tri/trace'] = np.array([np.trace(m, k) for k in range(-6, 9)])
    for k in (-2, 0, 3):
        f['tri/m_tril_%d' % k], f['tri/m_triu_%d' % k] = np.tril(m, k), np.triu(m, k)
    s = ints(2, 4, 5)
    f['tri/s'] = s
    for k in (-1, 1):
        f['tri/s_tril_%d' % k], f['tri/s_triu_%d' % k] = np.tril(s, k), np.triu(s, k)
    # cdist and RBF kernel
    X, Y = floats(13, 4), floats(6, 4)
    X[4, 1] = np.nan
    f['cdist/X'], f['cdist/Y'] = X, Y
    for metric in ('euclidean', 'sqeuclidean', 'cityblock'):
        f['cdist/' + metric] = cdist(X, Y, metric)
    f['cdist/rbf'] = np.exp(-0.25 * cdist(X, Y, 'sqeuclidean'))  # rbf_kernel's default gamma = 1 / features
    f['cdist/rbf03'] = np.exp(-0.3 * cdist(X, Y, 'sqeuclidean'))
    Xc = np.nan_to_num(X)
    assert np.allclose(rbf_kernel(Xc, Y, gamma=0.3), np.exp(-0.3 * cdist(Xc, Y, 'sqeuclidean')))
    Xi = ints(9, 3)
    f['cdist/Xi'], f['cdist/Xi_euclidean'] = Xi, cdist(Xi, Xi, 'euclidean')
    # QR: R with a non-negative diagonal (the unique factorization) and Q
    for name, shape in (('tall', (23, 4)), ('square', (9, 9))):
        a = floats(*shape)
        q, r = np.linalg.qr(a)
        sign = np.where(np.diag(r) < 0, -1.0, 1.0)
        f['qr/%s/A' % name], f['qr/%s/Q' % name], f['qr/%s/R' % name] = a, q * sign, sign[:, None] * r
print('wrote', out)
