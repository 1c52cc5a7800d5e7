/*
   Private data structure of HtTensor and the internal helpers that the
   operations, the I/O and the ML classes share. Not part of the public API.
*/
#pragma once

#include <heattensor.h>
#include <heat/private/samplesimpl.h>
#include <heat/private/selectimpl.h>
#include <petsc/private/petscimpl.h>

PETSC_EXTERN PetscLogEvent HT_TENSOR_Create, HT_TENSOR_Redistribute, HT_TENSOR_Load, HT_TENSOR_Save, HT_TENSOR_Random, HT_TENSOR_View;

struct _HtBroadcast; /* the broadcast map of the elementwise kernels, defined with the elementwise internals */

/* Kernels of a storage back end: generic code calls t->ops->..., never the storage directly. */
typedef struct _HtTensorOps *HtTensorOps;
struct _HtTensorOps {
  PetscErrorCode (*allocate)(HtTensor, void *, PetscBool);   /* storage for the local block: user array (not owned), or NULL and zeroed or not */
  PetscErrorCode (*freestorage)(HtTensor);
  PetscErrorCode (*getarray)(HtTensor, PetscMemoryAccessMode, void **);
  PetscErrorCode (*restorearray)(HtTensor, PetscMemoryAccessMode, void **);
  PetscErrorCode (*fill)(HtTensor, PetscScalar);              /* every element = value */
  PetscErrorCode (*fillaffine)(HtTensor, PetscScalar, PetscScalar); /* element with flat global index i = a + b i */
  PetscErrorCode (*fillrandom)(HtTensor, PetscInt64, PetscBool);   /* uniform [0,1) or standard normal */
  PetscErrorCode (*convert)(HtTensor, HtTensor, PetscInt *); /* same layout, other dtype; counts the values the new dtype cannot hold */
  PetscErrorCode (*getvec)(HtTensor, Vec *);
  PetscErrorCode (*destroy)(HtTensor);
  /* elementwise kernels */
  /* on the broadcast map (struct _HtBroadcast): c = a op b with a, b of the dtype and c of the dtype or HT_BOOL */
  PetscErrorCode (*binary)(HtTensor, HtBinaryOp, HtDType, const struct _HtBroadcast *, const void *, const void *, void *);
  PetscErrorCode (*unary)(HtTensor, HtUnaryOp, HtDType, PetscInt, const void *, void *); /* c[i] = op(a[i]), c of the dtype or HT_BOOL */
  PetscErrorCode (*clip)(HtTensor, HtDType, PetscInt, const void *, PetscScalar, PetscScalar, void *); /* c[i] = min(max(a[i], lo), hi) */
  PetscErrorCode (*where)(HtTensor, HtDType, const struct _HtBroadcast *, const PetscBool *, const void *, const void *, void *); /* c = mask ? a : b */
  PetscErrorCode (*axpy)(HtTensor, HtDType, const struct _HtBroadcast *, PetscScalar, const void *, void *); /* y += alpha x on the map */
  /* reduction kernels */
  const struct _HtReduceKernels *reduce; /* reductions, scans, quantiles of local lines and statistics of local blocks (see reduction internals) */
  const struct _HtSelectKernels *select; /* the passes of the distributed selection (selectimpl.h) */
  /* linalg kernels */
  PetscErrorCode (*gemm)(HtTensor, HtDType, PetscBool, PetscBool, PetscInt, PetscInt, PetscInt, const void *, PetscInt, const void *, PetscInt, PetscBool, void *, PetscInt); /* row-major C (m x n, ldc) [+]= op(A) op(B) */
  /* C (m x k) = (X - 1 mu^T) B (B: f x k), or with transpose C (f x k) = (X - 1 mu^T)^T B (B: m x k), for m local rows X of f; mu NULL: no centering */
  PetscErrorCode (*centeredproduct)(HtTensor, PetscBool, PetscInt, PetscInt, const PetscScalar *, const PetscScalar *, PetscInt, const PetscScalar *, PetscScalar *);
  const struct _HtPointsKernels *points; /* the distance kernels of HtPoints: HtTensorCDist() and the ML classes (samplesimpl.h) */
  const struct _HtSamplesKernels *samples; /* the per-sample loops of the ML models behind HtSamples... (samplesimpl.h) */
  PetscErrorCode (*permute)(HtTensor, PetscInt, const PetscInt[], const PetscInt[], const void *, void *); /* out axis j = in axis perm[j] of a local block of shape lshape */
  PetscErrorCode (*triangle)(HtTensor, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt, PetscBool, const void *, void *); /* tril/triu of nbatch rows x cols blocks at (row0, col0) */
  PetscErrorCode (*diagsum)(HtTensor, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt, const void *, PetscScalar *); /* sum of a rows x cols block's entries on diagonal `offset` */
  PetscErrorCode (*qr)(HtTensor, PetscInt, PetscInt, const PetscScalar *, PetscScalar *, PetscScalar *); /* A (m x f) = Q (m x min(m,f)) R (min(m,f) x f) */
  /* manipulation kernels */
  /* dst box = src box of extents ext (ndim <= HT_COPY_MAX_DIMS axes), elements of t's dtype; strides in elements, any sign (0 repeats) */
  PetscErrorCode (*copystrided)(HtTensor, PetscInt, const PetscInt[], const void *, const PetscInt[], void *, const PetscInt[]);
  /* reverses, in place, the index range [lo, hi) of the middle axis of a local block seen as (outer, n, inner) */
  PetscErrorCode (*reverse)(HtTensor, void *, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt);
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
  /* the n elements whose mask is true, in order, to out (or only counted when out is NULL) */
  PetscErrorCode (*selectmask)(HtTensor, PetscInt, const void *, const PetscBool[], void *, PetscInt *);
  /* rows of global indices (ndim entries) of the non-zero elements of a block of shape lshape whose first element has global index lo; out NULL: count only */
  PetscErrorCode (*nonzero)(HtTensor, PetscInt, const PetscInt[], const PetscInt[], const void *, PetscInt[], PetscInt *);
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
  void       *owned;               /* the memory the tensor allocated and frees (its block starts at the next HT_ARRAY_ALIGN bytes), or NULL */
  PetscInt    arraylocks;          /* outstanding Get/RestoreArray pairs */
  void       *data;                /* back-end private data */
};

