static const char help[] = "Tests HtTensorRandomUniform/Normal/Integers: every split gives the values of the Philox reference computed\n"
                           "in Python (tests/data/elementwise/random_*.npy), large samples have the right moments and ranges, bad\n"
                           "arguments give clear errors on every rank.\n\n";

#include "elementwisetest.h"

#define DATA "data/elementwise/"

/* largest |x - ref| / max(1, |ref|) over the tensor: ref loaded with t's split, so both are balanced alike */
static PetscErrorCode MaxDifference(HtTensor t, const char file[], PetscReal *diff)
{
  HtTensor     ref, a, b;
  PetscInt     split, n;
  PetscScalar *x, *y;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetSplit(t, &split));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, file, NULL, split, &ref));
  PetscCall(HtTensorAsType(t, HT_SCALAR, &a));
  PetscCall(HtTensorAsType(ref, HT_SCALAR, &b));
  PetscCall(HtTensorGetLocalSize(a, &n));
  PetscCall(HtTensorGetArrayRead(a, &x));
  PetscCall(HtTensorGetArrayRead(b, &y));
  *diff = 0;
  for (PetscInt i = 0; i < n; i++) *diff = PetscMax(*diff, PetscAbsReal(x[i] - y[i]) / PetscMax(1, PetscAbsReal(y[i])));
  PetscCall(HtTensorRestoreArrayRead(b, &y));
  PetscCall(HtTensorRestoreArrayRead(a, &x));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, diff, 1, MPIU_REAL, MPI_MAX, PETSC_COMM_WORLD));
  PetscCall(HtTensorDestroy(&a));
  PetscCall(HtTensorDestroy(&b));
  PetscCall(HtTensorDestroy(&ref));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* mean, standard deviation, minimum and maximum of a large 1-d sample */
static PetscErrorCode Summary(HtTensor t, PetscReal *mean, PetscReal *std, PetscReal *min, PetscReal *max)
{
  HtTensor           s;
  const PetscScalar *x;
  PetscInt           n, N;
  PetscReal          sum[2] = {0, 0};

  PetscFunctionBeginUser;
  PetscCall(HtTensorAsType(t, HT_SCALAR, &s));
  PetscCall(HtTensorGetLocalSize(s, &n));
  PetscCall(HtTensorGetSize(s, &N));
  PetscCall(HtTensorGetArrayRead(s, &x));
  *min = PETSC_MAX_REAL;
  *max = PETSC_MIN_REAL;
  for (PetscInt i = 0; i < n; i++) {
    sum[0] += x[i];
    sum[1] += x[i] * x[i];
    *min = PetscMin(*min, x[i]);
    *max = PetscMax(*max, x[i]);
  }
  PetscCall(HtTensorRestoreArrayRead(s, &x));
  PetscCall(HtTensorDestroy(&s));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sum, 2, MPIU_REAL, MPI_SUM, PETSC_COMM_WORLD));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, min, 1, MPIU_REAL, MPI_MIN, PETSC_COMM_WORLD));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, max, 1, MPIU_REAL, MPI_MAX, PETSC_COMM_WORLD));
  *mean = sum[0] / N;
  *std  = PetscSqrtReal(sum[1] / N - (*mean) * (*mean));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static const char *YesNo(PetscBool b)
{
  return b ? "yes" : "no";
}

/* each sampler on every split of a (6, 5) tensor against the reference draws of seed 2024 */
static PetscErrorCode CheckReferences(void)
{
  const PetscInt shape[2] = {6, 5};
  HtTensor       t;
  PetscReal      du, dn, di, ds;

  PetscFunctionBeginUser;
  for (PetscInt split = -1; split < 2; split++) {
    PetscCall(HtTensorRandomUniform(PETSC_COMM_WORLD, 2, shape, split, -2, 3, 2024, &t));
    PetscCall(MaxDifference(t, DATA "random_uniform.npy", &du));
    PetscCall(HtTensorDestroy(&t));
    PetscCall(HtTensorRandomNormal(PETSC_COMM_WORLD, 2, shape, split, 1, 0.5, 2024, &t));
    PetscCall(MaxDifference(t, DATA "random_normal.npy", &dn));
    PetscCall(HtTensorDestroy(&t));
    PetscCall(HtTensorRandomIntegers(PETSC_COMM_WORLD, 2, shape, split, -3, 7, HT_INT, 2024, &t));
    PetscCall(MaxDifference(t, DATA "random_integers.npy", &di));
    PetscCall(HtTensorDestroy(&t));
    PetscCall(HtTensorRandomIntegers(PETSC_COMM_WORLD, 2, shape, split, -3, 7, HT_SCALAR, 2024, &t));
    PetscCall(MaxDifference(t, DATA "random_integers.npy", &ds));
    PetscCall(HtTensorDestroy(&t));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "split %2" PetscInt_FMT ": uniform exact: %s, normal within 1e-14: %s, integers exact: %s (int), %s (scalar)\n", split, YesNo((PetscBool)(du == 0)), YesNo((PetscBool)(dn < 1e-14)), YesNo((PetscBool)(di == 0)),
                          YesNo((PetscBool)(ds == 0))));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* moments and ranges of 200000 draws: sampling errors ~ 1/sqrt(n) = 0.002 of the spread */
