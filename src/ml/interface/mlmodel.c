/*
   Model files of the ML classes: a fitted model is the current group of an HDF5 viewer, holding named tensors
   (datasets: centers, labels, components, ... and 0-d datasets for single results such as the inertia) and
   attributes of the group: heat_class and heat_type (which object and type wrote it), and the parameters a type
   needs to predict again. A class's View (HDF5 viewer) calls HtMLModelSaveBegin() and then saves its tensors, and its
   type's view op what only the type knows; Load reads them back in the same order.
*/
#include <heat/private/mlimpl.h>

/* HtMLViewerIsModelFile - whether the viewer is an HDF5 viewer (a model file) */
PetscErrorCode HtMLViewerIsModelFile(PetscObject obj, PetscViewer viewer, PetscBool *ishdf5)
{
  PetscFunctionBegin;
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERHDF5, ishdf5));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLModelSaveAttribute - an attribute (one value of a PETSc data type, or a string) of the viewer's current group */
PetscErrorCode HtMLModelSaveAttribute(PetscViewer viewer, const char name[], PetscDataType type, const void *value)
{
  PetscFunctionBegin;
  PetscCall(PetscViewerHDF5WriteAttribute(viewer, NULL, name, type, value));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLModelSaveBegin - starts a model in the viewer's current group: the attributes heat_class and heat_type */
PetscErrorCode HtMLModelSaveBegin(PetscObject obj, PetscViewer viewer)
{
  PetscBool ishdf5;

  PetscFunctionBegin;
  PetscCall(HtMLViewerIsModelFile(obj, viewer, &ishdf5));
  PetscCheck(ishdf5, PetscObjectComm(obj), PETSC_ERR_SUP, "A %s model is written to an HDF5 viewer, not %s", obj->class_name, ((PetscObject)viewer)->type_name);
  PetscCall(HtMLModelSaveAttribute(viewer, "heat_class", PETSC_STRING, obj->class_name));
  PetscCall(HtMLModelSaveAttribute(viewer, "heat_type", PETSC_STRING, obj->type_name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLModelSaveTensor - the tensor t as the dataset `name` of the current group (t is renamed so) */
PetscErrorCode HtMLModelSaveTensor(PetscViewer viewer, HtTensor t, const char name[])
{
  PetscFunctionBegin;
  PetscCall(HtTensorSetName(t, name));
  PetscCall(HtTensorView(t, viewer));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLModelSaveScalar - one value as the 0-d dataset `name` of dtype HT_SCALAR or HT_INT */
PetscErrorCode HtMLModelSaveScalar(PetscObject obj, PetscViewer viewer, const char name[], HtDType dtype, PetscScalar value)
{
  HtTensor t;

  PetscFunctionBegin;
  PetscCall(HtTensorFull(PetscObjectComm(obj), 0, NULL, -1, dtype, value, &t));
  PetscCall(HtMLModelSaveTensor(viewer, t, name));
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMLModelLoadBegin - checks that the viewer's current group holds a model of the object's class, and gives the
   type that wrote it (free it with PetscFree())
*/
PetscErrorCode HtMLModelLoadBegin(PetscObject obj, PetscViewer viewer, char **type)
{
  MPI_Comm    comm = PetscObjectComm(obj);
  const char *fname;
  char       *cls = NULL;
  PetscBool   ishdf5, has, same;

  PetscFunctionBegin;
  PetscCall(HtMLViewerIsModelFile(obj, viewer, &ishdf5));
  PetscCheck(ishdf5, comm, PETSC_ERR_SUP, "%sLoad() reads an HDF5 viewer, not %s", obj->class_name, ((PetscObject)viewer)->type_name);
  PetscCall(PetscViewerFileGetName(viewer, &fname));
  PetscCall(PetscViewerHDF5HasAttribute(viewer, NULL, "heat_class", &has));
  PetscCheck(has, comm, PETSC_ERR_FILE_UNEXPECTED, "'%s' holds no Heat model in this group (no attribute heat_class); write one with %sView() and an HDF5 viewer", fname, obj->class_name);
  PetscCall(PetscViewerHDF5ReadAttribute(viewer, NULL, "heat_class", PETSC_STRING, NULL, &cls));
  PetscCall(PetscStrcmp(cls, obj->class_name, &same));
  PetscCheck(same, comm, PETSC_ERR_FILE_UNEXPECTED, "'%s' holds a %s model, not a %s one", fname, cls, obj->class_name);
  PetscCall(PetscFree(cls));
  PetscCall(PetscViewerHDF5ReadAttribute(viewer, NULL, "heat_type", PETSC_STRING, NULL, type));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLModelLoadTensor - the dataset `name` of the current group as a new replicated tensor */
PetscErrorCode HtMLModelLoadTensor(PetscObject obj, PetscViewer viewer, const char name[], HtTensor *t)
{
  PetscFunctionBegin;
  PetscCall(HtTensorLoad_HDF5(PetscObjectComm(obj), viewer, name, -1, t));
  PetscCall(HtTensorSetName(*t, name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLModelLoadScalar - the value of the 0-d dataset `name` (HT_SCALAR or HT_INT) */
PetscErrorCode HtMLModelLoadScalar(PetscObject obj, PetscViewer viewer, const char name[], PetscScalar *value)
{
  HtTensor    t, s;
  const void *a;

  PetscFunctionBegin;
  PetscCall(HtMLModelLoadTensor(obj, viewer, name, &t));
  PetscCall(HtTensorAsType(t, HT_SCALAR, &s));
  PetscCall(HtTensorGetArrayRead(s, &a));
  *value = ((const PetscScalar *)a)[0];
  PetscCall(HtTensorRestoreArrayRead(s, &a));
  PetscCall(HtTensorDestroy(&s));
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLModelLoadAttribute - an attribute of the current group written by HtMLModelSaveAttribute() (strings are allocated) */
PetscErrorCode HtMLModelLoadAttribute(PetscObject obj, PetscViewer viewer, const char name[], PetscDataType type, void *value)
{
  PetscBool has;

  PetscFunctionBegin;
  PetscCall(PetscViewerHDF5HasAttribute(viewer, NULL, name, &has));
  PetscCheck(has, PetscObjectComm(obj), PETSC_ERR_FILE_UNEXPECTED, "The %s model has no attribute %s; was it written by this version of Heat?", obj->class_name, name);
  PetscCall(PetscViewerHDF5ReadAttribute(viewer, NULL, name, type, NULL, value));
  PetscFunctionReturn(PETSC_SUCCESS);
}
