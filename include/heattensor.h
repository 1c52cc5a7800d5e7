/*
   Heat for PETSc: HtTensor, the distributed n-dimensional tensor.

   A tensor has a global shape of up to HT_MAX_NDIM axes and one split axis that
   is distributed over the ranks of its communicator by a PetscLayout (split -1:
   every rank holds the whole tensor). The local block is contiguous and
   row-major (C order).
*/
#pragma once

#include <heatsys.h>
#include <petscvec.h>
#include <petscdm.h>
#include <petscviewer.h>
#include <petscviewerhdf5.h>

/*S
   HtTensor - a distributed n-dimensional tensor in Heat's sense

   Level: beginner

.seealso: `HtTensorCreate()`, `HtTensorDestroy()`, `HtDType`
S*/
typedef struct _p_HtTensor *HtTensor;

/*J
   HtTensorType - the storage back end of a tensor

   Level: advanced
J*/
typedef const char *HtTensorType;
#define HTTENSORHOST "host"

/*E
   HtDType - element type of a tensor

$  HT_SCALAR - PetscScalar, stored in a PETSc Vec (`HtTensorGetVec()` is zero-copy)
$  HT_INT    - PetscInt (labels, indices)
$  HT_BOOL   - PetscBool (masks)

   Level: beginner
E*/
typedef enum {
  HT_SCALAR = 0,
  HT_INT    = 1,
  HT_BOOL   = 2
} HtDType;
PETSC_EXTERN const char *const HtDTypes[];

#define HT_MAX_NDIM 8

PETSC_EXTERN PetscClassId      HT_TENSOR_CLASSID;
PETSC_EXTERN PetscFunctionList HtTensorList;

PETSC_EXTERN PetscErrorCode HtTensorInitializePackage(void);
PETSC_EXTERN PetscErrorCode HtTensorFinalizePackage(void);
PETSC_EXTERN PetscErrorCode HtTensorRegister(const char[], PetscErrorCode (*)(HtTensor));
PETSC_EXTERN PetscErrorCode HtDTypeGetSize(HtDType, size_t *);

