static const char help[] = "Tests the HtTensor factories: Zeros, Ones, Full, Arange, Linspace, Eye, CreateFromLocalArray, CreateWithArray.\n\n";

#include <heat.h>

static PetscErrorCode ViewAndDestroy(HtTensor *t, const char name[])
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorSetName(*t, name));
  PetscCall(HtTensorView(*t, PETSC_VIEWER_STDOUT_WORLD));
  PetscCall(HtTensorDestroy(t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  MPI_Comm    comm;
  PetscInt    shape[2] = {4, 3}, split = 0, rstart, rend, nlocal;
  PetscMPIInt rank, size;
  HtTensor    t;
  PetscScalar local[12], *mine;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  comm = PETSC_COMM_WORLD;
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-split", &split, NULL));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCallMPI(MPI_Comm_size(comm, &size));

  PetscCall(HtTensorZeros(comm, 2, shape, split, HT_SCALAR, &t));
  PetscCall(ViewAndDestroy(&t, "zeros"));
  PetscCall(HtTensorOnes(comm, 2, shape, split, HT_INT, &t));
  PetscCall(ViewAndDestroy(&t, "ones_int"));
  PetscCall(HtTensorFull(comm, 2, shape, split, HT_SCALAR, -2.5, &t));
  PetscCall(ViewAndDestroy(&t, "full"));
  PetscCall(HtTensorFull(comm, 2, shape, split, HT_BOOL, 3.0, &t));
  PetscCall(ViewAndDestroy(&t, "full_bool"));
  PetscCall(HtTensorFull(comm, 0, NULL, -1, HT_SCALAR, 7.0, &t));
  PetscCall(ViewAndDestroy(&t, "scalar0d"));
  shape[0] = 0;
  PetscCall(HtTensorZeros(comm, 2, shape, split, HT_SCALAR, &t));
  PetscCall(ViewAndDestroy(&t, "empty"));
  shape[0] = 4;

  /* NumPy: arange(1, 2, 0.3) = [1, 1.3, 1.6, 1.9]; arange(10, 0, -3) = [10, 7, 4, 1]; arange(5, 5) = [] */
  PetscCall(HtTensorArange(comm, 1, 2, 0.3, split > 0 ? 0 : split, HT_SCALAR, &t));
  PetscCall(ViewAndDestroy(&t, "arange"));
  PetscCall(HtTensorArange(comm, 10, 0, -3, split > 0 ? 0 : split, HT_INT, &t));
  PetscCall(ViewAndDestroy(&t, "arange_int"));
  PetscCall(HtTensorArange(comm, 5, 5, 1, split > 0 ? 0 : split, HT_INT, &t));
  PetscCall(ViewAndDestroy(&t, "arange_empty"));
  /* NumPy: linspace(0, 1, 5) = [0, .25, .5, .75, 1]; linspace(0, 1, 5, endpoint=False) = [0, .2, .4, .6, .8]; linspace(2, 3, 1) = [2] */
  PetscCall(HtTensorLinspace(comm, 0, 1, 5, PETSC_TRUE, split > 0 ? 0 : split, &t));
  PetscCall(ViewAndDestroy(&t, "linspace"));
  PetscCall(HtTensorLinspace(comm, 0, 1, 5, PETSC_FALSE, split > 0 ? 0 : split, &t));
  PetscCall(ViewAndDestroy(&t, "linspace_open"));
  PetscCall(HtTensorLinspace(comm, 2, 3, 1, PETSC_TRUE, split > 0 ? 0 : split, &t));
  PetscCall(ViewAndDestroy(&t, "linspace_1"));
  PetscCall(HtTensorEye(comm, 3, 4, split, HT_SCALAR, &t));
  PetscCall(ViewAndDestroy(&t, "eye_3x4"));
  PetscCall(HtTensorEye(comm, 4, 2, split, HT_INT, &t));
  PetscCall(ViewAndDestroy(&t, "eye_4x2"));

  /* from local arrays on an uneven split-0 layout: rank r owns rows r, r+size, ... counted, values 10*row + col */
  nlocal = 0;
  for (PetscInt r = rank; r < 4; r += size) nlocal++;
  PetscCall(MPI_Exscan(&nlocal, &rstart, 1, MPIU_INT, MPI_SUM, comm));
  if (!rank) rstart = 0;
  rend = rstart + nlocal;
  for (PetscInt r = rstart; r < rend; r++)
    for (PetscInt c = 0; c < 3; c++) local[(r - rstart) * 3 + c] = 10 * r + c;
  PetscCall(HtTensorCreateFromLocalArray(comm, 2, shape, 0, HT_SCALAR, nlocal, local, &t));
  PetscCall(ViewAndDestroy(&t, "from_local_array"));
  PetscCall(HtTensorCreateWithArray(comm, 2, shape, 0, HT_SCALAR, nlocal, local, &t));
  PetscCall(HtTensorGetArray(t, &mine));
  PetscCheck(mine == local, PETSC_COMM_SELF, PETSC_ERR_PLIB, "CreateWithArray copied the array");
  for (PetscInt i = 0; i < 3 * nlocal; i++) mine[i] *= -1;
  PetscCall(HtTensorRestoreArray(t, &mine));
  PetscCall(ViewAndDestroy(&t, "with_array_negated"));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     suffix: 1
     nsize: {{1 2 3 4}}
     args: -split {{-1 0 1}separate output}
     filter: grep -v "MPI process"
TEST*/
