/*
   Lloyd's k-means iteration with one assignment/accumulation pass, shared by the HtCluster types: on
   samples distributed over the object's communicator (kmeans), or on samples that one rank holds alone,
   with PETSC_COMM_SELF (the batches and merges of batchkmeans); and scikit-learn's tolerance rule.
*/
#include <../src/ml/cluster/impls/kmeans/kmeansimpl.h>

typedef struct {
  const HtSamples *s;
  PetscInt         k;
  PetscInt        *labels;
  PetscScalar     *centers, *buf; /* buf: sums K*F | weights K | inertia | changed */
  HtPoints         P;       /* the centers, for the back end's nearest-center kernel */
  PetscInt        *best;    /* nearest centers of a chunk of HT_POINTS_CHUNK rows */
  PetscReal       *d;       /* their exact squared distances (with the inertia) */
  PetscBool        inertia; /* compute the inertia of each iteration (for the monitors) */
  HtTopList       *far;     /* the K samples of this rank farthest from their centers, for empty clusters */
} HtLloyd;

/* iterations between full sums of the local samples; in between, only the samples that change cluster update them */
#define HT_LLOYD_FULL_SUMS 8

/*
   One pass over the local samples, a chunk of rows at a time: their nearest centers (with the exact squared distances
   and the inertia if asked for: HtPointsNearest()), the changed labels, and the weighted sums of the new
   centers. The sums are formed in full every HT_LLOYD_FULL_SUMS iterations (and at the first); in between, the
   samples that changed cluster move their contribution from the old sums to the new (HtPointsMoveRows()): after
   the first iterations only a few percent change, and rounding does not build up over more than a few iterations.
   Like scikit-learn, the inertia is not formed where nobody reads it: the fit computes it once at the end.
*/
static PetscErrorCode HtLloydAssignAccumulate(HtLloyd *L, PetscInt it)
{
  PetscInt     k = L->k, f = L->s->f;
  PetscScalar *sums = L->buf, *wsum = L->buf + k * f, *inertia = wsum + k, *changed = inertia + 1;
  PetscReal    wdist    = 0;
  PetscInt     nchanged = 0;
  PetscBool    full     = (PetscBool)(it % HT_LLOYD_FULL_SUMS == 0);

  PetscFunctionBegin;
  PetscCall(HtPointsSet(L->P, k, L->centers, f));
  if (full) PetscCall(HtPointsZeroSums(L->P));
  for (PetscInt i0 = 0; i0 < L->s->m; i0 += HT_POINTS_CHUNK) {
    PetscInt                       mc = PetscMin(HT_POINTS_CHUNK, L->s->m - i0);
    PetscInt *PETSC_RESTRICT       labels = L->labels + i0;
    const PetscInt *PETSC_RESTRICT best   = L->best;
    const PetscScalar             *x = L->s->x + i0 * f, *w = L->s->w ? L->s->w + i0 : NULL;

    PetscCall(HtPointsNearest(L->P, mc, x, w, L->best, L->d, full, L->inertia ? &wdist : NULL));
    if (full)
      for (PetscInt i = 0; i < mc; i++) { /* (restrict pointers: a loop the compiler vectorizes) */
        nchanged += best[i] != labels[i];
        labels[i] = best[i];
      }
    else PetscCall(HtPointsMoveRows(L->P, mc, x, w, best, labels, &nchanged));
  }
  PetscCall(HtPointsGetSums(L->P, sums, wsum));
  *inertia = wdist;
  *changed = nchanged;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the K local samples farthest from the centers they were assigned to (exact squared distances), into L->far */
static PetscErrorCode HtLloydFarthest(HtLloyd *L)
{
  PetscFunctionBegin;
  L->far->n = 0;
  for (PetscInt i = 0; i < L->s->m; i++) {
    PetscReal d;

    PetscCall(HtPointsDistance(L->P, HT_POINTS_SQEUCLIDEAN_EXACT, L->labels[i], L->s->x + i * L->s->f, &d));
    HtTopListPush(L->far, d, L->s->rstart + i);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   Empty clusters take the samples farthest from their centers (in decreasing distance, ties by lower index),
   as scikit-learn does; the choice is global and does not depend on the number of ranks.
*/
static PetscErrorCode HtLloydRelocateEmpty(HtCluster cl, HtLloyd *L)
{
  PetscInt     k = L->k, f = L->s->f, nempty = 0, *moved;
  PetscScalar *sums = L->buf, *wsum = L->buf + k * f, *rows;

  PetscFunctionBegin;
  for (PetscInt q = 0; q < k; q++) nempty += PetscRealPart(wsum[q]) == 0;
  if (!nempty) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscInfo(cl, "%" PetscInt_FMT " empty clusters re-seeded with the farthest samples\n", nempty));
  PetscCall(HtLloydFarthest(L));
  PetscCall(HtSamplesMergeTopLists(L->s, 1, L->far));
  PetscCall(PetscMalloc2(nempty, &moved, nempty * (f + 2), &rows));
  for (PetscInt e = 0; e < nempty; e++) moved[e] = e < L->far->n ? L->far->index[e] : -1;
  /* their row, weight and label, contributed by their owners */
  PetscCall(HtSamplesGetRows(L->s, L->labels, nempty, moved, rows));
  for (PetscInt q = 0, e = 0; q < k; q++) {
    const PetscScalar *r;
    PetscInt           old;

    if (PetscRealPart(wsum[q]) != 0) continue;
    r = rows + e * (f + 2);
    if (moved[e++] < 0) continue; /* fewer samples than empty clusters */
    old = (PetscInt)PetscRealPart(r[f + 1]);
    for (PetscInt j = 0; j < f; j++) {
      sums[old * f + j] -= r[f] * r[j];
      sums[q * f + j] = r[f] * r[j];
    }
    wsum[q] = r[f];
    wsum[old] -= r[f];
  }
  PetscCall(PetscFree2(moved, rows));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* new centers = weighted means; returns the squared center shift */
static PetscErrorCode HtLloydUpdateCenters(HtLloyd *L, PetscReal *shift)
{
  PetscInt           k = L->k, f = L->s->f;
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

/*
   HtKMeansLloyd - Lloyd iterations from the given centers until no sample changes its cluster, the
   squared center shift is at most tol, or cl->max_it iterations. Collective on s->comm; one allreduce of
   K (F + 1) + 2 numbers per iteration (HtSamplesSumScalar()).

   Input Parameters:
+  cl - the object: K, the maximum number of iterations, the monitors
.  s - the samples (with their weights) and the communicator that shares them
.  tol - the absolute tolerance on the squared center shift
-  monitor - call the object's monitors after each iteration (then collective on the object's communicator too)

   Input/Output Parameter:
.  centers - K x F: the initial centers, then the final ones

   Output Parameters:
+  labels - s->m labels of the last assignment: the final centers are the weighted means of these clusters
.  weights - the K total sample weights of these clusters (or NULL)
.  its - the number of iterations done
-  reason - why the iteration stopped
*/
PetscErrorCode HtKMeansLloyd(HtCluster cl, const HtSamples *s, PetscReal tol, PetscBool monitor, PetscScalar *centers, PetscInt *labels, PetscScalar *weights, PetscInt *its, HtClusterConvergedReason *reason)
{
  HtLloyd   L;
  PetscReal shift = 0, inertia;
  PetscInt  it;

  PetscFunctionBegin;
  L.s       = s;
  L.k       = cl->k;
  L.labels  = labels;
  L.centers = centers;
  L.inertia = (PetscBool)(monitor && cl->monitors.n > 0); /* the exact distances only when a monitor reads the inertia */
  PetscCall(PetscMalloc1(L.k * s->f + L.k + 2, &L.buf));
  PetscCall(HtTopListsCreate(1, L.k, &L.far));
  PetscCall(HtPointsCreate(s->backend, L.k, s->f, &L.P));
  PetscCall(PetscMalloc2(HT_POINTS_CHUNK, &L.best, HT_POINTS_CHUNK, &L.d));
  for (PetscInt i = 0; i < s->m; i++) L.labels[i] = -1;
  *reason = HT_CLUSTER_DIVERGED_ITS;
  for (it = 0; it < cl->max_it; it++) {
    PetscCall(HtLloydAssignAccumulate(&L, it));
    PetscCall(HtSamplesSumScalar(s, L.k * s->f + L.k + 2, L.buf));
    inertia = PetscRealPart(L.buf[L.k * s->f + L.k]);
    PetscCall(HtLloydRelocateEmpty(cl, &L));
    PetscCall(HtLloydUpdateCenters(&L, &shift));
    if (monitor) PetscCall(HtClusterMonitor(cl, it + 1, inertia, shift));
    if (PetscRealPart(L.buf[L.k * s->f + L.k + 1]) == 0) { /* no sample changed its cluster */
      *reason = HT_CLUSTER_CONVERGED_LABELS;
      break;
    }
    if (shift <= tol) {
      *reason = HT_CLUSTER_CONVERGED_TOL;
      break;
    }
  }
  *its = PetscMin(it + 1, cl->max_it);
  if (weights) PetscCall(PetscArraycpy(weights, L.buf + L.k * s->f, L.k));
  PetscCall(PetscFree2(L.best, L.d));
  PetscCall(HtPointsDestroy(&L.P));
  PetscCall(HtTopListsDestroy(&L.far));
  PetscCall(PetscFree(L.buf));
  PetscFunctionReturn(PETSC_SUCCESS);
}
