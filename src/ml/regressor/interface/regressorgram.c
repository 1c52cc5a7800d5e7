/*
   HtRegressor: the normal equations of the centered problem formed in one pass over the data, shared by the Gram
   routes of every type (coordinate descent on the Gram matrix, ridge's Cholesky, ols's eigensolver).
*/
#include <heat/private/regressorimpl.h>

/*
   HtRegressorGram_Private - Q (f x f) = Xc^T Xc, q (f) = Xc^T yc and yy = |yc|^2 of the data centered by their means
   (reg->xmean, reg->ymean set) when the model has an intercept, else of the data themselves (means 0): one pass over
   X and y together (the moments of the f + 1 variables (x, y)) and one reduction
*/
PetscErrorCode HtRegressorGram_Private(HtRegressor reg, HtTensor Xs, HtTensor ys, PetscScalar Q[], PetscScalar q[], PetscReal *yy)
{
  const PetscInt     f = reg->f, nv = f + 1, n = reg->n;
  HtSamples          s;
  const PetscScalar *y;
  PetscReal         *mean, *S, c;

  PetscFunctionBegin;
  PetscCall(PetscMalloc2(nv, &mean, nv * nv, &S));
  PetscCall(HtTensorGetSamples(Xs, NULL, &s));
  PetscCall(HtTensorGetArrayRead(ys, &y));
  PetscCall(PetscLogEventBegin(HT_REGRESSOR_Gram, reg, Xs, ys, 0));
  PetscCall(HtSamplesScatterTarget(&s, y, mean, S));
  PetscCall(PetscLogEventEnd(HT_REGRESSOR_Gram, reg, Xs, ys, 0));
  PetscCall(HtTensorRestoreArrayRead(ys, &y));
  PetscCall(HtTensorRestoreSamples(Xs, NULL, &s));
  PetscCall(HtMLCheckMoments((PetscObject)reg, Xs, f, nv, mean, S));
  c = reg->fit_intercept ? 0 : n; /* without an intercept: the sums about the origin, S + n mean mean^T */
  for (PetscInt r = 0; r < f; r++) {
    for (PetscInt k = 0; k < f; k++) Q[r * f + k] = S[r * nv + k] + c * mean[r] * mean[k];
    q[r]          = S[r * nv + f] + c * mean[r] * mean[f];
    reg->xmean[r] = reg->fit_intercept ? mean[r] : 0;
  }
  *yy        = S[nv * nv - 1] + c * mean[f] * mean[f];
  reg->ymean = reg->fit_intercept ? mean[f] : 0;
  PetscCall(PetscFree2(mean, S));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtRegressorMeans_Private - the means of the features and of the target (reg->xmean, reg->ymean; 0 without an
   intercept) and yy = |yc|^2, for the routes that center implicitly (the products subtract the means): shifted
   one-pass moments of X (HtTensorColumnMoments()), and two reductions for y
*/
PetscErrorCode HtRegressorMeans_Private(HtRegressor reg, HtTensor Xs, HtTensor ys, PetscReal *yy)
{
  HtSamples          s;
  const PetscScalar *y;
  PetscScalar        sum = 0, ss = 0;
  PetscReal          trace;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(Xs, NULL, &s));
  PetscCall(HtTensorGetArrayRead(ys, &y));
  if (reg->fit_intercept) {
    PetscCall(HtTensorColumnMoments(Xs, reg->xmean, &trace));
    for (PetscInt i = 0; i < s.m; i++) sum += y[i];
    PetscCall(HtSamplesSumScalar(&s, 1, &sum));
  } else PetscCall(PetscArrayzero(reg->xmean, reg->f));
  reg->ymean = PetscRealPart(sum) / reg->n;
  for (PetscInt i = 0; i < s.m; i++) ss += (y[i] - reg->ymean) * (y[i] - reg->ymean);
  PetscCall(HtSamplesSumScalar(&s, 1, &ss));
  *yy = PetscRealPart(ss);
  PetscCall(HtTensorRestoreArrayRead(ys, &y));
  PetscCall(HtTensorRestoreSamples(Xs, NULL, &s));
  PetscFunctionReturn(PETSC_SUCCESS);
}
