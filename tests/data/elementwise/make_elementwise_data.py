#!/usr/bin/python3
"""Writes the NumPy references of tests/tensor/elementwise.c and tests/tensor/randomops.c (run once,
from any directory, with a Python that has NumPy: /usr/bin/python3 tests/data/elementwise/make_elementwise_data.py).

Inputs: small tensors <name>.npy (floats with NaN, infinities, signed zeros and halves; integers with
zeros and negatives; booleans) of shapes that exercise broadcasting: size-1 axes on both sides,
fewer axes, a 0-size axis, a 0-d scalar.

cases.txt: one case per line, `offset dtype ndim shape... kind arguments...`; the test program runs the
case on the distributed inputs and compares the result with ref.npy[offset:offset + size] (the
expected values in C order, as float64). Scalars are written as Python reads them: an integral value
is a Python int (as HtTensorBinaryScalar() counts it), else a float.

random_*.npy: the Philox4x32-10 draws of HtTensorRandomUniform/Normal/Integers, computed here in pure
Python from the published algorithm (Salmon et al., SC'11; known answer for counter 0, key 0 checked).
"""
import math
import os
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
warnings.simplefilter('ignore')  # NaN, division by zero, invalid values: the references keep NumPy's results


def inputs():
    rng = np.random.default_rng(20240601)
    a = np.round(rng.normal(0, 1.5, (5, 4, 3)), 3)
    specials = [np.nan, np.inf, -np.inf, 0.0, -0.0, 0.5, -0.5, 2.5, -1.5, 1.0, -1.0, 3.5, np.nan]
    a.flat[[0, 7, 13, 20, 26, 31, 38, 44, 49, 52, 55, 58, 59]] = specials
    b = np.round(rng.uniform(-2, 2, (4, 3)), 2)
    b.flat[[1, 5, 10]] = [0.0, np.nan, -0.0]
    t = {
        'a': a,
        'b': b,
        'c': np.array([0.75, -1.25, 2.0]),
        'd': np.round(rng.normal(0, 1, (5, 1, 3)), 2),
        'e': np.array([1.5, -0.5, 0.0, np.nan]).reshape(1, 4, 1),
        'z': np.zeros((0, 3)),
        's': np.array(1.5),
        'ai': rng.integers(-7, 8, (5, 4, 3)).astype(np.int64),
        'bi': np.array([[3, 0, -2], [1, -3, 2], [0, 2, -1], [-2, 1, 3]], dtype=np.int64),
        'ci': np.array([2, 0, 3], dtype=np.int64),
        'm': rng.integers(0, 2, (5, 4, 3)).astype(bool),
        'n': np.array([[True], [False], [True], [False]]),
    }
    for name, v in t.items():
        np.save(os.path.join(HERE, name + '.npy'), v)
    return t


def dtype_name(v):
    v = np.asarray(v)
    return 'bool' if v.dtype == bool else 'int' if v.dtype.kind in 'iu' else 'scalar'


def literal(x):
    """a scalar argument as HtTensorBinaryScalar() reads it: an integral value is a Python int"""
    return int(x) if float(x) == int(x) else float(x)


BINARY = ['add', 'subtract', 'multiply', 'divide', 'power', 'minimum', 'maximum', 'fmod', 'equal', 'not_equal',
          'less', 'less_equal', 'greater', 'greater_equal', 'logical_and', 'logical_or', 'logical_xor']
ARITHMETIC = BINARY[:8]
UNARY = ['negative', 'abs', 'sqrt', 'square', 'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sin', 'cos', 'tan',
         'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'floor', 'ceil', 'round', 'trunc', 'sign',
         'logical_not', 'isnan', 'isinf', 'isfinite']
FLOATING = {'sqrt', 'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sin', 'cos', 'tan', 'arcsin', 'arccos',
            'arctan', 'sinh', 'cosh', 'tanh', 'floor', 'ceil', 'trunc'}


def binary(op, x, y):
    return getattr(np, op)(x, y)


