/*
   HtCluster: setting up, fitting, predicting, and the fitted results.
*/
#include <heat/private/clusterimpl.h>

/*
   The values of Xs (X redistributed, N x f) in one pass, the per-feature moments, whose mean variance the k-means
   tolerance reuses (cl->datavar). Non-finite data make a moment non-finite; HtMLCheckData() then says where (a
   second pass, only then). Squared distances between samples must be finite: with f features each is at most
   f (2 max|x|)^2, so data whose largest |value| is beyond sqrt(DBL_MAX / 4f) (1e154 for one feature) are an error, on
   every rank count, rather than a fit with Inf or NaN inertia. A value deviates from its feature's mean by at most the
   root of the sum of the squared deviations, sqrt(N) std, so |mean| + sqrt(N) std bounds the largest |value|; only
   when that bound passes the limit is the largest |value| itself computed (another pass).
*/
static PetscErrorCode HtClusterCheckValues(HtCluster cl, HtTensor X, HtTensor Xs, PetscInt N, PetscInt f)
{
  HtTensor           mean, std, norm;
  const PetscScalar *mu, *sd, *v;
  PetscReal          bound = 0, var = 0, maxabs, limit = PetscSqrtReal(PETSC_MAX_REAL / (4.0 * f));
  PetscBool          finite = PETSC_TRUE;

  PetscFunctionBegin;
  PetscCall(HtTensorDescribe(Xs, NULL, &mean, NULL, &std));
  PetscCall(HtTensorGetArrayRead(mean, &mu));
  PetscCall(HtTensorGetArrayRead(std, &sd));
  for (PetscInt j = 0; j < f; j++) {
    finite = (PetscBool)(finite && !PetscIsInfOrNanReal(PetscRealPart(mu[j])) && !PetscIsInfOrNanReal(PetscRealPart(sd[j])));
    bound  = PetscMax(bound, PetscAbsScalar(mu[j]) + PetscSqrtReal((PetscReal)N) * PetscRealPart(sd[j]));
    var += PetscRealPart(sd[j] * sd[j]);
  }
  PetscCall(HtTensorRestoreArrayRead(std, &sd));
  PetscCall(HtTensorRestoreArrayRead(mean, &mu));
  PetscCall(HtTensorDestroy(&std));
  PetscCall(HtTensorDestroy(&mean));
  cl->datavar = var / f;
  if (!finite) { /* non-finite data (the error), or finite values whose squared deviations overflow (the pass below) */
    HtTensor checked;

    PetscCall(HtMLCheckData((PetscObject)cl, X, -1, &checked));
    PetscCall(HtTensorDestroy(&checked));
  }
  if (finite && bound * (1 + 1e-8) <= limit) PetscFunctionReturn(PETSC_SUCCESS); /* (1 + 1e-8): the bound's rounding */
  PetscCall(HtTensorNorm(Xs, NORM_INFINITY, HT_AXIS_NONE, PETSC_FALSE, &norm));
  PetscCall(HtTensorGetArrayRead(norm, &v));
  maxabs = PetscRealPart(v[0]);
  PetscCall(HtTensorRestoreArrayRead(norm, &v));
  PetscCall(HtTensorDestroy(&norm));
  PetscCheck(maxabs <= limit, PetscObjectComm((PetscObject)cl), PETSC_ERR_FP, "The squared distances of the data overflow double precision: the largest |value| is %g, beyond %g for %" PetscInt_FMT " features; scale the data first (e.g. heat scale or HtScaler)", (double)maxabs, (double)limit, f);
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
  PetscCall(HtMLObjectSetUp(&HtClusterClass, (PetscObject)cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterFit - Clusters the samples of a data tensor.

   Collective

   Input Parameters:
+  cl - the clustering object
-  X - an `HT_SCALAR` tensor of shape (samples, features) with no NaN or Inf, best split along the samples (axis 0);
       other splits are redistributed so first (see -info)

   Level: beginner

   Notes:
   Afterwards `HtClusterGetCenters()`, `HtClusterGetLabels()`, `HtClusterGetInertia()`,
   `HtClusterGetIterationNumber()` and `HtClusterGetConvergedReason()` give the results; the labels are split 0
   with the layout of X's samples (balanced when X was redistributed).
   Sample weights set with `HtClusterSetSampleWeights()` are used.

.seealso: `HtClusterFitWeighted()`, `HtClusterPredict()`, `HtClusterFitPredict()`
@*/
PetscErrorCode HtClusterFit(HtCluster cl, HtTensor X)
{
  HtTensor        Xs;
  const PetscInt *shape;
  PetscErrorCode  ierr;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscCheckSameComm(cl, 1, X, 2);
  PetscCall(HtClusterSetUp(cl));
  PetscCall(HtMLCheckDataLayout((PetscObject)cl, X, -1, &Xs));
  PetscCall(HtTensorGetShape(Xs, &shape));
  PetscCheck(cl->k <= shape[0], PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "Cannot find %" PetscInt_FMT " clusters in %" PetscInt_FMT " samples; use at most as many clusters as samples", cl->k, shape[0]);
  PetscCall(HtClusterCheckValues(cl, X, Xs, shape[0], shape[1]));
  if (cl->weights) PetscCall(HtMLCheckSampleWeights((PetscObject)cl, Xs, cl->weights));
  PetscCall(HtTensorDestroy(&cl->centers));
  PetscCall(HtTensorDestroy(&cl->labels));
  cl->fitted  = PETSC_FALSE;
  cl->its     = 0;
  cl->inertia = 0;
  cl->reason  = HT_CLUSTER_CONVERGED_ITERATING;
  PetscCall(PetscLogEventBegin(HT_CLUSTER_Fit, cl, Xs, 0, 0));
  PetscUseTypeMethod(cl, fit, Xs);
  PetscCall(PetscLogEventEnd(HT_CLUSTER_Fit, cl, Xs, 0, 0));
  cl->fitted = PETSC_TRUE;
  PetscCall(HtClusterConvergedReasonViewFromOptions(cl));
  cl->viewdata = Xs;
  ierr         = HtClusterViewFromOptions(cl, NULL, "-ht_cluster_view");
  cl->viewdata = NULL;
  PetscCall(HtTensorDestroy(&Xs));
  PetscCall(ierr);
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

/* X, checked as new data for the fitted model (features of the model), as Xs, split along the samples */
static PetscErrorCode HtClusterCheckNewData(HtCluster cl, HtTensor X, HtTensor *Xs)
{
  const PetscInt *cshape;

  PetscFunctionBegin;
  PetscCall(HtMLCheckFitted((PetscObject)cl, cl->fitted));
  PetscCall(HtTensorGetShape(cl->centers, &cshape));
  PetscCall(HtMLCheckData((PetscObject)cl, X, cshape[1], Xs));
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
  HtTensor Xs;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscValidPointer(labels, 3);
  PetscCall(HtClusterCheckNewData(cl, X, &Xs));
  PetscCheck(cl->ops->predict, PetscObjectComm((PetscObject)cl), PETSC_ERR_SUP, "Type %s cannot predict the clusters of new samples (it clusters a graph of the training data); use HtClusterGetLabels()", ((PetscObject)cl)->type_name);
  PetscCall(HtMLCreateSampleTensor(Xs, 0, HT_INT, "labels", labels));
  PetscCall(PetscLogEventBegin(HT_CLUSTER_Predict, cl, Xs, 0, 0));
  PetscUseTypeMethod(cl, predict, Xs, *labels);
  PetscCall(PetscLogEventEnd(HT_CLUSTER_Predict, cl, Xs, 0, 0));
  PetscCall(HtTensorDestroy(&Xs));
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
  HtTensor Xs;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscValidPointer(dist, 3);
  PetscCall(HtClusterCheckNewData(cl, X, &Xs));
  PetscCheck(cl->ops->transform, PetscObjectComm((PetscObject)cl), PETSC_ERR_SUP, "Type %s has no transform", ((PetscObject)cl)->type_name);
  PetscCall(HtMLCreateSampleTensor(Xs, cl->k, HT_SCALAR, "distances", dist));
  PetscUseTypeMethod(cl, transform, Xs, *dist);
  PetscCall(HtTensorDestroy(&Xs));
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
  PetscCall(HtMLCheckFitted((PetscObject)cl, cl->fitted));
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
  PetscCall(HtMLCheckFitted((PetscObject)cl, cl->fitted));
  PetscCheck(cl->labels, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONGSTATE, "A model loaded with HtClusterLoad() has no labels (they belong to the training data); fit it, or predict the labels of data with HtClusterPredict()");
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
  PetscCall(HtMLCheckFitted((PetscObject)cl, cl->fitted));
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

/*
   HtClusterSetResults_Private - the K x f centers (replicated on every rank) become the fitted cl->centers, and its
   the iteration count of the fit
*/
PetscErrorCode HtClusterSetResults_Private(HtCluster cl, PetscInt f, const PetscScalar *centers, PetscInt its)
{
  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&cl->centers));
  PetscCall(HtTensorCreateFromLocalArray(PetscObjectComm((PetscObject)cl), 2, (PetscInt[]){cl->k, f}, -1, HT_SCALAR, PETSC_DECIDE, centers, &cl->centers));
  PetscCall(HtTensorSetName(cl->centers, "centers"));
  cl->its = its;
  PetscFunctionReturn(PETSC_SUCCESS);
}
