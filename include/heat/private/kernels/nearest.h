/*
   The nearest-point kernel of HtPoints (src/tensor/impls/host/hostpoints.c), a template included there once per x86-64 level
   (include/heat/private/kernellevels.h): HT_KERNEL_W is its vector width (rows per block, and centers per block).
*/
#define HtVecCombine   HtPaste(HtVecCombine, HT_KERNEL_W)
#define HtVecUpdate    HtPaste(HtVecUpdate, HT_KERNEL_W)
#define HtVecTranspose HtPaste(HtVecTranspose, HT_KERNEL_W)

/*
   the rows [i0, i0 + W) of x (xr = x + i0 f), with nearest centers labels[] and weights wv (0 for padding rows): d[i] =
   their exact squared distances and total += w_i d[i] lane by lane. A row's distance is summed in 8
   partial sums (features j = l mod 8, l = 0..7; the last features zero-padded to a full step, which adds exact zeros)
   added pairwise at the end, in the same order at every width: the same value for a row wherever it sits, and an
   exact zero at a center. Rows of fewer than 8 features are summed in that order in scalars (HtExactFewFeatures()).
*/
HT_KERNEL_ATTR static inline void HT_KERNEL(HtExactBlock)(PetscInt f, PetscInt i0, const PetscScalar *PETSC_RESTRICT xr, HtVec wv, const PetscScalar *PETSC_RESTRICT c, const PetscInt *PETSC_RESTRICT labels, PetscReal *PETSC_RESTRICT d, HtVec *total)
{
  enum {
    R = HT_KERNEL_W,
    V = 8 / HT_KERNEL_W /* vectors per step of 8 features */
  };
  HtVec              part[R][V], row[R], dist = {0}, xv, cv;
  const PetscScalar *cr[R];
  PetscInt           j0 = 0;

  if (f < 8) {
    switch (f) { /* f a constant in each case: the row's terms stay in registers (with f a variable they went through memory) */
#define HtExactFewCase(F) \
  case F: \
    for (PetscInt r = 0; r < R; r++) dist[r] = HtExactFewFeatures(F, xr + r * F, c + labels[r] * F); \
    break
      HtExactFewCase(1);
      HtExactFewCase(2);
      HtExactFewCase(3);
      HtExactFewCase(4);
      HtExactFewCase(5);
      HtExactFewCase(6);
      HtExactFewCase(7);
#undef HtExactFewCase
    }
    __builtin_memcpy(d + i0, &dist, sizeof(dist));
    *total += wv * dist;
    return;
  }
  HT_UNROLL_ROWS
  for (PetscInt r = 0; r < R; r++) {
    cr[r] = c + labels[r] * f;
    for (PetscInt v = 0; v < V; v++) part[r][v] = (HtVec){0};
  }
  for (; j0 + 8 <= f; j0 += 8) {
    HT_UNROLL_ROWS
    for (PetscInt r = 0; r < R; r++)
      for (PetscInt v = 0; v < V; v++) {
        __builtin_memcpy(&xv, xr + r * f + j0 + v * HT_KERNEL_W, sizeof(xv));
        __builtin_memcpy(&cv, cr[r] + j0 + v * HT_KERNEL_W, sizeof(cv));
        part[r][v] += (xv - cv) * (xv - cv);
      }
  }
  if (j0 < f)
    for (PetscInt r = 0; r < R; r++) {
      PetscReal xt[8] = {0}, ctail[8] = {0};

      for (PetscInt l = 0; j0 + l < f; l++) {
        xt[l]    = PetscRealPart(xr[r * f + j0 + l]);
        ctail[l] = PetscRealPart(cr[r][j0 + l]);
      }
      for (PetscInt v = 0; v < V; v++) {
        __builtin_memcpy(&xv, xt + v * HT_KERNEL_W, sizeof(xv));
        __builtin_memcpy(&cv, ctail + v * HT_KERNEL_W, sizeof(cv));
        part[r][v] += (xv - cv) * (xv - cv);
      }
    }
  for (PetscInt r = 0; r < R; r++) row[r] = HtVecCombine(part[r]);
  HtVecButterfly(HtVec, HtVecFoldSum, HtVecPermute, row, dist);
  __builtin_memcpy(d + i0, &dist, sizeof(dist));
  *total += wv * dist;
}

