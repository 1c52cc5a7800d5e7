static const char help[] = "Tests the errors of HtTensor netCDF I/O: each -case is one bad input, which must give a clean error on every rank.\n"
                           "The files are written by the test itself (rank 0, serial netCDF-C) in HEAT_TEST_TMPDIR.\n";

#include <heat.h>
#include <netcdf.h>
#include <unistd.h>
#include <sys/stat.h>

#define NC(call) PetscCheck((call) == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_LIB, "netCDF call %s failed", #call)

/*
   rank 0 writes TMPDIR/f.nc: double temperature (time=2, lat=3, lon=4), char name (len=5), uint big (n=2) holding a
   value beyond a 32-bit PetscInt, double hyper of 9 dimensions (one=1 nine times); TMPDIR/text.nc, a text file; TMPDIR/cut.nc, the first half of f.nc; TMPDIR/dir.nc,
   a directory
*/
static PetscErrorCode WriteFiles(const char dir[])
{
  char         path[PETSC_MAX_PATH_LEN], cut[PETSC_MAX_PATH_LEN];
  int          ncid, dims[6], temp, name, big, hyper;
  double       t[24] = {0};
  unsigned int b[2]  = {1, 4000000000u};
  FILE        *fp;
  struct stat  st;
  PetscMPIInt  rank;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  if (!rank) {
    PetscCall(PetscSNPrintf(path, sizeof(path), "%s/f.nc", dir));
    NC(nc_create(path, NC_NETCDF4 | NC_CLOBBER, &ncid));
    NC(nc_def_dim(ncid, "time", 2, &dims[0]));
    NC(nc_def_dim(ncid, "lat", 3, &dims[1]));
    NC(nc_def_dim(ncid, "lon", 4, &dims[2]));
    NC(nc_def_dim(ncid, "len", 5, &dims[3]));
    NC(nc_def_dim(ncid, "n", 2, &dims[4]));
    NC(nc_def_dim(ncid, "one", 1, &dims[5]));
    NC(nc_def_var(ncid, "temperature", NC_DOUBLE, 3, dims, &temp));
    NC(nc_def_var(ncid, "name", NC_CHAR, 1, &dims[3], &name));
    NC(nc_def_var(ncid, "big", NC_UINT, 1, &dims[4], &big));
    NC(nc_def_var(ncid, "hyper", NC_DOUBLE, 9, (int[]){dims[5], dims[5], dims[5], dims[5], dims[5], dims[5], dims[5], dims[5], dims[5]}, &hyper));
    NC(nc_enddef(ncid));
    NC(nc_put_var_double(ncid, temp, t));
    NC(nc_put_var_text(ncid, name, "heat!"));
    NC(nc_put_var_uint(ncid, big, b));
    NC(nc_close(ncid));
    PetscCall(PetscSNPrintf(cut, sizeof(cut), "%s/cut.nc", dir));
    PetscCheck(!stat(path, &st), PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "Cannot stat %s", path);
    PetscCall(PetscSNPrintf(path, sizeof(path), "head -c %lld %s/f.nc > %s", (long long)st.st_size / 2, dir, cut));
    PetscCheck(!system(path), PETSC_COMM_SELF, PETSC_ERR_FILE_WRITE, "Cannot write %s", cut);
    PetscCall(PetscSNPrintf(path, sizeof(path), "%s/text.nc", dir));
    fp = fopen(path, "w");
    PetscCheck(fp, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "Cannot write %s", path);
    fprintf(fp, "time,temperature\n0,273.15\n");
    (void)fclose(fp);
    PetscCall(PetscSNPrintf(path, sizeof(path), "%s/dir.nc", dir));
    PetscCheck(!mkdir(path, 0755), PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "Cannot make %s", path);
  }
  PetscCallMPI(MPI_Barrier(PETSC_COMM_WORLD));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  char        name[64] = "", path[PETSC_MAX_PATH_LEN];
  const char *dir = getenv("HEAT_TEST_TMPDIR");
  HtTensor    t = NULL;
  PetscInt    split = 0, i;
  const char *cases[][3] = {
    /* -case          file            variable      */
    {"missing_file", "no_such.nc",   "temperature"},
    {"not_netcdf",   "text.nc",      "temperature"},
    {"truncated",    "cut.nc",       "temperature"},
    {"directory",    "dir.nc",       "temperature"},
    {"missing",      "f.nc",         "humidity"   },
    {"type",         "f.nc",         "name"       },
    {"overflow",     "f.nc",         "big"        },
    {"split",        "f.nc",         "temperature"},
    {"ndim",         "f.nc",         "hyper"      },
    {"bad_name",     "out.nc",       "a/b"        },
  };

  PetscFunctionBeginUser;
  PetscCheck(dir && dir[0], PETSC_COMM_WORLD, PETSC_ERR_USER, "Set HEAT_TEST_TMPDIR to a writable directory (tests/run does)");
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", name, sizeof(name), NULL));
  for (i = 0; i < (PetscInt)PETSC_STATIC_ARRAY_LENGTH(cases); i++) {
    PetscBool match;

    PetscCall(PetscStrcmp(name, cases[i][0], &match));
    if (match) break;
  }
  PetscCheck(i < (PetscInt)PETSC_STATIC_ARRAY_LENGTH(cases), PETSC_COMM_WORLD, PETSC_ERR_USER, "Unknown -case '%s'", name);
  PetscCall(WriteFiles(dir));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/%s", dir, cases[i][1]));
  if (!strcmp(name, "split")) split = 3;
  if (!strcmp(name, "bad_name")) {
    PetscCall(HtTensorOnes(PETSC_COMM_WORLD, 1, (PetscInt[]){5}, 0, HT_SCALAR, &t));
    PetscCall(HtTensorSave(t, path, cases[i][2]));
  } else PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, cases[i][2], split, &t));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "case %s: no error\n", name));
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest());
}

/*TEST
   testset:
     nsize: 3
     errors: expected
     filter: grep -m1 -o -e "Cannot .*" -e "'.*' is .*" -e "Variable .*" | sed "s|$HEAT_TEST_TMPDIR|TMPDIR|g"; ls "$HEAT_TEST_TMPDIR" | grep -c heat-tmp
     test:
       suffix: missing_file
       args: -case missing_file
     test:
       suffix: not_netcdf
       args: -case not_netcdf
     test:
       suffix: truncated
       args: -case truncated
     test:
       suffix: directory
       args: -case directory
     test:
       suffix: missing
       args: -case missing
     test:
       suffix: type
       args: -case type
     test:
       suffix: overflow
       args: -case overflow
       requires: !64bit_indices
     test:
       suffix: split
       args: -case split
     test:
       suffix: ndim
       args: -case ndim
     test:
       suffix: bad_name
       args: -case bad_name
TEST*/
