/*
   Heat for PETSc: HtPCA, principal component analysis selected at run time
   (-ht_pca_type gram | svd | randomized | hierarchical | incremental).
*/
#pragma once

#include <heattensor.h>
#include <slepcsvd.h>

/*S
   HtPCA - principal component analysis: fit it to a data tensor (samples x features, split along the samples),
   then read its components and explained variances, or project data on the components

   Level: beginner

.seealso: `HtPCACreate()`, `HtPCASetType()`, `HtPCAFit()`, `HtPCATransform()`
S*/
typedef struct _p_HtPCA *HtPCA;

/*J
   HtPCAType - how the principal components are computed

$  HTPCAGRAM         - eigenvectors of the scatter matrix formed in one pass (tall data, up to a few thousand features)
$  HTPCASVD          - SLEPc's SVD of the implicitly centered data (wide data, few components)
$  HTPCARANDOMIZED   - randomized range finder (Halko, Martinsson and Tropp) with power iterations
$  HTPCAHIERARCHICAL - truncated SVDs of the ranks' blocks merged up a tree (very tall data)
$  HTPCAINCREMENTAL  - batches of samples folded into a running SVD (data larger than memory)

   Level: beginner

.seealso: `HtPCASetType()`
J*/
typedef const char *HtPCAType;
#define HTPCAGRAM         "gram"
#define HTPCASVD          "svd"
#define HTPCARANDOMIZED   "randomized"
#define HTPCAHIERARCHICAL "hierarchical"
#define HTPCAINCREMENTAL  "incremental"

/*E
   HtPCAConvergedReason - how a fit ended

$  HT_PCA_CONVERGED_DIRECT    - a direct factorization finished
$  HT_PCA_CONVERGED_TOL       - the inner SLEPc solver converged to its tolerance
$  HT_PCA_CONVERGED_ITS       - the prescribed number of power iterations (randomized) or batches (incremental) was done
$  HT_PCA_CONVERGED_ITERATING - still fitting

   Level: beginner

.seealso: `HtPCAGetConvergedReason()`
E*/
typedef enum {
  HT_PCA_CONVERGED_DIRECT    = 1,
  HT_PCA_CONVERGED_TOL       = 2,
  HT_PCA_CONVERGED_ITS       = 3,
  HT_PCA_CONVERGED_ITERATING = 0
} HtPCAConvergedReason;
PETSC_EXTERN const char *const *HtPCAConvergedReasons;

PETSC_EXTERN PetscClassId      HT_PCA_CLASSID;
PETSC_EXTERN PetscFunctionList HtPCAList;

PETSC_EXTERN PetscErrorCode HtPCAInitializePackage(void);
PETSC_EXTERN PetscErrorCode HtPCAFinalizePackage(void);
PETSC_EXTERN PetscErrorCode HtPCARegister(const char[], PetscErrorCode (*)(HtPCA));

