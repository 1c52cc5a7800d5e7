/*
   HtTensor reshapes: reshape, flatten, squeeze, expand_dims. The global row-major order is kept; the data
   move through the redistribution machinery (HtTensorRedistribute_Private) on flat 1-d views of the blocks.
*/
#include <heat/private/tensorimpl.h>

/* the new shape with its -1 entry inferred, checked against t's number of elements */
static PetscErrorCode HtReshapeResolveShape_Private(HtTensor t, PetscInt ndim, const PetscInt shape[], PetscInt newshape[])
{
  MPI_Comm   comm  = PetscObjectComm((PetscObject)t);
  PetscInt   infer = -1;
  PetscInt64 known = 1;
  PetscBool  ok;
  char       from[256], to[256];

  PetscFunctionBegin;
  PetscCheck(ndim >= 0 && ndim <= HT_MAX_NDIM, comm, PETSC_ERR_ARG_OUTOFRANGE, "A tensor has 0 to %d axes, not %" PetscInt_FMT, HT_MAX_NDIM, ndim);
  PetscCall(HtShapeToString(ndim, shape, to, sizeof(to)));
  for (PetscInt d = 0; d < ndim; d++) {
    newshape[d] = shape[d];
    if (shape[d] == -1) {
      PetscCheck(infer < 0, comm, PETSC_ERR_ARG_WRONG, "Only one axis of the new shape %s can be -1 (inferred from the number of elements)", to);
      infer = d;
    } else {
      PetscCheck(shape[d] >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "Axis %" PetscInt_FMT " of the new shape %s has length %" PetscInt_FMT "; lengths are >= 0, or -1 for one inferred axis", d, to, shape[d]);
      known *= shape[d];
    }
  }
  if (infer >= 0) {
    ok = (PetscBool)(known > 0 && t->size % known == 0);
    if (ok) newshape[infer] = (PetscInt)(t->size / known);
  } else ok = (PetscBool)(known == t->size);
  if (!ok) {
    PetscCall(HtShapeToString(t->ndim, t->shape, from, sizeof(from)));
    SETERRQ(comm, PETSC_ERR_ARG_SIZ, "Cannot reshape a tensor of shape %s (%" PetscInt_FMT " elements) into shape %s; the new shape must hold the same number of elements", from, t->size, to);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* products of shape[] before and after axis `split` */
static void HtShapeOuterInner(PetscInt ndim, const PetscInt shape[], PetscInt split, PetscInt *outer, PetscInt *inner)
{
  *outer = *inner = 1;
  for (PetscInt d = 0; d < ndim; d++) {
    if (d < split) *outer *= shape[d];
    if (d > split) *inner *= shape[d];
  }
}

/*
   Whether every rank's block of the reshaped tensor is its block of t, element for element: both replicated, or
   the split axis keeps its length and the products of the axes before and after it (inserting or removing
   axes of length 1, or regrouping axes on one side of the split axis).
*/
static PetscBool HtReshapeKeepsBlocks(HtTensor t, PetscInt ndim, const PetscInt shape[], PetscInt split)
{
  PetscInt outer, inner;

  if (t->split < 0 || split < 0) return (PetscBool)(t->split == split);
  HtShapeOuterInner(ndim, shape, split, &outer, &inner);
  return (PetscBool)(outer == t->outer && inner == t->inner && shape[split] == t->shape[t->split]);
}

/* whether the block of every rank is one contiguous range of flat global indices (no axis of length > 1 before the split axis) */
static PetscBool HtTensorIsFlat(HtTensor t)
{
  return (PetscBool)(t->split < 0 || t->outer == 1);
}

/* a tensor of shape (ndim, shape) over `array`, the local block of the flat tensor t: split 0 (t's flat range regrouped into rows), or replicated like t */
static PetscErrorCode HtTensorViewFlat_Private(HtTensor t, void *array, PetscInt ndim, const PetscInt shape[], HtTensor *view)
{
  PetscInt rowsize = 1;

  PetscFunctionBegin;
  for (PetscInt d = 1; d < ndim; d++) rowsize *= shape[d];
  PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)t), ndim, shape, t->split < 0 ? -1 : 0, t->dtype, t->split < 0 ? PETSC_DECIDE : t->nlocal / rowsize, array, view));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* whether t is flat and the flat range of every rank holds whole rows of `shape` (its block regroups into such rows) */
