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
PETSC_EXTERN PetscErrorCode HtTensorGetType(HtTensor, HtTensorType *);
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
PETSC_EXTERN PetscErrorCode HtTensorSave(HtTensor, const char[], const char[]);
PETSC_EXTERN PetscErrorCode HtTensorLoadHDF5(MPI_Comm, const char[], const char[], PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorSaveHDF5(HtTensor, const char[], const char[]);
PETSC_EXTERN PetscErrorCode HtTensorLoadNPY(MPI_Comm, const char[], PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorSaveNPY(HtTensor, const char[]);
PETSC_EXTERN PetscErrorCode HtTensorLoadCSV(MPI_Comm, const char[], PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtTensorSaveCSV(HtTensor, const char[]);

/* ---- operations (issue 3): each family adds its enums and prototypes only inside its own section ---- */

/* elementwise operations and broadcasting (src/tensor/ops/elementwise.c) */
/* end elementwise */

/* reductions and statistics (src/tensor/ops/reduce.c, src/tensor/ops/stats.c) */
/* end reductions */

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
/* end linalg */

/* manipulation (src/tensor/ops/manipulate.c) */
/* end manipulation */

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
/* end sorting */

/* random sampling (src/tensor/ops/random.c) */
/* end random */
