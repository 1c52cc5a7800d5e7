/*
   Private data structure of HtTensor and the internal helpers that the
   operations, the I/O and the ML classes share. Not part of the public API.
*/
#pragma once

#include <heattensor.h>
#include <petsc/private/petscimpl.h>

PETSC_EXTERN char          HtTensorDefaultType[64];
PETSC_EXTERN PetscLogEvent HT_TENSOR_Create, HT_TENSOR_Redistribute, HT_TENSOR_Load, HT_TENSOR_Save, HT_TENSOR_Random, HT_TENSOR_View;

struct _HtBroadcast; /* the broadcast map of the elementwise kernels, defined with the elementwise internals */

/* Kernels of a storage back end: generic code calls t->ops->..., never the storage directly. */
typedef struct _HtTensorOps *HtTensorOps;
struct _HtTensorOps {
  PetscErrorCode (*allocate)(HtTensor, void *);              /* storage for the local block; user array (not owned) or NULL */
  PetscErrorCode (*freestorage)(HtTensor);
  PetscErrorCode (*getarray)(HtTensor, PetscMemoryAccessMode, void **);
  PetscErrorCode (*restorearray)(HtTensor, PetscMemoryAccessMode, void **);
  PetscErrorCode (*fill)(HtTensor, PetscScalar);              /* every element = value */
  PetscErrorCode (*fillaffine)(HtTensor, PetscScalar, PetscScalar); /* element with flat global index i = a + b i */
  PetscErrorCode (*fillrandom)(HtTensor, PetscInt64, PetscBool);   /* uniform [0,1) or standard normal */
  PetscErrorCode (*convert)(HtTensor, HtTensor);              /* same layout, other dtype */
  PetscErrorCode (*getvec)(HtTensor, Vec *);
  PetscErrorCode (*destroy)(HtTensor);
  /* elementwise kernels */
  /* on the broadcast map (struct _HtBroadcast): c = a op b with a, b of the dtype and c of the dtype or HT_BOOL */
  PetscErrorCode (*binary)(HtTensor, HtBinaryOp, HtDType, const struct _HtBroadcast *, const void *, const void *, void *);
  PetscErrorCode (*unary)(HtTensor, HtUnaryOp, HtDType, PetscInt, const void *, void *); /* c[i] = op(a[i]), c of the dtype or HT_BOOL */
  PetscErrorCode (*clip)(HtTensor, HtDType, PetscInt, const void *, PetscScalar, PetscScalar, void *); /* c[i] = min(max(a[i], lo), hi) */
  PetscErrorCode (*where)(HtTensor, HtDType, const struct _HtBroadcast *, const PetscBool *, const void *, const void *, void *); /* c = mask ? a : b */
  PetscErrorCode (*axpy)(HtTensor, HtDType, const struct _HtBroadcast *, PetscScalar, const void *, void *); /* y += alpha x on the map */
  /* end elementwise kernels */
  /* reduction kernels */
  /* end reduction kernels */
  /* linalg kernels */
  PetscErrorCode (*gemm)(HtTensor, HtDType, PetscBool, PetscBool, PetscInt, PetscInt, PetscInt, const void *, PetscInt, const void *, PetscInt, PetscBool, void *, PetscInt); /* row-major C (m x n, ldc) [+]= op(A) op(B) */
  PetscErrorCode (*cdist)(HtTensor, HtCDistMetric, PetscReal, PetscInt, PetscInt, PetscInt, const PetscScalar *, const PetscScalar *, PetscScalar *, PetscInt); /* D (n x m, ldd) of X (n x f), Y (m x f) */
  PetscErrorCode (*permute)(HtTensor, PetscInt, const PetscInt[], const PetscInt[], const void *, void *); /* out axis j = in axis perm[j] of a local block of shape lshape */
  PetscErrorCode (*triangle)(HtTensor, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt, PetscBool, const void *, void *); /* tril/triu of nbatch rows x cols blocks at (row0, col0) */
  PetscErrorCode (*diagsum)(HtTensor, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt, const void *, PetscScalar *); /* sum of a rows x cols block's entries on diagonal `offset` */
  PetscErrorCode (*qr)(HtTensor, PetscInt, PetscInt, const PetscScalar *, PetscScalar *, PetscScalar *); /* A (m x f) = Q (m x min(m,f)) R (min(m,f) x f) */
  /* end linalg kernels */
  /* manipulation kernels */
  /* end manipulation kernels */
  /* sorting kernels */
  /* sort every line (o, :, i) of a local block of shape (outer, n, inner) into keys (same shape); idx (or NULL) gets each key's position along its line; ties keep the line order */
  PetscErrorCode (*sortlines)(HtTensor, PetscInt, PetscInt, PetscInt, const void *, void *, PetscInt[], PetscBool);
  /* counts[k] = number of the n sorted keys (element j ranked with tie key rankbase + j) that come before pivot k (value, tie key) */
  PetscErrorCode (*countbefore)(HtTensor, PetscInt, const void *, PetscInt64, PetscInt, const PetscReal[], const PetscInt64[], PetscBool, PetscInt[]);
  /* merges the sorted runs (keys[r], idx[r] or idx NULL, len[r]) into outkeys (outidx); ties keep the run order; a run may be the tail of outkeys (outidx) */
  PetscErrorCode (*mergeruns)(HtTensor, PetscInt, const void *const[], const PetscInt *const[], const PetscInt[], void *, PetscInt[], PetscBool);
  /* the distinct values of n sorted keys and how often each occurs (NaN equals NaN) */
  PetscErrorCode (*uniqueruns)(HtTensor, PetscInt, const void *, void *, PetscInt[], PetscInt *);
  /* out[o, k, i] = in[o, rows[k], i] for blocks (outer, nin, inner) -> (outer, nout, inner); scatter: out[o, rows[k], i] = in[o, k, i] */
  PetscErrorCode (*gatherrows)(HtTensor, PetscInt, PetscInt, PetscInt, const void *, PetscInt, const PetscInt[], void *);
  PetscErrorCode (*scatterrows)(HtTensor, PetscInt, PetscInt, PetscInt, const void *, PetscInt, const PetscInt[], void *);
  /* the strided box start + step * [0, count) of a block of shape lshape (ndim axes) to a dense block (toblock) or back */
  PetscErrorCode (*copybox)(HtTensor, PetscInt, const PetscInt[], const PetscInt[], const PetscInt[], const PetscInt[], void *, void *, PetscBool);
  /* the n elements whose mask is true, in order, to out (or only counted when out is NULL) */
  PetscErrorCode (*selectmask)(HtTensor, PetscInt, const void *, const PetscBool[], void *, PetscInt *);
  /* rows of global indices (ndim entries) of the non-zero elements of a block of shape lshape whose first element has global index lo; out NULL: count only */
  PetscErrorCode (*nonzero)(HtTensor, PetscInt, const PetscInt[], const PetscInt[], const void *, PetscInt[], PetscInt *);
  /* end sorting kernels */
};

