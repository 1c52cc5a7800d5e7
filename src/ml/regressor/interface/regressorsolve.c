/*
   HtRegressor: setting up, fitting, predicting, scoring, and the fitted results.
*/
#include <heat/private/regressorimpl.h>

/*@C
   HtRegressorSetUp - Prepares the object for fitting (called by `HtRegressorFit()` if needed).

   Collective

   Input Parameter:
.  reg - the regressor

   Level: advanced

.seealso: `HtRegressorFit()`
@*/
PetscErrorCode HtRegressorSetUp(HtRegressor reg)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscCall(HtMLObjectSetUp(&HtRegressorClass, (PetscObject)reg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* y, of shape (N) or (N, 1), as a checked finite 1-d target ys with the layout of the samples of Xs */
static PetscErrorCode HtRegressorCheckTarget(HtRegressor reg, HtTensor Xs, HtTensor y, HtTensor *ys)
{
  const PetscInt *shape;
  PetscInt        ndim, bad, first;
  HtDType         dtype;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(y, HT_TENSOR_CLASSID, 3);
  PetscCall(HtTensorGetNDim(y, &ndim));
  PetscCall(HtTensorGetShape(y, &shape));
  PetscCall(HtTensorGetDType(y, &dtype));
  PetscCheck(dtype == HT_SCALAR, PetscObjectComm((PetscObject)reg), PETSC_ERR_ARG_WRONG, "The target must be an HT_SCALAR tensor, not %s; convert it with HtTensorAsType()", HtDTypes[dtype]);
  if (ndim == 2 && shape[1] == 1) PetscCall(HtTensorReshape(y, 1, shape, 0, ys));
  else {
    PetscCall(PetscObjectReference((PetscObject)y));
    *ys = y;
  }
  PetscCall(HtMLCheckTarget((PetscObject)reg, Xs, *ys));
  PetscCall(HtTensorCountNonFinite(*ys, &bad, &first));
  if (bad) PetscCall(HtTensorDestroy(ys));
  PetscCheck(!bad, PetscObjectComm((PetscObject)reg), PETSC_ERR_FP, "The target contains %" PetscInt_FMT " NaN or Inf values (the first in sample %" PetscInt_FMT "); remove or impute them before linear regression", bad, first);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtRegressorCheckFit_Private - the data of a fit: X (its layout; the values are checked by the types, the Gram routes
   only when the sums show a NaN or Inf) split along the samples as Xs, and the target as a finite 1-d ys of its layout
*/
PetscErrorCode HtRegressorCheckFit_Private(HtRegressor reg, HtTensor X, HtTensor y, HtTensor *Xs, HtTensor *ys)
{
  const PetscInt *shape;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscCheckSameComm(reg, 1, X, 2);
  PetscCall(HtRegressorSetUp(reg));
  PetscCall(HtMLCheckDataLayout((PetscObject)reg, X, -1, Xs));
  PetscCall(HtTensorGetShape(*Xs, &shape));
  PetscCheck(shape[0] >= 2, PetscObjectComm((PetscObject)reg), PETSC_ERR_ARG_SIZ, "Linear regression needs at least 2 samples; the data have %" PetscInt_FMT, shape[0]);
  PetscCall(HtRegressorCheckTarget(reg, *Xs, y, ys));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtRegressorAllocateResult_Private - room for the result of a fit to n samples of f features: the coefficients start
   at 0, or keep their values as a warm start (a path) when reg->warm is set and f is unchanged
*/
PetscErrorCode HtRegressorAllocateResult_Private(HtRegressor reg, PetscInt n, PetscInt f)
{
  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&reg->coef));
  if (!(reg->warm && reg->w && reg->f == f)) {
    PetscCall(PetscFree2(reg->w, reg->xmean));
    PetscCall(PetscCalloc2(f, &reg->w, f, &reg->xmean));
  }
  reg->n           = n;
  reg->f           = f;
  reg->ymean       = 0;
  reg->its         = 0;
  reg->gap         = 0;
  reg->nreductions = 0;
  reg->fitted      = PETSC_FALSE;
  reg->reason      = HT_REGRESSOR_CONVERGED_ITERATING;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtRegressorSetModel_Private - the coefficient tensor and the intercept ymean - xmean . w from a type's result */
PetscErrorCode HtRegressorSetModel_Private(HtRegressor reg)
{
  PetscScalar *c, dot = 0;

  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&reg->coef));
  PetscCall(HtTensorCreate(PetscObjectComm((PetscObject)reg), 1, &reg->f, -1, HT_SCALAR, &reg->coef));
  PetscCall(HtTensorSetName(reg->coef, "coef"));
  PetscCall(HtTensorGetArrayWrite(reg->coef, &c));
  for (PetscInt j = 0; j < reg->f; j++) {
    c[j] = reg->w[j];
    dot += reg->xmean[j] * reg->w[j];
  }
  PetscCall(HtTensorRestoreArrayWrite(reg->coef, &c));
  reg->intercept = reg->fit_intercept ? reg->ymean - PetscRealPart(dot) : 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorFit - Fits the linear model to samples and their targets.

   Collective

   Input Parameters:
+  reg - the regressor
.  X - an `HT_SCALAR` tensor of shape (samples, features) with no NaN or Inf, best split along the samples (axis 0);
       other splits are redistributed so first (see -info)
-  y - the targets: an `HT_SCALAR` tensor of shape (samples) or (samples, 1), split along axis 0 with the layout of
       X's samples, with no NaN or Inf

   Level: beginner

   Notes:
   Afterwards `HtRegressorGetCoefficients()` and `HtRegressorGetIntercept()` give the model (scikit-learn's coef_ and
   intercept_), `HtRegressorGetIterationNumber()` and `HtRegressorGetDualityGap()` how the fit went. The intercept comes
   from centering: the features and the target are centered by their means (implicitly: X is never copied), and
   b = mean(y) - mean(X) . w. A feature that is constant gets the coefficient 0 (lasso, elasticnet, ols) as in
   scikit-learn.

.seealso: `HtRegressorPredict()`, `HtRegressorScore()`, `HtRegressorLassoPath()`
@*/
PetscErrorCode HtRegressorFit(HtRegressor reg, HtTensor X, HtTensor y)
{
  HtTensor        Xs, ys;
  const PetscInt *shape;

  PetscFunctionBegin;
  PetscCall(HtRegressorCheckFit_Private(reg, X, y, &Xs, &ys));
  PetscCall(HtTensorGetShape(Xs, &shape));
  PetscCall(HtRegressorAllocateResult_Private(reg, shape[0], shape[1]));
  PetscCall(PetscLogEventBegin(HT_REGRESSOR_Fit, reg, Xs, ys, 0));
  PetscUseTypeMethod(reg, fit, Xs, ys);
  PetscCall(HtRegressorSetModel_Private(reg));
  PetscCall(PetscLogEventEnd(HT_REGRESSOR_Fit, reg, Xs, ys, 0));
  PetscCall(HtTensorDestroy(&Xs));
  PetscCall(HtTensorDestroy(&ys));
  reg->fitted = PETSC_TRUE;
  PetscCall(HtRegressorConvergedReasonViewFromOptions(reg));
  PetscCall(HtRegressorViewFromOptions(reg, NULL, "-ht_regressor_view"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorLassoPath - Fits lasso or elastic net for a decreasing sequence of penalties, each fit starting from the
   coefficients of the one before (warm starts): scikit-learn's lasso_path / enet_path.

   Collective

   Input Parameters:
+  reg - the regressor, of type `HTREGRESSORLASSO` or `HTREGRESSORELASTICNET`
.  X - (samples, features) data, split 0
.  y - the targets, as for `HtRegressorFit()`
.  n_alphas - the number of penalties (at least 1)
-  eps - alpha_min / alpha_max, in (0, 1]

   Output Parameters:
+  alphas - the n_alphas penalties, replicated: alpha_max = max_j |X_j^T y| / (samples l1_ratio) (of the centered data
            when the model has an intercept), down to eps alpha_max on a logarithmic grid
-  coefs - (features, n_alphas) replicated: column k holds the coefficients for alphas[k]

   Level: intermediate

   Notes:
   The gram solver forms the Gram matrix once for the whole path. The object's alpha is left unchanged; after the call
   it holds the model of the smallest penalty (with its intercept, iterations and duality gap).

.seealso: `HtRegressorFit()`, `HtRegressorSetAlpha()`
@*/
PetscErrorCode HtRegressorLassoPath(HtRegressor reg, HtTensor X, HtTensor y, PetscInt n_alphas, PetscReal eps, HtTensor *alphas, HtTensor *coefs)
{
  PetscErrorCode (*path)(HtRegressor, HtTensor, HtTensor, PetscInt, PetscReal, HtTensor *, HtTensor *);

  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidPointer(alphas, 6);
  PetscValidPointer(coefs, 7);
  PetscCheck(n_alphas >= 1, PetscObjectComm((PetscObject)reg), PETSC_ERR_ARG_OUTOFRANGE, "The path needs at least 1 penalty, not %" PetscInt_FMT, n_alphas);
  PetscCheck(eps > 0 && eps <= 1, PetscObjectComm((PetscObject)reg), PETSC_ERR_ARG_OUTOFRANGE, "eps = alpha_min / alpha_max must be in (0, 1], not %g", (double)eps);
  PetscCall(HtRegressorSetUp(reg));
  PetscCall(PetscObjectQueryFunction((PetscObject)reg, "HtRegressorLassoPath_C", &path));
  PetscCheck(path, PetscObjectComm((PetscObject)reg), PETSC_ERR_SUP, "HtRegressorLassoPath() needs the lasso or elasticnet type (-ht_regressor_type lasso), not %s", ((PetscObject)reg)->type_name);
  PetscCall((*path)(reg, X, y, n_alphas, eps, alphas, coefs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* X, checked as new data of the fitted model, split along the samples */
static PetscErrorCode HtRegressorCheckNewData(HtRegressor reg, HtTensor X, HtTensor *Xs)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscCheckSameComm(reg, 1, X, 2);
  PetscCall(HtMLCheckFitted((PetscObject)reg, reg->fitted));
  PetscCall(HtMLCheckData((PetscObject)reg, X, reg->f, Xs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* yhat = Xs w + b for the samples of Xs, with their layout */
static PetscErrorCode HtRegressorPredictSamples(HtRegressor reg, HtTensor Xs, HtTensor *yhat)
{
  HtSamples    s;
  PetscScalar *p;

  PetscFunctionBegin;
  PetscCall(HtMLCreateSampleTensor(Xs, 0, HT_SCALAR, "prediction", yhat));
  PetscCall(HtTensorGetSamples(Xs, NULL, &s));
  PetscCall(HtTensorGetArrayWrite(*yhat, &p));
  PetscCall(HtSamplesCenteredProduct(&s, NULL, 1, reg->w, p));
  for (PetscInt i = 0; i < s.m; i++) p[i] += reg->intercept;
  PetscCall(HtTensorRestoreArrayWrite(*yhat, &p));
  PetscCall(HtTensorRestoreSamples(Xs, NULL, &s));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorPredict - Predicts the targets of samples: X w + b.

   Collective

   Input Parameters:
+  reg - the fitted regressor
-  X - (samples, features) data with the features of the training data, split 0

   Output Parameter:
.  yhat - the (samples) predictions, split 0 with the layout of X's samples

   Level: beginner

.seealso: `HtRegressorFit()`, `HtRegressorScore()`
@*/
PetscErrorCode HtRegressorPredict(HtRegressor reg, HtTensor X, HtTensor *yhat)
{
  HtTensor Xs;

  PetscFunctionBegin;
  PetscValidPointer(yhat, 3);
  PetscCall(HtRegressorCheckNewData(reg, X, &Xs));
  PetscCall(PetscLogEventBegin(HT_REGRESSOR_Predict, reg, Xs, 0, 0));
  PetscCall(HtRegressorPredictSamples(reg, Xs, yhat));
  PetscCall(PetscLogEventEnd(HT_REGRESSOR_Predict, reg, Xs, 0, 0));
  PetscCall(HtTensorDestroy(&Xs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorScore - The coefficient of determination R^2 = 1 - |y - yhat|^2 / |y - mean(y)|^2 of the predictions of
   samples (scikit-learn's score and r2_score: 1 for perfect predictions; 1 or 0 for a constant target, as they).

   Collective

   Input Parameters:
+  reg - the fitted regressor
.  X - (samples, features) data, split 0
-  y - their targets, as for `HtRegressorFit()`

   Output Parameter:
.  r2 - R^2, the same on every rank

   Level: beginner

.seealso: `HtRegressorPredict()`
@*/
PetscErrorCode HtRegressorScore(HtRegressor reg, HtTensor X, HtTensor y, PetscReal *r2)
{
  HtTensor           Xs, ys, yhat;
  HtSamples          s;
  const PetscScalar *t, *p;
  PetscScalar        mean = 0, ss[2] = {0, 0};

  PetscFunctionBegin;
  PetscValidRealPointer(r2, 4);
  PetscCall(HtRegressorCheckNewData(reg, X, &Xs));
  PetscCall(HtRegressorCheckTarget(reg, Xs, y, &ys));
  PetscCall(HtRegressorPredictSamples(reg, Xs, &yhat));
  PetscCall(HtTensorGetSamples(Xs, NULL, &s));
  PetscCall(HtTensorGetArrayRead(ys, &t));
  PetscCall(HtTensorGetArrayRead(yhat, &p));
  for (PetscInt i = 0; i < s.m; i++) mean += t[i];
  PetscCall(HtSamplesSumScalar(&s, 1, &mean));
  mean /= s.n;
  for (PetscInt i = 0; i < s.m; i++) {
    ss[0] += (t[i] - p[i]) * (t[i] - p[i]);
    ss[1] += (t[i] - mean) * (t[i] - mean);
  }
  PetscCall(HtSamplesSumScalar(&s, 2, ss));
  PetscCall(HtTensorRestoreArrayRead(yhat, &p));
  PetscCall(HtTensorRestoreArrayRead(ys, &t));
  PetscCall(HtTensorRestoreSamples(Xs, NULL, &s));
  if (PetscRealPart(ss[1]) > 0) *r2 = 1 - PetscRealPart(ss[0]) / PetscRealPart(ss[1]);
  else *r2 = PetscRealPart(ss[0]) == 0 ? 1 : 0;
  PetscCall(HtTensorDestroy(&yhat));
  PetscCall(HtTensorDestroy(&ys));
  PetscCall(HtTensorDestroy(&Xs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetCoefficients - Gets the coefficients w of the fitted model (scikit-learn's coef_).

   Not Collective

   Input Parameter:
.  reg - the fitted regressor

   Output Parameter:
.  coef - the (features) replicated tensor, owned by the object

   Level: beginner

.seealso: `HtRegressorGetIntercept()`, `HtRegressorFit()`
@*/
PetscErrorCode HtRegressorGetCoefficients(HtRegressor reg, HtTensor *coef)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidPointer(coef, 2);
  PetscCall(HtMLCheckFitted((PetscObject)reg, reg->fitted));
  *coef = reg->coef;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetIntercept - Gets the intercept b of the fitted model (scikit-learn's intercept_; 0 without one).

   Not Collective

   Input Parameter:
.  reg - the fitted regressor

   Output Parameter:
.  intercept - the intercept

   Level: beginner

.seealso: `HtRegressorGetCoefficients()`, `HtRegressorSetFitIntercept()`
@*/
PetscErrorCode HtRegressorGetIntercept(HtRegressor reg, PetscReal *intercept)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidRealPointer(intercept, 2);
  PetscCall(HtMLCheckFitted((PetscObject)reg, reg->fitted));
  *intercept = reg->intercept;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetIterationNumber - Gets the number of epochs of coordinate descent of the last fit (scikit-learn's
   n_iter_), the LSQR iterations, or 1 for a direct solve.

   Not Collective

   Input Parameter:
.  reg - the regressor

   Output Parameter:
.  its - the number

   Level: intermediate

.seealso: `HtRegressorGetDualityGap()`, `HtRegressorSetMaxIt()`
@*/
PetscErrorCode HtRegressorGetIterationNumber(HtRegressor reg, PetscInt *its)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidIntPointer(its, 2);
  *its = reg->its;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetDualityGap - Gets the duality gap of the last fit of lasso or elasticnet, divided by the number of
   samples (scikit-learn's dual_gap_); 0 for ridge and ols.

   Not Collective

   Input Parameter:
.  reg - the regressor

   Output Parameter:
.  gap - the duality gap

   Level: intermediate

.seealso: `HtRegressorSetTolerance()`
@*/
PetscErrorCode HtRegressorGetDualityGap(HtRegressor reg, PetscReal *gap)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidRealPointer(gap, 2);
  *gap = reg->gap;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtRegressorGetConvergedReason - Gets how the last fit ended.

   Not Collective

   Input Parameter:
.  reg - the regressor

   Output Parameter:
.  reason - the reason (negative: the fit did not converge)

   Level: intermediate

.seealso: `HtRegressorConvergedReasonView()`
@*/
PetscErrorCode HtRegressorGetConvergedReason(HtRegressor reg, HtRegressorConvergedReason *reason)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(reg, HT_REGRESSOR_CLASSID, 1);
  PetscValidPointer(reason, 2);
  *reason = reg->reason;
  PetscFunctionReturn(PETSC_SUCCESS);
}
