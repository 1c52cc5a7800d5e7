/*
   The assignment of samples to centers, shared by the k-means family: the final labels and inertia of a fit, the
   predictions and distances of new samples, and the re-seeding of empty clusters. Every distance comes from the
   back end's kernels (HtPoints).
*/
#include <../src/ml/cluster/impls/kmeans/kmeansimpl.h>

/*
   HtKMeansAssign - labels[i] = the nearest of the k centers (by the expansion |c|^2 - 2 x.c, ties to the lower index)
   of every local sample, and *inertia = the local sum of the weighted exact squared distances to them; X is read
   once, by chunks
*/
PetscErrorCode HtKMeansAssign(const HtSamples *s, PetscInt k, const PetscScalar *centers, PetscInt *labels, PetscReal *inertia)
{
  HtPoints   P;
  PetscReal *d;

  PetscFunctionBegin;
  *inertia = 0;
  PetscCall(HtPointsCreate(s->backend, k, s->f, &P));
  PetscCall(HtPointsSet(P, k, centers, s->f));
  PetscCall(PetscMalloc1(HT_POINTS_CHUNK, &d));
  for (PetscInt i0 = 0; i0 < s->m; i0 += HT_POINTS_CHUNK) {
    PetscInt mc = PetscMin(HT_POINTS_CHUNK, s->m - i0);

    PetscCall(HtPointsNearest(P, mc, s->x + i0 * s->f, s->w ? s->w + i0 : NULL, labels + i0, d, PETSC_FALSE, inertia));
  }
  PetscCall(PetscFree(d));
  PetscCall(HtPointsDestroy(&P));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtKMeansAssignMetric - the nearest of the k centers in an exact metric (HT_POINTS_MANHATTAN, or
   HT_POINTS_EUCLIDEAN_EXACT: summed from the differences, exactly 0 at a center; ties to the lower cluster index) of
   every local sample; X is read once. Outputs (each may be NULL): the labels, the m x k distances, and the local sum
   of the distances to the nearest centers weighted by the samples' weights.
*/
PetscErrorCode HtKMeansAssignMetric(const HtSamples *s, HtPointsMetric metric, PetscInt k, const PetscScalar *centers, PetscInt *labels, PetscScalar *dist, PetscReal *inertia)
{
  HtPoints     P;
  PetscScalar *chunk;

  PetscFunctionBegin;
  PetscCall(HtPointsCreate(s->backend, k, s->f, &P));
  PetscCall(HtPointsSet(P, k, centers, s->f));
  PetscCall(PetscMalloc1(HT_POINTS_CHUNK * k, &chunk));
  if (inertia) *inertia = 0;
  for (PetscInt i0 = 0; i0 < s->m; i0 += HT_POINTS_CHUNK) {
    PetscInt     mc = PetscMin(HT_POINTS_CHUNK, s->m - i0);
    PetscScalar *d  = dist ? dist + i0 * k : chunk;

    PetscCall(HtPointsDistances(P, metric, 0, mc, s->x + i0 * s->f, d, k));
    for (PetscInt i = 0; i < mc; i++) {
      const PetscScalar *di   = d + i * k;
      PetscInt           best = 0;

      for (PetscInt q = 1; q < k; q++)
        if (PetscRealPart(di[q]) < PetscRealPart(di[best])) best = q;
      if (labels) labels[i0 + i] = best;
      if (inertia) *inertia += (s->w ? PetscRealPart(s->w[i0 + i]) : 1.0) * PetscRealPart(di[best]);
    }
  }
  PetscCall(PetscFree(chunk));
  PetscCall(HtPointsDestroy(&P));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtKMeansSetLabels - the results of a fit on X from its final K x F centers: the labels and the inertia of the
   centers (metric HT_POINTS_SQEUCLIDEAN: the k-means assignment, HtKMeansAssign(); an exact metric:
   HtKMeansAssignMetric()), the centers and the iteration count its
*/
PetscErrorCode HtKMeansSetLabels(HtCluster cl, HtTensor X, HtPointsMetric metric, const PetscScalar *centers, PetscInt its)
{
  HtSamples s;
  PetscInt *labels;
  PetscReal inertia;

  PetscFunctionBegin;
  if (!cl->labels) PetscCall(HtMLCreateSampleTensor(X, 0, HT_INT, "labels", &cl->labels));
  PetscCall(HtTensorGetArrayWrite(cl->labels, &labels));
  PetscCall(HtTensorGetSamples(X, cl->weights, &s));
  if (metric == HT_POINTS_SQEUCLIDEAN) PetscCall(HtKMeansAssign(&s, cl->k, centers, labels, &inertia));
  else PetscCall(HtKMeansAssignMetric(&s, metric, cl->k, centers, labels, NULL, &inertia));
  PetscCall(HtSamplesSumReal(&s, 1, &inertia));
  cl->inertia = inertia;
  PetscCall(HtClusterSetResults_Private(cl, s.f, centers, its));
  PetscCall(HtTensorRestoreSamples(X, cl->weights, &s));
  PetscCall(HtTensorRestoreArrayWrite(cl->labels, &labels));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtKMeansRelocateEmpty - gives each cluster q without positive weight (npos[q] == 0: its number of samples of
   positive weight, reduced), by increasing q, the next of the samples farthest from their centers (far: the local
   lists of the samples that may move, merged here), and relabels the moved samples on their owners. Output: moved[q],
   the global index of the sample given to q or -1; rows + q (f + 2), its row, weight and former label; nmoved, the
   number of moved samples. Collective, without communication when no cluster is empty; the choice depends on the
   global indices and distances only.
*/
PetscErrorCode HtKMeansRelocateEmpty(const HtSamples *s, HtTopList *far, PetscInt k, const PetscReal npos[], PetscInt *labels, PetscInt moved[], PetscScalar rows[], PetscInt *nmoved)
{
  PetscInt nempty = 0;

  PetscFunctionBegin;
  *nmoved = 0;
  for (PetscInt q = 0; q < k; q++) {
    moved[q] = -1;
    nempty += npos[q] == 0;
  }
  if (!nempty) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtSamplesMergeTopLists(s, 1, far));
  for (PetscInt q = 0; q < k; q++)
    if (npos[q] == 0 && *nmoved < far->n) moved[q] = far->index[(*nmoved)++];
  PetscCall(HtSamplesGetRows(s, labels, k, moved, rows));
  for (PetscInt q = 0; q < k; q++)
    if (moved[q] >= s->rstart && moved[q] < s->rstart + s->m) labels[moved[q] - s->rstart] = q;
  PetscCall(PetscInfo(NULL, "%" PetscInt_FMT " of %" PetscInt_FMT " clusters without weight re-seeded with the farthest samples\n", *nmoved, nempty));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the labels of new samples X or their distances (m x K) to the fitted centers, in an exact metric */
static PetscErrorCode HtKMeansNewSamples(HtCluster cl, HtTensor X, HtPointsMetric metric, HtTensor labels, HtTensor dist)
{
  const PetscScalar *c;
  PetscInt          *l = NULL;
  PetscScalar       *d = NULL;
  HtSamples          s;

  PetscFunctionBegin;
  PetscCall(HtTensorGetArrayRead(cl->centers, &c));
  PetscCall(HtTensorGetSamples(X, NULL, &s));
  if (labels) PetscCall(HtTensorGetArrayWrite(labels, &l));
  if (dist) PetscCall(HtTensorGetArrayWrite(dist, &d));
  if (labels && metric == HT_POINTS_SQEUCLIDEAN) {
    PetscReal inertia;

    PetscCall(HtKMeansAssign(&s, cl->k, c, l, &inertia));
  } else if (labels) PetscCall(HtKMeansAssignMetric(&s, metric, cl->k, c, l, NULL, NULL));
  else {
    HtPoints P;

    PetscCall(HtPointsCreate(s.backend, cl->k, s.f, &P));
    PetscCall(HtPointsSet(P, cl->k, c, s.f));
    PetscCall(HtPointsDistances(P, metric, 0, s.m, s.x, d, cl->k));
    PetscCall(HtPointsDestroy(&P));
  }
  if (dist) PetscCall(HtTensorRestoreArrayWrite(dist, &d));
  if (labels) PetscCall(HtTensorRestoreArrayWrite(labels, &l));
  PetscCall(HtTensorRestoreSamples(X, NULL, &s));
  PetscCall(HtTensorRestoreArrayRead(cl->centers, &c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the predict operation of kmeans and batchkmeans: the nearest center by the k-means assignment */
PetscErrorCode HtClusterPredict_KMeans(HtCluster cl, HtTensor X, HtTensor labels)
{
  PetscFunctionBegin;
  PetscCall(HtKMeansNewSamples(cl, X, HT_POINTS_SQEUCLIDEAN, labels, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the transform operation of kmeans and batchkmeans: Euclidean distances by the expansion, as scikit-learn's */
PetscErrorCode HtClusterTransform_KMeans(HtCluster cl, HtTensor X, HtTensor dist)
{
  PetscFunctionBegin;
  PetscCall(HtKMeansNewSamples(cl, X, HT_POINTS_EUCLIDEAN, NULL, dist));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the predict operation of the types with an exact metric */
PetscErrorCode HtClusterPredict_KMeansMetric(HtCluster cl, HtTensor X, HtTensor labels, HtPointsMetric metric)
{
  PetscFunctionBegin;
  PetscCall(HtKMeansNewSamples(cl, X, metric, labels, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the transform operation (distances to the centers) of the types with an exact metric */
PetscErrorCode HtClusterTransform_KMeansMetric(HtCluster cl, HtTensor X, HtTensor dist, HtPointsMetric metric)
{
  PetscFunctionBegin;
  PetscCall(HtKMeansNewSamples(cl, X, metric, NULL, dist));
  PetscFunctionReturn(PETSC_SUCCESS);
}
