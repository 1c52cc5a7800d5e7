static const char help[] = "Benchmarks of the HtTensor foundation: memory bandwidth (STREAM-like triad and read-only sum),\n"
                           "BLAS DGEMM rate, parallel load of .npy and HDF5 files, resplit 0 -> 1.\n"
                           "  -rows N -cols F   tensor shape (default 10000000 x 16)\n"
                           "  -dir DIR          where the data files are written (default build/benchdata)\n"
                           "  -stream_n N       doubles per rank per STREAM array (default 2^25)\n"
                           "  -reps R           repetitions; the best time is reported (default 3)\n"
                           "  -resplit_memory   only create the tensor and resplit it once (for a peak-memory reading)\n\n";

#include "bench_common.h"
#include <fcntl.h>
#include <unistd.h>

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

int main(int argc, char **argv)
{
  PetscInt       rows = 10000000, cols = 16, reps = 3, streamn = 1 << 25;
  char           dir[PETSC_MAX_PATH_LEN] = "build/benchdata";
  PetscMPIInt    size, rank;
  PetscLogDouble t;
  IO             io;
  double         triad = 0, readbw = 0, gflops = 0, tensorbytes;
  PetscBool      memoryonly = PETSC_FALSE;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-rows", &rows, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-cols", &cols, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-reps", &reps, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-stream_n", &streamn, NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-dir", dir, sizeof(dir), NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-resplit_memory", &memoryonly, NULL));
  tensorbytes = (double)rows * cols * sizeof(PetscScalar);
  if (memoryonly) { /* a process that only holds the tensor and resplits it once (see tests/bench/run) */
    PetscCall(PetscMemzero(&io, sizeof(io)));
    PetscCall(HtTensorRand(PETSC_COMM_WORLD, 2, (PetscInt[]){rows, cols}, 0, 7, &io.in));
    io.split = 1;
    PetscCall(ResplitRun(&io));
    PetscCall(HtTensorDestroy(&io.out));
    PetscCall(HtTensorDestroy(&io.in));
    PetscCall(HeatFinalize());
    return 0;
  }
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "HtTensor foundation benchmarks, %d MPI ranks, tensor %" PetscInt_FMT " x %" PetscInt_FMT " float64 (%.2f GB)\n", size, rows, cols, tensorbytes / 1e9));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-34s %12s %18s %s\n", "benchmark", "best time", "rate", "fraction of the machine bound"));

  /* the machine: memory bandwidth and DGEMM rate, all ranks at once */
  PetscCall(BenchMachine(streamn, reps, &triad, &readbw, &gflops));

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
    PetscCall(BenchRow(name, t, readbw, "GB/s", 0));
    PetscCall(BenchTime(LoadRun, &io, reps, &t));
    PetscCall(PetscSNPrintf(name, sizeof(name), "HtTensorLoad .%s", ext));
    PetscCall(BenchRow(name, t, tensorbytes / t / 1e9, "GB/s", readbw));
    PetscCall(HtTensorDestroy(&io.out));
  }
  PetscCall(PetscFree(io.buf));

  /* resplit 0 -> 1; each byte is read once and written once: the bound is half the triad rate */
  io.split = 1;
  PetscCall(BenchTime(ResplitRun, &io, reps, &t));
  PetscCall(BenchRow("HtTensorResplit 0 -> 1", t, tensorbytes / t / 1e9, "GB/s", triad / 2));
  PetscCall(HtTensorDestroy(&io.out));
  PetscCall(HtTensorDestroy(&io.in));
  PetscCall(HeatFinalize());
  return 0;
}
