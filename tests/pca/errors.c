static const char help[] = "Bad input to HtPCA: each case must stop with a clear error on every rank.\n"
                           "  -case NAME   which bad call to make\n\n";

#include "pcatest.h"
#include <math.h>

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  HtPCA     pca;
  HtTensor  X, Y = NULL, out;
  char      which[64] = "";
  PetscBool is;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", which, sizeof(which), NULL));
  PetscCall(LoadRef("iris", "X", 0, &X));
  PetscCall(HtPCACreate(PETSC_COMM_WORLD, &pca));
  PetscCall(HtPCASetFromOptions(pca));
#define CASE(name) (PetscStrcmp(which, name, &is) == 0 && is)
  if (CASE("toomany")) PetscCall(HtPCASetNumComponents(pca, 5));
  if (CASE("variance")) PetscCall(HtPCASetVarianceFraction(pca, 1.5));
  if (CASE("nan")) { /* one NaN, on the rank that owns sample 17 */
    PetscScalar *a;
    PetscInt     rstart, rend;

    PetscCall(HtTensorGetOwnershipRange(X, &rstart, &rend));
    PetscCall(HtTensorGetArray(X, &a));
    if (17 >= rstart && 17 < rend) a[(17 - rstart) * 4 + 1] = NAN;
    PetscCall(HtTensorRestoreArray(X, &a));
  }
  if (CASE("ndim")) PetscCall(HtTensorArange(PETSC_COMM_WORLD, 0, 10, 1, 0, HT_SCALAR, &Y));
  if (CASE("transform")) PetscCall(HtPCATransform(pca, X, &out));
  if (CASE("features")) {
    HtSlice sl[2] = {HT_SLICE_ALL, {0, 3, 1}};

    PetscCall(HtPCAFit(pca, X));
    PetscCall(HtTensorGetSlice(X, 2, sl, &Y));
    PetscCall(HtPCATransform(pca, Y, &out));
  }
  if (CASE("partial")) PetscCall(HtPCAPartialFit(pca, X));
  if (CASE("batch")) {
    HtSlice sl[2] = {{0, 2, 1}, HT_SLICE_ALL};

    PetscCall(HtPCASetNumComponents(pca, 3));
    PetscCall(HtTensorGetSlice(X, 2, sl, &Y));
    PetscCall(HtPCAPartialFit(pca, Y));
  }
  if (CASE("onesample")) {
    HtSlice sl[2] = {{0, 1, 1}, HT_SLICE_ALL};

    PetscCall(HtTensorGetSlice(X, 2, sl, &Y));
  }
  if (CASE("file_batch")) PetscCall(HtPCAFitFile(pca, "data/pca/iris_X.npy", NULL, 2));
  if (CASE("file_csv")) PetscCall(HtPCAFitFile(pca, "../share/heat/datasets/iris.csv", NULL, 50));
  if (CASE("file_3d")) PetscCall(HtPCAFitFile(pca, "data/small_3d.npy", NULL, 50));
  if (CASE("file_missing")) PetscCall(HtPCAFitFile(pca, "data/pca/nothere.npy", NULL, 50));
  if (CASE("svd")) {
    SVD svd;

    PetscCall(HtPCAGetSVD(pca, &svd));
  }
  PetscCall(HtPCAFit(pca, Y ? Y : X));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "no error for case '%s'\n", which));
  PetscCall(HtTensorDestroy(&Y));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtPCADestroy(&pca));
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
       suffix: toomany
       args: -case toomany
     test:
       suffix: variance
       args: -case variance
     test:
       suffix: variance_option
       args: -ht_pca_variance 0
     test:
       suffix: nan
       args: -case nan
     test:
       suffix: ndim
       args: -case ndim
     test:
       suffix: transform
       args: -case transform
     test:
       suffix: features
       args: -case features
     test:
       suffix: partial
       args: -case partial
     test:
       suffix: batch
       args: -case batch -ht_pca_type incremental
     test:
       suffix: onesample
       args: -case onesample
     test:
       suffix: type
       args: -ht_pca_type grma
     test:
       suffix: svd_type
       args: -ht_pca_type svd -ht_pca_svd_type lanzcos
     test:
       suffix: file_batch
       args: -case file_batch -ht_pca_type incremental -ht_pca_n_components 3
     test:
       suffix: file_csv
       args: -case file_csv -ht_pca_type incremental
     test:
       suffix: file_3d
       args: -case file_3d -ht_pca_type incremental
     test:
       suffix: file_missing
       args: -case file_missing -ht_pca_type incremental
     test:
       suffix: file_type
       args: -case file_missing
     test:
       suffix: getsvd
       args: -case svd
     test:
       suffix: oversamples
       args: -ht_pca_type randomized -ht_pca_randomized_oversamples -1
     test:
       suffix: batch_rows
       args: -ht_pca_type incremental -ht_pca_incremental_batch_rows 0
TEST*/
