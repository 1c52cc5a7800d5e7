/*
   HTCLASSIFIERGAUSSIANNB: Gaussian naive Bayes. One pass over the local samples updates each class's count, mean and
   sum of squared deviations (Welford); every rank's C (2F + 1) numbers are gathered and merged in rank order with the
   pairwise formula of Chan, Golub and LeVeque, into the model of the batches seen before. The model keeps the
   unsmoothed sums, so that a batch merged later gives the same model as one fit of all samples.
*/
#include <heat/private/classifierimpl.h>

typedef struct {
  PetscReal  var_smoothing;
  PetscInt   npriors;
  PetscReal *priors; /* given, or NULL: the class frequencies */
  /* model: per class the count, the means (C x F) and the sums of squared deviations from them (C x F) */
  PetscReal *count, *mean, *m2;
  PetscReal  epsilon;
  PetscReal *prior, *var, *logconst; /* C, C x F (smoothed), C: log prior - sum_j log(2 pi var_cj) / 2 */
  HtTensor   tprior, tcount, ttheta, tvar;
} HtClassifier_GaussianNB;

/* (na, ma, Ma) becomes the merge of itself and (nb, mb, Mb), f features */
static void HtGaussianNBMerge(PetscInt f, PetscReal *na, PetscReal ma[], PetscReal Ma[], PetscReal nb, const PetscReal mb[], const PetscReal Mb[])
{
  PetscReal n = *na + nb;

  if (nb == 0) return;
  for (PetscInt j = 0; j < f; j++) {
    PetscReal delta = mb[j] - ma[j];

    ma[j] += delta * (nb / n);
    Ma[j] += Mb[j] + delta * delta * (*na * nb / n);
  }
  *na = n;
}

