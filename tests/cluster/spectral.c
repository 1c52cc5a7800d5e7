static const char help[] = "Tests HtCluster spectral: it recovers two circles and two moons where k-means does not.\n"
                           "  -data NAME              data/cluster/NAME_X.npy with the true labels NAME_labels.npy\n"
                           "  -ref_eigenvalues a,b,.. the dense NumPy reference of the smallest Laplacian eigenvalues\n"
                           "  -ref_inertia X          inertia of the true partition (sum of squared distances to the class means)\n"
                           "  -predict                also call HtClusterPredict() (not available for spectral: an error)\n"
                           "  -api                    rbf_eps with gamma 30 set through the API instead of the options\n\n";

#include "clustertest.h"

/* In the bad-input cases a call fails on every rank: rank 0 prints the message and the others stay silent. Rank 0
   waits a moment before failing on as PetscCall() does (an abort from main): without the pause Open MPI now and then
   tears the job down before it has forwarded the message. */
#define PetscCallExpectError(call) \
  do { \
    PetscErrorCode ierr_e_ = (call); \
    if (PetscUnlikely(ierr_e_)) { \
      (void)PetscSleep(0.5); \
      return PetscError(PETSC_COMM_SELF, __LINE__, PETSC_FUNCTION_NAME, __FILE__, ierr_e_, PETSC_ERROR_REPEAT, " "); \
    } \
  } while (0)

static PetscReal Pairs(PetscInt n)
{
  return 0.5 * (PetscReal)n * (PetscReal)(n - 1);
}

/* adjusted Rand index (Hubert & Arabie) of two labelings of the same samples, from their contingency table */
static PetscErrorCode AdjustedRandIndex(HtTensor truth, HtTensor labels, PetscReal *ari)
{
  HtTensor        t;
  const PetscInt *a, *b;
  PetscInt        m, n, na = 0, nb = 0, *table;
  PetscReal       index = 0, sa = 0, sb = 0, expected, maximum;

  PetscFunctionBeginUser;
  PetscCall(HtTensorDuplicate(labels, &t));
  PetscCall(HtTensorCopy(truth, t)); /* the true labels with the layout of the fitted ones */
  PetscCall(HtTensorGetSize(t, &n));
  PetscCall(HtTensorGetLocalSize(t, &m));
  PetscCall(HtTensorGetArrayRead(t, &a));
  PetscCall(HtTensorGetArrayRead(labels, &b));
  for (PetscInt i = 0; i < m; i++) {
    na = PetscMax(na, a[i] + 1);
    nb = PetscMax(nb, b[i] + 1);
  }
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &na, 1, MPIU_INT, MPI_MAX, PETSC_COMM_WORLD));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &nb, 1, MPIU_INT, MPI_MAX, PETSC_COMM_WORLD));
  PetscCall(PetscCalloc1(na * nb, &table));
  for (PetscInt i = 0; i < m; i++) table[a[i] * nb + b[i]]++;
  PetscCall(HtTensorRestoreArrayRead(labels, &b));
  PetscCall(HtTensorRestoreArrayRead(t, &a));
  PetscCall(HtTensorDestroy(&t));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, table, na * nb, MPIU_INT, MPI_SUM, PETSC_COMM_WORLD));
  for (PetscInt i = 0; i < na; i++) {
    PetscInt row = 0;

    for (PetscInt j = 0; j < nb; j++) {
      index += Pairs(table[i * nb + j]);
      row += table[i * nb + j];
    }
    sa += Pairs(row);
  }
  for (PetscInt j = 0; j < nb; j++) {
    PetscInt col = 0;

    for (PetscInt i = 0; i < na; i++) col += table[i * nb + j];
    sb += Pairs(col);
  }
  expected = sa * sb / Pairs(n);
  maximum  = 0.5 * (sa + sb);
  *ari     = maximum == expected ? 1.0 : (index - expected) / (maximum - expected);
  PetscCall(PetscFree(table));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  char             name[64] = "circles";
  HtCluster        cl, km;
  HtTensor         X, truth, labels, predicted;
  PetscInt         its, k, neigs, nref = 8;
  PetscReal        inertia, ari, refinertia = -1, refeigs[8], maxdiff = 0;
  const PetscReal *eigs;
  const PetscInt  *shape;
  PetscBool        haveeigs, predict = PETSC_FALSE, api = PETSC_FALSE;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-data", name, sizeof(name), NULL));
  PetscCall(PetscOptionsGetRealArray(NULL, NULL, "-ref_eigenvalues", refeigs, &nref, &haveeigs));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-ref_inertia", &refinertia, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-predict", &predict, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-api", &api, NULL));
  PetscCall(LoadNamed(name, "X", 0, &X));
  PetscCall(LoadNamed(name, "labels", 0, &truth));
  PetscCall(HtTensorGetShape(X, &shape));

  /* spectral clustering */
  PetscCall(HtClusterCreate(PETSC_COMM_WORLD, &cl));
  PetscCall(HtClusterSetType(cl, HTCLUSTERSPECTRAL));
  PetscCall(HtClusterSetNumClusters(cl, 2));
  if (api) {
    HtCluster inner;

    PetscCall(HtClusterSpectralSetAffinity(cl, "rbf_eps", PETSC_DEFAULT, 30.0));
    PetscCall(HtClusterSpectralSetRadius(cl, PETSC_DEFAULT));
    PetscCall(HtClusterSpectralGetInnerCluster(cl, &inner));
    PetscCall(HtClusterSetInitType(inner, HT_CLUSTER_INIT_KMEANSPP));
  }
  PetscCallExpectError(HtClusterSetFromOptions(cl));
  PetscCallExpectError(HtClusterFit(cl, X));
  PetscCall(HtClusterGetNumClusters(cl, &k));
  PetscCall(HtClusterGetIterationNumber(cl, &its));
  PetscCall(HtClusterGetInertia(cl, &inertia));
  PetscCall(HtClusterGetLabels(cl, &labels));
  PetscCall(AdjustedRandIndex(truth, labels, &ari));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: %" PetscInt_FMT " samples, %" PetscInt_FMT " features, K %" PetscInt_FMT "\n", name, shape[0], shape[1], k));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "spectral: adjusted Rand index %.10f, inertia %.12g, inner k-means iterations %" PetscInt_FMT "\n", (double)ari, (double)inertia, its));
  PetscCall(HtClusterSpectralGetEigenvalues(cl, &neigs, &eigs));
  if (haveeigs) {
    PetscCheck(nref == neigs, PETSC_COMM_WORLD, PETSC_ERR_USER_INPUT, "%" PetscInt_FMT " reference eigenvalues for %" PetscInt_FMT " found", nref, neigs);
    for (PetscInt q = 0; q < neigs; q++) maxdiff = PetscMax(maxdiff, PetscAbsReal(eigs[q] - refeigs[q]));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "eigenvalues within 1e-9 of the dense NumPy reference: %s\n", maxdiff <= 1e-9 ? "yes" : "NO"));
  }
  if (refinertia >= 0) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "inertia within 1e-10 of the true partition's: %s\n", PetscAbsReal(inertia - refinertia) <= 1e-10 * refinertia ? "yes" : "NO"));
  if (predict) {
    PetscCallExpectError(HtClusterPredict(cl, X, &predicted));
    PetscCall(HtTensorDestroy(&predicted));
  }

  /* k-means on the same data does not find the partition */
  PetscCall(HtClusterCreate(PETSC_COMM_WORLD, &km));
  PetscCall(HtClusterSetType(km, HTCLUSTERKMEANS));
  PetscCall(HtClusterSetNumClusters(km, k));
  PetscCall(HtClusterFit(km, X));
  PetscCall(HtClusterGetLabels(km, &labels));
  PetscCall(AdjustedRandIndex(truth, labels, &ari));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "kmeans: adjusted Rand index %.10f\n", (double)ari));

  PetscCall(HtClusterDestroy(&km));
  PetscCall(HtClusterDestroy(&cl));
  PetscCall(HtTensorDestroy(&truth));
  PetscCall(HtTensorDestroy(&X));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest());
}

