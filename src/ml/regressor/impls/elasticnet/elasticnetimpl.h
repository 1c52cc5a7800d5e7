/*
   The coordinate-descent engine shared by lasso and elasticnet (lasso is elastic net with l1_ratio 1). Include it as
   <../src/ml/regressor/impls/elasticnet/elasticnetimpl.h>.

   Both solvers make scikit-learn's cyclic coordinate descent steps on the centered problem (objective scaled by the
   number of samples n: 1/2 |yc - Xc w|^2 + l1 |w|_1 + l2/2 |w|^2 with l1 = n alpha l1_ratio, l2 = n alpha (1 - l1_ratio)),
   written as block steps: for a block B of coordinates, z = Xc_B^T r (r the residual) and G = Xc_B^T Xc_B give every
   step inside the block exactly (z moves by -G dw). The gram solver is one block of all features whose z = q - Q w is
   kept between epochs; the residual solver has blocks of `lasso_block` features, one reduction each.
*/
#pragma once

#include <heat/private/regressorimpl.h>

/* a problem prepared for coordinate descent by one of the solvers (cdgram.c, cdresidual.c) */
typedef struct _n_HtCDSolver *HtCDSolver;
struct _n_HtCDSolver {
  PetscErrorCode (*restart)(HtCDSolver, const PetscScalar[]);                                             /* the state (z or r) of the coefficients w */
  PetscErrorCode (*epoch)(HtCDSolver, PetscReal, PetscReal, PetscScalar[], PetscReal *, PetscReal *);     /* one sweep: l1, l2, w; max |w|, max |dw| */
  PetscErrorCode (*gap)(HtCDSolver, PetscReal, PetscReal, const PetscScalar[], PetscReal *, PetscReal *); /* duality gap and objective of w */
  PetscErrorCode (*xtymax)(HtCDSolver, PetscReal *);                                                      /* max_j |Xc_j^T yc|: w = 0 from alpha_max = xtymax / (n l1_ratio) on */
  PetscErrorCode (*destroy)(HtCDSolver);
  HtRegressor reg;
  PetscReal   yy; /* |yc|^2 */
  void       *data;
};

PETSC_INTERN PetscErrorCode HtCDGramCreate(HtRegressor, HtTensor, HtTensor, HtCDSolver *);
PETSC_INTERN PetscErrorCode HtCDResidualCreate(HtRegressor, HtTensor, HtTensor, HtCDSolver *);
PETSC_INTERN PetscErrorCode HtCDSolverDestroy(HtCDSolver *);
PETSC_INTERN PetscErrorCode HtCDSolve(HtCDSolver, PetscReal, PetscReal);
PETSC_INTERN void           HtCDSweep(PetscInt, const PetscScalar[], PetscScalar[], PetscScalar[], PetscReal, PetscReal, PetscReal *, PetscReal *);
PETSC_INTERN void           HtCDGap(PetscInt, const PetscScalar[], PetscReal, const PetscScalar[], PetscReal, PetscReal, PetscReal *, PetscReal *);
PETSC_INTERN PetscErrorCode HtRegressorCreate_CD(HtRegressor, PetscBool);
