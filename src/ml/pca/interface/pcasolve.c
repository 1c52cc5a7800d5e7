/*
   HtPCA: setting up, fitting, projecting, and the fitted results.
*/
#include <heat/private/pcaimpl.h>

/*@C
   HtPCASetUp - Prepares the object for fitting (called by `HtPCAFit()` if needed).

   Collective

   Input Parameter:
.  pca - the PCA object

   Level: advanced

.seealso: `HtPCAFit()`
@*/
PetscErrorCode HtPCASetUp(HtPCA pca)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscCall(HtMLObjectSetUp(&HtPCAClass, (PetscObject)pca));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the number of components the data allow must cover the number asked for */
static PetscErrorCode HtPCACheckComponents(HtPCA pca, PetscInt n, PetscInt f)
{
  PetscFunctionBegin;
  PetscCheck(n >= 2, PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_SIZ, "Principal component analysis needs at least 2 samples; the data have %" PetscInt_FMT, n);
  PetscCheck(pca->ncomp <= PetscMin(n, f), PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_OUTOFRANGE, "Cannot find %" PetscInt_FMT " components in data of %" PetscInt_FMT " samples x %" PetscInt_FMT " features; use at most min(samples, features) = %" PetscInt_FMT, pca->ncomp, n, f, PetscMin(n, f));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the model is gone: results and the type's running state */
static PetscErrorCode HtPCAClearModel(HtPCA pca)
{
  PetscBool setup = pca->setupcalled;

  PetscFunctionBegin;
  PetscCall(HtPCAReset(pca));
  pca->setupcalled = setup;
  pca->reason      = HT_PCA_CONVERGED_ITERATING;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* whether the factors found explain the variance fraction asked for (or are all there are) */
static PetscBool HtPCAFactorsEnough(HtPCA pca)
{
  const HtPCAFactors *F        = &pca->factors;
  PetscReal           captured = 0;

  if (pca->variance <= 0 || F->kfound >= PetscMin(F->n, F->f) || F->totalvar <= 0) return PETSC_TRUE;
  for (PetscInt i = 0; i < F->kfound; i++) captured += F->sv[i] * F->sv[i] / (F->n - 1);
  return (PetscBool)(captured > pca->variance * F->totalvar);
}

/*@C
   HtPCAFit - Computes the principal components of the samples of a data tensor.

   Collective

   Input Parameters:
+  pca - the PCA object
-  X - an `HT_SCALAR` tensor of shape (samples, features) with no NaN or Inf, best split along the samples (axis 0);
       other splits are redistributed so first (see -info)

   Level: beginner

   Notes:
   Afterwards `HtPCAGetComponents()`, `HtPCAGetExplainedVariance()`, `HtPCAGetExplainedVarianceRatio()`,
   `HtPCAGetSingularValues()`, `HtPCAGetMean()` and `HtPCAGetNoiseVariance()` give the model (scikit-learn's
   attributes); each component's largest entry in magnitude is positive (scikit-learn's sign convention), so the
   results are deterministic. With a variance fraction, the types that compute only leading components (svd,
   randomized) double their number until the fraction is explained.

.seealso: `HtPCATransform()`, `HtPCAFitTransform()`, `HtPCAPartialFit()`, `HtPCAFitFile()`
@*/
PetscErrorCode HtPCAFit(HtPCA pca, HtTensor X)
{
  HtTensor        Xs;
  const PetscInt *shape;
  PetscInt        kwant;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscCheckSameComm(pca, 1, X, 2);
  PetscCall(HtPCASetUp(pca));
  if (pca->typechecksvalues) PetscCall(HtMLCheckDataLayout((PetscObject)pca, X, -1, &Xs));
  else PetscCall(HtMLCheckData((PetscObject)pca, X, -1, &Xs));
  PetscCall(HtTensorGetShape(Xs, &shape));
  PetscCall(HtPCACheckComponents(pca, shape[0], shape[1]));
  PetscCall(HtPCAClearModel(pca));
  PetscCall(PetscLogEventBegin(HT_PCA_Fit, pca, Xs, 0, 0));
  PetscCall(HtPCAComponentsWanted_Private(pca, shape[0], shape[1], &kwant));
  PetscUseTypeMethod(pca, fit, Xs, kwant);
  /* more components while the fraction is not reached: the types that fold batches keep the number of their first */
  while (!HtPCAFactorsEnough(pca) && !pca->ops->partialfit && pca->factors.kfound >= kwant && kwant < PetscMin(shape[0], shape[1])) {
    kwant = PetscMin(2 * kwant, PetscMin(shape[0], shape[1]));
    PetscCall(PetscInfo(pca, "%" PetscInt_FMT " components explain less than %g of the variance; computing %" PetscInt_FMT "\n", pca->factors.kfound, (double)pca->variance, kwant));
    PetscUseTypeMethod(pca, fit, Xs, kwant);
  }
  PetscCall(HtPCASetModel_Private(pca));
  PetscCall(PetscLogEventEnd(HT_PCA_Fit, pca, Xs, 0, 0));
  PetscCall(HtTensorDestroy(&Xs));
  PetscCall(HtPCAFinishFit_Private(pca, X));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* after a fit: the object is fitted and reports as the options ask; X, the data of the fit (or NULL), is drawn by -ht_pca_view draw */
PetscErrorCode HtPCAFinishFit_Private(HtPCA pca, HtTensor X)
{
  PetscErrorCode ierr;

  PetscFunctionBegin;
  pca->fitted = PETSC_TRUE;
  PetscCall(HtPCAConvergedReasonViewFromOptions(pca));
  pca->viewdata = X;
  ierr          = HtPCAViewFromOptions(pca, NULL, "-ht_pca_view");
  pca->viewdata = NULL;
  PetscCall(ierr);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* folds a batch of samples into the model of the incremental type, without finishing the fit */
static PetscErrorCode HtPCAFoldBatch(HtPCA pca, HtTensor X)
{
  HtTensor Xs;

  PetscFunctionBegin;
  PetscCall(HtMLCheckData((PetscObject)pca, X, pca->factors.f > 0 ? pca->factors.f : -1, &Xs));
  PetscUseTypeMethod(pca, partialfit, Xs);
  PetscCall(HtTensorDestroy(&Xs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the type must fold batches */
static PetscErrorCode HtPCACheckIncremental(HtPCA pca, const char caller[])
{
  PetscFunctionBegin;
  PetscCall(HtPCASetUp(pca));
  PetscCheck(pca->ops->partialfit, PetscObjectComm((PetscObject)pca), PETSC_ERR_SUP, "%s() needs a type that folds batches into its model (-ht_pca_type incremental), not %s", caller, ((PetscObject)pca)->type_name);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAPartialFit - Folds a batch of samples into the model (the incremental type): the model afterwards is that of
   every sample given since the object was created, reset or fitted with `HtPCAFit()`.

   Collective

   Input Parameters:
+  pca - the PCA object, of type `HTPCAINCREMENTAL`
-  X - a batch of samples (samples, features), split 0, with at least as many samples as components; every batch has
       the features of the first

   Level: intermediate

.seealso: `HtPCAFitFile()`, `HTPCAINCREMENTAL`, `HtPCAFit()`
@*/
PetscErrorCode HtPCAPartialFit(HtPCA pca, HtTensor X)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscCheckSameComm(pca, 1, X, 2);
  PetscCall(HtPCACheckIncremental(pca, "HtPCAPartialFit"));
  PetscCall(PetscLogEventBegin(HT_PCA_Fit, pca, X, 0, 0));
  PetscCall(HtPCAFoldBatch(pca, X));
  PetscCall(HtPCASetModel_Private(pca));
  PetscCall(PetscLogEventEnd(HT_PCA_Fit, pca, X, 0, 0));
  PetscCall(HtPCAFinishFit_Private(pca, X));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAFitFile - Fits the incremental type to the samples of a file read in batches of rows, so that data larger than
   the memory of the machines can be analysed.

   Collective

   Input Parameters:
+  pca - the PCA object, of type `HTPCAINCREMENTAL`
.  path - a 2-d array (samples x features) in an HDF5 (.h5, .hdf5) or NumPy (.npy) file
.  dataset - the HDF5 dataset (NULL: "data"); ignored for .npy
-  batch_rows - samples per batch (at least the number of components); each batch is read collectively, every rank
                reading its share, and a last batch smaller than the number of components joins the one before

   Level: intermediate

   Note:
   The memory needed is that of one batch and of the model, whatever the size of the file. The result is that of
   `HtPCAFit()` of the whole array with -ht_pca_incremental_batch_rows batch_rows.

.seealso: `HtPCAPartialFit()`, `HTPCAINCREMENTAL`, `HtTensorLoadRows()`
@*/
PetscErrorCode HtPCAFitFile(HtPCA pca, const char path[], const char dataset[], PetscInt batch_rows)
{
  MPI_Comm comm;
  PetscInt ndim, shape[HT_MAX_NDIM], start = 0;
  HtDType  dtype;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidCharPointer(path, 2);
  comm = PetscObjectComm((PetscObject)pca);
  PetscCall(HtPCACheckIncremental(pca, "HtPCAFitFile"));
  PetscCheck(batch_rows >= 1, comm, PETSC_ERR_ARG_OUTOFRANGE, "A batch needs at least 1 sample, not %" PetscInt_FMT, batch_rows);
  PetscCall(HtTensorLoadGetShape(comm, path, dataset, &ndim, shape, &dtype));
  PetscCheck(ndim == 2, comm, PETSC_ERR_ARG_WRONG, "%s holds a %" PetscInt_FMT "-d array; principal component analysis needs a table (samples x features)", path, ndim);
  PetscCheck(pca->ncomp == PETSC_DECIDE || batch_rows >= pca->ncomp, comm, PETSC_ERR_ARG_OUTOFRANGE, "Batches of %" PetscInt_FMT " samples are too small for %" PetscInt_FMT " components; give batch_rows >= the number of components", batch_rows, pca->ncomp);
  PetscCall(HtPCAClearModel(pca));
  PetscCall(PetscLogEventBegin(HT_PCA_Fit, pca, 0, 0, 0));
  while (start < shape[0]) {
    PetscInt end = HtPCABatchEnd(start, shape[0], batch_rows, pca->ncomp);
    HtTensor raw, X;

    PetscCall(HtTensorLoadRows(comm, path, dataset, start, end - start, &raw));
    PetscCall(HtTensorAsType(raw, HT_SCALAR, &X));
    PetscCall(HtTensorDestroy(&raw));
    PetscCall(HtPCAFoldBatch(pca, X));
    PetscCall(HtTensorDestroy(&X));
    start = end;
  }
  PetscCall(HtPCASetModel_Private(pca));
  PetscCall(PetscLogEventEnd(HT_PCA_Fit, pca, 0, 0, 0));
  PetscCall(HtPCAFinishFit_Private(pca, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* X, checked as new data of the fitted model's nfeatures, as Xs split along the samples */
static PetscErrorCode HtPCACheckNewData(HtPCA pca, HtTensor X, PetscInt nfeatures, HtTensor *Xs)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscCheckSameComm(pca, 1, X, 2);
  PetscCall(HtMLCheckFitted((PetscObject)pca, pca->fitted));
  PetscCall(HtMLCheckData((PetscObject)pca, X, nfeatures, Xs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the components as a block W for the products of the transforms: forward (f x k, the transposed components divided
   by the square roots of the explained variances when whitening) or inverse (k x f, multiplied by them)
*/
static PetscErrorCode HtPCAProjectionBlock(HtPCA pca, PetscBool forward, PetscScalar **W)
{
  const PetscInt     k = pca->k, f = pca->factors.f;
  const PetscScalar *c, *ev;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(k * f, W));
  PetscCall(HtTensorGetArrayRead(pca->components, &c));
  PetscCall(HtTensorGetArrayRead(pca->explained_variance, &ev));
  for (PetscInt i = 0; i < k; i++) {
    PetscReal scale = pca->whiten && PetscRealPart(ev[i]) > 0 ? PetscSqrtReal(PetscRealPart(ev[i])) : 1;

    if (forward) scale = 1 / scale;
    for (PetscInt j = 0; j < f; j++) (*W)[forward ? j * k + i : i * f + j] = c[i * f + j] * scale;
  }
  PetscCall(HtTensorRestoreArrayRead(pca->explained_variance, &ev));
  PetscCall(HtTensorRestoreArrayRead(pca->components, &c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* Y (samples x ncols, Xs's layout) = (Xs - 1 mu^T) W for the block W (Xs's columns x ncols), mu NULL: no centering */
static PetscErrorCode HtPCAProject(HtTensor Xs, const PetscScalar mu[], PetscInt ncols, const PetscScalar W[], const char name[], HtTensor *Y)
{
  HtSamples    s;
  PetscScalar *y;

  PetscFunctionBegin;
  PetscCall(HtMLCreateSampleTensor(Xs, ncols, HT_SCALAR, name, Y));
  PetscCall(HtTensorGetSamples(Xs, NULL, &s));
  PetscCall(HtTensorGetArrayWrite(*Y, &y));
  PetscCall(HtSamplesCenteredProduct(&s, mu, ncols, W, y));
  PetscCall(HtTensorRestoreArrayWrite(*Y, &y));
  PetscCall(HtTensorRestoreSamples(Xs, NULL, &s));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCATransform - Projects samples on the principal components: (X - mean) components^T, divided by the square roots
   of the explained variances when whitening.

   Collective

   Input Parameters:
+  pca - the fitted PCA object
-  X - (samples, features) data, split 0, with the features of the training data

   Output Parameter:
.  Y - the (samples, components) scores, split 0 with the layout of X's samples

   Level: beginner

.seealso: `HtPCAInverseTransform()`, `HtPCAFitTransform()`, `HtPCASetWhiten()`
@*/
PetscErrorCode HtPCATransform(HtPCA pca, HtTensor X, HtTensor *Y)
{
  HtTensor           Xs;
  PetscScalar       *W;
  const PetscScalar *mu;

  PetscFunctionBegin;
  PetscValidPointer(Y, 3);
  PetscCall(HtPCACheckNewData(pca, X, pca->factors.f, &Xs));
  PetscCall(PetscLogEventBegin(HT_PCA_Transform, pca, Xs, 0, 0));
  PetscCall(HtPCAProjectionBlock(pca, PETSC_TRUE, &W));
  PetscCall(HtTensorGetArrayRead(pca->mean, &mu));
  PetscCall(HtPCAProject(Xs, mu, pca->k, W, "transformed", Y));
  PetscCall(HtTensorRestoreArrayRead(pca->mean, &mu));
  PetscCall(PetscFree(W));
  PetscCall(PetscLogEventEnd(HT_PCA_Transform, pca, Xs, 0, 0));
  PetscCall(HtTensorDestroy(&Xs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAInverseTransform - Maps scores back to the feature space: Y components + mean (the scores multiplied by the
   square roots of the explained variances first when whitening); with all components this undoes `HtPCATransform()`.

   Collective

   Input Parameters:
+  pca - the fitted PCA object
-  Y - (samples, components) scores, split 0

   Output Parameter:
.  X - the (samples, features) reconstruction, split 0 with the layout of Y's samples

   Level: beginner

.seealso: `HtPCATransform()`
@*/
PetscErrorCode HtPCAInverseTransform(HtPCA pca, HtTensor Y, HtTensor *X)
{
  HtTensor     Ys;
  PetscScalar *W;

  PetscFunctionBegin;
  PetscValidPointer(X, 3);
  PetscCall(HtPCACheckNewData(pca, Y, pca->k, &Ys));
  PetscCall(PetscLogEventBegin(HT_PCA_Transform, pca, Ys, 0, 0));
  PetscCall(HtPCAProjectionBlock(pca, PETSC_FALSE, &W));
  PetscCall(HtPCAProject(Ys, NULL, pca->factors.f, W, "reconstructed", X));
  PetscCall(PetscFree(W));
  PetscCall(HtTensorBinaryInPlace(HT_BINARY_ADD, *X, pca->mean));
  PetscCall(PetscLogEventEnd(HT_PCA_Transform, pca, Ys, 0, 0));
  PetscCall(HtTensorDestroy(&Ys));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAFitTransform - Fits the model and projects the training samples on it.

   Collective

   Input Parameters:
+  pca - the PCA object
-  X - the (samples, features) data, split 0

   Output Parameter:
.  Y - the (samples, components) scores

   Level: beginner

.seealso: `HtPCAFit()`, `HtPCATransform()`
@*/
PetscErrorCode HtPCAFitTransform(HtPCA pca, HtTensor X, HtTensor *Y)
{
  PetscFunctionBegin;
  PetscCall(HtPCAFit(pca, X));
  PetscCall(HtPCATransform(pca, X, Y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the getters of the fitted model: a tensor owned by the object */
static PetscErrorCode HtPCAGetFitted(HtPCA pca, HtTensor t, HtTensor *out)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidPointer(out, 2);
  PetscCall(HtMLCheckFitted((PetscObject)pca, pca->fitted));
  *out = t;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetComponents - Gets the principal components (scikit-learn's components_).

   Not Collective

   Input Parameter:
.  pca - the fitted PCA object

   Output Parameter:
.  components - K x F replicated tensor, one component per row by decreasing explained variance, owned by the object

   Level: beginner

.seealso: `HtPCAGetExplainedVariance()`, `HtPCAFit()`
@*/
PetscErrorCode HtPCAGetComponents(HtPCA pca, HtTensor *components)
{
  PetscFunctionBegin;
  PetscCall(HtPCAGetFitted(pca, pca->components, components));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetExplainedVariance - Gets the variance of the samples along each component (scikit-learn's
   explained_variance_: the squared singular values divided by samples - 1).

   Not Collective

   Input Parameter:
.  pca - the fitted PCA object

   Output Parameter:
.  ev - K values, replicated, owned by the object

   Level: beginner

.seealso: `HtPCAGetExplainedVarianceRatio()`
@*/
PetscErrorCode HtPCAGetExplainedVariance(HtPCA pca, HtTensor *ev)
{
  PetscFunctionBegin;
  PetscCall(HtPCAGetFitted(pca, pca->explained_variance, ev));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetExplainedVarianceRatio - Gets the fraction of the total variance explained by each component.

   Not Collective

   Input Parameter:
.  pca - the fitted PCA object

   Output Parameter:
.  ratio - K values, replicated, owned by the object

   Level: beginner

.seealso: `HtPCAGetExplainedVariance()`, `HtPCASetVarianceFraction()`
@*/
PetscErrorCode HtPCAGetExplainedVarianceRatio(HtPCA pca, HtTensor *ratio)
{
  PetscFunctionBegin;
  PetscCall(HtPCAGetFitted(pca, pca->explained_variance_ratio, ratio));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetSingularValues - Gets the singular values of the centered data belonging to the components.

   Not Collective

   Input Parameter:
.  pca - the fitted PCA object

   Output Parameter:
.  sv - K values, decreasing, replicated, owned by the object

   Level: beginner

.seealso: `HtPCAGetExplainedVariance()`
@*/
PetscErrorCode HtPCAGetSingularValues(HtPCA pca, HtTensor *sv)
{
  PetscFunctionBegin;
  PetscCall(HtPCAGetFitted(pca, pca->singular_values, sv));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetMean - Gets the mean of the training samples.

   Not Collective

   Input Parameter:
.  pca - the fitted PCA object

   Output Parameter:
.  mean - F values, replicated, owned by the object

   Level: beginner

.seealso: `HtPCAGetComponents()`
@*/
PetscErrorCode HtPCAGetMean(HtPCA pca, HtTensor *mean)
{
  PetscFunctionBegin;
  PetscCall(HtPCAGetFitted(pca, pca->mean, mean));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetNoiseVariance - Gets the noise variance of the probabilistic PCA model (Tipping and Bishop): the mean
   variance of the components that were not kept, 0 when every component is kept.

   Not Collective

   Input Parameter:
.  pca - the fitted PCA object

   Output Parameter:
.  noise - the noise variance

   Level: intermediate

.seealso: `HtPCAGetExplainedVariance()`
@*/
PetscErrorCode HtPCAGetNoiseVariance(HtPCA pca, PetscReal *noise)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidRealPointer(noise, 2);
  PetscCall(HtMLCheckFitted((PetscObject)pca, pca->fitted));
  *noise = pca->noise_variance;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetNumSamplesSeen - Gets the number of samples of the model (all batches of the incremental type).

   Not Collective

   Input Parameter:
.  pca - the fitted PCA object

   Output Parameter:
.  n - the number of samples

   Level: intermediate

.seealso: `HtPCAPartialFit()`
@*/
PetscErrorCode HtPCAGetNumSamplesSeen(HtPCA pca, PetscInt *n)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidIntPointer(n, 2);
  PetscCall(HtMLCheckFitted((PetscObject)pca, pca->fitted));
  *n = pca->factors.n;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetIterationNumber - Gets the number of iterations of the last fit (power iterations, batches, or the inner
   solver's iterations; 0 for a direct factorization).

   Not Collective

   Input Parameter:
.  pca - the fitted PCA object

   Output Parameter:
.  its - the number of iterations

   Level: intermediate

.seealso: `HtPCAGetConvergedReason()`
@*/
PetscErrorCode HtPCAGetIterationNumber(HtPCA pca, PetscInt *its)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidIntPointer(its, 2);
  *its = pca->its;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetConvergedReason - Gets how the last fit ended.

   Not Collective

   Input Parameter:
.  pca - the PCA object

   Output Parameter:
.  reason - the reason (`HT_PCA_CONVERGED_ITERATING` before a fit)

   Level: intermediate

.seealso: `HtPCAConvergedReasonView()`
@*/
PetscErrorCode HtPCAGetConvergedReason(HtPCA pca, HtPCAConvergedReason *reason)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidPointer(reason, 2);
  *reason = pca->reason;
  PetscFunctionReturn(PETSC_SUCCESS);
}
