/*
   Heat for PETSc: HtRegressor, linear regression selected at run time
   (-ht_regressor_type lasso | elasticnet | ridge | ols).
*/
#pragma once

#include <heattensor.h>
#include <petscksp.h>

/*S
   HtRegressor - a linear model y ~ X w + b: fit it to a data tensor (samples x features, split along the samples) and
   a target (one value per sample), then read its coefficients and intercept, or predict targets of new samples

   Level: beginner

.seealso: `HtRegressorCreate()`, `HtRegressorSetType()`, `HtRegressorFit()`, `HtRegressorPredict()`
S*/
typedef struct _p_HtRegressor *HtRegressor;

/*J
   HtRegressorType - the linear model and how it is fitted

$  HTREGRESSORLASSO      - l1-penalized least squares by coordinate descent (scikit-learn's Lasso)
$  HTREGRESSORELASTICNET - l1 and l2 penalized least squares by coordinate descent (scikit-learn's ElasticNet)
$  HTREGRESSORRIDGE      - l2-penalized least squares, direct or by LSQR (scikit-learn's Ridge)
$  HTREGRESSOROLS        - ordinary least squares, minimum-norm solution (scikit-learn's LinearRegression)

   Level: beginner

.seealso: `HtRegressorSetType()`
J*/
typedef const char *HtRegressorType;
#define HTREGRESSORLASSO      "lasso"
#define HTREGRESSORELASTICNET "elasticnet"
#define HTREGRESSORRIDGE      "ridge"
#define HTREGRESSOROLS        "ols"

/*E
   HtRegressorLassoSolver - how the coordinate descent of lasso and elasticnet reads the data

$  HT_REGRESSOR_LASSO_GRAM     - one pass forms the centered Gram matrix X^T X and X^T y; the epochs use only them
$  HT_REGRESSOR_LASSO_RESIDUAL - the residual stays distributed with the samples; blocks of coordinates, one reduction each

   Level: intermediate

.seealso: `HtRegressorSetLassoSolver()`
E*/
typedef enum {
  HT_REGRESSOR_LASSO_GRAM,
  HT_REGRESSOR_LASSO_RESIDUAL
} HtRegressorLassoSolver;
PETSC_EXTERN const char *const HtRegressorLassoSolvers[];

/*E
   HtRegressorLSSolver - how ridge and ols solve their least-squares problem

$  HT_REGRESSOR_LS_NORMAL - the normal equations of the centered Gram matrix formed in one pass (Cholesky, or a symmetric eigensolver for ols)
$  HT_REGRESSOR_LS_LSQR   - PETSc's KSPLSQR on an operator applying the centered X and X^T (many features)

   Level: intermediate

.seealso: `HtRegressorSetLSSolver()`
E*/
typedef enum {
  HT_REGRESSOR_LS_NORMAL,
  HT_REGRESSOR_LS_LSQR
} HtRegressorLSSolver;
PETSC_EXTERN const char *const HtRegressorLSSolvers[];

/*E
   HtRegressorConvergedReason - how a fit ended

$  HT_REGRESSOR_CONVERGED_DIRECT    - a direct solve finished (ridge, ols)
$  HT_REGRESSOR_CONVERGED_GAP       - the duality gap fell below the tolerance (lasso, elasticnet)
$  HT_REGRESSOR_CONVERGED_RTOL      - the LSQR iteration converged
$  HT_REGRESSOR_CONVERGED_ITERATING - still fitting
$  HT_REGRESSOR_DIVERGED_ITS        - the maximum number of iterations was reached first
$  HT_REGRESSOR_DIVERGED_KSP        - the LSQR iteration failed (see -ht_regressor_ksp_converged_reason)

   Level: beginner

.seealso: `HtRegressorGetConvergedReason()`
E*/
typedef enum {
  HT_REGRESSOR_CONVERGED_DIRECT    = 1,
  HT_REGRESSOR_CONVERGED_GAP       = 2,
  HT_REGRESSOR_CONVERGED_RTOL      = 3,
  HT_REGRESSOR_CONVERGED_ITERATING = 0,
  HT_REGRESSOR_DIVERGED_ITS        = -1,
  HT_REGRESSOR_DIVERGED_KSP        = -2
} HtRegressorConvergedReason;
PETSC_EXTERN const char *const *HtRegressorConvergedReasons;

PETSC_EXTERN PetscClassId      HT_REGRESSOR_CLASSID;
PETSC_EXTERN PetscFunctionList HtRegressorList;

PETSC_EXTERN PetscErrorCode HtRegressorInitializePackage(void);
PETSC_EXTERN PetscErrorCode HtRegressorFinalizePackage(void);
PETSC_EXTERN PetscErrorCode HtRegressorRegister(const char[], PetscErrorCode (*)(HtRegressor));

