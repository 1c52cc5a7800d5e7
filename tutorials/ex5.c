static const char help[] = "Tutorial 5: a 2-D heat equation u_t = u_xx + u_yy with PETSc TS on a DMDA, analysed in situ by Heat.\n"
                           "  -M <33>                  mesh points per side of the unit square (zero boundary values)\n"
                           "  -modes <1,1,2,1,3,2>     the sine modes (j,k) of the initial state, amplitudes 1, 1/2, 1/4, ...\n"
                           "  -snapshots [FILE.h5]     the state every -snapshot_interval <10> steps to FILE.h5 (default snapshots.h5), for tutorial 6\n"
                           "Heat: -ht_ts_monitor_cluster -ts_ht_cluster_num_clusters 3 -ht_ts_monitor_interval 50, -ht_ts_monitor_pod,\n"
                           "  -ht_ts_monitor_dmd, -ht_ts_monitor_cluster_png PREFIX, -ht_ts_monitor_output FILE.h5.\n"
                           "PETSc: -ts_type euler|rk|beuler|cn, -ts_max_steps <200>, -ts_dt <0.2 h^2>, -ts_monitor.\n\n";

/*
   An ordinary PETSc simulation: a DMDA spreads the M x M mesh over the ranks (each owns a rectangle of points), TS
   advances u' = Laplacian(u) in time (forward Euler by default, any TS type from the options). Each sine mode
   sin(j pi x) sin(k pi y) is an eigenvector of the 5-point Laplacian, so forward Euler multiplies it by the same number
   d = 1 - 4 dt/h^2 (sin^2(j pi h/2) + sin^2(k pi h/2)) at every step: the state is known in closed form at every step.
   One line hands the state to Heat's analyses every few steps; a TS monitor of our own collects snapshots for tutorial 6.
*/
#include <heat.h>
#include <petscdmda.h>

#define MAXMODES 8

typedef struct {
  PetscReal h;                           /* mesh width 1/(M-1) */
  PetscInt  nmodes, modes[2 * MAXMODES]; /* the (j,k) of the initial state's modes */
  PetscInt  interval, n, max;            /* a snapshot every `interval` steps: n of at most max so far */
  HtTensor *snap;                        /* the snapshots: the M*M values in natural mesh order (row y*M + x) */
} Heat;

/* the 5-point Laplacian on this rank's points; DMDATSSetRHSFunctionLocal() fills the ghost points first (collective) */
static PetscErrorCode Laplacian(DMDALocalInfo *info, PetscReal t, PetscScalar **u, PetscScalar **f, Heat *heat)
{
  PetscFunctionBeginUser;
  for (PetscInt j = info->ys; j < info->ys + info->ym; j++)
    for (PetscInt i = info->xs; i < info->xs + info->xm; i++) {
      if (i == 0 || j == 0 || i == info->mx - 1 || j == info->my - 1) f[j][i] = 0; /* the boundary stays 0 */
      else f[j][i] = (u[j][i + 1] + u[j][i - 1] + u[j + 1][i] + u[j - 1][i] - 4 * u[j][i]) / (heat->h * heat->h);
    }
  PetscFunctionReturn(0);
}

/* forward Euler's factor per step of mode m */
static PetscReal Decay(const Heat *heat, PetscInt m, PetscReal dt)
{
  PetscReal sj = PetscSinReal(heat->modes[2 * m] * PETSC_PI * heat->h / 2), sk = PetscSinReal(heat->modes[2 * m + 1] * PETSC_PI * heat->h / 2);
  return 1 - 4 * dt / (heat->h * heat->h) * (sj * sj + sk * sk);
}

/* u = sum over the modes m of 2^-m d_m^steps sin(j pi x) sin(k pi y) at this rank's points (local work): the initial
   state for steps = 0, forward Euler's closed form after `steps` steps */
