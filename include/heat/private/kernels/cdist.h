/*
   The blocked distance kernels of HtPoints (src/tensor/impls/host/hostpoints.c), a template included there once per
   x86-64 level (include/heat/private/kernellevels.h): the distances, and k-means++'s potentials from them.
*/

/*
   rows [0, n) of D (leading dimension ldd) = the squared distances of the rows of x (n x f) to the m rows of Y, by the
   expansion |x|^2 + |y|^2 - 2 x . y clamped at 0 (NaN kept), then the metric (sqrt for HT_POINTS_EUCLIDEAN,
   exp(-gamma s) for HT_POINTS_RBF). yt is Y transposed (f x mpad, zero-padded), yhalf has the mpad entries -|y|^2 / 2,
   xpad is a work block of W x f. Blocks of W rows x W columns of D are accumulated in registers from yhalf by fused
   multiply-adds (x . y - |y|^2 / 2), like the nearest-center kernel; the metric is applied to a block of rows while it
   is in cache. The last rows go through xpad, zero-padded, so every row takes the same instructions.
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtCDistKernel)(PetscInt n, PetscInt m, PetscInt f, PetscInt mpad, const PetscScalar *PETSC_RESTRICT x, const PetscReal *PETSC_RESTRICT yt, const PetscReal *PETSC_RESTRICT yhalf, HtPointsMetric metric, PetscReal gamma, PetscScalar *PETSC_RESTRICT xpad, PetscScalar *PETSC_RESTRICT d, PetscInt ldd)
{
  enum {
    R = HT_KERNEL_W,
    L = HT_KERNEL_W
  };

  for (PetscInt i0 = 0; i0 < n; i0 += R) {
    PetscInt           rows = PetscMin(R, n - i0);
    const PetscScalar *xr   = x + i0 * f;
    PetscReal          xn[R];

    if (rows < R) {
      for (PetscInt k = 0; k < R * f; k++) xpad[k] = k < rows * f ? xr[k] : 0;
      xr = xpad;
    }
    for (PetscInt r = 0; r < R; r++) {
      xn[r] = 0;
      for (PetscInt j = 0; j < f; j++) xn[r] += PetscRealPart(xr[r * f + j] * xr[r * f + j]);
    }
    for (PetscInt q0 = 0; q0 < mpad; q0 += L) {
      HtVec score[R], s;

      __builtin_memcpy(&s, yhalf + q0, sizeof(s));
      HtVecDotBlock(R, xr, f, yt, mpad, q0, s, score);
      for (PetscInt r = 0; r < rows; r++) {
        PetscScalar *dr = d + (i0 + r) * ldd + q0;

        s = xn[r] - 2 * score[r];
        s = (HtVec)((HtVecIndex)s & ~(HtVecIndex)(s < 0)); /* 0 where negative; NaN compares false and stays */
        if (q0 + L <= m) __builtin_memcpy(dr, &s, sizeof(s));
        else
          for (PetscInt l = 0; q0 + l < m; l++) dr[l] = s[l];
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
   HtCDistKernel() computes it (the expansion clamped at 0), without writing D: the points in the lanes of blocks of W
   (one pass over x per block), each lane summing the rows in order. The last rows go through xpad, zero-padded.
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtPotentialsKernel)(PetscInt n, PetscInt m, PetscInt f, PetscInt mpad, const PetscScalar *PETSC_RESTRICT x, const PetscReal *PETSC_RESTRICT yt, const PetscReal *PETSC_RESTRICT yhalf, const PetscScalar *PETSC_RESTRICT w, const PetscReal *PETSC_RESTRICT closest, PetscScalar *PETSC_RESTRICT xpad, PetscReal *PETSC_RESTRICT pot)
{
  enum {
    R = HT_KERNEL_W,
    L = HT_KERNEL_W
  };

  for (PetscInt q0 = 0; q0 < mpad; q0 += L) {
    HtVec acc = {0}, half;

    __builtin_memcpy(&half, yhalf + q0, sizeof(half));
    for (PetscInt i0 = 0; i0 < n; i0 += R) {
      PetscInt           rows = PetscMin(R, n - i0);
      const PetscScalar *xr   = x + i0 * f;
      HtVec              score[R], s;

      if (rows < R) {
        for (PetscInt k = 0; k < R * f; k++) xpad[k] = k < rows * f ? xr[k] : 0;
        xr = xpad;
      }
      HtVecDotBlock(R, xr, f, yt, mpad, q0, half, score);
      for (PetscInt r = 0; r < rows; r++) {
        PetscReal xn = 0, c = closest[i0 + r];

        for (PetscInt j = 0; j < f; j++) xn += PetscRealPart(xr[r * f + j] * xr[r * f + j]);
        s = xn - 2 * score[r];
        s = (HtVec)((HtVecIndex)s & ~(HtVecIndex)(s < 0)); /* 0 where negative, as HtCDistKernel() */
        s = HtVecSelect((HtVecIndex)(c < s), (HtVec){0} + c, s);
        acc += (w ? PetscRealPart(w[i0 + r]) : 1) * s;
      }
    }
    for (PetscInt l = 0; l < L && q0 + l < m; l++) pot[q0 + l] += acc[l];
  }
}
