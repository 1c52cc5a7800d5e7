/*
   HtClassifier: the object itself (creation, type, options prefix, reset, destruction).
*/
#include <heat/private/classifierimpl.h>

/* the class's fitted model, freed by HtClassifierReset() after the type's */
static PetscErrorCode HtClassifierResetModel(PetscObject obj)
{
  HtClassifier cl = (HtClassifier)obj;

  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&cl->classestensor));
  PetscCall(PetscFree(cl->classes));
  cl->nclasses  = 0;
  cl->nfeatures = 0;
  cl->nsamples  = 0;
  cl->its       = 0;
  cl->reason    = HT_CLASSIFIER_CONVERGED_ITERATING;
  PetscFunctionReturn(PETSC_SUCCESS);
}

const HtMLClass HtClassifierClass = {
  HT_ML_CLASS(HtClassifier, HT_CLASSIFIER),
  HT_ML_CLASS_MONITORS(HtClassifier),
  .descr        = "Classification",
  .key          = "ht_classifier",
  .deftype      = HTCLASSIFIERKNN,
  .typehelp     = "Classification method",
  .reasonhelp   = "Print how the fit ended",
  .monitornames = {"objective", "gradient norm"},
  .setupevent   = &HT_CLASSIFIER_SetUp,
  .initdeps     = TaoInitializePackage,
  .reset        = HtClassifierResetModel,
};

/*@C
   HtClassifierCreate - Creates a classifier object.

   Collective

   Input Parameter:
.  comm - MPI communicator

   Output Parameter:
.  cl - the new object (type knn, the first of the list, unless `HtClassifierSetType()` or
        `HtClassifierSetFromOptions()` choose another; tolerance 1e-6 and at most 1000 iterations for the iterative
        types)

   Level: beginner

.seealso: `HtClassifierSetType()`, `HtClassifierSetFromOptions()`, `HtClassifierFit()`, `HtClassifierDestroy()`
@*/
PetscErrorCode HtClassifierCreate(MPI_Comm comm, HtClassifier *cl)
{
  HtClassifier p;

  PetscFunctionBegin;
  PetscValidPointer(cl, 2);
  PetscCall(HtMLObjectCreate(&HtClassifierClass, comm, (PetscObject *)&p));
  p->tol    = 1e-6;
  p->max_it = 1000;
  *cl       = p;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierSetType - Selects the classifier method.

   Collective

   Input Parameters:
+  cl - the classifier object
-  type - `HTCLASSIFIERKNN`, `HTCLASSIFIERGAUSSIANNB`, `HTCLASSIFIERLOGISTIC`, or a type added with
           `HtClassifierRegister()`

   Options Database Key:
.  -ht_classifier_type <knn> - the algorithm

   Level: beginner

.seealso: `HtClassifierGetType()`, `HtClassifierRegister()`
@*/
PetscErrorCode HtClassifierSetType(HtClassifier cl, HtClassifierType type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscCall(HtMLObjectSetType(&HtClassifierClass, (PetscObject)cl, type));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierGetType - Gets the classifier method.

   Not Collective

   Input Parameter:
.  cl - the classifier object

   Output Parameter:
.  type - the type name

   Level: beginner

.seealso: `HtClassifierSetType()`
@*/
PetscErrorCode HtClassifierGetType(HtClassifier cl, HtClassifierType *type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidPointer(type, 2);
  *type = ((PetscObject)cl)->type_name;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierSetOptionsPrefix - Sets the prefix of all options of this object (e.g. "inner_" gives -inner_ht_classifier_type).

   Logically Collective

   Input Parameters:
+  cl - the classifier object
-  prefix - the prefix

   Level: advanced

.seealso: `HtClassifierAppendOptionsPrefix()`, `HtClassifierSetFromOptions()`
@*/
PetscErrorCode HtClassifierSetOptionsPrefix(HtClassifier cl, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscCall(PetscObjectSetOptionsPrefix((PetscObject)cl, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierAppendOptionsPrefix - Appends to the prefix of all options of this object.

   Logically Collective

   Input Parameters:
+  cl - the classifier object
-  prefix - the prefix to append

   Level: advanced

.seealso: `HtClassifierSetOptionsPrefix()`
@*/
PetscErrorCode HtClassifierAppendOptionsPrefix(HtClassifier cl, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscCall(PetscObjectAppendOptionsPrefix((PetscObject)cl, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierGetOptionsPrefix - Gets the prefix of all options of this object.

   Not Collective

   Input Parameter:
.  cl - the classifier object

   Output Parameter:
.  prefix - the prefix (or NULL)

   Level: advanced

.seealso: `HtClassifierSetOptionsPrefix()`
@*/
PetscErrorCode HtClassifierGetOptionsPrefix(HtClassifier cl, const char *prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscCall(PetscObjectGetOptionsPrefix((PetscObject)cl, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierReset - Frees the fitted model and the type's work data (the parameters stay).

   Collective

   Input Parameter:
.  cl - the classifier object

   Level: advanced

.seealso: `HtClassifierDestroy()`
@*/
PetscErrorCode HtClassifierReset(HtClassifier cl)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscCall(HtMLObjectReset(&HtClassifierClass, (PetscObject)cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierDestroy - Destroys a classifier object.

   Collective

   Input Parameter:
.  cl - the object, set to NULL

   Level: beginner

.seealso: `HtClassifierCreate()`
@*/
PetscErrorCode HtClassifierDestroy(HtClassifier *cl)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectDestroy(&HtClassifierClass, (PetscObject *)cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}
