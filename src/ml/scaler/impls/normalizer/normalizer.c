/*
   HTSCALERNORMALIZER: divide every sample (row) by its norm.

   Stateless: the fit records only the numbers of samples and features. The norms of the local rows are the tensor
   layer's norm along the features (no communication); the division is a loop over the local rows.
*/
#include <heat/private/scalerimpl.h>

typedef struct {
  NormType norm;
} HtScaler_Normalizer;

/* the names of the norms (scikit-learn's) and the PETSc norm types they stand for */
static const char *const HtNormalizerNorms[]     = {"l1", "l2", "max"};
static const NormType    HtNormalizerNormTypes[] = {NORM_1, NORM_2, NORM_INFINITY};

static const char *HtNormalizerNormName(NormType norm)
{
  for (PetscInt k = 0; k < 3; k++)
    if (HtNormalizerNormTypes[k] == norm) return HtNormalizerNorms[k];
  return NULL;
}

static PetscErrorCode HtNormalizerNormFromName(HtScaler sc, const char name[], NormType *norm)
{
  PetscInt  k;
  PetscBool found;

  PetscFunctionBegin;
  PetscCall(PetscEListFind(3, HtNormalizerNorms, name, &k, &found));
  PetscCheck(found, PetscObjectComm((PetscObject)sc), PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown norm '%s' for the normalizer; use l1, l2 or max", name);
  *norm = HtNormalizerNormTypes[k];
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerTransform_Normalizer(HtScaler sc, HtTensor X, HtTensor Y)
{
  HtScaler_Normalizer *nm = (HtScaler_Normalizer *)sc->data;
  HtTensor             norms;
  HtSamples            s;
  const PetscScalar   *r;
  PetscScalar         *y;

  PetscFunctionBegin;
  PetscCall(HtTensorNorm(X, nm->norm, 1, PETSC_FALSE, &norms));
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
  NormType             norm = nm->norm;
  PetscBool            set;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtScaler normalizer options");
  PetscCall(PetscOptionsString("-ht_scaler_norm", "Norm each sample is divided by: l1, l2 or max", "HtScalerNormalizerSetNorm", HtNormalizerNormName(nm->norm), name, sizeof(name), &set));
  if (set) {
    PetscCall(HtNormalizerNormFromName(sc, name, &norm));
    PetscCall(HtScalerNormalizerSetNorm(sc, norm));
  }
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ASCII: the norm; a model file: its name as the attribute norm */
static PetscErrorCode HtScalerView_Normalizer(HtScaler sc, PetscViewer viewer)
{
  const char *name = HtNormalizerNormName(((HtScaler_Normalizer *)sc->data)->norm);
  PetscBool   ishdf5;

  PetscFunctionBegin;
  PetscCall(HtMLViewerIsModelFile((PetscObject)sc, viewer, &ishdf5));
  if (ishdf5) PetscCall(HtMLModelSaveAttribute(viewer, "norm", PETSC_STRING, name));
  else PetscCall(PetscViewerASCIIPrintf(viewer, "norm: %s\n", name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerLoad_Normalizer(HtScaler sc, PetscViewer viewer)
{
  char *name;

  PetscFunctionBegin;
  PetscCall(HtMLModelLoadAttribute((PetscObject)sc, viewer, "norm", PETSC_STRING, &name));
  PetscCall(HtNormalizerNormFromName(sc, name, &((HtScaler_Normalizer *)sc->data)->norm));
  PetscCall(PetscFree(name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerNormalizerSetNorm_Normalizer(HtScaler sc, NormType norm)
{
  PetscFunctionBegin;
  PetscCheck(HtNormalizerNormName(norm), PetscObjectComm((PetscObject)sc), PETSC_ERR_ARG_OUTOFRANGE, "Unknown norm %s for the normalizer; use NORM_1 (l1), NORM_2 (l2) or NORM_INFINITY (max)", NormTypes[norm]);
  PetscCall(HtScalerSetParameter_Private(sc, &((HtScaler_Normalizer *)sc->data)->norm, &norm, sizeof(norm)));
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
  nm->norm                = NORM_2;
  sc->data                = nm;
  sc->ops->transform      = HtScalerTransform_Normalizer;
  sc->ops->setfromoptions = HtScalerSetFromOptions_Normalizer;
  sc->ops->view           = HtScalerView_Normalizer;
  sc->ops->load           = HtScalerLoad_Normalizer;
  sc->ops->destroy        = HtScalerDestroy_Normalizer;
  PetscCall(PetscObjectComposeFunction((PetscObject)sc, "HtScalerNormalizerSetNorm_C", HtScalerNormalizerSetNorm_Normalizer));
  PetscFunctionReturn(PETSC_SUCCESS);
}
