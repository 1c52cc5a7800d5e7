static const char help[] = "Tests the HtTensor statistics: histogram, bincount, covariance and weighted average against NumPy\n"
                           "references (tests/data/reduce/reduce.h5), and the distributed selection of percentiles on large data\n"
                           "against closed forms and against the selection of the same data on one rank.\n"
                           "  -split S    split axis of the inputs (-1, or an axis; inputs with fewer axes use their last)\n"
                           "  -skewed     uneven layout: rank 0 owns no index of the split axis, the last rank the most\n\n";

#include "reducetest.h"

static PetscErrorCode TestHistogram(PetscInt split, PetscBool skewed)
{
  HtTensor    x, hist, edges, c;
  PetscReal   range[2] = {-1, 1};
  const char *h = "", *e = "";

  PetscFunctionBeginUser;
  PetscCall(LoadInput("stats/x", split, skewed, &x));
  PetscCall(HtTensorHistogram(x, 7, NULL, &hist, &edges));
  PetscCall(CheckReference(hist, "stats/hist7", 0, &h));
  PetscCall(CheckReference(edges, "stats/edges7", 1e-14, &e));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "histogram, 7 bins over the data range: counts %s, edges %s\n", h, e));
  PetscCall(HtTensorDestroy(&hist));
  PetscCall(HtTensorDestroy(&edges));
  PetscCall(HtTensorHistogram(x, 5, range, &hist, &edges));
  PetscCall(CheckReference(hist, "stats/hist5r", 0, &h));
  PetscCall(CheckReference(edges, "stats/edges5r", 1e-14, &e));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "histogram, 5 bins in [-1, 1]: counts %s, edges %s\n", h, e));
  PetscCall(HtTensorDestroy(&hist));
  PetscCall(HtTensorDestroy(&edges));
  PetscCall(HtTensorDestroy(&x));
  PetscCall(HtTensorFull(PETSC_COMM_WORLD, 1, (PetscInt[]){4}, split < 0 ? -1 : 0, HT_SCALAR, 3.0, &c));
  PetscCall(HtTensorHistogram(c, 4, NULL, &hist, &edges));
  PetscCall(CheckReference(hist, "stats/hist4c", 0, &h));
  PetscCall(CheckReference(edges, "stats/edges4c", 1e-14, &e));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "histogram of a constant: counts %s, edges %s\n", h, e));
  PetscCall(HtTensorDestroy(&hist));
  PetscCall(HtTensorDestroy(&edges));
  PetscCall(HtTensorDestroy(&c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode TestBincount(PetscInt split, PetscBool skewed)
{
  HtTensor    labels, weights, counts;
  const char *v = "";

  PetscFunctionBeginUser;
  PetscCall(LoadInput("stats/labels", split, skewed, &labels));
  PetscCall(LoadInput("stats/labelweights", split < 0 ? 0 : -1, PETSC_FALSE, &weights)); /* another layout than the labels */
  PetscCall(HtTensorBincount(labels, NULL, 0, &counts));
  PetscCall(CheckReference(counts, "stats/bincount", 0, &v));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "bincount: %s\n", v));
  PetscCall(HtTensorDestroy(&counts));
  PetscCall(HtTensorBincount(labels, NULL, 12, &counts));
  PetscCall(CheckReference(counts, "stats/bincount12", 0, &v));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "bincount, minlength 12: %s\n", v));
  PetscCall(HtTensorDestroy(&counts));
  PetscCall(HtTensorBincount(labels, NULL, 5, &counts)); /* minlength below max + 1: counted again over the range */
  PetscCall(CheckReference(counts, "stats/bincount", 0, &v));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "bincount, minlength 5: %s\n", v));
  PetscCall(HtTensorDestroy(&counts));
  PetscCall(HtTensorBincount(labels, weights, 0, &counts));
  PetscCall(CheckReference(counts, "stats/bincountw", 1e-12, &v));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "bincount with weights: %s\n", v));
  PetscCall(HtTensorDestroy(&counts));
  PetscCall(HtTensorBincount(labels, weights, 9, &counts)); /* minlength max + 1: the one pass */
  PetscCall(CheckReference(counts, "stats/bincountw", 1e-12, &v));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "bincount with weights, minlength 9: %s\n", v));
  PetscCall(HtTensorDestroy(&counts));
  PetscCall(HtTensorDestroy(&weights));
  PetscCall(HtTensorDestroy(&labels));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the covariance needs split 0: the inputs are split along their samples, skewed or not */
