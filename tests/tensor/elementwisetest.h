/*
   Helper shared by the tests of the elementwise and random-sampling operations (elementwise_errors.c,
   randomops.c): runs bad calls with their errors caught, and checks that every rank raises the same one.
*/
#pragma once

#include <heat.h>

/* a bad call: creates its tensors in t[] (destroyed by the caller) and returns the error of its last call */
typedef struct {
  const char *name;
  PetscErrorCode (*run)(MPI_Comm, HtTensor[]);
} ErrorCase;

#define ERROR_CASE_TENSORS 4

/* runs each case with PetscReturnErrorHandler and prints its message and whether every rank got the same error */
static inline PetscErrorCode RunErrorCases(const ErrorCase cases[], size_t n)
{
  PetscFunctionBeginUser;
  for (size_t k = 0; k < n; k++) {
    HtTensor       t[ERROR_CASE_TENSORS] = {NULL, NULL, NULL, NULL};
    PetscErrorCode ierr;
    PetscInt       code[2];
    const char    *text;
    char          *specific;

    PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
    ierr = (*cases[k].run)(PETSC_COMM_WORLD, t);
    PetscCall(PetscPopErrorHandler());
    PetscCall(PetscErrorMessage(ierr, &text, &specific));
    code[0] = -(PetscInt)ierr; /* max of -ierr and of ierr: the same code everywhere when they agree */
    code[1] = (PetscInt)ierr;
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, code, 2, MPIU_INT, MPI_MAX, PETSC_COMM_WORLD));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: %s\n  %s\n", cases[k].name, ierr && -code[0] == code[1] ? "the same error on every rank" : "NOT AN ERROR ON EVERY RANK", ierr ? specific : "no error"));
    for (PetscInt i = 0; i < ERROR_CASE_TENSORS; i++) PetscCall(HtTensorDestroy(&t[i]));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
