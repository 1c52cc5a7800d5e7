/*
   The clustering types built into Heat.
*/
#include <heat/private/clusterimpl.h>

PETSC_INTERN PetscErrorCode HtClusterCreate_KMeans(HtCluster);
PETSC_INTERN PetscErrorCode HtClusterCreate_KMedians(HtCluster);
PETSC_INTERN PetscErrorCode HtClusterCreate_KMedoids(HtCluster);
PETSC_INTERN PetscErrorCode HtClusterCreate_Spectral(HtCluster);
PETSC_INTERN PetscErrorCode HtClusterCreate_BatchKMeans(HtCluster);

/*
   HtClusterTypeRegisterAll - registers every built-in HtCluster type (called once by the package initializer)
*/
PetscErrorCode HtClusterTypeRegisterAll(void)
{
  PetscFunctionBegin;
  PetscCall(PetscFunctionListAdd(&HtClusterList, HTCLUSTERKMEANS, HtClusterCreate_KMeans));
  PetscCall(PetscFunctionListAdd(&HtClusterList, HTCLUSTERKMEDIANS, HtClusterCreate_KMedians));
  PetscCall(PetscFunctionListAdd(&HtClusterList, HTCLUSTERKMEDOIDS, HtClusterCreate_KMedoids));
  PetscCall(PetscFunctionListAdd(&HtClusterList, HTCLUSTERSPECTRAL, HtClusterCreate_Spectral));
  PetscCall(PetscFunctionListAdd(&HtClusterList, HTCLUSTERBATCHKMEANS, HtClusterCreate_BatchKMeans));
  PetscFunctionReturn(PETSC_SUCCESS);
}