static PetscErrorCode TestCov(PetscBool skewed)
{
  const char *names[][3] = {
    {"stats/X",    "stats/cov",    "1"},
    {"stats/X",    "stats/cov0",   "0"},
    {"stats/Xbig", "stats/covbig", "1"}
  };

  PetscFunctionBeginUser;
  for (PetscInt k = 0; k < 3; k++) {
    HtTensor    X, C;
    const char *v = "";

    PetscCall(LoadInput(names[k][0], 0, skewed, &X));
    PetscCall(HtTensorCov(X, names[k][2][0] - '0', &C));
    PetscCall(CheckReference(C, names[k][1], 1e-10, &v));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "cov of %s, ddof %s: %s\n", names[k][0], names[k][2], v));
    PetscCall(HtTensorDestroy(&C));
    PetscCall(HtTensorDestroy(&X));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the covariance of data with several chunks of rows and several 8 x 8 blocks of features (11 features: whole and
   partial blocks), against a direct two-pass computation on the replicated data (relative error <= 1e-12)
*/
static PetscErrorCode TestCovBlocks(void)
{
  const PetscInt     n = 3000, f = 11;
  HtTensor           X, Xr, C;
  const PetscScalar *x, *c;
  PetscReal          mean[11] = {0}, err = 0, scale = 0;

  PetscFunctionBeginUser;
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){n, f}, 0, 7, &X));
  PetscCall(HtTensorCov(X, 1, &C));
  PetscCall(HtTensorResplit(X, -1, &Xr));
  PetscCall(HtTensorGetArrayRead(Xr, &x));
  PetscCall(HtTensorGetArrayRead(C, &c));
  for (PetscInt i = 0; i < n; i++)
    for (PetscInt j = 0; j < f; j++) mean[j] += x[i * f + j] / n;
  for (PetscInt a = 0; a < f; a++)
    for (PetscInt b = 0; b < f; b++) {
      PetscReal s = 0;

      for (PetscInt i = 0; i < n; i++) s += (x[i * f + a] - mean[a]) * (x[i * f + b] - mean[b]);
      s /= n - 1;
      err   = PetscMax(err, PetscAbsReal(c[a * f + b] - s));
      scale = PetscMax(scale, PetscAbsReal(s));
    }
  PetscCall(HtTensorRestoreArrayRead(C, &c));
  PetscCall(HtTensorRestoreArrayRead(Xr, &x));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "cov of %" PetscInt_FMT " x %" PetscInt_FMT " random samples against the direct sums: %s\n", n, f, err <= 1e-12 * scale ? "ok" : "WRONG"));
  if (err > 1e-12 * scale) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  max error %g of max %g\n", (double)err, (double)scale));
  PetscCall(HtTensorDestroy(&Xr));
  PetscCall(HtTensorDestroy(&C));
  PetscCall(HtTensorDestroy(&X));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode TestAverage(PetscInt split, PetscBool skewed)
{
  HtTensor A, W;

  PetscFunctionBeginUser;
  PetscCall(LoadInput("stats/A", split, skewed, &A));
  PetscCall(LoadInput("stats/WA", split < 0 ? 1 : -1, PETSC_FALSE, &W)); /* weights in another layout */
  for (PetscInt a = -1; a < 3; a++) {
    HtTensor    r, wl;
    char        path[64];
    const char *full = "", *line = "-";

    PetscCall(HtTensorAverage(A, W, a < 0 ? HT_AXIS_NONE : a, PETSC_FALSE, &r));
    PetscCall(PetscSNPrintf(path, sizeof(path), a < 0 ? "stats/avgfull/none" : "stats/avgfull/%" PetscInt_FMT, a));
    PetscCall(CheckReference(r, path, 1e-12, &full));
    PetscCall(HtTensorDestroy(&r));
    if (a >= 0) {
      PetscCall(PetscSNPrintf(path, sizeof(path), "stats/wline/%" PetscInt_FMT, a));
      PetscCall(LoadInput(path, split < 0 ? 0 : -1, PETSC_FALSE, &wl));
      PetscCall(HtTensorAverage(A, wl, a - 3, PETSC_TRUE, &r)); /* negative axis, keepdims */
      PetscCall(PetscSNPrintf(path, sizeof(path), "stats/avgline/%" PetscInt_FMT, a));
      PetscCall(CheckReference(r, path, 1e-12, &line));
      PetscCall(HtTensorDestroy(&r));
      PetscCall(HtTensorDestroy(&wl));
    }
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "average along %s: weights of the tensor's shape %s, 1-d weights %s\n", a < 0 ? "none" : a == 0 ? "0" : a == 1 ? "1" : "2", full, line));
  }
  PetscCall(HtTensorDestroy(&W));
  PetscCall(HtTensorDestroy(&A));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the value of a replicated 0-d or 1-element tensor */
