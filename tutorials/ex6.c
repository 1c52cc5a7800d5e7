static const char help[] = "Tutorial 6: POD and DMD of the snapshots of tutorial 5's heat equation.\n"
                           "  -snapshots FILE.h5   the snapshots (default snapshots.h5, made by: ex5 -snapshots snapshots.h5)\n"
                           "  -max_modes <6>       rows of the POD table\n"
                           "Try -ht_pca_type gram|svd, -ht_dmd_rank R, -ht_dmd_tol T, -ht_pca_view, -ht_dmd_view.\n"
                           "With -help it lists the options and stops, with or without a snapshot file.\n\n";

/*
   Tutorial 5 wrote m snapshots of an n-point mesh as the columns of an (n, m) matrix X. Two decompositions of X:
   - POD (proper orthogonal decomposition) is a PCA with the snapshots as samples: the components are the spatial
     patterns that, added to the mean state, rebuild every snapshot best with r of them. The heat equation started
     from 3 sine modes never leaves their span, so r = 3 rebuilds X exactly (up to rounding).
   - DMD (dynamic mode decomposition) fits the linear map X[:, t+1] = A X[:, t]. Forward Euler multiplies each sine
     mode by its own number d every step, so A's eigenvalues are d^s for snapshots s steps apart: known in closed form.
   Both work on distributed data: every rank owns some points (rows of X) and the ranks combine small m x m results.
*/
#include <heat.h>

/* the snapshots split along the points, their attributes and the sine modes (j,k) the initial state was made of */
static PetscErrorCode LoadSnapshots(MPI_Comm comm, const char file[], HtTensor *X, HtTensor *modes, PetscReal *h, PetscReal *dt, PetscInt *interval, char **type)
{
  PetscBool   exists;
  PetscViewer v;

  PetscFunctionBeginUser;
  PetscCall(PetscTestFile(file, 'r', &exists)); /* every rank looks, then they agree (so that all raise the error) */
  PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, &exists, 1, MPIU_BOOL, MPI_LAND, comm));
  PetscCheck(exists, comm, PETSC_ERR_FILE_OPEN, "No snapshot file %s: make it first with tutorial 5, e.g. mpiexec -n 4 ../build/tutorials/ex5 -snapshots %s", file, file);
  PetscCall(HtTensorLoad(comm, file, "snapshots", 0, X));  /* each rank reads its rows */
  PetscCall(HtTensorLoad(comm, file, "modes", -1, modes)); /* small: every rank reads it all */
  PetscCall(PetscViewerHDF5Open(comm, file, FILE_MODE_READ, &v));
  PetscCall(PetscViewerHDF5ReadAttribute(v, "/snapshots", "h", PETSC_REAL, NULL, h));
  PetscCall(PetscViewerHDF5ReadAttribute(v, "/snapshots", "dt", PETSC_REAL, NULL, dt));
  PetscCall(PetscViewerHDF5ReadAttribute(v, "/snapshots", "interval", PETSC_INT, NULL, interval));
  PetscCall(PetscViewerHDF5ReadAttribute(v, "/snapshots", "ts_type", PETSC_STRING, NULL, type));
  PetscCall(PetscViewerDestroy(&v));
  PetscFunctionReturn(0);
}

/* a value in a column of `width`, or "< floor" where it is rounding (whose digits differ between rank counts) */
#define ROUNDING 1e-12
static PetscErrorCode PrintValue(MPI_Comm comm, PetscReal v, PetscReal floor, int width, int digits)
{
  char str[32];

  PetscFunctionBeginUser;
  if (v < floor) PetscCall(PetscSNPrintf(str, sizeof(str), "< %.0e", (double)floor));
  else PetscCall(PetscSNPrintf(str, sizeof(str), "%.*e", digits - 1, (double)v));
  PetscCall(PetscPrintf(comm, "  %*s", width, str));
  PetscFunctionReturn(0);
}

