/*
   Statistics of HtTensor: percentile and median without gathering the data (the distributed selection of select.c),
   histogram, bincount, covariance matrix of a data tensor (chunked BLAS syrk, one allreduce of moments) and
   weighted average.
*/
#include <heat/private/tensorimpl.h>

#define HT_SELECT_MAX_LINES 64 /* more lines crossing ranks than this are made local by one resplit instead */

/* NumPy's linear method: virtual index n q + (1 - q) - 1 of the sorted values, clipped to [0, n-1] */
static void HtQuantileIndexCompute(PetscInt n, PetscReal percent, HtQuantileIndex *qi)
{
  PetscReal q = percent / 100, vi = n * q + (1 + q * (1 - 1 - 1)) - 1, f = PetscFloorReal(vi);

  qi->prev  = (PetscInt)f;
  qi->next  = qi->prev + 1;
  qi->gamma = vi - f;
  if (vi >= n - 1) qi->prev = qi->next = n - 1;
  if (vi < 0) qi->prev = qi->next = 0;
}

/*
   Quantiles of lines that cross ranks (x reduced along its split axis, or over every element), without moving the
   data: the two order statistics of every line come from the distributed selection, with the local block seen as
   outer n rows of inner columns and the rows of one outer index as one class (so a line is a group).
*/
static PetscErrorCode HtQuantileDistributed(HtTensor x, PetscInt axis, const HtQuantileIndex *qi, PetscScalar *out)
{
  HtReduceBlock b;
  HtSelection   sel;
  PetscInt      nlines;
  PetscReal    *targets, *v;

  PetscFunctionBegin;
  PetscCall(HtTensorGetBlock_Private(x, axis, &b));
  nlines = b.outer * b.inner;
  PetscCall(PetscMalloc2(2 * nlines, &targets, 2 * nlines, &v));
  for (PetscInt l = 0; l < nlines; l++) { /* the k-th smallest (from 0) is where the count of the values up to it reaches k + 1 */
    targets[2 * l]     = qi->prev + 1;
    targets[2 * l + 1] = qi->next + 1;
  }
  sel.comm     = PetscObjectComm((PetscObject)x);
  sel.backend  = x;
  sel.block    = (HtSelectBlock){b.dtype, b.outer * b.n, b.inner, NULL, NULL, b.n, NULL};
  sel.nclasses = b.outer;
  sel.ntargets = 2;
  sel.ranges   = NULL; /* found by the selection, which also finds the lines holding a NaN: they give NaN */
  PetscCall(HtTensorGetArrayRead(x, &sel.block.x));
  PetscCall(HtTensorSelect_Private(&sel, targets, v));
  PetscCall(HtTensorRestoreArrayRead(x, &sel.block.x));
  for (PetscInt l = 0; l < nlines; l++) out[l] = qi->next > qi->prev ? HtLerp(v[2 * l], v[2 * l + 1], qi->gamma) : v[2 * l];
  PetscCall(PetscFree2(targets, v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the quantile of x along axis a (normalized, or HT_AXIS_NONE) with NumPy's linear interpolation */
static PetscErrorCode HtTensorQuantile_Private(HtTensor x, const HtQuantileIndex *qi, PetscInt a, PetscBool keepdims, HtTensor *out)
{
  PetscBool     crosses = (PetscBool)(x->split >= 0 && (a == HT_AXIS_NONE || a == x->split));
  HtReduceBlock b;
  const void   *xa;
  PetscScalar  *oa;

  PetscFunctionBegin;
  PetscCall(HtTensorGetBlock_Private(x, a, &b));
  if (crosses && b.outer * b.inner > HT_SELECT_MAX_LINES) {
    HtTensor y, local;
    PetscInt d = a ? 0 : 1;

    for (PetscInt k = 0; k < x->ndim; k++)
      if (k != a && x->shape[k] > x->shape[d]) d = k;
    PetscCall(HtTensorResplit(x, d, &y)); /* every line local: one all-to-all instead of many selection rounds */
    PetscCall(HtTensorQuantile_Private(y, qi, a, keepdims, &local));
    PetscCall(HtTensorResplit(local, -1, out));
    PetscCall(HtTensorDestroy(&local));
    PetscCall(HtTensorDestroy(&y));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtTensorCreateReduced_Private(x, a, keepdims, HT_SCALAR, out));
  PetscCall(HtTensorGetArrayWrite(*out, &oa));
  if (crosses) PetscCall(HtQuantileDistributed(x, a, qi, oa));
  else {
    PetscCall(HtTensorGetArrayRead(x, &xa));
    PetscCall((*x->ops->reduce->quantile)(&b, xa, qi, oa));
    PetscCall(HtTensorRestoreArrayRead(x, &xa));
  }
  PetscCall(HtTensorRestoreArrayWrite(*out, &oa));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorPercentile - The q-th percentile over every element or along one axis (NumPy's percentile, linear method).

   Collective

   Input Parameters:
+  x - the tensor (any dtype)
.  q - the percentile, in [0, 100]
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for every element
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - the percentiles, `HT_SCALAR`

   Level: beginner

   Notes:
   As NumPy's default ("linear"): the value at virtual index (N - 1) q / 100 of the sorted elements, interpolated
   between its two neighbours. A line with a NaN gives NaN. Zero elements are an error.

   Along an axis that is not split every line is local and is selected on its rank. Along the split axis, or over
   every element, the data are never gathered: after one pass for the range of every line, a distributed selection
   narrows a window of values around each of the two order statistics by rounds of 64-bucket histograms (counts
   and smallest and largest values per bucket, reduced by one small allreduce per round) until a window holds one
   value or at most 64 values, which are gathered. The first round reads the local block; the few values left in
   the windows (typically a few percent) are then copied out and later rounds read only them, so a median costs
   about three passes over the data and no rank holds more than its own block and a small fraction of it. With
   more than 64 lines crossing ranks the tensor is instead resplit along another axis so that every line is local.
   Split rules as `HtTensorSum()`.

.seealso: `HtTensorMedian()`, `HtTensorHistogram()`
@*/
PetscErrorCode HtTensorPercentile(HtTensor x, PetscReal q, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscInt        a, length = 0;
  HtQuantileIndex qi;
  char            what[300];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 5);
  PetscCheck(q >= 0 && q <= 100, PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_OUTOFRANGE, "Percentile %g is outside [0, 100]; for a quantile in [0, 1] pass 100 times it", (double)q);
  PetscCall(HtTensorReduceAxis_Private(x, axis, &a, &length));
  PetscCall(HtTensorReductionString_Private(x, a, what, sizeof(what)));
  PetscCheck(length > 0, PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_SIZ, "Cannot take a percentile of zero elements (%s); reduce a nonempty axis", what);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Percentile, x, 0, 0, 0));
  HtQuantileIndexCompute(length, q, &qi);
  PetscCall(HtTensorQuantile_Private(x, &qi, a, keepdims, out));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Percentile, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorMedian - The median over every element or along one axis (NumPy's median).

   Collective

   Input Parameters:
+  x - the tensor (any dtype)
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for every element
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - the medians, `HT_SCALAR`

   Level: beginner

   Note:
   The 50th percentile, see `HtTensorPercentile()`: NaN in a line gives NaN, and the data are never gathered.

.seealso: `HtTensorPercentile()`, `HtTensorMean()`
@*/
PetscErrorCode HtTensorMedian(HtTensor x, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  PetscFunctionBegin;
  PetscCall(HtTensorPercentile(x, 50, axis, keepdims, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* NumPy's outer edges of a histogram: the given range, or the data's; an empty range grows by 1/2 on each side */
static PetscErrorCode HtHistogramRange(HtTensor x, const PetscReal range[], PetscReal *first, PetscReal *last)
{
  MPI_Comm comm = PetscObjectComm((PetscObject)x);
  HtTensor extreme[2];

  PetscFunctionBegin;
  if (range) {
    PetscCheck(range[0] <= range[1], comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorHistogram(): the range [%g, %g] has its maximum below its minimum; pass {min, max}", (double)range[0], (double)range[1]);
    PetscCheck(PetscIsNormalReal(range[0]) || range[0] == 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorHistogram(): the range [%g, %g] is not finite", (double)range[0], (double)range[1]);
    PetscCheck(PetscIsNormalReal(range[1]) || range[1] == 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorHistogram(): the range [%g, %g] is not finite", (double)range[0], (double)range[1]);
    *first = range[0];
    *last  = range[1];
  } else if (!x->size) {
    *first = 0;
    *last  = 1;
  } else {
    PetscCall(HtTensorMin(x, HT_AXIS_NONE, PETSC_FALSE, &extreme[0]));
    PetscCall(HtTensorMax(x, HT_AXIS_NONE, PETSC_FALSE, &extreme[1]));
    for (PetscInt k = 0; k < 2; k++) {
      const void *v;

      PetscCall(HtTensorGetArrayRead(extreme[k], &v));
      *(k ? last : first) = PetscRealPart(HtElementGet(x->dtype, v, 0));
      PetscCall(HtTensorRestoreArrayRead(extreme[k], &v));
      PetscCall(HtTensorDestroy(&extreme[k]));
    }
    PetscCheck(!PetscIsInfOrNanReal(*first) && !PetscIsInfOrNanReal(*last), comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorHistogram(): the data range [%g, %g] is not finite; pass a range", (double)*first, (double)*last);
  }
  if (*first == *last) {
    *first -= 0.5;
    *last += 0.5;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorHistogram - Histogram of the elements in equal bins (NumPy's histogram with an integer number of bins).

   Collective

   Input Parameters:
+  x - the tensor (any dtype, any split; every element counts)
.  nbins - the number of bins (>= 1)
-  range - {min, max} of the bins, or NULL for the smallest and largest element

   Output Parameters:
+  hist - the counts, `HT_INT` of length nbins, replicated
-  edges - the nbins + 1 bin edges, `HT_SCALAR`, replicated (or NULL)

   Level: beginner

   Notes:
   As NumPy: bins are half-open [e_k, e_k+1) except the last, which includes its right edge; elements outside the
   range (and NaN) are not counted; an empty range [a, a] becomes [a - 1/2, a + 1/2]. Each rank counts its block,
   one allreduce adds the counts.

.seealso: `HtTensorBincount()`, `HtTensorPercentile()`
@*/
PetscErrorCode HtTensorHistogram(HtTensor x, PetscInt nbins, const PetscReal range[], HtTensor *hist, HtTensor *edges)
{
  MPI_Comm     comm;
  PetscReal    first, last, step, *e;
  PetscInt     nedges = nbins + 1, *h;
  PetscScalar *ea;
  const void  *xa;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(hist, 4);
  comm = PetscObjectComm((PetscObject)x);
  PetscCheck(nbins >= 1, comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorHistogram() needs at least one bin, not %" PetscInt_FMT, nbins);
  PetscCall(HtHistogramRange(x, range, &first, &last));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Histogram, x, 0, 0, 0));
  PetscCall(PetscMalloc1(nedges, &e));
  step = (last - first) / nbins; /* NumPy's linspace(first, last, nbins + 1) */
  for (PetscInt k = 0; k < nedges; k++) e[k] = step == 0 ? k / (PetscReal)nbins * (last - first) + first : k * step + first;
  e[nbins] = last;
  PetscCall(HtTensorCreate(comm, 1, &nbins, -1, HT_INT, hist));
  PetscCall(HtTensorGetArray(*hist, &h));
  PetscCall(HtTensorGetArrayRead(x, &xa));
  PetscCall((*x->ops->reduce->histogram)(x->dtype, x->nlocal, xa, nbins, e, h));
  PetscCall(HtTensorRestoreArrayRead(x, &xa));
  if (x->split >= 0) PetscCall(MPIU_Allreduce(MPI_IN_PLACE, h, nbins, MPIU_INT, MPI_SUM, comm));
  PetscCall(HtTensorRestoreArray(*hist, &h));
  if (edges) {
    PetscCall(HtTensorCreate(comm, 1, &nedges, -1, HT_SCALAR, edges));
    PetscCall(HtTensorGetArrayWrite(*edges, &ea));
    for (PetscInt k = 0; k < nedges; k++) ea[k] = e[k];
    PetscCall(HtTensorRestoreArrayWrite(*edges, &ea));
  }
  PetscCall(PetscFree(e));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Histogram, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a copy of t with the given split and local length of it (PETSC_DECIDE for split -1), moved by redistribution */
static PetscErrorCode HtTensorAlign_Private(HtTensor t, PetscInt split, PetscInt nlocal, HtTensor *aligned)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)t), t->ndim, t->shape, split, t->dtype, split >= 0 ? nlocal : PETSC_DECIDE, NULL, aligned));
  PetscCall(HtTensorRedistribute_Private(t, *aligned));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the global extremes of the integers x (lo the least, hi the greatest) */
static PetscErrorCode HtBincountRange(HtTensor x, PetscInt *lo, PetscInt *hi)
{
  PetscFunctionBegin;
  for (PetscInt k = 0; k < 2; k++) {
    HtTensor        extreme, v;
    const PetscInt *e;

    PetscCall((k ? HtTensorMax : HtTensorMin)(x, HT_AXIS_NONE, PETSC_FALSE, &extreme));
    PetscCall(HtTensorAsType(extreme, HT_INT, &v));
    PetscCall(HtTensorGetArrayRead(v, &e));
    *(k ? hi : lo) = e[0];
    PetscCall(HtTensorRestoreArrayRead(v, &e));
    PetscCall(HtTensorDestroy(&v));
    PetscCall(HtTensorDestroy(&extreme));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* counts[c] (len + 1 entries, zeroed here) = the global counts (or sums of the weights w, aligned with x) of the
   values c in [0, len) of x, counts[len] = the number of values outside; one pass and one allreduce */
static PetscErrorCode HtBincountPass(HtTensor x, HtTensor w, PetscInt len, PetscReal counts[])
{
  const void *xa, *wa = NULL;

  PetscFunctionBegin;
  PetscCall(PetscArrayzero(counts, len + 1));
  PetscCall(HtTensorGetArrayRead(x, &xa));
  if (w) PetscCall(HtTensorGetArrayRead(w, &wa));
  PetscCall((*x->ops->reduce->bincount)(x->dtype, x->nlocal, xa, w ? w->dtype : HT_SCALAR, wa, len, counts));
  if (w) PetscCall(HtTensorRestoreArrayRead(w, &wa));
  PetscCall(HtTensorRestoreArrayRead(x, &xa));
  if (x->split >= 0) PetscCall(MPIU_Allreduce(MPI_IN_PLACE, counts, len + 1, MPIU_REAL, MPI_SUM, PetscObjectComm((PetscObject)x)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorBincount - Number of occurrences (or sum of weights) of each nonnegative integer (NumPy's bincount).

   Collective

   Input Parameters:
+  x - a 1-d `HT_INT` or `HT_BOOL` tensor of nonnegative values, any split
.  weights - NULL, or a 1-d tensor of the same length (any dtype, any split)
-  minlength - the least length of the result

   Output Parameter:
.  out - replicated, of length max(max(x) + 1, minlength): `HT_INT` counts, or `HT_SCALAR` sums of weights

   Level: beginner

   Notes:
   The weights are redistributed to x's layout; each rank counts its block, one allreduce adds the counts.
   When every value is below minlength (labels counted with their number of classes) that is the only pass over x;
   otherwise the extremes of x are found first (two more passes).

.seealso: `HtTensorHistogram()`
@*/
PetscErrorCode HtTensorBincount(HtTensor x, HtTensor weights, PetscInt minlength, HtTensor *out)
{
  MPI_Comm   comm;
  HtTensor   w = NULL;
  PetscInt   len = minlength, lo, hi;
  PetscReal *counts;
  void      *oa;
  char       shape[256];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 4);
  comm = PetscObjectComm((PetscObject)x);
  PetscCall(HtShapeToString(x->ndim, x->shape, shape, sizeof(shape)));
  PetscCheck(x->ndim == 1 && x->dtype != HT_SCALAR, comm, PETSC_ERR_ARG_WRONG, "HtTensorBincount() needs a 1-d HT_INT or HT_BOOL tensor, not one of shape %s and dtype %s", shape, HtDTypes[x->dtype]);
  PetscCheck(minlength >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorBincount(): minlength %" PetscInt_FMT " is negative", minlength);
  if (weights) {
    PetscValidHeaderSpecific(weights, HT_TENSOR_CLASSID, 2);
    PetscCheck(weights->ndim == 1 && weights->shape[0] == x->shape[0], comm, PETSC_ERR_ARG_SIZ, "HtTensorBincount(): the weights need the shape %s of x, not %" PetscInt_FMT "-d with %" PetscInt_FMT " elements", shape, weights->ndim, weights->size);
    PetscCall(HtTensorAlign_Private(weights, x->split, x->split >= 0 ? x->lshape[0] : PETSC_DECIDE, &w));
  }
  PetscCall(PetscMalloc1(len + 1, &counts));
  if (len || !x->size) PetscCall(HtBincountPass(x, w, len, counts));
  if (x->size && (!len || counts[len] > 0)) { /* values outside [0, minlength): their range, and the count */
    PetscCall(HtBincountRange(x, &lo, &hi));
    PetscCheck(lo >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorBincount() counts nonnegative integers; x holds %" PetscInt_FMT, lo);
    len = PetscMax(len, hi + 1);
    PetscCall(PetscFree(counts));
    PetscCall(PetscMalloc1(len + 1, &counts));
    PetscCall(HtBincountPass(x, w, len, counts));
  }
  PetscCall(HtTensorCreate(comm, 1, &len, -1, w ? HT_SCALAR : HT_INT, out));
  PetscCall(HtTensorGetArrayWrite(*out, &oa));
  for (PetscInt k = 0; k < len; k++) HtElementSet((*out)->dtype, oa, k, counts[k]);
  PetscCall(HtTensorRestoreArrayWrite(*out, &oa));
  PetscCall(PetscFree(counts));
  PetscCall(HtTensorDestroy(&w));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorCov - Covariance matrix of the features of a data tensor (NumPy's cov(X, rowvar=False, ddof=ddof)).

   Collective

   Input Parameters:
+  X - a 2-d (samples, features) tensor split along the samples (axis 0), any dtype
-  ddof - delta degrees of freedom: the divisor is samples - ddof (1: the unbiased estimate, NumPy's default)

   Output Parameter:
.  C - the features x features covariance matrix, `HT_SCALAR`, replicated

   Level: beginner

   Notes:
   One pass over the local rows: each chunk of rows (128 KiB) is centered on its own mean into one work chunk and
   multiplied by BLAS syrk, and the chunks' moments are merged with Chan's update; then one allreduce merges the
   ranks' (count, mean, M2) pairwise. No sum of squares is formed, so a large mean does not cost digits, and no
   temporaries beyond one chunk exist. An integer X is converted to `HT_SCALAR` first.

.seealso: `HtTensorVar()`, `HtTensorDescribe()`
@*/
PetscErrorCode HtTensorCov(HtTensor X, PetscInt ddof, HtTensor *C)
{
  MPI_Comm           comm;
  HtTensor           Xs;
  PetscInt           f, n;
  PetscReal         *moments;
  const PetscScalar *xa;
  PetscScalar       *ca;
  char               shape[256];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(C, 3);
  comm = PetscObjectComm((PetscObject)X);
  PetscCall(HtShapeToString(X->ndim, X->shape, shape, sizeof(shape)));
  PetscCheck(X->ndim == 2 && X->split == 0, comm, PETSC_ERR_ARG_WRONG, "HtTensorCov() needs a 2-d (samples, features) tensor split along the samples (axis 0); this one has shape %s and split %" PetscInt_FMT "; use HtTensorResplit(X, 0, &Y)", shape, X->split);
  n = X->shape[0];
  f = X->shape[1];
  PetscCheck(ddof >= 0 && ddof < n, comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorCov(): ddof %" PetscInt_FMT " must be at least 0 and less than the %" PetscInt_FMT " samples (shape %s)", ddof, n, shape);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Cov, X, 0, 0, 0));
  if (X->dtype == HT_SCALAR) {
    PetscCall(PetscObjectReference((PetscObject)X));
    Xs = X;
  } else PetscCall(HtTensorAsType(X, HT_SCALAR, &Xs));
  PetscCall(PetscMalloc1(1 + 2 * f + f * f, &moments));
  PetscCall(HtTensorGetArrayRead(Xs, &xa));
  PetscCall((*X->ops->reduce->covmoments)(Xs->lshape[0], f, xa, NULL, moments));
  PetscCall(HtTensorRestoreArrayRead(Xs, &xa));
  PetscCall(HtMomentsAllreduce_Private(comm, f, moments, 1));
  PetscCall(HtTensorCreate(comm, 2, (PetscInt[]){f, f}, -1, HT_SCALAR, C));
  PetscCall(HtTensorGetArrayWrite(*C, &ca));
  for (PetscInt k = 0; k < f * f; k++) ca[k] = moments[1 + 2 * f + k] / (moments[0] - ddof);
  PetscCall(HtTensorRestoreArrayWrite(*C, &ca));
  PetscCall(PetscFree(moments));
  PetscCall(HtTensorDestroy(&Xs));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Cov, X, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* weights for HtTensorAverage(): of x's shape and layout, or 1-d along axis a with the layout of that axis */
static PetscErrorCode HtAverageWeights(HtTensor x, HtTensor weights, PetscInt a, PetscBool *line, HtTensor *w)
{
  char      what[300], ws[256];
  PetscBool same = (PetscBool)(x->ndim == weights->ndim);

  PetscFunctionBegin;
  for (PetscInt d = 0; same && d < x->ndim; d++) same = (PetscBool)(x->shape[d] == weights->shape[d]);
  *line = (PetscBool)(!same && a != HT_AXIS_NONE && weights->ndim == 1 && weights->shape[0] == x->shape[a]);
  PetscCall(HtTensorReductionString_Private(x, a, what, sizeof(what)));
  PetscCall(HtShapeToString(weights->ndim, weights->shape, ws, sizeof(ws)));
  PetscCheck(same || *line, PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_SIZ, "HtTensorAverage(): weights of shape %s do not fit the average over %s; give weights of the tensor's shape%s", ws, what, a == HT_AXIS_NONE ? "" : ", or 1-d weights as long as the axis");
  if (same) PetscCall(HtTensorAlign_Private(weights, x->split, x->split >= 0 ? x->lshape[x->split] : PETSC_DECIDE, w));
  else PetscCall(HtTensorAlign_Private(weights, a == x->split ? 0 : -1, a == x->split ? x->lshape[a] : PETSC_DECIDE, w));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorAverage - Weighted average over every element or along one axis (NumPy's average).

   Collective

   Input Parameters:
+  x - the tensor (any dtype)
.  weights - NULL (the mean), a tensor of x's shape, or (with an axis) a 1-d tensor as long as that axis; any split
.  axis - the axis (negative counts from the end), or `HT_AXIS_NONE` for every element
-  keepdims - keep the reduced axis with length 1

   Output Parameter:
.  out - sum(w x) / sum(w), `HT_SCALAR`

   Level: beginner

   Notes:
   The weights are redistributed to x's layout (1-d weights: to the layout of the axis, or replicated when the axis
   is not split); each rank sums w x and w over its block, and one allreduce merges them when the reduction
   crosses ranks. Weights that sum to zero are an error, as in NumPy. Split rules as `HtTensorSum()`.

.seealso: `HtTensorMean()`, `HtTensorSum()`
@*/
PetscErrorCode HtTensorAverage(HtTensor x, HtTensor weights, PetscInt axis, PetscBool keepdims, HtTensor *out)
{
  MPI_Comm      comm;
  HtTensor      w;
  HtReduceBlock b;
  PetscInt      a, length = 0, count;
  PetscBool     line, zero = PETSC_FALSE;
  PetscReal    *partial;
  const void   *xa, *wa;
  PetscScalar  *oa;
  char          what[300];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 5);
  if (!weights) {
    PetscCall(HtTensorMean(x, axis, keepdims, out));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscValidHeaderSpecific(weights, HT_TENSOR_CLASSID, 2);
  comm = PetscObjectComm((PetscObject)x);
  PetscCall(HtTensorReduceAxis_Private(x, axis, &a, &length));
  PetscCall(HtAverageWeights(x, weights, a, &line, &w));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Reduce, x, 0, 0, 0));
  PetscCall(HtTensorCreateReduced_Private(x, a, keepdims, HT_SCALAR, out));
  count = (*out)->nlocal;
  PetscCall(PetscMalloc1(2 * PetscMax(count, 1), &partial));
  PetscCall(HtTensorGetBlock_Private(x, a, &b));
  PetscCall(HtTensorGetArrayRead(x, &xa));
  PetscCall(HtTensorGetArrayRead(w, &wa));
  PetscCall((*x->ops->reduce->weightedsum)(&b, xa, w->dtype, wa, line, partial));
  PetscCall(HtTensorRestoreArrayRead(w, &wa));
  PetscCall(HtTensorRestoreArrayRead(x, &xa));
  if (x->split >= 0 && (a == HT_AXIS_NONE || a == x->split)) PetscCall(MPIU_Allreduce(MPI_IN_PLACE, partial, 2 * count, MPIU_REAL, MPI_SUM, comm));
  for (PetscInt l = 0; l < count; l++) zero = (PetscBool)(zero || partial[2 * l + 1] == 0);
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &zero, 1, MPIU_BOOL, MPI_LOR, comm));
  PetscCall(HtTensorReductionString_Private(x, a, what, sizeof(what)));
  PetscCheck(!zero, comm, PETSC_ERR_ARG_WRONG, "HtTensorAverage(): the weights sum to zero over %s, so they cannot be normalized", what);
  PetscCall(HtTensorGetArrayWrite(*out, &oa));
  PetscCall((*x->ops->reduce->finish)(HT_FINISH_RATIO, count, partial, HT_SCALAR, 0, HT_SCALAR, oa));
  PetscCall(HtTensorRestoreArrayWrite(*out, &oa));
  PetscCall(PetscFree(partial));
  PetscCall(HtTensorDestroy(&w));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Reduce, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}
