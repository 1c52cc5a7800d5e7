static const char help[] = "Tests the elementwise operations against NumPy references: every binary and unary operation, clip,\n"
                           "where, in-place variants, AXPY and astype, with broadcasting, NaN, integer and boolean dtypes.\n"
                           "The cases and references come from tests/data/elementwise/make_elementwise_data.py.\n"
                           "  -split S    split of the inputs a, d, ai, m: -1, 0 or last\n"
                           "  -other S    split of the other inputs (b, c, e, z, s, bi, ci, n)\n"
                           "  -uneven     gives the split inputs a, d, ai, m an uneven layout (rank 0 holds nothing)\n\n";

#include <heat.h>

#define DATA "data/elementwise/"

static const char *const names[]   = {"a", "d", "ai", "m", "b", "c", "e", "z", "s", "bi", "ci", "n"};
#define NINPUTS   12
#define NPRIMARY  4 /* the first NPRIMARY inputs take -split, the others -other */
#define MAXARGS   8
#define TOLERANCE 1e-12

typedef struct {
  HtTensor in[NINPUTS];
  HtTensor ref; /* every case's expected values, replicated */
} Ctx;

/* the split "-1", "0" or "last" of a tensor of ndim axes (-1 for a 0-d tensor) */
static PetscInt SplitOf(const char which[], PetscInt ndim)
{
  if (!ndim || !strcmp(which, "-1")) return -1;
  return strcmp(which, "last") ? 0 : ndim - 1;
}

/* rank 0 holds nothing, the others share the split axis evenly */
static PetscErrorCode MakeUneven(HtTensor t)
{
  PetscMPIInt    rank, size;
  PetscInt       split, n;
  const PetscInt *shape;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCall(HtTensorGetSplit(t, &split));
  if (size == 1 || split < 0) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtTensorGetShape(t, &shape));
  n = rank ? shape[split] / (size - 1) + ((rank - 1) < shape[split] % (size - 1)) : 0;
  PetscCall(HtTensorSetLayout(t, n));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode LoadInputs(Ctx *ctx)
{
  char      split[16] = "0", other[16] = "0", path[PETSC_MAX_PATH_LEN];
  PetscBool uneven = PETSC_FALSE;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-split", split, sizeof(split), NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-other", other, sizeof(other), NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-uneven", &uneven, NULL));
  for (PetscInt k = 0; k < NINPUTS; k++) {
    HtTensor t;
    PetscInt ndim;

    PetscCall(PetscSNPrintf(path, sizeof(path), DATA "%s.npy", names[k]));
    PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, NULL, -1, &t));
    PetscCall(HtTensorGetNDim(t, &ndim));
    PetscCall(HtTensorResplit(t, SplitOf(k < NPRIMARY ? split : other, ndim), &ctx->in[k]));
    PetscCall(HtTensorDestroy(&t));
    if (uneven && k < NPRIMARY) PetscCall(MakeUneven(ctx->in[k]));
  }
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, DATA "ref.npy", NULL, -1, &ctx->ref));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Input(Ctx *ctx, const char name[], HtTensor *t)
{
  PetscFunctionBeginUser;
  for (PetscInt k = 0; k < NINPUTS; k++)
    if (!strcmp(names[k], name)) {
      *t = ctx->in[k];
      PetscFunctionReturn(PETSC_SUCCESS);
    }
  SETERRQ(PETSC_COMM_WORLD, PETSC_ERR_ARG_WRONG, "No input named %s", name);
}

