/*
   HtClassifier package: class id, log events, the registry of classifier types.
*/
#include <heat/private/classifierimpl.h>

static const char *const HtClassifierConvergedReasons_Shifted[] = {"DIVERGED_SOLVER", "DIVERGED_ITS", "CONVERGED_ITERATING", "CONVERGED_DIRECT", "CONVERGED_TOL", "HtClassifierConvergedReason", "HT_CLASSIFIER_", NULL};
const char *const       *HtClassifierConvergedReasons           = HtClassifierConvergedReasons_Shifted + 2;
const char *const        HtClassifierKNNWeightsTypes[]          = {"uniform", "distance", "HtClassifierKNNWeights", "HT_CLASSIFIER_KNN_", NULL};

PetscClassId      HT_CLASSIFIER_CLASSID;
PetscFunctionList HtClassifierList = NULL;
PetscLogEvent     HT_CLASSIFIER_SetUp, HT_CLASSIFIER_Fit, HT_CLASSIFIER_Predict;

static const HtMLEvent HtClassifierEvents[] = {
  {"HtClassifierSetUp",   &HT_CLASSIFIER_SetUp  },
  {"HtClassifierFit",     &HT_CLASSIFIER_Fit    },
  {"HtClassifierPredict", &HT_CLASSIFIER_Predict},
  {NULL,                  NULL                  }
};

/*@C
   HtClassifierFinalizePackage - Destroys the HtClassifier type list; called from `PetscFinalize()`.

   Level: developer

.seealso: `HtClassifierInitializePackage()`
@*/
PetscErrorCode HtClassifierFinalizePackage(void)
{
  PetscFunctionBegin;
  PetscCall(HtMLClassFinalize(&HtClassifierClass));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierInitializePackage - Registers the HtClassifier class, its types and log events.
   Called lazily by `HtClassifierCreate()`.

   Options Database Keys:
+  -info_exclude ht_classifier - no HtClassifier info messages
-  -log_exclude ht_classifier - no HtClassifier log events

   Level: developer

.seealso: `HeatInitializePackage()`, `HtClassifierRegister()`
@*/
PetscErrorCode HtClassifierInitializePackage(void)
{
  PetscFunctionBegin;
  PetscCall(HtMLClassInitialize(&HtClassifierClass, HtClassifierEvents));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierRegister - Adds a classification method, selectable with -ht_classifier_type.

   Not Collective

   Input Parameters:
+  name - name of the type
-  create - routine that fills the ops table and the type's private data

   Level: advanced

   Example:
.vb
   HtClassifierRegister("myclassifier", MyClassifierCreate);
   ... -ht_classifier_type myclassifier
.ve

.seealso: `HtClassifierSetType()`, `HtClassifierCreate()`
@*/
PetscErrorCode HtClassifierRegister(const char name[], PetscErrorCode (*create)(HtClassifier))
{
  PetscFunctionBegin;
  PetscCall(HtMLClassRegister(&HtClassifierClass, name, (PetscVoidFunction)create));
  PetscFunctionReturn(PETSC_SUCCESS);
}
