/*
   What every libFuzzer target of tests/fuzz/ shares: Heat initialized once, on one process (PETSC_COMM_WORLD is
   PETSC_COMM_SELF), without PETSc's signal handlers (the sanitizers report a crash) and with errors returned silently
   (bad input is expected to give an error, never a crash).
*/
#pragma once

#include <heat.h>
#include <stdio.h>
#include <stdlib.h>

/* an unexpected failure of the harness itself: stop so that libFuzzer keeps the input */
#define FUZZ_CHECK(call) \
  do { \
    PetscErrorCode _ierr = (call); \
    if (_ierr) FuzzAbort(_ierr, #call, __FILE__, __LINE__); \
  } while (0)

static inline void FuzzAbort(PetscErrorCode ierr, const char call[], const char file[], int line)
{
  const char *text;
  char       *specific = NULL;

  (void)PetscErrorMessage(ierr, &text, &specific);
  fprintf(stderr, "fuzz harness: %s failed (%s:%d): %s\n", call, file, line, specific ? specific : "");
  abort();
}

static inline void FuzzInitialize(void)
{
  FUZZ_CHECK(PetscOptionsSetValue(NULL, "-no_signal_handler", NULL));
  FUZZ_CHECK(HeatInitialize(NULL, NULL, NULL, NULL));
  FUZZ_CHECK(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
}
