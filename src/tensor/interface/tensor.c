/*
   HtTensor: creation, destruction and accessors.
*/
#include <heat/private/tensorimpl.h>
#include <heat/private/kernelimpl.h>
#include <heat/private/heatimpl.h>

static PetscErrorCode HtTensorCheckShape_Private(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, HtDType dtype)
{
  PetscInt64 size = 1;

  PetscFunctionBegin;
  PetscCheck(ndim >= 0 && ndim <= HT_MAX_NDIM, comm, PETSC_ERR_ARG_OUTOFRANGE, "A tensor has 0 to %d axes, not %" PetscInt_FMT, HT_MAX_NDIM, ndim);
  PetscCheck(split >= -1 && split < ndim, comm, PETSC_ERR_ARG_OUTOFRANGE, "Split axis %" PetscInt_FMT " is not an axis of a %" PetscInt_FMT "-d tensor; use 0..%" PetscInt_FMT ", or -1 for a replicated tensor", split, ndim, ndim - 1);
  PetscCheck(dtype >= HT_SCALAR && dtype <= HT_BOOL, comm, PETSC_ERR_ARG_OUTOFRANGE, "Unknown HtDType %d; use HT_SCALAR, HT_INT or HT_BOOL", (int)dtype);
  for (PetscInt d = 0; d < ndim; d++) {
    PetscCheck(shape[d] >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "Axis %" PetscInt_FMT " has negative length %" PetscInt_FMT, d, shape[d]);
    PetscCheck(!shape[d] || size <= PETSC_MAX_INT / shape[d], comm, PETSC_ERR_ARG_OUTOFRANGE, "Tensor of %" PetscInt_FMT " axes is too large for %d-bit PetscInt", ndim, (int)(8 * sizeof(PetscInt)));
    size *= shape[d]; /* size * shape[d] <= PETSC_MAX_INT: no overflow, also with 64-bit PetscInt */
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorSetUpLayout_Private(HtTensor t, PetscInt nlocal)
{
  PetscInt64 nl;

  PetscFunctionBegin;
  t->outer = 1;
  t->inner = 1;
  t->size  = 1;
  for (PetscInt d = 0; d < t->ndim; d++) {
    t->lshape[d] = t->shape[d];
    t->size *= t->shape[d];
    if (t->split >= 0 && d < t->split) t->outer *= t->shape[d];
    if (t->split >= 0 && d > t->split) t->inner *= t->shape[d];
  }
  PetscCall(PetscLayoutDestroy(&t->map));
  if (t->split >= 0 && nlocal != PETSC_DECIDE) {
    MPI_Comm comm = PetscObjectComm((PetscObject)t);
    PetscInt sum, bad = nlocal < 0 ? 1 : 0;

    PetscCall(MPIU_Allreduce(&nlocal, &sum, 1, MPIU_INT, MPI_SUM, comm));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &bad, 1, MPIU_INT, MPI_MAX, comm));
    PetscCheck(!bad && sum == t->shape[t->split], comm, PETSC_ERR_ARG_SIZ, "The local lengths of split axis %" PetscInt_FMT " add up to %" PetscInt_FMT " but the axis has length %" PetscInt_FMT "; pass local lengths >= 0 that sum to it, or PETSC_DECIDE", t->split, sum, t->shape[t->split]);
  }
  if (t->split >= 0) {
    PetscCall(PetscLayoutCreateFromSizes(PetscObjectComm((PetscObject)t), nlocal, t->shape[t->split], 1, &t->map));
    t->lshape[t->split] = t->map->n;
  }
  nl = 1;
  for (PetscInt d = 0; d < t->ndim; d++) nl *= t->lshape[d];
  t->nlocal = (PetscInt)nl;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the creation routine of a registered back end, or an error listing those registered */
static PetscErrorCode HtTensorFindType_Private(HtTensor t, HtTensorType type, PetscErrorCode (**create)(HtTensor))
{
  PetscFunctionBegin;
  PetscCall(HeatFunctionListFindCreate((PetscObject)t, HtTensorList, type, (PetscVoidFunction *)create));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorAllocateArray_Private - new host memory for the local block of t, zeroed when asked: *owned, to be freed with
   PetscFree(), and *a, the block, at the first HT_ARRAY_ALIGN boundary in it. For a distributed tensor a failure of any
   rank (out of memory, or the testing option -ht_fault_inject_malloc) is raised on every rank of its communicator,
   naming the rank, so that no rank waits for the others in a collective call; a replicated tensor's failure is raised
   by the rank that had it.
*/
PetscErrorCode HtTensorAllocateArray_Private(HtTensor t, PetscBool zero, void **owned, void **a)
{
  size_t         bytes    = (size_t)PetscMax(t->nlocal, 1) * t->esize + HT_ARRAY_ALIGN;
  PetscBool      injected = (PetscBool)(t->split >= 0 && HtFaultInjected(HT_FAULT_MALLOC));
  PetscErrorCode ierr     = PETSC_ERR_MEM;
  PetscMPIInt    rank;
  char           shape[128], msg[512] = "";

  PetscFunctionBegin;
  *owned = *a = NULL;
  if (!injected) { /* a failure is reported below, not by PETSc's handler on this rank alone */
    PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
    ierr = zero ? PetscCalloc(bytes, owned) : PetscMalloc(bytes, owned);
    PetscCall(PetscPopErrorHandler());
  }
  if (ierr) {
    PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)t), &rank));
    PetscCall(HtShapeToString(t->ndim, t->shape, shape, sizeof(shape)));
    PetscCall(PetscSNPrintf(msg, sizeof(msg), "Out of memory: rank %d could not allocate %zu bytes for its block of a tensor of shape %s%s; use more ranks (or nodes) or less data", rank, bytes, shape, injected ? " (injected by -ht_fault_inject_malloc)" : ""));
  }
  if (t->split >= 0) PetscCall(HtCollectiveCheck(PetscObjectComm((PetscObject)t), ierr, msg));
  else PetscCheck(!ierr, PETSC_COMM_SELF, PETSC_ERR_MEM, "%s", msg);
  *a = (void *)(((uintptr_t)*owned + HT_ARRAY_ALIGN - 1) / HT_ARRAY_ALIGN * HT_ARRAY_ALIGN);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorCreate_Private - creates a tensor with storage; user array (not copied, not freed) or NULL for zeros.
   nlocal is the local length of the split axis or PETSC_DECIDE.
