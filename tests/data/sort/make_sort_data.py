#!/usr/bin/python3
"""Writes tests/data/sort/sort.h5: the inputs of tests/tensor/sort.c and tests/tensor/index.c and
their NumPy references. Run once with a Python that has NumPy and h5py (Debian: /usr/bin/python3):

    /usr/bin/python3 tests/data/sort/make_sort_data.py

Inputs (float64 unless said otherwise):
  a1 (29,)        values from a small set: duplicates, 3 NaN
  a2 (7, 5)       the same kind, with NaN
  a3 (4, 3, 5)    one decimal in [-1, 1]: duplicates and zeros
  n2 (13, 2)      int64 in 0..4 (few lines along a long axis: sorted line by line across ranks)
  big (600,)      int64 in 0..9 (argsort stability)
  sorted (50,), reversed (50,), const (40,)   already sorted, reverse sorted, every value equal
  mask3 (4, 3, 5)  int64 0/1: a3 > 0.2 (the C test sorts it as HT_BOOL)
References (`sort_<name>_<axis>_<asc|desc>_<val|idx>`): np.sort / np.argsort(kind='stable') along each
axis; descending is the reverse of the ascending values (NaN first) with equal values in index order.
unique_<name>_{val,cnt}: np.unique(return_counts=True) (NaN counted once). Slices, take/put, compress
and nonzero: see the comments below; the C tests rebuild the same arguments.
"""
import os

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
N = None

# the slices of tests/tensor/index.c, on a3 (4, 3, 5): Python's x[s0, s1, s2]
SLICES = [
    (slice(1, N, 2), slice(N), slice(N, N, -1)),
    (slice(-1, N, -1), slice(-2, N), slice(1, -1)),
    (slice(N, N, -2), slice(2, 0, -1), slice(-1, -6, -2)),
    (slice(3, 1), slice(N), slice(N)),          # empty
    (slice(-100, 100, 3), slice(N, N, -1), slice(4, 5)),
    (slice(2, 3), slice(1, 2), slice(0, 1)),
]
# take along each axis of a3 (indices with negatives) and put (no repeated index)
TAKE = {0: [3, -1, 0, 0, -4, 2], 1: [-1, 1, 0, 2], 2: [4, -5, 2, 2, -1, 0, 3]}
PUT = {0: [2, -1], 1: [-3, 2], 2: [4, 0, -2]}


def sort_ref(x, axis, descending):
    """values and stable indices; descending: NaN first, larger first, equal values by index"""
    if not descending:
        idx = np.argsort(x, axis=axis, kind='stable')
        return np.take_along_axis(x, idx, axis), idx
    xm = np.moveaxis(x, axis, -1)
    idx = np.empty(xm.shape, dtype=np.int64)
    for line in np.ndindex(xm.shape[:-1]):
        v = xm[line]
        isnan = np.isnan(v) if v.dtype.kind == 'f' else np.zeros(v.shape, bool)
        idx[line] = sorted(range(len(v)), key=lambda j: (0 if isnan[j] else 1, 0 if isnan[j] else -v[j], j))
    idx = np.moveaxis(idx, -1, axis)
    return np.take_along_axis(x, idx, axis), idx


def main():
    rng = np.random.default_rng(20240605)
    data = {}
    data['a1'] = rng.choice([-2.5, -1.0, 0.0, 0.5, 3.0, 7.25], size=29)
    data['a1'][[4, 11, 20]] = np.nan
    data['a2'] = rng.choice([-1.0, 0.0, 2.0, 2.5, 9.0], size=(7, 5))
    data['a2'][[0, 3, 6], [1, 4, 1]] = np.nan
    data['a3'] = np.round(rng.uniform(-1, 1, size=(4, 3, 5)), 1)
    data['a3'][0, 0, :2] = 0.0
    data['n2'] = rng.integers(0, 5, size=(13, 2)).astype(np.int64)
    data['big'] = rng.integers(0, 10, size=600).astype(np.int64)
    data['sorted'] = np.arange(50, dtype=np.float64) * 0.5
    data['reversed'] = data['sorted'][::-1].copy()
    data['const'] = np.full(40, 7.0)
    data['mask3'] = (data['a3'] > 0.2).astype(np.int64)  # sorted as HT_BOOL by the test
    out = dict(data)
    for name, x in data.items():
        for axis in range(x.ndim):
            for descending in (False, True):
                val, idx = sort_ref(x, axis, descending)
                key = f'sort_{name}_{axis}_{"desc" if descending else "asc"}'
                out[key + '_val'] = val
                out[key + '_idx'] = idx.astype(np.int64)
        u, c = np.unique(x, return_counts=True)
        out[f'unique_{name}_val'] = u
        out[f'unique_{name}_cnt'] = c.astype(np.int64)
    a3 = data['a3']
    for k, s in enumerate(SLICES):
        ref = a3[s]
        out[f'slice_{k}'] = ref
        # set: the slice = -1 - (flat index within the slice); setvalue: the slice = 99
        y = a3.copy()
        y[s] = -1.0 - np.arange(ref.size).reshape(ref.shape)
        out[f'setslice_{k}'] = y
        y = a3.copy()
        y[s] = 99.0
        out[f'setvalue_{k}'] = y
    for axis, idx in TAKE.items():
        out[f'takeidx_{axis}'] = np.array(idx, dtype=np.int64)
        out[f'take_{axis}'] = np.take(a3, idx, axis=axis)
    for axis, idx in PUT.items():
        out[f'putidx_{axis}'] = np.array(idx, dtype=np.int64)
        shape = list(a3.shape)
        shape[axis] = len(idx)
        y = a3.copy()
        sl = [slice(None)] * 3
        sl[axis] = idx
        y[tuple(sl)] = 1000.0 + np.arange(np.prod(shape)).reshape(shape)  # value = 1000 + flat index
        out[f'put_{axis}'] = y
    rowmask = np.array([1, 0, 0, 1, 1, 0, 1], dtype=np.int64)
    out['rowmask'] = rowmask
    out['compress_rows_a2'] = data['a2'][rowmask.astype(bool)]
    elemmask = data['mask3']
    out['elemmask'] = elemmask
    out['compress_elems_a3'] = a3[elemmask.astype(bool)]
    out['nonzero_a3'] = np.argwhere(a3).astype(np.int64)
    out['nonzero_n2'] = np.argwhere(data['n2']).astype(np.int64)
    path = os.path.join(HERE, 'sort.h5')
    with h5py.File(path, 'w') as f:
        for key, value in out.items():
            f[key] = value
    print(f'wrote {path} ({len(out)} datasets)')


if __name__ == '__main__':
    main()
