static const char help[] = "Tests that a failed HtTensorSave() leaves an existing file unchanged and no temporary file behind,\n"
                           "and that a successful one replaces the file. The second save is made to fail on one rank after its\n"
                           "data are written (-ht_fault_inject_write RANK:2), the third by a full file system; a save into a missing\n"
                           "directory and one over an existing directory fail before any temporary file is made.\n"
                           "  -ext npy|csv|h5   the format to test\n";

#include "iotest.h"
#include <dirent.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

/* saves t to path with errors caught; the error message, if any, is printed */
static PetscErrorCode TrySave(HtTensor t, const char path[], const char what[])
{
  PetscErrorCode ierr;
  const char    *text;
  char          *specific;

  PetscFunctionBegin;
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = HtTensorSave(t, path, NULL);
  PetscCall(PetscPopErrorHandler());
  PetscCall(PetscErrorMessage(ierr, &text, &specific));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: %s\n", what, ierr ? specific : "saved"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* compares the file with the tensor it should hold */
static PetscErrorCode CheckFile(HtTensor t, const char path[], const char what[])
{
  HtTensor  y;
  PetscReal maxdiff = -1;

  PetscFunctionBegin;
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, NULL, 0, &y));
  PetscCall(MaxDiff(t, y, &maxdiff));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "the file holds %s: %s\n", what, maxdiff == 0 ? "yes" : "NO"));
  PetscCall(HtTensorDestroy(&y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the number of files in dir whose names contain ".heat-tmp-" */
static PetscErrorCode CountTemporaries(const char dir[])
{
  DIR           *d = opendir(dir);
  struct dirent *f;
  PetscInt       n = 0;

  PetscFunctionBegin;
  PetscCheck(d, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "Cannot list %s", dir);
  while ((f = readdir(d)))
    if (strstr(f->d_name, ".heat-tmp-")) n++;
  closedir(d);
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "temporary files left: %" PetscInt_FMT "\n", n));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* with a file size limit every write past `bytes` fails (EFBIG), also for root: a full disk */
static PetscErrorCode LimitFileSize(rlim_t bytes, struct rlimit *old)
{
  struct rlimit lim;

  PetscFunctionBegin;
  PetscCheck(!getrlimit(RLIMIT_FSIZE, old), PETSC_COMM_SELF, PETSC_ERR_SYS, "getrlimit() failed");
  lim.rlim_cur = bytes;
  lim.rlim_max = old->rlim_max;
  (void)signal(SIGXFSZ, SIG_IGN);
  PetscCheck(!setrlimit(RLIMIT_FSIZE, &lim), PETSC_COMM_SELF, PETSC_ERR_SYS, "setrlimit() failed");
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  const PetscInt small[2] = {4, 3}, big[2] = {3000, 8};
  HtTensor       a, b;
  char           ext[8] = "npy", path[32], nodir[32], isdir[32];
  PetscMPIInt    rank;
  const char    *dir = getenv("HEAT_TEST_TMPDIR");
  struct rlimit  old;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-ext", ext, sizeof(ext), NULL));
  PetscCheck(!dir || !chdir(dir), PETSC_COMM_SELF, PETSC_ERR_SYS, "Cannot change to the directory %s", dir); /* file names in messages are relative */
  PetscCall(PetscSNPrintf(path, sizeof(path), "keep.%s", ext));
  PetscCall(PetscSNPrintf(nodir, sizeof(nodir), "no/such/dir/x.%s", ext));
  PetscCall(PetscSNPrintf(isdir, sizeof(isdir), "folder.%s", ext));
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCheck(rank || !mkdir(isdir, 0755), PETSC_COMM_SELF, PETSC_ERR_SYS, "Cannot make the directory %s", isdir);
  PetscCallMPI(MPI_Barrier(PETSC_COMM_WORLD));
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 2, small, 0, HT_SCALAR, &a));
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 2, big, 1, HT_SCALAR, &b));
  PetscCall(Fill(a));
  PetscCall(Fill(b));

  PetscCall(TrySave(a, path, "first save"));
  PetscCall(TrySave(b, path, "save with a fault of one rank"));
  PetscCall(CheckFile(a, path, "the first tensor"));
  PetscCall(CountTemporaries("."));
  PetscCall(LimitFileSize(16384, &old));
  PetscCall(TrySave(b, path, "save into a full file system"));
  PetscCheck(!setrlimit(RLIMIT_FSIZE, &old), PETSC_COMM_SELF, PETSC_ERR_SYS, "setrlimit() failed");
  PetscCall(CheckFile(a, path, "the first tensor"));
  PetscCall(CountTemporaries("."));
  PetscCall(TrySave(a, nodir, "save into a missing directory"));
  PetscCall(TrySave(a, isdir, "save over a directory"));
  PetscCall(CountTemporaries("."));
  PetscCall(TrySave(b, path, "save over the file"));
  PetscCall(CheckFile(b, path, "the second tensor"));
  PetscCall(CountTemporaries("."));

  PetscCall(HtTensorDestroy(&a));
  PetscCall(HtTensorDestroy(&b));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST

   test:
     # the program goes on after caught errors, whose paths free nothing (PETSc's HDF5 viewer of a failed open)
     malloc_dump: no
     nsize: {{1 3}}
     args: -ext {{npy csv h5}separate output} -ht_fault_inject_write 0:2
     # HDF5's messages of the full file system (stderr, written in pieces) may precede a line of ours
     filter: grep -oE "(first save|save |the file holds|temporary files).*"
   test:
     # the fault on a rank other than the one that renames the file
     suffix: rank2
     nsize: {{3 4}}
     malloc_dump: no
     args: -ext {{npy csv h5}separate output} -ht_fault_inject_write 2:2
     output_file: output/save.out
     # HDF5's messages of the full file system (stderr, written in pieces) may precede a line of ours
     filter: grep -oE "(first save|save |the file holds|temporary files).*"

TEST*/
