/*
   The host kernels of the per-sample loops of the ML models (struct _HtSamplesKernels, tensorimpl.h): plain C loops on
   chunks of rows that stay in cache between the steps of a pass, and BLAS (HtTensorGemm_Host()) for the products.
*/
#include <heat/private/tensorimpl.h>

#define HT_LOGISTIC_ROWS       8      /* the kernels' blocks of rows divide this: the unit of padding of the last rows */
#define HT_LOGISTIC_L1_ROWS    64     /* the logistic kernel's chunks: in the first-level cache through its steps */
#define HT_LOGISTIC_PREFETCH   8      /* blocks of rows (of the kernel's width) the logistic kernel prefetches ahead: 16 and 4 no faster */
#define HT_LOGISTIC_GRAD_VECS  4      /* vectors of the gradient summed at once, 2 registers each, through a chunk */
#define HT_LOGISTIC_CHUNK      2048   /* rows per chunk of the Hessian pass: in cache from probabilities to Hessian */
#define HT_LOGISTIC_HESS_BLOCK 262144 /* at most this many entries of B_c per chunk (fewer rows when P is large) */

#define HT_KERNEL_TEMPLATE <heat/private/kernels/explog.h>
#include <heat/private/kernellevels.h>
#define HT_KERNEL_TEMPLATE <heat/private/kernels/logistic.h>
#include <heat/private/kernellevels.h>

/* the workspace of a logistic pass: the kernel's ((C + 2 + f) HT_LOGISTIC_L1_ROWS + (C + 1) HT_LOGISTIC_ROWS reals),
   the last rows zero-padded (HT_LOGISTIC_ROWS x f, and their classes); for the Hessian the chunk's probabilities
   (chunk x C), B_c (chunk x P) and its product (f x P) */
typedef struct {
  PetscInt     chunk;
  PetscReal   *work;
  PetscScalar *xpad, *z, *hb, *hg;
  PetscInt     ypad[HT_LOGISTIC_ROWS];
} HtLogisticWork;

/*
   the rows [0, m) of x with classes y through the logistic kernel (include/heat/private/kernels/logistic.h): the
   whole blocks of HT_LOGISTIC_ROWS in place, the last rows zero-padded to a block of their own; acc += their gradient
   and log-loss sums, prob (m x C, or NULL) = their probabilities
*/
static void HtLogisticRows(HtLogisticWork *wk, PetscInt m, PetscInt f, const PetscScalar x[], PetscInt C, const PetscScalar wb[], const PetscInt y[], PetscScalar prob[], PetscScalar acc[])
{
  PetscInt           mb = m - m % HT_LOGISTIC_ROWS;
  const PetscScalar *xl = x + (size_t)mb * f;

  if (mb) HtKernelPick(HtLogisticKernel)(mb, mb, f, x, y, C, wb, prob, wk->work, acc);
  if (mb == m) return;
  for (PetscInt q = 0; q < HT_LOGISTIC_ROWS * f; q++) wk->xpad[q] = q < (m - mb) * f ? xl[q] : 0;
  for (PetscInt r = 0; r < HT_LOGISTIC_ROWS; r++) wk->ypad[r] = mb + r < m ? y[mb + r] : 0;
  HtKernelPick(HtLogisticKernel)(HT_LOGISTIC_ROWS, m - mb, f, wk->xpad, wk->ypad, C, wb, prob ? prob + mb * C : NULL, wk->work, acc);
}

