static const char help[] = "Tests HtTensorMatrixNorm against NumPy's linalg.norm of a tall 5 x 3 matrix and of its transpose,\n"
                           "for every split; the references were computed once with NumPy 1.24 (values in the expected output).\n"
                           "  -vector  pass a 1-d tensor instead (an error)\n\n";

#include <heat.h>

/*
   A = arange(15).reshape(5, 3) ** 1.5 - 4, with A[2, 1] = -7.25; NumPy's linalg.norm(A, ord) for ord 1, inf, 'fro', 2:
   107.84540586946684, 128.8245893775201, 92.4493720449097, 90.54256981486304 (1 and inf swap for A^T)
*/
static const PetscScalar Avalues[15] = {-4.0, -3.0, -1.1715728752538097, 1.196152422706632, 4.0, 7.180339887498947, 10.696938456699067, -7.25, 18.627416997969522, 23.0, 27.622776601683796, 32.48287269390939, 37.569219381653056, 42.87216658103186, 48.38320341483518};

/* the four norms of A (or of its transpose) split along `split` */
static PetscErrorCode PrintNorms(HtTensor full, PetscBool transpose, PetscInt split)
{
  HtTensor  A, T = NULL;
  NormType  types[] = {NORM_1, NORM_INFINITY, NORM_FROBENIUS, NORM_2};
  PetscReal norm;

  PetscFunctionBeginUser;
  if (transpose) PetscCall(HtTensorTranspose(full, NULL, &T));
  PetscCall(HtTensorResplit(T ? T : full, split, &A));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s split %2" PetscInt_FMT ":", transpose ? "A^T" : "A  ", split));
  for (PetscInt i = 0; i < 4; i++) {
    PetscCall(HtTensorMatrixNorm(A, types[i], &norm));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, " %s %.14g", NormTypes[types[i]], (double)norm));
  }
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "\n"));
  PetscCall(HtTensorDestroy(&A));
  PetscCall(HtTensorDestroy(&T));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  HtTensor  full;
  PetscBool vector = PETSC_FALSE;
  PetscReal norm;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-vector", &vector, NULL));
  PetscCall(HtTensorCreateFromLocalArray(PETSC_COMM_WORLD, vector ? 1 : 2, (PetscInt[]){vector ? 15 : 5, 3}, -1, HT_SCALAR, PETSC_DECIDE, Avalues, &full));
  if (vector) PetscCall(HtTensorMatrixNorm(full, NORM_1, &norm)); /* error: not a matrix */
  for (PetscInt t = 0; t < 2; t++)
    for (PetscInt split = -1; split < 2; split++) PetscCall(PrintNorms(full, (PetscBool)t, split));
  PetscCall(HtTensorDestroy(&full));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest());
}

/*TEST
   test:
     nsize: {{1 2 3 4}}
     tolerance: 1e-12
   test:
     suffix: vector
     nsize: 2
     args: -vector
     errors: expected
     filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p"
TEST*/
