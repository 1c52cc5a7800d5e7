/*
   HtDMD package: class id, log events, the registry of DMD types.
*/
#include <heat/private/dmdimpl.h>

static const char *const HtDMDConvergedReasons_Shifted[] = {"", "", "", "CONVERGED_ITERATING", "CONVERGED_DIRECT", "CONVERGED_SNAPSHOTS", "HtDMDConvergedReason", "HT_DMD_", NULL};
const char *const       *HtDMDConvergedReasons           = HtDMDConvergedReasons_Shifted + 3;

PetscClassId      HT_DMD_CLASSID;
PetscFunctionList HtDMDList = NULL;
PetscLogEvent     HT_DMD_SetUp, HT_DMD_Fit, HT_DMD_Predict;

static const HtMLEvent HtDMDEvents[] = {
  {"HtDMDSetUp",   &HT_DMD_SetUp  },
  {"HtDMDFit",     &HT_DMD_Fit    },
  {"HtDMDPredict", &HT_DMD_Predict},
  {NULL,           NULL           }
};

/*@C
   HtDMDFinalizePackage - Destroys the HtDMD type list; called from `PetscFinalize()`.

   Level: developer

.seealso: `HtDMDInitializePackage()`
@*/
PetscErrorCode HtDMDFinalizePackage(void)
{
  PetscFunctionBegin;
  PetscCall(HtMLClassFinalize(&HtDMDClass));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDInitializePackage - Registers the HtDMD class, its types and log events.
   Called lazily by `HtDMDCreate()`.

   Options Database Keys:
+  -info_exclude ht_dmd - no HtDMD info messages
-  -log_exclude ht_dmd - no HtDMD log events

   Level: developer

.seealso: `HeatInitializePackage()`, `HtDMDRegister()`
@*/
PetscErrorCode HtDMDInitializePackage(void)
{
  PetscFunctionBegin;
  PetscCall(HtMLClassInitialize(&HtDMDClass, HtDMDEvents));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDRegister - Adds a DMD method, selectable with -ht_dmd_type.

   Not Collective

   Input Parameters:
+  name - name of the type
-  create - routine that fills the ops table and the type's private data

   Level: advanced

   Example:
.vb
   HtDMDRegister("mypca", MyDMDCreate);
   ... -ht_dmd_type mypca
.ve

.seealso: `HtDMDSetType()`, `HtDMDCreate()`
@*/
PetscErrorCode HtDMDRegister(const char name[], PetscErrorCode (*create)(HtDMD))
{
  PetscFunctionBegin;
  PetscCall(HtMLClassRegister(&HtDMDClass, name, (PetscVoidFunction)create));
  PetscFunctionReturn(PETSC_SUCCESS);
}