/*
   HtPoints: reference points prepared for the distance kernels of the back end of `backend` (samplesimpl.h). The
   generic functions (src/tensor/interface/points.c) check their arguments and call the kernels below, which keep
   what they prepare (the points transposed, their norms, the sums of the nearest-center step) in `data`.
*/
struct _n_HtPoints {
  HtTensor backend;
  PetscInt kmax, k, f; /* capacity, number of points set, features */
  void    *data;
};

struct _HtPointsKernels {
  PetscErrorCode (*create)(HtPoints);
  PetscErrorCode (*set)(HtPoints, const PetscScalar *, PetscInt);                                                                      /* P->k rows of leading dimension ld */
  PetscErrorCode (*distances)(HtPoints, HtPointsMetric, PetscReal, PetscInt, const PetscScalar *, PetscScalar *, PetscInt);              /* D (n x k, ldd) of n rows x */
  PetscErrorCode (*distance)(HtPoints, HtPointsMetric, PetscInt, const PetscScalar *, PetscReal *);                                     /* to point j, exact metrics */
  PetscErrorCode (*potentials)(HtPoints, PetscInt, const PetscScalar *, const PetscScalar *, const PetscReal *, PetscReal *);          /* see HtPointsPotentials() */
  PetscErrorCode (*nearest)(HtPoints, PetscInt, const PetscScalar *, const PetscScalar *, PetscInt *, PetscReal *, PetscBool, PetscReal *); /* see HtPointsNearest() */
  PetscErrorCode (*zerosums)(HtPoints);
  PetscErrorCode (*moverows)(HtPoints, PetscInt, const PetscScalar *, const PetscScalar *, const PetscInt *, PetscInt *, PetscInt *);
  PetscErrorCode (*getsums)(HtPoints, PetscScalar *, PetscScalar *);
  PetscErrorCode (*destroy)(HtPoints);
};
PETSC_INTERN const struct _HtPointsKernels HtPointsKernels_Host;

