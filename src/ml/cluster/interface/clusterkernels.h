/*
   The kernels of src/ml/cluster/interface/clusternearest.c, included there once per x86-64 level: HT_KERNEL(name)
   names the version, HT_KERNEL_ATTR is its target attribute, HT_KERNEL_W its vector width (rows per block of the
   nearest-center kernel, and centers per block); all three are undefined at the end. (GCC's target_clones would be
   simpler, but it lowers the generic vector operations of the function for the baseline instruction set before
   cloning it, which turns the shuffles and compares of these kernels into scalar code.)
*/
#define HtPaste_(a, b)   a##b
#define HtPaste(a, b)    HtPaste_(a, b)
#define HtVec            HtPaste(HtVec, HT_KERNEL_W)
#define HtVecIndex       HtPaste(HtVecIndex, HT_KERNEL_W)
#define HtVecLabel       HtPaste(HtVecLabel, HT_KERNEL_W)
#define HtVecIota        HtPaste(HtVecIota, HT_KERNEL_W)
#define HtVecReduceRows  HtPaste(HtVecReduceRows, HT_KERNEL_W)
#define HtVecSumPartials HtPaste(HtVecSumPartials, HT_KERNEL_W)

/*
   rows [0, m) (m a multiple of HT_KERNEL_W) of x: best[i] and g[i] = ||c||^2 - 2 x_i . c of the nearest center c;
   ct is F x kpad (the centers transposed, zero-padded), chalf has kpad entries -||c||^2 / 2 (-inf for the padding).
   The nearest center has the largest score x_i . c - ||c||^2 / 2, accumulated from chalf by fused multiply-adds, and
   g = -2 score exactly.
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtNearestKernel)(PetscInt m, PetscInt f, PetscInt kpad, const PetscScalar *PETSC_RESTRICT x, const PetscReal *PETSC_RESTRICT ct, const PetscReal *PETSC_RESTRICT chalf, PetscInt *PETSC_RESTRICT best, PetscReal *PETSC_RESTRICT g)
{
  enum {
    R = HT_KERNEL_W,
    L = HT_KERNEL_W
  };
  _Static_assert(HT_NEAREST_ROWS % R == 0 && HT_NEAREST_LANES % L == 0, "blocks of rows and centers divide the padding");

  for (PetscInt i0 = 0; i0 < m; i0 += R) {
    const PetscScalar *xr = x + i0 * f;
    HtVec              bestd[R], rowbest;
    HtVecIndex         besti[R], rowindex;
    HtVecLabel         labels;

    /* the rows HT_NEAREST_PREFETCH blocks ahead, into cache while this block computes (prefetches never fault) */
    for (size_t b = 0; b < R * f * sizeof(PetscScalar); b += 64) __builtin_prefetch((const char *)(xr + HT_NEAREST_PREFETCH * R * f) + b);
    for (PetscInt r = 0; r < R; r++) {
      bestd[r] = (HtVec){0} - (PetscReal)INFINITY;
      besti[r] = (HtVecIndex){0};
    }
    for (PetscInt q0 = 0; q0 < kpad; q0 += L) {
      HtVec      score[R], c, n;
      HtVecIndex candidate = HtVecIota + (HtLaneInt)q0;

      __builtin_memcpy(&n, chalf + q0, sizeof(n));
      for (PetscInt r = 0; r < R; r++) score[r] = n;
      for (PetscInt j = 0; j < f; j++) {
        __builtin_memcpy(&c, ct + j * kpad + q0, sizeof(c));
        for (PetscInt r = 0; r < R; r++) score[r] += PetscRealPart(xr[r * f + j]) * c;
      }
      for (PetscInt r = 0; r < R; r++) HtVecKeepLarger(score[r], candidate, bestd[r], besti[r]);
    }
    HtVecReduceRows(bestd, besti, rowbest, rowindex);
    labels  = __builtin_convertvector(rowindex, HtVecLabel);
    rowbest = -2 * rowbest;
    __builtin_memcpy(best + i0, &labels, sizeof(labels));
    __builtin_memcpy(g + i0, &rowbest, sizeof(rowbest));
  }
}

/*
   rows [0, m) of x with nearest centers best[] (c: K x F, row-major): d[i] = their exact squared distance, summed
   directly (not by the expansion) in 8 partial sums added pairwise at the end: a fixed order, so the
   same value for a row wherever it sits, and an exact zero at a center. With sums (K x F) and wsum (K) given, also
   sums[best[i]] += w_i x_i and wsum[best[i]] += w_i (w_i = 1 without weights). *wdist += w_i d[i], row after row.
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtDistanceKernel)(PetscInt m, PetscInt f, const PetscScalar *PETSC_RESTRICT x, const PetscScalar *PETSC_RESTRICT w, const PetscInt *PETSC_RESTRICT best, const PetscScalar *PETSC_RESTRICT c, PetscScalar *PETSC_RESTRICT sums, PetscScalar *PETSC_RESTRICT wsum, PetscReal *PETSC_RESTRICT d, PetscReal *PETSC_RESTRICT wdist)
{
  PetscReal total = *wdist;
  enum {
    L = 8,              /* features per step, in 8 partial sums */
    V = L / HT_KERNEL_W /* vectors per step */
  };

  for (PetscInt i = 0; i < m; i++) {
    const PetscScalar *PETSC_RESTRICT xi = x + i * f, *PETSC_RESTRICT ci = c + best[i] * f;
    PetscScalar *PETSC_RESTRICT       si = sums ? sums + best[i] * f : NULL;
    PetscReal                         wi = w ? PetscRealPart(w[i]) : 1, xt[L] = {0}, ct[L] = {0};
    HtVec                             part[V] = {{0}}, xv, cv, sv;
    PetscInt                          j0 = 0;

    for (; j0 + L <= f; j0 += L)
      for (PetscInt v = 0; v < V; v++) {
        __builtin_memcpy(&xv, xi + j0 + v * HT_KERNEL_W, sizeof(xv));
        __builtin_memcpy(&cv, ci + j0 + v * HT_KERNEL_W, sizeof(cv));
        part[v] += (xv - cv) * (xv - cv);
        if (si) {
          __builtin_memcpy(&sv, si + j0 + v * HT_KERNEL_W, sizeof(sv));
          sv += wi * xv;
          __builtin_memcpy(si + j0 + v * HT_KERNEL_W, &sv, sizeof(sv));
        }
      }
    if (j0 < f) { /* the last features, zero-padded to a full step (which adds exact zeros to the other partial sums) */
      for (PetscInt l = 0; j0 + l < f; l++) {
        xt[l] = PetscRealPart(xi[j0 + l]);
        ct[l] = PetscRealPart(ci[j0 + l]);
        if (si) si[j0 + l] += wi * xi[j0 + l];
      }
      for (PetscInt v = 0; v < V; v++) {
        __builtin_memcpy(&xv, xt + v * HT_KERNEL_W, sizeof(xv));
        __builtin_memcpy(&cv, ct + v * HT_KERNEL_W, sizeof(cv));
        part[v] += (xv - cv) * (xv - cv);
      }
    }
    HtVecSumPartials(part, d[i]);
    total += wi * d[i];
    if (wsum) wsum[best[i]] += wi;
  }
  *wdist = total;
}

#undef HtVec
#undef HtVecIndex
#undef HtVecLabel
#undef HtVecReduceRows
#undef HtVecIota
#undef HtVecSumPartials
#undef HtPaste
#undef HtPaste_
#undef HT_KERNEL_W
#undef HT_KERNEL_ATTR
#undef HT_KERNEL
