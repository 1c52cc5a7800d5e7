static const char help[] = "Bad input to HtRegressor: each case must stop with a clear error on every rank.\n"
                           "  -case NAME   which bad call to make\n"
                           "  -data NAME   data/regressor/NAME_X.npy and NAME_y.npy (default diabetes)\n\n";

#include "regtest.h"
#include <math.h>

/* a NaN in the first value of row `row` of t (rows of `cols` values), on the rank that owns it */
static PetscErrorCode PutNaN(HtTensor t, PetscInt row, PetscInt cols)
{
  PetscScalar *a;
  PetscInt     rstart, rend;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetOwnershipRange(t, &rstart, &rend));
  PetscCall(HtTensorGetArray(t, &a));
  if (row >= rstart && row < rend) a[(row - rstart) * cols] = NAN;
  PetscCall(HtTensorRestoreArray(t, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  HtRegressor reg;
  HtTensor    X, y, Xfit, yfit, out;
  char        which[64] = "", data[64] = "diabetes";
  PetscBool   is;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", which, sizeof(which), NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-data", data, sizeof(data), NULL));
  PetscCall(LoadRegRef(data, "X", 0, &X));
  PetscCall(LoadRegRef(data, "y", 0, &y));
  PetscCall(PetscObjectReference((PetscObject)X));
  PetscCall(PetscObjectReference((PetscObject)y));
  Xfit = X;
  yfit = y;
  PetscCall(HtRegressorCreate(PETSC_COMM_WORLD, &reg));
  PetscCall(HtRegressorSetFromOptions(reg));
#define CASE(name) (PetscStrcmp(which, name, &is) == 0 && is)
  if (CASE("alpha")) PetscCall(HtRegressorSetAlpha(reg, -1));
  if (CASE("l1_ratio")) PetscCall(HtRegressorSetL1Ratio(reg, 1.5));
  if (CASE("nan_X")) PetscCall(PutNaN(X, 17, 10));
  if (CASE("nan_y")) PetscCall(PutNaN(y, 23, 1));
  if (CASE("length")) {
    HtSlice sl[1] = {
      {0, 400, 1}
    };

    PetscCall(HtTensorDestroy(&yfit));
    PetscCall(HtTensorGetSlice(y, 1, sl, &yfit));
  }
  if (CASE("predict")) PetscCall(HtRegressorPredict(reg, X, &out));
  if (CASE("features")) {
    HtSlice sl[2] = {
      HT_SLICE_ALL, {0, 3, 1}
    };

    PetscCall(HtRegressorFit(reg, X, y));
    PetscCall(HtTensorGetSlice(X, 2, sl, &out));
    PetscCall(HtRegressorPredict(reg, out, &out));
  }
  if (CASE("path")) PetscCall(HtRegressorLassoPath(reg, X, y, 10, 1e-3, &out, &out));
  PetscCall(HtRegressorFit(reg, Xfit, yfit));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "no error for case '%s'\n", which));
  PetscCall(HtTensorDestroy(&Xfit));
  PetscCall(HtTensorDestroy(&yfit));
  PetscCall(HtTensorDestroy(&y));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtRegressorDestroy(&reg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest());
}

/*TEST
   testset:
     nsize: 3
     errors: expected
     filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p"
     test:
       suffix: alpha
       args: -case alpha
     test:
       suffix: alpha_option
       args: -ht_regressor_alpha -0.5
     test:   # an enum option's value in full (PETSc 3.18's own message cut it to 12 characters)
       suffix: lasso_solver_option
       args: -ht_regressor_lasso_solver residual_with_a_typo
     test:
       suffix: l1_ratio
       args: -case l1_ratio
     test:
       suffix: l1_ratio_option
       args: -ht_regressor_l1_ratio -0.1
     test:
       suffix: nan_X
       args: -case nan_X -ht_regressor_lasso_solver {{gram residual}}
     test:
       suffix: nan_X_ols
       args: -case nan_X -ht_regressor_type ols
     test:
       suffix: nan_y
       args: -case nan_y
     test:
       suffix: length
       args: -case length
     test:
       suffix: predict
       args: -case predict
     test:
       suffix: features
       args: -case features
     test:
       suffix: path
       args: -case path -ht_regressor_type ridge
     test:
       suffix: type
       args: -ht_regressor_type lasos
     test:
       suffix: ridge_singular
       args: -case nothing -ht_regressor_type ridge -ht_regressor_alpha 0 -data rankdef
TEST*/
