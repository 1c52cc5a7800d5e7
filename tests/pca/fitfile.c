static const char help[] = "HtPCAFitFile: the incremental type streaming a .npy or HDF5 file in batches of rows, against\n"
                           "scikit-learn's IncrementalPCA and against HtPCAFit of the data in memory.\n"
                           "  -format npy|h5   stream the .npy file, or an HDF5 copy of it written first\n"
                           "  -batch_rows B    samples per batch (default 64)\n\n";

#include "pcatest.h"

int main(int argc, char **argv)
{
  char        format[8] = "npy", path[PETSC_MAX_PATH_LEN] = "data/pca/lowrank_X.npy";
  const char *dir = getenv("HEAT_TEST_TMPDIR");
  PetscInt    rows = 64, n;
  HtPCA       streamed, inmemory;
  HtTensor    X, a, b;
  PetscReal   diff;
  PetscBool   h5;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-format", format, sizeof(format), NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-batch_rows", &rows, NULL));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, NULL, 0, &X));
  PetscCall(PetscStrcmp(format, "h5", &h5));
  if (h5) {
    PetscCall(PetscSNPrintf(path, sizeof(path), "%s/lowrank.h5", dir ? dir : "."));
    PetscCall(HtTensorSave(X, path, "samples"));
  }
  PetscCall(HtPCACreate(PETSC_COMM_WORLD, &streamed));
  PetscCall(HtPCASetType(streamed, HTPCAINCREMENTAL));
  PetscCall(HtPCASetFromOptions(streamed));
  PetscCall(HtPCAFitFile(streamed, path, h5 ? "samples" : NULL, rows));
  PetscCall(HtPCAGetNumSamplesSeen(streamed, &n));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "samples seen: %" PetscInt_FMT "\n", n));

  /* the same batches from memory (laid out otherwise: the file's batches are balanced, the slices keep X's layout, so the TSQR round differently) */
  PetscCall(HtPCACreate(PETSC_COMM_WORLD, &inmemory));
  PetscCall(HtPCASetType(inmemory, HTPCAINCREMENTAL));
  PetscCall(HtPCASetFromOptions(inmemory));
  PetscCall(HtPCAIncrementalSetBatchRows(inmemory, rows));
  PetscCall(HtPCAFit(inmemory, X));
  PetscCall(HtPCAGetComponents(streamed, &a));
  PetscCall(HtPCAGetComponents(inmemory, &b));
  PetscCall(RelativeDifference(a, b, &diff));
  PetscCall(Report("components of HtPCAFitFile against HtPCAFit in batches", diff, 1e-12));
  PetscCall(HtPCAGetSingularValues(streamed, &a));
  PetscCall(HtPCAGetSingularValues(inmemory, &b));
  PetscCall(RelativeDifference(a, b, &diff));
  PetscCall(Report("singular values of HtPCAFitFile against HtPCAFit in batches", diff, 1e-12));

  /* scikit-learn's IncrementalPCA(n_components=5, batch_size=64) */
  if (rows == 64) {
    const char *what[] = {"components", "singular_values", "explained_variance_ratio", "mean"};
    PetscErrorCode (*get[])(HtPCA, HtTensor *) = {HtPCAGetComponents, HtPCAGetSingularValues, HtPCAGetExplainedVarianceRatio, HtPCAGetMean};

    for (PetscInt i = 0; i < 4; i++) {
      PetscCall((*get[i])(streamed, &a));
      PetscCall(LoadRef("lowrank_inc", what[i], -1, &b));
      PetscCall(RelativeDifference(a, b, &diff));
      PetscCall(Report(what[i], diff, 1e-10));
      PetscCall(HtTensorDestroy(&b));
    }
  }
  PetscCall(HtPCADestroy(&inmemory));
  PetscCall(HtPCADestroy(&streamed));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   build:
     requires: hdf5
   testset:
     nsize: {{1 2 3 4}}
     args: -ht_pca_n_components 5
     test:
       suffix: npy
       args: -format npy
     test:
       suffix: h5
       args: -format h5
     test:
       suffix: batches
       args: -batch_rows {{5 100 400}separate output}
TEST*/
