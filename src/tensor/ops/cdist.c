/*
   Pairwise distances between the rows of two distributed matrices (SciPy's cdist) and the RBF kernel.
*/
#include <heat/private/tensorimpl.h>

const char *const HtCDistMetrics[] = {"euclidean", "sqeuclidean", "manhattan", "rbf", "HtCDistMetric", "HT_CDIST_", NULL};

typedef struct {
  HtTensor           X, Y, D;
  HtPointsMetric     metric;
  PetscReal          gamma;
  HtPoints           P; /* a block of rows of Y */
  const PetscScalar *x;
  PetscScalar       *d;
} HtCDistCtx;

/* the HtPoints metric of each HtCDistMetric */
static const HtPointsMetric HtCDistPointsMetric[] = {HT_POINTS_EUCLIDEAN, HT_POINTS_SQEUCLIDEAN, HT_POINTS_MANHATTAN, HT_POINTS_RBF};

/* D[:, cols] of the rows of X against the block of rows q of Y, whose distances are columns cols of D */
static PetscErrorCode HtCDistBlock(HtCDistCtx *ctx, PetscInt j0, PetscInt mq, const PetscScalar *y)
{
  PetscFunctionBegin;
  PetscCall(HtPointsSet(ctx->P, mq, y, ctx->X->shape[1]));
  PetscCall(HtPointsDistances(ctx->P, ctx->metric, ctx->gamma, ctx->X->lshape[0], ctx->x, ctx->d + j0, ctx->D->lshape[1]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtCDistVisit(void *vctx, PetscMPIInt q, const void *yq)
{
  HtCDistCtx *ctx = (HtCDistCtx *)vctx;

  PetscFunctionBegin;
  PetscCall(HtCDistBlock(ctx, ctx->Y->map->range[q], ctx->Y->map->range[q + 1] - ctx->Y->map->range[q], (const PetscScalar *)yq));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the most rows of Y that one block holds: its largest local block when split, else all of them */
static PetscInt HtCDistMaxBlock(HtTensor Y)
{
  PetscInt most = 0;

  if (Y->split != 0) return Y->shape[0];
  for (PetscMPIInt q = 0; q < Y->map->size; q++) most = PetscMax(most, Y->map->range[q + 1] - Y->map->range[q]);
  return most;
}

/* t as HT_SCALAR rows: converted if needed, and split 0 if it was split along its features */
static PetscErrorCode HtCDistOperand(HtTensor t, HtTensor *out)
{
  HtTensor s;

  PetscFunctionBegin;
  PetscCall(HtTensorGetAsType_Private(t, HT_SCALAR, &s));
  if (s->split == 1) {
    PetscCall(HtTensorResplit(s, 0, out));
    PetscCall(HtTensorDestroy(&s));
  } else *out = s;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* D = metric(X, Y) for the public function `fname`, which passes its arguments unchecked; gamma: the RBF width or PETSC_DEFAULT */
static PetscErrorCode HtTensorCDist_Private(const char fname[], HtTensor X, HtTensor Y, HtCDistMetric metric, PetscReal gamma, HtTensor *D)
{
  MPI_Comm   comm = PetscObjectComm((PetscObject)X);
  HtCDistCtx ctx;
  PetscInt   shape[2], split, nlocal = PETSC_DECIDE;
  char       sx[256], sy[256];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 1);
  PetscValidHeaderSpecific(Y, HT_TENSOR_CLASSID, 2);
  PetscValidPointer(D, 4);
  PetscCheck(gamma > 0 || gamma == (PetscReal)PETSC_DEFAULT, comm, PETSC_ERR_ARG_OUTOFRANGE, "%s() needs gamma > 0 (or PETSC_DEFAULT for 1 / features), not %g", fname, (double)gamma);
  PetscCall(HtTensorCheckSameComm_Private(X, Y, fname));
  PetscCall(HtShapeToString(X->ndim, X->shape, sx, sizeof(sx)));
  PetscCall(HtShapeToString(Y->ndim, Y->shape, sy, sizeof(sy)));
  PetscCheck(X->ndim == 2 && Y->ndim == 2, comm, PETSC_ERR_ARG_SIZ, "%s() takes two 2-d (samples, features) tensors, not shapes %s and %s", fname, sx, sy);
  PetscCheck(X->shape[1] == Y->shape[1], comm, PETSC_ERR_ARG_SIZ, "%s(): X of shape %s and Y of shape %s must have the same number of columns (features)", fname, sx, sy);
  PetscCheck(metric >= HT_CDIST_EUCLIDEAN && metric <= HT_CDIST_RBF, comm, PETSC_ERR_ARG_OUTOFRANGE, "%s(): unknown metric %d; use HT_CDIST_EUCLIDEAN, HT_CDIST_SQEUCLIDEAN, HT_CDIST_MANHATTAN or HT_CDIST_RBF", fname, (int)metric);
  PetscCall(PetscLogEventBegin(HT_TENSOR_CDist, X, Y, 0, 0));
  ctx.metric = HtCDistPointsMetric[metric];
  ctx.gamma  = gamma == (PetscReal)PETSC_DEFAULT ? 1.0 / PetscMax(X->shape[1], 1) : gamma; /* scikit-learn's default */
  PetscCall(HtCDistOperand(X, &ctx.X));
  PetscCall(HtCDistOperand(Y, &ctx.Y));
  split = ctx.X->split;
  if (split == 0) nlocal = ctx.X->map->n;
  else if (ctx.Y->split == 0) { /* replicated X against split Y: each rank has its columns of D */
    split  = 1;
    nlocal = ctx.Y->map->n;
  }
  shape[0] = X->shape[0];
  shape[1] = Y->shape[0];
  PetscCall(HtTensorCreateUninitialized_Private(comm, 2, shape, split, HT_SCALAR, nlocal, &ctx.D));
  PetscCall(HtPointsCreate(ctx.D, PetscMax(HtCDistMaxBlock(ctx.Y), 1), X->shape[1], &ctx.P));
  PetscCall(HtTensorGetArrayRead(ctx.X, &ctx.x));
  PetscCall(HtTensorGetArrayWrite(ctx.D, &ctx.d));
  if (ctx.X->split == 0 && ctx.Y->split == 0) PetscCall(HtTensorRingVisit_Private(ctx.Y, HtCDistVisit, &ctx));
  else {
    const PetscScalar *y;

    PetscCall(HtTensorGetArrayRead(ctx.Y, &y));
    PetscCall(HtCDistBlock(&ctx, 0, ctx.Y->lshape[0], y));
    PetscCall(HtTensorRestoreArrayRead(ctx.Y, &y));
  }
  PetscCall(HtTensorRestoreArrayWrite(ctx.D, &ctx.d));
  PetscCall(HtTensorRestoreArrayRead(ctx.X, &ctx.x));
  PetscCall(HtPointsDestroy(&ctx.P));
  PetscCall(HtTensorDestroy(&ctx.X));
  PetscCall(HtTensorDestroy(&ctx.Y));
  *D = ctx.D;
  PetscCall(PetscLogEventEnd(HT_TENSOR_CDist, X, Y, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorCDist - Distances between every row of X and every row of Y (SciPy's cdist).

   Collective

   Input Parameters:
+  X - an n x f tensor, usually split 0 (or -1)
.  Y - an m x f tensor, usually replicated (or split 0), on the same communicator
-  metric - `HT_CDIST_EUCLIDEAN`, `HT_CDIST_SQEUCLIDEAN`, `HT_CDIST_MANHATTAN`, or `HT_CDIST_RBF`
            (the RBF kernel with gamma = 1 / f, see `HtTensorRBFKernel()`)

   Output Parameter:
.  D - the n x m `HT_SCALAR` tensor with D[i, j] = metric(X[i], Y[j]): split 0 with X's layout if X is split,
       split 1 with Y's layout if only Y is split, else replicated

   Level: beginner

   Notes:
   Euclidean-type metrics use the expansion |x|^2 + |y|^2 - 2 x.y, clamped at 0 (so the Euclidean distance
   of a point to itself may be about 1e-8 of its norm rather than 0, as scikit-learn's euclidean_distances);
   Manhattan distances are summed directly. No temporaries beyond Y transposed. When X and Y are both split, Y's
   blocks travel around the ring of ranks, so no rank holds all of Y. A split-1 operand is first resplit to 0 and
   integer operands are converted; NaN propagates.

.seealso: `HtTensorRBFKernel()`, `HtCDistMetric`, `HtTensorMatMul()`
@*/
PetscErrorCode HtTensorCDist(HtTensor X, HtTensor Y, HtCDistMetric metric, HtTensor *D)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCDist_Private("HtTensorCDist", X, Y, metric, PETSC_DEFAULT, D));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRBFKernel - The RBF (Gaussian) kernel K[i, j] = exp(-gamma |X[i] - Y[j]|^2) (scikit-learn's rbf_kernel).

   Collective

   Input Parameters:
+  X - an n x f tensor, usually split 0 (or -1)
.  Y - an m x f tensor, usually replicated (or split 0), on the same communicator
-  gamma - the width parameter (> 0), or `PETSC_DEFAULT` for 1 / f

   Output Parameter:
.  K - the n x m kernel matrix, distributed as `HtTensorCDist()`'s result

   Level: beginner

.seealso: `HtTensorCDist()`
@*/
PetscErrorCode HtTensorRBFKernel(HtTensor X, HtTensor Y, PetscReal gamma, HtTensor *K)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCDist_Private("HtTensorRBFKernel", X, Y, HT_CDIST_RBF, gamma, K));
  PetscFunctionReturn(PETSC_SUCCESS);
}
