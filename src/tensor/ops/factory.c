/*
   HtTensor factories: zeros, ones, full, arange, linspace, eye, from arrays, random.
*/
#include <heat/private/tensorimpl.h>

/*@C
   HtTensorZeros - Creates a tensor of zeros (the same as `HtTensorCreate()`).

   Collective

   Input Parameters:
+  comm - MPI communicator
.  ndim - number of axes
.  shape - global shape
.  split - distributed axis, or -1
-  dtype - element type

   Output Parameter:
.  t - the tensor

   Level: beginner

.seealso: `HtTensorOnes()`, `HtTensorFull()`, `HtTensorCreate()`
@*/
PetscErrorCode HtTensorZeros(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, HtDType dtype, HtTensor *t)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreate(comm, ndim, shape, split, dtype, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorFull - Creates a tensor with every element equal to `value`.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  ndim - number of axes
.  shape - global shape
.  split - distributed axis, or -1
.  dtype - element type (the value is truncated for `HT_INT`, and is `value != 0` for `HT_BOOL`)
-  value - the fill value

   Output Parameter:
.  t - the tensor

   Level: beginner

.seealso: `HtTensorZeros()`, `HtTensorOnes()`
@*/
PetscErrorCode HtTensorFull(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, HtDType dtype, PetscScalar value, HtTensor *t)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreate(comm, ndim, shape, split, dtype, t));
  PetscCall((*(*t)->ops->fill)(*t, value));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorOnes - Creates a tensor of ones.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  ndim - number of axes
.  shape - global shape
.  split - distributed axis, or -1
-  dtype - element type

   Output Parameter:
.  t - the tensor

   Level: beginner

