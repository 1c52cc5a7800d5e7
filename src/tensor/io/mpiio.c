/*
   MPI-IO helpers shared by the .npy and CSV readers and writers: collective error handling,
   opening files for reading, safe writing through a temporary file
   (large-count datatypes: mpicount.c).

   An error that only some ranks see (a bad line in their part of a CSV file, a failed read)
   is recorded in an HtIOError and raised on every rank together by HtIOErrorCheck(), so no
   rank is left waiting in a collective call.
*/
#include <heat/private/tensorimpl.h>
#include <stdarg.h>

/*
   HtIOErrorSet - records an error (printf-style message) unless an earlier one is recorded: the
   first error found is the one reported.
*/
PetscErrorCode HtIOErrorSet(HtIOError *e, PetscErrorCode code, const char format[], ...)
{
  va_list ap;
  size_t  full;

  PetscFunctionBegin;
  if (e->code) PetscFunctionReturn(PETSC_SUCCESS);
  e->code = code;
  va_start(ap, format);
  PetscCall(PetscVSNPrintf(e->msg, sizeof(e->msg), format, &full, ap));
  va_end(ap);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtIOErrorSetMPI - records "<action> '<path>': <MPI error string>" if an MPI(-IO) call returned mpierr != MPI_SUCCESS
*/
PetscErrorCode HtIOErrorSetMPI(HtIOError *e, PetscErrorCode code, int mpierr, const char action[], const char path[])
{
  char        str[MPI_MAX_ERROR_STRING];
  PetscMPIInt len;

  PetscFunctionBegin;
  if (mpierr == MPI_SUCCESS) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCallMPI(MPI_Error_string(mpierr, str, &len));
  PetscCall(HtIOErrorSet(e, code, "%s '%s': %s", action, path, str));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtIOErrorSetTransfer - records a failed read or write of `expected` elements of etype: an error code, or a
   status that counts fewer elements (Open MPI's OMPIO reports a failed or short write, such as on a full
   disk, only this way)
*/
PetscErrorCode HtIOErrorSetTransfer(HtIOError *e, PetscBool write, int mpierr, MPI_Status *status, MPI_Datatype etype, MPI_Offset expected, const char path[])
{
  MPI_Count   n = 0;
  PetscMPIInt esize;

  PetscFunctionBegin;
  if (mpierr != MPI_SUCCESS) {
    PetscCall(HtIOErrorSetMPI(e, write ? PETSC_ERR_FILE_WRITE : PETSC_ERR_FILE_READ, mpierr, write ? "Cannot write" : "Cannot read", path));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCallMPI(MPI_Get_elements_x(status, etype, &n));
  if (n == (MPI_Count)expected) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCallMPI(MPI_Type_size(etype, &esize));
  if (write) PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_WRITE, "Cannot write '%s': only %" PetscInt64_FMT " of %" PetscInt64_FMT " bytes were written (is the file system full?)", path, (PetscInt64)n * esize, (PetscInt64)expected * esize));
  else PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_READ, "Cannot read '%s': only %" PetscInt64_FMT " of %" PetscInt64_FMT " bytes could be read (did the file change while it was read?)", path, (PetscInt64)n * esize, (PetscInt64)expected * esize));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtIOErrorCheck - collective: if any rank recorded an error, closes the file fh and destroys the tensor t
   (either may be NULL) on every rank, then raises the error of the lowest failing rank on all of them.
