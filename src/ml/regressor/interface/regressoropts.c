/*
   HtRegressor: the parameters, set in code or from the options database.
*/
#include <heat/private/regressorimpl.h>
#include <heat/private/heatimpl.h>

/*@C
   HtRegressorSetAlpha - Sets the strength of the penalty.

   Logically Collective

   Input Parameters:
+  reg - the regressor
-  alpha - the penalty, >= 0: the weight of alpha (l1_ratio |w|_1 + (1 - l1_ratio)/2 |w|^2) in the lasso and elastic net
           objectives, of alpha |w|^2 in ridge's (scikit-learn's Lasso, ElasticNet and Ridge); ols ignores it

   Options Database Key:
.  -ht_regressor_alpha <1> - the penalty

   Level: beginner

.seealso: `HtRegressorGetAlpha()`, `HtRegressorSetL1Ratio()`
@*/
PetscErrorCode HtRegressorSetAlpha(HtRegressor reg, PetscReal alpha)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidLogicalCollectiveReal(reg, alpha, 2);
  PetscCheck(alpha >= 0, PetscObjectComm((PetscObject)reg), PETSC_ERR_ARG_OUTOFRANGE, "The penalty alpha must be >= 0, not %g", (double)alpha);
  reg->alpha = alpha;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetAlpha - Gets the strength of the penalty.

   Not Collective

   Input Parameter:
.  reg - the regressor

   Output Parameter:
.  alpha - the penalty

   Level: beginner

.seealso: `HtRegressorSetAlpha()`
@*/
PetscErrorCode HtRegressorGetAlpha(HtRegressor reg, PetscReal *alpha)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidRealPointer(alpha, 2);
  *alpha = reg->alpha;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorSetL1Ratio - Sets the share of the l1 penalty in the elastic net's penalty.

   Logically Collective

   Input Parameters:
+  reg - the regressor
-  l1_ratio - in [0, 1]: 1 is the lasso, 0 a ridge penalty (elasticnet; lasso always uses 1)

   Options Database Key:
.  -ht_regressor_l1_ratio <0.5> - the share of the l1 penalty

   Level: beginner

.seealso: `HtRegressorGetL1Ratio()`, `HTREGRESSORELASTICNET`
@*/
PetscErrorCode HtRegressorSetL1Ratio(HtRegressor reg, PetscReal l1_ratio)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidLogicalCollectiveReal(reg, l1_ratio, 2);
  PetscCheck(l1_ratio >= 0 && l1_ratio <= 1, PetscObjectComm((PetscObject)reg), PETSC_ERR_ARG_OUTOFRANGE, "The l1 ratio must be in [0, 1], not %g", (double)l1_ratio);
  reg->l1_ratio = l1_ratio;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetL1Ratio - Gets the share of the l1 penalty in the elastic net's penalty.

   Not Collective

   Input Parameter:
.  reg - the regressor

   Output Parameter:
.  l1_ratio - the share

   Level: beginner

.seealso: `HtRegressorSetL1Ratio()`
@*/
PetscErrorCode HtRegressorGetL1Ratio(HtRegressor reg, PetscReal *l1_ratio)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidRealPointer(l1_ratio, 2);
  *l1_ratio = reg->l1_ratio;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorSetFitIntercept - Sets whether the model has an intercept (fitted by centering the features and the target).

   Logically Collective

   Input Parameters:
+  reg - the regressor
-  fit - `PETSC_TRUE` (the default) for y ~ X w + b, `PETSC_FALSE` for y ~ X w

   Options Database Key:
.  -ht_regressor_fit_intercept <true> - whether to fit an intercept

   Level: beginner

.seealso: `HtRegressorGetIntercept()`
@*/
PetscErrorCode HtRegressorSetFitIntercept(HtRegressor reg, PetscBool fit)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidLogicalCollectiveBool(reg, fit, 2);
  reg->fit_intercept = fit;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetFitIntercept - Gets whether the model has an intercept.

   Not Collective

   Input Parameter:
.  reg - the regressor

   Output Parameter:
.  fit - whether it has

   Level: beginner

.seealso: `HtRegressorSetFitIntercept()`
@*/
PetscErrorCode HtRegressorGetFitIntercept(HtRegressor reg, PetscBool *fit)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidBoolPointer(fit, 2);
  *fit = reg->fit_intercept;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorSetMaxIt - Sets the maximum number of epochs of coordinate descent (lasso, elasticnet) or of LSQR
   iterations (ridge, ols with -ht_regressor_ls_solver lsqr).

   Logically Collective

   Input Parameters:
