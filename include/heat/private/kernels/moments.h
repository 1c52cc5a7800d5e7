/*
   The sums of the moments of a chunk of rows (HtMomentsOfChunk(), src/tensor/impls/host/hostreduce.c), a template
   included there once per x86-64 level (include/heat/private/kernellevels.h). The chunk is n rows of `wide` values
   (a few rows of the data side by side, so that wide >= 64) in the first-level cache; its columns are summed in
   blocks of HT_MOMENTS_VECS vectors whose accumulators stay in registers. The compiled loop over a row of unknown
   length kept them in memory, a load and a store per vector and row. Each column is summed row after row, in the same
   order at every level; the squares differ between the levels only by the fused multiply-adds of AVX2 and AVX-512.
*/
#define HT_MOMENTS_VECS 8

/* out[l] = sum over the rows i of (x[i wide + l] - shift[l]), for the columns [l0, l0 + nv W) */
#define HtMomentsBlock(nv, ACC) \
  do { \
    HtVec acc_[HT_MOMENTS_VECS] = {{0}}, sv_[HT_MOMENTS_VECS], mv_[HT_MOMENTS_VECS], xv_; \
\
    for (PetscInt v_ = 0; v_ < (nv); v_++) { \
      __builtin_memcpy(&sv_[v_], shift + l0 + v_ * HT_KERNEL_W, sizeof(HtVec)); \
      if (mean) __builtin_memcpy(&mv_[v_], mean + l0 + v_ * HT_KERNEL_W, sizeof(HtVec)); \
    } \
    for (PetscInt i_ = 0; i_ < n; i_++) \
      for (PetscInt v_ = 0; v_ < (nv); v_++) { \
        __builtin_memcpy(&xv_, x + i_ * wide + l0 + v_ * HT_KERNEL_W, sizeof(HtVec)); \
        ACC; \
      } \
    for (PetscInt v_ = 0; v_ < (nv); v_++) __builtin_memcpy(out + l0 + v_ * HT_KERNEL_W, &acc_[v_], sizeof(HtVec)); \
  } while (0)

/*
   out[l] (l < wide) = the sum over the n rows of x (wide values each) of x - shift[l] (mean NULL), or of the squares
   (x - shift[l] - mean[l])^2
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtMomentsSumsKernel)(PetscInt n, PetscInt wide, const PetscScalar *PETSC_RESTRICT x, const PetscReal *PETSC_RESTRICT shift, const PetscReal *PETSC_RESTRICT mean, PetscReal *PETSC_RESTRICT out)
{
  const PetscInt block = HT_MOMENTS_VECS * HT_KERNEL_W;
  PetscInt       l0    = 0;

  for (; l0 + block <= wide; l0 += block) {
    if (mean) HtMomentsBlock(HT_MOMENTS_VECS, acc_[v_] += (xv_ - sv_[v_] - mv_[v_]) * (xv_ - sv_[v_] - mv_[v_]));
    else HtMomentsBlock(HT_MOMENTS_VECS, acc_[v_] += xv_ - sv_[v_]);
  }
  for (; l0 + HT_KERNEL_W <= wide; l0 += HT_KERNEL_W) {
    if (mean) HtMomentsBlock(1, acc_[v_] += (xv_ - sv_[v_] - mv_[v_]) * (xv_ - sv_[v_] - mv_[v_]));
    else HtMomentsBlock(1, acc_[v_] += xv_ - sv_[v_]);
  }
  for (; l0 < wide; l0++) {
    out[l0] = 0;
    for (PetscInt i = 0; i < n; i++) {
      PetscReal d = PetscRealPart(x[i * wide + l0]) - shift[l0] - (mean ? mean[l0] : 0);

      out[l0] += mean ? d * d : d;
    }
  }
}

#undef HtMomentsBlock
#undef HT_MOMENTS_VECS
