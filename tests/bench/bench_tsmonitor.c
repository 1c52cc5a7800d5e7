static const char help[] = "Benchmark of the in-situ analyses of HtTSMonitorSetFromOptions(): a 2-D reaction-diffusion system of dof\n"
                           "species on an M x M DMDA from noise (or with -physics heat the heat equation of tests/ts/heat2d.c, from its\n"
                           "three sine modes, for each species), stepped with and without the cluster monitor; the monitor's share of the run\n"
                           "from the log events TSStep, HtTSMonitor and HtClusterFit; forward Euler (the cheapest step there is)\n"
                           "and backward Euler by matrix-free Newton-Krylov. With -memory it runs once, with the options given,\n"
                           "for a peak-memory reading by tests/bench/run.\n\n"
                           "  -M <1000>       mesh points per side\n"
                           "  -dof <4>        species (values per mesh point)\n"
                           "  -physics <reaction> reaction (bistable species separating from noise) or heat\n"
                           "  -steps <100,1000> time steps per run of forward Euler (several: one comparison each, and the cost of\n"
                           "                  an analysis after the first ones from the difference of the first two)\n"
                           "  -implicit_steps <20> time steps per run of backward Euler (each about 30 right-hand sides; 0: no such run)\n"
                           "  -memory         one run with the options given (e.g. -ht_ts_monitor_pod), nothing timed\n\n";

#include "bench_common.h"
#include <petscdmda.h>
#include <petscts.h>

#define HT_BENCH_INTERVAL "10" /* steps between analyses */

typedef struct {
  PetscInt  dof;
  PetscReal diffusion[8]; /* per species, in mesh units (stable for dt 4 d < 1) */
  PetscBool heat;         /* -physics heat */
} Physics;