static PetscErrorCode SineModes(DM da, const Heat *heat, PetscReal dt, PetscInt steps, Vec u)
{
  DMDALocalInfo info;
  PetscScalar **a;
  PetscReal     amp[MAXMODES];

  PetscFunctionBeginUser;
  for (PetscInt m = 0; m < heat->nmodes; m++) amp[m] = PetscPowRealInt(0.5, m) * PetscPowRealInt(Decay(heat, m, dt), steps);
  PetscCall(DMDAGetLocalInfo(da, &info));
  PetscCall(VecSet(u, 0));
  PetscCall(DMDAVecGetArray(da, u, &a));
  for (PetscInt j = info.ys; j < info.ys + info.ym; j++)
    for (PetscInt i = info.xs; i < info.xs + info.xm; i++)
      for (PetscInt m = 0; m < heat->nmodes; m++) a[j][i] += amp[m] * PetscSinReal(heat->modes[2 * m] * PETSC_PI * i * heat->h) * PetscSinReal(heat->modes[2 * m + 1] * PETSC_PI * j * heat->h);
  PetscCall(DMDAVecRestoreArray(da, u, &a));
  PetscFunctionReturn(0);
}

/* our own TS monitor: every `interval` steps the state, in natural mesh order (so that the file does not depend on the
   process grid); HtTensorCreateFromDMDA() and HtTensorFlatten() are collective (they may move rows between ranks) */
static PetscErrorCode Snapshot(TS ts, PetscInt step, PetscReal time, Vec u, void *ptr)
{
  Heat    *heat = (Heat *)ptr;
  DM       da;
  HtTensor mesh;

  PetscFunctionBeginUser;
  if (step % heat->interval || heat->n == heat->max) PetscFunctionReturn(0);
  PetscCall(TSGetDM(ts, &da));
  PetscCall(HtTensorCreateFromDMDA(da, u, &mesh));          /* (M, M), split along y */
  PetscCall(HtTensorFlatten(mesh, &heat->snap[heat->n++])); /* a copy: (M*M) */
  PetscCall(HtTensorDestroy(&mesh));
  PetscFunctionReturn(0);
}

/* the snapshots side by side, (points, snapshots), saved by every rank in parallel; then what tutorial 6 needs to
   know about them, as attributes and a small dataset of the same file */
static PetscErrorCode SaveSnapshots(Heat *heat, const char file[], TS ts, PetscReal dt)
{
  MPI_Comm    comm = PetscObjectComm((PetscObject)ts);
  HtTensor    X, modes;
  PetscViewer v;
  TSType      type;

  PetscFunctionBeginUser;
  PetscCall(HtTensorStack(heat->n, heat->snap, 1, &X)); /* the columns of X; local: every snapshot has the same layout */
  PetscCall(HtTensorSave(X, file, "snapshots"));
  PetscCall(HtTensorCreateFromLocalArray(comm, 2, (PetscInt[]){heat->nmodes, 2}, -1, HT_INT, PETSC_DECIDE, heat->modes, &modes));
  PetscCall(HtTensorSetName(modes, "modes"));
  PetscCall(TSGetType(ts, &type));
  PetscCall(PetscViewerHDF5Open(comm, file, FILE_MODE_APPEND, &v));
  PetscCall(HtTensorView(modes, v)); /* dataset /modes, beside /snapshots (HtTensorSave would replace the file) */
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/snapshots", "h", PETSC_REAL, &heat->h));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/snapshots", "dt", PETSC_REAL, &dt));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/snapshots", "interval", PETSC_INT, &heat->interval));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/snapshots", "ts_type", PETSC_STRING, type));
  PetscCall(PetscViewerDestroy(&v));
  PetscCall(PetscPrintf(comm, "%" PetscInt_FMT " snapshots, %" PetscInt_FMT " steps apart, written to %s\n", heat->n, heat->interval, file));
  PetscCall(HtTensorDestroy(&modes));
  PetscCall(HtTensorDestroy(&X));
  PetscFunctionReturn(0);
}

