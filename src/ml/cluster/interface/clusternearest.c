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
   each with its own block size: clusterkernels.h) and the best one the machine has is picked at run time.
*/
#include <heat/private/clusterimpl.h>

#if defined(PETSC_USE_REAL_SINGLE)
typedef int32_t HtLaneInt;
#else
typedef int64_t HtLaneInt;
#endif
/* W consecutive centers of one row (or one value of each of W rows), their indices, and W labels */
#define HtVecTypes(W) \
  typedef PetscReal HtVec##W __attribute__((vector_size(W * sizeof(PetscReal)))); \
  typedef HtLaneInt HtVecIndex##W __attribute__((vector_size(W * sizeof(HtLaneInt)))); \
  typedef PetscInt  HtVecLabel##W __attribute__((vector_size(W * sizeof(PetscInt))))
HtVecTypes(2);
HtVecTypes(4);
HtVecTypes(8);
#define HtVecIota2 ((HtVecIndex2){0, 1})
#define HtVecIota4 ((HtVecIndex4){0, 1, 2, 3})
#define HtVecIota8 ((HtVecIndex8){0, 1, 2, 3, 4, 5, 6, 7})

/*
   The vector helpers below are macros, not inline functions: GCC lowers the vector operations of an inline helper
   for the baseline instruction set before inlining it into a kernel compiled for a higher one, which turns them
   into scalar code. They work on the vector types HtVec, HtVecIndex that clusterkernels.h names for its width.
*/

/* lane by lane, where s > best: best = s and index = candidate (a later block of centers wins only if strictly nearer) */
#define HtVecKeepLarger(s, candidate, best, index) \
  do { \
    HtVecIndex larger_ = (HtVecIndex)((s) > (best)); \
    (best)             = (HtVec)(((HtVecIndex)(s) & larger_) | ((HtVecIndex)(best) & ~larger_)); \
    (index)            = ((candidate) & larger_) | ((index) & ~larger_); \
  } while (0)

#define HtUnparen(...) __VA_ARGS__
/*
   one level of the reduction of rows: lane by lane, the larger of the lanes of a and b selected by the shuffle
   indices A and those selected by B (parenthesized lists), the lower index on ties
*/
#define HtVecFold(a, ia, b, ib, best, index, A, B) \
  do { \
    HtVec      u_ = __builtin_shufflevector(a, b, HtUnparen A), v_ = __builtin_shufflevector(a, b, HtUnparen B); \
    HtVecIndex iu_ = __builtin_shufflevector(ia, ib, HtUnparen A), iv_ = __builtin_shufflevector(ia, ib, HtUnparen B); \
    HtVecIndex takev_ = (HtVecIndex)(v_ > u_) | ((HtVecIndex)(v_ >= u_) & (HtVecIndex)(iv_ < iu_)); \
    (best)            = (HtVec)(((HtVecIndex)v_ & takev_) | ((HtVecIndex)u_ & ~takev_)); \
    (index)           = (iv_ & takev_) | (iu_ & ~takev_); \
  } while (0)

/*
   the largest lane of each of the 8 rows v[] of 8 lanes (the lowest index on ties) into lane r of best and index: a
   butterfly of 4 + 2 + 1 lane-wise folds (instead of 3 per row); the rows come out bit-reversed, then reordered
*/
#define HtVecReduceRows8(v, iv, best, index) \
  do { \
    HtVec      p_[4], q_[2]; \
    HtVecIndex ip_[4], iq_[2]; \
    for (PetscInt r_ = 0; r_ < 4; r_++) HtVecFold(v[2 * r_], iv[2 * r_], v[2 * r_ + 1], iv[2 * r_ + 1], p_[r_], ip_[r_], (0, 1, 2, 3, 8, 9, 10, 11), (4, 5, 6, 7, 12, 13, 14, 15)); \
    for (PetscInt r_ = 0; r_ < 2; r_++) HtVecFold(p_[2 * r_], ip_[2 * r_], p_[2 * r_ + 1], ip_[2 * r_ + 1], q_[r_], iq_[r_], (0, 1, 8, 9, 4, 5, 12, 13), (2, 3, 10, 11, 6, 7, 14, 15)); \
    HtVecFold(q_[0], iq_[0], q_[1], iq_[1], best, index, (0, 8, 2, 10, 4, 12, 6, 14), (1, 9, 3, 11, 5, 13, 7, 15)); \
    (best)  = __builtin_shufflevector(best, best, 0, 4, 2, 6, 1, 5, 3, 7); \
    (index) = __builtin_shufflevector(index, index, 0, 4, 2, 6, 1, 5, 3, 7); \
  } while (0)

