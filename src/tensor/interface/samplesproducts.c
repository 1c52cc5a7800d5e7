/*
   Products of the centered samples with small dense blocks, for the factorizations of the ML classes (PCA and what
   follows it): the mean and scatter matrix in one pass, (X - 1 mu^T) V and (X - 1 mu^T)^T Y. The products are kernels
   of the back end (ops->centeredproduct) that center the rows as they read them: X is read once per product, never
   copied, and a mean that is large compared with the spread costs no digits (X v - (mu . v) 1 would cancel them).
*/
#include <heat/private/tensorimpl.h>
#include <heat/private/samplesimpl.h>

/*
   HtSamplesScatter - the mean (f) and the scatter matrix sum_i (x_i - mean)(x_i - mean)^T (f x f, row-major) of the
   samples of every rank (unweighted), the same on every rank: one pass over the local rows by the back end's
   moment kernel (chunks centered on their own mean), then one reduction merging the ranks' moments pairwise
   (Chan et al.), so that no sum of squares is formed and an offset of the data costs no digits
*/
PetscErrorCode HtSamplesScatter(const HtSamples *s, PetscReal mean[], PetscReal scatter[])
{
  const PetscInt f = s->f;
  PetscReal     *moments;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(1 + 2 * f + f * f, &moments));
  PetscCall((*s->backend->ops->reduce->covmoments)(s->m, f, s->x, moments));
  PetscCall(HtMomentsAllreduce_Private(s->comm, f, moments, 1));
  for (PetscInt j = 0; j < f; j++) mean[j] = moments[1 + j] + moments[1 + f + j];
  PetscCall(PetscArraycpy(scatter, moments + 1 + 2 * f, f * f));
  PetscCall(PetscFree(moments));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesCenteredProduct - Y = (X - 1 mu^T) V for the local rows: V is f x k (row-major, the same on every rank),
   Y is m x k (row-major); mu NULL means no centering. Not collective: every rank computes its own rows.
*/
PetscErrorCode HtSamplesCenteredProduct(const HtSamples *s, const PetscScalar mu[], PetscInt k, const PetscScalar V[], PetscScalar Y[])
{
  PetscFunctionBegin;
  PetscCall((*s->backend->ops->centeredproduct)(s->backend, PETSC_FALSE, s->m, s->f, s->x, mu, k, V, Y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesCenteredTransposeProduct - Z = (X - 1 mu^T)^T Y over the samples of every rank: Y holds the local m x k
   rows (row-major), Z is f x k (row-major), the same on every rank (the ranks' partials are added in rank order);
   mu NULL means no centering. Collective on s->comm.
*/
PetscErrorCode HtSamplesCenteredTransposeProduct(const HtSamples *s, const PetscScalar mu[], PetscInt k, const PetscScalar Y[], PetscScalar Z[])
{
  PetscFunctionBegin;
  PetscCall((*s->backend->ops->centeredproduct)(s->backend, PETSC_TRUE, s->m, s->f, s->x, mu, k, Y, Z));
  PetscCall(HtSamplesSumScalar(s, s->f * k, Z));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorColumnMoments - the means of the features of a data tensor X (samples x features, split 0) and the sum over
   the features of the squared deviations from them (the trace of the scatter matrix), the same on every rank: one
   pass of shifted moments merged pairwise, so that data far from the origin keep the digits of their mean (a plain
   sum of values near 1e9 loses six)
*/
PetscErrorCode HtTensorColumnMoments(HtTensor X, PetscScalar mean[], PetscReal *trace)
{
  HtTensor           m, sd;
  const PetscScalar *a;

  PetscFunctionBegin;
  PetscCall(HtTensorMoments_Private(X, 0, 0, PETSC_FALSE, &m, &sd));
  PetscCall(HtTensorGetArrayRead(m, &a));
  PetscCall(PetscArraycpy(mean, a, X->shape[1]));
  PetscCall(HtTensorRestoreArrayRead(m, &a));
  PetscCall(HtTensorGetArrayRead(sd, &a));
  *trace = 0;
  for (PetscInt j = 0; j < X->shape[1]; j++) *trace += PetscRealPart(a[j] * a[j]) * X->shape[0];
  PetscCall(HtTensorRestoreArrayRead(sd, &a));
  PetscCall(HtTensorDestroy(&m));
  PetscCall(HtTensorDestroy(&sd));
  PetscFunctionReturn(PETSC_SUCCESS);
}
