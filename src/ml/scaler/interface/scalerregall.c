/*
   The scaling types built into Heat.
*/
#include <heat/private/scalerimpl.h>

PETSC_INTERN PetscErrorCode HtScalerCreate_Standard(HtScaler);
PETSC_INTERN PetscErrorCode HtScalerCreate_MinMax(HtScaler);
PETSC_INTERN PetscErrorCode HtScalerCreate_MaxAbs(HtScaler);
PETSC_INTERN PetscErrorCode HtScalerCreate_Robust(HtScaler);
PETSC_INTERN PetscErrorCode HtScalerCreate_Normalizer(HtScaler);

/*
   HtScalerTypeRegisterAll - registers every built-in HtScaler type (called once by the package initializer)
*/
PetscErrorCode HtScalerTypeRegisterAll(void)
{
  PetscFunctionBegin;
  PetscCall(PetscFunctionListAdd(&HtScalerList, HTSCALERSTANDARD, HtScalerCreate_Standard));
  PetscCall(PetscFunctionListAdd(&HtScalerList, HTSCALERMINMAX, HtScalerCreate_MinMax));
  PetscCall(PetscFunctionListAdd(&HtScalerList, HTSCALERMAXABS, HtScalerCreate_MaxAbs));
  PetscCall(PetscFunctionListAdd(&HtScalerList, HTSCALERROBUST, HtScalerCreate_Robust));
  PetscCall(PetscFunctionListAdd(&HtScalerList, HTSCALERNORMALIZER, HtScalerCreate_Normalizer));
  PetscFunctionReturn(PETSC_SUCCESS);
}
