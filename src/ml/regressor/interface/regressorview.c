/*
   HtRegressor viewers: an ASCII summary, and the fitted model as HDF5 datasets that HtRegressorLoad() reads back.
*/
#include <heat/private/regressorimpl.h>

/* the coefficients on lines of a few values, and how many are not 0 */
static PetscErrorCode HtRegressorViewCoefficients(HtRegressor reg, PetscViewer viewer)
{
  PetscInt nonzero = 0;

  PetscFunctionBegin;
  for (PetscInt j = 0; j < reg->f; j++) nonzero += reg->w[j] != 0;
  PetscCall(PetscViewerASCIIPrintf(viewer, "intercept: %.10g, non-zero coefficients: %" PetscInt_FMT " of %" PetscInt_FMT "\n", (double)reg->intercept, nonzero, reg->f));
  PetscCall(PetscViewerASCIIPrintf(viewer, "coef:"));
  PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_FALSE));
  for (PetscInt j = 0; j < PetscMin(reg->f, 20); j++) PetscCall(PetscViewerASCIIPrintf(viewer, " %.10g", (double)PetscRealPart(reg->w[j])));
  PetscCall(PetscViewerASCIIPrintf(viewer, reg->f > 20 ? " ... (HtRegressorGetCoefficients() or -ht_regressor_view hdf5:FILE for all)\n" : "\n"));
  PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_TRUE));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtRegressorView_ASCII(PetscObject obj, PetscViewer viewer)
{
  HtRegressor reg = (HtRegressor)obj;

  PetscFunctionBegin;
  PetscCall(PetscViewerASCIIPrintf(viewer, "alpha: %g, fit_intercept: %s\n", (double)reg->alpha, PetscBools[reg->fit_intercept]));
  PetscTryTypeMethod(reg, view, viewer);
  if (reg->fitted) {
    PetscCall(PetscViewerASCIIPrintf(viewer, "fit: %s after %" PetscInt_FMT " iterations, duality gap %g, %" PetscInt_FMT " samples x %" PetscInt_FMT " features\n", HtRegressorConvergedReasons[reg->reason], reg->its, (double)reg->gap, reg->n, reg->f));
    PetscCall(HtRegressorViewCoefficients(reg, viewer));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the model in the viewer's current group: the datasets coef, intercept, n_iter, dual_gap, alpha, l1_ratio,
   fit_intercept, n_samples, converged_reason, lasso_solver, ls_solver (the solvers used), the attributes heat_class and heat_type
*/
static PetscErrorCode HtRegressorView_HDF5(PetscObject obj, PetscViewer viewer)
{
  HtRegressor reg = (HtRegressor)obj;

  PetscFunctionBegin;
  PetscCall(HtMLModelSaveTensor(viewer, reg->coef, "coef"));
  PetscCall(HtMLModelSaveScalar((PetscObject)reg, viewer, "intercept", HT_SCALAR, reg->intercept));
  PetscCall(HtMLModelSaveScalar((PetscObject)reg, viewer, "n_iter", HT_INT, (PetscScalar)reg->its));
  PetscCall(HtMLModelSaveScalar((PetscObject)reg, viewer, "dual_gap", HT_SCALAR, reg->gap));
  PetscCall(HtMLModelSaveScalar((PetscObject)reg, viewer, "alpha", HT_SCALAR, reg->alpha));
  PetscCall(HtMLModelSaveScalar((PetscObject)reg, viewer, "l1_ratio", HT_SCALAR, reg->l1_ratio));
  PetscCall(HtMLModelSaveScalar((PetscObject)reg, viewer, "fit_intercept", HT_INT, (PetscScalar)reg->fit_intercept));
  PetscCall(HtMLModelSaveScalar((PetscObject)reg, viewer, "n_samples", HT_INT, (PetscScalar)reg->n));
  PetscCall(HtMLModelSaveScalar((PetscObject)reg, viewer, "converged_reason", HT_INT, (PetscScalar)reg->reason));
  PetscCall(HtMLModelSaveScalar((PetscObject)reg, viewer, "lasso_solver", HT_INT, (PetscScalar)reg->lasso_solver));
  PetscCall(HtMLModelSaveScalar((PetscObject)reg, viewer, "ls_solver", HT_INT, (PetscScalar)reg->ls_solver));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorView - Shows a regressor, or writes its fitted model.

   Collective

   Input Parameters:
+  reg - the regressor
-  viewer - ASCII (parameters and, after a fit, how it ended, the intercept and the coefficients (the first 20)) or
            HDF5 (datasets "coef", "intercept", "n_iter", "dual_gap", "alpha", "l1_ratio", "fit_intercept", "n_samples",
            "converged_reason", "lasso_solver", "ls_solver" in the current group, its attributes heat_class and heat_type; `HtRegressorLoad()` reads them back)

   Options Database Key:
.  -ht_regressor_view [viewer] - after every fit, e.g. -ht_regressor_view hdf5:model.h5

   Level: beginner

.seealso: `HtRegressorLoad()`, `HtRegressorViewFromOptions()`
@*/
PetscErrorCode HtRegressorView(HtRegressor reg, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscCall(HtMLObjectView(&HtRegressorClass, (PetscObject)reg, viewer, HtRegressorView_ASCII, HtRegressorView_HDF5));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorViewFromOptions - Views the object if an option asks for it.

   Collective

   Input Parameters:
+  reg - the regressor
.  obj - optional object whose prefix is used
-  name - the option, e.g. "-ht_regressor_view"

   Level: intermediate

.seealso: `HtRegressorView()`
@*/
PetscErrorCode HtRegressorViewFromOptions(HtRegressor reg, PetscObject obj, const char name[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscCall(PetscObjectViewFromOptions((PetscObject)reg, obj, name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a scalar of the model file */
static PetscErrorCode HtRegressorLoadReal(HtRegressor reg, PetscViewer viewer, const char name[], PetscReal *v)
{
  PetscScalar s = 0;

  PetscFunctionBegin;
  PetscCall(HtMLModelLoadScalar((PetscObject)reg, viewer, name, &s));
  *v = PetscRealPart(s);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorLoad - Loads a fitted model written by `HtRegressorView()` with an HDF5 viewer, so that it can predict.

   Collective

   Input Parameters:
+  reg - the regressor
-  viewer - an HDF5 viewer opened for reading, in the group the model was written to

   Level: intermediate

   Note:
   The type, the coefficients, the intercept, alpha, l1_ratio, fit_intercept, the solvers and how the fit ended are
   restored. The
   group must hold an HtRegressor model (attribute heat_class), else the error says what it holds.

.seealso: `HtRegressorView()`, `HtRegressorPredict()`
@*/
PetscErrorCode HtRegressorLoad(HtRegressor reg, PetscViewer viewer)
{
  HtTensor           coef;
  const PetscScalar *c;
  const char        *names[] = {"intercept", "n_iter", "dual_gap", "alpha", "l1_ratio", "fit_intercept", "n_samples", "converged_reason", "lasso_solver", "ls_solver"};
  PetscReal          v[10]   = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  PetscInt           f;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscCall(HtMLObjectLoadBegin(&HtRegressorClass, (PetscObject)reg, viewer));
  PetscCall(HtMLModelLoadTensor((PetscObject)reg, viewer, "coef", &coef));
  PetscCall(HtTensorGetLocalSize(coef, &f));
  PetscCheck(f >= 1, PetscObjectComm((PetscObject)reg), PETSC_ERR_FILE_UNEXPECTED, "The model holds no coefficients: not a regression model");
  for (PetscInt i = 0; i < 10; i++) PetscCall(HtRegressorLoadReal(reg, viewer, names[i], &v[i]));
  PetscCall(HtRegressorSetAlpha(reg, v[3]));
  PetscCall(HtRegressorSetL1Ratio(reg, v[4]));
  PetscCall(HtRegressorSetFitIntercept(reg, (PetscBool)(v[5] != 0)));
  PetscCall(HtRegressorSetLassoSolver(reg, (HtRegressorLassoSolver)v[8]));
  PetscCall(HtRegressorSetLSSolver(reg, (HtRegressorLSSolver)v[9]));
  reg->warm = PETSC_FALSE;
  PetscCall(HtRegressorAllocateResult_Private(reg, (PetscInt)v[6], f));
  PetscCall(HtTensorGetArrayRead(coef, &c));
  PetscCall(PetscArraycpy(reg->w, c, f));
  PetscCall(HtTensorRestoreArrayRead(coef, &c));
  PetscCall(HtTensorDestroy(&coef));
  reg->ymean = v[0]; /* the means are 0: b = ymean */
  PetscCall(HtRegressorSetModel_Private(reg));
  reg->its    = (PetscInt)v[1];
  reg->gap    = v[2];
  reg->reason = (HtRegressorConvergedReason)v[7];
  PetscCall(HtMLObjectLoadEnd(&HtRegressorClass, (PetscObject)reg));
  PetscFunctionReturn(PETSC_SUCCESS);
}
