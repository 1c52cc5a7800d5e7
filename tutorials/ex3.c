static const char help[] = "Tutorial 3: principal component analysis of the wine data through SLEPc.\n"
                           "  -i FILE            table whose last column is the class (default ../share/heat/datasets/wine.csv)\n"
                           "  -standardize BOOL  scale each feature to mean 0, variance 1 first (default true)\n"
                           "Try -ht_pca_type gram|svd|randomized, -ht_pca_svd_type lanczos|trlanczos|cross|cyclic|randomized,\n"
                           "-ht_pca_n_components K, -ht_pca_view, -ht_pca_svd_monitor_all, -ht_pca_svd_converged_reason, -log_view.\n\n";

/*
   PCA finds the directions along which the samples vary most. HtPCA computes it in one of several ways, picked at
   run time: gram forms the F x F scatter matrix in one pass (each rank its rows, one allreduce of F x F numbers)
   and solves a small eigenproblem on every rank; svd hands a matrix-free operator to a SLEPc SVD solver (each
   product with it is local work plus one allreduce); randomized multiplies by a few random vectors and
   orthonormalizes them with a tall-skinny QR. All give the same components here (13 features).
*/
#include <heat.h>

int main(int argc, char **argv)
{
  MPI_Comm           comm;
  HtScaler           scaler;
  HtPCA              pca;
  HtPCAType          type;
  HtTensor           data, X, Z = NULL, sv, ev, ratio;
  char               in[PETSC_MAX_PATH_LEN] = "../share/heat/datasets/wine.csv";
  PetscBool          standardize = PETSC_TRUE;
  const PetscInt    *shape, *kshape;
  const PetscScalar *s, *v, *r;
  PetscReal          cumulative = 0;
  const HtSlice      features[2] = {HT_SLICE_ALL, {0, -1, 1}};

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  comm = PETSC_COMM_WORLD;
  PetscOptionsBegin(comm, NULL, "Tutorial 3 options", NULL);
  PetscCall(PetscOptionsString("-i", "Table whose last column is the class", NULL, in, in, sizeof(in), NULL));
  PetscCall(PetscOptionsBool("-standardize", "Scale each feature to mean 0 and variance 1 first", NULL, standardize, &standardize, NULL));
  PetscOptionsEnd();

  PetscCall(HtTensorLoad(comm, in, NULL, 0, &data)); /* rows split over the ranks */
  PetscCall(HtTensorGetSlice(data, 2, features, &X)); /* drop the class column: PCA does not look at it */
  PetscCall(HtTensorGetShape(X, &shape));

  /* The features have different units (proline is ~1000, hue ~1): without scaling the largest one is the first
     component. HtScaler standard: one pass for the means and variances (one allreduce), then local work. */
  PetscCall(HtScalerCreate(comm, &scaler));
  PetscCall(HtScalerSetType(scaler, HTSCALERSTANDARD));
  PetscCall(HtScalerSetFromOptions(scaler));
  if (standardize) PetscCall(HtScalerFitTransform(scaler, X, &Z));

  /* the PCA object: 4 components unless -ht_pca_n_components says otherwise, the method from -ht_pca_type */
  PetscCall(HtPCACreate(comm, &pca));
  PetscCall(HtPCASetNumComponents(pca, 4));
  PetscCall(HtPCASetFromOptions(pca)); /* -ht_pca_type, and SLEPc's options under -ht_pca_svd_... */
  PetscCall(HtPCAFit(pca, Z ? Z : X));
  PetscCall(HtPCAGetType(pca, &type));

  /* the results are small replicated tensors (every rank holds them), owned by the PCA object */
  PetscCall(HtPCAGetSingularValues(pca, &sv));
  PetscCall(HtPCAGetExplainedVariance(pca, &ev));
  PetscCall(HtPCAGetExplainedVarianceRatio(pca, &ratio));
  PetscCall(HtTensorGetShape(ev, &kshape));
  PetscCall(HtTensorGetArrayRead(sv, &s));
  PetscCall(HtTensorGetArrayRead(ev, &v));
  PetscCall(HtTensorGetArrayRead(ratio, &r));
  PetscCall(PetscPrintf(comm, "PCA (%s) of %" PetscInt_FMT " samples x %" PetscInt_FMT " features%s\n", type, shape[0], shape[1], standardize ? ", standardized" : ""));
  PetscCall(PetscPrintf(comm, "component  singular value  explained variance  ratio     cumulative\n"));
  for (PetscInt k = 0; k < kshape[0]; k++) {
    cumulative += PetscRealPart(r[k]);
    PetscCall(PetscPrintf(comm, "%9" PetscInt_FMT "  %14.8f  %18.8f  %.8f  %.8f\n", k + 1, (double)PetscRealPart(s[k]), (double)PetscRealPart(v[k]), (double)PetscRealPart(r[k]), (double)cumulative));
  }
  PetscCall(HtTensorRestoreArrayRead(ratio, &r));
  PetscCall(HtTensorRestoreArrayRead(ev, &v));
  PetscCall(HtTensorRestoreArrayRead(sv, &s));

  PetscCall(HtPCADestroy(&pca));
  PetscCall(HtScalerDestroy(&scaler));
  PetscCall(HtTensorDestroy(&Z));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtTensorDestroy(&data));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   build:
     requires: slepc
   test:
     suffix: gram
     nsize: {{1 2 3 4}}
     args: -ht_pca_type gram
   testset:
     nsize: {{1 3}} # the other types on two rank counts (tests/pca checks them on 1-4)
     test:
       suffix: svd_trlanczos
       args: -ht_pca_type svd -ht_pca_svd_type trlanczos
     test:
       suffix: svd_cross
       args: -ht_pca_type svd -ht_pca_svd_type cross
     test:
       suffix: randomized
       args: -ht_pca_type randomized
     test:
       suffix: raw
       args: -standardize false
TEST*/
