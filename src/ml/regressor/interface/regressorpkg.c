/*
   HtRegressor package: class id, log events, the registry of regression types.
*/
#include <heat/private/regressorimpl.h>

static const char *const HtRegressorConvergedReasons_Shifted[] = {"DIVERGED_KSP", "DIVERGED_ITS", "CONVERGED_ITERATING", "CONVERGED_DIRECT", "CONVERGED_GAP", "CONVERGED_RTOL", "HtRegressorConvergedReason", "HT_REGRESSOR_", NULL};
const char *const       *HtRegressorConvergedReasons           = HtRegressorConvergedReasons_Shifted + 2;
const char *const        HtRegressorLassoSolvers[]             = {"gram", "residual", "HtRegressorLassoSolver", "HT_REGRESSOR_LASSO_", NULL};
const char *const        HtRegressorLSSolvers[]                = {"normal", "lsqr", "HtRegressorLSSolver", "HT_REGRESSOR_LS_", NULL};

PetscClassId      HT_REGRESSOR_CLASSID;
PetscFunctionList HtRegressorList = NULL;
PetscLogEvent     HT_REGRESSOR_SetUp, HT_REGRESSOR_Fit, HT_REGRESSOR_Predict, HT_REGRESSOR_Gram;

static const HtMLEvent HtRegressorEvents[] = {
  {"HtRegressorSetUp",   &HT_REGRESSOR_SetUp  },
  {"HtRegressorFit",     &HT_REGRESSOR_Fit    },
  {"HtRegressorPredict", &HT_REGRESSOR_Predict},
  {"HtRegressorGram",    &HT_REGRESSOR_Gram   },
  {NULL,                 NULL                 }
};

/*@C
   HtRegressorFinalizePackage - Destroys the HtRegressor type list; called from `PetscFinalize()`.

   Level: developer

.seealso: `HtRegressorInitializePackage()`
@*/
PetscErrorCode HtRegressorFinalizePackage(void)
{
  PetscFunctionBegin;
  PetscCall(HtMLClassFinalize(&HtRegressorClass));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorInitializePackage - Registers the HtRegressor class, its types and log events.
   Called lazily by `HtRegressorCreate()`.

   Options Database Keys:
+  -info_exclude ht_regressor - no HtRegressor info messages
-  -log_exclude ht_regressor - no HtRegressor log events

   Level: developer

.seealso: `HeatInitializePackage()`, `HtRegressorRegister()`
@*/
PetscErrorCode HtRegressorInitializePackage(void)
{
  PetscFunctionBegin;
  PetscCall(HtMLClassInitialize(&HtRegressorClass, HtRegressorEvents));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorRegister - Adds a regression model, selectable with -ht_regressor_type.

   Not Collective

   Input Parameters:
+  name - name of the type
-  create - routine that fills the ops table and the type's private data

   Level: advanced

   Example:
.vb
   HtRegressorRegister("mymodel", MyModelCreate);
   ... -ht_regressor_type mymodel
.ve

.seealso: `HtRegressorSetType()`, `HtRegressorCreate()`
@*/
PetscErrorCode HtRegressorRegister(const char name[], PetscErrorCode (*create)(HtRegressor))
{
  PetscFunctionBegin;
  PetscCall(HtMLClassRegister(&HtRegressorClass, name, (PetscVoidFunction)create));
  PetscFunctionReturn(PETSC_SUCCESS);
}
