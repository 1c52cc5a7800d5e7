/*
   The normal equations of ridge and ols: Q = Xc^T Xc and q = Xc^T yc from one pass over the data and one reduction
   (HtRegressorGram_Private()), then LAPACK on every rank's copy: Cholesky of Q + alpha I (ridge), or the symmetric
   eigensolver of Q for the minimum-norm solution (ols).
*/
#include <../src/ml/regressor/impls/ridge/ridgeimpl.h>
#include <petscblaslapack.h>

/* w = (Q + alpha I)^{-1} q by Cholesky */
static PetscErrorCode HtLSCholesky(HtRegressor reg, PetscScalar Q[], PetscReal alpha, PetscScalar q[])
{
  PetscBLASInt bf, one = 1, info;

  PetscFunctionBegin;
  PetscCall(PetscBLASIntCast(reg->f, &bf));
  for (PetscInt j = 0; j < reg->f; j++) Q[j * reg->f + j] += alpha;
  PetscCallBLAS("LAPACKpotrf", LAPACKpotrf_("L", &bf, Q, &bf, &info));
  PetscCheck(info >= 0, PETSC_COMM_SELF, PETSC_ERR_LIB, "LAPACK potrf failed: argument %d", (int)-info);
  PetscCheck(info == 0, PetscObjectComm((PetscObject)reg), PETSC_ERR_MAT_LU_ZRPVT, "X^T X + alpha I of the centered data is singular (alpha = %g and the features are linearly dependent); use alpha > 0 or -ht_regressor_type ols", (double)alpha);
  PetscCallBLAS("LAPACKpotrs", LAPACKpotrs_("L", &bf, &one, Q, &bf, q, &bf, &info));
  PetscCheck(info == 0, PETSC_COMM_SELF, PETSC_ERR_LIB, "LAPACK potrs failed: argument %d", (int)-info);
  PetscCall(PetscArraycpy(reg->w, q, reg->f));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   w = Q^+ q, the minimum-norm least-squares solution: Q = V diag(lambda) V^T, and the eigenvalues below
   max(samples, features) machine epsilon times the largest count as 0 (the singular values of Xc below
   sqrt(max(samples, features) epsilon) times the largest)
*/
static PetscErrorCode HtLSMinimumNorm(HtRegressor reg, PetscScalar Q[], const PetscScalar q[])
{
  PetscBLASInt bf, lwork, info;
  PetscInt     f = reg->f;
  PetscReal   *lambda, cutoff;
  PetscScalar *work, qw;

  PetscFunctionBegin;
  PetscCall(PetscBLASIntCast(f, &bf));
  PetscCall(PetscBLASIntCast(PetscMax(1, 3 * f), &lwork));
  PetscCall(PetscMalloc2(f, &lambda, lwork, &work));
  PetscCallBLAS("LAPACKsyev", LAPACKsyev_("V", "U", &bf, Q, &bf, lambda, work, &lwork, &info));
  PetscCheck(info == 0, PETSC_COMM_SELF, PETSC_ERR_LIB, "LAPACK syev failed: %d", (int)info);
  cutoff = PetscMax(lambda[f - 1], 0) * PetscMax(reg->n, f) * PETSC_MACHINE_EPSILON;
  PetscCall(PetscArrayzero(reg->w, f));
  for (PetscInt i = 0; i < f; i++) {
    const PetscScalar *v = Q + i * f; /* the eigenvector of lambda[i] */

    if (!(lambda[i] > cutoff)) continue;
    qw = 0;
    for (PetscInt j = 0; j < f; j++) qw += v[j] * q[j];
    for (PetscInt j = 0; j < f; j++) reg->w[j] += v[j] * qw / lambda[i];
  }
  PetscCall(PetscFree2(lambda, work));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtLSNormalSolve - ridge (alpha, Cholesky) or, minnorm, ols's minimum-norm solution from the normal equations */
PetscErrorCode HtLSNormalSolve(HtRegressor reg, HtTensor Xs, HtTensor ys, PetscReal alpha, PetscBool minnorm)
{
  PetscScalar *Q, *q;
  PetscReal    yy;

  PetscFunctionBegin;
  PetscCall(PetscMalloc2(reg->f * reg->f, &Q, reg->f, &q));
  PetscCall(HtRegressorGram_Private(reg, Xs, ys, Q, q, &yy));
  if (minnorm) PetscCall(HtLSMinimumNorm(reg, Q, q));
  else PetscCall(HtLSCholesky(reg, Q, alpha, q));
  PetscCall(PetscFree2(Q, q));
  reg->its    = 1;
  reg->reason = HT_REGRESSOR_CONVERGED_DIRECT;
  PetscFunctionReturn(PETSC_SUCCESS);
}