*/
static PetscErrorCode HtTensorCreateStorage_Private(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, HtDType dtype, PetscInt nlocal, void *array, PetscBool zero, HtTensor *tensor)
{
  HtTensor t;
  PetscErrorCode (*create)(HtTensor);

  PetscFunctionBegin;
  PetscValidPointer(tensor, 9);
  if (ndim) PetscValidIntPointer(shape, 3);
  PetscCall(HtTensorInitializePackage());
  PetscCall(HtTensorCheckShape_Private(comm, ndim, shape, split, dtype));
  PetscCheck(split >= 0 || nlocal == PETSC_DECIDE, comm, PETSC_ERR_ARG_WRONG, "A replicated tensor (split -1) has no local size to set; pass PETSC_DECIDE");
  PetscCall(PetscLogEventBegin(HT_TENSOR_Create, 0, 0, 0, 0));
  PetscCall(PetscHeaderCreate(t, HT_TENSOR_CLASSID, "HtTensor", "Distributed n-d tensor", "HtTensor", comm, HtTensorDestroy, HtTensorView));
  t->ndim  = ndim;
  t->split = split;
  t->dtype = dtype;
  for (PetscInt d = 0; d < ndim; d++) t->shape[d] = shape[d];
  PetscCall(HtDTypeGetSize(dtype, &t->esize));
  PetscCall(HtTensorSetUpLayout_Private(t, nlocal));
  PetscCall(HtTensorFindType_Private(t, HTTENSORHOST, &create));
  PetscCall(PetscObjectChangeTypeName((PetscObject)t, HTTENSORHOST));
  PetscCall((*create)(t));
  PetscCall((*t->ops->allocate)(t, array, zero));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Create, 0, 0, 0, 0));
  *tensor = t;
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode HtTensorCreate_Private(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, HtDType dtype, PetscInt nlocal, void *array, HtTensor *tensor)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreateStorage_Private(comm, ndim, shape, split, dtype, nlocal, array, PETSC_TRUE, tensor));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorCreateUninitialized_Private - as HtTensorCreate_Private() with new storage whose values are undefined: for the
   results of operations that write every element, which then save a pass of zeros over memory
