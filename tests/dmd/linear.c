static const char help[] = "HtDMD on a linear system x_{k+1} = A x_k with known eigenvalues 0.9, 0.8 +- 0.3i and 0.5.\n"
                           "A = U D U^T + (anything on the complement of U): U has the orthonormal columns\n"
                           "sqrt(2/(n+1)) sin(j pi (i+1)/(n+1)) for j = 1, 3, 7, 12, D = diag(0.9, [0.8 0.3; -0.3 0.8], 0.5),\n"
                           "x_0 = U c, so x_k = U D^k c in closed form.\n"
                           "  -n N        state values (200)\n"
                           "  -m M        snapshots (30)\n"
                           "  -partial    feed the snapshots one by one with HtDMDPartialFit() (streaming type)\n"
                           "  -model      write the model to an HDF5 file, load it, compare\n"
                           "  -transient T  snapshot K also has T u_20, a direction A maps to 0 (eigenvalue 0; rank 5 snapshots)\n"
                           "  -transient_step K  (0)\n"
                           "  -check_tol TOL  tolerance of the comparisons with the closed form (1e-10)\n\n";

#include "dmdtest.h"

static const PetscInt  freq[4] = {1, 3, 7, 12};
static const PetscReal c0[4]   = {1.0, 0.7, -0.5, 0.8};
static PetscReal       transient = 0;
static PetscInt        kick      = 0;
static PetscReal       checktol  = 1e-10;

