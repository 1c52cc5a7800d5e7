static const char help[] = "Benchmarks of the linear algebra operations against the BLAS DGEMM rate measured in the same run:\n"
                           "HtTensorCDist of N x F samples against K x F centers, the Gram matrix X^T X of G x F data\n"
                           "(HtTensorTransposeMatMul), and HtTensorMatMul of M x M matrices for a few pairs of splits.\n"
                           "  -n N -k K -f F  cdist shapes (default 1000000, 64, 16)\n"
                           "  -gram_rows G    rows of the Gram data (default 10000000)\n"
                           "  -matmul_n M     size of the square products (default 4000; 0 skips them)\n"
                           "  -stream_n N     doubles per rank per STREAM array (default 2^25)\n"
                           "  -reps R         repetitions; the best time is reported (default 3)\n\n";

#include "bench_common.h"
#include <malloc.h>

typedef struct {
  HtTensor  X, Y, D;
  PetscBool transpose;
} Product;

static PetscErrorCode CDistRun(void *ctx)
{
  Product *p = (Product *)ctx;

  PetscFunctionBeginUser;
  PetscCall(HtTensorDestroy(&p->D));
  PetscCall(HtTensorCDist(p->X, p->Y, HT_CDIST_EUCLIDEAN, &p->D));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode ProductRun(void *ctx)
{
  Product *p = (Product *)ctx;

  PetscFunctionBeginUser;
  PetscCall(HtTensorDestroy(&p->D));
  if (p->transpose) PetscCall(HtTensorTransposeMatMul(p->X, p->Y, &p->D));
  else PetscCall(HtTensorMatMul(p->X, p->Y, &p->D));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode ProductDestroy(Product *p)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorDestroy(&p->X));
  PetscCall(HtTensorDestroy(&p->Y));
  PetscCall(HtTensorDestroy(&p->D));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscInt       n = 1000000, k = 64, f = 16, gramrows = 10000000, mm = 4000, reps = 3, streamn = 1 << 25;
  const PetscInt pairs[][2] = {
    {0,  -1},
    {0,  0 },
    {0,  1 },
    {1,  1 },
    {1,  0 },
    {-1, 1 }
  };
  PetscMPIInt    size;
  PetscLogDouble t;
  Product        p;
  double         triad = 0, readbw = 0, gflops = 0;
  char           name[64];

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-n", &n, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-k", &k, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-f", &f, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-gram_rows", &gramrows, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-matmul_n", &mm, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-reps", &reps, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-stream_n", &streamn, NULL));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "HtTensor linear algebra benchmarks, %d MPI ranks; rates in GFlop/s (2 n m k per product)\n", size));
  PetscCall(BenchMachine(streamn, reps, &triad, &readbw, &gflops));
  PetscCall(PetscMemzero(&p, sizeof(p)));

  /* distances of N samples (split 0) to K replicated centers: 2 N K F flops of GEMM, bound by DGEMM */
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){n, f}, 0, 1, &p.X));
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){k, f}, -1, 2, &p.Y));
  PetscCall(BenchTime(CDistRun, &p, reps, &t));
  PetscCall(PetscSNPrintf(name, sizeof(name), "HtTensorCDist %" PetscInt_FMT "x%" PetscInt_FMT " vs %" PetscInt_FMT, n, f, k));
  PetscCall(BenchRow(name, t, 2.0 * n * k * f / t / 1e9, "GFlop/s", gflops));
  /* the same with the result's memory recycled by malloc instead of fresh pages from the kernel each time
     (first-touch page faults of the N x K result dominate the above on a virtual machine) */
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  PetscCall(BenchTime(CDistRun, &p, reps, &t));
  PetscCall(BenchRow("  the same, result memory recycled", t, 2.0 * n * k * f / t / 1e9, "GFlop/s", gflops));
  PetscCall(ProductDestroy(&p));

  /* the Gram matrix X^T X of tall-skinny split-0 data: one local GEMM and one allreduce of F x F */
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){gramrows, f}, 0, 3, &p.X));
  PetscCall(PetscObjectReference((PetscObject)p.X));
  p.Y         = p.X;
  p.transpose = PETSC_TRUE;
  PetscCall(BenchTime(ProductRun, &p, reps, &t));
  PetscCall(PetscSNPrintf(name, sizeof(name), "Gram X^T X, X %" PetscInt_FMT "x%" PetscInt_FMT, gramrows, f));
  PetscCall(BenchRow(name, t, 2.0 * gramrows * f * f / t / 1e9, "GFlop/s", gflops));
  PetscCall(ProductDestroy(&p));

  /* square products for a few pairs of splits */
  p.transpose = PETSC_FALSE;
  for (size_t i = 0; mm > 0 && i < PETSC_STATIC_ARRAY_LENGTH(pairs); i++) {
    PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){mm, mm}, pairs[i][0], 4, &p.X));
    PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){mm, mm}, pairs[i][1], 5, &p.Y));
    PetscCall(BenchTime(ProductRun, &p, 1, &t));
    PetscCall(PetscSNPrintf(name, sizeof(name), "HtTensorMatMul %" PetscInt_FMT "^2 splits %2" PetscInt_FMT " x %2" PetscInt_FMT, mm, pairs[i][0], pairs[i][1]));
    PetscCall(BenchRow(name, t, 2.0 * mm * mm * mm / t / 1e9, "GFlop/s", gflops));
    PetscCall(ProductDestroy(&p));
  }
  PetscCall(HeatFinalize());
  return 0;
}