/* creation, layout, accessors */
PETSC_EXTERN PetscErrorCode HtTensorCreate(MPI_Comm, PetscInt, const PetscInt[], PetscInt, HtDType, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorCreateWithLayout(MPI_Comm, PetscInt, const PetscInt[], PetscInt, HtDType, PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorDestroy(HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorSetType(HtTensor, HtTensorType);
PETSC_EXTERN PetscErrorCode HtTensorGetType(HtTensor, HtTensorType *);
PETSC_EXTERN PetscErrorCode HtTensorSetFromOptions(HtTensor);
PETSC_EXTERN PetscErrorCode HtTensorSetOptionsPrefix(HtTensor, const char[]);
PETSC_EXTERN PetscErrorCode HtTensorSetName(HtTensor, const char[]);
PETSC_EXTERN PetscErrorCode HtTensorGetNDim(HtTensor, PetscInt *);
PETSC_EXTERN PetscErrorCode HtTensorGetShape(HtTensor, const PetscInt *[]);
PETSC_EXTERN PetscErrorCode HtTensorGetLocalShape(HtTensor, const PetscInt *[]);
PETSC_EXTERN PetscErrorCode HtTensorGetSize(HtTensor, PetscInt *);
PETSC_EXTERN PetscErrorCode HtTensorGetLocalSize(HtTensor, PetscInt *);
PETSC_EXTERN PetscErrorCode HtTensorGetSplit(HtTensor, PetscInt *);
PETSC_EXTERN PetscErrorCode HtTensorGetDType(HtTensor, HtDType *);
PETSC_EXTERN PetscErrorCode HtTensorGetOwnershipRange(HtTensor, PetscInt *, PetscInt *);
PETSC_EXTERN PetscErrorCode HtTensorGetOwnershipRanges(HtTensor, const PetscInt *[]);
PETSC_EXTERN PetscErrorCode HtTensorGetLayout(HtTensor, PetscLayout *);
PETSC_EXTERN PetscErrorCode HtTensorSetLayout(HtTensor, PetscInt);
PETSC_EXTERN PetscErrorCode HtTensorIsBalanced(HtTensor, PetscBool *);
PETSC_EXTERN PetscErrorCode HtTensorBalance(HtTensor);
PETSC_EXTERN PetscErrorCode HtTensorGetArray(HtTensor, void *);
PETSC_EXTERN PetscErrorCode HtTensorRestoreArray(HtTensor, void *);
PETSC_EXTERN PetscErrorCode HtTensorGetArrayRead(HtTensor, void *);
PETSC_EXTERN PetscErrorCode HtTensorRestoreArrayRead(HtTensor, void *);
PETSC_EXTERN PetscErrorCode HtTensorGetArrayWrite(HtTensor, void *);
PETSC_EXTERN PetscErrorCode HtTensorRestoreArrayWrite(HtTensor, void *);
PETSC_EXTERN PetscErrorCode HtTensorGetVec(HtTensor, Vec *);
PETSC_EXTERN PetscErrorCode HtTensorRestoreVec(HtTensor, Vec *);
/* interoperability with PETSc simulations (src/tensor/interface/interop.c) */
PETSC_EXTERN PetscErrorCode HtTensorCreateFromVec(Vec, PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorCreateFromDMDA(DM, Vec, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorGetDM(HtTensor, DM *);
PETSC_EXTERN PetscErrorCode HtTensorToVec(HtTensor, DM, Vec *);
PETSC_EXTERN PetscErrorCode HtTensorDuplicate(HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorCopy(HtTensor, HtTensor);
PETSC_EXTERN PetscErrorCode HtTensorAsType(HtTensor, HtDType, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorResplit(HtTensor, PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorDescribe(HtTensor, HtTensor *, HtTensor *, HtTensor *, HtTensor *);

/* viewing */
PETSC_EXTERN PetscErrorCode HtTensorView(HtTensor, PetscViewer);
PETSC_EXTERN PetscErrorCode HtTensorViewFromOptions(HtTensor, PetscObject, const char[]);

/* factories */
PETSC_EXTERN PetscErrorCode HtTensorZeros(MPI_Comm, PetscInt, const PetscInt[], PetscInt, HtDType, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorOnes(MPI_Comm, PetscInt, const PetscInt[], PetscInt, HtDType, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorFull(MPI_Comm, PetscInt, const PetscInt[], PetscInt, HtDType, PetscScalar, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorArange(MPI_Comm, PetscScalar, PetscScalar, PetscScalar, PetscInt, HtDType, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorLinspace(MPI_Comm, PetscScalar, PetscScalar, PetscInt, PetscBool, PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorEye(MPI_Comm, PetscInt, PetscInt, PetscInt, HtDType, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorCreateFromLocalArray(MPI_Comm, PetscInt, const PetscInt[], PetscInt, HtDType, PetscInt, const void *, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorCreateWithArray(MPI_Comm, PetscInt, const PetscInt[], PetscInt, HtDType, PetscInt, void *, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorRand(MPI_Comm, PetscInt, const PetscInt[], PetscInt, PetscInt64, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorRandn(MPI_Comm, PetscInt, const PetscInt[], PetscInt, PetscInt64, HtTensor *);

/* I/O: HtTensorLoad()/HtTensorSave() dispatch on the file extension */
PETSC_EXTERN PetscErrorCode HtTensorLoad(MPI_Comm, const char[], const char[], PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorLoadGetShape(MPI_Comm, const char[], const char[], PetscInt *, PetscInt[], HtDType *);
PETSC_EXTERN PetscErrorCode HtTensorLoadRows(MPI_Comm, const char[], const char[], PetscInt, PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorSave(HtTensor, const char[], const char[]);
PETSC_EXTERN PetscErrorCode HtTensorLoadHDF5(MPI_Comm, const char[], const char[], PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorSaveHDF5(HtTensor, const char[], const char[]);
PETSC_EXTERN PetscErrorCode HtTensorLoadNetCDF(MPI_Comm, const char[], const char[], PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorSaveNetCDF(HtTensor, const char[], const char[]);
/* pictures (src/tensor/io/png.c, src/tensor/io/scatter.c) */
PETSC_EXTERN PetscErrorCode HtTensorSavePNG(HtTensor, const char[], PetscInt);
PETSC_EXTERN PetscErrorCode HtTensorViewScatter(HtTensor, HtTensor, const char[], const char[], PetscViewer);
PETSC_EXTERN PetscErrorCode HtTensorSaveScatterPNG(HtTensor, HtTensor, const char[], const char[], const char[]);
PETSC_EXTERN PetscErrorCode HtTensorLoadNPY(MPI_Comm, const char[], PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorSaveNPY(HtTensor, const char[]);
PETSC_EXTERN PetscErrorCode HtTensorLoadCSV(MPI_Comm, const char[], PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorSaveCSV(HtTensor, const char[]);


/* elementwise operations and broadcasting (src/tensor/ops/elementwise.c) */

/*E
   HtBinaryOp - an elementwise operation of two tensors (NumPy's binary ufuncs), applied with broadcasting

$  HT_BINARY_ADD, HT_BINARY_SUBTRACT, HT_BINARY_MULTIPLY - a + b, a - b, a * b
$  HT_BINARY_DIVIDE        - true division a / b, always `HT_SCALAR`
$  HT_BINARY_POWER         - a ** b (an integer to a negative integer power is an error, as in NumPy)
$  HT_BINARY_MINIMUM, HT_BINARY_MAXIMUM - NaN if either is NaN (NumPy's minimum and maximum)
$  HT_BINARY_FMOD          - C's fmod: the remainder has the sign of a; integer fmod by 0 is 0
$  HT_BINARY_EQUAL, HT_BINARY_NOT_EQUAL, HT_BINARY_LESS, HT_BINARY_LESS_EQUAL,
$  HT_BINARY_GREATER, HT_BINARY_GREATER_EQUAL - comparisons, `HT_BOOL` (false with NaN, but NaN != x)
$  HT_BINARY_LOGICAL_AND, HT_BINARY_LOGICAL_OR, HT_BINARY_LOGICAL_XOR - on the truth values (x != 0), `HT_BOOL`

   Level: beginner

   Note:
   The result dtype follows NumPy's promotion over `HT_BOOL` < `HT_INT` < `HT_SCALAR`: an integer
   operation stays integer (except `HT_BINARY_DIVIDE`); on two `HT_BOOL` operands add and maximum are
   logical or, multiply and minimum logical and, power and fmod give `HT_INT`, and subtract is an error.

.seealso: `HtTensorBinary()`, `HtTensorBinaryScalar()`, `HtTensorBinaryInPlace()`, `HtUnaryOp`
E*/
typedef enum {
  HT_BINARY_ADD,
  HT_BINARY_SUBTRACT,
  HT_BINARY_MULTIPLY,
  HT_BINARY_DIVIDE,
  HT_BINARY_POWER,
  HT_BINARY_MINIMUM,
  HT_BINARY_MAXIMUM,
  HT_BINARY_FMOD,
  HT_BINARY_EQUAL,
  HT_BINARY_NOT_EQUAL,
  HT_BINARY_LESS,
  HT_BINARY_LESS_EQUAL,
  HT_BINARY_GREATER,
  HT_BINARY_GREATER_EQUAL,
  HT_BINARY_LOGICAL_AND,
  HT_BINARY_LOGICAL_OR,
  HT_BINARY_LOGICAL_XOR
} HtBinaryOp;
PETSC_EXTERN const char *const HtBinaryOps[];

/*E
   HtUnaryOp - an elementwise function of one tensor (NumPy's unary ufuncs)

$  HT_UNARY_NEGATIVE, HT_UNARY_ABS, HT_UNARY_SQUARE, HT_UNARY_SIGN - keep the dtype (sign(NaN) is NaN)
$  HT_UNARY_SQRT, HT_UNARY_EXP, HT_UNARY_EXPM1, HT_UNARY_LOG, HT_UNARY_LOG1P, HT_UNARY_LOG2,
$  HT_UNARY_LOG10, HT_UNARY_SIN, HT_UNARY_COS, HT_UNARY_TAN, HT_UNARY_ARCSIN, HT_UNARY_ARCCOS,
$  HT_UNARY_ARCTAN, HT_UNARY_SINH, HT_UNARY_COSH, HT_UNARY_TANH,
$  HT_UNARY_FLOOR, HT_UNARY_CEIL, HT_UNARY_TRUNC - `HT_SCALAR` results for every input dtype
$  HT_UNARY_ROUND          - to the nearest integer, halves to even (NumPy's round and rint)
$  HT_UNARY_LOGICAL_NOT, HT_UNARY_ISNAN, HT_UNARY_ISINF, HT_UNARY_ISFINITE - `HT_BOOL` results

   Level: beginner

   Note:
   As in NumPy, negative and sign of `HT_BOOL` are errors (use `HT_UNARY_LOGICAL_NOT`), the square of an
   `HT_BOOL` is `HT_INT`, and the round of an `HT_INT` is itself.

.seealso: `HtTensorUnary()`, `HtTensorUnaryInPlace()`, `HtBinaryOp`
E*/
typedef enum {
  HT_UNARY_NEGATIVE,
  HT_UNARY_ABS,
  HT_UNARY_SQRT,
  HT_UNARY_SQUARE,
  HT_UNARY_EXP,
  HT_UNARY_EXPM1,
  HT_UNARY_LOG,
  HT_UNARY_LOG1P,
  HT_UNARY_LOG2,
  HT_UNARY_LOG10,
  HT_UNARY_SIN,
  HT_UNARY_COS,
  HT_UNARY_TAN,
  HT_UNARY_ARCSIN,
  HT_UNARY_ARCCOS,
  HT_UNARY_ARCTAN,
  HT_UNARY_SINH,
  HT_UNARY_COSH,
  HT_UNARY_TANH,
  HT_UNARY_FLOOR,
  HT_UNARY_CEIL,
  HT_UNARY_ROUND,
  HT_UNARY_TRUNC,
  HT_UNARY_SIGN,
  HT_UNARY_LOGICAL_NOT,
  HT_UNARY_ISNAN,
  HT_UNARY_ISINF,
  HT_UNARY_ISFINITE
} HtUnaryOp;
PETSC_EXTERN const char *const HtUnaryOps[];

PETSC_EXTERN PetscErrorCode HtTensorBinary(HtBinaryOp, HtTensor, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorBinaryScalar(HtBinaryOp, HtTensor, PetscScalar, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorScalarBinary(HtBinaryOp, PetscScalar, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorBinaryInPlace(HtBinaryOp, HtTensor, HtTensor);
PETSC_EXTERN PetscErrorCode HtTensorBinaryScalarInPlace(HtBinaryOp, HtTensor, PetscScalar);
PETSC_EXTERN PetscErrorCode HtTensorAXPY(HtTensor, PetscScalar, HtTensor);
PETSC_EXTERN PetscErrorCode HtTensorUnary(HtUnaryOp, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorUnaryInPlace(HtUnaryOp, HtTensor);
PETSC_EXTERN PetscErrorCode HtTensorClip(HtTensor, PetscScalar, PetscScalar, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorWhere(HtTensor, HtTensor, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorBroadcastShapes(PetscInt, const HtTensor[], PetscInt *, PetscInt[]);
PETSC_EXTERN PetscErrorCode HtTensorAdd(HtTensor, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorSubtract(HtTensor, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorMultiply(HtTensor, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorDivide(HtTensor, HtTensor, HtTensor *);

/* reductions and statistics (src/tensor/ops/reduce.c, src/tensor/ops/stats.c) */
#define HT_AXIS_NONE PETSC_MIN_INT /* reduce over every element, as NumPy's axis=None */
PETSC_EXTERN PetscErrorCode HtTensorSum(HtTensor, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorProd(HtTensor, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorMean(HtTensor, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorVar(HtTensor, PetscInt, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorStd(HtTensor, PetscInt, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorMin(HtTensor, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorMax(HtTensor, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorArgmin(HtTensor, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorArgmax(HtTensor, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorAll(HtTensor, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorAny(HtTensor, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorCountNonzero(HtTensor, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorCountNonFinite(HtTensor, PetscInt *, PetscInt *);
PETSC_EXTERN PetscErrorCode HtTensorNorm(HtTensor, NormType, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorCumsum(HtTensor, PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorPercentile(HtTensor, PetscReal, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorMedian(HtTensor, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorHistogram(HtTensor, PetscInt, const PetscReal[], HtTensor *, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorBincount(HtTensor, HtTensor, PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorCov(HtTensor, PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorAverage(HtTensor, HtTensor, PetscInt, PetscBool, HtTensor *);

/* linear algebra (src/tensor/ops/linalg.c, src/tensor/ops/qr.c) */
/*E
   HtCDistMetric - the pairwise distance that `HtTensorCDist()` computes between rows x of X and y of Y

$  HT_CDIST_EUCLIDEAN   - sqrt(max(0, |x|^2 + |y|^2 - 2 x.y))
$  HT_CDIST_SQEUCLIDEAN - max(0, |x|^2 + |y|^2 - 2 x.y)
$  HT_CDIST_MANHATTAN   - sum_j |x_j - y_j|
$  HT_CDIST_RBF         - the RBF (Gaussian) kernel exp(-gamma |x - y|^2), gamma = 1 / features (see `HtTensorRBFKernel()`)

   Level: beginner

.seealso: `HtTensorCDist()`, `HtTensorRBFKernel()`
E*/
typedef enum {
  HT_CDIST_EUCLIDEAN   = 0,
  HT_CDIST_SQEUCLIDEAN = 1,
  HT_CDIST_MANHATTAN   = 2,
  HT_CDIST_RBF         = 3
} HtCDistMetric;
PETSC_EXTERN const char *const HtCDistMetrics[];

PETSC_EXTERN PetscErrorCode HtTensorMatMul(HtTensor, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorTransposeMatMul(HtTensor, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorDot(HtTensor, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorOuter(HtTensor, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorTranspose(HtTensor, const PetscInt[], HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorTrace(HtTensor, PetscInt, PetscScalar *);
PETSC_EXTERN PetscErrorCode HtTensorTril(HtTensor, PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorTriu(HtTensor, PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorCDist(HtTensor, HtTensor, HtCDistMetric, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorRBFKernel(HtTensor, HtTensor, PetscReal, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorQR(HtTensor, HtTensor *, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorMatrixNorm(HtTensor, NormType, PetscReal *);

/* manipulation (src/tensor/ops/manipulate.c) */
PETSC_EXTERN PetscErrorCode HtTensorReshape(HtTensor, PetscInt, const PetscInt[], PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorFlatten(HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorSqueeze(HtTensor, PetscInt, const PetscInt[], HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorExpandDims(HtTensor, PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorConcatenate(PetscInt, const HtTensor[], PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorStack(PetscInt, const HtTensor[], PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorRepeat(HtTensor, PetscInt, const PetscInt[], PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorTile(HtTensor, PetscInt, const PetscInt[], HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorFlip(HtTensor, PetscInt, const PetscInt[], HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorRoll(HtTensor, PetscInt, const PetscInt[], const PetscInt[], HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorPad(HtTensor, const PetscInt[], const PetscInt[], PetscScalar, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorDiagonal(HtTensor, PetscInt, HtTensor *);

/* sorting, indexing, permutations (src/tensor/ops/sort.c, src/tensor/ops/index.c) */
/*S
   HtSlice - start, stop and step of a basic slice of one axis, as Python's `start:stop:step`

   Notes:
   Negative start and stop count from the end of the axis, as NumPy's; `HT_NONE` stands for an
   omitted bound (the whole axis in the direction of the step). The step is non-zero.

   Level: beginner

.seealso: `HtTensorGetSlice()`, `HtTensorSetSlice()`, `HT_NONE`
S*/
typedef struct {
  PetscInt start, stop, step;
} HtSlice;
#define HT_NONE      PETSC_MIN_INT
#define HT_SLICE_ALL ((HtSlice){HT_NONE, HT_NONE, 1})

PETSC_EXTERN PetscErrorCode HtTensorSort(HtTensor, PetscInt, PetscBool, HtTensor *, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorArgsort(HtTensor, PetscInt, PetscBool, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorUnique(HtTensor, HtTensor *, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorRandomPermutation(MPI_Comm, PetscInt, PetscInt64, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorRandomChoice(MPI_Comm, PetscInt, PetscInt, PetscInt64, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorGetSlice(HtTensor, PetscInt, const HtSlice[], HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorSetSlice(HtTensor, PetscInt, const HtSlice[], HtTensor);
PETSC_EXTERN PetscErrorCode HtTensorSetSliceValue(HtTensor, PetscInt, const HtSlice[], PetscScalar);
PETSC_EXTERN PetscErrorCode HtTensorTake(HtTensor, PetscInt, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorPut(HtTensor, PetscInt, HtTensor, HtTensor);
PETSC_EXTERN PetscErrorCode HtTensorCompress(HtTensor, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorNonzero(HtTensor, HtTensor *);

/* random sampling (src/tensor/ops/random.c) */
PETSC_EXTERN PetscErrorCode HtTensorRandomUniform(MPI_Comm, PetscInt, const PetscInt[], PetscInt, PetscReal, PetscReal, PetscInt64, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorRandomNormal(MPI_Comm, PetscInt, const PetscInt[], PetscInt, PetscReal, PetscReal, PetscInt64, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorRandomIntegers(MPI_Comm, PetscInt, const PetscInt[], PetscInt, PetscInt, PetscInt, HtDType, PetscInt64, HtTensor *);
