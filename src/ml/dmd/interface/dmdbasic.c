/*
   HtDMD: the object itself (creation, type, options prefix, reset, destruction).
*/
#include <heat/private/dmdimpl.h>

/* the class's fitted model, freed by HtDMDReset() after the type's */
static PetscErrorCode HtDMDResetModel(PetscObject obj)
{
  HtDMD dmd = (HtDMD)obj;

  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&dmd->eig));
  PetscCall(HtTensorDestroy(&dmd->ceig));
  PetscCall(HtTensorDestroy(&dmd->amplitudes));
  PetscCall(HtTensorDestroy(&dmd->sv));
  PetscCall(HtTensorDestroy(&dmd->modes));
  PetscCall(HtTensorDestroy(&dmd->basis));
  PetscCall(HtTensorDestroy(&dmd->x0));
  PetscCall(PetscFree(dmd->K));
  dmd->n          = 0;
  dmd->nsnap      = 0;
  dmd->r          = 0;
  dmd->q          = 0;
  dmd->modesvalid = PETSC_FALSE;
  dmd->loaded     = PETSC_FALSE;
  dmd->reason     = HT_DMD_CONVERGED_ITERATING;
  PetscFunctionReturn(PETSC_SUCCESS);
}

const HtMLClass HtDMDClass = {
  HT_ML_CLASS(HtDMD, HT_DMD),
  HT_ML_CLASS_MONITORS(HtDMD),
  .descr        = "Dynamic mode decomposition",
  .key          = "ht_dmd",
  .deftype      = HTDMDEXACT,
  .typehelp     = "DMD method",
  .reasonhelp   = "Print how the fit ended",
  .monitornames = {"leading |eigenvalue|", "rank"},
  .setupevent   = &HT_DMD_SetUp,
  .reset        = HtDMDResetModel,
};

/*@C
   HtDMDCreate - Creates a DMD object.

   Collective

   Input Parameter:
.  comm - MPI communicator

   Output Parameter:
.  dmd - the new object (type exact, rank chosen by the tolerance 1e-10, time step 1)

   Level: beginner

.seealso: `HtDMDSetType()`, `HtDMDSetFromOptions()`, `HtDMDFit()`, `HtDMDDestroy()`
@*/
PetscErrorCode HtDMDCreate(MPI_Comm comm, HtDMD *dmd)
{
  HtDMD p;

  PetscFunctionBegin;
  PetscValidPointer(dmd, 2);
  PetscCall(HtMLObjectCreate(&HtDMDClass, comm, (PetscObject *)&p));
  p->tol = 1e-10;
  p->dt  = 1;
  *dmd   = p;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDSetType - Selects the DMD method.

   Collective

   Input Parameters:
+  dmd - the DMD object
-  type - `HTDMDEXACT`, `HTDMDSTREAMING`, or a type added with `HtDMDRegister()`

   Options Database Key:
.  -ht_dmd_type <exact> - the algorithm

   Level: beginner

.seealso: `HtDMDGetType()`, `HtDMDRegister()`
@*/
PetscErrorCode HtDMDSetType(HtDMD dmd, HtDMDType type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscCall(HtMLObjectSetType(&HtDMDClass, (PetscObject)dmd, type));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDGetType - Gets the DMD method.

   Not Collective

   Input Parameter:
.  dmd - the DMD object

   Output Parameter:
.  type - the type name

   Level: beginner

.seealso: `HtDMDSetType()`
@*/
PetscErrorCode HtDMDGetType(HtDMD dmd, HtDMDType *type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidPointer(type, 2);
  *type = ((PetscObject)dmd)->type_name;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDSetOptionsPrefix - Sets the prefix of all options of this object (e.g. "inner_" gives -inner_ht_dmd_type).

   Logically Collective

   Input Parameters:
+  dmd - the DMD object
-  prefix - the prefix

   Level: advanced

.seealso: `HtDMDAppendOptionsPrefix()`, `HtDMDSetFromOptions()`
@*/
PetscErrorCode HtDMDSetOptionsPrefix(HtDMD dmd, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscCall(PetscObjectSetOptionsPrefix((PetscObject)dmd, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDAppendOptionsPrefix - Appends to the prefix of all options of this object.

   Logically Collective

   Input Parameters:
+  dmd - the DMD object
-  prefix - the prefix to append

   Level: advanced

.seealso: `HtDMDSetOptionsPrefix()`
@*/
PetscErrorCode HtDMDAppendOptionsPrefix(HtDMD dmd, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscCall(PetscObjectAppendOptionsPrefix((PetscObject)dmd, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDGetOptionsPrefix - Gets the prefix of all options of this object.

   Not Collective

   Input Parameter:
.  dmd - the DMD object

   Output Parameter:
.  prefix - the prefix (or NULL)

   Level: advanced

.seealso: `HtDMDSetOptionsPrefix()`
@*/
PetscErrorCode HtDMDGetOptionsPrefix(HtDMD dmd, const char *prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscCall(PetscObjectGetOptionsPrefix((PetscObject)dmd, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDReset - Frees the fitted model and the type's work data (the parameters stay).

   Collective

   Input Parameter:
.  dmd - the DMD object

   Level: advanced

.seealso: `HtDMDDestroy()`
@*/
PetscErrorCode HtDMDReset(HtDMD dmd)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscCall(HtMLObjectReset(&HtDMDClass, (PetscObject)dmd));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDDestroy - Destroys a DMD object.

   Collective

   Input Parameter:
.  dmd - the object, set to NULL

   Level: beginner

.seealso: `HtDMDCreate()`
@*/
PetscErrorCode HtDMDDestroy(HtDMD *dmd)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectDestroy(&HtDMDClass, (PetscObject *)dmd));
  PetscFunctionReturn(PETSC_SUCCESS);
}
