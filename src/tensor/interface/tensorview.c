/*
   HtTensor viewers: ASCII (summary and, for small tensors, the values) and HDF5.
*/
#include <heat/private/tensorimpl.h>

#define HT_VIEW_MAX_VALUES 1000 /* larger tensors show only their summary */

/* appends one element to a line buffer */
static PetscErrorCode HtTensorFormatValue(HtDType dtype, const void *a, PetscInt i, char line[], size_t len)
{
  PetscScalar v = HtElementGet(dtype, a, i);
  size_t      used;

  PetscFunctionBegin;
  PetscCall(PetscStrlen(line, &used));
  if (dtype == HT_SCALAR) PetscCall(PetscSNPrintf(line + used, len - used, "%.10g", (double)PetscRealPart(v)));
  else if (dtype == HT_INT) PetscCall(PetscSNPrintf(line + used, len - used, "%" PetscInt_FMT, (PetscInt)PetscRealPart(v)));
  else PetscCall(PetscSNPrintf(line + used, len - used, "%s", PetscRealPart(v) != 0 ? "true" : "false"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* values of a replicated tensor as nested lists, one innermost row per line (NumPy style) */
static PetscErrorCode HtTensorViewValues_ASCII(HtTensor full, PetscViewer viewer)
{
  const void *a;
  PetscInt    rowlen = full->ndim ? full->shape[full->ndim - 1] : 1, nrows = rowlen ? full->size / rowlen : 0;
  size_t      len    = (size_t)(32 * rowlen + 2 * full->ndim + 64);
  char       *line;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(len, &line));
  PetscCall(HtTensorGetArrayRead(full, &a));
  if (full->ndim == 0) {
    line[0] = 0;
    PetscCall(HtTensorFormatValue(full->dtype, a, 0, line, len));
    PetscCall(PetscViewerASCIIPrintf(viewer, "%s\n", line));
  } else if (full->size == 0) PetscCall(PetscViewerASCIIPrintf(viewer, "[]\n"));
  for (PetscInt r = 0; full->ndim && r < nrows; r++) {
    PetscInt opened = 0, closed = 0, idx = r;

    /* a bracket opens (closes) for every axis but the last whose index is first (last) at this row */
    for (PetscInt d = full->ndim - 2; d >= 0 && idx % full->shape[d] == 0; d--, opened++) idx /= full->shape[d];
    idx = r;
    for (PetscInt d = full->ndim - 2; d >= 0 && idx % full->shape[d] == full->shape[d] - 1; d--, closed++) idx /= full->shape[d];
    PetscCall(PetscSNPrintf(line, len, "%*s", (int)(full->ndim - 1 - opened), ""));
    for (PetscInt k = 0; k <= opened; k++) PetscCall(PetscStrlcat(line, "[", len));
    for (PetscInt j = 0; j < rowlen; j++) {
      if (j) PetscCall(PetscStrlcat(line, ", ", len));
      PetscCall(HtTensorFormatValue(full->dtype, a, r * rowlen + j, line, len));
    }
    for (PetscInt k = 0; k <= closed; k++) PetscCall(PetscStrlcat(line, "]", len));
    PetscCall(PetscViewerASCIIPrintf(viewer, "%s%s\n", line, r == nrows - 1 ? "" : ","));
  }
  PetscCall(HtTensorRestoreArrayRead(full, &a));
  PetscCall(PetscFree(line));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorView_ASCII(HtTensor t, PetscViewer viewer)
{
  PetscViewerFormat format;
  char              shape[256];
  PetscMPIInt       rank;

  PetscFunctionBegin;
  PetscCall(PetscViewerGetFormat(viewer, &format));
  PetscCall(PetscObjectPrintClassNamePrefixType((PetscObject)t, viewer));
  PetscCall(HtShapeToString(t->ndim, t->shape, shape, sizeof(shape)));
  PetscCall(PetscViewerASCIIPushTab(viewer));
  PetscCall(PetscViewerASCIIPrintf(viewer, "shape %s, split %" PetscInt_FMT ", dtype %s\n", shape, t->split, HtDTypes[t->dtype]));
  if (format == PETSC_VIEWER_ASCII_INFO_DETAIL) {
    PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)t), &rank));
    PetscCall(HtShapeToString(t->ndim, t->lshape, shape, sizeof(shape)));
    PetscCall(PetscViewerASCIIPushSynchronized(viewer));
    PetscCall(PetscViewerASCIISynchronizedPrintf(viewer, "  [%d] local shape %s, split range [%" PetscInt_FMT ", %" PetscInt_FMT ")\n", rank, shape, t->map ? t->map->rstart : 0, t->map ? t->map->rend : 0));
    PetscCall(PetscViewerFlush(viewer));
    PetscCall(PetscViewerASCIIPopSynchronized(viewer));
  }
  if (format != PETSC_VIEWER_ASCII_INFO && t->size <= HT_VIEW_MAX_VALUES) {
    HtTensor full;

    PetscCall(HtTensorResplit(t, -1, &full));
    PetscCall(HtTensorViewValues_ASCII(full, viewer));
    PetscCall(HtTensorDestroy(&full));
  }
  PetscCall(PetscViewerASCIIPopTab(viewer));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorView - Shows a tensor.

   Collective

   Input Parameters:
+  t - the tensor
-  viewer - an ASCII viewer (shape, split, dtype and, up to 1000 elements, the values in global
            row-major order, printed once; `PETSC_VIEWER_ASCII_INFO` prints only the summary and
            `PETSC_VIEWER_ASCII_INFO_DETAIL` adds every rank's block) or an HDF5 viewer (writes the
            tensor as a dataset named after the tensor in the viewer's current group)

   Options Database Key:
.  -ht_tensor_view - with `HtTensorViewFromOptions()`

   Level: beginner

.seealso: `HtTensorViewFromOptions()`, `HtTensorSave()`, `PetscViewerHDF5Open()`
@*/
PetscErrorCode HtTensorView(HtTensor t, PetscViewer viewer)
{
  PetscBool isascii, ishdf5;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  if (!viewer) PetscCall(PetscViewerASCIIGetStdout(PetscObjectComm((PetscObject)t), &viewer));
  PetscValidHeaderSpecific(viewer, PETSC_VIEWER_CLASSID, 2);
  PetscCheckSameComm(t, 1, viewer, 2);
  PetscCall(PetscLogEventBegin(HT_TENSOR_View, t, 0, 0, 0));
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERASCII, &isascii));
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERHDF5, &ishdf5));
  if (isascii) PetscCall(HtTensorView_ASCII(t, viewer));
  else if (ishdf5) PetscCall(HtTensorView_HDF5(t, viewer));
  else SETERRQ(PetscObjectComm((PetscObject)t), PETSC_ERR_SUP, "HtTensorView() supports ASCII and HDF5 viewers, not %s", ((PetscObject)viewer)->type_name);
  PetscCall(PetscLogEventEnd(HT_TENSOR_View, t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorViewFromOptions - Views a tensor if an option asks for it.

   Collective

   Input Parameters:
+  t - the tensor
.  obj - optional object whose prefix is used
-  name - the option, such as "-ht_tensor_view"

   Level: intermediate

.seealso: `HtTensorView()`, `PetscObjectViewFromOptions()`
@*/
PetscErrorCode HtTensorViewFromOptions(HtTensor t, PetscObject obj, const char name[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscCall(PetscObjectViewFromOptions((PetscObject)t, obj, name));
  PetscFunctionReturn(PETSC_SUCCESS);
}
