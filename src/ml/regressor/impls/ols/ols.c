/*
   HTREGRESSOROLS: ridge with alpha 0 and the minimum-norm solution (impls/ridge/ridgeimpl.h).
*/
#include <../src/ml/regressor/impls/ridge/ridgeimpl.h>

/*MC
   HTREGRESSOROLS - "ols" - ordinary least squares (scikit-learn's LinearRegression).

   Method: minimizes |y - X w - b|^2; the intercept comes from centering. When the centered data have dependent
   features, the minimum-norm solution, as scikit-learn's LinearRegression (which uses LAPACK's least-squares solver,
   lstsq): the normal solver (the default up to 4096 features) forms Xc^T Xc and Xc^T yc in one pass and one reduction
   and applies the pseudo-inverse from LAPACK's symmetric eigensolver (syev), where eigenvalues below
   max(samples, features) machine epsilon times the largest count as zero (singular values of Xc below about
   sqrt(max(samples, features) epsilon) times the largest: a coarser cutoff than lstsq's, since squaring the singular
   values loses half the digits); lsqr runs PETSc's KSPLSQR from w = 0, which tends to the minimum-norm solution too.
   alpha is ignored.

   Options Database Keys:
+  -ht_regressor_fit_intercept <true> - fit an intercept
.  -ht_regressor_ls_solver <normal,lsqr> - the solver
.  -ht_regressor_tol <1e-4> - the relative tolerance of LSQR (or -ht_regressor_ksp_rtol)
-  -ht_regressor_max_it <1000> - its maximum number of iterations

   References:
+  G. H. Golub and C. F. Van Loan, Matrix Computations, 4th ed., Johns Hopkins, 2013, section 5.5.
-  C. C. Paige and M. A. Saunders, LSQR: an algorithm for sparse linear equations and sparse least squares, ACM TOMS
   8 (1982) 43-71.

   Level: beginner

.seealso: `HtRegressorCreate()`, `HtRegressorSetType()`, `HTREGRESSORRIDGE`
M*/
PETSC_INTERN PetscErrorCode HtRegressorCreate_OLS(HtRegressor reg)
{
  PetscFunctionBegin;
  PetscCall(HtRegressorCreate_LS(reg, PETSC_TRUE));
  PetscFunctionReturn(PETSC_SUCCESS);
}
