/*
   HTCLUSTERKMEDIANS: k-medians. Assignment by L1 distance; every center is the vector of the per-feature weighted
   lower medians of its cluster, found by the tensor layer's distributed selection (selectimpl.h): no cluster is ever
   gathered.

   The assignment pass gives the weighted L1 inertia and the count, weight and per-feature value range of every
   cluster (reductions of 3 K + 2 and 2 K F numbers); the ranges start the selection, so it adds no pass. The
   selection's rounds bin the values of every (cluster, feature) window into 64 buckets and reduce them (4 x 64
   numbers per window and round; a window of at most 64 values is gathered); the first round reads the samples, later
   rounds only the values still in the windows, copied out once they are at most 1/16 of a rank's values. Typical
   data take 2 to 4 rounds. The communication does not depend on the number of samples and no samples x K matrix is
   formed.
*/
#include <../src/ml/cluster/impls/kmeans/kmeansimpl.h>
#include <heat/private/selectimpl.h>

typedef struct {
  HtSamples      s;
  PetscInt       k, f;
  PetscInt      *labels;
  PetscScalar   *centers;
  HtPoints       P;      /* the centers, for the back end's distance kernels */
  PetscScalar   *d;      /* L1 distances of a chunk of HT_POINTS_CHUNK samples to the centers */
  PetscReal     *stats;  /* count K | positive-weight count K | weight K | inertia | changed */
  PetscReal     *range;  /* K x F x 2: -min, max of the values of each feature in each cluster */
  HtTopList     *far;    /* samples farthest from their centers, for empty clusters */
  PetscReal     *half, *median; /* K x F: half the weight of the feature's cluster (-1: none, the center stays), the medians */
} HtKMedians;

/* the statistics of sample i (row x, weight wi, L1 distance dbest to its nearest center best) added to its cluster's */
static void HtKMediansCount(HtKMedians *M, PetscInt i, const PetscScalar *x, PetscReal wi, PetscInt best, PetscReal dbest)
{
  PetscInt   k = M->k, f = M->f;
  PetscReal *count = M->stats, *npos = count + k, *wsum = npos + k, *inertia = wsum + k, *changed = inertia + 1, *r;

  *inertia += wi * dbest;
  if (best != M->labels[i]) *changed += 1;
  M->labels[i] = best;
  count[best] += 1;
  npos[best] += wi > 0;
  wsum[best] += wi;
  r = M->range + 2 * best * f;
  for (PetscInt j = 0; j < f; j++) {
    r[2 * j]     = PetscMax(r[2 * j], -PetscRealPart(x[j]));
    r[2 * j + 1] = PetscMax(r[2 * j + 1], PetscRealPart(x[j]));
  }
  if (wi > 0 && dbest > 0) HtTopListPush(M->far, dbest, M->s.rstart + i);
}

