static const char help[] = "Tutorial 1: distributed tensors: load, split, reduce, resplit, save and load HDF5.\n"
                           "  -i FILE   input table (default ../share/heat/datasets/iris.csv)\n"
                           "  -o FILE   HDF5 file written and read back (default iris.h5)\n\n";

/*
   An HtTensor is an n-d array with one split axis: rank r owns a contiguous range of indices of that axis
   and every other axis whole. Every call below is collective (all ranks call it, with the same arguments),
   because every one of them either moves data between the ranks or agrees on a result.
*/
#include <heat.h>

/* Each rank says which part of the tensor it owns. PetscSynchronizedPrintf() queues the line of each rank and
   PetscSynchronizedFlush() prints the queued lines in rank order: a parallel printf would interleave them. */
static PetscErrorCode ShowOwnership(MPI_Comm comm, HtTensor T, const char name[])
{
  PetscMPIInt     rank;
  PetscInt        split, start, end;
  const PetscInt *lshape;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(HtTensorGetSplit(T, &split));
  PetscCall(HtTensorGetOwnershipRange(T, &start, &end)); /* the owned indices of the split axis */
  PetscCall(HtTensorGetLocalShape(T, &lshape));          /* the shape of the local block */
  PetscCall(PetscSynchronizedPrintf(comm, "  rank %d owns %s[%s%" PetscInt_FMT ":%" PetscInt_FMT "%s]: a %" PetscInt_FMT " x %" PetscInt_FMT " block\n", rank, name, split == 1 ? ":, " : "", start, end, split == 0 ? ", :" : "", lshape[0], lshape[1]));
  PetscCall(PetscSynchronizedFlush(comm, PETSC_STDOUT));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  MPI_Comm        comm;
  HtTensor        X, Xc, mean, std, meanc, noise, Y, diff, maxdiff;
  char            in[PETSC_MAX_PATH_LEN] = "../share/heat/datasets/iris.csv", out[PETSC_MAX_PATH_LEN] = "iris.h5";
  const PetscInt *shape;
  PetscInt        n = 4;
  PetscMPIInt     size;
  PetscScalar    *d;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help)); /* MPI, PETSc, SLEPc and Heat's classes */
  comm = PETSC_COMM_WORLD;
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscOptionsBegin(comm, NULL, "Tutorial 1 options", NULL); /* options shown by -help */
  PetscCall(PetscOptionsString("-i", "Input table (.csv, .npy, .h5)", NULL, in, in, sizeof(in), NULL));
  PetscCall(PetscOptionsString("-o", "HDF5 file written and read back", NULL, out, out, sizeof(out), NULL));
  PetscOptionsEnd();

  /* 1. Load: every rank reads only its own rows (split 0: the samples are distributed) */
  PetscCall(HtTensorLoad(comm, in, NULL, 0, &X));
  PetscCall(HtTensorGetShape(X, &shape));
  PetscCall(PetscPrintf(comm, "X: %" PetscInt_FMT " x %" PetscInt_FMT " on %d ranks, split along the rows\n", shape[0], shape[1], size));
  PetscCall(ShowOwnership(comm, X, "X"));

  /* 2. Reduce: each rank sums its rows, one allreduce adds the partial sums; the result is replicated (split -1)
        and the same on any number of ranks, because the partial sums are added in a fixed order */
  PetscCall(HtTensorMean(X, 0, PETSC_FALSE, &mean));
  PetscCall(HtTensorStd(X, 0, 0, PETSC_FALSE, &std));
  PetscCall(PetscPrintf(comm, "column means and standard deviations (every rank holds them):\n"));
  PetscCall(HtTensorView(mean, PETSC_VIEWER_STDOUT_(comm)));
  PetscCall(HtTensorView(std, PETSC_VIEWER_STDOUT_(comm)));

  /* 3. Resplit: redistribute so that each rank owns whole columns (an all-to-all exchange). A reduction along the
        rows now needs no communication at all: each rank reduces its own columns */
  PetscCall(HtTensorResplit(X, 1, &Xc));
  PetscCall(PetscPrintf(comm, "Xc = X resplit along the columns:\n"));
  PetscCall(ShowOwnership(comm, Xc, "Xc"));
  PetscCall(HtTensorMean(Xc, 0, PETSC_FALSE, &meanc));
  PetscCall(PetscPrintf(comm, "column means of Xc (split along the columns, computed without messages):\n"));
  PetscCall(HtTensorView(meanc, PETSC_VIEWER_STDOUT_(comm)));

  /* 4. Random numbers are keyed by the global index of each element, not by the rank: the same on any rank count */
  PetscCall(HtTensorRandn(comm, 1, &n, 0, 2024, &noise));
  PetscCall(PetscPrintf(comm, "4 normal random numbers, seed 2024:\n"));
  PetscCall(HtTensorView(noise, PETSC_VIEWER_STDOUT_(comm)));

  /* 5. Save with parallel HDF5 (each rank writes its rows into one file), load it back, compare */
  PetscCall(HtTensorSave(X, out, "data"));
  PetscCall(HtTensorLoad(comm, out, "data", 0, &Y));
  PetscCall(HtTensorSubtract(Y, X, &diff));
  PetscCall(HtTensorUnaryInPlace(HT_UNARY_ABS, diff));
  PetscCall(HtTensorMax(diff, HT_AXIS_NONE, PETSC_FALSE, &maxdiff)); /* a 0-d replicated tensor */
  PetscCall(HtTensorGetArray(maxdiff, &d));
  PetscCall(PetscPrintf(comm, "saved as HDF5 dataset \"data\" and loaded back: largest difference %.1e\n", (double)PetscRealPart(d[0])));
  PetscCall(HtTensorRestoreArray(maxdiff, &d));

  PetscCall(HtTensorDestroy(&maxdiff));
  PetscCall(HtTensorDestroy(&diff));
  PetscCall(HtTensorDestroy(&Y));
  PetscCall(HtTensorDestroy(&noise));
  PetscCall(HtTensorDestroy(&meanc));
  PetscCall(HtTensorDestroy(&Xc));
  PetscCall(HtTensorDestroy(&std));
  PetscCall(HtTensorDestroy(&mean));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     suffix: iris
     nsize: {{1 2 3 4}separate output}
     args: -o ${HEAT_TEST_TMPDIR}/iris.h5
TEST*/
