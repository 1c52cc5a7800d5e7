/*
   Helpers shared by the reduction and statistics tests (reduce.c, stats.c): inputs and NumPy
   references from tests/data/reduce/reduce.h5 (made by make_reduce_data.py), layouts, comparisons.
*/
#pragma once

#include <heat.h>

#define REDUCE_DATA "data/reduce/reduce.h5"

/* an uneven layout of t's split axis: rank 0 owns nothing, ranks in between one index each, the last rank the rest */
static inline PetscErrorCode SkewLayout(HtTensor t)
{
  PetscMPIInt     rank, size;
  PetscInt        split, n;
  const PetscInt *shape;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCall(HtTensorGetSplit(t, &split));
  if (split < 0) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtTensorGetShape(t, &shape));
  n = size == 1 ? shape[split] : rank == 0 ? 0 : rank < size - 1 ? PetscMin(1, shape[split]) : PetscMax(shape[split] - (size - 2), 0);
  PetscCall(HtTensorSetLayout(t, n));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* dataset `path` of the data file on every rank, split along `split` (its last axis if it has fewer), skewed or balanced */
static inline PetscErrorCode LoadInput(const char path[], PetscInt split, PetscBool skewed, HtTensor *x)
{
  HtTensor rep;
  PetscInt ndim;

  PetscFunctionBeginUser;
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, REDUCE_DATA, path, -1, &rep));
  PetscCall(HtTensorGetNDim(rep, &ndim));
  PetscCall(HtTensorResplit(rep, PetscMin(split, ndim - 1), x));
  PetscCall(HtTensorDestroy(&rep));
  if (skewed) PetscCall(SkewLayout(*x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* flat global index of local element k of t (row-major) */
static inline PetscInt GlobalIndex(HtTensor t, PetscInt k)
{
  PetscInt        ndim, split, rstart, inner = 1;
  const PetscInt *shape, *lshape;

  HtTensorGetNDim(t, &ndim);
  HtTensorGetSplit(t, &split);
  if (split < 0) return k;
  HtTensorGetShape(t, &shape);
  HtTensorGetLocalShape(t, &lshape);
  HtTensorGetOwnershipRange(t, &rstart, NULL);
  for (PetscInt d = split + 1; d < ndim; d++) inner *= shape[d];
  return ((k / (lshape[split] * inner)) * shape[split] + rstart + (k / inner) % lshape[split]) * inner + k % inner;
}

/* whether this rank's block of r (any split, dtype) holds its part of the n values ref (r's values in row-major order)
   up to the relative tolerance tol; NaN matches only NaN. Not collective. */
static inline PetscErrorCode SameLocalValues(HtTensor r, const PetscScalar ref[], PetscInt n, PetscReal tol, PetscBool *same)
{
  HtDType     dtype;
  PetscInt    size, nl;
  const void *a;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetDType(r, &dtype));
  PetscCall(HtTensorGetSize(r, &size));
  PetscCall(HtTensorGetLocalSize(r, &nl));
  *same = (PetscBool)(size == n);
  PetscCall(HtTensorGetArrayRead(r, &a));
  for (PetscInt k = 0; *same && k < nl; k++) {
    PetscReal u = dtype == HT_SCALAR ? PetscRealPart(((const PetscScalar *)a)[k]) : dtype == HT_INT ? (PetscReal)((const PetscInt *)a)[k] : (PetscReal)((const PetscBool *)a)[k];
    PetscReal v = PetscRealPart(ref[GlobalIndex(r, k)]);

    if (PetscIsNanReal(u) || PetscIsNanReal(v)) *same = (PetscBool)(PetscIsNanReal(u) && PetscIsNanReal(v));
    else *same = (PetscBool)(u == v || PetscAbsReal(u - v) <= tol * (1 + PetscAbsReal(v)));
  }
  PetscCall(HtTensorRestoreArrayRead(r, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* "ok" if r holds the reference dataset `path` (any dtype), else "WRONG"; on every rank */
static inline PetscErrorCode CheckReference(HtTensor r, const char path[], PetscReal tol, const char **verdict)
{
  HtTensor           ref, refs;
  PetscInt           n;
  PetscBool          same;
  const PetscScalar *v;

  PetscFunctionBeginUser;
  PetscCall(HtTensorLoad(PETSC_COMM_SELF, REDUCE_DATA, path, -1, &ref));
  PetscCall(HtTensorAsType(ref, HT_SCALAR, &refs));
  PetscCall(HtTensorGetSize(refs, &n));
  PetscCall(HtTensorGetArrayRead(refs, &v));
  PetscCall(SameLocalValues(r, v, n, tol, &same));
  PetscCall(HtTensorRestoreArrayRead(refs, &v));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &same, 1, MPIU_BOOL, MPI_LAND, PETSC_COMM_WORLD));
  PetscCall(HtTensorDestroy(&refs));
  PetscCall(HtTensorDestroy(&ref));
  *verdict = same ? "ok" : "WRONG";
  PetscFunctionReturn(PETSC_SUCCESS);
}
