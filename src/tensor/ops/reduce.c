/*
   Reductions of HtTensor over all elements or along one axis (NumPy semantics, Heat's split rules) and the
   cumulative sum. The kernels (t->ops->reduce) turn the local block into partial results; partials of a
   distributed reduction are merged by one allreduce with an MPI operation that knows the partial (NaN-aware
   extremes, argmin/argmax pairs, Chan's merge of moments), so no rank ever sees another's data.

   Split rules: a reduction along the split axis or over every element gives a replicated result (split -1);
   along another axis the result keeps the split, renumbered when the reduced axis disappears.
*/
#include <heat/private/tensorimpl.h>

PetscLogEvent HT_TENSOR_Reduce, HT_TENSOR_Cumsum, HT_TENSOR_Percentile, HT_TENSOR_Histogram, HT_TENSOR_Cov;

const char *const HtReduceOpNames[] = {"sum", "prod", "min", "max", "all", "any", "count_nonzero", "1-norm", "2-norm", "inf-norm", "argmin", "argmax", "var", NULL};

static void MPIAPI HtMinNaNOp(void *in, void *inout, int *len, MPI_Datatype *type)
{
  for (int i = 0; i < *len; i++) ((PetscReal *)inout)[i] = HtMinNaN(((PetscReal *)inout)[i], ((const PetscReal *)in)[i]);
}

static void MPIAPI HtMaxNaNOp(void *in, void *inout, int *len, MPI_Datatype *type)
{
  for (int i = 0; i < *len; i++) ((PetscReal *)inout)[i] = HtMaxNaN(((PetscReal *)inout)[i], ((const PetscReal *)in)[i]);
}

/* field by field, never as whole structs: with 32-bit PetscInt the struct's tail is padding that the MPI datatype does
   not cover, and Open MPI sizes its buffers by the datatype's true extent (12 bytes for one pair, not 16) */
static void HtArgMerge(void *in, void *inout, int len, PetscBool min)
{
  const HtArgPartial *a = (const HtArgPartial *)in;
  HtArgPartial       *b = (HtArgPartial *)inout;

  for (int i = 0; i < len; i++)
    if (HtArgBetter(&a[i], &b[i], min)) {
      b[i].value = a[i].value;
      b[i].index = a[i].index;
    }
}

static void MPIAPI HtArgMinOp(void *in, void *inout, int *len, MPI_Datatype *type)
{
  HtArgMerge(in, inout, *len, PETSC_TRUE);
}

static void MPIAPI HtArgMaxOp(void *in, void *inout, int *len, MPI_Datatype *type)
{
  HtArgMerge(in, inout, *len, PETSC_FALSE);
}

/* Chan's merge of packed moments [n, shift (f), mean - shift (f), M2 (f x f)]; f follows from the datatype's size */
static void MPIAPI HtMomentsMergeOp(void *in, void *inout, int *len, MPI_Datatype *type)
{
  PetscMPIInt bytes;
  PetscInt    f = 0, each;

  MPI_Type_size(*type, &bytes);
  each = bytes / (PetscMPIInt)sizeof(PetscReal);
  while ((f + 1) * (f + 1) < each) f++; /* each = 1 + 2 f + f^2 */
  for (int i = 0; i < *len; i++) HtMomentsMergeN(f, (const PetscReal *)in + i * each, (PetscReal *)inout + i * each);
}

