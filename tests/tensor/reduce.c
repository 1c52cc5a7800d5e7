static const char help[] = "Tests the HtTensor reductions against NumPy references (tests/data/reduce/reduce.h5, made by\n"
                           "make_reduce_data.py): every operation along every axis (also -1) and over every element, with and\n"
                           "without keepdims, checking the values, shape, split and dtype of each result.\n"
                           "  -split S    split axis of the inputs (-1, or an axis; inputs with fewer axes use their last)\n"
                           "  -skewed     uneven layout: rank 0 owns no index of the split axis, the last rank the most\n\n";

#include "reducetest.h"

typedef PetscErrorCode (*ReduceFn)(HtTensor, PetscInt, PetscBool, HtTensor *);

static PetscErrorCode Var0(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorVar(x, axis, 0, keepdims, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Var1(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorVar(x, axis, 1, keepdims, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Std0(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorStd(x, axis, 0, keepdims, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Std1(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorStd(x, axis, 1, keepdims, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Norm1(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorNorm(x, NORM_1, axis, keepdims, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Norm2(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorNorm(x, NORM_2, axis, keepdims, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode NormFro(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorNorm(x, NORM_FROBENIUS, axis, keepdims, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode NormInf(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorNorm(x, NORM_INFINITY, axis, keepdims, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Cumsum(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorCumsum(x, axis, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

#define PERCENTILE(name, q) \
  static PetscErrorCode name(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out) \
  { \
    PetscFunctionBeginUser; \
    PetscCall(HtTensorPercentile(x, q, axis, keepdims, out)); \
    PetscFunctionReturn(PETSC_SUCCESS); \
  }
PERCENTILE(P0, 0)
PERCENTILE(P30, 30)
PERCENTILE(P625, 62.5)
PERCENTILE(P100, 100)

/* the dtype of a result: 'S' as a sum (scalar for scalars, else int), 'R' scalar, 'X' the input's, 'I' int, 'B' bool */
typedef struct {
  const char *name, *ref; /* the reference dataset <input>/<ref>/<axis> */
  ReduceFn    fn;
  char        kind;
  PetscBool   scan; /* cumsum: no reduction, the result has the input's shape and layout */
} Op;

static const Op ops[] = {
  {"sum",           "sum",           HtTensorSum,          'S', PETSC_FALSE},
  {"prod",          "prod",          HtTensorProd,         'S', PETSC_FALSE},
  {"mean",          "mean",          HtTensorMean,         'R', PETSC_FALSE},
  {"var ddof 0",    "var0",          Var0,                 'R', PETSC_FALSE},
  {"var ddof 1",    "var1",          Var1,                 'R', PETSC_FALSE},
  {"std ddof 0",    "std0",          Std0,                 'R', PETSC_FALSE},
  {"std ddof 1",    "std1",          Std1,                 'R', PETSC_FALSE},
  {"min",           "min",           HtTensorMin,          'X', PETSC_FALSE},
  {"max",           "max",           HtTensorMax,          'X', PETSC_FALSE},
  {"argmin",        "argmin",        HtTensorArgmin,       'I', PETSC_FALSE},
  {"argmax",        "argmax",        HtTensorArgmax,       'I', PETSC_FALSE},
  {"all",           "all",           HtTensorAll,          'B', PETSC_FALSE},
  {"any",           "any",           HtTensorAny,          'B', PETSC_FALSE},
  {"count_nonzero", "count_nonzero", HtTensorCountNonzero, 'I', PETSC_FALSE},
  {"norm 1",        "norm1",         Norm1,                'R', PETSC_FALSE},
  {"norm 2",        "norm2",         Norm2,                'R', PETSC_FALSE},
  {"norm fro",      "norm2",         NormFro,              'R', PETSC_FALSE},
  {"norm inf",      "norminf",       NormInf,              'R', PETSC_FALSE},
  {"cumsum",        "cumsum",        Cumsum,               'S', PETSC_TRUE },
  {"median",        "median",        HtTensorMedian,       'R', PETSC_FALSE},
  {"percentile 0",  "p0",            P0,                   'R', PETSC_FALSE},
  {"percentile 30", "p30",           P30,                  'R', PETSC_FALSE},
  {"percentile 62.5", "p62.5",       P625,                 'R', PETSC_FALSE},
  {"percentile 100", "p100",         P100,                 'R', PETSC_FALSE},
};

static HtDType ExpectedDType(char kind, HtDType in)
{
  switch (kind) {
  case 'S':
    return in == HT_SCALAR ? HT_SCALAR : HT_INT;
  case 'R':
    return HT_SCALAR;
  case 'X':
    return in;
  case 'I':
    return HT_INT;
  default:
    return HT_BOOL;
  }
}

/* what is wrong with the result r of op along axis (normalized; -10 for every element): 0 nothing, else an index of
   Problems[]; only values are checked with keepdims (they are the same without) */
static const char *const Problems[] = {"ok", "shape", "dtype", "split", "values", "-"};

static PetscErrorCode CheckResult(HtTensor x, const Op *op, PetscInt axis, PetscBool keepdims, HtTensor r, const PetscScalar ref[], PetscInt *problem)
{
  PetscInt        ndim, rndim, split, rsplit, eshape[8], endim = 0;
  const PetscInt *shape, *rshape;
  HtDType         dtype, rdtype;
  PetscBool       same;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetNDim(x, &ndim));
  PetscCall(HtTensorGetShape(x, &shape));
  PetscCall(HtTensorGetSplit(x, &split));
  PetscCall(HtTensorGetDType(x, &dtype));
  for (PetscInt d = 0; d < ndim; d++) {
    PetscBool reduced = (PetscBool)(!op->scan && (axis < 0 || axis == d));

    if (!reduced) eshape[endim++] = shape[d];
    else if (keepdims) eshape[endim++] = 1;
  }
  PetscCall(HtTensorGetNDim(r, &rndim));
  PetscCall(HtTensorGetShape(r, &rshape));
  PetscCall(HtTensorGetSplit(r, &rsplit));
  PetscCall(HtTensorGetDType(r, &rdtype));
  same = (PetscBool)(rndim == endim);
  for (PetscInt d = 0; same && d < endim; d++) same = (PetscBool)(rshape[d] == eshape[d]);
  *problem = 0;
  if (!same) *problem = 1;
  else if (rdtype != ExpectedDType(op->kind, dtype)) *problem = 2;
  else if (rsplit != (op->scan ? split : split < 0 || axis < 0 || axis == split ? -1 : split - (axis < split && !keepdims))) *problem = 3;
  else if (keepdims) {
    PetscInt n = 1;

    for (PetscInt d = 0; d < endim; d++) n *= eshape[d];
    PetscCall(SameLocalValues(r, ref, n, 1e-11, &same));
    if (!same) *problem = 4;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* one line per operation: for each axis (none, 0 .. ndim-1, -1) "ok", "-" (NumPy has no result) or what is wrong */
static PetscErrorCode TestInput(const char name[], PetscInt split, PetscBool skewed)
{
  HtTensor        x;
  PetscInt        ndim;
  const PetscInt *shape;
  char            path[64];

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/data", name));
  PetscCall(LoadInput(path, split, skewed, &x));
  if (!strcmp(name, "b")) { /* booleans are stored as uint8 */
    HtTensor b;

    PetscCall(HtTensorAsType(x, HT_BOOL, &b));
    PetscCall(HtTensorDestroy(&x));
    x = b;
  }
  PetscCall(HtTensorGetNDim(x, &ndim));
  PetscCall(HtTensorGetShape(x, &shape));
  for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++) {
    char               line[512];
    PetscInt           problem[HT_MAX_NDIM + 2] = {0}, offset[HT_MAX_NDIM + 2];
    HtTensor           ref;
    const PetscScalar *refs;

    PetscCall(PetscSNPrintf(path, sizeof(path), "%s/%s", name, ops[k].ref));
    PetscCall(HtTensorLoad(PETSC_COMM_SELF, REDUCE_DATA, path, -1, &ref)); /* flags of the ndim + 1 cases, then the results */
    PetscCall(HtTensorGetArrayRead(ref, &refs));
    offset[0] = ndim + 1;
    for (PetscInt c = 0; c <= ndim; c++) { /* case c: every element (c = 0) or axis c - 1 */
      PetscInt n = 1;

      for (PetscInt d = 0; d < ndim; d++) n *= ops[k].scan || (c && d != c - 1) ? shape[d] : 1;
      offset[c + 1] = offset[c] + (PetscRealPart(refs[c]) != 0 ? n : 0);
    }
    for (PetscInt a = -1; a <= ndim; a++) {
      PetscInt axis = a < 0 ? HT_AXIS_NONE : a == ndim ? -1 : a, c = a < 0 ? 0 : a == ndim ? ndim : a + 1;

      if (PetscRealPart(refs[c]) == 0) {
        problem[a + 1] = 5;
        continue;
      }
      for (PetscInt keepdims = 0; keepdims < 2 && !problem[a + 1]; keepdims++) {
        HtTensor r;

        PetscCall(ops[k].fn(x, axis, (PetscBool)keepdims, &r));
        PetscCall(CheckResult(x, &ops[k], a < 0 ? -10 : c - 1, (PetscBool)keepdims, r, refs + offset[c], &problem[a + 1]));
        PetscCall(HtTensorDestroy(&r));
      }
    }
    PetscCall(HtTensorRestoreArrayRead(ref, &refs));
    PetscCall(HtTensorDestroy(&ref));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, problem, (PetscMPIInt)(ndim + 2), MPIU_INT, MPI_MAX, PETSC_COMM_WORLD));
    PetscCall(PetscSNPrintf(line, sizeof(line), "%-4s %-16s none:%s", name, ops[k].name, Problems[problem[0]]));
    for (PetscInt a = 0; a <= ndim; a++) {
      char token[32];

      PetscCall(PetscSNPrintf(token, sizeof(token), " %" PetscInt_FMT ":%s", a == ndim ? -1 : a, Problems[problem[a + 1]]));
      PetscCall(PetscStrlcat(line, token, sizeof(line)));
    }
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s\n", line));
  }
  PetscCall(HtTensorDestroy(&x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  const char *inputs[] = {"f", "i", "b", "n", "big", "e", "w"};
  PetscInt    split    = 0;
  PetscBool   skewed   = PETSC_FALSE;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-split", &split, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-skewed", &skewed, NULL));
  for (size_t k = 0; k < sizeof(inputs) / sizeof(inputs[0]); k++) PetscCall(TestInput(inputs[k], split, skewed));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   build:
     requires: hdf5
   testset:
     output_file: output/reduce.out
     timeoutfactor: 2
     test:
       suffix: balanced
       nsize: {{1 2 3 4}}
       args: -split {{-1 0 2}}
     test:
       suffix: middle
       nsize: 3
       args: -split 1
     test:
       suffix: skewed
       nsize: {{2 4}}
       args: -skewed -split {{0 2}}
     test:   # every allreduce of partials in pieces of 7 elements: the same results
       suffix: maxcount
       nsize: {{2 3}}
       args: -split {{-1 0}} -skewed -ht_mpi_max_count 7
     test:   # the moments' kernel (var, std) at the lower x86-64 levels (the default is the highest), on blocks of unequal sizes
       suffix: isa
       nsize: 3
       args: -split {{-1 0 2}} -ht_kernel_isa {{baseline avx2}}
TEST*/