/*TEST
   build:
     requires: slepc
   testset:
     nsize: {{1 2 3 4}}
     filter: grep -v "MPI process"
     tolerance: 1e-10
     test:
       suffix: circles_knn
       args: -data circles -ht_cluster_view -ref_eigenvalues 0,0 -ref_inertia 252.31952518573894
     test:
       suffix: moons_knn
       args: -data moons -ht_cluster_view -ref_eigenvalues 0,0 -ref_inertia 242.35111055855074
     test:
       suffix: moons_rbf
       args: -data moons -ht_cluster_spectral_affinity rbf_eps -ht_cluster_spectral_gamma 30 -ht_cluster_view -ref_eigenvalues 0,0.00050992805058 -ref_inertia 242.35111055855074
     test:
       suffix: moons_api
       args: -data moons -api -ht_cluster_view -ref_eigenvalues 0,0.00050992805058 -ref_inertia 242.35111055855074
       output_file: output/spectral_moons_rbf.out
     test:
       suffix: circles_rbf
       args: -data circles -ht_cluster_spectral_affinity rbf_eps -ht_cluster_spectral_gamma 30 -ref_eigenvalues 0,0.00530648661217 -ref_inertia 252.31952518573894
     test:
       suffix: blobs_knn
       # 3000 samples in 5-d, 6 overlapping blobs (the labels: scikit-learn's k-means from the first 6 samples, a local
       # optimum): a connected graph, and enough samples for the k-d tile pruning to matter
       args: -data blobs -ht_cluster_num_clusters 6 -ht_cluster_view -ref_eigenvalues 0,7.54169069522e-05,0.00037346926653,0.00158360575526,0.00328029096109,0.00733378504659
     test:
       suffix: circles_options
       args: -data circles -ht_cluster_seed 7 -ht_cluster_spectral_n_neighbors 20 -ht_cluster_spectral_eps_type krylovschur -ht_cluster_spectral_eps_tol 1e-12 -ht_cluster_spectral_inner_ht_cluster_init kmeans|| -ht_cluster_view -ref_eigenvalues 0,0.000688536534756 -ref_inertia 252.31952518573894
   testset:
     nsize: {{1 3}}
     errors: expected
     filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p"
     test:
       suffix: too_few_neighbors
       args: -data moons -ht_cluster_spectral_n_neighbors 2
     test:
       suffix: isolated
       args: -data moons -ht_cluster_spectral_affinity rbf_eps -ht_cluster_spectral_eps 0.02
     test:
       suffix: unknown_affinity
       args: -data moons -ht_cluster_spectral_affinity knearest
     test:
       suffix: too_many_neighbors
       args: -data moons -ht_cluster_spectral_n_neighbors 400
     test:
       suffix: zero_neighbors
       args: -data moons -ht_cluster_spectral_n_neighbors 0
     test:
       suffix: not_converged
       args: -data moons -ht_cluster_spectral_affinity rbf_eps -ht_cluster_spectral_gamma 30 -ht_cluster_spectral_eps_max_it 1
       filter: grep "^\[0\]PETSC ERROR:" | sed -n "2s/^\[0\]PETSC ERROR: //p" # PETSC_ERR_NOT_CONVERGED has no generic line
     test:
       suffix: predict
       args: -data moons -predict
TEST*/
