/*
   Host kernels of the elementwise operations. Each (operation, dtype) pair is its own small loop,
   generated from the tables below, so the switch is outside the loop and gcc -O3 vectorizes the
   contiguous and the scalar-operand runs.
*/
#include <heat/private/tensorimpl.h>

#if defined(PETSC_USE_COMPLEX)
  #error "The elementwise host kernels need a real PetscScalar"
#endif

/* element operations; the R variants are for HT_SCALAR (NaN-aware), the I variants for HT_INT and HT_BOOL */
#define HT_ADD(x, y)   ((x) + (y))
#define HT_SUB(x, y)   ((x) - (y))
#define HT_MUL(x, y)   ((x) * (y))
#define HT_DIV(x, y)   ((x) / (y))
#define HT_POWR(x, y)  PetscPowReal(x, y)
#define HT_POWI(x, y)  HtIntPower(x, y)
#define HT_MINR(x, y)  ((x) < (y) || (x) != (x) ? (x) : (y)) /* NaN if either is NaN, as NumPy's minimum */
#define HT_MAXR(x, y)  ((x) > (y) || (x) != (x) ? (x) : (y))
#define HT_MINI(x, y)  ((x) < (y) ? (x) : (y))
#define HT_MAXI(x, y)  ((x) > (y) ? (x) : (y))
#define HT_FMODR(x, y) PetscFmodReal(x, y)
#define HT_FMODI(x, y) ((y) == 0 || (y) == -1 ? 0 : (x) % (y)) /* NumPy: fmod by 0 is 0; x % -1 is 0 without overflow */
#define HT_EQ(x, y)    ((PetscBool)((x) == (y)))
#define HT_NE(x, y)    ((PetscBool)((x) != (y)))
#define HT_LT(x, y)    ((PetscBool)((x) < (y)))
#define HT_LE(x, y)    ((PetscBool)((x) <= (y)))
#define HT_GT(x, y)    ((PetscBool)((x) > (y)))
#define HT_GE(x, y)    ((PetscBool)((x) >= (y)))
#define HT_AND(x, y)   ((PetscBool)((x) && (y)))
#define HT_OR(x, y)    ((PetscBool)((x) || (y)))
#define HT_XOR(x, y)   ((PetscBool)(!(x) != !(y)))

/* x ** n for n >= 0 by squaring, wrapping around on overflow as NumPy's integers do */
static inline PetscInt HtIntPower(PetscInt x, PetscInt n)
{
  PetscInt64 r = 1, b = x;

  for (; n > 0; n >>= 1, b = (PetscInt)(b * b))
    if (n & 1) r = (PetscInt)(r * b);
  return (PetscInt)r;
}

/* binary operations: (operation, element operation, result type) for each operand dtype */
#define HT_BINARY_COMPARISONS(X) X(EQUAL, HT_EQ, PetscBool) X(NOT_EQUAL, HT_NE, PetscBool) X(LESS, HT_LT, PetscBool) X(LESS_EQUAL, HT_LE, PetscBool) X(GREATER, HT_GT, PetscBool) X(GREATER_EQUAL, HT_GE, PetscBool)
#define HT_BINARY_SCALAR_OPS(X) \
  X(ADD, HT_ADD, PetscScalar) X(SUBTRACT, HT_SUB, PetscScalar) X(MULTIPLY, HT_MUL, PetscScalar) X(DIVIDE, HT_DIV, PetscScalar) X(POWER, HT_POWR, PetscScalar) \
  X(MINIMUM, HT_MINR, PetscScalar) X(MAXIMUM, HT_MAXR, PetscScalar) X(FMOD, HT_FMODR, PetscScalar) HT_BINARY_COMPARISONS(X)
#define HT_BINARY_INT_OPS(X) \
  X(ADD, HT_ADD, PetscInt) X(SUBTRACT, HT_SUB, PetscInt) X(MULTIPLY, HT_MUL, PetscInt) X(POWER, HT_POWI, PetscInt) X(MINIMUM, HT_MINI, PetscInt) \
  X(MAXIMUM, HT_MAXI, PetscInt) X(FMOD, HT_FMODI, PetscInt) HT_BINARY_COMPARISONS(X)
#define HT_BINARY_BOOL_OPS(X) \
  X(ADD, HT_OR, PetscBool) X(MULTIPLY, HT_AND, PetscBool) X(MINIMUM, HT_AND, PetscBool) X(MAXIMUM, HT_OR, PetscBool) HT_BINARY_COMPARISONS(X) \
  X(LOGICAL_AND, HT_AND, PetscBool) X(LOGICAL_OR, HT_OR, PetscBool) X(LOGICAL_XOR, HT_XOR, PetscBool)

