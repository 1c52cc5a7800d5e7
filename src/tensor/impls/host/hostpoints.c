/*
   The distance kernels of the host back end (HtPoints, include/heat/private/samplesimpl.h): the points are kept
   transposed (features x points, zero-padded to whole blocks) with -|y|^2 / 2, so that a kernel runs over the points
   in its vector lanes.

   - The nearest point of every row (the hot loop of Lloyd's iteration, of the assignment of new data and of the
     k-means initializations): for the small numbers of features and centers of clustering (F and K of a few to a few
     hundred) a BLAS GEMM of the rows against the centers spends most of its time packing its operands, and writes a
     rows x K block that is read again for the argmin. This kernel keeps a block of HT_NEAREST_ROWS rows x
     HT_NEAREST_LANES centers in registers, accumulates their dot products over the features, and folds the argmin
     into the same registers (for at most one vector of centers, the scores are transposed and compared center after
     center), so each sample is read once and nothing of size rows x K is formed. Every row goes
     through the same instructions (the last rows of a block are padded with zeros, not handled by a separate loop),
     so a row's result does not depend on where it sits in the block: the labels are the same on any number of ranks.
   - Blocks of distances by the expansion (HtTensorCDist and the screens of the spectral graph): the same blocks of
     dot products, then |x|^2 - 2 score and the metric while the block is in cache.
   - Exact distances, summed from the differences in feature order: exactly 0 at a point and the same value whatever
     the block a row sits in (k-medians, k-medoids, the spectral graph).

   The blocked kernels are compiled for several x86-64 levels (AVX-512, AVX2+FMA, baseline, each with its own block
   size: include/heat/private/kernels/) and the best one the machine has is picked at run time (-ht_kernel_isa).
*/
#include <heat/private/tensorimpl.h>
#include <heat/private/kernelimpl.h>

#define HT_NEAREST_ROWS     8 /* the kernels' blocks of rows and of points divide these: the units in which the last */
#define HT_NEAREST_LANES    8 /* rows of a call and the points are padded */
#define HT_NEAREST_PREFETCH 8 /* blocks of rows (of the kernel's width) ahead that the nearest kernel prefetches */

typedef struct _n_HtPoints_Host HtPoints_Host;
struct _n_HtPoints_Host {
  PetscInt     k, f, kpad; /* kpad: k rounded up to a multiple of HT_NEAREST_LANES */
  PetscReal   *ct;         /* f x kpad: the points transposed, zero-padded */
  PetscReal   *chalf;      /* kpad: -|y|^2 / 2, -inf for the padding */
  PetscScalar *c;          /* k x f: the points, row-major */
  PetscScalar *xpad;       /* HT_NEAREST_ROWS x f: the last rows of a call, zero-padded */
  PetscScalar *acc;        /* 2 k (f + 1): weighted sums of the rows (k x f), then their weights (k); twice: the even and the odd rows of the sums kernel */
  /* the nearest kernel for this machine (include/heat/private/kernels/nearest.h) */
  void (*kernel)(const HtPoints_Host *, PetscInt, PetscInt, const PetscScalar *, const PetscScalar *, PetscInt *, PetscReal *, PetscBool, PetscReal *);
};

/*
   The vector helpers below are macros, not inline functions: GCC lowers the vector operations of an inline helper
   for the baseline instruction set before inlining it into a kernel compiled for a higher one, which turns them
   into scalar code. They work on the vector types HtVec, HtVecIndex, HtVecArg that kernellevels.h names for its
   width.
*/

/* lane by lane, where s > best.val: best = (s, candidate) (a later block of centers wins only if strictly nearer) */
#define HtVecKeepLarger(s, candidate, best) \
  do { \
    HtVecIndex larger_ = (HtVecIndex)((s) > (best).val); \
    (best).val         = HtVecSelect(larger_, s, (best).val); \
    (best).idx         = ((candidate) & larger_) | ((best).idx & ~larger_); \
  } while (0)

