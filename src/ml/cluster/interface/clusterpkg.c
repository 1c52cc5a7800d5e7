/*
   HtCluster package: class id, log events, the registry of clustering types.
*/
#include <heat/private/clusterimpl.h>

const char *const HtClusterInitTypes[] = {"random", "kmeans++", "kmeans||", "user", "HtClusterInitType", "HT_CLUSTER_INIT_", NULL};

static const char *const HtClusterConvergedReasons_Shifted[] = {"DIVERGED_ITS", "", "", "CONVERGED_ITERATING", "", "CONVERGED_TOL", "CONVERGED_LABELS", "CONVERGED_DIRECT", "HtClusterConvergedReason", "HT_CLUSTER_", NULL};
const char *const       *HtClusterConvergedReasons           = HtClusterConvergedReasons_Shifted + 3;

PetscClassId      HT_CLUSTER_CLASSID;
PetscFunctionList HtClusterList = NULL;
PetscLogEvent     HT_CLUSTER_SetUp, HT_CLUSTER_Fit, HT_CLUSTER_Predict, HT_CLUSTER_Init, HT_CLUSTER_SpectralGraph, HT_CLUSTER_SpectralEigen;

static const HtMLEvent HtClusterEvents[] = {
  {"HtClusterSetUp",   &HT_CLUSTER_SetUp        },
  {"HtClusterInit",    &HT_CLUSTER_Init         },
  {"HtClusterFit",     &HT_CLUSTER_Fit          },
  {"HtClusterPredict", &HT_CLUSTER_Predict      },
  {"HtClusterSpGraph", &HT_CLUSTER_SpectralGraph},
  {"HtClusterSpEigen", &HT_CLUSTER_SpectralEigen},
  {NULL,               NULL                     }
};

/*@C
   HtClusterFinalizePackage - Destroys the HtCluster type list; called from `PetscFinalize()`.

   Level: developer

.seealso: `HtClusterInitializePackage()`
@*/
PetscErrorCode HtClusterFinalizePackage(void)
{
  PetscFunctionBegin;
  PetscCall(HtMLClassFinalize(&HtClusterClass));
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
  PetscCall(HtMLClassInitialize(&HtClusterClass, HtClusterEvents));
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
  PetscCall(HtMLClassRegister(&HtClusterClass, name, (PetscVoidFunction)create));
  PetscFunctionReturn(PETSC_SUCCESS);
}
