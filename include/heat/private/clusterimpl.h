/*
   Private data structure of HtCluster and helpers shared by its types.
*/
#pragma once

#include <heatcluster.h>
#include <heat/private/tensorimpl.h>
#include <heat/private/kernelimpl.h>

PETSC_EXTERN PetscLogEvent HT_CLUSTER_SetUp, HT_CLUSTER_Fit, HT_CLUSTER_Predict, HT_CLUSTER_Init;

#define HT_CLUSTER_MAX_MONITORS 5

typedef struct _HtClusterOps *HtClusterOps;
struct _HtClusterOps {
  PetscErrorCode (*setfromoptions)(HtCluster, PetscOptionItems *);
  PetscErrorCode (*setup)(HtCluster);
  PetscErrorCode (*fit)(HtCluster, HtTensor);
  PetscErrorCode (*predict)(HtCluster, HtTensor, HtTensor); /* labels of new samples (HT_INT, layout of X) */
  PetscErrorCode (*transform)(HtCluster, HtTensor, HtTensor); /* distances to the centers */
  PetscErrorCode (*view)(HtCluster, PetscViewer);
  PetscErrorCode (*reset)(HtCluster);
  PetscErrorCode (*destroy)(HtCluster);
};

struct _p_HtCluster {
  PETSCHEADER(struct _HtClusterOps);
  /* parameters */
  PetscInt          k;        /* number of clusters */
  HtClusterInitType init;
  PetscReal         tol;      /* relative to the mean feature variance, as scikit-learn */
  PetscInt          max_it;
  PetscInt64        seed;
  HtTensor          initcenters; /* user centers (K x F) */
  HtTensor          weights;     /* sample weights (N), split 0 like X, or NULL */
  PetscBool         setupcalled;
  /* results */
  HtTensor                 centers; /* K x F, replicated */
  HtTensor                 labels;  /* N, HT_INT, split 0 like X */
  PetscReal                inertia;
  PetscInt                 its;
  HtClusterConvergedReason reason;
  PetscBool                fitted;
  /* monitors */
  PetscErrorCode (*monitor[HT_CLUSTER_MAX_MONITORS])(HtCluster, PetscInt, PetscReal, PetscReal, void *);
  PetscErrorCode (*monitordestroy[HT_CLUSTER_MAX_MONITORS])(void **);
  void    *monitorcontext[HT_CLUSTER_MAX_MONITORS];
  PetscInt numbermonitors;
  void    *data; /* type-specific */
};

PETSC_INTERN PetscErrorCode HtClusterCheckData_Private(HtCluster, HtTensor);
PETSC_INTERN PetscErrorCode HtClusterCheckWeights_Private(HtCluster, HtTensor, HtTensor);
PETSC_INTERN PetscErrorCode HtClusterGetWeightsArray_Private(HtCluster, HtTensor, const PetscScalar **);
PETSC_INTERN PetscErrorCode HtClusterRestoreWeightsArray_Private(HtCluster, const PetscScalar **);
PETSC_INTERN PetscErrorCode HtClusterInitialCenters_Private(HtCluster, HtTensor, PetscScalar *);
PETSC_INTERN PetscErrorCode HtClusterSetResults_Private(HtCluster, HtTensor, const PetscScalar *, PetscInt);
PETSC_INTERN PetscErrorCode HtClusterTolerance_Private(HtCluster, HtTensor, PetscReal *);
PETSC_INTERN PetscErrorCode HtClusterCreateLabels_Private(HtTensor, HtTensor *);

/*
   the samples of one rank: m rows of f features (row-major) starting at global row rstart of n, weights w
   (NULL: unit weights), shared with the other ranks of comm (PETSC_COMM_SELF: samples that one rank holds
   alone, such as a batch of batchkmeans); xnorm is work space of the initializations (NULL elsewhere)
*/
typedef struct {
  MPI_Comm           comm;
  PetscInt           m, f, rstart, n;
  const PetscScalar *x, *w;
  PetscReal         *xnorm;
} HtSamples;
PETSC_INTERN PetscErrorCode HtClusterGetSamples_Private(HtCluster, HtTensor, HtSamples *);
PETSC_INTERN PetscErrorCode HtClusterRestoreSamples_Private(HtCluster, HtTensor, HtSamples *);
PETSC_INTERN PetscErrorCode HtSamplesInitialCenters_Private(const HtSamples *, HtClusterInitType, PetscInt, PetscInt64, PetscScalar *);
PETSC_INTERN PetscErrorCode HtSamplesLloyd_Private(HtCluster, const HtSamples *, PetscReal, PetscBool, PetscScalar *, PetscInt *, PetscScalar *, PetscInt *, HtClusterConvergedReason *);

