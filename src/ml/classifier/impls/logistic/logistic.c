/*
   HTCLASSIFIERLOGISTIC: multinomial logistic regression with an L2 penalty. Every rank runs the same small TAO problem
   on PETSC_COMM_SELF (a Vec of the P = C (F + 1) coefficients and intercepts); an evaluation of the objective and its
   gradient is one pass over the local samples by the back end's kernel (HtSamplesLogisticLoss(): in chunks of rows,
   Z = X W^T, softmax and loss, G = (P - Y)^T X while the chunk is in cache) and one reduction of P + 1 numbers added in
   rank order, so that every rank sees the same values and takes the same steps. The Newton route (the default, TAO
   nls) adds the dense P x P Hessian to the same pass (P * P more numbers in the reduction) and ends with Newton steps of its own
   (Cholesky of the Hessian) until the step is at the level of rounding, so that the result is the optimum to a few
   ulps whatever the number of ranks: a first-order stopping point (gatol) would differ between rank counts by what
   the rounding of the partial sums steers the iterations to.
*/
#include <heat/private/classifierimpl.h>

#define HT_LOGISTIC_NEWTON_MAX 8       /* the most Newton steps after TAO */
#define HT_LOGISTIC_STEP_TOL   1.e-10  /* a step at most this (relative to 1 + |w|) leaves an error of its square: done */

typedef struct {
  PetscReal    C;
  Tao          tao;
  PetscScalar *coef, *intercept; /* the model: C x F, C */
  HtTensor     tcoef, tintercept;
  /* during a fit */
  HtSamples       s;
  const PetscInt *yc;
  PetscBool       newton;   /* the Newton route: Hessians */
  PetscScalar    *buf;      /* the sums of a pass: P + 1 (+ P * P) */
  Vec             gscratch; /* the gradient of a Hessian evaluation */
} HtClassifier_Logistic;

/* the Hessian from the reduced sums: C_reg times them, plus the identity on the coefficients, plus alpha times the
   projection onto the direction (0, 1/sqrt(C) ... ) (adding a constant to every intercept), along which the objective
   does not change: the Hessian is then positive definite and a Newton step has no component there */
