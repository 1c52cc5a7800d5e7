/*
   Helpers of the linear algebra tests: inputs and NumPy references from data/linalg/linalg.h5
   (written by data/linalg/make_linalg_data.py), uneven layouts, comparisons.
*/
#pragma once

#include <heat.h>

#define LINALG_FILE "data/linalg/linalg.h5"

/* the layouts a test runs on: balanced, or uneven (rank r holds a share proportional to r: rank 0 none) */
static PetscErrorCode MakeUneven(HtTensor t)
{
  PetscInt        split, n, nlocal;
  const PetscInt *shape;
  PetscMPIInt     rank, size;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetSplit(t, &split));
  if (split < 0) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCall(HtTensorGetShape(t, &shape));
  n      = shape[split];
  nlocal = n;
  if (size > 1) { /* weights 0, 1, ..., size - 1; the last rank takes the remainder */
    PetscInt w = size * (size - 1) / 2, others = 0;

    for (PetscMPIInt r = 0; r < size - 1; r++) others += n * r / w;
    nlocal = rank < size - 1 ? n * rank / w : n - others;
  }
  PetscCall(HtTensorSetLayout(t, nlocal));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the datasets read so far, replicated, so that each is read from the file once */
static struct {
  char     name[64];
  HtTensor t;
} DataCache[64];
static PetscInt DataCached = 0;

/* dataset `name` of the test file, replicated (owned by the cache) */
static PetscErrorCode GetData(const char name[], HtTensor *t)
{
  PetscBool same;

  PetscFunctionBeginUser;
  for (PetscInt i = 0; i < DataCached; i++) {
    PetscCall(PetscStrcmp(DataCache[i].name, name, &same));
    if (same) {
      *t = DataCache[i].t;
      PetscFunctionReturn(PETSC_SUCCESS);
    }
  }
  PetscCheck(DataCached < (PetscInt)PETSC_STATIC_ARRAY_LENGTH(DataCache), PETSC_COMM_WORLD, PETSC_ERR_SUP, "Too many datasets");
  PetscCall(PetscStrncpy(DataCache[DataCached].name, name, sizeof(DataCache[DataCached].name)));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, LINALG_FILE, name, -1, &DataCache[DataCached].t));
  *t = DataCache[DataCached++].t;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode FreeData(void)
{
  PetscFunctionBeginUser;
  for (PetscInt i = 0; i < DataCached; i++) PetscCall(HtTensorDestroy(&DataCache[i].t));
  DataCached = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* dataset `name` of the test file, split `split`, with the uneven layout if asked */
static PetscErrorCode LoadData(const char name[], PetscInt split, PetscBool uneven, HtTensor *t)
{
  HtTensor rep;

  PetscFunctionBeginUser;
  PetscCall(GetData(name, &rep));
  PetscCall(HtTensorResplit(rep, split, t));
  if (uneven) PetscCall(MakeUneven(*t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscReal EntryAsReal(HtDType dtype, const void *a, PetscInt i)
{
  return dtype == HT_SCALAR ? PetscRealPart(((const PetscScalar *)a)[i]) : dtype == HT_INT ? (PetscReal)((const PetscInt *)a)[i] : (PetscReal)((const PetscBool *)a)[i];
}

/* max |t - ref| over all entries, with ref the dataset `name` copied to t's layout; NaN matches only NaN;
   infinity when the shapes differ */
static PetscErrorCode MaxError(HtTensor t, const char name[], PetscReal *err)
{
  HtTensor        ref, refrep;
  PetscInt        ndim, rndim, n, split;
  const PetscInt *shape, *rshape, *lshape;
  HtDType         dtype, rdtype;
  const void     *a, *b;
  PetscBool       same;

  PetscFunctionBeginUser;
  PetscCall(GetData(name, &refrep));
  PetscCall(HtTensorGetNDim(t, &ndim));
  PetscCall(HtTensorGetNDim(refrep, &rndim));
  PetscCall(HtTensorGetShape(t, &shape));
  PetscCall(HtTensorGetShape(refrep, &rshape));
  same = (PetscBool)(ndim == rndim);
  for (PetscInt d = 0; same && d < ndim; d++) same = (PetscBool)(shape[d] == rshape[d]);
  *err = PETSC_INFINITY;
  if (!same) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtTensorGetDType(t, &dtype));
  PetscCall(HtTensorGetDType(refrep, &rdtype));
  PetscCall(HtTensorGetSplit(t, &split));
  PetscCall(HtTensorGetLocalShape(t, &lshape));
  PetscCall(HtTensorCreateWithLayout(PETSC_COMM_WORLD, ndim, shape, split, rdtype, split < 0 ? PETSC_DECIDE : lshape[split], &ref));
  PetscCall(HtTensorCopy(refrep, ref));
  PetscCall(HtTensorGetLocalSize(t, &n));
  PetscCall(HtTensorGetArrayRead(t, &a));
  PetscCall(HtTensorGetArrayRead(ref, &b));
  *err = 0;
  for (PetscInt i = 0; i < n; i++) {
    PetscReal x = EntryAsReal(dtype, a, i), y = EntryAsReal(rdtype, b, i);

    if (PetscIsNanReal(x) || PetscIsNanReal(y)) *err = PetscMax(*err, PetscIsNanReal(x) && PetscIsNanReal(y) ? 0 : PETSC_INFINITY);
    else *err = PetscMax(*err, PetscAbsReal(x - y));
  }
  PetscCall(HtTensorRestoreArrayRead(ref, &b));
  PetscCall(HtTensorRestoreArrayRead(t, &a));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, err, 1, MPIU_REAL, MPIU_MAX, PETSC_COMM_WORLD));
  PetscCall(HtTensorDestroy(&ref));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* prints "ok" if t equals the reference `name` to tol, else the error */
static PetscErrorCode CheckAgainst(HtTensor t, const char name[], PetscReal tol)
{
  PetscReal err;

  PetscFunctionBeginUser;
  PetscCall(MaxError(t, name, &err));
  if (err <= tol) PetscCall(PetscPrintf(PETSC_COMM_WORLD, " ok\n"));
  else PetscCall(PetscPrintf(PETSC_COMM_WORLD, " FAIL (max error %g against %s)\n", (double)err, name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* "(n, m) split s" of a tensor */
static PetscErrorCode PrintLayout(HtTensor t)
{
  PetscInt        ndim, split;
  const PetscInt *shape;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetNDim(t, &ndim));
  PetscCall(HtTensorGetShape(t, &shape));
  PetscCall(HtTensorGetSplit(t, &split));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, " -> ("));
  for (PetscInt d = 0; d < ndim; d++) PetscCall(PetscPrintf(PETSC_COMM_WORLD, d ? ", %" PetscInt_FMT : "%" PetscInt_FMT, shape[d]));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, ") split %2" PetscInt_FMT, split));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* prints t's layout, then whether it equals the reference `name` to tol */
static PetscErrorCode CheckResult(HtTensor t, const char name[], PetscReal tol)
{
  PetscFunctionBeginUser;
  PetscCall(PrintLayout(t));
  PetscCall(CheckAgainst(t, name, tol));
  PetscFunctionReturn(PETSC_SUCCESS);
}
