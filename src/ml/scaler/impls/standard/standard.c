/*
   HTSCALERSTANDARD: remove the mean and divide by the standard deviation of each feature.

   The mean and the variance come from the tensor layer's reductions along the samples (one pass for the sums, one
   for the centred moments, each one small reduction of F values); nothing here crosses ranks.
*/
#include <heat/private/scalerimpl.h>

typedef struct {
  PetscBool with_mean, with_std;
} HtScaler_Standard;

static const HtScalerParameter HtStandardParameters[] = {
  {"with_mean", PETSC_BOOL, 1, offsetof(HtScaler_Standard, with_mean), NULL},
  {"with_std",  PETSC_BOOL, 1, offsetof(HtScaler_Standard, with_std),  NULL},
};

/*
   flags the features that cannot be told from a constant one: a variance within the rounding error bound of the
   two-pass algorithm (Chan, Golub and LeVeque), n eps var + (n eps mean)^2, as scikit-learn does
*/
static PetscErrorCode HtStandardConstantFeatures(HtTensor mean, HtTensor var, PetscInt n, PetscBool constant[])
{
  const PetscScalar *mu, *v;
  PetscInt           f;

  PetscFunctionBegin;
  PetscCall(HtTensorGetLocalSize(var, &f));
  PetscCall(HtTensorGetArrayRead(mean, &mu));
  PetscCall(HtTensorGetArrayRead(var, &v));
  for (PetscInt j = 0; j < f; j++) {
    PetscReal vj = PetscRealPart(v[j]), m = n * PetscRealPart(mu[j]) * PETSC_MACHINE_EPSILON;

    constant[j] = (PetscBool)(vj <= n * PETSC_MACHINE_EPSILON * vj + m * m);
  }
  PetscCall(HtTensorRestoreArrayRead(var, &v));
  PetscCall(HtTensorRestoreArrayRead(mean, &mu));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerFit_Standard(HtScaler sc, HtTensor X)
{
  HtScaler_Standard *st = (HtScaler_Standard *)sc->data;
  HtTensor           mean, var, scale;
  PetscBool         *constant;

  PetscFunctionBegin;
  if (!st->with_mean && !st->with_std) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtTensorMean(X, 0, PETSC_FALSE, &mean));
  if (st->with_std) {
    PetscCall(HtTensorVar(X, 0, 0, PETSC_FALSE, &var));
    PetscCall(HtTensorUnary(HT_UNARY_SQRT, var, &scale));
    PetscCall(PetscMalloc1(sc->nfeatures, &constant));
    PetscCall(HtStandardConstantFeatures(mean, var, sc->nsamples, constant));
    PetscCall(HtScalerHandleZeros_Private(scale, constant));
    PetscCall(PetscFree(constant));
    PetscCall(HtScalerSetStat_Private(sc, HT_SCALER_VAR, &var));
    PetscCall(HtScalerSetStat_Private(sc, HT_SCALER_SCALE, &scale));
  }
  PetscCall(HtScalerSetStat_Private(sc, HT_SCALER_MEAN, &mean));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerAffine_Standard(HtScaler sc, HtTensor *center, HtTensor *scale)
{
  HtScaler_Standard *st = (HtScaler_Standard *)sc->data;

  PetscFunctionBegin;
  *center = st->with_mean ? sc->stat[HT_SCALER_MEAN] : NULL;
  *scale  = sc->stat[HT_SCALER_SCALE];
  PetscCall(PetscObjectReference((PetscObject)*center));
  PetscCall(PetscObjectReference((PetscObject)*scale));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerSetFromOptions_Standard(HtScaler sc, PetscOptionItems *PetscOptionsObject)
{
  HtScaler_Standard *st = (HtScaler_Standard *)sc->data;
  PetscBool          flg, set;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtScaler standard options");
  PetscCall(PetscOptionsBool("-ht_scaler_with_mean", "Remove the mean of each feature", "HtScalerStandardSetWithMean", st->with_mean, &flg, &set));
  if (set) PetscCall(HtScalerStandardSetWithMean(sc, flg));
  PetscCall(PetscOptionsBool("-ht_scaler_with_std", "Divide each feature by its standard deviation", "HtScalerStandardSetWithStd", st->with_std, &flg, &set));
  if (set) PetscCall(HtScalerStandardSetWithStd(sc, flg));
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerStandardSetWithMean_Standard(HtScaler sc, PetscBool flg)
{
  PetscFunctionBegin;
  PetscCall(HtScalerSetParameter_Private(sc, &((HtScaler_Standard *)sc->data)->with_mean, &flg, sizeof(flg)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerStandardSetWithStd_Standard(HtScaler sc, PetscBool flg)
{
  PetscFunctionBegin;
  PetscCall(HtScalerSetParameter_Private(sc, &((HtScaler_Standard *)sc->data)->with_std, &flg, sizeof(flg)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerStandardSetWithMean - Sets whether `HTSCALERSTANDARD` removes the mean of each feature.

   Logically Collective

   Input Parameters:
+  sc - the scaling object
-  flg - `PETSC_TRUE` (default) to center the features

   Options Database Key:
.  -ht_scaler_with_mean <true> - remove the mean

   Level: intermediate

   Notes:
   A change discards the fitted model. Does nothing for other types.

.seealso: `HTSCALERSTANDARD`, `HtScalerStandardSetWithStd()`, `HtScalerGetMean()`
@*/
PetscErrorCode HtScalerStandardSetWithMean(HtScaler sc, PetscBool flg)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscValidLogicalCollectiveBool(sc, flg, 2);
  PetscTryMethod(sc, "HtScalerStandardSetWithMean_C", (HtScaler, PetscBool), (sc, flg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerStandardSetWithStd - Sets whether `HTSCALERSTANDARD` divides each feature by its standard deviation.

   Logically Collective

   Input Parameters:
+  sc - the scaling object
-  flg - `PETSC_TRUE` (default) to scale the features to unit variance

   Options Database Key:
.  -ht_scaler_with_std <true> - divide by the standard deviation

   Level: intermediate

   Notes:
   Without it the scaler has no variance and no scale. A change discards the fitted model. Does nothing for other
   types.

.seealso: `HTSCALERSTANDARD`, `HtScalerStandardSetWithMean()`, `HtScalerGetScale()`, `HtScalerGetVariance()`
@*/
PetscErrorCode HtScalerStandardSetWithStd(HtScaler sc, PetscBool flg)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscValidLogicalCollectiveBool(sc, flg, 2);
  PetscTryMethod(sc, "HtScalerStandardSetWithStd_C", (HtScaler, PetscBool), (sc, flg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerDestroy_Standard(HtScaler sc)
{
  PetscFunctionBegin;
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerStandardSetWithMean_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerStandardSetWithStd_C", NULL));
  PetscCall(PetscFree(sc->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTSCALERSTANDARD - "standard" - standardization: y = (x - mean) / std for each feature.

   Method: the mean and the population variance (divided by N) of every feature, as scikit-learn's StandardScaler.
   The scale is the standard deviation; a feature whose variance cannot be told from zero (it is within the
   rounding error of the variance computation) gets the scale 1, so that a constant feature becomes 0 instead of
   a division by zero. The statistics come from reductions of the tensor layer, so they are the same on any number
   of ranks and the data are read twice and never gathered.

   Statistics: mean (`HtScalerGetMean()`, with with_mean or with_std), var and scale (`HtScalerGetVariance()`,
   `HtScalerGetScale()`, with with_std).

   Options Database Keys:
+  -ht_scaler_with_mean <true> - remove the mean (`HtScalerStandardSetWithMean()`)
-  -ht_scaler_with_std <true> - divide by the standard deviation (`HtScalerStandardSetWithStd()`)

   References:
+  scikit-learn's StandardScaler, https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.StandardScaler.html
-  T. F. Chan, G. H. Golub and R. J. LeVeque, Algorithms for computing the sample variance: analysis and
   recommendations, The American Statistician 37 (1983) 242-247.

   Level: beginner

.seealso: `HtScalerCreate()`, `HtScalerSetType()`, `HTSCALERROBUST`, `HTSCALERMINMAX`
M*/
PETSC_INTERN PetscErrorCode HtScalerCreate_Standard(HtScaler sc)
{
  HtScaler_Standard *st;

  PetscFunctionBegin;
  PetscCall(PetscNew(&st));
  st->with_mean           = PETSC_TRUE;
  st->with_std            = PETSC_TRUE;
  sc->data                = st;
  sc->params              = HtStandardParameters;
  sc->nparams             = PETSC_STATIC_ARRAY_LENGTH(HtStandardParameters);
  sc->ops->fit            = HtScalerFit_Standard;
  sc->ops->affine         = HtScalerAffine_Standard;
  sc->ops->setfromoptions = HtScalerSetFromOptions_Standard;
  sc->ops->destroy        = HtScalerDestroy_Standard;
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerStandardSetWithMean_C", HtScalerStandardSetWithMean_Standard));
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerStandardSetWithStd_C", HtScalerStandardSetWithStd_Standard));
  PetscFunctionReturn(PETSC_SUCCESS);
}