/* operations shared with the types that derive from kmeans */
PETSC_INTERN PetscErrorCode HtClusterPredict_KMeans(HtCluster, HtTensor, HtTensor);
PETSC_INTERN PetscErrorCode HtClusterTransform_KMeans(HtCluster, HtTensor, HtTensor);

/* squared Euclidean distances of local rows to K centers, by chunks with one GEMM each (no N x K matrix) */
typedef struct {
  PetscInt     k, f, chunk;
  PetscScalar *cnorm; /* ||c||^2, K */
  PetscScalar *g;     /* chunk x K products */
} HtDistanceWork;
PETSC_INTERN PetscErrorCode HtDistanceWorkCreate(PetscInt, PetscInt, HtDistanceWork *);
PETSC_INTERN PetscErrorCode HtDistanceWorkDestroy(HtDistanceWork *);
PETSC_INTERN PetscErrorCode HtDistanceChunk(HtDistanceWork *, const PetscScalar *, PetscInt, const PetscScalar *, PetscBool);
/*
   the nearest of K centers for blocks of rows, by a register-blocked kernel (src/ml/cluster/interface/clusternearest.c):
   its blocks of rows and of centers (sized per x86-64 level) divide HT_NEAREST_ROWS and HT_NEAREST_LANES, the units
   in which the last rows and the centers are padded
*/
#define HT_NEAREST_ROWS  8
#define HT_NEAREST_LANES 8
#define HT_NEAREST_PREFETCH 8   /* blocks of rows (of the kernel's width) ahead that the kernel prefetches */
#define HT_NEAREST_CHUNK 256 /* rows given to HtNearestCenters() at a time, then used further while in cache */
typedef struct _n_HtNearestWork {
  PetscInt           k, f, kpad; /* kpad: K rounded up to a multiple of HT_NEAREST_LANES */
  PetscReal         *ct;         /* F x kpad: the centers transposed, zero-padded */
  PetscReal         *chalf;      /* kpad: -||c||^2 / 2, -inf for the padding */
  const PetscScalar *c;          /* K x F: the centers (not a copy) */
  PetscScalar       *xpad;       /* HT_NEAREST_ROWS x F: the last rows of a block, zero-padded */
  PetscScalar       *acc;        /* K (F + 1): weighted sums of the rows (K x F), then their weights (K) */
  /* the kernel for this machine (include/heat/private/kernels/nearest.h) */
  void (*kernel)(const struct _n_HtNearestWork *, PetscInt, PetscInt, const PetscScalar *, const PetscScalar *, PetscInt *, PetscReal *, PetscBool, PetscReal *);
} HtNearestWork;
PETSC_INTERN PetscErrorCode HtNearestWorkCreate(PetscInt, PetscInt, HtNearestWork *);
PETSC_INTERN PetscErrorCode HtNearestWorkSetCenters(HtNearestWork *, const PetscScalar *);
PETSC_INTERN PetscErrorCode HtNearestWorkDestroy(HtNearestWork *);
PETSC_INTERN PetscErrorCode HtNearestCenters(HtNearestWork *, PetscInt, const PetscScalar *, PetscInt[], PetscReal[]);
PETSC_INTERN PetscErrorCode HtNearestCentersExact(HtNearestWork *, PetscInt, const PetscScalar *, const PetscScalar *, PetscInt[], PetscReal[], PetscBool, PetscReal *);
PETSC_INTERN PetscErrorCode HtNearestWorkZeroSums(HtNearestWork *);
PETSC_INTERN void           HtNearestWorkMoveRows(HtNearestWork *, PetscInt, const PetscScalar *, const PetscScalar *, const PetscInt[], PetscInt[], PetscInt *);
PETSC_INTERN PetscErrorCode HtNearestWorkGetSums(const HtNearestWork *, PetscScalar *, PetscScalar *);
PETSC_INTERN PetscErrorCode HtClusterAssign_Private(HtTensor, const PetscScalar *, PetscInt, PetscInt *, PetscReal *);
PETSC_INTERN PetscErrorCode HtClusterAssignWeighted_Private(HtTensor, const PetscScalar *, const PetscScalar *, PetscInt, PetscInt *, PetscReal *);
PETSC_INTERN PetscErrorCode HtClusterTypeRegisterAll(void);

