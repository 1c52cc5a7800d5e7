/*
   HtDMD: the parameters, set in code or from the options database.
*/
#include <heat/private/dmdimpl.h>

/*@C
   HtDMDSetRank - Sets the rank of the model: the number of singular values of the snapshots X0 = X[:, :-1] kept, so
   the number of eigenvalues and modes.

   Logically Collective

   Input Parameters:
+  dmd - the DMD object
-  rank - the rank (at most min(n, m - 1) for n state values and m snapshots), or 0 to keep the singular values
          above the tolerance times the largest (`HtDMDSetTolerance()`)

   Options Database Key:
.  -ht_dmd_rank <r> - the rank (0: chosen by -ht_dmd_tol)

   Level: beginner

   Note:
   The rank is never more than the numerical rank of the snapshots (the singular values above 1e-13 times the
   largest): beyond it the reduced operator would only fit rounding errors. The streaming type with fewer snapshots
   than the rank has so far the rank the snapshots allow.

.seealso: `HtDMDGetRank()`, `HtDMDSetTolerance()`
@*/
PetscErrorCode HtDMDSetRank(HtDMD dmd, PetscInt rank)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidLogicalCollectiveInt(dmd, rank, 2);
  PetscCheck(rank >= 0, PetscObjectComm((PetscObject)dmd), PETSC_ERR_ARG_OUTOFRANGE, "The rank must be at least 1, or 0 to choose it by the tolerance; not %" PetscInt_FMT, rank);
  PetscCall(HtMLObjectSetParameter(&HtDMDClass, (PetscObject)dmd, &dmd->rank, &rank, sizeof(rank)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDGetRank - Gets the rank: of the fitted model after a fit, else the rank asked for (0: chosen by the tolerance).

   Not Collective

   Input Parameter:
.  dmd - the DMD object

   Output Parameter:
.  rank - the rank

   Level: beginner

.seealso: `HtDMDSetRank()`
@*/
PetscErrorCode HtDMDGetRank(HtDMD dmd, PetscInt *rank)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidIntPointer(rank, 2);
  *rank = dmd->fitted ? dmd->r : dmd->rank;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDSetTolerance - Sets the truncation tolerance: with rank 0, the singular values of X0 below tol times the
   largest are dropped; the streaming type also adds a snapshot's direction to its basis only when the part of the
   snapshot outside the basis is larger than max(tol, 1e-12) times the snapshot.

   Logically Collective

   Input Parameters:
+  dmd - the DMD object
-  tol - the relative tolerance, in [0, 1) (default 1e-10)

   Options Database Key:
.  -ht_dmd_tol <1e-10> - the tolerance

   Level: beginner

.seealso: `HtDMDSetRank()`, `HtDMDGetSingularValues()`
@*/
PetscErrorCode HtDMDSetTolerance(HtDMD dmd, PetscReal tol)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidLogicalCollectiveReal(dmd, tol, 2);
  PetscCheck(tol >= 0 && tol < 1, PetscObjectComm((PetscObject)dmd), PETSC_ERR_ARG_OUTOFRANGE, "The tolerance must be in [0, 1), not %g", (double)tol);
  PetscCall(HtMLObjectSetParameter(&HtDMDClass, (PetscObject)dmd, &dmd->tol, &tol, sizeof(tol)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDGetTolerance - Gets the truncation tolerance.

   Not Collective

   Input Parameter:
.  dmd - the DMD object

   Output Parameter:
.  tol - the tolerance

   Level: beginner

.seealso: `HtDMDSetTolerance()`
@*/
PetscErrorCode HtDMDGetTolerance(HtDMD dmd, PetscReal *tol)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidRealPointer(tol, 2);
  *tol = dmd->tol;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDSetTimeStep - Sets the time between two snapshots, for the continuous eigenvalues log(lambda) / dt.

   Logically Collective

   Input Parameters:
+  dmd - the DMD object
-  dt - the time step (> 0, default 1)

   Options Database Key:
.  -ht_dmd_time_step <1> - the time step

   Level: beginner

.seealso: `HtDMDGetContinuousEigenvalues()`
@*/
PetscErrorCode HtDMDSetTimeStep(HtDMD dmd, PetscReal dt)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidLogicalCollectiveReal(dmd, dt, 2);
  PetscCheck(dt > 0 && !PetscIsInfOrNanReal(dt), PetscObjectComm((PetscObject)dmd), PETSC_ERR_ARG_OUTOFRANGE, "The time step must be positive and finite, not %g", (double)dt);
  dmd->dt = dt;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDGetTimeStep - Gets the time between two snapshots.

   Not Collective

   Input Parameter:
.  dmd - the DMD object

   Output Parameter:
.  dt - the time step

   Level: beginner

.seealso: `HtDMDSetTimeStep()`
@*/
PetscErrorCode HtDMDGetTimeStep(HtDMD dmd, PetscReal *dt)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidRealPointer(dt, 2);
  *dt = dmd->dt;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDSetFromOptions - Sets the type and parameters from the options database.

   Collective

   Input Parameter:
.  dmd - the DMD object

   Options Database Keys:
+  -ht_dmd_type <exact> - exact, streaming
.  -ht_dmd_rank <0> - rank of the model (0: chosen by the tolerance)
.  -ht_dmd_tol <1e-10> - drop the singular values below tol times the largest (rank 0)
.  -ht_dmd_max_rank <r> - columns of the streaming type's basis (`HtDMDStreamingSetMaxRank()`)
.  -ht_dmd_time_step <1> - time between snapshots (continuous eigenvalues)
.  -ht_dmd_monitor [ascii[:file]] - print snapshots, rank and leading eigenvalue modulus after every snapshot of the
   streaming type; draw::draw_lg draws the modulus (`HtDMDMonitorSet()`)
.  -ht_dmd_monitor_cancel - remove every monitor, also those set in the code
.  -ht_dmd_view [viewer] - view the object after `HtDMDFit()` (hdf5:model.h5 writes the model)
-  -ht_dmd_converged_reason [::failed] - print how `HtDMDFit()` ended

   Level: beginner

.seealso: `HtDMDSetType()`, `HtDMDView()`
@*/
PetscErrorCode HtDMDSetFromOptions(HtDMD dmd)
{
  PetscBool set;
  PetscInt  rank = dmd->rank;
  PetscReal tol = dmd->tol, dt = dmd->dt;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscCall(HtDMDInitializePackage());
  PetscObjectOptionsBegin((PetscObject)dmd);
  PetscCall(HtMLObjectOptionsType(&HtDMDClass, (PetscObject)dmd, PetscOptionsObject));
  PetscCall(PetscOptionsInt("-ht_dmd_rank", "Rank of the model (0: chosen by -ht_dmd_tol)", "HtDMDSetRank", rank, &rank, &set));
  if (set) PetscCall(HtDMDSetRank(dmd, rank));
  PetscCall(PetscOptionsReal("-ht_dmd_tol", "Drop the singular values below tol times the largest", "HtDMDSetTolerance", tol, &tol, &set));
  if (set) PetscCall(HtDMDSetTolerance(dmd, tol));
  PetscCall(PetscOptionsReal("-ht_dmd_time_step", "Time between snapshots (continuous eigenvalues)", "HtDMDSetTimeStep", dt, &dt, &set));
  if (set) PetscCall(HtDMDSetTimeStep(dmd, dt));
  PetscCall(HtMLObjectOptionsEnd(&HtDMDClass, (PetscObject)dmd, PetscOptionsObject));
  PetscOptionsEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}