PETSC_EXTERN PetscErrorCode HtPCACreate(MPI_Comm, HtPCA *);
PETSC_EXTERN PetscErrorCode HtPCASetType(HtPCA, HtPCAType);
PETSC_EXTERN PetscErrorCode HtPCAGetType(HtPCA, HtPCAType *);
PETSC_EXTERN PetscErrorCode HtPCASetOptionsPrefix(HtPCA, const char[]);
PETSC_EXTERN PetscErrorCode HtPCAAppendOptionsPrefix(HtPCA, const char[]);
PETSC_EXTERN PetscErrorCode HtPCAGetOptionsPrefix(HtPCA, const char *[]);
PETSC_EXTERN PetscErrorCode HtPCASetNumComponents(HtPCA, PetscInt);
PETSC_EXTERN PetscErrorCode HtPCAGetNumComponents(HtPCA, PetscInt *);
PETSC_EXTERN PetscErrorCode HtPCASetVarianceFraction(HtPCA, PetscReal);
PETSC_EXTERN PetscErrorCode HtPCAGetVarianceFraction(HtPCA, PetscReal *);
PETSC_EXTERN PetscErrorCode HtPCASetWhiten(HtPCA, PetscBool);
PETSC_EXTERN PetscErrorCode HtPCAGetWhiten(HtPCA, PetscBool *);
PETSC_EXTERN PetscErrorCode HtPCASetSeed(HtPCA, PetscInt64);
PETSC_EXTERN PetscErrorCode HtPCASetFromOptions(HtPCA);
PETSC_EXTERN PetscErrorCode HtPCASetUp(HtPCA);
PETSC_EXTERN PetscErrorCode HtPCAFit(HtPCA, HtTensor);
PETSC_EXTERN PetscErrorCode HtPCAPartialFit(HtPCA, HtTensor);
PETSC_EXTERN PetscErrorCode HtPCAFitFile(HtPCA, const char[], const char[], PetscInt);
PETSC_EXTERN PetscErrorCode HtPCATransform(HtPCA, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtPCAInverseTransform(HtPCA, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtPCAFitTransform(HtPCA, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtPCAGetComponents(HtPCA, HtTensor *);
PETSC_EXTERN PetscErrorCode HtPCAGetExplainedVariance(HtPCA, HtTensor *);
PETSC_EXTERN PetscErrorCode HtPCAGetExplainedVarianceRatio(HtPCA, HtTensor *);
PETSC_EXTERN PetscErrorCode HtPCAGetSingularValues(HtPCA, HtTensor *);
PETSC_EXTERN PetscErrorCode HtPCAGetMean(HtPCA, HtTensor *);
PETSC_EXTERN PetscErrorCode HtPCAGetNoiseVariance(HtPCA, PetscReal *);
PETSC_EXTERN PetscErrorCode HtPCAGetNumSamplesSeen(HtPCA, PetscInt *);
PETSC_EXTERN PetscErrorCode HtPCAGetIterationNumber(HtPCA, PetscInt *);
PETSC_EXTERN PetscErrorCode HtPCAGetConvergedReason(HtPCA, HtPCAConvergedReason *);
PETSC_EXTERN PetscErrorCode HtPCAConvergedReasonView(HtPCA, PetscViewer);
PETSC_EXTERN PetscErrorCode HtPCAConvergedReasonViewFromOptions(HtPCA);
PETSC_EXTERN PetscErrorCode HtPCAView(HtPCA, PetscViewer);
PETSC_EXTERN PetscErrorCode HtPCAViewFromOptions(HtPCA, PetscObject, const char[]);
PETSC_EXTERN PetscErrorCode HtPCALoad(HtPCA, PetscViewer);
PETSC_EXTERN PetscErrorCode HtPCAReset(HtPCA);
PETSC_EXTERN PetscErrorCode HtPCADestroy(HtPCA *);

/*S
   HtPCAMonitorFn - the calling sequence of a monitor of `HtPCAMonitorSet()`

$  PetscErrorCode monitor(HtPCA pca, PetscInt it, PetscReal explained, PetscReal change, void *ctx)

+  pca - the PCA object
.  it - the iteration (power iteration of the randomized type, batch of the incremental type; 1 is the first)
.  explained - the variance explained by the components found so far
.  change - the largest relative change of their singular values in this iteration
-  ctx - the context given to `HtPCAMonitorSet()`

   Level: intermediate

.seealso: `HtPCAMonitorSet()`, `HtPCAMonitorDefault()`
S*/
typedef PetscErrorCode (*HtPCAMonitorFn)(HtPCA, PetscInt, PetscReal, PetscReal, void *);

PETSC_EXTERN PetscErrorCode HtPCAMonitorSet(HtPCA, HtPCAMonitorFn, void *, PetscErrorCode (*)(void **));
PETSC_EXTERN PetscErrorCode HtPCAMonitorCancel(HtPCA);
PETSC_EXTERN PetscErrorCode HtPCAMonitor(HtPCA, PetscInt, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode HtPCAMonitorDefault(HtPCA, PetscInt, PetscReal, PetscReal, PetscViewerAndFormat *);
PETSC_EXTERN PetscErrorCode HtPCAMonitorDrawLG(HtPCA, PetscInt, PetscReal, PetscReal, PetscViewerAndFormat *);

/* type-specific */
PETSC_EXTERN PetscErrorCode HtPCAGetSVD(HtPCA, SVD *);
PETSC_EXTERN PetscErrorCode HtPCARandomizedSetOversamples(HtPCA, PetscInt);
PETSC_EXTERN PetscErrorCode HtPCARandomizedSetPowerIterations(HtPCA, PetscInt);
PETSC_EXTERN PetscErrorCode HtPCAHierarchicalSetTruncation(HtPCA, PetscInt, PetscReal);
PETSC_EXTERN PetscErrorCode HtPCAHierarchicalGetErrorBound(HtPCA, PetscReal *);
PETSC_EXTERN PetscErrorCode HtPCAIncrementalSetBatchRows(HtPCA, PetscInt);
