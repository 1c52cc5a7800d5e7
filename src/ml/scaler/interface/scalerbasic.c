/*
   HtScaler: the object itself (creation, type, options prefix, reset, destruction).
*/
#include <heat/private/scalerimpl.h>

/* the class's fitted model, freed by HtScalerReset() after the type's */
static PetscErrorCode HtScalerResetModel(PetscObject obj)
{
  HtScaler sc = (HtScaler)obj;

  PetscFunctionBegin;
  for (PetscInt k = 0; k < HT_SCALER_NUM_STATS; k++) PetscCall(HtTensorDestroy(&sc->stat[k]));
  sc->nsamples  = 0;
  sc->nfeatures = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* what a type sets in the object besides its data (its parameter table), cleared when the type changes */
static PetscErrorCode HtScalerClearType(PetscObject obj)
{
  HtScaler sc = (HtScaler)obj;

  PetscFunctionBegin;
  sc->params  = NULL;
  sc->nparams = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

const HtMLClass HtScalerClass = {
  HT_ML_CLASS(HtScaler, HT_SCALER),
  .descr     = "Scaling",
  .key       = "ht_scaler",
  .deftype   = HTSCALERSTANDARD,
  .typehelp  = "Scaling",
  .reset     = HtScalerResetModel,
  .cleartype = HtScalerClearType,
};

/*@C
   HtScalerCreate - Creates a scaling object.

   Collective

   Input Parameter:
.  comm - MPI communicator

   Output Parameter:
.  sc - the new object (its type is set by `HtScalerSetType()` or `HtScalerSetFromOptions()`; `HtScalerFit()` makes
        it `HTSCALERSTANDARD` if none was set)

   Level: beginner

.seealso: `HtScalerSetType()`, `HtScalerSetFromOptions()`, `HtScalerFit()`, `HtScalerDestroy()`
@*/
PetscErrorCode HtScalerCreate(MPI_Comm comm, HtScaler *sc)
{
  HtScaler s;

  PetscFunctionBegin;
  PetscValidPointer(sc, 2);
  PetscCall(HtMLObjectCreate(&HtScalerClass, comm, (PetscObject *)&s));
  *sc = s;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerSetType - Selects the scaling.

   Collective

   Input Parameters:
+  sc - the scaling object
-  type - `HTSCALERSTANDARD`, `HTSCALERMINMAX`, `HTSCALERMAXABS`, `HTSCALERROBUST`, `HTSCALERNORMALIZER`, or a type
          added with `HtScalerRegister()`

   Options Database Key:
.  -ht_scaler_type <standard> - the scaling

   Level: beginner

   Note:
   A new type starts with its default parameters and without a fitted model.

.seealso: `HtScalerGetType()`, `HtScalerRegister()`
@*/
PetscErrorCode HtScalerSetType(HtScaler sc, HtScalerType type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscCall(HtMLObjectSetType(&HtScalerClass, (PetscObject)sc, type));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerGetType - Gets the scaling type.

   Not Collective

   Input Parameter:
.  sc - the scaling object

   Output Parameter:
.  type - the type name (NULL before a type is set)

   Level: beginner

.seealso: `HtScalerSetType()`
@*/
PetscErrorCode HtScalerGetType(HtScaler sc, HtScalerType *type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscValidPointer(type, 2);
  *type = ((PetscObject)sc)->type_name;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerSetOptionsPrefix - Sets the prefix of all options of this object (e.g. "in_" gives -in_ht_scaler_type).

   Logically Collective

   Input Parameters:
+  sc - the scaling object
-  prefix - the prefix

   Level: advanced

.seealso: `HtScalerAppendOptionsPrefix()`, `HtScalerSetFromOptions()`
@*/
PetscErrorCode HtScalerSetOptionsPrefix(HtScaler sc, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscCall(PetscObjectSetOptionsPrefix((PetscObject)sc, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerAppendOptionsPrefix - Appends to the prefix of all options of this object.

   Logically Collective

   Input Parameters:
+  sc - the scaling object
-  prefix - the prefix to append

   Level: advanced

.seealso: `HtScalerSetOptionsPrefix()`
@*/
PetscErrorCode HtScalerAppendOptionsPrefix(HtScaler sc, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscCall(PetscObjectAppendOptionsPrefix((PetscObject)sc, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerGetOptionsPrefix - Gets the prefix of all options of this object.

   Not Collective

   Input Parameter:
.  sc - the scaling object

   Output Parameter:
.  prefix - the prefix (or NULL)

   Level: advanced

.seealso: `HtScalerSetOptionsPrefix()`
@*/
PetscErrorCode HtScalerGetOptionsPrefix(HtScaler sc, const char *prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscCall(PetscObjectGetOptionsPrefix((PetscObject)sc, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerReset - Frees the fitted model and the type's work data (the type and its parameters stay).

   Collective

   Input Parameter:
.  sc - the scaling object

   Level: advanced

   Note:
   Changing a parameter of the type resets the object, since the fitted statistics depend on the parameters.

.seealso: `HtScalerDestroy()`
@*/
PetscErrorCode HtScalerReset(HtScaler sc)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, HT_SCALER_CLASSID, 1);
  PetscCall(HtMLObjectReset(&HtScalerClass, (PetscObject)sc));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtScalerDestroy - Destroys a scaling object.

   Collective

   Input Parameter:
.  sc - the object, set to NULL

   Level: beginner

.seealso: `HtScalerCreate()`
@*/
PetscErrorCode HtScalerDestroy(HtScaler *sc)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectDestroy(&HtScalerClass, (PetscObject *)sc));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtScalerSetParameter_Private - a type's parameter (size bytes at param) takes the given value; a change discards the
   fitted model, whose statistics depend on the parameters
*/
PetscErrorCode HtScalerSetParameter_Private(HtScaler sc, void *param, const void *value, size_t size)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectSetParameter(&HtScalerClass, (PetscObject)sc, param, value, size));
  PetscFunctionReturn(PETSC_SUCCESS);
}
