/*
   HTPCARANDOMIZED: the Halko-Martinsson-Tropp range finder on the implicitly centered data. The Gaussian test matrix
   (F x l) is drawn on every rank from the counter-based generator keyed by (seed, feature, column), so it does not
   depend on the number of ranks. Each power iteration is two passes over the local rows (centered chunk by chunk in
   cache, BLAS 3), one reduction of F l numbers (X^T Q) and one TSQR of the N x l block (l x l factors gathered); the
   F x l blocks are orthonormalized by every rank alone.
*/
#include <heat/private/pcaimpl.h>
#include <heat/private/philox.h>

typedef struct {
  PetscInt oversamples, power_its; /* power_its PETSC_DECIDE: 7 when k < 0.1 min(N, F), else 4 (scikit-learn's rule) */
} HtPCA_Randomized;

/* Q (N x l, X's layout) = an orthonormal basis of (X - 1 mean^T) W for the F x l block W, by TSQR */
static PetscErrorCode HtRandomizedRange(HtTensor X, const HtSamples *s, const PetscScalar mean[], PetscInt l, const PetscScalar W[], HtTensor *Q)
{
  HtTensor     Y, R;
  PetscScalar *y;

  PetscFunctionBegin;
  PetscCall(HtMLCreateSampleTensor(X, l, HT_SCALAR, NULL, &Y));
  PetscCall(HtTensorGetArrayWrite(Y, &y));
  PetscCall(HtSamplesCenteredProduct(s, mean, l, W, y));
  PetscCall(HtTensorRestoreArrayWrite(Y, &y));
  PetscCall(HtTensorQR(Y, Q, &R));
  PetscCall(HtTensorDestroy(&R));
  PetscCall(HtTensorDestroy(&Y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* Z (F x l, the same on every rank) = (X - 1 mean^T)^T Q */
static PetscErrorCode HtRandomizedProject(const HtSamples *s, const PetscScalar mean[], PetscInt l, HtTensor Q, PetscScalar Z[])
{
  const PetscScalar *q;

  PetscFunctionBegin;
  PetscCall(HtTensorGetArrayRead(Q, &q));
  PetscCall(HtSamplesCenteredTransposeProduct(s, mean, l, q, Z));
  PetscCall(HtTensorRestoreArrayRead(Q, &q));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* Z (F x l) replaced by an orthonormal basis of its columns, on every rank alone */
static PetscErrorCode HtRandomizedOrthonormalize(PetscInt f, PetscInt l, PetscScalar Z[])
{
  HtTensor     T, Q, R;
  PetscScalar *t;

  PetscFunctionBegin;
  PetscCall(HtTensorCreate(PETSC_COMM_SELF, 2, (PetscInt[]){f, l}, -1, HT_SCALAR, &T));
  PetscCall(HtTensorGetArrayWrite(T, &t));
  PetscCall(PetscArraycpy(t, Z, f * l));
  PetscCall(HtTensorRestoreArrayWrite(T, &t));
  PetscCall(HtTensorQR(T, &Q, &R));
  PetscCall(HtTensorDestroy(&R));
  PetscCall(HtTensorGetArrayRead(Q, &t));
  PetscCall(PetscArraycpy(Z, t, f * l));
  PetscCall(HtTensorRestoreArrayRead(Q, &t));
  PetscCall(HtTensorDestroy(&Q));
  PetscCall(HtTensorDestroy(&T));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the singular values s (l) and right singular vectors vt (l x F) of B = Z^T for Z = X^T Q (F x l); Z is kept */
static PetscErrorCode HtRandomizedSmallSVD(PetscInt f, PetscInt l, const PetscScalar Z[], PetscReal s[], PetscScalar vt[])
{
  PetscScalar *B;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(l * f, &B));
  for (PetscInt j = 0; j < f; j++)
    for (PetscInt c = 0; c < l; c++) B[c * f + j] = Z[j * l + c];
  PetscCall(HtPCASmallSVD_Private(l, f, B, s, vt));
  PetscCall(PetscFree(B));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* monitors: the variance explained by the current estimates of the k leading singular values, and their change */
static PetscErrorCode HtRandomizedMonitor(HtPCA pca, PetscInt it, PetscInt n, PetscInt f, PetscInt l, PetscInt k, const PetscScalar Z[], PetscReal s[], PetscReal sprev[], PetscScalar vt[])
{
  PetscReal explained = 0, change = 0;

  PetscFunctionBegin;
  if (!pca->monitors.n) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtRandomizedSmallSVD(f, l, Z, s, vt));
  for (PetscInt i = 0; i < k; i++) {
    explained += s[i] * s[i] / (n - 1);
    if (it > 1 && s[i] > 0) change = PetscMax(change, PetscAbsReal(s[i] - sprev[i]) / s[i]);
    sprev[i] = s[i];
  }
  PetscCall(HtPCAMonitor(pca, it, explained, it > 1 ? change : 1));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAFit_Randomized(HtPCA pca, HtTensor X, PetscInt kwant)
{
  HtPCA_Randomized *r = (HtPCA_Randomized *)pca->data;
  HtSamples         s;
  HtTensor          Q;
  PetscScalar      *mean, *Z, *vt;
  PetscReal        *sv, *sprev, total;
  PetscInt          f, l, q;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, NULL, &s));
  f = s.f;
  l = PetscMin(kwant + r->oversamples, PetscMin(s.n, f));
  q = r->power_its != PETSC_DECIDE ? r->power_its : (kwant < 0.1 * PetscMin(s.n, f) ? 7 : 4);
  PetscCall(PetscMalloc5(f, &mean, f * l, &Z, l * f, &vt, l, &sv, l, &sprev));
  PetscCall(HtTensorColumnMoments(X, mean, &total));
  total /= s.n - 1;
  for (PetscInt j = 0; j < f; j++)
    for (PetscInt c = 0; c < l; c++) Z[j * l + c] = HtPhiloxNormalStream((uint64_t)pca->seed, (uint64_t)j * (uint64_t)l + (uint64_t)c, HT_STREAM_PCA_SKETCH);
  PetscCall(HtRandomizedRange(X, &s, mean, l, Z, &Q));
  for (PetscInt it = 1; it <= q; it++) {
    PetscCall(HtRandomizedProject(&s, mean, l, Q, Z));
    PetscCall(HtRandomizedMonitor(pca, it, s.n, f, l, kwant, Z, sv, sprev, vt));
    PetscCall(HtRandomizedOrthonormalize(f, l, Z));
    PetscCall(HtTensorDestroy(&Q));
    PetscCall(HtRandomizedRange(X, &s, mean, l, Z, &Q));
  }
  PetscCall(HtRandomizedProject(&s, mean, l, Q, Z));
  PetscCall(HtRandomizedSmallSVD(f, l, Z, sv, vt));
  PetscCall(HtPCASetFactors_Private(pca, s.n, f, kwant, total, sv, vt, mean));
  pca->its    = q;
  pca->reason = HT_PCA_CONVERGED_ITS;
  PetscCall(HtTensorDestroy(&Q));
  PetscCall(HtTensorRestoreSamples(X, NULL, &s));
  PetscCall(PetscFree5(mean, Z, vt, sv, sprev));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCASetFromOptions_Randomized(HtPCA pca, PetscOptionItems *PetscOptionsObject)
{
  HtPCA_Randomized *r = (HtPCA_Randomized *)pca->data;
  PetscInt          p = r->oversamples, q = r->power_its;
  PetscBool         set;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtPCA randomized options");
  PetscCall(PetscOptionsInt("-ht_pca_randomized_oversamples", "Columns of the test matrix beyond the number of components", "HtPCARandomizedSetOversamples", p, &p, &set));
  if (set) PetscCall(HtPCARandomizedSetOversamples(pca, p));
  PetscCall(PetscOptionsInt("-ht_pca_randomized_power_its", "Power iterations (-1: 7 when the components are fewer than a tenth of min(samples, features), else 4)", "HtPCARandomizedSetPowerIterations", q, &q, &set));
  if (set) PetscCall(HtPCARandomizedSetPowerIterations(pca, q));
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAView_Randomized(HtPCA pca, PetscViewer viewer)
{
  HtPCA_Randomized *r = (HtPCA_Randomized *)pca->data;
  PetscBool         isascii;

  PetscFunctionBegin;
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERASCII, &isascii));
  if (!isascii) PetscFunctionReturn(PETSC_SUCCESS);
  if (r->power_its == PETSC_DECIDE) PetscCall(PetscViewerASCIIPrintf(viewer, "oversamples: %" PetscInt_FMT ", power iterations: 7 or 4 (by the number of components), seed: %" PetscInt64_FMT "\n", r->oversamples, pca->seed));
  else PetscCall(PetscViewerASCIIPrintf(viewer, "oversamples: %" PetscInt_FMT ", power iterations: %" PetscInt_FMT ", seed: %" PetscInt64_FMT "\n", r->oversamples, r->power_its, pca->seed));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCARandomizedSetOversamples_Randomized(HtPCA pca, PetscInt p)
{
  PetscFunctionBegin;
  ((HtPCA_Randomized *)pca->data)->oversamples = p;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCARandomizedSetPowerIterations_Randomized(HtPCA pca, PetscInt q)
{
  PetscFunctionBegin;
  ((HtPCA_Randomized *)pca->data)->power_its = q;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCARandomizedSetOversamples - Sets how many columns beyond the number of components the randomized type's test
   matrix has.

   Logically Collective

   Input Parameters:
+  pca - the PCA object
-  p - the oversampling (>= 0; default 10)

   Options Database Key:
.  -ht_pca_randomized_oversamples <10> - the oversampling

   Level: intermediate

.seealso: `HTPCARANDOMIZED`, `HtPCARandomizedSetPowerIterations()`
@*/
PetscErrorCode HtPCARandomizedSetOversamples(HtPCA pca, PetscInt p)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidLogicalCollectiveInt(pca, p, 2);
  PetscCheck(p >= 0, PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_OUTOFRANGE, "The oversampling must be at least 0, not %" PetscInt_FMT, p);
  PetscTryMethod(pca, "HtPCARandomizedSetOversamples_C", (HtPCA, PetscInt), (pca, p));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCARandomizedSetPowerIterations - Sets the number of power iterations of the randomized type.

   Logically Collective

   Input Parameters:
+  pca - the PCA object
-  q - the number of power iterations (>= 0), or `PETSC_DECIDE` for 7 when the components are fewer than a tenth of
       min(samples, features), else 4 (the default, scikit-learn's rule)

   Options Database Key:
.  -ht_pca_randomized_power_its <q> - the number of power iterations

   Level: intermediate

.seealso: `HTPCARANDOMIZED`, `HtPCARandomizedSetOversamples()`
@*/
PetscErrorCode HtPCARandomizedSetPowerIterations(HtPCA pca, PetscInt q)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidLogicalCollectiveInt(pca, q, 2);
  PetscCheck(q >= 0 || q == PETSC_DECIDE, PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_OUTOFRANGE, "The number of power iterations must be at least 0 (or PETSC_DECIDE), not %" PetscInt_FMT, q);
  PetscTryMethod(pca, "HtPCARandomizedSetPowerIterations_C", (HtPCA, PetscInt), (pca, q));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCADestroy_Randomized(HtPCA pca)
{
  PetscFunctionBegin;
  PetscCall(PetscObjectComposeFunction((PetscObject)pca, "HtPCARandomizedSetOversamples_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)pca, "HtPCARandomizedSetPowerIterations_C", NULL));
  PetscCall(PetscFree(pca->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTPCARANDOMIZED - "randomized" - principal components from a randomized range finder.

   Method: with l = k + oversamples Gaussian test vectors Omega, Q is an orthonormal basis of (X - 1 mean^T) Omega,
   improved by q power iterations (Q <- orth(Xc orth(Xc^T Q))); the SVD of the small matrix Q^T Xc gives the
   components. Accurate when the singular values decay; its cost is 2 q + 2 passes over the data with BLAS 3 and
   O(F l) communication per pass. The test matrix depends on the seed only, so the result is the same on any number
   of ranks. The monitor reports each power iteration.

   Options Database Keys:
+  -ht_pca_n_components <k> - the number of components
.  -ht_pca_randomized_oversamples <10> - l - k
.  -ht_pca_randomized_power_its <q> - power iterations (default 7 when k < 0.1 min(N, F), else 4)
.  -ht_pca_seed <0> - the seed of the test matrix
-  -ht_pca_monitor - the explained variance after each power iteration

   References:
+  N. Halko, P. G. Martinsson and J. A. Tropp, Finding structure with randomness: probabilistic algorithms for
   constructing approximate matrix decompositions, SIAM Review 53 (2011) 217-288.
-  J. Demmel, L. Grigori, M. Hoemmen and J. Langou, Communication-optimal parallel and sequential QR and LU
   factorizations, SIAM J. Sci. Comput. 34 (2012) A206-A239 (TSQR).

   Level: beginner

.seealso: `HtPCACreate()`, `HtPCASetType()`, `HtPCARandomizedSetOversamples()`, `HtPCARandomizedSetPowerIterations()`, `HTPCASVD`
M*/
PETSC_INTERN PetscErrorCode HtPCACreate_Randomized(HtPCA pca)
{
  HtPCA_Randomized *r;

  PetscFunctionBegin;
  PetscCall(PetscNew(&r));
  r->oversamples           = 10;
  r->power_its             = PETSC_DECIDE;
  pca->data                = r;
  pca->ops->setfromoptions = HtPCASetFromOptions_Randomized;
  pca->ops->fit            = HtPCAFit_Randomized;
  pca->ops->view           = HtPCAView_Randomized;
  pca->ops->destroy        = HtPCADestroy_Randomized;
  PetscCall(PetscObjectComposeFunction((PetscObject)pca, "HtPCARandomizedSetOversamples_C", HtPCARandomizedSetOversamples_Randomized));
  PetscCall(PetscObjectComposeFunction((PetscObject)pca, "HtPCARandomizedSetPowerIterations_C", HtPCARandomizedSetPowerIterations_Randomized));
  PetscFunctionReturn(PETSC_SUCCESS);
}
