/*
   HtClassifier: setting up, fitting, predicting, and the fitted results. The labels become class indices here (the
   position of each label among the sorted distinct labels of the training data), so the types see classes 0..C-1.
*/
#include <heat/private/classifierimpl.h>

/*@C
   HtClassifierSetUp - Prepares the object for fitting (called by `HtClassifierFit()` if needed).

   Collective

   Input Parameter:
.  cl - the classifier object

   Level: advanced

.seealso: `HtClassifierFit()`
@*/
PetscErrorCode HtClassifierSetUp(HtClassifier cl)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscCall(HtMLObjectSetUp(&HtClassifierClass, (PetscObject)cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtClassifierReplicated_Private - a replicated tensor of rows x cols (cols 0: 1-d of rows) of dtype holding values */
PetscErrorCode HtClassifierReplicated_Private(HtClassifier cl, PetscInt rows, PetscInt cols, HtDType dtype, const void *values, HtTensor *t)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreateFromLocalArray(PetscObjectComm((PetscObject)cl), cols > 0 ? 2 : 1, (PetscInt[]){rows, cols}, -1, dtype, PETSC_DECIDE, values, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtClassifierSetClasses_Private - the model's classes become the nc sorted distinct labels classes[] */
PetscErrorCode HtClassifierSetClasses_Private(HtClassifier cl, PetscInt nc, const PetscInt classes[])
{
  PetscFunctionBegin;
  PetscCheck(nc >= 2, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONG, "The labels hold %" PetscInt_FMT " class%s; classification needs at least 2 distinct labels", nc, nc == 1 ? "" : "es");
  PetscCall(HtTensorDestroy(&cl->classestensor));
  PetscCall(PetscFree(cl->classes));
  PetscCall(PetscMalloc1(nc, &cl->classes));
  PetscCall(PetscArraycpy(cl->classes, classes, nc));
  cl->nclasses = nc;
  PetscCall(HtClassifierReplicated_Private(cl, nc, 0, HT_INT, classes, &cl->classestensor));
  PetscCall(HtTensorSetName(cl->classestensor, "classes"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* y must be HT_INT labels, one per sample of Xs with its layout */
static PetscErrorCode HtClassifierCheckLabels(HtClassifier cl, HtTensor Xs, HtTensor y)
{
  HtDType dtype;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(y, HT_TENSOR_CLASSID, 3);
  PetscCheckSameComm(cl, 1, y, 3);
  PetscCall(HtTensorGetDType(y, &dtype));
  PetscCheck(dtype == HT_INT, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONG, "Classification needs integer class labels (an HT_INT tensor), not %s; convert whole-number labels with HtTensorAsType(y, HT_INT, &labels)", HtDTypes[dtype]);
  PetscCall(HtMLCheckTarget((PetscObject)cl, Xs, y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* X and y checked as training data (nfeatures: those of the model, or -1), X as Xs split along the samples */
static PetscErrorCode HtClassifierCheckTrainingData(HtClassifier cl, HtTensor X, HtTensor y, PetscInt nfeatures, HtTensor *Xs)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscCheckSameComm(cl, 1, X, 2);
  PetscCall(HtClassifierSetUp(cl));
  PetscCall(HtMLCheckData((PetscObject)cl, X, nfeatures, Xs));
  PetscCall(HtClassifierCheckLabels(cl, *Xs, y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the sorted distinct labels of y on every rank: each rank's distinct labels, gathered, made distinct again */
static PetscErrorCode HtClassifierFindClasses(HtTensor Xs, HtTensor y, PetscInt *nc, PetscInt **classes)
{
  HtSamples       s;
  const PetscInt *yl;
  PetscInt       *mine, nmine;

  PetscFunctionBegin;
  PetscCall(HtTensorGetLocalSize(y, &nmine));
  PetscCall(PetscMalloc1(nmine + 1, &mine));
  PetscCall(HtTensorGetArrayRead(y, &yl));
  PetscCall(PetscArraycpy(mine, yl, nmine));
  PetscCall(HtTensorRestoreArrayRead(y, &yl));
  PetscCall(PetscSortRemoveDupsInt(&nmine, mine));
  PetscCall(HtTensorGetSamples(Xs, NULL, &s));
  PetscCall(HtSamplesGatherInts(&s, nmine, mine, nc, classes));
  PetscCall(HtTensorRestoreSamples(Xs, NULL, &s));
  PetscCall(PetscSortRemoveDupsInt(nc, *classes));
  PetscCall(PetscFree(mine));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* yc (allocated) = the class index of each local label of y; every label must be one of the model's classes */
static PetscErrorCode HtClassifierClassIndices(HtClassifier cl, HtTensor Xs, HtTensor y, PetscInt **yc)
{
  HtSamples       s;
  const PetscInt *yl;
  PetscInt        m, bad[2] = {0, PETSC_MAX_INT}; /* count, first unknown label */

  PetscFunctionBegin;
  PetscCall(HtTensorGetLocalSize(y, &m));
  PetscCall(PetscMalloc1(m + 1, yc));
  PetscCall(HtTensorGetArrayRead(y, &yl));
  for (PetscInt i = 0; i < m; i++) {
    PetscCall(PetscFindInt(yl[i], cl->nclasses, cl->classes, &(*yc)[i]));
    if ((*yc)[i] < 0) {
      bad[0]++;
      bad[1] = PetscMin(bad[1], yl[i]);
    }
  }
  PetscCall(HtTensorRestoreArrayRead(y, &yl));
  PetscCall(HtTensorGetSamples(Xs, NULL, &s));
  PetscCall(HtSamplesReduceInt(&s, HT_SAMPLES_SUM, 1, &bad[0]));
  PetscCall(HtSamplesReduceInt(&s, HT_SAMPLES_MIN, 1, &bad[1]));
  PetscCall(HtTensorRestoreSamples(Xs, NULL, &s));
  PetscCheck(!bad[0], PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "%" PetscInt_FMT " labels (the smallest: %" PetscInt_FMT ") are not among the %" PetscInt_FMT " classes of the model; give every class on the first call of HtClassifierPartialFit()", bad[0], bad[1], cl->nclasses);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* after a fit: the object is fitted and reports as the options ask */
static PetscErrorCode HtClassifierFinishFit(HtClassifier cl)
{
  PetscFunctionBegin;
  cl->fitted = PETSC_TRUE;
  PetscCall(HtClassifierConvergedReasonViewFromOptions(cl));
  PetscCall(HtClassifierViewFromOptions(cl, NULL, "-ht_classifier_view"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierFit - Fits the classifier to labelled samples.

   Collective

   Input Parameters:
+  cl - the classifier object
.  X - an `HT_SCALAR` tensor of shape (samples, features) with no NaN or Inf, best split along the samples (axis 0);
       other splits are redistributed so first (see -info)
-  y - an `HT_INT` tensor of one label per sample, split along axis 0 like the samples: any integers; the classes
       are the sorted distinct labels (at least 2)

   Level: beginner

   Note:
   Afterwards `HtClassifierGetClasses()` gives the classes, `HtClassifierPredict()` labels new samples and
   `HtClassifierPredictProba()` gives their class probabilities.

.seealso: `HtClassifierPredict()`, `HtClassifierPredictProba()`, `HtClassifierScore()`, `HtClassifierPartialFit()`
@*/
PetscErrorCode HtClassifierFit(HtClassifier cl, HtTensor X, HtTensor y)
{
  HtTensor        Xs;
  PetscInt        nc, *classes, *yc;
  const PetscInt *shape;

  PetscFunctionBegin;
  PetscCall(HtClassifierCheckTrainingData(cl, X, y, -1, &Xs));
  PetscCall(HtClassifierReset(cl));
  PetscCall(HtClassifierSetUp(cl));
  PetscCall(PetscLogEventBegin(HT_CLASSIFIER_Fit, cl, Xs, y, 0));
  PetscCall(HtClassifierFindClasses(Xs, y, &nc, &classes));
  PetscCall(HtClassifierSetClasses_Private(cl, nc, classes));
  PetscCall(PetscFree(classes));
  PetscCall(HtClassifierClassIndices(cl, Xs, y, &yc));
  PetscCall(HtTensorGetShape(Xs, &shape));
  cl->nsamples  = shape[0];
  cl->nfeatures = shape[1];
  PetscUseTypeMethod(cl, fit, Xs, yc);
  PetscCall(PetscLogEventEnd(HT_CLASSIFIER_Fit, cl, Xs, y, 0));
  PetscCall(PetscFree(yc));
  PetscCall(HtTensorDestroy(&Xs));
  PetscCall(HtClassifierFinishFit(cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the classes of the first call of a partial fit: given (a 1-d HT_INT tensor of distinct labels), or an error */
static PetscErrorCode HtClassifierSetClassesFromTensor(HtClassifier cl, HtTensor classes)
{
  HtTensor        rep;
  const PetscInt *c;
  PetscInt        n, nd, ndim;
  PetscInt       *sorted;
  HtDType         dtype;

  PetscFunctionBegin;
  PetscCheck(classes, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_NULL, "The first call of HtClassifierPartialFit() needs every class (a 1-d HT_INT tensor of the distinct labels)");
  PetscValidHeaderSpecific(classes, HT_TENSOR_CLASSID, 4);
  PetscCall(HtTensorGetNDim(classes, &ndim));
  PetscCall(HtTensorGetDType(classes, &dtype));
  PetscCheck(ndim == 1 && dtype == HT_INT, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONG, "The classes must be a 1-d HT_INT tensor of the distinct labels");
  PetscCall(HtTensorResplit(classes, -1, &rep));
  PetscCall(HtTensorGetLocalSize(rep, &n));
  PetscCall(PetscMalloc1(n + 1, &sorted));
  PetscCall(HtTensorGetArrayRead(rep, &c));
  PetscCall(PetscArraycpy(sorted, c, n));
  PetscCall(HtTensorRestoreArrayRead(rep, &c));
  PetscCall(HtTensorDestroy(&rep));
  nd = n;
  PetscCall(PetscSortRemoveDupsInt(&nd, sorted));
  PetscCheck(nd == n, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONG, "The classes hold %" PetscInt_FMT " labels of which only %" PetscInt_FMT " are distinct", n, nd);
  PetscCall(HtClassifierSetClasses_Private(cl, n, sorted));
  PetscCall(PetscFree(sorted));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierPartialFit - Folds a batch of labelled samples into the model (scikit-learn's partial_fit): the model
   afterwards is that of every sample given since the object was created, reset or fitted with `HtClassifierFit()`.

   Collective

   Input Parameters:
+  cl - the classifier object, of a type that folds batches (`HTCLASSIFIERGAUSSIANNB`)
.  X - a batch of samples (samples, features), every batch with the features of the first
.  y - their `HT_INT` labels, one per sample, split like the samples
-  classes - on the first call, a 1-d `HT_INT` tensor of every class label that any batch will hold; ignored (may be
             NULL) afterwards

   Level: intermediate

.seealso: `HtClassifierFit()`, `HTCLASSIFIERGAUSSIANNB`
@*/
PetscErrorCode HtClassifierPartialFit(HtClassifier cl, HtTensor X, HtTensor y, HtTensor classes)
{
  HtTensor        Xs;
  PetscInt       *yc;
  const PetscInt *shape;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscCall(HtClassifierSetUp(cl));
  PetscCheck(cl->ops->partialfit, PetscObjectComm((PetscObject)cl), PETSC_ERR_SUP, "HtClassifierPartialFit() needs a type that folds batches into its model (-ht_classifier_type gaussiannb), not %s", ((PetscObject)cl)->type_name);
  PetscCall(HtClassifierCheckTrainingData(cl, X, y, cl->nclasses ? cl->nfeatures : -1, &Xs));
  PetscCall(PetscLogEventBegin(HT_CLASSIFIER_Fit, cl, Xs, y, 0));
  if (!cl->nclasses) PetscCall(HtClassifierSetClassesFromTensor(cl, classes));
  PetscCall(HtClassifierClassIndices(cl, Xs, y, &yc));
  PetscCall(HtTensorGetShape(Xs, &shape));
  cl->nsamples += shape[0];
  cl->nfeatures = shape[1];
  PetscUseTypeMethod(cl, partialfit, Xs, yc);
  PetscCall(PetscLogEventEnd(HT_CLASSIFIER_Fit, cl, Xs, y, 0));
  PetscCall(PetscFree(yc));
  PetscCall(HtTensorDestroy(&Xs));
  PetscCall(HtClassifierFinishFit(cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the type's scores (or probabilities) of the samples of X, checked as new data, as an N x C tensor with the samples' layout */
static PetscErrorCode HtClassifierScores(HtClassifier cl, HtTensor X, PetscBool proba, HtTensor *Xs, HtTensor *S)
{
  PetscScalar *s;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 2);
  PetscCheckSameComm(cl, 1, X, 2);
  PetscCall(HtMLCheckFitted((PetscObject)cl, cl->fitted));
  PetscCall(HtMLCheckData((PetscObject)cl, X, cl->nfeatures, Xs));
  PetscCall(PetscLogEventBegin(HT_CLASSIFIER_Predict, cl, *Xs, 0, 0));
  PetscCall(HtMLCreateSampleTensor(*Xs, cl->nclasses, HT_SCALAR, proba ? "probabilities" : "scores", S));
  PetscCall(HtTensorGetArrayWrite(*S, &s));
  PetscUseTypeMethod(cl, scores, *Xs, proba, s);
  PetscCall(HtTensorRestoreArrayWrite(*S, &s));
  PetscCall(PetscLogEventEnd(HT_CLASSIFIER_Predict, cl, *Xs, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierPredict - Predicts the labels of samples.

   Collective

   Input Parameters:
+  cl - the fitted classifier object
-  X - samples (samples, features) with the features of the training data

   Output Parameter:
.  labels - a new 1-d `HT_INT` tensor of the predicted labels (the original label values), with the layout of the
            samples

   Level: beginner

   Note:
   The label is the class of the largest score of the type (votes, joint likelihood, decision function); on ties the
   smallest class, as scikit-learn.

.seealso: `HtClassifierFit()`, `HtClassifierPredictProba()`
@*/
PetscErrorCode HtClassifierPredict(HtClassifier cl, HtTensor X, HtTensor *labels)
{
  HtTensor           Xs, S;
  const PetscScalar *s;
  PetscInt          *l, m, C;

  PetscFunctionBegin;
  PetscValidPointer(labels, 3);
  PetscCall(HtClassifierScores(cl, X, PETSC_FALSE, &Xs, &S));
  C = cl->nclasses;
  PetscCall(HtMLCreateSampleTensor(Xs, 0, HT_INT, "predicted", labels));
  PetscCall(HtTensorGetLocalSize(*labels, &m));
  PetscCall(HtTensorGetArrayRead(S, &s));
  PetscCall(HtTensorGetArrayWrite(*labels, &l));
  for (PetscInt i = 0; i < m; i++) {
    PetscInt best = 0;

    for (PetscInt c = 1; c < C; c++)
      if (PetscRealPart(s[i * C + c]) > PetscRealPart(s[i * C + best])) best = c;
    l[i] = cl->classes[best];
  }
  PetscCall(HtTensorRestoreArrayWrite(*labels, &l));
  PetscCall(HtTensorRestoreArrayRead(S, &s));
  PetscCall(HtTensorDestroy(&S));
  PetscCall(HtTensorDestroy(&Xs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierPredictProba - Gives the class probabilities of samples.

   Collective

   Input Parameters:
+  cl - the fitted classifier object
-  X - samples (samples, features) with the features of the training data

   Output Parameter:
.  P - a new N x C `HT_SCALAR` tensor with the layout of the samples: column c is the probability of class c of
       `HtClassifierGetClasses()` (knn: the fractions of the votes, as scikit-learn's predict_proba)

   Level: beginner

.seealso: `HtClassifierPredict()`, `HtClassifierGetClasses()`
@*/
PetscErrorCode HtClassifierPredictProba(HtClassifier cl, HtTensor X, HtTensor *P)
{
  HtTensor Xs;

  PetscFunctionBegin;
  PetscValidPointer(P, 3);
  PetscCall(HtClassifierScores(cl, X, PETSC_TRUE, &Xs, P));
  PetscCall(HtTensorDestroy(&Xs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierScore - The accuracy of the predictions of labelled samples: the fraction predicted correctly.

   Collective

   Input Parameters:
+  cl - the fitted classifier object
.  X - samples (samples, features)
-  y - their `HT_INT` labels, split like the samples

   Output Parameter:
.  accuracy - the fraction of the samples whose predicted label is y's

   Level: beginner

.seealso: `HtClassifierPredict()`
@*/
PetscErrorCode HtClassifierScore(HtClassifier cl, HtTensor X, HtTensor y, PetscReal *accuracy)
{
  HtTensor        Xs, labels;
  HtSamples       s;
  const PetscInt *l, *yl;
  PetscInt        m, correct = 0;

  PetscFunctionBegin;
  PetscValidRealPointer(accuracy, 4);
  PetscCall(HtClassifierPredict(cl, X, &labels));
  PetscCall(HtMLCheckData((PetscObject)cl, X, cl->nfeatures, &Xs));
  PetscCall(HtClassifierCheckLabels(cl, Xs, y));
  PetscCall(HtTensorGetLocalSize(y, &m));
  PetscCall(HtTensorGetArrayRead(labels, &l));
  PetscCall(HtTensorGetArrayRead(y, &yl));
  for (PetscInt i = 0; i < m; i++) correct += l[i] == yl[i];
  PetscCall(HtTensorRestoreArrayRead(y, &yl));
  PetscCall(HtTensorRestoreArrayRead(labels, &l));
  PetscCall(HtTensorGetSamples(Xs, NULL, &s));
  PetscCall(HtSamplesReduceInt(&s, HT_SAMPLES_SUM, 1, &correct));
  *accuracy = (PetscReal)correct / PetscMax(s.n, 1);
  PetscCall(HtTensorRestoreSamples(Xs, NULL, &s));
  PetscCall(HtTensorDestroy(&labels));
  PetscCall(HtTensorDestroy(&Xs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierGetClasses - Gets the classes of the model: the sorted distinct labels of the training data
   (scikit-learn's classes_).

   Not Collective

   Input Parameter:
.  cl - the fitted classifier object

   Output Parameter:
.  classes - a 1-d replicated `HT_INT` tensor, owned by the object

   Level: beginner

.seealso: `HtClassifierFit()`, `HtClassifierPredictProba()`
@*/
PetscErrorCode HtClassifierGetClasses(HtClassifier cl, HtTensor *classes)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidPointer(classes, 2);
  PetscCall(HtMLCheckFitted((PetscObject)cl, cl->fitted));
  *classes = cl->classestensor;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierGetIterationNumber - Gets the number of iterations of the last fit (0 for the direct types).

   Not Collective

   Input Parameter:
.  cl - the classifier object

   Output Parameter:
.  its - the number of iterations

   Level: intermediate

.seealso: `HtClassifierGetConvergedReason()`
@*/
PetscErrorCode HtClassifierGetIterationNumber(HtClassifier cl, PetscInt *its)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidIntPointer(its, 2);
  *its = cl->its;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierGetConvergedReason - Gets how the last fit ended.

   Not Collective

   Input Parameter:
.  cl - the classifier object

   Output Parameter:
.  reason - the reason (negative: the fit did not converge)

   Level: intermediate

.seealso: `HtClassifierConvergedReasonView()`, `HtClassifierConvergedReason`
@*/
PetscErrorCode HtClassifierGetConvergedReason(HtClassifier cl, HtClassifierConvergedReason *reason)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidPointer(reason, 2);
  *reason = cl->reason;
  PetscFunctionReturn(PETSC_SUCCESS);
}
