/*
   HtCluster viewers: an ASCII summary, and the fitted model as HDF5 datasets that HtClusterLoad() reads back.
*/
#include <heat/private/clusterimpl.h>
#include <heatpca.h>

/* the number of training samples in each cluster, on every rank */
static PetscErrorCode HtClusterViewSizes(HtCluster cl, PetscViewer viewer)
{
  HtTensor        counts;
  const PetscInt *n;

  PetscFunctionBegin;
  PetscCall(HtTensorBincount(cl->labels, NULL, cl->k, &counts));
  PetscCall(HtTensorGetArrayRead(counts, &n));
  PetscCall(PetscViewerASCIIPrintf(viewer, "cluster sizes:"));
  PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_FALSE));
  for (PetscInt q = 0; q < cl->k; q++) PetscCall(PetscViewerASCIIPrintf(viewer, " %" PetscInt_FMT, n[q]));
  PetscCall(PetscViewerASCIIPrintf(viewer, "\n"));
  PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_TRUE));
  PetscCall(HtTensorRestoreArrayRead(counts, &n));
  PetscCall(HtTensorDestroy(&counts));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterView_ASCII(PetscObject obj, PetscViewer viewer)
{
  HtCluster cl = (HtCluster)obj;

  PetscFunctionBegin;
  PetscCall(PetscViewerASCIIPrintf(viewer, "clusters: %" PetscInt_FMT ", initialization: %s, tolerance: %g, maximum iterations: %" PetscInt_FMT ", seed: %" PetscInt64_FMT "\n", cl->k, HtClusterInitTypes[cl->init], (double)cl->tol, cl->max_it, cl->seed));
  if (cl->weights) PetscCall(PetscViewerASCIIPrintf(viewer, "weighted samples\n"));
  PetscTryTypeMethod(cl, view, viewer);
  if (cl->fitted) {
    PetscCall(PetscViewerASCIIPrintf(viewer, "fit: %s after %" PetscInt_FMT " iterations, inertia %.10g\n", HtClusterConvergedReasons[cl->reason], cl->its, (double)cl->inertia));
    if (cl->labels) PetscCall(HtClusterViewSizes(cl, viewer));
    PetscCall(HtTensorView(cl->centers, viewer));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the model in the viewer's current group: the datasets centers, labels (after a fit), inertia and n_iter, the
   attributes heat_class and heat_type, and what the type adds
*/
static PetscErrorCode HtClusterView_HDF5(PetscObject obj, PetscViewer viewer)
{
  HtCluster cl = (HtCluster)obj;

  PetscFunctionBegin;
  PetscCall(HtMLModelSaveTensor(viewer, cl->centers, "centers"));
  if (cl->labels) PetscCall(HtMLModelSaveTensor(viewer, cl->labels, "labels"));
  PetscCall(HtMLModelSaveScalar((PetscObject)cl, viewer, "inertia", HT_SCALAR, cl->inertia));
  PetscCall(HtMLModelSaveScalar((PetscObject)cl, viewer, "n_iter", HT_INT, (PetscScalar)cl->its));
  PetscTryTypeMethod(cl, view, viewer);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the projection of the samples X on their first two principal axes (HtPCA of type gram), an (N, 2) tensor */
static PetscErrorCode HtClusterProjectPlane(HtCluster cl, HtTensor X, HtTensor *xy)
{
  HtPCA           pca;
  const PetscInt *shape;

  PetscFunctionBegin;
  PetscCall(HtTensorGetShape(X, &shape));
  PetscCheck(shape[1] >= 2, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONG, "A picture of a clustering plots the first two principal coordinates of the data; these data have %" PetscInt_FMT " feature", shape[1]);
  PetscCall(HtPCACreate(PetscObjectComm((PetscObject)cl), &pca));
  PetscCall(HtPCASetOptionsPrefix(pca, "ht_cluster_view_")); /* the user's -ht_pca_ options do not reach it */
  PetscCall(HtPCASetType(pca, HTPCAGRAM));
  PetscCall(HtPCASetNumComponents(pca, 2));
  PetscCall(HtPCAFitTransform(pca, X, xy));
  PetscCall(HtPCADestroy(&pca));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a scatter plot of the training samples on their first two principal axes, coloured by cluster */
static PetscErrorCode HtClusterView_Draw(HtCluster cl, PetscViewer viewer)
{
  HtTensor    xy;
  HtClusterType type;
  char        title[128];

  PetscFunctionBegin;
  PetscCall(HtMLCheckFitted((PetscObject)cl, cl->fitted));
  PetscCheck(cl->viewdata && cl->labels, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONGSTATE, "A picture of a clustering shows its training data, which the object does not keep: ask for it with -ht_cluster_view draw, drawn during HtClusterFit()");
  PetscCall(HtClusterProjectPlane(cl, cl->viewdata, &xy));
  PetscCall(HtClusterGetType(cl, &type));
  PetscCall(PetscSNPrintf(title, sizeof(title), "%s: %" PetscInt_FMT " clusters", type, cl->k));
  PetscCall(HtMLViewScatter((PetscObject)cl, xy, cl->labels, title, "cluster", viewer));
  PetscCall(HtTensorDestroy(&xy));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterView - Shows a clustering object, or writes its fitted model.

   Collective

   Input Parameters:
+  cl - the clustering object
-  viewer - ASCII (parameters and, after a fit, iterations, converged reason, inertia, cluster
            sizes and centers), HDF5 (datasets "centers", "labels", "inertia", "n_iter" in the
            current group, its attributes heat_class and heat_type, and the type's parameters;
            `HtClusterLoad()` reads them back) or draw (a scatter plot of the training samples)

   Options Database Keys:
+  -ht_cluster_view [viewer] - after every fit, e.g. -ht_cluster_view hdf5:model.h5, or -ht_cluster_view draw
-  -ht_view_png FILE.png - with -ht_cluster_view draw, also write the picture as a PNG file

   Notes:
   The picture (-ht_cluster_view draw, drawn during `HtClusterFit()`, which has the data) is a scatter plot of the
   projection of the samples on their first two principal axes (`HTPCAGRAM`), coloured by cluster, with a legend of
   the cluster sizes: see `HtTensorViewScatter()` and `HtTensorSaveScatterPNG()`. Without a display, use
   -draw_type image -draw_save FILE.ppm -draw_save_single_file (without the last option PETSc writes FILE_0.ppm and
   a folder FILE/), or -ht_view_png FILE.png.

   Level: beginner

.seealso: `HtClusterLoad()`, `HtClusterViewFromOptions()`
@*/
PetscErrorCode HtClusterView(HtCluster cl, PetscViewer viewer)
{
  PetscBool isdraw = PETSC_FALSE;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  if (viewer) PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERDRAW, &isdraw));
  if (isdraw) PetscCall(HtClusterView_Draw(cl, viewer));
  else PetscCall(HtMLObjectView(&HtClusterClass, (PetscObject)cl, viewer, HtClusterView_ASCII, HtClusterView_HDF5));
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
   The type, the number of clusters, the centers, the inertia, the iteration count and the type's own parameters
   are restored; the training labels are not (they belong to the training data). The group must hold an HtCluster
   model (attribute heat_class), else the error says what it holds.

.seealso: `HtClusterView()`, `HtClusterPredict()`
@*/
PetscErrorCode HtClusterLoad(HtCluster cl, PetscViewer viewer)
{
  HtTensor        centers;
  const PetscInt *shape;
  PetscScalar     inertia, its;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(HtMLObjectLoadBegin(&HtClusterClass, (PetscObject)cl, viewer));
  PetscCall(HtMLModelLoadTensor((PetscObject)cl, viewer, "centers", &centers));
  PetscCall(HtMLModelLoadScalar((PetscObject)cl, viewer, "inertia", &inertia));
  PetscCall(HtMLModelLoadScalar((PetscObject)cl, viewer, "n_iter", &its));
  PetscCall(HtTensorGetShape(centers, &shape));
  PetscCall(HtClusterSetNumClusters(cl, shape[0]));
  PetscCall(HtClusterReset(cl));
  PetscTryTypeMethod(cl, load, viewer);
  cl->centers = centers;
  cl->inertia = PetscRealPart(inertia);
  cl->its     = (PetscInt)PetscRealPart(its);
  cl->reason  = HT_CLUSTER_CONVERGED_DIRECT;
  PetscCall(HtMLObjectLoadEnd(&HtClusterClass, (PetscObject)cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}
