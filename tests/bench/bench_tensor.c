static const char help[] = "Benchmarks of the HtTensor foundation: memory bandwidth (STREAM-like triad and read-only sum),\n"
                           "BLAS DGEMM rate, parallel load of .npy and HDF5 files, resplit 0 -> 1.\n"
                           "  -rows N -cols F   tensor shape (default 10000000 x 16)\n"
                           "  -dir DIR          where the data files are written (default build/benchdata)\n"
                           "  -stream_n N       doubles per rank per STREAM array (default 2^25)\n"
                           "  -reps R           repetitions; the best time is reported (default 3)\n\n";

#include <heat.h>
#include <petscblaslapack.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

typedef PetscErrorCode (*BenchBody)(void *);

/* best-of-R wall time of a collective body, max over ranks */
static PetscErrorCode BenchTime(BenchBody body, void *ctx, PetscInt reps, PetscLogDouble *best)
{
  PetscFunctionBeginUser;
  *best = PETSC_MAX_REAL;
  for (PetscInt r = 0; r < reps; r++) {
    PetscLogDouble t0, t1, dt;

    PetscCallMPI(MPI_Barrier(PETSC_COMM_WORLD));
    PetscCall(PetscTime(&t0));
    PetscCall((*body)(ctx));
    PetscCall(PetscTime(&t1));
    dt = t1 - t0;
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &dt, 1, MPI_DOUBLE, MPI_MAX, PETSC_COMM_WORLD));
    *best = PetscMin(*best, dt);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode PrintRow(const char name[], PetscLogDouble t, double rate, const char unit[], double bound)
{
  PetscFunctionBeginUser;
  if (bound > 0) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-34s %10.4f s %10.2f %-7s %5.0f%% of %.2f %s\n", name, t, rate, unit, 100 * rate / bound, bound, unit));
  else PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-34s %10.4f s %10.2f %-7s\n", name, t, rate, unit));
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  PetscInt   n;
  PetscReal *a, *b, *c, sum;
} Stream;

