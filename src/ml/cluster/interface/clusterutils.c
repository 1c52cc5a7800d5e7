/*
   Helpers shared by the HtCluster types: argument checks, the chunked distance kernel,
   assignment of samples to centers, results.
*/
#include <heat/private/clusterimpl.h>
#include <petscblaslapack.h>

#define HT_FINITE_BLOCK 4096 /* elements checked together by a vectorizable test before looking at each */

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
  for (PetscInt b0 = 0; b0 < X->nlocal; b0 += HT_FINITE_BLOCK) {
    PetscInt b1 = PetscMin(X->nlocal, b0 + HT_FINITE_BLOCK), nonfinite = 0;

    for (PetscInt i = b0; i < b1; i++) nonfinite |= PetscRealPart(x[i] - x[i]) != 0; /* NaN - NaN and Inf - Inf are NaN */
    if (!nonfinite) continue;
    for (PetscInt i = b0; i < b1; i++)
      if (PetscIsInfOrNanScalar(x[i])) {
        bad++;
        first = PetscMin(first, rstart + i / X->shape[1]);
      }
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
   HtClusterGetSamples_Private - the local samples of X and their weights (those of the object, or NULL) as an
   HtSamples over X's communicator; give them back with HtClusterRestoreSamples_Private()
*/
PetscErrorCode HtClusterGetSamples_Private(HtCluster cl, HtTensor X, HtSamples *s)
{
  PetscFunctionBegin;
  s->comm  = PetscObjectComm((PetscObject)X);
  s->m     = X->lshape[0];
  s->f     = X->shape[1];
  s->n     = X->shape[0];
  s->xnorm = NULL;
  PetscCall(HtTensorGetOwnershipRange(X, &s->rstart, NULL));
  PetscCall(HtTensorGetArrayRead(X, &s->x));
  PetscCall(HtClusterGetWeightsArray_Private(cl, X, &s->w));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode HtClusterRestoreSamples_Private(HtCluster cl, HtTensor X, HtSamples *s)
{
  PetscFunctionBegin;
  PetscCall(HtClusterRestoreWeightsArray_Private(cl, &s->w));
  PetscCall(HtTensorRestoreArrayRead(X, &s->x));
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
  *tol = 0;
  if (cl->tol == 0) PetscFunctionReturn(PETSC_SUCCESS); /* no pass over the data for a fixed number of iterations */
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

/*
   HtClusterAssign_Private - nearest center (Euclidean) of every local sample, and the local sum of the
   squared distances to them; X is read once, by chunks
*/
PetscErrorCode HtClusterAssign_Private(HtTensor X, const PetscScalar *centers, PetscInt k, PetscInt *labels, PetscReal *inertia)
{
  PetscFunctionBegin;
  PetscCall(HtClusterAssignWeighted_Private(X, NULL, centers, k, labels, inertia));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtClusterAssignWeighted_Private - as HtClusterAssign_Private(), with the squared distances weighted by the
   local sample weights (NULL: unit weights)
*/
PetscErrorCode HtClusterAssignWeighted_Private(HtTensor X, const PetscScalar *weights, const PetscScalar *centers, PetscInt k, PetscInt *labels, PetscReal *inertia)
{
  HtNearestWork      w;
  const PetscScalar *x;
  PetscReal         *g;
  PetscInt           m = X->lshape[0], f = X->shape[1];

  PetscFunctionBegin;
  *inertia = 0;
  PetscCall(HtNearestWorkCreate(k, f, &w));
  PetscCall(HtNearestWorkSetCenters(&w, centers));
  PetscCall(PetscMalloc1(HT_NEAREST_CHUNK, &g));
  PetscCall(HtTensorGetArrayRead(X, &x));
  for (PetscInt i0 = 0; i0 < m; i0 += HT_NEAREST_CHUNK) {
    PetscInt mc = PetscMin(HT_NEAREST_CHUNK, m - i0);

    PetscCall(HtNearestCentersExact(&w, mc, x + i0 * f, weights ? weights + i0 : NULL, labels + i0, g, PETSC_FALSE, inertia));
  }
  PetscCall(HtTensorRestoreArrayRead(X, &x));
  PetscCall(PetscFree(g));
  PetscCall(HtNearestWorkDestroy(&w));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtClusterAssignMetric_Private - nearest center (L1 or Euclidean distance computed directly, ties to the lower
   cluster index) of every local sample of X; X is read once. Outputs (each may be NULL): the labels, the m x K
   distances, and the local sum of the distances to the nearest centers weighted by w (NULL: unit weights).
*/
PetscErrorCode HtClusterAssignMetric_Private(HtTensor X, const PetscScalar *w, HtClusterMetric metric, const PetscScalar *centers, PetscInt k, PetscInt *labels, PetscScalar *dist, PetscReal *inertia)
{
  const PetscScalar *x;
  PetscReal         *ct, *d;
  PetscInt           m = X->lshape[0], f = X->shape[1];

  PetscFunctionBegin;
  PetscCall(PetscMalloc2(k * f, &ct, k, &d));
  HtRowsTranspose(k, f, centers, f, ct, k);
  if (inertia) *inertia = 0;
  PetscCall(HtTensorGetArrayRead(X, &x));
  for (PetscInt i = 0; i < m; i++) {
    PetscInt best = 0;

    HtMetricRow(metric, f, k, k, ct, x + i * f, d);
    for (PetscInt q = 1; q < k; q++)
      if (d[q] < d[best]) best = q;
    if (labels) labels[i] = best;
    if (dist)
      for (PetscInt q = 0; q < k; q++) dist[i * k + q] = d[q];
    if (inertia) *inertia += (w ? PetscRealPart(w[i]) : 1.0) * d[best];
  }
  PetscCall(HtTensorRestoreArrayRead(X, &x));
  PetscCall(PetscFree2(ct, d));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the predict operation of the types with directly computed distances */
PetscErrorCode HtClusterPredictMetric_Private(HtCluster cl, HtTensor X, HtTensor labels, HtClusterMetric metric)
{
  const PetscScalar *c;
  PetscInt          *l;

  PetscFunctionBegin;
  PetscCall(HtTensorGetArrayRead(cl->centers, &c));
  PetscCall(HtTensorGetArrayWrite(labels, &l));
  PetscCall(HtClusterAssignMetric_Private(X, NULL, metric, c, cl->k, l, NULL, NULL));
  PetscCall(HtTensorRestoreArrayWrite(labels, &l));
  PetscCall(HtTensorRestoreArrayRead(cl->centers, &c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the transform operation (distances to the centers) of the types with directly computed distances */
PetscErrorCode HtClusterTransformMetric_Private(HtCluster cl, HtTensor X, HtTensor dist, HtClusterMetric metric)
{
  const PetscScalar *c;
  PetscScalar       *d;

  PetscFunctionBegin;
  PetscCall(HtTensorGetArrayRead(cl->centers, &c));
  PetscCall(HtTensorGetArrayWrite(dist, &d));
  PetscCall(HtClusterAssignMetric_Private(X, NULL, metric, c, cl->k, NULL, d, NULL));
  PetscCall(HtTensorRestoreArrayWrite(dist, &d));
  PetscCall(HtTensorRestoreArrayRead(cl->centers, &c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* nlists empty lists of capacity cap >= 1, in one allocation */
PetscErrorCode HtTopListsCreate_Private(PetscInt nlists, PetscInt cap, HtTopList **lists)
{
  PetscReal *key;
  PetscInt  *index;

  PetscFunctionBegin;
  PetscCheck(nlists >= 1 && cap >= 1, PETSC_COMM_SELF, PETSC_ERR_PLIB, "Top lists need nlists >= 1 and cap >= 1");
  PetscCall(PetscMalloc1(nlists, lists));
  PetscCall(PetscMalloc2(nlists * cap, &key, nlists * cap, &index));
  for (PetscInt l = 0; l < nlists; l++) {
    (*lists)[l].n     = 0;
    (*lists)[l].cap   = cap;
    (*lists)[l].key   = key + l * cap;
    (*lists)[l].index = index + l * cap;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode HtTopListsDestroy_Private(HtTopList **lists)
{
  PetscFunctionBegin;
  if (!*lists) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscFree2((*lists)[0].key, (*lists)[0].index));
  PetscCall(PetscFree(*lists));
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  PetscReal key;
  PetscInt  index;
} HtTopEntry;

/* decreasing key, then increasing index */
static int HtTopEntryCompare(const void *a, const void *b)
{
  const HtTopEntry *x = (const HtTopEntry *)a, *y = (const HtTopEntry *)b;

  if (x->key != y->key) return x->key > y->key ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/*
   HtTopListsMerge_Private - replaces the local lists (same capacity) by the global ones, on every rank: one
   allgather of 2 nlists cap numbers per rank (the indices travel as reals: exact below 2^53)
*/
PetscErrorCode HtTopListsMerge_Private(MPI_Comm comm, PetscInt nlists, HtTopList *lists)
{
  PetscInt    cap = lists[0].cap, per = 2 * nlists * cap;
  PetscMPIInt size, count;
  PetscReal  *mine, *all;
  HtTopEntry *e;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCall(PetscMPIIntCast(per, &count));
  PetscCall(PetscMalloc3(per, &mine, per * size, &all, cap * size, &e));
  for (PetscInt l = 0; l < nlists; l++)
    for (PetscInt j = 0; j < cap; j++) {
      mine[2 * (l * cap + j)]     = j < lists[l].n ? lists[l].key[j] : 0;
      mine[2 * (l * cap + j) + 1] = j < lists[l].n ? (PetscReal)lists[l].index[j] : -1;
    }
  PetscCallMPI(MPI_Allgather(mine, count, MPIU_REAL, all, count, MPIU_REAL, comm));
  for (PetscInt l = 0; l < nlists; l++) {
    PetscInt ne = 0;

    for (PetscMPIInt r = 0; r < size; r++)
      for (PetscInt j = 0; j < cap; j++) {
        const PetscReal *a = all + r * per + 2 * (l * cap + j);

        if (a[1] < 0) break;
        e[ne].key     = a[0];
        e[ne++].index = (PetscInt)a[1];
      }
    qsort(e, (size_t)ne, sizeof(HtTopEntry), HtTopEntryCompare);
    lists[l].n = PetscMin(ne, cap);
    for (PetscInt j = 0; j < lists[l].n; j++) {
      lists[l].key[j]   = e[j].key;
      lists[l].index[j] = e[j].index;
    }
  }
  PetscCall(PetscFree3(mine, all, e));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesGetRows_Private - rows[e (f + 2) ...] on every rank: the row, the weight and the label (labels NULL: -1)
   of the global samples idx[e], e < n, from their owners by one allreduce; zeros for idx[e] < 0
*/
PetscErrorCode HtSamplesGetRows_Private(const HtSamples *s, const PetscInt *labels, PetscInt n, const PetscInt idx[], PetscScalar rows[])
{
  PetscFunctionBegin;
  PetscCall(PetscArrayzero(rows, n * (s->f + 2)));
  for (PetscInt e = 0; e < n; e++) {
    PetscInt i = idx[e] - s->rstart;

    if (idx[e] < 0 || i < 0 || i >= s->m) continue;
    PetscCall(PetscArraycpy(rows + e * (s->f + 2), s->x + i * s->f, s->f));
    rows[e * (s->f + 2) + s->f]     = s->w ? s->w[i] : 1.0;
    rows[e * (s->f + 2) + s->f + 1] = labels ? (PetscScalar)labels[i] : -1.0;
  }
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, rows, n * (s->f + 2), MPIU_SCALAR, MPIU_SUM, s->comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesRelocateEmpty_Private - gives each cluster q without positive weight (npos[q] == 0: its number of samples
   of positive weight, reduced), by increasing q, the next of the samples farthest from their centers (far: the local
   lists of the samples that may move, merged here), and relabels the moved samples on their owners. Output: moved[q],
   the global index of the sample given to q or -1; rows + q (f + 2), its row, weight and former label; nmoved, the
   number of moved samples. Collective, without communication when no cluster is empty; the choice depends on the
   global indices and distances only.
*/
PetscErrorCode HtSamplesRelocateEmpty_Private(const HtSamples *s, HtTopList *far, PetscInt k, const PetscReal npos[], PetscInt *labels, PetscInt moved[], PetscScalar rows[], PetscInt *nmoved)
{
  PetscInt nempty = 0;

  PetscFunctionBegin;
  *nmoved = 0;
  for (PetscInt q = 0; q < k; q++) {
    moved[q] = -1;
    nempty += npos[q] == 0;
  }
  if (!nempty) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtTopListsMerge_Private(s->comm, 1, far));
  for (PetscInt q = 0; q < k; q++)
    if (npos[q] == 0 && *nmoved < far->n) moved[q] = far->index[(*nmoved)++];
  PetscCall(HtSamplesGetRows_Private(s, labels, k, moved, rows));
  for (PetscInt q = 0; q < k; q++)
    if (moved[q] >= s->rstart && moved[q] < s->rstart + s->m) labels[moved[q] - s->rstart] = q;
  PetscCall(PetscInfo(NULL, "%" PetscInt_FMT " of %" PetscInt_FMT " clusters without weight re-seeded with the farthest samples\n", *nmoved, nempty));
  PetscFunctionReturn(PETSC_SUCCESS);
}
