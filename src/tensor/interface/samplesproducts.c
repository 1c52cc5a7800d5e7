/*
   Products of the centered samples with small dense blocks, for the factorizations of the ML classes (PCA and what
   follows it): the mean and scatter matrix in one pass, (X - 1 mu^T) V and (X - 1 mu^T)^T Y. The centering is done on
   a chunk of rows in a work buffer that stays in cache, so X is read once per product, never copied, and a mean that
   is large compared with the spread costs no digits (X v - (mu . v) 1 would cancel them).
*/
#include <heat/private/tensorimpl.h>
#include <heat/private/samplesimpl.h>

#define HT_SAMPLES_CENTER_BYTES (1 << 20) /* a chunk of centered rows: in L2, and wide enough for an efficient GEMM */

/* rows of a chunk of f features, and the chunk work buffer */
static PetscErrorCode HtSamplesChunkCreate(const HtSamples *s, PetscInt *rows, PetscScalar **work)
{
  PetscFunctionBegin;
  *rows = PetscMax(16, HT_SAMPLES_CENTER_BYTES / (PetscInt)(sizeof(PetscScalar) * PetscMax(s->f, 1)));
  *rows = PetscMax(PetscMin(*rows, s->m), 1);
  PetscCall(PetscMalloc1(*rows * s->f, work));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the nb rows from i0, centered on mu, into work */
static void HtSamplesCenterChunk(const HtSamples *s, const PetscScalar mu[], PetscInt i0, PetscInt nb, PetscScalar work[])
{
  const PetscScalar *x = s->x + i0 * s->f;

  for (PetscInt i = 0; i < nb; i++)
    for (PetscInt j = 0; j < s->f; j++) work[i * s->f + j] = x[i * s->f + j] - mu[j];
}

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
  HtTensor     b = s->backend;
  PetscInt     rows;
  PetscScalar *work;

  PetscFunctionBegin;
  if (!s->m || !k) PetscFunctionReturn(PETSC_SUCCESS);
  if (!mu) {
    PetscCall((*b->ops->gemm)(b, HT_SCALAR, PETSC_FALSE, PETSC_FALSE, s->m, k, s->f, s->x, s->f, V, k, PETSC_FALSE, Y, k));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtSamplesChunkCreate(s, &rows, &work));
  for (PetscInt i0 = 0; i0 < s->m; i0 += rows) {
    PetscInt nb = PetscMin(rows, s->m - i0);

    HtSamplesCenterChunk(s, mu, i0, nb, work);
    PetscCall((*b->ops->gemm)(b, HT_SCALAR, PETSC_FALSE, PETSC_FALSE, nb, k, s->f, work, s->f, V, k, PETSC_FALSE, Y + i0 * k, k));
  }
  PetscCall(PetscFree(work));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesCenteredTransposeProduct - Z = (X - 1 mu^T)^T Y over the samples of every rank: Y holds the local m x k
   rows (row-major), Z is f x k (row-major), the same on every rank (the ranks' partials are added in rank order);
   mu NULL means no centering. Collective on s->comm.
*/
PetscErrorCode HtSamplesCenteredTransposeProduct(const HtSamples *s, const PetscScalar mu[], PetscInt k, const PetscScalar Y[], PetscScalar Z[])
{
  HtTensor     b = s->backend;
  PetscInt     rows;
  PetscScalar *work;

  PetscFunctionBegin;
  PetscCall(PetscArrayzero(Z, s->f * k));
  if (s->m && k && !mu) PetscCall((*b->ops->gemm)(b, HT_SCALAR, PETSC_TRUE, PETSC_FALSE, s->f, k, s->m, s->x, s->f, Y, k, PETSC_FALSE, Z, k));
  else if (s->m && k) {
    PetscCall(HtSamplesChunkCreate(s, &rows, &work));
    for (PetscInt i0 = 0; i0 < s->m; i0 += rows) {
      PetscInt nb = PetscMin(rows, s->m - i0);

      HtSamplesCenterChunk(s, mu, i0, nb, work);
      PetscCall((*b->ops->gemm)(b, HT_SCALAR, PETSC_TRUE, PETSC_FALSE, s->f, k, nb, work, s->f, Y + i0 * k, k, PETSC_TRUE, Z, k));
    }
    PetscCall(PetscFree(work));
  }
  PetscCall(HtSamplesSumScalar(s, s->f * k, Z));
  PetscFunctionReturn(PETSC_SUCCESS);
}
