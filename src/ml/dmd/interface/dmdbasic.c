/*
   HtDMD: the object itself (creation, type, options prefix, reset, destruction).
*/
#include <heat/private/dmdimpl.h>
#include <heat/private/heatimpl.h>

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
  PetscCall(HtDMDInitializePackage());
  PetscCall(PetscHeaderCreate(p, HT_DMD_CLASSID, "HtDMD", "Dynamic mode decomposition", "HtDMD", comm, HtDMDDestroy, HtDMDView));
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
  PetscErrorCode (*create)(HtDMD);
  PetscBool same;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidCharPointer(type, 2);
  PetscCall(PetscObjectTypeCompare((PetscObject)dmd, type, &same));
  if (same) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HeatFunctionListFindCreate((PetscObject)dmd, HtDMDList, type, (PetscVoidFunction *)&create));
  PetscCall(HtDMDReset(dmd));
  PetscTryTypeMethod(dmd, destroy);
  PetscCall(PetscMemzero(dmd->ops, sizeof(struct _HtDMDOps)));
  dmd->data        = NULL;
  dmd->setupcalled = PETSC_FALSE;
  PetscCall(PetscObjectChangeTypeName((PetscObject)dmd, type));
  PetscCall((*create)(dmd));
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
  PetscCall(HtDMDClearModel_Private(dmd));
  dmd->setupcalled = PETSC_FALSE;
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
  if (!*dmd) PetscFunctionReturn(PETSC_SUCCESS);
  PetscValidHeaderSpecific(*dmd, HT_DMD_CLASSID, 1);
  if (--((PetscObject)(*dmd))->refct > 0) {
    *dmd = NULL;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtDMDReset(*dmd));
  PetscTryTypeMethod(*dmd, destroy);
  PetscCall(HtDMDMonitorCancel(*dmd));
  PetscCall(PetscHeaderDestroy(dmd));
  PetscFunctionReturn(PETSC_SUCCESS);
}