.seealso: `HtTensorZeros()`, `HtTensorFull()`
@*/
PetscErrorCode HtTensorOnes(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, HtDType dtype, HtTensor *t)
{
  PetscFunctionBegin;
  PetscCall(HtTensorFull(comm, ndim, shape, split, dtype, 1.0, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorArange - Creates the 1-d tensor start, start + step, ... of the values below `stop` (NumPy's arange).

   Collective

   Input Parameters:
+  comm - MPI communicator
.  start - first value
.  stop - end of the interval (excluded)
.  step - spacing (non-zero)
.  split - 0 or -1
-  dtype - element type

   Output Parameter:
.  t - the tensor of ceil((stop - start) / step) elements

   Level: beginner

.seealso: `HtTensorLinspace()`
@*/
PetscErrorCode HtTensorArange(MPI_Comm comm, PetscScalar start, PetscScalar stop, PetscScalar step, PetscInt split, HtDType dtype, HtTensor *t)
{
  PetscReal len;
  PetscInt  n;

  PetscFunctionBegin;
  PetscCheck(PetscRealPart(step) != 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorArange() needs a non-zero step");
  len = PetscCeilReal(PetscRealPart((stop - start) / step));
  PetscCheck(len < (PetscReal)PETSC_MAX_INT, comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorArange() of %g elements is too large", (double)len);
  n = len > 0 ? (PetscInt)len : 0;
  PetscCall(HtTensorCreate(comm, 1, &n, split, dtype, t));
  PetscCall((*(*t)->ops->fillaffine)(*t, start, step));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorLinspace - Creates a 1-d tensor of `num` evenly spaced values from start to stop (NumPy's linspace).

   Collective

   Input Parameters:
+  comm - MPI communicator
.  start - first value
.  stop - last value (included if `endpoint`)
.  num - number of values (>= 0)
.  endpoint - whether stop is the last value
-  split - 0 or -1

   Output Parameter:
.  t - the `HT_SCALAR` tensor

   Level: beginner

.seealso: `HtTensorArange()`
@*/
PetscErrorCode HtTensorLinspace(MPI_Comm comm, PetscScalar start, PetscScalar stop, PetscInt num, PetscBool endpoint, PetscInt split, HtTensor *t)
{
  PetscInt     div = endpoint ? num - 1 : num, rend;
  PetscScalar *a;

  PetscFunctionBegin;
  PetscCheck(num >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorLinspace() needs num >= 0, not %" PetscInt_FMT, num);
  PetscCall(HtTensorCreate(comm, 1, &num, split, HT_SCALAR, t));
  PetscCall((*(*t)->ops->fillaffine)(*t, start, div > 0 ? (stop - start) / (PetscReal)div : 0.0));
  PetscCall(HtTensorGetOwnershipRange(*t, NULL, &rend));
  if (endpoint && num > 1 && rend == num) { /* the last value is exactly stop, as NumPy's */
    PetscCall(HtTensorGetArray(*t, &a));
    a[(*t)->nlocal - 1] = stop;
    PetscCall(HtTensorRestoreArray(*t, &a));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorEye - Creates an n x m matrix with ones on the diagonal.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  n - number of rows
.  m - number of columns
.  split - 0, 1 or -1
-  dtype - element type

   Output Parameter:
.  t - the tensor

   Level: beginner

.seealso: `HtTensorZeros()`
@*/
PetscErrorCode HtTensorEye(MPI_Comm comm, PetscInt n, PetscInt m, PetscInt split, HtDType dtype, HtTensor *t)
{
  PetscInt shape[2] = {n, m}, lo[2] = {0, 0}, hi[2] = {n, m};
  void    *a;

  PetscFunctionBegin;
  PetscCall(HtTensorCreate(comm, 2, shape, split, dtype, t));
  if (split >= 0) PetscCall(HtTensorGetOwnershipRange(*t, &lo[split], &hi[split]));
  PetscCall(HtTensorGetArray(*t, &a));
  for (PetscInt i = PetscMax(lo[0], lo[1]); i < PetscMin(hi[0], hi[1]); i++) HtElementSet(dtype, a, (i - lo[0]) * (*t)->lshape[1] + (i - lo[1]), 1.0);
  PetscCall(HtTensorRestoreArray(*t, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorCreateFromLocalArray - Creates a tensor from each rank's local block, copying it.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  ndim - number of axes
.  shape - global shape
.  split - distributed axis, or -1 (then every rank passes the whole tensor)
.  dtype - element type of `array`
.  nlocal - local length of the split axis on this rank, or `PETSC_DECIDE` for the balanced layout
-  array - this rank's row-major block

   Output Parameter:
.  t - the tensor

   Level: beginner

.seealso: `HtTensorCreateWithArray()`, `HtTensorGetArray()`
@*/
PetscErrorCode HtTensorCreateFromLocalArray(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, HtDType dtype, PetscInt nlocal, const void *array, HtTensor *t)
{
  void *a;

  PetscFunctionBegin;
  PetscCall(HtTensorCreate_Private(comm, ndim, shape, split, dtype, nlocal, NULL, t));
  if ((*t)->nlocal) PetscValidPointer(array, 7);
  PetscCall(HtTensorGetArrayWrite(*t, &a));
  PetscCall(PetscArraycpy((char *)a, (const char *)array, (size_t)(*t)->nlocal * (*t)->esize));
  PetscCall(HtTensorRestoreArrayWrite(*t, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorCreateWithArray - Creates a tensor that uses the caller's local block as its storage, without copying.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  ndim - number of axes
.  shape - global shape
.  split - distributed axis, or -1
.  dtype - element type of `array`
.  nlocal - local length of the split axis on this rank, or `PETSC_DECIDE`
-  array - this rank's row-major block; it must outlive the tensor and is not freed by it

   Output Parameter:
.  t - the tensor

   Level: intermediate

.seealso: `HtTensorCreateFromLocalArray()`
@*/
PetscErrorCode HtTensorCreateWithArray(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, HtDType dtype, PetscInt nlocal, void *array, HtTensor *t)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreate_Private(comm, ndim, shape, split, dtype, nlocal, array, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorCreateRandom_Private(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, PetscInt64 seed, PetscBool normal, HtTensor *t)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreate(comm, ndim, shape, split, HT_SCALAR, t));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Random, *t, 0, 0, 0));
  PetscCall((*(*t)->ops->fillrandom)(*t, seed, normal));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Random, *t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRand - Creates a tensor of uniform random numbers in [0, 1).

   Collective

   Input Parameters:
+  comm - MPI communicator
.  ndim - number of axes
.  shape - global shape
.  split - distributed axis, or -1
-  seed - the seed

   Output Parameter:
.  t - the `HT_SCALAR` tensor

   Level: beginner

   Note:
   Element i (flat row-major global index) is Philox4x32-10 keyed by the seed with counter i, so the
   same seed gives the same tensor, bit for bit, on any number of ranks and with any split.

.seealso: `HtTensorRandn()`
@*/
PetscErrorCode HtTensorRand(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, PetscInt64 seed, HtTensor *t)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreateRandom_Private(comm, ndim, shape, split, seed, PETSC_FALSE, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRandn - Creates a tensor of standard normal random numbers.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  ndim - number of axes
.  shape - global shape
.  split - distributed axis, or -1
-  seed - the seed

   Output Parameter:
.  t - the `HT_SCALAR` tensor

   Level: beginner

   Note:
   Box-Muller on one Philox4x32-10 block per element, indexed by the flat global index:
   independent of the number of ranks and of the split.

.seealso: `HtTensorRand()`
@*/
PetscErrorCode HtTensorRandn(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, PetscInt64 seed, HtTensor *t)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreateRandom_Private(comm, ndim, shape, split, seed, PETSC_TRUE, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}