static PetscErrorCode HtTensorFlatRowsAligned_Private(HtTensor t, PetscInt ndim, const PetscInt shape[], PetscBool *aligned)
{
  PetscInt  rowsize = 1, offset, stride;
  PetscBool mine;

  PetscFunctionBegin;
  for (PetscInt d = 1; d < ndim; d++) rowsize *= shape[d];
  PetscCall(HtTensorGetGlobalOffset_Private(t, &offset, &stride));
  mine = (PetscBool)(HtTensorIsFlat(t) && rowsize > 0 && offset % rowsize == 0 && t->nlocal % rowsize == 0);
  PetscCall(MPIU_Allreduce(&mine, aligned, 1, MPIU_BOOL, MPI_LAND, PetscObjectComm((PetscObject)t)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef enum {
  HT_VIEW_BOTH_1D,   /* both flat: 1-d views of both blocks */
  HT_VIEW_IN_AS_OUT, /* in flat and aligned with out's rows: in's block seen in out's shape */
  HT_VIEW_OUT_AS_IN  /* out flat and aligned with in's rows: out's block seen in in's shape */
} HtReshapeView;

/* out = in in row-major order by one redistribution between views that give both sides one shape */
static PetscErrorCode HtTensorRedistributeViews_Private(HtTensor in, HtTensor out, HtReshapeView how)
{
  void    *ia, *oa;
  HtTensor vin = in, vout = out;

  PetscFunctionBegin;
  PetscCall((*in->ops->getarray)(in, PETSC_MEMORY_ACCESS_READ, &ia));
  PetscCall((*out->ops->getarray)(out, PETSC_MEMORY_ACCESS_WRITE, &oa));
  if (how == HT_VIEW_BOTH_1D) {
    PetscCall(HtTensorViewFlat_Private(in, ia, 1, &in->size, &vin));
    PetscCall(HtTensorViewFlat_Private(out, oa, 1, &out->size, &vout));
  } else if (how == HT_VIEW_IN_AS_OUT) {
    PetscCall(HtTensorViewFlat_Private(in, ia, out->ndim, out->shape, &vin));
    PetscCall(PetscObjectReference((PetscObject)out));
  } else {
    PetscCall(PetscObjectReference((PetscObject)in));
    PetscCall(HtTensorViewFlat_Private(out, oa, in->ndim, in->shape, &vout));
  }
  PetscCall(HtTensorRedistribute_Private(vin, vout));
  PetscCall(HtTensorDestroy(&vin));
  PetscCall(HtTensorDestroy(&vout));
  PetscCall((*out->ops->restorearray)(out, PETSC_MEMORY_ACCESS_WRITE, &oa));
  PetscCall((*in->ops->restorearray)(in, PETSC_MEMORY_ACCESS_READ, &ia));
  PetscCall(PetscObjectStateIncrease((PetscObject)out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   out = t in row-major order, for any splits: one redistribution when views can give both sides one shape (see
   HtReshapeView); otherwise t, when it is not flat, first goes to split 0, and out, when it is not flat, is reached
   through a split-0 tensor of its shape.
*/
static PetscErrorCode HtTensorReshapeMove_Private(HtTensor t, HtTensor out)
{
  MPI_Comm  comm = PetscObjectComm((PetscObject)t);
  PetscBool aligned;
  HtTensor  tmp;

  PetscFunctionBegin;
  if (HtTensorIsFlat(t) && HtTensorIsFlat(out)) {
    PetscCall(HtTensorRedistributeViews_Private(t, out, HT_VIEW_BOTH_1D));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtTensorFlatRowsAligned_Private(t, out->ndim, out->shape, &aligned));
  if (aligned) {
    PetscCall(HtTensorRedistributeViews_Private(t, out, HT_VIEW_IN_AS_OUT));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtTensorFlatRowsAligned_Private(out, t->ndim, t->shape, &aligned));
  if (aligned) {
    PetscCall(HtTensorRedistributeViews_Private(t, out, HT_VIEW_OUT_AS_IN));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (!HtTensorIsFlat(t)) {
    PetscCall(HtTensorCreate(comm, t->ndim, t->shape, 0, t->dtype, &tmp));
    PetscCall(HtTensorRedistribute_Private(t, tmp));
    PetscCall(HtTensorReshapeMove_Private(tmp, out));
  } else {
    PetscCall(HtTensorCreate(comm, out->ndim, out->shape, 0, out->dtype, &tmp));
    PetscCall(HtTensorReshapeMove_Private(t, tmp));
    PetscCall(HtTensorRedistribute_Private(tmp, out));
  }
  PetscCall(HtTensorDestroy(&tmp));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorReshape - Gives a tensor a new shape with the same elements in the same row-major order (NumPy's reshape).

   Collective

   Input Parameters:
+  t - the tensor
.  ndim - number of axes of the new shape
.  shape - the new shape; one entry may be -1, inferred from the number of elements
-  split - the split axis of the result, -1 for a replicated result, or `PETSC_DEFAULT` for Heat's rule:
           t's split when the number of axes is unchanged, otherwise 0 (-1 when t is replicated or the result is 0-d)

   Output Parameter:
.  out - the reshaped tensor, of t's dtype

   Level: beginner

   Notes:
   When the split axis keeps its length and the products of the axes before and after it (as when axes of
   length 1 are inserted or removed), every rank's block is unchanged: the result keeps t's layout and no
   data moves between ranks. Otherwise the result is balanced and the data move by redistribution of the flat
   row-major ranges each rank owns before and after: one exchange, with no memory beyond the input and the
   output, when neither tensor has an axis longer than 1 before its split axis (split 0, say), or when one of
   them has none and each rank's flat range of it holds whole rows (products of all axes but the first) of the
   other's shape (as with balanced layouts of lengths divisible by the number of ranks). Otherwise the data go
   through a copy split along axis 0, which costs one more exchange and one more copy of the tensor in memory.

.seealso: `HtTensorFlatten()`, `HtTensorSqueeze()`, `HtTensorExpandDims()`, `HtTensorResplit()`
@*/
PetscErrorCode HtTensorReshape(HtTensor t, PetscInt ndim, const PetscInt shape[], PetscInt split, HtTensor *out)
{
  MPI_Comm  comm;
  PetscInt  newshape[HT_MAX_NDIM];
  PetscBool keep;
  char      str[256];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 5);
  comm = PetscObjectComm((PetscObject)t);
  PetscCall(HtReshapeResolveShape_Private(t, ndim, shape, newshape));
  if (split == PETSC_DEFAULT) split = t->split < 0 || !ndim ? -1 : (ndim == t->ndim ? t->split : 0);
  if (split < -1 || split >= ndim) {
    PetscCall(HtShapeToString(ndim, newshape, str, sizeof(str)));
    SETERRQ(comm, PETSC_ERR_ARG_OUTOFRANGE, "Split %" PetscInt_FMT " is not an axis of the new shape %s; use 0..%" PetscInt_FMT ", -1 (replicated) or PETSC_DEFAULT", split, str, ndim - 1);
  }
  PetscCall(PetscLogEventBegin(HT_TENSOR_Reshape, t, 0, 0, 0));
  keep = HtReshapeKeepsBlocks(t, ndim, newshape, split);
  PetscCall(HtTensorCreate_Private(comm, ndim, newshape, split, t->dtype, keep && split >= 0 ? t->lshape[t->split] : PETSC_DECIDE, NULL, out));
  if (keep) {
    const void *ta;
    void       *oa;

    PetscCall((*t->ops->getarray)(t, PETSC_MEMORY_ACCESS_READ, (void **)&ta));
    PetscCall((*(*out)->ops->getarray)(*out, PETSC_MEMORY_ACCESS_WRITE, &oa));
    PetscCall(PetscMemcpy(oa, ta, (size_t)t->nlocal * t->esize));
    PetscCall((*(*out)->ops->restorearray)(*out, PETSC_MEMORY_ACCESS_WRITE, &oa));
    PetscCall((*t->ops->restorearray)(t, PETSC_MEMORY_ACCESS_READ, (void **)&ta));
  } else PetscCall(HtTensorReshapeMove_Private(t, *out));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Reshape, t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorFlatten - Reshapes a tensor to 1-d in row-major order (NumPy's flatten).

   Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  out - the 1-d tensor of `HtTensorGetSize()` elements, split 0 if t is distributed, else replicated

   Level: beginner

.seealso: `HtTensorReshape()`
@*/
PetscErrorCode HtTensorFlatten(HtTensor t, HtTensor *out)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorReshape(t, 1, &t->size, t->split >= 0 ? 0 : -1, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSqueeze - Removes axes of length 1 (NumPy's squeeze).

   Collective

   Input Parameters:
+  t - the tensor
.  naxes - number of axes to remove
-  axes - the axes (each of length 1; negative ones count from the end), or NULL for every axis of length 1

   Output Parameter:
.  out - the squeezed tensor

   Level: beginner

   Note:
   The split axis keeps its place among the remaining axes, so its number drops by the number of axes removed
   before it, and the layout is kept (no communication). When the split axis itself (of length 1) is removed,
   the result is replicated (split -1).

.seealso: `HtTensorExpandDims()`, `HtTensorReshape()`
@*/
PetscErrorCode HtTensorSqueeze(HtTensor t, PetscInt naxes, const PetscInt axes[], HtTensor *out)
{
  PetscBool squeeze[HT_MAX_NDIM];
  PetscInt  shape[HT_MAX_NDIM], ndim = 0, split = -1;
  char      str[256];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorAxisFlags_Private(t, naxes, axes, squeeze));
  for (PetscInt d = 0; d < t->ndim; d++) {
    if (squeeze[d] && t->shape[d] != 1 && axes) {
      PetscCall(HtShapeToString(t->ndim, t->shape, str, sizeof(str)));
      SETERRQ(PetscObjectComm((PetscObject)t), PETSC_ERR_ARG_WRONG, "Cannot squeeze axis %" PetscInt_FMT " of a tensor of shape %s: its length is %" PetscInt_FMT ", not 1", d, str, t->shape[d]);
    }
    if (squeeze[d] && t->shape[d] == 1) continue;
    if (d == t->split) split = ndim;
    shape[ndim++] = t->shape[d];
  }
  PetscCall(HtTensorReshape(t, ndim, shape, split, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorExpandDims - Inserts an axis of length 1 (NumPy's expand_dims).

   Collective

   Input Parameters:
+  t - the tensor (fewer than `HT_MAX_NDIM` axes)
-  axis - the position of the new axis in the result, -(ndim+1) .. ndim (negative counts from the end)

   Output Parameter:
.  out - the tensor with one more axis; the split axis is the same axis of the data (its number grows by one
         when the new axis comes before it) and the layout is kept (no communication)

   Level: beginner

.seealso: `HtTensorSqueeze()`, `HtTensorStack()`, `HtTensorReshape()`
@*/
PetscErrorCode HtTensorExpandDims(HtTensor t, PetscInt axis, HtTensor *out)
{
  MPI_Comm comm;
  PetscInt shape[HT_MAX_NDIM];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  comm = PetscObjectComm((PetscObject)t);
  PetscCheck(t->ndim < HT_MAX_NDIM, comm, PETSC_ERR_ARG_OUTOFRANGE, "Cannot add an axis to a tensor of %d axes, the most there can be", HT_MAX_NDIM);
  PetscCheck(axis >= -(t->ndim + 1) && axis <= t->ndim, comm, PETSC_ERR_ARG_OUTOFRANGE, "Axis %" PetscInt_FMT " is out of range for inserting an axis into a %" PetscInt_FMT "-d tensor (valid: %" PetscInt_FMT " to %" PetscInt_FMT ")", axis, t->ndim, -(t->ndim + 1), t->ndim);
  if (axis < 0) axis += t->ndim + 1;
  for (PetscInt d = 0; d <= t->ndim; d++) shape[d] = d < axis ? t->shape[d] : d == axis ? 1 : t->shape[d - 1];
  PetscCall(HtTensorReshape(t, t->ndim + 1, shape, t->split >= axis ? t->split + 1 : t->split, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}
