/*
   HTREGRESSORELASTICNET, and the part of coordinate descent that lasso shares with it: the choice of the solver, the
   fit, the regularization path.
*/
#include <../src/ml/regressor/impls/elasticnet/elasticnetimpl.h>

typedef struct {
  PetscBool lasso; /* l1_ratio is 1 whatever the parameter */
} HtRegressor_CD;

static PetscReal HtCDL1Ratio(HtRegressor reg)
{
  return ((HtRegressor_CD *)reg->data)->lasso ? 1 : reg->l1_ratio;
}

/* the solver set, or by default gram up to HT_REGRESSOR_GRAM_MAX_FEATURES features */
static PetscErrorCode HtCDSolverCreate(HtRegressor reg, HtTensor Xs, HtTensor ys, HtCDSolver *cd)
{
  PetscFunctionBegin;
  if (!reg->lasso_solver_set) reg->lasso_solver = reg->f <= HT_REGRESSOR_GRAM_MAX_FEATURES ? HT_REGRESSOR_LASSO_GRAM : HT_REGRESSOR_LASSO_RESIDUAL;
  if (reg->lasso_solver == HT_REGRESSOR_LASSO_GRAM) PetscCall(HtCDGramCreate(reg, Xs, ys, cd));
  else PetscCall(HtCDResidualCreate(reg, Xs, ys, cd));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtRegressorFit_CD(HtRegressor reg, HtTensor Xs, HtTensor ys)
{
  HtCDSolver cd;

  PetscFunctionBegin;
  PetscCall(HtCDSolverCreate(reg, Xs, ys, &cd));
  PetscCall(HtCDSolve(cd, reg->alpha, HtCDL1Ratio(reg)));
  PetscCall(HtCDSolverDestroy(&cd));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* scikit-learn's _alpha_grid: np.logspace(log10(alpha_max eps), log10(alpha_max), n)[::-1] */
static PetscErrorCode HtCDAlphaGrid(HtRegressor reg, PetscReal alpha_max, PetscInt n, PetscReal eps, HtTensor *alphas)
{
  PetscScalar *a;
  PetscReal    lo, hi;

  PetscFunctionBegin;
  PetscCall(HtTensorCreate(PetscObjectComm((PetscObject)reg), 1, &n, -1, HT_SCALAR, alphas));
  PetscCall(HtTensorSetName(*alphas, "alphas"));
  PetscCall(HtTensorGetArrayWrite(*alphas, &a));
  if (alpha_max <= PETSC_MACHINE_EPSILON * 4.5) { /* NumPy's float resolution 1e-15: y is not correlated with X */
    for (PetscInt k = 0; k < n; k++) a[k] = 1e-15;
  } else {
    lo = PetscLog10Real(alpha_max * eps);
    hi = PetscLog10Real(alpha_max);
    for (PetscInt k = 0; k < n; k++) {
      PetscInt i = n - 1 - k;

      a[k] = PetscPowReal(10, i == n - 1 ? hi : lo + i * ((hi - lo) / (n > 1 ? n - 1 : 1)));
    }
  }
  PetscCall(HtTensorRestoreArrayWrite(*alphas, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the path: one solver for every penalty, each fit starting from the one before */
static PetscErrorCode HtRegressorLassoPath_CD(HtRegressor reg, HtTensor X, HtTensor y, PetscInt n_alphas, PetscReal eps, HtTensor *alphas, HtTensor *coefs)
{
  HtTensor           Xs, ys;
  HtCDSolver         cd;
  const PetscInt    *shape;
  PetscReal          l1_ratio = HtCDL1Ratio(reg), m;
  PetscScalar       *c;
  const PetscScalar *a;

  PetscFunctionBegin;
  PetscCheck(l1_ratio > 0, PetscObjectComm((PetscObject)reg), PETSC_ERR_ARG_OUTOFRANGE, "The path of an elastic net needs l1_ratio > 0 (its largest penalty is max |X^T y| / (samples l1_ratio))");
  PetscCall(HtRegressorCheckFit_Private(reg, X, y, &Xs, &ys));
  PetscCall(HtTensorGetShape(Xs, &shape));
  reg->warm = PETSC_FALSE;
  PetscCall(HtRegressorAllocateResult_Private(reg, shape[0], shape[1]));
  reg->warm = PETSC_TRUE;
  PetscCall(PetscLogEventBegin(HT_REGRESSOR_Fit, reg, Xs, ys, 0));
  PetscCall(HtCDSolverCreate(reg, Xs, ys, &cd));
  PetscCall((*cd->xtymax)(cd, &m));
  PetscCall(HtCDAlphaGrid(reg, m / (reg->n * l1_ratio), n_alphas, eps, alphas));
  PetscCall(HtTensorCreate(PetscObjectComm((PetscObject)reg), 2, (PetscInt[]){reg->f, n_alphas}, -1, HT_SCALAR, coefs));
  PetscCall(HtTensorSetName(*coefs, "coefs"));
  PetscCall(HtTensorGetArrayRead(*alphas, &a));
  PetscCall(HtTensorGetArrayWrite(*coefs, &c));
  for (PetscInt k = 0; k < n_alphas; k++) {
    PetscCall(HtCDSolve(cd, PetscRealPart(a[k]), l1_ratio));
    for (PetscInt j = 0; j < reg->f; j++) c[j * n_alphas + k] = reg->w[j];
  }
  PetscCall(HtTensorRestoreArrayWrite(*coefs, &c));
  PetscCall(HtTensorRestoreArrayRead(*alphas, &a));
  PetscCall(HtCDSolverDestroy(&cd));
  reg->warm = PETSC_FALSE;
  PetscCall(HtRegressorSetModel_Private(reg));
  PetscCall(PetscLogEventEnd(HT_REGRESSOR_Fit, reg, Xs, ys, 0));
  reg->fitted = PETSC_TRUE;
  PetscCall(HtTensorDestroy(&Xs));
  PetscCall(HtTensorDestroy(&ys));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtRegressorView_CD(HtRegressor reg, PetscViewer viewer)
{
  PetscBool isascii;

  PetscFunctionBegin;
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERASCII, &isascii));
  if (!isascii) PetscFunctionReturn(PETSC_SUCCESS);
  if (!((HtRegressor_CD *)reg->data)->lasso) PetscCall(PetscViewerASCIIPrintf(viewer, "l1_ratio: %g\n", (double)reg->l1_ratio));
  if (reg->fitted || reg->lasso_solver_set) PetscCall(PetscViewerASCIIPrintf(viewer, "coordinate descent: %s solver%s, tolerance %g, at most %" PetscInt_FMT " epochs\n", HtRegressorLassoSolvers[reg->lasso_solver], reg->lasso_solver == HT_REGRESSOR_LASSO_RESIDUAL ? " (blocks of coordinates)" : "", (double)reg->tol, reg->max_it));
  else PetscCall(PetscViewerASCIIPrintf(viewer, "coordinate descent: tolerance %g, at most %" PetscInt_FMT " epochs\n", (double)reg->tol, reg->max_it));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtRegressorDestroy_CD(HtRegressor reg)
{
  PetscFunctionBegin;
  PetscCall(PetscObjectComposeFunction((PetscObject)reg, "HtRegressorLassoPath_C", NULL));
  PetscCall(PetscFree(reg->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtRegressorCreate_CD - the ops of coordinate descent, for lasso (l1_ratio 1) or the elastic net */
PetscErrorCode HtRegressorCreate_CD(HtRegressor reg, PetscBool lasso)
{
  HtRegressor_CD *cd;

  PetscFunctionBegin;
  PetscCall(PetscNew(&cd));
  cd->lasso         = lasso;
  reg->data         = cd;
  reg->ops->fit     = HtRegressorFit_CD;
  reg->ops->view    = HtRegressorView_CD;
  reg->ops->destroy = HtRegressorDestroy_CD;
  PetscCall(PetscObjectComposeFunction((PetscObject)reg, "HtRegressorLassoPath_C", HtRegressorLassoPath_CD));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTREGRESSORELASTICNET - "elasticnet" - least squares with l1 and l2 penalties, by coordinate descent
   (scikit-learn's ElasticNet).

   Method: minimizes 1/(2 n) |y - X w - b|^2 + alpha l1_ratio |w|_1 + alpha (1 - l1_ratio)/2 |w|^2 over n samples.
   The intercept comes from centering: w is fitted to the centered features and target, and b = mean(y) - mean(X) . w.
   Cyclic coordinate descent moves each coefficient to its minimizer (soft thresholding); the fit stops with
   scikit-learn's rule: when the largest change of an epoch is below tol times the largest coefficient (or at the last
   epoch), the duality gap is computed, and the fit has converged when it is below tol |y - mean(y)|^2.
   Two solvers make the same steps: gram (the default up to 4096 features) forms X^T X, X^T y and the means in one
   pass over the data and one reduction, after which the epochs need no communication; residual keeps the residual
   distributed with the samples and updates blocks of `-ht_regressor_lasso_block` coordinates, one reduction per block.

   Options Database Keys:
+  -ht_regressor_alpha <1> - the penalty
.  -ht_regressor_l1_ratio <0.5> - the share of the l1 penalty, in [0, 1]
.  -ht_regressor_fit_intercept <true> - fit an intercept
.  -ht_regressor_tol <1e-4> - tolerance of the duality gap (relative to |y - mean(y)|^2)
.  -ht_regressor_max_it <1000> - maximum number of epochs
.  -ht_regressor_lasso_solver <gram,residual> - the solver
-  -ht_regressor_lasso_block <8> - coordinates per reduction of the residual solver

   References:
+  J. Friedman, T. Hastie and R. Tibshirani, Regularization paths for generalized linear models via coordinate
   descent, Journal of Statistical Software 33 (2010) 1-22.
-  H. Zou and T. Hastie, Regularization and variable selection via the elastic net, J. R. Statist. Soc. B 67 (2005) 301-320.

   Level: beginner

.seealso: `HtRegressorCreate()`, `HtRegressorSetType()`, `HTREGRESSORLASSO`, `HtRegressorLassoPath()`
M*/
PETSC_INTERN PetscErrorCode HtRegressorCreate_ElasticNet(HtRegressor reg)
{
  PetscFunctionBegin;
  PetscCall(HtRegressorCreate_CD(reg, PETSC_FALSE));
  PetscFunctionReturn(PETSC_SUCCESS);
}
