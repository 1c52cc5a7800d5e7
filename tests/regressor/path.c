static const char help[] = "HtRegressorLassoPath() against scikit-learn's lasso_path and enet_path (references in data/regressor/).\n"
                           "  -ref TAG     data/regressor/TAG_alphas.npy and TAG_coefs.npy\n\n";

#include "regtest.h"

int main(int argc, char **argv)
{
  char        tag[64] = "diabetes_path";
  HtTensor    X, y, alphas, coefs, ref;
  HtRegressor reg;
  PetscReal   diff = 0;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-ref", tag, sizeof(tag), NULL));
  PetscCall(LoadRegRef("diabetes", "X", 0, &X));
  PetscCall(LoadRegRef("diabetes", "y", 0, &y));
  PetscCall(HtRegressorCreate(PETSC_COMM_WORLD, &reg));
  PetscCall(HtRegressorSetFromOptions(reg));
  PetscCall(HtRegressorLassoPath(reg, X, y, 10, 1e-3, &alphas, &coefs));
  PetscCall(LoadRegRef(tag, "alphas", -1, &ref));
  PetscCall(RelativeDifference(alphas, ref, &diff));
  PetscCall(Report("alphas", diff, 1e-12));
  PetscCall(HtTensorDestroy(&ref));
  PetscCall(LoadRegRef(tag, "coefs", -1, &ref));
  PetscCall(RelativeDifference(coefs, ref, &diff));
  PetscCall(Report("coefs", diff, 1e-8));
  PetscCall(HtTensorDestroy(&ref));
  PetscCall(HtTensorDestroy(&alphas));
  PetscCall(HtTensorDestroy(&coefs));
  PetscCall(HtRegressorDestroy(&reg));
  PetscCall(HtTensorDestroy(&y));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HeatFinalize());
  return 0;
}

/*
   10 penalties from alpha_max down to 1e-3 alpha_max, warm started, against lasso_path / enet_path of the centered
   data (references with tol 1e-14; ours with tol 1e-13), with both solvers
*/

/*TEST
   testset:
     nsize: 2
     args: -ht_regressor_tol 1e-13 -ht_regressor_max_it 1000000 -ht_regressor_lasso_block 4 -ht_regressor_lasso_solver {{gram residual}}
     test:
       suffix: lasso
     test:
       suffix: enet
       args: -ref diabetes_enet_path -ht_regressor_type elasticnet -ht_regressor_l1_ratio 0.5
TEST*/
