/*
   The LSQR route of ridge and ols, for many features: PETSc's KSPLSQR on a MATSHELL A that applies the centered data
   without copying it, A x = Xc x (HtSamplesCenteredProduct()) and A^T u = Xc^T u (HtSamplesCenteredTransposeProduct(),
   one reduction); ridge's penalty is the augmented operator [Xc; sqrt(alpha) I] with the right-hand side [yc; 0]
   (PETSc 3.18's LSQR has no damping), whose f extra rows are distributed as the coefficients. The coefficients are a
   Vec of f entries; a multiplication gathers them on every rank (VecScatterCreateToAll()).
*/
#include <../src/ml/regressor/impls/ridge/ridgeimpl.h>

typedef struct {
  HtSamples          s;
  const PetscScalar *mu;
  PetscReal          sqrta;      /* sqrt(alpha): the augmented rows, none when 0 */
  PetscInt           cstart, fl; /* the local range of the coefficients */
  VecScatter         toall;
  Vec                xall;
  PetscScalar       *zfull;
} HtLSOperator;

static PetscErrorCode HtLSMult(Mat A, Vec x, Vec y)
{
  HtLSOperator      *op;
  const PetscScalar *xa, *xl;
  PetscScalar       *ya;

  PetscFunctionBegin;
  PetscCall(MatShellGetContext(A, &op));
  PetscCall(VecScatterBegin(op->toall, x, op->xall, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterEnd(op->toall, x, op->xall, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecGetArrayRead(op->xall, &xa));
  PetscCall(VecGetArray(y, &ya));
  PetscCall(HtSamplesCenteredProduct(&op->s, op->mu, 1, xa, ya));
  PetscCall(VecGetArrayRead(x, &xl));
  if (op->sqrta > 0)
    for (PetscInt k = 0; k < op->fl; k++) ya[op->s.m + k] = op->sqrta * xl[k];
  PetscCall(VecRestoreArrayRead(x, &xl));
  PetscCall(VecRestoreArray(y, &ya));
  PetscCall(VecRestoreArrayRead(op->xall, &xa));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtLSMultTranspose(Mat A, Vec u, Vec z)
{
  HtLSOperator      *op;
  const PetscScalar *ua;
  PetscScalar       *za;

  PetscFunctionBegin;
  PetscCall(MatShellGetContext(A, &op));
  PetscCall(VecGetArrayRead(u, &ua));
  PetscCall(HtSamplesCenteredTransposeProduct(&op->s, op->mu, 1, ua, op->zfull));
  PetscCall(VecGetArray(z, &za));
  for (PetscInt k = 0; k < op->fl; k++) za[k] = op->zfull[op->cstart + k] + (op->sqrta > 0 ? op->sqrta * ua[op->s.m + k] : 0);
  PetscCall(VecRestoreArray(z, &za));
  PetscCall(VecRestoreArrayRead(u, &ua));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the right-hand side [yc; 0] with the rows of the operator */
static PetscErrorCode HtLSRightHandSide(HtRegressor reg, HtLSOperator *op, HtTensor ys, Vec *b)
{
  const PetscScalar *y;
  PetscScalar       *ba;

  PetscFunctionBegin;
  PetscCall(VecCreateMPI(PetscObjectComm((PetscObject)reg), op->s.m + (op->sqrta > 0 ? op->fl : 0), PETSC_DETERMINE, b));
  PetscCall(VecZeroEntries(*b));
  PetscCall(HtTensorGetArrayRead(ys, &y));
  PetscCall(VecGetArray(*b, &ba));
  for (PetscInt i = 0; i < op->s.m; i++) ba[i] = y[i] - reg->ymean;
  PetscCall(VecRestoreArray(*b, &ba));
  PetscCall(HtTensorRestoreArrayRead(ys, &y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the solution of the KSP as the coefficients of every rank, and how the solve went */
static PetscErrorCode HtLSSolution(HtRegressor reg, KSP ksp, HtLSOperator *op, Vec x)
{
  const PetscScalar *xa;
  KSPConvergedReason kreason;

  PetscFunctionBegin;
  PetscCall(VecScatterBegin(op->toall, x, op->xall, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterEnd(op->toall, x, op->xall, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecGetArrayRead(op->xall, &xa));
  PetscCall(PetscArraycpy(reg->w, xa, reg->f));
  PetscCall(VecRestoreArrayRead(op->xall, &xa));
  PetscCall(KSPGetIterationNumber(ksp, &reg->its));
  PetscCall(KSPGetConvergedReason(ksp, &kreason));
  reg->reason = kreason > 0 ? HT_REGRESSOR_CONVERGED_RTOL : (kreason == KSP_DIVERGED_ITS ? HT_REGRESSOR_DIVERGED_ITS : HT_REGRESSOR_DIVERGED_KSP);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtLSLSQRSolve - min |yc - Xc w|^2 + alpha |w|^2 by LSQR (the minimum-norm solution for alpha = 0, from w = 0) */
PetscErrorCode HtLSLSQRSolve(HtRegressor reg, HtTensor Xs, HtTensor ys, PetscReal alpha)
{
  MPI_Comm     comm = PetscObjectComm((PetscObject)reg);
  HtLSOperator op;
  HtTensor     Xc;
  Mat          A;
  Vec          x, b;
  KSP          ksp;
  PC           pc;
  PetscReal    yy;
  PetscInt     cend;

  PetscFunctionBegin;
  PetscCall(HtMLCheckData((PetscObject)reg, Xs, reg->f, &Xc));
  PetscCall(HtTensorDestroy(&Xc));
  PetscCall(HtRegressorMeans_Private(reg, Xs, ys, &yy));
  op.mu    = reg->xmean;
  op.sqrta = PetscSqrtReal(alpha);
  PetscCall(VecCreateMPI(comm, PETSC_DECIDE, reg->f, &x));
  PetscCall(VecGetOwnershipRange(x, &op.cstart, &cend));
  op.fl = cend - op.cstart;
  PetscCall(VecScatterCreateToAll(x, &op.toall, &op.xall));
  PetscCall(PetscMalloc1(reg->f, &op.zfull));
  PetscCall(HtTensorGetSamples(Xs, NULL, &op.s));
  PetscCall(HtLSRightHandSide(reg, &op, ys, &b));
  PetscCall(MatCreateShell(comm, op.s.m + (alpha > 0 ? op.fl : 0), op.fl, PETSC_DETERMINE, reg->f, &op, &A));
  PetscCall(MatShellSetOperation(A, MATOP_MULT, (void (*)(void))HtLSMult));
  PetscCall(MatShellSetOperation(A, MATOP_MULT_TRANSPOSE, (void (*)(void))HtLSMultTranspose));
  PetscCall(HtRegressorGetKSP(reg, &ksp));
  PetscCall(KSPSetOperators(ksp, A, A));
  PetscCall(KSPGetPC(ksp, &pc));
  PetscCall(PCSetType(pc, PCNONE));
  PetscCall(KSPSetTolerances(ksp, reg->tol, PETSC_DEFAULT, PETSC_DEFAULT, reg->max_it));
  PetscCall(KSPSetFromOptions(ksp));
  PetscCall(KSPSolve(ksp, b, x));
  PetscCall(HtLSSolution(reg, ksp, &op, x));
  PetscCall(HtTensorRestoreSamples(Xs, NULL, &op.s));
  PetscCall(MatDestroy(&A));
  PetscCall(VecDestroy(&b));
  PetscCall(VecDestroy(&x));
  PetscCall(VecDestroy(&op.xall));
  PetscCall(VecScatterDestroy(&op.toall));
  PetscCall(PetscFree(op.zfull));
  PetscFunctionReturn(PETSC_SUCCESS);
}
