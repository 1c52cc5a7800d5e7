static const char help[] = "Bad input to HtDMD: each case must stop with a clear error on every rank.\n"
                           "  -case NAME   which bad call to make\n\n";

#include "dmdtest.h"
#include <math.h>

/* column k of X as an (n,) tensor */
static PetscErrorCode Column(HtTensor X, PetscInt k, HtTensor *x)
{
  HtSlice  sl[2] = {HT_SLICE_ALL, {k, k + 1, 1}};
  HtTensor c;
  PetscInt n;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetSlice(X, 2, sl, &c));
  PetscCall(HtTensorGetSize(c, &n));
  PetscCall(HtTensorReshape(c, 1, &n, 0, x));
  PetscCall(HtTensorDestroy(&c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the model of X written to a file and loaded into loaded */
static PetscErrorCode SaveLoad(HtDMD dmd, HtDMD loaded)
{
  char        path[PETSC_MAX_PATH_LEN];
  const char *dir = getenv("HEAT_TEST_TMPDIR");
  PetscViewer viewer;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/dmd.h5", dir ? dir : "."));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_WRITE, &viewer));
  PetscCall(HtDMDView(dmd, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_READ, &viewer));
  PetscCall(HtDMDLoad(loaded, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  HtDMD     dmd;
  HtTensor  X, Y = NULL, x = NULL, out;
  char      which[64] = "";
  PetscBool is;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", which, sizeof(which), NULL));
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){50, 10}, 0, 7, &X));
  PetscCall(HtDMDCreate(PETSC_COMM_WORLD, &dmd));
  PetscCall(HtDMDSetFromOptions(dmd));
#define CASE(name) (PetscStrcmp(which, name, &is) == 0 && is)
  if (CASE("onesnapshot")) {
    HtSlice sl[2] = {HT_SLICE_ALL, {0, 1, 1}};

    PetscCall(HtTensorGetSlice(X, 2, sl, &Y));
  }
  if (CASE("rank")) PetscCall(HtDMDSetRank(dmd, 10));
  if (CASE("nan")) { /* one NaN, on the rank that owns state value 17 */
    PetscScalar *a;
    PetscInt     rstart, rend;

    PetscCall(HtTensorGetOwnershipRange(X, &rstart, &rend));
    PetscCall(HtTensorGetArray(X, &a));
    if (17 >= rstart && 17 < rend) a[(17 - rstart) * 10 + 4] = NAN;
    PetscCall(HtTensorRestoreArray(X, &a));
  }
  if (CASE("zeros")) PetscCall(HtTensorZeros(PETSC_COMM_WORLD, 2, (PetscInt[]){50, 10}, 0, HT_SCALAR, &Y));
  if (CASE("ndim")) PetscCall(HtTensorArange(PETSC_COMM_WORLD, 0, 10, 1, 0, HT_SCALAR, &Y));
  if (CASE("int")) PetscCall(HtTensorAsType(X, HT_INT, &Y));
  if (CASE("predict")) PetscCall(HtDMDPredict(dmd, NULL, 3, &out));
  if (CASE("eigenvalues")) PetscCall(HtDMDGetEigenvalues(dmd, &out));
  if (CASE("nsteps")) {
    PetscCall(HtDMDFit(dmd, X));
    PetscCall(HtDMDPredict(dmd, NULL, 0, &out));
  }
  if (CASE("predict_n")) {
    HtSlice sl[2] = {{0, 40, 1}, {0, 1, 1}};

    PetscCall(HtDMDFit(dmd, X));
    PetscCall(HtTensorGetSlice(X, 2, sl, &x));
    PetscCall(HtDMDPredict(dmd, x, 3, &out));
  }
  if (CASE("partial_exact")) {
    PetscCall(Column(X, 0, &x));
    PetscCall(HtDMDPartialFit(dmd, x));
  }
  if (CASE("partial_n")) { /* a second snapshot of another length */
    HtSlice sl[1] = {{0, 40, 1}};

    PetscCall(Column(X, 0, &x));
    PetscCall(HtDMDPartialFit(dmd, x));
    PetscCall(HtTensorGetSlice(x, 1, sl, &Y));
    PetscCall(HtDMDPartialFit(dmd, Y));
  }
  if (CASE("partial_cols")) PetscCall(HtDMDPartialFit(dmd, X));
  if (CASE("partial_one")) { /* one snapshot is no model yet */
    PetscCall(Column(X, 0, &x));
    PetscCall(HtDMDPartialFit(dmd, x));
    PetscCall(HtDMDGetEigenvalues(dmd, &out));
  }
  if (CASE("partial_loaded")) {
    HtDMD loaded;

    PetscCall(HtDMDFit(dmd, X));
    PetscCall(HtDMDCreate(PETSC_COMM_WORLD, &loaded));
    PetscCall(SaveLoad(dmd, loaded));
    PetscCall(Column(X, 0, &x));
    PetscCall(HtDMDPartialFit(loaded, x));
  }
  PetscCall(HtDMDFit(dmd, Y ? Y : X));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "no error for case '%s'\n", which));
  PetscCall(HtTensorDestroy(&x));
  PetscCall(HtTensorDestroy(&Y));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtDMDDestroy(&dmd));
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
       suffix: onesnapshot
       args: -case onesnapshot
     test:
       suffix: rank
       args: -case rank
     test:
       suffix: rank_option
       args: -ht_dmd_rank -1
     test:
       suffix: tol_option
       args: -ht_dmd_tol 1.5
     test:
       suffix: time_step_option
       args: -ht_dmd_time_step 0
     test:
       suffix: max_rank_option
       args: -ht_dmd_type streaming -ht_dmd_max_rank 0
     test:
       suffix: type
       args: -ht_dmd_type exakt
     test:
       suffix: nan
       args: -case nan
     test:
       suffix: zeros
       args: -case zeros
     test:
       suffix: ndim
       args: -case ndim
     test:
       suffix: int
       args: -case int
     test:
       suffix: predict
       args: -case predict
     test:
       suffix: eigenvalues
       args: -case eigenvalues
     test:
       suffix: nsteps
       args: -case nsteps
     test:
       suffix: predict_n
       args: -case predict_n
     test:
       suffix: partial_exact
       args: -case partial_exact
     test:
       suffix: partial_n
       args: -case partial_n -ht_dmd_type streaming
     test:
       suffix: partial_cols
       args: -case partial_cols -ht_dmd_type streaming
     test:
       suffix: partial_one
       args: -case partial_one -ht_dmd_type streaming
     test:
       suffix: partial_loaded
       args: -case partial_loaded -ht_dmd_type streaming
TEST*/