/*
   The per-sample loops of the ML models: each runs over the m local rows x (m x f, row-major) of an HtSamples and
   gives this rank's part; the generic functions (src/tensor/interface/samplesmodels.c, where each is documented)
   check nothing the caller has not, call the kernel and add the ranks' parts where the result is global.
*/
struct _HtSamplesKernels {
  /* loss + gradient (+ Hessian) partials of multinomial logistic regression, see HtSamplesLogisticLoss() */
  PetscErrorCode (*logisticloss)(HtTensor, PetscInt, PetscInt, const PetscScalar *, PetscInt, const PetscScalar *, const PetscInt *, PetscBool, PetscScalar *);
  /* S (m x C) = X W^T + b, or its softmax by rows (proba) */
  PetscErrorCode (*linearscores)(HtTensor, PetscInt, PetscInt, const PetscScalar *, PetscInt, const PetscScalar *, const PetscScalar *, PetscBool, PetscScalar *);
  /* counts, means and sums of squared deviations of the rows of each class, see HtSamplesClassMoments() */
  PetscErrorCode (*classmoments)(HtTensor, PetscInt, PetscInt, const PetscScalar *, const PetscInt *, PetscInt, PetscReal *, PetscReal *, PetscReal *);
  /* joint log-likelihoods of a Gaussian naive Bayes model, or the posteriors (proba), see HtSamplesGaussianScores() */
  PetscErrorCode (*gaussianscores)(HtTensor, PetscInt, PetscInt, const PetscScalar *, PetscInt, const PetscReal *, const PetscReal *, const PetscReal *, PetscBool, PetscScalar *);
  /* squared norms of m rows of f entries, leading dimension ld, see HtSamplesRowNorms() */
  PetscErrorCode (*rownorms)(HtTensor, PetscInt, PetscInt, const PetscScalar *, PetscInt, PetscReal *);
  /* the class votes of the neighbour lists of m queries, see HtSamplesVote() */
  PetscErrorCode (*vote)(HtTensor, PetscInt, const HtTopList *, PetscInt, PetscBool, PetscBool, PetscScalar *);
  /* this rank's part of HtSamplesBlockProduct() (acc: b + 1, + b b with the Gram matrix) and HtSamplesBlockUpdate() */
  PetscErrorCode (*blockproduct)(HtTensor, PetscInt, PetscInt, const PetscScalar *, const PetscScalar *, PetscInt, PetscInt, const PetscScalar *, PetscBool, PetscScalar *);
  PetscErrorCode (*blockupdate)(HtTensor, PetscInt, PetscInt, const PetscScalar *, const PetscScalar *, PetscInt, PetscInt, const PetscScalar *, PetscScalar *);
  /* r = y - shift - (X - 1 mu^T) w, see HtSamplesCenteredResidual() */
  PetscErrorCode (*residual)(HtTensor, PetscInt, PetscInt, const PetscScalar *, const PetscScalar *, const PetscScalar *, const PetscScalar *, PetscScalar, PetscScalar *);
};
PETSC_INTERN const struct _HtSamplesKernels HtSamplesKernels_Host;

/* creation of a tensor of a given layout without touching its values */
PETSC_INTERN PetscErrorCode HtTensorCreate_Private(MPI_Comm, PetscInt, const PetscInt[], PetscInt, HtDType, PetscInt, void *, HtTensor *);
PETSC_INTERN PetscErrorCode HtTensorCreateUninitialized_Private(MPI_Comm, PetscInt, const PetscInt[], PetscInt, HtDType, PetscInt, HtTensor *);
PETSC_INTERN PetscErrorCode HtTensorCreate_Host(HtTensor);

/* communication helpers */
PETSC_INTERN PetscErrorCode HtTensorRedistribute_Private(HtTensor, HtTensor);
PETSC_INTERN void           HtTensorGetBox_Private(HtTensor, PetscMPIInt, PetscInt[], PetscInt[]);
PETSC_INTERN PetscErrorCode HtDTypeGetMPIType(HtDType, MPI_Datatype *);
PETSC_INTERN PetscErrorCode HtCollectiveCheck(MPI_Comm, PetscErrorCode, const char[]);

/* fault injection for the tests (-ht_fault_inject_malloc, -ht_fault_inject_write RANK:COUNT; fault.c) */
typedef enum {
  HT_FAULT_MALLOC,
  HT_FAULT_WRITE,
  HT_FAULT_NUM
} HtFaultKind;
PETSC_INTERN const char *const HtFaultOptions[];
PETSC_INTERN PetscErrorCode    HtFaultSetFromOptions_Private(void);
PETSC_INTERN PetscBool         HtFaultInjected(HtFaultKind);
#define HT_ARRAY_ALIGN 64 /* bytes: a tensor's own block starts at a cache line, so no vector of a kernel straddles two (PETSc aligns to 16) */
PETSC_INTERN PetscErrorCode HtTensorAllocateArray_Private(HtTensor, PetscBool, void **, void **);

