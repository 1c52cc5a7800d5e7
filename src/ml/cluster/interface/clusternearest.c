/*
   The nearest of K centers for every row of a block of samples, by a register-blocked kernel: the hot loop of
   Lloyd's iteration, of the assignment of new data and of k-means||.

   For the small numbers of features and centers of clustering (F and K of a few to a few hundred) a BLAS GEMM
   of the rows against the centers spends most of its time packing its operands, and writes a rows x K block
   that is read again for the argmin. This kernel keeps a block of HT_NEAREST_ROWS rows x HT_NEAREST_LANES
   centers in registers, accumulates their dot products over the features, and folds the argmin into the same
   registers, so each sample is read once and nothing of size rows x K is formed.

   Every row goes through the same instructions (the last rows of a block are padded with zeros, not handled
   by a separate loop), so a row's result does not depend on where it sits in the block: the labels are the
   same on any number of ranks. The kernels are compiled for several x86-64 levels (AVX-512, AVX2+FMA, baseline,
   each with its own block size: include/heat/private/kernels/nearest.h) and the best one the machine has is picked
   at run time.
*/
#include <heat/private/clusterimpl.h>

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
    (best).val         = (HtVec)(((HtVecIndex)(s) & larger_) | ((HtVecIndex)(best).val & ~larger_)); \
    (best).idx         = ((candidate) & larger_) | ((best).idx & ~larger_); \
  } while (0)

#define HtUnparen(...) __VA_ARGS__
/*
   The folds of a butterfly over rows: out = lane by lane, the combination of the lanes of a and b selected by the
   shuffle indices A with those selected by B (parenthesized lists). HtVecFoldLarger keeps the larger value with its
   index (the lower index on ties), HtVecFoldSum adds.
*/
#define HtVecFoldLarger(a, b, out, A, B) \
  do { \
    HtVec      u_ = __builtin_shufflevector((a).val, (b).val, HtUnparen A), v_ = __builtin_shufflevector((a).val, (b).val, HtUnparen B); \
    HtVecIndex iu_ = __builtin_shufflevector((a).idx, (b).idx, HtUnparen A), iv_ = __builtin_shufflevector((a).idx, (b).idx, HtUnparen B); \
    HtVecIndex takev_ = (HtVecIndex)(v_ > u_) | ((HtVecIndex)(v_ >= u_) & (HtVecIndex)(iv_ < iu_)); \
    (out).val         = (HtVec)(((HtVecIndex)v_ & takev_) | ((HtVecIndex)u_ & ~takev_)); \
    (out).idx         = (iv_ & takev_) | (iu_ & ~takev_); \
  } while (0)
#define HtVecFoldSum(a, b, out, A, B) (out) = __builtin_shufflevector(a, b, HtUnparen A) + __builtin_shufflevector(a, b, HtUnparen B)
/* the lanes of x reordered by the shuffle indices P */
#define HtVecPermuteArg(x, P) \
  do { \
    (x).val = __builtin_shufflevector((x).val, (x).val, HtUnparen P); \
    (x).idx = __builtin_shufflevector((x).idx, (x).idx, HtUnparen P); \
  } while (0)
#define HtVecPermute(x, P) (x) = __builtin_shufflevector(x, x, HtUnparen P)

/*
   Lane r of out = the fold of all lanes of row in[r], for the W rows in[] of W lanes (of type T): a butterfly of
   4 + 2 + 1 lane-wise folds for 8 rows instead of 3 per row; the rows come out bit-reversed, then reordered. For sums,
   lane l of the result adds the lanes of a row pairwise, ((0 + 4) + (2 + 6)) + ((1 + 5) + (3 + 7)), at every width
   (with HtVecCombine: 2 rows of 2 lanes come from 4 vectors of 2 lanes, and so on).
*/
#define HtVecButterfly8(T, FOLD, PERMUTE, in, out) \
  do { \
    T p_[4], q_[2]; \
    for (PetscInt r_ = 0; r_ < 4; r_++) FOLD(in[2 * r_], in[2 * r_ + 1], p_[r_], (0, 1, 2, 3, 8, 9, 10, 11), (4, 5, 6, 7, 12, 13, 14, 15)); \
    for (PetscInt r_ = 0; r_ < 2; r_++) FOLD(p_[2 * r_], p_[2 * r_ + 1], q_[r_], (0, 1, 8, 9, 4, 5, 12, 13), (2, 3, 10, 11, 6, 7, 14, 15)); \
    FOLD(q_[0], q_[1], out, (0, 8, 2, 10, 4, 12, 6, 14), (1, 9, 3, 11, 5, 13, 7, 15)); \
    PERMUTE(out, (0, 4, 2, 6, 1, 5, 3, 7)); \
  } while (0)
