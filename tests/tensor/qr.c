static const char help[] = "Tests the TSQR HtTensorQR against NumPy's QR (signs normalized to diag(R) >= 0) and the closed forms\n"
                           "Q^T Q = I and Q R = A, on balanced and uneven layouts (ranks with fewer rows than columns, or none).\n\n";

#include "linalgtest.h"

/* max |G - I| of a replicated square tensor */
static PetscErrorCode DistanceToIdentity(HtTensor G, PetscReal *err)
{
  const PetscInt    *shape;
  const PetscScalar *g;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetShape(G, &shape));
  PetscCall(HtTensorGetArrayRead(G, &g));
  *err = 0;
  for (PetscInt i = 0; i < shape[0]; i++)
    for (PetscInt j = 0; j < shape[1]; j++) *err = PetscMax(*err, PetscAbsScalar(g[i * shape[1] + j] - (i == j ? 1.0 : 0.0)));
  PetscCall(HtTensorRestoreArrayRead(G, &g));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* Q^T Q = I and Q R = A for the factors of the dataset `name` */
static PetscErrorCode CheckClosedForms(HtTensor Q, HtTensor R, const char name[])
{
  HtTensor  G, QR;
  PetscReal err = PETSC_INFINITY;

  PetscFunctionBeginUser;
  PetscCall(HtTensorTransposeMatMul(Q, Q, &G));
  PetscCall(DistanceToIdentity(G, &err));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  Q^T Q = I %s\n", err < 1e-13 ? "ok" : "FAIL"));
  PetscCall(HtTensorMatMul(Q, R, &QR));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  Q R = A"));
  PetscCall(CheckResult(QR, name, 1e-13));
  PetscCall(HtTensorDestroy(&G));
  PetscCall(HtTensorDestroy(&QR));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode TestQR(const char name[], PetscInt split, PetscBool uneven)
{
  HtTensor A, Q, R, R2;
  char     path[64];

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "qr/%s/A", name));
  PetscCall(LoadData(path, split, uneven, &A));
  PetscCall(HtTensorQR(A, &Q, &R));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "qr %-6s split %2" PetscInt_FMT " %s: Q", name, split, uneven ? "uneven  " : "balanced"));
  PetscCall(PetscSNPrintf(path, sizeof(path), "qr/%s/Q", name));
  PetscCall(CheckResult(Q, path, 1e-12));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  R"));
  PetscCall(PetscSNPrintf(path, sizeof(path), "qr/%s/R", name));
  PetscCall(CheckResult(R, path, 1e-12));
  PetscCall(PetscSNPrintf(path, sizeof(path), "qr/%s/A", name));
  PetscCall(CheckClosedForms(Q, R, path));
  PetscCall(HtTensorQR(A, NULL, &R2)); /* R alone, Q not formed */
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  R without Q"));
  PetscCall(PetscSNPrintf(path, sizeof(path), "qr/%s/R", name));
  PetscCall(CheckAgainst(R2, path, 1e-12));
  PetscCall(HtTensorDestroy(&A));
  PetscCall(HtTensorDestroy(&Q));
  PetscCall(HtTensorDestroy(&R));
  PetscCall(HtTensorDestroy(&R2));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* an integer matrix is factored as floating point */
static PetscErrorCode TestQRInt(void)
{
  HtTensor A, Q, R;

  PetscFunctionBeginUser;
  PetscCall(LoadData("matmul/int/A", 0, PETSC_TRUE, &A));
  PetscCall(HtTensorQR(A, &Q, &R));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "qr int (5, 4) split 0 uneven\n"));
  PetscCall(CheckClosedForms(Q, R, "matmul/int/A"));
  PetscCall(HtTensorDestroy(&A));
  PetscCall(HtTensorDestroy(&Q));
  PetscCall(HtTensorDestroy(&R));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  for (PetscInt uneven = 0; uneven < 2; uneven++) {
    PetscCall(TestQR("tall", 0, (PetscBool)uneven));
    PetscCall(TestQR("square", 0, (PetscBool)uneven));
  }
  PetscCall(TestQR("tall", -1, PETSC_FALSE));
  PetscCall(TestQRInt());
  PetscCall(FreeData());
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     suffix: 1
     nsize: {{1 2 3 4}}
   test:   # the R factors gathered in pieces of 7 scalars
     suffix: maxcount
     nsize: {{1 2 3 4}}
     args: -ht_mpi_max_count 7
     output_file: output/qr_1.out
TEST*/
