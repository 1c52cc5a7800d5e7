static const char help[] = "Benchmarks of HtPCA: the gram type on tall data beside the read and SYRK bounds, the svd and randomized\n"
                           "types on wide data. Writes the data for the scikit-learn comparison (tests/bench/sklearn_pca.py).\n"
                           "  -dir DIR     where the data files are written (default build/benchdata)\n"
                           "  -sizes LIST  which runs: tall (10^7 x 32, all components, gram), wide (10^5 x 2000, 10 components, svd and randomized)\n"
                           "  -fitfile_memory FILE  only stream FILE (written first with -write_file) into the incremental type, 10 components,\n"
                           "               batches of 10^4 rows (for a peak-memory reading)\n"
                           "  -write_file FILE      only write the 2 10^6 x 50 data of the streaming run to FILE\n\n";

#include "bench_common.h"

#define BENCH_FIT_REPS 3 /* fits timed; the best is reported */

typedef struct {
  const char *name;
  PetscInt    n, f, k;
  const char *types; /* HtPCA types timed, comma-separated */
} PCARun;

/* the best of a few fits of the given type, seconds */
static PetscErrorCode TimeFit(HtTensor X, const char type[], PetscInt k, PetscLogDouble *best)
{
  HtPCA          pca;
  PetscLogDouble t0, t1;

  PetscFunctionBeginUser;
  PetscCall(HtPCACreate(PETSC_COMM_WORLD, &pca));
  PetscCall(HtPCASetType(pca, type));
  PetscCall(HtPCASetNumComponents(pca, k));
  PetscCall(HtPCASetFromOptions(pca));
  *best = PETSC_MAX_REAL;
  for (PetscInt rep = 0; rep < BENCH_FIT_REPS; rep++) {
    double t;

    PetscCallMPI(MPI_Barrier(PETSC_COMM_WORLD));
    PetscCall(PetscTime(&t0));
    PetscCall(HtPCAFit(pca, X));
    PetscCall(PetscTime(&t1));
    t = t1 - t0;
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &t, 1, MPI_DOUBLE, MPI_MAX, PETSC_COMM_WORLD));
    *best = PetscMin(*best, t);
  }
  PetscCall(HtPCADestroy(&pca));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* data of rank about k plus noise: a k-column Gaussian factor times a decaying k x f basis, plus a little noise */
static PetscErrorCode CreateData(const PCARun *r, HtTensor *X)
{
  HtTensor A, B, N;

  PetscFunctionBeginUser;
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){r->n, 2 * r->k}, 0, 21, &A));
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){2 * r->k, r->f}, -1, 22, &B));
  PetscCall(HtTensorMatMul(A, B, X));
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){r->n, r->f}, 0, 23, &N));
  PetscCall(HtTensorAXPY(*X, 0.1, N));
  PetscCall(HtTensorDestroy(&N));
  PetscCall(HtTensorDestroy(&B));
  PetscCall(HtTensorDestroy(&A));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode RunPCA(const PCARun *r, const char dir[], double readbw, double gflops)
{
  HtTensor       X;
  char           path[PETSC_MAX_PATH_LEN], label[128], types[64], *type, *save;
  PetscLogDouble t = 0;
  double         bytes = 8.0 * r->n * r->f, syrk = 1.0 * r->n * r->f * (r->f + 1), bound;

  PetscFunctionBeginUser;
  PetscCall(CreateData(r, &X));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/pca_%s_X.npy", dir, r->name));
  PetscCall(HtTensorSave(X, path, NULL));
  PetscCall(PetscStrncpy(types, r->types, sizeof(types)));
  for (type = strtok_r(types, ",", &save); type; type = strtok_r(NULL, ",", &save)) {
    PetscCall(TimeFit(X, type, r->k, &t));
    PetscCall(PetscSNPrintf(label, sizeof(label), "pca %s %" PetscInt_FMT " x %" PetscInt_FMT ", k %" PetscInt_FMT ": %s fit", r->name, r->n, r->f, r->k, type));
    if (!strcmp(type, HTPCAGRAM)) {
      bound = PetscMax(bytes / (readbw * 1e9), syrk / (gflops * 1e9));
      PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-52s %9.4f s  bound %.4f s (%s)  => %.2fx the bound\n", label, t, bound, bytes / (readbw * 1e9) > syrk / (gflops * 1e9) ? "read" : "SYRK at DGEMM rate", t / bound));
    } else PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-52s %9.4f s  one pass reads X in %.4f s\n", label, t, bytes / (readbw * 1e9)));
  }
  PetscCall(HtTensorDestroy(&X));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the streaming run of tests/bench/run: write the file, or stream it into the incremental type */
static PetscErrorCode StreamMemory(const char write[], const char stream[])
{
  PCARun   r = {"stream", 2000000, 50, 10, "incremental"};
  HtTensor X;
  HtPCA    pca;

  PetscFunctionBeginUser;
  if (write[0]) {
    PetscCall(CreateData(&r, &X));
    PetscCall(HtTensorSave(X, write, NULL));
    PetscCall(HtTensorDestroy(&X));
  }
  if (stream[0]) {
    PetscCall(HtPCACreate(PETSC_COMM_WORLD, &pca));
    PetscCall(HtPCASetType(pca, HTPCAINCREMENTAL));
    PetscCall(HtPCASetNumComponents(pca, r.k));
    PetscCall(HtPCAFitFile(pca, stream, NULL, 10000));
    PetscCall(HtPCADestroy(&pca));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  char        dir[PETSC_MAX_PATH_LEN] = "build/benchdata", sizes[64] = "tall,wide", write[PETSC_MAX_PATH_LEN] = "", stream[PETSC_MAX_PATH_LEN] = "";
  double      triad = 0, readbw = 0, gflops = 0;
  PetscBool   run, haswrite, hasstream;
  PetscMPIInt rank;
  PCARun      runs[2] = {
    {"tall", 10000000, 32,   32, "gram"          },
    {"wide", 100000,   2000, 10, "svd,randomized"}
  };

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-dir", dir, sizeof(dir), NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-sizes", sizes, sizeof(sizes), NULL));
  if (!rank) PetscCall(PetscMkdir(dir));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-write_file", write, sizeof(write), &haswrite));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-fitfile_memory", stream, sizeof(stream), &hasstream));
  if (haswrite || hasstream) { /* -fitfile_memory none: a process that only starts, the baseline */
    if (!strcmp(stream, "none")) stream[0] = 0;
    PetscCall(StreamMemory(write, stream));
    PetscCall(HeatFinalize());
    return 0;
  }
  PetscCall(BenchMachine(1 << 25, 3, &triad, &readbw, &gflops));
  for (PetscInt i = 0; i < 2; i++) {
    PetscCall(PetscStrInList(runs[i].name, sizes, ',', &run));
    if (run) PetscCall(RunPCA(&runs[i], dir, readbw, gflops));
  }
  PetscCall(HeatFinalize());
  return 0;
}