/*
   The folds of a butterfly over rows (HtVecButterfly, kernelimpl.h) for the nearest center: out = lane by lane, of the
   lanes of a and b selected by the shuffle indices A and those selected by B, the larger value with its index (the
   lower index on ties)
*/
#define HtVecFoldLarger(a, b, out, A, B) \
  do { \
    HtVec      u_ = __builtin_shufflevector((a).val, (b).val, HtUnparen A), v_ = __builtin_shufflevector((a).val, (b).val, HtUnparen B); \
    HtVecIndex iu_ = __builtin_shufflevector((a).idx, (b).idx, HtUnparen A), iv_ = __builtin_shufflevector((a).idx, (b).idx, HtUnparen B); \
    HtVecIndex takev_ = (HtVecIndex)(v_ > u_) | ((HtVecIndex)(v_ >= u_) & (HtVecIndex)(iv_ < iu_)); \
    (out).val         = HtVecSelect(takev_, v_, u_); \
    (out).idx         = (iv_ & takev_) | (iu_ & ~takev_); \
  } while (0)
/* the lanes of x (values with indices) reordered by the shuffle indices P */
#define HtVecPermuteArg(x, P) \
  do { \
    (x).val = __builtin_shufflevector((x).val, (x).val, HtUnparen P); \
    (x).idx = __builtin_shufflevector((x).idx, (x).idx, HtUnparen P); \
  } while (0)

/*
   out[q], q < n <= W: lane r of out[q] = lane q of in[r], for the W rows in[] of W lanes: the scores of W rows against
   W centers turned so that each vector holds one center's scores of the W rows (the transposes the compiler keeps
   are those of the n vectors used)
*/
#define HtVecTranspose8(in, out) \
  do { \
    HtVec t_[8], u_[8]; \
    for (PetscInt r_ = 0; r_ < 8; r_ += 2) { \
      t_[r_]     = __builtin_shufflevector(in[r_], in[r_ + 1], 0, 8, 2, 10, 4, 12, 6, 14); \
      t_[r_ + 1] = __builtin_shufflevector(in[r_], in[r_ + 1], 1, 9, 3, 11, 5, 13, 7, 15); \
    } \
    for (PetscInt r_ = 0; r_ < 8; r_ += 4) \
      for (PetscInt o_ = 0; o_ < 2; o_++) { \
        u_[r_ + o_]     = __builtin_shufflevector(t_[r_ + o_], t_[r_ + o_ + 2], 0, 1, 8, 9, 4, 5, 12, 13); \
        u_[r_ + o_ + 2] = __builtin_shufflevector(t_[r_ + o_], t_[r_ + o_ + 2], 2, 3, 10, 11, 6, 7, 14, 15); \
      } \
    for (PetscInt q_ = 0; q_ < 4; q_++) { \
      out[q_]     = __builtin_shufflevector(u_[q_], u_[q_ + 4], 0, 1, 2, 3, 8, 9, 10, 11); \
      out[q_ + 4] = __builtin_shufflevector(u_[q_], u_[q_ + 4], 4, 5, 6, 7, 12, 13, 14, 15); \
    } \
  } while (0)
#define HtVecTranspose4(in, out) \
  do { \
    HtVec t_[4]; \
    for (PetscInt r_ = 0; r_ < 4; r_ += 2) { \
      t_[r_]     = __builtin_shufflevector(in[r_], in[r_ + 1], 0, 4, 2, 6); \
      t_[r_ + 1] = __builtin_shufflevector(in[r_], in[r_ + 1], 1, 5, 3, 7); \
    } \
    for (PetscInt q_ = 0; q_ < 2; q_++) { \
      out[q_]     = __builtin_shufflevector(t_[q_], t_[q_ + 2], 0, 1, 4, 5); \
      out[q_ + 2] = __builtin_shufflevector(t_[q_], t_[q_ + 2], 2, 3, 6, 7); \
    } \
  } while (0)