*/
PetscErrorCode HtTensorCreateUninitialized_Private(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, HtDType dtype, PetscInt nlocal, HtTensor *tensor)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreateStorage_Private(comm, ndim, shape, split, dtype, nlocal, NULL, PETSC_FALSE, tensor));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorCreate - Creates a distributed tensor filled with zeros, its split axis balanced over the ranks.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  ndim - number of axes (0 to `HT_MAX_NDIM`)
.  shape - global length of each axis
.  split - the distributed axis, or -1 for a tensor every rank holds whole
-  dtype - `HT_SCALAR`, `HT_INT` or `HT_BOOL`

   Output Parameter:
.  tensor - the new tensor

   Level: beginner

   Note:
   Rank r owns the contiguous index range [rstart, rend) of the split axis, as
   `PetscSplitOwnership()` balances it; the local block is row-major.

.seealso: `HtTensorCreateWithLayout()`, `HtTensorZeros()`, `HtTensorDestroy()`, `HtTensorGetOwnershipRange()`
@*/
PetscErrorCode HtTensorCreate(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, HtDType dtype, HtTensor *tensor)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreate_Private(comm, ndim, shape, split, dtype, PETSC_DECIDE, NULL, tensor));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorCreateWithLayout - Creates a zero tensor with a given local length of the split axis on this rank.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  ndim - number of axes
.  shape - global shape
.  split - the distributed axis (not -1)
.  dtype - element type
-  nlocal - the number of indices of the split axis this rank owns, or `PETSC_DECIDE`

   Output Parameter:
.  tensor - the new tensor

   Level: intermediate

.seealso: `HtTensorCreate()`, `HtTensorSetLayout()`, `HtTensorBalance()`
@*/
PetscErrorCode HtTensorCreateWithLayout(MPI_Comm comm, PetscInt ndim, const PetscInt shape[], PetscInt split, HtDType dtype, PetscInt nlocal, HtTensor *tensor)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreate_Private(comm, ndim, shape, split, dtype, nlocal, NULL, tensor));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorDestroy - Destroys a tensor.

   Collective

   Input Parameter:
.  tensor - the tensor, set to NULL on return

   Level: beginner

