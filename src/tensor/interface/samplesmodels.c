/*
   The per-sample loops of the ML models (classifiers, regressors) as kernels of the back end (struct
   _HtSamplesKernels, tensorimpl.h): an algorithm in src/ml calls these on its HtSamples and never loops over the
   samples itself, so a back end that keeps the samples elsewhere (a GPU) supplies the loops without touching it.
*/
#include <heat/private/tensorimpl.h>
#include <heat/private/samplesimpl.h>

/*
   HtSamplesLogisticLoss - the sums over the samples of every rank of multinomial logistic regression's log-loss, its
   gradient and (hessian) its Hessian, the same on every rank: one pass over the local rows (in chunks: the scores
   X W^T by a product, the softmax and loss, the gradient (P - Y)^T [X, 1] by the transposed product while the chunk is
   in cache) and one reduction, the ranks' parts added in rank order. Collective on s->comm.

   wb holds the P = C (f + 1) coefficients: W (C x f, row-major), then the C intercepts b; y the local m classes
   (0 <= y_i < C). acc gets, with p_i = softmax(W x_i + b):
     acc[0, P)    the gradient sum_i (p_i - e_y_i) (x) [x_i; 1], in the order of wb (class c: f entries of W, then entry
                  C f + c for b);
     acc[P]       the log-loss sum_i log sum_c exp(w_c . x_i + b_c) - (w_y_i . x_i + b_y_i);
   and with hessian, the Hessian sum_i (diag(p_i) - p_i p_i^T) (x) [x_i; 1][x_i; 1]^T as
     acc[P + 1, P + 1 + C f P)           its rows of the coefficients W (C f x P, row-major),
     acc[P + 1 + C f P, ... + C C)       its block of the intercepts (C x C).
*/
PetscErrorCode HtSamplesLogisticLoss(const HtSamples *s, PetscInt C, const PetscScalar wb[], const PetscInt y[], PetscBool hessian, PetscScalar acc[])
{
  PetscInt P = C * (s->f + 1);

  PetscFunctionBegin;
  PetscCall((*s->backend->ops->samples->logisticloss)(s->backend, s->m, s->f, s->x, C, wb, y, hessian, acc));
  PetscCall(HtSamplesSumScalar(s, P + 1 + (hessian ? C * s->f * P + C * C : 0), acc));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesLinearScores - S = X W^T + 1 b^T for the local rows (W C x f row-major, b C values; S m x C row-major), or
   with proba the softmax of each row of it (exp(s_c - max_c s_c), divided by their sum). Not collective.
*/
PetscErrorCode HtSamplesLinearScores(const HtSamples *s, PetscInt C, const PetscScalar W[], const PetscScalar b[], PetscBool proba, PetscScalar S[])
{
  PetscFunctionBegin;
  PetscCall((*s->backend->ops->samples->linearscores)(s->backend, s->m, s->f, s->x, C, W, b, proba, S));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesClassMoments - for each class c < C of the local rows (y: their classes, 0 <= y_i < C), cnt[c] the number
   of its rows, mu (C x f) their means and M (C x f) the sums of their squared deviations from them, by Welford's update
   row by row (no sum of squares: no digits lost to an offset). Not collective: this rank's moments, for a merge
   (Chan et al.) in rank order.
*/
PetscErrorCode HtSamplesClassMoments(const HtSamples *s, const PetscInt y[], PetscInt C, PetscReal cnt[], PetscReal mu[], PetscReal M[])
{
  PetscFunctionBegin;
  PetscCall((*s->backend->ops->samples->classmoments)(s->backend, s->m, s->f, s->x, y, C, cnt, mu, M));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesGaussianScores - the joint log-likelihoods S[i, c] = logconst[c] - 1/2 sum_j (x_ij - mean_cj)^2 / var_cj
   of the local rows under C diagonal Gaussians (mean, var: C x f; S: m x C), or with proba the posteriors
   exp(S[i, c] - log sum_d exp S[i, d]). Not collective.
*/
PetscErrorCode HtSamplesGaussianScores(const HtSamples *s, PetscInt C, const PetscReal mean[], const PetscReal var[], const PetscReal logconst[], PetscBool proba, PetscScalar S[])
{
  PetscFunctionBegin;
  PetscCall((*s->backend->ops->samples->gaussianscores)(s->backend, s->m, s->f, s->x, C, mean, var, logconst, proba, S));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesRowNorms - norms[i] = sum_j |x_ij|^2 (in feature order) for m rows of s->f features at x with leading
   dimension ld (s->m, s->x, s->f for the samples' own rows, or a block of other rows of as many features), by the back
   end of s. Not collective.
*/
PetscErrorCode HtSamplesRowNorms(const HtSamples *s, PetscInt m, const PetscScalar x[], PetscInt ld, PetscReal norms[])
{
  PetscFunctionBegin;
  PetscCall((*s->backend->ops->samples->rownorms)(s->backend, m, s->f, x, ld, norms));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesVote - the votes S (m x C) of the neighbour lists of the s->m local queries, one list each (keys: minus the
   squared distances; indices: a global index times C plus the class): 1 per neighbour, or (distance) 1/distance,
   where the neighbours at distance 0 alone vote when there are any (scikit-learn's weights); with proba each row
   divided by its total. Not collective.
*/
PetscErrorCode HtSamplesVote(const HtSamples *s, const HtTopList lists[], PetscInt C, PetscBool distance, PetscBool proba, PetscScalar S[])
{
  PetscFunctionBegin;
  PetscCall((*s->backend->ops->samples->vote)(s->backend, s->m, lists, C, distance, proba, S));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesCenteredResidual - r = y - shift - (X - 1 mu^T) w for the local rows (mu, w: f values, mu NULL: no
   centering; y, r: m values): the residual of a linear model. Not collective.
*/
PetscErrorCode HtSamplesCenteredResidual(const HtSamples *s, const PetscScalar mu[], const PetscScalar w[], const PetscScalar y[], PetscScalar shift, PetscScalar r[])
{
  PetscFunctionBegin;
  PetscCall((*s->backend->ops->samples->residual)(s->backend, s->m, s->f, s->x, mu, w, y, shift, r));
  PetscFunctionReturn(PETSC_SUCCESS);
}
