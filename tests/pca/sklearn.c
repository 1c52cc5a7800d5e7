static const char help[] = "HtPCA against scikit-learn's PCA and IncrementalPCA (references in data/pca/).\n"
                           "  -data NAME   data/pca/NAME_X.npy\n"
                           "  -ref TAG     data/pca/TAG_*.npy references\n"
                           "  -tol TOL     relative tolerance of the comparisons (default 1e-10)\n"
                           "  -noise       also print the noise variance (not for IncrementalPCA with several batches) and check the\n"
                           "               reconstruction error against it, to -recon_tol (default 1e-6)\n\n";

#include "pcatest.h"

/* the fitted model against the references TAG_*.npy */
static PetscErrorCode CompareModel(HtPCA pca, const char tag[], PetscReal tol)
{
  const char *what[] = {"components", "explained_variance", "explained_variance_ratio", "singular_values", "mean"};
  PetscErrorCode (*get[])(HtPCA, HtTensor *) = {HtPCAGetComponents, HtPCAGetExplainedVariance, HtPCAGetExplainedVarianceRatio, HtPCAGetSingularValues, HtPCAGetMean};

  PetscFunctionBeginUser;
  for (PetscInt i = 0; i < 5; i++) {
    HtTensor mine, ref;
    PetscReal diff;

    PetscCall((*get[i])(pca, &mine));
    PetscCall(LoadRef(tag, what[i], -1, &ref));
    PetscCall(RelativeDifference(mine, ref, &diff));
    PetscCall(Report(what[i], diff, tol));
    PetscCall(HtTensorDestroy(&ref));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ||X - InverseTransform(Transform(X))||_F^2 against its closed form (n - 1) (min(n, f) - k) noise variance */
static PetscErrorCode CheckReconstruction(HtPCA pca, HtTensor X, HtTensor Y, PetscReal recontol)
{
  HtTensor        R;
  const PetscInt *shape;
  PetscReal       err, noise, expected;
  PetscInt        k;

  PetscFunctionBeginUser;
  PetscCall(HtPCAInverseTransform(pca, Y, &R));
  PetscCall(HtTensorAXPY(R, -1, X));
  PetscCall(HtTensorMatrixNorm(R, NORM_FROBENIUS, &err));
  PetscCall(HtTensorGetShape(X, &shape));
  PetscCall(HtPCAGetNumComponents(pca, &k));
  PetscCall(HtPCAGetNoiseVariance(pca, &noise));
  expected = PetscSqrtReal((shape[0] - 1) * (PetscMin(shape[0], shape[1]) - k) * noise);
  PetscCall(Report("reconstruction error against (n - 1) (min(n, f) - k) noise variance", PetscAbsReal(err - expected) / PetscMax(expected, 1e-300), expected > 0 ? recontol : 1e-300));
  if (expected == 0) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "round trip with every component: %s\n", err <= 1e-12 * 100 ? "exact to 1e-12" : "NOT EXACT"));
  PetscCall(HtTensorDestroy(&R));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  char      data[64] = "iris", tag[64] = "iris", path[PETSC_MAX_PATH_LEN];
  PetscReal tol = 1e-10, recontol = 1e-6, noise;
  PetscBool shownoise = PETSC_FALSE;
  HtTensor  X, Y, ref, ev;
  HtPCA     pca;
  PetscReal diff;
  PetscInt  k;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-data", data, sizeof(data), NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-ref", tag, sizeof(tag), NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-tol", &tol, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-recon_tol", &recontol, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-noise", &shownoise, NULL));
  PetscCall(PetscSNPrintf(path, sizeof(path), "data/pca/%s_X.npy", data));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, NULL, 0, &X));
  PetscCall(HtPCACreate(PETSC_COMM_WORLD, &pca));
  PetscCall(HtPCASetFromOptions(pca));
  PetscCall(HtPCAFitTransform(pca, X, &Y));
  PetscCall(HtPCAGetNumComponents(pca, &k));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "components: %" PetscInt_FMT "\n", k));
  PetscCall(HtPCAGetExplainedVariance(pca, &ev));
  PetscCall(PrintValues("explained variance", ev));
  if (shownoise) {
    PetscCall(HtPCAGetNoiseVariance(pca, &noise));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "noise variance: %.10g\n", (double)noise));
  }
  PetscCall(CompareModel(pca, tag, tol));
  PetscCall(LoadRef(tag, "transformed", 0, &ref));
  PetscCall(RelativeDifference(Y, ref, &diff));
  PetscCall(Report("transformed", diff, tol));
  if (shownoise) PetscCall(CheckReconstruction(pca, X, Y, recontol));
  PetscCall(HtTensorDestroy(&ref));
  PetscCall(HtTensorDestroy(&Y));
  PetscCall(HtPCADestroy(&pca));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HeatFinalize());
  return 0;
}

/*
   Every type against scikit-learn's PCA(svd_solver="full") where it computes the exact PCA: iris (all types:
   randomized's l = k + 10 covers the 4 features, hierarchical keeps every value, incremental folds one batch) and a
   rank-5 matrix plus noise (randomized by power iterations, hierarchical keeping every value). The data 1e9 away from
   the origin check that no type loses digits to the offset (the shifted moments of the mean and the gram type's
   scatter, the centering of the products): every model value to 1e-10; the scores to 1e-9, since the mean itself is
   a double near 1e9 (spacing 1.2e-7), which moves them by up to that much; the reconstruction error (4.9) to 1e-5,
   since each of the 12000 entries X - X_rec near 1e9 is only known to 1.2e-7. The incremental type in batches
   of 64 against IncrementalPCA(batch_size=64).
*/

/*TEST
   testset:
     nsize: {{1 2 3 4}}
     test:
       suffix: iris
       args: -ht_pca_type {{gram svd randomized hierarchical incremental}} -ht_pca_incremental_batch_rows 150 -ht_pca_n_components 2 -noise
     test:   # SLEPc's dense solvers read the matrix's entries: the explicit centered matrix (uneven rows on 4 ranks)
       suffix: iris_dense
       nsize: {{1 4}}
       args: -ht_pca_type svd -ht_pca_svd_type {{lapack scalapack}} -ht_pca_n_components 2 -noise
       output_file: output/sklearn_iris.out
     test:
       suffix: iris_white
       args: -ref iris_white -ht_pca_type {{gram svd}} -ht_pca_n_components 3 -ht_pca_whiten -noise
     test:
       suffix: iris_var
       args: -ref iris_var -ht_pca_type {{gram svd randomized}} -ht_pca_variance 0.95 -noise
     test:
       suffix: lowrank
       args: -data lowrank -ref lowrank -ht_pca_type {{gram svd randomized hierarchical}} -ht_pca_hierarchical_rank 30 -ht_pca_n_components 5 -noise
     test:
       suffix: lowrank_offset
       args: -data lowrank_offset -ref lowrank_offset -ht_pca_type {{gram svd randomized hierarchical}} -ht_pca_hierarchical_rank 30 -ht_pca_n_components 5 -noise -tol 1e-9 -recon_tol 1e-5
     test:
       suffix: lowrank_inc
       args: -data lowrank -ref lowrank_inc -ht_pca_type incremental -ht_pca_n_components 5 -ht_pca_incremental_batch_rows 64
TEST*/