struct _p_HtTensor {
  PETSCHEADER(struct _HtTensorOps);
  PetscInt    ndim;
  PetscInt    shape[HT_MAX_NDIM];  /* global shape */
  PetscInt    lshape[HT_MAX_NDIM]; /* shape of the local block */
  PetscInt    split;               /* distributed axis, -1: replicated */
  HtDType     dtype;
  size_t      esize;               /* bytes per element */
  PetscLayout map;                 /* distribution of the split axis (NULL for split -1) */
  PetscInt    size;                /* global number of elements */
  PetscInt    nlocal;              /* local number of elements */
  PetscInt    outer, inner;        /* products of the global shape before / after the split axis */
  Vec         vec;                 /* HT_SCALAR storage (host back end) */
  void       *array;               /* HT_INT / HT_BOOL storage (host back end) */
  PetscBool   ownarray;
  PetscInt    arraylocks;          /* outstanding Get/RestoreArray pairs */
  void       *data;                /* back-end private data */
};

/* creation of a tensor of a given layout without touching its values */
PETSC_INTERN PetscErrorCode HtTensorCreate_Private(MPI_Comm, PetscInt, const PetscInt[], PetscInt, HtDType, PetscInt, void *, HtTensor *);
PETSC_INTERN PetscErrorCode HtTensorCreate_Host(HtTensor);

