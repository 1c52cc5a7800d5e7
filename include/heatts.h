/*
   Heat for PETSc: in-situ analytics for PETSc time steppers (TS).
*/
#pragma once

#include <petscts.h>
#include <heatcluster.h>
#include <heatpca.h>
#include <heatdmd.h>

PETSC_EXTERN PetscErrorCode HtTSMonitorInitializePackage(void);
PETSC_EXTERN PetscErrorCode HtTSMonitorSetFromOptions(TS);
