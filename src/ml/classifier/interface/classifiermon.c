/*
   HtClassifier monitors and converged reasons.
*/
#include <heat/private/classifierimpl.h>

/*@C
   HtClassifierMonitorSet - Adds a routine called after every iteration of a fit (the iterative types: logistic).

   Logically Collective

   Input Parameters:
+  cl - the classifier object
.  monitor - the routine, of calling sequence `HtClassifierMonitorFn`: (cl, iteration, objective, gradient norm, ctx); called by
             the types that iterate (logistic: every iteration of its TAO solver)
.  ctx - context for the routine (or NULL)
-  destroy - routine that frees ctx (or NULL)

   Options Database Keys:
+  -ht_classifier_monitor [ascii[:file]] - `HtClassifierMonitorDefault()` on that viewer (standard output by default)
.  -ht_classifier_monitor draw::draw_lg - `HtClassifierMonitorDrawLG()`: the objective against the iteration
-  -ht_classifier_monitor_cancel - removes every monitor, also those set in the code

   Level: intermediate

   Note:
   Setting the same routine with the same context (or the same viewer and format) twice adds it once.

.seealso: `HtClassifierMonitorFn`, `HtClassifierMonitorDefault()`, `HtClassifierMonitorDrawLG()`, `HtClassifierMonitorCancel()`
@*/
PetscErrorCode HtClassifierMonitorSet(HtClassifier cl, HtClassifierMonitorFn monitor, void *ctx, PetscErrorCode (*destroy)(void **))
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscCall(HtMLObjectMonitorSet(&HtClassifierClass, (PetscObject)cl, (PetscVoidFunction)monitor, ctx, destroy));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierMonitorCancel - Removes every monitor.

   Logically Collective

   Input Parameter:
.  cl - the classifier object

   Options Database Key:
.  -ht_classifier_monitor_cancel - removes every monitor, also those set in the code

   Level: intermediate

.seealso: `HtClassifierMonitorSet()`
@*/
PetscErrorCode HtClassifierMonitorCancel(HtClassifier cl)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscCall(HtMLObjectMonitorCancel(&HtClassifierClass, (PetscObject)cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierMonitor - Calls every monitor; used by the implementations after each iteration.

   Collective

   Input Parameters:
+  cl - the classifier object
.  it - iteration number (0 is the initial point)
.  objective - the objective
-  gnorm - the norm of its gradient

   Level: developer

.seealso: `HtClassifierMonitorSet()`
@*/
PetscErrorCode HtClassifierMonitor(HtClassifier cl, PetscInt it, PetscReal objective, PetscReal gnorm)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectMonitor(&HtClassifierClass, (PetscObject)cl, it, objective, gnorm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierMonitorDefault - Prints the iteration, the objective and the norm of its gradient.

   Collective

   Input Parameters:
+  cl - the classifier object
.  it - the iteration
.  objective - the objective
.  gnorm - the norm of its gradient
-  vf - the viewer (ASCII) and its format

   Options Database Key:
.  -ht_classifier_monitor [ascii[:file]] - sets this monitor on standard output or on a file

   Level: intermediate

.seealso: `HtClassifierMonitorSet()`, `HtClassifierMonitorDrawLG()`
@*/
PetscErrorCode HtClassifierMonitorDefault(HtClassifier cl, PetscInt it, PetscReal objective, PetscReal gnorm, PetscViewerAndFormat *vf)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectMonitorDefault(&HtClassifierClass, (PetscObject)cl, it, objective, gnorm, vf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierMonitorDrawLG - Draws the objective against the iteration in a line graph.

   Collective

   Input Parameters:
+  cl - the classifier object
.  it - the iteration
.  objective - the objective
.  gnorm - the norm of its gradient (not drawn)
-  vf - the draw viewer and its format

   Options Database Key:
.  -ht_classifier_monitor draw::draw_lg - sets this monitor (add -draw_pause 1 to watch it, -draw_save file.png to keep it)

   Level: intermediate

.seealso: `HtClassifierMonitorSet()`, `HtClassifierMonitorDefault()`
@*/
PetscErrorCode HtClassifierMonitorDrawLG(HtClassifier cl, PetscInt it, PetscReal objective, PetscReal gnorm, PetscViewerAndFormat *vf)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectMonitorDrawLG(&HtClassifierClass, (PetscObject)cl, it, objective, vf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierConvergedReasonView - Prints why the last fit stopped.

   Collective

   Input Parameters:
+  cl - the classifier object
-  viewer - an ASCII viewer (NULL: standard output); with the format `PETSC_VIEWER_FAILED` only a fit that did not
            converge is reported

   Options Database Key:
.  -ht_classifier_converged_reason [viewer[:file][:failed]] - print it after every fit (::failed: only failures)

   Level: beginner

.seealso: `HtClassifierGetConvergedReason()`
@*/
PetscErrorCode HtClassifierConvergedReasonView(HtClassifier cl, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscCall(HtMLConvergedReasonView((PetscObject)cl, viewer, (PetscBool)(cl->reason >= 0), HtClassifierConvergedReasons[cl->reason], cl->its));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierConvergedReasonViewFromOptions - Prints the converged reason if -ht_classifier_converged_reason is given.

   Collective

   Input Parameter:
.  cl - the classifier object

   Level: developer

.seealso: `HtClassifierConvergedReasonView()`
@*/
PetscErrorCode HtClassifierConvergedReasonViewFromOptions(HtClassifier cl)
{
  PetscFunctionBegin;
  PetscCall(HtMLConvergedReasonViewFromOptions((PetscObject)cl, "-ht_classifier_converged_reason", (PetscErrorCode(*)(PetscObject, PetscViewer))HtClassifierConvergedReasonView));
  PetscFunctionReturn(PETSC_SUCCESS);
}
