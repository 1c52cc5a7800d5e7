/*
   HtScaler: setting up, fitting, transforming (and back), and the fitted statistics.
*/
#include <heat/private/scalerimpl.h>

/*@C
   HtScalerSetUp - Prepares the object for fitting (called by `HtScalerFit()` if needed).

   Collective

   Input Parameter:
.  sc - the scaling object

   Level: advanced

.seealso: `HtScalerFit()`
@*/
PetscErrorCode HtScalerSetUp(HtScaler sc)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscCall(HtMLObjectSetUp(&HtScalerClass, (PetscObject)sc));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerFit - Computes the per-feature statistics of the scaling from data.

   Collective

   Input Parameters:
+  sc - the scaling object
-  X - an `HT_SCALAR` tensor of shape (samples, features) with no NaN or Inf, best split along the samples (axis 0);
       other splits are redistributed so first (see -info)

   Options Database Key:
.  -ht_scaler_view [viewer] - view the object after the fit

   Level: beginner

   Note:
   Afterwards the getters (`HtScalerGetMean()`, `HtScalerGetScale()`, ...) give the statistics of the type, each a
   replicated 1-d tensor of one value per feature, and `HtScalerTransform()` scales data with them. The statistics
   are computed by the tensor layer's reductions (sums of partials, extremes, distributed percentiles): the data are
   never gathered, and the results are the same on any number of ranks.

