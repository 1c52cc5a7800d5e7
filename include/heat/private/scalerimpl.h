/*
   Private data structure of HtScaler. The fitted statistics are replicated 1-d tensors of one value per feature,
   kept in one table indexed by HtScalerStat; a type's fit fills the ones it has (with scikit-learn's names), and the
   interface saves, loads, views and gives them out.
*/
#pragma once

#include <heatscaler.h>
#include <heat/private/mlimpl.h>

PETSC_EXTERN PetscLogEvent HT_SCALER_Fit, HT_SCALER_Transform;

/* the fitted statistics, in the order View prints them; HtScalerStats[] holds their names */
typedef enum {
  HT_SCALER_MEAN,
  HT_SCALER_VAR,
  HT_SCALER_CENTER,
  HT_SCALER_MAX_ABS,
  HT_SCALER_DATA_MIN,
  HT_SCALER_DATA_MAX,
  HT_SCALER_MIN,
  HT_SCALER_SCALE,
  HT_SCALER_NUM_STATS
} HtScalerStat;
PETSC_INTERN const char *const HtScalerStats[];

/*
   HtScalerParameter - a parameter of a type, as the summary (ASCII view) shows it and the model file keeps it (an
   attribute of the group): its scikit-learn name, its kind and its place in the type's data. Kinds: PETSC_BOOL (a
   PetscBool), PETSC_REAL (n PetscReal values; a range has n = 2, kept as the attributes <name>_min and <name>_max),
   PETSC_ENUM (a PetscEnum indexing names, kept as the name).
*/
typedef struct {
  const char        *name;
  PetscDataType      type;
  PetscInt           n;
  size_t             offset;
  const char *const *names;
} HtScalerParameter;

typedef struct _HtScalerOps *HtScalerOps;
struct _HtScalerOps {
  HT_ML_OPS(HtScaler);
  PetscErrorCode (*fit)(HtScaler, HtTensor);                  /* X: split 0, checked; sets the type's statistics (none: a stateless type) */
  PetscErrorCode (*affine)(HtScaler, HtTensor *, HtTensor *); /* y = (x - center) / scale per feature: new references to center and scale (NULL: 0, 1) */
  PetscErrorCode (*transform)(HtScaler, HtTensor, HtTensor);  /* when the transform is not (only) the affine map: X -> Y (layout of X) */
};

struct _p_HtScaler {
  PETSCHEADER(struct _HtScalerOps);
  PetscBool                setupcalled;
  const HtScalerParameter *params; /* the type's parameters (in data), viewed, saved and loaded by the interface */
  PetscInt                 nparams;
  /* results */
  PetscInt  nsamples, nfeatures;       /* of the data of the fit */
  HtTensor  stat[HT_SCALER_NUM_STATS]; /* replicated, nfeatures values each, or NULL */
  PetscBool fitted;
  void     *data; /* type-specific */
};

PETSC_INTERN PetscErrorCode  HtScalerApplyAffine_Private(HtScaler, HtTensor, HtTensor, PetscBool);
PETSC_INTERN PetscErrorCode  HtScalerSetStat_Private(HtScaler, HtScalerStat, HtTensor *);
PETSC_INTERN PetscErrorCode  HtScalerHandleZeros_Private(HtTensor, const PetscBool[]);
PETSC_INTERN PetscErrorCode  HtScalerSetParameter_Private(HtScaler, void *, const void *, size_t);
PETSC_INTERN PetscErrorCode  HtScalerOptionsRange_Private(PetscOptionItems *, const char[], const char[], const char[], PetscReal[], PetscBool *);
PETSC_INTERN PetscErrorCode  HtScalerTypeRegisterAll(void);
PETSC_INTERN const HtMLClass HtScalerClass;
