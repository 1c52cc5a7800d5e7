/*
   HtTensor package: class id, log events, back-end registry.
*/
#include <heat/private/tensorimpl.h>
#include <heat/private/kernelimpl.h>

const char *const HtDTypes[] = {"scalar", "int", "bool", "HtDType", "HT_", NULL};

PetscClassId      HT_TENSOR_CLASSID;
PetscFunctionList HtTensorList = NULL;
PetscLogEvent     HT_TENSOR_Create, HT_TENSOR_Redistribute, HT_TENSOR_Load, HT_TENSOR_Save, HT_TENSOR_Random, HT_TENSOR_View;

static PetscBool HtTensorPackageInitialized = PETSC_FALSE;

/*@C
   HtTensorFinalizePackage - Destroys the HtTensor type list; called from `PetscFinalize()`.

   Level: developer

.seealso: `HtTensorInitializePackage()`
@*/
PetscErrorCode HtTensorFinalizePackage(void)
{
  PetscFunctionBegin;
  PetscCall(PetscFunctionListDestroy(&HtTensorList));
  HtTensorPackageInitialized = PETSC_FALSE;
  HtKernelISAMax             = HT_KERNEL_ISA_AVX512;
  HtMPIMaxCount              = PETSC_MPI_INT_MAX;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorInitializePackage - Registers the HtTensor class, its log events and
   back ends. Called lazily by every tensor constructor.

   Options Database Keys:
+  -ht_kernel_isa <avx512,avx2,baseline> - the highest x86-64 instruction set of the kernels compiled per level (read
   here, not collectively, so that every kernel honours it; `HtTensorSetFromOptions()` lists it in -help)
.  -ht_fault_inject_malloc, -ht_fault_inject_write <RANK:COUNT> - testing: one rank's allocation or save fails (see
   `HtTensorSetFromOptions()`)
.  -info_exclude ht_tensor - no HtTensor info messages
.  -ht_mpi_max_count <n> - the largest count of one MPI call with a data-sized count (default 2147483647); bigger
   transfers go in pieces or as large-count datatypes (read here; `HtTensorSetFromOptions()` lists it in -help)
-  -log_exclude ht_tensor - no HtTensor log events

   Level: developer

