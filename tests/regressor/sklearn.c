static const char help[] = "HtRegressor against scikit-learn's Lasso, ElasticNet, Ridge and LinearRegression (references in data/regressor/).\n"
                           "  -data NAME   data/regressor/NAME_X.npy and NAME_y.npy\n"
                           "  -ref TAG     data/regressor/TAG_coef.npy, TAG_intercept.npy, TAG_score.npy\n"
                           "  -tol TOL     relative tolerance of the comparisons (default 1e-8)\n"
                           "  -column      give the target as an (N, 1) tensor\n"
                           "  -ref_alpha   fit with the alpha of the reference (TAG_alpha.npy)\n"
                           "  -print       print the intercept and the coefficients to 14 digits (the same on any number of ranks)\n\n";

#include "regtest.h"

int main(int argc, char **argv)
{
  char                       data[64] = "diabetes", tag[64] = "diabetes_lasso_a1", path[PETSC_MAX_PATH_LEN];
  PetscReal                  tol    = 1e-8, gap;
  PetscBool                  column = PETSC_FALSE, refalpha = PETSC_FALSE, print = PETSC_FALSE;
  HtTensor                   X, y, yfit;
  HtRegressor                reg;
  HtRegressorConvergedReason reason;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-data", data, sizeof(data), NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-ref", tag, sizeof(tag), NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-tol", &tol, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-column", &column, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-ref_alpha", &refalpha, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-print", &print, NULL));
  PetscCall(PetscSNPrintf(path, sizeof(path), "data/regressor/%s_X.npy", data));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, NULL, 0, &X));
  PetscCall(LoadRegRef(data, "y", 0, &y));
  if (column) {
    const PetscInt *shape;

    PetscCall(HtTensorGetShape(y, &shape));
    PetscCall(HtTensorReshape(y, 2, (PetscInt[]){shape[0], 1}, 0, &yfit));
  } else {
    PetscCall(PetscObjectReference((PetscObject)y));
    yfit = y;
  }
  PetscCall(HtRegressorCreate(PETSC_COMM_WORLD, &reg));
  PetscCall(HtRegressorSetFromOptions(reg));
  if (refalpha) {
    PetscReal alpha;

    PetscCall(LoadRegValue(tag, "alpha", &alpha));
    PetscCall(HtRegressorSetAlpha(reg, alpha));
  }
  PetscCall(HtRegressorFit(reg, X, yfit));
  PetscCall(HtRegressorGetConvergedReason(reg, &reason));
  PetscCall(HtRegressorGetDualityGap(reg, &gap));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "converged: %s, duality gap below 1e-6: %s\n", reason > 0 ? "yes" : "NO", gap < 1e-6 ? "yes" : "NO"));
  PetscCall(CompareModel(reg, X, y, tag, tol));
  if (print) {
    HtTensor  coef;
    PetscReal b;

    PetscCall(HtRegressorGetIntercept(reg, &b));
    PetscCall(HtRegressorGetCoefficients(reg, &coef));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "intercept: %.14g\n", (double)b));
    PetscCall(PrintValuesDigits("coef", coef, 14));
  }
  PetscCall(HtRegressorDestroy(&reg));
  PetscCall(HtTensorDestroy(&yfit));
  PetscCall(HtTensorDestroy(&y));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HeatFinalize());
  return 0;
}

/*
   Lasso and ElasticNet (references fitted with tol 1e-14; ours with tol 1e-13) to 1e-8, with both solvers (the
   residual one in blocks of 3, so that several blocks exist), including an alpha above alpha_max where every
   coefficient is 0; the diabetes lasso on 1-4 ranks, whose coefficients agree to 1e-12 whatever the number of ranks. Ridge and ols by the normal equations and by LSQR (rtol 1e-14)
   to 1e-10 (the references agree with the closed forms to 1e-10); the rank-deficient ols against NumPy's lstsq.
*/

/*TEST
   testset:
     args: -ht_regressor_tol 1e-13 -ht_regressor_max_it 1000000 -ht_regressor_lasso_block 3 -ref_alpha
     test:
       suffix: lasso
       nsize: {{1 2 3 4}}
       args: -ref diabetes_lasso_a0.1 -ht_regressor_lasso_solver {{gram residual}}
     test:
       suffix: lasso_ranks
       nsize: {{1 2 3 4}}
       tolerance: 1e-12
       args: -ref diabetes_lasso_a0.1 -print -ht_regressor_lasso_solver {{gram residual}separate output}
     test:
       suffix: lasso_alphas
       nsize: 2
       args: -ref diabetes_lasso_{{a0.01 a1 amax}} -ht_regressor_lasso_solver {{gram residual}}
     test:
       suffix: enet
       nsize: 3
       args: -ref diabetes_enet_{{a0.001 a0.01}} -ht_regressor_type elasticnet -ht_regressor_l1_ratio 0.5 -ht_regressor_lasso_solver {{gram residual}}
     test:
       suffix: sparse_lasso
       nsize: 2
       args: -data sparse -ref sparse_lasso_{{a0.01 a0.1 a0.5}} -ht_regressor_lasso_solver {{gram residual}}
     test:
       suffix: sparse_enet
       nsize: 2
       args: -data sparse -ref sparse_enet_a0.05 -ht_regressor_type elasticnet -ht_regressor_l1_ratio 0.7 -ht_regressor_lasso_solver {{gram residual}}
     test:
       suffix: sparse_noint
       nsize: 2
       args: -data sparse -ref sparse_lasso_noint -ht_regressor_fit_intercept 0 -ht_regressor_lasso_solver {{gram residual}} -column
     test:
       suffix: constant
       nsize: 2
       args: -data constant -ref constant_lasso -ht_regressor_lasso_solver {{gram residual}}
   testset:
     args: -tol 1e-10 -ht_regressor_ksp_rtol 1e-14 -ht_regressor_ksp_atol 0 -ht_regressor_max_it 10000
     test:
       suffix: ridge
       nsize: {{1 3}}
       args: -ref diabetes_ridge_{{a0.1 a10}} -ref_alpha -ht_regressor_type ridge -ht_regressor_ls_solver {{normal lsqr}}
     test:
       suffix: ridge_noint
       nsize: 2
       args: -data sparse -ref sparse_ridge_noint -ref_alpha -ht_regressor_type ridge -ht_regressor_fit_intercept 0 -ht_regressor_ls_solver {{normal lsqr}}
     test:
       suffix: ridge_constant
       nsize: 2
       args: -data constant -ref constant_ridge -ref_alpha -ht_regressor_type ridge -ht_regressor_ls_solver {{normal lsqr}}
     test:
       suffix: ols
       nsize: {{1 3}}
       args: -ref diabetes_ols -ht_regressor_type ols -ht_regressor_ls_solver {{normal lsqr}}
     test:
       suffix: ols_rankdef
       nsize: 2
       args: -data rankdef -ref rankdef_ols -ht_regressor_type ols -ht_regressor_ls_solver {{normal lsqr}}
TEST*/
