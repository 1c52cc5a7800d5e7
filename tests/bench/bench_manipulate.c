static const char help[] = "Benchmarks of the manipulation operations on a tensor split along axis 0: reshape, flip and roll\n"
                           "beside HtTensorResplit of the same tensor (the redistribution bound), with the peak memory of each.\n"
                           "  -rows N -cols F   tensor shape (default 10000000 x 16)\n"
                           "  -reps R           repetitions; the best time is reported (default 3)\n\n";

#include "bench_common.h"
#if defined(__GLIBC__)
  #include <malloc.h>
#endif

typedef struct {
  HtTensor in, out;
  PetscInt rows, cols, op;
} Manip;

enum {
  OP_RESPLIT,
  OP_RESHAPE_SPLIT0,
  OP_RESHAPE_SPLIT1,
  OP_FLIP_SPLIT,
  OP_FLIP_OTHER,
  OP_ROLL_SPLIT,
  OP_ROLL_OTHER,
  OP_COUNT
};
static const char *const OpNames[] = {"HtTensorResplit 0 -> 1 (bound)", "HtTensorReshape (4N, F/4), split 0", "HtTensorReshape (4N, F/4), split 1", "HtTensorFlip axis 0 (split)", "HtTensorFlip axis 1", "HtTensorRoll N/3 axis 0 (split)", "HtTensorRoll 5 axis 1"};

/*
   mapped: large blocks in their own mappings and the free heap trimmed, so that a destroyed output leaves the
   resident set and VmHWM measures each operation's own peak; otherwise blocks come from the heap and are reused, so that the timings of the repeated
   runs measure the data movement, not the first touch of fresh pages
*/
static void BenchMallocMapped(PetscBool mapped)
{
#if defined(__GLIBC__)
  mallopt(M_MMAP_MAX, mapped ? 1 << 20 : 0);
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  if (mapped) malloc_trim(0); /* the heap blocks of earlier runs leave the resident set */
#else
  (void)mapped;
#endif
}

static PetscErrorCode ManipRun(void *ctx)
{
  Manip   *m        = (Manip *)ctx;
  PetscInt shape[2] = {4 * m->rows, m->cols / 4}, zero = 0, one = 1, third = m->rows / 3, five = 5;

  PetscFunctionBeginUser;
  PetscCall(HtTensorDestroy(&m->out));
  switch (m->op) {
  case OP_RESPLIT:
    PetscCall(HtTensorResplit(m->in, 1, &m->out));
    break;
  case OP_RESHAPE_SPLIT0:
  case OP_RESHAPE_SPLIT1:
    PetscCall(HtTensorReshape(m->in, 2, shape, m->op == OP_RESHAPE_SPLIT0 ? 0 : 1, &m->out));
    break;
  case OP_FLIP_SPLIT:
  case OP_FLIP_OTHER:
    PetscCall(HtTensorFlip(m->in, 1, m->op == OP_FLIP_SPLIT ? &zero : &one, &m->out));
    break;
  case OP_ROLL_SPLIT:
    PetscCall(HtTensorRoll(m->in, 1, &third, &zero, &m->out));
    break;
  case OP_ROLL_OTHER:
    PetscCall(HtTensorRoll(m->in, 1, &five, &one, &m->out));
    break;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  Manip          m;
  PetscInt       reps = 3, nlocal;
  PetscMPIInt    size;
  PetscLogDouble t;
  double         triad, readbw, gflops, bytes, localbytes, resplitrate = 0;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCall(PetscMemzero(&m, sizeof(m)));
  m.rows = 10000000;
  m.cols = 16;
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-rows", &m.rows, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-cols", &m.cols, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-reps", &reps, NULL));
  PetscCheck(m.cols % 4 == 0, PETSC_COMM_WORLD, PETSC_ERR_ARG_WRONG, "-cols must be a multiple of 4");
  bytes = (double)m.rows * m.cols * sizeof(PetscScalar);
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "HtTensor manipulation benchmarks, %d MPI ranks, tensor N x F = %" PetscInt_FMT " x %" PetscInt_FMT " float64 (%.2f GB), split 0\n", size, m.rows, m.cols, bytes / 1e9));
  PetscCall(BenchMachine(1 << 24, reps, &triad, &readbw, &gflops));
  PetscCall(HtTensorRand(PETSC_COMM_WORLD, 2, (PetscInt[]){m.rows, m.cols}, 0, 7, &m.in));
  PetscCall(HtTensorGetLocalSize(m.in, &nlocal));
  localbytes = (double)nlocal * sizeof(PetscScalar);
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-40s %12s %18s %s\n", "operation (rate: tensor bytes / time)", "best time", "rate", "fraction of the resplit rate; peak memory beyond the input, in outputs"));
  for (m.op = 0; m.op < OP_COUNT; m.op++) {
    double peak, rss, extra;

    PetscCall(HtTensorDestroy(&m.out));
    BenchMallocMapped(PETSC_TRUE);
    BenchResetPeak();
    rss = BenchProcStatusBytes("VmRSS:");
    PetscCall(ManipRun(&m)); /* one cold run for the peak memory */
    extra = BenchProcStatusBytes("VmHWM:") - rss;
    PetscCall(MPIU_Allreduce(&extra, &peak, 1, MPI_DOUBLE, MPI_MAX, PETSC_COMM_WORLD));
    PetscCall(HtTensorDestroy(&m.out));
    BenchMallocMapped(PETSC_FALSE);
    PetscCall(BenchTime(ManipRun, &m, reps, &t));
    if (m.op == OP_RESPLIT) resplitrate = bytes / t / 1e9;
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-40s %10.4f s %10.2f GB/s %5.0f%%; peak +%.2f outputs\n", OpNames[m.op], t, bytes / t / 1e9, 100 * bytes / t / 1e9 / resplitrate, peak / localbytes));
  }
  PetscCall(HtTensorDestroy(&m.out));
  PetscCall(HtTensorDestroy(&m.in));
  PetscCall(HeatFinalize());
  return 0;
}
