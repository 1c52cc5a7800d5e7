/*
   Elementwise operations with NumPy broadcasting and dtype promotion: binary operations (arithmetic,
   comparisons, logical), unary functions, clip, where and AXPY. The generic code here decides dtypes
   and shapes and aligns the operands (src/tensor/ops/broadcast.c); the loops are the back end's kernels.
*/
#include <heat/private/tensorimpl.h>

const char *const HtBinaryOps[] = {"add", "subtract", "multiply", "divide", "power", "minimum", "maximum", "fmod", "equal", "not_equal", "less", "less_equal", "greater", "greater_equal", "logical_and", "logical_or", "logical_xor", "HtBinaryOp", "HT_BINARY_", NULL};
const char *const HtUnaryOps[]  = {"negative", "abs", "sqrt", "square", "exp", "expm1", "log", "log1p", "log2", "log10", "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "floor", "ceil", "round", "trunc", "sign", "logical_not", "isnan", "isinf", "isfinite", "HtUnaryOp", "HT_UNARY_", NULL};

PetscLogEvent HT_TENSOR_Binary, HT_TENSOR_Unary, HT_TENSOR_Where, HT_TENSOR_AXPY;

/* NumPy's promotion: HT_BOOL < HT_INT < HT_SCALAR (HtDType numbers them the other way round) */
static inline HtDType HtDTypePromote(HtDType a, HtDType b)
{
  return a < b ? a : b;
}

/* the dtype a scalar argument counts as, like a Python literal: HT_INT for an integer value that PetscInt holds, else HT_SCALAR */
static inline HtDType HtScalarDType(PetscScalar s)
{
  PetscReal r = PetscRealPart(s);

  return r == PetscFloorReal(r) && PetscAbsReal(r) <= (PetscReal)PETSC_MAX_INT ? HT_INT : HT_SCALAR;
}

static inline PetscBool HtBinaryIsComparison(HtBinaryOp op)
{
  return (PetscBool)(op == HT_BINARY_EQUAL || op == HT_BINARY_NOT_EQUAL || op == HT_BINARY_LESS || op == HT_BINARY_LESS_EQUAL || op == HT_BINARY_GREATER || op == HT_BINARY_GREATER_EQUAL);
}

static inline PetscBool HtBinaryIsLogical(HtBinaryOp op)
{
  return (PetscBool)(op == HT_BINARY_LOGICAL_AND || op == HT_BINARY_LOGICAL_OR || op == HT_BINARY_LOGICAL_XOR);
}

/* the dtype the operands are read as (compute) and the dtype of the result of a op b (NumPy's rules) */
static PetscErrorCode HtBinaryGetDTypes(MPI_Comm comm, HtBinaryOp op, HtDType a, HtDType b, HtDType *compute, HtDType *result)
{
  PetscFunctionBegin;
  PetscCheck(op >= 0 && op < HT_BINARY_NUM_OPS, comm, PETSC_ERR_ARG_OUTOFRANGE, "Unknown HtBinaryOp %d; use a value of the enum, HT_BINARY_ADD to HT_BINARY_LOGICAL_XOR", (int)op);
  *compute = HtDTypePromote(a, b);
  if (HtBinaryIsLogical(op)) *compute = HT_BOOL;
  else if (op == HT_BINARY_DIVIDE) *compute = HT_SCALAR;
  else if ((op == HT_BINARY_POWER || op == HT_BINARY_FMOD) && *compute == HT_BOOL) *compute = HT_INT;
  PetscCheck(op != HT_BINARY_SUBTRACT || *compute != HT_BOOL, comm, PETSC_ERR_SUP, "HtBinaryOp subtract does not take two bool operands (as in NumPy); use logical_xor, or convert them with HtTensorAsType()");
  *result = HtBinaryIsComparison(op) || HtBinaryIsLogical(op) ? HT_BOOL : *compute;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* NumPy refuses integers to negative integer powers: error, on every rank, if an integer exponent is negative */
static PetscErrorCode HtBinaryCheckExponents(HtTensor b)
{
  const PetscInt *e;
  PetscBool       negative = PETSC_FALSE;

  PetscFunctionBegin;
  if (b->dtype != HT_INT) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtTensorGetArrayRead(b, &e));
  for (PetscInt i = 0; i < b->nlocal; i++) negative = (PetscBool)(negative || e[i] < 0);
  PetscCall(HtTensorRestoreArrayRead(b, &e));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &negative, 1, MPIU_BOOL, MPI_LOR, PetscObjectComm((PetscObject)b)));
  PetscCheck(!negative, PetscObjectComm((PetscObject)b), PETSC_ERR_ARG_OUTOFRANGE, "Integers to negative integer powers are not allowed (as in NumPy); convert the base to HT_SCALAR with HtTensorAsType()");
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* checks a op b (communicators, shapes, dtypes, integer exponents) and gives its compute and result dtypes */
static PetscErrorCode HtBinaryPrepare(HtBinaryOp op, HtTensor a, HtTensor b, HtDType *compute, HtDType *result)
{
  HtTensor in[2] = {a, b};
  PetscInt ndim, shape[HT_MAX_NDIM];

  PetscFunctionBegin;
  PetscCall(HtBroadcastShape_Private(2, in, &ndim, shape));
  PetscCall(HtBinaryGetDTypes(PetscObjectComm((PetscObject)a), op, a->dtype, b->dtype, compute, result));
  if (op == HT_BINARY_POWER && *compute == HT_INT) PetscCall(HtBinaryCheckExponents(b));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* out = a op b; out has the broadcast shape; the operands are read as `compute` */
static PetscErrorCode HtTensorBinaryApply(HtBinaryOp op, HtTensor a, HtTensor b, HtDType compute, HtTensor out)
{
  HtTensor    in[2]     = {a, b};
  HtDType     dtypes[2] = {compute, compute};
  HtBroadcast bc;
  const void *arrays[2];
  void       *c;

  PetscFunctionBegin;
  PetscCall(HtBroadcastBegin_Private(out, 2, in, dtypes, &bc, arrays, &c));
  PetscCall((*out->ops->binary)(out, op, compute, &bc, arrays[0], arrays[1], c));
  PetscCall(HtBroadcastEnd_Private(out, &bc, arrays, &c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* error unless the result of an operation, of dtype `result`, can be stored in `out` */
static PetscErrorCode HtCheckInPlaceDType(HtTensor out, HtDType result, const char opname[])
{
  PetscFunctionBegin;
  PetscCheck(result == out->dtype, PetscObjectComm((PetscObject)out), PETSC_ERR_ARG_WRONG, "Cannot store the %s result of %s in a tensor of dtype %s; use the operation that creates its result, or convert the tensor with HtTensorAsType()", HtDTypes[result], opname, HtDTypes[out->dtype]);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a 0-d replicated tensor holding s, on the communicator of t, of the dtype s counts as */
static PetscErrorCode HtTensorCreateScalar(HtTensor t, PetscScalar s, HtTensor *st)
{
  PetscFunctionBegin;
  PetscCall(HtTensorFull(PetscObjectComm((PetscObject)t), 0, NULL, -1, HtScalarDType(s), s, st));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* c = t op s, or s op t if scalarfirst */
static PetscErrorCode HtTensorBinaryWithScalar(HtBinaryOp op, HtTensor t, PetscScalar s, PetscBool scalarfirst, HtTensor *c)
{
  HtTensor st;

  PetscFunctionBegin;
  PetscCall(HtTensorCreateScalar(t, s, &st));
  PetscCall(HtTensorBinary(op, scalarfirst ? st : t, scalarfirst ? t : st, c));
  PetscCall(HtTensorDestroy(&st));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorBinary - Creates c = a op b, elementwise with NumPy broadcasting.

   Collective

   Input Parameters:
+  op - the operation, see `HtBinaryOp`
.  a - the first operand
-  b - the second operand, on the same communicator

   Output Parameter:
.  c - the result: the broadcast shape of a and b, the dtype of `HtBinaryOp`'s promotion rules

   Level: beginner

   Notes:
   Broadcasting matches the axes from the last one; on each axis the lengths are equal or 1 (then the
   operand repeats along it), and an operand with fewer axes gains leading axes of length 1.

   The result's split follows Heat: that of the first operand split along an axis it does not
   broadcast (the result takes that operand's layout, even uneven, so it does not move); else that of
   the first split operand (balanced); else -1. The other operand is redistributed only where its
   local blocks do not hold what the result's local blocks need: split along the result's split axis
   with the result's layout, or replicated when it broadcasts along that axis (it is then no larger
   than a local block of the result). Operands already aligned, and replicated ones, are read in place.

.seealso: `HtBinaryOp`, `HtTensorBinaryScalar()`, `HtTensorScalarBinary()`, `HtTensorBinaryInPlace()`, `HtTensorUnary()`, `HtTensorWhere()`
@*/
PetscErrorCode HtTensorBinary(HtBinaryOp op, HtTensor a, HtTensor b, HtTensor *c)
{
  HtTensor in[2] = {a, b};
  HtDType  compute, result;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(a, HT_TENSOR_CLASSID, 2);
  PetscValidHeaderSpecific(b, HT_TENSOR_CLASSID, 3);
  PetscValidPointer(c, 4);
  PetscCall(HtBinaryPrepare(op, a, b, &compute, &result));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Binary, a, b, 0, 0));
  PetscCall(HtTensorBroadcastCreate_Private(2, in, result, c));
  PetscCall(HtTensorBinaryApply(op, a, b, compute, *c));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Binary, a, b, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorBinaryScalar - Creates c = a op s for a tensor a and a scalar s.

   Collective

   Input Parameters:
+  op - the operation, see `HtBinaryOp`
.  a - the tensor
-  s - the scalar

   Output Parameter:
.  c - the result, of a's shape, split and layout

   Level: beginner

   Note:
   The scalar counts as a Python literal would: an integer when its value is one (that `PetscInt`
   holds), else a float. So an `HT_INT` tensor plus 2 stays `HT_INT` and plus 2.5 becomes `HT_SCALAR`,
   and an `HT_BOOL` tensor times 1 becomes `HT_INT`; C cannot tell 2.0 from 2, so convert the tensor
   with `HtTensorAsType()` for a floating result of an integral scalar.

.seealso: `HtTensorScalarBinary()`, `HtTensorBinary()`, `HtTensorBinaryScalarInPlace()`
@*/
PetscErrorCode HtTensorBinaryScalar(HtBinaryOp op, HtTensor a, PetscScalar s, HtTensor *c)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(a, HT_TENSOR_CLASSID, 2);
  PetscCall(HtTensorBinaryWithScalar(op, a, s, PETSC_FALSE, c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorScalarBinary - Creates c = s op b for a scalar s and a tensor b (such as 1 / b or 2 ** b).

   Collective

   Input Parameters:
+  op - the operation, see `HtBinaryOp`
.  s - the scalar (an integer when its value is one, see `HtTensorBinaryScalar()`)
-  b - the tensor

   Output Parameter:
.  c - the result, of b's shape, split and layout

   Level: beginner

.seealso: `HtTensorBinaryScalar()`, `HtTensorBinary()`
@*/
PetscErrorCode HtTensorScalarBinary(HtBinaryOp op, PetscScalar s, HtTensor b, HtTensor *c)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(b, HT_TENSOR_CLASSID, 3);
  PetscCall(HtTensorBinaryWithScalar(op, b, s, PETSC_TRUE, c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorBinaryInPlace - Computes a = a op b (NumPy's a op= b), with b broadcast to a's shape.

   Collective

   Input Parameters:
+  op - the operation, see `HtBinaryOp`
.  a - the tensor that receives the result; it keeps its split and layout
-  b - the other operand (may be a itself)

   Level: beginner

   Notes:
   The broadcast shape of a and b must be a's shape, and the result's dtype a's dtype (so an `HT_INT`
   tensor cannot take the `HT_SCALAR` result of a division, and only an `HT_BOOL` tensor a comparison).
   b is redistributed to a's layout where needed. A scalar b with a's shape and layout is the fastest
   case: one loop over the local block.

.seealso: `HtTensorBinary()`, `HtTensorBinaryScalarInPlace()`, `HtTensorAXPY()`
@*/
PetscErrorCode HtTensorBinaryInPlace(HtBinaryOp op, HtTensor a, HtTensor b)
{
  HtTensor in[2] = {a, b};
  HtDType  compute, result;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(a, HT_TENSOR_CLASSID, 2);
  PetscValidHeaderSpecific(b, HT_TENSOR_CLASSID, 3);
  PetscCall(HtBinaryPrepare(op, a, b, &compute, &result));
  PetscCall(HtBroadcastCheckOutput_Private(a, 2, in));
  PetscCall(HtCheckInPlaceDType(a, result, HtBinaryOps[op]));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Binary, a, b, 0, 0));
  PetscCall(HtTensorBinaryApply(op, a, b, compute, a));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Binary, a, b, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorBinaryScalarInPlace - Computes a = a op s for a scalar s (NumPy's a op= s).

   Collective

   Input Parameters:
+  op - the operation, see `HtBinaryOp`
.  a - the tensor that receives the result
-  s - the scalar (an integer when its value is one, see `HtTensorBinaryScalar()`)

   Level: beginner

.seealso: `HtTensorBinaryInPlace()`, `HtTensorBinaryScalar()`
@*/
PetscErrorCode HtTensorBinaryScalarInPlace(HtBinaryOp op, HtTensor a, PetscScalar s)
{
  HtTensor st;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(a, HT_TENSOR_CLASSID, 2);
  PetscCall(HtTensorCreateScalar(a, s, &st));
  PetscCall(HtTensorBinaryInPlace(op, a, st));
  PetscCall(HtTensorDestroy(&st));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorAXPY - Computes y = y + alpha x in one pass, with x broadcast to y's shape.

   Collective

   Input Parameters:
+  y - the tensor that receives the result, `HT_SCALAR` or `HT_INT`
.  alpha - the scalar (an integer value for an `HT_INT` y)
-  x - the other tensor (may be y itself); its broadcast shape with y must be y's shape

   Level: beginner

   Note:
   x is redistributed to y's layout where needed. For `HT_SCALAR` tensors of the same shape and layout
   this is what `VecAXPY()` does to the vectors of `HtTensorGetVec()`.

.seealso: `HtTensorBinaryInPlace()`, `HtTensorBinary()`
@*/
PetscErrorCode HtTensorAXPY(HtTensor y, PetscScalar alpha, HtTensor x)
{
  HtTensor    in[2] = {y, x};
  HtDType     result;
  HtBroadcast bc;
  const void *xa;
  void       *ya;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(y, HT_TENSOR_CLASSID, 1);
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 3);
  PetscCall(HtBroadcastCheckOutput_Private(y, 2, in));
  result = HtDTypePromote(y->dtype, HtDTypePromote(x->dtype, HtScalarDType(alpha)));
  PetscCall(HtCheckInPlaceDType(y, result, "AXPY"));
  PetscCall(PetscLogEventBegin(HT_TENSOR_AXPY, y, x, 0, 0));
  PetscCall(HtBroadcastBegin_Private(y, 1, &x, &result, &bc, &xa, &ya));
  PetscCall((*y->ops->axpy)(y, result, &bc, alpha, xa, ya));
  PetscCall(HtBroadcastEnd_Private(y, &bc, &xa, &ya));
  PetscCall(PetscLogEventEnd(HT_TENSOR_AXPY, y, x, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the compute dtypes of a unary function for an operand of dtype HT_SCALAR, HT_INT, HT_BOOL; -1: not supported (as in NumPy) */
#define HT_FLOATING {HT_SCALAR, HT_SCALAR, HT_SCALAR}
#define HT_SIGNED   {HT_SCALAR, HT_INT, -1}
#define HT_ANY      {HT_SCALAR, HT_INT, HT_BOOL}
static const int HtUnaryComputeDTypes[HT_UNARY_NUM_OPS][3] = {
  [HT_UNARY_NEGATIVE] = HT_SIGNED,   [HT_UNARY_ABS] = HT_ANY,        [HT_UNARY_SQRT] = HT_FLOATING,  [HT_UNARY_SQUARE] = {HT_SCALAR, HT_INT, HT_INT},
  [HT_UNARY_EXP] = HT_FLOATING,      [HT_UNARY_EXPM1] = HT_FLOATING, [HT_UNARY_LOG] = HT_FLOATING,   [HT_UNARY_LOG1P] = HT_FLOATING,
  [HT_UNARY_LOG2] = HT_FLOATING,     [HT_UNARY_LOG10] = HT_FLOATING, [HT_UNARY_SIN] = HT_FLOATING,   [HT_UNARY_COS] = HT_FLOATING,
  [HT_UNARY_TAN] = HT_FLOATING,      [HT_UNARY_ARCSIN] = HT_FLOATING, [HT_UNARY_ARCCOS] = HT_FLOATING, [HT_UNARY_ARCTAN] = HT_FLOATING,
  [HT_UNARY_SINH] = HT_FLOATING,     [HT_UNARY_COSH] = HT_FLOATING,  [HT_UNARY_TANH] = HT_FLOATING,  [HT_UNARY_FLOOR] = HT_FLOATING,
  [HT_UNARY_CEIL] = HT_FLOATING,     [HT_UNARY_ROUND] = {HT_SCALAR, HT_INT, HT_SCALAR}, [HT_UNARY_TRUNC] = HT_FLOATING, [HT_UNARY_SIGN] = HT_SIGNED,
  [HT_UNARY_LOGICAL_NOT] = HT_ANY,   [HT_UNARY_ISNAN] = HT_ANY,      [HT_UNARY_ISINF] = HT_ANY,      [HT_UNARY_ISFINITE] = HT_ANY,
};
#undef HT_FLOATING
#undef HT_SIGNED
#undef HT_ANY

static inline PetscBool HtUnaryIsPredicate(HtUnaryOp op)
{
  return (PetscBool)(op == HT_UNARY_LOGICAL_NOT || op == HT_UNARY_ISNAN || op == HT_UNARY_ISINF || op == HT_UNARY_ISFINITE);
}

/* the dtype the operand is read as (compute) and the dtype of the result of op(a) */
static PetscErrorCode HtUnaryGetDTypes(HtUnaryOp op, HtTensor a, HtDType *compute, HtDType *result)
{
  MPI_Comm comm = PetscObjectComm((PetscObject)a);

  PetscFunctionBegin;
  PetscCheck(op >= 0 && op < HT_UNARY_NUM_OPS, comm, PETSC_ERR_ARG_OUTOFRANGE, "Unknown HtUnaryOp %d; use a value of the enum, HT_UNARY_NEGATIVE to HT_UNARY_ISFINITE", (int)op);
  PetscCheck(HtUnaryComputeDTypes[op][a->dtype] >= 0, comm, PETSC_ERR_SUP, "HtUnaryOp %s does not take a %s tensor (as in NumPy); use logical_not for booleans, or convert with HtTensorAsType()", HtUnaryOps[op], HtDTypes[a->dtype]);
  *compute = (HtDType)HtUnaryComputeDTypes[op][a->dtype];
  *result  = HtUnaryIsPredicate(op) ? HT_BOOL : *compute;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* out = op(a), out of a's shape and layout */
static PetscErrorCode HtTensorUnaryApply(HtUnaryOp op, HtTensor a, HtDType compute, HtTensor out)
{
  HtBroadcast bc;
  const void *x;
  void       *y;

  PetscFunctionBegin;
  PetscCall(HtBroadcastBegin_Private(out, 1, &a, &compute, &bc, &x, &y));
  PetscCall((*out->ops->unary)(out, op, compute, out->nlocal, x, y));
  PetscCall(HtBroadcastEnd_Private(out, &bc, &x, &y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorUnary - Creates c = op(a), elementwise.

   Collective

   Input Parameters:
+  op - the function, see `HtUnaryOp`
-  a - the tensor

   Output Parameter:
.  c - the result, of a's shape, split and layout; its dtype is given in `HtUnaryOp`

   Level: beginner

   Note:
   No communication. Values outside a function's domain give NaN (sqrt(-1), log(-1)) or infinities
   (log(0)), as in NumPy.

.seealso: `HtUnaryOp`, `HtTensorUnaryInPlace()`, `HtTensorClip()`, `HtTensorBinary()`
@*/
PetscErrorCode HtTensorUnary(HtUnaryOp op, HtTensor a, HtTensor *c)
{
  HtDType compute, result;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(a, HT_TENSOR_CLASSID, 2);
  PetscValidPointer(c, 3);
  PetscCall(HtUnaryGetDTypes(op, a, &compute, &result));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Unary, a, 0, 0, 0));
  PetscCall(HtTensorBroadcastCreate_Private(1, &a, result, c));
  PetscCall(HtTensorUnaryApply(op, a, compute, *c));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Unary, a, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorUnaryInPlace - Computes a = op(a).

   Collective

   Input Parameters:
+  op - the function, see `HtUnaryOp`
-  a - the tensor; the result's dtype must be its own (so not sqrt of an `HT_INT` tensor)

   Level: beginner

.seealso: `HtTensorUnary()`, `HtUnaryOp`
@*/
PetscErrorCode HtTensorUnaryInPlace(HtUnaryOp op, HtTensor a)
{
  HtDType compute, result;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(a, HT_TENSOR_CLASSID, 2);
  PetscCall(HtUnaryGetDTypes(op, a, &compute, &result));
  PetscCall(HtCheckInPlaceDType(a, result, HtUnaryOps[op]));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Unary, a, 0, 0, 0));
  PetscCall(HtTensorUnaryApply(op, a, compute, a));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Unary, a, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorClip - Creates c = min(max(a, lo), hi), elementwise (NumPy's clip with scalar bounds).

   Collective

   Input Parameters:
+  a - the tensor
.  lo - the lower bound
-  hi - the upper bound

   Output Parameter:
.  c - the result, of a's shape, split and layout

   Level: beginner

   Notes:
   The dtype is that of a combined with the bounds (integers when they are integral, as in
   `HtTensorBinaryScalar()`): an `HT_INT` tensor clipped to integers stays `HT_INT`, an `HT_BOOL` one
   becomes `HT_INT`. NaN in a stays NaN. When lo > hi every element is hi, as in NumPy.

.seealso: `HtTensorUnary()`, `HtTensorBinaryScalar()`
@*/
PetscErrorCode HtTensorClip(HtTensor a, PetscScalar lo, PetscScalar hi, HtTensor *c)
{
  HtDType     compute;
  HtBroadcast bc;
  const void *x;
  void       *y;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(a, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(c, 4);
  compute = HtDTypePromote(a->dtype, HtDTypePromote(HtScalarDType(lo), HtScalarDType(hi)));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Unary, a, 0, 0, 0));
  PetscCall(HtTensorBroadcastCreate_Private(1, &a, compute, c));
  PetscCall(HtBroadcastBegin_Private(*c, 1, &a, &compute, &bc, &x, &y));
  PetscCall((*(*c)->ops->clip)(*c, compute, (*c)->nlocal, x, lo, hi, y));
  PetscCall(HtBroadcastEnd_Private(*c, &bc, &x, &y));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Unary, a, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorWhere - Creates c = mask ? a : b, elementwise with broadcasting of all three (NumPy's where).

   Collective

   Input Parameters:
+  mask - the condition, any dtype (an element is true when it is not 0; NaN is true)
.  a - the values where mask is true
-  b - the values where mask is false

   Output Parameter:
.  c - the result: the broadcast shape of the three, the promoted dtype of a and b

   Level: beginner

   Note:
   The split follows the rule of `HtTensorBinary()` with the operands in the order mask, a, b.

.seealso: `HtTensorBinary()`, `HtTensorClip()`
@*/
PetscErrorCode HtTensorWhere(HtTensor mask, HtTensor a, HtTensor b, HtTensor *c)
{
  HtTensor    in[3] = {mask, a, b};
  HtDType     dtypes[3];
  HtBroadcast bc;
  const void *arrays[3];
  void       *y;
  PetscInt    ndim, shape[HT_MAX_NDIM];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(mask, HT_TENSOR_CLASSID, 1);
  PetscValidHeaderSpecific(a, HT_TENSOR_CLASSID, 2);
  PetscValidHeaderSpecific(b, HT_TENSOR_CLASSID, 3);
  PetscValidPointer(c, 4);
  PetscCall(HtBroadcastShape_Private(3, in, &ndim, shape));
  dtypes[0] = HT_BOOL;
  dtypes[1] = dtypes[2] = HtDTypePromote(a->dtype, b->dtype);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Where, mask, a, b, 0));
  PetscCall(HtTensorBroadcastCreate_Private(3, in, dtypes[1], c));
  PetscCall(HtBroadcastBegin_Private(*c, 3, in, dtypes, &bc, arrays, &y));
  PetscCall((*(*c)->ops->where)(*c, dtypes[1], &bc, (const PetscBool *)arrays[0], arrays[1], arrays[2], y));
  PetscCall(HtBroadcastEnd_Private(*c, &bc, arrays, &y));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Where, mask, a, b, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* defines `name`(a, b, c), the shorthand for HtTensorBinary() with the operation `op` */
#define HT_TENSOR_BINARY_SHORTHAND(name, op) \
  PetscErrorCode name(HtTensor a, HtTensor b, HtTensor *c) \
  { \
    PetscFunctionBegin; \
    PetscCall(HtTensorBinary(op, a, b, c)); \
    PetscFunctionReturn(PETSC_SUCCESS); \
  }

/*@C
   HtTensorAdd - Creates c = a + b with broadcasting: `HtTensorBinary()` with `HT_BINARY_ADD`.

   Collective

   Input Parameters:
+  a - the first addend
-  b - the second addend

   Output Parameter:
.  c - the sum (of two `HT_BOOL` operands, their logical or, as in NumPy)

   Level: beginner

.seealso: `HtTensorBinary()`, `HtTensorSubtract()`, `HtTensorMultiply()`, `HtTensorDivide()`
@*/
HT_TENSOR_BINARY_SHORTHAND(HtTensorAdd, HT_BINARY_ADD)

/*@C
   HtTensorSubtract - Creates c = a - b with broadcasting: `HtTensorBinary()` with `HT_BINARY_SUBTRACT`.

   Collective

   Input Parameters:
+  a - the minuend
-  b - the subtrahend (a and b are not both `HT_BOOL`, as in NumPy)

   Output Parameter:
.  c - the difference

   Level: beginner

.seealso: `HtTensorBinary()`, `HtTensorAdd()`
@*/
HT_TENSOR_BINARY_SHORTHAND(HtTensorSubtract, HT_BINARY_SUBTRACT)

/*@C
   HtTensorMultiply - Creates c = a * b with broadcasting: `HtTensorBinary()` with `HT_BINARY_MULTIPLY`.

   Collective

   Input Parameters:
+  a - the first factor
-  b - the second factor

   Output Parameter:
.  c - the product (of two `HT_BOOL` operands, their logical and, as in NumPy)

   Level: beginner

.seealso: `HtTensorBinary()`, `HtTensorAdd()`
@*/
HT_TENSOR_BINARY_SHORTHAND(HtTensorMultiply, HT_BINARY_MULTIPLY)

/*@C
   HtTensorDivide - Creates c = a / b (true division, `HT_SCALAR`) with broadcasting: `HtTensorBinary()` with `HT_BINARY_DIVIDE`.

   Collective

   Input Parameters:
+  a - the dividend
-  b - the divisor

   Output Parameter:
.  c - the `HT_SCALAR` quotient, also of integer operands

   Level: beginner

.seealso: `HtTensorBinary()`, `HtTensorAdd()`
@*/
HT_TENSOR_BINARY_SHORTHAND(HtTensorDivide, HT_BINARY_DIVIDE)
