/*
   Private data structure of HtPCA. A type's fit leaves the raw factorization in the object (HtPCASetFactors_Private);
   the interface turns it into the fitted model (signs, number of components, explained variances, noise variance),
   the same way for every type.
*/
#pragma once

#include <heatpca.h>
#include <heat/private/mlimpl.h>

PETSC_EXTERN PetscLogEvent HT_PCA_SetUp, HT_PCA_Fit, HT_PCA_Transform;

typedef struct _HtPCAOps *HtPCAOps;
struct _HtPCAOps {
  HT_ML_OPS(HtPCA);
  PetscErrorCode (*fit)(HtPCA, HtTensor, PetscInt); /* X: split 0, checked; at least kwant leading factors (HtPCASetFactors_Private) */
  PetscErrorCode (*partialfit)(HtPCA, HtTensor);    /* folds a batch of samples into the model (incremental) */
};

/* the raw factorization of the centered data left by a type: Xc = U diag(sv) Vt, its leading kfound factors */
typedef struct {
  PetscInt     n, f, kfound; /* samples, features, factors found */
  PetscReal    totalvar;     /* the sum of the features' variances (ddof 1): the variance of all components */
  PetscReal   *sv;           /* kfound singular values, decreasing */
  PetscScalar *vt, *mean;    /* kfound x f right singular vectors (rows), f means */
} HtPCAFactors;

struct _p_HtPCA {
  PETSCHEADER(struct _HtPCAOps);
  /* parameters */
  PetscInt   ncomp;    /* components asked for, PETSC_DECIDE: min(samples, features) */
  PetscReal  variance; /* > 0: the fewest components explaining this fraction */
  PetscBool  whiten;
  PetscInt64 seed;
  PetscBool  setupcalled;
  PetscBool  typechecksvalues; /* the type sees a NaN or Inf of the data in its sums and checks the data only then */
  /* results */
  HtPCAFactors         factors;                                                                         /* the type's raw result (kept by the incremental type between batches) */
  PetscInt             k;                                                                               /* fitted components */
  HtTensor             components, explained_variance, explained_variance_ratio, singular_values, mean; /* replicated */
  PetscReal            noise_variance;
  PetscInt             its;
  HtPCAConvergedReason reason;
  PetscBool            fitted;
  HtTensor             viewdata; /* the data while a fit views the object (-ht_pca_view draw), else NULL */
  HtMLMonitors         monitors;
  void                *data; /* type-specific */
};

/* the end of the batch of rows from start of n: `rows` rows, or the rest when what would remain is fewer than the
   components (ncomp; PETSC_DECIDE: none), as scikit-learn's IncrementalPCA batches */
static inline PetscInt HtPCABatchEnd(PetscInt start, PetscInt n, PetscInt rows, PetscInt ncomp)
{
  return start + rows + PetscMax(ncomp, 0) <= n ? start + rows : n;
}

PETSC_INTERN PetscErrorCode  HtPCASetFactors_Private(HtPCA, PetscInt, PetscInt, PetscInt, PetscReal, const PetscReal[], const PetscScalar[], const PetscScalar[]);
PETSC_INTERN PetscErrorCode  HtPCAFactorsReset_Private(HtPCAFactors *);
PETSC_INTERN PetscErrorCode  HtPCASetModel_Private(HtPCA);
PETSC_INTERN PetscErrorCode  HtPCAComponentsWanted_Private(HtPCA, PetscInt, PetscInt, PetscInt *);
PETSC_INTERN PetscErrorCode  HtPCAFinishFit_Private(HtPCA, HtTensor);
PETSC_INTERN PetscErrorCode  HtPCASymmetricEigen_Private(PetscInt, PetscScalar[], PetscReal[]);
PETSC_INTERN PetscErrorCode  HtPCASmallSVD_Private(PetscInt, PetscInt, PetscScalar[], PetscReal[], PetscScalar[]);
PETSC_INTERN PetscErrorCode  HtPCATypeRegisterAll(void);
PETSC_INTERN const HtMLClass HtPCAClass;
