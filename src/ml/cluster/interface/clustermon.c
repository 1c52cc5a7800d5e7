/*
   HtCluster monitors and converged reasons.
*/
#include <heat/private/clusterimpl.h>

/*@C
   HtClusterMonitorSet - Adds a routine called after every iteration of a fit.

   Logically Collective

   Input Parameters:
+  cl - the clustering object
.  monitor - the routine, of calling sequence `HtClusterMonitorFn`: (cl, iteration, inertia, center shift, ctx); the
             inertia is that of the assignment made in this iteration and the shift is the squared center shift
.  ctx - context for the routine (or NULL)
-  destroy - routine that frees ctx (or NULL)

   Options Database Keys:
+  -ht_cluster_monitor [ascii[:file]] - `HtClusterMonitorDefault()` on that viewer (standard output by default)
.  -ht_cluster_monitor draw::draw_lg - `HtClusterMonitorDrawLG()`: the inertia against the iteration
-  -ht_cluster_monitor_cancel - removes every monitor, also those set in the code

   Level: intermediate

   Note:
   Setting the same routine with the same context (or the same viewer and format) twice adds it once.

.seealso: `HtClusterMonitorFn`, `HtClusterMonitorDefault()`, `HtClusterMonitorDrawLG()`, `HtClusterMonitorCancel()`
@*/
PetscErrorCode HtClusterMonitorSet(HtCluster cl, HtClusterMonitorFn monitor, void *ctx, PetscErrorCode (*destroy)(void **))
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(HtMLObjectMonitorSet(&HtClusterClass, (PetscObject)cl, (PetscVoidFunction)monitor, ctx, destroy));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterMonitorCancel - Removes every monitor.

   Logically Collective

   Input Parameter:
.  cl - the clustering object

   Options Database Key:
.  -ht_cluster_monitor_cancel - removes every monitor, also those set in the code

   Level: intermediate

.seealso: `HtClusterMonitorSet()`
@*/
PetscErrorCode HtClusterMonitorCancel(HtCluster cl)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(HtMLObjectMonitorCancel(&HtClusterClass, (PetscObject)cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterMonitor - Calls every monitor; used by the implementations after each iteration.

   Collective

   Input Parameters:
+  cl - the clustering object
.  it - iteration number (1 is the first)
.  inertia - the objective after this iteration's assignment
-  shift - the squared center shift of this iteration

   Level: developer

.seealso: `HtClusterMonitorSet()`
@*/
PetscErrorCode HtClusterMonitor(HtCluster cl, PetscInt it, PetscReal inertia, PetscReal shift)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectMonitor(&HtClusterClass, (PetscObject)cl, it, inertia, shift));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterMonitorDefault - Prints the iteration, the inertia and the squared center shift.

   Collective

   Input Parameters:
+  cl - the clustering object
.  it - the iteration
.  inertia - the objective
.  shift - the squared center shift
-  vf - the viewer (ASCII) and its format

   Options Database Key:
.  -ht_cluster_monitor [ascii[:file]] - sets this monitor on standard output or on a file

   Level: intermediate

.seealso: `HtClusterMonitorSet()`, `HtClusterMonitorDrawLG()`
@*/
PetscErrorCode HtClusterMonitorDefault(HtCluster cl, PetscInt it, PetscReal inertia, PetscReal shift, PetscViewerAndFormat *vf)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectMonitorDefault(&HtClusterClass, (PetscObject)cl, it, inertia, shift, vf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterMonitorDrawLG - Draws the inertia against the iteration in a line graph.

   Collective

   Input Parameters:
+  cl - the clustering object
.  it - the iteration
.  inertia - the objective
.  shift - the squared center shift (not drawn)
-  vf - the draw viewer and its format

   Options Database Key:
.  -ht_cluster_monitor draw::draw_lg - sets this monitor (add -draw_pause 1 to watch it, -draw_save file.png to keep it)

   Level: intermediate

.seealso: `HtClusterMonitorSet()`, `HtClusterMonitorDefault()`
@*/
PetscErrorCode HtClusterMonitorDrawLG(HtCluster cl, PetscInt it, PetscReal inertia, PetscReal shift, PetscViewerAndFormat *vf)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectMonitorDrawLG(&HtClusterClass, (PetscObject)cl, it, inertia, vf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterConvergedReasonView - Prints why the last fit stopped.

   Collective

   Input Parameters:
+  cl - the clustering object
-  viewer - an ASCII viewer (NULL: standard output); with the format `PETSC_VIEWER_FAILED` only a fit that did not
            converge is reported

   Options Database Key:
.  -ht_cluster_converged_reason [viewer[:file][:failed]] - print it after every fit (::failed: only failures)

   Level: beginner

.seealso: `HtClusterGetConvergedReason()`
@*/
PetscErrorCode HtClusterConvergedReasonView(HtCluster cl, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(HtMLConvergedReasonView((PetscObject)cl, viewer, (PetscBool)(cl->reason >= 0), HtClusterConvergedReasons[cl->reason], cl->its));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterConvergedReasonViewFromOptions - Prints the converged reason if -ht_cluster_converged_reason is given.

   Collective

   Input Parameter:
.  cl - the clustering object

   Level: developer

.seealso: `HtClusterConvergedReasonView()`
@*/
PetscErrorCode HtClusterConvergedReasonViewFromOptions(HtCluster cl)
{
  PetscFunctionBegin;
  PetscCall(HtMLConvergedReasonViewFromOptions((PetscObject)cl, "-ht_cluster_converged_reason", (PetscErrorCode(*)(PetscObject, PetscViewer))HtClusterConvergedReasonView));
  PetscFunctionReturn(PETSC_SUCCESS);
}
