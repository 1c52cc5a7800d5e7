static const char help[] = "Benchmarks of HtClassifier: kNN prediction beside the GEMM bound of its distances, and the logistic type's\n"
                           "objective-and-gradient evaluation beside one read of the data. Writes the kNN data for the scikit-learn\n"
                           "comparison (tests/bench/sklearn_classifier.py).\n"
                           "  -dir DIR        where the data files are written (default build/benchdata)\n"
                           "  -sizes LIST     which runs: knn, logistic (default both)\n"
                           "  -knn_train N    training samples of the kNN run (default 10^5)\n"
                           "  -knn_queries N  queries of the kNN run (default 10^4)\n"
                           "  -knn_features F features of the kNN run (default 16)\n"
                           "  -lr_samples N   samples of the logistic run (default 10^6), -lr_features F (default 32)\n\n";

#include "bench_common.h"

#define BENCH_REPS 3 /* runs timed; the best is reported */

typedef struct {
  HtClassifier cl;
  HtTensor     X, y, Q;
} ClassifierRun;

/* 3 random classes for the rows of a Gaussian X */
static PetscErrorCode CreateData(PetscInt n, PetscInt f, PetscInt64 seed, HtTensor *X, HtTensor *y)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){n, f}, 0, seed, X));
  PetscCall(HtTensorRandomIntegers(PETSC_COMM_WORLD, 1, &n, 0, 0, 3, HT_INT, seed + 1, y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode KNNPredict(void *ctx)
{
  ClassifierRun *r = (ClassifierRun *)ctx;
  HtTensor       labels;

  PetscFunctionBeginUser;
  PetscCall(HtClassifierPredict(r->cl, r->Q, &labels));
  PetscCall(HtTensorDestroy(&labels));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* kNN, k = 5: fit (keeps the training set) and the prediction of the queries, beside 2 Nq Nt F flops at the DGEMM rate */
static PetscErrorCode RunKNN(const char dir[], PetscInt nt, PetscInt nq, PetscInt f, double gflops)
{
  ClassifierRun  r;
  PetscLogDouble t;
  char           path[PETSC_MAX_PATH_LEN], label[128];
  double         bound = 2.0 * nq * nt * f / (gflops * 1e9);

  PetscFunctionBeginUser;
  PetscCall(CreateData(nt, f, 31, &r.X, &r.y));
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){nq, f}, 0, 33, &r.Q));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/knn_X.npy", dir));
  PetscCall(HtTensorSave(r.X, path, NULL));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/knn_y.npy", dir));
  PetscCall(HtTensorSave(r.y, path, NULL));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/knn_Q.npy", dir));
  PetscCall(HtTensorSave(r.Q, path, NULL));
  PetscCall(HtClassifierCreate(PETSC_COMM_WORLD, &r.cl));
  PetscCall(HtClassifierSetType(r.cl, HTCLASSIFIERKNN));
  PetscCall(HtClassifierKNNSetNumNeighbors(r.cl, 5));
  PetscCall(HtClassifierSetFromOptions(r.cl));
  PetscCall(HtClassifierFit(r.cl, r.X, r.y));
  PetscCall(BenchTime(KNNPredict, &r, BENCH_REPS, &t));
  PetscCall(PetscSNPrintf(label, sizeof(label), "knn predict %" PetscInt_FMT " queries, %" PetscInt_FMT " x %" PetscInt_FMT " training, k 5", nq, nt, f));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-60s %9.4f s  cdist GEMM bound %.4f s  => %.2fx the bound\n", label, t, bound, t / bound));
  PetscCall(HtClassifierDestroy(&r.cl));
  PetscCall(HtTensorDestroy(&r.Q));
  PetscCall(HtTensorDestroy(&r.X));
  PetscCall(HtTensorDestroy(&r.y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode LogisticFit(void *ctx)
{
  ClassifierRun *r = (ClassifierRun *)ctx;

  PetscFunctionBeginUser;
  PetscCall(HtClassifierFit(r->cl, r->X, r->y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* logistic regression, 3 classes, 10 TAO iterations of `taotype`: lmvm evaluates the objective and gradient only (one
   pass over X each), the default nls also the Hessian in the same pass; the time per evaluation beside one read of X,
   and the mean time of the objective-and-gradient evaluation alone (TaoObjGradEval) */
static PetscErrorCode RunLogistic(PetscInt n, PetscInt f, TaoType taotype, double readbw)
{
  ClassifierRun      r;
  PetscLogDouble     t;
  PetscInt           nevals;
  Tao                tao;
  PetscLogStage      stage;
  PetscLogEvent      event;
  PetscEventPerfInfo info;
  char           label[128];
  double         read = 8.0 * n * f / (readbw * 1e9);

  PetscFunctionBeginUser;
  PetscCall(CreateData(n, f, 41, &r.X, &r.y));
  PetscCall(HtClassifierCreate(PETSC_COMM_WORLD, &r.cl));
  PetscCall(HtClassifierSetType(r.cl, HTCLASSIFIERLOGISTIC));
  PetscCall(HtClassifierSetTolerances(r.cl, 1e-300, 10));
  PetscCall(HtClassifierLogisticGetTao(r.cl, &tao));
  PetscCall(TaoSetType(tao, taotype));
  PetscCall(PetscSNPrintf(label, sizeof(label), "logistic %" PetscInt_FMT " x %" PetscInt_FMT ", 3 classes, tao %s: per evaluation", n, f, taotype));
  PetscCall(PetscLogStageRegister(label, &stage));
  PetscCall(PetscLogStagePush(stage));
  PetscCall(BenchTime(LogisticFit, &r, BENCH_REPS, &t));
  PetscCall(PetscLogStagePop());
  PetscCall(TaoGetCurrentFunctionEvaluations(tao, &nevals));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-60s %9.4f s  (%" PetscInt_FMT " evaluations)  one read of X %.4f s  => %.2fx the read\n", label, t / nevals, nevals, read, t / nevals / read));
  PetscCall(PetscLogEventGetId("TaoObjGradEval", &event));
  PetscCall(PetscLogEventGetPerfInfo(stage, event, &info));
  if (info.count) { /* lmvm: the evaluations alone, without the fit's checks of the data and labels */
    double mean = info.time / info.count;

    PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, &mean, 1, MPI_DOUBLE, MPI_MAX, PETSC_COMM_WORLD));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-60s %9.4f s  (mean of %d)  => %.2fx the read\n", "  the objective and gradient alone (TaoObjGradEval)", mean, info.count, mean / read));
  }
  PetscCall(HtClassifierDestroy(&r.cl));
  PetscCall(HtTensorDestroy(&r.X));
  PetscCall(HtTensorDestroy(&r.y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  char        dir[PETSC_MAX_PATH_LEN] = "build/benchdata", sizes[64] = "knn,logistic";
  double      triad = 0, readbw = 0, gflops = 0;
  PetscInt    nt = 100000, nq = 10000, f = 16, lrn = 1000000, lrf = 32;
  PetscBool   run;
  PetscMPIInt rank;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscLogDefaultBegin()); /* the log events time the logistic evaluations */
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-dir", dir, sizeof(dir), NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-sizes", sizes, sizeof(sizes), NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-knn_train", &nt, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-knn_queries", &nq, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-knn_features", &f, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-lr_samples", &lrn, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-lr_features", &lrf, NULL));
  if (!rank) PetscCall(PetscMkdir(dir));
  PetscCall(BenchMachine(1 << 25, 3, &triad, &readbw, &gflops));
  PetscCall(PetscStrInList("knn", sizes, ',', &run));
  if (run) PetscCall(RunKNN(dir, nt, nq, f, gflops));
  PetscCall(PetscStrInList("logistic", sizes, ',', &run));
  if (run) PetscCall(RunLogistic(lrn, lrf, TAOLMVM, readbw));
  if (run) PetscCall(RunLogistic(lrn, lrf, TAONLS, readbw));
  PetscCall(HeatFinalize());
  return 0;
}
