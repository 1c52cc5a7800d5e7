static const char help[] = "Tests that a failed HDF5 or netCDF save keeps the existing file and leaves no temporary file,\n"
                           "and that a save replaces the whole file.\n"
                           "  -ext h5|nc   the format (default h5)\n";

#include <heat.h>
#include <dirent.h>

static char errors[4096]; /* the messages of the errors raised since the last ExpectError() */

/* error handler that records the message of each new error, with the test directory (ctx) shown as TMPDIR */
static PetscErrorCode RecordError(MPI_Comm comm, int line, const char *fun, const char *file, PetscErrorCode n, PetscErrorType p, const char *mess, void *ctx)
{
  const char *dir = (const char *)ctx, *at = mess ? strstr(mess, dir) : NULL;
  size_t      len = strlen(errors);

  if (p != PETSC_ERROR_INITIAL) return n;
  if (at) snprintf(errors + len, sizeof(errors) - len, "  %.*sTMPDIR%s\n", (int)(at - mess), mess, at + strlen(dir));
  else snprintf(errors + len, sizeof(errors) - len, "  %s\n", mess ? mess : "");
  return n;
}

/* ends a call made under RecordError(): it must have failed; prints the errors it raised */
static PetscErrorCode ExpectError(PetscErrorCode ierr, const char what[])
{
  PetscFunctionBegin;
  PetscCall(PetscPopErrorHandler());
  PetscCheck(ierr, PETSC_COMM_WORLD, PETSC_ERR_PLIB, "%s should have failed", what);
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s failed:\n%s", what, errors));
  errors[0] = '\0';
  PetscFunctionReturn(PETSC_SUCCESS);
}

static const char *what = "dataset"; /* an HDF5 dataset or a netCDF variable */

/* loads `dataset` of path and prints its sum and its largest difference from ref */
static PetscErrorCode CheckFile(const char path[], const char dataset[], HtTensor ref)
{
  HtTensor    t;
  Vec         x, y;
  PetscScalar sum;
  PetscReal   diff;

  PetscFunctionBegin;
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, dataset, 0, &t));
  PetscCall(HtTensorGetVec(t, &x));
  PetscCall(HtTensorGetVec(ref, &y));
  PetscCall(VecSum(x, &sum));
  PetscCall(VecAXPY(x, -1.0, y));
  PetscCall(VecNorm(x, NORM_INFINITY, &diff));
  PetscCall(HtTensorRestoreVec(ref, &y));
  PetscCall(HtTensorRestoreVec(t, &x));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s '%s': sum %g, largest difference from the saved tensor %g\n", what, dataset, (double)PetscRealPart(sum), (double)diff));
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* prints the entries of dir whose name contains "heat-tmp" */
static PetscErrorCode ListTemporary(const char dir[])
{
  PetscMPIInt    rank;
  DIR           *d;
  struct dirent *e;
  int            left = 0;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  if (!rank) {
    d = opendir(dir);
    PetscCheck(d, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "Cannot list the directory %s", dir);
    while ((e = readdir(d)))
      if (strstr(e->d_name, "heat-tmp")) PetscCall(PetscPrintf(PETSC_COMM_SELF, "left behind: %s (%d)\n", e->d_name, ++left));
    (void)closedir(d);
    PetscCall(PetscPrintf(PETSC_COMM_SELF, "temporary files left: %d\n", left));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  const char *dir;
  char        path[PETSC_MAX_PATH_LEN], nodir[PETSC_MAX_PATH_LEN], ext[8] = "h5", label[64];
  HtTensor    t, ones, u = NULL;
  PetscBool   nc;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  dir = getenv("HEAT_TEST_TMPDIR");
  PetscCheck(dir && dir[0], PETSC_COMM_WORLD, PETSC_ERR_USER, "Set HEAT_TEST_TMPDIR to a writable directory (tests/run does)");
  PetscCall(PetscOptionsGetString(NULL, NULL, "-ext", ext, sizeof(ext), NULL));
  PetscCall(PetscStrcmp(ext, "nc", &nc));
  if (nc) what = "variable";
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/keep.%s", dir, ext));
  PetscCall(PetscSNPrintf(nodir, sizeof(nodir), "%s/no/such/dir/keep.%s", dir, ext));
  PetscCall(HtTensorArange(PETSC_COMM_WORLD, 0, 35, 1, 0, HT_SCALAR, &t));
  PetscCall(HtTensorOnes(PETSC_COMM_WORLD, 1, (PetscInt[]){35}, 0, HT_SCALAR, &ones));
  PetscCall(HtTensorSave(t, path, NULL));
  PetscCall(CheckFile(path, "data", t));

  PetscCall(PetscPushErrorHandler(RecordError, (void *)dir));
  PetscCall(PetscSNPrintf(label, sizeof(label), nc ? "saving as variable '/' (not a name)" : "saving as dataset '/' (the root group)"));
  PetscCall(ExpectError(HtTensorSave(ones, path, "/"), label));
  PetscCall(CheckFile(path, "data", t));
  PetscCall(ListTemporary(dir));

  PetscCall(PetscPushErrorHandler(RecordError, (void *)dir));
  PetscCall(ExpectError(HtTensorSave(ones, nodir, "data"), "saving into a missing directory"));
  PetscCall(ListTemporary(dir));

  PetscCall(HtTensorSave(ones, path, "other")); /* replaces the whole file: "data" is gone */
  PetscCall(CheckFile(path, "other", ones));
  PetscCall(PetscPushErrorHandler(RecordError, (void *)dir));
  PetscCall(ExpectError(HtTensorLoad(PETSC_COMM_WORLD, path, "data", 0, &u), "loading 'data' after saving 'other'"));
  PetscCall(ListTemporary(dir));

  PetscCall(HtTensorDestroy(&u));
  PetscCall(HtTensorDestroy(&ones));
  PetscCall(HtTensorDestroy(&t));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     nsize: {{1 2 3 4}}
     args: -ext {{h5 nc}separate output}
TEST*/
