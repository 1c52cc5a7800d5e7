/*
   The pictures of the ML classes: what -ht_<class>_view draw shows goes through the tensor layer's scatter plots.
*/
#include <heat/private/mlimpl.h>

/*
   HtMLViewScatter - draws the (N, 2) points xy coloured by labels (or NULL) in the draw viewer, and with
   -ht_view_png FILE.png (under the object's prefix) also writes the same plot as a PNG file
*/
PetscErrorCode HtMLViewScatter(PetscObject obj, HtTensor xy, HtTensor labels, const char title[], const char legend[], PetscViewer viewer)
{
  char      png[PETSC_MAX_PATH_LEN] = "";
  PetscBool set;

  PetscFunctionBegin;
  PetscObjectOptionsBegin(obj);
  PetscCall(PetscOptionsString("-ht_view_png", "Write the picture of the draw viewer also as a PNG file", "HtTensorSaveScatterPNG", png, png, sizeof(png), &set));
  PetscOptionsEnd();
  if (set) PetscCall(HtTensorSaveScatterPNG(xy, labels, title, legend, png));
  PetscCall(HtTensorViewScatter(xy, labels, title, legend, viewer));
  PetscFunctionReturn(PETSC_SUCCESS);
}
