/*
   Random sampling from the uniform, normal and discrete uniform distributions. Every value is a
   transform of the counter-based Philox draw of its flat global index (HtTensorRand(), HtTensorRandn()),
   so a seeded tensor is the same on any number of ranks and with any split.
*/
#include <heat/private/tensorimpl.h>

PetscLogEvent HT_TENSOR_Sample;

/* t = shift + scale * draw (NumPy's loc + scale * draw), the draws of HtTensorRandn() if normal, else of HtTensorRand() */
static PetscErrorCode HtTensorRandomAffine(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, PetscBool normal, PetscReal scale, PetscReal shift, PetscInt64 seed, HtTensor *t)
{
  PetscFunctionBegin;
  if (normal) PetscCall(HtTensorRandn(comm, ndim, shape, split, seed, t));
  else PetscCall(HtTensorRand(comm, ndim, shape, split, seed, t));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Sample, *t, 0, 0, 0));
  if (scale != 1) PetscCall(HtTensorBinaryScalarInPlace(HT_BINARY_MULTIPLY, *t, scale));
  if (shift != 0) PetscCall(HtTensorBinaryScalarInPlace(HT_BINARY_ADD, *t, shift));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Sample, *t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRandomUniform - Creates a tensor of random numbers uniform in [low, high) (NumPy's uniform).

   Collective

   Input Parameters:
+  comm - MPI communicator
.  ndim - number of axes
.  shape - global shape
.  split - distributed axis, or -1
.  low - the lower bound (included)
.  high - the upper bound (excluded)
-  seed - the seed

   Output Parameter:
.  t - the `HT_SCALAR` tensor

   Level: beginner

   Note:
   Element i (flat global index) is low + (high - low) u_i with u_i the value of `HtTensorRand()` with
   the same seed, so the tensor is the same on any number of ranks and with any split. As in NumPy,
   low > high is allowed (the values then lie in (high, low]).

.seealso: `HtTensorRand()`, `HtTensorRandomNormal()`, `HtTensorRandomIntegers()`
@*/
PetscErrorCode HtTensorRandomUniform(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, PetscReal low, PetscReal high, PetscInt64 seed, HtTensor *t)
{
  PetscFunctionBegin;
  PetscCheck(!PetscIsInfOrNanReal(low) && !PetscIsInfOrNanReal(high), comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorRandomUniform() needs finite bounds, not [%g, %g)", (double)low, (double)high);
  PetscCall(HtTensorRandomAffine(comm, ndim, shape, split, PETSC_FALSE, high - low, low, seed, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRandomNormal - Creates a tensor of normal random numbers with mean `mean` and standard deviation `std` (NumPy's normal).

   Collective

   Input Parameters:
+  comm - MPI communicator
.  ndim - number of axes
.  shape - global shape
.  split - distributed axis, or -1
.  mean - the mean
.  std - the standard deviation (>= 0)
-  seed - the seed

   Output Parameter:
.  t - the `HT_SCALAR` tensor

   Level: beginner

   Note:
   Element i is mean + std z_i with z_i the value of `HtTensorRandn()` with the same seed: the same
   tensor on any number of ranks and with any split.

.seealso: `HtTensorRandn()`, `HtTensorRandomUniform()`
@*/
PetscErrorCode HtTensorRandomNormal(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, PetscReal mean, PetscReal std, PetscInt64 seed, HtTensor *t)
{
  PetscFunctionBegin;
  PetscCheck(std >= 0 && !PetscIsInfOrNanReal(std) && !PetscIsInfOrNanReal(mean), comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorRandomNormal() needs a finite mean and a finite standard deviation >= 0, not mean %g, std %g", (double)mean, (double)std);
  PetscCall(HtTensorRandomAffine(comm, ndim, shape, split, PETSC_TRUE, std, mean, seed, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRandomIntegers - Creates a tensor of random integers uniform in [low, high) (NumPy's Generator.integers).

   Collective

   Input Parameters:
+  comm - MPI communicator
.  ndim - number of axes
.  shape - global shape
.  split - distributed axis, or -1
.  low - the smallest value
.  high - one more than the largest value (> low)
.  dtype - `HT_INT`, `HT_SCALAR` (integral values), or `HT_BOOL` (for 0 <= low < high <= 2)
-  seed - the seed

   Output Parameter:
.  t - the tensor

   Level: beginner

   Note:
   Element i is low + floor((high - low) u_i) with u_i the value of `HtTensorRand()` with the same seed
   (53 random bits, so the bias is below 2^-21 for any range of `PetscInt`): the same tensor on any
   number of ranks and with any split.

.seealso: `HtTensorRand()`, `HtTensorRandomUniform()`
@*/
PetscErrorCode HtTensorRandomIntegers(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, PetscInt low, PetscInt high, HtDType dtype, PetscInt64 seed, HtTensor *t)
{
  HtTensor u;

  PetscFunctionBegin;
  PetscCheck(low < high, comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorRandomIntegers() needs low < high, not low %" PetscInt_FMT ", high %" PetscInt_FMT "; high is excluded", low, high);
  PetscCheck(dtype >= HT_SCALAR && dtype <= HT_BOOL, comm, PETSC_ERR_ARG_OUTOFRANGE, "Unknown HtDType %d; use HT_SCALAR, HT_INT or HT_BOOL", (int)dtype);
  PetscCheck(dtype != HT_BOOL || (low >= 0 && high <= 2), comm, PETSC_ERR_ARG_OUTOFRANGE, "HT_BOOL random integers need 0 <= low < high <= 2, not [%" PetscInt_FMT ", %" PetscInt_FMT ")", low, high);
  PetscCall(HtTensorRand(comm, ndim, shape, split, seed, &u));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Sample, u, 0, 0, 0));
  PetscCall(HtTensorBinaryScalarInPlace(HT_BINARY_MULTIPLY, u, (PetscReal)((PetscInt64)high - (PetscInt64)low)));
  PetscCall(HtTensorUnaryInPlace(HT_UNARY_FLOOR, u));
  if (low) PetscCall(HtTensorBinaryScalarInPlace(HT_BINARY_ADD, u, (PetscReal)low));
  if (dtype == HT_SCALAR) {
    *t = u;
    u  = NULL;
  } else PetscCall(HtTensorAsType(u, dtype, t));
  PetscCall(HtTensorDestroy(&u));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Sample, *t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}