static PetscErrorCode Value(HtTensor t, PetscReal *v)
{
  const PetscScalar *a;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetArrayRead(t, &a));
  *v = PetscRealPart(a[0]);
  PetscCall(HtTensorRestoreArrayRead(t, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   Percentiles of 10^5 elements along the split axis, where the distributed selection needs several histogram rounds:
   the values 0..9 repeated (closed forms: median 4.5, 30th percentile 2.7, 95th 9), and normal samples compared
   with the selection of the same samples on every rank (split -1).
*/
static PetscErrorCode TestSelection(PetscInt split, PetscBool skewed)
{
  PetscInt     n = 100000, rstart, rend, lsplit;
  HtTensor     dup, noise, rep, wide, r, s;
  PetscScalar *a;
  PetscReal    q[] = {50, 30, 95, 0, 100}, qn[] = {57.5, 37.5, 99.9}, v = 0, w = 0;
  PetscBool    same;

  PetscFunctionBeginUser;
  lsplit = split < 0 ? -1 : 0;
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 1, &n, lsplit, HT_SCALAR, &dup));
  if (skewed) PetscCall(SkewLayout(dup));
  PetscCall(HtTensorGetOwnershipRange(dup, &rstart, &rend));
  PetscCall(HtTensorGetArrayWrite(dup, &a));
  for (PetscInt i = rstart; i < rend; i++) a[i - rstart] = (PetscReal)((i * 7919) % 10);
  PetscCall(HtTensorRestoreArrayWrite(dup, &a));
  for (size_t k = 0; k < sizeof(q) / sizeof(q[0]); k++) {
    PetscCall(HtTensorPercentile(dup, q[k], HT_AXIS_NONE, PETSC_FALSE, &r));
    PetscCall(Value(r, &v));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "percentile %g of 10^5 values 0..9: %g\n", (double)q[k], (double)v));
    PetscCall(HtTensorDestroy(&r));
  }
  PetscCall(HtTensorDestroy(&dup));

  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 1, &n, lsplit, 11, &noise));
  if (skewed) PetscCall(SkewLayout(noise));
  PetscCall(HtTensorResplit(noise, -1, &rep));
  for (size_t k = 0; k < 3; k++) {
    PetscCall(HtTensorPercentile(noise, qn[k], 0, PETSC_FALSE, &r));
    PetscCall(HtTensorPercentile(rep, qn[k], 0, PETSC_FALSE, &s));
    PetscCall(Value(r, &v));
    PetscCall(Value(s, &w));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "percentile %g of 10^5 normal samples: %.12g, %s the selection on one rank\n", (double)qn[k], (double)v, v == w ? "equal to" : "DIFFERENT from"));
    PetscCall(HtTensorDestroy(&r));
    PetscCall(HtTensorDestroy(&s));
  }
  PetscCall(HtTensorDestroy(&rep));
  PetscCall(HtTensorDestroy(&noise));

  /* 3 lines of 30000 crossing ranks (split 0, reduced along 0) against the same on every rank */
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){30000, 3}, lsplit, 12, &wide));
  if (skewed) PetscCall(SkewLayout(wide));
  PetscCall(HtTensorResplit(wide, -1, &rep));
  PetscCall(HtTensorMedian(wide, 0, PETSC_TRUE, &r));
  PetscCall(HtTensorMedian(rep, 0, PETSC_TRUE, &s));
  {
    const PetscScalar *y;

    PetscCall(HtTensorGetArrayRead(s, &y)); /* a replicated (1, 3) tensor */
    PetscCall(SameLocalValues(r, y, 3, 0, &same));
    PetscCall(HtTensorRestoreArrayRead(s, &y));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &same, 1, MPIU_BOOL, MPI_LAND, PETSC_COMM_WORLD));
  }
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "median along axis 0 of 30000 x 3 normal samples: %s the selection on one rank\n", same ? "equal to" : "DIFFERENT from"));
  PetscCall(HtTensorDestroy(&r));
  PetscCall(HtTensorDestroy(&s));
  PetscCall(HtTensorDestroy(&rep));
  PetscCall(HtTensorDestroy(&wide));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscInt  split  = 0;
  PetscBool skewed = PETSC_FALSE;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-split", &split, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-skewed", &skewed, NULL));
  PetscCall(TestHistogram(split, skewed));
  PetscCall(TestBincount(split, skewed));
  PetscCall(TestCov(skewed));
  PetscCall(TestCovBlocks());
  PetscCall(TestAverage(split, skewed));
  PetscCall(TestSelection(split, skewed));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   build:
     requires: hdf5
   testset:
     output_file: output/stats.out
     test:
       suffix: balanced
       nsize: {{1 2 3 4}}
       args: -split {{-1 0 2}}
     test:
       suffix: skewed
       nsize: {{3 4}}
       args: -skewed -split {{0 2}}
     test:
       suffix: isa
       nsize: {{1 3}}
       args: -split 0 -ht_kernel_isa {{baseline avx2}}
TEST*/
