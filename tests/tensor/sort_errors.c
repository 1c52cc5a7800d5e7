static const char help[] = "Tests that bad arguments to the sorting and indexing operations give clear errors on every rank.\n"
                           "  -case NAME   which bad call to make\n\n";

#include <heat.h>

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  MPI_Comm  comm;
  HtTensor  x = NULL, y = NULL, idx = NULL, mask = NULL;
  PetscInt  shape[2] = {5, 3};
  char      which[64] = "";
  PetscBool is;
  HtSlice   s[2] = {{0, 4, 1}, {HT_NONE, HT_NONE, 0}};

  PetscFunctionBeginUser;
  comm = PETSC_COMM_WORLD;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", which, sizeof(which), NULL));
#define CASE(name) (PetscStrcmp(which, name, &is) == 0 && is)
  PetscCall(HtTensorZeros(comm, 2, shape, 0, HT_SCALAR, &x));
  if (CASE("sortaxis")) PetscCall(HtTensorSort(x, 2, PETSC_FALSE, &y, NULL));
  if (CASE("argsortaxis")) PetscCall(HtTensorArgsort(x, -3, PETSC_FALSE, &y));
  if (CASE("slicestep")) PetscCall(HtTensorGetSlice(x, 2, s, &y));
  if (CASE("setslicestep")) PetscCall(HtTensorSetSliceValue(x, 2, s, 1.0));
  if (CASE("takerange")) {
    PetscCall(HtTensorArange(comm, -1, 8, 4, 0, HT_INT, &idx)); /* -1, 3 (fine), then 7: axis 0 has length 5 */
    PetscCall(HtTensorTake(x, 0, idx, &y));
  }
  if (CASE("takenegative")) {
    PetscCall(HtTensorArange(comm, -4, 0, 1, -1, HT_INT, &idx)); /* -4 on axis 1 of length 3 */
    PetscCall(HtTensorTake(x, 1, idx, &y));
  }
  if (CASE("takedtype")) {
    PetscCall(HtTensorArange(comm, 0, 2, 1, -1, HT_SCALAR, &idx));
    PetscCall(HtTensorTake(x, 1, idx, &y));
  }
  if (CASE("masklength")) {
    PetscCall(HtTensorOnes(comm, 1, (PetscInt[]){4}, 0, HT_BOOL, &mask));
    PetscCall(HtTensorCompress(x, mask, &y));
  }
  if (CASE("maskdtype")) {
    PetscCall(HtTensorOnes(comm, 1, (PetscInt[]){5}, 0, HT_INT, &mask));
    PetscCall(HtTensorCompress(x, mask, &y));
  }
  if (CASE("choice")) PetscCall(HtTensorRandomChoice(comm, 5, 6, 1, &y));
  if (CASE("setsliceshape")) {
    PetscCall(HtTensorZeros(comm, 2, (PetscInt[]){4, 2}, 0, HT_SCALAR, &y));
    s[1].step = 1;
    PetscCall(HtTensorSetSlice(x, 2, s, y));
  }
  PetscCall(HtTensorDestroy(&x));
  PetscCall(HtTensorDestroy(&y));
  PetscCall(HtTensorDestroy(&idx));
  PetscCall(HtTensorDestroy(&mask));
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
     nsize: 3
     errors: expected
     filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p"
     test:
       suffix: sortaxis
       args: -case sortaxis
     test:
       suffix: argsortaxis
       args: -case argsortaxis
     test:
       suffix: slicestep
       args: -case slicestep
     test:
       suffix: setslicestep
       args: -case setslicestep
     test:
       suffix: takerange
       args: -case takerange
     test:
       suffix: takenegative
       args: -case takenegative
     test:
       suffix: takedtype
       args: -case takedtype
     test:
       suffix: masklength
       args: -case masklength
     test:
       suffix: maskdtype
       args: -case maskdtype
     test:
       suffix: choice
       args: -case choice
     test:
       suffix: setsliceshape
       args: -case setsliceshape
TEST*/