/* local index helpers */
PETSC_INTERN PetscErrorCode HtTensorGetGlobalOffset_Private(HtTensor, PetscInt *, PetscInt *);
PETSC_INTERN PetscErrorCode HtTensorCheckSameShape_Private(HtTensor, HtTensor);
PETSC_INTERN PetscErrorCode HtShapeToString(PetscInt, const PetscInt[], char[], size_t);
PETSC_INTERN PetscErrorCode HtTensorNormalizeAxis_Private(HtTensor, PetscInt, PetscInt *);

/* the global index of the first local entry along `axis` */
static inline PetscInt HtTensorLocalStart(HtTensor t, PetscInt axis)
{
  return axis == t->split ? t->map->rstart : 0;
}

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

/* HDF5 pieces shared by HtTensorSaveHDF5()/HtTensorLoadHDF5() and the HDF5 viewers (HtTensorLoad_HDF5: samplesimpl.h) */
PETSC_INTERN PetscErrorCode HtTensorView_HDF5(HtTensor, PetscViewer);

/* the readers behind HtTensorLoad(), HtTensorLoadRows() and HtTensorLoadGetShape(): rows [rstart, rstart + nrows) of
   the array in a file with a given split (nrows PETSC_DETERMINE: all rows), and the shape and dtype from the header */
PETSC_INTERN PetscErrorCode HtTensorLoadRows_HDF5(MPI_Comm, const char[], const char[], PetscInt, PetscInt, PetscInt, HtTensor *);
PETSC_INTERN PetscErrorCode HtTensorLoadRows_NPY(MPI_Comm, const char[], PetscInt, PetscInt, PetscInt, HtTensor *);
PETSC_INTERN PetscErrorCode HtTensorLoadGetShape_HDF5(MPI_Comm, const char[], const char[], PetscInt *, PetscInt[], HtDType *);
PETSC_INTERN PetscErrorCode HtTensorLoadGetShape_NPY(MPI_Comm, const char[], PetscInt *, PetscInt[], HtDType *);
PETSC_INTERN PetscErrorCode HtTensorLoadRows_NetCDF(MPI_Comm, const char[], const char[], PetscInt, PetscInt, PetscInt, HtTensor *);
PETSC_INTERN PetscErrorCode HtTensorLoadGetShape_NetCDF(MPI_Comm, const char[], const char[], PetscInt *, PetscInt[], HtDType *);
PETSC_INTERN PetscErrorCode HtFileCheckRows(MPI_Comm, const char[], const char[], PetscInt, const PetscInt[], PetscInt, PetscInt);

/* I/O helpers: write to a temporary file and rename it into place on success */
PETSC_INTERN PetscErrorCode HtTensorCreateDMDAPoints_Private(DM, Vec, HtTensor *);
PETSC_INTERN PetscErrorCode HtFileTemporaryName(MPI_Comm, const char[], char[], size_t);
PETSC_INTERN PetscErrorCode HtFileCommit(MPI_Comm, PetscErrorCode, const char[], const char[]);
PETSC_INTERN PetscErrorCode HtFileCheckCreatable(MPI_Comm, const char[], const char[]);
PETSC_INTERN PetscErrorCode HtTensorSafeSave(HtTensor, const char[], const char[], PetscErrorCode (*)(HtTensor, const char[], const char[], const char[]));

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

/* what every rank needs to know of a .npy file (rank 0 reads it, then broadcasts it); the parsers read memory (npy.c) */
typedef struct {
  PetscInt   ndim;
  PetscInt   shape[HT_MAX_NDIM];
  PetscInt   type; /* entry of npy.c's table of element types */
  PetscBool  fortran;
  MPI_Offset offset; /* where the data start */
} HtNpyHeader;
PETSC_INTERN PetscErrorCode HtNpyParsePreamble(const char[], const unsigned char[], MPI_Offset, PetscInt64 *, HtNpyHeader *, HtIOError *);
PETSC_INTERN PetscErrorCode HtNpyParseDict(const char[], const char *, MPI_Offset, HtNpyHeader *, HtIOError *);

