/*
   What the package initializers of the ML classes share: class id, types, log events, -info_exclude/-log_exclude,
   finalizer, Register.
*/
#include <heat/private/mlimpl.h>

/*
   HtMLPackageExclude - the options -info_exclude and -log_exclude for a class: its name (e.g. "ht_cluster") in
   either comma-separated list turns off its info messages or its log events
*/
PetscErrorCode HtMLPackageExclude(const char name[], PetscClassId classid)
{
  char      list[256];
  PetscBool opt, in;

  PetscFunctionBegin;
  PetscCall(PetscInfoProcessClass(name, 1, &classid));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-log_exclude", list, sizeof(list), &opt));
  if (opt) {
    PetscCall(PetscStrInList(name, list, ',', &in));
    if (in) PetscCall(PetscLogEventExcludeClass(classid));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMLClassInitialize - the class's package, once: the tensor package (and those of initdeps), the class id, the built-in types, the log
   events (in the order given, ending with {NULL, NULL}), -info_exclude/-log_exclude, and the finalizer. The class id
   says whether it ran: it is set before the types are registered (whose Register calls the initializer again).
*/
PetscErrorCode HtMLClassInitialize(const HtMLClass *cls, const HtMLEvent events[])
{
  PetscFunctionBegin;
  if (*cls->classid) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtTensorInitializePackage());
  if (cls->initdeps) PetscCall((*cls->initdeps)());
  PetscCall(PetscClassIdRegister(cls->name, cls->classid));
  PetscCall((*cls->registerall)());
  for (const HtMLEvent *e = events; e->name; e++) PetscCall(PetscLogEventRegister(e->name, *cls->classid, e->event));
  PetscCall(HtMLPackageExclude(cls->key, *cls->classid));
  PetscCall(PetscRegisterFinalize(cls->finalize));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLClassFinalize - destroys the type list; the next HtMLClassInitialize() registers the class again */
PetscErrorCode HtMLClassFinalize(const HtMLClass *cls)
{
  PetscFunctionBegin;
  PetscCall(PetscFunctionListDestroy(cls->types));
  *cls->classid = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLClassRegister - adds a type (its creation routine) to the class's list */
PetscErrorCode HtMLClassRegister(const HtMLClass *cls, const char name[], PetscVoidFunction create)
{
  PetscFunctionBegin;
  PetscCall((*cls->initialize)());
  PetscCall(PetscFunctionListAdd(cls->types, name, create));
  PetscFunctionReturn(PETSC_SUCCESS);
}
