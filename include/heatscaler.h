/*
   Heat for PETSc: HtScaler, feature scaling selected at run time
   (-ht_scaler_type standard | minmax | maxabs | robust | normalizer).
*/
#pragma once

#include <heattensor.h>

/*S
   HtScaler - a scaling of the features of a data tensor (samples x features, split along the samples): fit it to
   data, which records per-feature statistics, then transform data with them and transform back

   Level: beginner

.seealso: `HtScalerCreate()`, `HtScalerSetType()`, `HtScalerFit()`, `HtScalerTransform()`
S*/
typedef struct _p_HtScaler *HtScaler;

/*J
   HtScalerType - the scaling

$  HTSCALERSTANDARD   - remove the mean, divide by the standard deviation
$  HTSCALERMINMAX     - map each feature's range onto a given range
$  HTSCALERMAXABS     - divide by the largest absolute value of each feature
$  HTSCALERROBUST     - remove the median, divide by an interquantile range
$  HTSCALERNORMALIZER - divide every sample (row) by its l1, l2 or max norm

   Level: beginner

.seealso: `HtScalerSetType()`
J*/
typedef const char *HtScalerType;
#define HTSCALERSTANDARD   "standard"
#define HTSCALERMINMAX     "minmax"
#define HTSCALERMAXABS     "maxabs"
#define HTSCALERROBUST     "robust"
#define HTSCALERNORMALIZER "normalizer"

PETSC_EXTERN PetscClassId      HT_SCALER_CLASSID;
PETSC_EXTERN PetscFunctionList HtScalerList;

PETSC_EXTERN PetscErrorCode HtScalerInitializePackage(void);
PETSC_EXTERN PetscErrorCode HtScalerFinalizePackage(void);
PETSC_EXTERN PetscErrorCode HtScalerRegister(const char[], PetscErrorCode (*)(HtScaler));

PETSC_EXTERN PetscErrorCode HtScalerCreate(MPI_Comm, HtScaler *);
PETSC_EXTERN PetscErrorCode HtScalerSetType(HtScaler, HtScalerType);
PETSC_EXTERN PetscErrorCode HtScalerGetType(HtScaler, HtScalerType *);
PETSC_EXTERN PetscErrorCode HtScalerSetOptionsPrefix(HtScaler, const char[]);
PETSC_EXTERN PetscErrorCode HtScalerAppendOptionsPrefix(HtScaler, const char[]);
PETSC_EXTERN PetscErrorCode HtScalerGetOptionsPrefix(HtScaler, const char *[]);
PETSC_EXTERN PetscErrorCode HtScalerSetFromOptions(HtScaler);
PETSC_EXTERN PetscErrorCode HtScalerSetUp(HtScaler);
PETSC_EXTERN PetscErrorCode HtScalerFit(HtScaler, HtTensor);
PETSC_EXTERN PetscErrorCode HtScalerTransform(HtScaler, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtScalerInverseTransform(HtScaler, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtScalerFitTransform(HtScaler, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtScalerGetNumSamplesSeen(HtScaler, PetscInt *);
PETSC_EXTERN PetscErrorCode HtScalerGetMean(HtScaler, HtTensor *);
PETSC_EXTERN PetscErrorCode HtScalerGetVariance(HtScaler, HtTensor *);
PETSC_EXTERN PetscErrorCode HtScalerGetScale(HtScaler, HtTensor *);
PETSC_EXTERN PetscErrorCode HtScalerGetCenter(HtScaler, HtTensor *);
PETSC_EXTERN PetscErrorCode HtScalerGetMaxAbs(HtScaler, HtTensor *);
PETSC_EXTERN PetscErrorCode HtScalerGetDataMin(HtScaler, HtTensor *);
PETSC_EXTERN PetscErrorCode HtScalerGetDataMax(HtScaler, HtTensor *);
PETSC_EXTERN PetscErrorCode HtScalerGetMin(HtScaler, HtTensor *);
PETSC_EXTERN PetscErrorCode HtScalerView(HtScaler, PetscViewer);
PETSC_EXTERN PetscErrorCode HtScalerViewFromOptions(HtScaler, PetscObject, const char[]);
PETSC_EXTERN PetscErrorCode HtScalerLoad(HtScaler, PetscViewer);
PETSC_EXTERN PetscErrorCode HtScalerReset(HtScaler);
PETSC_EXTERN PetscErrorCode HtScalerDestroy(HtScaler *);

/* type-specific */
PETSC_EXTERN PetscErrorCode HtScalerStandardSetWithMean(HtScaler, PetscBool);
PETSC_EXTERN PetscErrorCode HtScalerStandardSetWithStd(HtScaler, PetscBool);
PETSC_EXTERN PetscErrorCode HtScalerMinMaxSetFeatureRange(HtScaler, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode HtScalerMinMaxSetClip(HtScaler, PetscBool);
PETSC_EXTERN PetscErrorCode HtScalerRobustSetWithCentering(HtScaler, PetscBool);
PETSC_EXTERN PetscErrorCode HtScalerRobustSetWithScaling(HtScaler, PetscBool);
PETSC_EXTERN PetscErrorCode HtScalerRobustSetQuantileRange(HtScaler, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode HtScalerNormalizerSetNorm(HtScaler, NormType);
