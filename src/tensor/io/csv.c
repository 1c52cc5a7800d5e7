/* STUB: to be replaced */
#include <heat/private/tensorimpl.h>
PetscErrorCode HtTensorLoadCSV(MPI_Comm c, const char p[], PetscInt s, HtTensor *t) { SETERRQ(PETSC_COMM_SELF, PETSC_ERR_SUP, "stub"); }
PetscErrorCode HtTensorSaveCSV(HtTensor t, const char p[]) { SETERRQ(PETSC_COMM_SELF, PETSC_ERR_SUP, "stub"); }