/*
   HtMomentsAllreduce_Private - merges packed moments of f variables, count sets of them, over comm (in place)
*/
PetscErrorCode HtMomentsAllreduce_Private(MPI_Comm comm, PetscInt f, PetscReal *moments, PetscInt count)
{
  MPI_Datatype type;
  MPI_Op       mop;
  PetscMPIInt  each;

  PetscFunctionBegin;
  PetscCall(PetscMPIIntCast(1 + 2 * f + f * f, &each));
  PetscCallMPI(MPI_Type_contiguous(each, MPIU_REAL, &type));
  PetscCallMPI(MPI_Type_commit(&type));
  PetscCallMPI(MPI_Op_create(HtMomentsMergeOp, 1, &mop));
  PetscCall(HtMPIAllreduce(MPI_IN_PLACE, moments, count, type, mop, comm));
  PetscCallMPI(MPI_Op_free(&mop));
  PetscCallMPI(MPI_Type_free(&type));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the dtype of the simple partials of op (SUM, PROD, MIN and MAX keep acc) */
static HtDType HtReducePartialDType(HtReduceOp op, HtDType acc)
{
  switch (op) {
  case HT_REDUCE_ALL:
  case HT_REDUCE_ANY:
    return HT_BOOL;
  case HT_REDUCE_COUNT_NONZERO:
    return HT_INT;
  case HT_REDUCE_ABSSUM:
  case HT_REDUCE_SUMSQ:
  case HT_REDUCE_ABSMAX:
    return HT_SCALAR;
  default:
    return acc;
  }
}

static PetscErrorCode HtReducePartialSize(HtReduceOp op, HtDType acc, size_t *size)
{
  PetscFunctionBegin;
  if (op == HT_REDUCE_ARGMIN || op == HT_REDUCE_ARGMAX) *size = sizeof(HtArgPartial);
  else if (op == HT_REDUCE_MOMENTS) *size = sizeof(HtMoments);
  else PetscCall(HtDTypeGetSize(HtReducePartialDType(op, acc), size));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the MPI datatype of one partial and the operation merging two; *owned: both were created here and must be freed */
static PetscErrorCode HtReduceGetMPI(HtReduceOp op, HtDType acc, MPI_Datatype *type, MPI_Op *mop, PetscBool *owned)
{
  HtDType      ptype = HtReducePartialDType(op, acc);
  PetscBool    arg = (PetscBool)(op == HT_REDUCE_ARGMIN || op == HT_REDUCE_ARGMAX), extreme = (PetscBool)(op == HT_REDUCE_MIN || op == HT_REDUCE_MAX);
  MPI_Datatype fields[2] = {MPIU_REAL, MPIU_INT}, raw;
  int          lengths[2] = {1, 1};
  MPI_Aint     displs[2]  = {offsetof(HtArgPartial, value), offsetof(HtArgPartial, index)};

  PetscFunctionBegin;
  *owned = PETSC_FALSE;
  if (arg) {
    *owned = PETSC_TRUE;
    PetscCallMPI(MPI_Type_create_struct(2, lengths, displs, fields, &raw));
    PetscCallMPI(MPI_Type_create_resized(raw, 0, sizeof(HtArgPartial), type));
    PetscCallMPI(MPI_Type_free(&raw));
    PetscCallMPI(MPI_Type_commit(type));
    PetscCallMPI(MPI_Op_create(op == HT_REDUCE_ARGMIN ? HtArgMinOp : HtArgMaxOp, 1, mop));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtDTypeGetMPIType(ptype, type));
  if ((extreme && ptype == HT_SCALAR) || op == HT_REDUCE_ABSMAX) {
    *owned = PETSC_TRUE;
    PetscCallMPI(MPI_Type_dup(*type, type));
    PetscCallMPI(MPI_Op_create(op == HT_REDUCE_MIN ? HtMinNaNOp : HtMaxNaNOp, 1, mop));
  } else if (op == HT_REDUCE_PROD) *mop = MPI_PROD;
  else if (op == HT_REDUCE_ALL || (op == HT_REDUCE_MIN && ptype == HT_BOOL)) *mop = MPI_LAND;
  else if (op == HT_REDUCE_ANY || (op == HT_REDUCE_MAX && ptype == HT_BOOL)) *mop = MPI_LOR;
  else if (op == HT_REDUCE_MIN) *mop = MPI_MIN;
  else if (op == HT_REDUCE_MAX) *mop = MPI_MAX;
  else *mop = MPI_SUM;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtReduceAllreduce_Private - merges count partials of op (in place) over comm; acc is the dtype of the simple partials
*/
PetscErrorCode HtReduceAllreduce_Private(MPI_Comm comm, HtReduceOp op, HtDType acc, void *partial, PetscInt count)
{
  MPI_Datatype type;
  MPI_Op       mop;
  PetscBool    owned;

  PetscFunctionBegin;
  if (op == HT_REDUCE_MOMENTS) {
    PetscCall(HtMomentsAllreduce_Private(comm, 1, (PetscReal *)partial, count));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtReduceGetMPI(op, acc, &type, &mop, &owned));
  PetscCall(HtMPIAllreduce(MPI_IN_PLACE, partial, count, type, mop, comm));
  if (owned) {
    PetscCallMPI(MPI_Op_free(&mop));
    PetscCallMPI(MPI_Type_free(&type));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorReduceAxis_Private - the axis to reduce counted from 0 (HT_AXIS_NONE stays so) and the number of
   elements each result element reduces
*/
PetscErrorCode HtTensorReduceAxis_Private(HtTensor x, PetscInt axis, PetscInt *normalized, PetscInt *length)
{
  PetscFunctionBegin;
  if (axis == HT_AXIS_NONE) *normalized = HT_AXIS_NONE;
  else PetscCall(HtTensorNormalizeAxis_Private(x, axis, normalized));
  *length = *normalized == HT_AXIS_NONE ? x->size : x->shape[*normalized];
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorReductionString_Private - names what a reduction of x along axis (normalized or HT_AXIS_NONE) reduces, for
   error messages: "axis 1 of a tensor of shape (5, 4, 3)", "every element of a tensor of shape (0, 3)"
*/
PetscErrorCode HtTensorReductionString_Private(HtTensor x, PetscInt axis, char str[], size_t len)
{
  char shape[256];

  PetscFunctionBegin;
  PetscCall(HtShapeToString(x->ndim, x->shape, shape, sizeof(shape)));
  if (axis == HT_AXIS_NONE) PetscCall(PetscSNPrintf(str, len, "every element of a tensor of shape %s", shape));
  else PetscCall(PetscSNPrintf(str, len, "axis %" PetscInt_FMT " of a tensor of shape %s", axis, shape));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorGetBlock_Private - the local block of x seen as (outer, n, inner) with n along axis (0 <= axis < ndim),
   or as one line of every local element for HT_AXIS_NONE
*/
PetscErrorCode HtTensorGetBlock_Private(HtTensor x, PetscInt axis, HtReduceBlock *b)
{
  PetscFunctionBegin;
  b->dtype = x->dtype;
  b->outer = b->inner = 1;
  if (axis == HT_AXIS_NONE) {
    b->n = x->nlocal;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  b->n = x->lshape[axis];
  for (PetscInt d = 0; d < axis; d++) b->outer *= x->lshape[d];
  for (PetscInt d = axis + 1; d < x->ndim; d++) b->inner *= x->lshape[d];
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorCreateReduced_Private - the zero tensor that holds the reduction of x along axis (normalized, or
   HT_AXIS_NONE): replicated when the reduction crosses ranks, else x's split (renumbered) with x's local lengths
*/
PetscErrorCode HtTensorCreateReduced_Private(HtTensor x, PetscInt axis, PetscBool keepdims, HtDType dtype, HtTensor *out)
{
  PetscInt ndim = 0, shape[HT_MAX_NDIM], split = -1, nlocal = PETSC_DECIDE;

  PetscFunctionBegin;
  for (PetscInt d = 0; d < x->ndim; d++) {
    PetscBool reduced = (PetscBool)(axis == HT_AXIS_NONE || axis == d);

    if (d == x->split && !reduced) {
      split  = ndim;
      nlocal = x->lshape[d];
    }
    if (!reduced) shape[ndim++] = x->shape[d];
    else if (keepdims) shape[ndim++] = 1;
  }
  if (axis != HT_AXIS_NONE && axis == x->split) split = -1;
  PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)x), ndim, shape, split, dtype, split >= 0 ? nlocal : PETSC_DECIDE, NULL, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* argmin/argmax over every element: the local flat index of the winner becomes its global flat index */
static PetscErrorCode HtArgToGlobal(HtTensor x, HtArgPartial *p)
{
  PetscInt off, stride, row = x->split < 0 ? x->nlocal : x->lshape[x->split] * x->inner;

  PetscFunctionBegin;
  PetscCall(HtTensorGetGlobalOffset_Private(x, &off, &stride));
  if (p->index >= 0) p->index = (p->index / row) * stride + off + p->index % row;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   The merged partials of op along axis (normalized or HT_AXIS_NONE) into `partial`, one per local result element.
*/
static PetscErrorCode HtTensorReducePartials(HtTensor x, HtReduceOp op, HtDType acc, PetscInt axis, PetscInt count, void *partial)
{
  HtReduceBlock b;
  const void   *xa;
  PetscBool     crosses = (PetscBool)(x->split >= 0 && (axis == HT_AXIS_NONE || axis == x->split));
  PetscBool     arg     = (PetscBool)(op == HT_REDUCE_ARGMIN || op == HT_REDUCE_ARGMAX);

  PetscFunctionBegin;
  PetscCall(HtTensorGetBlock_Private(x, axis, &b));
  PetscCall(HtTensorGetArrayRead(x, &xa));
  PetscCall((*x->ops->reduce->reduce)(op, &b, xa, acc, axis != HT_AXIS_NONE && axis == x->split ? x->map->rstart : 0, partial));
  PetscCall(HtTensorRestoreArrayRead(x, &xa));
  if (arg && axis == HT_AXIS_NONE) PetscCall(HtArgToGlobal(x, (HtArgPartial *)partial));
  if (crosses) PetscCall(HtReduceAllreduce_Private(PetscObjectComm((PetscObject)x), op, acc, partial, count));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorReduce_Private - out = the reduction op of x along axis (any axis, negative counted from the end, or
   HT_AXIS_NONE), finished by `how` with param, as a new tensor of dtype otype; acc is the dtype of simple partials.
   Reductions without identity (min, max, inf-norm, argmin, argmax) of an empty axis are errors, as in NumPy.
*/
PetscErrorCode HtTensorReduce_Private(HtTensor x, HtReduceOp op, HtDType acc, HtReduceFinish how, PetscReal param, PetscInt axis, PetscBool keepdims, HtDType otype, HtTensor *out)
{
  PetscInt  a, length = 0;
  size_t    psize;
  void     *partial, *oa;
  PetscBool direct;
  char      what[300];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 9);
  PetscCall(HtTensorReduceAxis_Private(x, axis, &a, &length));
  if (!length && (op == HT_REDUCE_MIN || op == HT_REDUCE_MAX || op == HT_REDUCE_ABSMAX || op == HT_REDUCE_ARGMIN || op == HT_REDUCE_ARGMAX)) {
    PetscCall(HtTensorReductionString_Private(x, a, what, sizeof(what)));
    SETERRQ(PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_SIZ, "Cannot take the %s of zero elements (%s): it has no identity, as in NumPy; reduce a nonempty axis", HtReduceOpNames[op], what);
  }
  PetscCall(PetscLogEventBegin(HT_TENSOR_Reduce, x, 0, 0, 0));
  PetscCall(HtTensorCreateReduced_Private(x, a, keepdims, otype, out));
  PetscCall(HtReducePartialSize(op, acc, &psize));
  direct = (PetscBool)(how == HT_FINISH_COPY && op != HT_REDUCE_ARGMIN && op != HT_REDUCE_ARGMAX && op != HT_REDUCE_MOMENTS && HtReducePartialDType(op, acc) == otype);
  PetscCall(HtTensorGetArrayWrite(*out, &oa));
  if (direct) partial = oa;
  else PetscCall(PetscMalloc(PetscMax((*out)->nlocal, 1) * psize, &partial));
  PetscCall(HtTensorReducePartials(x, op, acc, a, (*out)->nlocal, partial));
  if (!direct) {
    PetscCall((*x->ops->reduce->finish)(how, (*out)->nlocal, partial, HtReducePartialDType(op, acc), param, otype, oa));
    PetscCall(PetscFree(partial));
  }
  PetscCall(HtTensorRestoreArrayWrite(*out, &oa));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Reduce, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorMoments_Private - the mean and the standard deviation (ddof) of x along axis from one pass
   (Welford/Chan moments); either output may be NULL
*/
PetscErrorCode HtTensorMoments_Private(HtTensor x, PetscInt axis, PetscInt ddof, PetscBool keepdims, HtTensor *mean, HtTensor *std)
{
  PetscInt    a, length;
  HtMoments  *m;
  HtTensor   *outs[2] = {mean, std};
  PetscScalar *oa;

  PetscFunctionBegin;
  PetscCall(HtTensorReduceAxis_Private(x, axis, &a, &length));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Reduce, x, 0, 0, 0));
  for (PetscInt k = 0; k < 2; k++)
    if (outs[k]) PetscCall(HtTensorCreateReduced_Private(x, a, keepdims, HT_SCALAR, outs[k]));
  PetscCall(PetscMalloc1(PetscMax((mean ? *mean : *std)->nlocal, 1), &m));
  PetscCall(HtTensorReducePartials(x, HT_REDUCE_MOMENTS, HT_SCALAR, a, (mean ? *mean : *std)->nlocal, m));
  for (PetscInt k = 0; k < 2; k++) {
    if (!outs[k]) continue;
    PetscCall(HtTensorGetArrayWrite(*outs[k], &oa));
    PetscCall((*x->ops->reduce->finish)(k ? HT_FINISH_STD : HT_FINISH_MEAN, (*outs[k])->nlocal, m, HT_SCALAR, (PetscReal)ddof, HT_SCALAR, oa));
    PetscCall(HtTensorRestoreArrayWrite(*outs[k], &oa));
  }
  PetscCall(PetscFree(m));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Reduce, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSum - Sum of the elements over every axis or along one axis (NumPy's sum).

   Collective

   Input Parameters:
+  x - the tensor
.  axis - the axis to sum along (negative counts from the end), or `HT_AXIS_NONE` for every element
-  keepdims - keep the reduced axis with length 1, so that the result broadcasts against x

   Output Parameter:
.  out - the sum: `HT_SCALAR` for `HT_SCALAR` x, `HT_INT` for `HT_INT` and `HT_BOOL` x

   Level: beginner

   Notes:
   A sum along the split axis, or over every element, is merged over the ranks by one allreduce and the result is
   replicated (split -1); along another axis no data move and the result keeps x's split and local lengths (the
   split axis renumbered if the reduced axis before it disappears). The sum of zero elements is 0; NaN propagates.
   Scalars are summed pairwise on each rank, as NumPy does.

.seealso: `HtTensorMean()`, `HtTensorProd()`, `HtTensorCumsum()`, `HT_AXIS_NONE`
@*/
PetscErrorCode HtTensorSum(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorReduce_Private(x, HT_REDUCE_SUM, HtSumDType(x->dtype), HT_FINISH_COPY, 0, axis, keepdims, HtSumDType(x->dtype), out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorProd - Product of the elements over every axis or along one axis (NumPy's prod).

   Collective

   Input Parameters:
+  x - the tensor
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for every element
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - the product: `HT_SCALAR` for `HT_SCALAR` x, `HT_INT` for `HT_INT` and `HT_BOOL` x

   Level: beginner

   Note:
   The product of zero elements is 1. Split rules as `HtTensorSum()`.

.seealso: `HtTensorSum()`
@*/
PetscErrorCode HtTensorProd(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorReduce_Private(x, HT_REDUCE_PROD, HtSumDType(x->dtype), HT_FINISH_COPY, 0, axis, keepdims, HtSumDType(x->dtype), out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorMean - Arithmetic mean over every axis or along one axis (NumPy's mean).

   Collective

   Input Parameters:
+  x - the tensor (any dtype)
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for every element
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - the mean, `HT_SCALAR`

   Level: beginner

   Note:
   The sum (pairwise, in floating point even for integers) divided by the number of elements; the mean of zero
   elements is NaN, as in NumPy. Split rules as `HtTensorSum()`.

.seealso: `HtTensorSum()`, `HtTensorVar()`, `HtTensorAverage()`
@*/
PetscErrorCode HtTensorMean(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscInt a, length = 0;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorReduceAxis_Private(x, axis, &a, &length));
  PetscCall(HtTensorReduce_Private(x, HT_REDUCE_SUM, HT_SCALAR, HT_FINISH_DIVIDE, (PetscReal)length, axis, keepdims, HT_SCALAR, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorVarStd_Private(HtTensor x, const char name[], PetscInt axis, PetscInt ddof, PetscBool keepdims, HtReduceFinish how, HtTensor *out)
{
  PetscInt a, length = 0;
  char     what[300];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorReduceAxis_Private(x, axis, &a, &length));
  PetscCall(HtTensorReductionString_Private(x, a, what, sizeof(what)));
  PetscCheck(ddof >= 0 && ddof < length, PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_OUTOFRANGE, "%s(): ddof %" PetscInt_FMT " must be at least 0 and less than the %" PetscInt_FMT " elements reduced (%s); use ddof 0 for the population, 1 for the sample %s", name, ddof, length, what, how == HT_FINISH_VAR ? "variance" : "deviation");
  PetscCall(HtTensorReduce_Private(x, HT_REDUCE_MOMENTS, HT_SCALAR, how, (PetscReal)ddof, axis, keepdims, HT_SCALAR, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorVar - Variance over every axis or along one axis (NumPy's var), computed stably.

   Collective

   Input Parameters:
+  x - the tensor (any dtype)
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for every element
.  ddof - delta degrees of freedom: the divisor is N - ddof (0: population variance, 1: sample variance)
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - the variance, `HT_SCALAR`

   Level: beginner

   Notes:
   Each rank computes the count, mean and sum of squared deviations of its part (chunk-wise two-pass, merged with
   Chan's update) and the ranks' moments are merged pairwise in one allreduce: there is no sum of squares, so data
   with a mean much larger than their spread (1e9 + noise) keep all their digits. ddof must be in [0, N).
   Split rules as `HtTensorSum()`.

.seealso: `HtTensorStd()`, `HtTensorMean()`, `HtTensorCov()`
@*/
PetscErrorCode HtTensorVar(HtTensor x, PetscInt axis, PetscInt ddof, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBegin;
  PetscCall(HtTensorVarStd_Private(x, "HtTensorVar", axis, ddof, keepdims, HT_FINISH_VAR, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorStd - Standard deviation over every axis or along one axis (NumPy's std), computed stably.

   Collective

   Input Parameters:
+  x - the tensor (any dtype)
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for every element
.  ddof - delta degrees of freedom: the divisor is N - ddof
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - the standard deviation, `HT_SCALAR`

   Level: beginner

   Note:
   The square root of `HtTensorVar()`.

.seealso: `HtTensorVar()`, `HtTensorMean()`
@*/
PetscErrorCode HtTensorStd(HtTensor x, PetscInt axis, PetscInt ddof, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBegin;
  PetscCall(HtTensorVarStd_Private(x, "HtTensorStd", axis, ddof, keepdims, HT_FINISH_STD, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorMin - Smallest element over every axis or along one axis (NumPy's min).

   Collective

   Input Parameters:
+  x - the tensor
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for every element
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - the minimum, of x's dtype

   Level: beginner

   Notes:
   NaN propagates: the minimum of elements one of which is NaN is NaN. The minimum of zero elements is an error.
   Split rules as `HtTensorSum()`.

.seealso: `HtTensorMax()`, `HtTensorArgmin()`
@*/
PetscErrorCode HtTensorMin(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorReduce_Private(x, HT_REDUCE_MIN, x->dtype, HT_FINISH_COPY, 0, axis, keepdims, x->dtype, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorMax - Largest element over every axis or along one axis (NumPy's max).

   Collective

   Input Parameters:
+  x - the tensor
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for every element
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - the maximum, of x's dtype

   Level: beginner

   Note:
   NaN propagates; the maximum of zero elements is an error. Split rules as `HtTensorSum()`.

.seealso: `HtTensorMin()`, `HtTensorArgmax()`
@*/
PetscErrorCode HtTensorMax(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorReduce_Private(x, HT_REDUCE_MAX, x->dtype, HT_FINISH_COPY, 0, axis, keepdims, x->dtype, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorArgmin - Index of the smallest element over every axis or along one axis (NumPy's argmin).

   Collective

   Input Parameters:
+  x - the tensor
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for the flat index in the whole tensor
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - `HT_INT` global indices: along the axis, or into the flattened (row-major) tensor

   Level: beginner

   Notes:
   The first occurrence wins ties; if there is a NaN, the index of the first NaN is returned, as in NumPy. Every rank
   sends (value, global index) pairs, merged by one allreduce. An empty axis is an error. Split rules as `HtTensorSum()`.

.seealso: `HtTensorArgmax()`, `HtTensorMin()`
@*/
PetscErrorCode HtTensorArgmin(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorReduce_Private(x, HT_REDUCE_ARGMIN, x->dtype, HT_FINISH_INDEX, 0, axis, keepdims, HT_INT, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorArgmax - Index of the largest element over every axis or along one axis (NumPy's argmax).

   Collective

   Input Parameters:
+  x - the tensor
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for the flat index in the whole tensor
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - `HT_INT` global indices

   Level: beginner

   Note:
   First occurrence on ties, first NaN if any, as in NumPy; an empty axis is an error.

.seealso: `HtTensorArgmin()`, `HtTensorMax()`
@*/
PetscErrorCode HtTensorArgmax(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorReduce_Private(x, HT_REDUCE_ARGMAX, x->dtype, HT_FINISH_INDEX, 0, axis, keepdims, HT_INT, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorAll - Whether every element is nonzero, over every axis or along one axis (NumPy's all).

   Collective

   Input Parameters:
+  x - the tensor (any dtype; NaN counts as nonzero)
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for every element
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - `HT_BOOL`; true for zero elements

   Level: beginner

.seealso: `HtTensorAny()`, `HtTensorCountNonzero()`
@*/
PetscErrorCode HtTensorAll(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorReduce_Private(x, HT_REDUCE_ALL, HT_BOOL, HT_FINISH_COPY, 0, axis, keepdims, HT_BOOL, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorAny - Whether some element is nonzero, over every axis or along one axis (NumPy's any).

   Collective

   Input Parameters:
+  x - the tensor (any dtype; NaN counts as nonzero)
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for every element
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - `HT_BOOL`; false for zero elements

   Level: beginner

.seealso: `HtTensorAll()`, `HtTensorCountNonzero()`
@*/
PetscErrorCode HtTensorAny(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorReduce_Private(x, HT_REDUCE_ANY, HT_BOOL, HT_FINISH_COPY, 0, axis, keepdims, HT_BOOL, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorCountNonzero - Number of nonzero elements over every axis or along one axis (NumPy's count_nonzero).

   Collective

   Input Parameters:
+  x - the tensor (any dtype; NaN counts as nonzero)
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for every element
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - the counts, `HT_INT`

   Level: beginner

.seealso: `HtTensorAny()`, `HtTensorSum()`
@*/
PetscErrorCode HtTensorCountNonzero(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorReduce_Private(x, HT_REDUCE_COUNT_NONZERO, HT_INT, HT_FINISH_COPY, 0, axis, keepdims, HT_INT, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorCountNonFinite - Counts the NaN and Inf elements and finds the first of them (NumPy's
   `(~np.isfinite(x)).sum()` and `np.flatnonzero(~np.isfinite(x))[0]`), without a temporary mask.

   Collective

   Input Parameter:
.  x - the tensor (`HT_INT` and `HT_BOOL` tensors are finite)

   Output Parameters:
+  count - the number of NaN and Inf elements (or NULL)
-  first - the flat (C-order) global index of the first of them, or -1 when there is none (or NULL)

   Level: intermediate

   Note:
   One pass over the local block and one reduction of two integers.

.seealso: `HtTensorUnary()`, `HT_UNARY_ISFINITE`, `HtTensorCountNonzero()`
@*/
PetscErrorCode HtTensorCountNonFinite(HtTensor x, PetscInt *count, PetscInt *first)
{
  const void *xa;
  PetscInt    n, loc, nl = x->split < 0 ? 0 : x->lshape[x->split];
  PetscInt    offset, stride, global[2]; /* count, first flat index (PETSC_MAX_INT: none) */

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorGetArrayRead(x, &xa));
  PetscCall((*x->ops->reduce->nonfinite)(x->dtype, x->nlocal, xa, &n, &loc));
  PetscCall(HtTensorRestoreArrayRead(x, &xa));
  PetscCall(HtTensorGetGlobalOffset_Private(x, &offset, &stride));
  global[0] = n;
  global[1] = PETSC_MAX_INT;
  if (loc >= 0) global[1] = x->split < 0 ? loc : loc / (nl * x->inner) * stride + offset + loc % (nl * x->inner);
  if (x->split >= 0) {
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &global[0], 1, MPIU_INT, MPI_SUM, PetscObjectComm((PetscObject)x)));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &global[1], 1, MPIU_INT, MPI_MIN, PetscObjectComm((PetscObject)x)));
  }
  if (count) *count = global[0];
  if (first) *first = global[1] == PETSC_MAX_INT ? -1 : global[1];
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorNorm - Vector norm of the elements, over every element or along one axis (NumPy's linalg.norm of the
   flattened tensor, or with an integer axis).

   Collective

   Input Parameters:
+  x - the tensor (any dtype)
.  type - `NORM_1` (sum of |x|), `NORM_2` or `NORM_FROBENIUS` (square root of the sum of squares), `NORM_INFINITY` (max |x|)
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for every element
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - the norms, `HT_SCALAR`

   Level: beginner

   Notes:
   Over every element the 2-norm of the flattened tensor is its Frobenius norm, so `NORM_2` and `NORM_FROBENIUS`
   agree. NaN propagates; the infinity norm of zero elements is an error, the others are 0.
   Split rules as `HtTensorSum()`.

.seealso: `HtTensorSum()`, `HtTensorMax()`, `HtTensorMatrixNorm()`
@*/
PetscErrorCode HtTensorNorm(HtTensor x, NormType type, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  HtReduceOp     op[]  = {HT_REDUCE_ABSSUM, HT_REDUCE_SUMSQ, HT_REDUCE_SUMSQ, HT_REDUCE_ABSMAX};
  HtReduceFinish how[] = {HT_FINISH_COPY, HT_FINISH_SQRT, HT_FINISH_SQRT, HT_FINISH_COPY};

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCheck(type >= NORM_1 && type <= NORM_INFINITY, PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_OUTOFRANGE, "HtTensorNorm() computes NORM_1, NORM_2, NORM_FROBENIUS or NORM_INFINITY, not %s", NormTypes[type]);
  PetscCall(HtTensorReduce_Private(x, op[type], HT_SCALAR, how[type], 0, axis, keepdims, HT_SCALAR, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorCumsum - Cumulative sum along an axis (NumPy's cumsum with an axis).

   Collective

   Input Parameters:
+  x - the tensor
-  axis - the axis (negative counts from the end)

   Output Parameter:
.  out - same shape, split and layout as x: `HT_SCALAR` for `HT_SCALAR` x, `HT_INT` for `HT_INT` and `HT_BOOL` x

   Level: beginner

   Notes:
   Along the split axis each rank first sums its block along the axis, an exclusive scan (`MPI_Exscan()`) over the
   ranks gives the sums of the blocks before it, and the local scan starts from them: x is read twice, nothing but
   one slice of partial sums is communicated. Along another axis no data move.

.seealso: `HtTensorSum()`
@*/
PetscErrorCode HtTensorCumsum(HtTensor x, PetscInt axis, HtTensor *out)
{
  MPI_Comm      comm;
  HtDType       otype;
  HtReduceBlock b;
  PetscInt      a;
  void         *carry = NULL, *totals = NULL, *ya;
  const void   *xa;
  size_t        osize;
  PetscMPIInt   n, rank;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 3);
  comm = PetscObjectComm((PetscObject)x);
  PetscCheck(axis != HT_AXIS_NONE, comm, PETSC_ERR_ARG_WRONG, "HtTensorCumsum() needs an axis; for the cumulative sum of the flattened tensor scan a 1-d tensor along axis 0");
  PetscCall(HtTensorNormalizeAxis_Private(x, axis, &a));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Cumsum, x, 0, 0, 0));
  otype = HtSumDType(x->dtype);
  PetscCall(HtDTypeGetSize(otype, &osize));
  PetscCall(HtTensorCreate_Private(comm, x->ndim, x->shape, x->split, otype, x->split >= 0 ? x->lshape[x->split] : PETSC_DECIDE, NULL, out));
  PetscCall(HtTensorGetBlock_Private(x, a, &b));
  PetscCall(HtTensorGetArrayRead(x, &xa));
  if (a == x->split) {
    PetscCall(PetscMalloc2(b.outer * b.inner * osize, &totals, b.outer * b.inner * osize, &carry));
    PetscCall((*x->ops->reduce->reduce)(HT_REDUCE_SUM, &b, xa, otype, 0, totals));
    PetscCall(PetscMPIIntCast(b.outer * b.inner, &n));
    PetscCallMPI(MPI_Exscan(totals, carry, n, otype == HT_SCALAR ? MPIU_SCALAR : MPIU_INT, MPI_SUM, comm));
    PetscCallMPI(MPI_Comm_rank(comm, &rank));
    if (!rank) PetscCall(PetscMemzero(carry, b.outer * b.inner * osize)); /* MPI_Exscan leaves rank 0's result undefined */
  }
  PetscCall(HtTensorGetArrayWrite(*out, &ya));
  PetscCall((*x->ops->reduce->cumsum)(&b, xa, carry, ya));
  PetscCall(HtTensorRestoreArrayWrite(*out, &ya));
  PetscCall(HtTensorRestoreArrayRead(x, &xa));
  if (carry) PetscCall(PetscFree2(totals, carry));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Cumsum, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}
