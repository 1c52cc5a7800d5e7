/*
   HtCluster viewers: an ASCII summary, and the fitted model as HDF5 datasets that HtClusterLoad() reads back.
*/
#include <heat/private/clusterimpl.h>

static PetscErrorCode HtClusterView_ASCII(HtCluster cl, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscCall(PetscObjectPrintClassNamePrefixType((PetscObject)cl, viewer));
  PetscCall(PetscViewerASCIIPushTab(viewer));
  PetscCall(PetscViewerASCIIPrintf(viewer, "clusters: %" PetscInt_FMT ", initialization: %s, tolerance: %g, maximum iterations: %" PetscInt_FMT ", seed: %" PetscInt64_FMT "\n", cl->k, HtClusterInitTypes[cl->init], (double)cl->tol, cl->max_it, cl->seed));
  if (cl->weights) PetscCall(PetscViewerASCIIPrintf(viewer, "weighted samples\n"));
  if (cl->ops->view) PetscCall((*cl->ops->view)(cl, viewer));
  if (cl->fitted) {
    PetscCall(PetscViewerASCIIPrintf(viewer, "fit: %s after %" PetscInt_FMT " iterations, inertia %.10g\n", HtClusterConvergedReasons[cl->reason], cl->its, (double)cl->inertia));
    if (cl->labels) {
      const PetscInt *l;
      PetscInt       *sizes;

      PetscCall(PetscCalloc1(cl->k, &sizes));
      PetscCall(HtTensorGetArrayRead(cl->labels, &l));
      for (PetscInt i = 0; i < cl->labels->nlocal; i++) sizes[l[i]]++;
      PetscCall(HtTensorRestoreArrayRead(cl->labels, &l));
      PetscCall(MPIU_Allreduce(MPI_IN_PLACE, sizes, cl->k, MPIU_INT, MPI_SUM, PetscObjectComm((PetscObject)cl)));
      PetscCall(PetscViewerASCIIPrintf(viewer, "cluster sizes:"));
      PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_FALSE));
      for (PetscInt q = 0; q < cl->k; q++) PetscCall(PetscViewerASCIIPrintf(viewer, " %" PetscInt_FMT, sizes[q]));
      PetscCall(PetscViewerASCIIPrintf(viewer, "\n"));
      PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_TRUE));
      PetscCall(PetscFree(sizes));
    }
    PetscCall(HtTensorView(cl->centers, viewer));
  }
  PetscCall(PetscViewerASCIIPopTab(viewer));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the model as datasets of the viewer's current group: centers, labels, inertia, n_iter, and the type and K as attributes */
static PetscErrorCode HtClusterView_HDF5(HtCluster cl, PetscViewer viewer)
{
  HtTensor scalar;
  PetscInt its = cl->its;

  PetscFunctionBegin;
  PetscCheck(cl->fitted, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONGSTATE, "Only a fitted HtCluster can be written to HDF5; call HtClusterFit() first");
  PetscCall(HtTensorView(cl->centers, viewer));
  if (cl->labels) PetscCall(HtTensorView(cl->labels, viewer));
  PetscCall(HtTensorFull(PetscObjectComm((PetscObject)cl), 0, NULL, -1, HT_SCALAR, cl->inertia, &scalar));
  PetscCall(HtTensorSetName(scalar, "inertia"));
  PetscCall(HtTensorView(scalar, viewer));
  PetscCall(HtTensorDestroy(&scalar));
  PetscCall(HtTensorFull(PetscObjectComm((PetscObject)cl), 0, NULL, -1, HT_INT, (PetscScalar)its, &scalar));
  PetscCall(HtTensorSetName(scalar, "n_iter"));
  PetscCall(HtTensorView(scalar, viewer));
  PetscCall(HtTensorDestroy(&scalar));
  PetscCall(PetscViewerHDF5WriteAttribute(viewer, "centers", "cluster_type", PETSC_STRING, ((PetscObject)cl)->type_name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterView - Shows a clustering object, or writes its fitted model.

   Collective

   Input Parameters:
+  cl - the clustering object
-  viewer - ASCII (parameters and, after a fit, iterations, converged reason, inertia, cluster
            sizes and centers) or HDF5 (datasets "centers", "labels", "inertia", "n_iter" in the
            current group; `HtClusterLoad()` reads them back)

   Options Database Key:
.  -ht_cluster_view [viewer] - after every fit, e.g. -ht_cluster_view hdf5:model.h5

   Level: beginner

.seealso: `HtClusterLoad()`, `HtClusterViewFromOptions()`
@*/
PetscErrorCode HtClusterView(HtCluster cl, PetscViewer viewer)
{
  PetscBool isascii, ishdf5;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  if (!viewer) PetscCall(PetscViewerASCIIGetStdout(PetscObjectComm((PetscObject)cl), &viewer));
  PetscValidHeaderSpecific(viewer, PETSC_VIEWER_CLASSID, 2);
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERASCII, &isascii));
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERHDF5, &ishdf5));
  if (isascii) PetscCall(HtClusterView_ASCII(cl, viewer));
  else if (ishdf5) PetscCall(HtClusterView_HDF5(cl, viewer));
  else SETERRQ(PetscObjectComm((PetscObject)cl), PETSC_ERR_SUP, "HtClusterView() supports ASCII and HDF5 viewers, not %s", ((PetscObject)viewer)->type_name);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterViewFromOptions - Views the object if an option asks for it.

   Collective

   Input Parameters:
