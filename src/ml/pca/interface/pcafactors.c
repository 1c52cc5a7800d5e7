/*
   HtPCA: from the raw factorization a type leaves (HtPCAFactors) to the fitted model, the same way for every type,
   and the small dense factorizations (LAPACK, on one rank's copy) the types share.
*/
#include <heat/private/pcaimpl.h>
#include <slepcblaslapack.h>

/* frees the raw factorization */
PetscErrorCode HtPCAFactorsReset_Private(HtPCAFactors *F)
{
  PetscFunctionBegin;
  PetscCall(PetscFree3(F->sv, F->vt, F->mean));
  PetscCall(PetscMemzero(F, sizeof(*F)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtPCASetFactors_Private - the type's result: the leading kfound singular values sv and right singular vectors vt
   (kfound x f, rows) of the n x f centered data, its mean and total variance (the sum of the features' variances,
   ddof 1); the arrays are copied
*/
PetscErrorCode HtPCASetFactors_Private(HtPCA pca, PetscInt n, PetscInt f, PetscInt kfound, PetscReal totalvar, const PetscReal sv[], const PetscScalar vt[], const PetscScalar mean[])
{
  HtPCAFactors *F = &pca->factors;

  PetscFunctionBegin;
  PetscCall(HtPCAFactorsReset_Private(F));
  PetscCall(PetscMalloc3(kfound, &F->sv, kfound * f, &F->vt, f, &F->mean));
  F->n        = n;
  F->f        = f;
  F->kfound   = kfound;
  F->totalvar = totalvar;
  PetscCall(PetscArraycpy(F->sv, sv, kfound));
  PetscCall(PetscArraycpy(F->vt, vt, kfound * f));
  PetscCall(PetscArraycpy(F->mean, mean, f));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtPCAComponentsWanted_Private - how many leading factors a fit of n x f data computes first: the number of
   components asked for, all of them, or (for a variance fraction) a first guess that HtPCAFit() doubles
*/
PetscErrorCode HtPCAComponentsWanted_Private(HtPCA pca, PetscInt n, PetscInt f, PetscInt *kwant)
{
  PetscFunctionBegin;
  if (pca->ncomp != PETSC_DECIDE) *kwant = pca->ncomp;
  else if (pca->variance > 0 && pca->variance < 1) *kwant = PetscMin(PetscMin(n, f), 16);
  else *kwant = PetscMin(n, f);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* scikit-learn's sign convention: the entry of largest magnitude of each row of vt (the first of equals) is positive */
static void HtPCAFlipSigns(PetscInt k, PetscInt f, PetscScalar vt[])
{
  for (PetscInt i = 0; i < k; i++) {
    PetscInt jmax = 0;

    for (PetscInt j = 1; j < f; j++)
      if (PetscAbsScalar(vt[i * f + j]) > PetscAbsScalar(vt[i * f + jmax])) jmax = j;
    if (PetscRealPart(vt[i * f + jmax]) < 0)
      for (PetscInt j = 0; j < f; j++) vt[i * f + j] = -vt[i * f + j];
  }
}

/* the number of components of the model: as asked, the fewest whose explained variance exceeds the fraction, or all */
static PetscInt HtPCAModelComponents(HtPCA pca)
{
  const HtPCAFactors *F = &pca->factors;
  PetscReal           captured = 0;
  PetscInt            k;

  if (pca->ncomp != PETSC_DECIDE) return pca->ncomp;
  if (pca->variance <= 0 || pca->variance >= 1) return PetscMin(PetscMin(F->n, F->f), F->kfound);
  for (k = 0; k < F->kfound && captured <= pca->variance * F->totalvar; k++) captured += F->sv[k] * F->sv[k] / (F->n - 1);
  return PetscMax(k, 1);
}

/* a replicated tensor of the given shape holding values */
static PetscErrorCode HtPCACreateReplicated(HtPCA pca, PetscInt ndim, const PetscInt shape[], const PetscScalar values[], const char name[], HtTensor *t)
{
  PetscScalar *a;
  PetscInt     size;

  PetscFunctionBegin;
  PetscCall(HtTensorCreate(PetscObjectComm((PetscObject)pca), ndim, shape, -1, HT_SCALAR, t));
  PetscCall(HtTensorSetName(*t, name));
  PetscCall(HtTensorGetLocalSize(*t, &size));
  PetscCall(HtTensorGetArrayWrite(*t, &a));
  PetscCall(PetscArraycpy(a, values, size));
  PetscCall(HtTensorRestoreArrayWrite(*t, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtPCASetModel_Private - the fitted model from the raw factorization: signs of the components, their number,
   explained variances and ratios, and the noise variance (the mean variance of the min(n, f) - k components left
   out: the total variance not explained, divided by their number)
*/
PetscErrorCode HtPCASetModel_Private(HtPCA pca)
{
  HtPCAFactors *F = &pca->factors;
  PetscInt      k, kmax = PetscMin(F->n, F->f);
  PetscScalar  *ev, *ratio, *sv;
  PetscReal     explained = 0;

  PetscFunctionBegin;
  HtPCAFlipSigns(F->kfound, F->f, F->vt);
  k = HtPCAModelComponents(pca);
  PetscCheck(k <= F->kfound, PetscObjectComm((PetscObject)pca), PETSC_ERR_PLIB, "The %s type found %" PetscInt_FMT " components, not the %" PetscInt_FMT " asked for", ((PetscObject)pca)->type_name, F->kfound, k);
  PetscCall(PetscMalloc3(k, &ev, k, &ratio, k, &sv));
  for (PetscInt i = 0; i < k; i++) {
    sv[i]    = F->sv[i];
    ev[i]    = F->sv[i] * F->sv[i] / (F->n - 1);
    ratio[i] = F->totalvar > 0 ? PetscRealPart(ev[i]) / F->totalvar : 0;
    explained += PetscRealPart(ev[i]);
  }
  pca->k              = k;
  pca->noise_variance = k < kmax ? PetscMax(F->totalvar - explained, 0) / (kmax - k) : 0;
  PetscCall(HtTensorDestroy(&pca->components));
  PetscCall(HtTensorDestroy(&pca->explained_variance));
  PetscCall(HtTensorDestroy(&pca->explained_variance_ratio));
  PetscCall(HtTensorDestroy(&pca->singular_values));
  PetscCall(HtTensorDestroy(&pca->mean));
  PetscCall(HtPCACreateReplicated(pca, 2, (PetscInt[]){k, F->f}, F->vt, "components", &pca->components));
  PetscCall(HtPCACreateReplicated(pca, 1, &k, ev, "explained_variance", &pca->explained_variance));
  PetscCall(HtPCACreateReplicated(pca, 1, &k, ratio, "explained_variance_ratio", &pca->explained_variance_ratio));
  PetscCall(HtPCACreateReplicated(pca, 1, &k, sv, "singular_values", &pca->singular_values));
  PetscCall(HtPCACreateReplicated(pca, 1, &F->f, F->mean, "mean", &pca->mean));
  PetscCall(PetscFree3(ev, ratio, sv));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtPCASymmetricEigen_Private - the eigenvalues w (decreasing) and eigenvectors (rows of A, in place) of the
   symmetric n x n matrix A (LAPACK's divide and conquer)
*/
PetscErrorCode HtPCASymmetricEigen_Private(PetscInt n, PetscScalar A[], PetscReal w[])
{
  PetscBLASInt bn, lwork, liwork, info, *iwork, iq;
  PetscScalar *work, q;

  PetscFunctionBegin;
  if (!n) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscBLASIntCast(n, &bn));
  lwork  = -1;
  liwork = -1;
  PetscCallBLAS("LAPACKsyevd", LAPACKsyevd_("V", "U", &bn, A, &bn, w, &q, &lwork, &iq, &liwork, &info));
  PetscCall(PetscBLASIntCast((PetscInt)PetscRealPart(q), &lwork));
  liwork = iq;
  PetscCall(PetscMalloc2(lwork, &work, liwork, &iwork));
  PetscCallBLAS("LAPACKsyevd", LAPACKsyevd_("V", "U", &bn, A, &bn, w, work, &lwork, iwork, &liwork, &info));
  PetscCall(PetscFree2(work, iwork));
  PetscCheck(!info, PETSC_COMM_SELF, PETSC_ERR_LIB, "LAPACK syevd failed with info %d", (int)info);
  for (PetscInt i = 0; i < n / 2; i++) { /* increasing -> decreasing; row i of A (row-major) is eigenvector i */
    PetscReal t = w[i];

    w[i]         = w[n - 1 - i];
    w[n - 1 - i] = t;
    for (PetscInt j = 0; j < n; j++) {
      PetscScalar s        = A[i * n + j];
      A[i * n + j]         = A[(n - 1 - i) * n + j];
      A[(n - 1 - i) * n + j] = s;
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtPCASmallSVD_Private - the singular values s (min(m, n), decreasing) and right singular vectors vt (min(m, n) x n,
   rows) of the m x n row-major matrix A (destroyed), by LAPACK on this rank
*/
PetscErrorCode HtPCASmallSVD_Private(PetscInt m, PetscInt n, PetscScalar A[], PetscReal s[], PetscScalar vt[])
{
  PetscBLASInt bm, bn, lwork = -1, info;
  PetscScalar *work, q, dummy;

  PetscFunctionBegin;
  if (!m || !n) PetscFunctionReturn(PETSC_SUCCESS);
  /* A row-major is A^T (n x m) column-major; its left singular vectors (n x min, column-major) are the rows of vt */
  PetscCall(PetscBLASIntCast(n, &bn));
  PetscCall(PetscBLASIntCast(m, &bm));
  PetscCallBLAS("LAPACKgesvd", LAPACKgesvd_("S", "N", &bn, &bm, A, &bn, s, vt, &bn, &dummy, &bn, &q, &lwork, &info));
  PetscCall(PetscBLASIntCast((PetscInt)PetscRealPart(q), &lwork));
  PetscCall(PetscMalloc1(lwork, &work));
  PetscCallBLAS("LAPACKgesvd", LAPACKgesvd_("S", "N", &bn, &bm, A, &bn, s, vt, &bn, &dummy, &bn, work, &lwork, &info));
  PetscCall(PetscFree(work));
  PetscCheck(!info, PETSC_COMM_SELF, PETSC_ERR_LIB, "LAPACK gesvd failed with info %d", (int)info);
  PetscFunctionReturn(PETSC_SUCCESS);
}
