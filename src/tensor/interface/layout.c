/*
   HtTensor: layouts and redistribution (SetLayout, Balance, Resplit), copies and conversions.
*/
#include <heat/private/tensorimpl.h>

/* a zero tensor of the same shape, split and layout as t, with element type dtype */
static PetscErrorCode HtTensorCreateLike_Private(HtTensor t, HtDType dtype, HtTensor *out)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)t), t->ndim, t->shape, t->split, dtype, t->split >= 0 ? t->lshape[t->split] : PETSC_DECIDE, NULL, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* t takes the layout and storage of src; src is destroyed */
static PetscErrorCode HtTensorReplaceStorage_Private(HtTensor t, HtTensor *src)
{
  HtTensor s = *src;

  PetscFunctionBegin;
  PetscCheck(!t->arraylocks, PETSC_COMM_SELF, PETSC_ERR_ORDER, "Cannot change the layout of a tensor whose array is held; restore it first");
  PetscCall((*t->ops->freestorage)(t));
  PetscCall(PetscLayoutDestroy(&t->map));
  t->map      = s->map;
  t->vec      = s->vec;
  t->array    = s->array;
  t->owned    = s->owned;
  t->nlocal   = s->nlocal;
  for (PetscInt d = 0; d < t->ndim; d++) t->lshape[d] = s->lshape[d];
  s->map      = NULL;
  s->vec      = NULL;
  s->array    = NULL;
  s->owned    = NULL;
  PetscCall(HtTensorDestroy(src));
  PetscCall(PetscObjectStateIncrease((PetscObject)t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSetLayout - Redistributes a tensor so that this rank owns `nlocal` indices of the split axis; the values are kept.

   Collective

   Input Parameters:
+  t - the tensor (split >= 0)
-  nlocal - local length of the split axis on this rank, or `PETSC_DECIDE` for the balanced layout

   Level: intermediate

   Note:
   The local lengths must add up to the global length of the split axis. A tensor created with
   `HtTensorCreateWithArray()` gets storage of its own.

.seealso: `HtTensorBalance()`, `HtTensorCreateWithLayout()`, `HtTensorGetOwnershipRange()`
@*/
PetscErrorCode HtTensorSetLayout(HtTensor t, PetscInt nlocal)
{
  HtTensor tmp;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscCheck(t->split >= 0, PetscObjectComm((PetscObject)t), PETSC_ERR_ARG_WRONGSTATE, "A replicated tensor (split -1) has no layout to set; use HtTensorResplit() to distribute it");
  PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)t), t->ndim, t->shape, t->split, t->dtype, nlocal, NULL, &tmp));
  PetscCall(HtTensorRedistribute_Private(t, tmp));
  PetscCall(HtTensorReplaceStorage_Private(t, &tmp));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorIsBalanced - Tells whether the split axis is distributed as `PetscSplitOwnership()` would.

   Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  balanced - `PETSC_TRUE` on every rank if every rank holds its balanced share (always for split -1)

   Level: intermediate

