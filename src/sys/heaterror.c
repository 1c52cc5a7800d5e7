/*
   How a Heat program ends after an error. PETSc aborts the whole job (MPI_Abort) as soon as an error reaches main():
   every rank's message races the teardown, Open MPI prints its "exiting improperly" banner, and the job takes
   seconds to end. A Heat program instead runs its work in a function and ends with HeatEnd(): an error that every rank
   raised (on a communicator of every rank) is printed once and PETSc is finalized on every rank, so the program exits
   at once with the error code as its status; only an error of some ranks, whose partners may wait in a collective call
   forever, still aborts the job.
*/
#include <heatsys.h>
#include <heat/private/heatimpl.h>
#include <string.h>

/* what the error handler saw of the error now travelling up the stack */
static struct {
  PetscBool quiet;      /* not rank 0 of the error's communicator: rank 0 prints it */
  PetscBool collective; /* raised on a communicator of every rank: every rank returns it */
} HeatErrorSeen = {PETSC_FALSE, PETSC_TRUE};

/* PETSc's traceback, printed by rank 0 of the error's communicator only */
static PetscErrorCode HeatErrorHandler(MPI_Comm comm, int line, const char *fun, const char *file, PetscErrorCode n, PetscErrorType p, const char *mess, void *ctx)
{
  (void)ctx;
  if (p == PETSC_ERROR_INITIAL) {
    PetscMPIInt rank = 0, size = 1, wsize = 1;

    if (comm != PETSC_COMM_SELF) {
      (void)MPI_Comm_rank(comm, &rank);
      (void)MPI_Comm_size(comm, &size);
    }
    (void)MPI_Comm_size(PETSC_COMM_WORLD, &wsize);
    HeatErrorSeen.quiet      = (PetscBool)(rank != 0);
    HeatErrorSeen.collective = (PetscBool)(size == wsize);
  }
  if (!HeatErrorSeen.quiet) {
    PetscMPIInt wrank = 0;

    /* an error of one rank's own (PETSC_COMM_SELF) may be raised by several ranks at once: the others print after
       world rank 0, so that the lines of their messages do not interleave */
    (void)MPI_Comm_rank(PETSC_COMM_WORLD, &wrank);
    if (p == PETSC_ERROR_INITIAL && wrank != 0) (void)PetscSleep(0.5);
    return PetscTraceBackErrorHandler(PETSC_COMM_SELF, line, fun, file, n, p, mess, NULL);
  }
  /* a program that lets the error reach main() through PetscCall() is aborted by PETSc right after this handler: give
     rank 0 the time to print the message first (PETSc's own handler waits 10 s here) */
  if (fun && !strcmp(fun, "main")) (void)PetscSleep(1.0);
  return n;
}

/*
   HeatPushErrorHandler_Private - installs the handler above; called by HeatInitialize() when it starts PETSc (a program
   that initialized PETSc itself keeps its own handler)
*/
PetscErrorCode HeatPushErrorHandler_Private(void)
{
  PetscFunctionBegin;
  PetscCall(PetscPushErrorHandler(HeatErrorHandler, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HeatErrorIsCollective - Tells whether the error now travelling up was raised on a communicator of every rank, so
   that every rank returns it (and collective clean-up, such as destroying a parallel viewer, is safe).

   Not Collective

   Output Parameter:
.  collective - `PETSC_TRUE` for an error every rank raised (also when there was no error)

   Level: advanced

   Note:
   Only known under Heat's error handler, which `HeatInitialize()` installs when it starts PETSc.

.seealso: `HeatEnd()`
@*/
PetscErrorCode HeatErrorIsCollective(PetscBool *collective)
{
  PetscFunctionBegin;
  PetscValidBoolPointer(collective, 1);
  *collective = HeatErrorSeen.collective;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HeatEnd - Ends a program after its work returned `ierr`: finalizes Heat (and SLEPc, PETSc and MPI where
   `HeatInitialize()` started them) and gives the exit status.

   Collective on `PETSC_COMM_WORLD`

   Input Parameter:
.  ierr - what the program's work returned

   Returns:
   the exit status for `main()`: 0 after success; after an error the PETSc error code on the rank that printed the
   message (rank 0 for an error of every rank), so that `mpiexec` exits with it

   Level: beginner

   Notes:
   PETSc aborts the whole MPI job (`MPI_Abort()`) when an error reaches `main()` through `PetscCall()`: the messages of
   the ranks race the teardown and the job ends slowly. Run the work in a function instead and end with `HeatEnd()`. An
   error raised on a communicator of every rank (every rank raises it, as Heat's checks of collective arguments do) is
   printed once, by rank 0, and every rank finalizes (without the -malloc_dump listing: the objects of the interrupted
   work are still allocated). Rank 0 exits with the error code, which becomes `mpiexec`'s exit status; the other ranks
   exit with 0, since Open MPI's `mpiexec` kills the job as soon as one rank exits with a non-zero status, and could
   otherwise kill rank 0 before it forwarded rank 0's message. An error raised on fewer ranks still aborts the job,
   since the other ranks may wait for them in a collective call.

   Example:
.vb
   static PetscErrorCode Run(void)
   {
     PetscFunctionBeginUser;
     ... PetscCall(...) ...
     PetscFunctionReturn(PETSC_SUCCESS);
   }

   int main(int argc, char **argv)
   {
     PetscCall(HeatInitialize(&argc, &argv, NULL, help));
     return HeatEnd(Run());
   }
.ve

.seealso: `HeatInitialize()`, `HeatFinalize()`
@*/
int HeatEnd(PetscErrorCode ierr)
{
  if (ierr && !HeatErrorSeen.collective) { /* the messages of the ranks reach the terminal before the job ends */
    (void)PetscSleep(1.0);
    MPI_Abort(MPI_COMM_WORLD, (PetscMPIInt)ierr);
  }
  if (ierr) { /* the run stopped early: options not reached are no news, nor are the objects it did not destroy */
    (void)PetscOptionsSetValue(NULL, "-options_left", "0");
    (void)PetscOptionsClearValue(NULL, "-malloc_dump");
    (void)PetscOptionsClearValue(NULL, "-malloc_debug");
  }
  if (HeatFinalize()) return ierr ? (int)ierr : 1;
  return HeatErrorSeen.quiet ? 0 : (int)ierr;
}
