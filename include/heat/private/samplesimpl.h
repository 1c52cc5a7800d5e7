/*
   The tensor layer's interface for the ML classes: the local samples of a data tensor (HtSamples), the few
   collective helpers through which an algorithm combines what the ranks computed, the distance kernels of
   the tensor's back end (HtPoints), and the reading of datasets from an HDF5 viewer (model files). The ML layer (src/ml) makes no MPI call and reads no field of a tensor: it
   reads its local rows from an HtSamples, computes partial results, and combines them with the functions below.

   Every function that takes an HtSamples is collective on s->comm (PETSC_COMM_SELF for samples that one rank holds
   alone, such as a batch of batchkmeans: the helpers then only copy).
*/
#pragma once

#include <heattensor.h>

/*S
   HtSamples - the local rows of a data tensor X (samples x features, split along the samples) and their weights

   Fields (read only):
+  comm - the communicator that shares the samples
.  m, f - the number of local samples and of features
.  rstart, n - the global index of the first local sample, and the global number of samples
.  x - the local samples, m x f, row-major
.  w - their weights, or NULL for unit weights
-  backend - the tensor whose back end runs the kernels (`HtPoints`) on these rows

   Level: developer
S*/
typedef struct {
  MPI_Comm           comm;
  PetscInt           m, f, rstart, n;
  const PetscScalar *x, *w;
  HtTensor           backend;
} HtSamples;

PETSC_INTERN PetscErrorCode HtTensorGetSamples(HtTensor, HtTensor, HtSamples *);
PETSC_INTERN PetscErrorCode HtTensorRestoreSamples(HtTensor, HtTensor, HtSamples *);
PETSC_INTERN PetscErrorCode HtSamplesCreateLocal(const HtSamples *, PetscInt, const PetscScalar *, const PetscScalar *, HtSamples *);
PETSC_INTERN PetscErrorCode HtCommGetRank(MPI_Comm, PetscMPIInt *, PetscMPIInt *);

/* sums of partials in rank order, extremes, prefix sums */
PETSC_INTERN PetscErrorCode HtSamplesSumScalar(const HtSamples *, PetscInt, PetscScalar[]);
PETSC_INTERN PetscErrorCode HtSamplesSumReal(const HtSamples *, PetscInt, PetscReal[]);
PETSC_INTERN PetscErrorCode HtSamplesMaxReal(const HtSamples *, PetscInt, PetscReal[]);
typedef enum {
  HT_SAMPLES_SUM,
  HT_SAMPLES_MAX,
  HT_SAMPLES_MIN
} HtSamplesOp;
PETSC_INTERN PetscErrorCode HtSamplesReduceInt(const HtSamples *, HtSamplesOp, PetscInt, PetscInt[]);
PETSC_INTERN PetscErrorCode HtSamplesExscanReal(const HtSamples *, PetscReal, PetscReal *);

/* products of the centered samples with small dense blocks (src/tensor/interface/samplesproducts.c) */
PETSC_INTERN PetscErrorCode HtSamplesScatter(const HtSamples *, PetscReal[], PetscReal[]);
PETSC_INTERN PetscErrorCode HtSamplesScatterTarget(const HtSamples *, const PetscScalar[], PetscReal[], PetscReal[]);
PETSC_INTERN PetscErrorCode HtSamplesBlockProduct(const HtSamples *, const PetscScalar[], PetscInt, PetscInt, const PetscScalar[], PetscScalar[], PetscScalar[]);
PETSC_INTERN PetscErrorCode HtSamplesBlockUpdate(const HtSamples *, const PetscScalar[], PetscInt, PetscInt, const PetscScalar[], PetscScalar[]);
PETSC_INTERN PetscErrorCode HtTensorColumnMoments(HtTensor, PetscScalar[], PetscReal *);
PETSC_INTERN PetscErrorCode HtSamplesCenteredProduct(const HtSamples *, const PetscScalar[], PetscInt, const PetscScalar[], PetscScalar[]);
PETSC_INTERN PetscErrorCode HtSamplesCenteredTransposeProduct(const HtSamples *, const PetscScalar[], PetscInt, const PetscScalar[], PetscScalar[]);

