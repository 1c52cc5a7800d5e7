/*
   HtRegressor: the object itself (creation, type, options prefix, reset, destruction).
*/
#include <heat/private/regressorimpl.h>

/* the class's fitted model, freed by HtRegressorReset() after the type's */
static PetscErrorCode HtRegressorResetModel(PetscObject obj)
{
  HtRegressor reg = (HtRegressor)obj;

  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&reg->coef));
  PetscCall(PetscFree2(reg->w, reg->xmean));
  reg->n         = 0;
  reg->f         = 0;
  reg->its       = 0;
  reg->gap       = 0;
  reg->intercept = 0;
  reg->warm      = PETSC_FALSE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* what the parameters hold, freed by HtRegressorDestroy() */
static PetscErrorCode HtRegressorDestroyParameters(PetscObject obj)
{
  HtRegressor reg = (HtRegressor)obj;

  PetscFunctionBegin;
  PetscCall(KSPDestroy(&reg->ksp));
  PetscFunctionReturn(PETSC_SUCCESS);
}

const HtMLClass HtRegressorClass = {
  HT_ML_CLASS(HtRegressor, HT_REGRESSOR),
  HT_ML_CLASS_MONITORS(HtRegressor),
  .descr        = "Linear regression",
  .key          = "ht_regressor",
  .deftype      = HTREGRESSORLASSO,
  .typehelp     = "Linear model",
  .reasonhelp   = "Print how the fit ended",
  .monitornames = {"objective", "duality gap"},
  .setupevent   = &HT_REGRESSOR_SetUp,
  .initdeps     = KSPInitializePackage,
  .reset        = HtRegressorResetModel,
  .destroyclass = HtRegressorDestroyParameters,
};

/*@C
   HtRegressorCreate - Creates a regressor.

   Collective

   Input Parameter:
.  comm - MPI communicator

   Output Parameter:
.  reg - the new object (type lasso, alpha 1, l1_ratio 0.5 (used by elasticnet), an intercept, at most 1000 epochs,
         tolerance 1e-4: scikit-learn's Lasso defaults)

   Level: beginner

.seealso: `HtRegressorSetType()`, `HtRegressorSetFromOptions()`, `HtRegressorFit()`, `HtRegressorDestroy()`
@*/
PetscErrorCode HtRegressorCreate(MPI_Comm comm, HtRegressor *reg)
{
  HtRegressor p;

  PetscFunctionBegin;
  PetscValidPointer(reg, 2);
  PetscCall(HtMLObjectCreate(&HtRegressorClass, comm, (PetscObject *)&p));
  p->alpha         = 1;
  p->l1_ratio      = 0.5;
  p->fit_intercept = PETSC_TRUE;
  p->max_it        = 1000;
  p->tol           = 1e-4;
  p->lasso_block   = 8;
  *reg             = p;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorSetType - Selects the linear model.

   Collective

   Input Parameters:
+  reg - the regressor
-  type - `HTREGRESSORLASSO`, `HTREGRESSORELASTICNET`, `HTREGRESSORRIDGE`, `HTREGRESSOROLS`, or a type added with
           `HtRegressorRegister()`

   Options Database Key:
.  -ht_regressor_type <lasso> - the model

   Level: beginner

.seealso: `HtRegressorGetType()`, `HtRegressorRegister()`
@*/
PetscErrorCode HtRegressorSetType(HtRegressor reg, HtRegressorType type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscCall(HtMLObjectSetType(&HtRegressorClass, (PetscObject)reg, type));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetType - Gets the linear model.

   Not Collective

   Input Parameter:
.  reg - the regressor

   Output Parameter:
.  type - the type name

   Level: beginner

.seealso: `HtRegressorSetType()`
@*/
PetscErrorCode HtRegressorGetType(HtRegressor reg, HtRegressorType *type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidPointer(type, 2);
  *type = ((PetscObject)reg)->type_name;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorSetOptionsPrefix - Sets the prefix of all options of this object (e.g. "inner_" gives -inner_ht_regressor_type).

   Logically Collective

   Input Parameters:
+  reg - the regressor
-  prefix - the prefix

   Level: advanced

.seealso: `HtRegressorAppendOptionsPrefix()`, `HtRegressorSetFromOptions()`
@*/
PetscErrorCode HtRegressorSetOptionsPrefix(HtRegressor reg, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscCall(PetscObjectSetOptionsPrefix((PetscObject)reg, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorAppendOptionsPrefix - Appends to the prefix of all options of this object.

   Logically Collective

   Input Parameters:
+  reg - the regressor
-  prefix - the prefix to append

   Level: advanced

.seealso: `HtRegressorSetOptionsPrefix()`
@*/
PetscErrorCode HtRegressorAppendOptionsPrefix(HtRegressor reg, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscCall(PetscObjectAppendOptionsPrefix((PetscObject)reg, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetOptionsPrefix - Gets the prefix of all options of this object.

   Not Collective

   Input Parameter:
.  reg - the regressor

   Output Parameter:
.  prefix - the prefix (or NULL)

   Level: advanced

.seealso: `HtRegressorSetOptionsPrefix()`
@*/
PetscErrorCode HtRegressorGetOptionsPrefix(HtRegressor reg, const char *prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscCall(PetscObjectGetOptionsPrefix((PetscObject)reg, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorReset - Frees the fitted model and the type's work data (the parameters stay).

   Collective

   Input Parameter:
.  reg - the regressor

   Level: advanced

.seealso: `HtRegressorDestroy()`
@*/
PetscErrorCode HtRegressorReset(HtRegressor reg)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscCall(HtMLObjectReset(&HtRegressorClass, (PetscObject)reg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorDestroy - Destroys a regressor.

   Collective

   Input Parameter:
.  reg - the object, set to NULL

   Level: beginner

.seealso: `HtRegressorCreate()`
@*/
PetscErrorCode HtRegressorDestroy(HtRegressor *reg)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectDestroy(&HtRegressorClass, (PetscObject *)reg));
  PetscFunctionReturn(PETSC_SUCCESS);
}
