/*
   Private data structure of HtRegressor. A type's fit leaves the coefficients of the centered problem and the means
   it centered by in the object (HtRegressorFitResult); the interface turns them into the fitted model (coefficient
   tensor, intercept ymean - xmean . w) the same way for every type.
*/
#pragma once

#include <heatregressor.h>
#include <heat/private/mlimpl.h>

PETSC_EXTERN PetscLogEvent HT_REGRESSOR_SetUp, HT_REGRESSOR_Fit, HT_REGRESSOR_Predict, HT_REGRESSOR_Gram; /* Gram: the one pass over X and y of the Gram routes */

typedef struct _HtRegressorOps *HtRegressorOps;
struct _HtRegressorOps {
  HT_ML_OPS(HtRegressor);
  PetscErrorCode (*fit)(HtRegressor, HtTensor, HtTensor); /* X: split 0, layout checked; y: 1-d, X's layout, checked; fills reg->w, xmean, ymean */
};

struct _p_HtRegressor {
  PETSCHEADER(struct _HtRegressorOps);
  /* parameters */
  PetscReal              alpha, l1_ratio, tol;
  PetscBool              fit_intercept;
  PetscInt               max_it, lasso_block;
  HtRegressorLassoSolver lasso_solver;
  PetscBool              lasso_solver_set; /* else chosen by the number of features */
  HtRegressorLSSolver    ls_solver;
  PetscBool              ls_solver_set;
  PetscBool              setupcalled;
  KSP                    ksp; /* the LSQR solver of ridge and ols, created on demand */
  /* the result of a type's fit */
  PetscInt                   n, f;      /* samples and features of the training data */
  PetscScalar               *w, *xmean; /* f coefficients, f means of the features (0 without intercept) */
  PetscReal                  ymean;     /* the target's mean (0 without intercept) */
  PetscBool                  warm;      /* w holds a start (the previous alpha of a path) */
  PetscInt                   its;
  PetscReal                  gap;         /* the duality gap divided by the samples (scikit-learn's dual_gap_) */
  PetscInt                   nreductions; /* reductions of the last fit's iterations (the residual solver's communication) */
  HtRegressorConvergedReason reason;
  /* the fitted model */
  HtTensor     coef; /* replicated */
  PetscReal    intercept;
  PetscBool    fitted;
  HtMLMonitors monitors;
  void        *data;
};

/* the features up to which the one-pass Gram routes are the default */
#define HT_REGRESSOR_GRAM_MAX_FEATURES 4096

PETSC_INTERN PetscErrorCode  HtRegressorTypeRegisterAll(void);
PETSC_INTERN const HtMLClass HtRegressorClass;
PETSC_INTERN PetscErrorCode  HtRegressorAllocateResult_Private(HtRegressor, PetscInt, PetscInt);
PETSC_INTERN PetscErrorCode  HtRegressorSetModel_Private(HtRegressor);
PETSC_INTERN PetscErrorCode  HtRegressorCheckFit_Private(HtRegressor, HtTensor, HtTensor, HtTensor *, HtTensor *);
PETSC_INTERN PetscErrorCode  HtRegressorMeans_Private(HtRegressor, HtTensor, HtTensor, PetscReal *);
PETSC_INTERN PetscErrorCode  HtRegressorGram_Private(HtRegressor, HtTensor, HtTensor, PetscScalar[], PetscScalar[], PetscReal *);
