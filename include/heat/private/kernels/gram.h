/*
   The Gram kernel of the covariance (src/tensor/impls/host/hostreduce.c), a template included there once per x86-64
   level (include/heat/private/kernellevels.h).
*/
#define HT_GRAM_R    (HT_KERNEL_W == 8 ? 8 : 4) /* rows of a register tile of the Gram matrix: R x C vectors of accumulators */
#define HT_GRAM_C    3                          /* vectors of a full tile (it may have fewer) */
#define HT_GRAM_LINE 64                         /* bytes of a cache line */

/* rows [0, mc) of W (stride fpad) = the rows x (of f columns) minus shift, and colsum (fpad) += their column sums; the
   columns beyond f are left as they are (zero since the work array was allocated) */
HT_KERNEL_ATTR static void HT_KERNEL(HtShiftKernel)(PetscInt mc, PetscInt f, PetscInt fpad, const PetscScalar *PETSC_RESTRICT x, const PetscReal *PETSC_RESTRICT shift, PetscReal *PETSC_RESTRICT w, PetscReal *PETSC_RESTRICT colsum)
{
  for (PetscInt i = 0; i < mc; i++) {
    const PetscScalar *PETSC_RESTRICT xi = x + i * f;
    PetscReal *PETSC_RESTRICT         wi = w + i * fpad;
    PetscInt                          j  = 0;

    for (; j + HT_KERNEL_W <= f; j += HT_KERNEL_W) {
      HtVec xv, sv, cv;

      __builtin_memcpy(&xv, xi + j, sizeof(xv));
      __builtin_memcpy(&sv, shift + j, sizeof(sv));
      __builtin_memcpy(&cv, colsum + j, sizeof(cv));
      xv -= sv;
      cv += xv;
      __builtin_memcpy(wi + j, &xv, sizeof(xv));
      __builtin_memcpy(colsum + j, &cv, sizeof(cv));
    }
    for (; j < f; j++) {
      wi[j] = PetscRealPart(xi[j]) - shift[j];
      colsum[j] += wi[j];
    }
  }
}

/*
   one register tile: g[u ldg + v W + l] += sum_i a[i lda + u] b[i ldb + v W + l] for the R x C vectors (u < R, v < C)
   over the mc rows i: each row's R values of a broadcast against its C vectors of b, R C independent chains of fused
   multiply-adds in registers. Inlined with constant R and C (the loops unrolled). Each row also prefetches one of the
   *npf cache lines at *pf (the data of the next rows to shift, which the hardware would fetch only when they are
   read) and advances them.
*/
HT_KERNEL_ATTR static inline __attribute__((always_inline)) void HT_KERNEL(HtGramTile)(const PetscInt R, const PetscInt C, PetscInt mc, const PetscReal *PETSC_RESTRICT a, PetscInt lda, const PetscReal *PETSC_RESTRICT b, PetscInt ldb, PetscReal *PETSC_RESTRICT g, PetscInt ldg, const char **pf, PetscInt *npf)
{
  HtVec    acc[HT_GRAM_R][HT_GRAM_C], bv[HT_GRAM_C];
  PetscInt nfetch = PetscMin(mc, *npf);

  HT_UNROLL_ROWS
  for (PetscInt u = 0; u < R; u++) {
    HT_UNROLL_ROWS
    for (PetscInt v = 0; v < C; v++) __builtin_memcpy(&acc[u][v], g + u * ldg + v * HT_KERNEL_W, sizeof(acc[u][v]));
  }
  for (PetscInt i = 0; i < mc; i++) {
    if (i < nfetch) __builtin_prefetch(*pf + HT_GRAM_LINE * i);
    HT_UNROLL_ROWS
    for (PetscInt v = 0; v < C; v++) __builtin_memcpy(&bv[v], b + i * ldb + v * HT_KERNEL_W, sizeof(bv[v]));
    HT_UNROLL_ROWS
    for (PetscInt u = 0; u < R; u++) {
      HT_UNROLL_ROWS
      for (PetscInt v = 0; v < C; v++) acc[u][v] += a[i * lda + u] * bv[v];
    }
  }
  HT_UNROLL_ROWS
  for (PetscInt u = 0; u < R; u++) {
    HT_UNROLL_ROWS
    for (PetscInt v = 0; v < C; v++) __builtin_memcpy(g + u * ldg + v * HT_KERNEL_W, &acc[u][v], sizeof(acc[u][v]));
  }
  *pf += HT_GRAM_LINE * nfetch;
  *npf -= nfetch;
}

/* the tiles of the R rows a (stride lda) of the product against the nc vectors of b from column 0: full tiles of C
   vectors, the last with fewer */
HT_KERNEL_ATTR static inline __attribute__((always_inline)) void HT_KERNEL(HtGramTileRow)(const PetscInt R, PetscInt nc, PetscInt mc, const PetscReal *PETSC_RESTRICT a, PetscInt lda, const PetscReal *PETSC_RESTRICT b, PetscInt ldb, PetscReal *PETSC_RESTRICT g, PetscInt ldg, const char **pf, PetscInt *npf)
{
  PetscInt v0 = 0;

  for (; v0 + HT_GRAM_C <= nc; v0 += HT_GRAM_C) HT_KERNEL(HtGramTile)(R, HT_GRAM_C, mc, a, lda, b + v0 * HT_KERNEL_W, ldb, g + v0 * HT_KERNEL_W, ldg, pf, npf);
  switch (nc - v0) {
  case 1:
    HT_KERNEL(HtGramTile)(R, 1, mc, a, lda, b + v0 * HT_KERNEL_W, ldb, g + v0 * HT_KERNEL_W, ldg, pf, npf);
    break;
  case 2:
    HT_KERNEL(HtGramTile)(R, 2, mc, a, lda, b + v0 * HT_KERNEL_W, ldb, g + v0 * HT_KERNEL_W, ldg, pf, npf);
    break;
  }
}

/*
   the upper part of g (fpad x fpad, row-major) += W^T W for the mc rows of W (row stride fpad, a multiple of 8 and
   of R, zero beyond the data's columns), and gy (fpad) += W^T wy when wy (mc values) is not NULL: for each R rows of
   g the columns from the first of them on, in register tiles, each one pass over the rows of W, which are in the L1
   cache. Entries of g left of the diagonal inside the diagonal tiles are summed too (and not used). The nextbytes
   bytes at next (the rows the caller shifts next) are prefetched on the way, a cache line per row of a tile.
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtGramUpperKernel)(PetscInt mc, PetscInt fpad, const PetscReal *PETSC_RESTRICT w, const PetscReal *PETSC_RESTRICT wy, PetscReal *PETSC_RESTRICT g, PetscReal *PETSC_RESTRICT gy, const void *next, PetscInt nextbytes)
{
  const char *pf  = (const char *)next;
  PetscInt    npf = (nextbytes + HT_GRAM_LINE - 1) / HT_GRAM_LINE;

  for (PetscInt a0 = 0; a0 < fpad; a0 += HT_GRAM_R) HT_KERNEL(HtGramTileRow)(HT_GRAM_R, (fpad - a0) / HT_KERNEL_W, mc, w + a0, fpad, w + a0, fpad, g + a0 * fpad + a0, fpad, &pf, &npf);
  if (wy) HT_KERNEL(HtGramTileRow)(1, fpad / HT_KERNEL_W, mc, wy, 1, w, fpad, gy, 0, &pf, &npf);
}

#undef HT_GRAM_R
#undef HT_GRAM_C
#undef HT_GRAM_LINE
