/*
   Heat for PETSc: system layer (initialization, version, packages).
*/
#pragma once

#include <slepcsys.h>
#include <heatconf.h>

#define HEAT_VERSION_MAJOR    0
#define HEAT_VERSION_MINOR    1
#define HEAT_VERSION_SUBMINOR 0
#define HEAT_VERSION_GE(MAJ, MIN, SUB) \
  (HEAT_VERSION_MAJOR > (MAJ) || (HEAT_VERSION_MAJOR == (MAJ) && (HEAT_VERSION_MINOR > (MIN) || (HEAT_VERSION_MINOR == (MIN) && HEAT_VERSION_SUBMINOR >= (SUB)))))

/* PETSc 3.18 predates PETSC_SUCCESS */
#if !defined(PETSC_SUCCESS)
  #define PETSC_SUCCESS 0
#endif

PETSC_EXTERN PetscErrorCode HeatInitialize(int *, char ***, const char[], const char[]);
PETSC_EXTERN PetscErrorCode HeatFinalize(void);
PETSC_EXTERN int            HeatEnd(PetscErrorCode);
PETSC_EXTERN PetscErrorCode HeatErrorIsCollective(PetscBool *);
PETSC_EXTERN PetscErrorCode HeatInitialized(PetscBool *);
PETSC_EXTERN PetscErrorCode HeatGetVersion(char[], size_t);
PETSC_EXTERN PetscErrorCode HeatGetVersionNumber(PetscInt *, PetscInt *, PetscInt *);
PETSC_EXTERN PetscErrorCode HeatInitializePackage(void);
PETSC_EXTERN PetscErrorCode HeatFinalizePackage(void);
