/*
   HtPCA: the object itself (creation, type, options prefix, reset, destruction).
*/
#include <heat/private/pcaimpl.h>
#include <heat/private/heatimpl.h>

/*@C
   HtPCACreate - Creates a PCA object.

   Collective

   Input Parameter:
.  comm - MPI communicator

   Output Parameter:
.  pca - the new object (type gram, as many components as min(samples, features), no whitening, seed 0: scikit-learn's
         PCA defaults)

   Level: beginner

.seealso: `HtPCASetType()`, `HtPCASetFromOptions()`, `HtPCAFit()`, `HtPCADestroy()`
@*/
PetscErrorCode HtPCACreate(MPI_Comm comm, HtPCA *pca)
{
  HtPCA p;

  PetscFunctionBegin;
  PetscValidPointer(pca, 2);
  PetscCall(HtPCAInitializePackage());
  PetscCall(PetscHeaderCreate(p, HT_PCA_CLASSID, "HtPCA", "Principal component analysis", "HtPCA", comm, HtPCADestroy, HtPCAView));
  p->ncomp = PETSC_DECIDE;
  *pca     = p;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCASetType - Selects the PCA method.

   Collective

   Input Parameters:
+  pca - the PCA object
-  type - `HTPCAGRAM`, `HTPCASVD`, `HTPCARANDOMIZED`, `HTPCAHIERARCHICAL`, `HTPCAINCREMENTAL`, or a type added with
           `HtPCARegister()`

   Options Database Key:
.  -ht_pca_type <gram> - the algorithm

   Level: beginner

.seealso: `HtPCAGetType()`, `HtPCARegister()`
@*/
PetscErrorCode HtPCASetType(HtPCA pca, HtPCAType type)
{
  PetscErrorCode (*create)(HtPCA);
  PetscBool same;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidCharPointer(type, 2);
  PetscCall(PetscObjectTypeCompare((PetscObject)pca, type, &same));
  if (same) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HeatFunctionListFindCreate((PetscObject)pca, HtPCAList, type, (PetscVoidFunction *)&create));
  PetscCall(HtPCAReset(pca));
  PetscTryTypeMethod(pca, destroy);
  PetscCall(PetscMemzero(pca->ops, sizeof(struct _HtPCAOps)));
  pca->data             = NULL;
  pca->typechecksvalues = PETSC_FALSE;
  pca->setupcalled = PETSC_FALSE;
  PetscCall(PetscObjectChangeTypeName((PetscObject)pca, type));
  PetscCall((*create)(pca));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetType - Gets the PCA method.

   Not Collective

   Input Parameter:
.  pca - the PCA object

   Output Parameter:
.  type - the type name

   Level: beginner

.seealso: `HtPCASetType()`
@*/
PetscErrorCode HtPCAGetType(HtPCA pca, HtPCAType *type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidPointer(type, 2);
  *type = ((PetscObject)pca)->type_name;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCASetOptionsPrefix - Sets the prefix of all options of this object (e.g. "inner_" gives -inner_ht_pca_type).

   Logically Collective

   Input Parameters:
+  pca - the PCA object
-  prefix - the prefix

   Level: advanced

.seealso: `HtPCAAppendOptionsPrefix()`, `HtPCASetFromOptions()`
@*/
PetscErrorCode HtPCASetOptionsPrefix(HtPCA pca, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscCall(PetscObjectSetOptionsPrefix((PetscObject)pca, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAAppendOptionsPrefix - Appends to the prefix of all options of this object.

   Logically Collective

   Input Parameters:
+  pca - the PCA object
-  prefix - the prefix to append

   Level: advanced

.seealso: `HtPCASetOptionsPrefix()`
@*/
PetscErrorCode HtPCAAppendOptionsPrefix(HtPCA pca, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscCall(PetscObjectAppendOptionsPrefix((PetscObject)pca, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetOptionsPrefix - Gets the prefix of all options of this object.

   Not Collective

   Input Parameter:
.  pca - the PCA object

   Output Parameter:
.  prefix - the prefix (or NULL)

   Level: advanced

.seealso: `HtPCASetOptionsPrefix()`
@*/
PetscErrorCode HtPCAGetOptionsPrefix(HtPCA pca, const char *prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscCall(PetscObjectGetOptionsPrefix((PetscObject)pca, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAReset - Frees the fitted model and the type's work data (the parameters stay).

   Collective

   Input Parameter:
.  pca - the PCA object

   Level: advanced

.seealso: `HtPCADestroy()`
@*/
PetscErrorCode HtPCAReset(HtPCA pca)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscTryTypeMethod(pca, reset);
  PetscCall(HtTensorDestroy(&pca->components));
  PetscCall(HtTensorDestroy(&pca->explained_variance));
  PetscCall(HtTensorDestroy(&pca->explained_variance_ratio));
  PetscCall(HtTensorDestroy(&pca->singular_values));
  PetscCall(HtTensorDestroy(&pca->mean));
  PetscCall(HtPCAFactorsReset_Private(&pca->factors));
  pca->k   = 0;
  pca->its = 0;
  pca->fitted      = PETSC_FALSE;
  pca->setupcalled = PETSC_FALSE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCADestroy - Destroys a PCA object.

   Collective

   Input Parameter:
.  pca - the object, set to NULL

   Level: beginner

.seealso: `HtPCACreate()`
@*/
PetscErrorCode HtPCADestroy(HtPCA *pca)
{
  PetscFunctionBegin;
  if (!*pca) PetscFunctionReturn(PETSC_SUCCESS);
  PetscValidHeaderSpecific(*pca, HT_PCA_CLASSID, 1);
  if (--((PetscObject)(*pca))->refct > 0) {
    *pca = NULL;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtPCAReset(*pca));
  PetscTryTypeMethod(*pca, destroy);
  PetscCall(HtPCAMonitorCancel(*pca));
  PetscCall(PetscHeaderDestroy(pca));
  PetscFunctionReturn(PETSC_SUCCESS);
}
