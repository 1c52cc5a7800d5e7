static const char help[] = "Benchmarks of the HtTensor reductions and statistics beside the machine's bounds measured in the same run:\n"
                           "full sum, column sums, variance (memory bandwidth), covariance (BLAS DGEMM rate), median.\n"
                           "  -rows N -cols F   data tensor shape, split 0 (default 10000000 x 16)\n"
                           "  -median_n N       elements of the 1-d tensor whose median is taken (default 10000000)\n"
                           "  -stream_n N       doubles per rank per STREAM array (default 2^25)\n"
                           "  -reps R           repetitions; the best time is reported (default 3)\n"
                           "  -median_memory    only create the 1-d tensor and take its median once (for a peak-memory reading)\n"
                           "  -no_median        with -median_memory: create the tensor but take no median (the baseline)\n\n";

#include "bench_common.h"

typedef struct {
  HtTensor    x;
  PetscInt    axis;
  PetscErrorCode (*op)(HtTensor, PetscInt, PetscBool, HtTensor *);
} Reduction;

static PetscErrorCode ReductionRun(void *ctx)
{
  Reduction *r = (Reduction *)ctx;
  HtTensor   out;

  PetscFunctionBeginUser;
  PetscCall(r->op(r->x, r->axis, PETSC_FALSE, &out));
  PetscCall(HtTensorDestroy(&out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Var(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorVar(x, axis, 0, keepdims, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Cov(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorCov(x, 1, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a process that only holds the 1-d tensor and takes its median once (see the peak-memory note in the report) */
static PetscErrorCode MedianMemory(PetscInt n, PetscBool median)
{
  HtTensor x, m;

  PetscFunctionBeginUser;
  PetscCall(HtTensorRand(PETSC_COMM_WORLD, 1, &n, 0, 5, &x));
  if (median) {
    PetscCall(HtTensorMedian(x, HT_AXIS_NONE, PETSC_FALSE, &m));
    PetscCall(HtTensorDestroy(&m));
  }
  PetscCall(HtTensorDestroy(&x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscInt       rows = 10000000, cols = 16, mn = 10000000, reps = 3, streamn = 1 << 25;
  PetscMPIInt    size;
  PetscLogDouble t;
  double         triad = 0, readbw = 0, gflops = 0, bytes;
  PetscBool      memoryonly = PETSC_FALSE, nomedian = PETSC_FALSE;
  Reduction      r;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-rows", &rows, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-cols", &cols, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-median_n", &mn, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-reps", &reps, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-stream_n", &streamn, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-median_memory", &memoryonly, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-no_median", &nomedian, NULL));
  if (memoryonly) {
    PetscCall(MedianMemory(mn, (PetscBool)!nomedian));
    PetscCall(HeatFinalize());
    return 0;
  }
  bytes = (double)rows * cols * sizeof(PetscScalar);
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "HtTensor reduction benchmarks, %d MPI ranks, tensor %" PetscInt_FMT " x %" PetscInt_FMT " float64 split 0 (%.2f GB)\n", size, rows, cols, bytes / 1e9));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-34s %12s %18s %s\n", "benchmark", "best time", "rate", "fraction of the machine bound"));
  PetscCall(BenchMachine(streamn, reps, &triad, &readbw, &gflops));

  PetscCall(HtTensorRand(PETSC_COMM_WORLD, 2, (PetscInt[]){rows, cols}, 0, 7, &r.x));
  r.op   = HtTensorSum;
  r.axis = HT_AXIS_NONE;
  PetscCall(BenchTime(ReductionRun, &r, reps, &t));
  PetscCall(BenchRow("HtTensorSum, every element", t, bytes / t / 1e9, "GB/s", readbw));
  r.axis = 0;
  PetscCall(BenchTime(ReductionRun, &r, reps, &t));
  PetscCall(BenchRow("HtTensorSum, axis 0 (column sums)", t, bytes / t / 1e9, "GB/s", readbw));
  r.axis = 1;
  PetscCall(BenchTime(ReductionRun, &r, reps, &t));
  PetscCall(BenchRow("HtTensorSum, axis 1 (row sums)", t, bytes / t / 1e9, "GB/s", readbw));
  r.op   = Var;
  r.axis = 0;
  PetscCall(BenchTime(ReductionRun, &r, reps, &t));
  PetscCall(BenchRow("HtTensorVar, axis 0", t, bytes / t / 1e9, "GB/s", readbw));
  r.op = HtTensorMax;
  PetscCall(BenchTime(ReductionRun, &r, reps, &t));
  PetscCall(BenchRow("HtTensorMax, axis 0", t, bytes / t / 1e9, "GB/s", readbw));
  r.op = Cov;
  PetscCall(BenchTime(ReductionRun, &r, reps, &t));
  /* against DGEMM doing the product X^T X it needs (2 n f^2 flops; the kernel computes the upper 8 x 8 blocks) */
  PetscCall(BenchRow("HtTensorCov (2 n f^2 flops of X^T X)", t, 2.0 * rows * cols * cols / t / 1e9, "GFlop/s", gflops));
  PetscCall(BenchRow("HtTensorCov (bytes read)", t, bytes / t / 1e9, "GB/s", readbw));
  PetscCall(HtTensorDestroy(&r.x));

  PetscCall(HtTensorRand(PETSC_COMM_WORLD, 1, &mn, 0, 5, &r.x));
  r.op   = HtTensorMedian;
  r.axis = HT_AXIS_NONE;
  PetscCall(BenchTime(ReductionRun, &r, reps, &t));
  PetscCall(BenchRow("HtTensorMedian, 1-d, every element", t, (double)mn * sizeof(PetscScalar) / t / 1e9, "GB/s", readbw));
  PetscCall(HtTensorDestroy(&r.x));
  PetscCall(HeatFinalize());
  return 0;
}
