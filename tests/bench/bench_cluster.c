static const char help[] = "Benchmarks of HtCluster kmeans: time per Lloyd iteration beside the memory-bandwidth and DGEMM bounds,\n"
                           "k-means|| initialization, and the memory used by a fit. Writes the data for the scikit-learn comparison.\n"
                           "  -dir DIR     where the data files are written (default build/benchdata)\n"
                           "  -sizes LIST  which runs: small (10^6 x 16, K 8, 20 iterations), large (10^7 x 16, K 64, 10 iterations)\n"
                           "  -fit_memory  only create the data of the first run and fit it (for a peak-memory reading; -no_fit: only create it)\n\n";

#include "bench_common.h"

#define BENCH_FIT_REPS 3 /* fits timed; the best is reported */

typedef struct {
  const char *name;
  PetscInt    n, f, k, its;
} KMeansRun;

static PetscErrorCode RunKMeans(const KMeansRun *r, const char dir[], double readbw, double gflops)
{
  HtTensor       X, init;
  HtCluster      cl;
  char           path[PETSC_MAX_PATH_LEN], label[128];
  PetscLogDouble t0, t1;
  PetscInt       its;
  double         bytes = 8.0 * r->n * r->f, flops = 2.0 * r->n * r->f * r->k, periter, bound, rate;
  PetscMPIInt    size;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){r->n, r->f}, 0, 11, &X));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/kmeans_%s_X.npy", dir, r->name));
  PetscCall(HtTensorSave(X, path, NULL));
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){r->k, r->f}, -1, 12, &init));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/kmeans_%s_init.npy", dir, r->name));
  PetscCall(HtTensorSave(init, path, NULL));

  PetscCall(HtClusterCreate(PETSC_COMM_WORLD, &cl));
  PetscCall(HtClusterSetInitialCenters(cl, init));
  PetscCall(HtClusterSetTolerances(cl, 0.0, r->its));
  periter = PETSC_MAX_REAL;
  for (PetscInt rep = 0; rep < BENCH_FIT_REPS; rep++) { /* the best of a few fits, as scikit-learn's side does */
    double t;

    PetscCallMPI(MPI_Barrier(PETSC_COMM_WORLD));
    PetscCall(PetscTime(&t0));
    PetscCall(HtClusterFit(cl, X));
    PetscCall(PetscTime(&t1));
    PetscCall(HtClusterGetIterationNumber(cl, &its));
    t = (t1 - t0) / its;
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &t, 1, MPI_DOUBLE, MPI_MAX, PETSC_COMM_WORLD));
    periter = PetscMin(periter, t);
  }
  bound = PetscMax(bytes / (readbw * 1e9), flops / (gflops * 1e9));
  rate  = bytes / periter / 1e9;
  PetscCall(PetscSNPrintf(label, sizeof(label), "kmeans %s: s/iteration (%" PetscInt_FMT " its, best of %d)", r->name, its, BENCH_FIT_REPS));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-40s %10.4f s  bound %.4f s (%s)  => %.2fx the bound, X read at %.2f GB/s, %.1f GFlop/s\n", label, periter, bound, bytes / (readbw * 1e9) > flops / (gflops * 1e9) ? "bandwidth" : "DGEMM", periter / bound, rate, flops / periter / 1e9));
  PetscCall(HtClusterDestroy(&cl));
  PetscCall(HtTensorDestroy(&init));

  /* k-means|| initialization alone: passes over the data = 1 + rounds */
  PetscCall(HtClusterCreate(PETSC_COMM_WORLD, &cl));
  PetscCall(HtClusterSetNumClusters(cl, r->k));
  PetscCall(HtClusterSetInitType(cl, HT_CLUSTER_INIT_KMEANSPARALLEL));
  PetscCall(HtClusterSetTolerances(cl, 0.0, 1));
  PetscCallMPI(MPI_Barrier(PETSC_COMM_WORLD));
  PetscCall(PetscTime(&t0));
  PetscCall(HtClusterFit(cl, X));
  PetscCall(PetscTime(&t1));
  PetscCall(PetscSNPrintf(label, sizeof(label), "kmeans %s: k-means|| init + 1 iteration", r->name));
  PetscCall(BenchRow(label, t1 - t0, 0, "", 0));
  PetscCall(HtClusterDestroy(&cl));
  PetscCall(HtTensorDestroy(&X));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a process that only creates the data of a run and fits it once, or only creates it (see tests/bench/run) */
static PetscErrorCode FitMemory(const KMeansRun *r)
{
  HtTensor  X;
  HtCluster cl;
  PetscBool nofit = PETSC_FALSE;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-no_fit", &nofit, NULL));
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){r->n, r->f}, 0, 11, &X));
  PetscCall(HtClusterCreate(PETSC_COMM_WORLD, &cl));
  PetscCall(HtClusterSetNumClusters(cl, r->k));
  PetscCall(HtClusterSetTolerances(cl, 0.0, r->its));
  if (!nofit) PetscCall(HtClusterFit(cl, X));
  PetscCall(HtClusterDestroy(&cl));
  PetscCall(HtTensorDestroy(&X));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  char        dir[PETSC_MAX_PATH_LEN] = "build/benchdata", sizes[64] = "small,large";
  double      triad = 0, readbw = 0, gflops = 0;
  PetscBool   run, fitmemory = PETSC_FALSE;
  PetscMPIInt rank;
  KMeansRun   runs[2] = {
    {"small", 1000000,  16, 8,  20},
    {"large", 10000000, 16, 64, 10}
  };

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-dir", dir, sizeof(dir), NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-sizes", sizes, sizeof(sizes), NULL));
  if (!rank) PetscCall(PetscMkdir(dir));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-fit_memory", &fitmemory, NULL));
  if (fitmemory) {
    PetscCall(FitMemory(&runs[0]));
    PetscCall(HeatFinalize());
    return 0;
  }
  PetscCall(BenchMachine(1 << 25, 3, &triad, &readbw, &gflops));
  for (PetscInt i = 0; i < 2; i++) {
    PetscCall(PetscStrInList(runs[i].name, sizes, ',', &run));
    if (run) PetscCall(RunKMeans(&runs[i], dir, readbw, gflops));
  }
  PetscCall(HeatFinalize());
  return 0;
}
