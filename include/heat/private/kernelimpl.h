/*
   Kernels compiled once per x86-64 level and picked at run time (the k-means distance kernels, the Gram kernel of
   the covariance, the pairwise distances): the vector types they share and the choice of the level.

   A kernel is written once, in a template header (include/heat/private/kernels/) that uses HtVec, HtVecIndex, ... of
   the width HT_KERNEL_W, names its functions HT_KERNEL(name), gives them the attribute HT_KERNEL_ATTR, and undefines
   its own macros at the end; a source file defines HT_KERNEL_TEMPLATE as the template's <file> and includes
   <heat/private/kernellevels.h>, which includes the template once per level: name##_Baseline (SSE2, 2 lanes),
   name##_AVX2 (AVX2 + FMA, 4 lanes), name##_AVX512 (8 lanes). HtKernelPick(name) is the version to call.

   GCC's target_clones would be simpler, but it lowers the generic vector operations of a function for the baseline
   instruction set before cloning it, which turns shuffles and compares into scalar code; inline helper functions
   without the target attribute have the same problem, so the helpers on vectors are macros.
*/
#pragma once

#include <petscsys.h>

/* GCC only: clang 14 (the fuzzing build) knows no x86-64 levels in __builtin_cpu_supports(), and gets the baseline kernels */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
  #define HT_HAVE_X86_LEVELS
#endif

typedef enum {
  HT_KERNEL_ISA_BASELINE,
  HT_KERNEL_ISA_AVX2,
  HT_KERNEL_ISA_AVX512
} HtKernelISA;
PETSC_INTERN const char *const HtKernelISAs[];
PETSC_INTERN HtKernelISA       HtKernelISAMax; /* -ht_kernel_isa: the highest level the kernels may use */
PETSC_INTERN HtKernelISA       HtKernelISASelect(void);

#if defined(HT_HAVE_X86_LEVELS)
  #define HtKernelPick(name) (HtKernelISASelect() == HT_KERNEL_ISA_AVX512 ? name##_AVX512 : HtKernelISASelect() == HT_KERNEL_ISA_AVX2 ? name##_AVX2 : name##_Baseline)
#else
  #define HtKernelPick(name) name##_Baseline
#endif

#if defined(PETSC_USE_REAL_SINGLE)
typedef int32_t HtLaneInt;
#else
typedef int64_t HtLaneInt;
#endif
/* W reals (W values of one row, or one value of each of W rows), W lane indices, W PetscInt, and values with indices */
#define HtVecTypes(W) \
  typedef PetscReal HtVec##W __attribute__((vector_size(W * sizeof(PetscReal)))); \
  typedef HtLaneInt HtVecIndex##W __attribute__((vector_size(W * sizeof(HtLaneInt)))); \
  typedef PetscInt  HtVecLabel##W __attribute__((vector_size(W * sizeof(PetscInt)))); \
  typedef struct { \
    HtVec##W      val; \
    HtVecIndex##W idx; \
  } HtVecArg##W
HtVecTypes(2);
HtVecTypes(4);
HtVecTypes(8);
#define HtVecIota2 ((HtVecIndex2){0, 1})
#define HtVecIota4 ((HtVecIndex4){0, 1, 2, 3})
#define HtVecIota8 ((HtVecIndex8){0, 1, 2, 3, 4, 5, 6, 7})
/* lane by lane, a where the lanes of mask (an HtVecIndex of all ones or zeros, as comparisons give) are set, else b */
#define HtVecSelect(mask, a, b) ((HtVec)(((HtVecIndex)(a) & (mask)) | ((HtVecIndex)(b) & ~(mask))))

/*
   score[r] = init + sum_j xr[r f + j] ct[j ld + q0 ...] for the R rows xr of f values against the W columns q0, ...
   of ct (f x ld): the block of dot products of the nearest-center and the pairwise-distance kernels, by fused
   multiply-adds of each value broadcast against a vector (in the template's width)
*/
#define HtVecDotBlock(R, xr, f, ct, ld, q0, init, score) \
  do { \
    HtVec c_; \
    for (PetscInt r_ = 0; r_ < (R); r_++) (score)[r_] = (init); \
    for (PetscInt j_ = 0; j_ < (f); j_++) { \
      __builtin_memcpy(&c_, (ct) + j_ * (ld) + (q0), sizeof(c_)); \
      for (PetscInt r_ = 0; r_ < (R); r_++) (score)[r_] += PetscRealPart((xr)[r_ * (f) + j_]) * c_; \
    } \
  } while (0)

