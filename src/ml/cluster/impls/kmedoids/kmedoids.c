/*
   HTCLUSTERKMEDOIDS: k-medoids, alternating assignment to the nearest medoid and an exact medoid update over a
   candidate set per cluster, with every objective evaluated over all the members of the cluster.

   Communication per iteration, independent of the number of samples: the assignment pass reduces K F + 2 K + 2
   numbers (weighted sums, weights, counts, inertia, changes) and merges K local top-C lists of the members closest
   to each target (one allgather of K C (index, distance) pairs); the candidates' rows reach every rank by one
   reduction of K (C + 1) (F + 2) numbers; the evaluation pass reduces K (C + 1) objectives. No cluster is gathered
   and no samples x K or cluster x cluster matrix is formed: distances are taken a chunk of samples at a time.
*/
#include <../src/ml/cluster/impls/kmeans/kmeansimpl.h>

typedef struct {
  PetscInt ncand; /* C: members tried as medoid per cluster and iteration */
} HtCluster_KMedoids;

typedef struct {
  HtSamples    s;
  PetscInt     k, f, ld; /* ld = C + 1 candidates per cluster: the medoid and C members */
  PetscInt    *labels;
  PetscInt    *medoid;   /* global sample indices of the K medoids */
  PetscScalar *centers;  /* K x F: their rows */
  PetscScalar *previous; /* K x F: the rows at the start of the iteration */
  PetscScalar *target;   /* K x F: the candidates of a cluster are the members closest to its target */
  HtPoints     P;        /* the medoids, for the back end's distance kernels */
  HtPoints     T;        /* the targets */
  HtPoints    *C;        /* the candidates of each cluster */
  PetscScalar *d;        /* distances of a chunk of HT_POINTS_CHUNK samples to the medoids */
  PetscReal   *stats;    /* weighted sums K x F | weight K | positive-weight count K | inertia | changed */
  HtTopList   *near;     /* K lists: the C members closest to the target of their cluster */
  HtTopList   *far;      /* samples farthest from their medoids, for empty clusters */
  PetscInt    *cindex, *nc;
  PetscScalar *crows;    /* K ld x (F + 2): rows of the candidates */
  PetscReal   *obj;      /* K x ld: sum of the weighted distances of the members to each candidate */
} HtKMedoids;

static inline PetscReal HtKMedoidsWeight(const HtKMedoids *M, PetscInt i)
{
  return M->s.w ? PetscRealPart(M->s.w[i]) : 1.0;
}

/* the medoids become the rows of the global samples M->medoid */
static PetscErrorCode HtKMedoidsSetMedoidRows(HtKMedoids *M)
{
  PetscScalar *rows;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(M->k * (M->f + 2), &rows));
  PetscCall(HtSamplesGetRows(&M->s, NULL, M->k, M->medoid, rows));
  for (PetscInt q = 0; q < M->k; q++) PetscCall(PetscArraycpy(M->centers + q * M->f, rows + q * (M->f + 2), M->f));
  PetscCall(PetscFree(rows));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* every initial center moves to its nearest sample (Euclidean, ties to the lower global index): one pass */
