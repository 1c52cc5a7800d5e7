static const char help[] = "Tests the ML base through HtCluster: model files of every type, monitors on viewers, converged reasons.\n"
                           "  -data NAME        data/cluster/NAME_X.npy\n"
                           "  -monitor_file     read back the monitor written with -ht_cluster_monitor ascii:FILE\n"
                           "  -custom_monitor   add a monitor in the code (checks the inertia never increases)\n\n";

#include "clustertest.h"
#include <stdlib.h>

/* a monitor set in the code: counts the iterations and whether the inertia ever increased */
typedef struct {
  PetscInt  calls, increases;
  PetscReal last;
} Watch;

static PetscErrorCode WatchInertia(HtCluster cl, PetscInt it, PetscReal inertia, PetscReal shift, void *ctx)
{
  Watch *w = (Watch *)ctx;

  PetscFunctionBeginUser;
  if (w->calls && inertia > w->last * (1 + 1e-12)) w->increases++;
  w->calls++;
  w->last = inertia;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the model of cl written to an HDF5 file (in the group /model) and loaded into a new object: everything must be back */
static PetscErrorCode SaveAndLoad(HtCluster cl, HtTensor X, const char path[])
{
  PetscViewer   viewer;
  HtCluster     loaded;
  HtClusterType type, ltype;
  HtTensor      centers, lcenters, labels, predicted;
  PetscInt      k, lk, its, lits, ndiff;
  PetscReal     inertia, linertia, diff = -1;
  PetscBool     same;

  PetscFunctionBeginUser;
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_WRITE, &viewer));
  PetscCall(PetscViewerHDF5PushGroup(viewer, "/model"));
  PetscCall(HtClusterView(cl, viewer));
  PetscCall(PetscViewerHDF5PopGroup(viewer));
  PetscCall(PetscViewerDestroy(&viewer));

  PetscCall(HtClusterCreate(PETSC_COMM_WORLD, &loaded));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_READ, &viewer));
  PetscCall(PetscViewerHDF5PushGroup(viewer, "/model"));
  PetscCall(HtClusterLoad(loaded, viewer));
  PetscCall(PetscViewerHDF5PopGroup(viewer));
  PetscCall(PetscViewerDestroy(&viewer));

  PetscCall(HtClusterGetType(cl, &type));
  PetscCall(HtClusterGetType(loaded, &ltype));
  PetscCall(PetscStrcmp(type, ltype, &same));
  PetscCall(HtClusterGetNumClusters(cl, &k));
  PetscCall(HtClusterGetNumClusters(loaded, &lk));
  PetscCall(HtClusterGetCenters(cl, &centers));
  PetscCall(HtClusterGetCenters(loaded, &lcenters));
  PetscCall(MaxDifference(centers, lcenters, &diff));
  PetscCall(HtClusterGetInertia(cl, &inertia));
  PetscCall(HtClusterGetInertia(loaded, &linertia));
  PetscCall(HtClusterGetIterationNumber(cl, &its));
  PetscCall(HtClusterGetIterationNumber(loaded, &lits));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "loaded: type %s (same: %s), K %" PetscInt_FMT " (same: %s), centers equal: %s, inertia equal: %s, iterations equal: %s\n", ltype, same ? "yes" : "NO", lk, k == lk ? "yes" : "NO", diff == 0 ? "yes" : "NO",
                        inertia == linertia ? "yes" : "NO", its == lits ? "yes" : "NO"));
  PetscCall(PetscStrcmp(type, HTCLUSTERKMEDOIDS, &same));
  if (same) {
    PetscInt c, lc;

    PetscCall(HtClusterKMedoidsGetCandidates(cl, &c));
    PetscCall(HtClusterKMedoidsGetCandidates(loaded, &lc));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "loaded kmedoids candidates: %" PetscInt_FMT " (same: %s)\n", lc, c == lc ? "yes" : "NO"));
  }
  PetscCall(PetscStrcmp(type, HTCLUSTERSPECTRAL, &same));
  if (same) {
    PetscInt         n, ln;
    const PetscReal *e, *le;
    PetscBool        equal;

    PetscCall(HtClusterSpectralGetEigenvalues(cl, &n, &e));
    PetscCall(HtClusterSpectralGetEigenvalues(loaded, &ln, &le));
    equal = (PetscBool)(n == ln);
    for (PetscInt q = 0; equal && q < n; q++) equal = (PetscBool)(e[q] == le[q]);
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "loaded spectral eigenvalues equal: %s\n", equal ? "yes" : "NO"));
  } else {
    PetscCall(HtClusterGetLabels(cl, &labels));
    PetscCall(HtClusterPredict(loaded, X, &predicted));
    PetscCall(CountDifferent(labels, predicted, &ndiff));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "loaded model predicts the training data: %" PetscInt_FMT " labels differ\n", ndiff));
    PetscCall(HtTensorDestroy(&predicted));
  }
  PetscCall(HtClusterView(loaded, PETSC_VIEWER_STDOUT_WORLD));
  PetscCall(HtClusterDestroy(&loaded));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* rank 0 prints the number of lines of the monitor's file, and its first and last */
