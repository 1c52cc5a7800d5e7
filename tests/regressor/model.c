static const char help[] = "HtRegressor model files: View to HDF5, Load, and the same predictions; monitors and views.\n"
                           "  -data NAME   data/regressor/NAME_X.npy and NAME_y.npy\n\n";

#include "regtest.h"

/* writes the model, loads it into a new object, and compares the predictions and the scores */
static PetscErrorCode SaveAndLoad(HtRegressor reg, HtTensor X, HtTensor y)
{
  char        path[PETSC_MAX_PATH_LEN];
  const char *dir = getenv("HEAT_TEST_TMPDIR");
  PetscViewer viewer;
  HtRegressor loaded;
  HtTensor    p1, p2;
  PetscReal   diff = 0, r1 = 0, r2 = 0;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/regressor.h5", dir ? dir : "."));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_WRITE, &viewer));
  PetscCall(PetscViewerHDF5PushGroup(viewer, "/model"));
  PetscCall(HtRegressorView(reg, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(HtRegressorCreate(PETSC_COMM_WORLD, &loaded));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_READ, &viewer));
  PetscCall(PetscViewerHDF5PushGroup(viewer, "/model"));
  PetscCall(HtRegressorLoad(loaded, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(HtRegressorPredict(reg, X, &p1));
  PetscCall(HtRegressorPredict(loaded, X, &p2));
  PetscCall(RelativeDifference(p2, p1, &diff));
  PetscCall(Report("predictions of the loaded model", diff, 0));
  PetscCall(HtRegressorScore(reg, X, y, &r1));
  PetscCall(HtRegressorScore(loaded, X, y, &r2));
  PetscCall(Report("R^2 of the loaded model", PetscAbsReal(r1 - r2), 0));
  PetscCall(HtRegressorView(loaded, NULL));
  PetscCall(HtTensorDestroy(&p1));
  PetscCall(HtTensorDestroy(&p2));
  PetscCall(HtRegressorDestroy(&loaded));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  char        data[64] = "diabetes";
  HtTensor    X, y;
  HtRegressor reg;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-data", data, sizeof(data), NULL));
  PetscCall(LoadRegRef(data, "X", 0, &X));
  PetscCall(LoadRegRef(data, "y", 0, &y));
  PetscCall(HtRegressorCreate(PETSC_COMM_WORLD, &reg));
  PetscCall(HtRegressorSetFromOptions(reg));
  PetscCall(HtRegressorFit(reg, X, y));
  PetscCall(SaveAndLoad(reg, X, y));
  PetscCall(HtRegressorDestroy(&reg));
  PetscCall(HtTensorDestroy(&y));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   build:
     requires: hdf5
   testset:
     nsize: {{1 3}}
     filter: grep -v -e "MPI process"
     test:
       suffix: lasso
       args: -ht_regressor_alpha 0.1
     test:
       suffix: enet_monitor
       args: -ht_regressor_type elasticnet -ht_regressor_alpha 0.01 -ht_regressor_monitor -ht_regressor_converged_reason -ht_regressor_view
     test:
       suffix: residual_monitor
       args: -ht_regressor_alpha 0.5 -ht_regressor_lasso_solver residual -ht_regressor_monitor -ht_regressor_converged_reason
     test:
       suffix: ridge
       args: -data sparse -ht_regressor_type ridge -ht_regressor_alpha 2
     test:
       suffix: ols_lsqr
       args: -data sparse -ht_regressor_type ols -ht_regressor_ls_solver lsqr -ht_regressor_ksp_rtol 1e-12 -ht_regressor_converged_reason
TEST*/