/* the same for 4 rows of 4 lanes: 2 + 1 folds */
#define HtVecReduceRows4(v, iv, best, index) \
  do { \
    HtVec      p_[2]; \
    HtVecIndex ip_[2]; \
    for (PetscInt r_ = 0; r_ < 2; r_++) HtVecFold(v[2 * r_], iv[2 * r_], v[2 * r_ + 1], iv[2 * r_ + 1], p_[r_], ip_[r_], (0, 1, 4, 5), (2, 3, 6, 7)); \
    HtVecFold(p_[0], ip_[0], p_[1], ip_[1], best, index, (0, 4, 2, 6), (1, 5, 3, 7)); \
    (best)  = __builtin_shufflevector(best, best, 0, 2, 1, 3); \
    (index) = __builtin_shufflevector(index, index, 0, 2, 1, 3); \
  } while (0)

/* the same for 2 rows of 2 lanes: 1 fold */
#define HtVecReduceRows2(v, iv, best, index) HtVecFold(v[0], iv[0], v[1], iv[1], best, index, (0, 2), (1, 3))

/*
   the sum of 8 partial sums held in one vector of 8 lanes, two of 4 or four of 2 (part[]): pairwise, in the same
   order for all widths
*/
#define HtVecSumPartials8(part, sum) \
  do { \
    HtVec p_ = part[0]; \
    p_ += __builtin_shufflevector(p_, p_, 4, 5, 6, 7, 0, 1, 2, 3); \
    p_ += __builtin_shufflevector(p_, p_, 2, 3, 0, 1, 4, 5, 6, 7); \
    p_ += __builtin_shufflevector(p_, p_, 1, 0, 2, 3, 4, 5, 6, 7); \
    (sum) = p_[0]; \
  } while (0)
#define HtVecSumPartials4(part, sum) \
  do { \
    HtVec p_ = part[0] + part[1]; \
    p_ += __builtin_shufflevector(p_, p_, 2, 3, 0, 1); \
    p_ += __builtin_shufflevector(p_, p_, 1, 0, 2, 3); \
    (sum) = p_[0]; \
  } while (0)
#define HtVecSumPartials2(part, sum) \
  do { \
    HtVec p_ = (part[0] + part[2]) + (part[1] + part[3]); \
    (sum)    = p_[0] + p_[1]; \
  } while (0)

/*
   the kernels, once per x86-64 level: blocks of 8 rows x 8 centers in the 32 vector registers of AVX-512, of 4 x 4
   in the 16 of AVX2, of 2 x 2 in the 16 of the baseline (SSE2)
*/
#define HT_KERNEL_W 2
#define HT_KERNEL_ATTR
#define HT_KERNEL(name) name##_Baseline
#include "clusterkernels.h"
#if defined(HT_HAVE_X86_LEVELS)
  #define HT_KERNEL_W 4
  #define HT_KERNEL_ATTR __attribute__((target("arch=x86-64-v3")))
  #define HT_KERNEL(name) name##_AVX2
  #include "clusterkernels.h"
  #define HT_KERNEL_W 8
  #define HT_KERNEL_ATTR __attribute__((target("arch=x86-64-v4")))
  #define HT_KERNEL(name) name##_AVX512
  #include "clusterkernels.h"
#endif

const char *const HtKernelISAs[]    = {"baseline", "avx2", "avx512", "HtKernelISA", "HT_KERNEL_ISA_", NULL};
HtKernelISA       HtClusterKernelISA = HT_KERNEL_ISA_AVX512;

