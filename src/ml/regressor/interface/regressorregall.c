/*
   The built-in HtRegressor types.
*/
#include <heat/private/regressorimpl.h>

PETSC_INTERN PetscErrorCode HtRegressorCreate_Lasso(HtRegressor);
PETSC_INTERN PetscErrorCode HtRegressorCreate_ElasticNet(HtRegressor);
PETSC_INTERN PetscErrorCode HtRegressorCreate_Ridge(HtRegressor);
PETSC_INTERN PetscErrorCode HtRegressorCreate_OLS(HtRegressor);

/*
   HtRegressorTypeRegisterAll - registers every built-in HtRegressor type (called once by the package initializer)
*/
PetscErrorCode HtRegressorTypeRegisterAll(void)
{
  PetscFunctionBegin;
  PetscCall(PetscFunctionListAdd(&HtRegressorList, HTREGRESSORLASSO, HtRegressorCreate_Lasso));
  PetscCall(PetscFunctionListAdd(&HtRegressorList, HTREGRESSORELASTICNET, HtRegressorCreate_ElasticNet));
  PetscCall(PetscFunctionListAdd(&HtRegressorList, HTREGRESSORRIDGE, HtRegressorCreate_Ridge));
  PetscCall(PetscFunctionListAdd(&HtRegressorList, HTREGRESSOROLS, HtRegressorCreate_OLS));
  PetscFunctionReturn(PETSC_SUCCESS);
}
