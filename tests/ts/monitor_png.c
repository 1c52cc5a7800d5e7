static const char help[] = "Tests the checks of -ht_ts_monitor_cluster_png (the labels of a 2-D DMDA as pictures): on a 2-D DMDA it writes\n"
                           "one picture per analysis; without -ht_ts_monitor_cluster, with a folder that does not exist or on a DMDA of\n"
                           "another dimension it is an error at HtTSMonitorSetFromOptions(); on a time stepper whose DM is not a DMDA\n"
                           "when the monitor is set up, an error at the first analysis. The state decays, u_t = -u, from u = point index.\n\n"
                           "  -dm <da2>   the time stepper's mesh: da1, da2 or da3 (a 1-, 2- or 3-D DMDA), none (a plain vector, no DM)\n\n";

#include <heat.h>
#include <petscdmda.h>

static PetscErrorCode Decay(TS ts, PetscReal t, Vec u, Vec f, void *ctx)
{
  PetscFunctionBeginUser;
  PetscCall(VecCopy(u, f));
  PetscCall(VecScale(f, -1.0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode RunTest(void)
{
  char      mesh[8] = "da2";
  DM        da      = NULL;
  TS        ts;
  Vec       u;
  PetscInt  start;
  PetscBool isnone;
  MPI_Comm  comm = PETSC_COMM_WORLD;
  const DMBoundaryType none = DM_BOUNDARY_NONE;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-dm", mesh, sizeof(mesh), NULL));
  PetscCall(PetscStrcmp(mesh, "none", &isnone));
  if (!strcmp(mesh, "da1")) PetscCall(DMDACreate1d(comm, none, 24, 1, 1, NULL, &da));
  else if (!strcmp(mesh, "da2")) PetscCall(DMDACreate2d(comm, none, none, DMDA_STENCIL_STAR, 6, 4, PETSC_DECIDE, PETSC_DECIDE, 1, 1, NULL, NULL, &da));
  else if (!strcmp(mesh, "da3")) PetscCall(DMDACreate3d(comm, none, none, none, DMDA_STENCIL_STAR, 4, 3, 2, PETSC_DECIDE, PETSC_DECIDE, PETSC_DECIDE, 1, 1, NULL, NULL, NULL, &da));
  else PetscCheck(isnone, comm, PETSC_ERR_USER_INPUT, "Unknown -dm %s: use da1, da2, da3 or none", mesh);
  if (da) {
    PetscCall(DMSetUp(da));
    PetscCall(DMCreateGlobalVector(da, &u));
  } else PetscCall(VecCreateMPI(comm, PETSC_DECIDE, 24, &u));
  PetscCall(VecGetOwnershipRange(u, &start, NULL));
  { /* u = the index of the point in the vector */
    PetscScalar *a;
    PetscInt     n;

    PetscCall(VecGetLocalSize(u, &n));
    PetscCall(VecGetArray(u, &a));
    for (PetscInt i = 0; i < n; i++) a[i] = start + i;
    PetscCall(VecRestoreArray(u, &a));
  }
  PetscCall(TSCreate(comm, &ts));
  if (da) PetscCall(TSSetDM(ts, da));
  PetscCall(TSSetType(ts, TSEULER));
  PetscCall(TSSetRHSFunction(ts, NULL, Decay, NULL));
  PetscCall(TSSetTimeStep(ts, 0.1));
  PetscCall(TSSetMaxSteps(ts, 2));
  PetscCall(TSSetExactFinalTime(ts, TS_EXACTFINALTIME_MATCHSTEP));
  PetscCall(TSSetFromOptions(ts));
  PetscCall(HtTSMonitorSetFromOptions(ts));
  PetscCall(PetscPrintf(comm, "HtTSMonitorSetFromOptions() done\n"));
  PetscCall(TSSolve(ts, u));
  PetscCall(TSDestroy(&ts));
  PetscCall(VecDestroy(&u));
  PetscCall(DMDestroy(&da));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest());
}

/*TEST
   test:
     suffix: da2
     nsize: {{1 3}}
     args: -ht_ts_monitor_cluster -ts_ht_cluster_num_clusters 2 -ht_ts_monitor_interval 1 -ht_ts_monitor_cluster_png ${HEAT_TEST_TMPDIR}/labels
     filter: grep -e "^HtTSMonitor" -e "done"; ls "$HEAT_TEST_TMPDIR"
   testset:
     nsize: {{1 3}}
     errors: expected
     # "done": the error came after the setup; sorted: the error (stderr) and stdout may come in either order (the
     # monitor's own line before the error may be lost when the run ends by the error: not compared)
     filter: grep -e "done$" -e "PETSC ERROR: -ht" -e "PETSC ERROR: Cannot" | sed -e "s/^.*PETSC ERROR: //" -e "s|$HEAT_TEST_TMPDIR|TMPDIR|g" | sort; ls "$HEAT_TEST_TMPDIR" | grep -c heat-tmp
     test:
       suffix: error_nocluster
       args: -ht_ts_monitor_cluster_png ${HEAT_TEST_TMPDIR}/labels
     test:
       suffix: error_folder
       args: -ht_ts_monitor_cluster -ht_ts_monitor_cluster_png ${HEAT_TEST_TMPDIR}/no/such/folder/labels
     test:
       suffix: error_dim
       args: -ht_ts_monitor_cluster -ht_ts_monitor_cluster_png ${HEAT_TEST_TMPDIR}/labels -dm {{da1 da3}separate output}
     test:
       # a time stepper without a DMDA when the monitor is set up: the first analysis finds it
       suffix: error_nodmda
       args: -ht_ts_monitor_cluster -ht_ts_monitor_cluster_png ${HEAT_TEST_TMPDIR}/labels -dm none
TEST*/
