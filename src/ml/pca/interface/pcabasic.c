/*
   HtPCA: the object itself (creation, type, options prefix, reset, destruction).
*/
#include <heat/private/pcaimpl.h>

/* the class's fitted model, freed by HtPCAReset() after the type's */
static PetscErrorCode HtPCAResetModel(PetscObject obj)
{
  HtPCA pca = (HtPCA)obj;

  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&pca->components));
  PetscCall(HtTensorDestroy(&pca->explained_variance));
  PetscCall(HtTensorDestroy(&pca->explained_variance_ratio));
  PetscCall(HtTensorDestroy(&pca->singular_values));
  PetscCall(HtTensorDestroy(&pca->mean));
  PetscCall(HtPCAFactorsReset_Private(&pca->factors));
  pca->k   = 0;
  pca->its = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* what a type sets in the object besides its data, cleared when the type changes */
static PetscErrorCode HtPCAClearType(PetscObject obj)
{
  PetscFunctionBegin;
  ((HtPCA)obj)->typechecksvalues = PETSC_FALSE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

const HtMLClass HtPCAClass = {
  HT_ML_CLASS(HtPCA, HT_PCA),
  HT_ML_CLASS_MONITORS(HtPCA),
  .descr        = "Principal component analysis",
  .key          = "ht_pca",
  .deftype      = HTPCAGRAM,
  .typehelp     = "PCA method",
  .reasonhelp   = "Print how the fit ended",
  .monitornames = {"explained variance", "change"},
  .setupevent   = &HT_PCA_SetUp,
  .reset        = HtPCAResetModel,
  .cleartype    = HtPCAClearType,
};

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
  PetscCall(HtMLObjectCreate(&HtPCAClass, comm, (PetscObject *)&p));
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
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscCall(HtMLObjectSetType(&HtPCAClass, (PetscObject)pca, type));
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
  PetscCall(HtMLObjectReset(&HtPCAClass, (PetscObject)pca));
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
  PetscCall(HtMLObjectDestroy(&HtPCAClass, (PetscObject *)pca));
  PetscFunctionReturn(PETSC_SUCCESS);
}
