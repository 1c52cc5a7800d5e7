/*
   The clustering types built into Heat.
*/
#include <heat/private/clusterimpl.h>

PETSC_INTERN PetscErrorCode HtClusterCreate_KMeans(HtCluster);

/*
   HtClusterTypeRegisterAll - registers every built-in HtCluster type (called once by the package initializer)
*/
PetscErrorCode HtClusterTypeRegisterAll(void)
{
  PetscFunctionBegin;
  PetscCall(PetscFunctionListAdd(&HtClusterList, HTCLUSTERKMEANS, HtClusterCreate_KMeans));
  PetscFunctionReturn(PETSC_SUCCESS);
}
