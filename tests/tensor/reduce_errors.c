static const char help[] = "Tests that bad arguments to the HtTensor reductions and statistics give clear errors on every rank.\n"
                           "  -case NAME   which bad call to make\n\n";

#include <heat.h>

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  MPI_Comm  comm;
  HtTensor  x = NULL, y = NULL, w = NULL, r = NULL;
  PetscInt  shape[3] = {5, 4, 3};
  PetscReal range[2] = {2, 1};
  char      which[64] = "";
  PetscBool is;

  PetscFunctionBeginUser;
  comm = PETSC_COMM_WORLD;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", which, sizeof(which), NULL));
  PetscCall(HtTensorArange(comm, 0, 60, 1, 0, HT_SCALAR, &y));
  PetscCall(HtTensorCreate(comm, 3, shape, 0, HT_SCALAR, &x));
#define CASE(name) (PetscStrcmp(which, name, &is) == 0 && is)
  if (CASE("axis")) PetscCall(HtTensorSum(x, 3, PETSC_FALSE, &r));
  if (CASE("negaxis")) PetscCall(HtTensorMean(x, -4, PETSC_TRUE, &r));
  if (CASE("ddof")) PetscCall(HtTensorVar(x, 0, 5, PETSC_FALSE, &r));
  if (CASE("ddofstd")) PetscCall(HtTensorStd(x, HT_AXIS_NONE, 60, PETSC_FALSE, &r));
  if (CASE("percentile")) PetscCall(HtTensorPercentile(x, 100.5, 1, PETSC_FALSE, &r));
  if (CASE("negpercentile")) PetscCall(HtTensorPercentile(x, -1, 1, PETSC_FALSE, &r));
  if (CASE("cov3d")) PetscCall(HtTensorCov(x, 1, &r));
  if (CASE("covsplit")) {
    PetscCall(HtTensorCreate(comm, 2, (PetscInt[]){6, 2}, 1, HT_SCALAR, &w));
    PetscCall(HtTensorCov(w, 1, &r));
  }
  if (CASE("covddof")) {
    PetscCall(HtTensorCreate(comm, 2, (PetscInt[]){6, 2}, 0, HT_SCALAR, &w));
    PetscCall(HtTensorCov(w, 6, &r));
  }
  if (CASE("weights")) {
    PetscCall(HtTensorOnes(comm, 2, (PetscInt[]){5, 4}, 0, HT_SCALAR, &w));
    PetscCall(HtTensorAverage(x, w, 1, PETSC_FALSE, &r));
  }
  if (CASE("weightslength")) {
    PetscCall(HtTensorOnes(comm, 1, (PetscInt[]){5}, 0, HT_SCALAR, &w));
    PetscCall(HtTensorAverage(x, w, 1, PETSC_FALSE, &r));
  }
  if (CASE("weightszero")) {
    PetscCall(HtTensorZeros(comm, 1, (PetscInt[]){4}, 0, HT_SCALAR, &w));
    PetscCall(HtTensorAverage(x, w, 1, PETSC_FALSE, &r));
  }
  if (CASE("minempty")) {
    PetscCall(HtTensorCreate(comm, 2, (PetscInt[]){0, 3}, 0, HT_SCALAR, &w));
    PetscCall(HtTensorMin(w, 0, PETSC_FALSE, &r));
  }
  if (CASE("argmaxempty")) {
    PetscCall(HtTensorCreate(comm, 2, (PetscInt[]){3, 0}, 1, HT_INT, &w));
    PetscCall(HtTensorArgmax(w, HT_AXIS_NONE, PETSC_FALSE, &r));
  }
  if (CASE("medianempty")) {
    PetscCall(HtTensorCreate(comm, 1, (PetscInt[]){0}, 0, HT_SCALAR, &w));
    PetscCall(HtTensorMedian(w, 0, PETSC_FALSE, &r));
  }
  if (CASE("cumsum")) PetscCall(HtTensorCumsum(x, HT_AXIS_NONE, &r));
  if (CASE("norm")) PetscCall(HtTensorNorm(x, NORM_1_AND_2, 0, PETSC_FALSE, &r));
  if (CASE("bins")) PetscCall(HtTensorHistogram(x, 0, NULL, &r, NULL));
  if (CASE("range")) PetscCall(HtTensorHistogram(x, 3, range, &r, NULL));
  if (CASE("histnan")) {
    PetscCall(HtTensorFull(comm, 1, (PetscInt[]){4}, 0, HT_SCALAR, NAN, &w));
    PetscCall(HtTensorHistogram(w, 3, NULL, &r, NULL));
  }
  if (CASE("bincountdtype")) PetscCall(HtTensorBincount(y, NULL, 0, &r));
  if (CASE("bincountnegative")) {
    PetscCall(HtTensorArange(comm, -2, 3, 1, 0, HT_INT, &w));
    PetscCall(HtTensorBincount(w, NULL, 0, &r));
  }
  PetscCall(HtTensorDestroy(&r));
  PetscCall(HtTensorDestroy(&w));
  PetscCall(HtTensorDestroy(&x));
  PetscCall(HtTensorDestroy(&y));
  PetscCall(PetscPrintf(comm, "no error for case '%s'\n", which));
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
       suffix: axis
       args: -case axis
     test:
       suffix: negaxis
       args: -case negaxis
     test:
       suffix: ddof
       args: -case ddof
     test:
       suffix: ddofstd
       args: -case ddofstd
     test:
       suffix: percentile
       args: -case percentile
     test:
       suffix: negpercentile
       args: -case negpercentile
     test:
       suffix: cov3d
       args: -case cov3d
     test:
       suffix: covsplit
       args: -case covsplit
     test:
       suffix: covddof
       args: -case covddof
     test:
       suffix: weights
       args: -case weights
     test:
       suffix: weightslength
       args: -case weightslength
     test:
       suffix: weightszero
       args: -case weightszero
     test:
       suffix: minempty
       args: -case minempty
     test:
       suffix: argmaxempty
       args: -case argmaxempty
     test:
       suffix: medianempty
       args: -case medianempty
     test:
       suffix: cumsum
       args: -case cumsum
     test:
       suffix: norm
       args: -case norm
     test:
       suffix: bins
       args: -case bins
     test:
       suffix: range
       args: -case range
     test:
       suffix: histnan
       args: -case histnan
     test:
       suffix: bincountdtype
       args: -case bincountdtype
     test:
       suffix: bincountnegative
       args: -case bincountnegative
TEST*/
