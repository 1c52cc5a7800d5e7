/*
   Helpers shared by the I/O tests (npy.c, csv.c, save.c): deterministic test values,
   checksums in global index order, element-wise comparison, load-and-show, save-and-load round trips.
*/
#pragma once

#include <heat.h>
#include <stdlib.h>

typedef PetscErrorCode (*LoadFn)(MPI_Comm, const char[], PetscInt, HtTensor *);
typedef PetscErrorCode (*SaveFn)(HtTensor, const char[]);

/* where the local elements of a tensor sit in the global C order */
typedef struct {
  PetscInt        ndim, split, rstart, nlocal;
  const PetscInt *shape, *lshape;
  HtDType         dtype;
} Layout;

static inline PetscErrorCode GetLayout(HtTensor t, Layout *l)
{
  PetscFunctionBegin;
  PetscCall(HtTensorGetNDim(t, &l->ndim));
  PetscCall(HtTensorGetSplit(t, &l->split));
  PetscCall(HtTensorGetShape(t, &l->shape));
  PetscCall(HtTensorGetLocalShape(t, &l->lshape));
  PetscCall(HtTensorGetLocalSize(t, &l->nlocal));
  PetscCall(HtTensorGetDType(t, &l->dtype));
  PetscCall(HtTensorGetOwnershipRange(t, &l->rstart, NULL));
  if (l->split < 0) l->rstart = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* flat global C-order index of local element k */
static inline PetscInt64 GlobalIndex(const Layout *l, PetscInt k)
{
  PetscInt64 g = 0, mul = 1;

  for (PetscInt d = l->ndim - 1; d >= 0; d--) {
    PetscInt i = k % l->lshape[d];

    k /= l->lshape[d];
    g += (i + (d == l->split ? l->rstart : 0)) * mul;
    mul *= l->shape[d];
  }
  return g;
}

static inline PetscReal Get(HtDType dtype, const void *a, PetscInt k)
{
  return dtype == HT_SCALAR ? PetscRealPart(((const PetscScalar *)a)[k]) : dtype == HT_INT ? (PetscReal)((const PetscInt *)a)[k] : (PetscReal)((const PetscBool *)a)[k];
}

/* deterministic test values: full mantissas, negative integers, both booleans */
static inline PetscErrorCode Fill(HtTensor t)
{
  Layout l;
  void  *a;

  PetscFunctionBegin;
  PetscCall(GetLayout(t, &l));
  PetscCall(HtTensorGetArrayWrite(t, &a));
  for (PetscInt k = 0; k < l.nlocal; k++) {
    PetscInt64 h = GlobalIndex(&l, k) * 7919;

    if (l.dtype == HT_SCALAR) ((PetscScalar *)a)[k] = (PetscReal)(h % 1000) / 7.0 - 50;
    else if (l.dtype == HT_INT) ((PetscInt *)a)[k] = (PetscInt)(h % 20011) - 10000;
    else ((PetscBool *)a)[k] = (PetscBool)(h % 3 == 0);
  }
  PetscCall(HtTensorRestoreArrayWrite(t, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* sum_i v_i (i + 1) in global index order, and max_i |v_i - (A + B i)| (0 when ab is NULL) */
static inline PetscErrorCode Stats(HtTensor t, const PetscReal ab[], PetscReal *checksum, PetscReal *maxdiff)
{
  MPI_Comm    comm = PetscObjectComm((PetscObject)t);
  Layout      l;
  const void *a;
  PetscReal   sum = 0, dev = 0;
  PetscMPIInt rank;

  PetscFunctionBegin;
  PetscCall(GetLayout(t, &l));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(HtTensorGetArrayRead(t, &a));
  for (PetscInt k = 0; k < l.nlocal && (l.split >= 0 || !rank); k++) { /* a replicated tensor counts once */
    PetscInt64 g = GlobalIndex(&l, k);
    PetscReal  v = Get(l.dtype, a, k);

    sum += v * (PetscReal)(g + 1);
    if (ab) dev = PetscMax(dev, PetscAbsReal(v - (ab[0] + ab[1] * (PetscReal)g)));
  }
  PetscCall(HtTensorRestoreArrayRead(t, &a));
  PetscCall(MPIU_Allreduce(&sum, checksum, 1, MPIU_REAL, MPIU_SUM, comm));
  PetscCall(MPIU_Allreduce(&dev, maxdiff, 1, MPIU_REAL, MPIU_MAX, comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* max |x_i - y_i| over the flat global index i: both are redistributed to split -1 and compared in full */
static inline PetscErrorCode MaxDiff(HtTensor x, HtTensor y, PetscReal *maxdiff)
{
  HtTensor    xr, yr;
  Layout      lx, ly;
  const void *a, *b;

  PetscFunctionBegin;
  PetscCall(HtTensorResplit(x, -1, &xr));
  PetscCall(HtTensorResplit(y, -1, &yr));
  PetscCall(GetLayout(xr, &lx));
  PetscCall(GetLayout(yr, &ly));
  PetscCheck(lx.nlocal == ly.nlocal, PETSC_COMM_SELF, PETSC_ERR_PLIB, "Sizes differ: %" PetscInt_FMT " and %" PetscInt_FMT, lx.nlocal, ly.nlocal);
  PetscCall(HtTensorGetArrayRead(xr, &a));
  PetscCall(HtTensorGetArrayRead(yr, &b));
  *maxdiff = 0;
  for (PetscInt k = 0; k < lx.nlocal; k++) *maxdiff = PetscMax(*maxdiff, PetscAbsReal(Get(lx.dtype, a, k) - Get(ly.dtype, b, k)));
  PetscCall(HtTensorRestoreArrayRead(yr, &b));
  PetscCall(HtTensorRestoreArrayRead(xr, &a));
  PetscCall(HtTensorDestroy(&xr));
  PetscCall(HtTensorDestroy(&yr));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* "(5, 3) scalar split 0" */
static inline PetscErrorCode Describe(HtTensor t, char s[], size_t n)
{
  Layout l;
  size_t len;

  PetscFunctionBegin;
  PetscCall(GetLayout(t, &l));
  PetscCall(PetscStrncpy(s, "(", n));
  for (PetscInt d = 0; d < l.ndim; d++) {
    PetscCall(PetscStrlen(s, &len));
    PetscCall(PetscSNPrintf(s + len, n - len, "%s%" PetscInt_FMT, d ? ", " : "", l.shape[d]));
  }
  PetscCall(PetscStrlen(s, &len));
  PetscCall(PetscSNPrintf(s + len, n - len, "%s %s split %" PetscInt_FMT, l.ndim == 1 ? ",)" : ")", HtDTypes[l.dtype], l.split));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* loads a file, shows it, prints its checksum and, with -affine A,B, its largest deviation from A + B i */
static inline PetscErrorCode LoadAndShow(MPI_Comm comm, LoadFn load, const char file[], PetscInt split)
{
  HtTensor  t;
  PetscReal ab[2], checksum, maxdiff;
  PetscInt  n = 2;
  PetscBool set;

  PetscFunctionBegin;
  PetscCall(load(comm, file, split, &t));
  PetscCall(HtTensorView(t, PETSC_VIEWER_STDOUT_(comm)));
  PetscCall(PetscOptionsGetRealArray(NULL, NULL, "-affine", ab, &n, &set));
  PetscCall(Stats(t, set ? ab : NULL, &checksum, &maxdiff));
  PetscCall(PetscPrintf(comm, "checksum %.17g\n", (double)checksum));
  if (set && maxdiff == 0) PetscCall(PetscPrintf(comm, "every value is exactly %g + %g i\n", (double)ab[0], (double)ab[1]));
  else if (set) PetscCall(PetscPrintf(comm, "max |v - (%g + %g i)| = %g\n", (double)ab[0], (double)ab[1], (double)maxdiff));
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  PetscInt ndim, shape[3];
  HtDType  dtype;
  PetscInt save, load; /* split of the saved tensor, split to load with */
} Case;

/* saves a filled tensor to $HEAT_TEST_TMPDIR/rt_<c>.<ext>, loads it back, compares */
static inline PetscErrorCode RoundTrip(MPI_Comm comm, PetscInt c, const Case *rt, const char ext[], SaveFn save, LoadFn load)
{
  HtTensor    x, y;
  PetscReal   checksum = 0, maxdiff = 0, unused;
  PetscBool   balanced;
  char        path[PETSC_MAX_PATH_LEN], dx[128], dy[128];
  const char *dir = getenv("HEAT_TEST_TMPDIR");

  PetscFunctionBegin;
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/rt_%" PetscInt_FMT ".%s", dir ? dir : ".", c, ext));
  PetscCall(HtTensorCreate(comm, rt->ndim, rt->shape, rt->save, rt->dtype, &x));
  PetscCall(Fill(x));
  PetscCall(save(x, path));
  PetscCall(load(comm, path, rt->load, &y));
  PetscCall(MaxDiff(x, y, &maxdiff));
  PetscCall(Stats(y, NULL, &checksum, &unused));
  PetscCall(HtTensorIsBalanced(y, &balanced));
  PetscCall(Describe(x, dx, sizeof(dx)));
  PetscCall(Describe(y, dy, sizeof(dy)));
  if (maxdiff == 0) PetscCall(PetscPrintf(comm, "%s -> %s%s: identical, checksum %.17g\n", dx, dy, balanced ? "" : " (NOT BALANCED)", (double)checksum));
  else PetscCall(PetscPrintf(comm, "%s -> %s%s: max |diff| %g, checksum %.17g\n", dx, dy, balanced ? "" : " (NOT BALANCED)", (double)maxdiff, (double)checksum));
  PetscCall(HtTensorDestroy(&x));
  PetscCall(HtTensorDestroy(&y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   The body of the format tests: with -f FILE, load it with split -split and show it; with -roundtrip, save and
   load every case through the format's functions and compare
*/
static inline PetscErrorCode IOTestRun(const Case cases[], PetscInt ncases, const char ext[], SaveFn save, LoadFn load)
{
  char      file[PETSC_MAX_PATH_LEN];
  PetscInt  split = 0;
  PetscBool hasfile, roundtrip;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-f", file, sizeof(file), &hasfile));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-split", &split, NULL));
  PetscCall(PetscOptionsHasName(NULL, NULL, "-roundtrip", &roundtrip));
  if (hasfile) PetscCall(LoadAndShow(PETSC_COMM_WORLD, load, file, split));
  for (PetscInt c = 0; roundtrip && c < ncases; c++) PetscCall(RoundTrip(PETSC_COMM_WORLD, c, &cases[c], ext, save, load));
  PetscFunctionReturn(PETSC_SUCCESS);
}
