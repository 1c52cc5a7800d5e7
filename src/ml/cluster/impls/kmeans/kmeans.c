/*
   HTCLUSTERKMEANS: Lloyd's k-means with a fused assignment/accumulation pass per iteration.
*/
#include <heat/private/clusterimpl.h>

/* the T samples farthest from their centers seen so far on this rank, sorted by decreasing distance */
typedef struct {
  PetscInt   n, cap;
  PetscReal *dist;
  PetscInt  *index; /* global sample index */
} HtFarthest;

static void HtFarthestPush(HtFarthest *f, PetscReal d, PetscInt idx)
{
  PetscInt j;

  if (f->n == f->cap && d <= f->dist[f->n - 1]) return;
  j = f->n < f->cap ? f->n++ : f->n - 1;
  for (; j > 0 && f->dist[j - 1] < d; j--) {
    f->dist[j]  = f->dist[j - 1];
    f->index[j] = f->index[j - 1];
  }
  f->dist[j]  = d;
  f->index[j] = idx;
}

typedef struct {
  PetscInt           m, f, k, rstart;
  const PetscScalar *x, *w;
  PetscInt          *labels;
  PetscScalar       *centers, *buf; /* buf: sums K*F | weights K | inertia | changed */
  HtDistanceWork     dw;
  HtFarthest         far;
} HtLloyd;

static inline PetscReal HtLloydWeight(const HtLloyd *L, PetscInt i)
{
  return L->w ? PetscRealPart(L->w[i]) : 1.0;
}

