/*
   Exponentials and logarithms in vectors, of a vector's lanes and of arrays (the softmax of the logistic pass,
   src/tensor/impls/host/hostsamples.c), a template included there once per x86-64 level
   (include/heat/private/kernellevels.h). libm's exp() and log() are scalar calls of 15-20 cycles each, more than the
   rest of the pass per class; these evaluate HT_KERNEL_W values at once. Every value, the last ones of an array too,
   goes through the same vector instructions, so a result does not depend on where the value sits; the levels differ
   only by the fused multiply-adds of AVX2 and AVX-512 (last bit).

   exp(x): x = n ln2 + r with |r| <= ln2/2 (n rounded to the nearest integer by adding 1.5 * 2^52, ln2 in a high part
   exact in n ln2 and a low part), exp(r) by its Taylor polynomial to r^13 / 13! (remainder below 2^-56), times 2^n
   as two powers of two of about n/2 each, so that subnormal results are rounded once and not flushed. Arguments are
   clamped to [-746, 710] (exp gives 0 and inf beyond); NaN stays NaN.
   log(s): s = m 2^e with m in [sqrt(1/2), sqrt(2)), log(m) = 2 atanh(f) with f = (m - 1)/(m + 1), |f| < 0.172, by its
   series to f^21 / 21 (remainder below 2^-57), plus e ln2 in the two parts; for positive normal s (the sums of a
   softmax lie in [1, C]); inf and NaN pass through.
*/

/* v = the w <= HT_KERNEL_W values a[0, w) (the other lanes as they are); a[0, w) = those of v */
#define HtVecLoadFirst(v, a, w) \
  do { \
    if ((w) == HT_KERNEL_W) __builtin_memcpy(&(v), (a), sizeof(v)); \
    else \
      for (PetscInt l_ = 0; l_ < (w); l_++) (v)[l_] = (a)[l_]; \
  } while (0)
#define HtVecStoreFirst(v, a, w) \
  do { \
    if ((w) == HT_KERNEL_W) __builtin_memcpy((a), &(v), sizeof(v)); \
    else \
      for (PetscInt l_ = 0; l_ < (w); l_++) (a)[l_] = (v)[l_]; \
  } while (0)
/* out = the polynomial of coefficients c[] (highest degree first) at x, by Horner's rule */
#define HtVecPolynomial(x, c, out) \
  do { \
    (out) = (HtVec){0} + (c)[0]; \
    for (size_t k_ = 1; k_ < sizeof(c) / sizeof((c)[0]); k_++) (out) = (out) * (x) + (c)[k_]; \
  } while (0)

#ifndef HT_EXPLOG_COEFFICIENTS
  #define HT_EXPLOG_COEFFICIENTS
/* exp(r) = sum_k r^k / k!, k = 13 ... 0 */
static const PetscReal HtExpTaylor[] = {1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0, 1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0, 1.0};
/* 2 atanh(f) / f = sum_k 2 f^2k / (2k + 1), k = 10 ... 0 */
static const PetscReal HtAtanhSeries[] = {2.0 / 21, 2.0 / 19, 2.0 / 17, 2.0 / 15, 2.0 / 13, 2.0 / 11, 2.0 / 9, 2.0 / 7, 2.0 / 5, 2.0 / 3, 2.0};
#endif

/* exp of the lanes of v */
HT_KERNEL_ATTR static inline HtVec HT_KERNEL(HtVecExp)(HtVec v)
{
  const HtVec shifter = (HtVec){0} + 0x1.8p52, ln2hi = (HtVec){0} + 0x1.62e42fee00000p-1, ln2lo = (HtVec){0} + 0x1.a39ef35793c76p-33;
  const HtVec lo = (HtVec){0} - 746.0, hi = (HtVec){0} + 710.0;
  HtVec       p, kn, half, r;
  HtVecIndex  bias = (HtVecIndex){0} + 1023, k1, k2;

  v    = HtVecSelect((HtVecIndex)(v < lo), lo, v);
  v    = HtVecSelect((HtVecIndex)(v > hi), hi, v);
  kn   = (v * 0x1.71547652b82fep0 + shifter) - shifter; /* n = round(x / ln2) */
  r    = (v - kn * ln2hi) - kn * ln2lo;
  HtVecPolynomial(r, HtExpTaylor, p);
  half = (kn * 0.5 + shifter) - shifter; /* n = half + (n - half), each within the normal exponents */
  k1   = (HtVecIndex)(half + shifter) - (HtVecIndex)shifter;
  k2   = (HtVecIndex)((kn - half) + shifter) - (HtVecIndex)shifter;
  return p * (HtVec)((k1 + bias) << 52) * (HtVec)((k2 + bias) << 52);
}

/* x[0, n) = exp(x[0, n)) */
HT_KERNEL_ATTR static void HT_KERNEL(HtExpKernel)(PetscInt n, PetscReal *PETSC_RESTRICT x)
{
  for (PetscInt i = 0; i < n; i += HT_KERNEL_W) {
    PetscInt w = PetscMin(HT_KERNEL_W, n - i);
    HtVec    v = (HtVec){0};

    HtVecLoadFirst(v, x + i, w);
    v = HT_KERNEL(HtVecExp)(v);
    HtVecStoreFirst(v, x + i, w);
  }
}

/* log of the lanes of v, positive normal numbers; inf and NaN pass through */
HT_KERNEL_ATTR static inline HtVec HT_KERNEL(HtVecLog)(HtVec v)
{
  const HtVec      shifter = (HtVec){0} + 0x1.8p52, ln2hi = (HtVec){0} + 0x1.62e42fee00000p-1, ln2lo = (HtVec){0} + 0x1.a39ef35793c76p-33;
  const HtVecIndex mantissa = (HtVecIndex){0} + 0x000fffffffffffffLL, one = (HtVecIndex){0} + 0x3ff0000000000000LL;
  HtVec            m, f, f2, q, ed, out;
  HtVecIndex       e, big;

  e   = ((HtVecIndex)v >> 52) - 1023;
  m   = (HtVec)(((HtVecIndex)v & mantissa) | one); /* in [1, 2) */
  big = (HtVecIndex)(m > 0x1.6a09e667f3bcdp0);    /* m > sqrt(2): m / 2, e + 1 */
  m   = HtVecSelect(big, m * 0.5, m);
  e   = e - big;
  ed  = (HtVec)(e + (HtVecIndex)shifter) - shifter;
  f   = (m - 1.0) / (m + 1.0);
  f2  = f * f;
  HtVecPolynomial(f2, HtAtanhSeries, q);
  out = ed * ln2hi + (f * q + ed * ln2lo);
  return HtVecSelect((HtVecIndex)(v < (HtVec){0} + HUGE_VAL), out, v); /* not PETSC_INFINITY, a finite number */
}

/* s[0, n) = log(s[0, n)) for positive normal s; inf and NaN pass through (inline: only tests/tensor/explog.c calls it) */
HT_KERNEL_ATTR static inline void HT_KERNEL(HtLogKernel)(PetscInt n, PetscReal *PETSC_RESTRICT s)
{
  for (PetscInt i = 0; i < n; i += HT_KERNEL_W) {
    PetscInt w = PetscMin(HT_KERNEL_W, n - i);
    HtVec    v = (HtVec){0} + 1.0;

    HtVecLoadFirst(v, s + i, w);
    v = HT_KERNEL(HtVecLog)(v);
    HtVecStoreFirst(v, s + i, w);
  }
}

#undef HtVecPolynomial
#undef HtVecLoadFirst
#undef HtVecStoreFirst