/* t[j * ldt + q] = r[q * ldr + j]: n rows of f values, transposed so that a kernel runs over the rows in its lanes */
static inline void HtRowsTranspose(PetscInt n, PetscInt f, const PetscScalar *r, PetscInt ldr, PetscReal *t, PetscInt ldt)
{
  for (PetscInt q = 0; q < n; q++)
    for (PetscInt j = 0; j < f; j++) t[j * ldt + q] = PetscRealPart(r[q * ldr + j]);
}

/* half[q] = -|r_q|^2 / 2 for the n rows of f values r (row-major): the start of the scores of HtVecDotBlock */
static inline void HtRowsHalfNorms(PetscInt n, PetscInt f, const PetscScalar *r, PetscReal *half)
{
  for (PetscInt q = 0; q < n; q++) {
    PetscReal s = 0;

    for (PetscInt j = 0; j < f; j++) s += PetscRealPart(r[q * f + j] * r[q * f + j]);
    half[q] = -s / 2;
  }
}

#define HtUnparen(...) __VA_ARGS__
/* a fold of a butterfly over rows (below): out = lane by lane, the lanes of a and b selected by the shuffle indices A
   (a parenthesized list) plus those selected by B */
#define HtVecFoldSum(a, b, out, A, B) (out) = __builtin_shufflevector(a, b, HtUnparen A) + __builtin_shufflevector(a, b, HtUnparen B)
/* the lanes of x reordered by the shuffle indices P */
#define HtVecPermute(x, P) (x) = __builtin_shufflevector(x, x, HtUnparen P)

/*
   Lane r of out = the fold of all lanes of row in[r], for the W rows in[] of W lanes (of type T; FOLD as
   HtVecFoldSum, PERMUTE as HtVecPermute): a butterfly of 4 + 2 + 1 lane-wise folds for 8 rows instead of 3 per row;
   the rows come out bit-reversed, then reordered. For sums, lane r of the result adds the lanes of row r pairwise,
   ((0 + 4) + (2 + 6)) + ((1 + 5) + (3 + 7)) at 8 lanes, (0 + 2) + (1 + 3) at 4: in the same order wherever the row
   sits. kernellevels.h names the one of the template's width HtVecButterfly.
*/
#define HtVecButterfly8(T, FOLD, PERMUTE, in, out) \
  do { \
    T p_[4], q_[2]; \
    for (PetscInt r_ = 0; r_ < 4; r_++) FOLD(in[2 * r_], in[2 * r_ + 1], p_[r_], (0, 1, 2, 3, 8, 9, 10, 11), (4, 5, 6, 7, 12, 13, 14, 15)); \
    for (PetscInt r_ = 0; r_ < 2; r_++) FOLD(p_[2 * r_], p_[2 * r_ + 1], q_[r_], (0, 1, 8, 9, 4, 5, 12, 13), (2, 3, 10, 11, 6, 7, 14, 15)); \
    FOLD(q_[0], q_[1], out, (0, 8, 2, 10, 4, 12, 6, 14), (1, 9, 3, 11, 5, 13, 7, 15)); \
    PERMUTE(out, (0, 4, 2, 6, 1, 5, 3, 7)); \
  } while (0)
#define HtVecButterfly4(T, FOLD, PERMUTE, in, out) \
  do { \
    T p_[2]; \
    for (PetscInt r_ = 0; r_ < 2; r_++) FOLD(in[2 * r_], in[2 * r_ + 1], p_[r_], (0, 1, 4, 5), (2, 3, 6, 7)); \
    FOLD(p_[0], p_[1], out, (0, 4, 2, 6), (1, 5, 3, 7)); \
    PERMUTE(out, (0, 2, 1, 3)); \
  } while (0)
#define HtVecButterfly2(T, FOLD, PERMUTE, in, out) FOLD(in[0], in[1], out, (0, 2), (1, 3))

/* a loop of prefetches, one per cache line, unrolled: as a loop, its own instructions cost as much as the prefetches */
#define HT_UNROLL_PREFETCH _Pragma("GCC unroll 8")

/*
   the `bytes` bytes from *ahead prefetched into cache (prefetches never fault), and *ahead moved past them: a kernel
   that makes several passes over a chunk of rows in cache gives each pass its share of the next rows' reads, so that
   memory streams through all of the chunk's work and not in a burst during one pass (no vectors: a plain function)
*/
static inline void HtPrefetchStep(const char **ahead, size_t bytes)
{
  HT_UNROLL_PREFETCH
  for (size_t b = 0; b < bytes; b += 64) __builtin_prefetch(*ahead + b);
  *ahead += bytes;
}

/* the loops over the rows of a block, unrolled so that the rows' accumulators stay in registers */
#define HT_UNROLL_ROWS _Pragma("GCC unroll 8")
