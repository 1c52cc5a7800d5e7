/*
   HTCLUSTERKMEDIANS: k-medians. Assignment by L1 distance; every center is the vector of the per-feature weighted
   lower medians of its cluster, found by distributed histogram refinement: no cluster is ever gathered.
*/
#include <heat/private/clusterimpl.h>
#include <heat/private/selectimpl.h>

typedef struct {
  HtSamples      s;
  PetscInt       k, f;
  PetscInt      *labels;
  PetscScalar   *centers;
  PetscReal     *ct, *d;  /* centers transposed (F x K); distances of a sample */
  PetscReal     *stats;   /* count K | positive-weight count K | weight K | inertia | changed */
  PetscReal     *range;   /* K x F x 2: -min, max of the values of each feature in each cluster */
  HtTopList     *far;     /* samples farthest from their centers, for empty clusters */
  PetscReal     *half, *median; /* K x F: half the weight of the feature's cluster (-1: none, the center stays), the medians */
} HtKMedians;

/*
   One pass: nearest center in L1 (ties to the lower index), the weighted L1 inertia, the changed labels, the
   count, positive-weight count, weight and value range of every cluster, and the farthest samples
*/
static PetscErrorCode HtKMediansAssign(HtKMedians *M)
{
  PetscInt   k = M->k, f = M->f;
  PetscReal *count = M->stats, *npos = count + k, *wsum = npos + k, *inertia = wsum + k, *changed = inertia + 1;

  PetscFunctionBegin;
  PetscCall(PetscArrayzero(M->stats, 3 * k + 2));
  for (PetscInt p = 0; p < 2 * k * f; p++) M->range[p] = PETSC_MIN_REAL;
  HtRowsTranspose(k, f, M->centers, f, M->ct, k);
  M->far->n = 0;
  for (PetscInt i = 0; i < M->s.m; i++) {
    const PetscScalar *x    = M->s.x + i * f;
    PetscReal          wi   = M->s.w ? PetscRealPart(M->s.w[i]) : 1.0, *r;
    PetscInt           best = 0;

    HtMetricRow(HT_METRIC_MANHATTAN, f, k, k, M->ct, x, M->d);
    for (PetscInt q = 1; q < k; q++)
      if (M->d[q] < M->d[best]) best = q;
    *inertia += wi * M->d[best];
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
    if (wi > 0 && M->d[best] > 0) HtTopListPush(M->far, M->d[best], M->s.rstart + i);
  }
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, M->stats, 3 * k + 2, MPIU_REAL, MPIU_SUM, M->s.comm));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, M->range, 2 * k * f, MPIU_REAL, MPIU_MAX, M->s.comm));
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
  PetscCall(HtSamplesRelocateEmpty_Private(&M->s, M->far, k, M->stats + k, M->labels, moved, rows, nmoved));
  for (PetscInt q = 0; q < k; q++)
    if (moved[q] >= 0) HtKMediansMoveSample(M, q, rows + q * (f + 2));
  PetscCall(PetscFree2(moved, rows));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   The weighted lower medians of every feature of every cluster, all found together by the distributed selection
   (selectimpl.h) from the value ranges of the assignment; a cluster without positive weight keeps its center