#define HtVecTranspose2(in, out) \
  do { \
    out[0] = __builtin_shufflevector(in[0], in[1], 0, 2); \
    out[1] = __builtin_shufflevector(in[0], in[1], 1, 3); \
  } while (0)

/* the vectors in which the center sums are updated in place (HtSumsKernel) */
#define HtVecUpdate8 HtVec4
#define HtVecUpdate4 HtVec4
#define HtVecUpdate2 HtVec2

/* the 8 / W vectors p[] of a row's 8 partial sums combined pairwise into one, in the order of the butterflies */
#define HtVecCombine8(p) (p[0])
#define HtVecCombine4(p) (p[0] + p[1])
#define HtVecCombine2(p) ((p[0] + p[2]) + (p[1] + p[3]))

/*
   the exact squared distance of a row of f < 8 features to its center: the feature differences squared are the 8
   lanes (zeros beyond f, which add exactly) of HtExactBlock's step, summed in its butterfly's order, so the same bits
   as the vector path, without copying each row into a zero-padded step (which took 3 times as long at f = 4)
*/
static inline PetscReal HtExactFewFeatures(PetscInt f, const PetscScalar *PETSC_RESTRICT x, const PetscScalar *PETSC_RESTRICT c)
{
  PetscReal s[8] = {0};

  for (PetscInt l = 0; l < f; l++) {
    PetscReal d = PetscRealPart(x[l]) - PetscRealPart(c[l]);

    s[l] = d * d;
  }
  return ((s[0] + s[4]) + (s[2] + s[6])) + ((s[1] + s[5]) + (s[3] + s[7]));
}

/*
   the kernels, once per x86-64 level: blocks of 8 rows x 8 points in the 32 vector registers of AVX-512, of 4 x 4
   in the 16 of AVX2, of 2 x 2 in the 16 of the baseline (SSE2)
*/
#define HT_KERNEL_TEMPLATE <heat/private/kernels/nearest.h>
#include <heat/private/kernellevels.h>
#define HT_KERNEL_TEMPLATE <heat/private/kernels/cdist.h>
#include <heat/private/kernellevels.h>

