static const char help[] = "Tests that bad arguments to the manipulation operations give clear errors on every rank.\n"
                           "  -case NAME   which bad call to make\n\n";

#include <heat.h>

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  MPI_Comm  comm;
  HtTensor  t = NULL, u = NULL, v = NULL, pair[2];
  PetscInt  shape[2] = {4, 3}, split = 0;
  char      which[64] = "";
  PetscBool is;

  PetscFunctionBeginUser;
  comm = PETSC_COMM_WORLD;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", which, sizeof(which), NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-split", &split, NULL));
  PetscCall(HtTensorCreate(comm, 2, shape, split, HT_SCALAR, &t));
#define CASE(name) (PetscStrcmp(which, name, &is) == 0 && is)
  if (CASE("reshape_size")) PetscCall(HtTensorReshape(t, 2, (PetscInt[]){5, 2}, PETSC_DEFAULT, &v));
  if (CASE("reshape_infer")) PetscCall(HtTensorReshape(t, 2, (PetscInt[]){5, -1}, PETSC_DEFAULT, &v));
  if (CASE("reshape_two_inferred")) PetscCall(HtTensorReshape(t, 3, (PetscInt[]){-1, 2, -1}, PETSC_DEFAULT, &v));
  if (CASE("reshape_split")) PetscCall(HtTensorReshape(t, 2, (PetscInt[]){6, 2}, 2, &v));
  if (CASE("squeeze")) PetscCall(HtTensorSqueeze(t, 1, (PetscInt[]){1}, &v));
  if (CASE("expand_axis")) PetscCall(HtTensorExpandDims(t, 3, &v));
  if (CASE("axis_range")) PetscCall(HtTensorFlip(t, 1, (PetscInt[]){5}, &v));
  if (CASE("axis_twice")) PetscCall(HtTensorFlip(t, 2, (PetscInt[]){0, -2}, &v));
  if (CASE("roll_flat")) PetscCall(HtTensorRoll(t, 2, (PetscInt[]){1, 2}, NULL, &v));
  if (CASE("repeat_negative")) PetscCall(HtTensorRepeat(t, 4, (PetscInt[]){1, 2, -1, 0}, 0, &v));
  if (CASE("repeat_counts")) PetscCall(HtTensorRepeat(t, 2, (PetscInt[]){1, 2}, 1, &v));
  if (CASE("tile_negative")) PetscCall(HtTensorTile(t, 2, (PetscInt[]){2, -1}, &v));
  if (CASE("pad_negative")) PetscCall(HtTensorPad(t, (PetscInt[]){1, 0}, (PetscInt[]){0, -2}, 0.0, &v));
  if (CASE("diagonal_ndim")) {
    PetscCall(HtTensorCreate(comm, 3, (PetscInt[]){2, 2, 2}, split, HT_SCALAR, &u));
    PetscCall(HtTensorDiagonal(u, 0, &v));
  }
  if (CASE("concat_shape")) {
    PetscCall(HtTensorCreate(comm, 2, (PetscInt[]){2, 5}, 0, HT_SCALAR, &u));
    pair[0] = t;
    pair[1] = u;
    PetscCall(HtTensorConcatenate(2, pair, 0, &v));
  }
  if (CASE("concat_dtype")) {
    PetscCall(HtTensorCreate(comm, 2, shape, 0, HT_INT, &u));
    pair[0] = t;
    pair[1] = u;
    PetscCall(HtTensorConcatenate(2, pair, 0, &v));
  }
  if (CASE("concat_comm")) {
    PetscCall(HtTensorCreate(PETSC_COMM_SELF, 2, shape, -1, HT_SCALAR, &u));
    pair[0] = t;
    pair[1] = u;
    PetscCall(HtTensorConcatenate(2, pair, 1, &v));
  }
  if (CASE("stack_shape")) {
    PetscCall(HtTensorCreate(comm, 2, (PetscInt[]){3, 4}, 0, HT_SCALAR, &u));
    pair[0] = t;
    pair[1] = u;
    PetscCall(HtTensorStack(2, pair, 0, &v));
  }
  PetscCall(HtTensorDestroy(&t));
  PetscCall(HtTensorDestroy(&u));
  PetscCall(HtTensorDestroy(&v));
  PetscCall(PetscPrintf(comm, "no error for case '%s'\n", which));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest());
}

/*TEST
   testset:
     nsize: 2
     errors: expected
     filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p"
     test:
       suffix: reshape_size
       args: -case reshape_size
     test:
       suffix: reshape_infer
       args: -case reshape_infer
     test:
       suffix: reshape_two_inferred
       args: -case reshape_two_inferred
     test:
       suffix: reshape_split
       args: -case reshape_split
     test:
       suffix: squeeze
       args: -case squeeze -split -1
     test:
       suffix: expand_axis
       args: -case expand_axis
     test:
       suffix: axis_range
       args: -case axis_range
     test:
       suffix: axis_twice
       args: -case axis_twice
     test:
       suffix: roll_flat
       args: -case roll_flat
     test:
       suffix: repeat_negative
       args: -case repeat_negative
     test:
       suffix: repeat_counts
       args: -case repeat_counts
     test:
       suffix: tile_negative
       args: -case tile_negative
     test:
       suffix: pad_negative
       args: -case pad_negative -split 1
     test:
       suffix: diagonal_ndim
       args: -case diagonal_ndim
     test:
       suffix: concat_shape
       args: -case concat_shape
     test:
       suffix: concat_dtype
       args: -case concat_dtype
     test:
       suffix: stack_shape
       args: -case stack_shape
   test:
     suffix: concat_comm
     nsize: 3
     args: -split -1
     args: -case concat_comm
     errors: expected
     filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p"
TEST*/