def unary(op, x):
    if x.dtype == bool and (op in FLOATING or op == 'round'):
        x = x.astype(np.float64)  # NumPy gives float16 here; Heat computes in double
    return np.rint(x) if op == 'round' and x.dtype.kind == 'f' else getattr(np, op)(x)


def cases(t):
    """(kind, arguments, NumPy result) for every case"""
    out = []
    for x, y in [('a', 'b'), ('a', 'c'), ('d', 'e'), ('b', 'a'), ('c', 'd'), ('d', 'z'), ('a', 's'), ('s', 'c')]:
        out += [('binary', [op, x, y], binary(op, t[x], t[y])) for op in BINARY]
    for x, y in [('ai', 'bi'), ('bi', 'ai'), ('ai', 'c'), ('m', 'n'), ('n', 'ai'), ('a', 'm')]:
        out += [('binary', [op, x, y], binary(op, t[x], t[y])) for op in BINARY
                if not (op == 'subtract' and t[x].dtype == bool and t[y].dtype == bool)
                and not (op == 'power' and t[y].dtype.kind == 'i' and t[x].dtype.kind in 'ib' and (t[y] < 0).any())]
    out += [('binary', ['power', x, 'ci'], binary('power', t[x], t['ci'])) for x in ('ai', 'bi', 'm')]
    for x, v in [('a', 2.5), ('a', -2), ('ai', 3), ('ai', -2), ('ai', 2.5), ('m', 1), ('b', 0)]:
        out += [('scalar', [op, x, repr(literal(v))], binary(op, t[x], literal(v))) for op in ARITHMETIC
                if not (op == 'power' and t[x].dtype.kind == 'i' and isinstance(literal(v), int) and v < 0)]
    out += [('scalar', [op, 'ai', '0'], binary(op, t['ai'], 0)) for op in ('equal', 'less', 'logical_and', 'logical_or')]
    for v, y in [(1, 'a'), (2.5, 'b'), (2, 'ci'), (-3, 'ai'), (1, 'm')]:
        out += [('rscalar', [op, repr(literal(v)), y], binary(op, literal(v), t[y])) for op in ARITHMETIC
                if not (op == 'power' and t[y].dtype.kind == 'i' and (t[y] < 0).any())]
    for x in ('a', 'ai', 'm', 'b'):
        out += [('unary', [op, x], unary(op, t[x])) for op in UNARY
                if not (t[x].dtype == bool and op in ('negative', 'sign'))]
    out += [('clip', ['a', '-0.5', '0.5'], np.clip(t['a'], -0.5, 0.5)), ('clip', ['ai', '-2', '3'], np.clip(t['ai'], -2, 3)),
            ('clip', ['ai', '-2.5', '3'], np.clip(t['ai'], -2.5, 3)), ('clip', ['m', '0', '1'], np.clip(t['m'], 0, 1)),
            ('clip', ['b', '1', '-1'], np.clip(t['b'], 1, -1))]
    for mask, x, y in [('m', 'a', 'b'), ('n', 'c', 'ai'), ('a', 'ai', 'bi'), ('m', 'ai', 's'), ('e', 'd', 'm'), ('c', 'd', 'z')]:
        out.append(('where', [mask, x, y], np.where(t[mask], t[x], t[y])))
    for op, x, y in [('add', 'a', 'b'), ('multiply', 'a', 'c'), ('subtract', 'a', 'd'), ('divide', 'a', 'bi'), ('maximum', 'a', 's'),
                     ('add', 'ai', 'bi'), ('fmod', 'ai', 'ci'), ('power', 'ai', 'ci'), ('logical_and', 'm', 'n'), ('less', 'm', 'n'),
                     ('add', 'm', 'n'), ('minimum', 'a', 'e')]:
        r = t[x].copy()
        getattr(np, op)(r, t[y], out=r)
        out.append(('inplace', [op, x, y], r))
    for op, x, v in [('multiply', 'ai', 2), ('subtract', 'a', 0.25), ('power', 'a', 2), ('logical_xor', 'm', 1)]:
        r = t[x].copy()
        getattr(np, op)(r, v, out=r)
        out.append(('inplacescalar', [op, x, repr(v)], r))
    out += [('inplaceself', ['multiply', 'a'], t['a'] * t['a']), ('inplaceself', ['subtract', 'ai'], t['ai'] - t['ai'])]
    out += [('unaryinplace', ['sqrt', 'a'], np.sqrt(t['a'])), ('unaryinplace', ['negative', 'ai'], -t['ai']),
            ('unaryinplace', ['logical_not', 'm'], ~t['m']), ('unaryinplace', ['round', 'b'], np.rint(t['b']))]
    out += [('axpy', ['a', '2', 'b'], t['a'] + 2 * t['b']), ('axpy', ['d', '0.5', 'c'], t['d'] + 0.5 * t['c']),
            ('axpy', ['ai', '-3', 'bi'], t['ai'] - 3 * t['bi']), ('axpy', ['a', '1.5', 'm'], t['a'] + 1.5 * t['m']),
            ('axpy', ['ai', '2', 'n'], t['ai'] + 2 * t['n']), ('axpyself', ['a', '-1.5'], t['a'] - 1.5 * t['a'])]
    out += [('named', [op, 'ai', 'c'], binary(op, t['ai'], t['c'])) for op in ('add', 'subtract', 'multiply', 'divide')]
    out += [('astype', ['c', 'int'], t['c'].astype(np.int64)), ('astype', ['a', 'bool'], t['a'].astype(bool)),
            ('astype', ['ai', 'scalar'], t['ai'].astype(np.float64)), ('astype', ['m', 'int'], t['m'].astype(np.int64)),
            ('astype', ['ai', 'bool'], t['ai'].astype(bool))]
    return out