static PetscErrorCode StreamTriad(void *ctx)
{
  Stream *s = (Stream *)ctx;

  PetscFunctionBeginUser;
  for (PetscInt i = 0; i < s->n; i++) s->a[i] = s->b[i] + 3.0 * s->c[i];
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode StreamSum(void *ctx)
{
  Stream   *s   = (Stream *)ctx;
  PetscReal sum = 0;

  PetscFunctionBeginUser;
  for (PetscInt i = 0; i < s->n; i++) sum += s->b[i];
  s->sum += sum;
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  PetscBLASInt n;
  PetscScalar *A, *B, *C;
} Gemm;

static PetscErrorCode GemmRun(void *ctx)
{
  Gemm       *g   = (Gemm *)ctx;
  PetscScalar one = 1, zero = 0;

  PetscFunctionBeginUser;
  PetscCallBLAS("BLASgemm", BLASgemm_("N", "N", &g->n, &g->n, &g->n, &one, g->A, &g->n, g->B, &g->n, &zero, g->C, &g->n));
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  char        path[PETSC_MAX_PATH_LEN];
  const char *dataset;
  PetscInt    split;
  HtTensor    in, out;
  char       *buf;
  size_t      bytes;
} IO;

static PetscErrorCode LoadRun(void *ctx)
{
  IO *io = (IO *)ctx;

  PetscFunctionBeginUser;
  PetscCall(HtTensorDestroy(&io->out));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, io->path, io->dataset, 0, &io->out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the page-cache read rate: every rank pread()s its own byte range of the file */
static PetscErrorCode RawReadRun(void *ctx)
{
  IO         *io = (IO *)ctx;
  PetscMPIInt rank, size;
  int         fd;
  size_t      total, lo, n, done = 0;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  fd = open(io->path, O_RDONLY);
  PetscCheck(fd >= 0, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "Cannot open %s", io->path);
  total = (size_t)lseek(fd, 0, SEEK_END);
  lo    = total / size * rank;
  n     = rank == size - 1 ? total - lo : total / size;
  while (done < n) {
    ssize_t got = pread(fd, io->buf + done, n - done, (off_t)(lo + done));

    PetscCheck(got > 0, PETSC_COMM_SELF, PETSC_ERR_FILE_READ, "read failed");
    done += (size_t)got;
  }
  close(fd);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode ResplitRun(void *ctx)
{
  IO *io = (IO *)ctx;

  PetscFunctionBeginUser;
  PetscCall(HtTensorDestroy(&io->out));
  PetscCall(HtTensorResplit(io->in, io->split, &io->out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a field of /proc/self/status in bytes (VmRSS: resident now, VmHWM: peak since the last reset) */
static double ProcStatusBytes(const char field[])
{
  char   line[256];
  double kb = 0;
  FILE  *f  = fopen("/proc/self/status", "r");

  while (f && fgets(line, sizeof(line), f))
    if (!strncmp(line, field, strlen(field))) kb = atof(line + strlen(field) + 1);
  if (f) fclose(f);
  return 1024.0 * kb;
}

/* resets VmHWM to the current resident size (Linux) */
static void ResetPeakRSS(void)
{
  FILE *f = fopen("/proc/self/clear_refs", "w");

  if (f) {
    fputs("5", f);
    fclose(f);
  }
}

int main(int argc, char **argv)
{
  PetscInt       rows = 10000000, cols = 16, reps = 3, streamn = 1 << 25;
  char           dir[PETSC_MAX_PATH_LEN] = "build/benchdata";
  PetscMPIInt    size, rank;
  PetscLogDouble t;
  Stream         s;
  Gemm           g;
  IO             io;
  double         triad, readbw, tensorbytes, rssbefore, rssafter, peak;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-rows", &rows, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-cols", &cols, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-reps", &reps, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-stream_n", &streamn, NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-dir", dir, sizeof(dir), NULL));
  tensorbytes = (double)rows * cols * sizeof(PetscScalar);
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "HtTensor foundation benchmarks, %d MPI ranks, tensor %" PetscInt_FMT " x %" PetscInt_FMT " float64 (%.2f GB)\n", size, rows, cols, tensorbytes / 1e9));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-34s %12s %18s %s\n", "benchmark", "best time", "rate", "fraction of the machine bound"));

  /* the machine: memory bandwidth and DGEMM rate, all ranks at once */
  s.n   = streamn;
  s.sum = 0;
  PetscCall(PetscMalloc3(s.n, &s.a, s.n, &s.b, s.n, &s.c));
  for (PetscInt i = 0; i < s.n; i++) {
    s.a[i] = 0;
    s.b[i] = 1;
    s.c[i] = 2;
  }
  PetscCall(BenchTime(StreamTriad, &s, reps + 2, &t));
  triad = 3.0 * 8 * s.n * size / t / 1e9;
  PetscCall(PrintRow("memory bandwidth: triad", t, triad, "GB/s", 0));
  PetscCall(BenchTime(StreamSum, &s, reps + 2, &t));
  readbw = 8.0 * s.n * size / t / 1e9;
  PetscCall(PrintRow("memory bandwidth: read-only sum", t, readbw, "GB/s", 0));
  PetscCall(PetscFree3(s.a, s.b, s.c));
  g.n = 1000;
  PetscCall(PetscMalloc3(g.n * g.n, &g.A, g.n * g.n, &g.B, g.n * g.n, &g.C));
  for (PetscInt i = 0; i < g.n * g.n; i++) g.A[i] = g.B[i] = 1.0 / (1 + i % 7);
  PetscCall(BenchTime(GemmRun, &g, reps, &t));
  PetscCall(PrintRow("BLAS DGEMM 1000^3 per rank", t, 2.0 * 1e9 * size / t / 1e9, "GFlop/s", 0));
  PetscCall(PetscFree3(g.A, g.B, g.C));

  /* the data: written once, then loaded from the page cache */
  PetscCall(PetscMemzero(&io, sizeof(io)));
  PetscCall(HtTensorRand(PETSC_COMM_WORLD, 2, (PetscInt[]){rows, cols}, 0, 7, &io.in));
  if (!rank) PetscCall(PetscMkdir(dir));
  PetscCallMPI(MPI_Barrier(PETSC_COMM_WORLD));
  PetscCall(PetscMalloc1((size_t)(tensorbytes / size) + 4096 * 16, &io.buf));
  for (PetscInt f = 0; f < 2; f++) {
    const char *ext = f ? "h5" : "npy";
    char        name[64];

    PetscCall(PetscSNPrintf(io.path, sizeof(io.path), "%s/bench.%s", dir, ext));
    io.dataset = "data";
    PetscCall(HtTensorSave(io.in, io.path, io.dataset));
    PetscCall(BenchTime(RawReadRun, &io, reps, &t));
    readbw = tensorbytes / t / 1e9;
    PetscCall(PetscSNPrintf(name, sizeof(name), "page-cache read (pread) .%s", ext));
    PetscCall(PrintRow(name, t, readbw, "GB/s", 0));
    PetscCall(BenchTime(LoadRun, &io, reps, &t));
    PetscCall(PetscSNPrintf(name, sizeof(name), "HtTensorLoad .%s", ext));
    PetscCall(PrintRow(name, t, tensorbytes / t / 1e9, "GB/s", readbw));
    PetscCall(HtTensorDestroy(&io.out));
  }
  PetscCall(PetscFree(io.buf));

  /* resplit 0 -> 1 and its memory peak beyond the input tensor */
  ResetPeakRSS();
  rssbefore = ProcStatusBytes("VmRSS:");
  io.split  = 1;
  PetscCall(BenchTime(ResplitRun, &io, reps, &t));
  /* each byte is read once and written once: the bound is half the triad rate */
  PetscCall(PrintRow("HtTensorResplit 0 -> 1", t, tensorbytes / t / 1e9, "GB/s", triad / 2));
  rssafter = ProcStatusBytes("VmHWM:");
  peak     = (rssafter - rssbefore) / (tensorbytes / size);
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &peak, 1, MPI_DOUBLE, MPI_MAX, PETSC_COMM_WORLD));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "resplit memory: peak resident size grew by %.2fx the local tensor size during the resplit; with the input: %.2fx\n", peak, peak + 1));
  PetscCall(HtTensorDestroy(&io.out));
  PetscCall(HtTensorDestroy(&io.in));
  PetscCall(HeatFinalize());
  return 0;
}
