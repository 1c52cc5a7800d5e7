/*
   HtCluster package: class id, log events, the registry of clustering types.
*/
#include <heat/private/clusterimpl.h>

const char *const HtClusterInitTypes[] = {"random", "kmeans++", "kmeans||", "user", "HtClusterInitType", "HT_CLUSTER_INIT_", NULL};

static const char *const HtClusterConvergedReasons_Shifted[] = {"DIVERGED_ITS", "", "", "CONVERGED_ITERATING", "", "CONVERGED_TOL", "CONVERGED_LABELS", "CONVERGED_DIRECT", "HtClusterConvergedReason", "HT_CLUSTER_", NULL};
const char *const *HtClusterConvergedReasons = HtClusterConvergedReasons_Shifted + 3;

PetscClassId      HT_CLUSTER_CLASSID;
PetscFunctionList HtClusterList = NULL;
PetscLogEvent     HT_CLUSTER_SetUp, HT_CLUSTER_Fit, HT_CLUSTER_Predict, HT_CLUSTER_Init, HT_CLUSTER_SpectralGraph, HT_CLUSTER_SpectralEigen;

static PetscBool HtClusterPackageInitialized = PETSC_FALSE;

/*@C
   HtClusterFinalizePackage - Destroys the HtCluster type list; called from `PetscFinalize()`.

   Level: developer

.seealso: `HtClusterInitializePackage()`
@*/
PetscErrorCode HtClusterFinalizePackage(void)
{
  PetscFunctionBegin;
  PetscCall(PetscFunctionListDestroy(&HtClusterList));
  HtClusterPackageInitialized = PETSC_FALSE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterInitializePackage - Registers the HtCluster class, its types and log events.
   Called lazily by `HtClusterCreate()`.

   Options Database Keys:
+  -info_exclude ht_cluster - no HtCluster info messages
.  -log_exclude ht_cluster - no HtCluster log events

   Level: developer

.seealso: `HeatInitializePackage()`, `HtClusterRegister()`
@*/
PetscErrorCode HtClusterInitializePackage(void)
{
  PetscFunctionBegin;
  if (HtClusterPackageInitialized) PetscFunctionReturn(PETSC_SUCCESS);
  HtClusterPackageInitialized = PETSC_TRUE;
  PetscCall(HtTensorInitializePackage());
  PetscCall(PetscClassIdRegister("HtCluster", &HT_CLUSTER_CLASSID));
  PetscCall(HtClusterTypeRegisterAll());
  PetscCall(PetscLogEventRegister("HtClusterSetUp", HT_CLUSTER_CLASSID, &HT_CLUSTER_SetUp));
  PetscCall(PetscLogEventRegister("HtClusterInit", HT_CLUSTER_CLASSID, &HT_CLUSTER_Init));
  PetscCall(PetscLogEventRegister("HtClusterFit", HT_CLUSTER_CLASSID, &HT_CLUSTER_Fit));
  PetscCall(PetscLogEventRegister("HtClusterPredict", HT_CLUSTER_CLASSID, &HT_CLUSTER_Predict));
  PetscCall(PetscLogEventRegister("HtClusterSpGraph", HT_CLUSTER_CLASSID, &HT_CLUSTER_SpectralGraph));
  PetscCall(PetscLogEventRegister("HtClusterSpEigen", HT_CLUSTER_CLASSID, &HT_CLUSTER_SpectralEigen));
  PetscCall(HtMLPackageExclude("ht_cluster", HT_CLUSTER_CLASSID));
  PetscCall(PetscRegisterFinalize(HtClusterFinalizePackage));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterRegister - Adds a clustering algorithm, selectable with -ht_cluster_type.

   Not Collective

   Input Parameters:
+  name - name of the type
-  create - routine that fills the ops table and the type's private data

   Level: advanced

   Example:
.vb
   HtClusterRegister("mykmeans", MyKMeansCreate);
   ... -ht_cluster_type mykmeans
.ve

.seealso: `HtClusterSetType()`, `HtClusterCreate()`
@*/
PetscErrorCode HtClusterRegister(const char name[], PetscErrorCode (*create)(HtCluster))
{
  PetscFunctionBegin;
  PetscCall(HtClusterInitializePackage());
  PetscCall(PetscFunctionListAdd(&HtClusterList, name, create));
  PetscFunctionReturn(PETSC_SUCCESS);
}
