/*
   HTREGRESSORRIDGE, and the part of the least-squares engine that ols shares with it: the choice of the solver.
*/
#include <../src/ml/regressor/impls/ridge/ridgeimpl.h>

typedef struct {
  PetscBool ols; /* alpha 0 and the minimum-norm solution */
} HtRegressor_LS;

static PetscErrorCode HtRegressorFit_LS(HtRegressor reg, HtTensor Xs, HtTensor ys)
{
  PetscBool ols   = ((HtRegressor_LS *)reg->data)->ols;
  PetscReal alpha = ols ? 0 : reg->alpha;

  PetscFunctionBegin;
  if (!reg->ls_solver_set) reg->ls_solver = reg->f <= HT_REGRESSOR_GRAM_MAX_FEATURES ? HT_REGRESSOR_LS_NORMAL : HT_REGRESSOR_LS_LSQR;
  if (reg->ls_solver == HT_REGRESSOR_LS_NORMAL) PetscCall(HtLSNormalSolve(reg, Xs, ys, alpha, ols));
  else PetscCall(HtLSLSQRSolve(reg, Xs, ys, alpha));
  reg->gap = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtRegressorView_LS(HtRegressor reg, PetscViewer viewer)
{
  PetscBool isascii;

  PetscFunctionBegin;
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERASCII, &isascii));
  if (!isascii || !(reg->fitted || reg->ls_solver_set)) PetscFunctionReturn(PETSC_SUCCESS);
  if (reg->ls_solver == HT_REGRESSOR_LS_NORMAL) PetscCall(PetscViewerASCIIPrintf(viewer, "solver: normal equations of the centered Gram matrix (%s)\n", ((HtRegressor_LS *)reg->data)->ols ? "symmetric eigensolver, minimum-norm solution" : "Cholesky"));
  else {
    PetscCall(PetscViewerASCIIPrintf(viewer, "solver: LSQR on the implicitly centered data\n"));
    if (reg->ksp) PetscCall(KSPView(reg->ksp, viewer));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtRegressorDestroy_LS(HtRegressor reg)
{
  PetscFunctionBegin;
  PetscCall(PetscFree(reg->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtRegressorCreate_LS - the ops of the least-squares engine, for ridge or ols */
PetscErrorCode HtRegressorCreate_LS(HtRegressor reg, PetscBool ols)
{
  HtRegressor_LS *ls;

  PetscFunctionBegin;
  PetscCall(PetscNew(&ls));
  ls->ols           = ols;
  reg->data         = ls;
  reg->ops->fit     = HtRegressorFit_LS;
  reg->ops->view    = HtRegressorView_LS;
  reg->ops->destroy = HtRegressorDestroy_LS;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTREGRESSORRIDGE - "ridge" - least squares with an l2 penalty (scikit-learn's Ridge).

   Method: minimizes |y - X w - b|^2 + alpha |w|^2 (note: the squared error is not divided by the number of samples,
   as in scikit-learn's Ridge, unlike its Lasso). The intercept comes from centering. Two solvers: normal (the default
   up to 4096 features) forms Xc^T Xc and Xc^T yc in one pass over the data and one reduction and solves
   (Xc^T Xc + alpha I) w = Xc^T yc by Cholesky (LAPACK potrf, potrs) on every rank; lsqr runs PETSc's KSPLSQR on the
   operator [Xc; sqrt(alpha) I], applied without copying the data, and reports its iterations.

   Options Database Keys:
+  -ht_regressor_alpha <1> - the penalty
.  -ht_regressor_fit_intercept <true> - fit an intercept
.  -ht_regressor_ls_solver <normal,lsqr> - the solver
.  -ht_regressor_tol <1e-4> - the relative tolerance of LSQR (or -ht_regressor_ksp_rtol)
.  -ht_regressor_max_it <1000> - its maximum number of iterations
-  -ht_regressor_ksp_monitor - and the other options of the KSP, with the prefix ht_regressor_

   References:
+  A. E. Hoerl and R. W. Kennard, Ridge regression: biased estimation for nonorthogonal problems, Technometrics 12
   (1970) 55-67.
-  C. C. Paige and M. A. Saunders, LSQR: an algorithm for sparse linear equations and sparse least squares, ACM TOMS
   8 (1982) 43-71.

   Level: beginner

.seealso: `HtRegressorCreate()`, `HtRegressorSetType()`, `HTREGRESSOROLS`, `HtRegressorGetKSP()`
M*/
PETSC_INTERN PetscErrorCode HtRegressorCreate_Ridge(HtRegressor reg)
{
  PetscFunctionBegin;
  PetscCall(HtRegressorCreate_LS(reg, PETSC_FALSE));
  PetscFunctionReturn(PETSC_SUCCESS);
}