#define HtVecButterfly4(T, FOLD, PERMUTE, in, out) \
  do { \
    T p_[2]; \
    for (PetscInt r_ = 0; r_ < 2; r_++) FOLD(in[2 * r_], in[2 * r_ + 1], p_[r_], (0, 1, 4, 5), (2, 3, 6, 7)); \
    FOLD(p_[0], p_[1], out, (0, 4, 2, 6), (1, 5, 3, 7)); \
    PERMUTE(out, (0, 2, 1, 3)); \
  } while (0)
#define HtVecButterfly2(T, FOLD, PERMUTE, in, out) FOLD(in[0], in[1], out, (0, 2), (1, 3))

/* the vectors in which the center sums are updated in place (HtSumsKernel) */
#define HtVecUpdate8 HtVec4
#define HtVecUpdate4 HtVec4
#define HtVecUpdate2 HtVec2

/* the 8 / W vectors p[] of a row's 8 partial sums combined pairwise into one, in the order of the butterflies */
#define HtVecCombine8(p) (p[0])
#define HtVecCombine4(p) (p[0] + p[1])
#define HtVecCombine2(p) ((p[0] + p[2]) + (p[1] + p[3]))

/*
   the kernel, once per x86-64 level: blocks of 8 rows x 8 centers in the 32 vector registers of AVX-512, of 4 x 4
   in the 16 of AVX2, of 2 x 2 in the 16 of the baseline (SSE2)
*/
#define HT_KERNEL_TEMPLATE <heat/private/kernels/nearest.h>
#include <heat/private/kernellevels.h>

