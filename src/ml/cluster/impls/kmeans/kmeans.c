/*
   HTCLUSTERKMEANS: Lloyd's k-means with one assignment/accumulation pass per iteration
   (the iteration itself is HtSamplesLloyd_Private() in interface/clusterlloyd.c).
*/
#include <heat/private/clusterimpl.h>

static PetscErrorCode HtClusterFit_KMeans(HtCluster cl, HtTensor X)
{
  HtSamples    s;
  PetscScalar *centers;
  PetscInt    *labels, its;
  PetscReal    tol, inertia;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(cl->k * X->shape[1], &centers));
  PetscCall(HtClusterInitialCenters_Private(cl, X, centers));
  PetscCall(HtClusterTolerance_Private(cl, X, &tol));
  PetscCall(HtClusterCreateLabels_Private(X, &cl->labels));
  PetscCall(PetscObjectSetName((PetscObject)cl->labels, "labels"));
  PetscCall(HtTensorGetArray(cl->labels, &labels));
  PetscCall(HtClusterGetSamples_Private(cl, X, &s));
  PetscCall(HtSamplesLloyd_Private(cl, &s, tol, PETSC_TRUE, centers, labels, NULL, &its, &cl->reason));
  /* labels and inertia of the final centers */
  PetscCall(HtClusterAssignWeighted_Private(X, s.w, centers, cl->k, labels, &inertia));
  PetscCall(MPIU_Allreduce(&inertia, &cl->inertia, 1, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)cl)));
  PetscCall(HtClusterRestoreSamples_Private(cl, X, &s));
  PetscCall(HtTensorRestoreArray(cl->labels, &labels));
  PetscCall(HtClusterSetResults_Private(cl, X, centers, its));
  PetscCall(PetscFree(centers));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode HtClusterPredict_KMeans(HtCluster cl, HtTensor X, HtTensor labels)
{
  const PetscScalar *c;
  PetscInt          *l;
  PetscReal          inertia;

  PetscFunctionBegin;
  PetscCall(HtTensorGetArrayRead(cl->centers, &c));
  PetscCall(HtTensorGetArrayWrite(labels, &l));
  PetscCall(HtClusterAssign_Private(X, c, cl->k, l, &inertia));
  PetscCall(HtTensorRestoreArrayWrite(labels, &l));
  PetscCall(HtTensorRestoreArrayRead(cl->centers, &c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode HtClusterTransform_KMeans(HtCluster cl, HtTensor X, HtTensor dist)
{
  const PetscScalar *c, *x;
  PetscScalar       *d;
  HtDistanceWork     w;
  PetscInt           m = X->lshape[0], f = X->shape[1], k = cl->k;

  PetscFunctionBegin;
  PetscCall(HtTensorGetArrayRead(cl->centers, &c));
  PetscCall(HtTensorGetArrayRead(X, &x));
  PetscCall(HtTensorGetArrayWrite(dist, &d));
  PetscCall(HtDistanceWorkCreate(k, f, &w));
  for (PetscInt i0 = 0; i0 < m; i0 += w.chunk) {
    PetscInt mc = PetscMin(w.chunk, m - i0);

    PetscCall(HtDistanceChunk(&w, c, mc, x + i0 * f, (PetscBool)(i0 == 0)));
    for (PetscInt i = 0; i < mc; i++) {
      PetscReal xn = 0;

      for (PetscInt j = 0; j < f; j++) xn += PetscRealPart(x[(i0 + i) * f + j] * x[(i0 + i) * f + j]);
      for (PetscInt q = 0; q < k; q++) d[(i0 + i) * k + q] = PetscSqrtReal(PetscMax(0.0, xn + PetscRealPart(w.g[i * k + q])));
    }
  }
  PetscCall(HtDistanceWorkDestroy(&w));
  PetscCall(HtTensorRestoreArrayWrite(dist, &d));
  PetscCall(HtTensorRestoreArrayRead(X, &x));
  PetscCall(HtTensorRestoreArrayRead(cl->centers, &c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTCLUSTERKMEANS - "kmeans" - Lloyd's k-means.

   Each iteration reads the local samples once: the nearest center of each row by the expansion
   ||c||^2 - 2 x.c in a register-blocked kernel (no samples x K matrix), then, while a chunk of rows is in
   cache, the sums of the new centers: in full every 8 iterations, and in between by moving the rows that
   changed cluster from the old sums to the new (after the first iterations a few percent of them). The exact
   squared distances and the inertia are formed only for the monitors (-ht_cluster_monitor) and once at the end,
   as scikit-learn does. One allreduce of K (F + 1) + 2 numbers per iteration, whatever the number of samples. Empty clusters take the samples
   farthest from their centers. The fit stops when no sample changes its cluster, when the squared shift of
   the centers is at most tol times the mean feature variance, or after max_it iterations: the same rules
   as scikit-learn's KMeans(algorithm="lloyd"), whose results it reproduces from the same initial centers.

   Options Database Keys:
+  -ht_cluster_num_clusters <8> - K
.  -ht_cluster_init <kmeans++> - random, kmeans++, kmeans||
.  -ht_cluster_init_centers FILE - given initial centers
.  -ht_cluster_tol <1e-4> - tolerance
-  -ht_cluster_max_it <300> - maximum number of iterations

   Level: beginner

.seealso: `HtClusterCreate()`, `HtClusterSetType()`, `HTCLUSTERKMEDIANS`, `HTCLUSTERBATCHKMEANS`
M*/
PETSC_INTERN PetscErrorCode HtClusterCreate_KMeans(HtCluster cl)
{
  PetscFunctionBegin;
  cl->ops->fit       = HtClusterFit_KMeans;
  cl->ops->predict   = HtClusterPredict_KMeans;
  cl->ops->transform = HtClusterTransform_KMeans;
  PetscFunctionReturn(PETSC_SUCCESS);
}
