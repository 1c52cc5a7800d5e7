/*
   Products of the centered samples with small dense blocks, for the factorizations of the ML classes (PCA and what
   follows it): the mean and scatter matrix in one pass, (X - 1 mu^T) V and (X - 1 mu^T)^T Y. The products are kernels
   of the back end (ops->centeredproduct) that center the rows as they read them: X is read once per product, never
   copied, and a mean that is large compared with the spread costs no digits (X v - (mu . v) 1 would cancel them).
*/
#include <heat/private/tensorimpl.h>
#include <heat/private/samplesimpl.h>

/*
   HtSamplesScatterTarget - the means and the scatter matrix sum_i (v_i - mean)(v_i - mean)^T of the variables
   v_i = (x_i, y_i) of the samples of every rank (unweighted), the same on every rank: nv = f + 1 variables, the
   target y (the local m values) as the last, or nv = f with y NULL; mean has nv entries, scatter nv x nv (row-major).
   One pass over the local rows by the back end's moment kernel (chunks centered on their own mean), then one
   reduction merging the ranks' moments pairwise (Chan et al.), so that no sum of squares is formed and an offset of
   the data costs no digits. With y, the last row of the scatter matrix is the centered X^T y and its last entry the
   centered |y|^2: the normal equations of a linear model in the same pass.
*/
PetscErrorCode HtSamplesScatterTarget(const HtSamples *s, const PetscScalar y[], PetscReal mean[], PetscReal scatter[])
{
  const PetscInt nv = s->f + (y ? 1 : 0);
  PetscReal     *moments;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(1 + 2 * nv + nv * nv, &moments));
  PetscCall((*s->backend->ops->reduce->covmoments)(s->m, s->f, s->x, y, moments));
  PetscCall(HtMomentsAllreduce_Private(s->comm, nv, moments, 1));
  for (PetscInt j = 0; j < nv; j++) mean[j] = moments[1 + j] + moments[1 + nv + j];
  PetscCall(PetscArraycpy(scatter, moments + 1 + 2 * nv, nv * nv));
  PetscCall(PetscFree(moments));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtSamplesScatter - the mean (f) and the scatter matrix (f x f) of the samples: HtSamplesScatterTarget() without a target */
PetscErrorCode HtSamplesScatter(const HtSamples *s, PetscReal mean[], PetscReal scatter[])
{
  PetscFunctionBegin;
  PetscCall(HtSamplesScatterTarget(s, NULL, mean, scatter));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesBlockProduct - for the features [j0, j0 + b) of the samples centered by mu (f means): z (b + 1) =
   (sum_i (x_iB - mu_B) r_i, sum_i r_i^2) and, when G is not NULL, G (b x b, row-major) =
   sum_i (x_iB - mu_B)(x_iB - mu_B)^T, over the samples of every rank, the same on every rank: one pass over the local
   rows (the block's columns only, by the back end's kernel) and ONE reduction of b + 1 (+ b b) numbers, added in rank
   order. Collective on s->comm. The block coordinate descent of a linear model: r is the residual (m local values).
*/
PetscErrorCode HtSamplesBlockProduct(const HtSamples *s, const PetscScalar mu[], PetscInt j0, PetscInt b, const PetscScalar r[], PetscScalar z[], PetscScalar G[])
{
  const PetscInt nz = b + 1 + (G ? b * b : 0);
  PetscScalar   *acc;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(nz, &acc));
  PetscCall((*s->backend->ops->samples->blockproduct)(s->backend, s->m, s->f, s->x, mu, j0, b, r, (PetscBool)(G != NULL), acc));
  PetscCall(HtSamplesSumScalar(s, nz, acc));
  PetscCall(PetscArraycpy(z, acc, b + 1));
  if (G) PetscCall(PetscArraycpy(G, acc + b + 1, b * b));
  PetscCall(PetscFree(acc));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesBlockUpdate - r_i -= (x_iB - mu_B) . dw for the local samples and the features B = [j0, j0 + b) centered
   by mu (f means), by the back end's kernel: the residual after a block of coordinates moved by dw. Not collective.
*/
PetscErrorCode HtSamplesBlockUpdate(const HtSamples *s, const PetscScalar mu[], PetscInt j0, PetscInt b, const PetscScalar dw[], PetscScalar r[])
{
  PetscFunctionBegin;
  PetscCall((*s->backend->ops->samples->blockupdate)(s->backend, s->m, s->f, s->x, mu, j0, b, dw, r));
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
