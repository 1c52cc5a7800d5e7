/*
   HTSCALERMAXABS: divide each feature by its largest absolute value.

   The largest absolute values are the infinity norms of the columns, one reduction of the tensor layer along the
   samples; the transform is the interface's affine map with no center.
*/
#include <heat/private/scalerimpl.h>

static PetscErrorCode HtScalerFit_MaxAbs(HtScaler sc, HtTensor X)
{
  HtTensor maxabs, scale;

  PetscFunctionBegin;
  PetscCall(HtTensorNorm(X, NORM_INFINITY, 0, PETSC_FALSE, &maxabs));
  PetscCall(HtTensorDuplicate(maxabs, &scale));
  PetscCall(HtTensorCopy(maxabs, scale));
  PetscCall(HtScalerHandleZeros_Private(scale, NULL));
  PetscCall(HtScalerSetStat_Private(sc, HT_SCALER_MAX_ABS, &maxabs));
  PetscCall(HtScalerSetStat_Private(sc, HT_SCALER_SCALE, &scale));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerAffine_MaxAbs(HtScaler sc, HtTensor *center, HtTensor *scale)
{
  PetscFunctionBegin;
  *center = NULL;
  *scale  = sc->stat[HT_SCALER_SCALE];
  PetscCall(PetscObjectReference((PetscObject)*scale));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTSCALERMAXABS - "maxabs" - max-abs scaling: y = x / max_abs for each feature, which maps every feature into
   [-1, 1] without shifting it (zeros stay zeros, so sparsity is kept).

   Method: the largest absolute value of every feature, as scikit-learn's MaxAbsScaler; a feature whose largest
   absolute value is below 10 machine epsilons (all zeros) gets the scale 1. One reduction of the tensor layer:
   the data are read once and never gathered.

   Statistics: max_abs and scale (`HtScalerGetMaxAbs()`, `HtScalerGetScale()`).

   The type has no options.

   References:
.  scikit-learn's MaxAbsScaler, https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.MaxAbsScaler.html

   Level: beginner

.seealso: `HtScalerCreate()`, `HtScalerSetType()`, `HTSCALERMINMAX`, `HTSCALERSTANDARD`
M*/
PETSC_INTERN PetscErrorCode HtScalerCreate_MaxAbs(HtScaler sc)
{
  PetscFunctionBegin;
  sc->ops->fit    = HtScalerFit_MaxAbs;
  sc->ops->affine = HtScalerAffine_MaxAbs;
  PetscFunctionReturn(PETSC_SUCCESS);
}
