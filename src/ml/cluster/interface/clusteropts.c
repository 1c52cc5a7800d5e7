/*
   HtCluster: the parameters, set in code or from the options database.
*/
#include <heat/private/clusterimpl.h>
#include <heat/private/heatimpl.h>

/*@C
   HtClusterSetNumClusters - Sets the number of clusters K.

   Logically Collective

   Input Parameters:
+  cl - the clustering object
-  k - number of clusters (>= 1, at most the number of samples)

   Options Database Key:
.  -ht_cluster_num_clusters <8> - number of clusters

   Level: beginner

.seealso: `HtClusterGetNumClusters()`
@*/
PetscErrorCode HtClusterSetNumClusters(HtCluster cl, PetscInt k)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidLogicalCollectiveInt(cl, k, 2);
  PetscCheck(k >= 1, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "The number of clusters must be at least 1, not %" PetscInt_FMT, k);
  if (k != cl->k) PetscCall(HtClusterReset(cl));
  cl->k = k;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterGetNumClusters - Gets the number of clusters K.

   Not Collective

   Input Parameter:
.  cl - the clustering object

   Output Parameter:
.  k - number of clusters

   Level: beginner

.seealso: `HtClusterSetNumClusters()`
@*/
PetscErrorCode HtClusterGetNumClusters(HtCluster cl, PetscInt *k)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidIntPointer(k, 2);
  *k = cl->k;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSetInitType - Sets how the initial centers are chosen.

   Logically Collective

   Input Parameters:
+  cl - the clustering object
-  init - `HT_CLUSTER_INIT_RANDOM`, `HT_CLUSTER_INIT_KMEANSPP`, `HT_CLUSTER_INIT_KMEANSPARALLEL` or `HT_CLUSTER_INIT_USER`

   Options Database Keys:
+  -ht_cluster_init <kmeans++> - random, kmeans++ or kmeans||
-  -ht_cluster_init_centers FILE - initial centers from a .csv, .npy or .h5 file (dataset "centers" or "data")

   Level: beginner

.seealso: `HtClusterSetInitialCenters()`, `HtClusterSetSeed()`
@*/
PetscErrorCode HtClusterSetInitType(HtCluster cl, HtClusterInitType init)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidLogicalCollectiveEnum(cl, init, 2);
  PetscCheck(init != HT_CLUSTER_INIT_USER || cl->initcenters, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONGSTATE, "HT_CLUSTER_INIT_USER needs centers; call HtClusterSetInitialCenters()");
  cl->init = init;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterGetInitType - Gets how the initial centers are chosen.

   Not Collective

   Input Parameter:
.  cl - the clustering object

   Output Parameter:
.  init - the initialization

   Level: beginner

.seealso: `HtClusterSetInitType()`
@*/
PetscErrorCode HtClusterGetInitType(HtCluster cl, HtClusterInitType *init)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidPointer(init, 2);
  *init = cl->init;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSetInitialCenters - Gives the initial centers (and selects `HT_CLUSTER_INIT_USER`).

   Collective

   Input Parameters:
+  cl - the clustering object
-  centers - a K x F `HT_SCALAR` tensor of finite values, any split; K becomes the number of clusters

   Level: beginner