/*
   the rows (c, j < f) of the chunk's Hessian sum_i (diag(p_i) - p_i p_i^T) (x) [x_i; 1][x_i; 1]^T added to hx (nw x P,
   row-major, columns in the order of the coefficients), its intercept block (C x C) to hbb; z holds the probabilities
*/
static PetscErrorCode HtLogisticHessianChunk(HtTensor t, HtLogisticWork *wk, PetscInt mc, PetscInt f, const PetscScalar x[], PetscInt C, PetscScalar hx[], PetscScalar hbb[])
{
  PetscInt nw = C * f, P = nw + C;

  PetscFunctionBegin;
  for (PetscInt c = 0; c < C; c++) {
    for (PetscInt i = 0; i < mc; i++) {
      const PetscScalar *xi = x + (size_t)i * f, *pi = wk->z + i * C;
      PetscScalar       *bi = wk->hb + (size_t)i * P;

      for (PetscInt d = 0; d < C; d++) {
        PetscScalar a = pi[c] * ((c == d ? 1 : 0) - pi[d]);

        for (PetscInt k = 0; k < f; k++) bi[d * f + k] = a * xi[k];
        bi[nw + d] = a;
        hbb[c * C + d] += a;
      }
    }
    PetscCall(HtTensorCenteredProduct_Host(t, PETSC_TRUE, mc, f, x, NULL, P, wk->hb, wk->hg));
    for (PetscInt q = 0; q < f * P; q++) hx[(size_t)c * f * P + q] += wk->hg[q];
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* see HtSamplesLogisticLoss(): the rows read once from memory, by the logistic kernel; for the Hessian in chunks, each
   through the kernel (its probabilities) and then the Hessian while it is in cache */
static PetscErrorCode HtSamplesLogisticLoss_Host(HtTensor t, PetscInt m, PetscInt f, const PetscScalar x[], PetscInt C, const PetscScalar wb[], const PetscInt y[], PetscBool hessian, PetscScalar acc[])
{
  PetscInt       nw = C * f, P = nw + C;
  HtLogisticWork wk;

  PetscFunctionBegin;
  wk.chunk = PetscMax(HT_LOGISTIC_ROWS, PetscMin(HT_LOGISTIC_CHUNK, HT_LOGISTIC_HESS_BLOCK / P) / HT_LOGISTIC_ROWS * HT_LOGISTIC_ROWS);
  PetscCall(PetscArrayzero(acc, P + 1 + (hessian ? nw * P + C * C : 0)));
  PetscCall(PetscMalloc5((C + 2 + f) * HT_LOGISTIC_L1_ROWS + (C + 1) * HT_LOGISTIC_ROWS, &wk.work, HT_LOGISTIC_ROWS * f, &wk.xpad, hessian ? wk.chunk * C : 0, &wk.z, hessian ? (size_t)wk.chunk * P : 0, &wk.hb, hessian ? f * P : 0, &wk.hg));
  if (!hessian) HtLogisticRows(&wk, m, f, x, C, wb, y, NULL, acc);
  else
    for (PetscInt i0 = 0; i0 < m; i0 += wk.chunk) {
      PetscInt mc = PetscMin(wk.chunk, m - i0);

      HtLogisticRows(&wk, mc, f, x + (size_t)i0 * f, C, wb, y + i0, wk.z, acc);
      PetscCall(HtLogisticHessianChunk(t, &wk, mc, f, x + (size_t)i0 * f, C, acc + P + 1, acc + P + 1 + nw * P));
    }
  PetscCall(PetscFree5(wk.work, wk.xpad, wk.z, wk.hb, wk.hg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* see HtSamplesLinearScores() */
static PetscErrorCode HtSamplesLinearScores_Host(HtTensor t, PetscInt m, PetscInt f, const PetscScalar x[], PetscInt C, const PetscScalar W[], const PetscScalar b[], PetscBool proba, PetscScalar S[])
{
  PetscScalar *wt;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(f * C, &wt));
  for (PetscInt c = 0; c < C; c++)
    for (PetscInt j = 0; j < f; j++) wt[j * C + c] = W[c * f + j];
  PetscCall(HtTensorCenteredProduct_Host(t, PETSC_FALSE, m, f, x, NULL, C, wt, S));
  PetscCall(PetscFree(wt));
  if (proba) HtKernelPick(HtSoftmaxRowsKernel)(m, C, b, S);
  else
    for (PetscInt i = 0; i < m; i++)
      for (PetscInt c = 0; c < C; c++) S[i * C + c] += b[c];
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* see HtSamplesClassMoments(): Welford's update per class, row by row */
static PetscErrorCode HtSamplesClassMoments_Host(HtTensor t, PetscInt m, PetscInt f, const PetscScalar x[], const PetscInt y[], PetscInt C, PetscReal cnt[], PetscReal mu[], PetscReal M[])
{
  PetscFunctionBegin;
  PetscCall(PetscArrayzero(cnt, C));
  PetscCall(PetscArrayzero(mu, C * f));
  PetscCall(PetscArrayzero(M, C * f));
  for (PetscInt i = 0; i < m; i++) {
    PetscInt           c  = y[i];
    const PetscScalar *xi = x + (size_t)i * f;

    cnt[c] += 1;
    for (PetscInt j = 0; j < f; j++) {
      PetscReal delta = PetscRealPart(xi[j]) - mu[c * f + j];

      mu[c * f + j] += delta / cnt[c];
      M[c * f + j] += delta * (PetscRealPart(xi[j]) - mu[c * f + j]);
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* see HtSamplesGaussianScores() */
static PetscErrorCode HtSamplesGaussianScores_Host(HtTensor t, PetscInt m, PetscInt f, const PetscScalar x[], PetscInt C, const PetscReal mean[], const PetscReal var[], const PetscReal logconst[], PetscBool proba, PetscScalar S[])
{
  PetscFunctionBegin;
  for (PetscInt i = 0; i < m; i++) {
    const PetscScalar *xi   = x + (size_t)i * f;
    PetscScalar       *si   = S + i * C;
    PetscReal          jmax = -HUGE_VAL, sum = 0, lse;

    for (PetscInt c = 0; c < C; c++) {
      PetscReal q = 0;

      for (PetscInt j = 0; j < f; j++) {
        PetscReal d = PetscRealPart(xi[j]) - mean[c * f + j];

        q += d * d / var[c * f + j];
      }
      si[c] = logconst[c] - 0.5 * q;
      jmax  = PetscMax(jmax, PetscRealPart(si[c]));
    }
    if (!proba) continue;
    for (PetscInt c = 0; c < C; c++) sum += PetscExpReal(PetscRealPart(si[c]) - jmax);
    lse = jmax + PetscLogReal(sum);
    for (PetscInt c = 0; c < C; c++) si[c] = PetscExpReal(PetscRealPart(si[c]) - lse);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* see HtSamplesRowNorms() */
static PetscErrorCode HtSamplesRowNorms_Host(HtTensor t, PetscInt m, PetscInt f, const PetscScalar x[], PetscInt ld, PetscReal norms[])
{
  PetscFunctionBegin;
  for (PetscInt i = 0; i < m; i++) {
    const PetscScalar *xi = x + (size_t)i * ld;
    PetscReal          s  = 0;

    for (PetscInt j = 0; j < f; j++) s += PetscRealPart(xi[j] * xi[j]);
    norms[i] = s;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* see HtSamplesVote() */
static PetscErrorCode HtSamplesVote_Host(HtTensor t, PetscInt m, const HtTopList lists[], PetscInt C, PetscBool distance, PetscBool proba, PetscScalar S[])
{
  PetscFunctionBegin;
  for (PetscInt i = 0; i < m; i++) {
    const HtTopList *l      = &lists[i];
    PetscScalar     *s      = S + i * C;
    PetscBool        atzero = PETSC_FALSE;
    PetscReal        total  = 0;

    for (PetscInt c = 0; c < C; c++) s[c] = 0;
    for (PetscInt r = 0; r < l->n; r++) atzero = (PetscBool)(atzero || l->key[r] == 0);
    for (PetscInt r = 0; r < l->n; r++) {
      PetscReal w = 1;

      if (distance) w = atzero ? (l->key[r] == 0 ? 1 : 0) : 1 / PetscSqrtReal(-l->key[r]);
      s[l->index[r] % C] += w;
      total += w;
    }
    if (proba)
      for (PetscInt c = 0; c < C; c++) s[c] /= total;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* see HtSamplesBlockProduct(): acc (b + 1, + b b with gram) from zero, the rows in order */
static PetscErrorCode HtSamplesBlockProduct_Host(HtTensor t, PetscInt m, PetscInt f, const PetscScalar x[], const PetscScalar mu[], PetscInt j0, PetscInt b, const PetscScalar r[], PetscBool gram, PetscScalar acc[])
{
  PetscScalar *d;

  PetscFunctionBegin;
  PetscCall(PetscArrayzero(acc, b + 1 + (gram ? b * b : 0)));
  PetscCall(PetscMalloc1(b, &d));
  for (PetscInt i = 0; i < m; i++) {
    const PetscScalar *xi = x + (size_t)i * f + j0;

    for (PetscInt k = 0; k < b; k++) {
      d[k] = xi[k] - mu[j0 + k];
      acc[k] += d[k] * r[i];
    }
    acc[b] += r[i] * r[i];
    if (gram)
      for (PetscInt k = 0; k < b; k++)
        for (PetscInt l = 0; l < b; l++) acc[b + 1 + k * b + l] += d[k] * d[l];
  }
  PetscCall(PetscFree(d));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* see HtSamplesBlockUpdate() */
static PetscErrorCode HtSamplesBlockUpdate_Host(HtTensor t, PetscInt m, PetscInt f, const PetscScalar x[], const PetscScalar mu[], PetscInt j0, PetscInt b, const PetscScalar dw[], PetscScalar r[])
{
  PetscScalar shift = 0;

  PetscFunctionBegin;
  for (PetscInt k = 0; k < b; k++) shift += mu[j0 + k] * dw[k];
  for (PetscInt i = 0; i < m; i++) {
    const PetscScalar *xi = x + (size_t)i * f + j0;
    PetscScalar        s  = -shift;

    for (PetscInt k = 0; k < b; k++) s += xi[k] * dw[k];
    r[i] -= s;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* see HtSamplesCenteredResidual() */
static PetscErrorCode HtSamplesCenteredResidual_Host(HtTensor t, PetscInt m, PetscInt f, const PetscScalar x[], const PetscScalar mu[], const PetscScalar w[], const PetscScalar y[], PetscScalar shift, PetscScalar r[])
{
  PetscFunctionBegin;
  PetscCall(HtTensorCenteredProduct_Host(t, PETSC_FALSE, m, f, x, mu, 1, w, r));
  for (PetscInt i = 0; i < m; i++) r[i] = y[i] - shift - r[i];
  PetscFunctionReturn(PETSC_SUCCESS);
}

const struct _HtSamplesKernels HtSamplesKernels_Host = {
  .logisticloss   = HtSamplesLogisticLoss_Host,
  .linearscores   = HtSamplesLinearScores_Host,
  .classmoments   = HtSamplesClassMoments_Host,
  .gaussianscores = HtSamplesGaussianScores_Host,
  .rownorms       = HtSamplesRowNorms_Host,
  .vote           = HtSamplesVote_Host,
  .blockproduct   = HtSamplesBlockProduct_Host,
  .blockupdate    = HtSamplesBlockUpdate_Host,
  .residual       = HtSamplesCenteredResidual_Host,
};
