static const char help[] = "Tests HtCluster kmeans against scikit-learn references and across rank counts.\n"
                           "  -data NAME          data/cluster/NAME_X.npy, with NAME_labels.npy and NAME_centers.npy from scikit-learn\n"
                           "  -ref_iter N         scikit-learn's n_iter_\n"
                           "  -ref_inertia X      scikit-learn's inertia_ (same initial centers)\n"
                           "  -best_inertia X     scikit-learn's best inertia of 10 k-means++ runs (quality check of our initializations)\n"
                           "  -split S            the split of the data (the fit redistributes them along the samples)\n\n";

#include "clustertest.h"
#include <stdlib.h>

/* the model written with an HDF5 viewer and loaded into a new object predicts the same labels */
static PetscErrorCode SaveLoadPredict(HtCluster cl, HtTensor X, HtTensor labels)
{
  char        path[PETSC_MAX_PATH_LEN];
  const char *dir = getenv("HEAT_TEST_TMPDIR");
  PetscViewer viewer;
  HtCluster   loaded;
  HtTensor    predicted;
  PetscInt    ndiff, its;
  PetscReal   inertia;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/model.h5", dir ? dir : "."));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_WRITE, &viewer));
  PetscCall(HtClusterView(cl, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(HtClusterCreate(PETSC_COMM_WORLD, &loaded));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_READ, &viewer));
  PetscCall(HtClusterLoad(loaded, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(HtClusterPredict(loaded, X, &predicted));
  PetscCall(CountDifferent(labels, predicted, &ndiff));
  PetscCall(HtClusterGetInertia(loaded, &inertia));
  PetscCall(HtClusterGetIterationNumber(loaded, &its));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "model saved to HDF5 and loaded: inertia %.12g, %" PetscInt_FMT " iterations, predict: %" PetscInt_FMT " labels differ\n", (double)inertia, its, ndiff));
  PetscCall(HtTensorDestroy(&predicted));
  PetscCall(HtClusterDestroy(&loaded));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  char            name[64] = "iris";
  HtCluster       cl;
  HtTensor        X, labels, centers, predicted, reflabels, refcenters, dist;
  PetscInt        its, refits = -1, ndiff, k, split = 0;
  PetscReal       inertia, refinertia = -1, best = -1, diff = 0;
  const PetscInt *shape;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-data", name, sizeof(name), NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-ref_iter", &refits, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-ref_inertia", &refinertia, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-best_inertia", &best, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-split", &split, NULL));
  PetscCall(LoadNamed(name, "X", split, &X));
  PetscCall(HtTensorGetShape(X, &shape));

  PetscCall(HtClusterCreate(PETSC_COMM_WORLD, &cl));
  PetscCall(HtClusterSetFromOptions(cl));
  PetscCall(HtClusterFit(cl, X));
  PetscCall(HtClusterGetNumClusters(cl, &k));
  PetscCall(HtClusterGetIterationNumber(cl, &its));
  PetscCall(HtClusterGetInertia(cl, &inertia));
  PetscCall(HtClusterGetLabels(cl, &labels));
  PetscCall(HtClusterGetCenters(cl, &centers));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: %" PetscInt_FMT " samples, %" PetscInt_FMT " features, K %" PetscInt_FMT ", inertia %.12g after %" PetscInt_FMT " iterations\n", name, shape[0], shape[1], k, (double)inertia, its));
  if (refits >= 0) {
    PetscCall(LoadNamed(name, "labels", 0, &reflabels));
    PetscCall(LoadNamed(name, "centers", -1, &refcenters));
    PetscCall(CountDifferent(labels, reflabels, &ndiff));
    PetscCall(MaxDifference(centers, refcenters, &diff));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "scikit-learn: same iterations %s, inertia within 1e-12 %s, labels differing %" PetscInt_FMT ", centers within 1e-10 %s\n", its == refits ? "yes" : "NO", PetscAbsReal(inertia - refinertia) <= 1e-12 * refinertia ? "yes" : "NO", ndiff, diff <= 1e-10 ? "yes" : "NO"));
    PetscCall(HtTensorDestroy(&reflabels));
    PetscCall(HtTensorDestroy(&refcenters));
  }
  if (best > 0) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "inertia within 1%% of scikit-learn's best of 10 k-means++ runs: %s\n", inertia <= 1.01 * best ? "yes" : "NO"));

  /* predicting the training data gives the fitted labels; transform's nearest center is the label */
  PetscCall(HtClusterPredict(cl, X, &predicted));
  PetscCall(CountDifferent(labels, predicted, &ndiff));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "predict on the training data: %" PetscInt_FMT " labels differ\n", ndiff));
  PetscCall(HtClusterTransform(cl, X, &dist));
  {
    const PetscScalar *d;
    PetscInt          *l, m;

    PetscCall(HtTensorGetLocalSize(predicted, &m));
    PetscCall(HtTensorGetArrayRead(dist, &d));
    PetscCall(HtTensorGetArray(predicted, &l));
    for (PetscInt i = 0; i < m; i++) {
      PetscInt b = 0;

      for (PetscInt q = 1; q < k; q++)
        if (PetscRealPart(d[i * k + q]) < PetscRealPart(d[i * k + b])) b = q;
      l[i] = b;
    }
    PetscCall(HtTensorRestoreArray(predicted, &l));
    PetscCall(HtTensorRestoreArrayRead(dist, &d));
  }
  PetscCall(CountDifferent(labels, predicted, &ndiff));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "nearest center by transform: %" PetscInt_FMT " labels differ\n", ndiff));
  PetscCall(HtTensorDestroy(&dist));
  PetscCall(HtTensorDestroy(&predicted));
  PetscCall(SaveLoadPredict(cl, X, labels));
  PetscCall(HtClusterDestroy(&cl));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   testset:
     nsize: {{1 2 3 4}}
     filter: grep -v "MPI process"
     test:
       suffix: iris_sklearn
       args: -data iris -ht_cluster_num_clusters 3 -ht_cluster_init_centers data/cluster/iris_init.npy -ref_iter 6 -ref_inertia 142.7540625 -ht_cluster_view -ht_cluster_converged_reason
     test:
       suffix: iris_sklearn_split
       args: -data iris -ht_cluster_num_clusters 3 -ht_cluster_init_centers data/cluster/iris_init.npy -ref_iter 6 -ref_inertia 142.7540625 -ht_cluster_view -ht_cluster_converged_reason -split {{-1 1}}
       output_file: output/kmeans_iris_sklearn.out
     test:
       suffix: irisfar_sklearn
       args: -data irisfar -ht_cluster_init_centers data/cluster/irisfar_init.npy -ref_iter 6 -ref_inertia 78.851441426146
     test:
       suffix: blobs_sklearn
       args: -data blobs -ht_cluster_init_centers data/cluster/blobs_init.npy -ref_iter 13 -ref_inertia 128766.87743737722 -ht_cluster_monitor
     test:
       suffix: blobs_sklearn_isa
       nsize: {{1 3}}
       args: -data blobs -ht_cluster_init_centers data/cluster/blobs_init.npy -ref_iter 13 -ref_inertia 128766.87743737722 -ht_kernel_isa {{baseline avx2}}
     test:   # K 3: the nearest kernel's few-centers path at avx2 (K <= 4 lanes), the general path at baseline (2 lanes)
       suffix: iris_sklearn_isa
       args: -data iris -ht_cluster_num_clusters 3 -ht_cluster_init_centers data/cluster/iris_init.npy -ref_iter 6 -ref_inertia 142.7540625 -ht_cluster_view -ht_cluster_converged_reason -ht_kernel_isa {{baseline avx2}}
       output_file: output/kmeans_iris_sklearn.out
     test:   # K 2: the few-centers path at every level, one output
       suffix: iris_two_isa
       nsize: {{1 3}}
       args: -data iris -ht_cluster_num_clusters 2 -ht_cluster_init kmeans++ -ht_cluster_seed 3 -ht_kernel_isa {{baseline avx2 avx512}}
       output_file: output/kmeans_iris_two_isa.out
     test:   # allreduces and gathers in pieces of 7 numbers
       suffix: iris_sklearn_maxcount
       args: -data iris -ht_cluster_num_clusters 3 -ht_cluster_init_centers data/cluster/iris_init.npy -ref_iter 6 -ref_inertia 142.7540625 -ht_cluster_view -ht_cluster_converged_reason -ht_mpi_max_count 7
       output_file: output/kmeans_iris_sklearn.out
     test:
       suffix: iris_kmeanspp
       args: -data iris -ht_cluster_num_clusters 3 -ht_cluster_init kmeans++ -ht_cluster_seed 3 -best_inertia 78.851441426146 -ht_cluster_view
     test:
       suffix: blobs_kmeanspar
       args: -data blobs -ht_cluster_num_clusters 6 -ht_cluster_init kmeans|| -ht_cluster_seed 1 -best_inertia 93280.51894868464
     test:
       suffix: blobs_kmeanspar_maxcount
       args: -data blobs -ht_cluster_num_clusters 6 -ht_cluster_init kmeans|| -ht_cluster_seed 1 -best_inertia 93280.51894868464 -ht_mpi_max_count 7
       output_file: output/kmeans_blobs_kmeanspar.out
     test:
       suffix: blobs_random
       args: -data blobs -ht_cluster_num_clusters 6 -ht_cluster_init random -ht_cluster_seed 5 -ht_cluster_view
TEST*/