/* POD: ||X - X_r||_F / ||X||_F for r = 1..R, from the rebuilt snapshots and from the singular values s_i of the
   centred snapshots (the error of r modes is sqrt(sum over i > r of s_i^2)) */
static PetscErrorCode POD(HtPCA pca, HtTensor X, PetscInt R)
{
  MPI_Comm           comm = PetscObjectComm((PetscObject)X);
  HtPCAType          type;
  HtTensor           XT, S, T, Tr, Sr, sv;
  const PetscInt    *shape;
  const PetscScalar *s;
  PetscReal          norm, err, tail;

  PetscFunctionBeginUser;
  PetscCall(HtTensorTranspose(X, (PetscInt[]){1, 0}, &XT)); /* (m, n): the snapshots as samples, split along the points */
  PetscCall(HtTensorResplit(XT, 0, &S));                    /* split along the samples, as HtPCA wants: an all-to-all */
  PetscCall(HtTensorMatrixNorm(S, NORM_FROBENIUS, &norm));
  PetscCall(HtPCAFit(pca, S));
  PetscCall(HtPCATransform(pca, S, &T)); /* (m, K): each snapshot's coordinates on the K components */
  PetscCall(HtPCAGetSingularValues(pca, &sv));
  PetscCall(HtTensorGetShape(sv, &shape));
  PetscCall(HtPCAGetType(pca, &type));
  R = PetscMin(R, shape[0]);
  PetscCall(PetscPrintf(comm, "POD (PCA %s): relative error ||X - X_r||_F / ||X||_F with r modes\n", type));
  PetscCall(PetscPrintf(comm, "modes r  singular value s_r  error (rebuilt)  error (from the s_i)\n"));
  PetscCall(HtTensorGetArrayRead(sv, &s));
  for (PetscInt r = 1; r <= R; r++) {
    const HtSlice drop[2] = {HT_SLICE_ALL, {r, HT_NONE, 1}};

    PetscCall(HtTensorDuplicate(T, &Tr));
    PetscCall(HtTensorCopy(T, Tr));
    PetscCall(HtTensorSetSliceValue(Tr, 2, drop, 0)); /* keep the first r coordinates */
    PetscCall(HtPCAInverseTransform(pca, Tr, &Sr));   /* X_r = mean + Tr components */
    PetscCall(HtTensorAXPY(Sr, -1, S));
    PetscCall(HtTensorMatrixNorm(Sr, NORM_FROBENIUS, &err));
    tail = 0;
    for (PetscInt i = r; i < shape[0]; i++) tail += PetscRealPart(s[i] * s[i]);
    PetscCall(PetscPrintf(comm, "%7" PetscInt_FMT, r));
    PetscCall(PrintValue(comm, PetscRealPart(s[r - 1]), ROUNDING * PetscRealPart(s[0]), 18, 6));
    PetscCall(PrintValue(comm, err / norm, ROUNDING, 15, 4));
    PetscCall(PrintValue(comm, PetscSqrtReal(tail) / norm, ROUNDING, 20, 4));
    PetscCall(PetscPrintf(comm, "\n"));
    PetscCall(HtTensorDestroy(&Sr));
    PetscCall(HtTensorDestroy(&Tr));
  }
  PetscCall(HtTensorRestoreArrayRead(sv, &s));
  PetscCall(HtTensorDestroy(&T));
  PetscCall(HtTensorDestroy(&S));
  PetscCall(HtTensorDestroy(&XT));
  PetscFunctionReturn(0);
}

/* DMD: each eigenvalue beside the closed form of the nearest sine mode: forward Euler's d^s, and exp(-lambda s dt), the
   exact solution in time of the semi-discrete equation (lambda = 4/h^2 (sin^2(j pi h/2) + sin^2(k pi h/2))) */
