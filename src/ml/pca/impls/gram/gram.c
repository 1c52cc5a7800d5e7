/*
   HTPCAGRAM: one pass over the samples (the data are checked for NaN and Inf only when the moments show one) forms their mean and scatter matrix (the back end's moment kernel centers
   each chunk of rows on its own mean and multiplies it by SYRK; the chunks and then the ranks are merged pairwise,
   Chan et al.), one reduction of F (F + 1) + 1 numbers, and LAPACK's symmetric eigensolver on every rank's copy.
*/
#include <heat/private/pcaimpl.h>

static PetscErrorCode HtPCAFit_Gram(HtPCA pca, HtTensor X, PetscInt kwant) /* every component, whatever kwant */
{
  HtSamples    s;
  PetscReal   *mean, *lambda, *sv, total = 0;
  PetscScalar *scatter, *means;
  PetscInt     f, n, kmax;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, NULL, &s));
  f    = s.f;
  n    = s.n;
  kmax = PetscMin(n, f);
  PetscCall(PetscMalloc5(f, &mean, f * f, &scatter, f, &lambda, f, &sv, f, &means));
  PetscCall(HtSamplesScatter(&s, mean, (PetscReal *)scatter));
  PetscCall(HtTensorRestoreSamples(X, NULL, &s));
  PetscCall(HtMLCheckMoments((PetscObject)pca, X, f, f, mean, (PetscReal *)scatter));
  for (PetscInt j = 0; j < f; j++) {
    total += PetscRealPart(scatter[j * f + j]) / (n - 1);
    means[j] = mean[j];
  }
  PetscCall(HtPCASymmetricEigen_Private(f, scatter, lambda));
  for (PetscInt i = 0; i < kmax; i++) sv[i] = PetscSqrtReal(PetscMax(lambda[i], 0));
  PetscCall(HtPCASetFactors_Private(pca, n, f, kmax, total, sv, scatter, means));
  pca->reason = HT_PCA_CONVERGED_DIRECT;
  PetscCall(PetscFree5(mean, scatter, lambda, sv, means));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTPCAGRAM - "gram" - principal components from the eigenvectors of the scatter matrix.

   Method: the mean and the scatter matrix (X - 1 mean^T)^T (X - 1 mean^T) are formed in one pass over the data and
   one reduction; its eigenvectors are the components and the square roots of its eigenvalues the singular values of
   the centered data. The scatter matrix is accumulated from deviations of chunk means merged pairwise, so that data far
   from the origin keep their digits. Squaring the singular values limits the relative accuracy of components whose
   singular value is below about 1e-8 times the largest; their directions are those of noise anyway. The best
   method for tall data with up to a few thousand features, and the default.

   Options Database Keys:
+  -ht_pca_n_components <k> - the number of components
-  -ht_pca_variance <fraction> - or the fraction of the variance they explain

   References:
+  I. T. Jolliffe, Principal Component Analysis, 2nd ed., Springer, 2002.
-  T. F. Chan, G. H. Golub and R. J. LeVeque, Algorithms for computing the sample variance, The American
   Statistician 37 (1983) 242-247.

   Level: beginner

.seealso: `HtPCACreate()`, `HtPCASetType()`, `HTPCASVD`, `HTPCARANDOMIZED`
M*/
PETSC_INTERN PetscErrorCode HtPCACreate_Gram(HtPCA pca)
{
  PetscFunctionBegin;
  pca->ops->fit         = HtPCAFit_Gram;
  pca->typechecksvalues = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}