typedef void (*HtBinaryKernel)(const HtBroadcast *, const void *, const void *, void *);

/*
   One kernel: every run of the broadcast map, with the inner loop specialised for contiguous operands
   and for an operand that is constant along the run (a scalar, or a broadcast row)
*/
#define HT_DEFINE_BINARY(NAME, T, TC, F) \
  static void HtBinary_##NAME(const HtBroadcast *bc, const void *va, const void *vb, void *vc) \
  { \
    const PetscInt n = bc->shape[bc->ndim - 1], sa = bc->stride[0][bc->ndim - 1], sb = bc->stride[1][bc->ndim - 1]; \
    PetscInt       idx[HT_MAX_NDIM], off[HT_BROADCAST_MAX_OPERANDS]; \
    TC            *c = (TC *)vc; \
\
    HtBroadcastFirstRun(bc, idx, off); \
    for (PetscInt r = 0; r < bc->nruns; r++, c += n, HtBroadcastNextRun(bc, idx, off)) { \
      const T *a = (const T *)va + off[0], *b = (const T *)vb + off[1]; \
\
      if (sa == 1 && sb == 1) { \
        for (PetscInt i = 0; i < n; i++) c[i] = F(a[i], b[i]); \
      } else if (sa == 1 && sb == 0) { \
        const T y = b[0]; \
        for (PetscInt i = 0; i < n; i++) c[i] = F(a[i], y); \
      } else if (sa == 0 && sb == 1) { \
        const T x = a[0]; \
        for (PetscInt i = 0; i < n; i++) c[i] = F(x, b[i]); \
      } else { \
        for (PetscInt i = 0; i < n; i++) c[i] = F(a[i * sa], b[i * sb]); \
      } \
    } \
  }
#define HT_DEFINE_BINARY_SCALAR(OP, F, TC) HT_DEFINE_BINARY(OP##_scalar, PetscScalar, TC, F)
#define HT_DEFINE_BINARY_INT(OP, F, TC)    HT_DEFINE_BINARY(OP##_int, PetscInt, TC, F)
#define HT_DEFINE_BINARY_BOOL(OP, F, TC)   HT_DEFINE_BINARY(OP##_bool, PetscBool, TC, F)
HT_BINARY_SCALAR_OPS(HT_DEFINE_BINARY_SCALAR)
HT_BINARY_INT_OPS(HT_DEFINE_BINARY_INT)
HT_BINARY_BOOL_OPS(HT_DEFINE_BINARY_BOOL)

#define HT_BINARY_ENTRY_SCALAR(OP, F, TC) [HT_BINARY_##OP][HT_SCALAR] = HtBinary_##OP##_scalar,
#define HT_BINARY_ENTRY_INT(OP, F, TC)    [HT_BINARY_##OP][HT_INT] = HtBinary_##OP##_int,
#define HT_BINARY_ENTRY_BOOL(OP, F, TC)   [HT_BINARY_##OP][HT_BOOL] = HtBinary_##OP##_bool,
static const HtBinaryKernel HtBinaryKernels[HT_BINARY_NUM_OPS][3] = {HT_BINARY_SCALAR_OPS(HT_BINARY_ENTRY_SCALAR) HT_BINARY_INT_OPS(HT_BINARY_ENTRY_INT) HT_BINARY_BOOL_OPS(HT_BINARY_ENTRY_BOOL)};

