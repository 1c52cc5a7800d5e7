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
   same on any number of ranks. The kernel is compiled for several x86-64 levels (AVX-512, AVX2+FMA, baseline)
   and the loader picks the best one for the machine that runs it.
*/
#include <heat/private/clusterimpl.h>

#if defined(PETSC_USE_REAL_SINGLE)
typedef int32_t HtLaneInt;
#else
typedef int64_t HtLaneInt;
#endif
/* HT_NEAREST_LANES / 2 consecutive centers of one row, and their indices */
typedef PetscReal HtHalf __attribute__((vector_size(HT_NEAREST_LANES / 2 * sizeof(PetscReal))));
typedef HtLaneInt HtHalfIndex __attribute__((vector_size(HT_NEAREST_LANES / 2 * sizeof(HtLaneInt))));

static inline void HtHalfLoad(HtHalf *v, const PetscReal *p)
{
  __builtin_memcpy(v, p, sizeof(*v));
}

/* where s > best, or s == best with a lower index: best = s and index = candidate */
static inline void HtHalfKeepLarger(const HtHalf *s, const HtHalfIndex *candidate, HtHalf *best, HtHalfIndex *index)
{
  HtHalfIndex larger = (HtHalfIndex)(*s > *best) | ((HtHalfIndex)(*s == *best) & (HtHalfIndex)(*candidate < *index));

  *best  = (HtHalf)(((HtHalfIndex)*s & larger) | ((HtHalfIndex)*best & ~larger));
  *index = (*candidate & larger) | (*index & ~larger);
}

/* the largest of the 2 x 4 lanes (and its index) into lane 0 of best[0] and index[0] */
static inline void HtHalfReduce(HtHalf best[2], HtHalfIndex index[2])
{
  HtHalf      d;
  HtHalfIndex candidate;

  HtHalfKeepLarger(&best[1], &index[1], &best[0], &index[0]);
  d         = __builtin_shufflevector(best[0], best[0], 2, 3, 0, 1);
  candidate = __builtin_shufflevector(index[0], index[0], 2, 3, 0, 1);
  HtHalfKeepLarger(&d, &candidate, &best[0], &index[0]);
  d         = __builtin_shufflevector(best[0], best[0], 1, 0, 3, 2);
  candidate = __builtin_shufflevector(index[0], index[0], 1, 0, 3, 2);
  HtHalfKeepLarger(&d, &candidate, &best[0], &index[0]);
}

/*
   rows [0, m) (m a multiple of HT_NEAREST_ROWS) of x: best[i] and g[i] = ||c||^2 - 2 x_i . c of the nearest center c;
   ct is F x kpad (the centers transposed, zero-padded), chalf has kpad entries -||c||^2 / 2 (-inf for the padding).
   The nearest center has the largest score x_i . c - ||c||^2 / 2, accumulated from chalf by fused multiply-adds, and
   g = -2 score exactly.
*/
HT_MULTIVERSION static void HtNearestKernel(PetscInt m, PetscInt f, PetscInt kpad, const PetscScalar *PETSC_RESTRICT x, const PetscReal *PETSC_RESTRICT ct, const PetscReal *PETSC_RESTRICT chalf, PetscInt *PETSC_RESTRICT best, PetscReal *PETSC_RESTRICT g)
{
  enum {
    R = HT_NEAREST_ROWS,
    H = HT_NEAREST_LANES / 2
  };
  _Static_assert(H == 4, "HtHalfReduce() shuffles 4 lanes");

  for (PetscInt i0 = 0; i0 < m; i0 += R) {
    const PetscScalar *xr = x + i0 * f;
    HtHalf             bestd[R][2];
    HtHalfIndex        besti[R][2];

    for (PetscInt r = 0; r < R; r++)
      for (PetscInt h = 0; h < 2; h++) {
        bestd[r][h] = (HtHalf){0} - (PetscReal)INFINITY;
        besti[r][h] = (HtHalfIndex){0};
      }
    for (PetscInt q0 = 0; q0 < kpad; q0 += 2 * H) {
      HtHalf      score[R][2], c[2], n[2];
      HtHalfIndex candidate[2];

      for (PetscInt h = 0; h < 2; h++) {
        HtHalfLoad(&n[h], chalf + q0 + h * H);
        candidate[h] = (HtHalfIndex){0, 1, 2, 3} + (HtLaneInt)(q0 + h * H);
        for (PetscInt r = 0; r < R; r++) score[r][h] = n[h];
      }
      for (PetscInt j = 0; j < f; j++) {
        HtHalfLoad(&c[0], ct + j * kpad + q0);
        HtHalfLoad(&c[1], ct + j * kpad + q0 + H);
        for (PetscInt r = 0; r < R; r++) {
          score[r][0] += PetscRealPart(xr[r * f + j]) * c[0];
          score[r][1] += PetscRealPart(xr[r * f + j]) * c[1];
        }
      }
      for (PetscInt r = 0; r < R; r++)
        for (PetscInt h = 0; h < 2; h++) HtHalfKeepLarger(&score[r][h], &candidate[h], &bestd[r][h], &besti[r][h]);
    }
    for (PetscInt r = 0; r < R; r++) {
      HtHalfReduce(bestd[r], besti[r]);
      best[i0 + r] = (PetscInt)besti[r][0][0];
      g[i0 + r]    = -2 * bestd[r][0][0];
    }
  }
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
  HtNearestKernel(mfull, w->f, w->kpad, x, w->ct, w->chalf, best, g);
  if (rest) {
    PetscInt  pbest[HT_NEAREST_ROWS];
    PetscReal pg[HT_NEAREST_ROWS];

    PetscCall(PetscArrayzero(w->xpad, HT_NEAREST_ROWS * w->f));
    PetscCall(PetscArraycpy(w->xpad, x + mfull * w->f, rest * w->f));
    HtNearestKernel(HT_NEAREST_ROWS, w->f, w->kpad, w->xpad, w->ct, w->chalf, pbest, pg);
    PetscCall(PetscArraycpy(best + mfull, pbest, rest));
    PetscCall(PetscArraycpy(g + mfull, pg, rest));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