.seealso: `HtClusterSetInitType()`
@*/
PetscErrorCode HtClusterSetInitialCenters(HtCluster cl, HtTensor centers)
{
  PetscInt        ndim, first;
  const PetscInt *shape;
  HtDType         dtype;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidHeaderSpecific(centers, HT_TENSOR_CLASSID, 2);
  PetscCall(HtTensorGetNDim(centers, &ndim));
  PetscCall(HtTensorGetShape(centers, &shape));
  PetscCall(HtTensorGetDType(centers, &dtype));
  PetscCheck(ndim == 2 && dtype == HT_SCALAR, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONG, "Initial centers must be a 2-d (clusters x features) HT_SCALAR tensor, not %" PetscInt_FMT "-d of dtype %s", ndim, HtDTypes[dtype]);
  PetscCall(HtTensorCountNonFinite(centers, NULL, &first));
  PetscCheck(first < 0, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONG, "Initial center %" PetscInt_FMT " (counting from 0) has a NaN or Inf in feature %" PetscInt_FMT "; give finite centers", first / shape[1], first % shape[1]);
  PetscCall(HtClusterSetNumClusters(cl, shape[0]));
  PetscCall(HtTensorDestroy(&cl->initcenters));
  PetscCall(HtTensorResplit(centers, -1, &cl->initcenters));
  cl->init = HT_CLUSTER_INIT_USER;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSetTolerances - Sets the convergence tolerance and the maximum number of iterations.

   Logically Collective

   Input Parameters:
+  cl - the clustering object
.  tol - stop when the squared shift of the centers is at most tol times the mean variance of the features (`PETSC_DEFAULT` keeps it)
-  max_it - the maximum number of iterations (`PETSC_DEFAULT` keeps it)

   Options Database Keys:
+  -ht_cluster_tol <1e-4> - the tolerance
-  -ht_cluster_max_it <300> - the maximum number of iterations

   Level: beginner

.seealso: `HtClusterGetTolerances()`, `HtClusterGetConvergedReason()`
@*/
PetscErrorCode HtClusterSetTolerances(HtCluster cl, PetscReal tol, PetscInt max_it)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  if (tol != (PetscReal)PETSC_DEFAULT) {
    PetscCheck(tol >= 0, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "The tolerance must be >= 0, not %g", (double)tol);
    cl->tol = tol;
  }
  if (max_it != PETSC_DEFAULT) {
    PetscCheck(max_it >= 1, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "The maximum number of iterations must be >= 1, not %" PetscInt_FMT, max_it);
    cl->max_it = max_it;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterGetTolerances - Gets the convergence tolerance and the maximum number of iterations.

   Not Collective

   Input Parameter:
.  cl - the clustering object

   Output Parameters:
+  tol - the tolerance (or NULL)
-  max_it - the maximum number of iterations (or NULL)

   Level: beginner

.seealso: `HtClusterSetTolerances()`
@*/
PetscErrorCode HtClusterGetTolerances(HtCluster cl, PetscReal *tol, PetscInt *max_it)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  if (tol) *tol = cl->tol;
  if (max_it) *max_it = cl->max_it;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSetSeed - Sets the seed of the random initialization.

   Logically Collective

   Input Parameters:
+  cl - the clustering object
-  seed - the seed; random draws are indexed by the global sample index, so a seed gives the same result on any number of ranks

   Options Database Key:
.  -ht_cluster_seed <0> - the seed

   Level: beginner

.seealso: `HtClusterGetSeed()`, `HtClusterSetInitType()`
@*/
PetscErrorCode HtClusterSetSeed(HtCluster cl, PetscInt64 seed)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  cl->seed = seed;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterGetSeed - Gets the seed of the random initialization.

   Not Collective

   Input Parameter:
.  cl - the clustering object

   Output Parameter:
.  seed - the seed

   Level: beginner

.seealso: `HtClusterSetSeed()`
@*/
PetscErrorCode HtClusterGetSeed(HtCluster cl, PetscInt64 *seed)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  *seed = cl->seed;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSetSampleWeights - Gives every sample a weight for the following fits.

   Collective

   Input Parameters:
+  cl - the clustering object
-  w - a 1-d `HT_SCALAR` tensor of N non-negative weights, split 0 (NULL removes the weights)

   Level: intermediate

   Note:
   The weights are checked against the data in `HtClusterFit()`: same length and layout as
   its samples, no negative or non-finite weight.

.seealso: `HtClusterFitWeighted()`, `HtClusterFit()`
@*/
PetscErrorCode HtClusterSetSampleWeights(HtCluster cl, HtTensor w)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  if (w) PetscValidHeaderSpecific(w, HT_TENSOR_CLASSID, 2);
  if (w) PetscCall(PetscObjectReference((PetscObject)w));
  PetscCall(HtTensorDestroy(&cl->weights));
  cl->weights = w;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSetFromOptions - Sets the type and parameters from the options database.

   Collective

   Input Parameter:
.  cl - the clustering object

   Options Database Keys:
+  -ht_cluster_type <kmeans> - kmeans, kmedians, kmedoids, batchkmeans, spectral
.  -ht_cluster_num_clusters <8> - number of clusters
.  -ht_cluster_init <kmeans++> - random, kmeans++, kmeans||
.  -ht_cluster_init_centers FILE - initial centers (.csv, .npy, or .h5 with dataset "centers"); K follows the file
                                    unless -ht_cluster_num_clusters is given, which must then equal the file's rows
.  -ht_cluster_max_it <300> - maximum number of iterations
.  -ht_cluster_tol <1e-4> - tolerance on the squared center shift, relative to the mean feature variance
.  -ht_cluster_seed <0> - seed of the random initialization
.  -ht_cluster_monitor [ascii[:file]] - print iteration, inertia and center shift after each iteration;
   draw::draw_lg draws the inertia against the iteration (`HtClusterMonitorSet()`)
.  -ht_cluster_monitor_cancel - remove every monitor, also those set in the code
.  -ht_cluster_view [viewer] - view the object after the fit (hdf5:model.h5 writes the model)
-  -ht_cluster_converged_reason [::failed] - print why the fit stopped (::failed: only when it did not converge)

   Level: beginner

.seealso: `HtClusterSetType()`, `HtClusterView()`
@*/
PetscErrorCode HtClusterSetFromOptions(HtCluster cl)
{
  char              file[PETSC_MAX_PATH_LEN], hint[128];
  PetscBool         set, kset;
  PetscInt          k = cl->k, max_it = cl->max_it, seed = (PetscInt)cl->seed;
  PetscReal         tol  = cl->tol;
  HtClusterInitType init = cl->init == HT_CLUSTER_INIT_USER ? HT_CLUSTER_INIT_KMEANSPP : cl->init;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(HtClusterInitializePackage());
  PetscObjectOptionsBegin((PetscObject)cl);
  PetscCall(HtMLObjectOptionsType(&HtClusterClass, (PetscObject)cl, PetscOptionsObject));
  PetscCall(PetscOptionsInt("-ht_cluster_num_clusters", "Number of clusters", "HtClusterSetNumClusters", k, &k, &kset));
  if (kset) PetscCall(HtClusterSetNumClusters(cl, k));
  PetscCall(PetscSNPrintf(hint, sizeof(hint), "initial centers from a file go to -%sht_cluster_init_centers FILE", PetscOptionsObject->prefix ? PetscOptionsObject->prefix : ""));
  PetscCall(HeatOptionsEnum(PetscOptionsObject, "-ht_cluster_init", "Initialization of the centers", "HtClusterSetInitType", HtClusterInitTypes, (PetscEnum)init, (PetscEnum *)&init, &set, hint));
  if (set) {
    PetscCheck(init != HT_CLUSTER_INIT_USER, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONG, "Give user centers with -ht_cluster_init_centers FILE");
    PetscCall(HtClusterSetInitType(cl, init));
  }
  PetscCall(PetscOptionsString("-ht_cluster_init_centers", "File with the initial centers (.csv, .npy, .h5 dataset \"centers\")", "HtClusterSetInitialCenters", "", file, sizeof(file), &set));
  if (set) {
    HtTensor  centers;
    PetscBool ish5, ishdf5;

    PetscCall(PetscStrendswith(file, ".h5", &ish5));
    PetscCall(PetscStrendswith(file, ".hdf5", &ishdf5));
    PetscCall(HtTensorLoad(PetscObjectComm((PetscObject)cl), file, ish5 || ishdf5 ? "centers" : NULL, -1, &centers));
    PetscCall(HtClusterSetInitialCenters(cl, centers));
    PetscCall(HtTensorDestroy(&centers));
    /* K follows the file unless -ht_cluster_num_clusters says otherwise (scikit-learn: a mismatch is an error) */
    PetscCheck(!kset || cl->k == k, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_INCOMP, "-ht_cluster_num_clusters %" PetscInt_FMT " but -ht_cluster_init_centers %s has %" PetscInt_FMT " centers; give as many centers as clusters, or leave out -ht_cluster_num_clusters (K then follows the file)", k, file, cl->k);
  }
  PetscCall(PetscOptionsInt("-ht_cluster_max_it", "Maximum number of iterations", "HtClusterSetTolerances", max_it, &max_it, NULL));
  PetscCall(PetscOptionsReal("-ht_cluster_tol", "Tolerance on the squared center shift, relative to the mean feature variance", "HtClusterSetTolerances", tol, &tol, NULL));
  PetscCall(HtClusterSetTolerances(cl, tol, max_it));
  PetscCall(PetscOptionsInt("-ht_cluster_seed", "Seed of the random initialization", "HtClusterSetSeed", seed, &seed, &set));
  if (set) PetscCall(HtClusterSetSeed(cl, seed));
  PetscCall(HtMLObjectOptionsEnd(&HtClusterClass, (PetscObject)cl, PetscOptionsObject));
  PetscOptionsEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}
