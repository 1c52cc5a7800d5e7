/*
   HtDMD viewers: an ASCII summary, and the fitted model as HDF5 datasets that HtDMDLoad() reads back.
*/
#include <heat/private/dmdimpl.h>

/* rows of the eigenvalue table of the ASCII view */
#define HT_DMD_VIEW_ROWS 20

/* the leading eigenvalues, their continuous counterparts and amplitudes as a table */
static PetscErrorCode HtDMDViewEigenvalues(HtDMD dmd, PetscViewer viewer)
{
  const PetscScalar *e, *w, *b = NULL;
  HtTensor           omega;
  PetscInt           rows = PetscMin(dmd->r, HT_DMD_VIEW_ROWS);

  PetscFunctionBegin;
  PetscCall(HtDMDGetContinuousEigenvalues(dmd, &omega));
  PetscCall(HtTensorGetArrayRead(dmd->eig, &e));
  PetscCall(HtTensorGetArrayRead(omega, &w));
  if (dmd->modesvalid) PetscCall(HtTensorGetArrayRead(dmd->amplitudes, &b));
  PetscCall(PetscViewerASCIIPrintf(viewer, "mode  |eigenvalue|       real          imag      growth rate     frequency%s\n", b ? "    |amplitude|" : ""));
  for (PetscInt j = 0; j < rows; j++) {
    PetscReal a = PetscRealPart(e[2 * j]), c = PetscRealPart(e[2 * j + 1]);

    PetscCall(PetscViewerASCIIPrintf(viewer, "%4" PetscInt_FMT "  %12.10f  %12.10f  %12.10f  %12.6g  %12.6g", j, (double)PetscSqrtReal(a * a + c * c), (double)a, (double)c, (double)PetscRealPart(w[2 * j]), (double)PetscRealPart(w[2 * j + 1])));
    PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_FALSE));
    if (b) PetscCall(PetscViewerASCIIPrintf(viewer, "  %12.6g", (double)PetscSqrtReal(PetscRealPart(b[2 * j] * b[2 * j] + b[2 * j + 1] * b[2 * j + 1]))));
    PetscCall(PetscViewerASCIIPrintf(viewer, "\n"));
    PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_TRUE));
  }
  if (rows < dmd->r) PetscCall(PetscViewerASCIIPrintf(viewer, "(%" PetscInt_FMT " more)\n", dmd->r - rows));
  if (b) PetscCall(HtTensorRestoreArrayRead(dmd->amplitudes, &b));
  PetscCall(HtTensorRestoreArrayRead(omega, &w));
  PetscCall(HtTensorRestoreArrayRead(dmd->eig, &e));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtDMDView_ASCII(PetscObject obj, PetscViewer viewer)
{
  HtDMD dmd = (HtDMD)obj;

  PetscFunctionBegin;
  if (dmd->rank > 0) PetscCall(PetscViewerASCIIPrintf(viewer, "rank: %" PetscInt_FMT, dmd->rank));
  else PetscCall(PetscViewerASCIIPrintf(viewer, "rank: singular values above %g times the largest", (double)dmd->tol));
  PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_FALSE));
  PetscCall(PetscViewerASCIIPrintf(viewer, ", time step: %g\n", (double)dmd->dt));
  PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_TRUE));
  PetscTryTypeMethod(dmd, view, viewer);
  if (dmd->fitted) {
    PetscCall(PetscViewerASCIIPrintf(viewer, "fit: %s, rank %" PetscInt_FMT " from %" PetscInt_FMT " snapshots of %" PetscInt_FMT " state values\n", HtDMDConvergedReasons[dmd->reason], dmd->r, dmd->nsnap, dmd->n));
    PetscCall(HtDMDViewEigenvalues(dmd, viewer));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the model in the viewer's current group: the datasets eigenvalues, amplitudes, singular_values, modes, time_step,
   n_snapshots and the attributes heat_class and heat_type
*/
static PetscErrorCode HtDMDView_HDF5(PetscObject obj, PetscViewer viewer)
{
  HtDMD dmd = (HtDMD)obj;

  PetscFunctionBegin;
  PetscCall(HtDMDSetUpModes_Private(dmd));
  PetscCall(HtMLModelSaveTensor(viewer, dmd->eig, "eigenvalues"));
  PetscCall(HtMLModelSaveTensor(viewer, dmd->amplitudes, "amplitudes"));
  PetscCall(HtMLModelSaveTensor(viewer, dmd->sv, "singular_values"));
  PetscCall(HtMLModelSaveTensor(viewer, dmd->modes, "modes"));
  PetscCall(HtMLModelSaveScalar((PetscObject)dmd, viewer, "time_step", HT_SCALAR, dmd->dt));
  PetscCall(HtMLModelSaveScalar((PetscObject)dmd, viewer, "n_snapshots", HT_INT, (PetscScalar)dmd->nsnap));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDView - Shows a DMD object, or writes its fitted model.

   Collective

   Input Parameters:
+  dmd - the DMD object
-  viewer - ASCII (type, parameters and, after a fit, a table of the leading eigenvalues with their moduli, growth
            rates, frequencies and amplitudes) or HDF5 (datasets "eigenvalues", "amplitudes", "singular_values",
            "modes" (split 0), "time_step", "n_snapshots" in the current group, its attributes heat_class and
            heat_type; `HtDMDLoad()` reads them back)

   Options Database Key:
.  -ht_dmd_view [viewer] - after every `HtDMDFit()`, e.g. -ht_dmd_view hdf5:model.h5

   Level: beginner

.seealso: `HtDMDLoad()`, `HtDMDViewFromOptions()`
@*/
PetscErrorCode HtDMDView(HtDMD dmd, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscCall(HtMLObjectView(&HtDMDClass, (PetscObject)dmd, viewer, HtDMDView_ASCII, HtDMDView_HDF5));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDViewFromOptions - Views the object if an option asks for it.

   Collective

   Input Parameters:
+  dmd - the DMD object
.  obj - optional object whose prefix is used
-  name - the option, e.g. "-ht_dmd_view"

   Level: intermediate

.seealso: `HtDMDView()`
@*/
PetscErrorCode HtDMDViewFromOptions(HtDMD dmd, PetscObject obj, const char name[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscCall(PetscObjectViewFromOptions((PetscObject)dmd, obj, name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the dataset `name` of the model file, of ndim axes whose first ones are shape[] (-1: any), split as asked */
static PetscErrorCode HtDMDLoadTensor(HtDMD dmd, PetscViewer viewer, const char name[], PetscInt split, PetscInt ndim, const PetscInt shape[], HtTensor *t)
{
  const PetscInt *s;
  PetscInt        nd;
  PetscBool       ok;

  PetscFunctionBegin;
  if (split < 0) PetscCall(HtMLModelLoadTensor((PetscObject)dmd, viewer, name, t));
  else PetscCall(HtTensorLoad_HDF5(PetscObjectComm((PetscObject)dmd), viewer, name, split, t));
  PetscCall(HtTensorGetNDim(*t, &nd));
  PetscCall(HtTensorGetShape(*t, &s));
  ok = (PetscBool)(nd == ndim);
  for (PetscInt i = 0; ok && i < ndim; i++) ok = (PetscBool)(shape[i] < 0 || s[i] == shape[i]);
  PetscCheck(ok, PetscObjectComm((PetscObject)dmd), PETSC_ERR_FILE_UNEXPECTED, "The model's %s do not fit its %" PetscInt_FMT " eigenvalues: not a DMD model", name, dmd->r);
  PetscCall(HtTensorSetName(*t, name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDLoad - Loads a fitted model written by `HtDMDView()` with an HDF5 viewer, so that it can predict.

   Collective

   Input Parameters:
+  dmd - the DMD object
-  viewer - an HDF5 viewer opened for reading, in the group the model was written to

   Level: intermediate

   Note:
   The type, eigenvalues, amplitudes, singular values, modes (distributed along the state values), time step and
   number of snapshots are restored; the group must hold an HtDMD model (attribute heat_class), else the error says
   what it holds. A loaded model predicts and views, but takes no more snapshots.

.seealso: `HtDMDView()`, `HtDMDPredict()`
@*/
PetscErrorCode HtDMDLoad(HtDMD dmd, PetscViewer viewer)
{
  const PetscInt *shape;
  PetscScalar     dt, nsnap;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscCall(HtMLObjectLoadBegin(&HtDMDClass, (PetscObject)dmd, viewer));
  PetscCall(HtDMDReset(dmd));
  PetscTryTypeMethod(dmd, load, viewer);
  PetscCall(HtDMDLoadTensor(dmd, viewer, "eigenvalues", -1, 2, (PetscInt[]){-1, 2}, &dmd->eig));
  PetscCall(HtTensorGetShape(dmd->eig, &shape));
  dmd->r = shape[0];
  PetscCall(HtDMDLoadTensor(dmd, viewer, "amplitudes", -1, 2, (PetscInt[]){dmd->r, 2}, &dmd->amplitudes));
  PetscCall(HtDMDLoadTensor(dmd, viewer, "singular_values", -1, 1, (PetscInt[]){-1}, &dmd->sv));
  PetscCall(HtDMDLoadTensor(dmd, viewer, "modes", 0, 3, (PetscInt[]){-1, dmd->r, 2}, &dmd->modes));
  PetscCall(HtTensorGetShape(dmd->modes, &shape));
  dmd->n = shape[0];
  PetscCall(HtMLModelLoadScalar((PetscObject)dmd, viewer, "time_step", &dt));
  PetscCall(HtMLModelLoadScalar((PetscObject)dmd, viewer, "n_snapshots", &nsnap));
  PetscCheck(dmd->r >= 1 && PetscRealPart(dt) > 0, PetscObjectComm((PetscObject)dmd), PETSC_ERR_FILE_UNEXPECTED, "The model holds %" PetscInt_FMT " eigenvalues and time step %g: not a DMD model", dmd->r, (double)PetscRealPart(dt));
  dmd->dt         = PetscRealPart(dt);
  dmd->nsnap      = (PetscInt)PetscRealPart(nsnap);
  dmd->reason     = dmd->ops->partialfit ? HT_DMD_CONVERGED_SNAPSHOTS : HT_DMD_CONVERGED_DIRECT;
  dmd->modesvalid = PETSC_TRUE;
  dmd->loaded     = PETSC_TRUE;
  PetscCall(HtMLObjectLoadEnd(&HtDMDClass, (PetscObject)dmd));
  PetscFunctionReturn(PETSC_SUCCESS);
}
