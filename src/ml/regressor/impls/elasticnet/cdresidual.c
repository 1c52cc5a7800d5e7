/*
   The residual solver of coordinate descent, for many features: the residual r = yc - Xc w stays distributed with
   the samples. The coordinates go in blocks B of `lasso_block` features; per block ONE reduction gives
   z = Xc_B^T r and |r|^2 (and, in the first epoch, the block's Gram matrix Xc_B^T Xc_B, kept: F B numbers in all),
   the block's steps are exact cyclic coordinate descent with it, and r -= Xc_B dw_B locally. So an epoch costs
   ceil(F / B) reductions, plus one for the duality gap (Xc^T r and |r|^2) when it is checked. The centering is
   implicit: the products subtract the means (X is never copied). The per-sample loops are kernels of the tensor's back
   end (HtSamplesBlockProduct(), HtSamplesBlockUpdate(), HtSamplesCenteredResidual()).
*/
#include <../src/ml/regressor/impls/elasticnet/elasticnetimpl.h>

typedef struct {
  HtTensor           Xs, ys;
  HtSamples          s;
  const PetscScalar *y;
  PetscInt           f, B;
  const PetscScalar *mu; /* the means of the features (reg->xmean) */
  PetscScalar       *r, *z, *G, *wold, *xtr;
  PetscBool          haveG; /* the blocks' Gram matrices are known (after the first epoch) */
} HtCDResidual;

static PetscErrorCode HtCDResidualRestart(HtCDSolver cd, const PetscScalar w[])
{
  HtCDResidual *c = (HtCDResidual *)cd->data;

  PetscFunctionBegin;
  PetscCall(HtSamplesCenteredResidual(&c->s, c->mu, w, c->y, cd->reg->ymean, c->r));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtCDResidualEpoch(HtCDSolver cd, PetscReal l1, PetscReal l2, PetscScalar w[], PetscReal *wmax, PetscReal *dwmax)
{
  HtCDResidual *c = (HtCDResidual *)cd->data;

  PetscFunctionBegin;
  for (PetscInt j0 = 0; j0 < c->f; j0 += c->B) {
    PetscInt     b     = PetscMin(c->B, c->f - j0);
    PetscScalar *Gb    = c->G + j0 * c->B;
    PetscBool    moved = PETSC_FALSE;

    PetscCall(HtSamplesBlockProduct(&c->s, c->mu, j0, b, c->r, c->z, c->haveG ? NULL : Gb));
    cd->reg->nreductions++;
    PetscCall(PetscArraycpy(c->wold, w + j0, b));
    HtCDSweep(b, Gb, c->z, w + j0, l1, l2, wmax, dwmax);
    for (PetscInt k = 0; k < b; k++) {
      c->wold[k] = w[j0 + k] - c->wold[k];
      moved      = (PetscBool)(moved || c->wold[k] != 0);
    }
    if (moved) PetscCall(HtSamplesBlockUpdate(&c->s, c->mu, j0, b, c->wold, c->r));
  }
  c->haveG = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtCDResidualGap(HtCDSolver cd, PetscReal l1, PetscReal l2, const PetscScalar w[], PetscReal *gap, PetscReal *obj)
{
  HtCDResidual *c = (HtCDResidual *)cd->data;

  PetscFunctionBegin;
  PetscCall(HtSamplesBlockProduct(&c->s, c->mu, 0, c->f, c->r, c->xtr, NULL));
  cd->reg->nreductions++;
  HtCDGap(c->f, c->xtr, PetscRealPart(c->xtr[c->f]), w, l1, l2, gap, obj);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* max_j |Xc_j^T yc|: the product with the residual of w = 0 */
static PetscErrorCode HtCDResidualXtyMax(HtCDSolver cd, PetscReal *m)
{
  HtCDResidual *c = (HtCDResidual *)cd->data;
  PetscScalar  *zero;

  PetscFunctionBegin;
  PetscCall(PetscCalloc1(c->f, &zero));
  PetscCall(HtCDResidualRestart(cd, zero));
  PetscCall(HtSamplesBlockProduct(&c->s, c->mu, 0, c->f, c->r, c->xtr, NULL));
  PetscCall(PetscFree(zero));
  *m = 0;
  for (PetscInt j = 0; j < c->f; j++) *m = PetscMax(*m, PetscAbsScalar(c->xtr[j]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtCDResidualDestroy(HtCDSolver cd)
{
  HtCDResidual *c = (HtCDResidual *)cd->data;

  PetscFunctionBegin;
  PetscCall(HtTensorRestoreArrayRead(c->ys, &c->y));
  PetscCall(HtTensorRestoreSamples(c->Xs, NULL, &c->s));
  PetscCall(PetscFree5(c->r, c->z, c->G, c->wold, c->xtr));
  PetscCall(PetscFree(c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtCDResidualCreate - the residual solver of the samples Xs and targets ys (checks the data; sets the means) */
PetscErrorCode HtCDResidualCreate(HtRegressor reg, HtTensor Xs, HtTensor ys, HtCDSolver *cd)
{
  HtCDResidual *c;
  HtTensor      Xc;
  PetscInt      f = reg->f, B = PetscMin(reg->lasso_block, f);

  PetscFunctionBegin;
  PetscCall(HtMLCheckData((PetscObject)reg, Xs, f, &Xc));
  PetscCall(HtTensorDestroy(&Xc));
  PetscCall(PetscNew(cd));
  PetscCall(PetscNew(&c));
  c->Xs = Xs;
  c->ys = ys;
  c->f  = f;
  c->B  = B;
  PetscCall(HtTensorGetSamples(Xs, NULL, &c->s));
  PetscCall(HtTensorGetArrayRead(ys, &c->y));
  PetscCall(PetscCalloc5(c->s.m, &c->r, B + 1, &c->z, f * B, &c->G, B, &c->wold, f + 1, &c->xtr));
  (*cd)->data    = c;
  (*cd)->reg     = reg;
  (*cd)->restart = HtCDResidualRestart;
  (*cd)->epoch   = HtCDResidualEpoch;
  (*cd)->gap     = HtCDResidualGap;
  (*cd)->xtymax  = HtCDResidualXtyMax;
  (*cd)->destroy = HtCDResidualDestroy;
  PetscCall(HtRegressorMeans_Private(reg, Xs, ys, &(*cd)->yy));
  c->mu = reg->xmean;
  PetscFunctionReturn(PETSC_SUCCESS);
}
