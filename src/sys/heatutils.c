/*
   Small helpers of the system layer.
*/
#include <heat/private/heatimpl.h>

/*
   HeatFunctionListNames - the names registered in a function list, comma separated, for error
   messages such as "unknown type 'x'; registered types: kmeans, kmedians"
*/
PetscErrorCode HeatFunctionListNames(PetscFunctionList list, char names[], size_t len)
{
  const char **array;
  int          n;

  PetscFunctionBegin;
  names[0] = 0;
  PetscCall(PetscFunctionListGet(list, &array, &n));
  for (int i = 0; i < n && array[i]; i++) { /* PETSc 3.18 counts the closing NULL in n */
    if (i) PetscCall(PetscStrlcat(names, ", ", len));
    PetscCall(PetscStrlcat(names, array[i], len));
  }
  PetscCall(PetscFree(array));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HeatFunctionListFindCreate - the creation routine of type `type` of the object's class in `list`; an unknown type is
   an error naming the class and the registered types ("Unknown HtPCA type 'x'; registered types: gram, svd, ...")
*/
PetscErrorCode HeatFunctionListFindCreate(PetscObject obj, PetscFunctionList list, const char type[], PetscVoidFunction *create)
{
  char names[512];

  PetscFunctionBegin;
  PetscCall(PetscFunctionListFind(list, type, create));
  if (*create) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HeatFunctionListNames(list, names, sizeof(names)));
  SETERRQ(PetscObjectComm(obj), PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown %s type '%s'; registered types: %s", obj->class_name, type, names);
}
