/*
   The built-in HtDMD types.
*/
#include <heat/private/dmdimpl.h>

PETSC_INTERN PetscErrorCode HtDMDCreate_Exact(HtDMD);
PETSC_INTERN PetscErrorCode HtDMDCreate_Streaming(HtDMD);

/*
   HtDMDTypeRegisterAll - registers every built-in HtDMD type (called once by the package initializer)
*/
PetscErrorCode HtDMDTypeRegisterAll(void)
{
  PetscFunctionBegin;
  PetscCall(PetscFunctionListAdd(&HtDMDList, HTDMDEXACT, HtDMDCreate_Exact));
  PetscCall(PetscFunctionListAdd(&HtDMDList, HTDMDSTREAMING, HtDMDCreate_Streaming));
  PetscFunctionReturn(PETSC_SUCCESS);
}