.seealso: `HtScalerTransform()`, `HtScalerFitTransform()`, `HtScalerView()`
@*/
PetscErrorCode HtScalerFit(HtScaler sc, HtTensor X)
{
  HtTensor        Xs;
  const PetscInt *shape;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscCheckSameComm(sc, 1, X, 2);
  PetscCall(HtScalerSetUp(sc));
  PetscCall(HtMLCheckData((PetscObject)sc, X, -1, &Xs));
  PetscCall(HtTensorGetShape(Xs, &shape));
  PetscCheck(shape[0] >= 1, PetscObjectComm((PetscObject)sc), PETSC_ERR_ARG_SIZ, "Cannot fit a scaler to data without samples");
  for (PetscInt k = 0; k < HT_SCALER_NUM_STATS; k++) PetscCall(HtTensorDestroy(&sc->stat[k]));
  sc->fitted    = PETSC_FALSE;
  sc->nsamples  = shape[0];
  sc->nfeatures = shape[1];
  PetscCall(PetscLogEventBegin(HT_SCALER_Fit, sc, Xs, 0, 0));
  PetscTryTypeMethod(sc, fit, Xs);
  PetscCall(PetscLogEventEnd(HT_SCALER_Fit, sc, Xs, 0, 0));
  PetscCall(HtTensorDestroy(&Xs));
  sc->fitted = PETSC_TRUE;
  PetscCall(HtScalerViewFromOptions(sc, NULL, "-ht_scaler_view"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* X checked as new data for the fitted model, as Xs split along the samples, and the result Y with Xs's layout */
static PetscErrorCode HtScalerSetUpTransform(HtScaler sc, HtTensor X, const char name[], HtTensor *Xs, HtTensor *Y)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscValidPointer(Y, 3);
  PetscCall(HtMLCheckFitted((PetscObject)sc, sc->fitted));
  PetscCall(HtMLCheckData((PetscObject)sc, X, sc->nfeatures, Xs));
  PetscCall(HtMLCreateSampleTensor(*Xs, sc->nfeatures, HT_SCALAR, name, Y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerTransform - Scales data with the fitted statistics.

   Collective

   Input Parameters:
+  sc - the fitted scaling object
-  X - (samples, features) data, split 0, with as many features as the data of the fit

   Output Parameter:
.  Y - the scaled data, a new tensor named "transformed", split 0 with the layout of X

   Level: beginner

.seealso: `HtScalerFit()`, `HtScalerInverseTransform()`, `HtScalerFitTransform()`
@*/
PetscErrorCode HtScalerTransform(HtScaler sc, HtTensor X, HtTensor *Y)
{
  HtTensor Xs;

  PetscFunctionBegin;
  PetscCall(HtScalerSetUpTransform(sc, X, "transformed", &Xs, Y));
  PetscCall(PetscLogEventBegin(HT_SCALER_Transform, sc, Xs, 0, 0));
  if (sc->ops->transform) PetscUseTypeMethod(sc, transform, Xs, *Y);
  else PetscCall(HtScalerApplyAffine_Private(sc, Xs, *Y, PETSC_FALSE));
  PetscCall(PetscLogEventEnd(HT_SCALER_Transform, sc, Xs, 0, 0));
  PetscCall(HtTensorDestroy(&Xs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerInverseTransform - Undoes the scaling: the data that `HtScalerTransform()` maps to the given data.

   Collective

   Input Parameters:
+  sc - the fitted scaling object, of a type that scales each feature separately (not `HTSCALERNORMALIZER`)
-  Y - scaled (samples, features) data, split 0

   Output Parameter:
.  X - the data in the original units, a new tensor named "inverse_transformed", split 0 with the layout of Y

   Level: beginner

   Note:
   Values that `HTSCALERMINMAX` clipped are not restored.

.seealso: `HtScalerTransform()`
@*/
PetscErrorCode HtScalerInverseTransform(HtScaler sc, HtTensor Y, HtTensor *X)
{
  HtTensor Ys;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscCall(HtMLCheckFitted((PetscObject)sc, sc->fitted));
  PetscCheck(sc->ops->affine, PetscObjectComm((PetscObject)sc), PETSC_ERR_SUP, "The %s scaler has no inverse transform: it does not scale each feature by fitted statistics", ((PetscObject)sc)->type_name);
  PetscCall(HtScalerSetUpTransform(sc, Y, "inverse_transformed", &Ys, X));
  PetscCall(PetscLogEventBegin(HT_SCALER_Transform, sc, Ys, 0, 0));
  PetscCall(HtScalerApplyAffine_Private(sc, Ys, *X, PETSC_TRUE));
  PetscCall(PetscLogEventEnd(HT_SCALER_Transform, sc, Ys, 0, 0));
  PetscCall(HtTensorDestroy(&Ys));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerFitTransform - Fits the scaling to data and scales them.

   Collective

   Input Parameters:
+  sc - the scaling object
-  X - (samples, features) data, split 0

   Output Parameter:
.  Y - the scaled data, split 0 with the layout of X (of the samples of X when X was redistributed)

   Level: beginner

.seealso: `HtScalerFit()`, `HtScalerTransform()`
@*/
PetscErrorCode HtScalerFitTransform(HtScaler sc, HtTensor X, HtTensor *Y)
{
  PetscFunctionBegin;
  PetscCall(HtScalerFit(sc, X));
  PetscCall(HtScalerTransform(sc, X, Y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerGetNumSamplesSeen - Gets the number of samples of the fit (scikit-learn's n_samples_seen_).

   Not Collective

   Input Parameter:
.  sc - the fitted scaling object

   Output Parameter:
.  n - the number of samples

   Level: beginner

.seealso: `HtScalerFit()`
@*/
PetscErrorCode HtScalerGetNumSamplesSeen(HtScaler sc, PetscInt *n)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscValidIntPointer(n, 2);
  PetscCall(HtMLCheckFitted((PetscObject)sc, sc->fitted));
  *n = sc->nsamples;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the fitted statistic k, or an error that names the statistics this scaler has */
static PetscErrorCode HtScalerGetStat(HtScaler sc, HtScalerStat k, HtTensor *t)
{
  char have[256] = "";

  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscValidPointer(t, 2);
  PetscCall(HtMLCheckFitted((PetscObject)sc, sc->fitted));
  *t = sc->stat[k];
  if (*t) PetscFunctionReturn(PETSC_SUCCESS);
  for (PetscInt j = 0; j < HT_SCALER_NUM_STATS; j++) {
    if (!sc->stat[j]) continue;
    if (have[0]) PetscCall(PetscStrlcat(have, ", ", sizeof(have)));
    PetscCall(PetscStrlcat(have, HtScalerStats[j], sizeof(have)));
  }
  SETERRQ(PetscObjectComm((PetscObject)sc), PETSC_ERR_ARG_WRONGSTATE, "The fitted %s scaler has no %s; its statistics are: %s (they depend on the type and its parameters)", ((PetscObject)sc)->type_name, HtScalerStats[k], have[0] ? have : "none");
}

/*@C
   HtScalerGetMean - Gets the mean of each feature (scikit-learn's mean_ of StandardScaler).

   Not Collective

   Input Parameter:
.  sc - the fitted scaling object, `HTSCALERSTANDARD` with with_mean or with_std

   Output Parameter:
.  mean - replicated 1-d tensor of one value per feature, owned by the object (do not destroy)

   Level: beginner

.seealso: `HtScalerGetVariance()`, `HtScalerGetScale()`, `HTSCALERSTANDARD`
@*/
PetscErrorCode HtScalerGetMean(HtScaler sc, HtTensor *mean)
{
  PetscFunctionBegin;
  PetscCall(HtScalerGetStat(sc, HT_SCALER_MEAN, mean));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerGetVariance - Gets the variance (divided by N) of each feature (scikit-learn's var_ of StandardScaler).

   Not Collective

   Input Parameter:
.  sc - the fitted scaling object, `HTSCALERSTANDARD` with with_std

   Output Parameter:
.  var - replicated 1-d tensor of one value per feature, owned by the object (do not destroy)

   Level: beginner

.seealso: `HtScalerGetMean()`, `HtScalerGetScale()`, `HTSCALERSTANDARD`
@*/
PetscErrorCode HtScalerGetVariance(HtScaler sc, HtTensor *var)
{
  PetscFunctionBegin;
  PetscCall(HtScalerGetStat(sc, HT_SCALER_VAR, var));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerGetScale - Gets the scale of each feature (scikit-learn's scale_).

   Not Collective

   Input Parameter:
.  sc - the fitted scaling object (not `HTSCALERNORMALIZER`; `HTSCALERSTANDARD` with with_std, `HTSCALERROBUST` with
        with_scaling)

   Output Parameter:
.  scale - replicated 1-d tensor of one value per feature, owned by the object (do not destroy)

   Level: beginner

   Note:
   `HTSCALERMINMAX` multiplies by its scale, the other types divide by it. A scale that would be zero (a constant
   feature) is 1.

.seealso: `HtScalerGetMean()`, `HtScalerGetCenter()`, `HtScalerGetMaxAbs()`, `HtScalerGetMin()`
@*/
PetscErrorCode HtScalerGetScale(HtScaler sc, HtTensor *scale)
{
  PetscFunctionBegin;
  PetscCall(HtScalerGetStat(sc, HT_SCALER_SCALE, scale));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerGetCenter - Gets the median of each feature (scikit-learn's center_ of RobustScaler).

   Not Collective

   Input Parameter:
.  sc - the fitted scaling object, `HTSCALERROBUST` with with_centering

   Output Parameter:
.  center - replicated 1-d tensor of one value per feature, owned by the object (do not destroy)

   Level: beginner

.seealso: `HtScalerGetScale()`, `HTSCALERROBUST`
@*/
PetscErrorCode HtScalerGetCenter(HtScaler sc, HtTensor *center)
{
  PetscFunctionBegin;
  PetscCall(HtScalerGetStat(sc, HT_SCALER_CENTER, center));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerGetMaxAbs - Gets the largest absolute value of each feature (scikit-learn's max_abs_ of MaxAbsScaler).

   Not Collective

   Input Parameter:
.  sc - the fitted scaling object, `HTSCALERMAXABS`

   Output Parameter:
.  maxabs - replicated 1-d tensor of one value per feature, owned by the object (do not destroy)

   Level: beginner

.seealso: `HtScalerGetScale()`, `HTSCALERMAXABS`
@*/
PetscErrorCode HtScalerGetMaxAbs(HtScaler sc, HtTensor *maxabs)
{
  PetscFunctionBegin;
  PetscCall(HtScalerGetStat(sc, HT_SCALER_MAX_ABS, maxabs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerGetDataMin - Gets the smallest value of each feature (scikit-learn's data_min_ of MinMaxScaler).

   Not Collective

   Input Parameter:
.  sc - the fitted scaling object, `HTSCALERMINMAX`

   Output Parameter:
.  datamin - replicated 1-d tensor of one value per feature, owned by the object (do not destroy)

   Level: beginner

.seealso: `HtScalerGetDataMax()`, `HtScalerGetMin()`, `HTSCALERMINMAX`
@*/
PetscErrorCode HtScalerGetDataMin(HtScaler sc, HtTensor *datamin)
{
  PetscFunctionBegin;
  PetscCall(HtScalerGetStat(sc, HT_SCALER_DATA_MIN, datamin));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerGetDataMax - Gets the largest value of each feature (scikit-learn's data_max_ of MinMaxScaler).

   Not Collective

   Input Parameter:
.  sc - the fitted scaling object, `HTSCALERMINMAX`

   Output Parameter:
.  datamax - replicated 1-d tensor of one value per feature, owned by the object (do not destroy)

   Level: beginner

.seealso: `HtScalerGetDataMin()`, `HtScalerGetMin()`, `HTSCALERMINMAX`
@*/
PetscErrorCode HtScalerGetDataMax(HtScaler sc, HtTensor *datamax)
{
  PetscFunctionBegin;
  PetscCall(HtScalerGetStat(sc, HT_SCALER_DATA_MAX, datamax));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerGetMin - Gets the offset of each feature (scikit-learn's min_ of MinMaxScaler): the transform is
   x * scale + min.

   Not Collective

   Input Parameter:
.  sc - the fitted scaling object, `HTSCALERMINMAX`

   Output Parameter:
.  min - replicated 1-d tensor of one value per feature, owned by the object (do not destroy)

   Level: beginner

.seealso: `HtScalerGetScale()`, `HtScalerGetDataMin()`, `HTSCALERMINMAX`
@*/
PetscErrorCode HtScalerGetMin(HtScaler sc, HtTensor *min)
{
  PetscFunctionBegin;
  PetscCall(HtScalerGetStat(sc, HT_SCALER_MIN, min));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtScalerSetStat_Private - the replicated tensor *t becomes the fitted statistic k (named so; *t is taken, set to NULL) */
PetscErrorCode HtScalerSetStat_Private(HtScaler sc, HtScalerStat k, HtTensor *t)
{
  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&sc->stat[k]));
  PetscCall(HtTensorSetName(*t, HtScalerStats[k]));
  sc->stat[k] = *t;
  *t          = NULL;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtScalerHandleZeros_Private - the local values of s that are scales of (nearly) constant features become 1: those
   flagged in constant[] when it is given, else those below 10 machine epsilons (scikit-learn's rule, so that no
   feature is divided by zero or by rounding noise)
*/
PetscErrorCode HtScalerHandleZeros_Private(HtTensor s, const PetscBool constant[])
{
  PetscScalar *a;
  PetscInt     n;

  PetscFunctionBegin;
  PetscCall(HtTensorGetLocalSize(s, &n));
  PetscCall(HtTensorGetArray(s, &a));
  for (PetscInt j = 0; j < n; j++)
    if (constant ? constant[j] : PetscRealPart(a[j]) < 10 * PETSC_MACHINE_EPSILON) a[j] = 1;
  PetscCall(HtTensorRestoreArray(s, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the per-feature center and scale of the type's affine map, as arrays of f values (0 and 1 where it has none) */
static PetscErrorCode HtScalerGetAffine(HtScaler sc, PetscInt f, PetscScalar **center, PetscScalar **scale)
{
  HtTensor           t[2];
  PetscScalar       *a[2];
  const PetscScalar *v;

  PetscFunctionBegin;
  PetscUseTypeMethod(sc, affine, &t[0], &t[1]);
  PetscCall(PetscMalloc2(f, &a[0], f, &a[1]));
  for (PetscInt k = 0; k < 2; k++) {
    if (t[k]) {
      PetscCall(HtTensorGetArrayRead(t[k], &v));
      PetscCall(PetscArraycpy(a[k], v, f));
      PetscCall(HtTensorRestoreArrayRead(t[k], &v));
    } else {
      for (PetscInt j = 0; j < f; j++) a[k][j] = k;
    }
    PetscCall(HtTensorDestroy(&t[k]));
  }
  *center = a[0];
  *scale  = a[1];
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtScalerApplyAffine_Private - Y = (X - center) / scale per feature, or with inverse X = Y * scale + center, on the
   local rows of X (split 0) into Y (same layout); center and scale come from the type's affine op
*/
PetscErrorCode HtScalerApplyAffine_Private(HtScaler sc, HtTensor X, HtTensor Y, PetscBool inverse)
{
  HtSamples    s;
  PetscScalar *c, *d, *y;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, NULL, &s));
  PetscCall(HtScalerGetAffine(sc, s.f, &c, &d));
  PetscCall(HtTensorGetArrayWrite(Y, &y));
  for (PetscInt i = 0; i < s.m; i++) {
    const PetscScalar *xi = s.x + i * s.f;
    PetscScalar       *yi = y + i * s.f;

    if (inverse)
      for (PetscInt j = 0; j < s.f; j++) yi[j] = xi[j] * d[j] + c[j];
    else
      for (PetscInt j = 0; j < s.f; j++) yi[j] = (xi[j] - c[j]) / d[j];
  }
  PetscCall(HtTensorRestoreArrayWrite(Y, &y));
  PetscCall(PetscFree2(c, d));
  PetscCall(HtTensorRestoreSamples(X, NULL, &s));
  PetscFunctionReturn(PETSC_SUCCESS);
}