static PetscErrorCode DMD(HtDMD dmd, HtTensor X, HtTensor modes, PetscReal h, PetscReal dt, PetscInt s)
{
  MPI_Comm           comm = PetscObjectComm((PetscObject)X);
  HtTensor           eig;
  const PetscInt    *shape, *mshape, *jk;
  const PetscScalar *e;
  PetscInt           rank;

  PetscFunctionBeginUser;
  PetscCall(HtDMDFit(dmd, X)); /* a TSQR of X: one allreduce of small factors, then m x m work on every rank */
  PetscCall(HtDMDGetRank(dmd, &rank));
  PetscCall(HtDMDGetEigenvalues(dmd, &eig)); /* (rank, 2): real and imaginary parts */
  PetscCall(HtTensorGetShape(eig, &shape));
  PetscCall(HtTensorGetShape(modes, &mshape));
  PetscCall(PetscPrintf(comm, "DMD (exact): rank %" PetscInt_FMT "; each eigenvalue beside the nearest mode's closed form for s = %" PetscInt_FMT " steps\n", rank, s));
  PetscCall(PetscPrintf(comm, "             DMD eigenvalue  mode   forward Euler d^s  rel. diff.  exact in time  rel. diff.\n"));
  PetscCall(HtTensorGetArrayRead(eig, &e));
  PetscCall(HtTensorGetArrayRead(modes, &jk));
  for (PetscInt i = 0; i < shape[0]; i++) {
    PetscReal re = PetscRealPart(e[2 * i]), im = PetscRealPart(e[2 * i + 1]), best = PETSC_MAX_REAL, euler = 0, exact = 0;
    PetscInt  m = 0;

    for (PetscInt k = 0; k < mshape[0]; k++) { /* the mode whose forward Euler factor is nearest */
      PetscReal sj = PetscSinReal(jk[2 * k] * PETSC_PI * h / 2), sk = PetscSinReal(jk[2 * k + 1] * PETSC_PI * h / 2), lambda = 4 / (h * h) * (sj * sj + sk * sk);
      PetscReal d = PetscPowRealInt(1 - lambda * dt, s);

      if (PetscHypotReal(re - d, im) < best) {
        best  = PetscHypotReal(re - d, im);
        m     = k;
        euler = d;
        exact = PetscExpReal(-lambda * dt * s);
      }
    }
    PetscCall(PetscPrintf(comm, "%13.10f%+.10fi  (%" PetscInt_FMT ",%" PetscInt_FMT ")  %17.10f", (double)re, PetscAbsReal(im) < ROUNDING ? 0.0 : (double)im, jk[2 * m], jk[2 * m + 1], (double)euler));
    PetscCall(PrintValue(comm, best / PetscAbsReal(euler), ROUNDING, 10, 3));
    PetscCall(PetscPrintf(comm, "  %13.10f", (double)exact));
    PetscCall(PrintValue(comm, PetscHypotReal(re - exact, im) / exact, ROUNDING, 10, 3));
    PetscCall(PetscPrintf(comm, "\n"));
  }
  PetscCall(HtTensorRestoreArrayRead(modes, &jk));
  PetscCall(HtTensorRestoreArrayRead(eig, &e));
  PetscFunctionReturn(0);
}

