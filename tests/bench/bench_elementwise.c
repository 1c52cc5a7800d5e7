static const char help[] = "Benchmarks of the elementwise operations on a split-0 tensor beside the memory bandwidth (STREAM triad)\n"
                           "measured in the same run. Rates count the bytes an operation must move: 24 per element for\n"
                           "c = a + b, a += b and AXPY, 16 for a *= s and a += row.\n"
                           "  -rows N -cols F   tensor shape (default 10000000 x 16)\n"
                           "  -stream_n N       doubles per rank per STREAM array (default 2^25)\n"
                           "  -reps R           repetitions; the best time is reported (default 5)\n\n";

#include "bench_common.h"

typedef struct {
  HtTensor a, b, c, row, bt;
} Elem;

static PetscErrorCode AddNew(void *ctx)
{
  Elem *e = (Elem *)ctx;

  PetscFunctionBeginUser;
  PetscCall(HtTensorDestroy(&e->c));
  PetscCall(HtTensorBinary(HT_BINARY_ADD, e->a, e->b, &e->c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AddInPlace(void *ctx)
{
  Elem *e = (Elem *)ctx;

  PetscFunctionBeginUser;
  PetscCall(HtTensorBinaryInPlace(HT_BINARY_ADD, e->a, e->b));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode MaximumInPlace(void *ctx)
{
  Elem *e = (Elem *)ctx;

  PetscFunctionBeginUser;
  PetscCall(HtTensorBinaryInPlace(HT_BINARY_MAXIMUM, e->a, e->b));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AXPY(void *ctx)
{
  Elem *e = (Elem *)ctx;

  PetscFunctionBeginUser;
  PetscCall(HtTensorAXPY(e->a, 0.5, e->b));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode ScaleInPlace(void *ctx)
{
  Elem *e = (Elem *)ctx;

  PetscFunctionBeginUser;
  PetscCall(HtTensorBinaryScalarInPlace(HT_BINARY_MULTIPLY, e->a, 0.999));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AddRowInPlace(void *ctx)
{
  Elem *e = (Elem *)ctx;

  PetscFunctionBeginUser;
  PetscCall(HtTensorBinaryInPlace(HT_BINARY_ADD, e->a, e->row));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AddOtherSplit(void *ctx)
{
  Elem *e = (Elem *)ctx;

  PetscFunctionBeginUser;
  PetscCall(HtTensorBinaryInPlace(HT_BINARY_ADD, e->a, e->bt));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscInt       rows = 10000000, cols = 16, reps = 5, streamn = 1 << 25;
  PetscMPIInt    size;
  PetscLogDouble t;
  double         triad = 0, readbw = 0, gflops = 0, n;
  Elem           e;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-rows", &rows, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-cols", &cols, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-reps", &reps, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-stream_n", &streamn, NULL));
  n = (double)rows * cols;
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "HtTensor elementwise benchmarks, %d MPI ranks, tensor %" PetscInt_FMT " x %" PetscInt_FMT " float64 split 0 (%.2f GB)\n", size, rows, cols, 8 * n / 1e9));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-34s %12s %18s %s\n", "benchmark", "best time", "rate", "fraction of the machine bound"));
  PetscCall(BenchMachine(streamn, reps, &triad, &readbw, &gflops));

  PetscCall(PetscMemzero(&e, sizeof(e)));
  PetscCall(HtTensorRand(PETSC_COMM_WORLD, 2, (PetscInt[]){rows, cols}, 0, 1, &e.a));
  PetscCall(HtTensorRand(PETSC_COMM_WORLD, 2, (PetscInt[]){rows, cols}, 0, 2, &e.b));
  PetscCall(HtTensorRand(PETSC_COMM_WORLD, 1, &cols, -1, 3, &e.row));
  PetscCall(BenchTime(AddNew, &e, reps, &t));
  PetscCall(BenchRow("c = a + b (HtTensorBinary, new c)", t, 24 * n / t / 1e9, "GB/s", triad));
  PetscCall(HtTensorDestroy(&e.c));
  PetscCall(BenchTime(AddInPlace, &e, reps, &t));
  PetscCall(BenchRow("a += b (HtTensorBinaryInPlace)", t, 24 * n / t / 1e9, "GB/s", triad));
  PetscCall(BenchTime(MaximumInPlace, &e, reps, &t));
  PetscCall(BenchRow("a = maximum(a, b), NaN-aware", t, 24 * n / t / 1e9, "GB/s", triad));
  PetscCall(BenchTime(AXPY, &e, reps, &t));
  PetscCall(BenchRow("a += 0.5 b (HtTensorAXPY)", t, 24 * n / t / 1e9, "GB/s", triad));
  PetscCall(BenchTime(ScaleInPlace, &e, reps, &t));
  PetscCall(BenchRow("a *= s (scalar operand)", t, 16 * n / t / 1e9, "GB/s", triad));
  PetscCall(BenchTime(AddRowInPlace, &e, reps, &t));
  PetscCall(BenchRow("a += row (broadcast (F,))", t, 16 * n / t / 1e9, "GB/s", triad));
  PetscCall(HtTensorResplit(e.b, 1, &e.bt));
  PetscCall(BenchTime(AddOtherSplit, &e, reps, &t));
  PetscCall(BenchRow("a += b, b split 1 (redistributed)", t, 24 * n / t / 1e9, "GB/s", 0));
  PetscCall(HtTensorDestroy(&e.bt));
  PetscCall(HtTensorDestroy(&e.row));
  PetscCall(HtTensorDestroy(&e.b));
  PetscCall(HtTensorDestroy(&e.a));
  PetscCall(HeatFinalize());
  return 0;
}