static PetscErrorCode FindEnum(const char *const list[], const char name[], PetscEnum *value)
{
  PetscBool found;

  PetscFunctionBeginUser;
  PetscCall(PetscEnumFind(list, name, value, &found));
  PetscCheck(found, PETSC_COMM_WORLD, PETSC_ERR_ARG_WRONG, "Unknown name %s", name);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a copy of the input `name` with its split and layout, to be modified in place */
static PetscErrorCode CopyOf(Ctx *ctx, const char name[], HtTensor *r)
{
  HtTensor t = NULL;

  PetscFunctionBeginUser;
  PetscCall(Input(ctx, name, &t));
  PetscCall(HtTensorDuplicate(t, r));
  PetscCall(HtTensorCopy(t, *r));
  PetscFunctionReturn(PETSC_SUCCESS);
}

#define IS(s) (!strcmp(kind, s))

/* runs one case: kind and its arguments as the generator wrote them */
static PetscErrorCode RunCase(Ctx *ctx, const char kind[], char *arg[], HtTensor *r)
{
  HtBinaryOp op  = HT_BINARY_ADD;
  HtUnaryOp  uop = HT_UNARY_ABS;
  HtDType    dtype;
  HtTensor   x = NULL, y = NULL, z = NULL;

  PetscFunctionBeginUser;
  if (IS("binary") || IS("named") || IS("scalar") || IS("rscalar") || IS("inplace") || IS("inplacescalar") || IS("inplaceself")) PetscCall(FindEnum(HtBinaryOps, arg[0], (PetscEnum *)&op));
  if (IS("unary") || IS("unaryinplace")) PetscCall(FindEnum(HtUnaryOps, arg[0], (PetscEnum *)&uop));
  if (IS("binary")) {
    PetscCall(Input(ctx, arg[1], &x));
    PetscCall(Input(ctx, arg[2], &y));
    PetscCall(HtTensorBinary(op, x, y, r));
  } else if (IS("scalar")) {
    PetscCall(Input(ctx, arg[1], &x));
    PetscCall(HtTensorBinaryScalar(op, x, atof(arg[2]), r));
  } else if (IS("rscalar")) {
    PetscCall(Input(ctx, arg[2], &y));
    PetscCall(HtTensorScalarBinary(op, atof(arg[1]), y, r));
  } else if (IS("inplace")) {
    PetscCall(CopyOf(ctx, arg[1], r));
    PetscCall(Input(ctx, arg[2], &y));
    PetscCall(HtTensorBinaryInPlace(op, *r, y));
  } else if (IS("inplacescalar")) {
    PetscCall(CopyOf(ctx, arg[1], r));
    PetscCall(HtTensorBinaryScalarInPlace(op, *r, atof(arg[2])));
  } else if (IS("inplaceself")) {
    PetscCall(CopyOf(ctx, arg[1], r));
    PetscCall(HtTensorBinaryInPlace(op, *r, *r));
  } else if (IS("unary")) {
    PetscCall(Input(ctx, arg[1], &x));
    PetscCall(HtTensorUnary(uop, x, r));
  } else if (IS("unaryinplace")) {
    PetscCall(CopyOf(ctx, arg[1], r));
    PetscCall(HtTensorUnaryInPlace(uop, *r));
  } else if (IS("clip")) {
    PetscCall(Input(ctx, arg[0], &x));
    PetscCall(HtTensorClip(x, atof(arg[1]), atof(arg[2]), r));
  } else if (IS("where")) {
    PetscCall(Input(ctx, arg[0], &x));
    PetscCall(Input(ctx, arg[1], &y));
    PetscCall(Input(ctx, arg[2], &z));
    PetscCall(HtTensorWhere(x, y, z, r));
  } else if (IS("axpy")) {
    PetscCall(CopyOf(ctx, arg[0], r));
    PetscCall(Input(ctx, arg[2], &x));
    PetscCall(HtTensorAXPY(*r, atof(arg[1]), x));
  } else if (IS("axpyself")) {
    PetscCall(CopyOf(ctx, arg[0], r));
    PetscCall(HtTensorAXPY(*r, atof(arg[1]), *r));
  } else if (IS("named")) { /* the one-line wrappers HtTensorAdd() ... */
    PetscErrorCode (*const named[])(HtTensor, HtTensor, HtTensor *) = {HtTensorAdd, HtTensorSubtract, HtTensorMultiply, HtTensorDivide};

    PetscCheck(op <= HT_BINARY_DIVIDE, PETSC_COMM_WORLD, PETSC_ERR_ARG_WRONG, "No named wrapper for %s", arg[0]);
    PetscCall(Input(ctx, arg[1], &x));
    PetscCall(Input(ctx, arg[2], &y));
    PetscCall((*named[op])(x, y, r));
  } else if (IS("astype")) {
    PetscCall(Input(ctx, arg[0], &x));
    PetscCall(FindEnum(HtDTypes, arg[1], (PetscEnum *)&dtype));
    PetscCall(HtTensorAsType(x, dtype, r));
  } else SETERRQ(PETSC_COMM_WORLD, PETSC_ERR_ARG_WRONG, "Unknown case kind %s", kind);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* NaN matches NaN, infinities match exactly, the rest to TOLERANCE relative (absolute near 0) */
static PetscBool Matches(PetscReal got, PetscReal want)
{
  if (PetscIsNanReal(want) || PetscIsNanReal(got)) return (PetscBool)(PetscIsNanReal(want) && PetscIsNanReal(got));
  if (PetscIsInfReal(want) || PetscIsInfReal(got)) return (PetscBool)(got == want);
  return (PetscBool)(PetscAbsReal(got - want) <= TOLERANCE * PetscMax(1, PetscAbsReal(want)));
}

/* element i of a local array of any dtype, as a real */
static PetscReal ValueOf(HtDType dtype, const void *a, PetscInt i)
{
  return dtype == HT_SCALAR ? ((const PetscReal *)a)[i] : dtype == HT_INT ? (PetscReal)((const PetscInt *)a)[i] : (PetscReal)((const PetscBool *)a)[i];
}

/* compares every rank's block with ref[offset + flat global index]; names the first differing element */
static PetscErrorCode Compare(Ctx *ctx, HtTensor r, PetscInt offset, char msg[], size_t len)
{
  const PetscInt *shape, *lshape;
  PetscInt        ndim, split, rstart, nlocal, bad = PETSC_MAX_INT;
  HtDType         dtype;
  const void     *v;
  const PetscReal *ref;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetNDim(r, &ndim));
  PetscCall(HtTensorGetShape(r, &shape));
  PetscCall(HtTensorGetLocalShape(r, &lshape));
  PetscCall(HtTensorGetSplit(r, &split));
  PetscCall(HtTensorGetOwnershipRange(r, &rstart, NULL));
  PetscCall(HtTensorGetLocalSize(r, &nlocal));
  PetscCall(HtTensorGetDType(r, &dtype));
  PetscCall(HtTensorGetArrayRead(r, &v));
  PetscCall(HtTensorGetArrayRead(ctx->ref, &ref));
  for (PetscInt i = 0; i < nlocal; i++) {
    PetscInt rem = i, g = 0, step = 1;

    for (PetscInt d = ndim - 1; d >= 0; d--) {
      g += (rem % lshape[d] + (d == split ? rstart : 0)) * step;
      rem /= lshape[d];
      step *= shape[d];
    }
    if (!Matches(ValueOf(dtype, v, i), ref[offset + g])) bad = PetscMin(bad, g);
  }
  PetscCall(HtTensorRestoreArrayRead(ctx->ref, &ref));
  PetscCall(HtTensorRestoreArrayRead(r, &v));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &bad, 1, MPIU_INT, MPI_MIN, PETSC_COMM_WORLD));
  if (bad == PETSC_MAX_INT) PetscCall(PetscStrncpy(msg, "ok", len));
  else PetscCall(PetscSNPrintf(msg, len, "MISMATCH at flat index %" PetscInt_FMT, bad));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* "(5, 4, 3)", "(3,)", "()" */