+  cl - the clustering object
.  obj - optional object whose prefix is used
-  name - the option, e.g. "-ht_cluster_view"

   Level: intermediate

.seealso: `HtClusterView()`
@*/
PetscErrorCode HtClusterViewFromOptions(HtCluster cl, PetscObject obj, const char name[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(PetscObjectViewFromOptions((PetscObject)cl, obj, name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterLoad - Loads a fitted model written by `HtClusterView()` with an HDF5 viewer, so that it can predict.

   Collective

   Input Parameters:
+  cl - the clustering object
-  viewer - an HDF5 viewer opened for reading, in the group the model was written to

   Level: intermediate

   Note:
   The type, the number of clusters, the centers, the inertia and the iteration count are restored;
   the training labels are not (they belong to the training data).

.seealso: `HtClusterView()`, `HtClusterPredict()`
@*/
PetscErrorCode HtClusterLoad(HtCluster cl, PetscViewer viewer)
{
  MPI_Comm           comm = PetscObjectComm((PetscObject)cl);
  char              *type = NULL;
  HtTensor           centers, scalar;
  const PetscScalar *v;
  const PetscInt    *n;
  PetscBool          ishdf5;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidHeaderSpecific(viewer, PETSC_VIEWER_CLASSID, 2);
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERHDF5, &ishdf5));
  PetscCheck(ishdf5, comm, PETSC_ERR_SUP, "HtClusterLoad() reads an HDF5 viewer");
  PetscCall(HtTensorLoad_HDF5(comm, viewer, "centers", -1, &centers));
  PetscCall(PetscViewerHDF5ReadAttribute(viewer, "centers", "cluster_type", PETSC_STRING, NULL, &type));
  PetscCall(HtClusterSetType(cl, type));
  PetscCall(PetscFree(type));
  PetscCall(HtClusterSetNumClusters(cl, centers->shape[0]));
  PetscCall(HtClusterReset(cl));
  cl->centers = centers;
  PetscCall(PetscObjectSetName((PetscObject)cl->centers, "centers"));
  PetscCall(HtTensorLoad_HDF5(comm, viewer, "inertia", -1, &scalar));
  PetscCall(HtTensorGetArrayRead(scalar, &v));
  cl->inertia = PetscRealPart(v[0]);
  PetscCall(HtTensorRestoreArrayRead(scalar, &v));
  PetscCall(HtTensorDestroy(&scalar));
  PetscCall(HtTensorLoad_HDF5(comm, viewer, "n_iter", -1, &scalar));
  PetscCall(HtTensorGetArrayRead(scalar, &n));
  cl->its = n[0];
  PetscCall(HtTensorRestoreArrayRead(scalar, &n));
  PetscCall(HtTensorDestroy(&scalar));
  cl->reason      = HT_CLUSTER_CONVERGED_DIRECT;
  cl->fitted      = PETSC_TRUE;
  cl->setupcalled = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}
