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

/*
   HeatOptionsEnum - PetscOptionsEnum() in the options block PetscOptionsObject, except that a value outside the list is
   an error of our own: it names the whole value (PETSc 3.18's message cuts it to 12 characters) and the choices, then
   `hint` (NULL: none), such as where a value of another kind goes
*/
PetscErrorCode HeatOptionsEnum(PetscOptionItems *PetscOptionsObject, const char opt[], const char text[], const char man[], const char *const list[], PetscEnum current, PetscEnum *value, PetscBool *set, const char hint[])
{
  char      given[PETSC_MAX_PATH_LEN], names[256] = "";
  PetscBool has, found;
  PetscEnum e;
  PetscInt  n = 0;

  PetscFunctionBegin;
  PetscCall(PetscOptionsGetString(PetscOptionsObject->options, PetscOptionsObject->prefix, opt, given, sizeof(given), &has));
  if (has) PetscCall(PetscEnumFind(list, given, &e, &found));
  if (has && !found) {
    while (list[n]) n++; /* the names, then the enum's type name and its prefix */
    for (PetscInt i = 0; i < n - 2; i++) {
      if (i) PetscCall(PetscStrlcat(names, ", ", sizeof(names)));
      PetscCall(PetscStrlcat(names, list[i], sizeof(names)));
    }
    SETERRQ(PetscOptionsObject->comm, PETSC_ERR_ARG_WRONG, "-%s%s %s is not one of %s%s%s", PetscOptionsObject->prefix ? PetscOptionsObject->prefix : "", opt + 1, given, names, hint ? "; " : "", hint ? hint : "");
  }
  PetscCall(PetscOptionsEnum(opt, text, man, list, current, value, set));
  PetscFunctionReturn(PETSC_SUCCESS);
}