/* the per-sample loops of the ML models, kernels of the back end (src/tensor/interface/samplesmodels.c) */
PETSC_INTERN PetscErrorCode HtSamplesLogisticLoss(const HtSamples *, PetscInt, const PetscScalar[], const PetscInt[], PetscBool, PetscScalar[]);
PETSC_INTERN PetscErrorCode HtSamplesLinearScores(const HtSamples *, PetscInt, const PetscScalar[], const PetscScalar[], PetscBool, PetscScalar[]);
PETSC_INTERN PetscErrorCode HtSamplesClassMoments(const HtSamples *, const PetscInt[], PetscInt, PetscReal[], PetscReal[], PetscReal[]);
PETSC_INTERN PetscErrorCode HtSamplesGaussianScores(const HtSamples *, PetscInt, const PetscReal[], const PetscReal[], const PetscReal[], PetscBool, PetscScalar[]);
PETSC_INTERN PetscErrorCode HtSamplesCenteredResidual(const HtSamples *, const PetscScalar[], const PetscScalar[], const PetscScalar[], PetscScalar, PetscScalar[]);
PETSC_INTERN PetscErrorCode HtSamplesRowNorms(const HtSamples *, PetscInt, const PetscScalar[], PetscInt, PetscReal[]);

/* rows by global index, and rows chosen on every rank gathered in global order */
PETSC_INTERN PetscErrorCode HtSamplesGetRows(const HtSamples *, const PetscInt *, PetscInt, const PetscInt[], PetscScalar[]);
PETSC_INTERN PetscErrorCode HtSamplesGatherRows(const HtSamples *, const PetscBool[], PetscInt *, PetscScalar **);
PETSC_INTERN PetscErrorCode HtSamplesGatherBlocks(const HtSamples *, PetscInt, PetscInt, const PetscScalar[], PetscScalar[]);
PETSC_INTERN PetscErrorCode HtSamplesGatherInts(const HtSamples *, PetscInt, const PetscInt[], PetscInt *, PetscInt **);
PETSC_INTERN PetscErrorCode HtSamplesRingVisit(const HtSamples *, PetscInt, const PetscScalar[], PetscErrorCode (*)(void *, PetscInt, const PetscScalar *), void *);

/*S
   HtTopList - the `cap` pairs (key, global sample index) with the largest keys pushed on one rank, by decreasing key,
   equal keys by increasing index (whatever the order of the pushes); `HtSamplesMergeTopLists()` makes them the global
   lists, the same on every rank whatever the number of ranks

   Level: developer
S*/
typedef struct {
  PetscInt   n, cap;
  PetscReal *key;
  PetscInt  *index;
} HtTopList;

/* whether the pair (key, index) comes before (key2, index2) in a top list */
static inline PetscBool HtTopListBefore(PetscReal key, PetscInt index, PetscReal key2, PetscInt index2)
{
  return (PetscBool)(key > key2 || (key == key2 && index < index2));
}

static inline void HtTopListPush(HtTopList *t, PetscReal key, PetscInt index)
{
  PetscInt j;

  if (t->n == t->cap && !HtTopListBefore(key, index, t->key[t->n - 1], t->index[t->n - 1])) return;
  j = t->n < t->cap ? t->n++ : t->n - 1;
  for (; j > 0 && HtTopListBefore(key, index, t->key[j - 1], t->index[j - 1]); j--) {
    t->key[j]   = t->key[j - 1];
    t->index[j] = t->index[j - 1];
  }
  t->key[j]   = key;
  t->index[j] = index;
}
PETSC_INTERN PetscErrorCode HtTopListsCreate(PetscInt, PetscInt, HtTopList **);
PETSC_INTERN PetscErrorCode HtTopListsDestroy(HtTopList **);
PETSC_INTERN PetscErrorCode HtSamplesMergeTopLists(const HtSamples *, PetscInt, HtTopList *);
PETSC_INTERN PetscErrorCode HtSamplesVote(const HtSamples *, const HtTopList[], PetscInt, PetscBool, PetscBool, PetscScalar[]);

