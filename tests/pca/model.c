static const char help[] = "HtPCA properties: model files, whitening, the hierarchical error bound, monitors and viewers.\n"
                           "  -data NAME   data/pca/NAME_X.npy\n\n";

#include "pcatest.h"

/* the model written to an HDF5 group and loaded into a new object transforms as the original */
static PetscErrorCode SaveAndLoad(HtPCA pca, HtTensor X, HtTensor Y)
{
  char        path[PETSC_MAX_PATH_LEN];
  const char *dir = getenv("HEAT_TEST_TMPDIR");
  PetscViewer viewer;
  HtPCA       loaded;
  HtTensor    Z, R1, R2;
  PetscReal   diff, noise1, noise2;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/pca.h5", dir ? dir : "."));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_WRITE, &viewer));
  PetscCall(PetscViewerHDF5PushGroup(viewer, "/model"));
  PetscCall(HtPCAView(pca, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(HtPCACreate(PETSC_COMM_WORLD, &loaded));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_READ, &viewer));
  PetscCall(PetscViewerHDF5PushGroup(viewer, "/model"));
  PetscCall(HtPCALoad(loaded, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(HtPCATransform(loaded, X, &Z));
  PetscCall(RelativeDifference(Z, Y, &diff));
  PetscCall(Report("transform of the loaded model", diff, 1e-15));
  PetscCall(HtPCAInverseTransform(pca, Y, &R1));
  PetscCall(HtPCAInverseTransform(loaded, Z, &R2));
  PetscCall(RelativeDifference(R2, R1, &diff));
  PetscCall(Report("inverse transform of the loaded model", diff, 1e-15));
  PetscCall(HtPCAGetNoiseVariance(pca, &noise1));
  PetscCall(HtPCAGetNoiseVariance(loaded, &noise2));
  PetscCall(Report("noise variance of the loaded model", PetscAbsReal(noise1 - noise2), 0));
  PetscCall(HtPCAView(loaded, NULL));
  PetscCall(HtTensorDestroy(&R1));
  PetscCall(HtTensorDestroy(&R2));
  PetscCall(HtTensorDestroy(&Z));
  PetscCall(HtPCADestroy(&loaded));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* whitened scores have unit variance (ddof 1) in every component */
static PetscErrorCode CheckWhitened(HtPCA pca, HtTensor Y)
{
  PetscBool          whiten;
  HtTensor           var;
  const PetscScalar *v;
  PetscInt           k;
  PetscReal          diff = 0;

  PetscFunctionBeginUser;
  PetscCall(HtPCAGetWhiten(pca, &whiten));
  if (!whiten) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtTensorVar(Y, 0, 1, PETSC_FALSE, &var));
  PetscCall(HtTensorGetLocalSize(var, &k));
  PetscCall(HtTensorGetArrayRead(var, &v));
  for (PetscInt i = 0; i < k; i++) diff = PetscMax(diff, PetscAbsScalar(v[i] - 1));
  PetscCall(HtTensorRestoreArrayRead(var, &v));
  PetscCall(Report("variance of the whitened scores against 1", diff, 1e-12));
  PetscCall(HtTensorDestroy(&var));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the hierarchical type: ||Xc - Xc V^T V||_F / ||Xc||_F at most its bound, for the components of the tree's root */
static PetscErrorCode CheckBound(HtPCA pca, HtTensor X, HtTensor Y)
{
  HtPCAType type;
  PetscBool is;
  HtTensor  R, mean, Xc;
  PetscReal bound, err, norm;

  PetscFunctionBeginUser;
  PetscCall(HtPCAGetType(pca, &type));
  PetscCall(PetscStrcmp(type, HTPCAHIERARCHICAL, &is));
  if (!is) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtPCAHierarchicalGetErrorBound(pca, &bound));
  PetscCall(HtPCAInverseTransform(pca, Y, &R));
  PetscCall(HtPCAGetMean(pca, &mean));
  PetscCall(HtTensorSubtract(X, mean, &Xc));
  PetscCall(HtTensorAXPY(R, -1, X));
  PetscCall(HtTensorMatrixNorm(R, NORM_FROBENIUS, &err));
  PetscCall(HtTensorMatrixNorm(Xc, NORM_FROBENIUS, &norm));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "hierarchical: relative error at most the bound: %s; bound below 1e-2: %s\n", err / norm <= bound * (1 + 1e-10) ? "yes" : "NO", bound < 1e-2 ? "yes" : "NO"));
  PetscCall(HtTensorDestroy(&Xc));
  PetscCall(HtTensorDestroy(&R));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  char     data[64] = "iris", path[PETSC_MAX_PATH_LEN];
  HtTensor X, Y;
  HtPCA    pca;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-data", data, sizeof(data), NULL));
  PetscCall(PetscSNPrintf(path, sizeof(path), "data/pca/%s_X.npy", data));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, NULL, 0, &X));
  PetscCall(HtPCACreate(PETSC_COMM_WORLD, &pca));
  PetscCall(HtPCASetFromOptions(pca));
  PetscCall(HtPCAFitTransform(pca, X, &Y));
  PetscCall(SaveAndLoad(pca, X, Y));
  PetscCall(CheckWhitened(pca, Y));
  PetscCall(CheckBound(pca, X, Y));
  PetscCall(HtTensorDestroy(&Y));
  PetscCall(HtPCADestroy(&pca));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   build:
     requires: hdf5
   testset:
     nsize: {{1 2 3 4}}
     filter: grep -v -e "MPI process" -e "local shape"
     test:
       suffix: gram
       args: -ht_pca_n_components 2 -ht_pca_whiten
     test:
       suffix: incremental
       args: -ht_pca_type incremental -ht_pca_n_components 3 -ht_pca_incremental_batch_rows 150
     test:
       suffix: hierarchical
       args: -data lowrank -ht_pca_type hierarchical -ht_pca_n_components 5 -ht_pca_hierarchical_rank 5
     test:
       suffix: randomized_monitor
       args: -data lowrank -ht_pca_type randomized -ht_pca_n_components 5 -ht_pca_randomized_power_its 3 -ht_pca_monitor -ht_pca_converged_reason
       filter: grep -v -e "MPI process" -e "local shape" | sed "s/ change [^ ]*$//"
     test:
       suffix: svd_view
       args: -ht_pca_type svd -ht_pca_n_components 2 -ht_pca_view ::ascii_info_detail -ht_pca_svd_converged_reason
       filter: grep -v -e "MPI process" -e "local shape" -e "iterations"
TEST*/
