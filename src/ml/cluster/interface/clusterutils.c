/*
   Helpers shared by the HtCluster types: argument checks, the chunked distance kernel,
   assignment of samples to centers, results.
*/
#include <heat/private/clusterimpl.h>
#include <petscblaslapack.h>

/*
   HtClusterCheckData_Private - X must be a finite 2-d HT_SCALAR tensor split along its samples,
   with at least K samples. The finiteness check reads X once and agrees on all ranks.
*/
PetscErrorCode HtClusterCheckData_Private(HtCluster cl, HtTensor X)
{
  MPI_Comm           comm = PetscObjectComm((PetscObject)cl);
  const PetscScalar *x;
  PetscInt           bad = 0, first = PETSC_MAX_INT, rstart;

  PetscFunctionBegin;
  PetscCheck(X->ndim == 2, comm, PETSC_ERR_ARG_WRONG, "Clustering needs a 2-d (samples, features) tensor, not a %" PetscInt_FMT "-d one", X->ndim);
  PetscCheck(X->split == 0, comm, PETSC_ERR_ARG_WRONG, "Clustering needs the samples distributed (split 0), this tensor has split %" PetscInt_FMT "; use HtTensorResplit(X, 0, &Y)", X->split);
  PetscCheck(X->dtype == HT_SCALAR, comm, PETSC_ERR_ARG_WRONG, "Clustering needs an HT_SCALAR tensor, not %s; convert it with HtTensorAsType()", HtDTypes[X->dtype]);
  PetscCheck(X->shape[1] >= 1, comm, PETSC_ERR_ARG_SIZ, "The data have no features");
  PetscCheck(cl->k <= X->shape[0], comm, PETSC_ERR_ARG_OUTOFRANGE, "Cannot find %" PetscInt_FMT " clusters in %" PetscInt_FMT " samples; use at most as many clusters as samples", cl->k, X->shape[0]);
  PetscCall(HtTensorGetOwnershipRange(X, &rstart, NULL));
  PetscCall(HtTensorGetArrayRead(X, &x));
  for (PetscInt i = 0; i < X->nlocal; i++)
    if (PetscIsInfOrNanScalar(x[i])) {
      bad++;
      first = PetscMin(first, rstart + i / X->shape[1]);
    }
  PetscCall(HtTensorRestoreArrayRead(X, &x));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &bad, 1, MPIU_INT, MPI_SUM, comm));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &first, 1, MPIU_INT, MPI_MIN, comm));
  PetscCheck(!bad, comm, PETSC_ERR_FP, "The data contain %" PetscInt_FMT " NaN or Inf values (the first in sample %" PetscInt_FMT "); remove or impute them before clustering", bad, first);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtClusterCheckWeights_Private - w must hold one finite non-negative weight per sample, with the layout of X's samples