/*
   HtNearestWorkCreate - work space of HtNearestCenters() for K centers of F features
*/
PetscErrorCode HtNearestWorkCreate(PetscInt k, PetscInt f, HtNearestWork *w)
{
  PetscFunctionBegin;
  w->k    = k;
  w->f    = f;
  w->kpad = (k + HT_NEAREST_LANES - 1) / HT_NEAREST_LANES * HT_NEAREST_LANES;
  w->c    = NULL;
  w->kernel = HtKernelPick(HtNearestKernel);
  PetscCall(PetscCalloc4(f * w->kpad, &w->ct, w->kpad, &w->chalf, HT_NEAREST_ROWS * f, &w->xpad, k * (f + 1), &w->acc));
  for (PetscInt q = k; q < w->kpad; q++) w->chalf[q] = -(PetscReal)INFINITY;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtNearestWorkSetCenters - the K x F centers (row-major) that HtNearestCenters() compares with (c is used, not
   copied, until the next call)
*/
PetscErrorCode HtNearestWorkSetCenters(HtNearestWork *w, const PetscScalar *c)
{
  PetscFunctionBegin;
  w->c = c;
  HtRowsTranspose(w->k, w->f, c, w->f, w->ct, w->kpad);
  HtRowsHalfNorms(w->k, w->f, c, w->chalf);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtNearestWorkZeroSums - starts new sums for HtNearestCentersExact() and HtNearestWorkMoveRows()
*/
PetscErrorCode HtNearestWorkZeroSums(HtNearestWork *w)
{
  PetscFunctionBegin;
  PetscCall(PetscArrayzero(w->acc, w->k * (w->f + 1)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtNearestWorkMoveRows - for the m rows x (weights: their weights or NULL) whose new nearest center best[i] differs
   from labels[i]: their weighted row and weight move from the sums of center labels[i] (if it is one) to those of
   best[i], labels[i] = best[i], and *changed counts them. The sums then are those of the new clusters, by updates
   with the rows that changed cluster only.
*/
void HtNearestWorkMoveRows(HtNearestWork *w, PetscInt m, const PetscScalar *x, const PetscScalar *weights, const PetscInt best[], PetscInt labels[], PetscInt *changed)
{
  PetscInt k = w->k, f = w->f;

  for (PetscInt i = 0; i < m; i++) {
    PetscScalar wi = weights ? weights[i] : 1;

    if (best[i] == labels[i]) continue;
    if (labels[i] >= 0) {
      for (PetscInt j = 0; j < f; j++) w->acc[labels[i] * f + j] -= wi * x[i * f + j];
      w->acc[k * f + labels[i]] -= wi;
    }
    for (PetscInt j = 0; j < f; j++) w->acc[best[i] * f + j] += wi * x[i * f + j];
    w->acc[k * f + best[i]] += wi;
    labels[i] = best[i];
    (*changed)++;
  }
}

/*
   HtNearestWorkGetSums - the sums since HtNearestWorkZeroSums(): sums (K x F) of the weighted rows and wsum (K) of the
   weights of each center's rows
*/
PetscErrorCode HtNearestWorkGetSums(const HtNearestWork *w, PetscScalar *sums, PetscScalar *wsum)
{
  PetscFunctionBegin;
  PetscCall(PetscArraycpy(sums, w->acc, w->k * w->f));
  PetscCall(PetscArraycpy(wsum, w->acc + w->k * w->f, w->k));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode HtNearestWorkDestroy(HtNearestWork *w)
{
  PetscFunctionBegin;
  PetscCall(PetscFree4(w->ct, w->chalf, w->xpad, w->acc));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtNearestCenters - for the m rows x (row-major, F features): best[i] = the nearest center (the lowest index
   on ties) and g[i] = ||c||^2 - 2 x_i . c for it, so that ||x_i||^2 + g[i] is the squared distance by the
   expansion (use it to compare; HtNearestCentersExact() gives the distances to report)
*/
PetscErrorCode HtNearestCenters(HtNearestWork *w, PetscInt m, const PetscScalar *x, PetscInt best[], PetscReal g[])
{
  PetscFunctionBegin;
  PetscCall(HtNearestCentersExact(w, m, x, NULL, best, g, PETSC_FALSE, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtNearestCentersExact - as HtNearestCenters(), with d[i] = the exact squared distance of row i to its nearest center
   (summed directly, not by the expansion: an exact zero at a center) and *wdist += the sum of w_i d[i] (weights: the
   row weights w_i, or NULL for ones); wdist NULL gives HtNearestCenters()'s d instead. If accumulate, also adds w_i x_i
   to the sums of center best[i] and w_i to its weight (HtNearestWorkGetSums()). The distances and sums are formed in
   passes over the rows while they are in cache; the last m mod HT_NEAREST_ROWS rows go through the zero-padded block
   w->xpad.
*/
PetscErrorCode HtNearestCentersExact(HtNearestWork *w, PetscInt m, const PetscScalar *x, const PetscScalar *weights, PetscInt best[], PetscReal d[], PetscBool accumulate, PetscReal *wdist)
{
  PetscInt mfull = m / HT_NEAREST_ROWS * HT_NEAREST_ROWS, rest = m - mfull;

  PetscFunctionBegin;
  w->kernel(w, mfull, mfull, x, weights, best, d, accumulate, wdist);
  if (rest) {
    PetscInt  pbest[HT_NEAREST_ROWS];
    PetscReal pd[HT_NEAREST_ROWS];

    PetscCall(PetscArrayzero(w->xpad, HT_NEAREST_ROWS * w->f));
    PetscCall(PetscArraycpy(w->xpad, x + mfull * w->f, rest * w->f));
    w->kernel(w, HT_NEAREST_ROWS, rest, w->xpad, weights ? weights + mfull : NULL, pbest, pd, accumulate, wdist);
    PetscCall(PetscArraycpy(best + mfull, pbest, rest));
    PetscCall(PetscArraycpy(d + mfull, pd, rest));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

