/*
   The host kernels of the per-sample loops of the ML models (struct _HtSamplesKernels, tensorimpl.h): plain C loops on
   chunks of rows that stay in cache between the steps of a pass, and BLAS (HtTensorGemm_Host()) for the products.
*/
#include <heat/private/tensorimpl.h>
#define HT_KERNEL_TEMPLATE <heat/private/kernels/explog.h>
#include <heat/private/kernellevels.h>
#define HT_KERNEL_TEMPLATE <heat/private/kernels/logistic.h>
#include <heat/private/kernellevels.h>

#define HT_LOGISTIC_CHUNK      2048   /* rows per chunk: in cache from the scores to the gradient */
#define HT_LOGISTIC_HESS_BLOCK 262144 /* at most this many entries of B_c per chunk (fewer rows when P is large) */

/* the workspace of a logistic pass: the chunk's scores (chunk x C), with the Hessian B_c (chunk x P) and its product (f x P) */
typedef struct {
  PetscInt     chunk;
  PetscScalar *z, *hb, *hg;
  PetscReal   *zmax, *lse; /* chunk each: the rows' maximal scores and log-sum-exps */
} HtLogisticWork;

/* the log-losses log sum_c exp(z_c) - z_y of the chunk's rows, their sum added to *loss; z (mc x C, the scores
   without the intercepts b) becomes P, the probabilities */
static void HtLogisticSoftmax(HtLogisticWork *wk, PetscInt mc, PetscInt C, const PetscScalar b[], const PetscInt yc[], PetscReal *loss)
{
  for (PetscInt i = 0; i < mc; i++) *loss -= PetscRealPart(wk->z[i * C + yc[i]] + b[yc[i]]);
  HtKernelPick(HtSoftmaxRowsKernel)(mc, C, b, wk->z, wk->zmax, wk->lse);
  for (PetscInt i = 0; i < mc; i++) *loss += wk->lse[i];
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

/* one chunk of mc rows, read from memory once: scores, softmax and loss, (Hessian), and the gradient (P - Y)^T [X, 1]
   added to acc while the chunk is in cache */
static PetscErrorCode HtLogisticChunk(HtTensor t, HtLogisticWork *wk, PetscInt mc, PetscInt f, const PetscScalar x[], PetscInt C, const PetscScalar wb[], const PetscInt yc[], PetscBool hessian, PetscScalar acc[], PetscReal *loss)
{
  PetscInt nw = C * f, P = nw + C;

  PetscFunctionBegin;
  HtKernelPick(HtLogisticScoresKernel)(mc, f, x, C, wb, wk->z);
  HtLogisticSoftmax(wk, mc, C, wb + nw, yc, loss);
  if (hessian) PetscCall(HtLogisticHessianChunk(t, wk, mc, f, x, C, acc + P + 1, acc + P + 1 + nw * P));
  for (PetscInt i = 0; i < mc; i++) wk->z[i * C + yc[i]] -= 1; /* P - Y */
  HtKernelPick(HtLogisticGradientKernel)(mc, f, x, C, wk->z, acc);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* see HtSamplesLogisticLoss(): the rows in chunks, each read once from memory */
static PetscErrorCode HtSamplesLogisticLoss_Host(HtTensor t, PetscInt m, PetscInt f, const PetscScalar x[], PetscInt C, const PetscScalar wb[], const PetscInt y[], PetscBool hessian, PetscScalar acc[])
{
  PetscInt       nw = C * f, P = nw + C;
  HtLogisticWork wk;
  PetscReal      loss = 0;

  PetscFunctionBegin;
  wk.chunk = hessian ? PetscMax(1, PetscMin(HT_LOGISTIC_CHUNK, HT_LOGISTIC_HESS_BLOCK / P)) : HT_LOGISTIC_CHUNK;
  PetscCall(PetscArrayzero(acc, P + 1 + (hessian ? nw * P + C * C : 0)));
  PetscCall(PetscMalloc5(wk.chunk * C, &wk.z, hessian ? (size_t)wk.chunk * P : 0, &wk.hb, hessian ? f * P : 0, &wk.hg, wk.chunk, &wk.zmax, wk.chunk, &wk.lse));
  for (PetscInt i0 = 0; i0 < m; i0 += wk.chunk) PetscCall(HtLogisticChunk(t, &wk, PetscMin(wk.chunk, m - i0), f, x + (size_t)i0 * f, C, wb, y + i0, hessian, acc, &loss));
  acc[P] = loss;
  PetscCall(PetscFree5(wk.z, wk.hb, wk.hg, wk.zmax, wk.lse));
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
  if (proba) HtKernelPick(HtSoftmaxRowsKernel)(m, C, b, S, NULL, NULL);
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
