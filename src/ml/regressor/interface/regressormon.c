/*
   HtRegressor monitors and converged reasons.
*/
#include <heat/private/regressorimpl.h>

/*@C
   HtRegressorMonitorSet - Adds a routine called after every epoch of coordinate descent (lasso, elasticnet).

   Logically Collective

   Input Parameters:
+  reg - the regressor
.  monitor - the routine, of calling sequence `HtRegressorMonitorFn`: (reg, epoch, objective, duality gap, ctx): scikit-learn's
             objective and the duality gap (both divided by the samples) after each epoch; monitoring the residual
             solver costs it one more pass over the data and one reduction per epoch
.  ctx - context for the routine (or NULL)
-  destroy - routine that frees ctx (or NULL)

   Options Database Keys:
+  -ht_regressor_monitor [ascii[:file]] - `HtRegressorMonitorDefault()` on that viewer (standard output by default)
.  -ht_regressor_monitor draw::draw_lg - `HtRegressorMonitorDrawLG()`: the objective against the epoch
-  -ht_regressor_monitor_cancel - removes every monitor, also those set in the code

   Level: intermediate

   Note:
   Setting the same routine with the same context (or the same viewer and format) twice adds it once.

.seealso: `HtRegressorMonitorFn`, `HtRegressorMonitorDefault()`, `HtRegressorMonitorDrawLG()`, `HtRegressorMonitorCancel()`
@*/
PetscErrorCode HtRegressorMonitorSet(HtRegressor reg, HtRegressorMonitorFn monitor, void *ctx, PetscErrorCode (*destroy)(void **))
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscCall(HtMLObjectMonitorSet(&HtRegressorClass, (PetscObject)reg, (PetscVoidFunction)monitor, ctx, destroy));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorMonitorCancel - Removes every monitor.

   Logically Collective

   Input Parameter:
.  reg - the regressor

   Options Database Key:
.  -ht_regressor_monitor_cancel - removes every monitor, also those set in the code

   Level: intermediate

.seealso: `HtRegressorMonitorSet()`
@*/
PetscErrorCode HtRegressorMonitorCancel(HtRegressor reg)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscCall(HtMLObjectMonitorCancel(&HtRegressorClass, (PetscObject)reg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorMonitor - Calls every monitor; used by the implementations after each epoch.

   Collective

   Input Parameters:
+  reg - the regressor
.  it - the epoch (1 is the first)
.  objective - the objective
-  gap - the duality gap

   Level: developer

.seealso: `HtRegressorMonitorSet()`
@*/
PetscErrorCode HtRegressorMonitor(HtRegressor reg, PetscInt it, PetscReal objective, PetscReal gap)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectMonitor(&HtRegressorClass, (PetscObject)reg, it, objective, gap));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorMonitorDefault - Prints the epoch, the objective and the duality gap.

   Collective

   Input Parameters:
+  reg - the regressor
.  it - the epoch
.  objective - the objective
.  gap - the duality gap
-  vf - the viewer (ASCII) and its format

   Options Database Key:
.  -ht_regressor_monitor [ascii[:file]] - sets this monitor on standard output or on a file

   Level: intermediate

.seealso: `HtRegressorMonitorSet()`, `HtRegressorMonitorDrawLG()`
@*/
PetscErrorCode HtRegressorMonitorDefault(HtRegressor reg, PetscInt it, PetscReal objective, PetscReal gap, PetscViewerAndFormat *vf)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectMonitorDefault(&HtRegressorClass, (PetscObject)reg, it, objective, gap, vf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorMonitorDrawLG - Draws the objective against the epoch in a line graph.

   Collective

   Input Parameters:
+  reg - the regressor
.  it - the epoch
.  objective - the objective
.  gap - the duality gap (not drawn)
-  vf - the draw viewer and its format

   Options Database Key:
.  -ht_regressor_monitor draw::draw_lg - sets this monitor (add -draw_pause 1 to watch it, -draw_save file.png to keep it)

   Level: intermediate

.seealso: `HtRegressorMonitorSet()`, `HtRegressorMonitorDefault()`
@*/
PetscErrorCode HtRegressorMonitorDrawLG(HtRegressor reg, PetscInt it, PetscReal objective, PetscReal gap, PetscViewerAndFormat *vf)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectMonitorDrawLG(&HtRegressorClass, (PetscObject)reg, it, objective, vf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorConvergedReasonView - Prints why the last fit stopped.

   Collective

   Input Parameters:
+  reg - the regressor
-  viewer - an ASCII viewer (NULL: standard output); with the format `PETSC_VIEWER_FAILED` only a fit that did not
            converge is reported

   Options Database Key:
.  -ht_regressor_converged_reason [viewer[:file][:failed]] - print it after every fit (::failed: only failures)

   Level: beginner

.seealso: `HtRegressorGetConvergedReason()`
@*/
PetscErrorCode HtRegressorConvergedReasonView(HtRegressor reg, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscCall(HtMLConvergedReasonView((PetscObject)reg, viewer, (PetscBool)(reg->reason >= 0), HtRegressorConvergedReasons[reg->reason], reg->its));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorConvergedReasonViewFromOptions - Prints the converged reason if -ht_regressor_converged_reason is given.

   Collective

   Input Parameter:
.  reg - the regressor

   Level: developer

.seealso: `HtRegressorConvergedReasonView()`
@*/
PetscErrorCode HtRegressorConvergedReasonViewFromOptions(HtRegressor reg)
{
  PetscFunctionBegin;
  PetscCall(HtMLConvergedReasonViewFromOptions((PetscObject)reg, "-ht_regressor_converged_reason", (PetscErrorCode(*)(PetscObject, PetscViewer))HtRegressorConvergedReasonView));
  PetscFunctionReturn(PETSC_SUCCESS);
}
