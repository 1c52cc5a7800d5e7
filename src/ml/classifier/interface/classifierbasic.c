/*
   HtClassifier: the object itself (creation, type, options prefix, reset, destruction).
*/
#include <heat/private/classifierimpl.h>
#include <heat/private/heatimpl.h>

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
  PetscCall(HtClassifierInitializePackage());
  PetscCall(PetscHeaderCreate(p, HT_CLASSIFIER_CLASSID, "HtClassifier", "Classification", "HtClassifier", comm, HtClassifierDestroy, HtClassifierView));
  p->tol    = 1e-6;
  p->max_it = 1000;
  *cl     = p;
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
  PetscErrorCode (*create)(HtClassifier);
  PetscBool same;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidCharPointer(type, 2);
  PetscCall(PetscObjectTypeCompare((PetscObject)cl, type, &same));
  if (same) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HeatFunctionListFindCreate((PetscObject)cl, HtClassifierList, type, (PetscVoidFunction *)&create));
  PetscCall(HtClassifierReset(cl));
  PetscTryTypeMethod(cl, destroy);
  PetscCall(PetscMemzero(cl->ops, sizeof(struct _HtClassifierOps)));
  cl->data             = NULL;
  cl->setupcalled = PETSC_FALSE;
  PetscCall(PetscObjectChangeTypeName((PetscObject)cl, type));
  PetscCall((*create)(cl));
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
  PetscTryTypeMethod(cl, reset);
  PetscCall(HtTensorDestroy(&cl->classestensor));
  PetscCall(PetscFree(cl->classes));
  cl->nclasses  = 0;
  cl->nfeatures = 0;
  cl->nsamples  = 0;
  cl->its       = 0;
  cl->reason    = HT_CLASSIFIER_CONVERGED_ITERATING;
  cl->fitted    = PETSC_FALSE;
  cl->setupcalled = PETSC_FALSE;
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
  if (!*cl) PetscFunctionReturn(PETSC_SUCCESS);
  PetscValidHeaderSpecific(*cl, HT_CLASSIFIER_CLASSID, 1);
  if (--((PetscObject)(*cl))->refct > 0) {
    *cl = NULL;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtClassifierReset(*cl));
  PetscTryTypeMethod(*cl, destroy);
  PetscCall(HtClassifierMonitorCancel(*cl));
  PetscCall(PetscHeaderDestroy(cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}
