/*
   The Gram kernel of the covariance (src/tensor/impls/host/hostreduce.c), a template included there once per x86-64
   level (include/heat/private/kernellevels.h).
*/

/* columns [0, f) of W (mc rows of stride fpad) = the rows x (of f columns) minus shift; the columns beyond f are left
   as they are (zero since the work array was allocated) */
HT_KERNEL_ATTR static void HT_KERNEL(HtShiftKernel)(PetscInt mc, PetscInt f, PetscInt fpad, const PetscScalar *PETSC_RESTRICT x, const PetscReal *PETSC_RESTRICT shift, PetscReal *PETSC_RESTRICT w)
{
  for (PetscInt i = 0; i < mc; i++) {
    const PetscScalar *PETSC_RESTRICT xi = x + i * f;
    PetscReal *PETSC_RESTRICT         wi = w + i * fpad;
    PetscInt                          j  = 0;

    for (; j + HT_KERNEL_W <= f; j += HT_KERNEL_W) {
      HtVec xv, sv;

      __builtin_memcpy(&xv, xi + j, sizeof(xv));
      __builtin_memcpy(&sv, shift + j, sizeof(sv));
      xv -= sv;
      __builtin_memcpy(wi + j, &xv, sizeof(xv));
    }
    for (; j < f; j++) wi[j] = PetscRealPart(xi[j]) - shift[j];
  }
}

/*
   the upper blocks of m2 (f x f, row-major) = W^T W for the mc rows of W (row stride fpad, a multiple of 8, zero
   beyond column f), and colsum (fpad) = the column sums of W: blocks of 8 rows a x 8 columns b of m2 (b0 >= a0), one
   pass over the rows of W per block, which are in cache. For each row of W, its values a0..a0+7 are broadcast
   against its vector(s) b0..b0+7: 8 independent chains of fused multiply-adds in registers; the diagonal blocks add
   the rows' vectors to the column sums, in two partial sums (even and odd rows).
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtGramUpperKernel)(PetscInt mc, PetscInt f, PetscInt fpad, const PetscReal *PETSC_RESTRICT w, PetscReal *PETSC_RESTRICT m2, PetscReal *PETSC_RESTRICT colsum)
{
  enum {
    B = HT_GRAM_BLOCK,   /* rows and columns of a block of m2 */
    V = B / HT_KERNEL_W /* vectors per row of a block */
  };

  for (PetscInt a0 = 0; a0 < fpad; a0 += B)
    for (PetscInt b0 = a0; b0 < fpad; b0 += B) {
      HtVec acc[B][V], sums[2][V];

      HT_UNROLL_ROWS
      for (PetscInt u = 0; u < B; u++)
        for (PetscInt v = 0; v < V; v++) acc[u][v] = (HtVec){0};
      for (PetscInt v = 0; v < V; v++) sums[0][v] = sums[1][v] = (HtVec){0};
      for (PetscInt i = 0; i < mc; i++) {
        const PetscReal *PETSC_RESTRICT wi = w + i * fpad;
        HtVec                           wb[V];

        for (PetscInt v = 0; v < V; v++) __builtin_memcpy(&wb[v], wi + b0 + v * HT_KERNEL_W, sizeof(wb[v]));
        HT_UNROLL_ROWS
        for (PetscInt u = 0; u < B; u++)
          for (PetscInt v = 0; v < V; v++) acc[u][v] += wi[a0 + u] * wb[v];
        if (a0 == b0)
          for (PetscInt v = 0; v < V; v++) sums[i % 2][v] += wb[v];
      }
      for (PetscInt v = 0; a0 == b0 && v < V; v++) {
        HtVec total = sums[0][v] + sums[1][v];

        __builtin_memcpy(colsum + b0 + v * HT_KERNEL_W, &total, sizeof(total));
      }
      for (PetscInt u = 0; u < B && a0 + u < f; u++)
        for (PetscInt v = 0; v < V; v++)
          for (PetscInt l = 0; l < HT_KERNEL_W && b0 + v * HT_KERNEL_W + l < f; l++) m2[(a0 + u) * f + b0 + v * HT_KERNEL_W + l] = acc[u][v][l];
    }
}