static PetscErrorCode CheckSamples(void)
{
  PetscInt  n = 200000;
  HtTensor  t;
  PetscReal mean, std, min, max;

  PetscFunctionBeginUser;
  PetscCall(HtTensorRandomUniform(PETSC_COMM_WORLD, 1, &n, 0, -2, 3, 7, &t));
  PetscCall(Summary(t, &mean, &std, &min, &max));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "uniform [-2, 3): |mean - 0.5| < 0.02: %s, |std - 5/sqrt(12)| < 0.01: %s, in range: %s\n", YesNo((PetscBool)(PetscAbsReal(mean - 0.5) < 0.02)), YesNo((PetscBool)(PetscAbsReal(std - 5 / PetscSqrtReal(12)) < 0.01)), YesNo((PetscBool)(min >= -2 && max < 3))));
  PetscCall(HtTensorDestroy(&t));
  PetscCall(HtTensorRandomNormal(PETSC_COMM_WORLD, 1, &n, 0, 1, 0.5, 7, &t));
  PetscCall(Summary(t, &mean, &std, &min, &max));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "normal (1, 0.5): |mean - 1| < 0.005: %s, |std - 0.5| < 0.005: %s\n", YesNo((PetscBool)(PetscAbsReal(mean - 1) < 0.005)), YesNo((PetscBool)(PetscAbsReal(std - 0.5) < 0.005))));
  PetscCall(HtTensorDestroy(&t));
  PetscCall(HtTensorRandomIntegers(PETSC_COMM_WORLD, 1, &n, 0, -3, 7, HT_INT, 7, &t));
  PetscCall(Summary(t, &mean, &std, &min, &max));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "integers [-3, 7): min %g, max %g, |mean - 1.5| < 0.03: %s, |std - sqrt(99/12)| < 0.03: %s\n", (double)min, (double)max, YesNo((PetscBool)(PetscAbsReal(mean - 1.5) < 0.03)), YesNo((PetscBool)(PetscAbsReal(std - PetscSqrtReal(99.0 / 12)) < 0.03))));
  PetscCall(HtTensorDestroy(&t));
  PetscCall(HtTensorRandomIntegers(PETSC_COMM_WORLD, 1, &n, 0, 0, 2, HT_BOOL, 7, &t));
  PetscCall(Summary(t, &mean, &std, &min, &max));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "bool [0, 2): min %g, max %g, |mean - 0.5| < 0.01: %s\n", (double)min, (double)max, YesNo((PetscBool)(PetscAbsReal(mean - 0.5) < 0.01))));
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode IntRange(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorRandomIntegers(comm, 1, (PetscInt[]){4}, 0, 5, 5, HT_INT, 1, &t[0]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode BoolRange(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorRandomIntegers(comm, 1, (PetscInt[]){4}, 0, 0, 3, HT_BOOL, 1, &t[0]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode NegativeStd(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorRandomNormal(comm, 1, (PetscInt[]){4}, 0, 0, -1, 1, &t[0]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode InfiniteBound(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorRandomUniform(comm, 1, (PetscInt[]){4}, 0, 0, (PetscReal)INFINITY, 1, &t[0]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  const ErrorCase cases[] = {
    {"intrange",      IntRange     },
    {"boolrange",     BoolRange    },
    {"negativestd",   NegativeStd  },
    {"infinitebound", InfiniteBound},
  };

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(CheckReferences());
  PetscCall(CheckSamples());
  PetscCall(RunErrorCases(cases, PETSC_STATIC_ARRAY_LENGTH(cases)));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     nsize: {{1 2 3 4}}
     filter: grep -v "MPI process"
TEST*/
