/*
   HTSCALERNORMALIZER: divide every sample (row) by its norm.

   Stateless: the fit records only the numbers of samples and features. The norms of the local rows are the tensor
   layer's norm along the features (no communication); the division is a loop over the local rows.
*/
#include <heat/private/scalerimpl.h>

/* the names of the norms (scikit-learn's) and the PETSc norm types they stand for */
static const char *const HtNormalizerNorms[]     = {"l1", "l2", "max", NULL};
static const NormType    HtNormalizerNormTypes[] = {NORM_1, NORM_2, NORM_INFINITY};

typedef struct {
  PetscEnum norm; /* index into HtNormalizerNorms */
} HtScaler_Normalizer;

static const HtScalerParameter HtNormalizerParameters[] = {
  {"norm", PETSC_ENUM, 1, offsetof(HtScaler_Normalizer, norm), HtNormalizerNorms},
};

static PetscErrorCode HtScalerTransform_Normalizer(HtScaler sc, HtTensor X, HtTensor Y)
{
  HtScaler_Normalizer *nm = (HtScaler_Normalizer *)sc->data;
  HtTensor             norms;
  HtSamples            s;
  const PetscScalar   *r;
  PetscScalar         *y;

  PetscFunctionBegin;
  PetscCall(HtTensorNorm(X, HtNormalizerNormTypes[nm->norm], 1, PETSC_FALSE, &norms));
  PetscCall(HtScalerHandleZeros_Private(norms, NULL));
  PetscCall(HtTensorGetSamples(X, NULL, &s));
  PetscCall(HtTensorGetArrayRead(norms, &r));
  PetscCall(HtTensorGetArrayWrite(Y, &y));
  for (PetscInt i = 0; i < s.m; i++)
    for (PetscInt j = 0; j < s.f; j++) y[i * s.f + j] = s.x[i * s.f + j] / r[i];
  PetscCall(HtTensorRestoreArrayWrite(Y, &y));
  PetscCall(HtTensorRestoreArrayRead(norms, &r));
  PetscCall(HtTensorRestoreSamples(X, NULL, &s));
  PetscCall(HtTensorDestroy(&norms));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerSetFromOptions_Normalizer(HtScaler sc, PetscOptionItems *PetscOptionsObject)
{
  HtScaler_Normalizer *nm = (HtScaler_Normalizer *)sc->data;
  char                 name[64];
  PetscInt             k;
  PetscBool            set, found;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtScaler normalizer options");
  PetscCall(PetscOptionsString("-ht_scaler_norm", "Norm each sample is divided by: l1, l2 or max", "HtScalerNormalizerSetNorm", HtNormalizerNorms[nm->norm], name, sizeof(name), &set));
  if (set) {
    PetscCall(PetscEListFind(3, HtNormalizerNorms, name, &k, &found));
    PetscCheck(found, PetscObjectComm((PetscObject)sc), PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown norm '%s' for the normalizer; use l1, l2 or max", name);
    PetscCall(HtScalerNormalizerSetNorm(sc, HtNormalizerNormTypes[k]));
  }
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerNormalizerSetNorm_Normalizer(HtScaler sc, NormType norm)
{
  PetscInt  k = 0;
  PetscEnum index;

  PetscFunctionBegin;
  while (k < 3 && HtNormalizerNormTypes[k] != norm) k++;
  PetscCheck(k < 3, PetscObjectComm((PetscObject)sc), PETSC_ERR_ARG_OUTOFRANGE, "Unknown norm %s for the normalizer; use NORM_1 (l1), NORM_2 (l2) or NORM_INFINITY (max)", NormTypes[norm]);
  index = (PetscEnum)k;
  PetscCall(HtScalerSetParameter_Private(sc, &((HtScaler_Normalizer *)sc->data)->norm, &index, sizeof(index)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerNormalizerSetNorm - Sets the norm `HTSCALERNORMALIZER` divides every sample by.

   Logically Collective

   Input Parameters:
+  sc - the scaling object
-  norm - `NORM_1` (sum of the absolute values, "l1"), `NORM_2` (Euclidean, "l2", the default) or `NORM_INFINITY`
          (largest absolute value, "max")

   Options Database Key:
.  -ht_scaler_norm <l2> - l1, l2 or max

   Level: intermediate

   Note:
   Does nothing for other types.

.seealso: `HTSCALERNORMALIZER`, `HtTensorNorm()`
@*/
PetscErrorCode HtScalerNormalizerSetNorm(HtScaler sc, NormType norm)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscValidLogicalCollectiveEnum(sc, norm, 2);
  PetscTryMethod(sc, "HtScalerNormalizerSetNorm_C", (HtScaler, NormType), (sc, norm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerDestroy_Normalizer(HtScaler sc)
{
  PetscFunctionBegin;
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerNormalizerSetNorm_C", NULL));
  PetscCall(PetscFree(sc->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTSCALERNORMALIZER - "normalizer" - scales every sample (row) to unit norm: y = x / ||x|| with the l1, l2 or max
   norm.

   Method: as scikit-learn's Normalizer, each sample is divided by its own norm, so the fit learns nothing from the
   data: it records only the numbers of samples and features, and the transform checks the number of features. A
   sample whose norm is below 10 machine epsilons (all zeros) is left as it is. Every rank works on its own samples,
   with no communication. There is no inverse transform (the norms are not kept).

   Statistics: none.

   Options Database Key:
.  -ht_scaler_norm <l2> - l1, l2 or max (`HtScalerNormalizerSetNorm()`)

   References:
.  scikit-learn's Normalizer, https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.Normalizer.html

   Level: beginner

.seealso: `HtScalerCreate()`, `HtScalerSetType()`, `HtTensorNorm()`, `HTSCALERMAXABS`
M*/
PETSC_INTERN PetscErrorCode HtScalerCreate_Normalizer(HtScaler sc)
{
  HtScaler_Normalizer *nm;

  PetscFunctionBegin;
  PetscCall(PetscNew(&nm));
  nm->norm                = (PetscEnum)1; /* l2 */
  sc->data                = nm;
  sc->params              = HtNormalizerParameters;
  sc->nparams             = PETSC_STATIC_ARRAY_LENGTH(HtNormalizerParameters);
  sc->ops->transform      = HtScalerTransform_Normalizer;
  sc->ops->setfromoptions = HtScalerSetFromOptions_Normalizer;
  sc->ops->destroy        = HtScalerDestroy_Normalizer;
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerNormalizerSetNorm_C", HtScalerNormalizerSetNorm_Normalizer));
  PetscFunctionReturn(PETSC_SUCCESS);
}
