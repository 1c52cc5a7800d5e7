/*
   HtScaler: the type and its parameters from the options database (the types' parameters are set by their own
   setters, HtScalerStandardSetWithMean() and so on, in impls/).
*/
#include <heat/private/scalerimpl.h>

/*@C
   HtScalerSetFromOptions - Sets the type and its parameters from the options database.

   Collective

   Input Parameter:
.  sc - the scaling object

   Options Database Keys:
+  -ht_scaler_type <standard> - standard, minmax, maxabs, robust, normalizer
.  -ht_scaler_view [viewer] - view the object after the fit (hdf5:model.h5 writes the model)
.  -ht_scaler_with_mean <true> - standard: remove the mean (`HtScalerStandardSetWithMean()`)
.  -ht_scaler_with_std <true> - standard: divide by the standard deviation (`HtScalerStandardSetWithStd()`)
.  -ht_scaler_feature_range <0,1> - minmax: min,max of the transformed features (`HtScalerMinMaxSetFeatureRange()`)
.  -ht_scaler_clip <false> - minmax: clip transformed values to the feature range (`HtScalerMinMaxSetClip()`)
.  -ht_scaler_with_centering <true> - robust: remove the median (`HtScalerRobustSetWithCentering()`)
.  -ht_scaler_with_scaling <true> - robust: divide by the interquantile range (`HtScalerRobustSetWithScaling()`)
.  -ht_scaler_quantile_range <25,75> - robust: qmin,qmax, the percentiles of the range (`HtScalerRobustSetQuantileRange()`)
-  -ht_scaler_norm <l2> - normalizer: l1, l2 or max (`HtScalerNormalizerSetNorm()`)

   Level: beginner

   Note:
   The options of a type are read (and listed by -help) when that type is selected.

.seealso: `HtScalerSetType()`, `HtScalerView()`
@*/
PetscErrorCode HtScalerSetFromOptions(HtScaler sc)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscCall(HtScalerInitializePackage());
  PetscObjectOptionsBegin((PetscObject)sc);
  PetscCall(HtMLObjectOptionsType(&HtScalerClass, (PetscObject)sc, PetscOptionsObject));
  PetscCall(HtMLObjectOptionsEnd(&HtScalerClass, (PetscObject)sc, PetscOptionsObject));
  PetscOptionsEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtScalerOptionsRange_Private - the option `name` given as "lo,hi" (a type's range parameter, whose setter is `man`):
   range[] keeps its values when the option is absent; any other number of values is an error. The help line shows
   both current values (PETSc's shows the first).
*/
PetscErrorCode HtScalerOptionsRange_Private(PetscOptionItems *PetscOptionsObject, const char name[], const char text[], const char man[], PetscReal range[], PetscBool *set)
{
  PetscInt n = 2;
  char     help[256];

  PetscFunctionBegin;
  PetscCall(PetscSNPrintf(help, sizeof(help), "%s (now %g,%g)", text, (double)range[0], (double)range[1]));
  PetscCall(PetscOptionsRealArray(name, help, man, range, &n, set));
  PetscCheck(!*set || n == 2, PetscOptionsObject->comm, PETSC_ERR_ARG_SIZ, "%s takes two values lo,hi, not %" PetscInt_FMT, name, n);
  PetscFunctionReturn(PETSC_SUCCESS);
}
