/*
   HtTensor manipulation: the slab mover that the manipulation operations share, and flip, roll, pad.

   HtTensorMoveSlabs_Private() generalizes HtTensorRedistribute_Private(): it copies slabs of one tensor
   into another at shifted positions (out[dst + i] = in[src + i] along one axis, at an offset along the
   others), between any two layouts, in one MPI_Alltoallw whose subarray datatypes read straight from the
   input block and write straight into the output block (no packing buffers).
*/
#include <heat/private/tensorimpl.h>

PetscLogEvent HT_TENSOR_Reshape, HT_TENSOR_Concatenate, HT_TENSOR_Repeat, HT_TENSOR_Tile, HT_TENSOR_Flip, HT_TENSOR_Roll, HT_TENSOR_Pad, HT_TENSOR_Diagonal;

/*
   The part of slab s that rank p's block of `in` gives to rank q's block of `out`, as the box [lo, hi) in the
   coordinates of `in`; adding shift[] gives its place in `out` (dst - src along the axis, offset[] along the
   others). Returns PETSC_FALSE when the part is empty.
*/
static PetscBool HtSlabPart_Private(HtTensor in, HtTensor out, PetscInt axis, const HtSlab *s, const PetscInt offset[], PetscMPIInt p, PetscMPIInt q, PetscInt lo[], PetscInt hi[], PetscInt shift[])
{
  PetscInt  ilo[HT_MAX_NDIM], ihi[HT_MAX_NDIM], olo[HT_MAX_NDIM], ohi[HT_MAX_NDIM];
  PetscBool nonempty = PETSC_TRUE;

  HtTensorGetBox_Private(in, p, ilo, ihi);
  HtTensorGetBox_Private(out, q, olo, ohi);
  for (PetscInt d = 0; d < in->ndim; d++) {
    shift[d] = d == axis ? s->dst - s->src : (offset ? offset[d] : 0);
    lo[d]    = PetscMax(ilo[d], olo[d] - shift[d]);
    hi[d]    = PetscMin(ihi[d], ohi[d] - shift[d]);
    if (d == axis) {
      lo[d] = PetscMax(lo[d], s->src);
      hi[d] = PetscMin(hi[d], s->src + s->len);
    }
    if (hi[d] <= lo[d]) nonempty = PETSC_FALSE;
  }
  return nonempty;
}

