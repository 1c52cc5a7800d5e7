/*
   HtTensor joins: concatenate, stack, tile. Operands are placed into the result by slab moves
   (HtTensorMoveSlabs_Private), which also align operands of different splits and layouts.
*/
#include <heat/private/tensorimpl.h>

/* every operand shares the communicator, dtype and ndim of ts[0], and its shape except along axis (axis -1: stacking, every axis) */
static PetscErrorCode HtJoinCheck_Private(PetscInt n, const HtTensor ts[], PetscInt axis)
{
  MPI_Comm comm = PetscObjectComm((PetscObject)ts[0]);
  char     s0[256], sk[256];

  PetscFunctionBegin;
  for (PetscInt k = 1; k < n; k++) {
    PetscMPIInt flag;
    PetscBool   same;

    PetscValidHeaderSpecific(ts[k], HT_TENSOR_CLASSID, 2);
    PetscCallMPI(MPI_Comm_compare(comm, PetscObjectComm((PetscObject)ts[k]), &flag));
    PetscCheck(flag == MPI_IDENT || flag == MPI_CONGRUENT, comm, PETSC_ERR_ARG_NOTSAMECOMM, "Tensor %" PetscInt_FMT " lives on another communicator than tensor 0; the tensors to join must share one", k);
    PetscCheck(ts[k]->dtype == ts[0]->dtype, comm, PETSC_ERR_ARG_WRONG, "Tensor %" PetscInt_FMT " has dtype %s but tensor 0 has dtype %s; convert it with HtTensorAsType()", k, HtDTypes[ts[k]->dtype], HtDTypes[ts[0]->dtype]);
    same = (PetscBool)(ts[k]->ndim == ts[0]->ndim);
    for (PetscInt d = 0; same && d < ts[0]->ndim; d++) same = (PetscBool)(d == axis || ts[k]->shape[d] == ts[0]->shape[d]);
    if (same) continue;
    PetscCall(HtShapeToString(ts[0]->ndim, ts[0]->shape, s0, sizeof(s0)));
    PetscCall(HtShapeToString(ts[k]->ndim, ts[k]->shape, sk, sizeof(sk)));
    if (axis >= 0) SETERRQ(comm, PETSC_ERR_ARG_SIZ, "Cannot concatenate along axis %" PetscInt_FMT " tensor 0 of shape %s and tensor %" PetscInt_FMT " of shape %s; all other axes must have the same lengths", axis, s0, k, sk);
    else SETERRQ(comm, PETSC_ERR_ARG_SIZ, "Cannot stack tensor 0 of shape %s and tensor %" PetscInt_FMT " of shape %s; stacked tensors must all have one shape", s0, k, sk);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   The local length of the result's split axis: along the concatenation axis, the sum of this rank's shares of
   the operands (its local length of an operand split there, its balanced share of the others); along another
   axis, the local length of the first operand split there.
*/
static PetscErrorCode HtConcatLocalLength_Private(PetscInt n, const HtTensor ts[], PetscInt axis, PetscInt split, PetscInt *nlocal)
{
  PetscFunctionBegin;
  *nlocal = 0;
  for (PetscInt k = 0; k < n; k++) {
    PetscInt share = PETSC_DECIDE, len = ts[k]->shape[split];

    if (split != axis && ts[k]->split == split) {
      *nlocal = ts[k]->lshape[split];
      break;
    }
    if (split != axis) continue;
    if (ts[k]->split == split) share = ts[k]->lshape[split];
    else PetscCall(PetscSplitOwnership(PetscObjectComm((PetscObject)ts[k]), &share, &len));
    *nlocal += share;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorConcatenate - Joins tensors along an existing axis (NumPy's concatenate).

   Collective

   Input Parameters:
+  n - number of tensors (>= 1)
.  ts - the tensors: one communicator, one dtype, at least one axis, equal lengths on every axis but `axis`
-  axis - the axis to join along (negative counts from the end)

   Output Parameter:
.  out - the joined tensor

   Level: beginner

   Notes:
   The result is split along the split axis of the first distributed operand (replicated if none is); operands
   with another split or layout are aligned while they are moved into place, in one all-to-all exchange each.
   When the result is split along `axis`, each rank owns as much of it as it owns of the operands together (of
   an operand split otherwise, its balanced share): the pieces of the operands interleave over the ranks and the
   layout need not be balanced; call `HtTensorBalance()` if a balanced layout is needed. When it is split along
   another axis, it has the layout of the first operand split there.

.seealso: `HtTensorStack()`, `HtTensorTile()`, `HtTensorBalance()`
@*/
PetscErrorCode HtTensorConcatenate(PetscInt n, const HtTensor ts[], PetscInt axis, HtTensor *out)
{
  MPI_Comm comm;
  PetscInt shape[HT_MAX_NDIM], split = -1, nlocal = PETSC_DECIDE, offset = 0;

  PetscFunctionBegin;
  PetscCheck(n >= 1, PETSC_COMM_SELF, PETSC_ERR_ARG_SIZ, "Concatenation needs at least one tensor, not %" PetscInt_FMT, n);
  PetscValidPointer(ts, 2);
  PetscValidHeaderSpecific(ts[0], HT_TENSOR_CLASSID, 2);
  PetscValidPointer(out, 4);
  comm = PetscObjectComm((PetscObject)ts[0]);
  PetscCheck(ts[0]->ndim >= 1, comm, PETSC_ERR_ARG_WRONG, "Cannot concatenate 0-d tensors; stack them with HtTensorStack()");
  PetscCall(HtTensorNormalizeAxis_Private(ts[0], axis, &axis));
  PetscCall(HtJoinCheck_Private(n, ts, axis));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Concatenate, ts[0], 0, 0, 0));
  for (PetscInt d = 0; d < ts[0]->ndim; d++) shape[d] = ts[0]->shape[d];
  shape[axis] = 0;
  for (PetscInt k = n - 1; k >= 0; k--) {
    shape[axis] += ts[k]->shape[axis];
    if (ts[k]->split >= 0) split = ts[k]->split;
  }
  if (split >= 0) PetscCall(HtConcatLocalLength_Private(n, ts, axis, split, &nlocal));
  PetscCall(HtTensorCreate_Private(comm, ts[0]->ndim, shape, split, ts[0]->dtype, nlocal, NULL, out));
  for (PetscInt k = 0; k < n; k++) {
    HtSlab slab = {0, offset, ts[k]->shape[axis]};

    PetscCall(HtTensorMoveSlabs_Private(ts[k], *out, axis, 1, &slab, NULL));
    offset += slab.len;
  }
  PetscCall(PetscLogEventEnd(HT_TENSOR_Concatenate, ts[0], 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorStack - Joins tensors of one shape along a new axis (NumPy's stack).

   Collective

   Input Parameters:
+  n - number of tensors (>= 1)
.  ts - the tensors, of one shape, communicator and dtype
-  axis - the position of the new axis in the result, -(ndim+1) .. ndim

   Output Parameter:
.  out - the stacked tensor, with one more axis than the operands

   Level: beginner

   Note:
   `HtTensorExpandDims()` of every operand, then `HtTensorConcatenate()` along the new axis: the split follows
   the operands' split axis, whose number grows by one when the new axis comes before it.

.seealso: `HtTensorConcatenate()`, `HtTensorExpandDims()`
@*/
PetscErrorCode HtTensorStack(PetscInt n, const HtTensor ts[], PetscInt axis, HtTensor *out)
{
  HtTensor *expanded;

  PetscFunctionBegin;
  PetscCheck(n >= 1, PETSC_COMM_SELF, PETSC_ERR_ARG_SIZ, "Stacking needs at least one tensor, not %" PetscInt_FMT, n);
  PetscValidPointer(ts, 2);
  PetscValidHeaderSpecific(ts[0], HT_TENSOR_CLASSID, 2);
  PetscCall(HtJoinCheck_Private(n, ts, -1));
  PetscCall(PetscMalloc1(n, &expanded));
  for (PetscInt k = 0; k < n; k++) PetscCall(HtTensorExpandDims(ts[k], axis, &expanded[k]));
  PetscCall(HtTensorConcatenate(n, expanded, axis, out));
  for (PetscInt k = 0; k < n; k++) PetscCall(HtTensorDestroy(&expanded[k]));
  PetscCall(PetscFree(expanded));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* T's local block = P's local block repeated reps[d] times along every axis d but the split axis (one strided copy) */
static PetscErrorCode HtTensorTileLocal_Private(HtTensor P, const PetscInt reps[], HtTensor T)
{
  PetscInt    ext[2 * HT_MAX_NDIM], sstride[2 * HT_MAX_NDIM], dstride[2 * HT_MAX_NDIM], ps = 1, ts = 1;
  const void *pa;
  void       *ta;

  PetscFunctionBegin;
  for (PetscInt d = P->ndim - 1; d >= 0; d--) { /* axis d becomes (repetition, index) */
    ext[2 * d]         = d == P->split ? 1 : reps[d];
    ext[2 * d + 1]     = P->lshape[d];
    sstride[2 * d]     = 0;
    sstride[2 * d + 1] = ps;
    dstride[2 * d]     = P->lshape[d] * ts;
    dstride[2 * d + 1] = ts;
    ps *= P->lshape[d];
    ts *= T->lshape[d];
  }
  PetscCall((*P->ops->getarray)(P, PETSC_MEMORY_ACCESS_READ, (void **)&pa));
  PetscCall((*T->ops->getarray)(T, PETSC_MEMORY_ACCESS_WRITE, &ta));
  PetscCall((*T->ops->copystrided)(T, 2 * P->ndim, ext, pa, sstride, ta, dstride));
  PetscCall((*T->ops->restorearray)(T, PETSC_MEMORY_ACCESS_WRITE, &ta));
  PetscCall((*P->ops->restorearray)(P, PETSC_MEMORY_ACCESS_READ, (void **)&pa));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorTile - Repeats a whole tensor along every axis (NumPy's tile).

   Collective

   Input Parameters:
+  t - the tensor
.  nreps - number of entries of reps
-  reps - the number of copies along each axis (>= 0), aligned with the last axes of t; with more entries
          than t has axes, t is first promoted by prepending axes of length 1

   Output Parameter:
.  out - the tiled tensor, of shape shape[d] * reps[d] (max(nreps, ndim) axes)

   Level: beginner

   Note:
   The result is split along t's split axis (renumbered when axes are prepended). Copies along the other axes
   are made locally, keeping t's layout; copies along the split axis are moved to their owners in one
   all-to-all exchange and the result is balanced.

.seealso: `HtTensorRepeat()`, `HtTensorConcatenate()`
@*/
PetscErrorCode HtTensorTile(HtTensor t, PetscInt nreps, const PetscInt reps[], HtTensor *out)
{
  MPI_Comm comm;
  PetscInt ndim, shape[HT_MAX_NDIM], preps[HT_MAX_NDIM], oshape[HT_MAX_NDIM], a;
  HtTensor P = t, T;
  HtSlab  *slabs;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 4);
  comm = PetscObjectComm((PetscObject)t);
  ndim = PetscMax(nreps, t->ndim);
  PetscCheck(ndim <= HT_MAX_NDIM, comm, PETSC_ERR_ARG_OUTOFRANGE, "Tiling with %" PetscInt_FMT " repetitions gives more than %d axes", nreps, HT_MAX_NDIM);
  for (PetscInt d = 0; d < ndim; d++) {
    shape[d] = d < ndim - t->ndim ? 1 : t->shape[d - (ndim - t->ndim)];
    preps[d] = d < ndim - nreps ? 1 : reps[d - (ndim - nreps)];
    PetscCheck(preps[d] >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "Tile repetitions must be >= 0; entry %" PetscInt_FMT " is %" PetscInt_FMT, d - (ndim - nreps), preps[d]);
    oshape[d] = shape[d] * preps[d];
  }
  PetscCall(PetscLogEventBegin(HT_TENSOR_Tile, t, 0, 0, 0));
  if (ndim > t->ndim) PetscCall(HtTensorReshape(t, ndim, shape, t->split >= 0 ? t->split + ndim - t->ndim : -1, &P));
  a = P->split;
  if (a >= 0) oshape[a] = shape[a]; /* the split axis is tiled by the exchange below */
  PetscCall(HtTensorCreateShaped_Private(P, oshape, PETSC_TRUE, &T));
  PetscCall(HtTensorTileLocal_Private(P, preps, T));
  if (P != t) PetscCall(HtTensorDestroy(&P));
  if (a < 0 || preps[a] == 1) *out = T;
  else {
    oshape[a] = shape[a] * preps[a];
    PetscCall(HtTensorCreateShaped_Private(T, oshape, PETSC_FALSE, out));
    PetscCall(PetscMalloc1(preps[a], &slabs));
    for (PetscInt k = 0; k < preps[a]; k++) slabs[k] = (HtSlab){0, k * shape[a], shape[a]};
    PetscCall(HtTensorMoveSlabs_Private(T, *out, a, preps[a], slabs, NULL));
    PetscCall(PetscFree(slabs));
    PetscCall(HtTensorDestroy(&T));
  }
  PetscCall(PetscLogEventEnd(HT_TENSOR_Tile, t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}
