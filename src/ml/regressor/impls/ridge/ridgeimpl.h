/*
   The least-squares engine shared by ridge and ols (ols is ridge with alpha 0 and the minimum-norm solution). Include
   it as <../src/ml/regressor/impls/ridge/ridgeimpl.h>.

   Both solve min |yc - Xc w|^2 + alpha |w|^2 for the centered data: by the normal equations of the centered Gram
   matrix formed in one pass (lsnormal.c), or by PETSc's LSQR on an operator that applies Xc and Xc^T without copying X
   (lslsqr.c).
*/
#pragma once

#include <heat/private/regressorimpl.h>

PETSC_INTERN PetscErrorCode HtLSNormalSolve(HtRegressor, HtTensor, HtTensor, PetscReal, PetscBool);
PETSC_INTERN PetscErrorCode HtLSLSQRSolve(HtRegressor, HtTensor, HtTensor, PetscReal);
PETSC_INTERN PetscErrorCode HtRegressorCreate_LS(HtRegressor, PetscBool);
