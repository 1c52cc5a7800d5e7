#!/usr/bin/python3
"""Writes the inputs, the NumPy references and the case list of tests/tensor/manipulate.c.

Run once from this directory with /usr/bin/python3 (NumPy); the outputs are stored in the repository:
  in_<name>.npy    inputs (arange data, so that every permutation is visible)
  ref_<case>.npy   NumPy's result of each case
  cases.txt        one case per line: <case> <inputs, comma-separated> <op> <numeric parameters>
Parameters per op (PETSC_DEFAULT = -2, None = -1 for axis lists, -999 for repeat's axis=None):
  reshape split ndim shape... | flatten | squeeze naxes axes... | expand axis | concat axis | concatmix axis |
  stack axis | repeat axis nrep counts... | tile nreps reps... | flip naxes axes... |
  roll n shifts... axes... (n = -1: the flattened tensor, one shift) | pad value before... after... | diagonal offset
"""
import numpy as np

inputs = {
    'f1': np.arange(7.0),
    'f2': np.arange(24.0).reshape(4, 6),
    'g2': np.arange(100.0, 124.0).reshape(4, 6),
    'g36': np.arange(100.0, 118.0).reshape(3, 6),
    'g42': np.arange(200.0, 208.0).reshape(4, 2),
    'ft': np.arange(24.0).reshape(6, 4),
    'f3': np.arange(60.0).reshape(5, 3, 4),
    'f4': np.arange(120.0).reshape(2, 5, 3, 4),
    'n2': np.arange(24.0).reshape(4, 6),
    'i2': (np.arange(30) - 7).reshape(5, 6).astype(np.int64),
    'b2': (np.arange(20) % 3 == 0).reshape(4, 5),
    'e2': np.zeros((0, 3)),
    's3': np.arange(12.0).reshape(4, 1, 3),
    'u2': np.arange(5.0).reshape(1, 5),
}
inputs['n2'][1, 2] = np.nan
inputs['n2'][3, 5] = np.nan

cases = []


def case(name, ins, op, params, result):
    cases.append('%s %s %s %s' % (name, ','.join(ins), op, ' '.join(str(p) for p in params)))
    np.save('ref_%s.npy' % name, np.ascontiguousarray(result))


def reshape(name, x, shape, split=-2):
    case(name, [x], 'reshape', [split, len(shape)] + list(shape), inputs[x].reshape(shape))


reshape('reshape_3x8', 'f2', (3, 8))
reshape('reshape_2x3x4', 'f2', (2, 3, 4))
reshape('reshape_6xm1_s1', 'f2', (6, -1), 1)
reshape('reshape_2x12_rep', 'f2', (2, 12), -1)
reshape('reshape_f3_15x4', 'f3', (15, 4))
reshape('reshape_f3_4xm1x3', 'f3', (4, -1, 3), 2)
reshape('reshape_f3_3x20_s1', 'f3', (3, 20), 1)
reshape('reshape_f4_10x12', 'f4', (10, 12))
reshape('reshape_f4_2x60_s1', 'f4', (2, 60), 1)
reshape('reshape_nan_8x3', 'n2', (8, 3))
reshape('reshape_int_6x5', 'i2', (6, 5))
reshape('reshape_int_3x10_s1', 'i2', (3, 10), 1)
reshape('reshape_bool_2x10', 'b2', (2, 10))
reshape('reshape_empty_3xm1', 'e2', (3, -1))
reshape('reshape_u2_5x1', 'u2', (5, 1))
reshape('reshape_s3_4x3', 's3', (4, 3))
reshape('reshape_f1_7x1x1', 'f1', (7, 1, 1))
for x in ['f2', 'f3', 'i2', 'b2', 'e2', 'u2']:
    case('flatten_' + x, [x], 'flatten', [], inputs[x].flatten())