/*
   u_s' = d_s (5-point Laplacian of u_s) + u_s - u_s^3 + (u_{s+1} - u_s) / 10: bistable species that separate into
   domains (a field worth clustering), coupled in a ring; zero-flux boundary by mirrored neighbours. The arrays of a
   DMDA with dof values per point are indexed [j][i * dof + s].
*/
static PetscErrorCode ReactionDiffusion(DMDALocalInfo *info, PetscReal t, PetscScalar **u, PetscScalar **f, void *ptr)
{
  const Physics *p = (const Physics *)ptr;

  PetscFunctionBeginUser;
  for (PetscInt j = info->ys; j < info->ys + info->ym; j++) {
    PetscInt jm = j > 0 ? j - 1 : j + 1, jp = j < info->my - 1 ? j + 1 : j - 1;

    for (PetscInt i = info->xs; i < info->xs + info->xm; i++) {
      PetscInt im = i > 0 ? i - 1 : i + 1, ip = i < info->mx - 1 ? i + 1 : i - 1;

      for (PetscInt s = 0; s < p->dof; s++) {
        PetscInt    d = p->dof, is = i * d + s;
        PetscScalar c = u[j][is], next = u[j][i * d + (s + 1) % d];

        f[j][is] = p->diffusion[s] * (u[j][im * d + s] + u[j][ip * d + s] + u[jm][is] + u[jp][is] - 4 * c) + c - c * c * c + 0.1 * (next - c);
      }
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   u_s' = d_s (5-point Laplacian of u_s): the heat equation of tests/ts/heat2d.c for each species, zero Dirichlet
   boundary
*/
static PetscErrorCode Heat(DMDALocalInfo *info, PetscReal t, PetscScalar **u, PetscScalar **f, void *ptr)
{
  const Physics *p = (const Physics *)ptr;

  PetscFunctionBeginUser;
  for (PetscInt j = info->ys; j < info->ys + info->ym; j++)
    for (PetscInt i = info->xs; i < info->xs + info->xm; i++)
      for (PetscInt s = 0; s < p->dof; s++) {
        PetscInt d = p->dof, is = i * d + s;

        if (i == 0 || j == 0 || i == info->mx - 1 || j == info->my - 1) f[j][is] = 0;
        else f[j][is] = p->diffusion[s] * (u[j][is + d] + u[j][is - d] + u[j + 1][is] + u[j - 1][is] - 4 * u[j][is]);
      }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* species s of the heat equation: the three sine modes of tests/ts/heat2d.c, their amplitudes rotated by s */
static PetscScalar SineModes(PetscInt i, PetscInt j, PetscReal h, PetscInt s)
{
  const PetscInt  modes[3][2]  = {
    {1, 1},
    {2, 1},
    {3, 2}
  };
  const PetscReal amplitude[3] = {1.0, 0.5, 0.25};
  PetscScalar     v            = 0;

  for (PetscInt m = 0; m < 3; m++) v += amplitude[(m + s) % 3] * PetscSinReal(modes[m][0] * PETSC_PI * i * h) * PetscSinReal(modes[m][1] * PETSC_PI * j * h);
  return v;
}

/* a random value in [-0.5, 0.5) from a hash of the natural index k: the same field on any number of ranks */
static PetscScalar Noise(uint64_t k)
{
  uint64_t x = k + 0x9E3779B97F4A7C15ull;

  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  x ^= x >> 31;
  return (PetscScalar)(x >> 11) / 9007199254740992.0 - 0.5;
}

/* the start: noise for the reaction-diffusion, the sine modes for the heat equation */
static PetscErrorCode InitialState(DM da, const Physics *p, Vec u)
{
  DMDALocalInfo info;
  PetscScalar ***a;

  PetscFunctionBeginUser;
  PetscCall(DMDAGetLocalInfo(da, &info));
  PetscCall(DMDAVecGetArrayDOF(da, u, &a));
  for (PetscInt j = info.ys; j < info.ys + info.ym; j++)
    for (PetscInt i = info.xs; i < info.xs + info.xm; i++)
      for (PetscInt s = 0; s < p->dof; s++) a[j][i][s] = p->heat ? SineModes(i, j, 1.0 / (info.mx - 1), s) : Noise((uint64_t)((j * info.mx + i) * p->dof + s));
  PetscCall(DMDAVecRestoreArrayDOF(da, u, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  DM        da;
  Physics   physics;
  PetscInt  steps;
  PetscBool monitor;
  PetscBool implicit; /* backward Euler by matrix-free Newton-Krylov (GMRES without preconditioner), else forward Euler */
} Run;

/* one simulation of run->steps steps from the initial state; with the options' monitors when run->monitor */
static PetscErrorCode Simulate(void *ctx)
{
  Run *run = (Run *)ctx;
  TS   ts;
  Vec  u;

  PetscFunctionBeginUser;
  PetscCall(DMCreateGlobalVector(run->da, &u));
  PetscCall(InitialState(run->da, &run->physics, u));
  PetscCall(TSCreate(PETSC_COMM_WORLD, &ts));
  PetscCall(TSSetDM(ts, run->da));
  PetscCall(TSSetType(ts, run->implicit ? TSBEULER : TSEULER));
  PetscCall(DMDATSSetRHSFunctionLocal(run->da, INSERT_VALUES, (DMDATSRHSFunctionLocal)(run->physics.heat ? Heat : ReactionDiffusion), &run->physics));
  PetscCall(TSSetTimeStep(ts, 0.2));
  PetscCall(TSSetMaxSteps(ts, run->steps));
  PetscCall(TSSetExactFinalTime(ts, TS_EXACTFINALTIME_MATCHSTEP));
  PetscCall(TSSetFromOptions(ts));
  if (run->monitor) PetscCall(HtTSMonitorSetFromOptions(ts));
  PetscCall(TSSolve(ts, u));
  PetscCall(TSDestroy(&ts));
  PetscCall(VecDestroy(&u));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* seconds spent in a log event (max over ranks) during the stage */
static PetscErrorCode EventSeconds(PetscLogStage stage, const char name[], PetscLogDouble *seconds)
{
  PetscLogEvent      event;
  PetscEventPerfInfo info;

  PetscFunctionBeginUser;
  PetscCall(PetscLogEventGetId(name, &event));
  PetscCall(PetscLogEventGetPerfInfo(stage, event, &info));
  *seconds = info.time;
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, seconds, 1, MPI_DOUBLE, MPI_MAX, PETSC_COMM_WORLD));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the run in a log stage of its own: wall time, and the time of the steps and of the analyses in it */
static PetscErrorCode TimeStage(Run *run, const char name[], PetscLogDouble *wall, PetscLogDouble *step, PetscLogDouble *monitor)
{
  PetscLogStage  stage;
  PetscLogDouble fit;

  PetscFunctionBeginUser;
  PetscCall(PetscLogStageRegister(name, &stage));
  PetscCall(PetscLogStagePush(stage));
  PetscCall(BenchTime(Simulate, run, 1, wall));
  PetscCall(PetscLogStagePop());
  PetscCall(EventSeconds(stage, "TSStep", step));
  PetscCall(EventSeconds(stage, "HtTSMonitor", monitor));
  PetscCall(EventSeconds(stage, "HtClusterFit", &fit));
  PetscCall(BenchRow(name, *wall, *wall / run->steps * 1e3, "ms/step", 0));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-40s TSStep %.4f s, HtTSMonitor %.4f s (HtClusterFit %.4f s)\n", "", *step, *monitor, fit));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the simulation alone, then with the cluster monitor every 10 steps (after a short run that is not timed, so that
   neither pays the first touch of memory): what the monitor adds to the run and its share beside the steps */
static PetscErrorCode CompareMonitor(Run *run, const char method[], PetscLogDouble *monitor)
{
  PetscLogDouble alone, monitored, step;
  PetscInt       steps = run->steps;
  char           name[64];

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsClearValue(NULL, "-ht_ts_monitor_cluster"));
  run->monitor = PETSC_FALSE;
  run->steps   = 2;
  PetscCall(Simulate(run));
  run->steps = steps;
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s: %" PetscInt_FMT " steps", method, steps)); /* also the name of a log stage, once per name */
  PetscCall(TimeStage(run, name, &alone, &step, monitor));
  PetscCall(PetscOptionsSetValue(NULL, "-ht_ts_monitor_cluster", NULL));
  run->monitor = PETSC_TRUE;
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s + cluster monitor: %" PetscInt_FMT " steps", method, steps));
  PetscCall(TimeStage(run, name, &monitored, &step, monitor));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-40s %10.1f %% of the run alone; HtTSMonitor / TSStep %.1f %%  (target < 20 %%)\n\n", "the cluster monitor adds", 100 * (monitored - alone) / alone, 100 * *monitor / step));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  Run            run = {.steps = 100, .physics = {.dof = 4}};
  PetscInt       M = 1000, implicit_steps = 20, steps[8] = {100, 1000}, nsteps = 8;
  PetscBool      memory, given, reaction;
  PetscLogDouble monitor[8];
  char           physics[16] = "reaction";

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-M", &M, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-dof", &run.physics.dof, NULL));
  PetscCall(PetscOptionsGetIntArray(NULL, NULL, "-steps", steps, &nsteps, &given));
  if (!given) nsteps = 2;
  run.steps = steps[0];
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-implicit_steps", &implicit_steps, NULL));
  PetscCall(PetscOptionsHasName(NULL, NULL, "-memory", &memory));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-physics", physics, sizeof(physics), NULL));
  PetscCall(PetscStrcmp(physics, "heat", &run.physics.heat));
  PetscCall(PetscStrcmp(physics, "reaction", &reaction));
  PetscCheck(run.physics.heat || reaction, PETSC_COMM_WORLD, PETSC_ERR_ARG_WRONG, "-physics %s: give reaction or heat", physics);
  PetscCheck(run.physics.dof >= 1 && run.physics.dof <= 8, PETSC_COMM_WORLD, PETSC_ERR_ARG_OUTOFRANGE, "-dof %" PetscInt_FMT ": give 1 to 8 species", run.physics.dof);
  for (PetscInt s = 0; s < run.physics.dof; s++) run.physics.diffusion[s] = 1.0 / (1 + s);
  PetscCall(DMDACreate2d(PETSC_COMM_WORLD, DM_BOUNDARY_NONE, DM_BOUNDARY_NONE, DMDA_STENCIL_STAR, M, M, PETSC_DECIDE, PETSC_DECIDE, run.physics.dof, 1, NULL, NULL, &run.da));
  PetscCall(DMSetUp(run.da));
  if (memory) {
    run.monitor = PETSC_TRUE;
    PetscCall(Simulate(&run));
  } else {
    PetscCall(PetscLogDefaultBegin());
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s %" PetscInt_FMT " x %" PetscInt_FMT " x %" PetscInt_FMT " species; the cluster monitor (K 4) every " HT_BENCH_INTERVAL " steps\n", run.physics.heat ? "heat equation (sine modes)" : "reaction-diffusion (from noise)", M, M, run.physics.dof));
    PetscCall(PetscOptionsInsertString(NULL, "-ht_ts_monitor_interval " HT_BENCH_INTERVAL " -ts_ht_cluster_num_clusters 4"));
    for (PetscInt r = 0; r < nsteps; r++) {
      run.steps = steps[r];
      PetscCall(CompareMonitor(&run, "forward Euler", &monitor[r]));
    }
    if (nsteps > 1 && steps[1] > steps[0]) {
      PetscInt interval, more;

      PetscCall(PetscOptionsGetInt(NULL, NULL, "-ht_ts_monitor_interval", &interval, NULL));
      more = steps[1] / interval - steps[0] / interval; /* analyses at steps 0, interval, ... */

      PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-40s %10.2f ms per analysis after the first %" PetscInt_FMT " steps (from the difference of the two runs)\n\n", "the cluster monitor", 1e3 * (monitor[1] - monitor[0]) / more, steps[0]));
    }
    if (implicit_steps > 0) {
      PetscCall(PetscOptionsInsertString(NULL, "-snes_mf -pc_type none"));
      run.implicit = PETSC_TRUE;
      run.steps    = implicit_steps;
      PetscCall(CompareMonitor(&run, "backward Euler (Newton-Krylov)", &monitor[0]));
    }
  }
  PetscCall(DMDestroy(&run.da));
  PetscCall(HeatFinalize());
  return 0;
}
