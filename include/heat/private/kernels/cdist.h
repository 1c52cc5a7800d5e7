/*
   The blocked distance kernels of HtPoints (src/tensor/impls/host/hostpoints.c), a template included there once per
   x86-64 level (include/heat/private/kernellevels.h): the distances, and k-means++'s potentials from them.
*/

/*
   the block of W rows of x from xr, of which the first `rows` are rows of x: xr itself, or (rows < W) its rows copied to
   xpad and zero-padded, so every row takes the same instructions; xn[r] = |x_r|^2 of its rows
*/
HT_KERNEL_ATTR static inline const PetscScalar *HT_KERNEL(HtCDistRowBlock)(PetscInt rows, PetscInt f, const PetscScalar *PETSC_RESTRICT xr, PetscScalar *PETSC_RESTRICT xpad, PetscReal *PETSC_RESTRICT xn)
{
  if (rows < HT_KERNEL_W) {
    for (PetscInt k = 0; k < HT_KERNEL_W * f; k++) xpad[k] = k < rows * f ? xr[k] : 0;
    xr = xpad;
  }
  for (PetscInt r = 0; r < HT_KERNEL_W; r++) {
    xn[r] = 0;
    for (PetscInt j = 0; j < f; j++) xn[r] += PetscRealPart(xr[r * f + j] * xr[r * f + j]);
  }
  return xr;
}

/*
   s[r] (lane l) = the squared distance of row r of the block xr (norms xn, HtCDistRowBlock()) to point q0 + l of Y, by
   the expansion |x|^2 + |y|^2 - 2 x . y clamped at 0 (NaN kept): W rows x W points accumulated in registers from
   yhalf by fused multiply-adds (x . y - |y|^2 / 2), like the nearest-center kernel. yt is Y transposed (f x mpad,
   zero-padded), yhalf has the mpad entries -|y|^2 / 2.
*/
HT_KERNEL_ATTR static inline void HT_KERNEL(HtCDistSquares)(const PetscScalar *PETSC_RESTRICT xr, PetscInt f, const PetscReal *PETSC_RESTRICT yt, PetscInt mpad, PetscInt q0, const PetscReal *PETSC_RESTRICT yhalf, const PetscReal *PETSC_RESTRICT xn, HtVec *s)
{
  HtVec score[HT_KERNEL_W], half;

  __builtin_memcpy(&half, yhalf + q0, sizeof(half));
  HtVecDotBlock(HT_KERNEL_W, xr, f, yt, mpad, q0, half, score);
  for (PetscInt r = 0; r < HT_KERNEL_W; r++) {
    s[r] = xn[r] - 2 * score[r];
    s[r] = (HtVec)((HtVecIndex)s[r] & ~(HtVecIndex)(s[r] < 0)); /* 0 where negative; NaN compares false and stays */
  }
}

/*
   rows [0, n) of D (leading dimension ldd) = the squared distances of the rows of x (n x f) to the m rows of Y
   (HtCDistSquares()), then the metric (sqrt for HT_POINTS_EUCLIDEAN, exp(-gamma s) for HT_POINTS_RBF), applied to a
   block of rows while it is in cache; xpad is a work block of W x f for the last rows (HtCDistRowBlock())
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtCDistKernel)(PetscInt n, PetscInt m, PetscInt f, PetscInt mpad, const PetscScalar *PETSC_RESTRICT x, const PetscReal *PETSC_RESTRICT yt, const PetscReal *PETSC_RESTRICT yhalf, HtPointsMetric metric, PetscReal gamma, PetscScalar *PETSC_RESTRICT xpad, PetscScalar *PETSC_RESTRICT d, PetscInt ldd)
{
  enum {
    R = HT_KERNEL_W,
    L = HT_KERNEL_W
  };

  for (PetscInt i0 = 0; i0 < n; i0 += R) {
    PetscInt           rows = PetscMin(R, n - i0);
    PetscReal          xn[R];
    const PetscScalar *xr = HT_KERNEL(HtCDistRowBlock)(rows, f, x + i0 * f, xpad, xn);

    for (PetscInt q0 = 0; q0 < mpad; q0 += L) {
      HtVec s[R];

      HT_KERNEL(HtCDistSquares)(xr, f, yt, mpad, q0, yhalf, xn, s);
      for (PetscInt r = 0; r < rows; r++) {
        PetscScalar *dr = d + (i0 + r) * ldd + q0;

        if (q0 + L <= m) __builtin_memcpy(dr, &s[r], sizeof(s[r]));
        else
          for (PetscInt l = 0; q0 + l < m; l++) dr[l] = s[r][l];
      }
    }
    if (metric == HT_POINTS_EUCLIDEAN)
      for (PetscInt r = 0; r < rows; r++)
        for (PetscInt q = 0; q < m; q++) d[(i0 + r) * ldd + q] = PetscSqrtReal(PetscRealPart(d[(i0 + r) * ldd + q]));
    else if (metric == HT_POINTS_RBF)
      for (PetscInt r = 0; r < rows; r++)
        for (PetscInt q = 0; q < m; q++) d[(i0 + r) * ldd + q] = PetscExpReal(-gamma * PetscRealPart(d[(i0 + r) * ldd + q]));
  }
}

/*
   pot[q] (q < m) += the sum over the n rows of x (weights w, NULL: ones) of w_i min(closest_i, D_iq), D_iq as
   HtCDistKernel() computes it (HtCDistSquares()), without writing D: the points in the lanes of blocks of W (one pass
   over x per block), each lane summing the rows in order. The last rows go through xpad (HtCDistRowBlock()).
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtPotentialsKernel)(PetscInt n, PetscInt m, PetscInt f, PetscInt mpad, const PetscScalar *PETSC_RESTRICT x, const PetscReal *PETSC_RESTRICT yt, const PetscReal *PETSC_RESTRICT yhalf, const PetscScalar *PETSC_RESTRICT w, const PetscReal *PETSC_RESTRICT closest, PetscScalar *PETSC_RESTRICT xpad, PetscReal *PETSC_RESTRICT pot)
{
  enum {
    R = HT_KERNEL_W,
    L = HT_KERNEL_W
  };

  for (PetscInt q0 = 0; q0 < mpad; q0 += L) {
    HtVec acc = {0};

    for (PetscInt i0 = 0; i0 < n; i0 += R) {
      PetscInt           rows = PetscMin(R, n - i0);
      PetscReal          xn[R];
      const PetscScalar *xr = HT_KERNEL(HtCDistRowBlock)(rows, f, x + i0 * f, xpad, xn);
      HtVec              s[R];

      HT_KERNEL(HtCDistSquares)(xr, f, yt, mpad, q0, yhalf, xn, s);
      for (PetscInt r = 0; r < rows; r++) {
        PetscReal c = closest[i0 + r];

        acc += (w ? PetscRealPart(w[i0 + r]) : 1) * HtVecSelect((HtVecIndex)(c < s[r]), (HtVec){0} + c, s[r]);
      }
    }
    for (PetscInt l = 0; l < L && q0 + l < m; l++) pot[q0 + l] += acc[l];
  }
}