static PetscErrorCode Run(void)
{
  MPI_Comm  comm = PETSC_COMM_WORLD;
  DM        da;
  TS        ts;
  TSAdapt   adapt;
  Vec       u, exact;
  Heat      heat = {.nmodes = 3, .modes = {1, 1, 2, 1, 3, 2}, .interval = 10};
  PetscInt  M = 33, n = 2 * MAXMODES, steps;
  PetscReal dt, t, err;
  TSType    type;
  char      file[PETSC_MAX_PATH_LEN] = "";
  PetscBool snapshots, given;

  PetscFunctionBeginUser;
  PetscOptionsBegin(comm, NULL, "Tutorial 5 options", NULL);
  PetscCall(PetscOptionsInt("-M", "Mesh points per side", NULL, M, &M, NULL));
  PetscCall(PetscOptionsIntArray("-modes", "The sine modes j1,k1,j2,k2,... of the initial state (default 1,1,2,1,3,2)", NULL, heat.modes, &n, &given));
  PetscCall(PetscOptionsString("-snapshots", "HDF5 file of the snapshots (for tutorial 6)", NULL, file, file, sizeof(file), &snapshots));
  PetscCall(PetscOptionsInt("-snapshot_interval", "Steps between snapshots", NULL, heat.interval, &heat.interval, NULL));
  PetscOptionsEnd();
  if (given) heat.nmodes = n / 2;
  PetscCheck(n % 2 == 0 && heat.nmodes > 0, comm, PETSC_ERR_ARG_WRONG, "-modes takes pairs j,k: an even number of values, not %" PetscInt_FMT, n);
  for (PetscInt i = 0; i < 2 * heat.nmodes; i++) PetscCheck(heat.modes[i] >= 1 && heat.modes[i] <= M - 2, comm, PETSC_ERR_ARG_OUTOFRANGE, "-modes: %" PetscInt_FMT " is not a mode of a mesh of %" PetscInt_FMT " points: use 1..%" PetscInt_FMT, heat.modes[i], M, M - 2);
  PetscCheck(heat.interval > 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "-snapshot_interval %" PetscInt_FMT " must be at least 1", heat.interval);
  if (snapshots && !file[0]) PetscCall(PetscStrncpy(file, "snapshots.h5", sizeof(file)));
  heat.h = 1.0 / (M - 1);

  /* the mesh, spread over the ranks by the DMDA (-da_processors_x/y choose the process grid) */
  PetscCall(DMDACreate2d(comm, DM_BOUNDARY_NONE, DM_BOUNDARY_NONE, DMDA_STENCIL_STAR, M, M, PETSC_DECIDE, PETSC_DECIDE, 1, 1, NULL, NULL, &da));
  PetscCall(DMSetFromOptions(da));
  PetscCall(DMSetUp(da));

  /* the time stepper: defaults here, then the options (-ts_type, -ts_dt, -ts_max_steps, -ts_monitor, ...) */
  PetscCall(TSCreate(comm, &ts));
  PetscCall(TSSetDM(ts, da));
  PetscCall(TSSetType(ts, TSEULER));
  PetscCall(DMDATSSetRHSFunctionLocal(da, INSERT_VALUES, (DMDATSRHSFunctionLocal)Laplacian, &heat));
  PetscCall(TSSetTimeStep(ts, 0.2 * heat.h * heat.h)); /* forward Euler is stable up to dt = h^2/4 */
  PetscCall(TSSetMaxSteps(ts, 200));
  PetscCall(TSSetExactFinalTime(ts, TS_EXACTFINALTIME_MATCHSTEP));
  PetscCall(TSGetAdapt(ts, &adapt));
  PetscCall(TSAdaptSetType(adapt, TSADAPTNONE)); /* fixed steps, for every TS type: snapshots equally spaced in time */
  PetscCall(TSSetFromOptions(ts));
  /* ===================== the one line that adds Heat's analytics ===================== every -ht_ts_monitor_interval
     steps, the analyses the -ht_ts_monitor_* options ask for (clustering, POD, DMD) run on the state; collective */
  PetscCall(HtTSMonitorSetFromOptions(ts));
  /* =================================================================================== */
  PetscCall(TSGetTimeStep(ts, &dt));
  PetscCall(TSGetMaxSteps(ts, &steps));
  if (snapshots) {
    heat.max = steps / heat.interval + 1;
    PetscCall(PetscCalloc1(heat.max, &heat.snap));
    PetscCall(TSMonitorSet(ts, Snapshot, &heat, NULL));
  }
  PetscCall(DMCreateGlobalVector(da, &u));
  PetscCall(SineModes(da, &heat, dt, 0, u)); /* the initial state */
  PetscCall(TSGetType(ts, &type));
  PetscCall(PetscPrintf(comm, "u_t = u_xx + u_yy on a %" PetscInt_FMT " x %" PetscInt_FMT " mesh (h = %g), TS %s, dt = %g, at most %" PetscInt_FMT " steps\n", M, M, (double)heat.h, type, (double)dt, steps));
  PetscCall(PetscPrintf(comm, "forward Euler multiplies mode (j,k) by d = 1 - 4 dt/h^2 (sin^2(j pi h/2) + sin^2(k pi h/2)) per step:\n"));
  for (PetscInt m = 0; m < heat.nmodes; m++) PetscCall(PetscPrintf(comm, "  mode (%" PetscInt_FMT ",%" PetscInt_FMT "), amplitude %.2f: d = %.12f\n", heat.modes[2 * m], heat.modes[2 * m + 1], (double)PetscPowRealInt(0.5, m), (double)Decay(&heat, m, dt)));

  PetscCall(TSSolve(ts, u)); /* collective: every step exchanges the ghost points of the rectangles */

  /* the closed form after `steps` steps: each amplitude times d^steps (exact for forward Euler, up to rounding) */
  PetscCall(TSGetStepNumber(ts, &steps));
  PetscCall(TSGetTime(ts, &t));
  PetscCall(VecDuplicate(u, &exact));
  PetscCall(SineModes(da, &heat, dt, steps, exact));
  PetscCall(VecAXPY(exact, -1, u));
  PetscCall(VecNorm(exact, NORM_INFINITY, &err)); /* a reduction over the ranks */
  PetscCall(PetscPrintf(comm, "time %g after %" PetscInt_FMT " steps: largest difference from forward Euler's closed form %.1e\n", (double)t, steps, (double)err));
  if (snapshots) PetscCall(SaveSnapshots(&heat, file, ts, dt));

  for (PetscInt i = 0; i < heat.n; i++) PetscCall(HtTensorDestroy(&heat.snap[i]));
  PetscCall(PetscFree(heat.snap));
  PetscCall(TSDestroy(&ts)); /* also ends Heat's monitor: its -ht_ts_monitor_output file is complete now */
  PetscCall(VecDestroy(&exact));
  PetscCall(VecDestroy(&u));
  PetscCall(DMDestroy(&da));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(Run());
}

