/*
   Matrix norms of a 2-d tensor, as NumPy's linalg.norm of a matrix, built on the distributed reductions and TSQR.
*/
#include <heat/private/tensorimpl.h>
#include <petscblaslapack.h>

/* the value of a 0-d (or one-element) replicated tensor, as a real; destroys the tensor */
static PetscErrorCode HtTensorPopReal(HtTensor *t, PetscReal *value)
{
  const void *a;

  PetscFunctionBegin;
  PetscCall(HtTensorGetArrayRead(*t, &a));
  *value = PetscRealPart(HtElementGet((*t)->dtype, a, 0));
  PetscCall(HtTensorRestoreArrayRead(*t, &a));
  PetscCall(HtTensorDestroy(t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the largest absolute column sum (axis 0) or row sum (axis 1) */
static PetscErrorCode HtMatrixNormAbsSum(HtTensor A, PetscInt axis, PetscReal *norm)
{
  HtTensor sums, largest;

  PetscFunctionBegin;
  PetscCall(HtTensorNorm(A, NORM_1, axis, PETSC_FALSE, &sums));
  PetscCall(HtTensorMax(sums, HT_AXIS_NONE, PETSC_FALSE, &largest));
  PetscCall(HtTensorDestroy(&sums));
  PetscCall(HtTensorPopReal(&largest, norm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the largest singular value: that of the small triangular factor R of a TSQR of A, or of A^T when A is wide;
   every rank computes it from the same replicated R
*/
static PetscErrorCode HtMatrixNormSpectral(HtTensor A, PetscReal *norm)
{
  HtTensor     tall = NULL, rows = NULL, R;
  PetscScalar *r, work1, *work;
  PetscReal   *sv;
  PetscBLASInt n, lwork = -1, info, one = 1;
  PetscInt     f;

  PetscFunctionBegin;
  if (A->shape[0] >= A->shape[1]) PetscCall(PetscObjectReference((PetscObject)(tall = A)));
  else PetscCall(HtTensorTranspose(A, NULL, &tall));
  if (tall->split == 1) PetscCall(HtTensorResplit(tall, 0, &rows));
  else PetscCall(PetscObjectReference((PetscObject)(rows = tall)));
  PetscCall(HtTensorDestroy(&tall));
  PetscCall(HtTensorQR(rows, NULL, &R));
  PetscCall(HtTensorDestroy(&rows));
  f = R->shape[1];
  PetscCall(PetscBLASIntCast(f, &n));
  PetscCall(PetscMalloc1(f, &sv));
  PetscCall(HtTensorGetArray(R, &r)); /* R is square (f x f): its singular values are those of A */
  PetscCallBLAS("LAPACKgesvd", LAPACKgesvd_("N", "N", &n, &n, r, &n, sv, NULL, &one, NULL, &one, &work1, &lwork, &info));
  PetscCall(PetscBLASIntCast((PetscInt)PetscRealPart(work1), &lwork));
  PetscCall(PetscMalloc1(lwork, &work));
  PetscCallBLAS("LAPACKgesvd", LAPACKgesvd_("N", "N", &n, &n, r, &n, sv, NULL, &one, NULL, &one, work, &lwork, &info));
  PetscCall(HtTensorRestoreArray(R, &r));
  PetscCheck(info == 0, PETSC_COMM_SELF, PETSC_ERR_LIB, "LAPACK gesvd failed with info %d", (int)info);
  *norm = f ? sv[0] : 0;
  PetscCall(PetscFree(work));
  PetscCall(PetscFree(sv));
  PetscCall(HtTensorDestroy(&R));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorMatrixNorm - A matrix norm of a 2-d tensor (NumPy's linalg.norm of a matrix with ord 1, inf, 'fro' or 2).

   Collective

   Input Parameters:
+  A - a 2-d tensor of any split and dtype
-  type - `NORM_1` (largest absolute column sum), `NORM_INFINITY` (largest absolute row sum), `NORM_FROBENIUS`
          (square root of the sum of squares) or `NORM_2` (largest singular value)

   Output Parameter:
.  norm - the norm, the same on every rank

   Level: beginner

   Notes:
   The 1-, infinity- and Frobenius norms are distributed reductions (`HtTensorNorm()` along an axis, then
   `HtTensorMax()`). The 2-norm is the largest singular value of the triangular factor of a TSQR (`HtTensorQR()`) of
   A, or of A^T when A has more columns than rows: one pass over A and an allreduce of small factors, then LAPACK
   on an f x f matrix, f = min(rows, columns). NaN in A gives NaN (the 2-norm is then undefined: LAPACK may fail).

.seealso: `HtTensorNorm()`, `HtTensorQR()`, `HtTensorTrace()`
@*/
PetscErrorCode HtTensorMatrixNorm(HtTensor A, NormType type, PetscReal *norm)
{
  MPI_Comm comm;
  HtTensor fro;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(A, HT_TENSOR_CLASSID, 1);
  PetscValidRealPointer(norm, 3);
  comm = PetscObjectComm((PetscObject)A);
  PetscCheck(A->ndim == 2, comm, PETSC_ERR_ARG_WRONG, "HtTensorMatrixNorm() needs a 2-d tensor, not a %" PetscInt_FMT "-d one; use HtTensorNorm() for vector norms", A->ndim);
  switch (type) {
  case NORM_1:
    PetscCall(HtMatrixNormAbsSum(A, 0, norm));
    break;
  case NORM_INFINITY:
    PetscCall(HtMatrixNormAbsSum(A, 1, norm));
    break;
  case NORM_FROBENIUS:
    PetscCall(HtTensorNorm(A, NORM_FROBENIUS, HT_AXIS_NONE, PETSC_FALSE, &fro));
    PetscCall(HtTensorPopReal(&fro, norm));
    break;
  case NORM_2:
    PetscCall(HtMatrixNormSpectral(A, norm));
    break;
  default:
    SETERRQ(comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorMatrixNorm() computes NORM_1, NORM_2, NORM_FROBENIUS or NORM_INFINITY, not %s", NormTypes[type]);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