/* communication helpers */
PETSC_INTERN PetscErrorCode HtTensorRedistribute_Private(HtTensor, HtTensor);
PETSC_INTERN PetscErrorCode HtDTypeGetMPIType(HtDType, MPI_Datatype *);
PETSC_INTERN PetscErrorCode HtCollectiveCheck(MPI_Comm, PetscErrorCode, const char[]);

/* local index helpers */
PETSC_INTERN PetscErrorCode HtTensorGetGlobalOffset_Private(HtTensor, PetscInt *, PetscInt *);
PETSC_INTERN PetscErrorCode HtTensorCheckSameShape_Private(HtTensor, HtTensor);
PETSC_INTERN PetscErrorCode HtShapeToString(PetscInt, const PetscInt[], char[], size_t);
PETSC_INTERN PetscErrorCode HtTensorNormalizeAxis_Private(HtTensor, PetscInt, PetscInt *);

/* one element of any dtype, as a PetscScalar */
static inline PetscScalar HtElementGet(HtDType dtype, const void *a, PetscInt i)
{
  switch (dtype) {
  case HT_INT:
    return (PetscScalar)((const PetscInt *)a)[i];
  case HT_BOOL:
    return (PetscScalar)((const PetscBool *)a)[i];
  default:
    return ((const PetscScalar *)a)[i];
  }
}

static inline void HtElementSet(HtDType dtype, void *a, PetscInt i, PetscScalar v)
{
  switch (dtype) {
  case HT_INT:
    ((PetscInt *)a)[i] = (PetscInt)PetscRealPart(v);
    break;
  case HT_BOOL:
    ((PetscBool *)a)[i] = (PetscBool)(PetscRealPart(v) != 0);
    break;
  default:
    ((PetscScalar *)a)[i] = v;
  }
}

/* conversions between raw element types */
typedef enum {
  HT_RAW_FLOAT64,
  HT_RAW_FLOAT32,
  HT_RAW_INT64,
  HT_RAW_INT32,
  HT_RAW_UINT8
} HtRawType;
static inline size_t HtRawSize(HtRawType type)
{
  return type == HT_RAW_FLOAT64 || type == HT_RAW_INT64 ? 8 : type == HT_RAW_UINT8 ? 1 : 4;
}
PETSC_INTERN PetscErrorCode HtRawConvert(HtRawType, const void *, HtDType, void *, size_t, PetscBool *);
PETSC_INTERN PetscErrorCode HtDTypeGetRawType(HtDType, HtRawType *);

/* HDF5 pieces shared by HtTensorSaveHDF5()/HtTensorLoadHDF5() and the HDF5 viewers of the ML classes */
PETSC_INTERN PetscErrorCode HtTensorView_HDF5(HtTensor, PetscViewer);
PETSC_INTERN PetscErrorCode HtTensorLoad_HDF5(MPI_Comm, PetscViewer, const char[], PetscInt, HtTensor *);

/* I/O helpers: write to a temporary file and rename it into place on success */
PETSC_INTERN PetscErrorCode HtFileTemporaryName(MPI_Comm, const char[], char[], size_t);
PETSC_INTERN PetscErrorCode HtFileCommit(MPI_Comm, PetscErrorCode, const char[], const char[]);

/* MPI-IO helpers of the .npy and CSV readers and writers (src/tensor/io/mpiio.c): an error that some
   ranks find is recorded in an HtIOError and raised on every rank together by HtIOErrorCheck() */