/* the subarray datatype of the global box [lo + shift, hi + shift) inside the block of t that rank r stores */
static PetscErrorCode HtBlockSubarray_Private(HtTensor t, PetscMPIInt r, const PetscInt lo[], const PetscInt hi[], const PetscInt shift[], MPI_Datatype etype, MPI_Datatype *type)
{
  PetscInt    blo[HT_MAX_NDIM], bhi[HT_MAX_NDIM];
  PetscMPIInt sizes[HT_MAX_NDIM], subsizes[HT_MAX_NDIM], starts[HT_MAX_NDIM];

  PetscFunctionBegin;
  HtTensorGetBox_Private(t, r, blo, bhi);
  for (PetscInt d = 0; d < t->ndim; d++) {
    PetscCall(PetscMPIIntCast(bhi[d] - blo[d], &sizes[d]));
    PetscCall(PetscMPIIntCast(hi[d] - lo[d], &subsizes[d]));
    PetscCall(PetscMPIIntCast(lo[d] + (shift ? shift[d] : 0) - blo[d], &starts[d]));
  }
  PetscCallMPI(MPI_Type_create_subarray((PetscMPIInt)t->ndim, sizes, subsizes, starts, MPI_ORDER_C, etype, type));
  PetscCallMPI(MPI_Type_commit(type));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   The datatype of everything rank p sends to rank q (sending: inside p's block of `in`) or that q receives
   from p (inside q's block of `out`): one subarray per nonempty slab part, in slab order, joined by a struct
   when there are several. count 0 when nothing moves. parts[] is workspace of n entries.
*/
static PetscErrorCode HtSlabPeerType_Private(HtTensor in, HtTensor out, PetscInt axis, PetscInt n, const HtSlab slabs[], const PetscInt offset[], PetscMPIInt p, PetscMPIInt q, PetscBool sending, MPI_Datatype etype, MPI_Datatype parts[], PetscMPIInt *count, MPI_Datatype *type)
{
  PetscInt     lo[HT_MAX_NDIM], hi[HT_MAX_NDIM], shift[HT_MAX_NDIM];
  PetscMPIInt  nparts = 0, *ones;
  MPI_Aint    *zeros;

  PetscFunctionBegin;
  for (PetscInt k = 0; k < n; k++)
    if (HtSlabPart_Private(in, out, axis, &slabs[k], offset, p, q, lo, hi, shift)) PetscCall(HtBlockSubarray_Private(sending ? in : out, sending ? p : q, lo, hi, sending ? NULL : shift, etype, &parts[nparts++]));
  *count = nparts ? 1 : 0;
  *type  = nparts == 1 ? parts[0] : MPI_BYTE;
  if (nparts < 2) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscMalloc2(nparts, &ones, nparts, &zeros));
  for (PetscMPIInt k = 0; k < nparts; k++) {
    ones[k]  = 1;
    zeros[k] = 0;
  }
  PetscCallMPI(MPI_Type_create_struct(nparts, ones, zeros, parts, type));
  PetscCallMPI(MPI_Type_commit(type));
  for (PetscMPIInt k = 0; k < nparts; k++) PetscCallMPI(MPI_Type_free(&parts[k]));
  PetscCall(PetscFree2(ones, zeros));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorMoveSlabs_Private - out[..., dst + i, ...] = in[..., src + i, ...] along `axis` for every slab
   {src, dst, len} and 0 <= i < len; along every other axis d the whole of `in` lands at offset[d] of `out`
   (offset NULL: 0). `in` and `out` have the same ndim (>= 1) and dtype and any splits and layouts; elements
   of `out` that no slab covers keep their values. A replicated `in` is only read locally. Every rank passes
   the same slabs.
*/
PetscErrorCode HtTensorMoveSlabs_Private(HtTensor in, HtTensor out, PetscInt axis, PetscInt n, const HtSlab slabs[], const PetscInt offset[])
{
  MPI_Comm      comm = PetscObjectComm((PetscObject)out);
  PetscMPIInt   size, rank, *scounts, *rcounts, *sdispls, *rdispls;
  MPI_Datatype *stypes, *rtypes, *parts, etype;
  const void   *ia;
  void         *oa;

  PetscFunctionBegin;
  PetscCheck(in->dtype == out->dtype && in->ndim == out->ndim && axis >= 0 && axis < in->ndim, comm, PETSC_ERR_PLIB, "Slab moves need tensors of one dtype and ndim and an axis of them");
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(HtDTypeGetMPIType(in->dtype, &etype));
  PetscCall(PetscCalloc4(size, &scounts, size, &rcounts, size, &sdispls, size, &rdispls));
  PetscCall(PetscMalloc3(size, &stypes, size, &rtypes, PetscMax(n, 1), &parts));
  for (PetscMPIInt q = 0; q < size; q++) {
    stypes[q] = rtypes[q] = MPI_BYTE;
    if (in->split < 0 && q != rank) continue; /* a replicated input is read locally */
    PetscCall(HtSlabPeerType_Private(in, out, axis, n, slabs, offset, rank, q, PETSC_TRUE, etype, parts, &scounts[q], &stypes[q]));
    PetscCall(HtSlabPeerType_Private(in, out, axis, n, slabs, offset, q, rank, PETSC_FALSE, etype, parts, &rcounts[q], &rtypes[q]));
  }
  PetscCall((*in->ops->getarray)(in, PETSC_MEMORY_ACCESS_READ, (void **)&ia));
  PetscCall((*out->ops->getarray)(out, PETSC_MEMORY_ACCESS_READ_WRITE, &oa));
  PetscCallMPI(MPI_Alltoallw(ia, scounts, sdispls, stypes, oa, rcounts, rdispls, rtypes, comm));
  PetscCall((*out->ops->restorearray)(out, PETSC_MEMORY_ACCESS_READ_WRITE, &oa));
  PetscCall((*in->ops->restorearray)(in, PETSC_MEMORY_ACCESS_READ, (void **)&ia));
  PetscCall(PetscObjectStateIncrease((PetscObject)out));
  for (PetscMPIInt q = 0; q < size; q++) {
    if (scounts[q]) PetscCallMPI(MPI_Type_free(&stypes[q]));
    if (rcounts[q]) PetscCallMPI(MPI_Type_free(&rtypes[q]));
  }
  PetscCall(PetscFree3(stypes, rtypes, parts));
  PetscCall(PetscFree4(scounts, rcounts, sdispls, rdispls));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorAxisFlags_Private - flags[d] = whether axis d is among axes[0..naxes) (negative axes count from
   the end); axes NULL selects every axis, as NumPy's axis=None. An axis given twice is an error.
*/
PetscErrorCode HtTensorAxisFlags_Private(HtTensor t, PetscInt naxes, const PetscInt axes[], PetscBool flags[])
{
  PetscFunctionBegin;
  for (PetscInt d = 0; d < t->ndim; d++) flags[d] = (PetscBool)!axes;
  for (PetscInt k = 0; axes && k < naxes; k++) {
    PetscInt d;

    PetscCall(HtTensorNormalizeAxis_Private(t, axes[k], &d));
    PetscCheck(!flags[d], PetscObjectComm((PetscObject)t), PETSC_ERR_ARG_WRONG, "Axis %" PetscInt_FMT " is given twice; list each axis once", d);
    flags[d] = PETSC_TRUE;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a new tensor of t's dtype and split with the given shape: t's local length of the split axis if keep, else balanced */
PetscErrorCode HtTensorCreateShaped_Private(HtTensor t, const PetscInt shape[], PetscBool keep, HtTensor *out)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)t), t->ndim, shape, t->split, t->dtype, keep && t->split >= 0 ? t->lshape[t->split] : PETSC_DECIDE, NULL, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* reverses, in place, the indices [lo, hi) of axis d of t's local block a */
static PetscErrorCode HtTensorReverseLocal_Private(HtTensor t, void *a, PetscInt d, PetscInt lo, PetscInt hi)
{
  PetscInt outer = 1, inner = 1;

  PetscFunctionBegin;
  for (PetscInt e = 0; e < d; e++) outer *= t->lshape[e];
  for (PetscInt e = d + 1; e < t->ndim; e++) inner *= t->lshape[e];
  PetscCall((*t->ops->reverse)(t, a, outer, t->lshape[d], inner, lo, hi));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a copy of t (the result of flipping or rolling a 0-d tensor) */
static PetscErrorCode HtTensorCopyNew_Private(HtTensor t, HtTensor *out)
{
  PetscFunctionBegin;
  PetscCall(HtTensorDuplicate(t, out));
  PetscCall(HtTensorCopy(t, *out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorFlip - Reverses the order of the elements along some axes (NumPy's flip).

   Collective

   Input Parameters:
+  t - the tensor
.  naxes - number of axes to flip
-  axes - the axes (negative ones count from the end), or NULL to flip every axis (NumPy's axis=None)

   Output Parameter:
.  out - the flipped tensor, with t's split and dtype

   Level: beginner

   Notes:
   Flipping the split axis reverses which rank owns which part: one all-to-all exchange moves every
   block to its new owner (the result is balanced), then each rank reverses its block in place. Flipping
   the other axes needs no communication and keeps t's layout. Peak memory is the input plus the output.

.seealso: `HtTensorRoll()`, `HtTensorResplit()`
@*/
PetscErrorCode HtTensorFlip(HtTensor t, PetscInt naxes, const PetscInt axes[], HtTensor *out)
{
  PetscBool   flip[HT_MAX_NDIM], moved;
  PetscMPIInt nslabs = 1;
  PetscInt    a;
  HtSlab     *slabs;
  void       *oa;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 4);
  PetscCall(HtTensorAxisFlags_Private(t, naxes, axes, flip));
  if (!t->ndim) {
    PetscCall(HtTensorCopyNew_Private(t, out));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(PetscLogEventBegin(HT_TENSOR_Flip, t, 0, 0, 0));
  a     = PetscMax(t->split, 0);
  moved = (PetscBool)(t->split >= 0 && flip[a]);
  PetscCall(HtTensorCreateShaped_Private(t, t->shape, (PetscBool)!moved, out));
  /* the split axis flipped: one slab per rank q, the input range that mirrors q's, received in order and reversed below */
  if (moved) PetscCallMPI(MPI_Comm_size(PetscObjectComm((PetscObject)t), &nslabs));
  PetscCall(PetscMalloc1(nslabs, &slabs));
  for (PetscMPIInt q = 0; q < nslabs; q++) {
    const PetscInt *range = (*out)->map ? (*out)->map->range : NULL;

    slabs[q] = moved ? (HtSlab){t->shape[a] - range[q + 1], range[q], range[q + 1] - range[q]} : (HtSlab){0, 0, t->shape[a]};
  }
  PetscCall(HtTensorMoveSlabs_Private(t, *out, a, nslabs, slabs, NULL));
  PetscCall(PetscFree(slabs));
  PetscCall((*(*out)->ops->getarray)(*out, PETSC_MEMORY_ACCESS_READ_WRITE, &oa));
  for (PetscInt d = 0; d < t->ndim; d++)
    if (flip[d]) PetscCall(HtTensorReverseLocal_Private(*out, oa, d, 0, (*out)->lshape[d]));
  PetscCall((*(*out)->ops->restorearray)(*out, PETSC_MEMORY_ACCESS_READ_WRITE, &oa));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Flip, t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* NumPy's roll of the flattened tensor, back in t's shape and split */
static PetscErrorCode HtTensorRollFlat_Private(HtTensor t, PetscInt shift, HtTensor *out)
{
  HtTensor flat, rolled;
  PetscInt zero = 0;

  PetscFunctionBegin;
  PetscCall(HtTensorFlatten(t, &flat));
  PetscCall(HtTensorRoll(flat, 1, &shift, &zero, &rolled));
  PetscCall(HtTensorDestroy(&flat));
  PetscCall(HtTensorReshape(rolled, t->ndim, t->shape, t->split, out));
  PetscCall(HtTensorDestroy(&rolled));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRoll - Shifts the elements along axes, those that leave at one end entering at the other (NumPy's roll).

   Collective

   Input Parameters:
+  t - the tensor
.  n - number of shifts
.  shifts - the shift of each axis (positive: toward higher indices); shifts of an axis listed twice add up
-  axes - the axes (negative ones count from the end), or NULL to roll the flattened tensor by shifts[0]
          (NumPy's axis=None; then n is 1)

   Output Parameter:
.  out - the rolled tensor, with t's split and dtype

   Level: beginner

   Notes:
   Rolling the split axis moves each block to the ranks that own its new place in one all-to-all exchange
   (the result is balanced); the other axes are rotated in place within each rank's block and keep t's
   layout. Peak memory is the input plus the output. Rolling the flattened tensor reshapes it to 1-d and back.

.seealso: `HtTensorFlip()`, `HtTensorReshape()`
@*/
PetscErrorCode HtTensorRoll(HtTensor t, PetscInt n, const PetscInt shifts[], const PetscInt axes[], HtTensor *out)
{
  PetscInt  s[HT_MAX_NDIM] = {0}, a;
  PetscBool moved;
  HtSlab    slabs[2];
  void     *oa;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 5);
  if (!axes) {
    PetscCheck(n == 1, PetscObjectComm((PetscObject)t), PETSC_ERR_ARG_SIZ, "Rolling the flattened tensor (axes NULL) takes one shift, not %" PetscInt_FMT, n);
    PetscCall(HtTensorRollFlat_Private(t, shifts[0], out));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  for (PetscInt k = 0; k < n; k++) {
    PetscInt d;

    PetscCall(HtTensorNormalizeAxis_Private(t, axes[k], &d));
    s[d] += shifts[k];
  }
  if (!t->ndim) {
    PetscCall(HtTensorCopyNew_Private(t, out));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(PetscLogEventBegin(HT_TENSOR_Roll, t, 0, 0, 0));
  for (PetscInt d = 0; d < t->ndim; d++) s[d] = t->shape[d] ? ((s[d] % t->shape[d]) + t->shape[d]) % t->shape[d] : 0;
  a     = PetscMax(t->split, 0);
  moved = (PetscBool)(t->split >= 0 && s[a]);
  PetscCall(HtTensorCreateShaped_Private(t, t->shape, (PetscBool)!moved, out));
  /* along axis a: the last s[a] indices move to the front, the others s[a] places up */
  slabs[0] = (HtSlab){t->shape[a] - s[a], 0, s[a]};
  slabs[1] = (HtSlab){0, s[a], t->shape[a] - s[a]}; /* the identity when s[a] is 0 */
  PetscCall(HtTensorMoveSlabs_Private(t, *out, a, s[a] ? 2 : 1, s[a] ? slabs : slabs + 1, NULL));
  /* along the other axes: a rotation in place is three reversals */
  PetscCall((*(*out)->ops->getarray)(*out, PETSC_MEMORY_ACCESS_READ_WRITE, &oa));
  for (PetscInt d = 0; d < t->ndim; d++) {
    if (d == a || !s[d]) continue;
    PetscCall(HtTensorReverseLocal_Private(*out, oa, d, 0, t->shape[d]));
    PetscCall(HtTensorReverseLocal_Private(*out, oa, d, 0, s[d]));
    PetscCall(HtTensorReverseLocal_Private(*out, oa, d, s[d], t->shape[d]));
  }
  PetscCall((*(*out)->ops->restorearray)(*out, PETSC_MEMORY_ACCESS_READ_WRITE, &oa));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Roll, t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorPad - Surrounds a tensor with a constant (NumPy's pad with mode="constant").

   Collective

   Input Parameters:
+  t - the tensor (at least 1 axis)
.  before - number of values to add before the start of each axis (ndim entries, >= 0)
.  after - number of values to add after the end of each axis (ndim entries, >= 0)
-  value - the constant (truncated for `HT_INT`, `value != 0` for `HT_BOOL`)

   Output Parameter:
.  out - the padded tensor, of shape shape[d] + before[d] + after[d], with t's split and dtype

   Level: beginner

   Note:
   Padding the split axis gives a balanced result (one all-to-all exchange); padding only other axes
   keeps t's layout and needs no communication.

.seealso: `HtTensorConcatenate()`, `HtTensorFull()`
@*/
PetscErrorCode HtTensorPad(HtTensor t, const PetscInt before[], const PetscInt after[], PetscScalar value, HtTensor *out)
{
  MPI_Comm comm;
  PetscInt shape[HT_MAX_NDIM], a;
  HtSlab   slab;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 5);
  comm = PetscObjectComm((PetscObject)t);
  PetscCheck(t->ndim >= 1, comm, PETSC_ERR_ARG_WRONG, "HtTensorPad() needs a tensor with at least one axis");
  for (PetscInt d = 0; d < t->ndim; d++) {
    PetscCheck(before[d] >= 0 && after[d] >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "Pad widths must be >= 0; axis %" PetscInt_FMT " has before %" PetscInt_FMT " and after %" PetscInt_FMT, d, before[d], after[d]);
    shape[d] = t->shape[d] + before[d] + after[d];
  }
  PetscCall(PetscLogEventBegin(HT_TENSOR_Pad, t, 0, 0, 0));
  a    = PetscMax(t->split, 0);
  slab = (HtSlab){0, before[a], t->shape[a]};
  PetscCall(HtTensorCreateShaped_Private(t, shape, (PetscBool)(t->split < 0 || (!before[a] && !after[a])), out));
  PetscCall((*(*out)->ops->fill)(*out, value));
  PetscCall(HtTensorMoveSlabs_Private(t, *out, a, 1, &slab, before));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Pad, t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}
