#!/usr/bin/python3
"""Writes tests/data/small.h5, the h5py-written input of tests/io/hdf5.c, and tests/data/rows.h5, the
input of the row batches of tests/io/rows.c.

Run once with a Python that has numpy and h5py (Debian: /usr/bin/python3) from any
directory; the file is committed, so the tests do not need h5py:

    /usr/bin/python3 tests/data/make_hdf5_data.py

Datasets (i is the flat row-major index):
  data         (5, 3)     float64  i * 0.5 - 1
  f4           (4, 2)     float32  i * 0.25 - 1 (exact in float32)
  i8           (2, 3)     int64    i * 1000 - 2500, then the int32 extremes at [1, 1] and [1, 2]
  i4           (7,)       int32    i * i - 10
  u1           (3, 2)     uint8    i * 50
  group/sub/x  (3, 2, 2)  float64  i / 8
  scalar       ()         float64  3.25
  empty        (0, 3)     float64
  big_i8       (6,)       int64    i, then 2**40 last (does not fit a 32-bit PetscInt)
  big_u4       (4,)       uint32   i, then 3000000000 last (does not fit a 32-bit PetscInt)
  strings      (3,)       strings  (an unsupported type)
  nine_d       (1,) * 9   float64  more axes than a tensor has
  null                    float64  an HDF5 null dataspace (no data)

Datasets of rows.h5:
  data         (13, 4)    float64  i * 0.25 - 3
  x/i2         (11, 3)    int16    i * 7 - 100
"""
import os

import h5py
import numpy as np


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'small.h5')
    i8 = np.arange(6, dtype=np.int64) * 1000 - 2500
    i8[4:] = [2**31 - 1, -2**31]
    big_i8 = np.arange(6, dtype=np.int64)
    big_i8[-1] = 2**40
    big_u4 = np.arange(4, dtype=np.uint32)
    big_u4[-1] = 3000000000
    with h5py.File(path, 'w') as f:
        f['data'] = np.arange(15, dtype=np.float64).reshape(5, 3) * 0.5 - 1
        f['f4'] = (np.arange(8, dtype=np.float32) * 0.25 - 1).reshape(4, 2)
        f['i8'] = i8.reshape(2, 3)
        f['i4'] = np.arange(7, dtype=np.int32) ** 2 - 10
        f['u1'] = (np.arange(6, dtype=np.uint8) * 50).reshape(3, 2)
        f['group/sub/x'] = np.arange(12, dtype=np.float64).reshape(3, 2, 2) / 8
        f['scalar'] = np.float64(3.25)
        f['empty'] = np.zeros((0, 3))
        f['big_i8'] = big_i8
        f['big_u4'] = big_u4
        f['strings'] = np.array([b'alpha', b'beta', b'gamma'])
        f['nine_d'] = np.zeros((1,) * 9)
        f['null'] = h5py.Empty('f8')
    print(f'wrote {path}')
    path = os.path.join(os.path.dirname(path), 'rows.h5')
    with h5py.File(path, 'w') as f:
        f['data'] = np.arange(52, dtype=np.float64).reshape(13, 4) * 0.25 - 3
        f['x/i2'] = (np.arange(33, dtype=np.int16) * 7 - 100).reshape(11, 3)
    print(f'wrote {path}')


if __name__ == '__main__':
    main()