case('squeeze_s3_all', ['s3'], 'squeeze', [-1], np.squeeze(inputs['s3']))
case('squeeze_s3_1', ['s3'], 'squeeze', [1, 1], np.squeeze(inputs['s3'], 1))
case('squeeze_s3_m2', ['s3'], 'squeeze', [1, -2], np.squeeze(inputs['s3'], -2))
case('squeeze_u2_all', ['u2'], 'squeeze', [-1], np.squeeze(inputs['u2']))
case('squeeze_u2_0', ['u2'], 'squeeze', [1, 0], np.squeeze(inputs['u2'], 0))
case('squeeze_f2_none', ['f2'], 'squeeze', [-1], np.squeeze(inputs['f2']))
for axis in [0, 1, 2, -1, -3]:
    case('expand_f2_%d' % axis, ['f2'], 'expand', [axis], np.expand_dims(inputs['f2'], axis))
case('expand_int_1', ['i2'], 'expand', [1], np.expand_dims(inputs['i2'], 1))
case('expand_bool_0', ['b2'], 'expand', [0], np.expand_dims(inputs['b2'], 0))

for op in ['concat', 'concatmix']:
    def concat(name, xs, axis):
        case('%s_%s' % (op, name), xs, op, [axis], np.concatenate([inputs[x] for x in xs], axis))
    concat('f2_g36_0', ['f2', 'g36'], 0)
    concat('f2_g42_1', ['f2', 'g42'], 1)
    concat('f2_g42_f2_m1', ['f2', 'g42', 'f2'], -1)
    concat('g36_f2_g36_0', ['g36', 'f2', 'g36'], 0)
    concat('f3_f3_1', ['f3', 'f3'], 1)
    concat('f3_f3_0', ['f3', 'f3'], 0)
    concat('int_0', ['i2', 'i2'], 0)
    concat('bool_1', ['b2', 'b2'], 1)
    concat('empty_0', ['e2', 'e2'], 0)
    concat('single_1', ['f2'], 1)
for axis in [0, 1, 2, -1]:
    case('stack_%d' % axis, ['f2', 'g2'], 'stack', [axis], np.stack([inputs['f2'], inputs['g2']], axis))
case('stack_int_0', ['i2', 'i2', 'i2'], 'stack', [0], np.stack([inputs['i2']] * 3, 0))
case('stack_f1_1', ['f1', 'f1'], 'stack', [1], np.stack([inputs['f1']] * 2, 1))


def repeat(name, x, counts, axis):
    ax = None if axis == -999 else axis
    case(name, [x], 'repeat', [axis, len(counts)] + counts, np.repeat(inputs[x], counts if len(counts) > 1 else counts[0], ax))


repeat('repeat_f2_2_0', 'f2', [2], 0)
repeat('repeat_f2_counts_0', 'f2', [1, 0, 2, 3], 0)
repeat('repeat_f2_3_1', 'f2', [3], 1)
repeat('repeat_f2_counts_m1', 'f2', [0, 1, 2, 0, 1, 3], -1)
repeat('repeat_f2_2_none', 'f2', [2], -999)
repeat('repeat_f3_counts_2', 'f3', [2, 0, 1, 1], 2)
repeat('repeat_f3_counts_0', 'f3', [0, 3, 0, 1, 2], 0)
repeat('repeat_int_counts_0', 'i2', [0, 0, 1, 0, 2], 0)
repeat('repeat_bool_2_1', 'b2', [2], 1)
repeat('repeat_f2_0_0', 'f2', [0], 0)
repeat('repeat_f1_counts_none', 'f1', [1, 2, 0, 0, 3, 1, 1], -999)


def tile(name, x, reps):
    case(name, [x], 'tile', [len(reps)] + reps, np.tile(inputs[x], reps))