/* the layout options of delimited text and its parser over memory (csv.c) */
typedef enum {
  HT_CSV_DELIM_AUTO,
  HT_CSV_DELIM_COMMA,
  HT_CSV_DELIM_SEMICOLON,
  HT_CSV_DELIM_WHITESPACE
} HtCSVDelim;
typedef enum {
  HT_CSV_HEADER_AUTO,
  HT_CSV_HEADER_TRUE,
  HT_CSV_HEADER_FALSE
} HtCSVHeader;
PETSC_INTERN PetscErrorCode HtCSVParseText(MPI_Comm, const char[], HtCSVHeader, HtCSVDelim, const char *, size_t, HtTensor *, HtIOError *);
PETSC_INTERN PetscErrorCode HtFileOpenRead(MPI_Comm, const char[], MPI_File *);
PETSC_INTERN PetscErrorCode HtFileOpenWrite(MPI_Comm, const char[], char[], size_t, MPI_File *, HtIOError *);
PETSC_INTERN PetscErrorCode HtFileWriteEnd(MPI_Comm, MPI_File *, HtIOError *, MPI_Offset, const char[], const char[]);

/* large-count MPI helpers (src/tensor/interface/mpicount.c): no MPI count above HtMPIMaxCount (-ht_mpi_max_count) */
PETSC_INTERN PetscCount     HtMPIMaxCount;
PETSC_INTERN PetscErrorCode HtMPIMaxCountFromOptions(PetscOptionItems *);
PETSC_INTERN PetscErrorCode HtMPITypeCreateBlock(MPI_Offset, MPI_Datatype, MPI_Datatype *);
PETSC_INTERN PetscErrorCode HtMPIAllreduce(const void *, void *, PetscCount, MPI_Datatype, MPI_Op, MPI_Comm);
PETSC_INTERN PetscErrorCode HtMPIGatherCounts(MPI_Comm, PetscCount, PetscCount **, PetscCount **);
PETSC_INTERN PetscErrorCode HtMPIAllgatherv(const void *, void *, const PetscCount[], const PetscCount[], MPI_Datatype, MPI_Comm);
PETSC_INTERN PetscErrorCode HtMPIAlltoallCounts(MPI_Comm, const PetscCount[], PetscCount[]);
PETSC_INTERN PetscErrorCode HtMPIAlltoallv(const void *, const PetscCount[], const PetscCount[], void *, const PetscCount[], const PetscCount[], MPI_Datatype, MPI_Comm);
PETSC_INTERN PetscErrorCode HtMPIAlltoallvBounded(const void *, const PetscCount[], const PetscCount[], void *, const PetscCount[], const PetscCount[], PetscCount, MPI_Datatype, MPI_Comm);
PETSC_INTERN PetscErrorCode HtMPIIsend(const void *, PetscCount, MPI_Datatype, PetscMPIInt, PetscMPIInt, MPI_Comm, MPI_Request *);
PETSC_INTERN PetscErrorCode HtMPIIrecv(void *, PetscCount, MPI_Datatype, PetscMPIInt, PetscMPIInt, MPI_Comm, MPI_Request *);

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
/* reduction internals */
PETSC_EXTERN PetscLogEvent HT_TENSOR_Reduce, HT_TENSOR_Cumsum, HT_TENSOR_Percentile, HT_TENSOR_Histogram, HT_TENSOR_Cov;

/* the reductions of the kernels; the partial result of each is an element of dtype `acc` (SUM, PROD, MIN, MAX),
   HT_BOOL (ALL, ANY), HT_INT (COUNT_NONZERO), HT_SCALAR (ABSSUM, SUMSQ, ABSMAX), HtArgPartial (ARGMIN, ARGMAX)
   or HtMoments (MOMENTS) */
typedef enum {
  HT_REDUCE_SUM,
  HT_REDUCE_PROD,
  HT_REDUCE_MIN,
  HT_REDUCE_MAX,
  HT_REDUCE_ALL,
  HT_REDUCE_ANY,
  HT_REDUCE_COUNT_NONZERO,
  HT_REDUCE_ABSSUM,
  HT_REDUCE_SUMSQ,
  HT_REDUCE_ABSMAX,
  HT_REDUCE_ARGMIN,
  HT_REDUCE_ARGMAX,
  HT_REDUCE_MOMENTS
} HtReduceOp;
PETSC_INTERN const char *const HtReduceOpNames[];

/* how merged partials become result elements: as they are (converted to the result dtype), divided by param (mean),
   square root (2-norm), the index (argmin, argmax), the mean, variance or standard deviation (ddof param) of moments,
   the ratio of a pair (weighted average) */