static PetscErrorCode HtPointsCreate_Host(HtPoints P)
{
  HtPoints_Host *h;
  PetscInt       kpad = (P->kmax + HT_NEAREST_LANES - 1) / HT_NEAREST_LANES * HT_NEAREST_LANES;

  PetscFunctionBegin;
  PetscCall(PetscNew(&h));
  h->f      = P->f;
  h->kernel = HtKernelPick(HtNearestKernel);
  PetscCall(PetscCalloc5(P->f * kpad, &h->ct, kpad, &h->chalf, P->kmax * P->f, &h->c, HT_NEAREST_ROWS * P->f, &h->xpad, 2 * P->kmax * (P->f + 1), &h->acc));
  P->data = h;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the points transposed with the padding columns zero, -|y|^2 / 2 with -inf for the padding (never the nearest) */
static PetscErrorCode HtPointsSet_Host(HtPoints P, const PetscScalar *rows, PetscInt ld)
{
  HtPoints_Host *h = (HtPoints_Host *)P->data;

  PetscFunctionBegin;
  h->k    = P->k;
  h->kpad = (P->k + HT_NEAREST_LANES - 1) / HT_NEAREST_LANES * HT_NEAREST_LANES;
  for (PetscInt q = 0; q < h->k; q++) PetscCall(PetscArraycpy(h->c + q * h->f, rows + q * ld, h->f));
  HtRowsTranspose(h->k, h->f, h->c, h->f, h->ct, h->kpad);
  for (PetscInt j = 0; j < h->f; j++)
    for (PetscInt q = h->k; q < h->kpad; q++) h->ct[j * h->kpad + q] = 0;
  HtRowsHalfNorms(h->k, h->f, h->c, h->chalf);
  for (PetscInt q = h->k; q < h->kpad; q++) h->chalf[q] = -(PetscReal)INFINITY;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   d[q], q < k: the exact distance of the row x to the points, summed from the differences in feature order (vectorized
   over the points)
*/
static void HtPointsExactRow(const HtPoints_Host *h, HtPointsMetric metric, const PetscScalar *PETSC_RESTRICT x, PetscScalar *PETSC_RESTRICT d)
{
  const PetscInt k = h->k, ld = h->kpad;

  for (PetscInt q = 0; q < k; q++) d[q] = 0;
  for (PetscInt j = 0; j < h->f; j++) {
    const PetscReal  xj = PetscRealPart(x[j]);
    const PetscReal *c  = h->ct + j * ld;

    if (metric == HT_POINTS_MANHATTAN)
      for (PetscInt q = 0; q < k; q++) d[q] += PetscAbsReal(xj - c[q]);
    else
      for (PetscInt q = 0; q < k; q++) d[q] += (xj - c[q]) * (xj - c[q]);
  }
  if (metric == HT_POINTS_EUCLIDEAN_EXACT)
    for (PetscInt q = 0; q < k; q++) d[q] = PetscSqrtReal(PetscRealPart(d[q]));
}

static PetscErrorCode HtPointsDistances_Host(HtPoints P, HtPointsMetric metric, PetscReal gamma, PetscInt n, const PetscScalar *x, PetscScalar *d, PetscInt ldd)
{
  HtPoints_Host *h = (HtPoints_Host *)P->data;

  PetscFunctionBegin;
  if (metric >= HT_POINTS_MANHATTAN) {
    for (PetscInt i = 0; i < n; i++) HtPointsExactRow(h, metric, x + i * h->f, d + i * ldd);
    PetscCall(PetscLogFlops(3.0 * n * h->k * h->f));
  } else {
    HtKernelPick(HtCDistKernel)(n, h->k, h->f, h->kpad, x, h->ct, h->chalf, metric, gamma, h->xpad, d, ldd);
    PetscCall(PetscLogFlops(2.0 * n * h->k * h->f));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPointsPotentials_Host(HtPoints P, PetscInt n, const PetscScalar *x, const PetscScalar *w, const PetscReal *closest, PetscReal *pots)
{
  HtPoints_Host *h = (HtPoints_Host *)P->data;

  PetscFunctionBegin;
  HtKernelPick(HtPotentialsKernel)(n, h->k, h->f, h->kpad, x, h->ct, h->chalf, w, closest, h->xpad, pots);
  PetscCall(PetscLogFlops(2.0 * n * h->k * h->f));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPointsDistance_Host(HtPoints P, HtPointsMetric metric, PetscInt q, const PetscScalar *x, PetscReal *d)
{
  HtPoints_Host *h = (HtPoints_Host *)P->data;
  PetscReal      s = 0;

  PetscFunctionBegin;
  for (PetscInt j = 0; j < h->f; j++) {
    PetscReal diff = PetscRealPart(x[j]) - h->ct[j * h->kpad + q];

    s += metric == HT_POINTS_MANHATTAN ? PetscAbsReal(diff) : diff * diff;
  }
  *d = metric == HT_POINTS_EUCLIDEAN_EXACT ? PetscSqrtReal(s) : s;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   The n rows of x: the kernel on the whole blocks of HT_NEAREST_ROWS rows, then on the last n mod HT_NEAREST_ROWS
   rows through the zero-padded block h->xpad. The distances and sums are formed in passes over the rows while they
   are in cache.
*/
static PetscErrorCode HtPointsNearest_Host(HtPoints P, PetscInt n, const PetscScalar *x, const PetscScalar *weights, PetscInt best[], PetscReal d[], PetscBool accumulate, PetscReal *wdist)
{
  HtPoints_Host *h     = (HtPoints_Host *)P->data;
  PetscInt       nfull = n / HT_NEAREST_ROWS * HT_NEAREST_ROWS, rest = n - nfull;

  PetscFunctionBegin;
  h->kernel(h, nfull, nfull, x, weights, best, d, accumulate, wdist);
  if (rest) {
    PetscInt  pbest[HT_NEAREST_ROWS];
    PetscReal pd[HT_NEAREST_ROWS];

    PetscCall(PetscArrayzero(h->xpad, HT_NEAREST_ROWS * h->f));
    PetscCall(PetscArraycpy(h->xpad, x + nfull * h->f, rest * h->f));
    h->kernel(h, HT_NEAREST_ROWS, rest, h->xpad, weights ? weights + nfull : NULL, pbest, pd, accumulate, wdist);
    PetscCall(PetscArraycpy(best + nfull, pbest, rest));
    PetscCall(PetscArraycpy(d + nfull, pd, rest));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPointsZeroSums_Host(HtPoints P)
{
  HtPoints_Host *h = (HtPoints_Host *)P->data;

  PetscFunctionBegin;
  PetscCall(PetscArrayzero(h->acc, 2 * h->k * (h->f + 1)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* row i's contribution moved from the sums of its old center labels[i] (none if negative) to those of best[i] */
static inline void HtPointsMoveRow(HtPoints_Host *h, PetscInt i, const PetscScalar *x, const PetscScalar *weights, const PetscInt *best, PetscInt *labels)
{
  PetscInt    k = h->k, f = h->f;
  PetscScalar wi = weights ? weights[i] : 1;

  if (labels[i] >= 0) {
    for (PetscInt j = 0; j < f; j++) h->acc[labels[i] * f + j] -= wi * x[i * f + j];
    h->acc[k * f + labels[i]] -= wi;
  }
  for (PetscInt j = 0; j < f; j++) h->acc[best[i] * f + j] += wi * x[i * f + j];
  h->acc[k * f + best[i]] += wi;
  labels[i] = best[i];
}

/*
   The rows whose nearest center changed, listed first without a branch per row (whether a row moves is as good as
   random in the first iterations, and mispredicted branches took more time than the moves), then moved.
*/
#define HT_MOVE_BLOCK 256
static PetscErrorCode HtPointsMoveRows_Host(HtPoints P, PetscInt n, const PetscScalar *x, const PetscScalar *weights, const PetscInt *best, PetscInt *labels, PetscInt *changed)
{
  HtPoints_Host *h = (HtPoints_Host *)P->data;

  PetscFunctionBegin;
  for (PetscInt i0 = 0; i0 < n; i0 += HT_MOVE_BLOCK) {
    PetscInt moved[HT_MOVE_BLOCK], nmoved = 0;

    for (PetscInt i = i0; i < PetscMin(n, i0 + HT_MOVE_BLOCK); i++) {
      moved[nmoved] = i;
      nmoved += best[i] != labels[i];
    }
    for (PetscInt t = 0; t < nmoved; t++) HtPointsMoveRow(h, moved[t], x, weights, best, labels);
    *changed += nmoved;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPointsGetSums_Host(HtPoints P, PetscScalar *sums, PetscScalar *wsum)
{
  HtPoints_Host     *h   = (HtPoints_Host *)P->data;
  const PetscScalar *odd = h->acc + h->k * (h->f + 1);

  PetscFunctionBegin;
  for (PetscInt l = 0; l < h->k * h->f; l++) sums[l] = h->acc[l] + odd[l];
  for (PetscInt q = 0; q < h->k; q++) wsum[q] = h->acc[h->k * h->f + q] + odd[h->k * h->f + q];
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPointsDestroy_Host(HtPoints P)
{
  HtPoints_Host *h = (HtPoints_Host *)P->data;

  PetscFunctionBegin;
  PetscCall(PetscFree5(h->ct, h->chalf, h->c, h->xpad, h->acc));
  PetscCall(PetscFree(P->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

const struct _HtPointsKernels HtPointsKernels_Host = {HtPointsCreate_Host, HtPointsSet_Host, HtPointsDistances_Host, HtPointsDistance_Host, HtPointsPotentials_Host, HtPointsNearest_Host, HtPointsZeroSums_Host, HtPointsMoveRows_Host, HtPointsGetSums_Host, HtPointsDestroy_Host};
