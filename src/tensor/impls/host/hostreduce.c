/*
   Host kernels of the reductions and statistics: plain C loops over local blocks seen as (outer, n, inner) and
   reduced along n, with the innermost loop over `inner` contiguous elements so that the compiler vectorizes it.
   They know nothing of ranks: the generic code (src/tensor/ops/reduce.c, stats.c) merges their partials.
*/
#include <heat/private/tensorimpl.h>
#include <petscblaslapack.h>

/*
   HT_BLOCK_LOOP - runs INIT once per line (q[j] is the line's partial) and then ACC for every element: r[j] is the
   element of row i of the line; x holds XT elements and p the PT partials, outer*inner of them.
*/
#define HT_BLOCK_LOOP(XT, PT, b, x, p, INIT, ACC) \
  do { \
    const XT *restrict _x = (const XT *)(x); \
    PT *restrict       _p = (PT *)(p); \
    for (PetscInt _o = 0; _o < (b)->outer; _o++) { \
      PT *restrict q = _p + (size_t)_o * (b)->inner; \
      for (PetscInt j = 0; j < (b)->inner; j++) INIT; \
      for (PetscInt i = 0; i < (b)->n; i++) { \
        const XT *restrict r = _x + ((size_t)_o * (b)->n + i) * (b)->inner; \
        for (PetscInt j = 0; j < (b)->inner; j++) ACC; \
      } \
    } \
  } while (0)

/* HT_BLOCK_LOOP with the element type XT of dtype and partials of type PT */
#define HT_DISPATCH(dtype, PT, b, x, p, INIT, ACC) \
  do { \
    switch (dtype) { \
    case HT_SCALAR: \
      HT_BLOCK_LOOP(PetscScalar, PT, b, x, p, INIT, ACC); \
      break; \
    case HT_INT: \
      HT_BLOCK_LOOP(PetscInt, PT, b, x, p, INIT, ACC); \
      break; \
    default: \
      HT_BLOCK_LOOP(PetscBool, PT, b, x, p, INIT, ACC); \
    } \
  } while (0)

/* the elements are visited in index order, so a tie keeps the first index */
static inline void HtArgUpdate(HtArgPartial *p, PetscReal v, PetscInt index, PetscBool min)
{
  HtArgPartial e = {v, index};

  if (HtArgBetter(&e, p, min)) *p = e;
}

/* NumPy's pairwise summation: blocks of 128 summed with 8 accumulators, halves summed recursively */
static PetscScalar HtPairwiseSum(const PetscScalar *x, PetscInt n)
{
  PetscScalar r[8], s = 0;
  PetscInt    i;

  if (n < 8) {
    for (i = 0; i < n; i++) s += x[i];
    return s;
  }
  if (n > 128) {
    PetscInt half = n / 2;

    half -= half % 8;
    return HtPairwiseSum(x, half) + HtPairwiseSum(x + half, n - half);
  }
  for (PetscInt k = 0; k < 8; k++) r[k] = x[k];
  for (i = 8; i < n - n % 8; i += 8)
    for (PetscInt k = 0; k < 8; k++) r[k] += x[i + k];
  s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
  for (; i < n; i++) s += x[i];
  return s;
}