*/
static PetscErrorCode HtKMediansSelect(HtKMedians *M, HtTensor X)
{
  const PetscInt   k = M->k, f = M->f;
  const PetscReal *npos = M->stats + k, *wsum = npos + k;
  HtSelection      sel  = {M->s.comm, X, {HT_SCALAR, M->s.m, f, M->s.x, M->labels, 0, M->s.w}, k, 1, M->range};

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
  PetscInt   it, nmoved, k = cl->k, f = X->shape[1];

  PetscFunctionBegin;
  M.k = k;
  M.f = f;
  PetscCall(PetscMalloc5(k * f, &M.centers, k * f, &M.ct, k, &M.d, 3 * k + 2, &M.stats, 2 * k * f, &M.range));
  PetscCall(HtTopListsCreate_Private(1, k, &M.far));
  PetscCall(PetscMalloc2(k * f, &M.half, k * f, &M.median));
  PetscCall(HtClusterInitialCenters_Private(cl, X, M.centers));
  PetscCall(HtClusterTolerance_Private(cl, X, &tol));
  PetscCall(HtClusterCreateLabels_Private(X, &cl->labels));
  PetscCall(PetscObjectSetName((PetscObject)cl->labels, "labels"));
  PetscCall(HtTensorGetArray(cl->labels, &M.labels));
  PetscCall(HtClusterGetSamples_Private(cl, X, &M.s));
  for (PetscInt i = 0; i < M.s.m; i++) M.labels[i] = -1;
  cl->reason = HT_CLUSTER_DIVERGED_ITS;
  for (it = 0; it < cl->max_it; it++) {
    PetscCall(HtKMediansAssign(&M));
    inertia = M.stats[3 * k];
    PetscCall(HtKMediansRelocateEmpty(&M, &nmoved));
    PetscCall(HtKMediansSelect(&M, X));
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
  /* labels and inertia of the final centers */
  PetscCall(HtClusterAssignMetric_Private(X, M.s.w, HT_METRIC_MANHATTAN, M.centers, k, M.labels, NULL, &inertia));
  PetscCall(MPIU_Allreduce(&inertia, &cl->inertia, 1, MPIU_REAL, MPIU_SUM, M.s.comm));
  PetscCall(HtClusterRestoreSamples_Private(cl, X, &M.s));
  PetscCall(HtTensorRestoreArray(cl->labels, &M.labels));
  PetscCall(HtClusterSetResults_Private(cl, X, M.centers, PetscMin(it + 1, cl->max_it)));
  PetscCall(PetscFree2(M.half, M.median));
  PetscCall(HtTopListsDestroy_Private(&M.far));
  PetscCall(PetscFree5(M.centers, M.ct, M.d, M.stats, M.range));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterPredict_KMedians(HtCluster cl, HtTensor X, HtTensor labels)
{
  PetscFunctionBegin;
  PetscCall(HtClusterPredictMetric_Private(cl, X, labels, HT_METRIC_MANHATTAN));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterTransform_KMedians(HtCluster cl, HtTensor X, HtTensor dist)
{
  PetscFunctionBegin;
  PetscCall(HtClusterTransformMetric_Private(cl, X, dist, HT_METRIC_MANHATTAN));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTCLUSTERKMEDIANS - "kmedians" - k-medians: Lloyd-style iteration with the L1 (Manhattan) distance and centers
   made of per-feature weighted medians.

   Each iteration
.  1. assigns every sample to the center nearest in L1 (ties to the lower cluster index), in one pass that also
      gives the weighted L1 inertia and the count, weight and per-feature value range of every cluster
      (allreduces of 3 K + 2 and 2 K F numbers);
.  2. re-seeds every cluster without positive weight with the positive-weight sample farthest (in L1) from its
      center, farthest first, ties to the lower global sample index, as kmeans does;
-  3. sets every center coordinate (cluster k, feature f) to the weighted lower median of the values of feature f
      in cluster k: the smallest value v of the cluster with (sum of the weights of its samples with value <= v) >=
      (half the cluster weight). For unit weights and an even count 2m this is the m-th smallest value (no averaging
      of the two middle values); the median is always a data value.

   The K F medians are found together without gathering any cluster, by the distributed selection that
   `HtTensorMedian()` uses. Every (cluster, feature) pair keeps a window of values holding its median, at first
   [min, max] of the cluster from the assignment pass. A round bins the values of each window into 64 buckets, with
   their weights, counts, smallest and largest values, and reduces them (one allreduce of 4 x 64 numbers per pair);
   the window shrinks to the bucket where the cumulative weight reaches half the cluster weight, from its smallest to
   its largest value. The buckets have equal widths in value; after a round that kept more than half of its values
   (very uneven data) they have equal widths in an order-preserving 64-bit integer image of the reals, which shrinks
   any window at least 32-fold per round. A window whose values are all equal has found its median; one holding at
   most 64 samples is gathered (one Allgatherv of at most 64 values per pair) and its median picked exactly. The
   first round reads the samples (once per batch of 4096 pairs); the values left in the windows (typically a few
   percent) are then copied out, and later rounds read only them. Typical data take 2 to 4 rounds. The communication
   does not depend on the number of samples and no samples x K matrix is formed; memory: the values copied out,
   which a rank copies only once they are at most 1/16 of its values.

   The fit stops when no sample changes its cluster (and no cluster was re-seeded), when the squared center shift
   is at most tol times the mean feature variance (as kmeans), or after max_it iterations. The inertia is the sum
   of the weighted L1 distances of the samples to their centers; `HtClusterPredict()` gives the center nearest in
   L1 and `HtClusterTransform()` the L1 distances.

   The initial centers come from -ht_cluster_init; k-means++ and k-means|| weigh the samples by their squared
   Euclidean distance to the chosen centers (not the L1 distance), which only affects the starting point.

   The labels and centers are the same on any number of ranks: every choice depends on global sample indices and
   on reduced sums. (With non-integer weights, a cumulative weight that equals half the cluster weight exactly in
   real arithmetic may be decided differently by the rounding of sums in another order.)

   Options Database Keys:
+  -ht_cluster_num_clusters <8> - K
.  -ht_cluster_init <kmeans++> - random, kmeans++, kmeans||
.  -ht_cluster_init_centers FILE - given initial centers
.  -ht_cluster_tol <1e-4> - tolerance
-  -ht_cluster_max_it <300> - maximum number of iterations

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
