/*
   The coordinate-descent iteration shared by the solvers of lasso and elasticnet: the steps of a block, the duality
   gap, and the epochs with scikit-learn's stopping rule (sklearn/linear_model/_cd_fast.pyx).
*/
#include <../src/ml/regressor/impls/elasticnet/elasticnetimpl.h>

/*
   HtCDSweep - one cyclic sweep over a block of b coordinates w (b x b Gram block G, row-major, and z = Xc_B^T r for
   the current w): each coordinate moves to its minimizer soft(z_k + G_kk w_k, l1) / (G_kk + l2) and z follows
   (z -= G_:k dw_k); a coordinate of a constant feature (G_kk = 0) stays. Raises *wmax and *dwmax to the largest |w_k|
   and |dw_k| of the block.
*/
void HtCDSweep(PetscInt b, const PetscScalar G[], PetscScalar z[], PetscScalar w[], PetscReal l1, PetscReal l2, PetscReal *wmax, PetscReal *dwmax)
{
  for (PetscInt k = 0; k < b; k++) {
    const PetscScalar *Gk  = G + k * b;
    PetscReal          gkk = PetscRealPart(Gk[k]), tmp, shrink, wnew, dw;

    if (gkk == 0) continue;
    tmp    = PetscRealPart(z[k]) + gkk * PetscRealPart(w[k]);
    shrink = PetscAbsReal(tmp) - l1;
    wnew   = shrink > 0 ? (tmp > 0 ? shrink : -shrink) / (gkk + l2) : 0;
    dw     = wnew - PetscRealPart(w[k]);
    if (dw != 0)
      for (PetscInt l = 0; l < b; l++) z[l] -= Gk[l] * dw;
    w[k]   = wnew;
    *dwmax = PetscMax(*dwmax, PetscAbsReal(dw));
    *wmax  = PetscMax(*wmax, PetscAbsReal(wnew));
  }
}

/*
   HtCDGap - the duality gap and the primal objective 1/2 |r|^2 + l1 |w|_1 + l2/2 |w|^2 of the coefficients w (f) from
   XtR = Xc^T r and Rnorm2 = |r|^2, as scikit-learn: the dual point is r scaled to be feasible, and yc^T r = |r|^2 + w^T Xc^T r
*/
void HtCDGap(PetscInt f, const PetscScalar XtR[], PetscReal Rnorm2, const PetscScalar w[], PetscReal l1, PetscReal l2, PetscReal *gap, PetscReal *obj)
{
  PetscReal dual = 0, l1norm = 0, wnorm2 = 0, wXtR = 0, yR, c;

  for (PetscInt j = 0; j < f; j++) {
    PetscReal wj = PetscRealPart(w[j]);

    dual = PetscMax(dual, PetscAbsReal(PetscRealPart(XtR[j]) - l2 * wj));
    l1norm += PetscAbsReal(wj);
    wnorm2 += wj * wj;
    wXtR += wj * PetscRealPart(XtR[j]);
  }
  yR = Rnorm2 + wXtR;
  if (dual > l1) {
    c    = l1 / dual;
    *gap = 0.5 * (Rnorm2 + Rnorm2 * c * c);
  } else {
    c    = 1;
    *gap = Rnorm2;
  }
  *gap += l1 * l1norm - c * yR + 0.5 * l2 * (1 + c * c) * wnorm2;
  *obj = 0.5 * Rnorm2 + l1 * l1norm + 0.5 * l2 * wnorm2;
}

/*
   HtCDSolve - coordinate descent for the penalty alpha and the l1 share l1_ratio from reg->w (0, or the previous
   solution of a path): epochs until scikit-learn's rule stops them. The gap is computed when the largest step of an
   epoch is below tol times the largest coefficient (or all are 0), or at the last epoch, and the fit has converged
   when it is below tol |yc|^2; with monitors, after every epoch.
*/
PetscErrorCode HtCDSolve(HtCDSolver cd, PetscReal alpha, PetscReal l1_ratio)
{
  HtRegressor reg = cd->reg;
  PetscReal   l1 = alpha * l1_ratio * reg->n, l2 = alpha * (1 - l1_ratio) * reg->n, tolgap = reg->tol * cd->yy, gap = 0, obj;
  PetscInt    epoch;

  PetscFunctionBegin;
  PetscCall((*cd->restart)(cd, reg->w));
  reg->reason = HT_REGRESSOR_DIVERGED_ITS;
  for (epoch = 0; epoch < reg->max_it; epoch++) {
    PetscReal wmax = 0, dwmax = 0;
    PetscBool check;

    PetscCall((*cd->epoch)(cd, l1, l2, reg->w, &wmax, &dwmax));
    check = (PetscBool)(wmax == 0 || dwmax / wmax < reg->tol || epoch == reg->max_it - 1);
    if (check || reg->monitors.n) PetscCall((*cd->gap)(cd, l1, l2, reg->w, &gap, &obj));
    if (reg->monitors.n) PetscCall(HtRegressorMonitor(reg, epoch + 1, obj / reg->n, gap / reg->n));
    if (check && (gap < tolgap || gap <= 0)) {
      reg->reason = HT_REGRESSOR_CONVERGED_GAP;
      break;
    }
  }
  reg->its = PetscMin(epoch + 1, reg->max_it);
  reg->gap = gap / reg->n;
  PetscCall(PetscInfo(reg, "Coordinate descent for alpha %g: %s after %" PetscInt_FMT " epochs, duality gap %g (tolerance %g)\n", (double)alpha, HtRegressorConvergedReasons[reg->reason], reg->its, (double)gap, (double)tolgap));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtCDSolverDestroy - frees a solver's data */
PetscErrorCode HtCDSolverDestroy(HtCDSolver *cd)
{
  PetscFunctionBegin;
  if (!*cd) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall((*(*cd)->destroy)(*cd));
  PetscCall(PetscFree(*cd));
  PetscFunctionReturn(PETSC_SUCCESS);
}
