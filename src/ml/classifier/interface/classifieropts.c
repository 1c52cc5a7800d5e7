/*
   HtClassifier: the parameters, set in code or from the options database.
*/
#include <heat/private/classifierimpl.h>

/*@C
   HtClassifierSetTolerances - Sets the stopping rule of the iterative types (logistic).

   Logically Collective

   Input Parameters:
+  cl - the classifier object
.  tol - the optimizer stops when the norm of the gradient of the objective is at most tol (`PETSC_DEFAULT`: 1e-6)
-  max_it - the most iterations (`PETSC_DEFAULT`: 1000)

   Options Database Keys:
+  -ht_classifier_tol <1e-6> - the tolerance
-  -ht_classifier_max_it <1000> - the most iterations

   Level: intermediate

.seealso: `HtClassifierGetTolerances()`, `HTCLASSIFIERLOGISTIC`
@*/
PetscErrorCode HtClassifierSetTolerances(HtClassifier cl, PetscReal tol, PetscInt max_it)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidLogicalCollectiveReal(cl, tol, 2);
  PetscValidLogicalCollectiveInt(cl, max_it, 3);
  if (tol == (PetscReal)PETSC_DEFAULT) tol = 1e-6;
  if (max_it == PETSC_DEFAULT) max_it = 1000;
  PetscCheck(tol > 0, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "The tolerance must be positive, not %g", (double)tol);
  PetscCheck(max_it >= 1, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "The maximum number of iterations must be at least 1, not %" PetscInt_FMT, max_it);
  cl->tol    = tol;
  cl->max_it = max_it;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierGetTolerances - Gets the stopping rule of the iterative types.

   Not Collective

   Input Parameter:
.  cl - the classifier object

   Output Parameters:
+  tol - the tolerance on the norm of the gradient (or NULL)
-  max_it - the most iterations (or NULL)

   Level: intermediate

.seealso: `HtClassifierSetTolerances()`
@*/
PetscErrorCode HtClassifierGetTolerances(HtClassifier cl, PetscReal *tol, PetscInt *max_it)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  if (tol) *tol = cl->tol;
  if (max_it) *max_it = cl->max_it;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierSetFromOptions - Sets the type and parameters from the options database.

   Collective

   Input Parameter:
.  cl - the classifier object

   Options Database Keys:
+  -ht_classifier_type <knn> - knn, gaussiannb, logistic (knn, the first in the list, is the default)
.  -ht_classifier_tol <1e-6> - tolerance on the gradient norm of the iterative types (logistic)
.  -ht_classifier_max_it <1000> - most iterations of the iterative types
.  -ht_classifier_monitor [ascii[:file]] - print iteration, objective and gradient norm (logistic);
   draw::draw_lg draws the objective against the iteration (`HtClassifierMonitorSet()`)
.  -ht_classifier_monitor_cancel - remove every monitor, also those set in the code
.  -ht_classifier_view [viewer] - view the object after the fit (hdf5:model.h5 writes the model)
-  -ht_classifier_converged_reason [::failed] - print how the fit ended

   The types add: -ht_classifier_knn_n_neighbors, -ht_classifier_knn_weights (`HTCLASSIFIERKNN`),
   -ht_classifier_gaussiannb_var_smoothing, -ht_classifier_gaussiannb_priors (`HTCLASSIFIERGAUSSIANNB`),
   -ht_classifier_logistic_C and the TAO solver's options -ht_classifier_tao_... (`HTCLASSIFIERLOGISTIC`).

   Level: beginner

.seealso: `HtClassifierSetType()`, `HtClassifierView()`
@*/
PetscErrorCode HtClassifierSetFromOptions(HtClassifier cl)
{
  PetscReal tol    = cl->tol;
  PetscInt  max_it = cl->max_it;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscCall(HtClassifierInitializePackage());
  PetscObjectOptionsBegin((PetscObject)cl);
  PetscCall(HtMLObjectOptionsType(&HtClassifierClass, (PetscObject)cl, PetscOptionsObject));
  PetscCall(PetscOptionsReal("-ht_classifier_tol", "Tolerance on the gradient norm (iterative types)", "HtClassifierSetTolerances", tol, &tol, NULL));
  PetscCall(PetscOptionsInt("-ht_classifier_max_it", "Most iterations (iterative types)", "HtClassifierSetTolerances", max_it, &max_it, NULL));
  PetscCall(HtClassifierSetTolerances(cl, tol, max_it));
  PetscCall(HtMLObjectOptionsEnd(&HtClassifierClass, (PetscObject)cl, PetscOptionsObject));
  PetscOptionsEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}
