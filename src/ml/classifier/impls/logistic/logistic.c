/*
   HTCLASSIFIERLOGISTIC: multinomial logistic regression with an L2 penalty. Every rank runs the same small TAO problem
   on PETSC_COMM_SELF (a Vec of the C (F + 1) coefficients and intercepts); an evaluation of the objective and its
   gradient is one pass over the local samples in chunks of HT_LOGISTIC_CHUNK rows (Z = X W^T by the back end's product,
   softmax, G = (P - Y)^T X by its transposed product while the chunk is in cache) and one reduction of C (F + 1) + 1
   numbers added in rank order, so that every rank sees the same values and takes the same steps.
*/
#include <heat/private/classifierimpl.h>

#define HT_LOGISTIC_CHUNK 2048 /* rows per product: wide enough for the GEMMs (C columns only), in cache for the second */

typedef struct {
  PetscReal    C;
  Tao          tao;
  PetscScalar *coef, *intercept; /* the model: C x F, C */
  HtTensor     tcoef, tintercept;
  /* during a fit */
  HtSamples       s;
  const PetscInt *yc;
  PetscScalar    *wt, *z, *g, *buf; /* F x C, chunk x C, F x C, C (F + 1) + 1 */
} HtClassifier_Logistic;

/* the log-losses of the chunk's rows, their sum added to *loss; z (mc x C, the scores) becomes P - Y */
static void HtLogisticSoftmax(PetscInt mc, PetscInt C, const PetscScalar b[], const PetscInt yc[], PetscScalar z[], PetscReal *loss)
{
  for (PetscInt i = 0; i < mc; i++) {
    PetscScalar *zi   = z + i * C;
    PetscReal    zmax = PETSC_NINFINITY, sum = 0, lse;

    for (PetscInt c = 0; c < C; c++) {
      zi[c] += b[c];
      zmax = PetscMax(zmax, PetscRealPart(zi[c]));
    }
    for (PetscInt c = 0; c < C; c++) sum += PetscExpReal(PetscRealPart(zi[c]) - zmax);
    lse = zmax + PetscLogReal(sum);
    *loss += lse - PetscRealPart(zi[yc[i]]);
    for (PetscInt c = 0; c < C; c++) zi[c] = PetscExpReal(PetscRealPart(zi[c]) - lse);
    zi[yc[i]] -= 1;
  }
}

