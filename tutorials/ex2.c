static const char help[] = "Tutorial 2: clustering the iris flowers; the algorithm is chosen at run time.\n"
                           "  -i FILE   table whose last column is the true class (default ../share/heat/datasets/iris.csv)\n"
                           "Try -ht_cluster_type kmeans|kmedians|kmedoids|batchkmeans|spectral, -ht_cluster_monitor,\n"
                           "-ht_cluster_view, -ht_cluster_num_clusters K, -ht_cluster_init random|kmeans++|'kmeans||' (quote || in the shell).\n\n";

/*
   HtCluster is a PETSc-style object: create it, let the options database configure it (its type, its number of
   clusters, ...), fit it, read the results. Changing the algorithm is an option, not a recompilation: the program
   below never names one. Every Ht call is collective: the samples are spread over the ranks and each step of the
   fit combines the ranks' partial results (for k-means: one sum of K x (F + 1) numbers per iteration, done in rank
   order by two collective operations, an all-to-all and an all-gather, so the result is the same on any rank count).
*/
#include <heat.h>

/* the tutorial's work; main() ends with HeatEnd() so that an error (a misspelled option, a bad value) is printed once
   and every rank ends cleanly */
static PetscErrorCode Run(void)
{
  MPI_Comm           comm;
  HtCluster          cl;
  HtClusterType      type;
  HtTensor           data, X, ycol, y, labels, code, table;
  char               in[PETSC_MAX_PATH_LEN] = "../share/heat/datasets/iris.csv";
  const PetscInt    *shape, *counts;
  PetscInt           K, C = 3, its;
  PetscReal          inertia;
  const HtSlice      features[2] = {HT_SLICE_ALL, {0, -1, 1}}, last[2] = {HT_SLICE_ALL, {-1, HT_NONE, 1}};

  PetscFunctionBeginUser;
  comm = PETSC_COMM_WORLD;
  PetscOptionsBegin(comm, NULL, "Tutorial 2 options", NULL); /* shown by -help, like every option of the classes */
  PetscCall(PetscOptionsString("-i", "Table whose last column is the true class", NULL, in, in, sizeof(in), NULL));
  PetscOptionsEnd();

  /* the table, its rows split over the ranks; the features are every column but the last, which holds the species */
  PetscCall(HtTensorLoad(comm, in, NULL, 0, &data));
  PetscCall(HtTensorGetSlice(data, 2, features, &X));
  PetscCall(HtTensorGetSlice(data, 2, last, &ycol));
  PetscCall(HtTensorSqueeze(ycol, 1, (PetscInt[]){1}, &y)); /* (N, 1) -> (N,) */
  PetscCall(HtTensorDestroy(&ycol));
  PetscCall(HtTensorAsType(y, HT_INT, &ycol)); /* the species as integers 0, 1, 2 */
  PetscCall(HtTensorDestroy(&y));
  y = ycol;
  PetscCall(HtTensorGetShape(X, &shape));

  /* the clustering object: defaults set in the code, then the command line may override any of them */
  PetscCall(HtClusterCreate(comm, &cl));
  PetscCall(HtClusterSetNumClusters(cl, 3));
  PetscCall(HtClusterSetFromOptions(cl)); /* reads -ht_cluster_type, -ht_cluster_num_clusters, ... */
  PetscCall(HtClusterFit(cl, X));         /* also prints what -ht_cluster_monitor and -ht_cluster_view ask for */

  PetscCall(HtClusterGetType(cl, &type));
  PetscCall(HtClusterGetNumClusters(cl, &K));
  PetscCall(HtClusterGetIterationNumber(cl, &its));
  PetscCall(HtClusterGetInertia(cl, &inertia)); /* sum of squared distances of the samples to their centers */
  PetscCall(PetscPrintf(comm, "%s on %" PetscInt_FMT " samples x %" PetscInt_FMT " features: %" PetscInt_FMT " clusters, %" PetscInt_FMT " iterations, inertia %.6f\n", type, shape[0], shape[1], K, its, (double)inertia));

  /* How well do the clusters match the species? Count the pairs (cluster, species) as the integers
     cluster * C + species: labels and species have the same row layout, so this is local work, and the
     bincount is one allreduce of the K * C counts. */
  PetscCall(HtClusterGetLabels(cl, &labels)); /* HT_INT, one label per sample, split like X; owned by cl */
  PetscCall(HtTensorBinaryScalar(HT_BINARY_MULTIPLY, labels, C, &code));
  PetscCall(HtTensorBinaryInPlace(HT_BINARY_ADD, code, y));
  PetscCall(HtTensorBincount(code, NULL, K * C, &table)); /* replicated: every rank holds the table */
  PetscCall(HtTensorGetArrayRead(table, &counts));
  PetscCall(PetscPrintf(comm, "cluster  samples  species 0  species 1  species 2\n"));
  for (PetscInt k = 0; k < K; k++) {
    const PetscInt *row = counts + k * C;
    PetscCall(PetscPrintf(comm, "%7" PetscInt_FMT "  %7" PetscInt_FMT "  %9" PetscInt_FMT "  %9" PetscInt_FMT "  %9" PetscInt_FMT "\n", k, row[0] + row[1] + row[2], row[0], row[1], row[2]));
  }
  PetscCall(HtTensorRestoreArrayRead(table, &counts));

  PetscCall(HtTensorDestroy(&table));
  PetscCall(HtTensorDestroy(&code));
  PetscCall(HtClusterDestroy(&cl));
  PetscCall(HtTensorDestroy(&y));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtTensorDestroy(&data));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(Run());
}

/*TEST
   build:
     requires: slepc
   test:
     suffix: kmeans
     nsize: {{1 2 3 4}}
     args: -ht_cluster_type kmeans -ht_cluster_monitor -ht_cluster_view
     filter: grep -v "MPI process"
   testset:
     nsize: {{1 3}} # the other types on two rank counts (tests/cluster checks them on 1-4)
     test:
       suffix: kmedians
       args: -ht_cluster_type kmedians
     test:
       suffix: kmedoids
       args: -ht_cluster_type kmedoids
     test:
       suffix: batchkmeans
       args: -ht_cluster_type batchkmeans -ht_cluster_batchkmeans_batches 4
     test:
       suffix: spectral
       args: -ht_cluster_type spectral
   test:
     suffix: misspelled
     nsize: {{1 3}}
     args: -ht_cluster_type kmeens
     errors: expected
     filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p"
TEST*/
