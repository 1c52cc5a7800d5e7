static const char help[] = "Tests the back end's moment kernel (ops->reduce->covmoments: the one pass of the covariance, the Gram PCA and\n"
                           "the normal equations of the regressors) against direct two-pass sums: data of several chunks and of\n"
                           "several rows shifted at a time, 1 to 520 features (whole and partial vectors and tiles), with and\n"
                           "without a target, centered and offset by 1e6 (a mean large compared with the spread). Run it at each\n"
                           "-ht_kernel_isa level.\n\n";

#include <heat.h>
#include <heat/private/tensorimpl.h>

/* a value of the test data in [-1, 1): a hash of its index (the same data on every machine) */
static PetscReal Value(PetscInt64 k)
{
  uint64_t h = (uint64_t)k * 0x9E3779B97F4A7C15ULL;

  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 32;
  return (PetscReal)(h >> 11) * 0x1.0p-52 - 1;
}

/*
   the moments of m rows of f features (x_ij = offset + j / 8 + Value; the target y_i = x_i0 + Value
   when target) by the kernel, against the two-pass mean and sums of centered products; prints whether the count,
   the means (relative, or absolute below 1: 1e-14) and the nv x nv M2 (1e-12 of its largest entry) agree
*/
static PetscErrorCode CheckCase(HtTensor backend, PetscInt m, PetscInt f, PetscBool target, PetscReal offset)
{
  const PetscInt nv = f + (target ? 1 : 0);
  PetscScalar   *x, *y = NULL;
  PetscReal     *moments, *v, *mean, err = 0, scale = 0, merr = 0;

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc4((size_t)m * f, &x, m, &y, 1 + 2 * nv + nv * nv, &moments, (size_t)m * nv, &v));
  PetscCall(PetscCalloc1(nv, &mean));
  for (PetscInt i = 0; i < m; i++) {
    for (PetscInt j = 0; j < f; j++) x[i * f + j] = offset + j / 8.0 + Value((PetscInt64)i * f + j);
    y[i] = x[i * f] + Value(-1 - i);
  }
  PetscCall((*backend->ops->reduce->covmoments)(m, f, x, target ? y : NULL, moments));
  for (PetscInt i = 0; i < m; i++) /* the variables of each row, and their two-pass means */
    for (PetscInt j = 0; j < nv; j++) {
      v[i * nv + j] = PetscRealPart(j < f ? x[i * f + j] : y[i]);
      mean[j] += v[i * nv + j] / m;
    }
  for (PetscInt j = 0; j < nv; j++) merr = PetscMax(merr, PetscAbsReal(moments[1 + j] + moments[1 + nv + j] - mean[j]) / PetscMax(1, PetscAbsReal(mean[j])));
  for (PetscInt a = 0; a < nv; a++)
    for (PetscInt b = 0; b < nv; b++) {
      PetscReal s = 0;

      for (PetscInt i = 0; i < m; i++) s += (v[i * nv + a] - mean[a]) * (v[i * nv + b] - mean[b]);
      err   = PetscMax(err, PetscAbsReal(moments[1 + 2 * nv + a * nv + b] - s));
      scale = PetscMax(scale, PetscAbsReal(s));
    }
  PetscCall(PetscPrintf(PETSC_COMM_SELF, "%5" PetscInt_FMT " x %3" PetscInt_FMT "%s, offset %g: count %s, means %s, M2 %s\n", m, f, target ? " + y" : "    ", (double)offset, moments[0] == m ? "ok" : "WRONG", merr <= 1e-14 ? "ok" : "WRONG", err <= 1e-12 * scale ? "ok" : "WRONG"));
  if (merr > 1e-14 || err > 1e-12 * scale) PetscCall(PetscPrintf(PETSC_COMM_SELF, "  mean error %g, M2 error %g of %g\n", (double)merr, (double)err, (double)scale));
  PetscCall(PetscFree(mean));
  PetscCall(PetscFree4(x, y, moments, v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  HtTensor backend;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(HtTensorZeros(PETSC_COMM_SELF, 1, (PetscInt[]){1}, -1, HT_SCALAR, &backend));
  PetscCall(CheckCase(backend, 1, 5, PETSC_TRUE, 0));
  PetscCall(CheckCase(backend, 37, 3, PETSC_TRUE, 1e6));
  PetscCall(CheckCase(backend, 9001, 1, PETSC_TRUE, 0));
  PetscCall(CheckCase(backend, 9001, 11, PETSC_FALSE, 0));
  PetscCall(CheckCase(backend, 9001, 11, PETSC_TRUE, 1e6));
  PetscCall(CheckCase(backend, 3001, 64, PETSC_TRUE, 0));
  PetscCall(CheckCase(backend, 3001, 64, PETSC_FALSE, 1e6));
  PetscCall(CheckCase(backend, 3001, 75, PETSC_TRUE, 1e6));
  PetscCall(CheckCase(backend, 1201, 130, PETSC_FALSE, 0));
  PetscCall(CheckCase(backend, 1100, 520, PETSC_TRUE, 0));
  PetscCall(HtTensorDestroy(&backend));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     args: -ht_kernel_isa {{baseline avx2 avx512}}
     output_file: output/covmoments.out
TEST*/