typedef enum {
  HT_FINISH_COPY,
  HT_FINISH_DIVIDE,
  HT_FINISH_SQRT,
  HT_FINISH_INDEX,
  HT_FINISH_MEAN,
  HT_FINISH_VAR,
  HT_FINISH_STD,
  HT_FINISH_RATIO
} HtReduceFinish;

typedef struct {
  PetscReal n, shift, mean, m2; /* count, a shift (a sample), mean - shift, sum of squared deviations from the mean */
} HtMoments;

typedef struct {
  PetscReal value; /* the extreme value found so far (NaN wins) */
  PetscInt  index; /* its index; the first one on ties */
} HtArgPartial;

/* a local block seen as (outer, n, inner), reduced or scanned along n */
typedef struct {
  HtDType  dtype;
  PetscInt outer, n, inner;
} HtReduceBlock;

/* NumPy's linear quantile of n sorted values: v[prev] + gamma (v[next] - v[prev]) */
typedef struct {
  PetscInt  prev, next;
  PetscReal gamma;
} HtQuantileIndex;

struct _HtReduceKernels {
  PetscErrorCode (*reduce)(HtReduceOp, const HtReduceBlock *, const void *, HtDType, PetscInt, void *); /* op, block, x, acc, offset added to indices, outer*inner partials */
  PetscErrorCode (*finish)(HtReduceFinish, PetscInt, const void *, HtDType, PetscReal, HtDType, void *); /* how, count, partials, acc, param, result dtype, result */
  PetscErrorCode (*cumsum)(const HtReduceBlock *, const void *, const void *, void *); /* block, x, outer*inner carries (or NULL), result (HT_SCALAR for HT_SCALAR x, else HT_INT) */
  PetscErrorCode (*weightedsum)(const HtReduceBlock *, const void *, HtDType, const void *, PetscBool, PetscReal *); /* block, x, weights dtype, weights (a whole block, or n per line), per line: sum w x, sum w */
  PetscErrorCode (*quantile)(const HtReduceBlock *, const void *, const HtQuantileIndex *, PetscScalar *); /* every line local: outer*inner quantiles */
  PetscErrorCode (*histogram)(HtDType, PetscInt, const void *, PetscInt, const PetscReal[], PetscInt[]); /* n values, bins, nbins+1 edges, counts added to */
  PetscErrorCode (*bincount)(HtDType, PetscInt, const void *, HtDType, const void *, PetscInt, PetscReal[]); /* n values, weights (or NULL), length, counts added to (len + 1: the last counts the values outside [0, len)) */
  PetscErrorCode (*covmoments)(PetscInt, PetscInt, const PetscScalar *, const PetscScalar *, PetscReal[]); /* m x f rows (and m targets as column f, or NULL) -> packed moments of their nv = f (+ 1) variables [m, shift (nv), mean - shift (nv), M2 (nv x nv)] */
  PetscErrorCode (*nonfinite)(HtDType, PetscInt, const void *, PetscInt *, PetscInt *);  /* n values: how many are NaN or Inf, the index of the first (or -1) */
};
PETSC_INTERN const struct _HtReduceKernels HtReduceKernels_Host;
PETSC_INTERN const struct _HtSelectKernels HtSelectKernels_Host;

/*
   Chan et al.: b becomes the moments of the union of the disjoint sample sets a and b. Moments of f variables are
   packed as [count, shift (f), mean - shift (f), M2 (f x f): sums of products of deviations from the mean]; with a
   shift near the data (a sample of them) the difference of two means keeps its digits even when the mean is large
   compared with the spread. No sum of squares is formed.
*/
/* half the difference of two shifted means: an exact scaling of the difference (the same bits) that does not
   overflow when the data are near the largest double */
static inline PetscReal HtMomentsHalfDelta(PetscReal bshift, PetscReal ashift, PetscReal bmean, PetscReal amean)
{
  return (0.5 * bshift - 0.5 * ashift) + (0.5 * bmean - 0.5 * amean);
}