.seealso: `HtTensorBalance()`
@*/
PetscErrorCode HtTensorIsBalanced(HtTensor t, PetscBool *balanced)
{
  PetscInt  n = PETSC_DECIDE, N;
  PetscBool mine;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  if (t->split < 0) {
    *balanced = PETSC_TRUE;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  N = t->shape[t->split];
  PetscCall(PetscSplitOwnership(PetscObjectComm((PetscObject)t), &n, &N));
  mine = (PetscBool)(n == t->map->n);
  PetscCall(MPIU_Allreduce(&mine, balanced, 1, MPIU_BOOL, MPI_LAND, PetscObjectComm((PetscObject)t)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorBalance - Redistributes the split axis to the balanced layout (a no-op if it already is).

   Collective

   Input Parameter:
.  t - the tensor

   Level: intermediate

.seealso: `HtTensorIsBalanced()`, `HtTensorSetLayout()`
@*/
PetscErrorCode HtTensorBalance(HtTensor t)
{
  PetscBool balanced;

  PetscFunctionBegin;
  PetscCall(HtTensorIsBalanced(t, &balanced));
  if (!balanced) PetscCall(HtTensorSetLayout(t, PETSC_DECIDE));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorResplit - Creates a copy of a tensor distributed along another axis.

   Collective

   Input Parameters:
+  t - the tensor
-  split - the new split axis (0 .. ndim-1), or -1 to give every rank the whole tensor

   Output Parameter:
.  out - the new tensor, balanced

   Level: beginner

   Note:
   One all-to-all exchange with MPI subarray datatypes moves every block from its
   owner to its new owner; no rank holds more than its own blocks (except for a
   split -1 target, which is the whole tensor on every rank).

.seealso: `HtTensorGetSplit()`, `HtTensorBalance()`
@*/
PetscErrorCode HtTensorResplit(HtTensor t, PetscInt split, HtTensor *out)
{
  MPI_Comm comm;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 3);
  comm = PetscObjectComm((PetscObject)t);
  PetscCheck(split >= -1 && split < t->ndim, comm, PETSC_ERR_ARG_OUTOFRANGE, "Cannot resplit a %" PetscInt_FMT "-d tensor along axis %" PetscInt_FMT "; use 0..%" PetscInt_FMT " or -1", t->ndim, split, t->ndim - 1);
  PetscCall(HtTensorCreate(comm, t->ndim, t->shape, split, t->dtype, out));
  PetscCall(HtTensorRedistribute_Private(t, *out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorDuplicate - Creates a zero tensor with the same shape, split, layout and dtype (values are not copied).

   Collective

   Input Parameter:
.  t - the model tensor

   Output Parameter:
.  out - the new tensor

   Level: beginner

.seealso: `HtTensorCopy()`
@*/
PetscErrorCode HtTensorDuplicate(HtTensor t, HtTensor *out)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 2);
  PetscCall(HtTensorCreateLike_Private(t, t->dtype, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorCopy - Copies the values of x into y: same shape and dtype, any split or layout.

   Collective

   Input Parameters:
+  x - the source
-  y - the destination

   Level: beginner

.seealso: `HtTensorDuplicate()`, `HtTensorResplit()`
@*/
PetscErrorCode HtTensorCopy(HtTensor x, HtTensor y)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidHeaderSpecific(y, HT_TENSOR_CLASSID, 2);
  if (x == y) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCheck(x->dtype == y->dtype, PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_WRONG, "Cannot copy a tensor of dtype %s into one of dtype %s; convert it with HtTensorAsType()", HtDTypes[x->dtype], HtDTypes[y->dtype]);
  PetscCall(HtTensorRedistribute_Private(x, y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorAsType - Creates a copy of a tensor with another element type (NumPy's astype).

   Collective

   Input Parameters:
+  t - the tensor
-  dtype - the new element type

   Output Parameter:
.  out - the new tensor, same layout; scalars become integers by truncation toward zero (a NaN, an infinity or a value
          beyond the range of `PetscInt` is an error, where NumPy gives an arbitrary integer), and booleans are `x != 0`

   Level: beginner

.seealso: `HtTensorGetDType()`
@*/
PetscErrorCode HtTensorAsType(HtTensor t, HtDType dtype, HtTensor *out)
{
  PetscInt nbad;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 3);
  PetscCall(HtTensorCreateLike_Private(t, dtype, out));
  PetscCall((*t->ops->convert)(t, *out, &nbad));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &nbad, 1, MPIU_INT, MPI_SUM, PetscObjectComm((PetscObject)t)));
  if (nbad) PetscCall(HtTensorDestroy(out));
  PetscCheck(!nbad, PetscObjectComm((PetscObject)t), PETSC_ERR_ARG_OUTOFRANGE, "%" PetscInt_FMT " values are NaN, infinite or beyond the range of PetscInt: no HT_INT holds them", nbad);
  PetscFunctionReturn(PETSC_SUCCESS);
}