/* x_k = U D^k c (+ the transient when asked) in closed form, columns k0, ..., k0 + cols - 1 of an (n, cols) tensor split 0 */
static PetscErrorCode Trajectory(PetscInt n, PetscInt k0, PetscInt cols, PetscBool withkick, HtTensor *X)
{
  PetscScalar *a;
  PetscInt     rstart, rend;

  PetscFunctionBeginUser;
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 2, (PetscInt[]){n, cols}, 0, HT_SCALAR, X));
  PetscCall(HtTensorGetOwnershipRange(*X, &rstart, &rend));
  PetscCall(HtTensorGetArrayWrite(*X, &a));
  for (PetscInt j = 0; j < cols; j++) {
    PetscInt  k  = k0 + j;
    PetscReal c1 = PetscPowReal(0.9, k) * c0[0], c4 = PetscPowReal(0.5, k) * c0[3];
    PetscReal rho = PetscPowReal(PetscSqrtReal(0.73), k), th = k * PetscAtan2Real(0.3, 0.8);
    /* [0.8 0.3; -0.3 0.8]^k = rho^k [cos -sin... ]: the rotation by -th */
    PetscReal c2 = rho * (PetscCosReal(th) * c0[1] + PetscSinReal(th) * c0[2]), c3 = rho * (-PetscSinReal(th) * c0[1] + PetscCosReal(th) * c0[2]);
    PetscReal c[4] = {c1, c2, c3, c4};

    for (PetscInt i = rstart; i < rend; i++) {
      PetscReal v = 0;

      for (PetscInt q = 0; q < 4; q++) v += c[q] * PetscSqrtReal(2.0 / (n + 1)) * PetscSinReal(freq[q] * PETSC_PI * (i + 1) / (n + 1));
      if (withkick && k == kick) v += transient * PetscSqrtReal(2.0 / (n + 1)) * PetscSinReal(20 * PETSC_PI * (i + 1) / (n + 1));
      a[(i - rstart) * cols + j] = v;
    }
  }
  PetscCall(HtTensorRestoreArrayWrite(*X, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the snapshots one at a time, as (n,) tensors */
static PetscErrorCode FeedColumns(HtDMD dmd, HtTensor X, PetscInt m)
{
  PetscFunctionBeginUser;
  for (PetscInt k = 0; k < m; k++) {
    HtSlice  sl[2] = {HT_SLICE_ALL, {k, k + 1, 1}};
    HtTensor col, x;
    PetscInt n;

    PetscCall(HtTensorGetSlice(X, 2, sl, &col));
    PetscCall(HtTensorGetSize(col, &n));
    PetscCall(HtTensorReshape(col, 1, &n, 0, &x));
    PetscCall(HtDMDPartialFit(dmd, x));
    PetscCall(HtTensorDestroy(&x));
    PetscCall(HtTensorDestroy(&col));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* predictions from the first snapshot (beyond the data) and from snapshot 5 against the closed form */
static PetscErrorCode CheckPredictions(HtDMD dmd, PetscInt n, PetscInt m, const char who[])
{
  HtTensor  P, T, x5;
  PetscReal err;
  HtSlice   sl[2] = {HT_SLICE_ALL, {0, 1, 1}};
  char      what[128];

  PetscFunctionBeginUser;
  PetscCall(HtDMDPredict(dmd, NULL, m + 10, &P));
  PetscCall(Trajectory(n, 1, m + 10, PETSC_FALSE, &T));
  PetscCall(RelativeError(P, T, &err));
  PetscCall(PetscSNPrintf(what, sizeof(what), "%sprediction of steps 1..%" PetscInt_FMT " from x_0 against the closed form", who, m + 10));
  PetscCall(Report(what, err, checktol));
  PetscCall(HtTensorDestroy(&P));
  PetscCall(HtTensorDestroy(&T));
  PetscCall(Trajectory(n, 5, 1, PETSC_FALSE, &T));
  PetscCall(HtTensorGetSlice(T, 2, sl, &x5));
  PetscCall(HtDMDPredict(dmd, x5, 5, &P));
  PetscCall(HtTensorDestroy(&T));
  PetscCall(Trajectory(n, 6, 5, PETSC_FALSE, &T));
  PetscCall(RelativeError(P, T, &err));
  PetscCall(PetscSNPrintf(what, sizeof(what), "%sprediction of steps 6..10 from x_5 against the closed form", who));
  PetscCall(Report(what, err, checktol));
  PetscCall(HtTensorDestroy(&P));
  PetscCall(HtTensorDestroy(&T));
  PetscCall(HtTensorDestroy(&x5));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the model written to an HDF5 group and loaded into a new object has the same eigenvalues and predictions */
static PetscErrorCode SaveAndLoad(HtDMD dmd, PetscInt n, PetscInt m)
{
  char        path[PETSC_MAX_PATH_LEN];
  const char *dir = getenv("HEAT_TEST_TMPDIR");
  PetscViewer viewer;
  HtDMD       loaded;
  HtTensor    e1, e2, P1, P2;
  PetscReal   err;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/dmd.h5", dir ? dir : "."));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_WRITE, &viewer));
  PetscCall(PetscViewerHDF5PushGroup(viewer, "/model"));
  PetscCall(HtDMDView(dmd, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(HtDMDCreate(PETSC_COMM_WORLD, &loaded));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_READ, &viewer));
  PetscCall(PetscViewerHDF5PushGroup(viewer, "/model"));
  PetscCall(HtDMDLoad(loaded, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(HtDMDGetEigenvalues(dmd, &e1));
  PetscCall(HtDMDGetEigenvalues(loaded, &e2));
  PetscCall(RelativeError(e2, e1, &err));
  PetscCall(Report("eigenvalues of the loaded model", err, 0));
  PetscCall(HtDMDPredict(dmd, NULL, m, &P1));
  PetscCall(HtDMDPredict(loaded, NULL, m, &P2));
  PetscCall(RelativeError(P2, P1, &err));
  PetscCall(Report("prediction of the loaded model", err, 1e-15));
  PetscCall(CheckPredictions(loaded, n, m, "loaded model: "));
  PetscCall(HtDMDView(loaded, NULL));
  PetscCall(HtTensorDestroy(&P1));
  PetscCall(HtTensorDestroy(&P2));
  PetscCall(HtDMDDestroy(&loaded));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscInt        n = 200, m = 30, r;
  PetscBool       partial = PETSC_FALSE, model = PETSC_FALSE;
  HtTensor        X, eig, omega, b, modes;
  HtDMD           dmd;
  PetscReal       err = 0, expected[10] = {0.9, 0, 0.8, 0.3, 0.8, -0.3, 0.5, 0, 0, 0};
  PetscReal       amp[5]         = {1.0, PetscSqrtReal((0.49 + 0.25) / 2), PetscSqrtReal((0.49 + 0.25) / 2), 0.8, 0};

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-n", &n, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-m", &m, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-partial", &partial, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-model", &model, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-transient", &transient, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-transient_step", &kick, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-check_tol", &checktol, NULL));
  amp[4] = kick ? 0 : PetscAbsReal(transient); /* the amplitudes are those of x_0 */
  PetscCall(Trajectory(n, 0, m, PETSC_TRUE, &X));
  PetscCall(HtDMDCreate(PETSC_COMM_WORLD, &dmd));
  PetscCall(HtDMDSetFromOptions(dmd));
  if (partial) PetscCall(FeedColumns(dmd, X, m));
  else PetscCall(HtDMDFit(dmd, X));
  PetscCall(HtDMDGetRank(dmd, &r));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "rank %" PetscInt_FMT "\n", r));
  PetscCall(HtDMDGetEigenvalues(dmd, &eig));
  PetscCall(PrintComplex("eigenvalues", eig));
  PetscCall(EigenvalueError(eig, r, expected, &err)); /* r = 5: the transient's eigenvalue 0 too */
  PetscCall(Report(r == 5 ? "eigenvalues against 0.9, 0.8 + 0.3i, 0.8 - 0.3i, 0.5, 0" : "eigenvalues against 0.9, 0.8 + 0.3i, 0.8 - 0.3i, 0.5", err, checktol));
  PetscCall(HtDMDGetContinuousEigenvalues(dmd, &omega));
  if (transient == 0) PetscCall(PrintComplex("continuous eigenvalues log(lambda) / dt", omega)); /* log(0) is rounding */
  PetscCall(HtDMDGetAmplitudes(dmd, &b));
  {
    const PetscScalar *v;

    err = 0;
    PetscCall(HtTensorGetArrayRead(b, &v));
    for (PetscInt j = 0; j < r; j++) err = PetscMax(err, PetscAbsReal(PetscSqrtReal(PetscRealPart(v[2 * j] * v[2 * j] + v[2 * j + 1] * v[2 * j + 1])) - amp[j]));
    PetscCall(HtTensorRestoreArrayRead(b, &v));
  }
  PetscCall(PrintComplex("amplitudes", b));
  PetscCall(Report(r == 5 ? "|amplitudes| against 1, sqrt(0.37), sqrt(0.37), 0.8, |T| (0 for K > 0)" : "|amplitudes| against 1, sqrt(0.37), sqrt(0.37), 0.8", err, checktol));
  PetscCall(HtDMDGetModes(dmd, &modes));
  PetscCall(PrintModeRows(modes, 3));
  PetscCall(CheckPredictions(dmd, n, m, ""));
  if (model) PetscCall(SaveAndLoad(dmd, n, m));
  PetscCall(HtDMDDestroy(&dmd));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   build:
     requires: hdf5
   testset:
     nsize: {{1 2 3 4}}
     tolerance: 1e-10
     filter: grep -v -e "MPI process"
     test:
       suffix: exact
       args: -ht_dmd_view -model
     test:
       suffix: exact_rank
       args: -ht_dmd_rank 4 -ht_dmd_time_step 0.1 -ht_dmd_converged_reason
     test:
       suffix: exact_wide
       args: -n 12 -m 30 -ht_dmd_rank 4
     test:
       suffix: streaming
       args: -ht_dmd_type streaming -partial -ht_dmd_monitor -model
     test:
       suffix: streaming_fit
       args: -ht_dmd_type streaming -ht_dmd_view
     test:
       suffix: exact_transient
       args: -transient 0.3
     test:
       suffix: streaming_transient
       args: -ht_dmd_type streaming -partial -transient 0.3 -ht_dmd_max_rank 5
     test:
       suffix: streaming_compress
       args: -ht_dmd_type streaming -partial -transient 1e-3 -transient_step 10 -ht_dmd_max_rank 4 -info :ht_dmd -check_tol 1e-3
       filter: grep -v -e "MPI process" | sed -e "s/^\\[[0-9]\\] <ht_dmd> //"
TEST*/
