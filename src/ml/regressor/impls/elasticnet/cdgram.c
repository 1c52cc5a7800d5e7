/*
   The gram solver of coordinate descent: one pass over the data forms Q = Xc^T Xc, q = Xc^T yc and |yc|^2 with one
   reduction (HtRegressorGram_Private()); the epochs then work on every rank's copy of Q with no communication: Q is
   one block of all features, whose z = q - Q w = Xc^T r is kept between epochs, and the duality gap comes from
   |r|^2 = |yc|^2 - q^T w - w^T z.
*/
#include <../src/ml/regressor/impls/elasticnet/elasticnetimpl.h>

typedef struct {
  PetscInt     f;
  PetscScalar *Q, *q, *z;
} HtCDGram;

static PetscErrorCode HtCDGramRestart(HtCDSolver cd, const PetscScalar w[])
{
  HtCDGram *g = (HtCDGram *)cd->data;

  PetscFunctionBegin;
  for (PetscInt r = 0; r < g->f; r++) {
    PetscScalar t = g->q[r];

    for (PetscInt k = 0; k < g->f; k++) t -= g->Q[r * g->f + k] * w[k];
    g->z[r] = t;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtCDGramEpoch(HtCDSolver cd, PetscReal l1, PetscReal l2, PetscScalar w[], PetscReal *wmax, PetscReal *dwmax)
{
  HtCDGram *g = (HtCDGram *)cd->data;

  PetscFunctionBegin;
  HtCDSweep(g->f, g->Q, g->z, w, l1, l2, wmax, dwmax);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtCDGramGap(HtCDSolver cd, PetscReal l1, PetscReal l2, const PetscScalar w[], PetscReal *gap, PetscReal *obj)
{
  HtCDGram *g      = (HtCDGram *)cd->data;
  PetscReal rnorm2 = cd->yy;

  PetscFunctionBegin;
  for (PetscInt j = 0; j < g->f; j++) rnorm2 -= PetscRealPart(w[j] * (g->q[j] + g->z[j]));
  HtCDGap(g->f, g->z, rnorm2, w, l1, l2, gap, obj);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtCDGramXtyMax(HtCDSolver cd, PetscReal *m)
{
  HtCDGram *g = (HtCDGram *)cd->data;

  PetscFunctionBegin;
  *m = 0;
  for (PetscInt j = 0; j < g->f; j++) *m = PetscMax(*m, PetscAbsScalar(g->q[j]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtCDGramDestroy(HtCDSolver cd)
{
  HtCDGram *g = (HtCDGram *)cd->data;

  PetscFunctionBegin;
  PetscCall(PetscFree3(g->Q, g->q, g->z));
  PetscCall(PetscFree(g));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtCDGramCreate - the gram solver of the samples Xs and targets ys (one pass, one reduction; sets the means) */
PetscErrorCode HtCDGramCreate(HtRegressor reg, HtTensor Xs, HtTensor ys, HtCDSolver *cd)
{
  HtCDGram *g;
  PetscInt  f = reg->f;

  PetscFunctionBegin;
  PetscCall(PetscNew(cd));
  PetscCall(PetscNew(&g));
  PetscCall(PetscMalloc3(f * f, &g->Q, f, &g->q, f, &g->z));
  g->f           = f;
  (*cd)->data    = g;
  (*cd)->reg     = reg;
  (*cd)->restart = HtCDGramRestart;
  (*cd)->epoch   = HtCDGramEpoch;
  (*cd)->gap     = HtCDGramGap;
  (*cd)->destroy = HtCDGramDestroy;
  (*cd)->xtymax  = HtCDGramXtyMax;
  PetscCall(HtRegressorGram_Private(reg, Xs, ys, g->Q, g->q, &(*cd)->yy));
  PetscFunctionReturn(PETSC_SUCCESS);
}
