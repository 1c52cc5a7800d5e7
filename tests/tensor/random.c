static const char help[] = "Tests HtTensorRand/HtTensorRandn: Philox known answer, bit-identical results on any rank count and split, moments.\n\n";

#include <heat.h>
#include <heat/private/philox.h>

/* order-independent fingerprint of the bit patterns: sum of bits(x_g) * (g + 1) mod 2^64 over the flat global index g */
static PetscErrorCode Fingerprint(HtTensor t, uint64_t *fp)
{
  HtTensor           full;
  const PetscScalar *a;
  PetscInt           n;
  uint64_t           h = 0;

  PetscFunctionBeginUser;
  PetscCall(HtTensorResplit(t, -1, &full));
  PetscCall(HtTensorGetLocalSize(full, &n));
  PetscCall(HtTensorGetArrayRead(full, &a));
  for (PetscInt g = 0; g < n; g++) {
    uint64_t bits;

    PetscCall(PetscMemcpy(&bits, &a[g], sizeof(bits)));
    h += bits * (uint64_t)(g + 1);
  }
  PetscCall(HtTensorRestoreArrayRead(full, &a));
  PetscCall(HtTensorDestroy(&full));
  *fp = h;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Moments(HtTensor t, PetscReal *mean, PetscReal *var)
{
  Vec      v;
  PetscInt n;
  PetscReal s2;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetSize(t, &n));
  PetscCall(HtTensorGetVec(t, &v));
  PetscCall(VecSum(v, mean));
  PetscCall(VecNorm(v, NORM_2, &s2));
  PetscCall(HtTensorRestoreVec(t, &v));
  *mean /= n;
  *var = s2 * s2 / n - (*mean) * (*mean);
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscInt     shape[3] = {7, 5, 3}, big = 200000;
  PetscInt     seed     = 42;
  HtPhilox4x32 kat      = HtPhilox(0, 0, 0);
  HtTensor     t;
  uint64_t     fp[4];
  PetscReal    mean, var;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-seed", &seed, NULL));
  /* Random123 known-answer vector for Philox4x32-10: counter 0, key 0 */
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "philox(0,0) = %08x %08x %08x %08x (expected 6627e8d5 e169c58d bc57ac4c 9b00dbd8)\n", kat.v[0], kat.v[1], kat.v[2], kat.v[3]));

  for (PetscInt split = -1; split < 3; split++) {
    PetscCall(HtTensorRand(PETSC_COMM_WORLD, 3, shape, split, seed, &t));
    PetscCall(Fingerprint(t, &fp[split + 1]));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "rand  split %2" PetscInt_FMT ": fingerprint %016" PRIx64 "\n", split, fp[split + 1]));
    PetscCall(HtTensorDestroy(&t));
    PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 3, shape, split, seed, &t));
    PetscCall(Fingerprint(t, &fp[split + 1]));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "randn split %2" PetscInt_FMT ": fingerprint %016" PRIx64 "\n", split, fp[split + 1]));
    PetscCall(HtTensorDestroy(&t));
  }
  shape[0] = 2;
  shape[1] = 3;
  PetscCall(HtTensorRand(PETSC_COMM_WORLD, 2, shape, 0, seed, &t));
  PetscCall(HtTensorView(t, PETSC_VIEWER_STDOUT_WORLD));
  PetscCall(HtTensorDestroy(&t));
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, shape, 1, seed, &t));
  PetscCall(HtTensorView(t, PETSC_VIEWER_STDOUT_WORLD));
  PetscCall(HtTensorDestroy(&t));

  /* moments: uniform mean 1/2, variance 1/12; normal mean 0, variance 1 (to sampling error ~ 1/sqrt(n)) */
  PetscCall(HtTensorRand(PETSC_COMM_WORLD, 1, &big, 0, seed, &t));
  PetscCall(Moments(t, &mean, &var));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "uniform: |mean - 1/2| < 0.003: %s, |var - 1/12| < 0.001: %s\n", PetscAbsReal(mean - 0.5) < 3e-3 ? "yes" : "no", PetscAbsReal(var - 1.0 / 12) < 1e-3 ? "yes" : "no"));
  PetscCall(HtTensorDestroy(&t));
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 1, &big, 0, seed, &t));
  PetscCall(Moments(t, &mean, &var));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "normal: |mean| < 0.01: %s, |var - 1| < 0.01: %s\n", PetscAbsReal(mean) < 1e-2 ? "yes" : "no", PetscAbsReal(var - 1) < 1e-2 ? "yes" : "no"));
  PetscCall(HtTensorDestroy(&t));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     suffix: 1
     nsize: {{1 2 3 4}}
     filter: grep -v "MPI process"
TEST*/