static PetscErrorCode ShowMonitorFile(const char path[])
{
  PetscMPIInt rank;
  char        line[256], first[256] = "", last[256] = "";
  PetscInt    n = 0;
  FILE       *fp;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  if (!rank) {
    PetscCall(PetscFOpen(PETSC_COMM_SELF, path, "r", &fp));
    while (fgets(line, sizeof(line), fp)) {
      if (!n++) PetscCall(PetscStrncpy(first, line, sizeof(first)));
      PetscCall(PetscStrncpy(last, line, sizeof(last)));
    }
    PetscCall(PetscFClose(PETSC_COMM_SELF, fp));
  }
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "monitor file: %" PetscInt_FMT " lines\n%s%s", n, first, last));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  char        name[64] = "iris", path[PETSC_MAX_PATH_LEN];
  const char *dir = getenv("HEAT_TEST_TMPDIR");
  HtCluster   cl;
  HtTensor    X;
  PetscBool   monitorfile = PETSC_FALSE, custom = PETSC_FALSE;
  Watch       watch = {0, 0, 0};

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-data", name, sizeof(name), NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-monitor_file", &monitorfile, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-custom_monitor", &custom, NULL));
  PetscCall(LoadNamed(name, "X", 0, &X));
  PetscCall(HtClusterCreate(PETSC_COMM_WORLD, &cl));
  PetscCall(HtClusterSetNumClusters(cl, 3));
  if (custom) PetscCall(HtClusterMonitorSet(cl, WatchInertia, &watch, NULL));
  PetscCall(HtClusterSetFromOptions(cl));
  PetscCall(HtClusterFit(cl, X));
  if (custom) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "monitor in the code: %" PetscInt_FMT " calls, inertia increased %" PetscInt_FMT " times\n", watch.calls, watch.increases));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/%s", dir ? dir : ".", monitorfile ? "monitor.txt" : "model.h5"));
  if (monitorfile) PetscCall(ShowMonitorFile(path));
  else PetscCall(SaveAndLoad(cl, X, path));
  PetscCall(HtClusterDestroy(&cl));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   build:
     requires: hdf5
   testset:
     nsize: {{1 2 3 4}}
     filter: grep -v "MPI process"
     test:
       suffix: type
       args: -ht_cluster_type {{kmeans kmedians kmedoids batchkmeans spectral}separate output} -ht_cluster_seed 2 -ht_cluster_kmedoids_candidates 5 -ht_cluster_batchkmeans_batches 3
   testset:
     nsize: {{1 3}}
     filter: grep -v "MPI process"
     test:
       suffix: monitor_file
       args: -ht_cluster_monitor ascii:${HEAT_TEST_TMPDIR}/monitor.txt -monitor_file -ht_cluster_init_centers data/cluster/iris_init.npy
     test:
       suffix: monitor_cancel
       args: -ht_cluster_monitor -custom_monitor -ht_cluster_monitor_cancel -ht_cluster_init_centers data/cluster/iris_init.npy -ht_cluster_converged_reason
     test:
       suffix: monitor_code
       args: -custom_monitor -ht_cluster_init_centers data/cluster/iris_init.npy -ht_cluster_type {{kmeans kmedians kmedoids}separate output} -ht_cluster_converged_reason
     test:
       suffix: monitor_draw
       args: -ht_cluster_monitor draw::draw_lg -draw_type null -custom_monitor -ht_cluster_init_centers data/cluster/iris_init.npy -ht_cluster_converged_reason
     test:
       suffix: reason_failed
       args: -ht_cluster_converged_reason ::failed -ht_cluster_max_it {{2 300}separate output} -ht_cluster_init_centers data/cluster/iris_init.npy -monitor_file -ht_cluster_monitor ascii:${HEAT_TEST_TMPDIR}/monitor.txt
TEST*/
