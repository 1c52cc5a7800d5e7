/*
   The distributed selection of the library: weighted order statistics of the columns of a distributed row-major
   block, per class of rows, found without gathering the data (src/tensor/ops/select.c). The tensor statistics
   (percentile, median) and the ML classes (k-medians) share it; it needs only the public headers, so the ML layer
   may include it. Not part of the public API.
*/
#pragma once

#include <heattensor.h>
#include <stdint.h>

/* an unsigned key ordered as the real values are (-0 before +0; NaN excluded): the bits, all flipped for a negative
   number, only the sign bit for a positive one; and back */
static inline uint64_t HtRealToKey(PetscReal v)
{
  uint64_t u;

  PetscMemcpy(&u, &v, sizeof(u));
  return u ^ ((uint64_t)((int64_t)u >> 63) | ((uint64_t)1 << 63));
}

static inline PetscReal HtKeyToReal(uint64_t k)
{
  uint64_t  u = (k >> 63) ? k & ~((uint64_t)1 << 63) : ~k;
  PetscReal v;

  PetscMemcpy(&v, &u, sizeof(v));
  return v;
}

/*
   HtSelectBlock - the local rows of a selection: m rows of f columns, row-major, of a dtype (HT_SCALAR, HT_INT,
   HT_BOOL); row i belongs to class cls[i], or, with cls NULL, to class i / rowsperclass; row weights w (NULL: unit
   weights, counted exactly). The values of column j in the rows of class c, on every rank, form group c f + j.
*/
typedef struct {
  HtDType            dtype;
  PetscInt           m, f;
  const void        *x;
  const PetscInt    *cls;
  PetscInt           rowsperclass;
  const PetscScalar *w;
} HtSelectBlock;

/*
   HtSelection - a selection over the ranks of comm: every rank's block, the number of classes (the same on every
   rank), the number of targets per group, and optionally the range of each group's values as (-min, max) pairs
   (what one MAX allreduce of per-rank ranges gives; any enclosing range will do), then the values must not be NaN.
   Without ranges the selection finds them, and a group holding a NaN gives NaN.
*/
typedef struct {
  MPI_Comm         comm;
  HtTensor         backend; /* a tensor whose back end runs the kernels: the one the block belongs to */
  HtSelectBlock    block;
  PetscInt         nclasses, ntargets;
  const PetscReal *ranges; /* 2 per group, or NULL */
} HtSelection;

/*
   HtTensorSelect_Private - value[g T + k] = the smallest value v of group g whose cumulative weight (the weights of
   the group's values <= v) reaches target[g T + k], T = ntargets: with unit weights and target k + 1 the k-th smallest
   (from 0). Values of weight 0 are never chosen; when rounding keeps the cumulative weight below the target, the
   largest value of positive weight. A negative target leaves its value untouched. Collective. (Exported for the
   test of the selection itself, tests/tensor/select.c.)
*/
PETSC_EXTERN PetscErrorCode HtTensorSelect_Private(const HtSelection *, const PetscReal[], PetscReal[]);

/* The kernels of a back end, which know nothing of ranks. */

#define HT_SELECT_BUCKETS_LOG2 6
#define HT_SELECT_BUCKETS      (1 << HT_SELECT_BUCKETS_LOG2) /* buckets of a window's histogram */

/*
   HtSelectWindow - the keys [lo, hi] in which one or more order statistics of a group lie, for one round: its values
   go to histogram hist of buckets of equal width in value ((v - origin) scale, when scale > 0) or in keys ((key - lo)
   >> shift), or, with hist -1, are collected to be gathered
*/
typedef struct {
  uint64_t  lo, hi;
  PetscReal origin, scale;
  PetscInt  shift;
  PetscInt  hist;
} HtSelectWindow;

/*
   the windows of one round: group g has the slots window[g nslots .. (g + 1) nslots), its windows (disjoint) in the
   first ones, at most nused, the others empty ([UINT64_MAX, UINT64_MAX], the key of no number); nhist histograms
*/
typedef struct {
  PetscInt              ngroups, nslots, nused, nhist;
  const HtSelectWindow *window;
} HtSelectRound;

/* a bucket of a histogram: its number of values, their weight, the complement of its smallest key and its largest key (all 0 when empty) */
typedef struct {
  PetscReal count, weight;
  uint64_t  notmin, max;
} HtSelectBucket;

/*
   HtSelectTally - what a round finds on one rank: the nhist x HT_SELECT_BUCKETS buckets of the histograms, and the
   collected values as (window, value, weight) triples
*/
typedef struct {
  HtSelectBucket *bucket;
  PetscReal      *collected;
  PetscInt        ncollected;
} HtSelectTally;

/* the values that a round keeps, in block order: a block of one column whose class is the group (HT_SCALAR) */
typedef struct {
  PetscInt     n;
  PetscScalar *x, *w; /* w NULL for unit weights */
  PetscInt    *group;
} HtSelectList;

struct _HtSelectKernels {
  PetscErrorCode (*ranges)(const HtSelectBlock *, PetscInt, uint64_t[]); /* per group of ngroups: largest ~key, largest key, 1 if it holds a NaN (else 0) */
  PetscErrorCode (*tally)(const HtSelectBlock *, const HtSelectRound *, HtSelectTally *); /* the values in the round's windows: histograms and collected values */
  PetscErrorCode (*keep)(const HtSelectBlock *, const HtSelectRound *, HtSelectList *); /* the values in the round's windows, in order; the list may be the block itself */
};
