/*
   HtTensor repeat and diagonal: each rank builds the part of the result that comes from its own block with
   strided copies (so the result first has the layout that follows the input's), then the result is balanced.
*/
#include <heat/private/tensorimpl.h>

/* the count of index i: repeats[0] for a scalar count */
static inline PetscInt HtRepeatCount(PetscInt nrep, const PetscInt repeats[], PetscInt i)
{
  return repeats[nrep == 1 ? 0 : i];
}

/* out's local block: slab i of t's block along axis a, repeated count(lo + i) times, for every local index i */
static PetscErrorCode HtTensorRepeatLocal_Private(HtTensor t, PetscInt a, PetscInt lo, PetscInt nrep, const PetscInt repeats[], HtTensor out)
{
  PetscInt    outer = 1, inner = 1, m = t->lshape[a], pos = 0;
  size_t      es    = t->esize;
  const char *ta;
  char       *oa;

  PetscFunctionBegin;
  for (PetscInt d = 0; d < a; d++) outer *= t->lshape[d];
  for (PetscInt d = a + 1; d < t->ndim; d++) inner *= t->lshape[d];
  PetscCall((*t->ops->getarray)(t, PETSC_MEMORY_ACCESS_READ, (void **)&ta));
  PetscCall((*out->ops->getarray)(out, PETSC_MEMORY_ACCESS_WRITE, (void **)&oa));
  for (PetscInt i = 0; i < m; i++) {
    PetscInt c = HtRepeatCount(nrep, repeats, lo + i), ext[3] = {outer, c, inner};
    PetscInt sstride[3] = {m * inner, 0, 1}, dstride[3] = {out->lshape[a] * inner, inner, 1};

    PetscCall((*out->ops->copystrided)(out, 3, ext, ta + (size_t)i * inner * es, sstride, oa + (size_t)pos * inner * es, dstride));
    pos += c;
  }
  PetscCall((*out->ops->restorearray)(out, PETSC_MEMORY_ACCESS_WRITE, (void **)&oa));
  PetscCall((*t->ops->restorearray)(t, PETSC_MEMORY_ACCESS_READ, (void **)&ta));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRepeat - Repeats each element (each slab along an axis) a number of times (NumPy's repeat).

   Collective

   Input Parameters:
+  t - the tensor
.  nrep - 1 (one count for every index) or the length of the axis (one count per index)
.  repeats - the counts (>= 0)
-  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` to repeat the elements of the flattened tensor

   Output Parameter:
.  out - the tensor with axis `axis` of length sum of the counts (1-d for `HT_AXIS_NONE`), t's split and dtype

   Level: beginner

   Note:
   Repeating along another axis than the split axis is local and keeps t's layout. Along the split axis each
   rank repeats its own slabs, then the result is balanced (one exchange).

.seealso: `HtTensorTile()`, `HtTensorFlatten()`
@*/
PetscErrorCode HtTensorRepeat(HtTensor t, PetscInt nrep, const PetscInt repeats[], PetscInt axis, HtTensor *out)
{
  MPI_Comm   comm;
  PetscInt   a, lo = 0, hi, shape[HT_MAX_NDIM], nlocal = PETSC_DECIDE, local = 0;
  PetscInt64 total = 0;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 5);
  comm = PetscObjectComm((PetscObject)t);
  if (axis == HT_AXIS_NONE) {
    HtTensor flat;

    PetscCall(HtTensorFlatten(t, &flat));
    PetscCall(HtTensorRepeat(flat, nrep, repeats, 0, out));
    PetscCall(HtTensorDestroy(&flat));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtTensorNormalizeAxis_Private(t, axis, &a));
  PetscCheck(nrep == 1 || nrep == t->shape[a], comm, PETSC_ERR_ARG_SIZ, "HtTensorRepeat() takes 1 count or one per index of axis %" PetscInt_FMT " (%" PetscInt_FMT "), not %" PetscInt_FMT, a, t->shape[a], nrep);
  for (PetscInt i = 0; i < nrep; i++) PetscCheck(repeats[i] >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "Repeat counts must be >= 0; count %" PetscInt_FMT " is %" PetscInt_FMT, i, repeats[i]);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Repeat, t, 0, 0, 0));
  hi = t->shape[a];
  if (a == t->split) PetscCall(HtTensorGetOwnershipRange(t, &lo, &hi));
  for (PetscInt i = 0; i < t->shape[a]; i++) {
    total += HtRepeatCount(nrep, repeats, i);
    if (i >= lo && i < hi) local += HtRepeatCount(nrep, repeats, i);
  }
  PetscCheck(total <= PETSC_MAX_INT, comm, PETSC_ERR_ARG_OUTOFRANGE, "Repeating gives an axis of %" PetscInt64_FMT " indices, too many for %d-bit PetscInt", total, (int)(8 * sizeof(PetscInt)));
  for (PetscInt d = 0; d < t->ndim; d++) shape[d] = d == a ? (PetscInt)total : t->shape[d];
  if (t->split >= 0) nlocal = a == t->split ? local : t->lshape[t->split];
  PetscCall(HtTensorCreate_Private(comm, t->ndim, shape, t->split, t->dtype, nlocal, NULL, out));
  PetscCall(HtTensorRepeatLocal_Private(t, a, lo, nrep, repeats, *out));
  if (a == t->split) PetscCall(HtTensorBalance(*out));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Repeat, t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorDiagonal - Extracts a diagonal of a matrix (NumPy's diagonal of a 2-d array).

   Collective

   Input Parameters:
+  t - a 2-d tensor of shape (n, m)
-  offset - the diagonal: 0 the main one, > 0 above it, < 0 below it

   Output Parameter:
.  out - the 1-d tensor of the elements t[i, i + offset], of t's dtype: split 0 and balanced if t is
         distributed (along either axis), replicated otherwise; empty when the diagonal lies outside t

   Level: beginner

.seealso: `HtTensorEye()`, `HtTensorTrace()`
@*/
PetscErrorCode HtTensorDiagonal(HtTensor t, PetscInt offset, HtTensor *out)
{
  MPI_Comm    comm;
  PetscInt    r0, c0, len, lo = 0, hi, start[2] = {0, 0}, ext, sstride, dstride = 1;
  const char *ta;
  char       *oa;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 3);
  comm = PetscObjectComm((PetscObject)t);
  PetscCheck(t->ndim == 2, comm, PETSC_ERR_ARG_WRONG, "HtTensorDiagonal() needs a 2-d tensor, not %" PetscInt_FMT "-d", t->ndim);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Diagonal, t, 0, 0, 0));
  r0  = PetscMax(0, -offset); /* element k of the diagonal is t[r0 + k, c0 + k] */
  c0  = PetscMax(0, offset);
  len = PetscMax(0, PetscMin(t->shape[0] - r0, t->shape[1] - c0));
  hi  = len;
  if (t->split >= 0) { /* the diagonal elements in this rank's rows (columns) */
    PetscInt rstart, rend, base = t->split == 0 ? r0 : c0;

    PetscCall(HtTensorGetOwnershipRange(t, &rstart, &rend));
    start[t->split] = rstart;
    lo              = PetscMin(len, PetscMax(0, rstart - base));
    hi              = PetscMax(lo, PetscMin(len, rend - base));
  }
  PetscCall(HtTensorCreate_Private(comm, 1, &len, t->split >= 0 ? 0 : -1, t->dtype, t->split >= 0 ? hi - lo : PETSC_DECIDE, NULL, out));
  ext     = hi - lo;
  sstride = t->lshape[1] + 1;
  PetscCall((*t->ops->getarray)(t, PETSC_MEMORY_ACCESS_READ, (void **)&ta));
  PetscCall((*(*out)->ops->getarray)(*out, PETSC_MEMORY_ACCESS_WRITE, (void **)&oa));
  if (ext) PetscCall((*(*out)->ops->copystrided)(*out, 1, &ext, ta + (size_t)((r0 + lo - start[0]) * t->lshape[1] + c0 + lo - start[1]) * t->esize, &sstride, oa, &dstride));
  PetscCall((*(*out)->ops->restorearray)(*out, PETSC_MEMORY_ACCESS_WRITE, (void **)&oa));
  PetscCall((*t->ops->restorearray)(t, PETSC_MEMORY_ACCESS_READ, (void **)&ta));
  if (t->split >= 0) PetscCall(HtTensorBalance(*out));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Diagonal, t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}
