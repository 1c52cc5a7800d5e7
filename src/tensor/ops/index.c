/*
   Indexing: basic slices (get and set), integer-array indexing along one axis (take and put),
   boolean-mask selection (compress) and the indices of the non-zero elements.

   Rows of the split axis move with one PetscSF whose unit is a contiguous run of `inner` elements:
   leaf (o, k) of the receiving block fetches row rows[k] of outer slice o from its owner.
*/
#include <heat/private/tensorimpl.h>
#include <petscsf.h>

/* the indices first + step * [0, count) one slice selects along an axis */
typedef struct {
  PetscInt first, step, count;
} HtAxisSelection;

/* NumPy's rules for start:stop:step on an axis of length n (HT_NONE: the default bound) */
static PetscErrorCode HtSliceNormalize(HtTensor x, PetscInt axis, HtSlice s, HtAxisSelection *sel)
{
  PetscInt n = x->shape[axis], start = s.start, stop = s.stop;

  PetscFunctionBegin;
  PetscCheck(s.step != 0, PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_OUTOFRANGE, "The slice of axis %" PetscInt_FMT " has step 0; use a non-zero step (negative to go backwards)", axis);
  if (start != HT_NONE && start < 0) start += n;
  if (stop != HT_NONE && stop < 0) stop += n;
  if (s.step > 0) {
    start = start == HT_NONE ? 0 : PetscClipInterval(start, 0, n);
    stop  = stop == HT_NONE ? n : PetscClipInterval(stop, 0, n);
    sel->count = stop > start ? (stop - start + s.step - 1) / s.step : 0;
  } else {
    start = start == HT_NONE ? n - 1 : PetscClipInterval(start, -1, n - 1);
    stop  = stop == HT_NONE ? -1 : PetscClipInterval(stop, -1, n - 1);
    sel->count = start > stop ? (start - stop - s.step - 1) / -s.step : 0;
  }
  sel->first = start;
  sel->step  = s.step;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the selections of every axis (axes beyond nslices are taken whole) and the shape they give */
static PetscErrorCode HtSliceSelections(HtTensor x, PetscInt nslices, const HtSlice s[], HtAxisSelection sel[], PetscInt shape[])
{
  PetscFunctionBegin;
  PetscCheck(nslices >= 0 && nslices <= x->ndim, PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_OUTOFRANGE, "%" PetscInt_FMT " slices given for a %" PetscInt_FMT "-d tensor; give at most one per axis", nslices, x->ndim);
  if (nslices) PetscValidPointer(s, 3);
  for (PetscInt d = 0; d < x->ndim; d++) {
    PetscCall(HtSliceNormalize(x, d, d < nslices ? s[d] : HT_SLICE_ALL, &sel[d]));
    shape[d] = sel[d].count;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the same index set in increasing order */
static HtAxisSelection HtSelectionIncreasing(HtAxisSelection s)
{
  HtAxisSelection inc = s;

  if (s.step < 0) {
    inc.first = s.count ? s.first + s.step * (s.count - 1) : 0;
    inc.step  = -s.step;
  }
  return inc;
}

/*
   HtSliceLocalBox - the part of a selection (increasing along the split axis) that this rank owns, as
   the box (start, step, count) of every axis in the local block
*/
static void HtSliceLocalBox(HtTensor x, const HtAxisSelection sel[], PetscInt start[], PetscInt step[], PetscInt count[])
{
  for (PetscInt d = 0; d < x->ndim; d++) {
    start[d] = sel[d].first;
    step[d]  = sel[d].step;
    count[d] = sel[d].count;
  }
  if (x->split >= 0) {
    HtAxisSelection s = sel[x->split];
    PetscInt        a = x->split, lo = 0, hi = 0;

    if (s.count) { /* entries k with first + step k in [rstart, rend) */
      lo = PetscClipInterval((x->map->rstart - s.first + s.step - 1) / s.step, 0, s.count); /* a negative quotient clips to 0 either way */
      hi = PetscClipInterval((x->map->rend - s.first + s.step - 1) / s.step, 0, s.count);
    }
    start[a] = s.first + s.step * lo - x->map->rstart;
    count[a] = PetscMax(hi - lo, 0);
  }
}

/*
   HtTensorMoveRows - local row k of dst (along the split axis, in every outer slice) is row rows[k] (a
   global index) of src: fetched from its owner, or with put the other way round, written into it.
   dst has src's shape and split but its own length of the split axis.
*/
static PetscErrorCode HtTensorMoveRows(HtTensor src, const PetscInt rows[], HtTensor dst, PetscBool put)
{
  MPI_Comm     comm = PetscObjectComm((PetscObject)src);
  PetscInt     outer = src->outer, nrows = dst->map->n, nleaves = outer * nrows;
  PetscSFNode *remote;
  PetscSF      sf;
  MPI_Datatype etype, unit;
  void        *sa, *da;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(nleaves, &remote));
  for (PetscInt k = 0; k < nrows; k++) {
    PetscMPIInt owner;

    PetscCall(PetscLayoutFindOwner(src->map, rows[k], &owner));
    for (PetscInt o = 0; o < outer; o++) {
      PetscInt n = src->map->range[owner + 1] - src->map->range[owner];

      remote[o * nrows + k].rank  = owner;
      remote[o * nrows + k].index = o * n + rows[k] - src->map->range[owner];
    }
  }
  PetscCall(PetscSFCreate(comm, &sf));
  PetscCall(PetscSFSetGraph(sf, outer * src->map->n, nleaves, NULL, PETSC_OWN_POINTER, remote, PETSC_OWN_POINTER));
  PetscCall(HtDTypeGetMPIType(src->dtype, &etype));
  PetscCallMPI(MPI_Type_contiguous((PetscMPIInt)PetscMax(src->inner, 1), etype, &unit));
  PetscCallMPI(MPI_Type_commit(&unit));
  PetscCall((*src->ops->getarray)(src, put ? PETSC_MEMORY_ACCESS_READ_WRITE : PETSC_MEMORY_ACCESS_READ, &sa));
  PetscCall((*dst->ops->getarray)(dst, put ? PETSC_MEMORY_ACCESS_READ : PETSC_MEMORY_ACCESS_WRITE, &da));
  if (src->inner && put) {
    PetscCall(PetscSFReduceBegin(sf, unit, da, sa, MPI_REPLACE));
    PetscCall(PetscSFReduceEnd(sf, unit, da, sa, MPI_REPLACE));
  } else if (src->inner) {
    PetscCall(PetscSFBcastBegin(sf, unit, sa, da, MPI_REPLACE));
    PetscCall(PetscSFBcastEnd(sf, unit, sa, da, MPI_REPLACE));
  }
  PetscCall((*dst->ops->restorearray)(dst, put ? PETSC_MEMORY_ACCESS_READ : PETSC_MEMORY_ACCESS_WRITE, &da));
  PetscCall((*src->ops->restorearray)(src, put ? PETSC_MEMORY_ACCESS_READ_WRITE : PETSC_MEMORY_ACCESS_READ, &sa));
  PetscCall(PetscObjectStateIncrease((PetscObject)(put ? src : dst)));
  PetscCallMPI(MPI_Type_free(&unit));
  PetscCall(PetscSFDestroy(&sf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a zero tensor of x's split and dtype with another shape: nlocal rows of the split axis here (or PETSC_DECIDE) */
static PetscErrorCode HtIndexCreate(HtTensor x, const PetscInt shape[], HtDType dtype, PetscInt nlocal, HtTensor *out)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)x), x->ndim, shape, x->split, dtype, x->split >= 0 ? nlocal : PETSC_DECIDE, NULL, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   copies between x's local block and the dense block of `box`, the owned part of the increasing selection sel: a
   strided copy whose strides in x's block are the selection's steps times the block's strides
*/
static PetscErrorCode HtSliceCopyLocal(HtTensor x, const HtAxisSelection sel[], HtTensor box, PetscBool toblock)
{
  PetscInt start[HT_MAX_NDIM], step[HT_MAX_NDIM], count[HT_MAX_NDIM], xstride[HT_MAX_NDIM], bstride[HT_MAX_NDIM], offset = 0;
  void    *xa, *ba;
  char    *xsel;

  PetscFunctionBegin;
  HtSliceLocalBox(x, sel, start, step, count);
  for (PetscInt a = x->ndim - 1, xs = 1, bs = 1; a >= 0; a--) {
    offset += start[a] * xs;
    xstride[a] = step[a] * xs;
    bstride[a] = bs;
    xs *= x->lshape[a];
    bs *= count[a];
  }
  PetscCall((*x->ops->getarray)(x, toblock ? PETSC_MEMORY_ACCESS_READ : PETSC_MEMORY_ACCESS_READ_WRITE, &xa));
  PetscCall((*box->ops->getarray)(box, toblock ? PETSC_MEMORY_ACCESS_WRITE : PETSC_MEMORY_ACCESS_READ, &ba));
  xsel = (char *)xa + (size_t)offset * x->esize;
  if (toblock) PetscCall((*x->ops->copystrided)(x, x->ndim, count, xsel, xstride, ba, bstride));
  else PetscCall((*x->ops->copystrided)(x, x->ndim, count, ba, bstride, xsel, xstride));
  PetscCall((*box->ops->restorearray)(box, toblock ? PETSC_MEMORY_ACCESS_WRITE : PETSC_MEMORY_ACCESS_READ, &ba));
  PetscCall((*x->ops->restorearray)(x, toblock ? PETSC_MEMORY_ACCESS_READ : PETSC_MEMORY_ACCESS_READ_WRITE, &xa));
  PetscCall(PetscObjectStateIncrease((PetscObject)(toblock ? box : x)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* an empty block of the owned-parts layout of a selection whose split-axis entry is increasing */
static PetscErrorCode HtSliceCreateBlock(HtTensor x, const HtAxisSelection sel[], const PetscInt shape[], HtTensor *block)
{
  PetscInt start[HT_MAX_NDIM], step[HT_MAX_NDIM], count[HT_MAX_NDIM];

  PetscFunctionBegin;
  HtSliceLocalBox(x, sel, start, step, count);
  PetscCall(HtIndexCreate(x, shape, x->dtype, x->split >= 0 ? count[x->split] : PETSC_DECIDE, block));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the tensor of a selection whose split-axis entry is increasing: the owned parts, no communication */
static PetscErrorCode HtSliceOwnedParts(HtTensor x, const HtAxisSelection sel[], const PetscInt shape[], HtTensor *out)
{
  PetscFunctionBegin;
  PetscCall(HtSliceCreateBlock(x, sel, shape, out));
  PetscCall(HtSliceCopyLocal(x, sel, *out, PETSC_TRUE));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* out = in reversed along its split axis, balanced */
static PetscErrorCode HtTensorReverseSplitAxis(HtTensor in, HtTensor *out)
{
  PetscInt *rows, m = in->shape[in->split];

  PetscFunctionBegin;
  PetscCall(HtIndexCreate(in, in->shape, in->dtype, PETSC_DECIDE, out));
  PetscCall(PetscMalloc1(PetscMax((*out)->map->n, 1), &rows));
  for (PetscInt k = 0; k < (*out)->map->n; k++) rows[k] = m - 1 - ((*out)->map->rstart + k);
  PetscCall(HtTensorMoveRows(in, rows, *out, PETSC_FALSE));
  PetscCall(PetscFree(rows));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetSlice - A basic slice x[start:stop:step, ...] of a tensor, as a new tensor (NumPy's basic slicing).

   Collective

   Input Parameters:
+  x - the tensor
.  nslices - the number of slices given (at most the number of axes; the remaining axes are taken whole)
-  s - one `HtSlice` {start, stop, step} per axis; negative start and stop count from the end, `HT_NONE`
       is an omitted bound, and a negative step goes backwards

   Output Parameter:
.  out - the slice, a copy with x's dtype and split

   Level: beginner

   Notes:
   No data moves between ranks: each rank keeps the part of the slice it owns, so the result's layout
   is unbalanced in general (`HtTensorBalance()` balances it). The exception is a negative step on the
   split axis, which reverses the order of the owners: the result is then balanced, its rows fetched
   from their owners with one PetscSF.

   Example: `HtSlice s[] = {{1, HT_NONE, 2}, {HT_NONE, HT_NONE, -1}};` is x[1::2, ::-1].

.seealso: `HtTensorSetSlice()`, `HtTensorSetSliceValue()`, `HtTensorTake()`, `HtSlice`
@*/
PetscErrorCode HtTensorGetSlice(HtTensor x, PetscInt nslices, const HtSlice s[], HtTensor *out)
{
  HtAxisSelection sel[HT_MAX_NDIM];
  PetscInt        shape[HT_MAX_NDIM];
  PetscBool       reverse;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 4);
  PetscCall(HtSliceSelections(x, nslices, s, sel, shape));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Slice, x, 0, 0, 0));
  reverse = (PetscBool)(x->split >= 0 && sel[x->split].step < 0);
  if (reverse) {
    HtTensor owned;

    sel[x->split] = HtSelectionIncreasing(sel[x->split]);
    PetscCall(HtSliceOwnedParts(x, sel, shape, &owned));
    PetscCall(HtTensorReverseSplitAxis(owned, out));
    PetscCall(HtTensorDestroy(&owned));
  } else PetscCall(HtSliceOwnedParts(x, sel, shape, out));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Slice, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSetSlice - Assigns a tensor to a basic slice of another: x[start:stop:step, ...] = v.

   Collective

   Input Parameters:
+  x - the tensor to modify
.  nslices - the number of slices given (the remaining axes are taken whole)
.  s - one `HtSlice` per axis, as for `HtTensorGetSlice()`
-  v - the values: a tensor of x's dtype whose shape is the slice's (any split and layout)

   Level: beginner

   Note:
   v is redistributed to the owners of the slice's elements (one Alltoallw); a negative step on the
   split axis first reverses v along that axis. Use `HtTensorSetSliceValue()` to assign one value.

.seealso: `HtTensorGetSlice()`, `HtTensorSetSliceValue()`
@*/
PetscErrorCode HtTensorSetSlice(HtTensor x, PetscInt nslices, const HtSlice s[], HtTensor v)
{
  HtAxisSelection sel[HT_MAX_NDIM];
  PetscInt        shape[HT_MAX_NDIM];
  HtTensor        block, src = v;
  char            sx[256], sv[256];
  PetscBool       same;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidHeaderSpecific(v, HT_TENSOR_CLASSID, 4);
  PetscCall(HtSliceSelections(x, nslices, s, sel, shape));
  same = (PetscBool)(v->ndim == x->ndim);
  for (PetscInt d = 0; same && d < x->ndim; d++) same = (PetscBool)(v->shape[d] == shape[d]);
  PetscCall(HtShapeToString(x->ndim, shape, sx, sizeof(sx)));
  PetscCall(HtShapeToString(v->ndim, v->shape, sv, sizeof(sv)));
  PetscCheck(same, PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_SIZ, "Cannot assign a tensor of shape %s to a slice of shape %s; give values of the slice's shape", sv, sx);
  PetscCheck(v->dtype == x->dtype, PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_WRONG, "Cannot assign a tensor of dtype %s to a slice of dtype %s; convert it with HtTensorAsType()", HtDTypes[v->dtype], HtDTypes[x->dtype]);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Slice, x, 0, 0, 0));
  if (x->split >= 0 && sel[x->split].step < 0) { /* the values reversed along the split axis fill the increasing selection */
    HtSlice backwards[HT_MAX_NDIM];

    for (PetscInt d = 0; d < x->ndim; d++) backwards[d] = d == x->split ? (HtSlice){HT_NONE, HT_NONE, -1} : HT_SLICE_ALL;
    PetscCall(HtTensorGetSlice(v, x->ndim, backwards, &src));
    sel[x->split] = HtSelectionIncreasing(sel[x->split]);
  } else PetscCall(PetscObjectReference((PetscObject)v));
  PetscCall(HtSliceCreateBlock(x, sel, shape, &block));
  PetscCall(HtTensorCopy(src, block));
  PetscCall(HtSliceCopyLocal(x, sel, block, PETSC_FALSE));
  PetscCall(HtTensorDestroy(&block));
  PetscCall(HtTensorDestroy(&src));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Slice, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSetSliceValue - Assigns one value to every element of a basic slice: x[start:stop:step, ...] = value.

   Collective

   Input Parameters:
+  x - the tensor to modify
.  nslices - the number of slices given (the remaining axes are taken whole)
.  s - one `HtSlice` per axis, as for `HtTensorGetSlice()`
-  value - the value (truncated for `HT_INT`, `value != 0` for `HT_BOOL`)

   Level: beginner

   Note:
   No communication: every rank writes the elements of the slice it owns.

.seealso: `HtTensorSetSlice()`, `HtTensorGetSlice()`
@*/
PetscErrorCode HtTensorSetSliceValue(HtTensor x, PetscInt nslices, const HtSlice s[], PetscScalar value)
{
  HtAxisSelection sel[HT_MAX_NDIM];
  PetscInt        shape[HT_MAX_NDIM];
  HtTensor        block;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCall(HtSliceSelections(x, nslices, s, sel, shape));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Slice, x, 0, 0, 0));
  if (x->split >= 0) sel[x->split] = HtSelectionIncreasing(sel[x->split]); /* the same elements */
  PetscCall(HtSliceCreateBlock(x, sel, shape, &block));
  PetscCall((*block->ops->fill)(block, value));
  PetscCall(HtSliceCopyLocal(x, sel, block, PETSC_FALSE));
  PetscCall(HtTensorDestroy(&block));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Slice, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTakeIndices - the indices of take/put as a replicated array, negative ones counted from the end; an
   index out of range is an error naming it and the axis length (the indices are replicated: every rank
   takes the same decision)
*/
static PetscErrorCode HtTakeIndices(HtTensor x, PetscInt axis, HtTensor indices, HtTensor *rep, PetscInt **rows)
{
  MPI_Comm        comm = PetscObjectComm((PetscObject)x);
  PetscInt        n    = x->shape[axis], m;
  const PetscInt *a;

  PetscFunctionBegin;
  PetscCheck(indices->dtype == HT_INT && indices->ndim == 1, comm, PETSC_ERR_ARG_WRONG, "The indices must be a 1-d HT_INT tensor, not a %" PetscInt_FMT "-d %s one", indices->ndim, HtDTypes[indices->dtype]);
  PetscCall(HtTensorResplit(indices, -1, rep));
  m = (*rep)->shape[0];
  PetscCall(PetscMalloc1(PetscMax(m, 1), rows));
  PetscCall(HtTensorGetArrayRead(*rep, &a));
  for (PetscInt k = 0; k < m; k++) {
    PetscInt i = a[k] < 0 ? a[k] + n : a[k];

    if (i < 0 || i >= n) {
      PetscInt bad = a[k];

      PetscCall(HtTensorRestoreArrayRead(*rep, &a));
      PetscCall(PetscFree(*rows));
      PetscCall(HtTensorDestroy(rep));
      SETERRQ(comm, PETSC_ERR_ARG_OUTOFRANGE, "Index %" PetscInt_FMT " (entry %" PetscInt_FMT " of the indices) is out of range for axis %" PetscInt_FMT " of length %" PetscInt_FMT "; use -%" PetscInt_FMT " to %" PetscInt_FMT, bad, k, axis, n, n, n - 1);
    }
    (*rows)[k] = i;
  }
  PetscCall(HtTensorRestoreArrayRead(*rep, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* outer and inner extents of the local block around an axis */
static void HtLocalExtents(HtTensor x, PetscInt axis, PetscInt *outer, PetscInt *inner)
{
  *outer = 1;
  *inner = 1;
  for (PetscInt d = 0; d < x->ndim; d++) {
    if (d < axis) *outer *= x->lshape[d];
    if (d > axis) *inner *= x->lshape[d];
  }
}

/*@C
   HtTensorTake - Selects entries along an axis by an integer index array (NumPy's take, x[..., indices, ...]).

   Collective

   Input Parameters:
+  x - the tensor
.  axis - the axis (negative counts from the end)
-  indices - a 1-d `HT_INT` tensor (any split; it is replicated internally); negative indices count from the end

   Output Parameter:
.  out - x's shape with the length of `axis` replaced by the number of indices; x's dtype and split

   Level: beginner

   Notes:
   Along an axis that is not split every rank copies locally and the result keeps x's layout. Along the
   split axis the result is balanced and its rows are fetched from their owners with one PetscSF.
   An index out of range is an error naming the index and the axis length.

.seealso: `HtTensorPut()`, `HtTensorGetSlice()`, `HtTensorCompress()`
@*/
PetscErrorCode HtTensorTake(HtTensor x, PetscInt axis, HtTensor indices, HtTensor *out)
{
  HtTensor rep;
  PetscInt shape[HT_MAX_NDIM], *rows;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidHeaderSpecific(indices, HT_TENSOR_CLASSID, 3);
  PetscValidPointer(out, 4);
  PetscCall(HtTensorNormalizeAxis_Private(x, axis, &axis));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Take, x, 0, 0, 0));
  PetscCall(HtTakeIndices(x, axis, indices, &rep, &rows));
  PetscCall(PetscArraycpy(shape, x->shape, x->ndim));
  shape[axis] = rep->shape[0];
  if (axis == x->split) {
    PetscCall(HtIndexCreate(x, shape, x->dtype, PETSC_DECIDE, out));
    PetscCall(HtTensorMoveRows(x, rows + (*out)->map->rstart, *out, PETSC_FALSE));
  } else {
    PetscInt    outer, inner;
    const void *xa;
    void       *oa;

    PetscCall(HtIndexCreate(x, shape, x->dtype, x->split >= 0 ? x->map->n : PETSC_DECIDE, out));
    HtLocalExtents(x, axis, &outer, &inner);
    PetscCall((*x->ops->getarray)(x, PETSC_MEMORY_ACCESS_READ, (void **)&xa));
    PetscCall((*(*out)->ops->getarray)(*out, PETSC_MEMORY_ACCESS_WRITE, &oa));
    PetscCall((*x->ops->gatherrows)(x, outer, x->shape[axis], inner, xa, shape[axis], rows, oa));
    PetscCall((*(*out)->ops->restorearray)(*out, PETSC_MEMORY_ACCESS_WRITE, &oa));
    PetscCall((*x->ops->restorearray)(x, PETSC_MEMORY_ACCESS_READ, (void **)&xa));
  }
  PetscCall(PetscFree(rows));
  PetscCall(HtTensorDestroy(&rep));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Take, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorPut - Assigns entries along an axis by an integer index array: x[..., indices, ...] = values.

   Collective

   Input Parameters:
+  x - the tensor to modify
.  axis - the axis (negative counts from the end)
.  indices - a 1-d `HT_INT` tensor; negative indices count from the end
-  values - x's dtype, with x's shape but the length of `axis` equal to the number of indices (any split)

   Level: beginner

   Notes:
   values is redistributed to x's split; along the split axis its rows are sent to their owners with one
   PetscSF. When an index repeats, one of its values is kept, which one is unspecified.

.seealso: `HtTensorTake()`, `HtTensorSetSlice()`
@*/
PetscErrorCode HtTensorPut(HtTensor x, PetscInt axis, HtTensor indices, HtTensor values)
{
  HtTensor rep, v;
  PetscInt shape[HT_MAX_NDIM], *rows;
  char     sv[256], sw[256];
  PetscBool same;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidHeaderSpecific(indices, HT_TENSOR_CLASSID, 3);
  PetscValidHeaderSpecific(values, HT_TENSOR_CLASSID, 4);
  PetscCall(HtTensorNormalizeAxis_Private(x, axis, &axis));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Take, x, 0, 0, 0));
  PetscCall(HtTakeIndices(x, axis, indices, &rep, &rows));
  PetscCall(PetscArraycpy(shape, x->shape, x->ndim));
  shape[axis] = rep->shape[0];
  same        = (PetscBool)(values->ndim == x->ndim);
  for (PetscInt d = 0; same && d < x->ndim; d++) same = (PetscBool)(values->shape[d] == shape[d]);
  PetscCall(HtShapeToString(values->ndim, values->shape, sv, sizeof(sv)));
  PetscCall(HtShapeToString(x->ndim, shape, sw, sizeof(sw)));
  PetscCheck(same, PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_SIZ, "HtTensorPut() got values of shape %s for %" PetscInt_FMT " indices along axis %" PetscInt_FMT "; they need shape %s", sv, shape[axis], axis, sw);
  PetscCheck(values->dtype == x->dtype, PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_WRONG, "HtTensorPut() got values of dtype %s for a tensor of dtype %s; convert them with HtTensorAsType()", HtDTypes[values->dtype], HtDTypes[x->dtype]);
  PetscCall(HtIndexCreate(x, shape, x->dtype, axis == x->split || x->split < 0 ? PETSC_DECIDE : x->map->n, &v));
  PetscCall(HtTensorCopy(values, v));
  if (axis == x->split) PetscCall(HtTensorMoveRows(x, rows + v->map->rstart, v, PETSC_TRUE));
  else {
    PetscInt    outer, inner;
    const void *va;
    void       *xa;

    HtLocalExtents(x, axis, &outer, &inner);
    PetscCall((*v->ops->getarray)(v, PETSC_MEMORY_ACCESS_READ, (void **)&va));
    PetscCall((*x->ops->getarray)(x, PETSC_MEMORY_ACCESS_READ_WRITE, &xa));
    PetscCall((*x->ops->scatterrows)(x, outer, shape[axis], inner, va, x->shape[axis], rows, xa));
    PetscCall((*x->ops->restorearray)(x, PETSC_MEMORY_ACCESS_READ_WRITE, &xa));
    PetscCall((*v->ops->restorearray)(v, PETSC_MEMORY_ACCESS_READ, (void **)&va));
    PetscCall(PetscObjectStateIncrease((PetscObject)x));
  }
  PetscCall(HtTensorDestroy(&v));
  PetscCall(PetscFree(rows));
  PetscCall(HtTensorDestroy(&rep));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Take, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the mask as a tensor of the given split and local length of its split axis (a copy, redistributed) */
static PetscErrorCode HtMaskAlign(HtTensor mask, PetscInt split, PetscInt nlocal, HtTensor *aligned)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)mask), mask->ndim, mask->shape, split, HT_BOOL, split >= 0 ? nlocal : PETSC_DECIDE, NULL, aligned));
  PetscCall(HtTensorCopy(mask, *aligned));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* x[mask] for a 1-d mask over axis 0: every rank keeps its selected rows */
static PetscErrorCode HtCompressRows(HtTensor x, HtTensor mask, HtTensor *out)
{
  HtTensor         m;
  const PetscBool *ma;
  const void      *xa;
  void            *oa;
  PetscInt         nrows = x->lshape[0], nsel = 0, total, *rows, shape[HT_MAX_NDIM], outer, inner;

  PetscFunctionBegin;
  PetscCall(HtMaskAlign(mask, x->split == 0 ? 0 : -1, x->split == 0 ? nrows : PETSC_DECIDE, &m));
  PetscCall(PetscMalloc1(PetscMax(nrows, 1), &rows));
  PetscCall(HtTensorGetArrayRead(m, &ma));
  for (PetscInt i = 0; i < nrows; i++)
    if (ma[i]) rows[nsel++] = i;
  PetscCall(HtTensorRestoreArrayRead(m, &ma));
  total = nsel;
  if (x->split == 0) PetscCall(MPIU_Allreduce(&nsel, &total, 1, MPIU_INT, MPI_SUM, PetscObjectComm((PetscObject)x)));
  PetscCall(PetscArraycpy(shape, x->shape, x->ndim));
  shape[0] = total;
  PetscCall(HtIndexCreate(x, shape, x->dtype, x->split == 0 ? nsel : x->split > 0 ? x->map->n : PETSC_DECIDE, out));
  HtLocalExtents(x, 0, &outer, &inner);
  PetscCall((*x->ops->getarray)(x, PETSC_MEMORY_ACCESS_READ, (void **)&xa));
  PetscCall((*(*out)->ops->getarray)(*out, PETSC_MEMORY_ACCESS_WRITE, &oa));
  PetscCall((*x->ops->gatherrows)(x, outer, nrows, inner, xa, nsel, rows, oa));
  PetscCall((*(*out)->ops->restorearray)(*out, PETSC_MEMORY_ACCESS_WRITE, &oa));
  PetscCall((*x->ops->restorearray)(x, PETSC_MEMORY_ACCESS_READ, (void **)&xa));
  PetscCall(PetscFree(rows));
  PetscCall(HtTensorDestroy(&m));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the tensor split along axis 0 (a new reference, or a resplit copy) */
static PetscErrorCode HtTensorSplitRows(HtTensor x, HtTensor *x0)
{
  PetscFunctionBegin;
  if (x->split == 0) {
    PetscCall(PetscObjectReference((PetscObject)x));
    *x0 = x;
  } else PetscCall(HtTensorResplit(x, 0, x0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* x[mask] for a mask of x's shape: the selected elements in row-major order, each rank keeping its own */
static PetscErrorCode HtCompressElements(HtTensor x, HtTensor mask, HtTensor *out)
{
  HtTensor         x0, m;
  const PetscBool *ma;
  const void      *xa;
  void            *oa;
  PetscInt         nsel, total;

  PetscFunctionBegin;
  PetscCall(HtTensorSplitRows(x, &x0));
  PetscCall(HtMaskAlign(mask, 0, x0->map->n, &m));
  PetscCall(HtTensorGetArrayRead(m, &ma));
  PetscCall((*x0->ops->getarray)(x0, PETSC_MEMORY_ACCESS_READ, (void **)&xa));
  PetscCall((*x0->ops->selectmask)(x0, x0->nlocal, xa, ma, NULL, &nsel));
  PetscCall(MPIU_Allreduce(&nsel, &total, 1, MPIU_INT, MPI_SUM, PetscObjectComm((PetscObject)x)));
  PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)x), 1, &total, 0, x->dtype, nsel, NULL, out));
  PetscCall((*(*out)->ops->getarray)(*out, PETSC_MEMORY_ACCESS_WRITE, &oa));
  PetscCall((*x0->ops->selectmask)(x0, x0->nlocal, xa, ma, oa, &nsel));
  PetscCall((*(*out)->ops->restorearray)(*out, PETSC_MEMORY_ACCESS_WRITE, &oa));
  PetscCall((*x0->ops->restorearray)(x0, PETSC_MEMORY_ACCESS_READ, (void **)&xa));
  PetscCall(HtTensorRestoreArrayRead(m, &ma));
  PetscCall(HtTensorDestroy(&m));
  PetscCall(HtTensorDestroy(&x0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorCompress - Selects by a boolean mask (NumPy's x[mask]): the rows of axis 0 where a 1-d mask is true, or the elements where a mask of x's shape is true.

   Collective

   Input Parameters:
+  x - the tensor (at least 1-d)
-  mask - an `HT_BOOL` tensor (any split): 1-d of length x.shape[0], or of x's shape

   Output Parameter:
.  out - a 1-d mask: x's rows where the mask is true (x's shape with axis 0 shortened, x's split); a mask
         of x's shape: the selected elements in row-major order, 1-d, split 0

   Level: beginner

   Notes:
   Each rank keeps the rows (elements) it owns, so no data moves (except to align the mask, and to split a
   tensor along axis 0 for an elementwise mask) and the result is unbalanced; `HtTensorBalance()` balances
   it. A 1-d x takes the row form, which is the same.

.seealso: `HtTensorNonzero()`, `HtTensorTake()`, `HtTensorBalance()`
@*/
PetscErrorCode HtTensorCompress(HtTensor x, HtTensor mask, HtTensor *out)
{
  MPI_Comm  comm;
  PetscBool rowmask, elementmask;
  char      sx[256], sm[256];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidHeaderSpecific(mask, HT_TENSOR_CLASSID, 2);
  PetscValidPointer(out, 3);
  comm = PetscObjectComm((PetscObject)x);
  PetscCheck(x->ndim >= 1, comm, PETSC_ERR_ARG_WRONG, "HtTensorCompress() needs a tensor with at least one axis");
  PetscCheck(mask->dtype == HT_BOOL, comm, PETSC_ERR_ARG_WRONG, "The mask of HtTensorCompress() must be HT_BOOL, not %s; compare or convert it with HtTensorAsType()", HtDTypes[mask->dtype]);
  rowmask     = (PetscBool)(mask->ndim == 1 && mask->shape[0] == x->shape[0]);
  elementmask = (PetscBool)(mask->ndim == x->ndim);
  for (PetscInt d = 0; elementmask && d < x->ndim; d++) elementmask = (PetscBool)(mask->shape[d] == x->shape[d]);
  PetscCall(HtShapeToString(x->ndim, x->shape, sx, sizeof(sx)));
  PetscCall(HtShapeToString(mask->ndim, mask->shape, sm, sizeof(sm)));
  PetscCheck(rowmask || elementmask, comm, PETSC_ERR_ARG_SIZ, "A mask of shape %s does not fit a tensor of shape %s; use a 1-d mask of length %" PetscInt_FMT " (rows) or one of shape %s (elements)", sm, sx, x->shape[0], sx);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Compress, x, 0, 0, 0));
  if (rowmask) PetscCall(HtCompressRows(x, mask, out));
  else PetscCall(HtCompressElements(x, mask, out));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Compress, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorNonzero - The global indices of the non-zero (true) elements of a tensor (NumPy's argwhere, the transpose of nonzero).

   Collective

   Input Parameter:
.  x - the tensor (at least 1-d, any dtype; NaN counts as non-zero)

   Output Parameter:
.  indices - an `HT_INT` tensor of shape (nnz, ndim), split 0: one row of indices per non-zero element,
             in row-major order

   Level: beginner

   Note:
   Each rank lists the elements it owns (a tensor not split along axis 0 is resplit first), so the result
   is unbalanced.

.seealso: `HtTensorCompress()`
@*/
PetscErrorCode HtTensorNonzero(HtTensor x, HtTensor *indices)
{
  MPI_Comm    comm;
  HtTensor    x0;
  const void *xa;
  PetscInt   *ia, lo[HT_MAX_NDIM] = {0}, nnz, shape[2];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(indices, 2);
  comm = PetscObjectComm((PetscObject)x);
  PetscCheck(x->ndim >= 1, comm, PETSC_ERR_ARG_WRONG, "HtTensorNonzero() needs a tensor with at least one axis");
  PetscCall(PetscLogEventBegin(HT_TENSOR_Compress, x, 0, 0, 0));
  PetscCall(HtTensorSplitRows(x, &x0));
  lo[0] = x0->map->rstart;
  PetscCall((*x0->ops->getarray)(x0, PETSC_MEMORY_ACCESS_READ, (void **)&xa));
  PetscCall((*x0->ops->nonzero)(x0, x0->ndim, x0->lshape, lo, xa, NULL, &nnz));
  PetscCall(MPIU_Allreduce(&nnz, &shape[0], 1, MPIU_INT, MPI_SUM, comm));
  shape[1] = x->ndim;
  PetscCall(HtTensorCreate_Private(comm, 2, shape, 0, HT_INT, nnz, NULL, indices));
  PetscCall((*(*indices)->ops->getarray)(*indices, PETSC_MEMORY_ACCESS_WRITE, (void **)&ia));
  PetscCall((*x0->ops->nonzero)(x0, x0->ndim, x0->lshape, lo, xa, ia, &nnz));
  PetscCall((*(*indices)->ops->restorearray)(*indices, PETSC_MEMORY_ACCESS_WRITE, (void **)&ia));
  PetscCall((*x0->ops->restorearray)(x0, PETSC_MEMORY_ACCESS_READ, (void **)&xa));
  PetscCall(HtTensorDestroy(&x0));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Compress, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}
