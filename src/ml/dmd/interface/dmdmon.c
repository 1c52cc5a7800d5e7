/*
   HtDMD monitors and converged reasons.
*/
#include <heat/private/dmdimpl.h>

/*@C
   HtDMDMonitorSet - Adds a routine called after every snapshot the streaming type folds in (from the second on).

   Logically Collective

   Input Parameters:
+  dmd - the DMD object
.  monitor - the routine, of calling sequence `HtDMDMonitorFn`: (dmd, snapshots, rank, leading, ctx): the number of
             snapshots folded in, the rank of the model and the modulus of its leading eigenvalue
.  ctx - context for the routine (or NULL)
-  destroy - routine that frees ctx (or NULL)

   Options Database Keys:
+  -ht_dmd_monitor [ascii[:file]] - `HtDMDMonitorDefault()` on that viewer (standard output by default)
.  -ht_dmd_monitor draw::draw_lg - `HtDMDMonitorDrawLG()`: the leading eigenvalue's modulus against the snapshots
-  -ht_dmd_monitor_cancel - removes every monitor, also those set in the code

   Level: intermediate

   Note:
   Setting the same routine with the same context (or the same viewer and format) twice adds it once.

.seealso: `HtDMDMonitorFn`, `HtDMDMonitorDefault()`, `HtDMDMonitorDrawLG()`, `HtDMDMonitorCancel()`, `HtDMDPartialFit()`
@*/
PetscErrorCode HtDMDMonitorSet(HtDMD dmd, HtDMDMonitorFn monitor, void *ctx, PetscErrorCode (*destroy)(void **))
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscCall(HtMLObjectMonitorSet(&HtDMDClass, (PetscObject)dmd, (PetscVoidFunction)monitor, ctx, destroy));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDMonitorCancel - Removes every monitor.

   Logically Collective

   Input Parameter:
.  dmd - the DMD object

   Options Database Key:
.  -ht_dmd_monitor_cancel - removes every monitor, also those set in the code

   Level: intermediate

.seealso: `HtDMDMonitorSet()`
@*/
PetscErrorCode HtDMDMonitorCancel(HtDMD dmd)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscCall(HtMLObjectMonitorCancel(&HtDMDClass, (PetscObject)dmd));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDMonitor - Calls every monitor; used by the implementations after each snapshot.

   Collective

   Input Parameters:
+  dmd - the DMD object
.  snapshots - the number of snapshots folded in
.  rank - the rank of the model
-  leading - the modulus of the leading eigenvalue

   Level: developer

.seealso: `HtDMDMonitorSet()`
@*/
PetscErrorCode HtDMDMonitor(HtDMD dmd, PetscInt snapshots, PetscInt rank, PetscReal leading)
{
  PetscFunctionBegin;
  for (PetscInt i = 0; i < dmd->monitors.n; i++) PetscCall((*(HtDMDMonitorFn)dmd->monitors.fn[i])(dmd, snapshots, rank, leading, dmd->monitors.ctx[i]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDMonitorDefault - Prints the number of snapshots, the rank and the modulus of the leading eigenvalue.

   Collective

   Input Parameters:
+  dmd - the DMD object
.  snapshots - the number of snapshots folded in
.  rank - the rank of the model
.  leading - the modulus of the leading eigenvalue
-  vf - the viewer (ASCII) and its format

   Options Database Key:
.  -ht_dmd_monitor [ascii[:file]] - sets this monitor on standard output or on a file

   Level: intermediate

.seealso: `HtDMDMonitorSet()`, `HtDMDMonitorDrawLG()`
@*/
PetscErrorCode HtDMDMonitorDefault(HtDMD dmd, PetscInt snapshots, PetscInt rank, PetscReal leading, PetscViewerAndFormat *vf)
{
  PetscViewer viewer = vf->viewer;

  PetscFunctionBegin;
  PetscCall(PetscViewerPushFormat(viewer, vf->format));
  PetscCall(PetscViewerASCIIAddTab(viewer, ((PetscObject)dmd)->tablevel));
  PetscCall(PetscViewerASCIIPrintf(viewer, "%3" PetscInt_FMT " HtDMD snapshots, %s %" PetscInt_FMT ", %s %.12e\n", snapshots, HtDMDClass.monitornames.change, rank, HtDMDClass.monitornames.objective, (double)leading));
  PetscCall(PetscViewerASCIISubtractTab(viewer, ((PetscObject)dmd)->tablevel));
  PetscCall(PetscViewerPopFormat(viewer));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDMonitorDrawLG - Draws the modulus of the leading eigenvalue against the number of snapshots in a line graph.

   Collective

   Input Parameters:
+  dmd - the DMD object
.  snapshots - the number of snapshots folded in
.  rank - the rank (not drawn)
.  leading - the modulus of the leading eigenvalue
-  vf - the draw viewer and its format

   Options Database Key:
.  -ht_dmd_monitor draw::draw_lg - sets this monitor (add -draw_pause 1 to watch it, -draw_save file.png to keep it)

   Level: intermediate

.seealso: `HtDMDMonitorSet()`, `HtDMDMonitorDefault()`
@*/
PetscErrorCode HtDMDMonitorDrawLG(HtDMD dmd, PetscInt snapshots, PetscInt rank, PetscReal leading, PetscViewerAndFormat *vf)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectMonitorDrawLG(&HtDMDClass, (PetscObject)dmd, snapshots - 1, leading, vf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDConvergedReasonView - Prints how the last fit ended.

   Collective

   Input Parameters:
+  dmd - the DMD object
-  viewer - an ASCII viewer (NULL: standard output); with the format `PETSC_VIEWER_FAILED` only a fit that did not
            end is reported

   Options Database Key:
.  -ht_dmd_converged_reason [viewer[:file][:failed]] - print it after every `HtDMDFit()`

   Level: beginner

   Note:
   The count printed is the number of snapshots of the model.

.seealso: `HtDMDGetConvergedReason()`
@*/
PetscErrorCode HtDMDConvergedReasonView(HtDMD dmd, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscCall(HtMLConvergedReasonView((PetscObject)dmd, viewer, (PetscBool)(dmd->reason > 0), HtDMDConvergedReasons[dmd->reason], dmd->nsnap));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDConvergedReasonViewFromOptions - Prints the converged reason if -ht_dmd_converged_reason is given.

   Collective

   Input Parameter:
.  dmd - the DMD object

   Level: developer

.seealso: `HtDMDConvergedReasonView()`
@*/
PetscErrorCode HtDMDConvergedReasonViewFromOptions(HtDMD dmd)
{
  PetscFunctionBegin;
  PetscCall(HtMLConvergedReasonViewFromOptions((PetscObject)dmd, "-ht_dmd_converged_reason", (PetscErrorCode(*)(PetscObject, PetscViewer))HtDMDConvergedReasonView));
  PetscFunctionReturn(PETSC_SUCCESS);
}
