/*
   The host back end of HtTensor: HT_SCALAR data lives in a PETSc Vec, HT_INT and
   HT_BOOL data in a plain buffer; kernels are plain C loops.
*/
#include <heat/private/tensorimpl.h>
#include <heat/private/philox.h>

/* the block: the user's array (not copied, not freed), or memory of the tensor's own (t->owned), which the vector of
   an HT_SCALAR tensor uses without owning it */
static PetscErrorCode HtTensorAllocate_Host(HtTensor t, void *array, PetscBool zero)
{
  MPI_Comm comm = t->split < 0 ? PETSC_COMM_SELF : PetscObjectComm((PetscObject)t);
  void    *a    = array;

  PetscFunctionBegin;
  if (!array) PetscCall(HtTensorAllocateArray_Private(t, zero, &t->owned, &a)); /* a failure of one rank is raised on every rank */
  if (t->dtype == HT_SCALAR) PetscCall(VecCreateMPIWithArray(comm, 1, t->nlocal, PETSC_DECIDE, (PetscScalar *)a, &t->vec));
  else t->array = a;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorFreeStorage_Host(HtTensor t)
{
  PetscFunctionBegin;
  PetscCall(VecDestroy(&t->vec));
  PetscCall(PetscFree(t->owned));
  t->array = NULL;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorGetArray_Host(HtTensor t, PetscMemoryAccessMode mode, void **array)
{
  PetscFunctionBegin;
  if (t->dtype != HT_SCALAR) *array = t->array;
  else if (mode == PETSC_MEMORY_ACCESS_READ) PetscCall(VecGetArrayRead(t->vec, (const PetscScalar **)array));
  else if (mode == PETSC_MEMORY_ACCESS_WRITE) PetscCall(VecGetArrayWrite(t->vec, (PetscScalar **)array));
  else PetscCall(VecGetArray(t->vec, (PetscScalar **)array));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorRestoreArray_Host(HtTensor t, PetscMemoryAccessMode mode, void **array)
{
  PetscFunctionBegin;
  if (t->dtype != HT_SCALAR) PetscFunctionReturn(PETSC_SUCCESS);
  if (mode == PETSC_MEMORY_ACCESS_READ) PetscCall(VecRestoreArrayRead(t->vec, (const PetscScalar **)array));
  else if (mode == PETSC_MEMORY_ACCESS_WRITE) PetscCall(VecRestoreArrayWrite(t->vec, (PetscScalar **)array));
  else PetscCall(VecRestoreArray(t->vec, (PetscScalar **)array));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorGetVec_Host(HtTensor t, Vec *v)
{
  PetscFunctionBegin;
  *v = t->vec;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* Applies `BODY` to every local element: `x` is the element, `gi` its flat global index. */
#define HT_FOR_EACH_LOCAL(t, TYPE, BODY) \
  do { \
    TYPE    *_a; \
    PetscInt _off, _stride, _nrow = (t)->split < 0 ? (t)->size : (t)->lshape[(t)->split] * (t)->inner; \
    PetscInt _nouter = (t)->split < 0 ? 1 : (t)->outer; \
    PetscCall(HtTensorGetGlobalOffset_Private((t), &_off, &_stride)); \
    PetscCall((*(t)->ops->getarray)((t), PETSC_MEMORY_ACCESS_WRITE, (void **)&_a)); \
    for (PetscInt _o = 0; _o < _nouter; _o++) { \
      for (PetscInt _j = 0; _j < _nrow; _j++) { \
        const PetscInt64 gi = (PetscInt64)_o * _stride + _off + _j; \
        TYPE            *x  = &_a[(PetscInt64)_o * _nrow + _j]; \
        (void)gi; \
        BODY; \
      } \
    } \
    PetscCall((*(t)->ops->restorearray)((t), PETSC_MEMORY_ACCESS_WRITE, (void **)&_a)); \
  } while (0)

/* Applies `BODY` with the element `x` typed after the tensor's dtype and `v` the PetscScalar value to store. */
#define HT_FOR_EACH_LOCAL_ANY(t, VALUE) \
  do { \
    switch ((t)->dtype) { \
    case HT_SCALAR: \
      HT_FOR_EACH_LOCAL(t, PetscScalar, *x = (VALUE)); \
      break; \
    case HT_INT: \
      HT_FOR_EACH_LOCAL(t, PetscInt, *x = (PetscInt)PetscRealPart(VALUE)); \
      break; \
    case HT_BOOL: \
      HT_FOR_EACH_LOCAL(t, PetscBool, *x = (PetscBool)(PetscRealPart(VALUE) != 0)); \
      break; \
    } \
  } while (0)

static PetscErrorCode HtTensorFill_Host(HtTensor t, PetscScalar value)
{
  PetscFunctionBegin;
  HT_FOR_EACH_LOCAL_ANY(t, value);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorFillAffine_Host(HtTensor t, PetscScalar a, PetscScalar b)
{
  PetscFunctionBegin;
  HT_FOR_EACH_LOCAL_ANY(t, a + b * (PetscReal)gi);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorFillRandom_Host(HtTensor t, PetscInt64 seed, PetscBool normal)
{
  PetscFunctionBegin;
  PetscCheck(t->dtype == HT_SCALAR, PETSC_COMM_SELF, PETSC_ERR_SUP, "Random fills need an HT_SCALAR tensor");
  if (normal) HT_FOR_EACH_LOCAL(t, PetscScalar, *x = HtPhiloxNormal((uint64_t)seed, (uint64_t)gi));
  else HT_FOR_EACH_LOCAL(t, PetscScalar, *x = HtPhiloxUniform((uint64_t)seed, (uint64_t)gi));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* y = x in y's dtype; scalars that truncate to no HT_INT (NaN, +-inf, beyond PetscInt's range) are counted in *nbad
   and stored as 0; the same dtype is a plain copy (PetscInt through a PetscScalar loses bits beyond 2^53) */
static PetscErrorCode HtTensorConvert_Host(HtTensor x, HtTensor y, PetscInt *nbad)
{
  const void *xa;
  void       *ya;
  size_t      esize;

  PetscFunctionBegin;
  *nbad = 0;
  PetscCall((*x->ops->getarray)(x, PETSC_MEMORY_ACCESS_READ, (void **)&xa));
  PetscCall((*y->ops->getarray)(y, PETSC_MEMORY_ACCESS_WRITE, &ya));
  if (x->dtype == y->dtype) {
    PetscCall(HtDTypeGetSize(x->dtype, &esize));
    PetscCall(PetscArraycpy((char *)ya, (const char *)xa, x->nlocal * esize));
  } else if (x->dtype == HT_SCALAR && y->dtype == HT_INT) {
    const PetscReal limit = -(PetscReal)PETSC_MIN_INT; /* 2^31 or 2^63, exact in a double */

    for (PetscInt i = 0; i < x->nlocal; i++) {
      PetscReal v    = trunc(PetscRealPart(((const PetscScalar *)xa)[i]));
      PetscBool fits = (PetscBool)(v >= -limit && v < limit); /* NaN fails both */

      ((PetscInt *)ya)[i] = fits ? (PetscInt)v : 0;
      *nbad += !fits;
    }
  } else {
    for (PetscInt i = 0; i < x->nlocal; i++) HtElementSet(y->dtype, ya, i, HtElementGet(x->dtype, xa, i));
  }
  PetscCall((*y->ops->restorearray)(y, PETSC_MEMORY_ACCESS_WRITE, &ya));
  PetscCall((*x->ops->restorearray)(x, PETSC_MEMORY_ACCESS_READ, (void **)&xa));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTTENSORHOST - "host" - tensors stored in host memory: `HT_SCALAR` data in a PETSc `Vec`
   (so `HtTensorGetVec()` is zero-copy), `HT_INT` and `HT_BOOL` data in a plain buffer.

   Options Database Key:
.  -ht_tensor_type host - selects this back end (the default)

   Level: beginner

.seealso: `HtTensorCreate()`, `HtTensorRegister()`
M*/
PetscErrorCode HtTensorCreate_Host(HtTensor t)
{
  PetscFunctionBegin;
  t->ops->allocate     = HtTensorAllocate_Host;
  t->ops->freestorage  = HtTensorFreeStorage_Host;
  t->ops->getarray     = HtTensorGetArray_Host;
  t->ops->restorearray = HtTensorRestoreArray_Host;
  t->ops->fill         = HtTensorFill_Host;
  t->ops->fillaffine   = HtTensorFillAffine_Host;
  t->ops->fillrandom   = HtTensorFillRandom_Host;
  t->ops->convert      = HtTensorConvert_Host;
  t->ops->getvec       = HtTensorGetVec_Host;
  /* elementwise kernels */
  t->ops->binary       = HtTensorBinary_Host;
  t->ops->unary        = HtTensorUnary_Host;
  t->ops->clip         = HtTensorClip_Host;
  t->ops->where        = HtTensorWhere_Host;
  t->ops->axpy         = HtTensorAXPY_Host;
  /* reduction kernels */
  t->ops->reduce = &HtReduceKernels_Host;
  t->ops->select = &HtSelectKernels_Host;
  /* linalg kernels */
  t->ops->gemm         = HtTensorGemm_Host;
  t->ops->centeredproduct = HtTensorCenteredProduct_Host;
  t->ops->points       = &HtPointsKernels_Host;
  t->ops->samples      = &HtSamplesKernels_Host;
  t->ops->permute      = HtTensorPermute_Host;
  t->ops->triangle     = HtTensorTriangle_Host;
  t->ops->diagsum      = HtTensorDiagSum_Host;
  t->ops->qr           = HtTensorQR_Host;
  /* manipulation kernels */
  t->ops->copystrided = HtTensorCopyStrided_Host;
  t->ops->reverse     = HtTensorReverse_Host;
  /* sorting kernels */
  PetscCall(HtTensorCreateHostSortKernels_Private(t));
  PetscFunctionReturn(PETSC_SUCCESS);
}