/*TEST
   test:
     suffix: euler # the simulation alone, against its closed form
     nsize: {{1 2 3 4}}
   test:
     suffix: cluster
     nsize: {{1 2 3 4}}
     args: -ht_ts_monitor_cluster -ts_ht_cluster_num_clusters 3 -ht_ts_monitor_interval 50 -ht_ts_monitor_cluster_png ${HEAT_TEST_TMPDIR}/labels -ht_ts_monitor_output ${HEAT_TEST_TMPDIR}/analyses.h5 -snapshots ${HEAT_TEST_TMPDIR}/snapshots.h5
     filter: sed "s|$HEAT_TEST_TMPDIR/||"; ls $HEAT_TEST_TMPDIR
   test:
     suffix: grid # a process grid that cuts the other axis: the same clusters
     nsize: 4
     args: -da_processors_x 4 -da_processors_y 1 -ht_ts_monitor_cluster -ts_ht_cluster_num_clusters 3 -ht_ts_monitor_interval 50
   test:
     suffix: pod_dmd # the library's in-situ POD and DMD (tutorial 6 does them after the run)
     nsize: {{1 3}}
     args: -ht_ts_monitor_pod -ts_ht_pca_n_components 3 -ht_ts_monitor_dmd -ht_ts_monitor_interval 40 -ts_max_steps 160
   testset: # bad -modes: the message of the check
     nsize: {{1 3}}
     errors: expected
     filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p"
     test:
       suffix: error_modes
       args: -modes 1,1,2
     test:
       suffix: error_mode_range
       args: -M 9 -modes 1,1,8,1
TEST*/
