/*
   Helpers shared by the classifier tests: the data and references of data/classifier/, and comparisons (the
   comparisons of floating-point tensors are those of the PCA tests).
*/
#pragma once

#include "../pca/pcatest.h"

/* data/classifier/<name>_<what>.npy with the given split */
static inline PetscErrorCode LoadData(const char name[], const char what[], PetscInt split, HtTensor *t)
{
  char path[PETSC_MAX_PATH_LEN];

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "data/classifier/%s_%s.npy", name, what));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, NULL, split, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* prints how many of the labels (HT_INT tensors of the same layout) differ */
static inline PetscErrorCode CompareLabels(const char name[], HtTensor a, HtTensor b)
{
  const PetscInt *x, *y;
  PetscInt        n, bad = 0, total;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetLocalSize(a, &n));
  PetscCall(HtTensorGetArrayRead(a, &x));
  PetscCall(HtTensorGetArrayRead(b, &y));
  for (PetscInt i = 0; i < n; i++) bad += x[i] != y[i];
  PetscCall(HtTensorRestoreArrayRead(b, &y));
  PetscCall(HtTensorRestoreArrayRead(a, &x));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &bad, 1, MPIU_INT, MPI_SUM, PETSC_COMM_WORLD));
  PetscCall(HtTensorGetSize(a, &total));
  if (!bad) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: all %" PetscInt_FMT " identical\n", name, total));
  else PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: %" PetscInt_FMT " of %" PetscInt_FMT " DIFFER\n", name, bad, total));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a replicated model tensor against data/classifier/<name>_<what>.npy */
static inline PetscErrorCode CompareModel(const char name[], const char what[], HtTensor mine, PetscReal tol)
{
  HtTensor  ref;
  PetscReal diff;

  PetscFunctionBeginUser;
  PetscCall(LoadData(name, what, -1, &ref));
  PetscCall(RelativeDifference(mine, ref, &diff));
  PetscCall(Report(what, diff, tol));
  PetscCall(HtTensorDestroy(&ref));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the rows of a 2-d tensor split along its rows, one line each with its global index, to `digits` significant digits */
static inline PetscErrorCode PrintRows(const char name[], HtTensor t, int digits)
{
  const PetscScalar *v;
  const PetscInt    *ls;
  PetscInt           rstart = 0, m;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetLocalShape(t, &ls));
  m = ls[0];
  PetscCallMPI(MPI_Exscan(&m, &rstart, 1, MPIU_INT, MPI_SUM, PETSC_COMM_WORLD));
  PetscCall(HtTensorGetArrayRead(t, &v));
  for (PetscInt i = 0; i < m; i++) {
    PetscCall(PetscSynchronizedPrintf(PETSC_COMM_WORLD, "%s %" PetscInt_FMT ":", name, rstart + i));
    for (PetscInt j = 0; j < ls[1]; j++) PetscCall(PetscSynchronizedPrintf(PETSC_COMM_WORLD, " %.*g", digits, (double)PetscRealPart(v[i * ls[1] + j])));
    PetscCall(PetscSynchronizedPrintf(PETSC_COMM_WORLD, "\n"));
  }
  PetscCall(PetscSynchronizedFlush(PETSC_COMM_WORLD, PETSC_STDOUT));
  PetscCall(HtTensorRestoreArrayRead(t, &v));
  PetscFunctionReturn(PETSC_SUCCESS);
}
