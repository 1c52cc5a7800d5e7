/*
   Monitors and converged reasons of the ML classes, through PETSc viewers: -ht_<class>_monitor [ascii[:file]] prints
   a line per iteration, -ht_<class>_monitor draw::draw_lg draws the objective against the iteration,
   -ht_<class>_monitor_cancel removes every monitor, -ht_<class>_converged_reason [::failed] says why a fit stopped.
*/
#include <heat/private/mlimpl.h>
#include <petscdraw.h>

/*
   HtMLMonitorsAdd - appends a monitor (a class's monitor type, as a generic pointer) with its context and the routine
   that frees it; a monitor identical to one already set (same routine and context, or same viewer and format) is not
   added twice, and its new context is freed
*/
PetscErrorCode HtMLMonitorsAdd(PetscObject obj, HtMLMonitors *mon, PetscVoidFunction fn, void *ctx, PetscErrorCode (*destroy)(void **))
{
  PetscFunctionBegin;
  for (PetscInt i = 0; i < mon->n; i++) {
    PetscBool identical;

    PetscCall(PetscMonitorCompare((PetscErrorCode(*)(void))fn, ctx, destroy, (PetscErrorCode(*)(void))mon->fn[i], mon->ctx[i], mon->destroy[i], &identical));
    if (identical) PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCheck(mon->n < HT_ML_MAX_MONITORS, PetscObjectComm(obj), PETSC_ERR_ARG_OUTOFRANGE, "At most %d monitors", HT_ML_MAX_MONITORS);
  mon->fn[mon->n]        = fn;
  mon->ctx[mon->n]       = ctx;
  mon->destroy[mon->n++] = destroy;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLMonitorsCancel - removes every monitor, freeing their contexts */
PetscErrorCode HtMLMonitorsCancel(HtMLMonitors *mon)
{
  PetscFunctionBegin;
  for (PetscInt i = 0; i < mon->n; i++)
    if (mon->destroy[i]) PetscCall((*mon->destroy[i])(&mon->ctx[i]));
  mon->n = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMLMonitorsSetFromOptions - inside the object's options block: -<opt> [viewer] adds `print` (a class's monitor
   that takes a PetscViewerAndFormat) or, with the format draw_lg, `drawlg`; -<opt>_cancel removes every monitor,
   those set in code included
*/
PetscErrorCode HtMLMonitorsSetFromOptions(PetscObject obj, PetscOptionItems *PetscOptionsObject, HtMLMonitors *mon, const char opt[], PetscVoidFunction print, PetscVoidFunction drawlg)
{
  char                  cancel[256], man[256];
  PetscViewer           viewer;
  PetscViewerFormat     format;
  PetscViewerAndFormat *vf;
  PetscBool             set, flg = PETSC_FALSE;

  PetscFunctionBegin;
  PetscCall(PetscSNPrintf(man, sizeof(man), "%sMonitorSet", obj->class_name));
  PetscCall(PetscOptionsViewer(opt, "Monitor the iterations: ascii[:file] prints iteration, objective and change, draw::draw_lg draws the objective", man, &viewer, &format, &set));
  if (set) {
    PetscCall(PetscViewerAndFormatCreate(viewer, format, &vf));
    PetscCall(PetscObjectDereference((PetscObject)viewer));
    PetscCall(HtMLMonitorsAdd(obj, mon, format == PETSC_VIEWER_DRAW_LG ? drawlg : print, vf, (PetscErrorCode(*)(void **))PetscViewerAndFormatDestroy));
  }
  PetscCall(PetscSNPrintf(cancel, sizeof(cancel), "%s_cancel", opt));
  PetscCall(PetscSNPrintf(man, sizeof(man), "%sMonitorCancel", obj->class_name));
  PetscCall(PetscOptionsBool(cancel, "Remove every monitor, also those set in the code", man, flg, &flg, &set));
  if (set && flg) PetscCall(HtMLMonitorsCancel(mon));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMLMonitorPrint - one line per iteration on an ASCII viewer, indented as the object:
   "  3 HtCluster inertia 7.885144142615e+01 center shift 1.234560e-03"
*/
PetscErrorCode HtMLMonitorPrint(PetscObject obj, const HtMLMonitorNames *names, PetscInt it, PetscReal objective, PetscReal change, PetscViewerAndFormat *vf)
{
  PetscViewer viewer = vf->viewer;

  PetscFunctionBegin;
  PetscCall(PetscViewerPushFormat(viewer, vf->format));
  PetscCall(PetscViewerASCIIAddTab(viewer, obj->tablevel));
  PetscCall(PetscViewerASCIIPrintf(viewer, "%3" PetscInt_FMT " %s %s %.12e %s %.6e\n", it, obj->class_name, names->objective, (double)objective, names->change, (double)change));
  PetscCall(PetscViewerASCIISubtractTab(viewer, obj->tablevel));
  PetscCall(PetscViewerPopFormat(viewer));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLMonitorDrawLG - the objective against the iteration on a draw viewer's line graph (restarted at iteration 1) */
PetscErrorCode HtMLMonitorDrawLG(PetscObject obj, const HtMLMonitorNames *names, PetscInt it, PetscReal objective, PetscViewerAndFormat *vf)
{
  PetscDrawLG lg;
  PetscReal   x = (PetscReal)it, y = objective;

  PetscFunctionBegin;
  PetscCall(PetscViewerDrawGetDrawLG(vf->viewer, 0, &lg));
  if (it <= 1) {
    PetscDrawAxis axis;

    PetscCall(PetscDrawLGReset(lg));
    PetscCall(PetscDrawLGSetDimension(lg, 1));
    PetscCall(PetscDrawLGGetAxis(lg, &axis));
    PetscCall(PetscDrawAxisSetLabels(axis, obj->class_name, "iteration", names->objective));
  }
  PetscCall(PetscDrawLGAddPoint(lg, &x, &y));
  PetscCall(PetscDrawLGDraw(lg));
  PetscCall(PetscDrawLGSave(lg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMLConvergedReasonView - "HtCluster [prefix] converged CONVERGED_TOL after 7 iterations" on an ASCII viewer; with
   the format PETSC_VIEWER_FAILED only when the fit did not converge
*/
PetscErrorCode HtMLConvergedReasonView(PetscObject obj, PetscViewer viewer, PetscBool converged, const char reason[], PetscInt its)
{
  PetscViewerFormat format;
  PetscBool         isascii;

  PetscFunctionBegin;
  if (!viewer) viewer = PETSC_VIEWER_STDOUT_(PetscObjectComm(obj));
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERASCII, &isascii));
  PetscCheck(isascii, PetscObjectComm(obj), PETSC_ERR_SUP, "The converged reason is shown on ASCII viewers, not %s", ((PetscObject)viewer)->type_name);
  PetscCall(PetscViewerGetFormat(viewer, &format));
  if (format == PETSC_VIEWER_FAILED && converged) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscViewerASCIIAddTab(viewer, obj->tablevel));
  PetscCall(PetscViewerASCIIPrintf(viewer, "%s%s%s %s %s after %" PetscInt_FMT " iteration%s\n", obj->class_name, obj->prefix ? " " : "", obj->prefix ? obj->prefix : "", converged ? "converged" : "did not converge", reason, its, its == 1 ? "" : "s"));
  PetscCall(PetscViewerASCIISubtractTab(viewer, obj->tablevel));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLConvergedReasonViewFromOptions - calls view(obj, viewer) with the viewer of the option opt (the object's prefix applies) */
PetscErrorCode HtMLConvergedReasonViewFromOptions(PetscObject obj, const char opt[], PetscErrorCode (*view)(PetscObject, PetscViewer))
{
  PetscViewer       viewer;
  PetscViewerFormat format;
  PetscBool         flg;

  PetscFunctionBegin;
  PetscCall(PetscOptionsGetViewer(PetscObjectComm(obj), obj->options, obj->prefix, opt, &viewer, &format, &flg));
  if (!flg) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscViewerPushFormat(viewer, format));
  PetscCall((*view)(obj, viewer));
  PetscCall(PetscViewerPopFormat(viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscFunctionReturn(PETSC_SUCCESS);
}
