/*
   Heat for PETSc: HtCluster, clustering algorithms selected at run time
   (-ht_cluster_type kmeans | kmedians | kmedoids | batchkmeans | spectral).
*/
#pragma once

#include <heattensor.h>

/*S
   HtCluster - a clustering algorithm: fit it to a data tensor (samples x features,
   split along the samples), then read its centers, labels and inertia, or
   predict the clusters of new samples

   Level: beginner

.seealso: `HtClusterCreate()`, `HtClusterSetType()`, `HtClusterFit()`
S*/
typedef struct _p_HtCluster *HtCluster;

/*J
   HtClusterType - the clustering algorithm

$  HTCLUSTERKMEANS      - Lloyd's k-means
$  HTCLUSTERKMEDIANS    - k-medians (L1 distance, per-feature medians)
$  HTCLUSTERKMEDOIDS    - k-medoids (centers are data points)
$  HTCLUSTERBATCHKMEANS - batch-parallel k-means (local k-means per rank, merged)
$  HTCLUSTERSPECTRAL    - spectral clustering on a sparse affinity graph

   Level: beginner

.seealso: `HtClusterSetType()`
J*/
typedef const char *HtClusterType;
#define HTCLUSTERKMEANS      "kmeans"
#define HTCLUSTERKMEDIANS    "kmedians"
#define HTCLUSTERKMEDOIDS    "kmedoids"
#define HTCLUSTERBATCHKMEANS "batchkmeans"
#define HTCLUSTERSPECTRAL    "spectral"

/*E
   HtClusterInitType - how the initial centers are chosen

$  HT_CLUSTER_INIT_RANDOM         - K samples drawn at random (weighted by the sample weights)
$  HT_CLUSTER_INIT_KMEANSPP       - greedy k-means++ (2 + log K trials per center)
$  HT_CLUSTER_INIT_KMEANSPARALLEL - k-means|| (Bahmani et al.): oversampling rounds, then weighted k-means++
$  HT_CLUSTER_INIT_USER           - centers given by `HtClusterSetInitialCenters()` or -ht_cluster_init_centers

   Level: beginner

.seealso: `HtClusterSetInitType()`
E*/
typedef enum {
  HT_CLUSTER_INIT_RANDOM,
  HT_CLUSTER_INIT_KMEANSPP,
  HT_CLUSTER_INIT_KMEANSPARALLEL,
  HT_CLUSTER_INIT_USER
} HtClusterInitType;
PETSC_EXTERN const char *const HtClusterInitTypes[];

/*E
   HtClusterConvergedReason - why a fit stopped

$  HT_CLUSTER_CONVERGED_TOL       - the squared center shift fell below tol (relative to the data variance)
$  HT_CLUSTER_CONVERGED_LABELS    - no sample changed its cluster
$  HT_CLUSTER_CONVERGED_DIRECT    - a non-iterative algorithm finished
$  HT_CLUSTER_CONVERGED_ITERATING - still iterating
$  HT_CLUSTER_DIVERGED_ITS        - the maximum number of iterations was reached

   Level: beginner

.seealso: `HtClusterGetConvergedReason()`
E*/
typedef enum {
  HT_CLUSTER_CONVERGED_TOL       = 2,
  HT_CLUSTER_CONVERGED_LABELS    = 3,
  HT_CLUSTER_CONVERGED_DIRECT    = 4,
  HT_CLUSTER_CONVERGED_ITERATING = 0,
  HT_CLUSTER_DIVERGED_ITS        = -3
} HtClusterConvergedReason;
PETSC_EXTERN const char *const *HtClusterConvergedReasons;

PETSC_EXTERN PetscClassId      HT_CLUSTER_CLASSID;
PETSC_EXTERN PetscFunctionList HtClusterList;

PETSC_EXTERN PetscErrorCode HtClusterInitializePackage(void);
PETSC_EXTERN PetscErrorCode HtClusterFinalizePackage(void);
PETSC_EXTERN PetscErrorCode HtClusterRegister(const char[], PetscErrorCode (*)(HtCluster));

