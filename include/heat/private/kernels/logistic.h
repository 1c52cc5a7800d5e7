/*
   The products of the logistic pass (src/tensor/impls/host/hostsamples.c), a template included there once per x86-64
   level (include/heat/private/kernellevels.h): the scores X W^T and the gradient D^T X of a chunk of rows that is in
   cache, in vectors of HT_KERNEL_W features. A row's score is computed by the same instructions wherever the row sits
   (its dot products in HT_KERNEL_W partial sums added in a fixed order), so it does not depend on the number of ranks.
*/

/* the sum of the lanes of v, pairwise in a fixed order */
HT_KERNEL_ATTR static inline PetscReal HT_KERNEL(HtVecLaneSum)(HtVec v)
{
  PetscReal s[HT_KERNEL_W];

  __builtin_memcpy(s, &v, sizeof(v));
  for (PetscInt w = HT_KERNEL_W / 2; w >= 1; w /= 2)
    for (PetscInt l = 0; l < w; l++) s[l] += s[l + w];
  return s[0];
}

/*
   z[t] = x . w_t for one row x of f features and n <= 4 rows w_t of W (row stride f): each in HT_KERNEL_W partial sums
   over the steps of features, added pairwise, plus the features past the last step; x is read once for the n
*/
HT_KERNEL_ATTR static inline void HT_KERNEL(HtLogisticDots)(PetscInt f, const PetscScalar *PETSC_RESTRICT x, PetscInt n, const PetscScalar *PETSC_RESTRICT W, PetscScalar *PETSC_RESTRICT z)
{
  HtVec    acc[4] = {{0}}, xv, wv;
  PetscInt j      = 0;

  for (; j + HT_KERNEL_W <= f; j += HT_KERNEL_W) {
    __builtin_memcpy(&xv, x + j, sizeof(xv));
    for (PetscInt t = 0; t < n; t++) {
      __builtin_memcpy(&wv, W + t * f + j, sizeof(wv));
      acc[t] += xv * wv;
    }
  }
  for (PetscInt t = 0; t < n; t++) {
    PetscReal tail = 0;

    for (PetscInt jt = j; jt < f; jt++) tail += PetscRealPart(x[jt] * W[t * f + jt]);
    z[t] = HT_KERNEL(HtVecLaneSum)(acc[t]) + tail;
  }
}

/* z (mc x C) = X W^T for the chunk's rows, W C x f row-major, four classes at a time; for few classes this beats a
   GEMM, which packs the chunk first */
HT_KERNEL_ATTR static void HT_KERNEL(HtLogisticScoresKernel)(PetscInt mc, PetscInt f, const PetscScalar *PETSC_RESTRICT x, PetscInt C, const PetscScalar *PETSC_RESTRICT W, PetscScalar *PETSC_RESTRICT z)
{
  for (PetscInt i = 0; i < mc; i++)
    for (PetscInt c = 0; c < C; c += 4) HT_KERNEL(HtLogisticDots)(f, x + (size_t)i * f, PetscMin(4, C - c), W + (size_t)c * f, z + i * C + c);
}

/*
   acc (C x f, then C) += D^T [X, 1] for the chunk's rows x (mc x f) and D (mc x C): the terms of four rows summed
   before they are added, in vectors of features, so that each entry of acc is loaded and stored once per four rows
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtLogisticGradientKernel)(PetscInt mc, PetscInt f, const PetscScalar *PETSC_RESTRICT x, PetscInt C, const PetscScalar *PETSC_RESTRICT D, PetscScalar *PETSC_RESTRICT acc)
{
  const PetscInt nw = C * f;
  PetscInt       i  = 0;

  for (; i + 4 <= mc; i += 4) {
    const PetscScalar *xi = x + (size_t)i * f, *di = D + i * C;

    for (PetscInt c = 0; c < C; c++) {
      PetscScalar *PETSC_RESTRICT gc = acc + (size_t)c * f;
      PetscScalar                 d0 = di[c], d1 = di[C + c], d2 = di[2 * C + c], d3 = di[3 * C + c];
      PetscInt                    j  = 0;

      for (; j + HT_KERNEL_W <= f; j += HT_KERNEL_W) {
        HtVec g, x0, x1, x2, x3;

        __builtin_memcpy(&g, gc + j, sizeof(g));
        __builtin_memcpy(&x0, xi + j, sizeof(x0));
        __builtin_memcpy(&x1, xi + f + j, sizeof(x1));
        __builtin_memcpy(&x2, xi + 2 * f + j, sizeof(x2));
        __builtin_memcpy(&x3, xi + 3 * f + j, sizeof(x3));
        g += (d0 * x0 + d1 * x1) + (d2 * x2 + d3 * x3);
        __builtin_memcpy(gc + j, &g, sizeof(g));
      }
      for (; j < f; j++) gc[j] += (d0 * xi[j] + d1 * xi[f + j]) + (d2 * xi[2 * f + j] + d3 * xi[3 * f + j]);
      acc[nw + c] += (d0 + d1) + (d2 + d3);
    }
  }
  for (; i < mc; i++)
    for (PetscInt c = 0; c < C; c++) {
      PetscScalar *PETSC_RESTRICT gc = acc + (size_t)c * f;

      for (PetscInt j = 0; j < f; j++) gc[j] += D[i * C + c] * x[(size_t)i * f + j];
      acc[nw + c] += D[i * C + c];
    }
}

/*
   the rows of z (m x C) plus b become their softmax: shifted by their maxima, exponentiated and normalized, the
   exponentials in vectors (HtExpKernel, explog.h); with zmax and lse (m values each; or both NULL) also their
   log-sum-exp log sum_c exp(z_c + b_c), the logarithms in vectors too
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtSoftmaxRowsKernel)(PetscInt m, PetscInt C, const PetscScalar *PETSC_RESTRICT b, PetscScalar *PETSC_RESTRICT z, PetscReal *PETSC_RESTRICT zmax, PetscReal *PETSC_RESTRICT lse)
{
  for (PetscInt i = 0; i < m; i++) {
    PetscScalar *zi = z + i * C;
    PetscReal    mx = -HUGE_VAL; /* PETSC_NINFINITY is finite */

    for (PetscInt c = 0; c < C; c++) {
      zi[c] += b[c];
      mx = PetscMax(mx, PetscRealPart(zi[c]));
    }
    for (PetscInt c = 0; c < C; c++) zi[c] -= mx;
    if (zmax) zmax[i] = mx;
  }
  HT_KERNEL(HtExpKernel)(m * C, (PetscReal *)z);
  for (PetscInt i = 0; i < m; i++) {
    PetscScalar *zi  = z + i * C;
    PetscReal    sum = 0;

    for (PetscInt c = 0; c < C; c++) sum += PetscRealPart(zi[c]);
    for (PetscInt c = 0; c < C; c++) zi[c] /= sum;
    if (lse) lse[i] = sum;
  }
  if (!lse) return;
  HT_KERNEL(HtLogKernel)(m, lse);
  for (PetscInt i = 0; i < m; i++) lse[i] += zmax[i];
}
