/*
   NumPy broadcasting of distributed tensors: the result shape, the result's split and layout (Heat's
   rule), the alignment of every operand's local block to the result's, and the map from the result's
   local elements to the operands' (HtBroadcast), shared by every operation that combines tensors
   elementwise.
*/
#include <heat/private/tensorimpl.h>

/* the result axis that axis `axis` of an operand of `ndim` axes stands on, when the result has `rndim` axes */
static inline PetscInt HtBroadcastAxis(PetscInt rndim, PetscInt ndim, PetscInt axis)
{
  return axis + rndim - ndim;
}

/* "(3, 4) (5,)": the shapes of the operands, for error messages */
static PetscErrorCode HtBroadcastShapesToString(PetscInt nop, const HtTensor in[], char str[], size_t len)
{
  char one[256];

  PetscFunctionBegin;
  str[0] = 0;
  for (PetscInt k = 0; k < nop; k++) {
    PetscCall(HtShapeToString(in[k]->ndim, in[k]->shape, one, sizeof(one)));
    if (k) PetscCall(PetscStrlcat(str, " ", len));
    PetscCall(PetscStrlcat(str, one, len));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtBroadcastShape_Private - the shape that NumPy broadcasting gives to `nop` operands (axes matched
   from the last; on each axis the lengths are equal or 1). Errors, on every rank alike, when the
   operands do not share a communicator or their shapes do not broadcast.
*/
PetscErrorCode HtBroadcastShape_Private(PetscInt nop, const HtTensor in[], PetscInt *ndim, PetscInt shape[])
{
  MPI_Comm  comm = PetscObjectComm((PetscObject)in[0]);
  PetscBool ok   = PETSC_TRUE;
  char      shapes[1024];

  PetscFunctionBegin;
  for (PetscInt k = 1; k < nop; k++) {
    PetscMPIInt same;

    PetscCallMPI(MPI_Comm_compare(comm, PetscObjectComm((PetscObject)in[k]), &same));
    PetscCheck(same == MPI_IDENT || same == MPI_CONGRUENT, comm, PETSC_ERR_ARG_NOTSAMECOMM, "Operand %" PetscInt_FMT " lives on another communicator than operand 0; create the operands of an elementwise operation on the same communicator", k);
  }
  *ndim = 0;
  for (PetscInt k = 0; k < nop; k++) *ndim = PetscMax(*ndim, in[k]->ndim);
  for (PetscInt d = 0; d < *ndim; d++) shape[d] = 1;
  for (PetscInt k = 0; k < nop; k++) {
    for (PetscInt e = 0; e < in[k]->ndim; e++) {
      PetscInt d = HtBroadcastAxis(*ndim, in[k]->ndim, e), n = in[k]->shape[e];

      if (shape[d] == 1) shape[d] = n;
      else if (n != 1 && n != shape[d]) ok = PETSC_FALSE;
    }
  }
  if (!ok) {
    PetscCall(HtBroadcastShapesToString(nop, in, shapes, sizeof(shapes)));
    SETERRQ(comm, PETSC_ERR_ARG_SIZ, "operands could not be broadcast together with shapes %s; from the last axis on, the lengths of each axis must be equal or 1", shapes);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorBroadcastShapes - The shape of the result of an elementwise operation on tensors (NumPy's broadcast_shapes).

   Collective

   Input Parameters:
+  n - the number of tensors (1 to 3)
-  tensors - the tensors, on one communicator

   Output Parameters:
+  ndim - the number of axes of the result
-  shape - its shape (`HT_MAX_NDIM` entries of room)

   Level: intermediate

   Note:
   The axes are matched from the last one; on each axis the lengths must be equal or 1 (a length 1
   repeats along the axis), and a tensor with fewer axes gains leading axes of length 1.

.seealso: `HtTensorBinary()`, `HtTensorWhere()`
@*/
PetscErrorCode HtTensorBroadcastShapes(PetscInt n, const HtTensor tensors[], PetscInt *ndim, PetscInt shape[])
{
  PetscFunctionBegin;
  PetscCheck(n >= 1 && n <= HT_BROADCAST_MAX_OPERANDS, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorBroadcastShapes() takes 1 to %d tensors, not %" PetscInt_FMT, HT_BROADCAST_MAX_OPERANDS, n);
  for (PetscInt k = 0; k < n; k++) PetscValidHeaderSpecific(tensors[k], HT_TENSOR_CLASSID, 2);
  PetscValidIntPointer(ndim, 3);
  PetscCall(HtBroadcastShape_Private(n, tensors, ndim, shape));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   The split of the result (Heat's rule): the split of the first operand that is split along an axis it
   does not broadcast, with that operand's layout (so it needs no communication); failing that, the
   first split operand's split with a balanced layout (an operand split along an axis of length 1 has
   its data on one rank); else -1.
*/
static void HtBroadcastChooseSplit(PetscInt nop, const HtTensor in[], PetscInt ndim, const PetscInt shape[], PetscInt *split, PetscInt *nlocal)
{
  *split  = -1;
  *nlocal = PETSC_DECIDE;
  for (PetscInt pass = 0; pass < 2; pass++) {
    for (PetscInt k = 0; k < nop; k++) {
      const HtTensor x = in[k];
      PetscInt       d;

      if (x->split < 0) continue;
      d = HtBroadcastAxis(ndim, x->ndim, x->split);
      if (pass == 0 && x->shape[x->split] != shape[d]) continue;
      *split  = d;
      *nlocal = pass == 0 ? x->lshape[x->split] : PETSC_DECIDE;
      return;
    }
  }
}

/*
   HtTensorBroadcastCreate_Private - a tensor (values undefined) of dtype `dtype` with the broadcast shape of the
   operands and the split and layout that Heat's rule gives the result of an elementwise operation
*/
PetscErrorCode HtTensorBroadcastCreate_Private(PetscInt nop, const HtTensor in[], HtDType dtype, HtTensor *out)
{
  PetscInt ndim, shape[HT_MAX_NDIM], split, nlocal;

  PetscFunctionBegin;
  PetscCall(HtBroadcastShape_Private(nop, in, &ndim, shape));
  HtBroadcastChooseSplit(nop, in, ndim, shape, &split, &nlocal);
  PetscCall(HtTensorCreateUninitialized_Private(PetscObjectComm((PetscObject)in[0]), ndim, shape, split, dtype, nlocal, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtBroadcastCheckOutput_Private - error unless the operands broadcast to the shape of `out`, as
   needed to write the result into an existing tensor (in-place operations)
*/
PetscErrorCode HtBroadcastCheckOutput_Private(HtTensor out, PetscInt nop, const HtTensor in[])
{
  PetscInt  ndim, shape[HT_MAX_NDIM];
  PetscBool same;
  char      sout[256], sres[256];

  PetscFunctionBegin;
  PetscCall(HtBroadcastShape_Private(nop, in, &ndim, shape));
  same = (PetscBool)(ndim == out->ndim);
  for (PetscInt d = 0; same && d < ndim; d++) same = (PetscBool)(shape[d] == out->shape[d]);
  if (!same) {
    PetscCall(HtShapeToString(out->ndim, out->shape, sout, sizeof(sout)));
    PetscCall(HtShapeToString(ndim, shape, sres, sizeof(sres)));
    SETERRQ(PetscObjectComm((PetscObject)out), PETSC_ERR_ARG_SIZ, "non-broadcastable output operand with shape %s doesn't match the broadcast shape %s; use the operation that creates its result", sout, sres);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* [lo, hi): the range of axis `axis` of x that rank `rank` stores */
static void HtTensorGetAxisRange(HtTensor x, PetscInt axis, PetscMPIInt rank, PetscInt *lo, PetscInt *hi)
{
  *lo = axis == x->split ? x->map->range[rank] : 0;
  *hi = axis == x->split ? x->map->range[rank + 1] : x->shape[axis];
}

/*
   Whether, on every rank, the local block of x holds every element of x that the local block of out
   reads. Only the split axis of x can miss some: it must cover the range of out's block on that axis
   (index 0 when x broadcasts along it). Decided from the layouts alone, so alike on every rank.
*/
static PetscBool HtBroadcastCovers(HtTensor out, HtTensor x)
{
  PetscMPIInt size = x->map ? (PetscMPIInt)x->map->size : 1;
  PetscInt    e = x->split, d;

  if (e < 0 || out->size == 0) return PETSC_TRUE;
  d = HtBroadcastAxis(out->ndim, x->ndim, e);
  for (PetscMPIInt q = 0; q < size; q++) {
    PetscInt lo, hi, have_lo, have_hi;

    HtTensorGetAxisRange(out, d, q, &lo, &hi);
    if (hi == lo) continue; /* out's block on q is empty */
    if (x->shape[e] == 1) {
      lo = 0;
      hi = 1;
    }
    HtTensorGetAxisRange(x, e, q, &have_lo, &have_hi);
    if (lo < have_lo || hi > have_hi) return PETSC_FALSE;
  }
  return PETSC_TRUE;
}

/*
   x itself (a new reference) when its local blocks serve out's, else a copy redistributed to do so:
   split along out's split axis with out's layout when x has that axis at full length, else replicated
   (x then has length 1 along out's split axis or lacks it, so it is no larger than the result's local
   block once the split axis has at least as many indices as there are ranks).
*/
static PetscErrorCode HtTensorBroadcastAlign(HtTensor out, HtTensor x, HtTensor *aligned)
{
  PetscInt e = out->split - (out->ndim - x->ndim), split = -1, nlocal = PETSC_DECIDE;

  PetscFunctionBegin;
  if (HtBroadcastCovers(out, x)) {
    PetscCall(PetscObjectReference((PetscObject)x));
    *aligned = x;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (out->split >= 0 && e >= 0 && x->shape[e] != 1) {
    split  = e;
    nlocal = out->lshape[out->split];
  }
  PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)x), x->ndim, x->shape, split, x->dtype, nlocal, NULL, aligned));
  PetscCall(HtTensorRedistribute_Private(x, *aligned));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the element strides of each operand along out's axes (0 where it broadcasts) and its first element */
static void HtBroadcastOperandStrides(HtTensor out, HtTensor x, PetscInt stride[], PetscInt *offset)
{
  PetscInt step = 1;

  *offset = 0;
  for (PetscInt d = out->ndim - 1; d >= 0; d--) {
    PetscInt e = d - (out->ndim - x->ndim);

    stride[d] = 0;
    if (e < 0) continue;
    if (x->shape[e] != 1) {
      stride[d] = step;
      *offset += (HtTensorLocalStart(out, d) - HtTensorLocalStart(x, e)) * step;
    }
    step *= x->lshape[e];
  }
}

/* merges the axes of the map: drops those of length 1 and joins neighbours that every operand steps through alike */
static void HtBroadcastMerge(HtTensor out, HtBroadcast *bc, PetscInt stride[][HT_MAX_NDIM])
{
  PetscInt nd = 0;

  for (PetscInt d = 0; d < out->ndim; d++) {
    PetscBool join = (PetscBool)(nd > 0);

    if (out->lshape[d] == 1) continue;
    for (PetscInt k = 0; join && k < bc->nop; k++) join = (PetscBool)(bc->stride[k][nd - 1] == stride[k][d] * out->lshape[d]);
    if (join) bc->shape[nd - 1] *= out->lshape[d];
    else bc->shape[nd++] = out->lshape[d];
    for (PetscInt k = 0; k < bc->nop; k++) bc->stride[k][nd - 1] = stride[k][d];
  }
  if (!nd) { /* a single element */
    bc->shape[nd] = 1;
    for (PetscInt k = 0; k < bc->nop; k++) bc->stride[k][nd] = 0;
    nd = 1;
  }
  bc->ndim  = nd;
  bc->nruns = 1;
  for (PetscInt d = 0; d < nd - 1; d++) bc->nruns *= bc->shape[d];
}

/*
   HtBroadcastBegin_Private - prepares an elementwise operation whose result is the existing tensor
   `out` (its shape the broadcast shape of the operands): converts the operands to `dtypes` (NULL: as
   they are), aligns them to out's layout by redistribution where needed, fills the broadcast map and
   gets the local arrays (arrays[k] for operand k, read-only; outarray read-write). An operand that is
   `out` itself shares out's array. End with HtBroadcastEnd_Private().
*/
PetscErrorCode HtBroadcastBegin_Private(HtTensor out, PetscInt nop, const HtTensor in[], const HtDType dtypes[], HtBroadcast *bc, const void *arrays[], void **outarray)
{
  PetscInt  stride[HT_BROADCAST_MAX_OPERANDS][HT_MAX_NDIM];
  PetscBool inplace = PETSC_FALSE;

  PetscFunctionBegin;
  PetscCheck(nop >= 1 && nop <= HT_BROADCAST_MAX_OPERANDS, PETSC_COMM_SELF, PETSC_ERR_PLIB, "A broadcast takes 1 to %d operands", HT_BROADCAST_MAX_OPERANDS);
  PetscCall(PetscMemzero(bc, sizeof(*bc)));
  bc->nop = nop;
  for (PetscInt k = 0; k < nop; k++) {
    HtTensor converted;

    PetscCall(HtTensorGetAsType_Private(in[k], dtypes ? dtypes[k] : in[k]->dtype, &converted));
    PetscCall(HtTensorBroadcastAlign(out, converted, &bc->aligned[k]));
    PetscCall(HtTensorDestroy(&converted));
    HtBroadcastOperandStrides(out, bc->aligned[k], stride[k], &bc->offset[k]);
    if (bc->aligned[k] == out) inplace = PETSC_TRUE;
  }
  HtBroadcastMerge(out, bc, stride);
  if (!out->nlocal) bc->nruns = 0;
  if (inplace) PetscCall(HtTensorGetArray(out, outarray));
  else PetscCall(HtTensorGetArrayWrite(out, outarray));
  for (PetscInt k = 0; k < nop; k++) {
    if (bc->aligned[k] == out) arrays[k] = *outarray;
    else PetscCall(HtTensorGetArrayRead(bc->aligned[k], (void *)&arrays[k]));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtBroadcastEnd_Private - restores the arrays of HtBroadcastBegin_Private() and frees the aligned operands
*/
PetscErrorCode HtBroadcastEnd_Private(HtTensor out, HtBroadcast *bc, const void *arrays[], void **outarray)
{
  PetscBool inplace = PETSC_FALSE;

  PetscFunctionBegin;
  for (PetscInt k = 0; k < bc->nop; k++) {
    if (bc->aligned[k] == out) inplace = PETSC_TRUE;
    else PetscCall(HtTensorRestoreArrayRead(bc->aligned[k], (void *)&arrays[k]));
    PetscCall(HtTensorDestroy(&bc->aligned[k]));
  }
  if (inplace) PetscCall(HtTensorRestoreArray(out, outarray));
  else PetscCall(HtTensorRestoreArrayWrite(out, outarray));
  PetscFunctionReturn(PETSC_SUCCESS);
}