PETSC_EXTERN PetscErrorCode HtRegressorCreate(MPI_Comm, HtRegressor *);
PETSC_EXTERN PetscErrorCode HtRegressorSetType(HtRegressor, HtRegressorType);
PETSC_EXTERN PetscErrorCode HtRegressorGetType(HtRegressor, HtRegressorType *);
PETSC_EXTERN PetscErrorCode HtRegressorSetOptionsPrefix(HtRegressor, const char[]);
PETSC_EXTERN PetscErrorCode HtRegressorAppendOptionsPrefix(HtRegressor, const char[]);
PETSC_EXTERN PetscErrorCode HtRegressorGetOptionsPrefix(HtRegressor, const char *[]);
PETSC_EXTERN PetscErrorCode HtRegressorSetAlpha(HtRegressor, PetscReal);
PETSC_EXTERN PetscErrorCode HtRegressorGetAlpha(HtRegressor, PetscReal *);
PETSC_EXTERN PetscErrorCode HtRegressorSetL1Ratio(HtRegressor, PetscReal);
PETSC_EXTERN PetscErrorCode HtRegressorGetL1Ratio(HtRegressor, PetscReal *);
PETSC_EXTERN PetscErrorCode HtRegressorSetFitIntercept(HtRegressor, PetscBool);
PETSC_EXTERN PetscErrorCode HtRegressorGetFitIntercept(HtRegressor, PetscBool *);
PETSC_EXTERN PetscErrorCode HtRegressorSetMaxIt(HtRegressor, PetscInt);
PETSC_EXTERN PetscErrorCode HtRegressorGetMaxIt(HtRegressor, PetscInt *);
PETSC_EXTERN PetscErrorCode HtRegressorSetTolerance(HtRegressor, PetscReal);
PETSC_EXTERN PetscErrorCode HtRegressorGetTolerance(HtRegressor, PetscReal *);
PETSC_EXTERN PetscErrorCode HtRegressorSetLassoSolver(HtRegressor, HtRegressorLassoSolver);
PETSC_EXTERN PetscErrorCode HtRegressorGetLassoSolver(HtRegressor, HtRegressorLassoSolver *);
PETSC_EXTERN PetscErrorCode HtRegressorSetLassoBlock(HtRegressor, PetscInt);
PETSC_EXTERN PetscErrorCode HtRegressorGetLassoBlock(HtRegressor, PetscInt *);
PETSC_EXTERN PetscErrorCode HtRegressorSetLSSolver(HtRegressor, HtRegressorLSSolver);
PETSC_EXTERN PetscErrorCode HtRegressorGetLSSolver(HtRegressor, HtRegressorLSSolver *);
PETSC_EXTERN PetscErrorCode HtRegressorGetKSP(HtRegressor, KSP *);
PETSC_EXTERN PetscErrorCode HtRegressorSetFromOptions(HtRegressor);
PETSC_EXTERN PetscErrorCode HtRegressorSetUp(HtRegressor);
PETSC_EXTERN PetscErrorCode HtRegressorFit(HtRegressor, HtTensor, HtTensor);
PETSC_EXTERN PetscErrorCode HtRegressorPredict(HtRegressor, HtTensor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtRegressorScore(HtRegressor, HtTensor, HtTensor, PetscReal *);
PETSC_EXTERN PetscErrorCode HtRegressorLassoPath(HtRegressor, HtTensor, HtTensor, PetscInt, PetscReal, HtTensor *, HtTensor *);
PETSC_EXTERN PetscErrorCode HtRegressorGetCoefficients(HtRegressor, HtTensor *);
PETSC_EXTERN PetscErrorCode HtRegressorGetIntercept(HtRegressor, PetscReal *);
PETSC_EXTERN PetscErrorCode HtRegressorGetIterationNumber(HtRegressor, PetscInt *);
PETSC_EXTERN PetscErrorCode HtRegressorGetDualityGap(HtRegressor, PetscReal *);
PETSC_EXTERN PetscErrorCode HtRegressorGetConvergedReason(HtRegressor, HtRegressorConvergedReason *);
PETSC_EXTERN PetscErrorCode HtRegressorConvergedReasonView(HtRegressor, PetscViewer);
PETSC_EXTERN PetscErrorCode HtRegressorConvergedReasonViewFromOptions(HtRegressor);
PETSC_EXTERN PetscErrorCode HtRegressorView(HtRegressor, PetscViewer);
PETSC_EXTERN PetscErrorCode HtRegressorViewFromOptions(HtRegressor, PetscObject, const char[]);
PETSC_EXTERN PetscErrorCode HtRegressorLoad(HtRegressor, PetscViewer);
PETSC_EXTERN PetscErrorCode HtRegressorReset(HtRegressor);
PETSC_EXTERN PetscErrorCode HtRegressorDestroy(HtRegressor *);

/*S
   HtRegressorMonitorFn - the calling sequence of a monitor of `HtRegressorMonitorSet()`

$  PetscErrorCode monitor(HtRegressor reg, PetscInt epoch, PetscReal objective, PetscReal gap, void *ctx)

+  reg - the regressor
.  epoch - the epoch of coordinate descent (1 is the first)
.  objective - the objective after it (scikit-learn's, divided by the number of samples)
.  gap - the duality gap (divided by the number of samples), or -1 at an epoch where it was not computed
-  ctx - the context given to `HtRegressorMonitorSet()`

   Level: intermediate

.seealso: `HtRegressorMonitorSet()`, `HtRegressorMonitorDefault()`
S*/
typedef PetscErrorCode (*HtRegressorMonitorFn)(HtRegressor, PetscInt, PetscReal, PetscReal, void *);

PETSC_EXTERN PetscErrorCode HtRegressorMonitorSet(HtRegressor, HtRegressorMonitorFn, void *, PetscErrorCode (*)(void **));
PETSC_EXTERN PetscErrorCode HtRegressorMonitorCancel(HtRegressor);
PETSC_EXTERN PetscErrorCode HtRegressorMonitor(HtRegressor, PetscInt, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode HtRegressorMonitorDefault(HtRegressor, PetscInt, PetscReal, PetscReal, PetscViewerAndFormat *);
PETSC_EXTERN PetscErrorCode HtRegressorMonitorDrawLG(HtRegressor, PetscInt, PetscReal, PetscReal, PetscViewerAndFormat *);
