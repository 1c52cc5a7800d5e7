/*
   The built-in HtClassifier types.
*/
#include <heat/private/classifierimpl.h>

PETSC_INTERN PetscErrorCode HtClassifierCreate_KNN(HtClassifier);
PETSC_INTERN PetscErrorCode HtClassifierCreate_GaussianNB(HtClassifier);
PETSC_INTERN PetscErrorCode HtClassifierCreate_Logistic(HtClassifier);

/*
   HtClassifierTypeRegisterAll - registers every built-in HtClassifier type (called once by the package initializer)
*/
PetscErrorCode HtClassifierTypeRegisterAll(void)
{
  PetscFunctionBegin;
  PetscCall(PetscFunctionListAdd(&HtClassifierList, HTCLASSIFIERKNN, HtClassifierCreate_KNN));
  PetscCall(PetscFunctionListAdd(&HtClassifierList, HTCLASSIFIERGAUSSIANNB, HtClassifierCreate_GaussianNB));
  PetscCall(PetscFunctionListAdd(&HtClassifierList, HTCLASSIFIERLOGISTIC, HtClassifierCreate_Logistic));
  PetscFunctionReturn(PETSC_SUCCESS);
}