static PetscErrorCode HtLogisticHessianAssemble(HtClassifier cl, const PetscScalar hx[], const PetscScalar hbb[], Mat H)
{
  HtClassifier_Logistic *lr = (HtClassifier_Logistic *)cl->data;
  PetscInt               C = cl->nclasses, F = cl->nfeatures, nw = C * F, P = nw + C;
  PetscScalar           *a;
  PetscReal              alpha = 0;

  PetscFunctionBegin;
  for (PetscInt c = 0; c < C; c++) alpha += lr->C * PetscRealPart(hbb[c * C + c]) / C;
  if (!(alpha > 0)) alpha = 1;
  PetscCall(MatDenseGetArrayWrite(H, &a)); /* column-major, leading dimension P */
  for (PetscInt r = 0; r < nw; r++) {
    for (PetscInt q = 0; q < nw; q++) a[r + (size_t)q * P] = lr->C * 0.5 * (hx[(size_t)r * P + q] + hx[(size_t)q * P + r]);
    a[r + (size_t)r * P] += 1;
    for (PetscInt c = 0; c < C; c++) a[r + (size_t)(nw + c) * P] = a[nw + c + (size_t)r * P] = lr->C * hx[(size_t)r * P + nw + c];
  }
  for (PetscInt c = 0; c < C; c++)
    for (PetscInt d = 0; d < C; d++) a[nw + c + (size_t)(nw + d) * P] = lr->C * hbb[c * C + d] + alpha / C;
  PetscCall(MatDenseRestoreArrayWrite(H, &a));
  PetscCall(MatAssemblyBegin(H, MAT_FINAL_ASSEMBLY));
  PetscCall(MatAssemblyEnd(H, MAT_FINAL_ASSEMBLY));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   objective C sum_i log-loss_i + |W|_F^2 / 2 and its gradient at w = (W as C x F row-major, b), and (H not NULL) its
   Hessian, on every rank alike: one pass over the local samples, one reduction
*/
static PetscErrorCode HtLogisticEvaluate(HtClassifier cl, Vec w, PetscReal *f, Vec grad, Mat H)
{
  HtClassifier_Logistic *lr = (HtClassifier_Logistic *)cl->data;
  PetscInt               C = cl->nclasses, F = cl->nfeatures, nw = C * F, P = nw + C;
  const PetscScalar     *wa;
  PetscScalar           *ga, *buf = lr->buf, *hx = buf + P + 1, *hbb = hx + nw * P;
  PetscReal              wnorm2 = 0;

  PetscFunctionBegin;
  PetscCall(VecGetArrayRead(w, &wa));
  PetscCall(HtSamplesLogisticLoss(&lr->s, C, wa, lr->yc, (PetscBool)(H != NULL), buf));
  PetscCall(VecGetArray(grad, &ga));
  for (PetscInt p = 0; p < nw; p++) {
    ga[p] = lr->C * buf[p] + wa[p];
    wnorm2 += PetscRealPart(wa[p] * wa[p]);
  }
  for (PetscInt c = 0; c < C; c++) ga[nw + c] = lr->C * buf[nw + c];
  *f = lr->C * PetscRealPart(buf[P]) + 0.5 * wnorm2;
  PetscCall(VecRestoreArray(grad, &ga));
  PetscCall(VecRestoreArrayRead(w, &wa));
  if (H) PetscCall(HtLogisticHessianAssemble(cl, hx, hbb, H));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtLogisticObjective(Tao tao, Vec w, PetscReal *f, Vec grad, void *ctx)
{
  PetscFunctionBegin;
  PetscCall(HtLogisticEvaluate((HtClassifier)ctx, w, f, grad, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtLogisticHessian(Tao tao, Vec w, Mat H, Mat Hpre, void *ctx)
{
  HtClassifier_Logistic *lr = (HtClassifier_Logistic *)((HtClassifier)ctx)->data;
  PetscReal              f;

  PetscFunctionBegin;
  PetscCall(HtLogisticEvaluate((HtClassifier)ctx, w, &f, lr->gscratch, H));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   Newton steps from w (where TAO converged) with the exact Hessian (dense Cholesky) while they reduce the norm of the
   gradient, until a step is below HT_LOGISTIC_STEP_TOL (1 + |w|): in the region of quadratic convergence, then, w is the
   optimum to rounding; a step that does not reduce the gradient (rounding level, or w far from the optimum) is not taken
*/
static PetscErrorCode HtLogisticNewton(HtClassifier cl, Vec w, Mat H)
{
  PetscInt               C = cl->nclasses, nw = C * cl->nfeatures;
  Vec                    g, gn, d, wn;
  Mat                    Hf;
  MatFactorInfo          info;
  PetscReal              f, fn, gnorm, gnormn, dnorm, wnorm;
  PetscScalar           *wa, bmean = 0;

  PetscFunctionBegin;
  PetscCall(VecGetArray(w, &wa)); /* the objective does not see the mean of the intercepts: center them */
  for (PetscInt c = 0; c < C; c++) bmean += wa[nw + c] / C;
  for (PetscInt c = 0; c < C; c++) wa[nw + c] -= bmean;
  PetscCall(VecRestoreArray(w, &wa));
  PetscCall(VecDuplicate(w, &g));
  PetscCall(VecDuplicate(w, &gn));
  PetscCall(VecDuplicate(w, &d));
  PetscCall(VecDuplicate(w, &wn));
  PetscCall(MatFactorInfoInitialize(&info));
  PetscCall(HtLogisticEvaluate(cl, w, &f, g, H));
  PetscCall(VecNorm(g, NORM_2, &gnorm));
  for (PetscInt k = 0; k < HT_LOGISTIC_NEWTON_MAX; k++) {
    PetscCall(MatDuplicate(H, MAT_COPY_VALUES, &Hf));
    PetscCall(MatSetOption(Hf, MAT_SPD, PETSC_TRUE));
    PetscCall(MatCholeskyFactor(Hf, NULL, &info));
    PetscCall(MatSolve(Hf, g, d));
    PetscCall(MatDestroy(&Hf));
    PetscCall(VecWAXPY(wn, -1, d, w));
    PetscCall(HtLogisticEvaluate(cl, wn, &fn, gn, H));
    PetscCall(VecNorm(gn, NORM_2, &gnormn));
    if (!(gnormn < gnorm)) break;
    PetscCall(VecCopy(wn, w));
    PetscCall(VecCopy(gn, g));
    f     = fn;
    gnorm = gnormn;
    cl->its++;
    PetscCall(HtClassifierMonitor(cl, cl->its, f, gnorm));
    PetscCall(VecNorm(d, NORM_2, &dnorm));
    PetscCall(VecNorm(w, NORM_2, &wnorm));
    if (dnorm <= HT_LOGISTIC_STEP_TOL * (1 + wnorm)) break;
  }
  PetscCall(VecDestroy(&g));
  PetscCall(VecDestroy(&gn));
  PetscCall(VecDestroy(&d));
  PetscCall(VecDestroy(&wn));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* TAO's iterations reported to the classifier's monitors */
static PetscErrorCode HtLogisticMonitor(Tao tao, void *ctx)
{
  PetscInt  its;
  PetscReal f, gnorm;

  PetscFunctionBegin;
  PetscCall(TaoGetSolutionStatus(tao, &its, &f, &gnorm, NULL, NULL, NULL));
  PetscCall(HtClassifierMonitor((HtClassifier)ctx, its, f, gnorm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the TAO solver, created once with the prefix <classifier prefix>ht_classifier_ (so -ht_classifier_tao_type ...) */
static PetscErrorCode HtLogisticGetTao(HtClassifier cl, Tao *tao)
{
  HtClassifier_Logistic *lr = (HtClassifier_Logistic *)cl->data;
  const char            *prefix;

  PetscFunctionBegin;
  if (!lr->tao) {
    PetscCall(TaoCreate(PETSC_COMM_SELF, &lr->tao));
    PetscCall(PetscObjectIncrementTabLevel((PetscObject)lr->tao, (PetscObject)cl, 1));
    PetscCall(TaoSetType(lr->tao, TAONLS));
    PetscCall(HtClassifierGetOptionsPrefix(cl, &prefix));
    PetscCall(TaoSetOptionsPrefix(lr->tao, prefix));
    PetscCall(TaoAppendOptionsPrefix(lr->tao, "ht_classifier_"));
    PetscCall(TaoSetMonitor(lr->tao, HtLogisticMonitor, cl, NULL));
  }
  *tao = lr->tao;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the model tensors from coef and intercept */
static PetscErrorCode HtLogisticSetModel(HtClassifier cl)
{
  HtClassifier_Logistic *lr = (HtClassifier_Logistic *)cl->data;

  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&lr->tcoef));
  PetscCall(HtTensorDestroy(&lr->tintercept));
  PetscCall(HtClassifierReplicated_Private(cl, cl->nclasses, cl->nfeatures, HT_SCALAR, lr->coef, &lr->tcoef));
  PetscCall(HtClassifierReplicated_Private(cl, cl->nclasses, 0, HT_SCALAR, lr->intercept, &lr->tintercept));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtLogisticDestroyModel(HtClassifier_Logistic *lr)
{
  PetscFunctionBegin;
  PetscCall(PetscFree2(lr->coef, lr->intercept));
  PetscCall(HtTensorDestroy(&lr->tcoef));
  PetscCall(HtTensorDestroy(&lr->tintercept));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the converged reason of the classifier from TAO's */
static HtClassifierConvergedReason HtLogisticReason(TaoConvergedReason reason)
{
  if (reason > 0) return HT_CLASSIFIER_CONVERGED_TOL;
  if (reason == TAO_DIVERGED_MAXITS) return HT_CLASSIFIER_DIVERGED_ITS;
  return reason == TAO_CONTINUE_ITERATING ? HT_CLASSIFIER_CONVERGED_ITERATING : HT_CLASSIFIER_DIVERGED_SOLVER;
}

/*
   TAO from zero coefficients; the intercepts, which only their differences determine (the objective does not change
   when a constant is added to all), are centered afterwards: the solution of least norm, as scikit-learn's
*/
static PetscErrorCode HtClassifierFit_Logistic(HtClassifier cl, HtTensor X, const PetscInt yc[])
{
  HtClassifier_Logistic *lr = (HtClassifier_Logistic *)cl->data;
  PetscInt               C = cl->nclasses, F = cl->nfeatures, nw = C * F, P = nw + C;
  Tao                    tao;
  Vec                    w;
  Mat                    H = NULL;
  const PetscScalar     *wa;
  PetscScalar            bmean = 0;
  TaoConvergedReason     reason;

  PetscFunctionBegin;
  PetscCall(HtLogisticGetTao(cl, &tao));
  PetscCall(HtTensorGetSamples(X, NULL, &lr->s));
  lr->yc = yc;
  PetscCall(VecCreateSeq(PETSC_COMM_SELF, P, &w));
  PetscCall(VecSet(w, 0));
  PetscCall(TaoSetSolution(tao, w));
  PetscCall(TaoSetObjectiveAndGradient(tao, NULL, HtLogisticObjective, cl));
  PetscCall(TaoSetTolerances(tao, cl->tol, 0, 0));
  PetscCall(TaoSetMaximumIterations(tao, cl->max_it));
  PetscCall(TaoSetFromOptions(tao));
  PetscCall(PetscObjectTypeCompareAny((PetscObject)tao, &lr->newton, TAONLS, TAONTR, TAONTL, TAOBNLS, TAOBNTR, TAOBNTL, TAOTRON, ""));
  PetscCall(PetscMalloc1(P + 1 + (lr->newton ? nw * P + C * C : 0), &lr->buf));
  if (lr->newton) {
    PetscCall(MatCreateSeqDense(PETSC_COMM_SELF, P, P, NULL, &H));
    PetscCall(VecDuplicate(w, &lr->gscratch));
    PetscCall(TaoSetHessian(tao, H, H, HtLogisticHessian, cl));
  }
  PetscCall(TaoSolve(tao));
  PetscCall(TaoGetConvergedReason(tao, &reason));
  PetscCall(TaoGetIterationNumber(tao, &cl->its));
  cl->reason = HtLogisticReason(reason);
  if (lr->newton && reason > 0) PetscCall(HtLogisticNewton(cl, w, H));
  PetscCall(HtTensorRestoreSamples(X, NULL, &lr->s));
  PetscCall(PetscFree(lr->buf));
  if (lr->newton) {
    PetscCall(VecDestroy(&lr->gscratch));
    PetscCall(MatDestroy(&H));
  }
  PetscCall(HtLogisticDestroyModel(lr));
  PetscCall(PetscMalloc2(nw, &lr->coef, C, &lr->intercept));
  PetscCall(VecGetArrayRead(w, &wa));
  PetscCall(PetscArraycpy(lr->coef, wa, nw));
  for (PetscInt c = 0; c < C; c++) bmean += wa[nw + c] / C;
  for (PetscInt c = 0; c < C; c++) lr->intercept[c] = wa[nw + c] - bmean;
  PetscCall(VecRestoreArrayRead(w, &wa));
  PetscCall(VecDestroy(&w));
  PetscCall(HtLogisticSetModel(cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the decision function X W^T + b of the local samples, or (proba) its softmax */
static PetscErrorCode HtClassifierScores_Logistic(HtClassifier cl, HtTensor X, PetscBool proba, PetscScalar S[])
{
  HtClassifier_Logistic *lr = (HtClassifier_Logistic *)cl->data;
  HtSamples              s;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, NULL, &s));
  PetscCall(HtSamplesLinearScores(&s, cl->nclasses, lr->coef, lr->intercept, proba, S));
  PetscCall(HtTensorRestoreSamples(X, NULL, &s));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierView_Logistic(HtClassifier cl, PetscViewer viewer)
{
  HtClassifier_Logistic *lr = (HtClassifier_Logistic *)cl->data;
  PetscBool              isascii;

  PetscFunctionBegin;
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERASCII, &isascii));
  if (!isascii) {
    PetscCall(HtMLModelSaveTensor(viewer, lr->tcoef, "coef"));
    PetscCall(HtMLModelSaveTensor(viewer, lr->tintercept, "intercept"));
    PetscCall(HtMLModelSaveScalar((PetscObject)cl, viewer, "C", HT_SCALAR, lr->C));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(PetscViewerASCIIPrintf(viewer, "C: %g, solver: TAO %s, gradient norm tolerance %g, at most %" PetscInt_FMT " iterations\n", (double)lr->C, lr->tao ? ((PetscObject)lr->tao)->type_name : TAONLS, (double)cl->tol, cl->max_it));
  if (!cl->fitted) PetscFunctionReturn(PETSC_SUCCESS);
  for (PetscInt c = 0; c < cl->nclasses; c++) {
    PetscCall(PetscViewerASCIIPrintf(viewer, "class %" PetscInt_FMT ": intercept %.8g, coef", cl->classes[c], (double)PetscRealPart(lr->intercept[c])));
    PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_FALSE));
    for (PetscInt j = 0; j < cl->nfeatures; j++) PetscCall(PetscViewerASCIIPrintf(viewer, " %.8g", (double)PetscRealPart(lr->coef[c * cl->nfeatures + j])));
    PetscCall(PetscViewerASCIIPrintf(viewer, "\n"));
    PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_TRUE));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierLoad_Logistic(HtClassifier cl, PetscViewer viewer)
{
  HtClassifier_Logistic *lr = (HtClassifier_Logistic *)cl->data;
  PetscScalar            Creg;

  PetscFunctionBegin;
  PetscCall(HtLogisticDestroyModel(lr));
  PetscCall(PetscMalloc2(cl->nclasses * cl->nfeatures, &lr->coef, cl->nclasses, &lr->intercept));
  PetscCall(HtClassifierLoadValues_Private(cl, viewer, "coef", cl->nclasses * cl->nfeatures, lr->coef));
  PetscCall(HtClassifierLoadValues_Private(cl, viewer, "intercept", cl->nclasses, lr->intercept));
  PetscCall(HtMLModelLoadScalar((PetscObject)cl, viewer, "C", &Creg));
  PetscCall(HtClassifierLogisticSetC(cl, PetscRealPart(Creg)));
  PetscCall(HtLogisticSetModel(cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierSetFromOptions_Logistic(HtClassifier cl, PetscOptionItems *PetscOptionsObject)
{
  HtClassifier_Logistic *lr = (HtClassifier_Logistic *)cl->data;
  PetscReal              C  = lr->C;
  PetscBool              set;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtClassifier logistic options");
  PetscCall(PetscOptionsReal("-ht_classifier_logistic_C", "Inverse of the strength of the L2 penalty", "HtClassifierLogisticSetC", C, &C, &set));
  if (set) PetscCall(HtClassifierLogisticSetC(cl, C));
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierReset_Logistic(HtClassifier cl)
{
  PetscFunctionBegin;
  PetscCall(HtLogisticDestroyModel((HtClassifier_Logistic *)cl->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierDestroy_Logistic(HtClassifier cl)
{
  HtClassifier_Logistic *lr = (HtClassifier_Logistic *)cl->data;

  PetscFunctionBegin;
  PetscCall(HtLogisticDestroyModel(lr));
  PetscCall(TaoDestroy(&lr->tao));
  PetscCall(PetscFree(cl->data));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierLogisticSetC_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierLogisticGetModel_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierLogisticGetTao_C", NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierLogisticSetC_Logistic(HtClassifier cl, PetscReal C)
{
  PetscFunctionBegin;
  PetscCheck(C > 0, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "C (the inverse of the penalty's strength) must be positive, not %g", (double)C);
  ((HtClassifier_Logistic *)cl->data)->C = C;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* which: 0 coef, 1 intercept (tensors owned by the object) */
static PetscErrorCode HtClassifierLogisticGetModel_Logistic(HtClassifier cl, PetscInt which, HtTensor *t)
{
  HtClassifier_Logistic *lr = (HtClassifier_Logistic *)cl->data;

  PetscFunctionBegin;
  PetscCall(HtMLCheckFitted((PetscObject)cl, cl->fitted));
  *t = which ? lr->tintercept : lr->tcoef;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierLogisticSetC - Sets the inverse of the strength of the L2 penalty (scikit-learn's C).

   Logically Collective

   Input Parameters:
+  cl - the classifier object
-  C - the inverse strength, > 0 (default 1): the objective is C times the sum of the log-losses plus half the squared
       Frobenius norm of the coefficients

   Options Database Key:
.  -ht_classifier_logistic_C <1> - the value

   Level: intermediate

.seealso: `HTCLASSIFIERLOGISTIC`
@*/
PetscErrorCode HtClassifierLogisticSetC(HtClassifier cl, PetscReal C)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidLogicalCollectiveReal(cl, C, 2);
  PetscTryMethod(cl, "HtClassifierLogisticSetC_C", (HtClassifier, PetscReal), (cl, C));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierLogisticGetCoef - Gets the coefficients of the classes (C x F).

   Not Collective

   Input Parameter:
.  cl - the fitted classifier object, of type `HTCLASSIFIERLOGISTIC`

   Output Parameter:
.  coef - C x F replicated tensor, owned by the object; row c gives the score of class c

   Level: intermediate

   Note:
   For 2 classes scikit-learn's coef_ is the row of class 1 only (its binary model); row 0 here is its negative.

.seealso: `HtClassifierLogisticGetIntercept()`, `HTCLASSIFIERLOGISTIC`
@*/
PetscErrorCode HtClassifierLogisticGetCoef(HtClassifier cl, HtTensor *coef)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscUseMethod(cl, "HtClassifierLogisticGetModel_C", (HtClassifier, PetscInt, HtTensor *), (cl, 0, coef));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierLogisticGetIntercept - Gets the intercepts of the classes (centered: they sum to 0).

   Not Collective

   Input Parameter:
.  cl - the fitted classifier object, of type `HTCLASSIFIERLOGISTIC`

   Output Parameter:
.  intercept - 1-d replicated tensor of C values, owned by the object

   Level: intermediate

.seealso: `HtClassifierLogisticGetCoef()`, `HTCLASSIFIERLOGISTIC`
@*/
PetscErrorCode HtClassifierLogisticGetIntercept(HtClassifier cl, HtTensor *intercept)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscUseMethod(cl, "HtClassifierLogisticGetModel_C", (HtClassifier, PetscInt, HtTensor *), (cl, 1, intercept));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierLogisticGetTao - Gets the TAO solver of the logistic type (options prefix ht_classifier_, after the
   classifier's own prefix), to set it up in code.

   Not Collective

   Input Parameter:
.  cl - the classifier object, of type `HTCLASSIFIERLOGISTIC`

   Output Parameter:
.  tao - the solver (on PETSC_COMM_SELF: every rank solves the same small problem), owned by the object

   Level: advanced

.seealso: `HTCLASSIFIERLOGISTIC`
@*/
PetscErrorCode HtClassifierLogisticGetTao(HtClassifier cl, Tao *tao)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidPointer(tao, 2);
  PetscUseMethod(cl, "HtClassifierLogisticGetTao_C", (HtClassifier, Tao *), (cl, tao));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTCLASSIFIERLOGISTIC - "logistic" - multinomial logistic regression with an L2 penalty, solved by Newton's method
   (PETSc's TAO) to the optimum.

   Method: the coefficients W (C x F) and intercepts b (C) minimize C_reg sum_i [log sum_c exp(w_c . x_i + b_c) -
   (w_y_i . x_i + b_y_i)] + |W|_F^2 / 2 (the intercepts are not penalized), scikit-learn's LogisticRegression(C=C_reg,
   multi_class="multinomial"); the probabilities are the softmax of X W^T + b. With 2 classes this is scikit-learn's
   binary model: its coef_ is row 1 of W, and row 0 is its negative. The intercepts are determined up to a common
   constant and are returned centered (they sum to 0).

   The problem has P = C (F + 1) unknowns, which every rank holds. By default (TAO nls) it is solved by Newton's method
   with a line search on the exact Hessian sum_i (diag(p_i) - p_i p_i^T) (x) [x_i; 1][x_i; 1]^T times C_reg plus the
   identity on the coefficients, a dense P x P matrix computed with the gradient in one pass over the data; once TAO's
   gradient norm is at most the tolerance, Newton steps with a Cholesky factorization of the Hessian continue until the
   step is at the level of rounding. The result is then the optimum to rounding, the same to about 1e-13 relative on
   any number of ranks, whatever the tolerance. Each Newton iteration costs O(n P^2) operations and a reduction of P^2
   numbers: this route is for P up to a few thousand. Beyond, use -ht_classifier_tao_type lmvm (limited-memory
   quasi-Newton: O(n P) per iteration, no Hessian), which stops where the gradient norm is at most the tolerance: its
   result is within about the tolerance of the optimum and depends on the number of ranks at that level (its line
   search stalls below gradient norms near 1e-7). The other Newton types of TAO (ntr, ntl, bnls, bntr, bntl, tron) also
   get the Hessian and the final Newton steps.

   Options Database Keys:
+  -ht_classifier_logistic_C <1> - the inverse strength of the penalty
.  -ht_classifier_tol <1e-6> - TAO stops when the norm of the gradient is at most this (TAO's gatol); the Newton route
                               then goes on to the optimum
.  -ht_classifier_max_it <1000> - the most TAO iterations (the result is not refined when TAO does not converge)
.  -ht_classifier_tao_type <nls> - the TAO method: nls (default), ntr, ... (Newton, with the Hessian) or lmvm, cg, ...
                                   (first order, for large P)
-  -ht_classifier_tao_monitor, -ht_classifier_tao_nls_ksp_type, ... - every option of the TAO solver

   References:
+  T. Hastie, R. Tibshirani and J. Friedman, The Elements of Statistical Learning, 2nd ed., Springer, 2009, section 4.4.
-  J. Nocedal and S. J. Wright, Numerical Optimization, 2nd ed., Springer, 2006, chapters 3 and 7 (Newton's method
   with a line search, limited-memory BFGS).

   Level: beginner

.seealso: `HtClassifierCreate()`, `HtClassifierSetType()`, `HtClassifierLogisticGetTao()`, `HTCLASSIFIERKNN`, `HTCLASSIFIERGAUSSIANNB`
M*/
PETSC_INTERN PetscErrorCode HtClassifierCreate_Logistic(HtClassifier cl)
{
  HtClassifier_Logistic *lr;

  PetscFunctionBegin;
  PetscCall(PetscNew(&lr));
  lr->C                   = 1;
  cl->data                = lr;
  cl->ops->fit            = HtClassifierFit_Logistic;
  cl->ops->scores         = HtClassifierScores_Logistic;
  cl->ops->view           = HtClassifierView_Logistic;
  cl->ops->load           = HtClassifierLoad_Logistic;
  cl->ops->setfromoptions = HtClassifierSetFromOptions_Logistic;
  cl->ops->reset          = HtClassifierReset_Logistic;
  cl->ops->destroy        = HtClassifierDestroy_Logistic;
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierLogisticSetC_C", HtClassifierLogisticSetC_Logistic));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierLogisticGetModel_C", HtClassifierLogisticGetModel_Logistic));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierLogisticGetTao_C", HtLogisticGetTao));
  PetscFunctionReturn(PETSC_SUCCESS);
}