/*
   Non-finite values follow NumPy: a set whose mean is Inf or NaN (it holds an Inf or a NaN) makes the union's mean
   the sum of the two means (+Inf and -Inf give NaN); HtMomentsMean() and HtMomentsVar() finish the NumPy rules.
*/
static inline void HtMomentsMergeN(PetscInt f, const PetscReal *a, PetscReal *b)
{
  const PetscReal *ashift = a + 1, *amean = a + 1 + f, *am2 = a + 1 + 2 * f;
  PetscReal       *bshift = b + 1, *bmean = b + 1 + f, *bm2 = b + 1 + 2 * f, n = a[0] + b[0], w;

  if (a[0] == 0) return;
  if (b[0] == 0) {
    for (PetscInt k = 0; k < 1 + 2 * f + f * f; k++) b[k] = a[k];
    return;
  }
  w = a[0] / n * b[0];
  for (PetscInt r = 0; r < f; r++)
    for (PetscInt c = 0; c < f; c++) bm2[r * f + c] += am2[r * f + c] + w * (2 * HtMomentsHalfDelta(bshift[r], ashift[r], bmean[r], amean[r])) * (2 * HtMomentsHalfDelta(bshift[c], ashift[c], bmean[c], amean[c]));
  for (PetscInt j = 0; j < f; j++) {
    if (PetscIsInfOrNanReal(amean[j]) || PetscIsInfOrNanReal(bmean[j])) bmean[j] += amean[j];
    else bmean[j] -= HtMomentsHalfDelta(bshift[j], ashift[j], bmean[j], amean[j]) * (2 * (a[0] / n)); /* b keeps its shift */
  }
  b[0] = n;
}

static inline void HtMomentsMerge(const HtMoments *a, HtMoments *b)
{
  HtMomentsMergeN(1, &a->n, &b->n);
}

/*
   The mean of merged moments as NumPy's mean (sum / n): +-Inf when the exact sum n * mean overflows, although the
   shifted moments would hold the mean itself. NumPy's pairwise sum can also overflow in a partial sum when the
   whole sum fits (1e308, 1e308, -1e308 gives +Inf, while 1e308, -1e308, 1e308 gives 3.3e307): that answer
   depends on the order of the additions, which depends on the rank count, so we give the exact mean
   (3.3e307 for both orders) and +-Inf only when the exact sum overflows.
*/
static inline PetscReal HtMomentsMean(const HtMoments *m)
{
  PetscReal mean = m->shift + m->mean;

  if (!PetscIsInfOrNanReal(mean) && PetscAbsReal(mean) > PETSC_MAX_REAL / m->n) return mean > 0 ? (PetscReal)INFINITY : (PetscReal)-INFINITY;
  return mean;
}

/* the variance (ddof) as NumPy's: NaN when the data hold an Inf or a NaN (x - mean is NaN for one of them), Inf when
   the sum overflows (every x - mean is infinite) or the squared deviations do */
static inline PetscReal HtMomentsVar(const HtMoments *m, PetscReal ddof)
{
  if (PetscIsInfOrNanReal(m->shift + m->mean)) return (PetscReal)NAN;
  if (PetscIsInfOrNanReal(HtMomentsMean(m))) return (PetscReal)INFINITY;
  return m->m2 / (m->n - ddof);
}

static inline PetscReal HtMinNaN(PetscReal p, PetscReal v)
{
  return (p != p || v >= p) ? p : v; /* a NaN sticks, as in NumPy's min */
}

static inline PetscReal HtMaxNaN(PetscReal p, PetscReal v)
{
  return (p != p || v <= p) ? p : v;
}

/* whether a replaces b as argmin (min) or argmax: the first NaN beats everything, ties go to the smaller index */
static inline PetscBool HtArgBetter(const HtArgPartial *a, const HtArgPartial *b, PetscBool min)
{
  PetscBool anan = (PetscBool)(a->value != a->value), bnan = (PetscBool)(b->value != b->value);

  if (a->index < 0 || b->index < 0) return (PetscBool)(b->index < 0 && a->index >= 0);
  if (anan || bnan) return (PetscBool)(anan && (!bnan || a->index < b->index));
  if (a->value == b->value) return (PetscBool)(a->index < b->index);
  return (PetscBool)(min ? a->value < b->value : a->value > b->value);
}

/* the dtype of sums and cumulative sums, as NumPy's: integers and booleans sum to integers */
static inline HtDType HtSumDType(HtDType dtype)
{
  return dtype == HT_SCALAR ? HT_SCALAR : HT_INT;
}

