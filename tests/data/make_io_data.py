#!/usr/bin/python3
"""Writes the small .npy and CSV files of tests/io/npy.c and tests/io/csv.c (run once, from any
directory, with a Python that has NumPy: /usr/bin/python3 tests/data/make_io_data.py).

Good files hold v(i) = A + B * i at flat C-order index i, with (A, B) passed to the tests as
-affine A,B, so the tests check every value against the formula. The bad files exercise one error
each.
"""
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def affine(shape, a, b, dtype):
    return (a + b * np.arange(int(np.prod(shape)))).reshape(shape).astype(dtype)


def save(name, array, **kw):
    np.save(os.path.join(HERE, name), array, **kw)


def raw(name, data):
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)


def npy_header(descr, shape, fortran=False):
    """The version 1.0 header NumPy would write for these fields (for hand-made bad files)."""
    d = "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }" % (descr, fortran, shape)
    d += ' ' * (63 - (10 + len(d)) % 64) + '\n'
    return b'\x93NUMPY\x01\x00' + struct.pack('<H', len(d)) + d.encode('latin1')


def text(name, body):
    with open(os.path.join(HERE, name), 'w', newline='') as f:
        f.write(body)


def rows(shape, a, b, fmt='%g', sep=','):
    v = affine(shape, a, b, np.float64)
    return ''.join(sep.join(fmt % x for x in row) + '\n' for row in v)


# ---- good .npy files: v = -1 + 0.5 i (floats), v = -7 + 3 i (integers)
save('small_f8.npy', affine((5, 3), -1, 0.5, np.float64))
save('small_f4.npy', affine((5, 3), -1, 0.5, np.float32))
save('small_i8.npy', affine((5, 3), -7, 3, np.int64))
save('small_i4.npy', affine((4, 2), -7, 3, np.int32))
save('small_u1.npy', affine((6,), 250, 1, np.uint8))
save('small_b1.npy', affine((2, 3), 0, 1, np.int64) % 2 == 0)
save('small_3d.npy', affine((3, 4, 2), -1, 0.5, np.float64))
save('small_fortran.npy', np.asfortranarray(affine((5, 3), -1, 0.5, np.float64)))
save('small_fortran3d.npy', np.asfortranarray(affine((3, 4, 2), -7, 3, np.int32)))
save('scalar0d.npy', np.array(2.5))
save('empty_0x3.npy', np.zeros((0, 3)))
# more rows than ranks, for the batches of tests/io/rows.c
save('rows_f8.npy', affine((13, 3), -1, 0.5, np.float64))
save('rows_fortran.npy', np.asfortranarray(affine((13, 2, 3), -7, 3, np.int32)))
with open(os.path.join(HERE, 'small_v2.npy'), 'wb') as f:
    np.lib.format.write_array(f, affine((5, 3), -1, 0.5, np.float64), version=(2, 0))

# ---- bad .npy files
good = open(os.path.join(HERE, 'small_f8.npy'), 'rb').read()
raw('bad_magic.npy', b'\x93NUMPZ' + good[6:])
raw('truncated.npy', good[:-20])
raw('toolarge.npy', good + b'\0' * 24)
raw('overflow.npy', npy_header('<f8', (2 ** 32, 2 ** 32, 2 ** 32)))
raw('huge.npy', npy_header('<f8', (100000, 100000, 100000)))
save('big_endian.npy', affine((5, 3), -1, 0.5, '>f8'))
save('complex.npy', affine((5, 3), -1, 0.5, np.complex128))
save('int64_overflow.npy', np.array([1, 2, 2 ** 40, 4], dtype=np.int64))

# ---- CSV files: v = -1 + 0.5 i, 5 rows x 3 columns unless said otherwise
text('header.csv', 'a,b,c\n' + rows((5, 3), -1, 0.5, sep=', '))
text('noheader.csv', rows((5, 3), -1, 0.5))
text('semicolon.csv', 'x;y;z\n' + rows((5, 3), -1, 0.5, sep=';'))
text('whitespace.txt', rows((2, 3), -1, 0.5, fmt='%8.2f', sep='\t ') + '\n   \n'
     + rows((3, 3), 2, 0.5, fmt='  %g', sep='   '))
text('crlf.csv', ('a,b,c\n' + rows((5, 3), -1, 0.5) + '\n\n').replace('\n', '\r\n'))
text('one_column.csv', rows((7, 1), -1, 0.5))
text('special.csv', 'nan,inf,-inf\n1e300,-0,2.5E-3\n')
text('nonnumeric.csv', 'a,b,c\n1,2,3\n4,5,6\n7,abc,9\n10,11,12\n')
text('ragged.csv', '1,2,3\n4,5,6\n\n7,8,9\n10,11\n12,13,14\n')
text('empty.csv', '')
text('header_only.csv', 'a,b,c\n')
