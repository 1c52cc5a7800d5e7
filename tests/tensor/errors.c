static const char help[] = "Tests that bad arguments to HtTensor give clear errors on every rank.\n"
                           "  -case NAME   which bad call to make\n\n";

#include <heat.h>

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  MPI_Comm    comm;
  HtTensor    t = NULL, u = NULL;
  PetscInt    shape[3] = {4, 3, 2};
  PetscMPIInt rank;
  char        which[64] = "";
  PetscBool   is;
  Vec         v;

  PetscFunctionBeginUser;
  comm = PETSC_COMM_WORLD;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", which, sizeof(which), NULL));
#define CASE(name) (PetscStrcmp(which, name, &is) == 0 && is)
  if (CASE("split")) PetscCall(HtTensorCreate(comm, 3, shape, 3, HT_SCALAR, &t));
  if (CASE("ndim")) PetscCall(HtTensorCreate(comm, 9, shape, 0, HT_SCALAR, &t));
  if (CASE("negative")) PetscCall(HtTensorCreate(comm, 2, (PetscInt[]){4, -1}, 0, HT_SCALAR, &t));
  if (CASE("overflow")) PetscCall(HtTensorCreate(comm, 4, (PetscInt[]){100000, 100000, 100000, 100000}, 0, HT_SCALAR, &t));
  if (CASE("layout")) PetscCall(HtTensorCreateWithLayout(comm, 3, shape, 0, HT_SCALAR, rank ? 0 : 3, &t));
  if (CASE("resplit")) {
    PetscCall(HtTensorCreate(comm, 3, shape, 0, HT_SCALAR, &t));
    PetscCall(HtTensorResplit(t, 5, &u));
  }
  if (CASE("copyshape")) {
    PetscCall(HtTensorCreate(comm, 3, shape, 0, HT_SCALAR, &t));
    PetscCall(HtTensorCreate(comm, 2, shape, 0, HT_SCALAR, &u));
    PetscCall(HtTensorCopy(t, u));
  }
  if (CASE("copydtype")) {
    PetscCall(HtTensorCreate(comm, 3, shape, 0, HT_SCALAR, &t));
    PetscCall(HtTensorCreate(comm, 3, shape, 0, HT_INT, &u));
    PetscCall(HtTensorCopy(t, u));
  }
  if (CASE("getvec")) {
    PetscCall(HtTensorCreate(comm, 3, shape, 0, HT_INT, &t));
    PetscCall(HtTensorGetVec(t, &v));
  }
  if (CASE("arange")) PetscCall(HtTensorArange(comm, 0, 1, 0, 0, HT_SCALAR, &t));
  if (CASE("linspace")) PetscCall(HtTensorLinspace(comm, 0, 1, -3, PETSC_TRUE, 0, &t));
  if (CASE("replicatedlayout")) {
    PetscCall(HtTensorCreate(comm, 3, shape, -1, HT_SCALAR, &t));
    PetscCall(HtTensorSetLayout(t, 1));
  }
  if (CASE("type")) {
    PetscCall(HtTensorCreate(comm, 3, shape, 0, HT_SCALAR, &t));
    PetscCall(HtTensorSetFromOptions(t));
  }
  if (CASE("astype")) { /* 1, NaN, 1e300, -inf, 2^63 as integers */
    const PetscReal values[5] = {1, NAN, 1e300, PETSC_NINFINITY, 9223372036854775808.0};
    PetscInt        rstart, rend;
    PetscScalar    *a;

    PetscCall(HtTensorCreate(comm, 1, (PetscInt[]){5}, 0, HT_SCALAR, &t));
    PetscCall(HtTensorGetOwnershipRange(t, &rstart, &rend));
    PetscCall(HtTensorGetArrayWrite(t, (void **)&a));
    for (PetscInt i = rstart; i < rend; i++) a[i - rstart] = values[i];
    PetscCall(HtTensorRestoreArrayWrite(t, (void **)&a));
    PetscCall(HtTensorAsType(t, HT_INT, &u));
  }
  if (CASE("format")) {
    PetscCall(HtTensorCreate(comm, 3, shape, 0, HT_SCALAR, &t));
    PetscCall(HtTensorSave(t, "out.xyz", NULL));
  }
  PetscCall(HtTensorDestroy(&t));
  PetscCall(HtTensorDestroy(&u));
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
       suffix: split
       args: -case split
     test:
       suffix: ndim
       args: -case ndim
     test:
       suffix: negative
       args: -case negative
     test:
       suffix: overflow
       args: -case overflow
       requires: !64bit_indices
     test:
       suffix: overflow_64
       args: -case overflow
       requires: 64bit_indices
     test:
       suffix: astype
       args: -case astype
     test:
       suffix: layout
       args: -case layout
     test:
       suffix: resplit
       args: -case resplit
     test:
       suffix: copyshape
       args: -case copyshape
     test:
       suffix: copydtype
       args: -case copydtype
     test:
       suffix: getvec
       args: -case getvec
     test:
       suffix: arange
       args: -case arange
     test:
       suffix: linspace
       args: -case linspace
     test:
       suffix: replicatedlayout
       args: -case replicatedlayout
     test:
       suffix: format
       args: -case format
     test:
       suffix: type
       args: -case type -ht_tensor_type gpu
TEST*/