/*
   One pass over the local samples: nearest center by the GEMM expansion in row chunks, then, while the chunk is
   in cache, the exact squared distance, the weighted sums of the new centers and the farthest samples.
*/
static PetscErrorCode HtLloydAssignAccumulate(HtLloyd *L)
{
  PetscInt     k = L->k, f = L->f;
  PetscScalar *sums = L->buf, *wsum = L->buf + k * f, *inertia = wsum + k, *changed = inertia + 1;

  PetscFunctionBegin;
  PetscCall(PetscArrayzero(L->buf, k * f + k + 2));
  L->far.n = 0;
  for (PetscInt i0 = 0; i0 < L->m; i0 += L->dw.chunk) {
    PetscInt mc = PetscMin(L->dw.chunk, L->m - i0);

    PetscCall(HtDistanceChunk(&L->dw, L->centers, mc, L->x + i0 * f, (PetscBool)(i0 == 0)));
    for (PetscInt i = 0; i < mc; i++) {
      const PetscScalar *g = L->dw.g + i * k, *xi = L->x + (i0 + i) * f, *c;
      PetscInt           best = 0;
      PetscReal          wi   = HtLloydWeight(L, i0 + i), d = 0;

      for (PetscInt q = 1; q < k; q++)
        if (PetscRealPart(g[q]) < PetscRealPart(g[best])) best = q;
      c = L->centers + best * f;
      for (PetscInt j = 0; j < f; j++) {
        d += PetscRealPart((xi[j] - c[j]) * (xi[j] - c[j]));
        sums[best * f + j] += wi * xi[j];
      }
      wsum[best] += wi;
      *inertia += wi * d;
      if (best != L->labels[i0 + i]) *changed += 1;
      L->labels[i0 + i] = best;
      HtFarthestPush(&L->far, d, L->rstart + i0 + i);
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   Empty clusters take the samples farthest from their centers (in decreasing distance, ties by lower index),
   as scikit-learn does; the choice is global and does not depend on the number of ranks.
*/
static PetscErrorCode HtLloydRelocateEmpty(HtCluster cl, HtLloyd *L)
{
  MPI_Comm     comm = PetscObjectComm((PetscObject)cl);
  PetscInt     k = L->k, f = L->f, nempty = 0, cap = L->far.cap;
  PetscScalar *sums = L->buf, *wsum = L->buf + k * f, *rows;
  PetscReal   *all, *mine;
  PetscMPIInt  size;

  PetscFunctionBegin;
  for (PetscInt q = 0; q < k; q++) nempty += PetscRealPart(wsum[q]) == 0;
  if (!nempty) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscInfo(cl, "%" PetscInt_FMT " empty clusters re-seeded with the farthest samples\n", nempty));
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCall(PetscMalloc3(2 * cap, &mine, 2 * cap * size, &all, nempty * (f + 2), &rows));
  for (PetscInt j = 0; j < cap; j++) {
    mine[2 * j]     = j < L->far.n ? L->far.dist[j] : -1;
    mine[2 * j + 1] = j < L->far.n ? (PetscReal)L->far.index[j] : -1;
  }
  PetscCallMPI(MPI_Allgather(mine, (PetscMPIInt)(2 * cap), MPIU_REAL, all, (PetscMPIInt)(2 * cap), MPIU_REAL, comm));
  /* the nempty farthest samples: their row, weight and label, contributed by their owners */
  PetscCall(PetscArrayzero(rows, nempty * (f + 2)));
  for (PetscInt e = 0; e < nempty; e++) {
    PetscInt best = -1, idx;

    for (PetscInt q = 0; q < cap * size; q++)
      if (all[2 * q + 1] >= 0 && (best < 0 || all[2 * q] > all[2 * best] || (all[2 * q] == all[2 * best] && all[2 * q + 1] < all[2 * best + 1]))) best = q;
    idx               = (PetscInt)all[2 * best + 1];
    all[2 * best + 1] = -1;
    if (idx >= L->rstart && idx < L->rstart + L->m) {
      PetscCall(PetscArraycpy(rows + e * (f + 2), L->x + (idx - L->rstart) * f, f));
      rows[e * (f + 2) + f]     = HtLloydWeight(L, idx - L->rstart);
      rows[e * (f + 2) + f + 1] = L->labels[idx - L->rstart];
    }
  }
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, rows, nempty * (f + 2), MPIU_SCALAR, MPIU_SUM, comm));
  for (PetscInt q = 0, e = 0; q < k; q++) {
    const PetscScalar *r;
    PetscInt           old;

    if (PetscRealPart(wsum[q]) != 0) continue;
    r   = rows + e++ * (f + 2);
    old = (PetscInt)PetscRealPart(r[f + 1]);
    for (PetscInt j = 0; j < f; j++) {
      sums[old * f + j] -= r[f] * r[j];
      sums[q * f + j] = r[f] * r[j];
    }
    wsum[q] = r[f];
    wsum[old] -= r[f];
  }
  PetscCall(PetscFree3(mine, all, rows));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* new centers = weighted means; returns the squared center shift */
static PetscErrorCode HtLloydUpdateCenters(HtLloyd *L, PetscReal *shift)
{
  PetscInt           k = L->k, f = L->f;
  const PetscScalar *sums = L->buf, *wsum = L->buf + k * f;

  PetscFunctionBegin;
  *shift = 0;
  for (PetscInt q = 0; q < k; q++) {
    if (PetscRealPart(wsum[q]) == 0) continue; /* only with zero weights everywhere in it: keep the center */
    for (PetscInt j = 0; j < f; j++) {
      PetscScalar c = sums[q * f + j] / wsum[q];

      *shift += PetscRealPart((c - L->centers[q * f + j]) * (c - L->centers[q * f + j]));
      L->centers[q * f + j] = c;
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterFit_KMeans(HtCluster cl, HtTensor X)
{
  MPI_Comm  comm = PetscObjectComm((PetscObject)cl);
  HtLloyd   L;
  PetscReal tol, shift = 0, inertia;
  PetscInt  it;

  PetscFunctionBegin;
  L.m = X->lshape[0];
  L.f = X->shape[1];
  L.k = cl->k;
  PetscCall(HtTensorGetOwnershipRange(X, &L.rstart, NULL));
  PetscCall(PetscMalloc2(L.k * L.f, &L.centers, L.k * L.f + L.k + 2, &L.buf));
  L.far.cap = L.k;
  PetscCall(PetscMalloc2(L.k, &L.far.dist, L.k, &L.far.index));
  PetscCall(HtDistanceWorkCreate(L.k, L.f, &L.dw));
  PetscCall(HtClusterInitialCenters_Private(cl, X, L.centers));
  PetscCall(HtClusterTolerance_Private(cl, X, &tol));
  PetscCall(HtClusterCreateLabels_Private(X, &cl->labels));
  PetscCall(PetscObjectSetName((PetscObject)cl->labels, "labels"));
  PetscCall(HtTensorGetArray(cl->labels, &L.labels));
  for (PetscInt i = 0; i < L.m; i++) L.labels[i] = -1;
  PetscCall(HtTensorGetArrayRead(X, &L.x));
  PetscCall(HtClusterGetWeightsArray_Private(cl, X, &L.w));
  cl->reason = HT_CLUSTER_DIVERGED_ITS;
  for (it = 0; it < cl->max_it; it++) {
    PetscCall(HtLloydAssignAccumulate(&L));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, L.buf, L.k * L.f + L.k + 2, MPIU_SCALAR, MPIU_SUM, comm));
    inertia = PetscRealPart(L.buf[L.k * L.f + L.k]);
    PetscCall(HtLloydRelocateEmpty(cl, &L));
    PetscCall(HtLloydUpdateCenters(&L, &shift));
    PetscCall(HtClusterMonitor(cl, it + 1, inertia, shift));
    if (PetscRealPart(L.buf[L.k * L.f + L.k + 1]) == 0) { /* no sample changed its cluster */
      cl->reason = HT_CLUSTER_CONVERGED_LABELS;
      break;
    }
    if (shift <= tol) {
      cl->reason = HT_CLUSTER_CONVERGED_TOL;
      break;
    }
  }
  /* labels and inertia of the final centers */
  PetscCall(HtClusterAssign_Private(X, L.centers, L.k, L.labels, &inertia));
  PetscCall(MPIU_Allreduce(&inertia, &cl->inertia, 1, MPIU_REAL, MPIU_SUM, comm));
  PetscCall(HtClusterRestoreWeightsArray_Private(cl, &L.w));
  PetscCall(HtTensorRestoreArrayRead(X, &L.x));
  PetscCall(HtTensorRestoreArray(cl->labels, &L.labels));
  PetscCall(HtClusterSetResults_Private(cl, X, L.centers, PetscMin(it + 1, cl->max_it)));
  PetscCall(HtDistanceWorkDestroy(&L.dw));
  PetscCall(PetscFree2(L.far.dist, L.far.index));
  PetscCall(PetscFree2(L.centers, L.buf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterPredict_KMeans(HtCluster cl, HtTensor X, HtTensor labels)
{
  const PetscScalar *c;
  PetscInt          *l;
  PetscReal          inertia;

  PetscFunctionBegin;
  PetscCall(HtTensorGetArrayRead(cl->centers, &c));
  PetscCall(HtTensorGetArrayWrite(labels, &l));
  PetscCall(HtClusterAssign_Private(X, c, cl->k, l, &inertia));
  PetscCall(HtTensorRestoreArrayWrite(labels, &l));
  PetscCall(HtTensorRestoreArrayRead(cl->centers, &c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterTransform_KMeans(HtCluster cl, HtTensor X, HtTensor dist)
{
  const PetscScalar *c, *x;
  PetscScalar       *d;
  HtDistanceWork     w;
  PetscInt           m = X->lshape[0], f = X->shape[1], k = cl->k;

  PetscFunctionBegin;
  PetscCall(HtTensorGetArrayRead(cl->centers, &c));
  PetscCall(HtTensorGetArrayRead(X, &x));
  PetscCall(HtTensorGetArrayWrite(dist, &d));
  PetscCall(HtDistanceWorkCreate(k, f, &w));
  for (PetscInt i0 = 0; i0 < m; i0 += w.chunk) {
    PetscInt mc = PetscMin(w.chunk, m - i0);

    PetscCall(HtDistanceChunk(&w, c, mc, x + i0 * f, (PetscBool)(i0 == 0)));
    for (PetscInt i = 0; i < mc; i++) {
      PetscReal xn = 0;

      for (PetscInt j = 0; j < f; j++) xn += PetscRealPart(x[(i0 + i) * f + j] * x[(i0 + i) * f + j]);
      for (PetscInt q = 0; q < k; q++) d[(i0 + i) * k + q] = PetscSqrtReal(PetscMax(0.0, xn + PetscRealPart(w.g[i * k + q])));
    }
  }
  PetscCall(HtDistanceWorkDestroy(&w));
  PetscCall(HtTensorRestoreArrayWrite(dist, &d));
  PetscCall(HtTensorRestoreArrayRead(X, &x));
  PetscCall(HtTensorRestoreArrayRead(cl->centers, &c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTCLUSTERKMEANS - "kmeans" - Lloyd's k-means.

   Each iteration reads the local samples once: distances to the K centers by the expansion
   ||c||^2 - 2 x.c with one GEMM per chunk of rows (no samples x K matrix), then, while the chunk is in
   cache, the nearest center, the exact squared distance and the sums of the new centers. One allreduce of
   K (F + 1) + 2 numbers per iteration, whatever the number of samples. Empty clusters take the samples
   farthest from their centers. The fit stops when no sample changes its cluster, when the squared shift of
   the centers is at most tol times the mean feature variance, or after max_it iterations: the same rules
   as scikit-learn's KMeans(algorithm="lloyd"), whose results it reproduces from the same initial centers.

   Options Database Keys:
+  -ht_cluster_num_clusters <8> - K
.  -ht_cluster_init <kmeans++> - random, kmeans++, kmeans||
.  -ht_cluster_init_centers FILE - given initial centers
.  -ht_cluster_tol <1e-4> - tolerance
-  -ht_cluster_max_it <300> - maximum number of iterations

   Level: beginner

.seealso: `HtClusterCreate()`, `HtClusterSetType()`, `HTCLUSTERKMEDIANS`, `HTCLUSTERBATCHKMEANS`
M*/
PETSC_INTERN PetscErrorCode HtClusterCreate_KMeans(HtCluster cl)
{
  PetscFunctionBegin;
  cl->ops->fit       = HtClusterFit_KMeans;
  cl->ops->predict   = HtClusterPredict_KMeans;
  cl->ops->transform = HtClusterTransform_KMeans;
  PetscFunctionReturn(PETSC_SUCCESS);
}