def write_cases(t):
    refs, lines, offset = [], [], 0
    for kind, args, r in cases(t):
        r = np.asarray(r)
        shape = ' '.join(str(n) for n in r.shape)
        lines.append(f"{offset} {dtype_name(r)} {r.ndim}{' ' + shape if shape else ''} {kind} {' '.join(args)}")
        refs.append(r.astype(np.float64).ravel())
        offset += r.size
    np.save(os.path.join(HERE, 'ref.npy'), np.concatenate(refs))
    with open(os.path.join(HERE, 'cases.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    return len(lines)


MASK32 = 0xFFFFFFFF


def philox(seed, index, stream):
    """Philox4x32-10 on counter (index, stream) with key seed, as include/heat/private/philox.h"""
    c = [index & MASK32, (index >> 32) & MASK32, stream, 0]
    k0, k1 = seed & MASK32, (seed >> 32) & MASK32
    for _ in range(10):
        p0, p1 = 0xD2511F53 * c[0], 0xCD9E8D57 * c[2]
        c = [(p1 >> 32) ^ c[1] ^ k0, p1 & MASK32, (p0 >> 32) ^ c[3] ^ k1, p0 & MASK32]
        k0, k1 = (k0 + 0x9E3779B9) & MASK32, (k1 + 0xBB67AE85) & MASK32
    return c


def unit(hi, lo):
    return ((hi << 32 | lo) >> 11) * 2.0 ** -53


def write_random(seed=2024, shape=(6, 5)):
    assert philox(0, 0, 0) == [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]
    n = int(np.prod(shape))
    u = np.array([unit(*philox(seed, i, 0)[:2]) for i in range(n)])
    z = []
    for i in range(n):
        r = philox(seed, i, 1)
        u1, u2 = 1.0 - unit(r[0], r[1]), unit(r[2], r[3])
        z.append(math.sqrt(-2.0 * math.log(u1)) * math.cos(6.283185307179586476925286766559 * u2))
    z = np.array(z)
    np.save(os.path.join(HERE, 'random_uniform.npy'), (-2.0 + (3.0 - -2.0) * u).reshape(shape))
    np.save(os.path.join(HERE, 'random_normal.npy'), (1.0 + 0.5 * z).reshape(shape))
    np.save(os.path.join(HERE, 'random_integers.npy'), (-3 + np.floor((7 - -3) * u)).astype(np.int64).reshape(shape))


if __name__ == '__main__':
    print(write_cases(inputs()), 'cases')
    write_random()
