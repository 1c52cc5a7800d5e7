static const char help[] = "Tests that bad arguments to the linear algebra operations give clear errors on every rank.\n"
                           "  -case NAME   which bad call to make\n\n";

#include <heat.h>

/* a zero tensor of the given shape on comm, split 0 */
static PetscErrorCode Make(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, HtTensor *t)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorCreate(comm, ndim, shape, split, HT_SCALAR, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  MPI_Comm  comm, half;
  HtTensor  a = NULL, b = NULL, c = NULL, q = NULL;
  char      which[64] = "";
  PetscBool is;
  PetscScalar  tr;
  PetscMPIInt  rank;

  PetscFunctionBeginUser;
  comm = PETSC_COMM_WORLD;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", which, sizeof(which), NULL));
#define CASE(name) (PetscStrcmp(which, name, &is) == 0 && is)
  if (CASE("inner")) {
    PetscCall(Make(comm, 2, (PetscInt[]){5, 3}, 0, &a));
    PetscCall(Make(comm, 2, (PetscInt[]){4, 6}, 1, &b));
    PetscCall(HtTensorMatMul(a, b, &c));
  }
  if (CASE("transposeinner")) {
    PetscCall(Make(comm, 2, (PetscInt[]){5, 3}, 0, &a));
    PetscCall(Make(comm, 2, (PetscInt[]){4, 3}, 0, &b));
    PetscCall(HtTensorTransposeMatMul(a, b, &c));
  }
  if (CASE("ndim")) {
    PetscCall(Make(comm, 3, (PetscInt[]){2, 3, 4}, 0, &a));
    PetscCall(Make(comm, 2, (PetscInt[]){4, 6}, 0, &b));
    PetscCall(HtTensorMatMul(a, b, &c));
  }
  if (CASE("comm")) { /* b lives on half of the ranks */
    PetscCallMPI(MPI_Comm_split(comm, rank % 2, 0, &half));
    PetscCall(Make(comm, 2, (PetscInt[]){4, 4}, 0, &a));
    PetscCall(Make(half, 2, (PetscInt[]){4, 4}, 0, &b));
    PetscCall(HtTensorMatMul(a, b, &c));
  }
  if (CASE("perm")) {
    PetscCall(Make(comm, 3, (PetscInt[]){2, 3, 4}, 1, &a));
    PetscCall(HtTensorTranspose(a, (PetscInt[]){0, 0, 1}, &c));
  }
  if (CASE("permaxis")) {
    PetscCall(Make(comm, 3, (PetscInt[]){2, 3, 4}, 1, &a));
    PetscCall(HtTensorTranspose(a, (PetscInt[]){0, 3, 1}, &c));
  }
  if (CASE("qrwide")) {
    PetscCall(Make(comm, 2, (PetscInt[]){3, 5}, 0, &a));
    PetscCall(HtTensorQR(a, &q, &c));
  }
  if (CASE("qrsplit")) {
    PetscCall(Make(comm, 2, (PetscInt[]){8, 3}, 1, &a));
    PetscCall(HtTensorQR(a, &q, &c));
  }
  if (CASE("dotshape")) {
    PetscCall(Make(comm, 1, (PetscInt[]){3}, 0, &a));
    PetscCall(Make(comm, 1, (PetscInt[]){4}, 0, &b));
    PetscCall(HtTensorDot(a, b, &c));
  }
  if (CASE("dotndim")) {
    PetscCall(Make(comm, 1, (PetscInt[]){3}, 0, &a));
    PetscCall(Make(comm, 3, (PetscInt[]){3, 2, 2}, 0, &b));
    PetscCall(HtTensorDot(a, b, &c));
  }
  if (CASE("outer")) {
    PetscCall(Make(comm, 2, (PetscInt[]){3, 2}, 0, &a));
    PetscCall(Make(comm, 1, (PetscInt[]){4}, 0, &b));
    PetscCall(HtTensorOuter(a, b, &c));
  }
  if (CASE("cdist")) {
    PetscCall(Make(comm, 2, (PetscInt[]){5, 3}, 0, &a));
    PetscCall(Make(comm, 2, (PetscInt[]){4, 2}, -1, &b));
    PetscCall(HtTensorCDist(a, b, HT_CDIST_EUCLIDEAN, &c));
  }
  if (CASE("gamma")) {
    PetscCall(Make(comm, 2, (PetscInt[]){5, 3}, 0, &a));
    PetscCall(Make(comm, 2, (PetscInt[]){4, 3}, -1, &b));
    PetscCall(HtTensorRBFKernel(a, b, -1.0, &c));
  }
  if (CASE("trace")) {
    PetscCall(Make(comm, 3, (PetscInt[]){2, 3, 4}, 0, &a));
    PetscCall(HtTensorTrace(a, 0, &tr));
  }
  if (CASE("tril")) {
    PetscCall(Make(comm, 1, (PetscInt[]){4}, 0, &a));
    PetscCall(HtTensorTril(a, 0, &c));
  }
  PetscCall(HtTensorDestroy(&a));
  PetscCall(HtTensorDestroy(&b));
  PetscCall(HtTensorDestroy(&c));
  PetscCall(HtTensorDestroy(&q));
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
     errors: expected
     filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p"
     test:
       suffix: inner
       nsize: 3
       args: -case inner
     test:
       suffix: transposeinner
       args: -case transposeinner
     test:
       suffix: ndim
       args: -case ndim
     test:
       suffix: comm
       nsize: 2
       args: -case comm
     test:
       suffix: perm
       nsize: 3
       args: -case perm
     test:
       suffix: permaxis
       args: -case permaxis
     test:
       suffix: qrwide
       nsize: 3
       args: -case qrwide
     test:
       suffix: qrsplit
       nsize: 3
       args: -case qrsplit
     test:
       suffix: dotshape
       args: -case dotshape
     test:
       suffix: dotndim
       args: -case dotndim
     test:
       suffix: outer
       args: -case outer
     test:
       suffix: cdist
       nsize: 2
       args: -case cdist
     test:
       suffix: gamma
       args: -case gamma
     test:
       suffix: trace
       args: -case trace
     test:
       suffix: tril
       args: -case tril
TEST*/