PETSC_EXTERN PetscErrorCode HtClusterCreate(MPI_Comm, HtCluster *);
PETSC_EXTERN PetscErrorCode HtClusterSetType(HtCluster, HtClusterType);
PETSC_EXTERN PetscErrorCode HtClusterGetType(HtCluster, HtClusterType *);
PETSC_EXTERN PetscErrorCode HtClusterSetOptionsPrefix(HtCluster, const char[]);
PETSC_EXTERN PetscErrorCode HtClusterAppendOptionsPrefix(HtCluster, const char[]);
PETSC_EXTERN PetscErrorCode HtClusterGetOptionsPrefix(HtCluster, const char *[]);
PETSC_EXTERN PetscErrorCode HtClusterSetNumClusters(HtCluster, PetscInt);
PETSC_EXTERN PetscErrorCode HtClusterGetNumClusters(HtCluster, PetscInt *);
PETSC_EXTERN PetscErrorCode HtClusterSetInitType(HtCluster, HtClusterInitType);
PETSC_EXTERN PetscErrorCode HtClusterGetInitType(HtCluster, HtClusterInitType *);
PETSC_EXTERN PetscErrorCode HtClusterSetInitialCenters(HtCluster, HtTensor);
PETSC_EXTERN PetscErrorCode HtClusterSetTolerances(HtCluster, PetscReal, PetscInt);
PETSC_EXTERN PetscErrorCode HtClusterGetTolerances(HtCluster, PetscReal *, PetscInt *);
PETSC_EXTERN PetscErrorCode HtClusterSetSeed(HtCluster, PetscInt64);
PETSC_EXTERN PetscErrorCode HtClusterGetSeed(HtCluster, PetscInt64 *);
PETSC_EXTERN PetscErrorCode HtClusterSetSampleWeights(HtCluster, HtTensor);
PETSC_EXTERN PetscErrorCode HtClusterSetFromOptions(HtCluster);
PETSC_EXTERN PetscErrorCode HtClusterSetUp(HtCluster);
PETSC_EXTERN PetscErrorCode HtClusterFit(HtCluster, HtTensor);
PETSC_EXTERN PetscErrorCode HtClusterFitWeighted(HtCluster, HtTensor, HtTensor);
PETSC_EXTERN PetscErrorCode HtClusterPredict(HtCluster, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtClusterFitPredict(HtCluster, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtClusterTransform(HtCluster, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtClusterGetCenters(HtCluster, HtTensor *);
PETSC_EXTERN PetscErrorCode HtClusterGetLabels(HtCluster, HtTensor *);
PETSC_EXTERN PetscErrorCode HtClusterGetInertia(HtCluster, PetscReal *);
PETSC_EXTERN PetscErrorCode HtClusterGetIterationNumber(HtCluster, PetscInt *);
PETSC_EXTERN PetscErrorCode HtClusterGetConvergedReason(HtCluster, HtClusterConvergedReason *);
PETSC_EXTERN PetscErrorCode HtClusterConvergedReasonView(HtCluster, PetscViewer);
PETSC_EXTERN PetscErrorCode HtClusterConvergedReasonViewFromOptions(HtCluster);
PETSC_EXTERN PetscErrorCode HtClusterView(HtCluster, PetscViewer);
PETSC_EXTERN PetscErrorCode HtClusterViewFromOptions(HtCluster, PetscObject, const char[]);
PETSC_EXTERN PetscErrorCode HtClusterLoad(HtCluster, PetscViewer);
PETSC_EXTERN PetscErrorCode HtClusterReset(HtCluster);
PETSC_EXTERN PetscErrorCode HtClusterDestroy(HtCluster *);

/*S
   HtClusterMonitorFn - the calling sequence of a monitor of `HtClusterMonitorSet()`

$  PetscErrorCode monitor(HtCluster cl, PetscInt it, PetscReal inertia, PetscReal shift, void *ctx)

+  cl - the clustering object
.  it - the iteration (1 is the first)
.  inertia - the objective after this iteration's assignment
.  shift - the squared center shift of this iteration
-  ctx - the context given to `HtClusterMonitorSet()`

   Level: intermediate

.seealso: `HtClusterMonitorSet()`, `HtClusterMonitorDefault()`
S*/
typedef PetscErrorCode (*HtClusterMonitorFn)(HtCluster, PetscInt, PetscReal, PetscReal, void *);

PETSC_EXTERN PetscErrorCode HtClusterMonitorSet(HtCluster, HtClusterMonitorFn, void *, PetscErrorCode (*)(void **));
PETSC_EXTERN PetscErrorCode HtClusterMonitorCancel(HtCluster);
PETSC_EXTERN PetscErrorCode HtClusterMonitor(HtCluster, PetscInt, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode HtClusterMonitorDefault(HtCluster, PetscInt, PetscReal, PetscReal, PetscViewerAndFormat *);
PETSC_EXTERN PetscErrorCode HtClusterMonitorDrawLG(HtCluster, PetscInt, PetscReal, PetscReal, PetscViewerAndFormat *);

/* type-specific */
PETSC_EXTERN PetscErrorCode HtClusterBatchKMeansSetMergeFanIn(HtCluster, PetscInt);
PETSC_EXTERN PetscErrorCode HtClusterBatchKMeansSetBatches(HtCluster, PetscInt);
PETSC_EXTERN PetscErrorCode HtClusterKMedoidsSetCandidates(HtCluster, PetscInt);
PETSC_EXTERN PetscErrorCode HtClusterKMedoidsGetCandidates(HtCluster, PetscInt *);
PETSC_EXTERN PetscErrorCode HtClusterSpectralSetAffinity(HtCluster, const char[], PetscInt, PetscReal);
PETSC_EXTERN PetscErrorCode HtClusterSpectralGetInnerCluster(HtCluster, HtCluster *);
PETSC_EXTERN PetscErrorCode HtClusterSpectralSetRadius(HtCluster, PetscReal);
PETSC_EXTERN PetscErrorCode HtClusterSpectralGetEigenvalues(HtCluster, PetscInt *, const PetscReal *[]);
