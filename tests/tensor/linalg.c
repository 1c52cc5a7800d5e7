static const char help[] = "Tests HtTensorTranspose, HtTensorTrace, HtTensorTril/Triu, HtTensorCDist and HtTensorRBFKernel\n"
                           "against NumPy/SciPy for every split, on balanced and uneven layouts.\n\n";

#include "linalgtest.h"

static const char *const Layouts[] = {"balanced", "uneven  "};

static PetscErrorCode PrintAxes(PetscInt n, const PetscInt axes[])
{
  PetscFunctionBeginUser;
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, " axes ("));
  for (PetscInt d = 0; d < n; d++) PetscCall(PetscPrintf(PETSC_COMM_WORLD, d ? ", %" PetscInt_FMT : "%" PetscInt_FMT, axes[d]));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, ")"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* transpose of dataset `name` (ndim axes) split `split` by `axes` (NULL: reversed), against dataset `ref` */
static PetscErrorCode CheckTranspose(const char name[], PetscInt ndim, PetscInt split, PetscBool uneven, const PetscInt axes[], const char ref[])
{
  HtTensor t, p;

  PetscFunctionBeginUser;
  PetscCall(LoadData(name, split, uneven, &t));
  PetscCall(HtTensorTranspose(t, axes, &p));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "transpose %s split %2" PetscInt_FMT " %s", name, split, Layouts[uneven]));
  if (axes) PetscCall(PrintAxes(ndim, axes));
  else PetscCall(PetscPrintf(PETSC_COMM_WORLD, " reversed"));
  PetscCall(CheckResult(p, ref, 0));
  PetscCall(HtTensorDestroy(&t));
  PetscCall(HtTensorDestroy(&p));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode TestTranspose(void)
{
  const PetscInt perms[6][3] = {
    {0, 1, 2},
    {0, 2, 1},
    {1, 0, 2},
    {1, 2, 0},
    {2, 0, 1},
    {2, 1, 0}
  };
  char ref[64];

  PetscFunctionBeginUser;
  for (PetscInt uneven = 0; uneven < 2; uneven++)
    for (PetscInt split = -1; split < 3; split++)
      for (PetscInt p = 0; p < 6; p++) {
        PetscCall(PetscSNPrintf(ref, sizeof(ref), "transpose/t3_%" PetscInt_FMT "%" PetscInt_FMT "%" PetscInt_FMT, perms[p][0], perms[p][1], perms[p][2]));
        PetscCall(CheckTranspose("transpose/t3", 3, split, (PetscBool)uneven, perms[p], ref));
      }
  PetscCall(CheckTranspose("transpose/t3", 3, 1, PETSC_TRUE, (PetscInt[]){-1, 0, -2}, "transpose/t3_201"));
  for (PetscInt split = -1; split < 5; split++) {
    PetscCall(CheckTranspose("transpose/t5", 5, split, PETSC_TRUE, (PetscInt[]){3, 0, 4, 2, 1}, "transpose/t5_30421"));
    PetscCall(CheckTranspose("transpose/t5", 5, split, PETSC_FALSE, NULL, "transpose/t5_rev"));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* traces of every diagonal -6..8 of the 5 x 7 matrix (with a NaN at (2, 3)), printed, and compared with NumPy's */
static PetscErrorCode TestTrace(void)
{
  HtTensor    ref;
  const void *r;

  PetscFunctionBeginUser;
  PetscCall(GetData("tri/trace", &ref));
  PetscCall(HtTensorGetArrayRead(ref, &r));
  for (PetscInt uneven = 0; uneven < 2; uneven++)
    for (PetscInt split = -1; split < 2; split++) {
      HtTensor  m;
      PetscBool same = PETSC_TRUE;

      PetscCall(LoadData("tri/m", split, (PetscBool)uneven, &m));
      PetscCall(PetscPrintf(PETSC_COMM_WORLD, "trace split %2" PetscInt_FMT " %s:", split, Layouts[uneven]));
      for (PetscInt k = -6; k <= 8; k++) {
        PetscScalar tr;
        PetscReal   want = EntryAsReal(HT_SCALAR, r, k + 6);

        PetscCall(HtTensorTrace(m, k, &tr));
        PetscCall(PetscPrintf(PETSC_COMM_WORLD, " %.10g", (double)PetscRealPart(tr)));
        if (PetscIsNanReal(want) != PetscIsNanScalar(tr) || (!PetscIsNanReal(want) && PetscAbsReal(want - PetscRealPart(tr)) > 1e-14)) same = PETSC_FALSE;
      }
      PetscCall(PetscPrintf(PETSC_COMM_WORLD, " %s\n", same ? "ok" : "FAIL"));
      PetscCall(HtTensorDestroy(&m));
    }
  PetscCall(HtTensorRestoreArrayRead(ref, &r));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* tril and triu of dataset `name` for diagonal k, against `<name>_tril_<k>` and `<name>_triu_<k>` */
static PetscErrorCode CheckTriangles(const char name[], PetscInt split, PetscBool uneven, PetscInt k)
{
  HtTensor t, lo, up;
  char     ref[64];

  PetscFunctionBeginUser;
  PetscCall(LoadData(name, split, uneven, &t));
  PetscCall(HtTensorTril(t, k, &lo));
  PetscCall(HtTensorTriu(t, k, &up));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "tril %s k %2" PetscInt_FMT " split %2" PetscInt_FMT " %s", name, k, split, Layouts[uneven]));
  PetscCall(PetscSNPrintf(ref, sizeof(ref), "%s_tril_%" PetscInt_FMT, name, k));
  PetscCall(CheckResult(lo, ref, 0));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "triu %s k %2" PetscInt_FMT " split %2" PetscInt_FMT " %s", name, k, split, Layouts[uneven]));
  PetscCall(PetscSNPrintf(ref, sizeof(ref), "%s_triu_%" PetscInt_FMT, name, k));
  PetscCall(CheckResult(up, ref, 0));
  PetscCall(HtTensorDestroy(&t));
  PetscCall(HtTensorDestroy(&lo));
  PetscCall(HtTensorDestroy(&up));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode TestTriangles(void)
{
  const PetscInt diagonals[] = {-2, 0, 3};

  PetscFunctionBeginUser;
  for (PetscInt uneven = 0; uneven < 2; uneven++) {
    for (PetscInt split = -1; split < 2; split++)
      for (PetscInt k = 0; k < 3; k++) PetscCall(CheckTriangles("tri/m", split, (PetscBool)uneven, diagonals[k]));
    for (PetscInt split = -1; split < 3; split++)
      for (PetscInt k = -1; k <= 1; k += 2) PetscCall(CheckTriangles("tri/s", split, (PetscBool)uneven, k));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* every metric for every pair of splits of X and Y */
static PetscErrorCode TestCDist(void)
{
  const char *const refs[] = {"cdist/euclidean", "cdist/sqeuclidean", "cdist/cityblock", "cdist/rbf", "cdist/rbf03"};

  PetscFunctionBeginUser;
  for (PetscInt uneven = 0; uneven < 2; uneven++)
    for (PetscInt sx = -1; sx < 2; sx++)
      for (PetscInt sy = -1; sy < 2; sy++)
        for (PetscInt metric = 0; metric < 5; metric++) {
          HtTensor X, Y, D;

          PetscCall(LoadData("cdist/X", sx, (PetscBool)uneven, &X));
          PetscCall(LoadData("cdist/Y", sy, (PetscBool)uneven, &Y));
          if (metric < 4) PetscCall(HtTensorCDist(X, Y, (HtCDistMetric)metric, &D));
          else PetscCall(HtTensorRBFKernel(X, Y, 0.3, &D));
          PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-17s X split %2" PetscInt_FMT " Y split %2" PetscInt_FMT " %s", refs[metric], sx, sy, Layouts[uneven]));
          PetscCall(CheckResult(D, refs[metric], 1e-12));
          PetscCall(HtTensorDestroy(&X));
          PetscCall(HtTensorDestroy(&Y));
          PetscCall(HtTensorDestroy(&D));
        }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   random rows against more than a block of columns (37 x 11 against 19 x 11: whole and partial blocks of rows, columns
   and features), every metric but Manhattan, against direct sums on the replicated data: the expansion's error is
   below 1e-12 of |x|^2 + |y|^2
*/
static PetscErrorCode TestCDistBlocks(void)
{
  const PetscInt n = 37, m = 19, f = 11;
  HtTensor       X, Y, Xr, D, Dr;

  PetscFunctionBeginUser;
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){n, f}, 0, 5, &X));
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){m, f}, -1, 6, &Y));
  PetscCall(HtTensorResplit(X, -1, &Xr));
  for (PetscInt metric = 0; metric < 4; metric++) {
    const PetscScalar *x, *y, *d;
    PetscReal          worst = 0;

    if (metric == HT_CDIST_MANHATTAN) continue;
    PetscCall(HtTensorCDist(X, Y, (HtCDistMetric)metric, &D));
    PetscCall(HtTensorResplit(D, -1, &Dr));
    PetscCall(HtTensorGetArrayRead(Xr, &x));
    PetscCall(HtTensorGetArrayRead(Y, &y));
    PetscCall(HtTensorGetArrayRead(Dr, &d));
    for (PetscInt i = 0; i < n; i++)
      for (PetscInt q = 0; q < m; q++) {
        PetscReal s = 0, scale = 0, ref, err;

        for (PetscInt j = 0; j < f; j++) {
          s += PetscSqr(x[i * f + j] - y[q * f + j]);
          scale += PetscSqr(x[i * f + j]) + PetscSqr(y[q * f + j]);
        }
        ref = metric == HT_CDIST_EUCLIDEAN ? PetscSqrtReal(s) : metric == HT_CDIST_SQEUCLIDEAN ? s : PetscExpReal(-s / f);
        /* the error of s is at most about 1e-12 scale; sqrt and exp carry it over with their derivatives */
        err   = PetscAbsReal(d[i * m + q] - ref) / (metric == HT_CDIST_EUCLIDEAN ? PetscSqrtReal(scale) : metric == HT_CDIST_SQEUCLIDEAN ? scale : scale / f);
        worst = PetscMax(worst, err);
      }
    PetscCall(HtTensorRestoreArrayRead(Dr, &d));
    PetscCall(HtTensorRestoreArrayRead(Y, &y));
    PetscCall(HtTensorRestoreArrayRead(Xr, &x));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "cdist %s of %" PetscInt_FMT " x %" PetscInt_FMT " against %" PetscInt_FMT " rows, direct sums: %s\n", HtCDistMetrics[metric], n, f, m, worst <= 1e-12 ? "ok" : "WRONG"));
    PetscCall(HtTensorDestroy(&Dr));
    PetscCall(HtTensorDestroy(&D));
  }
  PetscCall(HtTensorDestroy(&Xr));
  PetscCall(HtTensorDestroy(&Y));
  PetscCall(HtTensorDestroy(&X));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* integer samples against themselves: the GEMM expansion is exact, so the diagonal is exactly 0 */
static PetscErrorCode TestCDistInt(void)
{
  PetscFunctionBeginUser;
  for (PetscInt split = -1; split < 2; split++) {
    HtTensor X, D;

    PetscCall(LoadData("cdist/Xi", split, PETSC_TRUE, &X));
    PetscCall(HtTensorCDist(X, X, HT_CDIST_EUCLIDEAN, &D));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "cdist int X X split %2" PetscInt_FMT, split));
    PetscCall(CheckResult(D, "cdist/Xi_euclidean", 0));
    PetscCall(HtTensorDestroy(&X));
    PetscCall(HtTensorDestroy(&D));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(TestTranspose());
  PetscCall(TestTrace());
  PetscCall(TestTriangles());
  PetscCall(TestCDist());
  PetscCall(TestCDistInt());
  PetscCall(TestCDistBlocks());
  PetscCall(FreeData());
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     suffix: 1
     nsize: {{1 2 3 4}}
     timeoutfactor: 2
   test:
     suffix: isa
     nsize: {{1 3}}
     args: -ht_kernel_isa {{baseline avx2}}
     output_file: output/linalg_1.out
     timeoutfactor: 2
TEST*/