static PetscErrorCode HtReduceSum_Host(const HtReduceBlock *b, const void *x, HtDType acc, void *partial)
{
  PetscFunctionBegin;
  if (acc == HT_SCALAR && b->dtype == HT_SCALAR && b->inner == 1) {
    for (PetscInt o = 0; o < b->outer; o++) ((PetscScalar *)partial)[o] = HtPairwiseSum((const PetscScalar *)x + (size_t)o * b->n, b->n);
  } else if (acc == HT_SCALAR) HT_DISPATCH(b->dtype, PetscScalar, b, x, partial, q[j] = 0, q[j] += (PetscScalar)r[j]);
  else HT_DISPATCH(b->dtype, PetscInt, b, x, partial, q[j] = 0, q[j] += (PetscInt)r[j]);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtReduceProd_Host(const HtReduceBlock *b, const void *x, HtDType acc, void *partial)
{
  PetscFunctionBegin;
  if (acc == HT_SCALAR) HT_DISPATCH(b->dtype, PetscScalar, b, x, partial, q[j] = 1, q[j] *= (PetscScalar)r[j]);
  else HT_DISPATCH(b->dtype, PetscInt, b, x, partial, q[j] = 1, q[j] *= (PetscInt)r[j]);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* min and max keep the element type; on booleans they are `all` and `any` */
static PetscErrorCode HtReduceExtreme_Host(const HtReduceBlock *b, const void *x, PetscBool min, void *partial)
{
  PetscFunctionBegin;
  switch (b->dtype) {
  case HT_SCALAR:
    if (min) HT_BLOCK_LOOP(PetscScalar, PetscScalar, b, x, partial, q[j] = INFINITY, q[j] = HtMinNaN(q[j], r[j]));
    else HT_BLOCK_LOOP(PetscScalar, PetscScalar, b, x, partial, q[j] = -INFINITY, q[j] = HtMaxNaN(q[j], r[j]));
    break;
  case HT_INT:
    if (min) HT_BLOCK_LOOP(PetscInt, PetscInt, b, x, partial, q[j] = PETSC_MAX_INT, q[j] = PetscMin(q[j], r[j]));
    else HT_BLOCK_LOOP(PetscInt, PetscInt, b, x, partial, q[j] = PETSC_MIN_INT, q[j] = PetscMax(q[j], r[j]));
    break;
  default:
    if (min) HT_BLOCK_LOOP(PetscBool, PetscBool, b, x, partial, q[j] = PETSC_TRUE, q[j] = (PetscBool)(q[j] && r[j]));
    else HT_BLOCK_LOOP(PetscBool, PetscBool, b, x, partial, q[j] = PETSC_FALSE, q[j] = (PetscBool)(q[j] || r[j]));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

#define HT_MOMENTS_MAX_SHIFT (PETSC_MAX_REAL / 4) /* a larger first element is no shift: x - shift could overflow */
#define HT_MOMENTS_SCALE     0x1p-16              /* 2^-16: a chunk's sum of 2^12 scaled differences stays finite */

/*
   The moments of column j of a chunk again from the values scaled by 2^-16 (exact), for a chunk whose fast pass
   overflowed: a mean within the doubles comes out right, an overflowing M2 becomes Inf, Inf and NaN stay
*/
static void HtReduceMomentsScaled_Host(const HtReduceBlock *c, const void *xc, PetscInt j, PetscReal shift, PetscReal *mean, PetscReal *m2)
{
  const PetscReal s = HT_MOMENTS_SCALE;
  PetscReal       sum = 0, ss = 0, ms;

  for (PetscInt i = 0; i < c->n; i++) sum += s * PetscRealPart(HtElementGet(c->dtype, xc, i * c->inner + j)) - s * shift;
  ms = sum / c->n;
  for (PetscInt i = 0; i < c->n; i++) {
    PetscReal d = s * PetscRealPart(HtElementGet(c->dtype, xc, i * c->inner + j)) - s * shift - ms;

    ss += d * d;
  }
  *mean = ms / s;
  *m2   = ss / s / s;
}

/* rows taken together by the moments so that their innermost loop runs over at least 64 contiguous elements */
static PetscInt HtMomentsRowsTogether(PetscInt inner)
{
  PetscInt g = 1;

  while (inner > 0 && inner * g < 64) g *= 2;
  return g;
}

#define HT_KERNEL_TEMPLATE <heat/private/kernels/moments.h>
#include <heat/private/kernellevels.h>

/*
   work[l] (l < wide->inner) = the sums over the rows of wide of their values about shiftw (meanw NULL), or of their
   squared deviations from shiftw + meanw: doubles by the kernel of the level (include/heat/private/kernels/moments.h),
   integers and booleans by the generic loop
*/
static void HtMomentsWideSums(const HtReduceBlock *wide, const char *xc, const PetscReal *shiftw, const PetscReal *meanw, PetscReal *work)
{
  if (wide->dtype == HT_SCALAR) HtKernelPick(HtMomentsSumsKernel)(wide->n, wide->inner, (const PetscScalar *)xc, shiftw, meanw, work);
  else if (!meanw) HT_DISPATCH(wide->dtype, PetscReal, wide, xc, work, q[j] = 0, q[j] += (PetscReal)r[j] - shiftw[j]);
  else HT_DISPATCH(wide->dtype, PetscReal, wide, xc, work, q[j] = 0, q[j] += ((PetscReal)r[j] - shiftw[j] - meanw[j]) * ((PetscReal)r[j] - shiftw[j] - meanw[j]));
}

/*
   mean[j], m2[j] (j < c->inner) of the chunk c of xc shifted by shiftw: g rows at a time (c->n a multiple of g), as
   one row of g * inner elements whose partial sums (work, 2 g * inner) are then folded per column; shiftw is the
   shift of each column repeated g times
*/
static void HtMomentsOfChunk(const HtReduceBlock *c, const char *xc, PetscInt g, const PetscReal *shiftw, PetscReal *work, PetscReal *mean, PetscReal *m2)
{
  HtReduceBlock wide  = {c->dtype, 1, c->n / g, c->inner * g};
  PetscReal    *meanw = work + wide.inner;

  HtMomentsWideSums(&wide, xc, shiftw, NULL, work);
  for (PetscInt j = 0; j < c->inner; j++) {
    mean[j] = 0;
    for (PetscInt u = 0; u < g; u++) mean[j] += work[u * c->inner + j];
    mean[j] /= c->n; /* of the shifted values, which keep their digits */
  }
  for (PetscInt l = 0; l < wide.inner; l++) meanw[l] = mean[l % c->inner];
  HtMomentsWideSums(&wide, xc, shiftw, meanw, work);
  for (PetscInt j = 0; j < c->inner; j++) {
    m2[j] = 0;
    for (PetscInt u = 0; u < g; u++) m2[j] += work[u * c->inner + j];
  }
}

/*
   Moments along n, stable and vectorizable: every line is shifted by its first element (0 if that is not finite or
   beyond HT_MOMENTS_MAX_SHIFT), chunks of rows get their mean and sum of squared deviations in two passes while they
   are in cache (a few rows together when the lines are short: HtMomentsOfChunk()), and are merged into the line's
   moments with Chan's update.
*/
static PetscErrorCode HtReduceMoments_Host(const HtReduceBlock *b, const void *x, void *partial)
{
  HtMoments *m = (HtMoments *)partial;
  PetscInt   g = HtMomentsRowsTogether(b->inner), chunk = PetscMax(g, 4096 / PetscMax(b->inner, 1) / g * g);
  PetscReal *shift, *shiftw, *work, *mean, *m2;
  size_t     esize;

  PetscFunctionBegin;
  PetscCall(HtDTypeGetSize(b->dtype, &esize));
  PetscCall(PetscMalloc5(b->inner, &shift, g * b->inner, &shiftw, 2 * g * b->inner, &work, b->inner, &mean, b->inner, &m2));
  for (PetscInt o = 0; o < b->outer; o++) {
    HtMoments  *mo = m + o * b->inner;
    const char *xo = (const char *)x + (size_t)o * b->n * b->inner * esize;

    for (PetscInt j = 0; j < b->inner; j++) {
      shift[j] = b->n ? PetscRealPart(HtElementGet(b->dtype, xo, j)) : 0;
      if (!(PetscAbsReal(shift[j]) <= HT_MOMENTS_MAX_SHIFT)) shift[j] = 0;
      mo[j].n = mo[j].mean = mo[j].m2 = 0;
      mo[j].shift                     = shift[j];
    }
    for (PetscInt l = 0; l < g * b->inner; l++) shiftw[l] = shift[l % b->inner];
    for (PetscInt i0 = 0, len; i0 < b->n; i0 += len) {
      HtReduceBlock c;
      const char   *xc = xo + (size_t)i0 * b->inner * esize;

      len = PetscMin(chunk, b->n - i0);
      if (len >= g) len = len / g * g; /* whole groups of rows; the rest is the last chunk, a row at a time */
      c = (HtReduceBlock){b->dtype, 1, len, b->inner};
      HtMomentsOfChunk(&c, xc, len % g ? 1 : g, shiftw, work, mean, m2);
      for (PetscInt j = 0; j < c.inner; j++) {
        HtMoments part = {(PetscReal)c.n, shift[j], mean[j], m2[j]};

        if (PetscIsInfOrNanReal(mean[j]) || PetscIsInfOrNanReal(m2[j])) HtReduceMomentsScaled_Host(&c, xc, j, shift[j], &part.mean, &part.m2);

        HtMomentsMerge(&part, &mo[j]);
      }
    }
  }
  PetscCall(PetscFree5(shift, shiftw, work, mean, m2));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtReduce_Host(HtReduceOp, const HtReduceBlock *, const void *, HtDType, PetscInt, void *);

/*
   An order-free reduction (min, max, largest |x|, all, any) of lines of inner 1 in 8 interleaved lanes: along such a
   line HT_BLOCK_LOOP is one dependent chain of compares that does not vectorize. Each line is seen as rows of 8 (inner
   8), the 8 lane partials and the partial of the line's tail then reduced as one short line.
*/
#define HT_LANES 8
static PetscBool HtReduceUsesLanes(HtReduceOp op, const HtReduceBlock *b)
{
  PetscBool orderfree = (PetscBool)(op == HT_REDUCE_MIN || op == HT_REDUCE_MAX || op == HT_REDUCE_ABSMAX || op == HT_REDUCE_ALL || op == HT_REDUCE_ANY);

  return (PetscBool)(orderfree && b->inner == 1 && b->n >= 8 * HT_LANES);
}

static PetscErrorCode HtReduceLanes_Host(HtReduceOp op, const HtReduceBlock *b, const void *x, HtDType acc, void *partial)
{
  HtDType pdtype = op == HT_REDUCE_ABSMAX ? HT_SCALAR : (op == HT_REDUCE_ALL || op == HT_REDUCE_ANY ? HT_BOOL : b->dtype);
  size_t  esize, psize;

  PetscFunctionBegin;
  PetscCall(HtDTypeGetSize(b->dtype, &esize));
  PetscCall(HtDTypeGetSize(pdtype, &psize));
  for (PetscInt o = 0; o < b->outer; o++) {
    const char   *xo    = (const char *)x + (size_t)o * b->n * esize;
    PetscInt      nbody = b->n - b->n % HT_LANES;
    HtReduceBlock body = {b->dtype, 1, nbody / HT_LANES, HT_LANES}, tail = {b->dtype, 1, b->n - nbody, 1};
    HtReduceBlock ends = {pdtype, 1, HT_LANES + 1, 1};
    PetscScalar   lanes[HT_LANES + 1]; /* room for the lanes' partials and the tail's, of any partial type */

    PetscCall(HtReduce_Host(op, &body, xo, acc, 0, lanes));
    PetscCall(HtReduce_Host(op, &tail, xo + nbody * esize, acc, 0, (char *)lanes + HT_LANES * psize));
    PetscCall(HtReduce_Host(op == HT_REDUCE_ABSMAX ? HT_REDUCE_MAX : op, &ends, lanes, acc, 0, (char *)partial + o * psize));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtReduce_Host(HtReduceOp op, const HtReduceBlock *b, const void *x, HtDType acc, PetscInt ioffset, void *partial)
{
  PetscFunctionBegin;
  if (HtReduceUsesLanes(op, b)) {
    PetscCall(HtReduceLanes_Host(op, b, x, acc, partial));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  switch (op) {
  case HT_REDUCE_SUM:
    PetscCall(HtReduceSum_Host(b, x, acc, partial));
    break;
  case HT_REDUCE_PROD:
    PetscCall(HtReduceProd_Host(b, x, acc, partial));
    break;
  case HT_REDUCE_MIN:
  case HT_REDUCE_MAX:
    PetscCall(HtReduceExtreme_Host(b, x, (PetscBool)(op == HT_REDUCE_MIN), partial));
    break;
  case HT_REDUCE_ALL:
    HT_DISPATCH(b->dtype, PetscBool, b, x, partial, q[j] = PETSC_TRUE, q[j] = (PetscBool)(q[j] && r[j] != 0));
    break;
  case HT_REDUCE_ANY:
    HT_DISPATCH(b->dtype, PetscBool, b, x, partial, q[j] = PETSC_FALSE, q[j] = (PetscBool)(q[j] || r[j] != 0));
    break;
  case HT_REDUCE_COUNT_NONZERO:
    HT_DISPATCH(b->dtype, PetscInt, b, x, partial, q[j] = 0, q[j] += (r[j] != 0));
    break;
  case HT_REDUCE_ABSSUM:
    HT_DISPATCH(b->dtype, PetscScalar, b, x, partial, q[j] = 0, q[j] += PetscAbsReal((PetscReal)r[j]));
    break;
  case HT_REDUCE_SUMSQ:
    HT_DISPATCH(b->dtype, PetscScalar, b, x, partial, q[j] = 0, q[j] += (PetscReal)r[j] * (PetscReal)r[j]);
    break;
  case HT_REDUCE_ABSMAX:
    HT_DISPATCH(b->dtype, PetscScalar, b, x, partial, q[j] = 0, q[j] = HtMaxNaN(q[j], PetscAbsReal((PetscReal)r[j])));
    break;
  case HT_REDUCE_ARGMIN:
  case HT_REDUCE_ARGMAX:
    HT_DISPATCH(b->dtype, HtArgPartial, b, x, partial, q[j].index = -1, HtArgUpdate(&q[j], (PetscReal)r[j], i + ioffset, (PetscBool)(op == HT_REDUCE_ARGMIN)));
    break;
  case HT_REDUCE_MOMENTS:
    PetscCall(HtReduceMoments_Host(b, x, partial));
    break;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtReduceFinish_Host(HtReduceFinish how, PetscInt count, const void *partial, HtDType acc, PetscReal param, HtDType otype, void *out)
{
  const PetscScalar  *s = (const PetscScalar *)partial;
  const HtMoments    *m = (const HtMoments *)partial;
  const HtArgPartial *a = (const HtArgPartial *)partial;
  PetscScalar        *y = (PetscScalar *)out;
  size_t              esize;

  PetscFunctionBegin;
  switch (how) {
  case HT_FINISH_COPY:
    PetscCall(HtDTypeGetSize(acc, &esize));
    if (acc == otype) PetscCall(PetscMemcpy(out, partial, count * esize));
    else
      for (PetscInt l = 0; l < count; l++) HtElementSet(otype, out, l, HtElementGet(acc, partial, l));
    break;
  case HT_FINISH_DIVIDE:
    for (PetscInt l = 0; l < count; l++) y[l] = s[l] / param;
    break;
  case HT_FINISH_SQRT:
    for (PetscInt l = 0; l < count; l++) y[l] = PetscSqrtReal(s[l]);
    break;
  case HT_FINISH_INDEX:
    for (PetscInt l = 0; l < count; l++) ((PetscInt *)out)[l] = a[l].index;
    break;
  case HT_FINISH_MEAN:
    for (PetscInt l = 0; l < count; l++) y[l] = HtMomentsMean(&m[l]);
    break;
  case HT_FINISH_VAR:
  case HT_FINISH_STD:
    for (PetscInt l = 0; l < count; l++) {
      PetscReal var = HtMomentsVar(&m[l], param);

      y[l] = how == HT_FINISH_VAR ? var : PetscSqrtReal(var);
    }
    break;
  case HT_FINISH_RATIO:
    for (PetscInt l = 0; l < count; l++) y[l] = s[2 * l] / s[2 * l + 1];
    break;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* y = cumulative sum along n starting from the carries (sums of the elements before the block), or from 0 */
static PetscErrorCode HtCumsum_Host(const HtReduceBlock *b, const void *x, const void *carry, void *y)
{
  PetscInt rowlen = b->inner;

#define HT_CUMSUM(XT, YT) \
  do { \
    const XT *xs = (const XT *)x; \
    const YT *cs = (const YT *)carry; \
    YT       *ys = (YT *)y; \
    for (PetscInt o = 0; o < b->outer; o++) \
      for (PetscInt i = 0; i < b->n; i++) { \
        const size_t row = ((size_t)o * b->n + i) * rowlen; \
        for (PetscInt j = 0; j < rowlen; j++) { \
          YT prev = i ? ys[row - rowlen + j] : (cs ? cs[o * rowlen + j] : 0); \
          ys[row + j] = prev + (YT)xs[row + j]; \
        } \
      } \
  } while (0)

  PetscFunctionBegin;
  switch (b->dtype) {
  case HT_SCALAR:
    HT_CUMSUM(PetscScalar, PetscScalar);
    break;
  case HT_INT:
    HT_CUMSUM(PetscInt, PetscInt);
    break;
  default:
    HT_CUMSUM(PetscBool, PetscInt);
  }
#undef HT_CUMSUM
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* per line: [sum of w x, sum of w]; w has the block's layout, or (wline) one weight per row i of every line */
static PetscErrorCode HtWeightedSum_Host(const HtReduceBlock *b, const void *x, HtDType wtype, const void *w, PetscBool wline, PetscReal *partial)
{
  PetscFunctionBegin;
  for (PetscInt l = 0; l < 2 * b->outer * b->inner; l++) partial[l] = 0;
  for (PetscInt o = 0; o < b->outer; o++)
    for (PetscInt i = 0; i < b->n; i++)
      for (PetscInt j = 0; j < b->inner; j++) {
        PetscInt  e  = (o * b->n + i) * b->inner + j, l = o * b->inner + j;
        PetscReal wi = PetscRealPart(HtElementGet(wtype, w, wline ? i : e));

        partial[2 * l] += wi * PetscRealPart(HtElementGet(b->dtype, x, e));
        partial[2 * l + 1] += wi;
      }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the k-th smallest of v[0..n) moved to v[k], smaller ones before it, larger after (Hoare's selection) */
static void HtSelectKth(PetscReal *v, PetscInt n, PetscInt k)
{
  PetscInt lo = 0, hi = n - 1;

  while (lo < hi) {
    PetscInt  mid = lo + (hi - lo) / 2, i = lo, j = hi;
    PetscReal a = v[lo], c = v[mid], d = v[hi], pivot = a < c ? (c < d ? c : (a < d ? d : a)) : (a < d ? a : (c < d ? d : c));

    while (i <= j) {
      while (v[i] < pivot) i++;
      while (v[j] > pivot) j--;
      if (i <= j) {
        PetscReal t = v[i];

        v[i++] = v[j];
        v[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
}

/* every line is local: copy it, select its two order statistics, interpolate; NaN in a line gives NaN */
static PetscErrorCode HtQuantile_Host(const HtReduceBlock *b, const void *x, const HtQuantileIndex *qi, PetscScalar *out)
{
  PetscReal *v;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(PetscMax(b->n, 1), &v));
  for (PetscInt o = 0; o < b->outer; o++)
    for (PetscInt j = 0; j < b->inner; j++) {
      PetscBool nan = PETSC_FALSE;
      PetscReal a, c;

      for (PetscInt i = 0; i < b->n; i++) {
        v[i] = PetscRealPart(HtElementGet(b->dtype, x, (o * b->n + i) * b->inner + j));
        if (v[i] != v[i]) nan = PETSC_TRUE;
      }
      if (nan) {
        out[o * b->inner + j] = NAN;
        continue;
      }
      HtSelectKth(v, b->n, qi->prev); /* the larger ones follow v[prev]: the next order statistic is their minimum */
      a = v[qi->prev];
      c = qi->next > qi->prev ? v[qi->next] : a;
      for (PetscInt i = qi->next + 1; qi->next > qi->prev && i < b->n; i++) c = PetscMin(c, v[i]);
      out[o * b->inner + j] = qi->next > qi->prev ? HtLerp(a, c, qi->gamma) : a;
    }
  PetscCall(PetscFree(v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* NumPy's histogram with equal bins: the last bin includes its right edge; values outside the edges are skipped */
static PetscErrorCode HtHistogram_Host(HtDType dtype, PetscInt n, const void *x, PetscInt nbins, const PetscReal edges[], PetscInt counts[])
{
  PetscReal first = edges[0], last = edges[nbins], norm = nbins / (last - first);

  PetscFunctionBegin;
  for (PetscInt i = 0; i < n; i++) {
    PetscReal v = PetscRealPart(HtElementGet(dtype, x, i));
    PetscInt  bin;

    if (!(v >= first && v <= last)) continue;
    bin = (PetscInt)((v - first) * norm);
    if (bin == nbins) bin--;
    if (v < edges[bin]) bin--;
    else if (v >= edges[bin + 1] && bin != nbins - 1) bin++;
    counts[bin]++;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

#define HT_BINCOUNT_COPIES 4 /* integer counts into this many histograms in turn: one bin's increments do not wait for each other */

/* counts[c] += the number of the n integers x equal to c, 0 <= c < len, counts[len] += the number of the others (the
   unweighted count of integer labels) */
static PetscErrorCode HtBincountInt_Host(PetscInt n, const PetscInt *x, PetscInt len, PetscReal counts[])
{
  PetscCount *hist;

  PetscFunctionBegin;
  PetscCall(PetscCalloc1((size_t)HT_BINCOUNT_COPIES * (len + 1), &hist)); /* bin len of each copy takes the values out of range */
  for (PetscInt i = 0; i < n; i++) {
    PetscInt c = x[i];

    hist[(i % HT_BINCOUNT_COPIES) * (len + 1) + (c >= 0 && c < len ? c : len)]++;
  }
  for (PetscInt t = 0; t < HT_BINCOUNT_COPIES; t++)
    for (PetscInt c = 0; c <= len; c++) counts[c] += (PetscReal)hist[t * (len + 1) + c];
  PetscCall(PetscFree(hist));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtBincount_Host(HtDType dtype, PetscInt n, const void *x, HtDType wtype, const void *w, PetscInt len, PetscReal counts[])
{
  PetscFunctionBegin;
  if (dtype == HT_INT && !w) {
    PetscCall(HtBincountInt_Host(n, (const PetscInt *)x, len, counts));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  for (PetscInt i = 0; i < n; i++) {
    PetscInt c = (PetscInt)PetscRealPart(HtElementGet(dtype, x, i));

    if (c >= 0 && c < len) counts[c] += w ? PetscRealPart(HtElementGet(wtype, w, i)) : 1;
    else counts[len] += 1;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

#define HT_COV_CHUNK_BYTES (512 * 1024) /* rows merged as one chunk, at least fpad of them: the merge costs about nv^2 */
#define HT_COV_SUB_BYTES   (32 * 1024)  /* rows shifted together: they stay in the L1 cache for the Gram kernel */
#define HT_COV_SUB_MIN     16           /* rows shifted together at least (wide rows) */
#define HT_GRAM_PAD        8            /* the Gram kernel's rows are padded to a multiple of 8 columns */
#define HT_KERNEL_TEMPLATE <heat/private/kernels/gram.h>
#include <heat/private/kernellevels.h>

/*
   out = the packed moments of m rows of f columns, and of the target y as column f when y is not NULL (f + 1
   variables then), in one pass: each chunk of rows is shifted by the running mean of the rows before it (the first
   row for the first chunk), a few rows at a time, into a work copy (zero-padded to whole vectors; the padding
   columns are zeroed once, at allocation) that the Gram kernel reads while it is in the L1 cache. The kernel sums the
   chunk's products about the shift (the upper triangle, and W^T (y - shift) for the target apart: a vector, not a
   column of blocks), the shift kernel its column sums; the small correction for the chunk mean's distance to the
   shift makes them its M2, and Chan's merge adds the chunk to the moments of the rows before.
   The kernels are compiled per x86-64 level (include/heat/private/kernels/gram.h); OpenBLAS's syrk reached a quarter
   of its DGEMM rate with F = 16.
*/
static PetscErrorCode HtCovMoments_Host(PetscInt m, PetscInt f, const PetscScalar *x, const PetscScalar *y, PetscReal out[])
{
  PetscInt   nv = f + (y ? 1 : 0), fpad = (f + HT_GRAM_PAD - 1) / HT_GRAM_PAD * HT_GRAM_PAD, rowbytes = PetscMax(fpad, 1) * (PetscInt)sizeof(PetscReal), size = 1 + 2 * nv + nv * nv;
  PetscInt   sub = PetscMax(HT_COV_SUB_MIN, HT_COV_SUB_BYTES / rowbytes), chunk = (PetscMax(HT_COV_CHUNK_BYTES / rowbytes, fpad) + sub - 1) / sub * sub;
  PetscReal *cm, *shift, *mean, *m2, *work, *wy, *g, *gy, *colsum;
  void (*shiftrows)(PetscInt, PetscInt, PetscInt, const PetscScalar *, const PetscReal *, PetscReal *, PetscReal *)        = HtKernelPick(HtShiftKernel);
  void (*gram)(PetscInt, PetscInt, const PetscReal *, const PetscReal *, PetscReal *, PetscReal *, const void *, PetscInt) = HtKernelPick(HtGramUpperKernel);

  PetscFunctionBegin;
  PetscCall(PetscArrayzero(out, size));
  if (!m) PetscFunctionReturn(PETSC_SUCCESS);
  sub = PetscMin(sub, m);
  PetscCall(PetscCalloc6((size_t)sub * fpad, &work, sub, &wy, size, &cm, (size_t)fpad * fpad, &g, fpad, &gy, fpad, &colsum)); /* the lower triangle of m2 and the padding columns of work stay 0 */
  shift = cm + 1;
  mean  = cm + 1 + nv;
  m2    = cm + 1 + 2 * nv;
  for (PetscInt j = 0; j < f; j++) shift[j] = PetscRealPart(x[j]);
  if (y) shift[f] = PetscRealPart(y[0]);
  for (PetscInt i0 = 0; i0 < m; i0 += chunk) {
    PetscInt  mc   = PetscMin(chunk, m - i0);
    PetscReal ysum = 0, yy = 0;

    PetscCall(PetscArrayzero(g, (size_t)fpad * fpad));
    PetscCall(PetscArrayzero(gy, fpad));
    PetscCall(PetscArrayzero(colsum, fpad));
    for (PetscInt s0 = i0; s0 < i0 + mc; s0 += sub) {
      PetscInt ms = PetscMin(sub, i0 + mc - s0);

      shiftrows(ms, f, fpad, x + (size_t)s0 * f, shift, work, colsum);
      for (PetscInt i = 0; y && i < ms; i++) {
        wy[i] = PetscRealPart(y[s0 + i]) - shift[f];
        ysum += wy[i];
        yy += wy[i] * wy[i];
      }
      gram(ms, fpad, work, y ? wy : NULL, g, gy, x + (size_t)(s0 + ms) * f, (PetscInt)sizeof(PetscScalar) * f * PetscMin(sub, m - s0 - ms));
    }
    cm[0] = mc;
    for (PetscInt r = 0; r < f; r++) {
      PetscCall(PetscArraycpy(m2 + r * nv + r, g + r * fpad + r, f - r));
      if (y) m2[r * nv + f] = gy[r];
      mean[r] = colsum[r] / mc;
    }
    if (y) {
      m2[f * nv + f] = yy;
      mean[f]        = ysum / mc;
    }
    for (PetscInt c = 0; c < nv; c++)
      for (PetscInt r = c; r < nv; r++) m2[c * nv + r] -= mc * mean[r] * mean[c];
    HtMomentsMergeN(nv, cm, out);
    for (PetscInt j = 0; j < nv; j++) shift[j] = out[1 + j] + out[1 + nv + j]; /* the next chunk is shifted by the mean so far */
  }
  for (PetscInt r = 0; r < nv; r++)
    for (PetscInt c = r + 1; c < nv; c++) out[1 + 2 * nv + c * nv + r] = out[1 + 2 * nv + r * nv + c];
  PetscCall(PetscFree6(work, wy, cm, g, gy, colsum));
  PetscFunctionReturn(PETSC_SUCCESS);
}

#define HT_FINITE_BLOCK 4096 /* values checked together by a vectorizable test before looking at each */

/* the NaN and Inf among n values: one vectorizable pass (x - x is NaN exactly for them), each value looked at only in blocks that hold one */
static PetscErrorCode HtNonFinite_Host(HtDType dtype, PetscInt n, const void *xv, PetscInt *count, PetscInt *first)
{
  const PetscScalar *x = (const PetscScalar *)xv;

  PetscFunctionBegin;
  *count = 0;
  *first = -1;
  if (dtype != HT_SCALAR) PetscFunctionReturn(PETSC_SUCCESS); /* integers and booleans are finite */
  for (PetscInt b0 = 0; b0 < n; b0 += HT_FINITE_BLOCK) {
    PetscInt b1 = PetscMin(n, b0 + HT_FINITE_BLOCK), nonfinite = 0;

    for (PetscInt i = b0; i < b1; i++) nonfinite |= PetscRealPart(x[i] - x[i]) != 0;
    if (!nonfinite) continue;
    for (PetscInt i = b0; i < b1; i++)
      if (PetscIsInfOrNanScalar(x[i])) {
        if (*first < 0) *first = i;
        (*count)++;
      }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

const struct _HtReduceKernels HtReduceKernels_Host = {
  HtReduce_Host, HtReduceFinish_Host, HtCumsum_Host, HtWeightedSum_Host, HtQuantile_Host, HtHistogram_Host, HtBincount_Host, HtCovMoments_Host, HtNonFinite_Host,
};