.seealso: `HtTensorCreate()`
@*/
PetscErrorCode HtTensorDestroy(HtTensor *tensor)
{
  PetscFunctionBegin;
  if (!*tensor) PetscFunctionReturn(PETSC_SUCCESS);
  PetscValidHeaderSpecific(*tensor, HT_TENSOR_CLASSID, 1);
  if (--((PetscObject)(*tensor))->refct > 0) {
    *tensor = NULL;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCheck(!(*tensor)->arraylocks, PETSC_COMM_SELF, PETSC_ERR_ORDER, "Destroying a tensor whose array is still held; call HtTensorRestoreArray() first");
  if ((*tensor)->ops->freestorage) PetscCall((*(*tensor)->ops->freestorage)(*tensor));
  if ((*tensor)->ops->destroy) PetscCall((*(*tensor)->ops->destroy)(*tensor));
  PetscCall(PetscLayoutDestroy(&(*tensor)->map));
  PetscCall(PetscHeaderDestroy(tensor));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSetType - Moves a tensor to another storage back end, keeping its values.

   Collective

   Input Parameters:
+  t - the tensor (no array of it may be held, see `HtTensorGetArray()`)
-  type - the back end, `HTTENSORHOST` or one added with `HtTensorRegister()`

   Options Database Key:
.  -ht_tensor_type <host> - the back end, read by `HtTensorSetFromOptions()`

   Level: advanced

   Note:
   New tensors are created on the host; the results of operations are created on the host too.

.seealso: `HtTensorGetType()`, `HtTensorSetFromOptions()`, `HtTensorRegister()`
@*/
PetscErrorCode HtTensorSetType(HtTensor t, HtTensorType type)
{
  PetscErrorCode (*create)(HtTensor);
  PetscBool same;
  void     *old, *copy;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidCharPointer(type, 2);
  PetscCall(PetscObjectTypeCompare((PetscObject)t, type, &same));
  if (same) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtTensorFindType_Private(t, type, &create));
  PetscCheck(!t->arraylocks, PETSC_COMM_SELF, PETSC_ERR_ORDER, "Cannot change the back end of a tensor whose array is held; call HtTensorRestoreArray() first");
  /* the values, through the old back end's array, into a copy; then the new back end's storage */
  PetscCall(PetscMalloc(PetscMax(t->nlocal, 1) * t->esize, &copy));
  PetscCall((*t->ops->getarray)(t, PETSC_MEMORY_ACCESS_READ, &old));
  PetscCall(PetscMemcpy(copy, old, t->nlocal * t->esize));
  PetscCall((*t->ops->restorearray)(t, PETSC_MEMORY_ACCESS_READ, &old));
  PetscCall((*t->ops->freestorage)(t));
  PetscTryTypeMethod(t, destroy);
  PetscCall(PetscMemzero(t->ops, sizeof(struct _HtTensorOps)));
  t->data = NULL;
  PetscCall(PetscObjectChangeTypeName((PetscObject)t, type));
  PetscCall((*create)(t));
  PetscCall((*t->ops->allocate)(t, NULL, PETSC_FALSE));
  PetscCall((*t->ops->getarray)(t, PETSC_MEMORY_ACCESS_WRITE, &old));
  PetscCall(PetscMemcpy(old, copy, t->nlocal * t->esize));
  PetscCall((*t->ops->restorearray)(t, PETSC_MEMORY_ACCESS_WRITE, &old));
  PetscCall(PetscFree(copy));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSetFromOptions - Sets the back end of a tensor, and the kernels' instruction set, from the options database.

   Collective

   Input Parameter:
.  t - the tensor

   Options Database Keys:
+  -ht_tensor_type <host> - the storage back end of this tensor
.  -ht_kernel_isa <avx512,avx2,baseline> - the highest x86-64 instruction set of the kernels compiled per level (the
   k-means distances, the covariance, the pairwise distances) for every tensor; default: the best this CPU has; the
   lower ones are there to check them, or to compare results across machines
.  -ht_fault_inject_malloc <RANK:COUNT> - testing: the COUNT-th allocation of a distributed tensor's storage fails on
   rank RANK of `PETSC_COMM_WORLD` (as when it runs out of memory); every rank raises the error (read when the
   package is initialized)
.  -ht_fault_inject_write <RANK:COUNT> - testing: the COUNT-th save of a file (`HtTensorSave()` and its formats) fails
   on rank RANK after the data are written to the temporary file, as a full disk would; the existing file stays as
   it was and the temporary file is removed
-  -ht_mpi_max_count <n> - the largest count of one MPI call with a count that follows the data size (default
   2147483647, the int range of MPI counts); larger transfers go in pieces or as large-count datatypes; a small value
   exercises these paths in tests, results do not depend on it

   Level: intermediate

.seealso: `HtTensorSetType()`, `HtTensorSetOptionsPrefix()`
@*/
PetscErrorCode HtTensorSetFromOptions(HtTensor t)
{
  char      type[256];
  PetscBool set;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscObjectOptionsBegin((PetscObject)t);
  PetscCall(PetscOptionsFList("-ht_tensor_type", "Storage back end", "HtTensorSetType", HtTensorList, ((PetscObject)t)->type_name, type, sizeof(type), &set));
  if (set) PetscCall(HtTensorSetType(t, type));
  PetscCall(PetscOptionsEnum("-ht_kernel_isa", "Highest x86-64 instruction set of the kernels compiled per level", "HtTensorSetFromOptions", HtKernelISAs, (PetscEnum)HtKernelISAMax, (PetscEnum *)&HtKernelISAMax, NULL));
  PetscCall(PetscOptionsString(HtFaultOptions[HT_FAULT_MALLOC], "Testing: the COUNT-th allocation of a distributed tensor fails on rank RANK", "HtTensorSetFromOptions", "none", type, sizeof(type), NULL));
  PetscCall(PetscOptionsString(HtFaultOptions[HT_FAULT_WRITE], "Testing: the COUNT-th file save fails on rank RANK after writing its data", "HtTensorSetFromOptions", "none", type, sizeof(type), NULL));
  PetscCall(HtMPIMaxCountFromOptions(PetscOptionsObject));
  PetscCall(PetscObjectProcessOptionsHandlers((PetscObject)t, PetscOptionsObject));
  PetscOptionsEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSetOptionsPrefix - Sets the prefix of the options of a tensor (e.g. "data_" gives -data_ht_tensor_type).

   Logically Collective

   Input Parameters:
+  t - the tensor
-  prefix - the prefix

   Level: advanced

.seealso: `HtTensorSetFromOptions()`
@*/
PetscErrorCode HtTensorSetOptionsPrefix(HtTensor t, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscCall(PetscObjectSetOptionsPrefix((PetscObject)t, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetType - Gets the storage back end of a tensor.

   Not Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  type - the back end name, such as `HTTENSORHOST`

   Level: advanced

.seealso: `HtTensorRegister()`
@*/
PetscErrorCode HtTensorGetType(HtTensor t, HtTensorType *type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  *type = ((PetscObject)t)->type_name;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSetName - Names a tensor; the name titles `HtTensorView()` and is the dataset name in HDF5 viewers.

   Not Collective

   Input Parameters:
+  t - the tensor
-  name - the name

   Level: beginner

.seealso: `HtTensorView()`, `PetscObjectSetName()`
@*/
PetscErrorCode HtTensorSetName(HtTensor t, const char name[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscCall(PetscObjectSetName((PetscObject)t, name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetNDim - Gets the number of axes.

   Not Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  ndim - number of axes

   Level: beginner

.seealso: `HtTensorGetShape()`
@*/
PetscErrorCode HtTensorGetNDim(HtTensor t, PetscInt *ndim)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidIntPointer(ndim, 2);
  *ndim = t->ndim;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetShape - Gets the global shape (an array of `HtTensorGetNDim()` entries owned by the tensor).

   Not Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  shape - global length of each axis

   Level: beginner

.seealso: `HtTensorGetLocalShape()`, `HtTensorGetNDim()`
@*/
PetscErrorCode HtTensorGetShape(HtTensor t, const PetscInt *shape[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(shape, 2);
  *shape = t->shape;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetLocalShape - Gets the shape of this rank's block: the global shape with the split axis replaced by its local length.

   Not Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  lshape - local length of each axis (owned by the tensor)

   Level: beginner

.seealso: `HtTensorGetShape()`, `HtTensorGetOwnershipRange()`
@*/
PetscErrorCode HtTensorGetLocalShape(HtTensor t, const PetscInt *lshape[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(lshape, 2);
  *lshape = t->lshape;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetSize - Gets the global number of elements.

   Not Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  size - product of the global shape

   Level: beginner

.seealso: `HtTensorGetLocalSize()`
@*/
PetscErrorCode HtTensorGetSize(HtTensor t, PetscInt *size)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidIntPointer(size, 2);
  *size = t->size;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetLocalSize - Gets the number of elements this rank stores.

   Not Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  size - product of the local shape

   Level: beginner

.seealso: `HtTensorGetSize()`, `HtTensorGetLocalShape()`
@*/
PetscErrorCode HtTensorGetLocalSize(HtTensor t, PetscInt *size)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidIntPointer(size, 2);
  *size = t->nlocal;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetSplit - Gets the distributed axis.

   Not Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  split - the split axis, or -1 when every rank holds the whole tensor

   Level: beginner

.seealso: `HtTensorResplit()`
@*/
PetscErrorCode HtTensorGetSplit(HtTensor t, PetscInt *split)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidIntPointer(split, 2);
  *split = t->split;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetDType - Gets the element type.

   Not Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  dtype - `HT_SCALAR`, `HT_INT` or `HT_BOOL`

   Level: beginner

.seealso: `HtTensorAsType()`
@*/
PetscErrorCode HtTensorGetDType(HtTensor t, HtDType *dtype)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(dtype, 2);
  *dtype = t->dtype;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetOwnershipRange - Gets the range [rstart, rend) of the split axis that this rank owns.

   Not Collective

   Input Parameter:
.  t - the tensor

   Output Parameters:
+  rstart - first owned index (or NULL)
-  rend - one past the last owned index (or NULL)

   Level: beginner

   Note:
   For a replicated tensor (split -1) the range is the whole first axis.

.seealso: `HtTensorGetOwnershipRanges()`, `HtTensorGetLocalShape()`
@*/
PetscErrorCode HtTensorGetOwnershipRange(HtTensor t, PetscInt *rstart, PetscInt *rend)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  if (rstart) *rstart = t->map ? t->map->rstart : 0;
  if (rend) *rend = t->map ? t->map->rend : (t->ndim ? t->shape[0] : 1);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetOwnershipRanges - Gets the ranges of the split axis owned by every rank.

   Not Collective

   Input Parameter:
.  t - the tensor (split >= 0)

   Output Parameter:
.  ranges - size+1 entries; rank r owns [ranges[r], ranges[r+1]) (owned by the tensor)

   Level: intermediate

.seealso: `HtTensorGetOwnershipRange()`
@*/
PetscErrorCode HtTensorGetOwnershipRanges(HtTensor t, const PetscInt *ranges[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscCheck(t->map, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "A replicated tensor (split -1) has no ownership ranges; every rank holds all of it");
  PetscCall(PetscLayoutGetRanges(t->map, ranges));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetLayout - Gets the `PetscLayout` of the split axis.

   Not Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  map - the layout (NULL for a replicated tensor); owned by the tensor

   Level: advanced

.seealso: `HtTensorSetLayout()`, `HtTensorGetOwnershipRanges()`
@*/
PetscErrorCode HtTensorGetLayout(HtTensor t, PetscLayout *map)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  *map = t->map;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorGetArray_Private(HtTensor t, PetscMemoryAccessMode mode, void **array)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(array, 2);
  PetscCall((*t->ops->getarray)(t, mode, array));
  t->arraylocks++;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorRestoreArray_Private(HtTensor t, PetscMemoryAccessMode mode, void **array)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(array, 2);
  PetscCheck(t->arraylocks > 0, PETSC_COMM_SELF, PETSC_ERR_ORDER, "HtTensorRestoreArray() without a matching HtTensorGetArray()");
  PetscCall((*t->ops->restorearray)(t, mode, array));
  if (mode & PETSC_MEMORY_ACCESS_WRITE) PetscCall(PetscObjectStateIncrease((PetscObject)t));
  t->arraylocks--;
  *array = NULL;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetArray - Gives read-write access to the local block (row-major, `HtTensorGetLocalSize()` elements).

   Not Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  array - address of a pointer of the tensor's element type: `PetscScalar **` for `HT_SCALAR`,
           `PetscInt **` for `HT_INT`, `PetscBool **` for `HT_BOOL`

   Level: beginner

   Note:
   Must be followed by `HtTensorRestoreArray()`, which marks the tensor as modified.

.seealso: `HtTensorRestoreArray()`, `HtTensorGetArrayRead()`, `HtTensorGetArrayWrite()`
@*/
PetscErrorCode HtTensorGetArray(HtTensor t, void *array)
{
  PetscFunctionBegin;
  PetscCall(HtTensorGetArray_Private(t, PETSC_MEMORY_ACCESS_READ_WRITE, (void **)array));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRestoreArray - Ends the access started by `HtTensorGetArray()`.

   Not Collective

   Input Parameters:
+  t - the tensor
-  array - the pointer obtained, set to NULL

   Level: beginner

.seealso: `HtTensorGetArray()`
@*/
PetscErrorCode HtTensorRestoreArray(HtTensor t, void *array)
{
  PetscFunctionBegin;
  PetscCall(HtTensorRestoreArray_Private(t, PETSC_MEMORY_ACCESS_READ_WRITE, (void **)array));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetArrayRead - Gives read-only access to the local block.

   Not Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  array - address of a const pointer of the tensor's element type

   Level: beginner

.seealso: `HtTensorRestoreArrayRead()`, `HtTensorGetArray()`
@*/
PetscErrorCode HtTensorGetArrayRead(HtTensor t, void *array)
{
  PetscFunctionBegin;
  PetscCall(HtTensorGetArray_Private(t, PETSC_MEMORY_ACCESS_READ, (void **)array));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRestoreArrayRead - Ends the access started by `HtTensorGetArrayRead()`.

   Not Collective

   Input Parameters:
+  t - the tensor
-  array - the pointer obtained, set to NULL

   Level: beginner

.seealso: `HtTensorGetArrayRead()`
@*/
PetscErrorCode HtTensorRestoreArrayRead(HtTensor t, void *array)
{
  PetscFunctionBegin;
  PetscCall(HtTensorRestoreArray_Private(t, PETSC_MEMORY_ACCESS_READ, (void **)array));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetArrayWrite - Gives write-only access to the local block (the old values may not be read).

   Not Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  array - address of a pointer of the tensor's element type

   Level: beginner

.seealso: `HtTensorRestoreArrayWrite()`, `HtTensorGetArray()`
@*/
PetscErrorCode HtTensorGetArrayWrite(HtTensor t, void *array)
{
  PetscFunctionBegin;
  PetscCall(HtTensorGetArray_Private(t, PETSC_MEMORY_ACCESS_WRITE, (void **)array));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRestoreArrayWrite - Ends the access started by `HtTensorGetArrayWrite()`.

   Not Collective

   Input Parameters:
+  t - the tensor
-  array - the pointer obtained, set to NULL

   Level: beginner

.seealso: `HtTensorGetArrayWrite()`
@*/
PetscErrorCode HtTensorRestoreArrayWrite(HtTensor t, void *array)
{
  PetscFunctionBegin;
  PetscCall(HtTensorRestoreArray_Private(t, PETSC_MEMORY_ACCESS_WRITE, (void **)array));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetVec - Gets the PETSc vector that stores an `HT_SCALAR` tensor's local block, without copying.

   Not Collective

   Input Parameter:
.  t - the tensor

   Output Parameter:
.  v - an MPI vector whose local part is the local block (a sequential vector for split -1)

   Level: beginner

   Notes:
   Every PETSc vector operation works on it (`VecNorm()`, `VecAXPY()`, `VecView()` ...).
   Return it with `HtTensorRestoreVec()`; do not destroy it.

.seealso: `HtTensorRestoreVec()`, `HtTensorGetArray()`
@*/
PetscErrorCode HtTensorGetVec(HtTensor t, Vec *v)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(v, 2);
  PetscCheck(t->dtype == HT_SCALAR, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONG, "HtTensorGetVec() needs an HT_SCALAR tensor, this one is %s; convert it with HtTensorAsType()", HtDTypes[t->dtype]);
  PetscCall((*t->ops->getvec)(t, v));
  t->arraylocks++;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRestoreVec - Returns the vector obtained with `HtTensorGetVec()`.

   Not Collective

   Input Parameters:
+  t - the tensor
-  v - the vector, set to NULL

   Level: beginner

.seealso: `HtTensorGetVec()`
@*/
PetscErrorCode HtTensorRestoreVec(HtTensor t, Vec *v)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscCheck(t->arraylocks > 0, PETSC_COMM_SELF, PETSC_ERR_ORDER, "HtTensorRestoreVec() without a matching HtTensorGetVec()");
  t->arraylocks--;
  PetscCall(PetscObjectStateIncrease((PetscObject)t));
  *v = NULL;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorGetGlobalOffset_Private - flat global index of the first local element of each outer slice:
   element (o, r, j) of the local block (o < outer, r < local split length, j < inner) has the flat
   global index o * stride + (offset + r * inner + j).
*/
PetscErrorCode HtTensorGetGlobalOffset_Private(HtTensor t, PetscInt *offset, PetscInt *stride)
{
  PetscFunctionBegin;
  if (t->split < 0) {
    *offset = 0;
    *stride = t->size;
  } else {
    *offset = t->map->rstart * t->inner;
    *stride = t->shape[t->split] * t->inner;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtShapeToString - formats a shape as NumPy does: "(150, 4)", "(3,)", "()"
*/
PetscErrorCode HtShapeToString(PetscInt ndim, const PetscInt shape[], char str[], size_t len)
{
  size_t used;

  PetscFunctionBegin;
  PetscCall(PetscStrncpy(str, "(", len));
  for (PetscInt d = 0; d < ndim; d++) {
    PetscCall(PetscStrlen(str, &used));
    PetscCall(PetscSNPrintf(str + used, len - used, d ? ", %" PetscInt_FMT : "%" PetscInt_FMT, shape[d]));
  }
  PetscCall(PetscStrlcat(str, ndim == 1 ? ",)" : ")", len));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorCheckSameShape_Private - error unless both tensors have the same global shape
*/
PetscErrorCode HtTensorCheckSameShape_Private(HtTensor a, HtTensor b)
{
  PetscBool same = (PetscBool)(a->ndim == b->ndim);
  char      sa[256], sb[256];

  PetscFunctionBegin;
  for (PetscInt d = 0; same && d < a->ndim; d++) same = (PetscBool)(a->shape[d] == b->shape[d]);
  if (!same) {
    PetscCall(HtShapeToString(a->ndim, a->shape, sa, sizeof(sa)));
    PetscCall(HtShapeToString(b->ndim, b->shape, sb, sizeof(sb)));
    SETERRQ(PetscObjectComm((PetscObject)a), PETSC_ERR_ARG_SIZ, "Tensors of different shapes %s and %s", sa, sb);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorNormalizeAxis_Private - an axis of t counted from the end when negative, as NumPy does:
   -1 is the last axis; an error names the axis and the number of dimensions when it is out of range
*/
PetscErrorCode HtTensorNormalizeAxis_Private(HtTensor t, PetscInt axis, PetscInt *normalized)
{
  PetscFunctionBegin;
  PetscCheck(axis >= -t->ndim && axis < t->ndim, PetscObjectComm((PetscObject)t), PETSC_ERR_ARG_OUTOFRANGE, "Axis %" PetscInt_FMT " is out of range for a %" PetscInt_FMT "-d tensor (valid: %" PetscInt_FMT " to %" PetscInt_FMT ")", axis, t->ndim, -t->ndim, t->ndim - 1);
  *normalized = axis < 0 ? axis + t->ndim : axis;
  PetscFunctionReturn(PETSC_SUCCESS);
}
