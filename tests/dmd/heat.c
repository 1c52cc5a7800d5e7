static const char help[] = "HtDMD of a heat-equation simulation: u_t = u_xx on (0, 1), u = 0 at both ends, N interior points of a\n"
                           "1-d DMDA (h = 1/(N+1)), explicit Euler with dt = 0.4 h^2, u(0) = sum_j a_j sin(j pi x). The discrete sine\n"
                           "modes are eigenvectors of the scheme: each step multiplies mode j by\n"
                           "lambda_j = 1 - 4 dt/h^2 sin^2(j pi h / 2), which DMD must recover. The exact type fits the collected\n"
                           "snapshots, the streaming type gets one state per step, viewed as a tensor without a copy\n"
                           "(HtTensorCreateFromVec()).\n"
                           "  -N N        interior points (63)\n"
                           "  -steps M    snapshots (40)\n\n";

#include "dmdtest.h"
#include <petscdmda.h>

static const PetscInt  modes[4] = {1, 3, 8, 16};
static const PetscReal amp[4]   = {1.0, 0.5, 0.3, 0.2};

/* u = u + r (u_{i-1} - 2 u_i + u_{i+1}), u = 0 beyond both ends */
static PetscErrorCode Step(DM da, Vec u, Vec loc, PetscReal r)
{
  const PetscScalar *ul;
  PetscScalar       *un;
  PetscInt           xs, xm, N;

  PetscFunctionBeginUser;
  PetscCall(DMDAGetInfo(da, NULL, &N, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL));
  PetscCall(DMDAGetCorners(da, &xs, NULL, NULL, &xm, NULL, NULL));
  PetscCall(DMGlobalToLocal(da, u, INSERT_VALUES, loc));
  PetscCall(DMDAVecGetArrayRead(da, loc, &ul));
  PetscCall(DMDAVecGetArray(da, u, &un));
  for (PetscInt i = xs; i < xs + xm; i++) {
    PetscScalar left = i > 0 ? ul[i - 1] : 0, right = i < N - 1 ? ul[i + 1] : 0;

    un[i] = ul[i] + r * (left - 2 * ul[i] + right);
  }
  PetscCall(DMDAVecRestoreArray(da, u, &un));
  PetscCall(DMDAVecRestoreArrayRead(da, loc, &ul));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* column k of the (N, M) snapshot tensor X (the layout of u) = u */
static PetscErrorCode StoreColumn(HtTensor X, PetscInt k, Vec u)
{
  const PetscScalar *a;
  PetscScalar       *x;
  const PetscInt    *lshape;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetLocalShape(X, &lshape));
  PetscCall(VecGetArrayRead(u, &a));
  PetscCall(HtTensorGetArray(X, &x));
  for (PetscInt i = 0; i < lshape[0]; i++) x[i * lshape[1] + k] = a[i];
  PetscCall(HtTensorRestoreArray(X, &x));
  PetscCall(VecRestoreArrayRead(u, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscInt    N = 63, M = 40, nlocal, xs, xm, r;
  PetscReal   h, dt, expected[8], err;
  DM          da;
  Vec         u, loc;
  HtDMD       dmd;
  HtDMDType   type;
  PetscBool   streaming;
  HtTensor    X, eig, omega, P, Y, phi;
  PetscScalar *a;
  HtSlice     later[2] = {HT_SLICE_ALL, {1, HT_NONE, 1}};

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-N", &N, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-steps", &M, NULL));
  h  = 1.0 / (N + 1);
  dt = 0.4 * h * h;
  PetscCall(DMDACreate1d(PETSC_COMM_WORLD, DM_BOUNDARY_NONE, N, 1, 1, NULL, &da));
  PetscCall(DMSetUp(da));
  PetscCall(DMCreateGlobalVector(da, &u));
  PetscCall(DMCreateLocalVector(da, &loc));
  PetscCall(DMDAGetCorners(da, &xs, NULL, NULL, &xm, NULL, NULL));
  PetscCall(DMDAVecGetArray(da, u, &a));
  for (PetscInt i = xs; i < xs + xm; i++) {
    a[i] = 0;
    for (PetscInt j = 0; j < 4; j++) a[i] += amp[j] * PetscSinReal(modes[j] * PETSC_PI * (i + 1) * h);
  }
  PetscCall(DMDAVecRestoreArray(da, u, &a));

  PetscCall(HtDMDCreate(PETSC_COMM_WORLD, &dmd));
  PetscCall(HtDMDSetTimeStep(dmd, dt));
  PetscCall(HtDMDSetFromOptions(dmd));
  PetscCall(HtDMDGetType(dmd, &type));
  PetscCall(PetscStrcmp(type, HTDMDSTREAMING, &streaming));
  PetscCall(VecGetLocalSize(u, &nlocal));
  PetscCall(HtTensorCreateWithLayout(PETSC_COMM_WORLD, 2, (PetscInt[]){N, M}, 0, HT_SCALAR, nlocal, &X));
  for (PetscInt k = 0; k < M; k++) {
    if (k) PetscCall(Step(da, u, loc, dt / (h * h)));
    PetscCall(StoreColumn(X, k, u));
    if (streaming) { /* in situ: the state itself, no copy */
      HtTensor state;

      PetscCall(HtTensorCreateFromVec(u, 1, &state));
      PetscCall(HtDMDPartialFit(dmd, state));
      PetscCall(HtTensorDestroy(&state));
    }
  }
  if (!streaming) PetscCall(HtDMDFit(dmd, X));

  PetscCall(HtDMDGetRank(dmd, &r));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s DMD of %" PetscInt_FMT " snapshots of %" PetscInt_FMT " points: rank %" PetscInt_FMT "\n", type, M, N, r));
  for (PetscInt j = 0; j < 4; j++) {
    PetscReal s = PetscSinReal(modes[j] * PETSC_PI * h / 2);

    expected[2 * j]     = 1 - 4 * dt / (h * h) * s * s;
    expected[2 * j + 1] = 0;
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "closed form, mode %2" PetscInt_FMT ": lambda = %.12f\n", modes[j], (double)expected[2 * j]));
  }
  PetscCall(HtDMDGetEigenvalues(dmd, &eig));
  PetscCall(PrintComplex("eigenvalues", eig));
  PetscCall(EigenvalueError(eig, 4, expected, &err));
  PetscCall(Report("eigenvalues against 1 - 4 dt/h^2 sin^2(j pi h/2)", err, 1e-10));
  PetscCall(HtDMDGetContinuousEigenvalues(dmd, &omega));
  PetscCall(PrintComplex("decay rates log(lambda) / dt (continuous limit -(j pi)^2)", omega));
  PetscCall(HtDMDGetModes(dmd, &phi));
  PetscCall(PrintModeRows(phi, 4)); /* sqrt(2 h) sin(j pi x): signs from the first of the equal extremes */
  PetscCall(HtDMDPredict(dmd, NULL, M - 1, &P));
  PetscCall(HtTensorGetSlice(X, 2, later, &Y));
  PetscCall(RelativeError(P, Y, &err));
  PetscCall(Report("prediction of the simulation from its first state", err, 1e-10));
  PetscCall(HtTensorDestroy(&P));
  PetscCall(HtTensorDestroy(&Y));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtDMDDestroy(&dmd));
  PetscCall(VecDestroy(&loc));
  PetscCall(VecDestroy(&u));
  PetscCall(DMDestroy(&da));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   testset:
     nsize: {{1 2 3 4}}
     tolerance: 1e-10
     test:
       suffix: exact
       args: -ht_dmd_converged_reason
     test:
       suffix: streaming
       args: -ht_dmd_type streaming
     test:
       suffix: streaming_rank
       args: -ht_dmd_type streaming -ht_dmd_rank 4
TEST*/
