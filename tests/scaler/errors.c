static const char help[] = "Tests that bad input to HtScaler gives clear errors on every rank.\n"
                           "  -case NAME   which bad call to make\n\n";

#include <heat.h>
#include <math.h>
#include <stdlib.h>

/* 20 x ncols data, value = 0.1 * flat index, split 0 */
static PetscErrorCode CreateData(PetscInt ncols, HtTensor *X)
{
  HtTensor flat;

  PetscFunctionBeginUser;
  PetscCall(HtTensorArange(PETSC_COMM_WORLD, 0, 2 * ncols, 0.1, 0, HT_SCALAR, &flat));
  PetscCall(HtTensorReshape(flat, 2, (PetscInt[]){20, ncols}, 0, X));
  PetscCall(HtTensorDestroy(&flat));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the value v in sample 17, feature 1, on the rank that owns it */
static PetscErrorCode SetValue(HtTensor X, PetscScalar v)
{
  PetscScalar *a;
  PetscInt     rstart, rend;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetOwnershipRange(X, &rstart, &rend));
  PetscCall(HtTensorGetArray(X, &a));
  if (17 >= rstart && 17 < rend) a[(17 - rstart) * 3 + 1] = v;
  PetscCall(HtTensorRestoreArray(X, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* an HDF5 file with an HtCluster model, loaded into sc */
static PetscErrorCode LoadOtherClass(HtScaler sc, HtTensor X)
{
  char        path[PETSC_MAX_PATH_LEN];
  const char *dir = getenv("HEAT_TEST_TMPDIR");
  PetscViewer viewer;
  HtCluster   cl;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/cluster.h5", dir ? dir : "."));
  PetscCall(HtClusterCreate(PETSC_COMM_WORLD, &cl));
  PetscCall(HtClusterSetNumClusters(cl, 2));
  PetscCall(HtClusterFit(cl, X));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_WRITE, &viewer));
  PetscCall(HtClusterView(cl, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(HtClusterDestroy(&cl));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_READ, &viewer));
  PetscCall(HtScalerLoad(sc, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  HtScaler  sc;
  HtTensor  X, X2 = NULL, Y = NULL, t;
  char      which[64] = "";
  PetscBool is;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", which, sizeof(which), NULL));
  PetscCall(CreateData(3, &X));
  PetscCall(HtScalerCreate(PETSC_COMM_WORLD, &sc));
  PetscCall(HtScalerSetFromOptions(sc));
#define CASE(name) (PetscStrcmp(which, name, &is) == 0 && is)
  if (CASE("transform_unfitted")) PetscCall(HtScalerTransform(sc, X, &Y));
  if (CASE("load_otherclass")) PetscCall(LoadOtherClass(sc, X));
  if (CASE("nan")) PetscCall(SetValue(X, NAN));
  if (CASE("inf")) PetscCall(SetValue(X, -INFINITY));
  if (CASE("ndim")) PetscCall(HtTensorArange(PETSC_COMM_WORLD, 0, 10, 1, 0, HT_SCALAR, &X2));
  if (CASE("feature_range_code")) PetscCall(HtScalerMinMaxSetFeatureRange(sc, 2, -1));
  if (CASE("quantile_range_code")) PetscCall(HtScalerRobustSetQuantileRange(sc, -5, 50));
  if (CASE("norm_code")) PetscCall(HtScalerNormalizerSetNorm(sc, NORM_FROBENIUS));
  PetscCall(HtScalerFit(sc, X2 ? X2 : X));
  if (CASE("features")) {
    PetscCall(CreateData(2, &X2));
    PetscCall(HtScalerTransform(sc, X2, &Y));
  }
  if (CASE("getter")) PetscCall(HtScalerGetMean(sc, &t));
  if (CASE("getter_parameter")) PetscCall(HtScalerGetScale(sc, &t));
  if (CASE("inverse")) PetscCall(HtScalerInverseTransform(sc, X, &Y));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "no error for case '%s'\n", which));
  PetscCall(HtTensorDestroy(&Y));
  PetscCall(HtTensorDestroy(&X2));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtScalerDestroy(&sc));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest());
}

/*TEST
   build:
     requires: hdf5
   testset:
     nsize: 3
     errors: expected
     filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p"
     test:
       suffix: transform_unfitted
       args: -case transform_unfitted
     test:
       suffix: features
       args: -case features -ht_scaler_type robust
     test:
       suffix: nan
       args: -case nan
     test:
       suffix: inf
       args: -case inf -ht_scaler_type minmax
     test:
       suffix: ndim
       args: -case ndim
     test:
       suffix: feature_range
       args: -ht_scaler_type minmax -ht_scaler_feature_range 1,1
     test:
       suffix: feature_range_count
       args: -ht_scaler_type minmax -ht_scaler_feature_range 1
     test:
       suffix: feature_range_code
       args: -case feature_range_code -ht_scaler_type minmax
     test:
       suffix: quantile_range
       args: -ht_scaler_type robust -ht_scaler_quantile_range {{80,20 10,120 50,50}separate output}
     test:
       suffix: quantile_range_code
       args: -case quantile_range_code -ht_scaler_type robust
     test:
       suffix: norm
       args: -ht_scaler_type normalizer -ht_scaler_norm l3
     test:
       suffix: norm_code
       args: -case norm_code -ht_scaler_type normalizer
     test:
       suffix: type
       args: -ht_scaler_type standart
     test:
       suffix: getter
       args: -case getter -ht_scaler_type minmax
     test:
       suffix: getter_parameter
       args: -case getter_parameter -ht_scaler_with_std false
     test:
       suffix: getter_normalizer
       args: -case getter_parameter -ht_scaler_type normalizer
     test:
       suffix: inverse
       args: -case inverse -ht_scaler_type normalizer
     test:
       suffix: load_otherclass
       args: -case load_otherclass
       filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p" | sed "s|'/.*cluster.h5|'cluster.h5|"
TEST*/