/*
   the rows [0, valid) of x with nearest centers best[] and weights (NULL: ones) added to the sums of their centers,
   acc = [sums (K x F) | wsum (K)] for the even rows and odd (the same layout) for the odd rows (HtPoints_Host):
   sums[best[i]] += w_i x_i and wsum[best[i]] += w_i, row after row. Neighbouring rows are mostly in the same cluster:
   with one copy of the sums each row's update waited for the previous row's store (about 1 ms per 10^6 rows). The
   sums are updated in vectors of HtVecUpdate (at most 4 lanes): in place updates of 8 lanes took 1.2 to 2.5 times as
   long on AMD Zen 5.
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtSumsKernel)(PetscInt valid, PetscInt f, PetscInt k, const PetscScalar *PETSC_RESTRICT x, const PetscScalar *PETSC_RESTRICT weights, const PetscInt *PETSC_RESTRICT best, PetscScalar *PETSC_RESTRICT acc, PetscScalar *PETSC_RESTRICT odd)
{
  for (PetscInt i = 0; i < valid; i++) {
    PetscScalar *PETSC_RESTRICT copy = i % 2 ? odd : acc, *PETSC_RESTRICT si = copy + best[i] * f;
    const PetscScalar          *xi = x + i * f;
    PetscReal                   wi = weights ? PetscRealPart(weights[i]) : 1;
    PetscInt                    j  = 0;
    HtVecUpdate                 xv, sv;

    for (; j + (PetscInt)(sizeof(xv) / sizeof(PetscReal)) <= f; j += sizeof(xv) / sizeof(PetscReal)) {
      __builtin_memcpy(&xv, xi + j, sizeof(xv));
      __builtin_memcpy(&sv, si + j, sizeof(sv));
      sv += wi * xv;
      __builtin_memcpy(si + j, &sv, sizeof(sv));
    }
    for (; j < f; j++) si[j] += wi * xi[j];
    copy[k * f + best[i]] += wi;
  }
}

/*
   block = the largest scores of the W rows xr with their centers, for k <= W centers (one block of lanes): the
   scores as in HtNearestKernel(), transposed so that each vector holds one center's scores of the rows, then compared
   center after center, the later center taking a row only if strictly larger (the lower index on ties, the same choice
   as the butterfly's). For few centers this takes fewer and shorter chains of instructions than the butterfly, which
   also carries the indices through every fold.
*/
HT_KERNEL_ATTR static inline void HT_KERNEL(HtNearestFewBlock)(const PetscScalar *PETSC_RESTRICT xr, PetscInt f, const PetscReal *PETSC_RESTRICT ct, PetscInt kpad, const PetscReal *PETSC_RESTRICT chalf, PetscInt k, HtVecArg *block)
{
  HtVec score[HT_KERNEL_W], byc[HT_KERNEL_W], n;

  __builtin_memcpy(&n, chalf, sizeof(n));
  HtVecDotBlock(HT_KERNEL_W, xr, f, ct, kpad, 0, n, score);
  HtVecTranspose(score, byc);
  block->val = byc[0];
  block->idx = (HtVecIndex){0};
  for (PetscInt q = 1; q < k; q++) {
    HtVecIndex larger = (HtVecIndex)(byc[q] > block->val);

    block->val = HtVecSelect(larger, byc[q], block->val);
    block->idx = (((HtVecIndex){0} + (HtLaneInt)q) & larger) | (block->idx & ~larger);
  }
}

