/*
   Helpers shared by the DMD tests: printing a model, comparing tensors.
*/
#pragma once

#include <heat.h>

/* ||a - b||_F / ||b||_F for tensors of the same shape */
static inline PetscErrorCode RelativeError(HtTensor a, HtTensor b, PetscReal *err)
{
  HtTensor  d;
  PetscReal nd, nb;

  PetscFunctionBeginUser;
  PetscCall(HtTensorSubtract(a, b, &d));
  PetscCall(HtTensorMatrixNorm(d, NORM_FROBENIUS, &nd));
  PetscCall(HtTensorMatrixNorm(b, NORM_FROBENIUS, &nb));
  *err = nb > 0 ? nd / nb : nd;
  PetscCall(HtTensorDestroy(&d));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* "what: agrees to tol" or the error */
static inline PetscErrorCode Report(const char what[], PetscReal err, PetscReal tol)
{
  PetscFunctionBeginUser;
  if (err <= tol) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: agrees to %g\n", what, (double)tol));
  else PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: DIFFERS, relative error %g > %g\n", what, (double)err, (double)tol));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the rows of a small replicated (r, 2) tensor of complex numbers, 12 decimals */
static inline PetscErrorCode PrintComplex(const char name[], HtTensor t)
{
  const PetscScalar *v;
  PetscInt           n;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetLocalSize(t, &n));
  PetscCall(HtTensorGetArrayRead(t, &v));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s:\n", name));
  for (PetscInt i = 0; i < n / 2; i++) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  %2" PetscInt_FMT "  %15.12f %+15.12f i\n", i, (double)PetscRealPart(v[2 * i]), (double)PetscRealPart(v[2 * i + 1])));
  PetscCall(HtTensorRestoreArrayRead(t, &v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* max_j |eig_j - expected_j| over the r expected (real, imaginary) pairs */
static inline PetscErrorCode EigenvalueError(HtTensor eig, PetscInt r, const PetscReal expected[], PetscReal *err)
{
  const PetscScalar *v;
  PetscInt           n;

  PetscFunctionBeginUser;
  *err = PETSC_MAX_REAL;
  PetscCall(HtTensorGetLocalSize(eig, &n));
  PetscCheck(n == 2 * r, PETSC_COMM_WORLD, PETSC_ERR_PLIB, "%" PetscInt_FMT " eigenvalues, not %" PetscInt_FMT, n / 2, r);
  PetscCall(HtTensorGetArrayRead(eig, &v));
  *err = 0;
  for (PetscInt i = 0; i < r; i++) *err = PetscMax(*err, PetscSqrtReal(PetscSqr(PetscRealPart(v[2 * i]) - expected[2 * i]) + PetscSqr(PetscRealPart(v[2 * i + 1]) - expected[2 * i + 1])));
  PetscCall(HtTensorRestoreArrayRead(eig, &v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* rows [0, rows) of the (n, r, 2) modes, gathered and printed, 10 decimals */
static inline PetscErrorCode PrintModeRows(HtTensor modes, PetscInt rows)
{
  HtSlice            sl[3] = {{0, rows, 1}, HT_SLICE_ALL, HT_SLICE_ALL};
  HtTensor           part, all;
  const PetscScalar *v;
  const PetscInt    *shape;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetSlice(modes, 3, sl, &part));
  PetscCall(HtTensorResplit(part, -1, &all));
  PetscCall(HtTensorGetShape(all, &shape));
  PetscCall(HtTensorGetArrayRead(all, &v));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "modes, first %" PetscInt_FMT " rows:\n", rows));
  for (PetscInt i = 0; i < shape[0]; i++) {
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, " "));
    for (PetscInt j = 0; j < shape[1]; j++) PetscCall(PetscPrintf(PETSC_COMM_WORLD, " (%.10f, %.10f)", (double)PetscRealPart(v[(i * shape[1] + j) * 2]), (double)PetscRealPart(v[(i * shape[1] + j) * 2 + 1])));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "\n"));
  }
  PetscCall(HtTensorRestoreArrayRead(all, &v));
  PetscCall(HtTensorDestroy(&all));
  PetscCall(HtTensorDestroy(&part));
  PetscFunctionReturn(PETSC_SUCCESS);
}