/* objective C sum_i log-loss_i + |W|_F^2 / 2 and its gradient at w = (W as C x F row-major, b), on every rank alike */
static PetscErrorCode HtLogisticObjective(Tao tao, Vec w, PetscReal *f, Vec grad, void *ctx)
{
  HtClassifier           cl = (HtClassifier)ctx;
  HtClassifier_Logistic *lr = (HtClassifier_Logistic *)cl->data;
  PetscInt               C = cl->nclasses, F = cl->nfeatures, nw = C * F;
  const PetscScalar     *wa;
  PetscScalar           *ga, *buf = lr->buf;
  PetscReal              loss = 0, wnorm2 = 0;

  PetscFunctionBegin;
  PetscCall(VecGetArrayRead(w, &wa));
  for (PetscInt c = 0; c < C; c++)
    for (PetscInt j = 0; j < F; j++) lr->wt[j * C + c] = wa[c * F + j];
  PetscCall(PetscArrayzero(buf, nw + C + 1));
  for (PetscInt i0 = 0; i0 < lr->s.m; i0 += HT_LOGISTIC_CHUNK) {
    PetscInt  mc = PetscMin(HT_LOGISTIC_CHUNK, lr->s.m - i0);
    HtSamples chunk;

    PetscCall(HtSamplesCreateLocal(&lr->s, mc, lr->s.x + i0 * F, NULL, &chunk));
    PetscCall(HtSamplesCenteredProduct(&chunk, NULL, C, lr->wt, lr->z));
    HtLogisticSoftmax(mc, C, wa + nw, lr->yc + i0, lr->z, &loss);
    PetscCall(HtSamplesCenteredTransposeProduct(&chunk, NULL, C, lr->z, lr->g));
    for (PetscInt c = 0; c < C; c++) {
      for (PetscInt j = 0; j < F; j++) buf[c * F + j] += lr->g[j * C + c];
      for (PetscInt i = 0; i < mc; i++) buf[nw + c] += lr->z[i * C + c];
    }
  }
  buf[nw + C] = loss;
  PetscCall(HtSamplesSumScalar(&lr->s, nw + C + 1, buf));
  PetscCall(VecGetArray(grad, &ga));
  for (PetscInt p = 0; p < nw; p++) {
    ga[p] = lr->C * buf[p] + wa[p];
    wnorm2 += PetscRealPart(wa[p] * wa[p]);
  }
  for (PetscInt c = 0; c < C; c++) ga[nw + c] = lr->C * buf[nw + c];
  *f = lr->C * PetscRealPart(buf[nw + C]) + 0.5 * wnorm2;
  PetscCall(VecRestoreArray(grad, &ga));
  PetscCall(VecRestoreArrayRead(w, &wa));
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
    PetscCall(TaoSetType(lr->tao, TAOLMVM));
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
  PetscInt               C = cl->nclasses, F = cl->nfeatures, nw = C * F;
  Tao                    tao;
  Vec                    w;
  const PetscScalar     *wa;
  PetscScalar            bmean = 0;
  TaoConvergedReason     reason;

  PetscFunctionBegin;
  PetscCall(HtLogisticGetTao(cl, &tao));
  PetscCall(HtTensorGetSamples(X, NULL, &lr->s));
  lr->yc = yc;
  PetscCall(PetscMalloc4(F * C, &lr->wt, HT_LOGISTIC_CHUNK * C, &lr->z, F * C, &lr->g, nw + C + 1, &lr->buf));
  PetscCall(VecCreateSeq(PETSC_COMM_SELF, nw + C, &w));
  PetscCall(VecSet(w, 0));
  PetscCall(TaoSetSolution(tao, w));
  PetscCall(TaoSetObjectiveAndGradient(tao, NULL, HtLogisticObjective, cl));
  PetscCall(TaoSetTolerances(tao, cl->tol, 0, 0));
  PetscCall(TaoSetMaximumIterations(tao, cl->max_it));
  PetscCall(TaoSetFromOptions(tao));
  PetscCall(TaoSolve(tao));
  PetscCall(TaoGetConvergedReason(tao, &reason));
  PetscCall(TaoGetIterationNumber(tao, &cl->its));
  cl->reason = HtLogisticReason(reason);
  PetscCall(HtTensorRestoreSamples(X, NULL, &lr->s));
  PetscCall(PetscFree4(lr->wt, lr->z, lr->g, lr->buf));
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
  PetscInt               C = cl->nclasses, F = cl->nfeatures;
  PetscScalar           *wt;
  HtSamples              s;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(F * C, &wt));
  for (PetscInt c = 0; c < C; c++)
    for (PetscInt j = 0; j < F; j++) wt[j * C + c] = lr->coef[c * F + j];
  PetscCall(HtTensorGetSamples(X, NULL, &s));
  PetscCall(HtSamplesCenteredProduct(&s, NULL, C, wt, S));
  for (PetscInt i = 0; i < s.m; i++) {
    PetscScalar *si   = S + i * C;
    PetscReal    zmax = PETSC_NINFINITY, sum = 0;

    for (PetscInt c = 0; c < C; c++) {
      si[c] += lr->intercept[c];
      zmax = PetscMax(zmax, PetscRealPart(si[c]));
    }
    if (!proba) continue;
    for (PetscInt c = 0; c < C; c++) {
      si[c] = PetscExpReal(PetscRealPart(si[c]) - zmax);
      sum += PetscRealPart(si[c]);
    }
    for (PetscInt c = 0; c < C; c++) si[c] /= sum;
  }
  PetscCall(HtTensorRestoreSamples(X, NULL, &s));
  PetscCall(PetscFree(wt));
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
  PetscCall(PetscViewerASCIIPrintf(viewer, "C: %g, solver: TAO %s, gradient norm tolerance %g, at most %" PetscInt_FMT " iterations\n", (double)lr->C, lr->tao ? ((PetscObject)lr->tao)->type_name : TAOLMVM, (double)cl->tol, cl->max_it));
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
   HTCLASSIFIERLOGISTIC - "logistic" - multinomial logistic regression with an L2 penalty, solved by PETSc's TAO.

   Method: the coefficients W (C x F) and intercepts b (C) minimize C_reg sum_i [log sum_c exp(w_c . x_i + b_c) -
   (w_y_i . x_i + b_y_i)] + |W|_F^2 / 2 (the intercepts are not penalized), scikit-learn's LogisticRegression(C=C_reg,
   multi_class="multinomial"); the probabilities are the softmax of X W^T + b. With 2 classes this is scikit-learn's
   binary model: its coef_ is row 1 of W, and row 0 is its negative. The solver is TAO (default TAOLMVM, a limited-memory
   quasi-Newton method) on a Vec of C (F + 1) numbers that every rank holds; an evaluation of the objective and gradient
   is one pass over the data and one reduction.

   Options Database Keys:
+  -ht_classifier_logistic_C <1> - the inverse strength of the penalty
.  -ht_classifier_tol <1e-6> - stop when the norm of the gradient is at most this (TAO's gatol)
.  -ht_classifier_max_it <1000> - the most iterations
.  -ht_classifier_tao_type <lmvm> - the TAO method (lmvm, bqnls, nls, ...)
-  -ht_classifier_tao_monitor, -ht_classifier_tao_gatol, ... - every option of the TAO solver

   References:
+  T. Hastie, R. Tibshirani and J. Friedman, The Elements of Statistical Learning, 2nd ed., Springer, 2009, section 4.4.
-  J. Nocedal and S. J. Wright, Numerical Optimization, 2nd ed., Springer, 2006, chapter 7 (limited-memory BFGS).

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
