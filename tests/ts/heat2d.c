static const char help[] = "Tests HtTSMonitorSetFromOptions() on a 2-D heat equation u_t = u_xx + u_yy on the unit square (zero\n"
                           "Dirichlet boundary, M x M mesh, forward Euler), started from three sine modes whose decay per step\n"
                           "is known in closed form: the monitors' results at each analysis step, the same on any rank count.\n\n"
                           "  -M <33>         mesh points per side\n"
                           "  -check <FILE>   after the run, read the monitor's results file back and compare its labels\n"
                           "  -check_png <FILE> after the run, decode this picture of the labels (size, colours)\n"
                           "  -fail_at <step> the simulation fails at this step (a failed run leaves no results file)\n\n";

#include <heat.h>
#include <petscdmda.h>
#include "../io/pngtest.h"

typedef struct {
  PetscReal h;
} Mesh;

/* the 5-point Laplacian; boundary values stay 0 */
static PetscErrorCode Laplacian(DMDALocalInfo *info, PetscReal t, PetscScalar **u, PetscScalar **f, void *ptr)
{
  const Mesh *mesh = (const Mesh *)ptr;

  PetscFunctionBeginUser;
  for (PetscInt j = info->ys; j < info->ys + info->ym; j++)
    for (PetscInt i = info->xs; i < info->xs + info->xm; i++) {
      if (i == 0 || j == 0 || i == info->mx - 1 || j == info->my - 1) f[j][i] = 0;
      else f[j][i] = (u[j][i + 1] + u[j][i - 1] + u[j + 1][i] + u[j - 1][i] - 4 * u[j][i]) / (mesh->h * mesh->h);
    }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a simulation that fails: an error at step -fail_at */
static PetscErrorCode FailAt(TS ts)
{
  PetscInt step, fail = -1;

  PetscFunctionBeginUser;
  PetscCall(TSGetStepNumber(ts, &step));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-fail_at", &fail, NULL));
  PetscCheck(step != fail, PetscObjectComm((PetscObject)ts), PETSC_ERR_NOT_CONVERGED, "The simulation failed at step %" PetscInt_FMT " (-fail_at)", step);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the sine modes (j, k) with amplitudes a of the initial state */
static const PetscInt  modes[3][2] = {
  {1, 1},
  {2, 1},
  {3, 2}
};
static const PetscReal amplitude[3] = {1.0, 0.5, 0.25};

static PetscErrorCode InitialState(DM da, PetscReal h, Vec u)
{
  PetscInt      xs, ys, xm, ym;
  PetscScalar **a;

  PetscFunctionBeginUser;
  PetscCall(DMDAGetCorners(da, &xs, &ys, NULL, &xm, &ym, NULL));
  PetscCall(DMDAVecGetArray(da, u, &a));
  for (PetscInt j = ys; j < ys + ym; j++)
    for (PetscInt i = xs; i < xs + xm; i++) {
      a[j][i] = 0;
      for (PetscInt m = 0; m < 3; m++) a[j][i] += amplitude[m] * PetscSinReal(modes[m][0] * PETSC_PI * i * h) * PetscSinReal(modes[m][1] * PETSC_PI * j * h);
    }
  PetscCall(DMDAVecRestoreArray(da, u, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the closed-form decay factor per step (and per analysis interval) of each mode under forward Euler: 1 - 4 dt/h^2 (sin^2(j pi h/2) + sin^2(k pi h/2)) */
static PetscErrorCode PrintDecay(PetscReal h, PetscReal dt)
{
  PetscInt interval = 10;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-ht_ts_monitor_interval", &interval, NULL));
  for (PetscInt m = 0; m < 3; m++) {
    PetscReal sj = PetscSinReal(modes[m][0] * PETSC_PI * h / 2), sk = PetscSinReal(modes[m][1] * PETSC_PI * h / 2);

    PetscReal decay = 1 - 4 * dt / (h * h) * (sj * sj + sk * sk);

    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "mode (%" PetscInt_FMT ",%" PetscInt_FMT "): decay per step %.12f, per analysis interval (the DMD eigenvalue) %.10f\n", modes[m][0], modes[m][1], (double)decay, (double)PetscPowRealInt(decay, interval)));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the labels the monitor wrote for the last analysis step: their shape and how many points each cluster has */
static PetscErrorCode CheckResults(const char file[], PetscInt step)
{
  char            dataset[64];
  HtTensor        labels, flat, counts;
  PetscInt        ndim, size;
  const PetscInt *shape;
  const PetscInt *c;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(dataset, sizeof(dataset), "/step_%06" PetscInt_FMT "/cluster/labels", step));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, file, dataset, 0, &labels));
  PetscCall(HtTensorGetNDim(labels, &ndim));
  PetscCall(HtTensorGetShape(labels, &shape));
  PetscCall(HtTensorGetSize(labels, &size));
  PetscCall(HtTensorReshape(labels, 1, &size, 0, &flat));
  PetscCall(HtTensorBincount(flat, NULL, 0, &counts));
  PetscCall(HtTensorGetShape(counts, &shape));
  PetscCall(HtTensorGetArrayRead(counts, &c));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: %" PetscInt_FMT "-d labels, %" PetscInt_FMT " points, cluster sizes", dataset, ndim, size));
  for (PetscInt k = 0; k < shape[0]; k++) PetscCall(PetscPrintf(PETSC_COMM_WORLD, " %" PetscInt_FMT, c[k]));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "\n"));
  PetscCall(HtTensorRestoreArrayRead(counts, &c));
  PetscCall(HtTensorDestroy(&counts));
  PetscCall(HtTensorDestroy(&flat));
  PetscCall(HtTensorDestroy(&labels));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode RunTest(void)
{
  DM        da;
  TS        ts;
  Vec       u;
  Mesh      mesh;
  PetscInt  M = 33, steps;
  PetscReal dt;
  char      check[PETSC_MAX_PATH_LEN] = "", png[PETSC_MAX_PATH_LEN] = "";
  PetscBool docheck, dopng;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-M", &M, NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-check", check, sizeof(check), &docheck));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-check_png", png, sizeof(png), &dopng));
  mesh.h = 1.0 / (M - 1);
  PetscCall(DMDACreate2d(PETSC_COMM_WORLD, DM_BOUNDARY_NONE, DM_BOUNDARY_NONE, DMDA_STENCIL_STAR, M, M, PETSC_DECIDE, PETSC_DECIDE, 1, 1, NULL, NULL, &da));
  PetscCall(DMSetUp(da));
  PetscCall(DMCreateGlobalVector(da, &u));
  PetscCall(InitialState(da, mesh.h, u));
  PetscCall(TSCreate(PETSC_COMM_WORLD, &ts));
  PetscCall(TSSetDM(ts, da));
  PetscCall(TSSetType(ts, TSEULER));
  PetscCall(DMDATSSetRHSFunctionLocal(da, INSERT_VALUES, (DMDATSRHSFunctionLocal)Laplacian, &mesh));
  PetscCall(TSSetTimeStep(ts, 0.2 * mesh.h * mesh.h));
  PetscCall(TSSetMaxSteps(ts, 40));
  PetscCall(TSSetExactFinalTime(ts, TS_EXACTFINALTIME_MATCHSTEP));
  PetscCall(TSSetPostStep(ts, FailAt));
  PetscCall(TSSetFromOptions(ts));
  PetscCall(HtTSMonitorSetFromOptions(ts)); /* the one added line */
  PetscCall(TSGetTimeStep(ts, &dt));
  PetscCall(PrintDecay(mesh.h, dt));
  PetscCall(TSSolve(ts, u));
  PetscCall(TSGetStepNumber(ts, &steps));
  PetscCall(TSDestroy(&ts)); /* ends the monitor: the results file is in place */
  if (docheck) PetscCall(CheckResults(check, steps));
  if (dopng) PetscCall(PNGReadBack(png, "labels on the mesh", 4, pngtest_palette, PETSC_TRUE));
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
     suffix: monitors
     nsize: {{1 2 4}}
     args: -ht_ts_monitor_cluster -ts_ht_cluster_num_clusters 3 -ht_ts_monitor_pod -ts_ht_pca_n_components 2 -ht_ts_monitor_dmd -ht_ts_monitor_interval 10 -ts_max_steps 60

   test:
     suffix: cold
     nsize: {{1 3}}
     args: -ht_ts_monitor_cluster -ts_ht_cluster_num_clusters 3 -ht_ts_monitor_pod -ts_ht_pca_n_components 2 -ht_ts_monitor_dmd -ht_ts_monitor_interval 10 -ts_max_steps 60 -ht_ts_monitor_cluster_warm_start 0

   test:
     suffix: output
     nsize: {{1 3}}
     args: -ht_ts_monitor_cluster -ht_ts_monitor_dmd -ht_ts_monitor_interval 20 -ht_ts_monitor_output ${HEAT_TEST_TMPDIR}/analyses.h5 -check ${HEAT_TEST_TMPDIR}/analyses.h5

   test:
     suffix: png
     nsize: {{1 3}}
     args: -ht_ts_monitor_cluster -ts_ht_cluster_num_clusters 3 -ht_ts_monitor_interval 20 -ht_ts_monitor_cluster_png ${HEAT_TEST_TMPDIR}/labels -check_png ${HEAT_TEST_TMPDIR}/labels_000040.png
     filter: cat; ls $HEAT_TEST_TMPDIR

   test:
     suffix: prefix
     nsize: 2
     args: -ts_max_steps 10 -ts_type euler -ht_ts_monitor_cluster -ts_ht_cluster_num_clusters 2 -ht_ts_monitor_interval 5 -ts_ht_cluster_type kmedians

   test:
     suffix: error_interval
     nsize: {{1 3}}
     args: -ht_ts_monitor_cluster -ht_ts_monitor_interval 0
     errors: expected
     filter: grep "PETSC ERROR" | sed -n 3p | sed "s/^.*PETSC ERROR: //"

   test:
     suffix: error_output
     nsize: {{1 3}}
     args: -ht_ts_monitor_output a.h5
     errors: expected
     filter: grep "PETSC ERROR" | sed -n 3p | sed "s/^.*PETSC ERROR: //"

   test:
     suffix: error_podtype
     nsize: {{1 3}}
     args: -ht_ts_monitor_pod -ts_ht_pca_type gram
     errors: expected
     filter: grep "PETSC ERROR" | sed -n 3p | sed "s/^.*PETSC ERROR: //"

   test:
     suffix: error_dmdtype
     nsize: {{1 3}}
     args: -ht_ts_monitor_dmd -ts_ht_dmd_type exact
     errors: expected
     filter: grep "PETSC ERROR" | sed -n 3p | sed "s/^.*PETSC ERROR: //"

   test:
     suffix: error_fail
     nsize: {{1 3}}
     args: -ht_ts_monitor_cluster -ht_ts_monitor_interval 5 -fail_at 12 -ht_ts_monitor_output ${HEAT_TEST_TMPDIR}/analyses.h5
     errors: expected
     filter: grep "PETSC ERROR" | sed -n 2p | sed "s/^.*PETSC ERROR: //"; ls -a $HEAT_TEST_TMPDIR

   test:
     suffix: error_dir
     nsize: {{1 3}}
     args: -ht_ts_monitor_cluster -ht_ts_monitor_output nodir/analyses.h5
     errors: expected
     filter: grep "PETSC ERROR" | sed -n 3p | sed "s/^.*PETSC ERROR: //"

TEST*/
