/*
   HtCluster monitors and converged reasons.
*/
#include <heat/private/clusterimpl.h>

/*@C
   HtClusterMonitorSet - Adds a routine called after every iteration of a fit.

   Logically Collective

   Input Parameters:
+  cl - the clustering object
.  monitor - routine (cl, iteration, inertia, center shift, ctx); the inertia is that of the
             assignment made in this iteration and the shift is the squared center shift
.  ctx - context for the routine (or NULL)
-  destroy - routine that frees ctx (or NULL)

   Options Database Key:
.  -ht_cluster_monitor - `HtClusterMonitorDefault()`

   Level: intermediate

.seealso: `HtClusterMonitorDefault()`, `HtClusterMonitorCancel()`
@*/
PetscErrorCode HtClusterMonitorSet(HtCluster cl, PetscErrorCode (*monitor)(HtCluster, PetscInt, PetscReal, PetscReal, void *), void *ctx, PetscErrorCode (*destroy)(void **))
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  for (PetscInt i = 0; i < cl->numbermonitors; i++)
    if (cl->monitor[i] == monitor && cl->monitorcontext[i] == ctx) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCheck(cl->numbermonitors < HT_CLUSTER_MAX_MONITORS, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "At most %d monitors", HT_CLUSTER_MAX_MONITORS);
  cl->monitor[cl->numbermonitors]          = monitor;
  cl->monitordestroy[cl->numbermonitors]   = destroy;
  cl->monitorcontext[cl->numbermonitors++] = ctx;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterMonitorCancel - Removes every monitor.

   Logically Collective

   Input Parameter:
.  cl - the clustering object

   Level: intermediate

.seealso: `HtClusterMonitorSet()`
@*/
PetscErrorCode HtClusterMonitorCancel(HtCluster cl)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  for (PetscInt i = 0; i < cl->numbermonitors; i++)
    if (cl->monitordestroy[i]) PetscCall((*cl->monitordestroy[i])(&cl->monitorcontext[i]));
  cl->numbermonitors = 0;
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
  for (PetscInt i = 0; i < cl->numbermonitors; i++) PetscCall((*cl->monitor[i])(cl, it, inertia, shift, cl->monitorcontext[i]));
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
-  ctx - unused

   Level: intermediate

.seealso: `HtClusterMonitorSet()`
@*/
PetscErrorCode HtClusterMonitorDefault(HtCluster cl, PetscInt it, PetscReal inertia, PetscReal shift, void *ctx)
{
  PetscViewer viewer = PETSC_VIEWER_STDOUT_(PetscObjectComm((PetscObject)cl));

  PetscFunctionBegin;
  PetscCall(PetscViewerASCIIAddTab(viewer, ((PetscObject)cl)->tablevel));
  PetscCall(PetscViewerASCIIPrintf(viewer, "%3" PetscInt_FMT " HtCluster inertia %.12e center shift %.6e\n", it, (double)inertia, (double)shift));
  PetscCall(PetscViewerASCIISubtractTab(viewer, ((PetscObject)cl)->tablevel));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterConvergedReasonView - Prints why the last fit stopped.

   Collective

   Input Parameters:
+  cl - the clustering object
-  viewer - an ASCII viewer (NULL: standard output)

   Options Database Key:
.  -ht_cluster_converged_reason - print it after every fit

   Level: beginner

.seealso: `HtClusterGetConvergedReason()`
@*/
PetscErrorCode HtClusterConvergedReasonView(HtCluster cl, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  if (!viewer) viewer = PETSC_VIEWER_STDOUT_(PetscObjectComm((PetscObject)cl));
  PetscCall(PetscViewerASCIIAddTab(viewer, ((PetscObject)cl)->tablevel));
  PetscCall(PetscViewerASCIIPrintf(viewer, "HtCluster %s %s after %" PetscInt_FMT " iteration%s\n", cl->reason >= 0 ? "converged" : "did not converge", HtClusterConvergedReasons[cl->reason], cl->its, cl->its == 1 ? "" : "s"));
  PetscCall(PetscViewerASCIISubtractTab(viewer, ((PetscObject)cl)->tablevel));
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
  PetscViewer       viewer;
  PetscViewerFormat format;
  PetscBool         flg;

  PetscFunctionBegin;
  PetscCall(PetscOptionsGetViewer(PetscObjectComm((PetscObject)cl), ((PetscObject)cl)->options, ((PetscObject)cl)->prefix, "-ht_cluster_converged_reason", &viewer, &format, &flg));
  if (!flg) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscViewerPushFormat(viewer, format));
  PetscCall(HtClusterConvergedReasonView(cl, viewer));
  PetscCall(PetscViewerPopFormat(viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscFunctionReturn(PETSC_SUCCESS);
}
