/*
   HtCluster: the generic clustering object (creation, parameters, options, fit, predict, results).
*/
#include <heat/private/clusterimpl.h>
#include <heat/private/heatimpl.h>

/*@C
   HtClusterCreate - Creates a clustering object.

   Collective

   Input Parameter:
.  comm - MPI communicator

   Output Parameter:
.  cl - the new object (type kmeans, 8 clusters, k-means++ initialization, tol 1e-4, at most 300 iterations, seed 0: scikit-learn's defaults)

   Level: beginner

.seealso: `HtClusterSetType()`, `HtClusterSetFromOptions()`, `HtClusterFit()`, `HtClusterDestroy()`
@*/
PetscErrorCode HtClusterCreate(MPI_Comm comm, HtCluster *cl)
{
  HtCluster c;

  PetscFunctionBegin;
  PetscValidPointer(cl, 2);
  PetscCall(HtClusterInitializePackage());
  PetscCall(PetscHeaderCreate(c, HT_CLUSTER_CLASSID, "HtCluster", "Clustering", "HtCluster", comm, HtClusterDestroy, HtClusterView));
  c->k      = 8;
  c->init   = HT_CLUSTER_INIT_KMEANSPP;
  c->tol    = 1e-4;
  c->max_it = 300;
  c->seed   = 0;
  *cl       = c;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSetType - Selects the clustering algorithm.

   Collective

   Input Parameters:
+  cl - the clustering object
-  type - `HTCLUSTERKMEANS`, `HTCLUSTERKMEDIANS`, `HTCLUSTERKMEDOIDS`, `HTCLUSTERBATCHKMEANS`, `HTCLUSTERSPECTRAL`, or a type added with `HtClusterRegister()`

   Options Database Key:
.  -ht_cluster_type <kmeans> - the algorithm

   Level: beginner

.seealso: `HtClusterGetType()`, `HtClusterRegister()`
@*/
PetscErrorCode HtClusterSetType(HtCluster cl, HtClusterType type)
{
  PetscErrorCode (*create)(HtCluster);
  PetscBool same;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidCharPointer(type, 2);
  PetscCall(PetscObjectTypeCompare((PetscObject)cl, type, &same));
  if (same) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscFunctionListFind(HtClusterList, type, &create));
  if (!create) {
    char names[512];

    PetscCall(HeatFunctionListNames(HtClusterList, names, sizeof(names)));
    SETERRQ(PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown HtCluster type '%s'; registered types: %s", type, names);
  }
  PetscCall(HtClusterReset(cl));
  if (cl->ops->destroy) PetscCall((*cl->ops->destroy)(cl));
  PetscCall(PetscMemzero(cl->ops, sizeof(struct _HtClusterOps)));
  cl->data        = NULL;
  cl->setupcalled = PETSC_FALSE;
  PetscCall(PetscObjectChangeTypeName((PetscObject)cl, type));
  PetscCall((*create)(cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterGetType - Gets the clustering algorithm.

   Not Collective

   Input Parameter:
.  cl - the clustering object

   Output Parameter:
.  type - the type name

   Level: beginner

.seealso: `HtClusterSetType()`
@*/
PetscErrorCode HtClusterGetType(HtCluster cl, HtClusterType *type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidPointer(type, 2);
  *type = ((PetscObject)cl)->type_name;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSetOptionsPrefix - Sets the prefix of all options of this object (e.g. "inner_" gives -inner_ht_cluster_type).

   Logically Collective

   Input Parameters:
+  cl - the clustering object
-  prefix - the prefix

   Level: advanced

.seealso: `HtClusterAppendOptionsPrefix()`, `HtClusterSetFromOptions()`
@*/
PetscErrorCode HtClusterSetOptionsPrefix(HtCluster cl, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(PetscObjectSetOptionsPrefix((PetscObject)cl, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterAppendOptionsPrefix - Appends to the prefix of all options of this object.

   Logically Collective

   Input Parameters:
+  cl - the clustering object
-  prefix - the prefix to append

   Level: advanced

.seealso: `HtClusterSetOptionsPrefix()`
@*/
PetscErrorCode HtClusterAppendOptionsPrefix(HtCluster cl, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(PetscObjectAppendOptionsPrefix((PetscObject)cl, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterGetOptionsPrefix - Gets the prefix of all options of this object.

   Not Collective

   Input Parameter:
.  cl - the clustering object

   Output Parameter:
.  prefix - the prefix (or NULL)

   Level: advanced

.seealso: `HtClusterSetOptionsPrefix()`
@*/
PetscErrorCode HtClusterGetOptionsPrefix(HtCluster cl, const char *prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(PetscObjectGetOptionsPrefix((PetscObject)cl, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

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
-  centers - a K x F `HT_SCALAR` tensor, any split; K becomes the number of clusters

   Level: beginner

.seealso: `HtClusterSetInitType()`
@*/
PetscErrorCode HtClusterSetInitialCenters(HtCluster cl, HtTensor centers)
{
  PetscInt        ndim;
  const PetscInt *shape;
  HtDType         dtype;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidHeaderSpecific(centers, HT_TENSOR_CLASSID, 2);
  PetscCall(HtTensorGetNDim(centers, &ndim));
  PetscCall(HtTensorGetShape(centers, &shape));
  PetscCall(HtTensorGetDType(centers, &dtype));
  PetscCheck(ndim == 2 && dtype == HT_SCALAR, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONG, "Initial centers must be a 2-d (clusters x features) HT_SCALAR tensor, not %" PetscInt_FMT "-d of dtype %s", ndim, HtDTypes[dtype]);
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
.  -ht_cluster_init_centers FILE - initial centers (.csv, .npy, or .h5 with dataset "centers")
.  -ht_cluster_max_it <300> - maximum number of iterations
.  -ht_cluster_tol <1e-4> - tolerance on the squared center shift, relative to the mean feature variance
.  -ht_cluster_seed <0> - seed of the random initialization
.  -ht_cluster_monitor - print iteration, inertia and center shift
.  -ht_cluster_view - view the object after the fit
-  -ht_cluster_converged_reason - print why the fit stopped

   Level: beginner

.seealso: `HtClusterSetType()`, `HtClusterView()`
@*/
PetscErrorCode HtClusterSetFromOptions(HtCluster cl)
{
  char      type[256], file[PETSC_MAX_PATH_LEN];
  PetscBool set, monitor = PETSC_FALSE;
  PetscInt  k = cl->k, max_it = cl->max_it, seed = (PetscInt)cl->seed;
  PetscReal tol = cl->tol;
  HtClusterInitType init = cl->init == HT_CLUSTER_INIT_USER ? HT_CLUSTER_INIT_KMEANSPP : cl->init;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(HtClusterInitializePackage());
  PetscObjectOptionsBegin((PetscObject)cl);
  PetscCall(PetscOptionsFList("-ht_cluster_type", "Clustering algorithm", "HtClusterSetType", HtClusterList, ((PetscObject)cl)->type_name ? ((PetscObject)cl)->type_name : HTCLUSTERKMEANS, type, sizeof(type), &set));
  if (set || !((PetscObject)cl)->type_name) PetscCall(HtClusterSetType(cl, set ? type : HTCLUSTERKMEANS));
  PetscCall(PetscOptionsInt("-ht_cluster_num_clusters", "Number of clusters", "HtClusterSetNumClusters", k, &k, &set));
  if (set) PetscCall(HtClusterSetNumClusters(cl, k));
  PetscCall(PetscOptionsEnum("-ht_cluster_init", "Initialization of the centers", "HtClusterSetInitType", HtClusterInitTypes, (PetscEnum)init, (PetscEnum *)&init, &set));
  if (set) {
    PetscCheck(init != HT_CLUSTER_INIT_USER, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONG, "Give user centers with -ht_cluster_init_centers FILE");
    PetscCall(HtClusterSetInitType(cl, init));
  }
  PetscCall(PetscOptionsString("-ht_cluster_init_centers", "File with the initial centers (.csv, .npy, .h5 dataset \"centers\")", "HtClusterSetInitialCenters", "", file, sizeof(file), &set));
  if (set) {
    HtTensor centers;
    PetscBool ish5, ishdf5;

    PetscCall(PetscStrendswith(file, ".h5", &ish5));
    PetscCall(PetscStrendswith(file, ".hdf5", &ishdf5));
    PetscCall(HtTensorLoad(PetscObjectComm((PetscObject)cl), file, ish5 || ishdf5 ? "centers" : NULL, -1, &centers));
    PetscCall(HtClusterSetInitialCenters(cl, centers));
    PetscCall(HtTensorDestroy(&centers));
  }
  PetscCall(PetscOptionsInt("-ht_cluster_max_it", "Maximum number of iterations", "HtClusterSetTolerances", max_it, &max_it, NULL));
  PetscCall(PetscOptionsReal("-ht_cluster_tol", "Tolerance on the squared center shift, relative to the mean feature variance", "HtClusterSetTolerances", tol, &tol, NULL));
  PetscCall(HtClusterSetTolerances(cl, tol, max_it));
  PetscCall(PetscOptionsInt("-ht_cluster_seed", "Seed of the random initialization", "HtClusterSetSeed", seed, &seed, &set));
  if (set) PetscCall(HtClusterSetSeed(cl, seed));
  PetscCall(PetscOptionsBool("-ht_cluster_monitor", "Print iteration, inertia and center shift", "HtClusterMonitorSet", monitor, &monitor, &set));
  if (set && monitor) PetscCall(HtClusterMonitorSet(cl, HtClusterMonitorDefault, NULL, NULL));
  PetscCall(PetscOptionsName("-ht_cluster_view", "View the object after the fit", "HtClusterView", NULL));
  PetscCall(PetscOptionsName("-ht_cluster_converged_reason", "Print why the fit stopped", "HtClusterConvergedReasonView", NULL));
  if (cl->ops->setfromoptions) PetscCall((*cl->ops->setfromoptions)(cl, PetscOptionsObject));
  PetscCall(PetscObjectProcessOptionsHandlers((PetscObject)cl, PetscOptionsObject));
  PetscOptionsEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSetUp - Prepares the object for fitting (called by `HtClusterFit()` if needed).

   Collective

   Input Parameter:
.  cl - the clustering object

   Level: advanced

.seealso: `HtClusterFit()`
@*/
PetscErrorCode HtClusterSetUp(HtCluster cl)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  if (cl->setupcalled) PetscFunctionReturn(PETSC_SUCCESS);
  if (!((PetscObject)cl)->type_name) PetscCall(HtClusterSetType(cl, HTCLUSTERKMEANS));
  PetscCall(PetscLogEventBegin(HT_CLUSTER_SetUp, cl, 0, 0, 0));
  if (cl->ops->setup) PetscCall((*cl->ops->setup)(cl));
  PetscCall(PetscLogEventEnd(HT_CLUSTER_SetUp, cl, 0, 0, 0));
  cl->setupcalled = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterFit - Clusters the samples of a data tensor.

   Collective

   Input Parameters:
+  cl - the clustering object
-  X - an `HT_SCALAR` tensor of shape (samples, features), split along the samples (axis 0), with no NaN or Inf

   Level: beginner

   Notes:
   Afterwards `HtClusterGetCenters()`, `HtClusterGetLabels()`, `HtClusterGetInertia()`,
   `HtClusterGetIterationNumber()` and `HtClusterGetConvergedReason()` give the results.
   Sample weights set with `HtClusterSetSampleWeights()` are used.

.seealso: `HtClusterFitWeighted()`, `HtClusterPredict()`, `HtClusterFitPredict()`
@*/
PetscErrorCode HtClusterFit(HtCluster cl, HtTensor X)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscCheckSameComm(cl, 1, X, 2);
  PetscCall(HtClusterSetUp(cl));
  PetscCall(HtClusterCheckData_Private(cl, X));
  if (cl->weights) PetscCall(HtClusterCheckWeights_Private(cl, X, cl->weights));
  PetscCall(HtTensorDestroy(&cl->centers));
  PetscCall(HtTensorDestroy(&cl->labels));
  cl->fitted  = PETSC_FALSE;
  cl->its     = 0;
  cl->inertia = 0;
  cl->reason  = HT_CLUSTER_CONVERGED_ITERATING;
  PetscCall(PetscLogEventBegin(HT_CLUSTER_Fit, cl, X, 0, 0));
  PetscCall((*cl->ops->fit)(cl, X));
  PetscCall(PetscLogEventEnd(HT_CLUSTER_Fit, cl, X, 0, 0));
  cl->fitted = PETSC_TRUE;
  PetscCall(HtClusterConvergedReasonViewFromOptions(cl));
  PetscCall(HtClusterViewFromOptions(cl, NULL, "-ht_cluster_view"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterFitWeighted - Clusters weighted samples.

   Collective

   Input Parameters:
+  cl - the clustering object
.  X - the (samples, features) data, split 0
-  w - N non-negative sample weights, a 1-d `HT_SCALAR` tensor with the layout of X's samples

   Level: intermediate

   Note:
   The weights stay set for later fits; remove them with `HtClusterSetSampleWeights(cl, NULL)`.

.seealso: `HtClusterFit()`, `HtClusterSetSampleWeights()`
@*/
PetscErrorCode HtClusterFitWeighted(HtCluster cl, HtTensor X, HtTensor w)
{
  PetscFunctionBegin;
  PetscCall(HtClusterSetSampleWeights(cl, w));
  PetscCall(HtClusterFit(cl, X));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterCheckFitted_Private(HtCluster cl, HtTensor X)
{
  const PetscInt *shape, *cshape;

  PetscFunctionBegin;
  PetscCheck(cl->fitted && cl->centers, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONGSTATE, "The clustering object has no fitted model; call HtClusterFit() or HtClusterLoad() first");
  PetscCall(HtClusterCheckData_Private(cl, X));
  PetscCall(HtTensorGetShape(X, &shape));
  PetscCall(HtTensorGetShape(cl->centers, &cshape));
  PetscCheck(shape[1] == cshape[1], PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_SIZ, "The data have %" PetscInt_FMT " features but the model was fitted on %" PetscInt_FMT, shape[1], cshape[1]);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterPredict - Assigns new samples to the fitted clusters.

   Collective

   Input Parameters:
+  cl - the fitted clustering object
-  X - (samples, features) data, split 0, with as many features as the training data

   Output Parameter:
.  labels - `HT_INT` tensor of the cluster of each sample, split 0 with the layout of X

   Level: beginner

.seealso: `HtClusterFit()`, `HtClusterTransform()`
@*/
PetscErrorCode HtClusterPredict(HtCluster cl, HtTensor X, HtTensor *labels)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscValidPointer(labels, 3);
  PetscCall(HtClusterCheckFitted_Private(cl, X));
  PetscCheck(cl->ops->predict, PetscObjectComm((PetscObject)cl), PETSC_ERR_SUP, "Type %s cannot predict the clusters of new samples (it clusters a graph of the training data); use HtClusterGetLabels()", ((PetscObject)cl)->type_name);
  PetscCall(HtClusterCreateLabels_Private(X, labels));
  PetscCall(PetscLogEventBegin(HT_CLUSTER_Predict, cl, X, 0, 0));
  PetscCall((*cl->ops->predict)(cl, X, *labels));
  PetscCall(PetscLogEventEnd(HT_CLUSTER_Predict, cl, X, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterFitPredict - Fits and returns the labels of the training samples.

   Collective

   Input Parameters:
+  cl - the clustering object
-  X - (samples, features) data, split 0

   Output Parameter:
.  labels - a new reference to the fitted labels (destroy it when done)

   Level: beginner

.seealso: `HtClusterFit()`, `HtClusterGetLabels()`
@*/
PetscErrorCode HtClusterFitPredict(HtCluster cl, HtTensor X, HtTensor *labels)
{
  PetscFunctionBegin;
  PetscCall(HtClusterFit(cl, X));
  PetscCall(PetscObjectReference((PetscObject)cl->labels));
  *labels = cl->labels;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterTransform - Distances of samples to every fitted center.

   Collective

   Input Parameters:
+  cl - the fitted clustering object
-  X - (samples, features) data, split 0

   Output Parameter:
.  dist - (samples, clusters) tensor, split 0 with the layout of X: Euclidean distances (L1 for kmedians)

   Level: intermediate

.seealso: `HtClusterPredict()`
@*/
PetscErrorCode HtClusterTransform(HtCluster cl, HtTensor X, HtTensor *dist)
{
  const PetscInt *shape, *lshape;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscValidPointer(dist, 3);
  PetscCall(HtClusterCheckFitted_Private(cl, X));
  PetscCheck(cl->ops->transform, PetscObjectComm((PetscObject)cl), PETSC_ERR_SUP, "Type %s has no transform", ((PetscObject)cl)->type_name);
  PetscCall(HtTensorGetShape(X, &shape));
  PetscCall(HtTensorGetLocalShape(X, &lshape));
  PetscCall(HtTensorCreateWithLayout(PetscObjectComm((PetscObject)X), 2, (PetscInt[]){shape[0], cl->k}, 0, HT_SCALAR, lshape[0], dist));
  PetscCall((*cl->ops->transform)(cl, X, *dist));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterGetCenters - Gets the fitted centers.

   Not Collective

   Input Parameter:
.  cl - the fitted clustering object

   Output Parameter:
.  centers - K x F replicated tensor, owned by the object (do not destroy)

   Level: beginner

.seealso: `HtClusterGetLabels()`, `HtClusterFit()`
@*/
PetscErrorCode HtClusterGetCenters(HtCluster cl, HtTensor *centers)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCheck(cl->centers, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "No centers: call HtClusterFit() first");
  *centers = cl->centers;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterGetLabels - Gets the cluster of each training sample.

   Not Collective

   Input Parameter:
.  cl - the fitted clustering object

   Output Parameter:
.  labels - `HT_INT` tensor, split 0 with the layout of the training data, owned by the object (do not destroy)

   Level: beginner

.seealso: `HtClusterGetCenters()`, `HtClusterFit()`
@*/
PetscErrorCode HtClusterGetLabels(HtCluster cl, HtTensor *labels)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCheck(cl->labels, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "No labels: call HtClusterFit() first (a model loaded with HtClusterLoad() has centers only)");
  *labels = cl->labels;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterGetInertia - Gets the sum of the (weighted) squared distances of the samples to their centers
   (L1 distances for kmedians, distances for kmedoids).

   Not Collective

   Input Parameter:
.  cl - the fitted clustering object

   Output Parameter:
.  inertia - the inertia

   Level: beginner

.seealso: `HtClusterFit()`
@*/
PetscErrorCode HtClusterGetInertia(HtCluster cl, PetscReal *inertia)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidRealPointer(inertia, 2);
  *inertia = cl->inertia;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterGetIterationNumber - Gets the number of iterations of the last fit.

   Not Collective

   Input Parameter:
.  cl - the clustering object

   Output Parameter:
.  its - number of iterations

   Level: beginner

.seealso: `HtClusterGetConvergedReason()`
@*/
PetscErrorCode HtClusterGetIterationNumber(HtCluster cl, PetscInt *its)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidIntPointer(its, 2);
  *its = cl->its;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterGetConvergedReason - Gets why the last fit stopped.

   Not Collective

   Input Parameter:
.  cl - the clustering object

   Output Parameter:
.  reason - the reason, negative when the iteration limit was hit

   Level: beginner

.seealso: `HtClusterConvergedReasonView()`, `HtClusterSetTolerances()`
@*/
PetscErrorCode HtClusterGetConvergedReason(HtCluster cl, HtClusterConvergedReason *reason)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidPointer(reason, 2);
  *reason = cl->reason;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterReset - Frees the fitted model and the type's work data (the parameters stay).

   Collective

   Input Parameter:
.  cl - the clustering object

   Level: advanced

.seealso: `HtClusterDestroy()`
@*/
PetscErrorCode HtClusterReset(HtCluster cl)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  if (cl->ops->reset) PetscCall((*cl->ops->reset)(cl));
  PetscCall(HtTensorDestroy(&cl->centers));
  PetscCall(HtTensorDestroy(&cl->labels));
  cl->fitted      = PETSC_FALSE;
  cl->setupcalled = PETSC_FALSE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterDestroy - Destroys a clustering object.

   Collective

   Input Parameter:
.  cl - the object, set to NULL

   Level: beginner

.seealso: `HtClusterCreate()`
@*/
PetscErrorCode HtClusterDestroy(HtCluster *cl)
{
  PetscFunctionBegin;
  if (!*cl) PetscFunctionReturn(PETSC_SUCCESS);
  PetscValidHeaderSpecific(*cl, HT_CLUSTER_CLASSID, 1);
  if (--((PetscObject)(*cl))->refct > 0) {
    *cl = NULL;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtClusterReset(*cl));
  if ((*cl)->ops->destroy) PetscCall((*(*cl)->ops->destroy)(*cl));
  PetscCall(HtClusterMonitorCancel(*cl));
  PetscCall(HtTensorDestroy(&(*cl)->initcenters));
  PetscCall(HtTensorDestroy(&(*cl)->weights));
  PetscCall(PetscHeaderDestroy(cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}
