static const char help[] = "Writes the netCDF input of the heat command's tests (tests/cli/heat.test, setup: ncfile FILE) and prints\n"
                           "the statistics NumPy gives for its variables, computed here from the values written (two passes in long double):\n"
                           "  temperature (time=4, lat=3, lon=5), double: 280 + 2 time - 0.5 lat + 0.25 lon (a NumPy user's a.min(), a.mean(), ...)\n"
                           "  series (time=4, station=2), double: (time + 1) (9 station + 1) (a table: per column)\n"
                           "Usage: ncfile FILE.nc (rank 0 writes it with serial netCDF-C)\n";

#include <heat.h>
#include <netcdf.h>

#define NC(call) PetscCheck((call) == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_LIB, "netCDF call %s failed", #call)

/* min, mean, max and the standard deviation (ddof 0) of n values with stride s */
static PetscErrorCode PrintStats(const char what[], const double v[], PetscInt n, PetscInt s)
{
  long double sum = 0, ss = 0, mean;
  double      lo = v[0], hi = v[0];

  PetscFunctionBegin;
  for (PetscInt i = 0; i < n; i++) {
    sum += v[i * s];
    lo = PetscMin(lo, v[i * s]);
    hi = PetscMax(hi, v[i * s]);
  }
  mean = sum / n;
  for (PetscInt i = 0; i < n; i++) ss += (v[i * s] - mean) * (v[i * s] - mean);
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: min %.10g mean %.10g max %.10g std %.10g\n", what, lo, (double)mean, hi, (double)sqrtl(ss / n)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode RunTest(int argc, char **argv)
{
  double      t[4][3][5], y[4][2];
  int         ncid, dims[4], vt, vy;
  PetscMPIInt rank;

  PetscFunctionBeginUser;
  PetscCheck(argc >= 2, PETSC_COMM_WORLD, PETSC_ERR_USER_INPUT, "Usage: ncfile FILE.nc");
  for (int k = 0; k < 4; k++) {
    for (int i = 0; i < 3; i++)
      for (int j = 0; j < 5; j++) t[k][i][j] = 280 + 2 * k - 0.5 * i + 0.25 * j;
    for (int c = 0; c < 2; c++) y[k][c] = (k + 1) * (9 * c + 1);
  }
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  if (!rank) {
    NC(nc_create(argv[1], NC_NETCDF4 | NC_CLOBBER, &ncid));
    NC(nc_def_dim(ncid, "time", 4, &dims[0]));
    NC(nc_def_dim(ncid, "lat", 3, &dims[1]));
    NC(nc_def_dim(ncid, "lon", 5, &dims[2]));
    NC(nc_def_dim(ncid, "station", 2, &dims[3]));
    NC(nc_def_var(ncid, "temperature", NC_DOUBLE, 3, dims, &vt));
    NC(nc_def_var(ncid, "series", NC_DOUBLE, 2, (int[]){dims[0], dims[3]}, &vy));
    NC(nc_enddef(ncid));
    NC(nc_put_var_double(ncid, vt, &t[0][0][0]));
    NC(nc_put_var_double(ncid, vy, &y[0][0]));
    NC(nc_close(ncid));
  }
  PetscCallMPI(MPI_Barrier(PETSC_COMM_WORLD));
  PetscCall(PrintStats("temperature, all 60 elements", &t[0][0][0], 60, 1));
  PetscCall(PrintStats("series, column 0", &y[0][0], 4, 2));
  PetscCall(PrintStats("series, column 1", &y[0][1], 4, 2));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest(argc, argv));
}

/*TEST
   test:
     args: ${HEAT_TEST_TMPDIR}/t.nc
TEST*/
