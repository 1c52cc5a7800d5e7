static const char help[] = "Tests HtTensor netCDF I/O: save/load round trips bit for bit for every split, and files written\n"
                           "by netCDF-C itself (NetCDF-4 and classic CDF-5) loaded with every split.\n"
                           "  -roundtrip          save and load every case of the table as variable 'temperature'\n"
                           "  -written FORMAT     rank 0 writes a file with nc_create (nc4 or cdf5); every rank loads it\n"
                           "  -split S            the axis to load the written file with\n";

#include "iotest.h"
#include <netcdf.h>

static PetscErrorCode SaveTemperature(HtTensor t, const char path[])
{
  PetscFunctionBegin;
  PetscCall(HtTensorSave(t, path, "temperature")); /* through the extension dispatch */
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode LoadTemperature(MPI_Comm comm, const char path[], PetscInt split, HtTensor *t)
{
  PetscFunctionBegin;
  PetscCall(HtTensorLoadNetCDF(comm, path, "temperature", split, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode LoadCounts(MPI_Comm comm, const char path[], PetscInt split, HtTensor *t)
{
  PetscFunctionBegin;
  PetscCall(HtTensorLoad(comm, path, "counts", split, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

#define NC(call) PetscCheck((call) == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_LIB, "netCDF call %s failed", #call)

/*
   rank 0 writes, serially with netCDF-C, a file holding float "temperature" (time=3, lat=4, lon=5) = 0.5 + 0.25 i and
   short "counts" (station=7) = -3 + 2 i (i: the flat index), the way any netCDF tool would
*/
static PetscErrorCode WriteWithNetCDF(const char path[], int mode)
{
  int         ncid, dims[4], temp, counts;
  float       t[60];
  short       c[7];
  PetscMPIInt rank;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  if (!rank) {
    for (int i = 0; i < 60; i++) t[i] = 0.5f + 0.25f * (float)i;
    for (int i = 0; i < 7; i++) c[i] = (short)(-3 + 2 * i);
    NC(nc_create(path, mode | NC_CLOBBER, &ncid));
    NC(nc_def_dim(ncid, "time", 3, &dims[0]));
    NC(nc_def_dim(ncid, "lat", 4, &dims[1]));
    NC(nc_def_dim(ncid, "lon", 5, &dims[2]));
    NC(nc_def_dim(ncid, "station", 7, &dims[3]));
    NC(nc_def_var(ncid, "temperature", NC_FLOAT, 3, dims, &temp));
    NC(nc_def_var(ncid, "counts", NC_SHORT, 1, &dims[3], &counts));
    NC(nc_put_att_text(ncid, temp, "units", 1, "K"));
    NC(nc_enddef(ncid));
    NC(nc_put_var_float(ncid, temp, t));
    NC(nc_put_var_short(ncid, counts, c));
    NC(nc_close(ncid));
  }
  PetscCallMPI(MPI_Barrier(PETSC_COMM_WORLD));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  const Case cases[] = {
    {1, {17, 0, 0},  HT_SCALAR, 0,  0 },
    {1, {17, 0, 0},  HT_INT,    0,  -1},
    {1, {2, 0, 0},   HT_SCALAR, 0,  0 }, /* fewer rows than ranks */
    {2, {9, 4, 0},   HT_SCALAR, 0,  1 },
    {2, {9, 4, 0},   HT_SCALAR, 1,  0 },
    {2, {9, 4, 0},   HT_INT,    -1, 0 },
    {2, {5, 11, 0},  HT_INT,    1,  1 },
    {2, {0, 3, 0},   HT_SCALAR, 0,  0 }, /* empty: an unlimited dimension of length 0 */
    {3, {4, 3, 5},   HT_SCALAR, 0,  2 },
    {3, {4, 3, 5},   HT_SCALAR, 2,  1 },
    {3, {3, 6, 2},   HT_INT,    1,  0 },
    {3, {3, 6, 2},   HT_INT,    -1, -1},
    {2, {6, 3, 0},   HT_BOOL,   0,  1 },
    {0, {0, 0, 0},   HT_SCALAR, -1, -1}, /* a scalar variable */
  };
  char        format[16], path[PETSC_MAX_PATH_LEN];
  const char *dir;
  PetscBool   written;
  PetscInt    split = 0;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-written", format, sizeof(format), &written));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-split", &split, NULL));
  if (written) {
    dir = getenv("HEAT_TEST_TMPDIR");
    PetscCall(PetscSNPrintf(path, sizeof(path), "%s/written.nc", dir ? dir : "."));
    PetscCall(WriteWithNetCDF(path, strcmp(format, "cdf5") ? NC_NETCDF4 : NC_64BIT_DATA));
    PetscCall(LoadAndShow(PETSC_COMM_WORLD, LoadTemperature, path, split));
    PetscCall(LoadAndShow(PETSC_COMM_WORLD, LoadCounts, path, 0));
  }
  PetscCall(IOTestRun(cases, PETSC_STATIC_ARRAY_LENGTH(cases), "nc", SaveTemperature, LoadTemperature));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     suffix: roundtrip
     nsize: {{1 2 3 4}}
     args: -roundtrip
   test:
     suffix: written
     nsize: {{1 3}}
     args: -written {{nc4 cdf5}} -split {{0 1 2}separate output}
     filter: grep -v "MPI process"
TEST*/
