/*
   HTSCALERMINMAX: map the range of each feature onto a given range.

   The extremes of the features come from the tensor layer's min/max reductions along the samples (each one small
   reduction of F values); the transform is the interface's affine map (x - center) / scale with
   center = -min / scale_ and scale = 1 / scale_, followed by the clipping when it is asked for.
*/
#include <heat/private/scalerimpl.h>

typedef struct {
  PetscReal range[2]; /* the feature range: min, max */
  PetscBool clip;
} HtScaler_MinMax;

static const HtScalerParameter HtMinMaxParameters[] = {
  {"feature_range", PETSC_REAL, 2, offsetof(HtScaler_MinMax, range), NULL},
  {"clip",          PETSC_BOOL, 1, offsetof(HtScaler_MinMax, clip),  NULL},
};

static PetscErrorCode HtScalerFit_MinMax(HtScaler sc, HtTensor X)
{
  HtScaler_MinMax *mm = (HtScaler_MinMax *)sc->data;
  HtTensor         dmin, dmax, drange, scale, shift, min;

  PetscFunctionBegin;
  PetscCall(HtTensorMin(X, 0, PETSC_FALSE, &dmin));
  PetscCall(HtTensorMax(X, 0, PETSC_FALSE, &dmax));
  PetscCall(HtTensorSubtract(dmax, dmin, &drange));
  PetscCall(HtScalerHandleZeros_Private(drange, NULL));
  PetscCall(HtTensorScalarBinary(HT_BINARY_DIVIDE, mm->range[1] - mm->range[0], drange, &scale));
  PetscCall(HtTensorMultiply(dmin, scale, &shift));
  PetscCall(HtTensorScalarBinary(HT_BINARY_SUBTRACT, mm->range[0], shift, &min));
  PetscCall(HtTensorDestroy(&shift));
  PetscCall(HtTensorDestroy(&drange));
  PetscCall(HtScalerSetStat_Private(sc, HT_SCALER_DATA_MIN, &dmin));
  PetscCall(HtScalerSetStat_Private(sc, HT_SCALER_DATA_MAX, &dmax));
  PetscCall(HtScalerSetStat_Private(sc, HT_SCALER_MIN, &min));
  PetscCall(HtScalerSetStat_Private(sc, HT_SCALER_SCALE, &scale));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* x * scale_ + min_ = (x - center) / scale with center = -min_ / scale_ and scale = 1 / scale_ */
static PetscErrorCode HtScalerAffine_MinMax(HtScaler sc, HtTensor *center, HtTensor *scale)
{
  PetscFunctionBegin;
  PetscCall(HtTensorDivide(sc->stat[HT_SCALER_MIN], sc->stat[HT_SCALER_SCALE], center));
  PetscCall(HtTensorUnaryInPlace(HT_UNARY_NEGATIVE, *center));
  PetscCall(HtTensorScalarBinary(HT_BINARY_DIVIDE, 1, sc->stat[HT_SCALER_SCALE], scale));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerTransform_MinMax(HtScaler sc, HtTensor X, HtTensor Y)
{
  HtScaler_MinMax *mm = (HtScaler_MinMax *)sc->data;
  HtTensor         clipped;

  PetscFunctionBegin;
  PetscCall(HtScalerApplyAffine_Private(sc, X, Y, PETSC_FALSE));
  if (!mm->clip) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtTensorClip(Y, mm->range[0], mm->range[1], &clipped));
  PetscCall(HtTensorCopy(clipped, Y));
  PetscCall(HtTensorDestroy(&clipped));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerSetFromOptions_MinMax(HtScaler sc, PetscOptionItems *PetscOptionsObject)
{
  HtScaler_MinMax *mm = (HtScaler_MinMax *)sc->data;
  PetscReal        range[2];
  PetscBool        flg, set;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtScaler minmax options");
  PetscCall(PetscArraycpy(range, mm->range, 2));
  PetscCall(HtScalerOptionsRange_Private(PetscOptionsObject, "-ht_scaler_feature_range", "Range min,max of the transformed features", "HtScalerMinMaxSetFeatureRange", range, &set));
  if (set) PetscCall(HtScalerMinMaxSetFeatureRange(sc, range[0], range[1]));
  PetscCall(PetscOptionsBool("-ht_scaler_clip", "Clip transformed values to the feature range", "HtScalerMinMaxSetClip", mm->clip, &flg, &set));
  if (set) PetscCall(HtScalerMinMaxSetClip(sc, flg));
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerMinMaxSetFeatureRange_MinMax(HtScaler sc, PetscReal min, PetscReal max)
{
  const PetscReal range[2] = {min, max};

  PetscFunctionBegin;
  PetscCheck(min < max, PetscObjectComm((PetscObject)sc), PETSC_ERR_ARG_OUTOFRANGE, "The feature range [%g, %g] is empty; its minimum must be below its maximum", (double)min, (double)max);
  PetscCall(HtScalerSetParameter_Private(sc, ((HtScaler_MinMax *)sc->data)->range, range, sizeof(range)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerMinMaxSetClip_MinMax(HtScaler sc, PetscBool flg)
{
  PetscFunctionBegin;
  PetscCall(HtScalerSetParameter_Private(sc, &((HtScaler_MinMax *)sc->data)->clip, &flg, sizeof(flg)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerMinMaxSetFeatureRange - Sets the range `HTSCALERMINMAX` maps every feature onto.

   Logically Collective

   Input Parameters:
+  sc - the scaling object
.  min - the value of each feature's minimum after the transform (default 0)
-  max - the value of each feature's maximum after the transform (default 1), above min

   Options Database Key:
.  -ht_scaler_feature_range <0,1> - min,max

   Level: intermediate

   Notes:
   A change discards the fitted model. Does nothing for other types.

.seealso: `HTSCALERMINMAX`, `HtScalerMinMaxSetClip()`
@*/
PetscErrorCode HtScalerMinMaxSetFeatureRange(HtScaler sc, PetscReal min, PetscReal max)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscValidLogicalCollectiveReal(sc, min, 2);
  PetscValidLogicalCollectiveReal(sc, max, 3);
  PetscTryMethod(sc, "HtScalerMinMaxSetFeatureRange_C", (HtScaler, PetscReal, PetscReal), (sc, min, max));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerMinMaxSetClip - Sets whether `HTSCALERMINMAX` clips transformed values to the feature range (data outside
   the range of the fit would otherwise map outside it).

   Logically Collective

   Input Parameters:
+  sc - the scaling object
-  flg - `PETSC_TRUE` to clip (default `PETSC_FALSE`)

   Options Database Key:
.  -ht_scaler_clip <false> - clip

   Level: intermediate

   Notes:
   A change discards the fitted model. Does nothing for other types.

.seealso: `HTSCALERMINMAX`, `HtScalerMinMaxSetFeatureRange()`
@*/
PetscErrorCode HtScalerMinMaxSetClip(HtScaler sc, PetscBool flg)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscValidLogicalCollectiveBool(sc, flg, 2);
  PetscTryMethod(sc, "HtScalerMinMaxSetClip_C", (HtScaler, PetscBool), (sc, flg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerDestroy_MinMax(HtScaler sc)
{
  PetscFunctionBegin;
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerMinMaxSetFeatureRange_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerMinMaxSetClip_C", NULL));
  PetscCall(PetscFree(sc->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTSCALERMINMAX - "minmax" - min-max scaling: y = x * scale + min for each feature, which maps the feature's range
   in the data of the fit onto the feature range [a, b].

   Method: the smallest and largest value of every feature, data_min and data_max; then
   scale = (b - a) / (data_max - data_min) and min = a - data_min * scale, as scikit-learn's MinMaxScaler. A feature
   whose range is below 10 machine epsilons takes the range 1, so a constant feature becomes a. With clip, transformed
   values outside [a, b] (of data beyond the range of the fit) are set to the nearest bound. The extremes come from
   reductions of the tensor layer: the data are read once and never gathered.

   Statistics: data_min, data_max, min and scale (`HtScalerGetDataMin()`, `HtScalerGetDataMax()`, `HtScalerGetMin()`,
   `HtScalerGetScale()`).

   Options Database Keys:
+  -ht_scaler_feature_range <0,1> - a,b (`HtScalerMinMaxSetFeatureRange()`)
-  -ht_scaler_clip <false> - clip to [a, b] (`HtScalerMinMaxSetClip()`)

   References:
.  scikit-learn's MinMaxScaler, https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.MinMaxScaler.html

   Level: beginner

.seealso: `HtScalerCreate()`, `HtScalerSetType()`, `HTSCALERMAXABS`, `HTSCALERSTANDARD`
M*/
PETSC_INTERN PetscErrorCode HtScalerCreate_MinMax(HtScaler sc)
{
  HtScaler_MinMax *mm;

  PetscFunctionBegin;
  PetscCall(PetscNew(&mm));
  mm->range[0]            = 0;
  mm->range[1]            = 1;
  sc->data                = mm;
  sc->params              = HtMinMaxParameters;
  sc->nparams             = PETSC_STATIC_ARRAY_LENGTH(HtMinMaxParameters);
  sc->ops->fit            = HtScalerFit_MinMax;
  sc->ops->affine         = HtScalerAffine_MinMax;
  sc->ops->transform      = HtScalerTransform_MinMax;
  sc->ops->setfromoptions = HtScalerSetFromOptions_MinMax;
  sc->ops->destroy        = HtScalerDestroy_MinMax;
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerMinMaxSetFeatureRange_C", HtScalerMinMaxSetFeatureRange_MinMax));
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerMinMaxSetClip_C", HtScalerMinMaxSetClip_MinMax));
  PetscFunctionReturn(PETSC_SUCCESS);
}