.seealso: `HeatInitializePackage()`
@*/
PetscErrorCode HtTensorInitializePackage(void)
{
  char      logList[256];
  PetscBool opt, pkg;

  PetscFunctionBegin;
  if (HtTensorPackageInitialized) PetscFunctionReturn(PETSC_SUCCESS);
  HtTensorPackageInitialized = PETSC_TRUE;
  PetscCall(PetscClassIdRegister("HtTensor", &HT_TENSOR_CLASSID));
  PetscCall(HtTensorRegister(HTTENSORHOST, HtTensorCreate_Host));
  PetscCall(PetscLogEventRegister("HtTensorCreate", HT_TENSOR_CLASSID, &HT_TENSOR_Create));
  PetscCall(PetscLogEventRegister("HtTensorRedist", HT_TENSOR_CLASSID, &HT_TENSOR_Redistribute));
  PetscCall(PetscLogEventRegister("HtTensorLoad", HT_TENSOR_CLASSID, &HT_TENSOR_Load));
  PetscCall(PetscLogEventRegister("HtTensorSave", HT_TENSOR_CLASSID, &HT_TENSOR_Save));
  PetscCall(PetscLogEventRegister("HtTensorRandom", HT_TENSOR_CLASSID, &HT_TENSOR_Random));
  PetscCall(PetscLogEventRegister("HtTensorView", HT_TENSOR_CLASSID, &HT_TENSOR_View));
  /* elementwise events */
  PetscCall(PetscLogEventRegister("HtTensorBinary", HT_TENSOR_CLASSID, &HT_TENSOR_Binary));
  PetscCall(PetscLogEventRegister("HtTensorUnary", HT_TENSOR_CLASSID, &HT_TENSOR_Unary));
  PetscCall(PetscLogEventRegister("HtTensorWhere", HT_TENSOR_CLASSID, &HT_TENSOR_Where));
  PetscCall(PetscLogEventRegister("HtTensorAXPY", HT_TENSOR_CLASSID, &HT_TENSOR_AXPY));
  /* reduction events */
  PetscCall(PetscLogEventRegister("HtTensorReduce", HT_TENSOR_CLASSID, &HT_TENSOR_Reduce));
  PetscCall(PetscLogEventRegister("HtTensorCumsum", HT_TENSOR_CLASSID, &HT_TENSOR_Cumsum));
  PetscCall(PetscLogEventRegister("HtTensorPercentile", HT_TENSOR_CLASSID, &HT_TENSOR_Percentile));
  PetscCall(PetscLogEventRegister("HtTensorHistogram", HT_TENSOR_CLASSID, &HT_TENSOR_Histogram));
  PetscCall(PetscLogEventRegister("HtTensorCov", HT_TENSOR_CLASSID, &HT_TENSOR_Cov));
  /* linalg events */
  PetscCall(PetscLogEventRegister("HtTensorMatMul", HT_TENSOR_CLASSID, &HT_TENSOR_MatMul));
  PetscCall(PetscLogEventRegister("HtTensorDot", HT_TENSOR_CLASSID, &HT_TENSOR_Dot));
  PetscCall(PetscLogEventRegister("HtTensorOuter", HT_TENSOR_CLASSID, &HT_TENSOR_Outer));
  PetscCall(PetscLogEventRegister("HtTensorTranspose", HT_TENSOR_CLASSID, &HT_TENSOR_Transpose));
  PetscCall(PetscLogEventRegister("HtTensorTrace", HT_TENSOR_CLASSID, &HT_TENSOR_Trace));
  PetscCall(PetscLogEventRegister("HtTensorTriangle", HT_TENSOR_CLASSID, &HT_TENSOR_Triangle));
  PetscCall(PetscLogEventRegister("HtTensorCDist", HT_TENSOR_CLASSID, &HT_TENSOR_CDist));
  PetscCall(PetscLogEventRegister("HtTensorQR", HT_TENSOR_CLASSID, &HT_TENSOR_QR));
  /* manipulation events */
  PetscCall(PetscLogEventRegister("HtTensorReshape", HT_TENSOR_CLASSID, &HT_TENSOR_Reshape));
  PetscCall(PetscLogEventRegister("HtTensorConcat", HT_TENSOR_CLASSID, &HT_TENSOR_Concatenate));
  PetscCall(PetscLogEventRegister("HtTensorRepeat", HT_TENSOR_CLASSID, &HT_TENSOR_Repeat));
  PetscCall(PetscLogEventRegister("HtTensorTile", HT_TENSOR_CLASSID, &HT_TENSOR_Tile));
  PetscCall(PetscLogEventRegister("HtTensorFlip", HT_TENSOR_CLASSID, &HT_TENSOR_Flip));
  PetscCall(PetscLogEventRegister("HtTensorRoll", HT_TENSOR_CLASSID, &HT_TENSOR_Roll));
  PetscCall(PetscLogEventRegister("HtTensorPad", HT_TENSOR_CLASSID, &HT_TENSOR_Pad));
  PetscCall(PetscLogEventRegister("HtTensorDiagonal", HT_TENSOR_CLASSID, &HT_TENSOR_Diagonal));
  /* sorting events */
  PetscCall(PetscLogEventRegister("HtTensorSort", HT_TENSOR_CLASSID, &HT_TENSOR_Sort));
  PetscCall(PetscLogEventRegister("HtTensorUnique", HT_TENSOR_CLASSID, &HT_TENSOR_Unique));
  PetscCall(PetscLogEventRegister("HtTensorRandPerm", HT_TENSOR_CLASSID, &HT_TENSOR_Permutation));
  PetscCall(PetscLogEventRegister("HtTensorSlice", HT_TENSOR_CLASSID, &HT_TENSOR_Slice));
  PetscCall(PetscLogEventRegister("HtTensorTake", HT_TENSOR_CLASSID, &HT_TENSOR_Take));
  PetscCall(PetscLogEventRegister("HtTensorCompress", HT_TENSOR_CLASSID, &HT_TENSOR_Compress));
  /* random events */
  PetscCall(PetscLogEventRegister("HtTensorSample", HT_TENSOR_CLASSID, &HT_TENSOR_Sample));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-info_exclude", logList, sizeof(logList), &opt));
  if (opt) {
    PetscCall(PetscStrInList("ht_tensor", logList, ',', &pkg));
    if (pkg) PetscCall(PetscInfoDeactivateClass(HT_TENSOR_CLASSID));
  }
  PetscCall(PetscOptionsGetString(NULL, NULL, "-log_exclude", logList, sizeof(logList), &opt));
  if (opt) {
    PetscCall(PetscStrInList("ht_tensor", logList, ',', &pkg));
    if (pkg) PetscCall(PetscLogEventExcludeClass(HT_TENSOR_CLASSID));
  }
  PetscCall(PetscRegisterFinalize(HtTensorFinalizePackage));
  PetscCall(PetscOptionsGetEnum(NULL, NULL, "-ht_kernel_isa", HtKernelISAs, (PetscEnum *)&HtKernelISAMax, NULL));
  PetscCall(HtFaultSetFromOptions_Private());
  PetscCall(HtMPIMaxCountFromOptions(NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRegister - Adds a storage back end for tensors (selected with `HtTensorSetType()` or -ht_tensor_type).

   Not Collective

   Input Parameters:
+  name - name of the back end
-  create - routine that fills the tensor's ops table

   Level: advanced

.seealso: `HtTensorCreate()`, `HTTENSORHOST`
@*/
PetscErrorCode HtTensorRegister(const char name[], PetscErrorCode (*create)(HtTensor))
{
  PetscFunctionBegin;
  PetscCall(HtTensorInitializePackage());
  PetscCall(PetscFunctionListAdd(&HtTensorList, name, create));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDTypeGetSize - Size in bytes of one element of a dtype.

   Not Collective

   Input Parameter:
.  dtype - the element type

   Output Parameter:
.  size - bytes per element

   Level: developer

.seealso: `HtDType`
@*/
PetscErrorCode HtDTypeGetSize(HtDType dtype, size_t *size)
{
  PetscFunctionBegin;
  switch (dtype) {
  case HT_SCALAR:
    *size = sizeof(PetscScalar);
    break;
  case HT_INT:
    *size = sizeof(PetscInt);
    break;
  case HT_BOOL:
    *size = sizeof(PetscBool);
    break;
  default:
    SETERRQ(PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Unknown HtDType %d; use HT_SCALAR, HT_INT or HT_BOOL", (int)dtype);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtDTypeGetMPIType - the MPI datatype of one element
*/
PetscErrorCode HtDTypeGetMPIType(HtDType dtype, MPI_Datatype *mtype)
{
  PetscFunctionBegin;
  switch (dtype) {
  case HT_SCALAR:
    *mtype = MPIU_SCALAR;
    break;
  case HT_INT:
    *mtype = MPIU_INT;
    break;
  case HT_BOOL:
    *mtype = MPIU_BOOL;
    break;
  default:
    SETERRQ(PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Unknown HtDType %d", (int)dtype);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
