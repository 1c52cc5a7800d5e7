/*
   HTREGRESSORLASSO: the elastic net with l1_ratio 1 (impls/elasticnet/elasticnetimpl.h).
*/
#include <../src/ml/regressor/impls/elasticnet/elasticnetimpl.h>

/*MC
   HTREGRESSORLASSO - "lasso" - least squares with an l1 penalty, by coordinate descent (scikit-learn's Lasso; the
   default type).

   Method: minimizes 1/(2 n) |y - X w - b|^2 + alpha |w|_1 over n samples, the elastic net with l1_ratio 1 (see
   `HTREGRESSORELASTICNET` for the coordinate descent, its stopping rule on the duality gap and its two solvers). The
   intercept comes from centering. From alpha_max = max |Xc^T yc| / n on, every coefficient is 0.

   Options Database Keys:
+  -ht_regressor_alpha <1> - the penalty
.  -ht_regressor_fit_intercept <true> - fit an intercept
.  -ht_regressor_tol <1e-4> - tolerance of the duality gap (relative to |y - mean(y)|^2)
.  -ht_regressor_max_it <1000> - maximum number of epochs
.  -ht_regressor_lasso_solver <gram,residual> - one pass and a Gram matrix (default up to 4096 features), or a
   distributed residual and blocks of coordinates
-  -ht_regressor_lasso_block <8> - coordinates per reduction of the residual solver

   References:
+  R. Tibshirani, Regression shrinkage and selection via the lasso, J. R. Statist. Soc. B 58 (1996) 267-288.
-  J. Friedman, T. Hastie and R. Tibshirani, Regularization paths for generalized linear models via coordinate
   descent, Journal of Statistical Software 33 (2010) 1-22.

   Level: beginner

.seealso: `HtRegressorCreate()`, `HtRegressorSetType()`, `HTREGRESSORELASTICNET`, `HtRegressorLassoPath()`
M*/
PETSC_INTERN PetscErrorCode HtRegressorCreate_Lasso(HtRegressor reg)
{
  PetscFunctionBegin;
  PetscCall(HtRegressorCreate_CD(reg, PETSC_TRUE));
  PetscFunctionReturn(PETSC_SUCCESS);
}
