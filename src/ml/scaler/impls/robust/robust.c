/*
   HTSCALERROBUST: remove the median and divide by an interquantile range of each feature.

   The median and the two percentiles of every feature come from the tensor layer's HtTensorPercentile() along the
   samples: the distributed selection narrows each order statistic by rounds of small histograms, so the data are
   never gathered (with more than a few dozen features the tensor layer instead resplits the data along the
   features, one all-to-all). The transform is the interface's affine map.
*/
#include <heat/private/scalerimpl.h>

typedef struct {
  PetscBool with_centering, with_scaling;
  PetscReal q[2]; /* the quantile range, in percent */
} HtScaler_Robust;

static const HtScalerParameter HtRobustParameters[] = {
  {"with_centering", PETSC_BOOL, 1, offsetof(HtScaler_Robust, with_centering), NULL},
  {"with_scaling",   PETSC_BOOL, 1, offsetof(HtScaler_Robust, with_scaling),   NULL},
  {"quantile_range", PETSC_REAL, 2, offsetof(HtScaler_Robust, q),              NULL},
};

static PetscErrorCode HtScalerFit_Robust(HtScaler sc, HtTensor X)
{
  HtScaler_Robust *rb = (HtScaler_Robust *)sc->data;
  HtTensor         center, q[2], scale;

  PetscFunctionBegin;
  if (rb->with_centering) {
    PetscCall(HtTensorMedian(X, 0, PETSC_FALSE, &center));
    PetscCall(HtScalerSetStat_Private(sc, HT_SCALER_CENTER, &center));
  }
  if (rb->with_scaling) {
    for (PetscInt k = 0; k < 2; k++) PetscCall(HtTensorPercentile(X, rb->q[k], 0, PETSC_FALSE, &q[k]));
    PetscCall(HtTensorSubtract(q[1], q[0], &scale));
    PetscCall(HtScalerHandleZeros_Private(scale, NULL));
    for (PetscInt k = 0; k < 2; k++) PetscCall(HtTensorDestroy(&q[k]));
    PetscCall(HtScalerSetStat_Private(sc, HT_SCALER_SCALE, &scale));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerAffine_Robust(HtScaler sc, HtTensor *center, HtTensor *scale)
{
  PetscFunctionBegin;
  *center = sc->stat[HT_SCALER_CENTER];
  *scale  = sc->stat[HT_SCALER_SCALE];
  PetscCall(PetscObjectReference((PetscObject)*center));
  PetscCall(PetscObjectReference((PetscObject)*scale));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerSetFromOptions_Robust(HtScaler sc, PetscOptionItems *PetscOptionsObject)
{
  HtScaler_Robust *rb = (HtScaler_Robust *)sc->data;
  PetscReal        q[2];
  PetscBool        flg, set;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtScaler robust options");
  PetscCall(PetscOptionsBool("-ht_scaler_with_centering", "Remove the median of each feature", "HtScalerRobustSetWithCentering", rb->with_centering, &flg, &set));
  if (set) PetscCall(HtScalerRobustSetWithCentering(sc, flg));
  PetscCall(PetscOptionsBool("-ht_scaler_with_scaling", "Divide each feature by its interquantile range", "HtScalerRobustSetWithScaling", rb->with_scaling, &flg, &set));
  if (set) PetscCall(HtScalerRobustSetWithScaling(sc, flg));
  PetscCall(PetscArraycpy(q, rb->q, 2));
  PetscCall(HtScalerOptionsRange_Private(PetscOptionsObject, "-ht_scaler_quantile_range", "Percentiles qmin,qmax of the interquantile range", "HtScalerRobustSetQuantileRange", q, &set));
  if (set) PetscCall(HtScalerRobustSetQuantileRange(sc, q[0], q[1]));
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerRobustSetWithCentering_Robust(HtScaler sc, PetscBool flg)
{
  PetscFunctionBegin;
  PetscCall(HtScalerSetParameter_Private(sc, &((HtScaler_Robust *)sc->data)->with_centering, &flg, sizeof(flg)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerRobustSetWithScaling_Robust(HtScaler sc, PetscBool flg)
{
  PetscFunctionBegin;
  PetscCall(HtScalerSetParameter_Private(sc, &((HtScaler_Robust *)sc->data)->with_scaling, &flg, sizeof(flg)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerRobustSetQuantileRange_Robust(HtScaler sc, PetscReal qmin, PetscReal qmax)
{
  const PetscReal q[2] = {qmin, qmax};

  PetscFunctionBegin;
  PetscCheck(0 <= qmin && qmin < qmax && qmax <= 100, PetscObjectComm((PetscObject)sc), PETSC_ERR_ARG_OUTOFRANGE, "The quantile range [%g, %g] is invalid; it needs 0 <= qmin < qmax <= 100 (percentiles)", (double)qmin, (double)qmax);
  PetscCall(HtScalerSetParameter_Private(sc, ((HtScaler_Robust *)sc->data)->q, q, sizeof(q)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerRobustSetWithCentering - Sets whether `HTSCALERROBUST` removes the median of each feature.

   Logically Collective

   Input Parameters:
+  sc - the scaling object
-  flg - `PETSC_TRUE` (default) to center the features

   Options Database Key:
.  -ht_scaler_with_centering <true> - remove the median

   Level: intermediate

   Notes:
   Without it the scaler has no center. A change discards the fitted model. Does nothing for other types.

.seealso: `HTSCALERROBUST`, `HtScalerRobustSetWithScaling()`, `HtScalerGetCenter()`
@*/
PetscErrorCode HtScalerRobustSetWithCentering(HtScaler sc, PetscBool flg)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscValidLogicalCollectiveBool(sc, flg, 2);
  PetscTryMethod(sc, "HtScalerRobustSetWithCentering_C", (HtScaler, PetscBool), (sc, flg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerRobustSetWithScaling - Sets whether `HTSCALERROBUST` divides each feature by its interquantile range.

   Logically Collective

   Input Parameters:
+  sc - the scaling object
-  flg - `PETSC_TRUE` (default) to scale the features

   Options Database Key:
.  -ht_scaler_with_scaling <true> - divide by the interquantile range

   Level: intermediate

   Notes:
   Without it the scaler has no scale. A change discards the fitted model. Does nothing for other types.

.seealso: `HTSCALERROBUST`, `HtScalerRobustSetQuantileRange()`, `HtScalerGetScale()`
@*/
PetscErrorCode HtScalerRobustSetWithScaling(HtScaler sc, PetscBool flg)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscValidLogicalCollectiveBool(sc, flg, 2);
  PetscTryMethod(sc, "HtScalerRobustSetWithScaling_C", (HtScaler, PetscBool), (sc, flg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerRobustSetQuantileRange - Sets the percentiles whose difference is the scale of `HTSCALERROBUST`.

   Logically Collective

   Input Parameters:
+  sc - the scaling object
.  qmin - the lower percentile (default 25)
-  qmax - the upper percentile (default 75), with 0 <= qmin < qmax <= 100

   Options Database Key:
.  -ht_scaler_quantile_range <25,75> - qmin,qmax

   Level: intermediate

   Notes:
   A change discards the fitted model. Does nothing for other types.

.seealso: `HTSCALERROBUST`, `HtScalerRobustSetWithScaling()`, `HtTensorPercentile()`
@*/
PetscErrorCode HtScalerRobustSetQuantileRange(HtScaler sc, PetscReal qmin, PetscReal qmax)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscValidLogicalCollectiveReal(sc, qmin, 2);
  PetscValidLogicalCollectiveReal(sc, qmax, 3);
  PetscTryMethod(sc, "HtScalerRobustSetQuantileRange_C", (HtScaler, PetscReal, PetscReal), (sc, qmin, qmax));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerDestroy_Robust(HtScaler sc)
{
  PetscFunctionBegin;
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerRobustSetWithCentering_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerRobustSetWithScaling_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerRobustSetQuantileRange_C", NULL));
  PetscCall(PetscFree(sc->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTSCALERROBUST - "robust" - robust scaling: y = (x - median) / (q_max-th percentile - q_min-th percentile) for
   each feature, which outliers hardly move.

   Method: the median (center) and the interquantile range (scale, by default between the 25th and the 75th
   percentile) of every feature, as scikit-learn's RobustScaler; percentiles are NumPy's linear ones, and a range
   below 10 machine epsilons becomes 1. The percentiles come from the tensor layer's distributed selection
   (`HtTensorPercentile()`): the data are never gathered, and the statistics are the same on any number of ranks.

   Statistics: center (`HtScalerGetCenter()`, with with_centering) and scale (`HtScalerGetScale()`, with with_scaling).

   Options Database Keys:
+  -ht_scaler_with_centering <true> - remove the median (`HtScalerRobustSetWithCentering()`)
.  -ht_scaler_with_scaling <true> - divide by the interquantile range (`HtScalerRobustSetWithScaling()`)
-  -ht_scaler_quantile_range <25,75> - the percentiles qmin,qmax (`HtScalerRobustSetQuantileRange()`)

   References:
.  scikit-learn's RobustScaler, https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.RobustScaler.html

   Level: beginner

.seealso: `HtScalerCreate()`, `HtScalerSetType()`, `HTSCALERSTANDARD`, `HtTensorPercentile()`
M*/
PETSC_INTERN PetscErrorCode HtScalerCreate_Robust(HtScaler sc)
{
  HtScaler_Robust *rb;

  PetscFunctionBegin;
  PetscCall(PetscNew(&rb));
  rb->with_centering      = PETSC_TRUE;
  rb->with_scaling        = PETSC_TRUE;
  rb->q[0]                = 25;
  rb->q[1]                = 75;
  sc->data                = rb;
  sc->params              = HtRobustParameters;
  sc->nparams             = PETSC_STATIC_ARRAY_LENGTH(HtRobustParameters);
  sc->ops->fit            = HtScalerFit_Robust;
  sc->ops->affine         = HtScalerAffine_Robust;
  sc->ops->setfromoptions = HtScalerSetFromOptions_Robust;
  sc->ops->destroy        = HtScalerDestroy_Robust;
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerRobustSetWithCentering_C", HtScalerRobustSetWithCentering_Robust));
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerRobustSetWithScaling_C", HtScalerRobustSetWithScaling_Robust));
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerRobustSetQuantileRange_C", HtScalerRobustSetQuantileRange_Robust));
  PetscFunctionReturn(PETSC_SUCCESS);
}
