static const char help[] = "Tests the vector exponentials and logarithms of the logistic softmax (include/heat/private/kernels/explog.h)\n"
                           "against libm at every x86-64 level the CPU has: exp within 1 ulp on [-750, 715] (subnormal results\n"
                           "too), log within 3 ulp on [e^-700, e^700], and the special values as libm.\n\n";

#include <heat.h>
#include <math.h>
#include <float.h>
#define HT_KERNEL_TEMPLATE <heat/private/kernels/explog.h>
#include <heat/private/kernellevels.h>

typedef void (*ArrayKernel)(PetscInt, PetscReal *);

/* the largest error of y against f(x) in units in the last place of f(x) (a non-finite mismatch counts as 1e9, NaN
   matches NaN) */
static PetscReal MaxUlp(PetscInt n, const PetscReal x[], const PetscReal y[], double (*f)(double))
{
  PetscReal worst = 0;

  for (PetscInt i = 0; i < n; i++) {
    double ref = f(x[i]), ulp = nextafter(fabs(ref), INFINITY) - fabs(ref);

    if (y[i] == ref || (isnan(y[i]) && isnan(ref))) continue;
    worst = PetscMax(worst, isfinite(ref) && isfinite(y[i]) ? fabs(y[i] - ref) / ulp : 1e9);
  }
  return worst;
}

/* kernel on n points of x(i) and on the special values, against f; prints the level's line */
static PetscErrorCode CheckKernel(const char what[], const char level[], ArrayKernel kernel, double (*f)(double), PetscReal (*point)(PetscInt, PetscInt), int bound, PetscInt ns, const PetscReal special[])
{
  const PetscInt n = 1000003;
  PetscReal     *x, *y, worst, worstspecial;

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc2(n + ns, &x, n + ns, &y));
  for (PetscInt i = 0; i < n; i++) x[i] = point(i, n);
  for (PetscInt i = 0; i < ns; i++) x[n + i] = special[i];
  PetscCall(PetscArraycpy(y, x, n + ns));
  kernel(n + ns, y); /* the specials form the array's last, partial vector */
  worst        = MaxUlp(n, x, y, f);
  worstspecial = MaxUlp(ns, x + n, y + n, f);
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s, level %-8s: within %d ulp of libm on %" PetscInt_FMT " points: %s; at the special values (inf, NaN, 0, limits): %s\n", what, level, bound, n, worst <= bound ? "yes" : "no", worstspecial <= bound ? "yes" : "no"));
  if (PetscMax(worst, worstspecial) > bound) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  largest error %g ulp\n", (double)PetscMax(worst, worstspecial)));
  PetscCall(PetscFree2(x, y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscReal ExpPoint(PetscInt i, PetscInt n)
{
  return -750 + 1465.0 * i / (n - 1);
}

static PetscReal LogPoint(PetscInt i, PetscInt n)
{
  return exp(-700 + 1400.0 * i / (n - 1)) * (1 + 1e-3 * (i % 7));
}

static PetscErrorCode CheckLevel(const char level[], ArrayKernel expk, ArrayKernel logk)
{
  const PetscReal expspecial[] = {-INFINITY, INFINITY, NAN, 0, -0.0, 1e-300, 709.78, 709.79, -708.4, -745.1, -745.2};
  const PetscReal logspecial[] = {INFINITY, NAN, 1, 2, 3, 1.4142135623730951, PETSC_MACHINE_EPSILON, DBL_MIN, DBL_MAX};

  PetscFunctionBeginUser;
  PetscCall(CheckKernel("exp", level, expk, exp, ExpPoint, 1, PETSC_STATIC_ARRAY_LENGTH(expspecial), expspecial));
  PetscCall(CheckKernel("log", level, logk, log, LogPoint, 3, PETSC_STATIC_ARRAY_LENGTH(logspecial), logspecial));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(CheckLevel("baseline", HtExpKernel_Baseline, HtLogKernel_Baseline));
#if defined(HT_HAVE_X86_LEVELS)
  /* a CPU without a level leaves its lines out, and the comparison with the expected output says so */
  if (__builtin_cpu_supports("x86-64-v3")) PetscCall(CheckLevel("avx2", HtExpKernel_AVX2, HtLogKernel_AVX2));
  if (__builtin_cpu_supports("x86-64-v4")) PetscCall(CheckLevel("avx512", HtExpKernel_AVX512, HtLogKernel_AVX512));
#endif
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
TEST*/