*/
PetscErrorCode HtIOErrorCheck(MPI_Comm comm, HtIOError *e, MPI_File *fh, HtTensor *t)
{
  PetscMPIInt failed = e->code ? 1 : 0, anyfailed;

  PetscFunctionBegin;
  PetscCall(MPIU_Allreduce(&failed, &anyfailed, 1, MPI_INT, MPI_MAX, comm));
  if (!anyfailed) PetscFunctionReturn(PETSC_SUCCESS);
  if (fh && *fh != MPI_FILE_NULL) (void)MPI_File_close(fh); /* the error being raised is the one that matters */
  if (t) PetscCall(HtTensorDestroy(t));
  PetscCall(HtCollectiveCheck(comm, e->code, e->msg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtFileOpenRead - opens a file for reading on every rank of comm (collective); a missing or unreadable
   file is an error on every rank: "Cannot open 'path': <reason>". The handle returns MPI error codes.
*/
PetscErrorCode HtFileOpenRead(MPI_Comm comm, const char path[], MPI_File *fh)
{
  HtIOError e = {0};
  int       err;

  PetscFunctionBegin;
  err = MPI_File_open(comm, path, MPI_MODE_RDONLY, MPI_INFO_NULL, fh);
  if (err) *fh = MPI_FILE_NULL;
  PetscCall(HtIOErrorSetMPI(&e, PETSC_ERR_FILE_OPEN, err, "Cannot open", path));
  /* MPI implementations agree on the outcome of the collective open, so no rank holds a handle here */
  PetscCall(HtIOErrorCheck(comm, &e, NULL, NULL));
  PetscCallMPI(MPI_File_set_errhandler(*fh, MPI_ERRORS_RETURN));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtFileOpenWrite - starts a safe write of `path`: creates the empty temporary file `tmp` (a name from
   HtFileTemporaryName(), in the directory of `path`) on every rank of comm. A directory that does not
   exist or cannot be written is an error on every rank. Later failures are recorded in e, which the
   caller passes on through its writes to HtFileWriteEnd().
*/
PetscErrorCode HtFileOpenWrite(MPI_Comm comm, const char path[], char tmp[], size_t len, MPI_File *fh, HtIOError *e)
{
  HtIOError oe = {0};
  int       err;

  PetscFunctionBegin;
  PetscCall(HtFileTemporaryName(comm, path, tmp, len));
  err = MPI_File_open(comm, tmp, MPI_MODE_CREATE | MPI_MODE_WRONLY, MPI_INFO_NULL, fh);
  if (err) {
    char        str[MPI_MAX_ERROR_STRING];
    PetscMPIInt slen;

    *fh = MPI_FILE_NULL;
    PetscCallMPI(MPI_Error_string(err, str, &slen));
    PetscCall(HtIOErrorSet(&oe, PETSC_ERR_FILE_OPEN, "Cannot write '%s': creating a temporary file in its directory failed: %s", path, str));
  }
  PetscCall(HtIOErrorCheck(comm, &oe, NULL, NULL));
  PetscCallMPI(MPI_File_set_errhandler(*fh, MPI_ERRORS_RETURN));
  /* a stale file of the same name may exist: start from an empty file */
  PetscCall(HtIOErrorSetMPI(e, PETSC_ERR_FILE_WRITE, MPI_File_set_size(*fh, 0), "Cannot write", path));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtFileWriteEnd - ends a safe write started with HtFileOpenWrite(): flushes the file to storage, checks
   that it has the expected size, closes it and, if no rank recorded an error in e, moves it into place;
   otherwise removes it, leaves `path` as it was and raises the error on every rank (HtFileCommit()).
   The reason of a failure is shown by -info.

   The size check matters: Open MPI's OMPIO loses the errors of failed writes (full disk, file size
   limit) in collective writes on several ranks, and a short file is how they show.
*/
PetscErrorCode HtFileWriteEnd(MPI_Comm comm, MPI_File *fh, HtIOError *e, MPI_Offset expected, const char tmp[], const char path[])
{
  MPI_Offset size = -1;

  PetscFunctionBegin;
  PetscCall(HtIOErrorSetMPI(e, PETSC_ERR_FILE_WRITE, MPI_File_sync(*fh), "Cannot write", path));
  PetscCall(HtIOErrorSetMPI(e, PETSC_ERR_FILE_WRITE, MPI_File_get_size(*fh, &size), "Cannot write", path));
  if (size != expected) PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_WRITE, "Cannot write '%s': the file has %" PetscInt64_FMT " bytes instead of %" PetscInt64_FMT " (is the file system full?)", path, (PetscInt64)size, (PetscInt64)expected));
  PetscCall(HtIOErrorSetMPI(e, PETSC_ERR_FILE_WRITE, MPI_File_close(fh), "Cannot write", path));
  if (e->code) PetscCall(PetscInfo(NULL, "%s\n", e->msg));
  PetscCall(HtFileCommit(comm, e->code, tmp, path));
  PetscFunctionReturn(PETSC_SUCCESS);
}
