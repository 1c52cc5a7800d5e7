/*
   Heat for PETSc: HtDMD, dynamic mode decomposition selected at run time (-ht_dmd_type exact | streaming).
*/
#pragma once

#include <heattensor.h>

/*S
   HtDMD - dynamic mode decomposition: fit it to a sequence of snapshots of a dynamical system, then read the
   eigenvalues, modes and amplitudes of the best-fit linear operator x_{k+1} = A x_k, or predict future states

   Level: beginner

   Note:
   Snapshots are the COLUMNS of the data: a data tensor has shape (n, m), n state values (the points of a
   simulation's mesh, split along axis 0 like a PETSc `Vec`) by m snapshots in time order. This is the transpose of
   the (samples, features) layout of the other classes (Heat's DMD has the same convention).

.seealso: `HtDMDCreate()`, `HtDMDSetType()`, `HtDMDFit()`, `HtDMDPartialFit()`, `HtDMDGetEigenvalues()`, `HtDMDPredict()`
S*/
typedef struct _p_HtDMD *HtDMD;

/*J
   HtDMDType - how the decomposition is computed

$  HTDMDEXACT     - exact DMD (Tu et al.) of all snapshots at once, through a TSQR of the snapshot matrix
$  HTDMDSTREAMING - snapshots folded in one at a time into a bounded basis (Hemati, Williams and Rowley): in situ

   Level: beginner

.seealso: `HtDMDSetType()`
J*/
typedef const char *HtDMDType;
#define HTDMDEXACT     "exact"
#define HTDMDSTREAMING "streaming"

/*E
   HtDMDConvergedReason - how a fit ended

$  HT_DMD_CONVERGED_DIRECT    - a direct factorization of all snapshots finished (exact)
$  HT_DMD_CONVERGED_SNAPSHOTS - every snapshot given so far is folded in (streaming)
$  HT_DMD_CONVERGED_ITERATING - no model yet

   Level: beginner

.seealso: `HtDMDGetConvergedReason()`
E*/
typedef enum {
  HT_DMD_CONVERGED_DIRECT    = 1,
  HT_DMD_CONVERGED_SNAPSHOTS = 2,
  HT_DMD_CONVERGED_ITERATING = 0
} HtDMDConvergedReason;
PETSC_EXTERN const char *const *HtDMDConvergedReasons;

PETSC_EXTERN PetscClassId      HT_DMD_CLASSID;
PETSC_EXTERN PetscFunctionList HtDMDList;

PETSC_EXTERN PetscErrorCode HtDMDInitializePackage(void);
PETSC_EXTERN PetscErrorCode HtDMDFinalizePackage(void);
PETSC_EXTERN PetscErrorCode HtDMDRegister(const char[], PetscErrorCode (*)(HtDMD));