static PetscErrorCode Run(void)
{
  MPI_Comm        comm = PETSC_COMM_WORLD;
  HtPCA           pca;
  HtDMD           dmd;
  HtTensor        X, modes;
  char            file[PETSC_MAX_PATH_LEN] = "snapshots.h5", *type;
  PetscInt        R = 6, interval;
  PetscReal       h, dt;
  const PetscInt *shape;
  PetscBool       help;

  PetscFunctionBeginUser;
  PetscOptionsBegin(comm, NULL, "Tutorial 6 options", NULL);
  PetscCall(PetscOptionsString("-snapshots", "HDF5 file of tutorial 5's snapshots", NULL, file, file, sizeof(file), NULL));
  PetscCall(PetscOptionsInt("-max_modes", "Rows of the POD table", NULL, R, &R, NULL));
  PetscOptionsEnd();
  /* the two decompositions, set up before the data so that -help lists their options even without a file */
  PetscCall(HtPCACreate(comm, &pca));
  PetscCall(HtPCASetType(pca, HTPCASVD)); /* SLEPc's SVD of the wide data, without forming the n x n scatter matrix */
  PetscCall(HtPCASetFromOptions(pca));    /* -ht_pca_type, -ht_pca_n_components (default: all, min(m, n)) */
  PetscCall(HtDMDCreate(comm, &dmd));
  PetscCall(HtDMDSetType(dmd, HTDMDEXACT));
  PetscCall(HtDMDSetFromOptions(dmd)); /* -ht_dmd_rank, -ht_dmd_tol (default 1e-10) */
  PetscCall(PetscOptionsHasHelp(NULL, &help));
  if (!help) {
    PetscCall(LoadSnapshots(comm, file, &X, &modes, &h, &dt, &interval, &type));
    PetscCall(HtTensorGetShape(X, &shape));
    PetscCheck(shape[1] >= 2, comm, PETSC_ERR_ARG_SIZ, "%s holds %" PetscInt_FMT " snapshot: POD and DMD need at least 2 (run tutorial 5 for more steps, or with a smaller -snapshot_interval)", file, shape[1]);
    PetscCall(PetscPrintf(comm, "%s: %" PetscInt_FMT " points x %" PetscInt_FMT " snapshots, %" PetscInt_FMT " steps of TS %s (dt = %g, h = %g) apart\n\n", file, shape[0], shape[1], interval, type, (double)dt, (double)h));
    PetscCall(POD(pca, X, R));
    PetscCall(PetscPrintf(comm, "\n"));
    PetscCall(DMD(dmd, X, modes, h, dt, interval));
    PetscCall(PetscFree(type));
    PetscCall(HtTensorDestroy(&modes));
    PetscCall(HtTensorDestroy(&X));
  }
  PetscCall(HtDMDDestroy(&dmd));
  PetscCall(HtPCADestroy(&pca));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(Run());
}

/*TEST
   build:
     requires: hdf5 slepc
   testset: # each case first runs ex5 on as many ranks to make the snapshots
     args: -snapshots ${HEAT_TEST_TMPDIR}/snapshots.h5
     filter: sed "s|$HEAT_TEST_TMPDIR/||"
     test:
       suffix: pod_dmd
       nsize: {{1 2 3 4}}
       setup: ex5 -snapshots ${HEAT_TEST_TMPDIR}/snapshots.h5
     test:
       suffix: gram # the scatter matrix squares the small singular values: only the first rows are meaningful
       setup: ex5 -snapshots ${HEAT_TEST_TMPDIR}/snapshots.h5
       args: -ht_pca_type gram -max_modes 2
     test:
       suffix: four_modes
       nsize: 3
       setup: ex5 -modes 1,1,2,1,3,2,1,3 -snapshots ${HEAT_TEST_TMPDIR}/snapshots.h5
     test:
       suffix: rk # the DMD finds the time stepper's own factors: here close to the exact ones
       nsize: 2
       setup: ex5 -ts_type rk -snapshots ${HEAT_TEST_TMPDIR}/snapshots.h5
   testset:
     errors: expected
     filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p" | sed "s|$HEAT_TEST_TMPDIR/||"
     test:
       suffix: no_file
       nsize: {{1 3}}
       args: -snapshots nofile.h5
     test:
       suffix: one_snapshot
       nsize: 2
       setup: ex5 -ts_max_steps 5 -snapshots ${HEAT_TEST_TMPDIR}/snapshots.h5
       args: -snapshots ${HEAT_TEST_TMPDIR}/snapshots.h5
   test:
     suffix: help # -help lists the options of the program and of its two classes, without a snapshot file
     args: -help -snapshots nofile.h5
     filter: grep -E "^  -(snapshots|max_modes|ht_pca_type|ht_pca_n_components|ht_dmd_rank|ht_dmd_tol) "
TEST*/
