static const char help[] = "Tests the manipulation operations against NumPy references (tests/data/manipulate/), for every input split\n"
                           "(-1, 0, a middle axis, the last axis) and three layouts (balanced, all on the last rank, on the even ranks only).\n"
                           "  -cases FILE   the case list (default data/manipulate/cases.txt)\n\n";

#include <heat.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_INPUTS 4
#define MAX_PARAMS 32

typedef struct {
  char      name[64], op[16];
  char      inputs[MAX_INPUTS][16];
  PetscInt  ninputs, nparams;
  PetscReal p[MAX_PARAMS];
} Case;

/* one line of cases.txt: <case> <inputs, comma-separated> <op> <numbers> */
static PetscErrorCode ParseCase(char *line, Case *c)
{
  char *tok, *save = NULL, *in;

  PetscFunctionBeginUser;
  PetscCall(PetscMemzero(c, sizeof(*c)));
  PetscCall(PetscStrncpy(c->name, strtok_r(line, " \n", &save), sizeof(c->name)));
  in = strtok_r(NULL, " \n", &save);
  PetscCall(PetscStrncpy(c->op, strtok_r(NULL, " \n", &save), sizeof(c->op)));
  while ((tok = strtok_r(NULL, " \n", &save))) c->p[c->nparams++] = strtod(tok, NULL);
  for (tok = strtok_r(in, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) PetscCall(PetscStrncpy(c->inputs[c->ninputs++], tok, sizeof(c->inputs[0])));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* entries p[from .. from+n) as integers */
static void Ints(const Case *c, PetscInt from, PetscInt n, PetscInt out[])
{
  for (PetscInt k = 0; k < n; k++) out[k] = (PetscInt)c->p[from + k];
}

/* runs the operation of a case on its inputs */
static PetscErrorCode RunOp(const Case *c, HtTensor x[], HtTensor *y)
{
  PetscInt  a[MAX_PARAMS], n = (PetscInt)c->p[0], nd;
  PetscBool is;

  PetscFunctionBeginUser;
  Ints(c, 0, c->nparams, a);
#define OP(s) (PetscStrcmp(c->op, s, &is) == 0 && is)
  if (OP("reshape")) PetscCall(HtTensorReshape(x[0], a[1], a + 2, a[0], y));
  else if (OP("flatten")) PetscCall(HtTensorFlatten(x[0], y));
  else if (OP("squeeze")) PetscCall(HtTensorSqueeze(x[0], n, n < 0 ? NULL : a + 1, y));
  else if (OP("expand")) PetscCall(HtTensorExpandDims(x[0], a[0], y));
  else if (OP("concat") || OP("concatmix")) PetscCall(HtTensorConcatenate(c->ninputs, x, a[0], y));
  else if (OP("stack")) PetscCall(HtTensorStack(c->ninputs, x, a[0], y));
  else if (OP("repeat")) PetscCall(HtTensorRepeat(x[0], a[1], a + 2, a[0] == -999 ? HT_AXIS_NONE : a[0], y));
  else if (OP("tile")) PetscCall(HtTensorTile(x[0], n, a + 1, y));
  else if (OP("flip")) PetscCall(HtTensorFlip(x[0], n, n < 0 ? NULL : a + 1, y));
  else if (OP("roll")) PetscCall(HtTensorRoll(x[0], n < 0 ? 1 : n, a + 1, n < 0 ? NULL : a + 1 + n, y));
  else if (OP("pad")) {
    PetscCall(HtTensorGetNDim(x[0], &nd));
    PetscCall(HtTensorPad(x[0], a + 1, a + 1 + nd, c->p[0], y));
  } else if (OP("diagonal")) PetscCall(HtTensorDiagonal(x[0], a[0], y));
  else SETERRQ(PETSC_COMM_WORLD, PETSC_ERR_ARG_WRONG, "unknown op %s", c->op);
#undef OP
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* layout 0: balanced; 1: the whole split axis on the last rank; 2: balanced over the even ranks, none on the odd ones */
static PetscErrorCode ApplyLayout(HtTensor t, PetscInt layout)
{
  const PetscInt *shape;
  PetscInt        split, n, neven;
  PetscMPIInt     rank, size;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetSplit(t, &split));
  if (split < 0 || layout == 0) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCall(HtTensorGetShape(t, &shape));
  n     = shape[split];
  neven = (size + 1) / 2;
  if (layout == 1) PetscCall(HtTensorSetLayout(t, rank == size - 1 ? n : 0));
  else PetscCall(HtTensorSetLayout(t, rank % 2 ? 0 : n / neven + (rank / 2 < n % neven)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* number of elements of got that differ from ref (NaN equals NaN), or -1 when the shapes or dtypes differ */
static PetscErrorCode CountMismatches(HtTensor got, HtTensor ref, PetscInt *bad)
{
  PetscInt        ng, nr, nlocal, local = 0;
  const PetscInt *sg, *sr;
  HtDType         dg, dr;
  HtTensor        want;
  const void     *a, *b;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetNDim(got, &ng));
  PetscCall(HtTensorGetNDim(ref, &nr));
  PetscCall(HtTensorGetShape(got, &sg));
  PetscCall(HtTensorGetShape(ref, &sr));
  PetscCall(HtTensorGetDType(got, &dg));
  PetscCall(HtTensorGetDType(ref, &dr));
  *bad = -1;
  if (ng != nr || dg != dr) PetscFunctionReturn(PETSC_SUCCESS);
  for (PetscInt d = 0; d < ng; d++)
    if (sg[d] != sr[d]) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtTensorDuplicate(got, &want));
  PetscCall(HtTensorCopy(ref, want));
  PetscCall(HtTensorGetLocalSize(got, &nlocal));
  PetscCall(HtTensorGetArrayRead(got, &a));
  PetscCall(HtTensorGetArrayRead(want, &b));
  for (PetscInt i = 0; i < nlocal; i++) {
    if (dg == HT_SCALAR) {
      PetscReal x = PetscRealPart(((const PetscScalar *)a)[i]), y = PetscRealPart(((const PetscScalar *)b)[i]);

      if (!(x == y || (PetscIsNanReal(x) && PetscIsNanReal(y)))) local++;
    } else if (dg == HT_INT) local += ((const PetscInt *)a)[i] != ((const PetscInt *)b)[i];
    else local += ((const PetscBool *)a)[i] != ((const PetscBool *)b)[i];
  }
  PetscCall(HtTensorRestoreArrayRead(want, &b));
  PetscCall(HtTensorRestoreArrayRead(got, &a));
  PetscCall(HtTensorDestroy(&want));
  PetscCall(MPIU_Allreduce(&local, bad, 1, MPIU_INT, MPI_SUM, PETSC_COMM_WORLD));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* every input file, loaded once (replicated) */
typedef struct {
  PetscInt n;
  char     names[32][16];
  HtTensor t[32];
} InputCache;

static PetscErrorCode GetInput(InputCache *cache, const char name[], HtTensor *t)
{
  char      path[PETSC_MAX_PATH_LEN];
  PetscBool is;

  PetscFunctionBeginUser;
  for (PetscInt k = 0; k < cache->n; k++) {
    PetscCall(PetscStrcmp(cache->names[k], name, &is));
    if (is) {
      *t = cache->t[k];
      PetscFunctionReturn(PETSC_SUCCESS);
    }
  }
  PetscCheck(cache->n < 32, PETSC_COMM_WORLD, PETSC_ERR_ARG_OUTOFRANGE, "too many input files");
  PetscCall(PetscSNPrintf(path, sizeof(path), "data/manipulate/in_%s.npy", name));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, NULL, -1, &cache->t[cache->n]));
  PetscCall(PetscStrncpy(cache->names[cache->n], name, sizeof(cache->names[0])));
  *t = cache->t[cache->n++];
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the inputs of a case, input 0 split `split`; with "concatmix" the others replicated (split 0 when split is -1) */
static PetscErrorCode LoadInputs(InputCache *cache, const Case *c, PetscInt split, PetscInt layout, HtTensor x[])
{
  PetscBool mix;

  PetscFunctionBeginUser;
  PetscCall(PetscStrcmp(c->op, "concatmix", &mix));
  for (PetscInt k = 0; k < c->ninputs; k++) {
    HtTensor full;

    PetscCall(GetInput(cache, c->inputs[k], &full));
    PetscCall(HtTensorResplit(full, mix && k ? (split < 0 ? 0 : -1) : split, &x[k]));
    PetscCall(ApplyLayout(x[k], layout));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* one output line per input split: the result's split and, for each layout, whether the result equals NumPy's */
static PetscErrorCode RunCase(InputCache *cache, const Case *c)
{
  char     path[PETSC_MAX_PATH_LEN];
  HtTensor ref, x[MAX_INPUTS], y;
  PetscInt ndim, splits[HT_MAX_NDIM + 1] = {-1}, nsplits = 1;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "data/manipulate/ref_%s.npy", c->name));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, NULL, -1, &ref));
  PetscCall(GetInput(cache, c->inputs[0], &x[0]));
  PetscCall(HtTensorGetNDim(x[0], &ndim));
  for (PetscInt d = 0; d < ndim; d++) splits[nsplits++] = d == 0 || d == ndim - 1 || d == 1 ? d : -2;
  for (PetscInt s = 0; s < nsplits; s++) {
    PetscInt outsplit = -3;

    if (splits[s] == -2) continue;
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-26s in %2" PetscInt_FMT " ->", c->name, splits[s]));
    for (PetscInt layout = 0; layout < 3; layout++) {
      PetscInt bad, split;

      PetscCall(LoadInputs(cache, c, splits[s], layout, x));
      PetscCall(RunOp(c, x, &y));
      PetscCall(HtTensorGetSplit(y, &split));
      if (!layout) PetscCall(PetscPrintf(PETSC_COMM_WORLD, " out %2" PetscInt_FMT ":", split));
      PetscCall(CountMismatches(y, ref, &bad));
      PetscCall(PetscPrintf(PETSC_COMM_WORLD, " %s", bad ? "FAIL" : split != outsplit && layout ? "SPLIT" : "ok"));
      outsplit = split;
      PetscCall(HtTensorDestroy(&y));
      for (PetscInt k = 0; k < c->ninputs; k++) PetscCall(HtTensorDestroy(&x[k]));
    }
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "\n"));
  }
  PetscCall(HtTensorDestroy(&ref));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  char       file[PETSC_MAX_PATH_LEN] = "data/manipulate/cases.txt", line[1024];
  FILE      *f;
  InputCache cache;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-cases", file, sizeof(file), NULL));
  f = fopen(file, "r");
  PetscCheck(f, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "Cannot open %s", file);
  cache.n = 0;
  while (fgets(line, sizeof(line), f)) {
    Case c;

    PetscCall(ParseCase(line, &c));
    PetscCall(RunCase(&cache, &c));
  }
  fclose(f);
  for (PetscInt k = 0; k < cache.n; k++) PetscCall(HtTensorDestroy(&cache.t[k]));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     suffix: 1
     nsize: {{1 2 3 4}}
TEST*/