PETSC_EXTERN PetscErrorCode HtDMDCreate(MPI_Comm, HtDMD *);
PETSC_EXTERN PetscErrorCode HtDMDSetType(HtDMD, HtDMDType);
PETSC_EXTERN PetscErrorCode HtDMDGetType(HtDMD, HtDMDType *);
PETSC_EXTERN PetscErrorCode HtDMDSetOptionsPrefix(HtDMD, const char[]);
PETSC_EXTERN PetscErrorCode HtDMDAppendOptionsPrefix(HtDMD, const char[]);
PETSC_EXTERN PetscErrorCode HtDMDGetOptionsPrefix(HtDMD, const char *[]);
PETSC_EXTERN PetscErrorCode HtDMDSetRank(HtDMD, PetscInt);
PETSC_EXTERN PetscErrorCode HtDMDGetRank(HtDMD, PetscInt *);
PETSC_EXTERN PetscErrorCode HtDMDSetTolerance(HtDMD, PetscReal);
PETSC_EXTERN PetscErrorCode HtDMDGetTolerance(HtDMD, PetscReal *);
PETSC_EXTERN PetscErrorCode HtDMDSetTimeStep(HtDMD, PetscReal);
PETSC_EXTERN PetscErrorCode HtDMDGetTimeStep(HtDMD, PetscReal *);
PETSC_EXTERN PetscErrorCode HtDMDSetFromOptions(HtDMD);
PETSC_EXTERN PetscErrorCode HtDMDSetUp(HtDMD);
PETSC_EXTERN PetscErrorCode HtDMDFit(HtDMD, HtTensor);
PETSC_EXTERN PetscErrorCode HtDMDPartialFit(HtDMD, HtTensor);
PETSC_EXTERN PetscErrorCode HtDMDPredict(HtDMD, HtTensor, PetscInt, HtTensor *);
PETSC_EXTERN PetscErrorCode HtDMDGetEigenvalues(HtDMD, HtTensor *);
PETSC_EXTERN PetscErrorCode HtDMDGetContinuousEigenvalues(HtDMD, HtTensor *);
PETSC_EXTERN PetscErrorCode HtDMDGetModes(HtDMD, HtTensor *);
PETSC_EXTERN PetscErrorCode HtDMDGetAmplitudes(HtDMD, HtTensor *);
PETSC_EXTERN PetscErrorCode HtDMDGetSingularValues(HtDMD, HtTensor *);
PETSC_EXTERN PetscErrorCode HtDMDGetNumSnapshots(HtDMD, PetscInt *);
PETSC_EXTERN PetscErrorCode HtDMDGetConvergedReason(HtDMD, HtDMDConvergedReason *);
PETSC_EXTERN PetscErrorCode HtDMDConvergedReasonView(HtDMD, PetscViewer);
PETSC_EXTERN PetscErrorCode HtDMDConvergedReasonViewFromOptions(HtDMD);
PETSC_EXTERN PetscErrorCode HtDMDView(HtDMD, PetscViewer);
PETSC_EXTERN PetscErrorCode HtDMDViewFromOptions(HtDMD, PetscObject, const char[]);
PETSC_EXTERN PetscErrorCode HtDMDLoad(HtDMD, PetscViewer);
PETSC_EXTERN PetscErrorCode HtDMDReset(HtDMD);
PETSC_EXTERN PetscErrorCode HtDMDDestroy(HtDMD *);

/*S
   HtDMDMonitorFn - the calling sequence of a monitor of `HtDMDMonitorSet()`

$  PetscErrorCode monitor(HtDMD dmd, PetscInt snapshots, PetscInt rank, PetscReal leading, void *ctx)

+  dmd - the DMD object
.  snapshots - the number of snapshots folded in so far
.  rank - the rank of the model
.  leading - the modulus of the leading eigenvalue
-  ctx - the context given to `HtDMDMonitorSet()`

   Level: intermediate

.seealso: `HtDMDMonitorSet()`, `HtDMDMonitorDefault()`
S*/
typedef PetscErrorCode (*HtDMDMonitorFn)(HtDMD, PetscInt, PetscInt, PetscReal, void *);

PETSC_EXTERN PetscErrorCode HtDMDMonitorSet(HtDMD, HtDMDMonitorFn, void *, PetscErrorCode (*)(void **));
PETSC_EXTERN PetscErrorCode HtDMDMonitorCancel(HtDMD);
PETSC_EXTERN PetscErrorCode HtDMDMonitor(HtDMD, PetscInt, PetscInt, PetscReal);
PETSC_EXTERN PetscErrorCode HtDMDMonitorDefault(HtDMD, PetscInt, PetscInt, PetscReal, PetscViewerAndFormat *);
PETSC_EXTERN PetscErrorCode HtDMDMonitorDrawLG(HtDMD, PetscInt, PetscInt, PetscReal, PetscViewerAndFormat *);

/* type-specific */
PETSC_EXTERN PetscErrorCode HtDMDStreamingSetMaxRank(HtDMD, PetscInt);
PETSC_EXTERN PetscErrorCode HtDMDStreamingGetMaxRank(HtDMD, PetscInt *);
