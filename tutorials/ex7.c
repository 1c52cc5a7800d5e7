static const char help[] = "Tutorial 7: two moons, k-means against spectral clustering: why the type matters.\n"
                           "  -i FILE   table x, y, true moon (default ../share/heat/datasets/moons.csv)\n"
                           "The two objects read their options under the prefixes km_ and sp_, e.g.\n"
                           "-km_ht_cluster_init random, -sp_ht_cluster_spectral_n_neighbors 5, -sp_ht_cluster_view.\n\n";

/*
   k-means puts each sample in the cluster of the nearest center: its clusters are convex (cut by straight
   lines), so it cannot follow two interleaved half circles. Spectral clustering first builds a graph that joins
   each sample to its nearest neighbours (a sparse PETSc matrix, rows distributed like the samples), computes the
   smallest eigenvectors of the graph's normalized Laplacian with SLEPc, and runs k-means on those eigenvectors:
   samples connected through the graph end up together, whatever the shape of their cloud.
*/
#include <heat.h>

/* Agreement of the labels with the true classes: the adjusted Rand index (1: the same partition, about 0: no better
   than chance) and the accuracy of the best matching of the K = 2 clusters to the 2 classes. The pairs
   (label, class) are counted by one HtTensorBincount() (local counts, one allreduce). */
static PetscErrorCode Agreement(HtTensor labels, HtTensor truth, PetscReal *ari, PetscReal *accuracy)
{
  HtTensor        code, table;
  const PetscInt *n;
  PetscReal       pairs = 0, rows = 0, cols = 0, total, expected, N = 0;

  PetscFunctionBeginUser;
  PetscCall(HtTensorBinaryScalar(HT_BINARY_MULTIPLY, labels, 2, &code));
  PetscCall(HtTensorBinaryInPlace(HT_BINARY_ADD, code, truth));
  PetscCall(HtTensorBincount(code, NULL, 4, &table)); /* n[2 k + c]: samples of cluster k and class c */
  PetscCall(HtTensorGetArrayRead(table, &n));
  for (PetscInt i = 0; i < 2; i++) {
    PetscReal a = n[2 * i] + n[2 * i + 1], b = n[i] + n[2 + i];
    rows += a * (a - 1) / 2;
    cols += b * (b - 1) / 2;
    N += a;
  }
  for (PetscInt i = 0; i < 4; i++) pairs += n[i] * (n[i] - 1) / 2.0;
  total     = N * (N - 1) / 2;
  expected  = rows * cols / total;
  *ari      = (pairs - expected) / ((rows + cols) / 2 - expected);
  *accuracy = PetscMax(n[0] + n[3], n[1] + n[2]) / N;
  PetscCall(HtTensorRestoreArrayRead(table, &n));
  PetscCall(HtTensorDestroy(&table));
  PetscCall(HtTensorDestroy(&code));
  PetscFunctionReturn(0);
}

/* the tutorial's work; main() ends with HeatEnd() so that an error (a misspelled option, a bad value) is printed once
   and every rank ends cleanly */
static PetscErrorCode Run(void)
{
  MPI_Comm      comm;
  HtCluster     cl[2];
  HtTensor      data, X, ycol, y, truth, labels;
  char          in[PETSC_MAX_PATH_LEN] = "../share/heat/datasets/moons.csv";
  const char   *prefix[2] = {"km_", "sp_"};
  HtClusterType type[2]   = {HTCLUSTERKMEANS, HTCLUSTERSPECTRAL};
  PetscReal     ari = 0, accuracy = 0;
  const HtSlice features[2] = {HT_SLICE_ALL, {0, -1, 1}}, last[2] = {HT_SLICE_ALL, {-1, HT_NONE, 1}};

  PetscFunctionBeginUser;
  comm = PETSC_COMM_WORLD;
  PetscOptionsBegin(comm, NULL, "Tutorial 7 options", NULL);
  PetscCall(PetscOptionsString("-i", "Table x, y, true moon", NULL, in, in, sizeof(in), NULL));
  PetscOptionsEnd();

  PetscCall(HtTensorLoad(comm, in, NULL, 0, &data));
  PetscCall(HtTensorGetSlice(data, 2, features, &X));
  PetscCall(HtTensorGetSlice(data, 2, last, &ycol));
  PetscCall(HtTensorSqueeze(ycol, 1, (PetscInt[]){1}, &y));
  PetscCall(HtTensorAsType(y, HT_INT, &truth)); /* the true moon of each sample, 0 or 1 */

  PetscCall(PetscPrintf(comm, "type         adjusted Rand index  accuracy\n"));
  for (PetscInt t = 0; t < 2; t++) {
    /* the same code for both: only the type differs, and each object reads its own options (its prefix) */
    PetscCall(HtClusterCreate(comm, &cl[t]));
    PetscCall(HtClusterSetOptionsPrefix(cl[t], prefix[t]));
    PetscCall(HtClusterSetType(cl[t], type[t]));
    PetscCall(HtClusterSetNumClusters(cl[t], 2));
    PetscCall(HtClusterSetFromOptions(cl[t]));
    PetscCall(HtClusterFit(cl[t], X));
    PetscCall(HtClusterGetType(cl[t], &type[t]));
    PetscCall(HtClusterGetLabels(cl[t], &labels)); /* owned by the object, split like X's rows */
    PetscCall(Agreement(labels, truth, &ari, &accuracy));
    PetscCall(PetscPrintf(comm, "%-11s  %19.6f  %8.4f\n", type[t], (double)ari, (double)accuracy));
  }

  for (PetscInt t = 0; t < 2; t++) PetscCall(HtClusterDestroy(&cl[t]));
  PetscCall(HtTensorDestroy(&truth));
  PetscCall(HtTensorDestroy(&y));
  PetscCall(HtTensorDestroy(&ycol));
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
     suffix: moons
     nsize: {{1 2 3 4}}
   test:
     suffix: draw # the README's pictures, drawn without a display: the PNG signature and size (900 x 600)
     nsize: {{1 4}}
     args: -km_ht_cluster_view draw -km_ht_view_png ${HEAT_TEST_TMPDIR}/kmeans.png -sp_ht_cluster_view draw -sp_ht_view_png ${HEAT_TEST_TMPDIR}/spectral.png -nox
     filter: cat; od -A n -t x1 -N 24 $HEAT_TEST_TMPDIR/kmeans.png; od -A n -t x1 -N 24 $HEAT_TEST_TMPDIR/spectral.png
   test:
     suffix: neighbors
     nsize: {{1 3}}
     args: -sp_ht_cluster_spectral_n_neighbors 5 -km_ht_cluster_init random
   test:
     suffix: graph_in_pieces
     nsize: {{1 2 3 4}}
     args: -sp_ht_cluster_spectral_n_neighbors 3
     errors: expected
     # the message alone: the error (stderr) and the table (stdout) may arrive in either order
     filter: grep "^\[0\]PETSC ERROR: The"
TEST*/
