/*
   HTCLUSTERKMEANS: Lloyd's k-means (the engine is shared with the types derived from it: kmeansimpl.h).

   Each iteration reads the local samples once: the nearest center of each row by the back end's nearest-center
   kernel (the expansion ||c||^2 - 2 x.c in registers, argmin folded in, no samples x K matrix), then, while a chunk of
   rows is in cache, the sums of the new centers: in full every 8 iterations, and in between by moving the rows that
   changed cluster from the old sums to the new (after the first iterations a few percent of them). The exact squared
   distances and the inertia are formed only for the monitors and once at the end, as scikit-learn does. One
   reduction of K (F + 1) + 2 numbers per iteration, whatever the number of samples.
*/
#include <../src/ml/cluster/impls/kmeans/kmeansimpl.h>

static PetscErrorCode HtClusterFit_KMeans(HtCluster cl, HtTensor X)
{
  HtSamples    s;
  PetscScalar *centers;
  PetscInt    *labels, its;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, cl->weights, &s));
  PetscCall(PetscMalloc1(cl->k * s.f, &centers));
  PetscCall(HtKMeansInitialCenters(cl, &s, centers));
  PetscCall(HtMLCreateSampleTensor(X, 0, HT_INT, "labels", &cl->labels));
  PetscCall(HtTensorGetArrayWrite(cl->labels, &labels));
  /* the tolerance relative to the mean feature variance (scikit-learn's convention), which HtClusterFit() computed */
  PetscCall(HtKMeansLloyd(cl, &s, cl->tol * cl->datavar, PETSC_TRUE, centers, labels, NULL, &its, &cl->reason));
  PetscCall(HtTensorRestoreArrayWrite(cl->labels, &labels));
  PetscCall(HtTensorRestoreSamples(X, cl->weights, &s));
  PetscCall(HtKMeansSetLabels(cl, X, HT_POINTS_SQEUCLIDEAN, centers, its));
  PetscCall(PetscFree(centers));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTCLUSTERKMEANS - "kmeans" - Lloyd's k-means.

   Method: alternate the assignment of every sample to its nearest center (squared Euclidean distance) and the
   move of every center to the (weighted) mean of its samples. A cluster that loses all its samples takes the
   samples farthest from their centers. The fit stops when no sample changes its cluster, when the squared shift of
   the centers is at most tol times the mean feature variance, or after max_it iterations: the rules of
   scikit-learn's KMeans(algorithm="lloyd"), whose results it reproduces from the same initial centers. Each
   iteration reads the data once and reduces K (F + 1) + 2 numbers, whatever the number of samples; the labels and
   centers are the same on any number of ranks.

   Options Database Keys:
+  -ht_cluster_num_clusters <8> - K
.  -ht_cluster_init <kmeans++> - random, kmeans++, kmeans||
.  -ht_cluster_init_centers FILE - given initial centers
.  -ht_cluster_seed <0> - seed of the initialization
.  -ht_cluster_tol <1e-4> - tolerance
-  -ht_cluster_max_it <300> - maximum number of iterations

   References:
+  S. Lloyd, Least squares quantization in PCM, IEEE Trans. Inf. Theory 28 (1982) 129-137.
-  D. Arthur and S. Vassilvitskii, k-means++: the advantages of careful seeding, SODA 2007 (initialization).

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
