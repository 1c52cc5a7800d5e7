/*
   What the package initializers of the ML classes share.
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
