static const char help[] = "Tutorial 1: load a table in parallel, reduce it, save it as HDF5.\n"
                           "  -i FILE   input table (default ../share/heat/datasets/iris.csv)\n"
                           "  -o FILE   output HDF5 file (default: none)\n\n";

#include <heat.h>

int main(int argc, char **argv)
{
  HtTensor  X, noise, mean, std;
  char      in[PETSC_MAX_PATH_LEN] = "../share/heat/datasets/iris.csv", out[PETSC_MAX_PATH_LEN] = "";
  PetscInt  n = 4;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-i", in, sizeof(in), NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-o", out, sizeof(out), NULL));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, in, "data", 0, &X));          /* rows split over the ranks */
  PetscCall(HtTensorDescribe(X, NULL, &mean, NULL, &std));                /* per-column mean and std */
  PetscCall(HtTensorView(mean, PETSC_VIEWER_STDOUT_WORLD));
  PetscCall(HtTensorView(std, PETSC_VIEWER_STDOUT_WORLD));
  PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 1, &n, 0, 2024, &noise));      /* same numbers on any rank count */
  PetscCall(HtTensorView(noise, PETSC_VIEWER_STDOUT_WORLD));
  if (out[0]) PetscCall(HtTensorSave(X, out, "data"));                     /* parallel HDF5 write */
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtTensorDestroy(&noise));
  PetscCall(HtTensorDestroy(&mean));
  PetscCall(HtTensorDestroy(&std));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     suffix: iris
     nsize: {{1 2 3 4}}
     filter: grep -v "MPI process"
TEST*/