/*
   rows [0, m) (m a multiple of HT_KERNEL_W) of x: best[i] = the nearest center of w (the largest score x_i . c -
   ||c||^2 / 2, accumulated from w->chalf by fused multiply-adds on the transposed centers w->ct, the lowest index on
   ties) and
   - without wdist: d[i] = ||c||^2 - 2 x_i . c for it (-2 score, exactly)
   - with wdist: d[i] = the exact squared distance to it (HtExactBlock()), *wdist += the sum of w_i d[i] over the rows
     [0, valid) (in W lanes, then lane after lane)
   - if accumulate: the rows [0, valid) added to the sums of their centers (HtSumsKernel())
   The three are separate passes over the rows, which are in the first-level cache after the first (the callers
   give at most HT_POINTS_CHUNK rows): fused into the blocks of the first, the distances and sums wait for the
   block's labels, and the whole took longer.
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtNearestKernel)(const HtPoints_Host *w, PetscInt m, PetscInt valid, const PetscScalar *PETSC_RESTRICT x, const PetscScalar *PETSC_RESTRICT weights, PetscInt *PETSC_RESTRICT best, PetscReal *PETSC_RESTRICT d, PetscBool accumulate, PetscReal *wdist)
{
  enum {
    R = HT_KERNEL_W,
    L = HT_KERNEL_W
  };
  const PetscInt                  f = w->f, kpad = w->kpad;
  const PetscReal *PETSC_RESTRICT ct = w->ct, *PETSC_RESTRICT chalf = w->chalf;
  _Static_assert(HT_NEAREST_ROWS % R == 0 && HT_NEAREST_LANES % L == 0, "blocks of rows and centers divide the padding");

  for (PetscInt i0 = 0; i0 < m; i0 += R) {
    const PetscScalar *xr = x + i0 * f;
    HtVecArg           rowbest[R] = {{{0}, {0}}}, block;
    HtVecLabel         labels;

    /* the rows HT_NEAREST_PREFETCH blocks ahead, into cache while this block computes (prefetches never fault) */
    for (size_t b = 0; b < R * f * sizeof(PetscScalar); b += 64) __builtin_prefetch((const char *)(xr + HT_NEAREST_PREFETCH * R * f) + b);
    if (w->k <= L) {
      HT_KERNEL(HtNearestFewBlock)(xr, f, ct, kpad, chalf, w->k, &block);
      labels    = __builtin_convertvector(block.idx, HtVecLabel);
      block.val = -2 * block.val;
      __builtin_memcpy(best + i0, &labels, sizeof(labels));
      __builtin_memcpy(d + i0, &block.val, sizeof(block.val));
      continue;
    }
    for (PetscInt q0 = 0; q0 < kpad; q0 += L) { /* the first block of centers (kpad > 0) sets rowbest */
      HtVec      score[R], n;
      HtVecIndex candidate = HtVecIota + (HtLaneInt)q0;

      __builtin_memcpy(&n, chalf + q0, sizeof(n));
      HtVecDotBlock(R, xr, f, ct, kpad, q0, n, score);
      if (q0)
        for (PetscInt r = 0; r < R; r++) HtVecKeepLarger(score[r], candidate, rowbest[r]);
      else
        for (PetscInt r = 0; r < R; r++) {
          rowbest[r].val = score[r];
          rowbest[r].idx = candidate;
        }
    }
    HtVecButterfly(HtVecArg, HtVecFoldLarger, HtVecPermuteArg, rowbest, block);
    labels    = __builtin_convertvector(block.idx, HtVecLabel);
    block.val = -2 * block.val;
    __builtin_memcpy(best + i0, &labels, sizeof(labels));
    __builtin_memcpy(d + i0, &block.val, sizeof(block.val));
  }
  if (wdist) {
    HtVec total = {0};

    for (PetscInt i0 = 0; i0 < m; i0 += R) {
      PetscInt rows = PetscMin(R, valid - i0);
      HtVec    wv   = (HtVec){0} + 1;

      if (weights || rows < R)
        for (PetscInt r = 0; r < R; r++) wv[r] = r >= rows ? 0 : weights ? PetscRealPart(weights[i0 + r]) : 1;
      HT_KERNEL(HtExactBlock)(f, i0, x + i0 * f, wv, w->c, best + i0, d, &total);
    }
    for (PetscInt l = 0; l < HT_KERNEL_W; l++) *wdist += total[l];
  }
  if (accumulate) HT_KERNEL(HtSumsKernel)(valid, f, w->k, x, weights, best, w->acc, w->acc + w->k * (f + 1));
}

#undef HtVecCombine
#undef HtVecUpdate
#undef HtVecTranspose