typedef struct {
  PetscErrorCode code;      /* 0 while no error is recorded */
  char           msg[1024]; /* message of the first error recorded */
} HtIOError;
PETSC_INTERN PetscErrorCode HtIOErrorSet(HtIOError *, PetscErrorCode, const char[], ...) PETSC_ATTRIBUTE_FORMAT(3, 4);
PETSC_INTERN PetscErrorCode HtIOErrorSetMPI(HtIOError *, PetscErrorCode, int, const char[], const char[]);
PETSC_INTERN PetscErrorCode HtIOErrorSetTransfer(HtIOError *, PetscBool, int, MPI_Status *, MPI_Datatype, MPI_Offset, const char[]);
PETSC_INTERN PetscErrorCode HtIOErrorCheck(MPI_Comm, HtIOError *, MPI_File *, HtTensor *);
PETSC_INTERN PetscErrorCode HtFileOpenRead(MPI_Comm, const char[], MPI_File *);
PETSC_INTERN PetscErrorCode HtFileOpenWrite(MPI_Comm, const char[], char[], size_t, MPI_File *, HtIOError *);
PETSC_INTERN PetscErrorCode HtFileWriteEnd(MPI_Comm, MPI_File *, HtIOError *, MPI_Offset, const char[], const char[]);
PETSC_INTERN PetscErrorCode HtMPITypeCreateBlock(MPI_Offset, MPI_Datatype, MPI_Datatype *);

/* ---- operations (issue 3): internal helpers and log events of each family, inside its own section ---- */
/* elementwise internals */
PETSC_EXTERN PetscLogEvent HT_TENSOR_Binary, HT_TENSOR_Unary, HT_TENSOR_Where, HT_TENSOR_AXPY;
#define HT_BINARY_NUM_OPS         (HT_BINARY_LOGICAL_XOR + 1)
#define HT_UNARY_NUM_OPS          (HT_UNARY_ISFINITE + 1)
#define HT_BROADCAST_MAX_OPERANDS 3

/*
   HtBroadcast - how the local block of a result tensor meets the local blocks of its operands.

   The result's local block (row-major, contiguous) is seen as `nruns` runs of `shape[ndim - 1]`
   elements; element i of the first run is element offset[k] + i * stride[k][ndim - 1] of operand k's
   local array. Axes where no operand needs its own step are merged, so operands of the result's
   shape and layout give one run of the whole block, and a scalar has every stride 0.
   HtBroadcastBegin_Private() aligns the operands (redistributing those whose local blocks do not
   hold what the result's local block needs), fills the map and gets the arrays; kernels walk it
   with HtBroadcastFirstRun() / HtBroadcastNextRun().
*/
struct _HtBroadcast {
  PetscInt nop;                                            /* number of operands */
  PetscInt ndim;                                           /* axes after merging (>= 1) */
  PetscInt shape[HT_MAX_NDIM];                             /* merged local shape of the result */
  PetscInt nruns;                                          /* product of shape[0 .. ndim-2] (0: empty block) */
  PetscInt offset[HT_BROADCAST_MAX_OPERANDS];              /* operand element under the result's first element */
  PetscInt stride[HT_BROADCAST_MAX_OPERANDS][HT_MAX_NDIM]; /* operand element steps along the merged axes, 0 to broadcast */
  HtTensor aligned[HT_BROADCAST_MAX_OPERANDS];             /* the operands as the kernels read them (references or copies) */
};
typedef struct _HtBroadcast HtBroadcast;

/* the operand offsets of the first run; idx[] counts the outer axes */
static inline void HtBroadcastFirstRun(const HtBroadcast *bc, PetscInt idx[], PetscInt off[])
{
  for (PetscInt d = 0; d < bc->ndim; d++) idx[d] = 0;
  for (PetscInt k = 0; k < bc->nop; k++) off[k] = bc->offset[k];
}

/* advances idx[] and the operand offsets from one run to the next (odometer over the outer axes) */
static inline void HtBroadcastNextRun(const HtBroadcast *bc, PetscInt idx[], PetscInt off[])
{
  for (PetscInt d = bc->ndim - 2; d >= 0; d--) {
    for (PetscInt k = 0; k < bc->nop; k++) off[k] += bc->stride[k][d];
    if (++idx[d] < bc->shape[d]) return;
    for (PetscInt k = 0; k < bc->nop; k++) off[k] -= bc->stride[k][d] * bc->shape[d];
    idx[d] = 0;
  }
}

