/*
   HtClassifier viewers: an ASCII summary, and the fitted model as HDF5 datasets that HtClassifierLoad() reads back.
*/
#include <heat/private/classifierimpl.h>

static PetscErrorCode HtClassifierView_ASCII(PetscObject obj, PetscViewer viewer)
{
  HtClassifier cl = (HtClassifier)obj;

  PetscFunctionBegin;
  if (cl->fitted) {
    PetscCall(PetscViewerASCIIPrintf(viewer, "fit: %s after %" PetscInt_FMT " iterations, %" PetscInt_FMT " samples x %" PetscInt_FMT " features, %" PetscInt_FMT " classes:", HtClassifierConvergedReasons[cl->reason], cl->its, cl->nsamples, cl->nfeatures, cl->nclasses));
    PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_FALSE));
    for (PetscInt c = 0; c < cl->nclasses; c++) PetscCall(PetscViewerASCIIPrintf(viewer, " %" PetscInt_FMT, cl->classes[c]));
    PetscCall(PetscViewerASCIIPrintf(viewer, "\n"));
    PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_TRUE));
  }
  PetscTryTypeMethod(cl, view, viewer);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the model in the viewer's current group: the datasets classes, n_features, n_samples, n_iter, the attributes heat_class and heat_type, and what the type adds */
static PetscErrorCode HtClassifierView_HDF5(PetscObject obj, PetscViewer viewer)
{
  HtClassifier cl = (HtClassifier)obj;

  PetscFunctionBegin;
  PetscCall(HtMLModelSaveTensor(viewer, cl->classestensor, "classes"));
  PetscCall(HtMLModelSaveScalar((PetscObject)cl, viewer, "n_features", HT_INT, (PetscScalar)cl->nfeatures));
  PetscCall(HtMLModelSaveScalar((PetscObject)cl, viewer, "n_samples", HT_INT, (PetscScalar)cl->nsamples));
  PetscCall(HtMLModelSaveScalar((PetscObject)cl, viewer, "n_iter", HT_INT, (PetscScalar)cl->its));
  PetscTryTypeMethod(cl, view, viewer);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierView - Shows a classifier object, or writes its fitted model.

   Collective

   Input Parameters:
+  cl - the classifier object
-  viewer - ASCII (type, parameters and, after a fit, the classes and the type's model) or HDF5 (datasets "classes",
            "n_features", "n_samples", "n_iter" and the type's model in the current group, its attributes heat_class
            and heat_type; `HtClassifierLoad()` reads them back)

   Options Database Key:
.  -ht_classifier_view [viewer] - after every fit, e.g. -ht_classifier_view hdf5:model.h5

   Level: beginner

.seealso: `HtClassifierLoad()`, `HtClassifierViewFromOptions()`
@*/
PetscErrorCode HtClassifierView(HtClassifier cl, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscCall(HtMLObjectView(&HtClassifierClass, (PetscObject)cl, viewer, HtClassifierView_ASCII, HtClassifierView_HDF5));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierViewFromOptions - Views the object if an option asks for it.

   Collective

   Input Parameters:
+  cl - the classifier object
.  obj - optional object whose prefix is used
-  name - the option, e.g. "-ht_classifier_view"

   Level: intermediate

.seealso: `HtClassifierView()`
@*/
PetscErrorCode HtClassifierViewFromOptions(HtClassifier cl, PetscObject obj, const char name[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscCall(PetscObjectViewFromOptions((PetscObject)cl, obj, name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtClassifierLoadValues_Private - the n values of the replicated dataset `name` of a model file, in values[] */
PetscErrorCode HtClassifierLoadValues_Private(HtClassifier cl, PetscViewer viewer, const char name[], PetscInt n, PetscScalar values[])
{
  HtTensor           t;
  const PetscScalar *a;
  PetscInt           size;

  PetscFunctionBegin;
  PetscCall(HtMLModelLoadTensor((PetscObject)cl, viewer, name, &t));
  PetscCall(HtTensorGetLocalSize(t, &size));
  PetscCheck(size == n, PetscObjectComm((PetscObject)cl), PETSC_ERR_FILE_UNEXPECTED, "The model's %s holds %" PetscInt_FMT " values, not %" PetscInt_FMT, name, size, n);
  PetscCall(HtTensorGetArrayRead(t, &a));
  PetscCall(PetscArraycpy(values, a, n));
  PetscCall(HtTensorRestoreArrayRead(t, &a));
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierLoad - Loads a fitted model written by `HtClassifierView()` with an HDF5 viewer, so that it can predict.

   Collective

   Input Parameters:
+  cl - the classifier object
-  viewer - an HDF5 viewer opened for reading, in the group the model was written to

   Level: intermediate

   Note:
   The type, the classes, the number of features and the type's model and parameters are restored. The group must
   hold an HtClassifier model (attribute heat_class), else the error says what it holds.

.seealso: `HtClassifierView()`, `HtClassifierPredict()`
@*/
PetscErrorCode HtClassifierLoad(HtClassifier cl, PetscViewer viewer)
{
  HtTensor        classes;
  const PetscInt *c;
  PetscInt        nc;
  PetscScalar     nf, ns, its;
  HtDType         dtype;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscCall(HtMLObjectLoadBegin(&HtClassifierClass, (PetscObject)cl, viewer));
  PetscCall(HtClassifierReset(cl));
  PetscCall(HtMLModelLoadTensor((PetscObject)cl, viewer, "classes", &classes));
  PetscCall(HtTensorGetDType(classes, &dtype));
  PetscCheck(dtype == HT_INT, PetscObjectComm((PetscObject)cl), PETSC_ERR_FILE_UNEXPECTED, "The model's classes are not integer labels: not a classifier model");
  PetscCall(HtTensorGetLocalSize(classes, &nc));
  PetscCall(HtTensorGetArrayRead(classes, &c));
  PetscCall(HtClassifierSetClasses_Private(cl, nc, c));
  PetscCall(HtTensorRestoreArrayRead(classes, &c));
  PetscCall(HtTensorDestroy(&classes));
  PetscCall(HtMLModelLoadScalar((PetscObject)cl, viewer, "n_features", &nf));
  PetscCall(HtMLModelLoadScalar((PetscObject)cl, viewer, "n_samples", &ns));
  PetscCall(HtMLModelLoadScalar((PetscObject)cl, viewer, "n_iter", &its));
  cl->nfeatures = (PetscInt)PetscRealPart(nf);
  cl->nsamples  = (PetscInt)PetscRealPart(ns);
  cl->its       = (PetscInt)PetscRealPart(its);
  PetscCheck(cl->nfeatures >= 1, PetscObjectComm((PetscObject)cl), PETSC_ERR_FILE_UNEXPECTED, "The model has %" PetscInt_FMT " features: not a classifier model", cl->nfeatures);
  PetscCall(HtClassifierSetUp(cl));
  PetscUseTypeMethod(cl, load, viewer);
  cl->reason = cl->its ? HT_CLASSIFIER_CONVERGED_TOL : HT_CLASSIFIER_CONVERGED_DIRECT;
  PetscCall(HtMLObjectLoadEnd(&HtClassifierClass, (PetscObject)cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}