static PetscErrorCode ShapeString(PetscInt ndim, const PetscInt shape[], char str[], size_t len)
{
  PetscFunctionBeginUser;
  PetscCall(PetscStrncpy(str, "(", len));
  for (PetscInt d = 0; d < ndim; d++) {
    char n[32];

    PetscCall(PetscSNPrintf(n, sizeof(n), d ? ", %" PetscInt_FMT : "%" PetscInt_FMT, shape[d]));
    PetscCall(PetscStrlcat(str, n, len));
  }
  PetscCall(PetscStrlcat(str, ndim == 1 ? ",)" : ")", len));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* one line of cases.txt: runs it and prints "<case> -> <shape> <dtype> split <s>: ok" */
static PetscErrorCode Case(Ctx *ctx, char line[])
{
  char          *tok[4 + HT_MAX_NDIM + MAXARGS], *save = NULL, shape[128], want[128], msg[256], what[256] = "";
  PetscInt       ntok = 0, offset, ndim, wshape[HT_MAX_NDIM], split, rndim;
  const PetscInt *rshape;
  HtDType        dtype;
  HtTensor       r;

  PetscFunctionBeginUser;
  for (char *t = strtok_r(line, " \n", &save); t && ntok < (PetscInt)PETSC_STATIC_ARRAY_LENGTH(tok); t = strtok_r(NULL, " \n", &save)) tok[ntok++] = t;
  offset = atoi(tok[0]);
  ndim   = atoi(tok[2]);
  for (PetscInt d = 0; d < ndim; d++) wshape[d] = atoi(tok[3 + d]);
  for (PetscInt k = 3 + ndim; k < ntok; k++) {
    PetscCall(PetscStrlcat(what, tok[k], sizeof(what)));
    PetscCall(PetscStrlcat(what, " ", sizeof(what)));
  }
  PetscCall(RunCase(ctx, tok[3 + ndim], &tok[4 + ndim], &r));
  PetscCall(HtTensorGetNDim(r, &rndim));
  PetscCall(HtTensorGetShape(r, &rshape));
  PetscCall(HtTensorGetSplit(r, &split));
  PetscCall(HtTensorGetDType(r, &dtype));
  PetscCall(ShapeString(rndim, rshape, shape, sizeof(shape)));
  PetscCall(ShapeString(ndim, wshape, want, sizeof(want)));
  if (strcmp(shape, want) || strcmp(HtDTypes[dtype], tok[1])) PetscCall(PetscSNPrintf(msg, sizeof(msg), "MISMATCH: NumPy gives %s %s", want, tok[1]));
  else PetscCall(Compare(ctx, r, offset, msg, sizeof(msg)));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s-> %s %s split %" PetscInt_FMT ": %s\n", what, shape, HtDTypes[dtype], split, msg));
  PetscCall(HtTensorDestroy(&r));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtTensorBroadcastShapes() of a few input combinations (NumPy: broadcast_shapes) */
static PetscErrorCode BroadcastShapes(Ctx *ctx)
{
  const char *const sets[][3] = {
    {"d", "e", "c"},
    {"z", "c", "s"},
    {"n", "a", "s"}
  };

  PetscFunctionBeginUser;
  for (size_t k = 0; k < PETSC_STATIC_ARRAY_LENGTH(sets); k++) {
    HtTensor t[3];
    PetscInt ndim, shape[HT_MAX_NDIM];
    char     str[128];

    for (PetscInt n = 0; n < 3; n++) PetscCall(Input(ctx, sets[k][n], &t[n]));
    PetscCall(HtTensorBroadcastShapes(3, t, &ndim, shape));
    PetscCall(ShapeString(ndim, shape, str, sizeof(str)));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "broadcast shape of %s %s %s: %s\n", sets[k][0], sets[k][1], sets[k][2], str));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  Ctx   ctx;
  FILE *f;
  char  line[512];

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(LoadInputs(&ctx));
  PetscCall(BroadcastShapes(&ctx));
  PetscCall(PetscFOpen(PETSC_COMM_SELF, DATA "cases.txt", "r", &f));
  while (fgets(line, sizeof(line), f)) PetscCall(Case(&ctx, line));
  PetscCall(PetscFClose(PETSC_COMM_SELF, f));
  for (PetscInt k = 0; k < NINPUTS; k++) PetscCall(HtTensorDestroy(&ctx.in[k]));
  PetscCall(HtTensorDestroy(&ctx.ref));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   testset:
     nsize: {{1 2 3 4}}
     filter: grep -v "MPI process"
     test:
       suffix: replicated_split0
       args: -split -1 -other 0
     test:
       suffix: split0_last_uneven
       args: -split 0 -other last -uneven
     test:
       suffix: last
       args: -split last -other last
TEST*/