/* a dataset of an HDF5 viewer's current group (or an absolute path) as a new balanced tensor with the given split: the model files of the ML classes */
PETSC_INTERN PetscErrorCode HtTensorLoad_HDF5(MPI_Comm, PetscViewer, const char[], PetscInt, HtTensor *);

/*S
   HtPoints - up to kmax reference points of f features (centers, candidates, a block of other samples) prepared for
   the distance kernels of a tensor back end; every distance of the ML classes and of `HtTensorCDist()` is computed
   by these kernels

   Level: developer

.seealso: `HtPointsCreate()`, `HtPointsNearest()`, `HtPointsDistances()`
S*/
typedef struct _n_HtPoints *HtPoints;

/*E
   HtPointsMetric - how `HtPointsDistances()` measures

$  HT_POINTS_SQEUCLIDEAN - |x|^2 + |y|^2 - 2 x.y clamped at 0 (fast; not exactly 0 at a point)
$  HT_POINTS_EUCLIDEAN   - its square root
$  HT_POINTS_RBF         - exp(-gamma (|x|^2 + |y|^2 - 2 x.y))
$  HT_POINTS_MANHATTAN   - sum_j |x_j - y_j|, in feature order
$  HT_POINTS_SQEUCLIDEAN_EXACT - sum_j (x_j - y_j)^2 in feature order: exactly 0 at a point, the same on any number of ranks
$  HT_POINTS_EUCLIDEAN_EXACT   - its square root

   Level: developer
E*/
typedef enum {
  HT_POINTS_SQEUCLIDEAN,
  HT_POINTS_EUCLIDEAN,
  HT_POINTS_RBF,
  HT_POINTS_MANHATTAN,
  HT_POINTS_SQEUCLIDEAN_EXACT,
  HT_POINTS_EUCLIDEAN_EXACT
} HtPointsMetric;

/* rows of the nearest-center kernel's blocks and units of its padding (the kernels' blocks divide them) */
#define HT_POINTS_CHUNK 256 /* rows given to HtPointsNearest() at a time by the algorithms, then used further while in cache */

PETSC_INTERN PetscErrorCode HtPointsCreate(HtTensor, PetscInt, PetscInt, HtPoints *);
PETSC_INTERN PetscErrorCode HtPointsSet(HtPoints, PetscInt, const PetscScalar[], PetscInt);
PETSC_INTERN PetscErrorCode HtPointsDistances(HtPoints, HtPointsMetric, PetscReal, PetscInt, const PetscScalar[], PetscScalar[], PetscInt);
PETSC_INTERN PetscErrorCode HtPointsDistance(HtPoints, HtPointsMetric, PetscInt, const PetscScalar[], PetscReal *);
PETSC_INTERN PetscErrorCode HtPointsPotentials(HtPoints, PetscInt, const PetscScalar[], const PetscScalar[], const PetscReal[], PetscReal[]);
PETSC_INTERN PetscErrorCode HtPointsNearest(HtPoints, PetscInt, const PetscScalar[], const PetscScalar[], PetscInt[], PetscReal[], PetscBool, PetscReal *);
PETSC_INTERN PetscErrorCode HtPointsZeroSums(HtPoints);
PETSC_INTERN PetscErrorCode HtPointsMoveRows(HtPoints, PetscInt, const PetscScalar[], const PetscScalar[], const PetscInt[], PetscInt[], PetscInt *);
PETSC_INTERN PetscErrorCode HtPointsGetSums(HtPoints, PetscScalar[], PetscScalar[]);
PETSC_INTERN PetscErrorCode HtPointsDestroy(HtPoints *);
