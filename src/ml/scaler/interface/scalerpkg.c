/*
   HtScaler package: class id, log events, the registry of scaling types, the names of the fitted statistics.
*/
#include <heat/private/scalerimpl.h>

/* scikit-learn's attribute names without the trailing underscore: the names of the getters' tensors and model datasets */
const char *const HtScalerStats[] = {"mean", "var", "center", "max_abs", "data_min", "data_max", "min", "scale"};

PetscClassId      HT_SCALER_CLASSID;
PetscFunctionList HtScalerList = NULL;
PetscLogEvent     HT_SCALER_Fit, HT_SCALER_Transform;

static const HtMLEvent HtScalerEvents[] = {
  {"HtScalerFit",       &HT_SCALER_Fit      },
  {"HtScalerTransform", &HT_SCALER_Transform},
  {NULL,                NULL                }
};

/*@C
   HtScalerFinalizePackage - Destroys the HtScaler type list; called from `PetscFinalize()`.

   Level: developer

.seealso: `HtScalerInitializePackage()`
@*/
PetscErrorCode HtScalerFinalizePackage(void)
{
  PetscFunctionBegin;
  PetscCall(HtMLClassFinalize(&HtScalerClass));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerInitializePackage - Registers the HtScaler class, its types and log events.
   Called lazily by `HtScalerCreate()`.

   Options Database Keys:
+  -info_exclude ht_scaler - no HtScaler info messages
-  -log_exclude ht_scaler - no HtScaler log events

   Level: developer

.seealso: `HeatInitializePackage()`, `HtScalerRegister()`
@*/
PetscErrorCode HtScalerInitializePackage(void)
{
  PetscFunctionBegin;
  PetscCall(HtMLClassInitialize(&HtScalerClass, HtScalerEvents));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerRegister - Adds a scaling, selectable with -ht_scaler_type.

   Not Collective

   Input Parameters:
+  name - name of the type
-  create - routine that fills the ops table and the type's private data

   Level: advanced

   Example:
.vb
   HtScalerRegister("myscaler", MyScalerCreate);
   ... -ht_scaler_type myscaler
.ve

.seealso: `HtScalerSetType()`, `HtScalerCreate()`
@*/
PetscErrorCode HtScalerRegister(const char name[], PetscErrorCode (*create)(HtScaler))
{
  PetscFunctionBegin;
  PetscCall(HtMLClassRegister(&HtScalerClass, name, (PetscVoidFunction)create));
  PetscFunctionReturn(PETSC_SUCCESS);
}