static PetscErrorCode HtKMedoidsSnap(HtKMedoids *M)
{
  HtTopList *nearest;

  PetscFunctionBegin;
  PetscCall(HtTopListsCreate(M->k, 1, &nearest));
  PetscCall(HtPointsSet(M->P, M->k, M->centers, M->f));
  for (PetscInt i0 = 0; i0 < M->s.m; i0 += HT_POINTS_CHUNK) {
    PetscInt mc = PetscMin(HT_POINTS_CHUNK, M->s.m - i0);

    PetscCall(HtPointsDistances(M->P, HT_POINTS_EUCLIDEAN_EXACT, 0, mc, M->s.x + i0 * M->f, M->d, M->k));
    for (PetscInt i = i0; i < i0 + mc; i++)
      for (PetscInt q = 0; q < M->k; q++) HtTopListPush(&nearest[q], -PetscRealPart(M->d[(i - i0) * M->k + q]), M->s.rstart + i);
  }
  PetscCall(HtSamplesMergeTopLists(&M->s, M->k, nearest));
  for (PetscInt q = 0; q < M->k; q++) M->medoid[q] = nearest[q].index[0];
  PetscCall(HtTopListsDestroy(&nearest));
  PetscCall(HtKMedoidsSetMedoidRows(M));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   One pass: nearest medoid (ties to the lower index), the weighted inertia, the changed labels, the weighted sums,
   weight and positive-weight count of every cluster, the farthest samples, and for every cluster the C members
   closest to its target
*/
/*
   the sample i (row x, weight wi, distance dbest to its nearest medoid best) in the statistics of its cluster, and
   among the members closest to the cluster's target (distance dt)
*/
static void HtKMedoidsCount(HtKMedoids *M, PetscInt i, const PetscScalar *x, PetscReal wi, PetscInt best, PetscReal dbest, PetscReal dt)
{
  PetscInt   k = M->k, f = M->f;
  PetscReal *sums = M->stats, *wsum = sums + k * f, *npos = wsum + k, *inertia = npos + k, *changed = inertia + 1;

  *inertia += wi * dbest;
  if (best != M->labels[i]) *changed += 1;
  M->labels[i] = best;
  for (PetscInt j = 0; j < f; j++) sums[best * f + j] += wi * PetscRealPart(x[j]);
  wsum[best] += wi;
  npos[best] += wi > 0;
  if (wi > 0 && dbest > 0) HtTopListPush(M->far, dbest, M->s.rstart + i);
  HtTopListPush(&M->near[best], -dt, M->s.rstart + i);
}

/*
   One pass: nearest medoid (ties to the lower index), the weighted inertia, the changed labels, the weighted sums,
   weight and positive-weight count of every cluster, the farthest samples, and for every cluster the C members
   closest to its target
*/
static PetscErrorCode HtKMedoidsAssign(HtKMedoids *M)
{
  PetscInt k = M->k, f = M->f;

  PetscFunctionBegin;
  PetscCall(PetscArrayzero(M->stats, k * f + 2 * k + 2));
  PetscCall(HtPointsSet(M->P, k, M->centers, f));
  PetscCall(HtPointsSet(M->T, k, M->target, f));
  for (PetscInt q = 0; q < k; q++) M->near[q].n = 0;
  M->far->n = 0;
  for (PetscInt i0 = 0; i0 < M->s.m; i0 += HT_POINTS_CHUNK) {
    PetscInt mc = PetscMin(HT_POINTS_CHUNK, M->s.m - i0);

    PetscCall(HtPointsDistances(M->P, HT_POINTS_EUCLIDEAN_EXACT, 0, mc, M->s.x + i0 * f, M->d, k));
    for (PetscInt i = i0; i < i0 + mc; i++) {
      const PetscScalar *d    = M->d + (i - i0) * k, *x = M->s.x + i * f;
      PetscInt           best = 0;
      PetscReal          dt;

      for (PetscInt q = 1; q < k; q++)
        if (PetscRealPart(d[q]) < PetscRealPart(d[best])) best = q;
      PetscCall(HtPointsDistance(M->T, HT_POINTS_EUCLIDEAN_EXACT, best, x, &dt));
      HtKMedoidsCount(M, i, x, HtKMedoidsWeight(M, i), best, PetscRealPart(d[best]), dt);
    }
  }
  PetscCall(HtSamplesSumReal(&M->s, k * f + 2 * k + 2, M->stats));
  PetscCall(HtSamplesMergeTopLists(&M->s, k, M->near));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the sample idx (row r: features, weight, former cluster) becomes the medoid of cluster q: the means follow it, and it
   is no candidate of the cluster it left
*/
static PetscErrorCode HtKMedoidsMoveSample(HtKMedoids *M, PetscInt q, PetscInt idx, const PetscScalar *r)
{
  PetscInt   k = M->k, f = M->f, o = (PetscInt)PetscRealPart(r[f + 1]), n = 0;
  PetscReal *sums = M->stats, *wsum = sums + k * f, w = PetscRealPart(r[f]);
  HtTopList *old = &M->near[o];

  PetscFunctionBegin;
  M->medoid[q] = idx;
  PetscCall(PetscArraycpy(M->centers + q * f, r, f));
  for (PetscInt j = 0; j < f; j++) {
    sums[o * f + j] -= w * PetscRealPart(r[j]);
    sums[q * f + j] += w * PetscRealPart(r[j]);
  }
  wsum[o] -= w;
  wsum[q] += w;
  for (PetscInt e = 0; e < old->n; e++)
    if (old->index[e] != idx) {
      old->key[n]     = old->key[e];
      old->index[n++] = old->index[e];
    }
  old->n = n;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a cluster without positive weight takes the positive-weight sample farthest from its medoid as its new medoid */
static PetscErrorCode HtKMedoidsRelocateEmpty(HtKMedoids *M, PetscInt *nmoved)
{
  PetscInt     k = M->k, f = M->f, *moved;
  PetscScalar *rows;

  PetscFunctionBegin;
  PetscCall(PetscMalloc2(k, &moved, k * (f + 2), &rows));
  PetscCall(HtKMeansRelocateEmpty(&M->s, M->far, k, M->stats + k * f + k, M->labels, moved, rows, nmoved));
  for (PetscInt q = 0; q < k; q++)
    if (moved[q] >= 0) PetscCall(HtKMedoidsMoveSample(M, q, moved[q], rows + q * (f + 2)));
  PetscCall(PetscFree2(moved, rows));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the candidates of every cluster, its medoid first, and their rows as the points of the cluster: one allreduce */
static PetscErrorCode HtKMedoidsCandidates(HtKMedoids *M)
{
  PetscInt k = M->k, f = M->f, ld = M->ld;

  PetscFunctionBegin;
  for (PetscInt q = 0; q < k; q++) {
    PetscInt *c = M->cindex + q * ld;

    c[0]     = M->medoid[q];
    M->nc[q] = 1;
    for (PetscInt e = 0; e < M->near[q].n; e++) c[M->nc[q]++] = M->near[q].index[e];
    for (PetscInt e = M->nc[q]; e < ld; e++) c[e] = -1;
  }
  PetscCall(HtSamplesGetRows(&M->s, NULL, k * ld, M->cindex, M->crows));
  for (PetscInt q = 0; q < k; q++) PetscCall(HtPointsSet(M->C[q], M->nc[q], M->crows + q * ld * (f + 2), f + 2));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* one pass: the exact objective sum_j w_j ||x_j - c|| of every candidate c over the members j of its cluster */
static PetscErrorCode HtKMedoidsEvaluate(HtKMedoids *M)
{
  PetscInt     k = M->k, f = M->f, ld = M->ld;
  PetscScalar *dc;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(ld, &dc));
  PetscCall(PetscArrayzero(M->obj, k * ld));
  for (PetscInt i = 0; i < M->s.m; i++) {
    PetscInt  q  = M->labels[i];
    PetscReal wi = HtKMedoidsWeight(M, i), *o = M->obj + q * ld;

    if (wi == 0) continue;
    PetscCall(HtPointsDistances(M->C[q], HT_POINTS_EUCLIDEAN_EXACT, 0, 1, M->s.x + i * f, dc, ld));
    for (PetscInt c = 0; c < M->nc[q]; c++) o[c] += wi * PetscRealPart(dc[c]);
  }
  PetscCall(PetscFree(dc));
  PetscCall(HtSamplesSumReal(&M->s, k * ld, M->obj));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   The best candidate of every cluster (ties to the lower global index) becomes its medoid; the next targets are the
   weighted means of the clusters. Returns the number of medoids changed in this iteration and the squared shift.
*/
static void HtKMedoidsUpdate(HtKMedoids *M, PetscInt *nchanged, PetscReal *shift)
{
  PetscInt         k = M->k, f = M->f, ld = M->ld;
  const PetscReal *sums = M->stats, *wsum = sums + k * f;

  *nchanged = 0;
  *shift    = 0;
  for (PetscInt q = 0; q < k; q++) {
    const PetscInt  *c = M->cindex + q * ld;
    const PetscReal *o = M->obj + q * ld;
    PetscInt         best = 0;

    for (PetscInt e = 1; e < M->nc[q]; e++)
      if (o[e] < o[best] || (o[e] == o[best] && c[e] < c[best])) best = e;
    M->medoid[q] = c[best];
    for (PetscInt j = 0; j < f; j++) {
      PetscScalar v = M->crows[(q * ld + best) * (f + 2) + j];

      *shift += PetscRealPart((v - M->previous[q * f + j]) * (v - M->previous[q * f + j]));
      M->centers[q * f + j] = v;
      M->target[q * f + j]  = wsum[q] > 0 ? sums[q * f + j] / wsum[q] : v;
    }
    for (PetscInt j = 0; j < f; j++)
      if (M->centers[q * f + j] != M->previous[q * f + j]) {
        (*nchanged)++;
        break;
      }
  }
}

static PetscErrorCode HtClusterFit_KMedoids(HtCluster cl, HtTensor X)
{
  HtCluster_KMedoids *km = (HtCluster_KMedoids *)cl->data;
  HtKMedoids          M;
  PetscReal           shift, inertia;
  PetscInt            it, nmoved, nchanged, k = cl->k, f, ld = km->ncand + 1;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, cl->weights, &M.s));
  f    = M.s.f;
  M.k  = k;
  M.f  = f;
  M.ld = ld;
  PetscCall(PetscMalloc5(k, &M.medoid, k * f, &M.centers, k * f, &M.previous, k * f, &M.target, HT_POINTS_CHUNK * k, &M.d));
  PetscCall(PetscMalloc6(k * f + 2 * k + 2, &M.stats, k * ld, &M.cindex, k, &M.nc, k * ld * (f + 2), &M.crows, k * ld, &M.obj, k, &M.C));
  PetscCall(HtPointsCreate(M.s.backend, k, f, &M.P));
  PetscCall(HtPointsCreate(M.s.backend, k, f, &M.T));
  for (PetscInt q = 0; q < k; q++) PetscCall(HtPointsCreate(M.s.backend, ld, f, &M.C[q]));
  PetscCall(HtTopListsCreate(k, km->ncand, &M.near));
  PetscCall(HtTopListsCreate(1, k, &M.far));
  PetscCall(HtKMeansInitialCenters(cl, &M.s, M.centers));
  PetscCall(HtMLCreateSampleTensor(X, 0, HT_INT, "labels", &cl->labels));
  PetscCall(HtTensorGetArrayWrite(cl->labels, &M.labels));
  PetscCall(HtKMedoidsSnap(&M));
  PetscCall(PetscArraycpy(M.target, M.centers, k * f)); /* first candidates: the members closest to the medoids */
  for (PetscInt i = 0; i < M.s.m; i++) M.labels[i] = -1;
  cl->reason = HT_CLUSTER_DIVERGED_ITS;
  for (it = 0; it < cl->max_it; it++) {
    PetscCall(PetscArraycpy(M.previous, M.centers, k * f));
    PetscCall(HtKMedoidsAssign(&M));
    inertia = M.stats[k * f + 2 * k];
    PetscCall(HtKMedoidsRelocateEmpty(&M, &nmoved));
    PetscCall(HtKMedoidsCandidates(&M));
    PetscCall(HtKMedoidsEvaluate(&M));
    HtKMedoidsUpdate(&M, &nchanged, &shift);
    PetscCall(HtClusterMonitor(cl, it + 1, inertia, shift));
    if (!nchanged && M.stats[k * f + 2 * k + 1] == 0) {
      cl->reason = HT_CLUSTER_CONVERGED_LABELS;
      break;
    }
  }
  PetscCall(HtTensorRestoreArrayWrite(cl->labels, &M.labels));
  PetscCall(HtTensorRestoreSamples(X, cl->weights, &M.s));
  PetscCall(HtKMeansSetLabels(cl, X, HT_POINTS_EUCLIDEAN_EXACT, M.centers, PetscMin(it + 1, cl->max_it)));
  PetscCall(HtTopListsDestroy(&M.near));
  PetscCall(HtTopListsDestroy(&M.far));
  for (PetscInt q = 0; q < k; q++) PetscCall(HtPointsDestroy(&M.C[q]));
  PetscCall(HtPointsDestroy(&M.T));
  PetscCall(HtPointsDestroy(&M.P));
  PetscCall(PetscFree6(M.stats, M.cindex, M.nc, M.crows, M.obj, M.C));
  PetscCall(PetscFree5(M.medoid, M.centers, M.previous, M.target, M.d));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterPredict_KMedoids(HtCluster cl, HtTensor X, HtTensor labels)
{
  PetscFunctionBegin;
  PetscCall(HtClusterPredict_KMeansMetric(cl, X, labels, HT_POINTS_EUCLIDEAN_EXACT));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterTransform_KMedoids(HtCluster cl, HtTensor X, HtTensor dist)
{
  PetscFunctionBegin;
  PetscCall(HtClusterTransform_KMeansMetric(cl, X, dist, HT_POINTS_EUCLIDEAN_EXACT));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterSetFromOptions_KMedoids(HtCluster cl, PetscOptionItems *PetscOptionsObject)
{
  HtCluster_KMedoids *km = (HtCluster_KMedoids *)cl->data;
  PetscInt            ncand = km->ncand;
  PetscBool           set;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtCluster kmedoids options");
  PetscCall(PetscOptionsInt("-ht_cluster_kmedoids_candidates", "Members closest to the cluster mean tried as medoid per cluster and iteration", "HtClusterKMedoidsSetCandidates", ncand, &ncand, &set));
  if (set) PetscCall(HtClusterKMedoidsSetCandidates(cl, ncand));
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ASCII: the number of candidates; a model file: it as the attribute kmedoids_candidates */
static PetscErrorCode HtClusterView_KMedoids(HtCluster cl, PetscViewer viewer)
{
  HtCluster_KMedoids *km = (HtCluster_KMedoids *)cl->data;
  PetscBool           ishdf5;

  PetscFunctionBegin;
  PetscCall(HtMLViewerIsModelFile((PetscObject)cl, viewer, &ishdf5));
  if (ishdf5) PetscCall(HtMLModelSaveAttribute(viewer, "kmedoids_candidates", PETSC_INT, &km->ncand));
  else PetscCall(PetscViewerASCIIPrintf(viewer, "medoid candidates per cluster: %" PetscInt_FMT " members closest to the mean, and the medoid\n", km->ncand));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterLoad_KMedoids(HtCluster cl, PetscViewer viewer)
{
  PetscInt ncand;

  PetscFunctionBegin;
  PetscCall(HtMLModelLoadAttribute((PetscObject)cl, viewer, "kmedoids_candidates", PETSC_INT, &ncand));
  PetscCall(HtClusterKMedoidsSetCandidates(cl, ncand));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterKMedoidsSetCandidates_KMedoids(HtCluster cl, PetscInt ncand)
{
  HtCluster_KMedoids *km = (HtCluster_KMedoids *)cl->data;

  PetscFunctionBegin;
  PetscCheck(ncand >= 1, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "The number of medoid candidates per cluster must be at least 1, not %" PetscInt_FMT, ncand);
  km->ncand = ncand;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterKMedoidsGetCandidates_KMedoids(HtCluster cl, PetscInt *ncand)
{
  PetscFunctionBegin;
  *ncand = ((HtCluster_KMedoids *)cl->data)->ncand;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterKMedoidsSetCandidates - Sets how many members of each cluster `HTCLUSTERKMEDOIDS` tries as its new medoid
   at each iteration.

   Logically Collective

   Input Parameters:
+  cl - the clustering object
-  ncand - C >= 1: the C members closest to the weighted mean of the cluster are tried, with the current medoid (default 32)

   Options Database Key:
.  -ht_cluster_kmedoids_candidates <32> - C

   Level: intermediate

   Notes:
   Every candidate's objective (the sum of the weighted distances of the cluster's members to it) is computed
   exactly over all the members, in one pass over the data for all clusters: the cost of an iteration grows
   as N F (K + C + 1). A larger C gets closer to the exact medoid of every cluster; with C at least the size of
   the largest cluster the update is the exact one.

   Does nothing for other types.

.seealso: `HTCLUSTERKMEDOIDS`, `HtClusterKMedoidsGetCandidates()`
@*/
PetscErrorCode HtClusterKMedoidsSetCandidates(HtCluster cl, PetscInt ncand)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidLogicalCollectiveInt(cl, ncand, 2);
  PetscTryMethod(cl, "HtClusterKMedoidsSetCandidates_C", (HtCluster, PetscInt), (cl, ncand));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterKMedoidsGetCandidates - Gets how many members of each cluster `HTCLUSTERKMEDOIDS` tries as its new medoid
   at each iteration.

   Not Collective

   Input Parameter:
.  cl - the clustering object, of type `HTCLUSTERKMEDOIDS`

   Output Parameter:
.  ncand - the number of candidates besides the current medoid

   Level: intermediate

.seealso: `HTCLUSTERKMEDOIDS`, `HtClusterKMedoidsSetCandidates()`
@*/
PetscErrorCode HtClusterKMedoidsGetCandidates(HtCluster cl, PetscInt *ncand)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidIntPointer(ncand, 2);
  PetscUseMethod(cl, "HtClusterKMedoidsGetCandidates_C", (HtCluster, PetscInt *), (cl, ncand));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterDestroy_KMedoids(HtCluster cl)
{
  PetscFunctionBegin;
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterKMedoidsSetCandidates_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterKMedoidsGetCandidates_C", NULL));
  PetscCall(PetscFree(cl->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTCLUSTERKMEDOIDS - "kmedoids" - k-medoids: every center (medoid) is a data point, and the objective is the sum of
   the weighted Euclidean (not squared) distances of the samples to their medoids.

   Method: an alternate ("Voronoi iteration") k-medoids with a restricted candidate set and exact objectives. The
   initial centers (-ht_cluster_init; given centers that are samples stay where they are) move to their nearest
   samples. Each iteration assigns every sample to its nearest medoid, gives a cluster without positive weight the
   sample farthest from its medoid, and then replaces every medoid by the best of C + 1 candidates: the current medoid
   and the C members of the cluster closest to its weighted mean, each judged by its exact objective over all the
   members of the cluster. The update is exact when the best member is among the candidates (always when C is at
   least the cluster size); the objective never increases. The fit stops when neither a medoid nor a label changed in
   an iteration, or after max_it iterations (the tolerance is not used). Ties go to the lower cluster index and the
   lower global sample index, so the labels and medoids are the same on any number of ranks. `HtClusterPredict()` gives
   the nearest medoid and `HtClusterTransform()` the Euclidean distances.

   Options Database Keys:
+  -ht_cluster_kmedoids_candidates <32> - C, the members tried as medoid per cluster and iteration
.  -ht_cluster_num_clusters <8> - K
.  -ht_cluster_init <kmeans++> - random, kmeans++, kmeans||
.  -ht_cluster_init_centers FILE - given initial centers (moved to their nearest samples)
-  -ht_cluster_max_it <300> - maximum number of iterations

   References:
+  H.-S. Park and C.-H. Jun, A simple and fast algorithm for K-medoids clustering, Expert Syst. Appl. 36 (2009) 3336-3341.
-  L. Kaufman and P. J. Rousseeuw, Finding Groups in Data, Wiley 1990 (PAM).

   Level: intermediate

.seealso: `HtClusterCreate()`, `HtClusterSetType()`, `HtClusterKMedoidsSetCandidates()`, `HTCLUSTERKMEANS`,
          `HTCLUSTERKMEDIANS`
M*/
PETSC_INTERN PetscErrorCode HtClusterCreate_KMedoids(HtCluster cl)
{
  HtCluster_KMedoids *km;

  PetscFunctionBegin;
  PetscCall(PetscNew(&km));
  km->ncand               = 32;
  cl->data                = km;
  cl->ops->fit            = HtClusterFit_KMedoids;
  cl->ops->predict        = HtClusterPredict_KMedoids;
  cl->ops->transform      = HtClusterTransform_KMedoids;
  cl->ops->setfromoptions = HtClusterSetFromOptions_KMedoids;
  cl->ops->view           = HtClusterView_KMedoids;
  cl->ops->load           = HtClusterLoad_KMedoids;
  cl->ops->destroy        = HtClusterDestroy_KMedoids;
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterKMedoidsSetCandidates_C", HtClusterKMedoidsSetCandidates_KMedoids));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterKMedoidsGetCandidates_C", HtClusterKMedoidsGetCandidates_KMedoids));
  PetscFunctionReturn(PETSC_SUCCESS);
}
