/*
   HtPCA monitors and converged reasons.
*/
#include <heat/private/pcaimpl.h>

/*@C
   HtPCAMonitorSet - Adds a routine called after every iteration of a fit (randomized and incremental types).

   Logically Collective

   Input Parameters:
+  pca - the PCA object
.  monitor - the routine, of calling sequence `HtPCAMonitorFn`: (pca, iteration, explained variance, change, ctx): the
             variance explained by the components found so far and the largest relative change of their singular
             values in this iteration; called by the types that iterate (randomized: power iterations, incremental: batches)
.  ctx - context for the routine (or NULL)
-  destroy - routine that frees ctx (or NULL)

   Options Database Keys:
+  -ht_pca_monitor [ascii[:file]] - `HtPCAMonitorDefault()` on that viewer (standard output by default)
.  -ht_pca_monitor draw::draw_lg - `HtPCAMonitorDrawLG()`: the explained variance against the iteration
-  -ht_pca_monitor_cancel - removes every monitor, also those set in the code

   Level: intermediate

   Note:
   Setting the same routine with the same context (or the same viewer and format) twice adds it once.

.seealso: `HtPCAMonitorFn`, `HtPCAMonitorDefault()`, `HtPCAMonitorDrawLG()`, `HtPCAMonitorCancel()`
@*/
PetscErrorCode HtPCAMonitorSet(HtPCA pca, HtPCAMonitorFn monitor, void *ctx, PetscErrorCode (*destroy)(void **))
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscCall(HtMLObjectMonitorSet(&HtPCAClass, (PetscObject)pca, (PetscVoidFunction)monitor, ctx, destroy));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAMonitorCancel - Removes every monitor.

   Logically Collective

   Input Parameter:
.  pca - the PCA object

   Options Database Key:
.  -ht_pca_monitor_cancel - removes every monitor, also those set in the code

   Level: intermediate

.seealso: `HtPCAMonitorSet()`
@*/
PetscErrorCode HtPCAMonitorCancel(HtPCA pca)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscCall(HtMLObjectMonitorCancel(&HtPCAClass, (PetscObject)pca));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAMonitor - Calls every monitor; used by the implementations after each iteration.

   Collective

   Input Parameters:
+  pca - the PCA object
.  it - iteration number (1 is the first)
.  explained - the variance explained by the components found so far
-  change - the largest relative change of their singular values

   Level: developer

.seealso: `HtPCAMonitorSet()`
@*/
PetscErrorCode HtPCAMonitor(HtPCA pca, PetscInt it, PetscReal explained, PetscReal change)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectMonitor(&HtPCAClass, (PetscObject)pca, it, explained, change));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAMonitorDefault - Prints the iteration, the explained variance and its change.

   Collective

   Input Parameters:
+  pca - the PCA object
.  it - the iteration
.  explained - the explained variance
.  change - the largest relative change of the singular values
-  vf - the viewer (ASCII) and its format

   Options Database Key:
.  -ht_pca_monitor [ascii[:file]] - sets this monitor on standard output or on a file

   Level: intermediate

.seealso: `HtPCAMonitorSet()`, `HtPCAMonitorDrawLG()`
@*/
PetscErrorCode HtPCAMonitorDefault(HtPCA pca, PetscInt it, PetscReal explained, PetscReal change, PetscViewerAndFormat *vf)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectMonitorDefault(&HtPCAClass, (PetscObject)pca, it, explained, change, vf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAMonitorDrawLG - Draws the explained variance against the iteration in a line graph.

   Collective

   Input Parameters:
+  pca - the PCA object
.  it - the iteration
.  explained - the explained variance
.  change - the change (not drawn)
-  vf - the draw viewer and its format

   Options Database Key:
.  -ht_pca_monitor draw::draw_lg - sets this monitor (add -draw_pause 1 to watch it, -draw_save file.png to keep it)

   Level: intermediate

.seealso: `HtPCAMonitorSet()`, `HtPCAMonitorDefault()`
@*/
PetscErrorCode HtPCAMonitorDrawLG(HtPCA pca, PetscInt it, PetscReal explained, PetscReal change, PetscViewerAndFormat *vf)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectMonitorDrawLG(&HtPCAClass, (PetscObject)pca, it, explained, vf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAConvergedReasonView - Prints why the last fit stopped.

   Collective

   Input Parameters:
+  pca - the PCA object
-  viewer - an ASCII viewer (NULL: standard output); with the format `PETSC_VIEWER_FAILED` only a fit that did not
            converge is reported

   Options Database Key:
.  -ht_pca_converged_reason [viewer[:file][:failed]] - print it after every fit (::failed: only failures)

   Level: beginner

.seealso: `HtPCAGetConvergedReason()`
@*/
PetscErrorCode HtPCAConvergedReasonView(HtPCA pca, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscCall(HtMLConvergedReasonView((PetscObject)pca, viewer, (PetscBool)(pca->reason >= 0), HtPCAConvergedReasons[pca->reason], pca->its));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAConvergedReasonViewFromOptions - Prints the converged reason if -ht_pca_converged_reason is given.

   Collective

   Input Parameter:
.  pca - the PCA object

   Level: developer

.seealso: `HtPCAConvergedReasonView()`
@*/
PetscErrorCode HtPCAConvergedReasonViewFromOptions(HtPCA pca)
{
  PetscFunctionBegin;
  PetscCall(HtMLConvergedReasonViewFromOptions((PetscObject)pca, "-ht_pca_converged_reason", (PetscErrorCode(*)(PetscObject, PetscViewer))HtPCAConvergedReasonView));
  PetscFunctionReturn(PETSC_SUCCESS);
}