/* NumPy's _lerp: a + t (b - a), computed from b's side when t >= 1/2 */
static inline PetscReal HtLerp(PetscReal a, PetscReal b, PetscReal t)
{
  PetscReal d = b - a;

  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

PETSC_INTERN PetscErrorCode HtReduceAllreduce_Private(MPI_Comm, HtReduceOp, HtDType, void *, PetscInt);
PETSC_INTERN PetscErrorCode HtMomentsAllreduce_Private(MPI_Comm, PetscInt, PetscReal *, PetscInt);
PETSC_INTERN PetscErrorCode HtTensorReduceAxis_Private(HtTensor, PetscInt, PetscInt *, PetscInt *);
PETSC_INTERN PetscErrorCode HtTensorReductionString_Private(HtTensor, PetscInt, char[], size_t);
PETSC_INTERN PetscErrorCode HtTensorGetBlock_Private(HtTensor, PetscInt, HtReduceBlock *);
PETSC_INTERN PetscErrorCode HtTensorCreateReduced_Private(HtTensor, PetscInt, PetscBool, HtDType, HtTensor *);
PETSC_INTERN PetscErrorCode HtTensorReduce_Private(HtTensor, HtReduceOp, HtDType, HtReduceFinish, PetscReal, PetscInt, PetscBool, HtDType, HtTensor *);
PETSC_INTERN PetscErrorCode HtTensorMoments_Private(HtTensor, PetscInt, PetscInt, PetscBool, HtTensor *, HtTensor *);
/* linalg internals */
PETSC_EXTERN PetscLogEvent HT_TENSOR_MatMul, HT_TENSOR_Dot, HT_TENSOR_Outer, HT_TENSOR_Transpose, HT_TENSOR_Trace, HT_TENSOR_Triangle, HT_TENSOR_CDist, HT_TENSOR_QR;
PETSC_INTERN PetscErrorCode HtTensorCenteredProduct_Host(HtTensor, PetscBool, PetscInt, PetscInt, const PetscScalar *, const PetscScalar *, PetscInt, const PetscScalar *, PetscScalar *);
PETSC_INTERN PetscErrorCode HtTensorGemm_Host(HtTensor, HtDType, PetscBool, PetscBool, PetscInt, PetscInt, PetscInt, const void *, PetscInt, const void *, PetscInt, PetscBool, void *, PetscInt);
PETSC_INTERN PetscErrorCode HtTensorPermute_Host(HtTensor, PetscInt, const PetscInt[], const PetscInt[], const void *, void *);
PETSC_INTERN PetscErrorCode HtTensorTriangle_Host(HtTensor, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt, PetscBool, const void *, void *);
PETSC_INTERN PetscErrorCode HtTensorDiagSum_Host(HtTensor, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt, const void *, PetscScalar *);
PETSC_INTERN PetscErrorCode HtTensorQR_Host(HtTensor, PetscInt, PetscInt, const PetscScalar *, PetscScalar *, PetscScalar *);
PETSC_INTERN PetscErrorCode HtTensorCheckSameComm_Private(HtTensor, HtTensor, const char[]);
PETSC_INTERN PetscErrorCode HtTensorGetAsType_Private(HtTensor, HtDType, HtTensor *);
PETSC_INTERN PetscErrorCode HtTensorRingVisit_Private(HtTensor, PetscErrorCode (*)(void *, PetscMPIInt, const void *), void *);
/* manipulation internals */
PETSC_EXTERN PetscLogEvent HT_TENSOR_Reshape, HT_TENSOR_Concatenate, HT_TENSOR_Repeat, HT_TENSOR_Tile, HT_TENSOR_Flip, HT_TENSOR_Roll, HT_TENSOR_Pad, HT_TENSOR_Diagonal;
#define HT_COPY_MAX_DIMS (2 * HT_MAX_NDIM + 2)
/* one slab move along an axis: out[dst + i] = in[src + i] for 0 <= i < len (all other axes whole) */
typedef struct {
  PetscInt src, dst, len;
} HtSlab;
PETSC_INTERN PetscErrorCode HtTensorMoveSlabs_Private(HtTensor, HtTensor, PetscInt, PetscInt, const HtSlab[], const PetscInt[]);
PETSC_INTERN PetscErrorCode HtTensorAxisFlags_Private(HtTensor, PetscInt, const PetscInt[], PetscBool[]);
PETSC_INTERN PetscErrorCode HtTensorCreateShaped_Private(HtTensor, const PetscInt[], PetscBool, HtTensor *);
PETSC_INTERN PetscErrorCode HtTensorCopyStrided_Host(HtTensor, PetscInt, const PetscInt[], const void *, const PetscInt[], void *, const PetscInt[]);
PETSC_INTERN PetscErrorCode HtTensorReverse_Host(HtTensor, void *, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt);
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
/* random internals */
PETSC_EXTERN PetscLogEvent HT_TENSOR_Sample;
