static const char help[] = "Tests that bad arguments to the elementwise operations give clear errors, the same on every rank.\n"
                           "Each case's error is caught (PetscReturnErrorHandler), so one run checks them all. Like PETSc, the\n"
                           "library frees nothing on an error path, so -malloc_dump is off here (the run goes on after errors).\n\n";

#include "elementwisetest.h"

/* each case creates its operands in t[] (destroyed by the caller) and makes one bad call, whose error it returns */
static PetscErrorCode Shapes(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser; /* NumPy: operands could not be broadcast together with shapes (3,4) (5,) */
  PetscCall(HtTensorOnes(comm, 2, (PetscInt[]){3, 4}, 0, HT_SCALAR, &t[0]));
  PetscCall(HtTensorOnes(comm, 1, (PetscInt[]){5}, 0, HT_SCALAR, &t[1]));
  PetscCall(HtTensorBinary(HT_BINARY_ADD, t[0], t[1], &t[2]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode WhereShapes(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorOnes(comm, 2, (PetscInt[]){4, 1}, 0, HT_BOOL, &t[0]));
  PetscCall(HtTensorOnes(comm, 1, (PetscInt[]){3}, -1, HT_SCALAR, &t[1]));
  PetscCall(HtTensorOnes(comm, 2, (PetscInt[]){0, 3}, 1, HT_INT, &t[2]));
  PetscCall(HtTensorWhere(t[0], t[1], t[2], &t[3]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Comm(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorOnes(comm, 1, (PetscInt[]){4}, 0, HT_SCALAR, &t[0]));
  PetscCall(HtTensorOnes(PETSC_COMM_SELF, 1, (PetscInt[]){4}, -1, HT_SCALAR, &t[1]));
  PetscCall(HtTensorBinary(HT_BINARY_MULTIPLY, t[0], t[1], &t[2]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode BoolNegative(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser; /* NumPy: The numpy boolean negative, the `-` operator, is not supported */
  PetscCall(HtTensorOnes(comm, 1, (PetscInt[]){4}, 0, HT_BOOL, &t[0]));
  PetscCall(HtTensorUnary(HT_UNARY_NEGATIVE, t[0], &t[1]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode BoolSubtract(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser; /* NumPy: numpy boolean subtract, the `-` operator, is not supported */
  PetscCall(HtTensorOnes(comm, 1, (PetscInt[]){4}, 0, HT_BOOL, &t[0]));
  PetscCall(HtTensorBinary(HT_BINARY_SUBTRACT, t[0], t[0], &t[1]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode IntPower(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser; /* NumPy: Integers to negative integer powers are not allowed; only rank 0 holds the negative exponents */
  PetscCall(HtTensorArange(comm, -2, 5, 1, 0, HT_INT, &t[0]));
  PetscCall(HtTensorScalarBinary(HT_BINARY_POWER, 2, t[0], &t[1]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode UnknownOp(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorOnes(comm, 1, (PetscInt[]){4}, 0, HT_SCALAR, &t[0]));
  PetscCall(HtTensorBinary((HtBinaryOp)99, t[0], t[0], &t[1]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode InPlaceShape(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser; /* NumPy: non-broadcastable output operand with shape (3,1) doesn't match the broadcast shape (3,4) */
  PetscCall(HtTensorOnes(comm, 2, (PetscInt[]){3, 1}, 0, HT_SCALAR, &t[0]));
  PetscCall(HtTensorOnes(comm, 2, (PetscInt[]){3, 4}, 1, HT_SCALAR, &t[1]));
  PetscCall(HtTensorBinaryInPlace(HT_BINARY_ADD, t[0], t[1]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode InPlaceDType(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser; /* NumPy: Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') */
  PetscCall(HtTensorOnes(comm, 1, (PetscInt[]){4}, 0, HT_INT, &t[0]));
  PetscCall(HtTensorBinaryScalarInPlace(HT_BINARY_ADD, t[0], 2.5));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode UnaryInPlace(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorOnes(comm, 1, (PetscInt[]){4}, 0, HT_INT, &t[0]));
  PetscCall(HtTensorUnaryInPlace(HT_UNARY_SQRT, t[0]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AXPYBool(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorOnes(comm, 1, (PetscInt[]){4}, 0, HT_BOOL, &t[0]));
  PetscCall(HtTensorAXPY(t[0], 1, t[0]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode AXPYShape(MPI_Comm comm, HtTensor t[])
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorOnes(comm, 1, (PetscInt[]){3}, 0, HT_SCALAR, &t[0]));
  PetscCall(HtTensorOnes(comm, 2, (PetscInt[]){2, 3}, 0, HT_SCALAR, &t[1]));
  PetscCall(HtTensorAXPY(t[0], 1, t[1]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  const ErrorCase cases[] = {
    {"shapes",       Shapes      },
    {"whereshapes",  WhereShapes },
    {"comm",         Comm        },
    {"boolnegative", BoolNegative},
    {"boolsubtract", BoolSubtract},
    {"intpower",     IntPower    },
    {"unknownop",    UnknownOp   },
    {"inplaceshape", InPlaceShape},
    {"inplacedtype", InPlaceDType},
    {"unaryinplace", UnaryInPlace},
    {"axpybool",     AXPYBool    },
    {"axpyshape",    AXPYShape   },
  };

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(RunErrorCases(cases, PETSC_STATIC_ARRAY_LENGTH(cases)));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     malloc_dump: no
     nsize: {{2 3}}
TEST*/