/*
   One pass: nearest center in L1 (ties to the lower index), the weighted L1 inertia, the changed labels, the
   count, positive-weight count, weight and value range of every cluster, and the farthest samples
*/
static PetscErrorCode HtKMediansAssign(HtKMedians *M)
{
  PetscInt k = M->k, f = M->f;

  PetscFunctionBegin;
  PetscCall(PetscArrayzero(M->stats, 3 * k + 2));
  for (PetscInt p = 0; p < 2 * k * f; p++) M->range[p] = PETSC_MIN_REAL;
  PetscCall(HtPointsSet(M->P, k, M->centers, f));
  M->far->n = 0;
  for (PetscInt i0 = 0; i0 < M->s.m; i0 += HT_POINTS_CHUNK) {
    PetscInt mc = PetscMin(HT_POINTS_CHUNK, M->s.m - i0);

    PetscCall(HtPointsDistances(M->P, HT_POINTS_MANHATTAN, 0, mc, M->s.x + i0 * f, M->d, k));
    for (PetscInt i = i0; i < i0 + mc; i++) {
      const PetscScalar *d    = M->d + (i - i0) * k;
      PetscInt           best = 0;

      for (PetscInt q = 1; q < k; q++)
        if (PetscRealPart(d[q]) < PetscRealPart(d[best])) best = q;
      HtKMediansCount(M, i, M->s.x + i * f, M->s.w ? PetscRealPart(M->s.w[i]) : 1.0, best, PetscRealPart(d[best]));
    }
  }
  PetscCall(HtSamplesSumReal(&M->s, 3 * k + 2, M->stats));
  PetscCall(HtSamplesMaxReal(&M->s, 2 * k * f, M->range));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the sample of row r (features, weight, former cluster) moves to the empty cluster q: its statistics follow */
static void HtKMediansMoveSample(HtKMedians *M, PetscInt q, const PetscScalar *r)
{
  PetscInt   k = M->k, f = M->f, o = (PetscInt)PetscRealPart(r[f + 1]);
  PetscReal *count = M->stats, *npos = count + k, *wsum = npos + k, w = PetscRealPart(r[f]), *rg = M->range + 2 * q * f;

  count[o] -= 1; /* the range of o stays valid: it may only shrink */
  npos[o] -= 1;
  wsum[o] -= w;
  for (PetscInt j = 0; j < f; j++) {
    rg[2 * j]     = count[q] ? PetscMax(rg[2 * j], -PetscRealPart(r[j])) : -PetscRealPart(r[j]);
    rg[2 * j + 1] = count[q] ? PetscMax(rg[2 * j + 1], PetscRealPart(r[j])) : PetscRealPart(r[j]);
  }
  count[q] += 1;
  npos[q] = 1;
  wsum[q] = w;
}

/* a cluster without positive weight takes the positive-weight sample farthest (in L1) from its center, as kmeans does */
static PetscErrorCode HtKMediansRelocateEmpty(HtKMedians *M, PetscInt *nmoved)
{
  PetscInt     k = M->k, f = M->f, *moved;
  PetscScalar *rows;

  PetscFunctionBegin;
  PetscCall(PetscMalloc2(k, &moved, k * (f + 2), &rows));
  PetscCall(HtKMeansRelocateEmpty(&M->s, M->far, k, M->stats + k, M->labels, moved, rows, nmoved));
  for (PetscInt q = 0; q < k; q++)
    if (moved[q] >= 0) HtKMediansMoveSample(M, q, rows + q * (f + 2));
  PetscCall(PetscFree2(moved, rows));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   The weighted lower medians of every feature of every cluster, all found together by the distributed selection
   (selectimpl.h) from the value ranges of the assignment; a cluster without positive weight keeps its center
*/
static PetscErrorCode HtKMediansSelect(HtKMedians *M)
{
  const PetscInt   k = M->k, f = M->f;
  const PetscReal *npos = M->stats + k, *wsum = npos + k;
  HtSelection      sel  = {M->s.comm, M->s.backend, {HT_SCALAR, M->s.m, f, M->s.x, M->labels, 0, M->s.w}, k, 1, M->range};

  PetscFunctionBegin;
  for (PetscInt p = 0; p < k * f; p++) {
    M->half[p]   = npos[p / f] > 0 ? wsum[p / f] / 2 : -1;
    M->median[p] = PetscRealPart(M->centers[p]);
  }
  PetscCall(HtTensorSelect_Private(&sel, M->half, M->median));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the centers become the medians (a zero as +0); returns the squared center shift */
static PetscReal HtKMediansUpdateCenters(HtKMedians *M)
{
  PetscReal shift = 0;

  for (PetscInt p = 0; p < M->k * M->f; p++) {
    PetscReal median = M->median[p] + 0.0, c = median - PetscRealPart(M->centers[p]);

    shift += c * c;
    M->centers[p] = median;
  }
  return shift;
}

static PetscErrorCode HtClusterFit_KMedians(HtCluster cl, HtTensor X)
{
  HtKMedians M;
  PetscReal  tol, shift, inertia;
  PetscInt   it, nmoved, k = cl->k;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, cl->weights, &M.s));
  M.k = k;
  M.f = M.s.f;
  PetscCall(PetscMalloc4(k * M.f, &M.centers, HT_POINTS_CHUNK * k, &M.d, 3 * k + 2, &M.stats, 2 * k * M.f, &M.range));
  PetscCall(HtPointsCreate(M.s.backend, k, M.f, &M.P));
  PetscCall(HtTopListsCreate(1, k, &M.far));
  PetscCall(PetscMalloc2(k * M.f, &M.half, k * M.f, &M.median));
  PetscCall(HtKMeansInitialCenters(cl, &M.s, M.centers));
  tol = cl->tol * cl->datavar; /* relative to the mean feature variance, as kmeans */
  PetscCall(HtMLCreateSampleTensor(X, 0, HT_INT, "labels", &cl->labels));
  PetscCall(HtTensorGetArrayWrite(cl->labels, &M.labels));
  for (PetscInt i = 0; i < M.s.m; i++) M.labels[i] = -1;
  cl->reason = HT_CLUSTER_DIVERGED_ITS;
  for (it = 0; it < cl->max_it; it++) {
    PetscCall(HtKMediansAssign(&M));
    inertia = M.stats[3 * k];
    PetscCall(HtKMediansRelocateEmpty(&M, &nmoved));
    PetscCall(HtKMediansSelect(&M));
    shift = HtKMediansUpdateCenters(&M);
    PetscCall(HtClusterMonitor(cl, it + 1, inertia, shift));
    if (M.stats[3 * k + 1] == 0 && !nmoved) {
      cl->reason = HT_CLUSTER_CONVERGED_LABELS;
      break;
    }
    if (shift <= tol) {
      cl->reason = HT_CLUSTER_CONVERGED_TOL;
      break;
    }
  }
  PetscCall(HtTensorRestoreArrayWrite(cl->labels, &M.labels));
  PetscCall(HtTensorRestoreSamples(X, cl->weights, &M.s));
  PetscCall(HtKMeansSetLabels(cl, X, HT_POINTS_MANHATTAN, M.centers, PetscMin(it + 1, cl->max_it)));
  PetscCall(PetscFree2(M.half, M.median));
  PetscCall(HtTopListsDestroy(&M.far));
  PetscCall(HtPointsDestroy(&M.P));
  PetscCall(PetscFree4(M.centers, M.d, M.stats, M.range));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterPredict_KMedians(HtCluster cl, HtTensor X, HtTensor labels)
{
  PetscFunctionBegin;
  PetscCall(HtClusterPredict_KMeansMetric(cl, X, labels, HT_POINTS_MANHATTAN));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterTransform_KMedians(HtCluster cl, HtTensor X, HtTensor dist)
{
  PetscFunctionBegin;
  PetscCall(HtClusterTransform_KMeansMetric(cl, X, dist, HT_POINTS_MANHATTAN));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTCLUSTERKMEDIANS - "kmedians" - k-medians: Lloyd-style iteration with the L1 (Manhattan) distance and centers
   made of per-feature weighted medians.

   Method: each iteration assigns every sample to the center nearest in L1 (ties to the lower cluster index), gives
   every cluster without positive weight the positive-weight sample farthest (in L1) from its center, as kmeans does,
   and sets every center coordinate (cluster k, feature f) to the weighted lower median of the values of feature f in
   cluster k: the smallest value v of the cluster with (sum of the weights of its samples with value <= v) >= (half
   the cluster weight). For unit weights and an even count 2m this is the m-th smallest value (no averaging of the two
   middle values); the median is always a data value. The K F medians are found together by the distributed selection
   that `HtTensorMedian()` uses: no cluster is gathered.

   The fit stops when no sample changes its cluster (and no cluster was re-seeded), when the squared center shift
   is at most tol times the mean feature variance (as kmeans), or after max_it iterations. The inertia is the sum
   of the weighted L1 distances of the samples to their centers; `HtClusterPredict()` gives the center nearest in
   L1 and `HtClusterTransform()` the L1 distances. The initial centers come from -ht_cluster_init; k-means++ and
   k-means|| weigh the samples by their squared Euclidean distance to the chosen centers, which only affects the
   starting point. The labels and centers are the same on any number of ranks (with non-integer weights, a cumulative
   weight that equals half the cluster weight exactly in real arithmetic may be decided differently by the rounding of
   sums in another order).

   Options Database Keys:
+  -ht_cluster_num_clusters <8> - K
.  -ht_cluster_init <kmeans++> - random, kmeans++, kmeans||
.  -ht_cluster_init_centers FILE - given initial centers
.  -ht_cluster_seed <0> - seed of the initialization
.  -ht_cluster_tol <1e-4> - tolerance
-  -ht_cluster_max_it <300> - maximum number of iterations

   Reference:
.  P. S. Bradley, O. L. Mangasarian and W. N. Street, Clustering via concave minimization, NIPS 1996 (k-median).

   Level: intermediate

.seealso: `HtClusterCreate()`, `HtClusterSetType()`, `HTCLUSTERKMEANS`, `HTCLUSTERKMEDOIDS`
M*/
PETSC_INTERN PetscErrorCode HtClusterCreate_KMedians(HtCluster cl)
{
  PetscFunctionBegin;
  cl->ops->fit       = HtClusterFit_KMedians;
  cl->ops->predict   = HtClusterPredict_KMedians;
  cl->ops->transform = HtClusterTransform_KMedians;
  PetscFunctionReturn(PETSC_SUCCESS);
}
