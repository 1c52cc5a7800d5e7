/*
   Helpers shared by the regressor tests: data and references from data/regressor/, and the comparisons of the PCA
   tests (RelativeDifference, Report, PrintValues).
*/
#pragma once

#include "../pca/pcatest.h"

/* data/regressor/<name>_<what>.npy with the given split */
static inline PetscErrorCode LoadRegRef(const char name[], const char what[], PetscInt split, HtTensor *t)
{
  char path[PETSC_MAX_PATH_LEN];

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "data/regressor/%s_%s.npy", name, what));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, NULL, split, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the first value of a small reference */
static inline PetscErrorCode LoadRegValue(const char name[], const char what[], PetscReal *v)
{
  HtTensor           t;
  const PetscScalar *a;

  PetscFunctionBeginUser;
  PetscCall(LoadRegRef(name, what, -1, &t));
  PetscCall(HtTensorGetArrayRead(t, &a));
  *v = PetscRealPart(a[0]);
  PetscCall(HtTensorRestoreArrayRead(t, &a));
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the model's coefficients, intercept and R^2 on the training data against the references TAG_*.npy */
static inline PetscErrorCode CompareModel(HtRegressor reg, HtTensor X, HtTensor y, const char tag[], PetscReal tol)
{
  HtTensor  coef, ref;
  PetscReal diff = 0, b = 0, bref = 0, r2 = 0, r2ref = 0;

  PetscFunctionBeginUser;
  PetscCall(HtRegressorGetCoefficients(reg, &coef));
  PetscCall(LoadRegRef(tag, "coef", -1, &ref));
  PetscCall(RelativeDifference(coef, ref, &diff));
  PetscCall(Report("coef", diff, tol));
  PetscCall(HtTensorDestroy(&ref));
  PetscCall(HtRegressorGetIntercept(reg, &b));
  PetscCall(LoadRegValue(tag, "intercept", &bref));
  PetscCall(Report("intercept", PetscAbsReal(b - bref) / PetscMax(PetscAbsReal(bref), 1), tol));
  PetscCall(HtRegressorScore(reg, X, y, &r2));
  PetscCall(LoadRegValue(tag, "score", &r2ref));
  PetscCall(Report("R^2", PetscAbsReal(r2 - r2ref), tol));
  PetscFunctionReturn(PETSC_SUCCESS);
}
