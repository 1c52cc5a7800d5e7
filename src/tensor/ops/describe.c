/*
   Per-column summary statistics of a data matrix: the reductions along the samples axis, with the mean and
   the standard deviation from one pass of Welford/Chan moments (shared with HtTensorVar() and HtTensorStd()).
*/
#include <heat/private/tensorimpl.h>

/*@C
   HtTensorDescribe - Per-column minimum, mean, maximum and standard deviation of a 2-d data tensor.

   Collective

   Input Parameter:
.  X - an `HT_SCALAR` tensor of shape (samples, features), split 0

   Output Parameters:
+  min - minimum of each column (or NULL)
.  mean - mean of each column (or NULL)
.  max - maximum of each column (or NULL)
-  std - population standard deviation (ddof 0, as NumPy's std) of each column (or NULL)

   Level: beginner

   Notes:
   The outputs are replicated (split -1) 1-d tensors of length `features`. The mean and
   std come from one pass of per-rank moments (chunk-wise two-pass, Welford/Chan) merged
   pairwise over the ranks in one allreduce, so they are accurate even when the mean is
   large compared with the spread. NaN in X propagates to the column's min, mean, max and std.

.seealso: `HtTensorLoad()`, `HtTensorMin()`, `HtTensorMax()`, `HtTensorMean()`, `HtTensorStd()`
@*/
PetscErrorCode HtTensorDescribe(HtTensor X, HtTensor *min, HtTensor *mean, HtTensor *max, HtTensor *std)
{
  MPI_Comm comm;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 1);
  comm = PetscObjectComm((PetscObject)X);
  PetscCheck(X->ndim == 2, comm, PETSC_ERR_ARG_WRONG, "HtTensorDescribe() needs a 2-d (samples, features) tensor, not %" PetscInt_FMT "-d", X->ndim);
  PetscCheck(X->split == 0, comm, PETSC_ERR_ARG_WRONG, "HtTensorDescribe() needs a tensor split along its samples (axis 0), not %" PetscInt_FMT "; use HtTensorResplit(X, 0, &Y)", X->split);
  PetscCheck(X->dtype == HT_SCALAR, comm, PETSC_ERR_ARG_WRONG, "HtTensorDescribe() needs an HT_SCALAR tensor; convert with HtTensorAsType()");
  if (min) PetscCall(HtTensorMin(X, 0, PETSC_FALSE, min));
  if (max) PetscCall(HtTensorMax(X, 0, PETSC_FALSE, max));
  if (mean || std) PetscCall(HtTensorMoments_Private(X, 0, 0, PETSC_FALSE, mean, std));
  PetscFunctionReturn(PETSC_SUCCESS);
}
