/*
   Heat for PETSc: HtClassifier, supervised classification selected at run time
   (-ht_classifier_type knn | gaussiannb | logistic).
*/
#pragma once

#include <heattensor.h>
#include <petsctao.h>

/*S
   HtClassifier - a classifier: fit it to labelled samples (a data tensor, samples x features, split along the
   samples, and an `HT_INT` tensor of labels), then predict the labels or the class probabilities of new samples

   Level: beginner

.seealso: `HtClassifierCreate()`, `HtClassifierSetType()`, `HtClassifierFit()`, `HtClassifierPredict()`
S*/
typedef struct _p_HtClassifier *HtClassifier;

/*J
   HtClassifierType - the classification method

$  HTCLASSIFIERKNN        - k nearest neighbours, majority vote (uniform or distance weights)
$  HTCLASSIFIERGAUSSIANNB - Gaussian naive Bayes
$  HTCLASSIFIERLOGISTIC   - multinomial logistic regression with an L2 penalty, solved by PETSc's TAO

   Level: beginner

.seealso: `HtClassifierSetType()`
J*/
typedef const char *HtClassifierType;
#define HTCLASSIFIERKNN        "knn"
#define HTCLASSIFIERGAUSSIANNB "gaussiannb"
#define HTCLASSIFIERLOGISTIC   "logistic"

/*E
   HtClassifierConvergedReason - how a fit ended

$  HT_CLASSIFIER_CONVERGED_DIRECT    - a direct method finished (knn, gaussiannb)
$  HT_CLASSIFIER_CONVERGED_TOL       - the gradient norm fell below the tolerance (logistic)
$  HT_CLASSIFIER_CONVERGED_ITERATING - still fitting
$  HT_CLASSIFIER_DIVERGED_ITS        - the maximum number of iterations was reached first
$  HT_CLASSIFIER_DIVERGED_SOLVER     - the optimizer stopped without converging (line search failure, ...; see -ht_classifier_tao_converged_reason)

   Level: beginner

.seealso: `HtClassifierGetConvergedReason()`
E*/
typedef enum {
  HT_CLASSIFIER_CONVERGED_DIRECT    = 1,
  HT_CLASSIFIER_CONVERGED_TOL       = 2,
  HT_CLASSIFIER_CONVERGED_ITERATING = 0,
  HT_CLASSIFIER_DIVERGED_ITS        = -1,
  HT_CLASSIFIER_DIVERGED_SOLVER     = -2
} HtClassifierConvergedReason;
PETSC_EXTERN const char *const *HtClassifierConvergedReasons;

/*E
   HtClassifierKNNWeights - how the k nearest neighbours vote

$  HT_CLASSIFIER_KNN_UNIFORM  - one vote each
$  HT_CLASSIFIER_KNN_DISTANCE - a vote of 1/distance each (a query that coincides with training samples: those alone vote)

   Level: beginner

.seealso: `HtClassifierKNNSetWeights()`
E*/
typedef enum {
  HT_CLASSIFIER_KNN_UNIFORM,
  HT_CLASSIFIER_KNN_DISTANCE
} HtClassifierKNNWeights;
PETSC_EXTERN const char *const HtClassifierKNNWeightsTypes[];

PETSC_EXTERN PetscClassId      HT_CLASSIFIER_CLASSID;
PETSC_EXTERN PetscFunctionList HtClassifierList;

PETSC_EXTERN PetscErrorCode HtClassifierInitializePackage(void);
PETSC_EXTERN PetscErrorCode HtClassifierFinalizePackage(void);
PETSC_EXTERN PetscErrorCode HtClassifierRegister(const char[], PetscErrorCode (*)(HtClassifier));