/*
   Distances computed directly, feature by feature in order (no expansion): the same value on any number of
   ranks and an exact zero at a center, for the types whose centers are medians or data points
*/
typedef enum {
  HT_METRIC_EUCLIDEAN,
  HT_METRIC_MANHATTAN
} HtClusterMetric;

/* d[q], q < n: the distance of the row x of f features to the centers ct transposed with leading dimension ld */
static inline void HtMetricRow(HtClusterMetric metric, PetscInt f, PetscInt n, PetscInt ld, const PetscReal *PETSC_RESTRICT ct, const PetscScalar *PETSC_RESTRICT x, PetscReal *PETSC_RESTRICT d)
{
  for (PetscInt q = 0; q < n; q++) d[q] = 0;
  if (metric == HT_METRIC_MANHATTAN) {
    for (PetscInt j = 0; j < f; j++) {
      const PetscReal  xj = PetscRealPart(x[j]);
      const PetscReal *c  = ct + j * ld;

      for (PetscInt q = 0; q < n; q++) d[q] += PetscAbsReal(xj - c[q]);
    }
  } else {
    for (PetscInt j = 0; j < f; j++) {
      const PetscReal  xj = PetscRealPart(x[j]);
      const PetscReal *c  = ct + j * ld;

      for (PetscInt q = 0; q < n; q++) d[q] += (xj - c[q]) * (xj - c[q]);
    }
    for (PetscInt q = 0; q < n; q++) d[q] = PetscSqrtReal(d[q]);
  }
}
PETSC_INTERN PetscErrorCode HtClusterAssignMetric_Private(HtTensor, const PetscScalar *, HtClusterMetric, const PetscScalar *, PetscInt, PetscInt *, PetscScalar *, PetscReal *);
PETSC_INTERN PetscErrorCode HtClusterPredictMetric_Private(HtCluster, HtTensor, HtTensor, HtClusterMetric);
PETSC_INTERN PetscErrorCode HtClusterTransformMetric_Private(HtCluster, HtTensor, HtTensor, HtClusterMetric);

/*
   HtTopList - the cap pairs (key, global sample index) with the largest keys pushed on one rank, by decreasing key,
   equal keys by increasing index (push the samples in increasing index order); HtTopListsMerge_Private() makes
   them the global lists, the same on every rank whatever the number of ranks
*/
typedef struct {
  PetscInt   n, cap;
  PetscReal *key;
  PetscInt  *index;
} HtTopList;

static inline void HtTopListPush(HtTopList *t, PetscReal key, PetscInt index)
{
  PetscInt j;

  if (t->n == t->cap && key <= t->key[t->n - 1]) return;
  j = t->n < t->cap ? t->n++ : t->n - 1;
  for (; j > 0 && t->key[j - 1] < key; j--) {
    t->key[j]   = t->key[j - 1];
    t->index[j] = t->index[j - 1];
  }
  t->key[j]   = key;
  t->index[j] = index;
}
PETSC_INTERN PetscErrorCode HtTopListsCreate_Private(PetscInt, PetscInt, HtTopList **);
PETSC_INTERN PetscErrorCode HtTopListsDestroy_Private(HtTopList **);
PETSC_INTERN PetscErrorCode HtTopListsMerge_Private(MPI_Comm, PetscInt, HtTopList *);
PETSC_INTERN PetscErrorCode HtSamplesGetRows_Private(const HtSamples *, const PetscInt *, PetscInt, const PetscInt[], PetscScalar[]);
PETSC_INTERN PetscErrorCode HtSamplesRelocateEmpty_Private(const HtSamples *, HtTopList *, PetscInt, const PetscReal[], PetscInt *, PetscInt[], PetscScalar[], PetscInt *);