+  reg - the regressor
-  max_it - at least 1

   Options Database Key:
.  -ht_regressor_max_it <1000> - the maximum number of epochs

   Level: intermediate

.seealso: `HtRegressorGetMaxIt()`, `HtRegressorSetTolerance()`
@*/
PetscErrorCode HtRegressorSetMaxIt(HtRegressor reg, PetscInt max_it)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidLogicalCollectiveInt(reg, max_it, 2);
  PetscCheck(max_it >= 1, PetscObjectComm((PetscObject)reg), PETSC_ERR_ARG_OUTOFRANGE, "The maximum number of iterations must be at least 1, not %" PetscInt_FMT, max_it);
  reg->max_it = max_it;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetMaxIt - Gets the maximum number of epochs or iterations.

   Not Collective

   Input Parameter:
.  reg - the regressor

   Output Parameter:
.  max_it - the maximum

   Level: intermediate

.seealso: `HtRegressorSetMaxIt()`
@*/
PetscErrorCode HtRegressorGetMaxIt(HtRegressor reg, PetscInt *max_it)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidIntPointer(max_it, 2);
  *max_it = reg->max_it;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorSetTolerance - Sets the tolerance of the fit: coordinate descent stops when the duality gap is below tol
   times |y - mean(y)|^2 (scikit-learn's rule); the LSQR route uses it as its relative tolerance unless
   -ht_regressor_ksp_rtol is given.

   Logically Collective

   Input Parameters:
+  reg - the regressor
-  tol - the tolerance, > 0

   Options Database Key:
.  -ht_regressor_tol <1e-4> - the tolerance

   Level: intermediate

.seealso: `HtRegressorGetTolerance()`, `HtRegressorGetDualityGap()`
@*/
PetscErrorCode HtRegressorSetTolerance(HtRegressor reg, PetscReal tol)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidLogicalCollectiveReal(reg, tol, 2);
  PetscCheck(tol > 0, PetscObjectComm((PetscObject)reg), PETSC_ERR_ARG_OUTOFRANGE, "The tolerance must be > 0, not %g", (double)tol);
  reg->tol = tol;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetTolerance - Gets the tolerance of the fit.

   Not Collective

   Input Parameter:
.  reg - the regressor

   Output Parameter:
.  tol - the tolerance

   Level: intermediate

.seealso: `HtRegressorSetTolerance()`
@*/
PetscErrorCode HtRegressorGetTolerance(HtRegressor reg, PetscReal *tol)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidRealPointer(tol, 2);
  *tol = reg->tol;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorSetLassoSolver - Sets how the coordinate descent of lasso and elasticnet reads the data.

   Logically Collective

   Input Parameters:
+  reg - the regressor
-  solver - `HT_REGRESSOR_LASSO_GRAM` (one pass forms the centered Gram matrix; the default up to 4096 features) or
            `HT_REGRESSOR_LASSO_RESIDUAL` (the residual stays distributed; blocks of coordinates, one reduction each:
            many features)

   Options Database Key:
.  -ht_regressor_lasso_solver <gram,residual> - the solver

   Level: intermediate

   Note:
   Both solvers make the same cyclic coordinate descent steps, so they give the same coefficients.

.seealso: `HtRegressorSetLassoBlock()`, `HTREGRESSORLASSO`
@*/
PetscErrorCode HtRegressorSetLassoSolver(HtRegressor reg, HtRegressorLassoSolver solver)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidLogicalCollectiveEnum(reg, solver, 2);
  reg->lasso_solver     = solver;
  reg->lasso_solver_set = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetLassoSolver - Gets how the coordinate descent reads the data (after a fit: the solver it used).

   Not Collective

   Input Parameter:
.  reg - the regressor

   Output Parameter:
.  solver - the solver

   Level: intermediate

.seealso: `HtRegressorSetLassoSolver()`
@*/
PetscErrorCode HtRegressorGetLassoSolver(HtRegressor reg, HtRegressorLassoSolver *solver)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidPointer(solver, 2);
  *solver = reg->lasso_solver;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorSetLassoBlock - Sets the number of coordinates the residual solver updates per reduction.

   Logically Collective

   Input Parameters:
+  reg - the regressor
-  block - at least 1 (default 8): each block costs one reduction of block (block + 1) numbers in the first epoch and
           of block + 1 numbers in the others

   Options Database Key:
.  -ht_regressor_lasso_block <8> - the block size

   Level: advanced

.seealso: `HtRegressorSetLassoSolver()`
@*/
PetscErrorCode HtRegressorSetLassoBlock(HtRegressor reg, PetscInt block)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidLogicalCollectiveInt(reg, block, 2);
  PetscCheck(block >= 1, PetscObjectComm((PetscObject)reg), PETSC_ERR_ARG_OUTOFRANGE, "The block of coordinates must hold at least 1, not %" PetscInt_FMT, block);
  reg->lasso_block = block;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetLassoBlock - Gets the number of coordinates the residual solver updates per reduction.

   Not Collective

   Input Parameter:
.  reg - the regressor

   Output Parameter:
.  block - the block size

   Level: advanced

.seealso: `HtRegressorSetLassoBlock()`
@*/
PetscErrorCode HtRegressorGetLassoBlock(HtRegressor reg, PetscInt *block)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidIntPointer(block, 2);
  *block = reg->lasso_block;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorSetLSSolver - Sets how ridge and ols solve their least-squares problem.

   Logically Collective

   Input Parameters:
+  reg - the regressor
-  solver - `HT_REGRESSOR_LS_NORMAL` (normal equations of the centered Gram matrix formed in one pass; the default up
            to 4096 features) or `HT_REGRESSOR_LS_LSQR` (PETSc's LSQR on the implicitly centered data: many features)

   Options Database Key:
.  -ht_regressor_ls_solver <normal,lsqr> - the solver

   Level: intermediate

.seealso: `HtRegressorGetKSP()`, `HTREGRESSORRIDGE`, `HTREGRESSOROLS`
@*/
PetscErrorCode HtRegressorSetLSSolver(HtRegressor reg, HtRegressorLSSolver solver)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidLogicalCollectiveEnum(reg, solver, 2);
  reg->ls_solver     = solver;
  reg->ls_solver_set = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetLSSolver - Gets how ridge and ols solve their least-squares problem (after a fit: the solver used).

   Not Collective

   Input Parameter:
.  reg - the regressor

   Output Parameter:
.  solver - the solver

   Level: intermediate

.seealso: `HtRegressorSetLSSolver()`
@*/
PetscErrorCode HtRegressorGetLSSolver(HtRegressor reg, HtRegressorLSSolver *solver)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidPointer(solver, 2);
  *solver = reg->ls_solver;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetKSP - Gets the LSQR solver of ridge and ols (-ht_regressor_ls_solver lsqr), created on first use with
   the options prefix of the regressor and "ht_regressor_" (-ht_regressor_ksp_rtol, -ht_regressor_ksp_monitor, ...).

   Not Collective

   Input Parameter:
.  reg - the regressor

   Output Parameter:
.  ksp - the solver, owned by the regressor

   Level: advanced

.seealso: `HtRegressorSetLSSolver()`
@*/
PetscErrorCode HtRegressorGetKSP(HtRegressor reg, KSP *ksp)
{
  const char *prefix;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidPointer(ksp, 2);
  if (!reg->ksp) {
    PetscCall(KSPCreate(PetscObjectComm((PetscObject)reg), &reg->ksp));
    PetscCall(PetscObjectIncrementTabLevel((PetscObject)reg->ksp, (PetscObject)reg, 1));
    PetscCall(KSPSetType(reg->ksp, KSPLSQR));
    PetscCall(KSPSetTolerances(reg->ksp, reg->tol, PETSC_DEFAULT, PETSC_DEFAULT, reg->max_it));
    PetscCall(PetscObjectGetOptionsPrefix((PetscObject)reg, &prefix));
    PetscCall(KSPSetOptionsPrefix(reg->ksp, prefix));
    PetscCall(KSPAppendOptionsPrefix(reg->ksp, "ht_regressor_"));
  }
  *ksp = reg->ksp;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorSetFromOptions - Sets the type and parameters from the options database.

   Collective

   Input Parameter:
.  reg - the regressor

   Options Database Keys:
+  -ht_regressor_type <lasso> - lasso, elasticnet, ridge, ols
.  -ht_regressor_alpha <1> - the penalty
.  -ht_regressor_l1_ratio <0.5> - the share of the l1 penalty (elasticnet)
.  -ht_regressor_fit_intercept <true> - fit an intercept
.  -ht_regressor_max_it <1000> - maximum epochs (LSQR iterations)
.  -ht_regressor_tol <1e-4> - tolerance
.  -ht_regressor_lasso_solver <gram,residual> - how coordinate descent reads the data (default gram up to 4096 features)
.  -ht_regressor_lasso_block <8> - coordinates per reduction of the residual solver
.  -ht_regressor_ls_solver <normal,lsqr> - how ridge and ols solve (default normal up to 4096 features)
.  -ht_regressor_monitor [ascii[:file]] - print epoch, objective and duality gap; draw::draw_lg draws the objective
.  -ht_regressor_monitor_cancel - remove every monitor, also those set in the code
.  -ht_regressor_view [viewer] - view the object after the fit (hdf5:model.h5 writes the model)
-  -ht_regressor_converged_reason [::failed] - print how the fit ended

   Level: beginner

   Note:
   The LSQR solver takes its options with the prefix ht_regressor_: -ht_regressor_ksp_rtol, -ht_regressor_ksp_monitor, ...

.seealso: `HtRegressorSetType()`, `HtRegressorView()`
@*/
PetscErrorCode HtRegressorSetFromOptions(HtRegressor reg)
{
  PetscBool              set, fit = reg->fit_intercept;
  PetscReal              alpha = reg->alpha, l1 = reg->l1_ratio, tol = reg->tol;
  PetscInt               max_it = reg->max_it, block = reg->lasso_block;
  HtRegressorLassoSolver lasso = reg->lasso_solver;
  HtRegressorLSSolver    ls    = reg->ls_solver;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscCall(HtRegressorInitializePackage());
  PetscObjectOptionsBegin((PetscObject)reg);
  PetscCall(HtMLObjectOptionsType(&HtRegressorClass, (PetscObject)reg, PetscOptionsObject));
  PetscCall(PetscOptionsReal("-ht_regressor_alpha", "Penalty", "HtRegressorSetAlpha", alpha, &alpha, &set));
  if (set) PetscCall(HtRegressorSetAlpha(reg, alpha));
  PetscCall(PetscOptionsReal("-ht_regressor_l1_ratio", "Share of the l1 penalty (elasticnet)", "HtRegressorSetL1Ratio", l1, &l1, &set));
  if (set) PetscCall(HtRegressorSetL1Ratio(reg, l1));
  PetscCall(PetscOptionsBool("-ht_regressor_fit_intercept", "Fit an intercept", "HtRegressorSetFitIntercept", fit, &fit, &set));
  if (set) PetscCall(HtRegressorSetFitIntercept(reg, fit));
  PetscCall(PetscOptionsInt("-ht_regressor_max_it", "Maximum epochs (LSQR iterations)", "HtRegressorSetMaxIt", max_it, &max_it, &set));
  if (set) PetscCall(HtRegressorSetMaxIt(reg, max_it));
  PetscCall(PetscOptionsReal("-ht_regressor_tol", "Tolerance", "HtRegressorSetTolerance", tol, &tol, &set));
  if (set) PetscCall(HtRegressorSetTolerance(reg, tol));
  PetscCall(HeatOptionsEnum(PetscOptionsObject, "-ht_regressor_lasso_solver", "How coordinate descent reads the data", "HtRegressorSetLassoSolver", HtRegressorLassoSolvers, (PetscEnum)lasso, (PetscEnum *)&lasso, &set, NULL));
  if (set) PetscCall(HtRegressorSetLassoSolver(reg, lasso));
  PetscCall(PetscOptionsInt("-ht_regressor_lasso_block", "Coordinates per reduction of the residual solver", "HtRegressorSetLassoBlock", block, &block, &set));
  if (set) PetscCall(HtRegressorSetLassoBlock(reg, block));
  PetscCall(HeatOptionsEnum(PetscOptionsObject, "-ht_regressor_ls_solver", "How ridge and ols solve", "HtRegressorSetLSSolver", HtRegressorLSSolvers, (PetscEnum)ls, (PetscEnum *)&ls, &set, NULL));
  if (set) PetscCall(HtRegressorSetLSSolver(reg, ls));
  PetscCall(HtMLObjectOptionsEnd(&HtRegressorClass, (PetscObject)reg, PetscOptionsObject));
  PetscOptionsEnd();
  if (reg->ls_solver_set && reg->ls_solver == HT_REGRESSOR_LS_LSQR) PetscCall(HtRegressorGetKSP(reg, &reg->ksp)); /* its options in -help */
  if (reg->ksp) PetscCall(KSPSetFromOptions(reg->ksp));
  PetscFunctionReturn(PETSC_SUCCESS);
}
