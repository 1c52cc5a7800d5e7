/*
   Heat for PETSc: initialization, finalization and version.
*/
#include <heat.h>
#include <heat/private/heatimpl.h>

static PetscBool HeatPackageInitialized = PETSC_FALSE;
static PetscBool HeatBeganSlepc         = PETSC_FALSE;

/*@C
   HeatInitializePackage - Initializes every class of the Heat library: class ids,
   log events, type lists and options. Called by `HeatInitialize()` and, lazily,
   by the first `Create` of each class, so a program that calls only
   `PetscInitialize()` works too.

   Not Collective

   Level: developer

.seealso: `HeatInitialize()`, `HtTensorInitializePackage()`
@*/
PetscErrorCode HeatInitializePackage(void)
{
  PetscFunctionBegin;
  if (HeatPackageInitialized) PetscFunctionReturn(PETSC_SUCCESS);
  HeatPackageInitialized = PETSC_TRUE;
  PetscCall(HtTensorInitializePackage());
  PetscCall(HtClusterInitializePackage());
  PetscCall(HtPCAInitializePackage());
  PetscCall(HtScalerInitializePackage());
  PetscCall(HtRegressorInitializePackage());
  PetscCall(HtClassifierInitializePackage());
  PetscCall(HtDMDInitializePackage());
  PetscCall(HtTSMonitorInitializePackage());
  PetscCall(PetscRegisterFinalize(HeatFinalizePackage));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HeatFinalizePackage - Marks the Heat library as finalized; called from `PetscFinalize()`.

   Not Collective

   Level: developer

.seealso: `HeatInitializePackage()`
@*/
PetscErrorCode HeatFinalizePackage(void)
{
  PetscFunctionBegin;
  HeatPackageInitialized = PETSC_FALSE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HeatInitialize - Initializes MPI, PETSc, SLEPc and the Heat library.

   Collective on `MPI_COMM_WORLD`

   Input Parameters:
+  argc - number of command line arguments (or NULL)
.  args - the command line arguments (or NULL)
.  file - an options file (or NULL)
-  help - help message printed with -help (or NULL)

   Level: beginner

   Notes:
   If SLEPc (or PETSc) is already initialized, only the Heat packages are initialized. Otherwise Heat's error handler
   is installed: an error is printed by rank 0 of its communicator only, and a program that ends with `HeatEnd()` exits
   cleanly after an error every rank raised.

.seealso: `HeatFinalize()`, `HeatEnd()`, `SlepcInitialize()`
@*/
PetscErrorCode HeatInitialize(int *argc, char ***args, const char file[], const char help[])
{
  PetscBool slepcup;

  PetscFunctionBegin;
  PetscCall(SlepcInitialized(&slepcup));
  if (!slepcup) {
    PetscCall(SlepcInitialize(argc, args, file, help));
    HeatBeganSlepc = PETSC_TRUE;
    PetscCall(HeatPushErrorHandler_Private());
  }
  PetscCall(HeatInitializePackage());
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HeatFinalize - Finalizes the Heat library, and SLEPc, PETSc and MPI when
   `HeatInitialize()` started them.

   Collective on `PETSC_COMM_WORLD`

   Level: beginner

.seealso: `HeatInitialize()`
@*/
PetscErrorCode HeatFinalize(void)
{
  PetscFunctionBegin;
  if (HeatBeganSlepc) {
    HeatBeganSlepc = PETSC_FALSE;
    PetscCall(PetscPopErrorHandler()); /* the handler HeatInitialize() pushed (else -malloc_dump lists its entry) */
    PetscCall(SlepcFinalize());
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HeatInitialized - Tells whether the Heat packages are initialized.

   Not Collective

   Output Parameter:
.  isinitialized - `PETSC_TRUE` if `HeatInitializePackage()` has run

   Level: beginner

.seealso: `HeatInitialize()`
@*/
PetscErrorCode HeatInitialized(PetscBool *isinitialized)
{
  PetscFunctionBegin;
  *isinitialized = HeatPackageInitialized;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HeatGetVersion - Gets the Heat version string, with the PETSc and SLEPc versions it was built with.

   Not Collective

   Input Parameter:
.  len - length of the string buffer

   Output Parameter:
.  version - the version string

   Level: beginner

.seealso: `HeatGetVersionNumber()`
@*/
PetscErrorCode HeatGetVersion(char version[], size_t len)
{
  PetscFunctionBegin;
  PetscCall(PetscSNPrintf(version, len, "Heat for PETSc %d.%d.%d (PETSc %s, SLEPc %s)", HEAT_VERSION_MAJOR, HEAT_VERSION_MINOR, HEAT_VERSION_SUBMINOR, HEAT_PETSC_VERSION, HEAT_SLEPC_VERSION));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HeatGetVersionNumber - Gets the Heat version as numbers.

   Not Collective

   Output Parameters:
+  major - major version (or NULL)
.  minor - minor version (or NULL)
-  subminor - subminor version (or NULL)

   Level: beginner

.seealso: `HeatGetVersion()`
@*/
PetscErrorCode HeatGetVersionNumber(PetscInt *major, PetscInt *minor, PetscInt *subminor)
{
  PetscFunctionBegin;
  if (major) *major = HEAT_VERSION_MAJOR;
  if (minor) *minor = HEAT_VERSION_MINOR;
  if (subminor) *subminor = HEAT_VERSION_SUBMINOR;
  PetscFunctionReturn(PETSC_SUCCESS);
}