static PetscErrorCode HtGaussianNBDestroyModel(HtClassifier_GaussianNB *nb)
{
  PetscFunctionBegin;
  PetscCall(PetscFree3(nb->count, nb->mean, nb->m2));
  PetscCall(PetscFree3(nb->prior, nb->var, nb->logconst));
  PetscCall(HtTensorDestroy(&nb->tprior));
  PetscCall(HtTensorDestroy(&nb->tcount));
  PetscCall(HtTensorDestroy(&nb->ttheta));
  PetscCall(HtTensorDestroy(&nb->tvar));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* an empty model of the classifier's classes and features */
static PetscErrorCode HtGaussianNBCreateModel(HtClassifier cl)
{
  HtClassifier_GaussianNB *nb = (HtClassifier_GaussianNB *)cl->data;
  PetscInt                 C = cl->nclasses, F = cl->nfeatures;

  PetscFunctionBegin;
  PetscCall(HtGaussianNBDestroyModel(nb));
  PetscCall(PetscCalloc3(C, &nb->count, C * F, &nb->mean, C * F, &nb->m2));
  PetscCall(PetscCalloc3(C, &nb->prior, C * F, &nb->var, C, &nb->logconst));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the priors: given (checked against the classes), or the class frequencies */
static PetscErrorCode HtGaussianNBSetPriors(HtClassifier cl)
{
  HtClassifier_GaussianNB *nb = (HtClassifier_GaussianNB *)cl->data;
  PetscInt                 C  = cl->nclasses;
  PetscReal                total = 0;

  PetscFunctionBegin;
  if (nb->priors) {
    PetscCheck(nb->npriors == C, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_SIZ, "%" PetscInt_FMT " priors were given for %" PetscInt_FMT " classes; give one prior per class", nb->npriors, C);
    PetscCall(PetscArraycpy(nb->prior, nb->priors, C));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  for (PetscInt c = 0; c < C; c++) total += nb->count[c];
  for (PetscInt c = 0; c < C; c++) nb->prior[c] = nb->count[c] / total;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the fitted arrays from the sums: epsilon = var_smoothing times the largest variance of a feature over all samples
   (the classes' sums merged), var = the class variances + epsilon, the priors and the constants of the likelihood
*/
static PetscErrorCode HtGaussianNBFinish(HtClassifier cl)
{
  HtClassifier_GaussianNB *nb = (HtClassifier_GaussianNB *)cl->data;
  PetscInt                 C = cl->nclasses, F = cl->nfeatures;
  PetscReal                n = 0, *mu, *M, maxvar = 0;

  PetscFunctionBegin;
  PetscCall(PetscCalloc2(F, &mu, F, &M));
  for (PetscInt c = 0; c < C; c++) HtGaussianNBMerge(F, &n, mu, M, nb->count[c], nb->mean + c * F, nb->m2 + c * F);
  for (PetscInt j = 0; j < F; j++) maxvar = PetscMax(maxvar, M[j] / n);
  PetscCall(PetscFree2(mu, M));
  nb->epsilon = nb->var_smoothing * maxvar;
  PetscCall(HtGaussianNBSetPriors(cl));
  for (PetscInt c = 0; c < C; c++) {
    PetscReal logdet = 0;

    for (PetscInt j = 0; j < F; j++) {
      nb->var[c * F + j] = (nb->count[c] > 0 ? nb->m2[c * F + j] / nb->count[c] : 0) + nb->epsilon;
      logdet += PetscLogReal(2 * PETSC_PI * nb->var[c * F + j]);
    }
    nb->logconst[c] = PetscLogReal(nb->prior[c]) - 0.5 * logdet;
  }
  PetscCall(HtTensorDestroy(&nb->tprior));
  PetscCall(HtTensorDestroy(&nb->tcount));
  PetscCall(HtTensorDestroy(&nb->ttheta));
  PetscCall(HtTensorDestroy(&nb->tvar));
  PetscCall(HtClassifierReplicated_Private(cl, C, 0, HT_SCALAR, nb->prior, &nb->tprior));
  PetscCall(HtClassifierReplicated_Private(cl, C, 0, HT_SCALAR, nb->count, &nb->tcount));
  PetscCall(HtClassifierReplicated_Private(cl, C, F, HT_SCALAR, nb->mean, &nb->ttheta));
  PetscCall(HtClassifierReplicated_Private(cl, C, F, HT_SCALAR, nb->var, &nb->tvar));
  cl->reason = HT_CLASSIFIER_CONVERGED_DIRECT;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* one pass over the local samples (Welford per class), then every rank's sums merged into the model in rank order */
static PetscErrorCode HtClassifierPartialFit_GaussianNB(HtClassifier cl, HtTensor X, const PetscInt yc[])
{
  HtClassifier_GaussianNB *nb = (HtClassifier_GaussianNB *)cl->data;
  PetscInt                 C = cl->nclasses, F = cl->nfeatures, bs = C * (2 * F + 1);
  HtSamples                s;
  PetscScalar             *mine, *all;
  PetscReal               *cnt, *mu, *M;
  PetscMPIInt              size;

  PetscFunctionBegin;
  if (!nb->count) PetscCall(HtGaussianNBCreateModel(cl));
  PetscCall(HtTensorGetSamples(X, NULL, &s));
  PetscCall(HtCommGetRank(s.comm, NULL, &size));
  PetscCall(PetscMalloc1(bs, &mine));
  PetscCall(PetscMalloc1(bs * size, &all));
  cnt = (PetscReal *)mine; /* real scalars: the block is C counts, C x F means, C x F sums */
  mu  = cnt + C;
  M   = mu + C * F;
  PetscCall(HtSamplesClassMoments(&s, yc, C, cnt, mu, M));
  PetscCall(HtSamplesGatherBlocks(&s, 1, bs, mine, all));
  PetscCall(HtTensorRestoreSamples(X, NULL, &s));
  for (PetscMPIInt r = 0; r < size; r++) {
    const PetscReal *b = (const PetscReal *)(all + r * bs);

    for (PetscInt c = 0; c < C; c++) HtGaussianNBMerge(F, &nb->count[c], nb->mean + c * F, nb->m2 + c * F, b[c], b + C + c * F, b + C + C * F + c * F);
  }
  PetscCall(PetscFree(mine));
  PetscCall(PetscFree(all));
  PetscCall(HtGaussianNBFinish(cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierFit_GaussianNB(HtClassifier cl, HtTensor X, const PetscInt yc[])
{
  PetscFunctionBegin;
  PetscCall(HtGaussianNBCreateModel(cl));
  PetscCall(HtClassifierPartialFit_GaussianNB(cl, X, yc));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the joint log-likelihoods log P(c) + log P(x | c) of the local samples, or (proba) the posteriors by log-sum-exp */
static PetscErrorCode HtClassifierScores_GaussianNB(HtClassifier cl, HtTensor X, PetscBool proba, PetscScalar S[])
{
  HtClassifier_GaussianNB *nb = (HtClassifier_GaussianNB *)cl->data;
  HtSamples                s;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, NULL, &s));
  PetscCall(HtSamplesGaussianScores(&s, cl->nclasses, nb->mean, nb->var, nb->logconst, proba, S));
  PetscCall(HtTensorRestoreSamples(X, NULL, &s));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierView_GaussianNB(HtClassifier cl, PetscViewer viewer)
{
  HtClassifier_GaussianNB *nb = (HtClassifier_GaussianNB *)cl->data;
  PetscBool                isascii;

  PetscFunctionBegin;
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERASCII, &isascii));
  if (!isascii) {
    PetscCall(HtMLModelSaveTensor(viewer, nb->tcount, "class_count"));
    PetscCall(HtMLModelSaveTensor(viewer, nb->tprior, "class_prior"));
    PetscCall(HtMLModelSaveTensor(viewer, nb->ttheta, "theta"));
    PetscCall(HtMLModelSaveTensor(viewer, nb->tvar, "var"));
    PetscCall(HtMLModelSaveScalar((PetscObject)cl, viewer, "epsilon", HT_SCALAR, nb->epsilon));
    PetscCall(HtMLModelSaveScalar((PetscObject)cl, viewer, "var_smoothing", HT_SCALAR, nb->var_smoothing));
    PetscCall(HtMLModelSaveScalar((PetscObject)cl, viewer, "priors_given", HT_INT, (PetscScalar)(nb->priors != NULL)));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(PetscViewerASCIIPrintf(viewer, "var_smoothing: %g, priors: %s\n", (double)nb->var_smoothing, nb->priors ? "given" : "the class frequencies"));
  if (!cl->fitted) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscViewerASCIIPrintf(viewer, "epsilon: %.8g\n", (double)nb->epsilon));
  for (PetscInt c = 0; c < cl->nclasses; c++) PetscCall(PetscViewerASCIIPrintf(viewer, "class %" PetscInt_FMT ": %" PetscInt_FMT " samples, prior %.8g\n", cl->classes[c], (PetscInt)nb->count[c], (double)nb->prior[c]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a replicated model dataset of n values into v[] (reals) */
static PetscErrorCode HtGaussianNBLoadValues(HtClassifier cl, PetscViewer viewer, const char name[], PetscInt n, PetscReal v[])
{
  PetscScalar *a;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(n, &a));
  PetscCall(HtClassifierLoadValues_Private(cl, viewer, name, n, a));
  for (PetscInt i = 0; i < n; i++) v[i] = PetscRealPart(a[i]);
  PetscCall(PetscFree(a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierLoad_GaussianNB(HtClassifier cl, PetscViewer viewer)
{
  HtClassifier_GaussianNB *nb = (HtClassifier_GaussianNB *)cl->data;
  PetscInt                 C = cl->nclasses, F = cl->nfeatures;
  PetscScalar              eps, smoothing, given;

  PetscFunctionBegin;
  PetscCall(HtGaussianNBCreateModel(cl));
  PetscCall(HtGaussianNBLoadValues(cl, viewer, "class_count", C, nb->count));
  PetscCall(HtGaussianNBLoadValues(cl, viewer, "theta", C * F, nb->mean));
  PetscCall(HtGaussianNBLoadValues(cl, viewer, "var", C * F, nb->m2));
  PetscCall(HtMLModelLoadScalar((PetscObject)cl, viewer, "epsilon", &eps));
  PetscCall(HtMLModelLoadScalar((PetscObject)cl, viewer, "var_smoothing", &smoothing));
  PetscCall(HtMLModelLoadScalar((PetscObject)cl, viewer, "priors_given", &given));
  for (PetscInt c = 0; c < C; c++)
    for (PetscInt j = 0; j < F; j++) nb->m2[c * F + j] = (nb->m2[c * F + j] - PetscRealPart(eps)) * nb->count[c];
  PetscCall(HtClassifierGaussianNBSetVarSmoothing(cl, PetscRealPart(smoothing)));
  if (PetscRealPart(given) != 0) {
    PetscReal *p;

    PetscCall(PetscMalloc1(C, &p));
    PetscCall(HtGaussianNBLoadValues(cl, viewer, "class_prior", C, p));
    PetscCall(HtClassifierGaussianNBSetPriors(cl, C, p));
    PetscCall(PetscFree(p));
  }
  PetscCall(HtGaussianNBFinish(cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierSetFromOptions_GaussianNB(HtClassifier cl, PetscOptionItems *PetscOptionsObject)
{
  HtClassifier_GaussianNB *nb = (HtClassifier_GaussianNB *)cl->data;
  PetscReal                smoothing = nb->var_smoothing, priors[256];
  PetscInt                 n = 256;
  PetscBool                set;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtClassifier gaussiannb options");
  PetscCall(PetscOptionsReal("-ht_classifier_gaussiannb_var_smoothing", "Added to the variances: this times the largest variance of a feature", "HtClassifierGaussianNBSetVarSmoothing", smoothing, &smoothing, &set));
  if (set) PetscCall(HtClassifierGaussianNBSetVarSmoothing(cl, smoothing));
  PetscCall(PetscOptionsRealArray("-ht_classifier_gaussiannb_priors", "Prior probabilities of the classes, in class order (comma list)", "HtClassifierGaussianNBSetPriors", priors, &n, &set));
  if (set) PetscCall(HtClassifierGaussianNBSetPriors(cl, n, priors));
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierReset_GaussianNB(HtClassifier cl)
{
  PetscFunctionBegin;
  PetscCall(HtGaussianNBDestroyModel((HtClassifier_GaussianNB *)cl->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierDestroy_GaussianNB(HtClassifier cl)
{
  HtClassifier_GaussianNB *nb = (HtClassifier_GaussianNB *)cl->data;

  PetscFunctionBegin;
  PetscCall(HtGaussianNBDestroyModel(nb));
  PetscCall(PetscFree(nb->priors));
  PetscCall(PetscFree(cl->data));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierGaussianNBSetVarSmoothing_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierGaussianNBSetPriors_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierGaussianNBGetModel_C", NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierGaussianNBSetVarSmoothing_GaussianNB(HtClassifier cl, PetscReal smoothing)
{
  PetscFunctionBegin;
  PetscCheck(smoothing >= 0, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "var_smoothing must be >= 0, not %g", (double)smoothing);
  ((HtClassifier_GaussianNB *)cl->data)->var_smoothing = smoothing;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierGaussianNBSetPriors_GaussianNB(HtClassifier cl, PetscInt n, const PetscReal priors[])
{
  HtClassifier_GaussianNB *nb  = (HtClassifier_GaussianNB *)cl->data;
  PetscReal                sum = 0;

  PetscFunctionBegin;
  for (PetscInt c = 0; c < n; c++) {
    PetscCheck(priors[c] >= 0, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "Prior %" PetscInt_FMT " is negative (%g); priors must be >= 0", c, (double)priors[c]);
    sum += priors[c];
  }
  PetscCheck(PetscAbsReal(sum - 1) <= 1e-8, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "The priors sum to %.10g; they must sum to 1", (double)sum);
  PetscCall(PetscFree(nb->priors));
  PetscCall(PetscMalloc1(n, &nb->priors));
  PetscCall(PetscArraycpy(nb->priors, priors, n));
  nb->npriors = n;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* which: 0 priors, 1 counts, 2 theta, 3 var (tensors owned by the object), 4 epsilon */
static PetscErrorCode HtClassifierGaussianNBGetModel_GaussianNB(HtClassifier cl, PetscInt which, HtTensor *t, PetscReal *eps)
{
  HtClassifier_GaussianNB *nb = (HtClassifier_GaussianNB *)cl->data;
  HtTensor                 ts[4] = {nb->tprior, nb->tcount, nb->ttheta, nb->tvar};

  PetscFunctionBegin;
  PetscCall(HtMLCheckFitted((PetscObject)cl, cl->fitted));
  if (which < 4) *t = ts[which];
  else *eps = nb->epsilon;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierGaussianNBSetVarSmoothing - Sets the part of the largest feature variance added to every variance for
   stability (scikit-learn's var_smoothing).

   Logically Collective

   Input Parameters:
+  cl - the classifier object
-  smoothing - the fraction (default 1e-9)

   Options Database Key:
.  -ht_classifier_gaussiannb_var_smoothing <1e-9> - the fraction

   Level: intermediate

.seealso: `HTCLASSIFIERGAUSSIANNB`, `HtClassifierGaussianNBGetEpsilon()`
@*/
PetscErrorCode HtClassifierGaussianNBSetVarSmoothing(HtClassifier cl, PetscReal smoothing)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidLogicalCollectiveReal(cl, smoothing, 2);
  PetscTryMethod(cl, "HtClassifierGaussianNBSetVarSmoothing_C", (HtClassifier, PetscReal), (cl, smoothing));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierGaussianNBSetPriors - Sets the prior probabilities of the classes (instead of their frequencies).

   Logically Collective

   Input Parameters:
+  cl - the classifier object
.  n - the number of priors: the number of classes of the data
-  priors - the priors in class order (the sorted labels), >= 0, summing to 1

   Options Database Key:
.  -ht_classifier_gaussiannb_priors <p0,p1,...> - the priors

   Level: intermediate

.seealso: `HTCLASSIFIERGAUSSIANNB`, `HtClassifierGaussianNBGetClassPrior()`
@*/
PetscErrorCode HtClassifierGaussianNBSetPriors(HtClassifier cl, PetscInt n, const PetscReal priors[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscTryMethod(cl, "HtClassifierGaussianNBSetPriors_C", (HtClassifier, PetscInt, const PetscReal[]), (cl, n, priors));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the getters: the composed function of the gaussiannb type, or an error for another type */
static PetscErrorCode HtClassifierGaussianNBGetModel(HtClassifier cl, PetscInt which, HtTensor *t, PetscReal *eps)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscUseMethod(cl, "HtClassifierGaussianNBGetModel_C", (HtClassifier, PetscInt, HtTensor *, PetscReal *), (cl, which, t, eps));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierGaussianNBGetClassPrior - Gets the prior probability of each class (scikit-learn's class_prior_).

   Not Collective

   Input Parameter:
.  cl - the fitted classifier object, of type `HTCLASSIFIERGAUSSIANNB`

   Output Parameter:
.  prior - 1-d replicated tensor of C values, owned by the object

   Level: intermediate

.seealso: `HtClassifierGaussianNBGetClassCount()`, `HTCLASSIFIERGAUSSIANNB`
@*/
PetscErrorCode HtClassifierGaussianNBGetClassPrior(HtClassifier cl, HtTensor *prior)
{
  PetscFunctionBegin;
  PetscCall(HtClassifierGaussianNBGetModel(cl, 0, prior, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierGaussianNBGetClassCount - Gets the number of training samples of each class (scikit-learn's class_count_).

   Not Collective

   Input Parameter:
.  cl - the fitted classifier object, of type `HTCLASSIFIERGAUSSIANNB`

   Output Parameter:
.  count - 1-d replicated tensor of C values, owned by the object

   Level: intermediate

.seealso: `HtClassifierGaussianNBGetClassPrior()`, `HTCLASSIFIERGAUSSIANNB`
@*/
PetscErrorCode HtClassifierGaussianNBGetClassCount(HtClassifier cl, HtTensor *count)
{
  PetscFunctionBegin;
  PetscCall(HtClassifierGaussianNBGetModel(cl, 1, count, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierGaussianNBGetTheta - Gets the mean of each feature in each class (scikit-learn's theta_).

   Not Collective

   Input Parameter:
.  cl - the fitted classifier object, of type `HTCLASSIFIERGAUSSIANNB`

   Output Parameter:
.  theta - C x F replicated tensor, owned by the object

   Level: intermediate

.seealso: `HtClassifierGaussianNBGetVar()`, `HTCLASSIFIERGAUSSIANNB`
@*/
PetscErrorCode HtClassifierGaussianNBGetTheta(HtClassifier cl, HtTensor *theta)
{
  PetscFunctionBegin;
  PetscCall(HtClassifierGaussianNBGetModel(cl, 2, theta, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierGaussianNBGetVar - Gets the variance of each feature in each class, plus epsilon (scikit-learn's var_).

   Not Collective

   Input Parameter:
.  cl - the fitted classifier object, of type `HTCLASSIFIERGAUSSIANNB`

   Output Parameter:
.  var - C x F replicated tensor, owned by the object

   Level: intermediate

.seealso: `HtClassifierGaussianNBGetTheta()`, `HtClassifierGaussianNBGetEpsilon()`, `HTCLASSIFIERGAUSSIANNB`
@*/
PetscErrorCode HtClassifierGaussianNBGetVar(HtClassifier cl, HtTensor *var)
{
  PetscFunctionBegin;
  PetscCall(HtClassifierGaussianNBGetModel(cl, 3, var, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierGaussianNBGetEpsilon - Gets the value added to the variances (scikit-learn's epsilon_): var_smoothing
   times the largest variance of a feature over all samples fitted.

   Not Collective

   Input Parameter:
.  cl - the fitted classifier object, of type `HTCLASSIFIERGAUSSIANNB`

   Output Parameter:
.  epsilon - the value

   Level: intermediate

.seealso: `HtClassifierGaussianNBSetVarSmoothing()`, `HTCLASSIFIERGAUSSIANNB`
@*/
PetscErrorCode HtClassifierGaussianNBGetEpsilon(HtClassifier cl, PetscReal *epsilon)
{
  PetscFunctionBegin;
  PetscValidRealPointer(epsilon, 2);
  PetscCall(HtClassifierGaussianNBGetModel(cl, 4, NULL, epsilon));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTCLASSIFIERGAUSSIANNB - "gaussiannb" - Gaussian naive Bayes.

   Method: each class c has a prior P(c) (given, or its frequency) and, for each feature j, a normal distribution of
   mean theta_cj and variance var_cj (the class's sample variance plus epsilon = var_smoothing times the largest
   variance of a feature over all samples); a sample's class is the one of the largest log P(c) + sum_j log N(x_j;
   theta_cj, var_cj), and its probabilities are these joint likelihoods normalized (by log-sum-exp). The counts,
   means and variances are formed in one pass over the data and merged across ranks and batches by the pairwise
   formula of Chan et al., so `HtClassifierPartialFit()` in batches gives the model of one fit of all samples, on
   any number of ranks. A constant feature has variance epsilon in every class (var_smoothing > 0 is needed then).

   Options Database Keys:
+  -ht_classifier_gaussiannb_var_smoothing <1e-9> - the fraction of the largest feature variance added to the variances
-  -ht_classifier_gaussiannb_priors <p0,p1,...> - the class priors, in class order

   Note:
   scikit-learn's partial_fit takes epsilon from the variances of the last batch only (and subtracts the new epsilon
   from the smoothed variances of the previous batches); here epsilon always comes from all samples seen, so a fit in
   batches equals the fit of all samples. The two differ by var_smoothing-sized amounts (1e-9 relative by default).

   References:
+  T. Hastie, R. Tibshirani and J. Friedman, The Elements of Statistical Learning, 2nd ed., Springer, 2009, section 6.6.3.
-  T. F. Chan, G. H. Golub and R. J. LeVeque, Updating formulae and a pairwise algorithm for computing sample
   variances, Technical Report STAN-CS-79-773, Stanford University, 1979.

   Level: beginner

.seealso: `HtClassifierCreate()`, `HtClassifierSetType()`, `HtClassifierPartialFit()`, `HTCLASSIFIERKNN`, `HTCLASSIFIERLOGISTIC`
M*/
PETSC_INTERN PetscErrorCode HtClassifierCreate_GaussianNB(HtClassifier cl)
{
  HtClassifier_GaussianNB *nb;

  PetscFunctionBegin;
  PetscCall(PetscNew(&nb));
  nb->var_smoothing        = 1e-9;
  cl->data                 = nb;
  cl->ops->fit             = HtClassifierFit_GaussianNB;
  cl->ops->partialfit      = HtClassifierPartialFit_GaussianNB;
  cl->ops->scores          = HtClassifierScores_GaussianNB;
  cl->ops->view            = HtClassifierView_GaussianNB;
  cl->ops->load            = HtClassifierLoad_GaussianNB;
  cl->ops->setfromoptions  = HtClassifierSetFromOptions_GaussianNB;
  cl->ops->reset           = HtClassifierReset_GaussianNB;
  cl->ops->destroy         = HtClassifierDestroy_GaussianNB;
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierGaussianNBSetVarSmoothing_C", HtClassifierGaussianNBSetVarSmoothing_GaussianNB));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierGaussianNBSetPriors_C", HtClassifierGaussianNBSetPriors_GaussianNB));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierGaussianNBGetModel_C", HtClassifierGaussianNBGetModel_GaussianNB));
  PetscFunctionReturn(PETSC_SUCCESS);
}
