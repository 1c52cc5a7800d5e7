/*
   Helpers shared by the clustering tests.
*/
#pragma once

#include <heat.h>

/* data/cluster/<name>_<what>.npy, split `split` */
static inline PetscErrorCode LoadNamed(const char name[], const char what[], PetscInt split, HtTensor *t)
{
  char path[PETSC_MAX_PATH_LEN];

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "data/cluster/%s_%s.npy", name, what));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, NULL, split, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* number of samples whose labels differ (b may have another layout than a) */
static inline PetscErrorCode CountDifferent(HtTensor a, HtTensor b, PetscInt *ndiff)
{
  HtTensor        bb;
  const PetscInt *x, *y;
  PetscInt        n;

  PetscFunctionBeginUser;
  PetscCall(HtTensorDuplicate(a, &bb));
  PetscCall(HtTensorCopy(b, bb));
  PetscCall(HtTensorGetLocalSize(a, &n));
  PetscCall(HtTensorGetArrayRead(a, &x));
  PetscCall(HtTensorGetArrayRead(bb, &y));
  *ndiff = 0;
  for (PetscInt i = 0; i < n; i++) *ndiff += x[i] != y[i];
  PetscCall(HtTensorRestoreArrayRead(a, &x));
  PetscCall(HtTensorRestoreArrayRead(bb, &y));
  PetscCall(HtTensorDestroy(&bb));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, ndiff, 1, MPIU_INT, MPI_SUM, PETSC_COMM_WORLD));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* max |a - b| of two tensors of the same shape and layout */
static inline PetscErrorCode MaxDifference(HtTensor a, HtTensor b, PetscReal *diff)
{
  const PetscScalar *x, *y;
  PetscInt           n;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetLocalSize(a, &n));
  PetscCall(HtTensorGetArrayRead(a, &x));
  PetscCall(HtTensorGetArrayRead(b, &y));
  *diff = 0;
  for (PetscInt i = 0; i < n; i++) *diff = PetscMax(*diff, PetscAbsScalar(x[i] - y[i]));
  PetscCall(HtTensorRestoreArrayRead(a, &x));
  PetscCall(HtTensorRestoreArrayRead(b, &y));
  PetscFunctionReturn(PETSC_SUCCESS);
}