*/
PetscErrorCode HtClusterCheckWeights_Private(HtCluster cl, HtTensor X, HtTensor w)
{
  MPI_Comm           comm = PetscObjectComm((PetscObject)cl);
  const PetscScalar *a;
  PetscInt           bad = 0, mismatch;
  PetscReal          total = 0;

  PetscFunctionBegin;
  PetscCheck(w->ndim == 1 && w->dtype == HT_SCALAR && w->split == 0, comm, PETSC_ERR_ARG_WRONG, "Sample weights must be a 1-d HT_SCALAR tensor split along axis 0");
  PetscCheck(w->shape[0] == X->shape[0], comm, PETSC_ERR_ARG_SIZ, "There are %" PetscInt_FMT " sample weights for %" PetscInt_FMT " samples; give one weight per sample", w->shape[0], X->shape[0]);
  mismatch = w->lshape[0] != X->lshape[0];
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &mismatch, 1, MPIU_INT, MPI_MAX, comm));
  PetscCheck(!mismatch, comm, PETSC_ERR_ARG_SIZ, "The sample weights are distributed differently from the samples; call HtTensorSetLayout(w, local number of samples) or balance both");
  PetscCall(HtTensorGetArrayRead(w, &a));
  for (PetscInt i = 0; i < w->nlocal; i++) {
    if (!(PetscRealPart(a[i]) >= 0) || PetscIsInfOrNanScalar(a[i])) bad++;
    else total += PetscRealPart(a[i]);
  }
  PetscCall(HtTensorRestoreArrayRead(w, &a));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &bad, 1, MPIU_INT, MPI_SUM, comm));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &total, 1, MPIU_REAL, MPIU_SUM, comm));
  PetscCheck(!bad, comm, PETSC_ERR_ARG_OUTOFRANGE, "%" PetscInt_FMT " sample weights are negative, NaN or Inf; weights must be finite and >= 0", bad);
  PetscCheck(total > 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "The sample weights are all zero");
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the local weights, or NULL for unit weights */
PetscErrorCode HtClusterGetWeightsArray_Private(HtCluster cl, HtTensor X, const PetscScalar **w)
{
  PetscFunctionBegin;
  *w = NULL;
  if (cl->weights) PetscCall(HtTensorGetArrayRead(cl->weights, w));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode HtClusterRestoreWeightsArray_Private(HtCluster cl, const PetscScalar **w)
{
  PetscFunctionBegin;
  if (cl->weights) PetscCall(HtTensorRestoreArrayRead(cl->weights, w));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtClusterTolerance_Private - the absolute tolerance on the squared center shift: tol times the
   mean of the feature variances (scikit-learn's convention, so the tolerance does not depend on the scale)
*/
PetscErrorCode HtClusterTolerance_Private(HtCluster cl, HtTensor X, PetscReal *tol)
{
  HtTensor           std;
  const PetscScalar *s;
  PetscReal          sum = 0;

  PetscFunctionBegin;
  PetscCall(HtTensorDescribe(X, NULL, NULL, NULL, &std));
  PetscCall(HtTensorGetArrayRead(std, &s));
  for (PetscInt j = 0; j < X->shape[1]; j++) sum += PetscRealPart(s[j] * s[j]);
  PetscCall(HtTensorRestoreArrayRead(std, &s));
  PetscCall(HtTensorDestroy(&std));
  *tol = cl->tol * sum / X->shape[1];
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* an HT_INT label per sample of X, with the layout of X's samples */
PetscErrorCode HtClusterCreateLabels_Private(HtTensor X, HtTensor *labels)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreateWithLayout(PetscObjectComm((PetscObject)X), 1, X->shape, 0, HT_INT, X->lshape[0], labels));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* stores K x F centers as the replicated tensor cl->centers */
PetscErrorCode HtClusterSetResults_Private(HtCluster cl, HtTensor X, const PetscScalar *centers, PetscInt its)
{
  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&cl->centers));
  PetscCall(HtTensorCreateFromLocalArray(PetscObjectComm((PetscObject)cl), 2, (PetscInt[]){cl->k, X->shape[1]}, -1, HT_SCALAR, PETSC_DECIDE, centers, &cl->centers));
  PetscCall(PetscObjectSetName((PetscObject)cl->centers, "centers"));
  cl->its = its;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtDistanceWorkCreate - work space for distances of row chunks to K centers: the chunk is sized so that
   its chunk x K block of products stays in cache (about 256 KiB)
*/
PetscErrorCode HtDistanceWorkCreate(PetscInt k, PetscInt f, HtDistanceWork *w)
{
  PetscFunctionBegin;
  w->k     = k;
  w->f     = f;
  w->chunk = PetscMax(16, PetscMin(4096, 32768 / PetscMax(k, 1)));
  PetscCall(PetscMalloc2(k, &w->cnorm, w->chunk * k, &w->g));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode HtDistanceWorkDestroy(HtDistanceWork *w)
{
  PetscFunctionBegin;
  PetscCall(PetscFree2(w->cnorm, w->g));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtDistanceChunk - w->g[i*K + k] = ||c_k||^2 - 2 x_i . c_k for the m (<= chunk) rows x of a chunk, by one
   GEMM; adding ||x_i||^2 gives the squared distance. With newcenters the norms ||c_k||^2 are recomputed.
*/
PetscErrorCode HtDistanceChunk(HtDistanceWork *w, const PetscScalar *c, PetscInt m, const PetscScalar *x, PetscBool newcenters)
{
  PetscBLASInt bk, bm, bf;
  PetscScalar  one = 1.0, zero = 0.0;

  PetscFunctionBegin;
  if (newcenters)
    for (PetscInt k = 0; k < w->k; k++) {
      PetscScalar s = 0;

      for (PetscInt j = 0; j < w->f; j++) s += c[k * w->f + j] * c[k * w->f + j];
      w->cnorm[k] = s;
    }
  if (!m) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscBLASIntCast(w->k, &bk));
  PetscCall(PetscBLASIntCast(m, &bm));
  PetscCall(PetscBLASIntCast(w->f, &bf));
  /* row-major G (m x K) = X (m x F) C^T: in column-major terms G^T = C^T' X^T */
  PetscCallBLAS("BLASgemm", BLASgemm_("T", "N", &bk, &bm, &bf, &one, c, &bf, x, &bf, &zero, w->g, &bk));
  for (PetscInt i = 0; i < m; i++)
    for (PetscInt k = 0; k < w->k; k++) w->g[i * w->k + k] = w->cnorm[k] - 2.0 * w->g[i * w->k + k];
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* squared Euclidean distance of two F-vectors, computed directly (exact inertia) */
static inline PetscReal HtSquaredDistance(const PetscScalar *a, const PetscScalar *b, PetscInt f)
{
  PetscReal s = 0;

  for (PetscInt j = 0; j < f; j++) s += PetscRealPart((a[j] - b[j]) * (a[j] - b[j]));
  return s;
}

/*
   HtClusterAssign_Private - nearest center (Euclidean) of every local sample, and the local sum of the
   squared distances to them; X is read once, by chunks
*/
PetscErrorCode HtClusterAssign_Private(HtTensor X, const PetscScalar *centers, PetscInt k, PetscInt *labels, PetscReal *inertia)
{
  HtDistanceWork     w;
  const PetscScalar *x;
  PetscInt           m = X->lshape[0], f = X->shape[1];

  PetscFunctionBegin;
  *inertia = 0;
  PetscCall(HtDistanceWorkCreate(k, f, &w));
  PetscCall(HtTensorGetArrayRead(X, &x));
  for (PetscInt i0 = 0; i0 < m; i0 += w.chunk) {
    PetscInt mc = PetscMin(w.chunk, m - i0);

    PetscCall(HtDistanceChunk(&w, centers, mc, x + i0 * f, (PetscBool)(i0 == 0)));
    for (PetscInt i = 0; i < mc; i++) {
      const PetscScalar *g    = w.g + i * k;
      PetscInt           best = 0;

      for (PetscInt c = 1; c < k; c++)
        if (PetscRealPart(g[c]) < PetscRealPart(g[best])) best = c;
      labels[i0 + i] = best;
      *inertia += HtSquaredDistance(x + (i0 + i) * f, centers + best * f, f);
    }
  }
  PetscCall(HtTensorRestoreArrayRead(X, &x));
  PetscCall(HtDistanceWorkDestroy(&w));
  PetscFunctionReturn(PETSC_SUCCESS);
}
