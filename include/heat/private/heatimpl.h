/*
   Private helpers of the Heat system layer shared by every class.
*/
#pragma once

#include <heatsys.h>
#include <petsc/private/petscimpl.h>

PETSC_INTERN PetscErrorCode HeatFunctionListNames(PetscFunctionList, char[], size_t);
PETSC_INTERN PetscErrorCode HeatFunctionListFindCreate(PetscObject, PetscFunctionList, const char[], PetscVoidFunction *);
PETSC_INTERN PetscErrorCode HeatOptionsEnum(PetscOptionItems *, const char[], const char[], const char[], const char *const[], PetscEnum, PetscEnum *, PetscBool *, const char[]);
PETSC_INTERN PetscErrorCode HeatPushErrorHandler_Private(void);