/* the best version of the kernels for the machine that runs them, at most HtClusterKernelISA */
static void HtNearestWorkSelectKernels(HtNearestWork *w)
{
  w->nearest  = HtNearestKernel_Baseline;
  w->distance = HtDistanceKernel_Baseline;
#if defined(HT_HAVE_X86_LEVELS)
  __builtin_cpu_init();
  if (HtClusterKernelISA >= HT_KERNEL_ISA_AVX512 && __builtin_cpu_supports("x86-64-v4")) {
    w->nearest  = HtNearestKernel_AVX512;
    w->distance = HtDistanceKernel_AVX512;
  } else if (HtClusterKernelISA >= HT_KERNEL_ISA_AVX2 && __builtin_cpu_supports("x86-64-v3")) {
    w->nearest  = HtNearestKernel_AVX2;
    w->distance = HtDistanceKernel_AVX2;
  }
#endif
}

/*
   HtNearestWorkCreate - work space of HtNearestCenters() for K centers of F features
*/
PetscErrorCode HtNearestWorkCreate(PetscInt k, PetscInt f, HtNearestWork *w)
{
  PetscFunctionBegin;
  w->k    = k;
  w->f    = f;
  w->kpad = (k + HT_NEAREST_LANES - 1) / HT_NEAREST_LANES * HT_NEAREST_LANES;
  HtNearestWorkSelectKernels(w);
  PetscCall(PetscCalloc3(f * w->kpad, &w->ct, w->kpad, &w->chalf, HT_NEAREST_ROWS * f, &w->xpad));
  for (PetscInt q = k; q < w->kpad; q++) w->chalf[q] = -(PetscReal)INFINITY;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtNearestWorkSetCenters - the K x F centers (row-major) that HtNearestCenters() compares with
*/
PetscErrorCode HtNearestWorkSetCenters(HtNearestWork *w, const PetscScalar *c)
{
  PetscFunctionBegin;
  HtCentersTranspose(w->k, w->f, c, w->f, w->ct, w->kpad);
  for (PetscInt q = 0; q < w->k; q++) {
    PetscReal s = 0;

    for (PetscInt j = 0; j < w->f; j++) s += PetscRealPart(c[q * w->f + j] * c[q * w->f + j]);
    w->chalf[q] = -s / 2;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode HtNearestWorkDestroy(HtNearestWork *w)
{
  PetscFunctionBegin;
  PetscCall(PetscFree3(w->ct, w->chalf, w->xpad));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtNearestCenters - for the m rows x (row-major, F features): best[i] = the nearest center (the lowest index
   on ties) and g[i] = ||c||^2 - 2 x_i . c for it, so that ||x_i||^2 + g[i] is the squared distance by the
   expansion (use it to compare; compute the exact distance directly where it is reported)
*/
PetscErrorCode HtNearestCenters(HtNearestWork *w, PetscInt m, const PetscScalar *x, PetscInt best[], PetscReal g[])
{
  PetscInt mfull = m / HT_NEAREST_ROWS * HT_NEAREST_ROWS, rest = m - mfull;

  PetscFunctionBegin;
  w->nearest(mfull, w->f, w->kpad, x, w->ct, w->chalf, best, g);
  if (rest) {
    PetscInt  pbest[HT_NEAREST_ROWS];
    PetscReal pg[HT_NEAREST_ROWS];

    PetscCall(PetscArrayzero(w->xpad, HT_NEAREST_ROWS * w->f));
    PetscCall(PetscArraycpy(w->xpad, x + mfull * w->f, rest * w->f));
    w->nearest(HT_NEAREST_ROWS, w->f, w->kpad, w->xpad, w->ct, w->chalf, pbest, pg);
    PetscCall(PetscArraycpy(best + mfull, pbest, rest));
    PetscCall(PetscArraycpy(g + mfull, pg, rest));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtNearestDistances - for the m rows x whose nearest centers are best[] (c: the K x F centers, row-major, w: the
   row weights or NULL): d[i] = the exact squared distance and *wdist += w_i d[i] (row after row); with sums and wsum
   given, also sums[best[i]] += w_i x_i (K x F) and wsum[best[i]] += w_i (K)
*/
void HtNearestDistances(const HtNearestWork *w, PetscInt m, const PetscScalar *x, const PetscScalar *weights, const PetscInt best[], const PetscScalar *c, PetscScalar *sums, PetscScalar *wsum, PetscReal d[], PetscReal *wdist)
{
  w->distance(m, w->f, x, weights, best, c, sums, wsum, d, wdist);
}
