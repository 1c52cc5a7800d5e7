/*
   Helpers shared by the PCA tests: references from data/pca/ and comparisons of tensors.
*/
#pragma once

#include <heat.h>

/* data/pca/<name>_<what>.npy with the given split */
static inline PetscErrorCode LoadRef(const char name[], const char what[], PetscInt split, HtTensor *t)
{
  char path[PETSC_MAX_PATH_LEN];

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "data/pca/%s_%s.npy", name, what));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, NULL, split, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* max |a - b| / max |b| over all ranks, for tensors of the same shape and layout (the first k columns of b if b is wider) */
static inline PetscErrorCode RelativeDifference(HtTensor a, HtTensor b, PetscReal *diff)
{
  const PetscScalar *x, *y;
  const PetscInt    *la, *lb;
  PetscInt           nd, rows, ca, cb;
  PetscReal          m[2] = {0, 0};

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetNDim(a, &nd));
  PetscCall(HtTensorGetLocalShape(a, &la));
  PetscCall(HtTensorGetLocalShape(b, &lb));
  rows = la[0];
  ca   = nd == 2 ? la[1] : 1;
  cb   = nd == 2 ? lb[1] : 1;
  PetscCheck(lb[0] >= rows && cb >= ca, PETSC_COMM_SELF, PETSC_ERR_ARG_SIZ, "Reference of another shape");
  PetscCall(HtTensorGetArrayRead(a, &x));
  PetscCall(HtTensorGetArrayRead(b, &y));
  for (PetscInt i = 0; i < rows; i++)
    for (PetscInt j = 0; j < ca; j++) {
      m[0] = PetscMax(m[0], PetscAbsScalar(x[i * ca + j] - y[i * cb + j]));
      m[1] = PetscMax(m[1], PetscAbsScalar(y[i * cb + j]));
    }
  PetscCall(HtTensorRestoreArrayRead(a, &x));
  PetscCall(HtTensorRestoreArrayRead(b, &y));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, m, 2, MPIU_REAL, MPIU_MAX, PETSC_COMM_WORLD));
  *diff = m[1] > 0 ? m[0] / m[1] : m[0];
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* prints "name: agrees to tol" or the difference */
static inline PetscErrorCode Report(const char name[], PetscReal diff, PetscReal tol)
{
  PetscFunctionBeginUser;
  if (diff <= tol) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: agrees to %g\n", name, (double)tol));
  else PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: DIFFERS, relative difference %g > %g\n", name, (double)diff, (double)tol));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the values of a small replicated tensor on one line, to `digits` significant digits */
static inline PetscErrorCode PrintValuesDigits(const char name[], HtTensor t, int digits)
{
  const PetscScalar *v;
  PetscInt           n;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetLocalSize(t, &n));
  PetscCall(HtTensorGetArrayRead(t, &v));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s:", name));
  for (PetscInt i = 0; i < n; i++) PetscCall(PetscPrintf(PETSC_COMM_WORLD, " %.*g", digits, (double)PetscRealPart(v[i])));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "\n"));
  PetscCall(HtTensorRestoreArrayRead(t, &v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the values of a small replicated tensor on one line, to 10 digits */
static inline PetscErrorCode PrintValues(const char name[], HtTensor t)
{
  PetscFunctionBeginUser;
  PetscCall(PrintValuesDigits(name, t, 10));
  PetscFunctionReturn(PETSC_SUCCESS);
}