PETSC_EXTERN PetscErrorCode HtClassifierCreate(MPI_Comm, HtClassifier *);
PETSC_EXTERN PetscErrorCode HtClassifierSetType(HtClassifier, HtClassifierType);
PETSC_EXTERN PetscErrorCode HtClassifierGetType(HtClassifier, HtClassifierType *);
PETSC_EXTERN PetscErrorCode HtClassifierSetOptionsPrefix(HtClassifier, const char[]);
PETSC_EXTERN PetscErrorCode HtClassifierAppendOptionsPrefix(HtClassifier, const char[]);
PETSC_EXTERN PetscErrorCode HtClassifierGetOptionsPrefix(HtClassifier, const char *[]);
PETSC_EXTERN PetscErrorCode HtClassifierSetTolerances(HtClassifier, PetscReal, PetscInt);
PETSC_EXTERN PetscErrorCode HtClassifierGetTolerances(HtClassifier, PetscReal *, PetscInt *);
PETSC_EXTERN PetscErrorCode HtClassifierSetFromOptions(HtClassifier);
PETSC_EXTERN PetscErrorCode HtClassifierSetUp(HtClassifier);
PETSC_EXTERN PetscErrorCode HtClassifierFit(HtClassifier, HtTensor, HtTensor);
PETSC_EXTERN PetscErrorCode HtClassifierPartialFit(HtClassifier, HtTensor, HtTensor, HtTensor);
PETSC_EXTERN PetscErrorCode HtClassifierPredict(HtClassifier, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtClassifierPredictProba(HtClassifier, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtClassifierScore(HtClassifier, HtTensor, HtTensor, PetscReal *);
PETSC_EXTERN PetscErrorCode HtClassifierGetClasses(HtClassifier, HtTensor *);
PETSC_EXTERN PetscErrorCode HtClassifierGetIterationNumber(HtClassifier, PetscInt *);
PETSC_EXTERN PetscErrorCode HtClassifierGetConvergedReason(HtClassifier, HtClassifierConvergedReason *);
PETSC_EXTERN PetscErrorCode HtClassifierConvergedReasonView(HtClassifier, PetscViewer);
PETSC_EXTERN PetscErrorCode HtClassifierConvergedReasonViewFromOptions(HtClassifier);
PETSC_EXTERN PetscErrorCode HtClassifierView(HtClassifier, PetscViewer);
PETSC_EXTERN PetscErrorCode HtClassifierViewFromOptions(HtClassifier, PetscObject, const char[]);
PETSC_EXTERN PetscErrorCode HtClassifierLoad(HtClassifier, PetscViewer);
PETSC_EXTERN PetscErrorCode HtClassifierReset(HtClassifier);
PETSC_EXTERN PetscErrorCode HtClassifierDestroy(HtClassifier *);

/*S
   HtClassifierMonitorFn - the calling sequence of a monitor of `HtClassifierMonitorSet()`

$  PetscErrorCode monitor(HtClassifier cl, PetscInt it, PetscReal objective, PetscReal gnorm, void *ctx)

+  cl - the classifier
.  it - the iteration of the optimizer (0: the initial point)
.  objective - the objective (logistic: C times the sum of the log-losses plus half the squared norm of the coefficients)
.  gnorm - the norm of its gradient
-  ctx - the context given to `HtClassifierMonitorSet()`

   Level: intermediate

.seealso: `HtClassifierMonitorSet()`, `HtClassifierMonitorDefault()`
S*/
typedef PetscErrorCode (*HtClassifierMonitorFn)(HtClassifier, PetscInt, PetscReal, PetscReal, void *);

PETSC_EXTERN PetscErrorCode HtClassifierMonitorSet(HtClassifier, HtClassifierMonitorFn, void *, PetscErrorCode (*)(void **));
PETSC_EXTERN PetscErrorCode HtClassifierMonitorCancel(HtClassifier);
PETSC_EXTERN PetscErrorCode HtClassifierMonitor(HtClassifier, PetscInt, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode HtClassifierMonitorDefault(HtClassifier, PetscInt, PetscReal, PetscReal, PetscViewerAndFormat *);
PETSC_EXTERN PetscErrorCode HtClassifierMonitorDrawLG(HtClassifier, PetscInt, PetscReal, PetscReal, PetscViewerAndFormat *);

/* type-specific */
PETSC_EXTERN PetscErrorCode HtClassifierKNNSetNumNeighbors(HtClassifier, PetscInt);
PETSC_EXTERN PetscErrorCode HtClassifierKNNGetNumNeighbors(HtClassifier, PetscInt *);
PETSC_EXTERN PetscErrorCode HtClassifierKNNSetWeights(HtClassifier, HtClassifierKNNWeights);
PETSC_EXTERN PetscErrorCode HtClassifierKNNGetWeights(HtClassifier, HtClassifierKNNWeights *);
PETSC_EXTERN PetscErrorCode HtClassifierGaussianNBSetVarSmoothing(HtClassifier, PetscReal);
PETSC_EXTERN PetscErrorCode HtClassifierGaussianNBSetPriors(HtClassifier, PetscInt, const PetscReal[]);
PETSC_EXTERN PetscErrorCode HtClassifierGaussianNBGetClassPrior(HtClassifier, HtTensor *);
PETSC_EXTERN PetscErrorCode HtClassifierGaussianNBGetClassCount(HtClassifier, HtTensor *);
PETSC_EXTERN PetscErrorCode HtClassifierGaussianNBGetTheta(HtClassifier, HtTensor *);
PETSC_EXTERN PetscErrorCode HtClassifierGaussianNBGetVar(HtClassifier, HtTensor *);
PETSC_EXTERN PetscErrorCode HtClassifierGaussianNBGetEpsilon(HtClassifier, PetscReal *);
PETSC_EXTERN PetscErrorCode HtClassifierLogisticSetC(HtClassifier, PetscReal);
PETSC_EXTERN PetscErrorCode HtClassifierLogisticGetCoef(HtClassifier, HtTensor *);
PETSC_EXTERN PetscErrorCode HtClassifierLogisticGetIntercept(HtClassifier, HtTensor *);
PETSC_EXTERN PetscErrorCode HtClassifierLogisticGetTao(HtClassifier, Tao *);
