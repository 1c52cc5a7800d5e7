static const char help[] = "Benchmark of the distributed sort: HtTensorSort of n uniform doubles (split 0) beside a\n"
                           "single-rank qsort of the same data, timed in the same run.\n"
                           "  -n N           number of elements (default 10000000)\n"
                           "  -reps R        repetitions; the best time is reported (default 3)\n"
                           "  -sort_memory   only create the tensor and sort it once (for a peak-memory reading:\n"
                           "                 mpiexec -n 2 /usr/bin/time -f %M bench_sort -sort_memory, beside -n 1)\n\n";

#include "bench_common.h"

typedef struct {
  HtTensor   x, values, indices;
  PetscBool  argsort;
  PetscReal *copy, *data;
  PetscInt   n;
} SortBench;

static PetscErrorCode SortRun(void *ctx)
{
  SortBench *b = (SortBench *)ctx;

  PetscFunctionBeginUser;
  PetscCall(HtTensorDestroy(&b->values));
  PetscCall(HtTensorDestroy(&b->indices));
  PetscCall(HtTensorSort(b->x, 0, PETSC_FALSE, &b->values, b->argsort ? &b->indices : NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static int CompareDouble(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* qsort of the whole data on rank 0 (the others wait) */
static PetscErrorCode QsortRun(void *ctx)
{
  SortBench  *b = (SortBench *)ctx;
  PetscMPIInt rank;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  if (!rank) {
    PetscCall(PetscArraycpy(b->copy, b->data, b->n));
    qsort(b->copy, (size_t)b->n, sizeof(double), CompareDouble);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* 1 if the values are not sorted across ranks, 0 otherwise */
static PetscErrorCode CheckSorted(HtTensor v, PetscInt *bad)
{
  const PetscReal *a;
  PetscInt         n, local = 0;
  PetscReal        last = PETSC_MIN_REAL, *lasts, first;
  PetscMPIInt      rank, size;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCall(HtTensorGetLocalSize(v, &n));
  PetscCall(HtTensorGetArrayRead(v, &a));
  for (PetscInt i = 1; i < n; i++) local |= a[i] < a[i - 1];
  if (n) last = a[n - 1];
  first = n ? a[0] : PETSC_MAX_REAL;
  PetscCall(PetscMalloc1(size, &lasts));
  PetscCallMPI(MPI_Allgather(&last, 1, MPIU_REAL, lasts, 1, MPIU_REAL, PETSC_COMM_WORLD));
  for (PetscMPIInt q = 0; q < rank; q++) local |= lasts[q] > first;
  PetscCall(HtTensorRestoreArrayRead(v, &a));
  PetscCall(PetscFree(lasts));
  PetscCall(MPIU_Allreduce(&local, bad, 1, MPIU_INT, MPI_MAX, PETSC_COMM_WORLD));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  SortBench      b;
  PetscInt       n = 10000000, reps = 3, bad;
  PetscMPIInt    size, rank;
  PetscLogDouble tq, ts, ta;
  PetscBool      memoryonly = PETSC_FALSE;
  HtTensor       all;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-n", &n, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-reps", &reps, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-sort_memory", &memoryonly, NULL));
  PetscCall(PetscMemzero(&b, sizeof(b)));
  b.n = n;
  PetscCall(HtTensorRand(PETSC_COMM_WORLD, 1, &n, 0, 11, &b.x));
  if (memoryonly) {
    PetscCall(SortRun(&b));
  } else {
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "Sort of %" PetscInt_FMT " uniform doubles, %d MPI ranks\n", n, size));
    /* the same values on rank 0 alone: the random numbers depend only on the seed and the global index */
    if (!rank) {
      PetscCall(HtTensorRand(PETSC_COMM_SELF, 1, &n, -1, 11, &all));
      PetscCall(HtTensorGetArrayRead(all, &b.data));
      PetscCall(PetscMalloc1(n, &b.copy));
    }
    PetscCall(BenchTime(QsortRun, &b, reps, &tq));
    PetscCall(BenchRow("qsort, 1 rank (libc)", tq, n / tq / 1e6, "Melem/s", 0));
    PetscCall(BenchTime(SortRun, &b, reps, &ts));
    PetscCall(BenchRow("HtTensorSort values", ts, n / ts / 1e6, "Melem/s", 0));
    PetscCall(CheckSorted(b.values, &bad));
    PetscCheck(!bad, PETSC_COMM_WORLD, PETSC_ERR_PLIB, "The result is not sorted");
    b.argsort = PETSC_TRUE;
    PetscCall(BenchTime(SortRun, &b, reps, &ta));
    PetscCall(BenchRow("HtTensorSort values + indices", ta, n / ta / 1e6, "Melem/s", 0));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "HtTensorSort / qsort time: %.2f (values), %.2f (with indices); the target is below 3\n", ts / tq, ta / tq));
    if (!rank) {
      PetscCall(HtTensorRestoreArrayRead(all, &b.data));
      PetscCall(HtTensorDestroy(&all));
      PetscCall(PetscFree(b.copy));
    }
  }
  PetscCall(HtTensorDestroy(&b.values));
  PetscCall(HtTensorDestroy(&b.indices));
  PetscCall(HtTensorDestroy(&b.x));
  PetscCall(HeatFinalize());
  return 0;
}