PETSC_INTERN PetscErrorCode HtBroadcastShape_Private(PetscInt, const HtTensor[], PetscInt *, PetscInt[]);
PETSC_INTERN PetscErrorCode HtTensorBroadcastCreate_Private(PetscInt, const HtTensor[], HtDType, HtTensor *);
PETSC_INTERN PetscErrorCode HtBroadcastCheckOutput_Private(HtTensor, PetscInt, const HtTensor[]);
PETSC_INTERN PetscErrorCode HtBroadcastBegin_Private(HtTensor, PetscInt, const HtTensor[], const HtDType[], HtBroadcast *, const void *[], void **);
PETSC_INTERN PetscErrorCode HtBroadcastEnd_Private(HtTensor, HtBroadcast *, const void *[], void **);
PETSC_INTERN PetscErrorCode HtTensorBinary_Host(HtTensor, HtBinaryOp, HtDType, const HtBroadcast *, const void *, const void *, void *);
PETSC_INTERN PetscErrorCode HtTensorUnary_Host(HtTensor, HtUnaryOp, HtDType, PetscInt, const void *, void *);
PETSC_INTERN PetscErrorCode HtTensorClip_Host(HtTensor, HtDType, PetscInt, const void *, PetscScalar, PetscScalar, void *);
PETSC_INTERN PetscErrorCode HtTensorWhere_Host(HtTensor, HtDType, const HtBroadcast *, const PetscBool *, const void *, const void *, void *);
PETSC_INTERN PetscErrorCode HtTensorAXPY_Host(HtTensor, HtDType, const HtBroadcast *, PetscScalar, const void *, void *);
/* end elementwise internals */
/* reduction internals */
/* end reduction internals */
/* linalg internals */
PETSC_EXTERN PetscLogEvent HT_TENSOR_MatMul, HT_TENSOR_Dot, HT_TENSOR_Outer, HT_TENSOR_Transpose, HT_TENSOR_Trace, HT_TENSOR_Triangle, HT_TENSOR_CDist, HT_TENSOR_QR;
PETSC_INTERN PetscErrorCode HtTensorGemm_Host(HtTensor, HtDType, PetscBool, PetscBool, PetscInt, PetscInt, PetscInt, const void *, PetscInt, const void *, PetscInt, PetscBool, void *, PetscInt);
PETSC_INTERN PetscErrorCode HtTensorCDist_Host(HtTensor, HtCDistMetric, PetscReal, PetscInt, PetscInt, PetscInt, const PetscScalar *, const PetscScalar *, PetscScalar *, PetscInt);
PETSC_INTERN PetscErrorCode HtTensorPermute_Host(HtTensor, PetscInt, const PetscInt[], const PetscInt[], const void *, void *);
PETSC_INTERN PetscErrorCode HtTensorTriangle_Host(HtTensor, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt, PetscBool, const void *, void *);
PETSC_INTERN PetscErrorCode HtTensorDiagSum_Host(HtTensor, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt, const void *, PetscScalar *);
PETSC_INTERN PetscErrorCode HtTensorQR_Host(HtTensor, PetscInt, PetscInt, const PetscScalar *, PetscScalar *, PetscScalar *);
PETSC_INTERN PetscErrorCode HtTensorCheckSameComm_Private(HtTensor, HtTensor, const char[]);
PETSC_INTERN PetscErrorCode HtTensorGetAsType_Private(HtTensor, HtDType, HtTensor *);
PETSC_INTERN PetscErrorCode HtTensorRingVisit_Private(HtTensor, PetscErrorCode (*)(void *, PetscMPIInt, const void *), void *);
/* end linalg internals */
/* manipulation internals */
/* end manipulation internals */
/* sorting internals */
PETSC_EXTERN PetscLogEvent HT_TENSOR_Sort, HT_TENSOR_Unique, HT_TENSOR_Permutation, HT_TENSOR_Slice, HT_TENSOR_Take, HT_TENSOR_Compress;
PETSC_INTERN PetscErrorCode HtTensorCreateHostSortKernels_Private(HtTensor);
/* three-way comparison of the sort order: NaN after every number and equal to NaN */
static inline int HtRealCompare(PetscReal a, PetscReal b)
{
  if (a < b) return -1;
  if (a > b) return 1;
  if (a == b) return 0;
  return PetscIsNanReal(a) ? (PetscIsNanReal(b) ? 0 : 1) : -1;
}
/* end sorting internals */
/* random internals */
PETSC_EXTERN PetscLogEvent HT_TENSOR_Sample;
/* end random internals */
