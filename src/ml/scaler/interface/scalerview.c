/*
   HtScaler viewers: an ASCII summary with the fitted statistics, and the fitted model as HDF5 datasets that
   HtScalerLoad() reads back.
*/
#include <heat/private/scalerimpl.h>

/* one line "name: v_1 v_2 ... v_F" of a replicated statistic */
static PetscErrorCode HtScalerViewStat(PetscViewer viewer, const char name[], HtTensor t)
{
  const PetscScalar *v;
  PetscInt           n;

  PetscFunctionBegin;
  PetscCall(HtTensorGetLocalSize(t, &n));
  PetscCall(HtTensorGetArrayRead(t, &v));
  PetscCall(PetscViewerASCIIPrintf(viewer, "%s:", name));
  PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_FALSE));
  for (PetscInt j = 0; j < n; j++) PetscCall(PetscViewerASCIIPrintf(viewer, " %.10g", (double)PetscRealPart(v[j])));
  PetscCall(PetscViewerASCIIPrintf(viewer, "\n"));
  PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_TRUE));
  PetscCall(HtTensorRestoreArrayRead(t, &v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the value of parameter p (at v) as the summary shows it */
static PetscErrorCode HtScalerParameterString(const HtScalerParameter *p, const void *v, char str[], size_t len)
{
  const PetscReal *r = (const PetscReal *)v;

  PetscFunctionBegin;
  if (p->type == PETSC_BOOL) PetscCall(PetscStrncpy(str, *(const PetscBool *)v ? "true" : "false", len));
  else if (p->type == PETSC_ENUM) PetscCall(PetscStrncpy(str, p->names[*(const PetscEnum *)v], len));
  else if (p->n == 2) PetscCall(PetscSNPrintf(str, len, "[%g, %g]", (double)r[0], (double)r[1]));
  else PetscCall(PetscSNPrintf(str, len, "%g", (double)r[0]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* one line "name: value, name: value, ..." of the type's parameters */
static PetscErrorCode HtScalerViewParameters(HtScaler sc, PetscViewer viewer)
{
  char line[1024] = "", value[128];

  PetscFunctionBegin;
  if (!sc->nparams) PetscFunctionReturn(PETSC_SUCCESS);
  for (PetscInt i = 0; i < sc->nparams; i++) {
    const HtScalerParameter *p = &sc->params[i];

    PetscCall(HtScalerParameterString(p, (const char *)sc->data + p->offset, value, sizeof(value)));
    if (i) PetscCall(PetscStrlcat(line, ", ", sizeof(line)));
    PetscCall(PetscStrlcat(line, p->name, sizeof(line)));
    PetscCall(PetscStrlcat(line, ": ", sizeof(line)));
    PetscCall(PetscStrlcat(line, value, sizeof(line)));
  }
  PetscCall(PetscViewerASCIIPrintf(viewer, "%s\n", line));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the model attribute of value k of parameter p: its name, or <name>_min and <name>_max for a range */
static PetscErrorCode HtScalerParameterAttribute(const HtScalerParameter *p, PetscInt k, char attr[], size_t len)
{
  PetscFunctionBegin;
  if (p->n == 2) PetscCall(PetscSNPrintf(attr, len, "%s_%s", p->name, k ? "max" : "min"));
  else PetscCall(PetscStrncpy(attr, p->name, len));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the type's parameters as attributes of the model's group; an enum as its name */
static PetscErrorCode HtScalerSaveParameters(HtScaler sc, PetscViewer viewer)
{
  char attr[128];

  PetscFunctionBegin;
  for (PetscInt i = 0; i < sc->nparams; i++) {
    const HtScalerParameter *p = &sc->params[i];
    const char              *v = (const char *)sc->data + p->offset;

    for (PetscInt k = 0; k < p->n; k++) {
      PetscCall(HtScalerParameterAttribute(p, k, attr, sizeof(attr)));
      if (p->type == PETSC_ENUM) PetscCall(HtMLModelSaveAttribute(viewer, attr, PETSC_STRING, p->names[*(const PetscEnum *)v]));
      else PetscCall(HtMLModelSaveAttribute(viewer, attr, p->type, p->type == PETSC_REAL ? (const void *)((const PetscReal *)v + k) : (const void *)v));
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the type's parameters from the attributes HtScalerSaveParameters() wrote */
static PetscErrorCode HtScalerLoadParameters(HtScaler sc, PetscViewer viewer)
{
  char attr[128];

  PetscFunctionBegin;
  for (PetscInt i = 0; i < sc->nparams; i++) {
    const HtScalerParameter *p = &sc->params[i];
    char                    *v = (char *)sc->data + p->offset;

    for (PetscInt k = 0; k < p->n; k++) {
      PetscCall(HtScalerParameterAttribute(p, k, attr, sizeof(attr)));
      if (p->type == PETSC_ENUM) {
        char     *name;
        PetscInt  idx, nnames = 0;
        PetscBool found;

        while (p->names[nnames]) nnames++;
        PetscCall(HtMLModelLoadAttribute((PetscObject)sc, viewer, attr, PETSC_STRING, &name));
        PetscCall(PetscEListFind(nnames, p->names, name, &idx, &found));
        PetscCheck(found, PetscObjectComm((PetscObject)sc), PETSC_ERR_FILE_UNEXPECTED, "The %s model has the unknown %s '%s'", ((PetscObject)sc)->type_name, attr, name);
        PetscCall(PetscFree(name));
        *(PetscEnum *)v = (PetscEnum)idx;
      } else PetscCall(HtMLModelLoadAttribute((PetscObject)sc, viewer, attr, p->type, p->type == PETSC_REAL ? (void *)((PetscReal *)v + k) : (void *)v));
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScalerView_ASCII(PetscObject obj, PetscViewer viewer)
{
  HtScaler sc = (HtScaler)obj;

  PetscFunctionBegin;
  PetscCall(HtScalerViewParameters(sc, viewer));
  PetscTryTypeMethod(sc, view, viewer);
  if (sc->fitted) {
    PetscCall(PetscViewerASCIIPrintf(viewer, "fitted on %" PetscInt_FMT " samples of %" PetscInt_FMT " features\n", sc->nsamples, sc->nfeatures));
    for (PetscInt k = 0; k < HT_SCALER_NUM_STATS; k++)
      if (sc->stat[k]) PetscCall(HtScalerViewStat(viewer, HtScalerStats[k], sc->stat[k]));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the model in the viewer's current group: the datasets n_samples_seen, n_features_in and the type's statistics,
   the attributes heat_class and heat_type, the type's parameters, and what the type adds
*/
static PetscErrorCode HtScalerView_HDF5(PetscObject obj, PetscViewer viewer)
{
  HtScaler sc = (HtScaler)obj;

  PetscFunctionBegin;
  PetscCall(HtMLModelSaveScalar((PetscObject)sc, viewer, "n_samples_seen", HT_INT, (PetscScalar)sc->nsamples));
  PetscCall(HtMLModelSaveScalar((PetscObject)sc, viewer, "n_features_in", HT_INT, (PetscScalar)sc->nfeatures));
  for (PetscInt k = 0; k < HT_SCALER_NUM_STATS; k++)
    if (sc->stat[k]) PetscCall(HtMLModelSaveTensor(viewer, sc->stat[k], HtScalerStats[k]));
  PetscCall(HtScalerSaveParameters(sc, viewer));
  PetscTryTypeMethod(sc, view, viewer);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerView - Shows a scaling object, or writes its fitted model.

   Collective

   Input Parameters:
+  sc - the scaling object
-  viewer - ASCII (type, parameters and, after a fit, the numbers of samples and features and every fitted
            statistic) or HDF5 (datasets "n_samples_seen", "n_features_in" and the statistics, named as the getters'
            tensors: "mean", "var", "scale", "center", "max_abs", "data_min", "data_max", "min", in the current group,
            its attributes heat_class and heat_type, and the type's parameters; `HtScalerLoad()` reads them back)

   Options Database Key:
.  -ht_scaler_view [viewer] - after every fit, e.g. -ht_scaler_view hdf5:model.h5

   Level: beginner

.seealso: `HtScalerLoad()`, `HtScalerViewFromOptions()`
@*/
PetscErrorCode HtScalerView(HtScaler sc, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscCall(HtMLObjectView(&HtScalerClass, (PetscObject)sc, viewer, HtScalerView_ASCII, HtScalerView_HDF5));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerViewFromOptions - Views the object if an option asks for it.

   Collective

   Input Parameters:
+  sc - the scaling object
.  obj - optional object whose prefix is used
-  name - the option, e.g. "-ht_scaler_view"

   Level: intermediate

.seealso: `HtScalerView()`
@*/
PetscErrorCode HtScalerViewFromOptions(HtScaler sc, PetscObject obj, const char name[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscCall(PetscObjectViewFromOptions((PetscObject)sc, obj, name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerLoad - Loads a fitted model written by `HtScalerView()` with an HDF5 viewer, so that it can transform.

   Collective

   Input Parameters:
+  sc - the scaling object
-  viewer - an HDF5 viewer opened for reading, in the group the model was written to

   Level: intermediate

   Note:
   The type, its parameters, the numbers of samples and features of the fit and the statistics are restored, so
   the loaded object transforms as the one that wrote the model. The group must hold an HtScaler model (attribute
   heat_class), else the error says what it holds.

.seealso: `HtScalerView()`, `HtScalerTransform()`
@*/
PetscErrorCode HtScalerLoad(HtScaler sc, PetscViewer viewer)
{
  PetscScalar nsamples, nfeatures;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscCall(HtMLObjectLoadBegin(&HtScalerClass, (PetscObject)sc, viewer));
  PetscCall(HtScalerReset(sc));
  PetscCall(HtScalerLoadParameters(sc, viewer));
  PetscTryTypeMethod(sc, load, viewer);
  PetscCall(HtMLModelLoadScalar((PetscObject)sc, viewer, "n_samples_seen", &nsamples));
  PetscCall(HtMLModelLoadScalar((PetscObject)sc, viewer, "n_features_in", &nfeatures));
  for (PetscInt k = 0; k < HT_SCALER_NUM_STATS; k++) {
    PetscBool has;

    PetscCall(PetscViewerHDF5HasDataset(viewer, HtScalerStats[k], &has));
    if (has) PetscCall(HtMLModelLoadTensor((PetscObject)sc, viewer, HtScalerStats[k], &sc->stat[k]));
  }
  sc->nsamples  = (PetscInt)PetscRealPart(nsamples);
  sc->nfeatures = (PetscInt)PetscRealPart(nfeatures);
  PetscCall(HtMLObjectLoadEnd(&HtScalerClass, (PetscObject)sc));
  PetscFunctionReturn(PETSC_SUCCESS);
}