PetscErrorCode HtTensorBinary_Host(HtTensor t, HtBinaryOp op, HtDType dtype, const HtBroadcast *bc, const void *a, const void *b, void *c)
{
  PetscFunctionBegin;
  PetscCheck(HtBinaryKernels[op][dtype], PETSC_COMM_SELF, PETSC_ERR_PLIB, "No host kernel for %s of %s operands", HtBinaryOps[op], HtDTypes[dtype]);
  HtBinaryKernels[op][dtype](bc, a, b, c);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* unary functions: (function, element function, result type) for each operand dtype */
#define HT_NEG(x)      (-(x))
#define HT_SQUARE(x)   ((x) * (x))
#define HT_ABSI(x)     ((x) < 0 ? -(x) : (x))
#define HT_SAME(x)     (x)
#define HT_SIGNR(x)    ((x) > 0 ? 1.0 : (x) < 0 ? -1.0 : (x)) /* sign(NaN) is NaN */
#define HT_SIGNI(x)    (((x) > 0) - ((x) < 0))
#define HT_NOT(x)      ((PetscBool)!(x))
#define HT_ISNAN(x)    ((PetscBool)(isnan(x) != 0))
#define HT_ISINF(x)    ((PetscBool)(isinf(x) != 0)) /* glibc: -1 for -inf */
#define HT_ISFINITE(x) ((PetscBool)(isfinite(x) != 0))
#define HT_FALSE(x)    ((void)(x), PETSC_FALSE) /* an integer is never NaN nor infinite */
#define HT_TRUE(x)     ((void)(x), PETSC_TRUE)
#define HT_UNARY_INT_PREDICATES(X) X(LOGICAL_NOT, HT_NOT, PetscBool) X(ISNAN, HT_FALSE, PetscBool) X(ISINF, HT_FALSE, PetscBool) X(ISFINITE, HT_TRUE, PetscBool)
#define HT_UNARY_SCALAR_OPS(X) \
  X(NEGATIVE, HT_NEG, PetscScalar) X(ABS, PetscAbsReal, PetscScalar) X(SQRT, PetscSqrtReal, PetscScalar) X(SQUARE, HT_SQUARE, PetscScalar) X(EXP, PetscExpReal, PetscScalar) \
  X(EXPM1, expm1, PetscScalar) X(LOG, PetscLogReal, PetscScalar) X(LOG1P, log1p, PetscScalar) X(LOG2, PetscLog2Real, PetscScalar) X(LOG10, PetscLog10Real, PetscScalar) \
  X(SIN, PetscSinReal, PetscScalar) X(COS, PetscCosReal, PetscScalar) X(TAN, PetscTanReal, PetscScalar) X(ARCSIN, PetscAsinReal, PetscScalar) \
  X(ARCCOS, PetscAcosReal, PetscScalar) X(ARCTAN, PetscAtanReal, PetscScalar) X(SINH, PetscSinhReal, PetscScalar) X(COSH, PetscCoshReal, PetscScalar) \
  X(TANH, PetscTanhReal, PetscScalar) X(FLOOR, PetscFloorReal, PetscScalar) X(CEIL, PetscCeilReal, PetscScalar) X(ROUND, nearbyint, PetscScalar) X(TRUNC, trunc, PetscScalar) \
  X(SIGN, HT_SIGNR, PetscScalar) X(LOGICAL_NOT, HT_NOT, PetscBool) X(ISNAN, HT_ISNAN, PetscBool) X(ISINF, HT_ISINF, PetscBool) X(ISFINITE, HT_ISFINITE, PetscBool)
#define HT_UNARY_INT_OPS(X) \
  X(NEGATIVE, HT_NEG, PetscInt) X(ABS, HT_ABSI, PetscInt) X(SQUARE, HT_SQUARE, PetscInt) X(ROUND, HT_SAME, PetscInt) X(SIGN, HT_SIGNI, PetscInt) HT_UNARY_INT_PREDICATES(X)
#define HT_UNARY_BOOL_OPS(X) X(ABS, HT_SAME, PetscBool) HT_UNARY_INT_PREDICATES(X)

typedef void (*HtUnaryKernel)(PetscInt, const void *, void *);

#define HT_DEFINE_UNARY(NAME, T, TC, F) \
  static void HtUnary_##NAME(PetscInt n, const void *va, void *vc) \
  { \
    const T *a = (const T *)va; \
    TC      *c = (TC *)vc; \
\
    for (PetscInt i = 0; i < n; i++) c[i] = F(a[i]); \
  }
#define HT_DEFINE_UNARY_SCALAR(OP, F, TC) HT_DEFINE_UNARY(OP##_scalar, PetscScalar, TC, F)
#define HT_DEFINE_UNARY_INT(OP, F, TC)    HT_DEFINE_UNARY(OP##_int, PetscInt, TC, F)
#define HT_DEFINE_UNARY_BOOL(OP, F, TC)   HT_DEFINE_UNARY(OP##_bool, PetscBool, TC, F)
HT_UNARY_SCALAR_OPS(HT_DEFINE_UNARY_SCALAR)
HT_UNARY_INT_OPS(HT_DEFINE_UNARY_INT)
HT_UNARY_BOOL_OPS(HT_DEFINE_UNARY_BOOL)

#define HT_UNARY_ENTRY_SCALAR(OP, F, TC) [HT_UNARY_##OP][HT_SCALAR] = HtUnary_##OP##_scalar,
#define HT_UNARY_ENTRY_INT(OP, F, TC)    [HT_UNARY_##OP][HT_INT] = HtUnary_##OP##_int,
#define HT_UNARY_ENTRY_BOOL(OP, F, TC)   [HT_UNARY_##OP][HT_BOOL] = HtUnary_##OP##_bool,
static const HtUnaryKernel HtUnaryKernels[HT_UNARY_NUM_OPS][3] = {HT_UNARY_SCALAR_OPS(HT_UNARY_ENTRY_SCALAR) HT_UNARY_INT_OPS(HT_UNARY_ENTRY_INT) HT_UNARY_BOOL_OPS(HT_UNARY_ENTRY_BOOL)};

PetscErrorCode HtTensorUnary_Host(HtTensor t, HtUnaryOp op, HtDType dtype, PetscInt n, const void *a, void *c)
{
  PetscFunctionBegin;
  PetscCheck(HtUnaryKernels[op][dtype], PETSC_COMM_SELF, PETSC_ERR_PLIB, "No host kernel for %s of a %s operand", HtUnaryOps[op], HtDTypes[dtype]);
  HtUnaryKernels[op][dtype](n, a, c);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* c = min(max(a, lo), hi) for one dtype */
#define HT_CLIP(T, MIN, MAX) \
  do { \
    const T *x = (const T *)a; \
    T       *y = (T *)c, l = (T)lo, h = (T)hi; \
\
    for (PetscInt i = 0; i < n; i++) { \
      const T v = MAX(x[i], l); \
      y[i]      = MIN(v, h); \
    } \
  } while (0)

PetscErrorCode HtTensorClip_Host(HtTensor t, HtDType dtype, PetscInt n, const void *a, PetscScalar lo, PetscScalar hi, void *c)
{
  PetscFunctionBegin;
  PetscCheck(dtype != HT_BOOL, PETSC_COMM_SELF, PETSC_ERR_PLIB, "No host clip kernel for bool operands");
  if (dtype == HT_SCALAR) HT_CLIP(PetscScalar, HT_MINR, HT_MAXR);
  else HT_CLIP(PetscInt, HT_MINI, HT_MAXI);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* c = m ? a : b over the runs of the broadcast map (operands mask, a, b) for one dtype */
#define HT_WHERE(T) \
  do { \
    const PetscInt n = bc->shape[bc->ndim - 1], sm = bc->stride[0][bc->ndim - 1], sa = bc->stride[1][bc->ndim - 1], sb = bc->stride[2][bc->ndim - 1]; \
    PetscInt       idx[HT_MAX_NDIM], off[HT_BROADCAST_MAX_OPERANDS]; \
    T             *y = (T *)c; \
\
    HtBroadcastFirstRun(bc, idx, off); \
    for (PetscInt r = 0; r < bc->nruns; r++, y += n, HtBroadcastNextRun(bc, idx, off)) { \
      const PetscBool *m = mask + off[0]; \
      const T         *x = (const T *)a + off[1], *z = (const T *)b + off[2]; \
\
      for (PetscInt i = 0; i < n; i++) y[i] = m[i * sm] ? x[i * sa] : z[i * sb]; \
    } \
  } while (0)

PetscErrorCode HtTensorWhere_Host(HtTensor t, HtDType dtype, const HtBroadcast *bc, const PetscBool *mask, const void *a, const void *b, void *c)
{
  PetscFunctionBegin;
  switch (dtype) {
  case HT_SCALAR:
    HT_WHERE(PetscScalar);
    break;
  case HT_INT:
    HT_WHERE(PetscInt);
    break;
  case HT_BOOL:
    HT_WHERE(PetscBool);
    break;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* y += alpha x over the runs of the broadcast map (operand x) for one dtype */
#define HT_AXPY(T) \
  do { \
    const PetscInt n = bc->shape[bc->ndim - 1], sx = bc->stride[0][bc->ndim - 1]; \
    PetscInt       idx[HT_MAX_NDIM], off[HT_BROADCAST_MAX_OPERANDS]; \
    const T        a = (T)alpha; \
    T             *y = (T *)vy; \
\
    HtBroadcastFirstRun(bc, idx, off); \
    for (PetscInt r = 0; r < bc->nruns; r++, y += n, HtBroadcastNextRun(bc, idx, off)) { \
      const T *x = (const T *)vx + off[0]; \
\
      if (sx == 1) { \
        for (PetscInt i = 0; i < n; i++) y[i] += a * x[i]; \
      } else { \
        for (PetscInt i = 0; i < n; i++) y[i] += a * x[i * sx]; \
      } \
    } \
  } while (0)

PetscErrorCode HtTensorAXPY_Host(HtTensor t, HtDType dtype, const HtBroadcast *bc, PetscScalar alpha, const void *vx, void *vy)
{
  PetscFunctionBegin;
  PetscCheck(dtype != HT_BOOL, PETSC_COMM_SELF, PETSC_ERR_PLIB, "No host AXPY kernel for bool operands");
  if (dtype == HT_SCALAR) HT_AXPY(PetscScalar);
  else HT_AXPY(PetscInt);
  PetscFunctionReturn(PETSC_SUCCESS);
}
