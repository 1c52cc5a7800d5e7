/*
   HtPCA viewers: an ASCII summary, and the fitted model as HDF5 datasets that HtPCALoad() reads back.
*/
#include <heat/private/pcaimpl.h>

/* the explained variance of each component as a table */
static PetscErrorCode HtPCAViewVariances(HtPCA pca, PetscViewer viewer)
{
  const PetscScalar *ev, *ratio, *sv;
  PetscReal          cumulative = 0;

  PetscFunctionBegin;
  PetscCall(HtTensorGetArrayRead(pca->explained_variance, &ev));
  PetscCall(HtTensorGetArrayRead(pca->explained_variance_ratio, &ratio));
  PetscCall(HtTensorGetArrayRead(pca->singular_values, &sv));
  PetscCall(PetscViewerASCIIPrintf(viewer, "component  singular value  explained variance   ratio   cumulative\n"));
  for (PetscInt i = 0; i < pca->k; i++) {
    cumulative += PetscRealPart(ratio[i]);
    PetscCall(PetscViewerASCIIPrintf(viewer, "%9" PetscInt_FMT "  %14.8g  %18.8g  %8.6f  %8.6f\n", i, (double)PetscRealPart(sv[i]), (double)PetscRealPart(ev[i]), (double)PetscRealPart(ratio[i]), (double)cumulative));
  }
  PetscCall(HtTensorRestoreArrayRead(pca->singular_values, &sv));
  PetscCall(HtTensorRestoreArrayRead(pca->explained_variance_ratio, &ratio));
  PetscCall(HtTensorRestoreArrayRead(pca->explained_variance, &ev));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAView_ASCII(PetscObject obj, PetscViewer viewer)
{
  HtPCA             pca = (HtPCA)obj;
  PetscViewerFormat format;

  PetscFunctionBegin;
  PetscCall(PetscViewerGetFormat(viewer, &format));
  if (pca->variance > 0) PetscCall(PetscViewerASCIIPrintf(viewer, "components: the fewest explaining more than %g of the variance", (double)pca->variance));
  else if (pca->ncomp == PETSC_DECIDE) PetscCall(PetscViewerASCIIPrintf(viewer, "components: min(samples, features)"));
  else PetscCall(PetscViewerASCIIPrintf(viewer, "components: %" PetscInt_FMT, pca->ncomp));
  PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_FALSE));
  PetscCall(PetscViewerASCIIPrintf(viewer, ", whiten: %s\n", PetscBools[pca->whiten]));
  PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_TRUE));
  PetscTryTypeMethod(pca, view, viewer);
  if (pca->fitted) {
    PetscCall(PetscViewerASCIIPrintf(viewer, "fit: %s, %" PetscInt_FMT " components of %" PetscInt_FMT " samples x %" PetscInt_FMT " features, noise variance %.8g\n", HtPCAConvergedReasons[pca->reason], pca->k, pca->factors.n, pca->factors.f, (double)pca->noise_variance));
    PetscCall(HtPCAViewVariances(pca, viewer));
    if (format == PETSC_VIEWER_ASCII_INFO_DETAIL) {
      PetscCall(HtTensorView(pca->mean, viewer));
      PetscCall(HtTensorView(pca->components, viewer));
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the model in the viewer's current group: the datasets components, explained_variance, explained_variance_ratio,
   singular_values, mean, noise_variance, total_variance, n_samples_seen, whiten, the attributes heat_class and heat_type, and what the
   type adds
*/
static PetscErrorCode HtPCAView_HDF5(PetscObject obj, PetscViewer viewer)
{
  HtPCA pca = (HtPCA)obj;

  PetscFunctionBegin;
  PetscCall(HtMLModelSaveTensor(viewer, pca->components, "components"));
  PetscCall(HtMLModelSaveTensor(viewer, pca->explained_variance, "explained_variance"));
  PetscCall(HtMLModelSaveTensor(viewer, pca->explained_variance_ratio, "explained_variance_ratio"));
  PetscCall(HtMLModelSaveTensor(viewer, pca->singular_values, "singular_values"));
  PetscCall(HtMLModelSaveTensor(viewer, pca->mean, "mean"));
  PetscCall(HtMLModelSaveScalar((PetscObject)pca, viewer, "noise_variance", HT_SCALAR, pca->noise_variance));
  PetscCall(HtMLModelSaveScalar((PetscObject)pca, viewer, "total_variance", HT_SCALAR, pca->factors.totalvar));
  PetscCall(HtMLModelSaveScalar((PetscObject)pca, viewer, "n_samples_seen", HT_INT, (PetscScalar)pca->factors.n));
  PetscCall(HtMLModelSaveScalar((PetscObject)pca, viewer, "whiten", HT_INT, (PetscScalar)pca->whiten));
  PetscTryTypeMethod(pca, view, viewer);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a scatter plot of the data of the fit in the plane of the first two components (the transformed data) */
static PetscErrorCode HtPCAView_Draw(HtPCA pca, PetscViewer viewer)
{
  HtTensor  scores, xy;
  HtPCAType type;
  char      title[128];

  PetscFunctionBegin;
  PetscCall(HtMLCheckFitted((PetscObject)pca, pca->fitted));
  PetscCheck(pca->viewdata, PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_WRONGSTATE, "A picture of a PCA shows the data of its fit, which the object does not keep: ask for it with -ht_pca_view draw, drawn during HtPCAFit() or HtPCAPartialFit() (the batch)");
  PetscCheck(pca->k >= 2, PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_WRONG, "A picture of a PCA plots the first two principal coordinates; this fit has %" PetscInt_FMT " component: ask for at least 2 (-ht_pca_n_components 2)", pca->k);
  PetscCall(HtPCATransform(pca, pca->viewdata, &scores));
  PetscCall(HtTensorGetSlice(scores, 2, (HtSlice[]){HT_SLICE_ALL, {0, 2, 1}}, &xy));
  PetscCall(HtPCAGetType(pca, &type));
  PetscCall(PetscSNPrintf(title, sizeof(title), "PCA %s: %" PetscInt_FMT " components", type, pca->k));
  PetscCall(HtMLViewScatter((PetscObject)pca, xy, NULL, title, "samples", viewer));
  PetscCall(HtTensorDestroy(&xy));
  PetscCall(HtTensorDestroy(&scores));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAView - Shows a PCA object, or writes its fitted model.

   Collective

   Input Parameters:
+  pca - the PCA object
-  viewer - ASCII (parameters and, after a fit, a table of the singular values and explained variances; with the
            format `PETSC_VIEWER_ASCII_INFO_DETAIL` also the mean and the components) or HDF5 (datasets "components",
            "explained_variance", "explained_variance_ratio", "singular_values", "mean", "noise_variance",
            "total_variance", "n_samples_seen", "whiten" in the current group, its attributes heat_class and heat_type; `HtPCALoad()`
            reads them back) or draw (a scatter plot of the data of the fit)

   Options Database Keys:
+  -ht_pca_view [viewer] - after every fit, e.g. -ht_pca_view hdf5:model.h5, -ht_pca_view ::ascii_info_detail or -ht_pca_view draw
-  -ht_view_png FILE.png - with -ht_pca_view draw, also write the picture as a PNG file

   Note:
   The picture (-ht_pca_view draw, drawn during the fit, which has the data) is a scatter plot of the transformed
   data in the plane of the first two components, in one colour, with the number of samples in the legend: see
   `HtTensorViewScatter()` and `HtTensorSaveScatterPNG()`. Without a display, use -draw_type image
   -draw_save FILE.ppm -draw_save_single_file (without the last option PETSc writes FILE_0.ppm and a folder FILE/),
   or -ht_view_png FILE.png.

   Level: beginner

.seealso: `HtPCALoad()`, `HtPCAViewFromOptions()`
@*/
PetscErrorCode HtPCAView(HtPCA pca, PetscViewer viewer)
{
  PetscBool isdraw = PETSC_FALSE;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  if (viewer) PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERDRAW, &isdraw));
  if (isdraw) PetscCall(HtPCAView_Draw(pca, viewer));
  else PetscCall(HtMLObjectView(&HtPCAClass, (PetscObject)pca, viewer, HtPCAView_ASCII, HtPCAView_HDF5));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAViewFromOptions - Views the object if an option asks for it.

   Collective

   Input Parameters:
+  pca - the PCA object
.  obj - optional object whose prefix is used
-  name - the option, e.g. "-ht_pca_view"

   Level: intermediate

.seealso: `HtPCAView()`
@*/
PetscErrorCode HtPCAViewFromOptions(HtPCA pca, PetscObject obj, const char name[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscCall(PetscObjectViewFromOptions((PetscObject)pca, obj, name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a replicated tensor of the model file as an array of its n values (allocated) */
static PetscErrorCode HtPCALoadValues(HtPCA pca, PetscViewer viewer, const char name[], PetscInt *n, PetscScalar **values)
{
  HtTensor           t;
  const PetscScalar *a;

  PetscFunctionBegin;
  PetscCall(HtMLModelLoadTensor((PetscObject)pca, viewer, name, &t));
  PetscCall(HtTensorGetLocalSize(t, n));
  PetscCall(PetscMalloc1(*n, values));
  PetscCall(HtTensorGetArrayRead(t, &a));
  PetscCall(PetscArraycpy(*values, a, *n));
  PetscCall(HtTensorRestoreArrayRead(t, &a));
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCALoad - Loads a fitted model written by `HtPCAView()` with an HDF5 viewer, so that it can transform.

   Collective

   Input Parameters:
+  pca - the PCA object
-  viewer - an HDF5 viewer opened for reading, in the group the model was written to

   Level: intermediate

   Note:
   The type, the components, explained variances, singular values, mean, noise variance, number of samples, whitening
   and the type's own parameters are restored. The group must hold an HtPCA model (attribute heat_class), else the
   error says what it holds.

.seealso: `HtPCAView()`, `HtPCATransform()`
@*/
PetscErrorCode HtPCALoad(HtPCA pca, PetscViewer viewer)
{
  PetscScalar *vt, *sv, *mean, nseen, whiten, total;
  PetscReal   *svr;
  PetscInt     k, kf, f;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscCall(HtMLObjectLoadBegin(&HtPCAClass, (PetscObject)pca, viewer));
  PetscCall(HtPCALoadValues(pca, viewer, "singular_values", &k, &sv));
  PetscCall(HtPCALoadValues(pca, viewer, "components", &kf, &vt));
  PetscCall(HtPCALoadValues(pca, viewer, "mean", &f, &mean));
  PetscCall(HtMLModelLoadScalar((PetscObject)pca, viewer, "total_variance", &total));
  PetscCall(HtMLModelLoadScalar((PetscObject)pca, viewer, "n_samples_seen", &nseen));
  PetscCall(HtMLModelLoadScalar((PetscObject)pca, viewer, "whiten", &whiten));
  PetscCheck(PetscRealPart(nseen) >= 2 && k >= 1 && k <= PetscMin((PetscInt)PetscRealPart(nseen), f), PetscObjectComm((PetscObject)pca), PETSC_ERR_FILE_UNEXPECTED, "The model holds %" PetscInt_FMT " components of %" PetscInt_FMT " features from %" PetscInt_FMT " samples: not a PCA model", k, f, (PetscInt)PetscRealPart(nseen));
  PetscCheck(kf == k * f, PetscObjectComm((PetscObject)pca), PETSC_ERR_FILE_UNEXPECTED, "The model's components (%" PetscInt_FMT " values) do not match its %" PetscInt_FMT " singular values and %" PetscInt_FMT " means", kf, k, f);
  PetscCall(HtPCASetNumComponents(pca, k));
  PetscCall(HtPCASetWhiten(pca, (PetscBool)(PetscRealPart(whiten) != 0)));
  PetscCall(PetscMalloc1(k, &svr));
  for (PetscInt i = 0; i < k; i++) svr[i] = PetscRealPart(sv[i]);
  PetscCall(HtPCASetFactors_Private(pca, (PetscInt)PetscRealPart(nseen), f, k, PetscRealPart(total), svr, vt, mean));
  PetscCall(PetscFree(svr));
  PetscCall(PetscFree(sv));
  PetscCall(PetscFree(vt));
  PetscCall(PetscFree(mean));
  PetscTryTypeMethod(pca, load, viewer);
  PetscCall(HtPCASetModel_Private(pca));
  PetscCall(HtMLModelLoadScalar((PetscObject)pca, viewer, "noise_variance", &total));
  pca->noise_variance = PetscRealPart(total); /* of the training data's components left out, which the file does not hold */
  pca->reason         = HT_PCA_CONVERGED_DIRECT;
  PetscCall(HtMLObjectLoadEnd(&HtPCAClass, (PetscObject)pca));
  PetscFunctionReturn(PETSC_SUCCESS);
}
