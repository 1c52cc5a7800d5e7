/*
   HtPCA package: class id, log events, the registry of PCA types.
*/
#include <heat/private/pcaimpl.h>

static const char *const HtPCAConvergedReasons_Shifted[] = {"", "", "", "CONVERGED_ITERATING", "CONVERGED_DIRECT", "CONVERGED_TOL", "CONVERGED_ITS", "HtPCAConvergedReason", "HT_PCA_", NULL};
const char *const       *HtPCAConvergedReasons           = HtPCAConvergedReasons_Shifted + 3;

PetscClassId      HT_PCA_CLASSID;
PetscFunctionList HtPCAList = NULL;
PetscLogEvent     HT_PCA_SetUp, HT_PCA_Fit, HT_PCA_Transform;

static const HtMLEvent HtPCAEvents[] = {
  {"HtPCASetUp",     &HT_PCA_SetUp    },
  {"HtPCAFit",       &HT_PCA_Fit      },
  {"HtPCATransform", &HT_PCA_Transform},
  {NULL,             NULL             }
};

/*@C
   HtPCAFinalizePackage - Destroys the HtPCA type list; called from `PetscFinalize()`.

   Level: developer

.seealso: `HtPCAInitializePackage()`
@*/
PetscErrorCode HtPCAFinalizePackage(void)
{
  PetscFunctionBegin;
  PetscCall(HtMLClassFinalize(&HtPCAClass));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAInitializePackage - Registers the HtPCA class, its types and log events.
   Called lazily by `HtPCACreate()`.

   Options Database Keys:
+  -info_exclude ht_pca - no HtPCA info messages
-  -log_exclude ht_pca - no HtPCA log events

   Level: developer

.seealso: `HeatInitializePackage()`, `HtPCARegister()`
@*/
PetscErrorCode HtPCAInitializePackage(void)
{
  PetscFunctionBegin;
  PetscCall(HtMLClassInitialize(&HtPCAClass, HtPCAEvents));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCARegister - Adds a PCA method, selectable with -ht_pca_type.

   Not Collective

   Input Parameters:
+  name - name of the type
-  create - routine that fills the ops table and the type's private data

   Level: advanced

   Example:
.vb
   HtPCARegister("mypca", MyPCACreate);
   ... -ht_pca_type mypca
.ve

.seealso: `HtPCASetType()`, `HtPCACreate()`
@*/
PetscErrorCode HtPCARegister(const char name[], PetscErrorCode (*create)(HtPCA))
{
  PetscFunctionBegin;
  PetscCall(HtMLClassRegister(&HtPCAClass, name, (PetscVoidFunction)create));
  PetscFunctionReturn(PETSC_SUCCESS);
}
