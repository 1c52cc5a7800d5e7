/*
   HtDMD: setting up, fitting, predicting, and the fitted results.
*/
#include <heat/private/dmdimpl.h>

/*@C
   HtDMDSetUp - Prepares the object for fitting (called by `HtDMDFit()` if needed).

   Collective

   Input Parameter:
.  dmd - the DMD object

   Level: advanced

.seealso: `HtDMDFit()`
@*/
PetscErrorCode HtDMDSetUp(HtDMD dmd)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscCall(HtMLObjectSetUp(&HtDMDClass, (PetscObject)dmd));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the model is gone before a new fit: results and the type's running state (HtDMDReset(), set-up kept) */
static PetscErrorCode HtDMDClearModel(HtDMD dmd)
{
  PetscBool setup = dmd->setupcalled;

  PetscFunctionBegin;
  PetscCall(HtDMDReset(dmd));
  dmd->setupcalled = setup;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* X (n x m): finite, HT_SCALAR, as Xs split along the state values (axis 0) */
static PetscErrorCode HtDMDCheckValues(HtDMD dmd, HtTensor X, const char what[], HtTensor *Xs)
{
  MPI_Comm        comm = PetscObjectComm((PetscObject)dmd);
  const PetscInt *shape;
  PetscInt        split, bad, first, ndim;
  HtDType         dtype;

  PetscFunctionBegin;
  PetscCall(HtTensorGetNDim(X, &ndim));
  PetscCall(HtTensorGetDType(X, &dtype));
  PetscCall(HtTensorGetSplit(X, &split));
  PetscCall(HtTensorGetShape(X, &shape));
  PetscCheck(dtype == HT_SCALAR, comm, PETSC_ERR_ARG_WRONG, "Dynamic mode decomposition needs HT_SCALAR %s, not %s; convert them with HtTensorAsType()", what, HtDTypes[dtype]);
  PetscCall(HtTensorCountNonFinite(X, &bad, &first));
  PetscCheck(!bad, comm, PETSC_ERR_FP, "The %s contain %" PetscInt_FMT " NaN or Inf values (the first at state value %" PetscInt_FMT ", snapshot %" PetscInt_FMT "); remove them before dynamic mode decomposition", what, bad, ndim == 2 ? first / shape[1] : first, ndim == 2 ? first % shape[1] : 0);
  if (ndim == 1) PetscCall(HtTensorReshape(X, 2, (PetscInt[]){shape[0], 1}, split < 0 ? -1 : 0, Xs));
  else {
    PetscCall(PetscObjectReference((PetscObject)X));
    *Xs = X;
  }
  if (split != 0) {
    HtTensor t;

    PetscCall(PetscInfo(dmd, "The %s have split %" PetscInt_FMT "; redistributing them along the state values (split 0)\n", what, split));
    PetscCall(HtTensorResplit(*Xs, 0, &t));
    PetscCall(HtTensorDestroy(Xs));
    *Xs = t;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* one snapshot x, (n,) or (n, 1), of n state values when n >= 0, as xs (n x 1, split 0) */
static PetscErrorCode HtDMDCheckSnapshot(HtDMD dmd, HtTensor x, PetscInt n, HtTensor *xs)
{
  MPI_Comm        comm = PetscObjectComm((PetscObject)dmd);
  const PetscInt *shape;
  PetscInt        ndim;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 2);
  PetscCheckSameComm(dmd, 1, x, 2);
  PetscCall(HtTensorGetNDim(x, &ndim));
  PetscCall(HtTensorGetShape(x, &shape));
  PetscCheck(ndim == 1 || (ndim == 2 && shape[1] == 1), comm, PETSC_ERR_ARG_SIZ, "A snapshot is a tensor of shape (n,) or (n, 1) (n state values), not a %" PetscInt_FMT "-d one%s", ndim, ndim == 2 ? " with several columns; give the columns one at a time or call HtDMDFit()" : "");
  PetscCheck(n < 0 || shape[0] == n, comm, PETSC_ERR_ARG_SIZ, "The snapshot has %" PetscInt_FMT " state values but the model has %" PetscInt_FMT "; every snapshot must have the state values of the first", shape[0], n);
  PetscCall(HtDMDCheckValues(dmd, x, "snapshot values", xs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* after a fit: the object reports as the options ask */
static PetscErrorCode HtDMDFinishFit(HtDMD dmd)
{
  PetscFunctionBegin;
  PetscCall(HtDMDConvergedReasonViewFromOptions(dmd));
  PetscCall(HtDMDViewFromOptions(dmd, NULL, "-ht_dmd_view"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDFit - Computes the dynamic mode decomposition of a sequence of snapshots.

   Collective

   Input Parameters:
+  dmd - the DMD object
-  X - an `HT_SCALAR` tensor of shape (n, m) with no NaN or Inf: n state values (the points of a simulation, split
       along axis 0 as a PETSc `Vec`; other splits are redistributed so first, see -info) by m >= 2 snapshots in time
       order. Snapshots are columns: the transpose of the (samples, features) layout of the other classes.

   Level: beginner

   Notes:
   With X0 = X[:, :-1] and Y = X[:, 1:], the model is the best-fit linear operator Y ~ A X0 of rank r: its
   eigenvalues (`HtDMDGetEigenvalues()`), modes (`HtDMDGetModes()`) and the amplitudes of the first snapshot
   (`HtDMDGetAmplitudes()`), so that x_k ~ Re(sum_j b_j lambda_j^k phi_j) (`HtDMDPredict()`). The rank must not
   exceed min(n, m - 1). The streaming type folds the columns in one by one (`HtDMDPartialFit()`).

.seealso: `HtDMDPartialFit()`, `HtDMDPredict()`, `HtDMDSetRank()`, `HTDMDEXACT`, `HTDMDSTREAMING`
@*/
PetscErrorCode HtDMDFit(HtDMD dmd, HtTensor X)
{
  MPI_Comm        comm;
  HtTensor        Xs;
  const PetscInt *shape;
  PetscInt        ndim;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscCheckSameComm(dmd, 1, X, 2);
  comm = PetscObjectComm((PetscObject)dmd);
  PetscCall(HtDMDSetUp(dmd));
  PetscCall(HtTensorGetNDim(X, &ndim));
  PetscCall(HtTensorGetShape(X, &shape));
  PetscCheck(ndim == 2, comm, PETSC_ERR_ARG_WRONG, "Dynamic mode decomposition needs a 2-d (state values, snapshots) tensor, not a %" PetscInt_FMT "-d one", ndim);
  PetscCheck(shape[1] >= 2, comm, PETSC_ERR_ARG_SIZ, "Dynamic mode decomposition needs at least 2 snapshots (columns); the data have %" PetscInt_FMT, shape[1]);
  PetscCheck(shape[0] >= 1, comm, PETSC_ERR_ARG_SIZ, "The snapshots have no state values");
  PetscCheck(dmd->rank <= PetscMin(shape[0], shape[1] - 1), comm, PETSC_ERR_ARG_OUTOFRANGE, "Cannot fit a model of rank %" PetscInt_FMT " to %" PetscInt_FMT " snapshots of %" PetscInt_FMT " state values; use a rank of at most min(n, m - 1) = %" PetscInt_FMT, dmd->rank, shape[1], shape[0], PetscMin(shape[0], shape[1] - 1));
  PetscCall(HtDMDCheckValues(dmd, X, "data", &Xs));
  PetscCall(HtDMDClearModel(dmd));
  PetscCall(PetscLogEventBegin(HT_DMD_Fit, dmd, Xs, 0, 0));
  PetscUseTypeMethod(dmd, fit, Xs);
  PetscCall(HtDMDSetUpModes_Private(dmd));
  PetscCall(PetscLogEventEnd(HT_DMD_Fit, dmd, Xs, 0, 0));
  PetscCall(HtTensorDestroy(&Xs));
  PetscCall(HtDMDFinishFit(dmd));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDPartialFit - Folds one more snapshot into the model (the streaming type), with memory independent of the
   number of snapshots: a time stepper's monitor can feed it one state per step forever.

   Collective

   Input Parameters:
+  dmd - the DMD object, of type `HTDMDSTREAMING`
-  x - the snapshot: an `HT_SCALAR` tensor of shape (n,) or (n, 1), split 0 (e.g. `HtTensorCreateFromVec()` of the
       simulation's state; it is not kept, so the state may change afterwards), with the n of the first snapshot

   Level: intermediate

   Notes:
   The model is that of every snapshot given since the object was created, reset or fitted: after the second one the
   getters work (`HtDMDGetEigenvalues()` at once; the modes and amplitudes are computed, collectively, when asked
   for). The monitors (-ht_dmd_monitor) report each snapshot. A model read by `HtDMDLoad()` cannot take snapshots.

.seealso: `HtDMDFit()`, `HTDMDSTREAMING`, `HtDMDMonitorSet()`
@*/
PetscErrorCode HtDMDPartialFit(HtDMD dmd, HtTensor x)
{
  MPI_Comm comm;
  HtTensor xs;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  comm = PetscObjectComm((PetscObject)dmd);
  PetscCall(HtDMDSetUp(dmd));
  PetscCheck(dmd->ops->partialfit, comm, PETSC_ERR_SUP, "HtDMDPartialFit() needs a type that folds in snapshots one by one (-ht_dmd_type streaming), not %s", ((PetscObject)dmd)->type_name);
  PetscCheck(!dmd->loaded, comm, PETSC_ERR_ARG_WRONGSTATE, "A model read by HtDMDLoad() cannot take more snapshots (the file holds no basis); call HtDMDReset() to start a new model");
  PetscCall(HtDMDCheckSnapshot(dmd, x, dmd->nsnap ? dmd->n : -1, &xs));
  PetscCall(PetscLogEventBegin(HT_DMD_Fit, dmd, xs, 0, 0));
  PetscUseTypeMethod(dmd, partialfit, xs);
  PetscCall(PetscLogEventEnd(HT_DMD_Fit, dmd, xs, 0, 0));
  PetscCall(HtTensorDestroy(&xs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the error of a use of the model before there is one */
static PetscErrorCode HtDMDCheckModel(HtDMD dmd)
{
  PetscFunctionBegin;
  PetscCheck(dmd->fitted || dmd->nsnap != 1, PetscObjectComm((PetscObject)dmd), PETSC_ERR_ARG_WRONGSTATE, "A model needs at least 2 snapshots; HtDMDPartialFit() has been given 1");
  PetscCall(HtMLCheckFitted((PetscObject)dmd, dmd->fitted));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* b (2r) of x0, or those of the first snapshot (x0 NULL) */
static PetscErrorCode HtDMDPredictAmplitudes(HtDMD dmd, HtTensor x0, PetscScalar b[])
{
  const PetscScalar *a;
  HtTensor           xs;

  PetscFunctionBegin;
  if (x0) {
    PetscCall(HtDMDCheckSnapshot(dmd, x0, dmd->n, &xs));
    PetscCall(HtDMDAmplitudes_Private(dmd, xs, b));
    PetscCall(HtTensorDestroy(&xs));
  } else {
    PetscCall(HtTensorGetArrayRead(dmd->amplitudes, &a));
    PetscCall(PetscArraycpy(b, a, 2 * dmd->r));
    PetscCall(HtTensorRestoreArrayRead(dmd->amplitudes, &a));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDPredict - Predicts future states: x_k = Re(sum_j b_j lambda_j^k phi_j) for k = 1, ..., nsteps.

   Collective

   Input Parameters:
+  dmd - the fitted DMD object
.  x0 - the state to start from, (n,) or (n, 1), split 0; NULL for the first snapshot of the fit (its amplitudes
        `HtDMDGetAmplitudes()`)
-  nsteps - the number of steps (>= 1)

   Output Parameter:
.  X - the (n, nsteps) real states, split 0 with the layout of the modes; column k - 1 is step k

   Level: beginner

   Note:
   The amplitudes b of x0 minimize || Phi b - x0 || (the part of x0 outside the span of the modes is dropped). With
   x0 NULL, column k - 1 approximates snapshot k of the fit.

.seealso: `HtDMDFit()`, `HtDMDGetAmplitudes()`, `HtDMDGetEigenvalues()`
@*/
PetscErrorCode HtDMDPredict(HtDMD dmd, HtTensor x0, PetscInt nsteps, HtTensor *X)
{
  const PetscInt     r = dmd->r, c = 2 * r;
  const PetscScalar *e;
  PetscScalar       *b, *C, *ct;
  HtTensor           M, Ct;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidPointer(X, 4);
  PetscCall(HtDMDCheckModel(dmd));
  PetscCheck(nsteps >= 1, PetscObjectComm((PetscObject)dmd), PETSC_ERR_ARG_OUTOFRANGE, "Predict at least 1 step, not %" PetscInt_FMT, nsteps);
  PetscCall(HtDMDSetUpModes_Private(dmd));
  PetscCall(PetscLogEventBegin(HT_DMD_Predict, dmd, 0, 0, 0));
  PetscCall(PetscMalloc2(c, &b, c * nsteps, &C));
  PetscCall(HtDMDPredictAmplitudes(dmd, x0, b));
  PetscCall(HtTensorGetArrayRead(dmd->eig, &e));
  for (PetscInt j = 0; j < r; j++) { /* z = lambda^k b: Re(z phi) = Re z Re phi - Im z Im phi */
    PetscReal lr = PetscRealPart(e[2 * j]), li = PetscRealPart(e[2 * j + 1]), zr = PetscRealPart(b[2 * j]), zi = PetscRealPart(b[2 * j + 1]);

    for (PetscInt k = 0; k < nsteps; k++) {
      PetscReal t = zr * lr - zi * li;

      zi                          = zr * li + zi * lr;
      zr                          = t;
      C[2 * j * nsteps + k]       = zr;
      C[(2 * j + 1) * nsteps + k] = -zi;
    }
  }
  PetscCall(HtTensorRestoreArrayRead(dmd->eig, &e));
  PetscCall(HtTensorCreate(PetscObjectComm((PetscObject)dmd), 2, (PetscInt[]){c, nsteps}, -1, HT_SCALAR, &Ct));
  PetscCall(HtTensorGetArrayWrite(Ct, &ct));
  PetscCall(PetscArraycpy(ct, C, c * nsteps));
  PetscCall(HtTensorRestoreArrayWrite(Ct, &ct));
  PetscCall(PetscFree2(b, C));
  PetscCall(HtTensorReshape(dmd->modes, 2, (PetscInt[]){dmd->n, c}, 0, &M));
  PetscCall(HtTensorMatMul(M, Ct, X));
  PetscCall(HtTensorSetName(*X, "predicted"));
  PetscCall(HtTensorDestroy(&M));
  PetscCall(HtTensorDestroy(&Ct));
  PetscCall(PetscLogEventEnd(HT_DMD_Predict, dmd, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the getters of the fitted model: a tensor owned by the object */
static PetscErrorCode HtDMDGetFitted(HtDMD dmd, PetscBool modes, HtTensor *t, HtTensor *out)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidPointer(out, 2);
  PetscCall(HtDMDCheckModel(dmd));
  if (modes) PetscCall(HtDMDSetUpModes_Private(dmd));
  *out = *t;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDGetEigenvalues - Gets the eigenvalues lambda of the reduced operator (the discrete-time DMD eigenvalues).

   Not Collective

   Input Parameter:
.  dmd - the fitted DMD object

   Output Parameter:
.  eig - an (r, 2) replicated tensor, row j the real and imaginary parts of lambda_j, owned by the object

   Level: beginner

   Note:
   The eigenvalues are sorted by decreasing modulus, equal moduli (a complex conjugate pair) by decreasing imaginary
   part, so that the order is the same on any number of ranks; mode j and amplitude j belong to eigenvalue j.

.seealso: `HtDMDGetContinuousEigenvalues()`, `HtDMDGetModes()`, `HtDMDFit()`
@*/
PetscErrorCode HtDMDGetEigenvalues(HtDMD dmd, HtTensor *eig)
{
  PetscFunctionBegin;
  PetscCall(HtDMDGetFitted(dmd, PETSC_FALSE, &dmd->eig, eig));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDGetContinuousEigenvalues - Gets the continuous-time eigenvalues omega = log(lambda) / dt: the real part is
   the growth (negative: decay) rate, the imaginary part the angular frequency of each mode.

   Not Collective

   Input Parameter:
.  dmd - the fitted DMD object

   Output Parameter:
.  omega - an (r, 2) replicated tensor (real and imaginary parts, in the order of `HtDMDGetEigenvalues()`), owned by
           the object (an eigenvalue 0 gives -Inf)

   Level: beginner

.seealso: `HtDMDSetTimeStep()`, `HtDMDGetEigenvalues()`
@*/
PetscErrorCode HtDMDGetContinuousEigenvalues(HtDMD dmd, HtTensor *omega)
{
  const PetscScalar *e;
  PetscScalar       *w;

  PetscFunctionBegin;
  PetscCall(HtDMDGetFitted(dmd, PETSC_FALSE, &dmd->eig, omega));
  PetscCall(HtTensorDestroy(&dmd->ceig));
  PetscCall(HtTensorDuplicate(dmd->eig, &dmd->ceig));
  PetscCall(HtTensorSetName(dmd->ceig, "continuous_eigenvalues"));
  PetscCall(HtTensorGetArrayRead(dmd->eig, &e));
  PetscCall(HtTensorGetArrayWrite(dmd->ceig, &w));
  for (PetscInt j = 0; j < dmd->r; j++) {
    PetscReal a = PetscRealPart(e[2 * j]), b = PetscRealPart(e[2 * j + 1]);

    w[2 * j]     = PetscLogReal(PetscSqrtReal(a * a + b * b)) / dmd->dt;
    w[2 * j + 1] = PetscAtan2Real(b, a) / dmd->dt;
  }
  PetscCall(HtTensorRestoreArrayWrite(dmd->ceig, &w));
  PetscCall(HtTensorRestoreArrayRead(dmd->eig, &e));
  *omega = dmd->ceig;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDGetModes - Gets the DMD modes (exact DMD modes Phi = Y V S^-1 W).

   Collective (the streaming type computes them on the first call after new snapshots)

   Input Parameter:
.  dmd - the fitted DMD object

   Output Parameter:
.  modes - an (n, r, 2) tensor split 0 (the layout of the snapshots): [i, j, 0] and [i, j, 1] are the real and
           imaginary parts of entry i of mode j; owned by the object

   Level: beginner

   Note:
   A mode is defined up to a complex factor; each is scaled to unit 2-norm and turned so that its entry of largest
   magnitude is real and positive (of entries equal to 1e-8 relative, the first in global order), which makes the
   modes the same on any number of ranks. The two modes of a complex conjugate pair of eigenvalues are conjugate.

.seealso: `HtDMDGetEigenvalues()`, `HtDMDGetAmplitudes()`
@*/
PetscErrorCode HtDMDGetModes(HtDMD dmd, HtTensor *modes)
{
  PetscFunctionBegin;
  PetscCall(HtDMDGetFitted(dmd, PETSC_TRUE, &dmd->modes, modes));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDGetAmplitudes - Gets the amplitudes b of the first snapshot: the least-squares solution of Phi b = x_0 for
   the modes Phi of `HtDMDGetModes()`.

   Collective (the streaming type computes them on the first call after new snapshots)

   Input Parameter:
.  dmd - the fitted DMD object

   Output Parameter:
.  b - an (r, 2) replicated tensor (real and imaginary parts), owned by the object

   Level: beginner

.seealso: `HtDMDGetModes()`, `HtDMDPredict()`
@*/
PetscErrorCode HtDMDGetAmplitudes(HtDMD dmd, HtTensor *b)
{
  PetscFunctionBegin;
  PetscCall(HtDMDGetFitted(dmd, PETSC_TRUE, &dmd->amplitudes, b));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDGetSingularValues - Gets the singular values of the snapshots X0 = X[:, :-1], all of them, not only the r of
   the model (streaming: those of the snapshots projected on its basis).

   Not Collective

   Input Parameter:
.  dmd - the fitted DMD object

   Output Parameter:
.  sv - the decreasing singular values, replicated, owned by the object

   Level: intermediate

.seealso: `HtDMDSetRank()`, `HtDMDSetTolerance()`
@*/
PetscErrorCode HtDMDGetSingularValues(HtDMD dmd, HtTensor *sv)
{
  PetscFunctionBegin;
  PetscCall(HtDMDGetFitted(dmd, PETSC_FALSE, &dmd->sv, sv));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDGetNumSnapshots - Gets the number of snapshots of the model (those folded in so far by the streaming type).

   Not Collective

   Input Parameter:
.  dmd - the DMD object

   Output Parameter:
.  m - the number of snapshots

   Level: intermediate

.seealso: `HtDMDPartialFit()`
@*/
PetscErrorCode HtDMDGetNumSnapshots(HtDMD dmd, PetscInt *m)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidIntPointer(m, 2);
  *m = dmd->nsnap;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDGetConvergedReason - Gets how the last fit ended.

   Not Collective

   Input Parameter:
.  dmd - the DMD object

   Output Parameter:
.  reason - the reason (`HT_DMD_CONVERGED_ITERATING` before a model exists)

   Level: intermediate

.seealso: `HtDMDConvergedReasonView()`
@*/
PetscErrorCode HtDMDGetConvergedReason(HtDMD dmd, HtDMDConvergedReason *reason)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidPointer(reason, 2);
  *reason = dmd->reason;
  PetscFunctionReturn(PETSC_SUCCESS);
}