tile('tile_f2_2', 'f2', [2])
tile('tile_f2_2x1', 'f2', [2, 1])
tile('tile_f2_3x2', 'f2', [3, 2])
tile('tile_f2_2x2x1', 'f2', [2, 2, 1])
tile('tile_f1_3', 'f1', [3])
tile('tile_f3_1x2x1', 'f3', [1, 2, 1])
tile('tile_f3_2x1x3', 'f3', [2, 1, 3])
tile('tile_int_2x2', 'i2', [2, 2])
tile('tile_bool_3x1', 'b2', [3, 1])
tile('tile_f2_0x1', 'f2', [0, 1])


def flip(name, x, axes):
    case(name, [x], 'flip', ([-1] if axes is None else [len(axes)] + axes), np.flip(inputs[x], None if axes is None else tuple(axes)))


flip('flip_f2_all', 'f2', None)
flip('flip_f2_0', 'f2', [0])
flip('flip_f2_1', 'f2', [1])
flip('flip_f2_m1', 'f2', [-1])
flip('flip_f3_0_2', 'f3', [0, 2])
flip('flip_f3_1', 'f3', [1])
flip('flip_f4_all', 'f4', None)
flip('flip_nan_0', 'n2', [0])
flip('flip_int_0', 'i2', [0])
flip('flip_bool_all', 'b2', None)
flip('flip_f1_0', 'f1', [0])
flip('flip_empty_0', 'e2', [0])


def roll(name, x, shifts, axes):
    ref = np.roll(inputs[x], shifts[0] if axes is None else tuple(shifts), None if axes is None else tuple(axes))
    case(name, [x], 'roll', ([-1] + shifts if axes is None else [len(axes)] + shifts + axes), ref)


roll('roll_f2_2_0', 'f2', [2], [0])
roll('roll_f2_m1_1', 'f2', [-1], [1])
roll('roll_f2_5_flat', 'f2', [5], None)
roll('roll_f2_0_0', 'f2', [0], [0])
roll('roll_f3_1_m2', 'f3', [1, -2], [0, 2])
roll('roll_f3_7_0', 'f3', [7], [0])
roll('roll_f3_2_1_twice', 'f3', [1, 1], [1, 1])
roll('roll_f4_3_m1', 'f4', [3, -1, 2], [1, 2, 3])
roll('roll_int_3_0', 'i2', [3], [0])
roll('roll_bool_m3_flat', 'b2', [-3], None)
roll('roll_f1_m9_0', 'f1', [-9], [0])
roll('roll_empty_1_0', 'e2', [1], [0])


def pad(name, x, before, after, value):
    width = list(zip(before, after))
    case(name, [x], 'pad', [value] + before + after, np.pad(inputs[x], width, mode='constant', constant_values=value))


pad('pad_f2_12_01', 'f2', [1, 2], [0, 1], 0)
pad('pad_f2_20_30', 'f2', [2, 0], [3, 0], -1)
pad('pad_f2_00_00', 'f2', [0, 0], [0, 0], 5)
pad('pad_f3_102_011', 'f3', [1, 0, 2], [0, 1, 1], 9)
pad('pad_int_11_11', 'i2', [1, 1], [1, 1], 7)
pad('pad_bool_10_02', 'b2', [1, 0], [0, 2], 1)
pad('pad_f2_nan', 'f2', [1, 1], [1, 1], float('nan'))
pad('pad_empty_11_00', 'e2', [1, 0], [1, 0], 3)
pad('pad_f1_3_0', 'f1', [3], [0], 2)

for x, offsets in [('f2', [0, 1, -1, 5, -3, 6, -4]), ('ft', [-2, 1, 0]), ('i2', [2]), ('b2', [0, -1]), ('u2', [2])]:
    for k in offsets:
        case('diagonal_%s_%d' % (x, k), [x], 'diagonal', [k], np.ascontiguousarray(inputs[x].diagonal(k)))

for name, a in inputs.items():
    np.save('in_%s.npy' % name, a)
with open('cases.txt', 'w') as f:
    f.write('\n'.join(cases) + '\n')
