/*
   TSQR: the QR factorization of a tall-skinny matrix distributed by rows.
*/
#include <heat/private/tensorimpl.h>

/* the stacked R factors of all ranks (rows of rank q at offset[q]) on every rank of comm */
static PetscErrorCode HtGatherRFactors(MPI_Comm comm, PetscInt kk, PetscInt f, const PetscScalar *r, PetscInt *krows, PetscInt *offset, PetscScalar **stack)
{
  PetscMPIInt size, rank;
  PetscCount *counts, *displs;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(HtMPIGatherCounts(comm, kk, &counts, &displs)); /* rows, then scalars */
  *offset = (PetscInt)displs[rank];
  *krows  = (PetscInt)displs[size];
  for (PetscMPIInt q = 0; q <= size; q++) {
    if (q < size) counts[q] *= f;
    displs[q] *= f;
  }
  PetscCall(PetscMalloc1(displs[size], stack));
  PetscCall(HtMPIAllgatherv(r, *stack, counts, displs, MPIU_SCALAR, comm));
  PetscCall(PetscFree2(counts, displs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* R = D R and Q2 = Q2 D with D = sign(diag(R)) (+1 for 0): the unique factorization with diag(R) >= 0 */
static void HtQRFixSigns(PetscInt f, PetscScalar *r, PetscInt krows, PetscScalar *q2)
{
  for (PetscInt j = 0; j < f; j++) {
    if (PetscRealPart(r[j * f + j]) >= 0) continue;
    for (PetscInt c = 0; c < f; c++) r[j * f + c] = -r[j * f + c];
    for (PetscInt i = 0; q2 && i < krows; i++) q2[i * f + j] = -q2[i * f + j];
  }
}

static PetscErrorCode HtQRCheck(HtTensor A)
{
  MPI_Comm comm = PetscObjectComm((PetscObject)A);
  char     shape[256];

  PetscFunctionBegin;
  PetscCall(HtShapeToString(A->ndim, A->shape, shape, sizeof(shape)));
  PetscCheck(A->ndim == 2, comm, PETSC_ERR_ARG_SIZ, "HtTensorQR() factors a 2-d tensor, not one of shape %s", shape);
  PetscCheck(A->split != 1, comm, PETSC_ERR_ARG_WRONG, "HtTensorQR() of a matrix of shape %s split along axis 1: TSQR needs the rows distributed; resplit it with HtTensorResplit(A, 0, &A0) and factor A0", shape);
  PetscCheck(A->shape[0] >= A->shape[1], comm, PETSC_ERR_ARG_SIZ, "HtTensorQR() of a wide matrix of shape %s: TSQR needs at least as many rows as columns; factor the transpose (HtTensorTranspose(), then HtTensorResplit(At, 0, &At0)) to get A = R^T Q^T", shape);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorQR - QR factorization A = Q R of a tall-skinny matrix distributed by rows (TSQR).

   Collective

   Input Parameter:
.  A - an n x f tensor with n >= f, split 0 (or -1)

   Output Parameters:
+  Q - the n x f factor with orthonormal columns, split as A with A's row layout (pass NULL if not wanted:
       it is then not formed)
-  R - the f x f upper triangular factor with a non-negative diagonal, replicated (split -1)

   Level: intermediate

   Notes:
   Each rank factors its rows with LAPACK (geqrf), the small R factors of all ranks are gathered (at most
   f rows from each rank) and factored again on every rank, giving the same R everywhere; Q is then the
   local Q times the rank's block of the second Q (orgqr + one GEMM). The signs are chosen so that diag(R)
   >= 0, which makes the factorization unique for a full-rank A, and so independent of the number of ranks
   (up to rounding). Integer tensors are converted to `HT_SCALAR`. A matrix split along axis 1 must be
   resplit to 0 first (`HtTensorResplit()`); a wide one cannot be factored this way.

.seealso: `HtTensorTransposeMatMul()`, `HtTensorResplit()`
@*/
PetscErrorCode HtTensorQR(HtTensor A, HtTensor *Q, HtTensor *R)
{
  MPI_Comm           comm;
  HtTensor           As;
  PetscInt           m, f, kk, krows, offset, rshape[2];
  PetscScalar       *rloc, *q1 = NULL, *stack, *rfin, *q2 = NULL, *qa;
  const PetscScalar *a;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(A, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(R, 3);
  PetscCall(HtQRCheck(A));
  PetscCall(PetscLogEventBegin(HT_TENSOR_QR, A, 0, 0, 0));
  comm = A->split < 0 ? PETSC_COMM_SELF : PetscObjectComm((PetscObject)A); /* a replicated A: every rank alone */
  PetscCall(HtTensorGetAsType_Private(A, HT_SCALAR, &As));
  m  = As->lshape[0];
  f  = As->shape[1];
  kk = PetscMin(m, f);
  PetscCall(PetscMalloc2(kk * f, &rloc, Q ? m * kk : 0, &q1));
  PetscCall(HtTensorGetArrayRead(As, &a));
  PetscCall((*As->ops->qr)(As, m, f, a, rloc, Q ? q1 : NULL));
  PetscCall(HtTensorRestoreArrayRead(As, &a));
  PetscCall(HtGatherRFactors(comm, kk, f, rloc, &krows, &offset, &stack));
  rshape[0] = rshape[1] = f;
  PetscCall(HtTensorCreate(PetscObjectComm((PetscObject)A), 2, rshape, -1, HT_SCALAR, R));
  PetscCall(HtTensorGetArrayWrite(*R, &rfin));
  if (Q) PetscCall(PetscMalloc1(krows * f, &q2));
  PetscCall((*As->ops->qr)(As, krows, f, stack, rfin, q2));
  HtQRFixSigns(f, rfin, krows, q2);
  PetscCall(HtTensorRestoreArrayWrite(*R, &rfin));
  if (Q) {
    PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)A), 2, A->shape, A->split, HT_SCALAR, A->split < 0 ? PETSC_DECIDE : m, NULL, Q));
    PetscCall(HtTensorGetArrayWrite(*Q, &qa));
    PetscCall((*As->ops->gemm)(As, HT_SCALAR, PETSC_FALSE, PETSC_FALSE, m, f, kk, q1, kk, q2 + offset * f, f, PETSC_FALSE, qa, f));
    PetscCall(HtTensorRestoreArrayWrite(*Q, &qa));
  }
  PetscCall(PetscFree(q2));
  PetscCall(PetscFree(stack));
  PetscCall(PetscFree2(rloc, q1));
  PetscCall(HtTensorDestroy(&As));
  PetscCall(PetscLogEventEnd(HT_TENSOR_QR, A, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}
