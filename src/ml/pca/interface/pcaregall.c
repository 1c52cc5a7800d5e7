/*
   The built-in HtPCA types.
*/
#include <heat/private/pcaimpl.h>

PETSC_INTERN PetscErrorCode HtPCACreate_Gram(HtPCA);
PETSC_INTERN PetscErrorCode HtPCACreate_SVD(HtPCA);
PETSC_INTERN PetscErrorCode HtPCACreate_Randomized(HtPCA);
PETSC_INTERN PetscErrorCode HtPCACreate_Hierarchical(HtPCA);
PETSC_INTERN PetscErrorCode HtPCACreate_Incremental(HtPCA);

/*
   HtPCATypeRegisterAll - registers every built-in HtPCA type (called once by the package initializer)
*/
PetscErrorCode HtPCATypeRegisterAll(void)
{
  PetscFunctionBegin;
  PetscCall(PetscFunctionListAdd(&HtPCAList, HTPCAGRAM, HtPCACreate_Gram));
  PetscCall(PetscFunctionListAdd(&HtPCAList, HTPCASVD, HtPCACreate_SVD));
  PetscCall(PetscFunctionListAdd(&HtPCAList, HTPCARANDOMIZED, HtPCACreate_Randomized));
  PetscCall(PetscFunctionListAdd(&HtPCAList, HTPCAHIERARCHICAL, HtPCACreate_Hierarchical));
  PetscCall(PetscFunctionListAdd(&HtPCAList, HTPCAINCREMENTAL, HtPCACreate_Incremental));
  PetscFunctionReturn(PETSC_SUCCESS);
}
