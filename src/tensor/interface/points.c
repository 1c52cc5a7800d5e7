/*
   HtPoints: reference points (centers, candidates, a block of other samples) prepared once for the distance kernels
   of a tensor's back end, then compared with many rows. Every distance of the library goes through these kernels:
   HtTensorCDist(), the nearest-center step of k-means and its initializations, the exact distances of k-medians,
   k-medoids and the spectral affinity graph.
*/
#include <heat/private/tensorimpl.h>

/*
   HtPointsCreate - room for up to kmax points of f features, for the kernels of the back end of `backend` (a tensor
   that outlives the points: the data whose rows are compared with them)
*/
PetscErrorCode HtPointsCreate(HtTensor backend, PetscInt kmax, PetscInt f, HtPoints *P)
{
  PetscFunctionBegin;
  PetscCheck(kmax >= 1 && f >= 0, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Points need kmax >= 1 and f >= 0, not %" PetscInt_FMT " and %" PetscInt_FMT, kmax, f);
  PetscCall(PetscNew(P));
  (*P)->backend = backend;
  (*P)->kmax    = kmax;
  (*P)->f       = f;
  PetscCall((*backend->ops->points->create)(*P));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtPointsSet - the points become the k <= kmax rows of rows (leading dimension ld >= f); rows is copied */
PetscErrorCode HtPointsSet(HtPoints P, PetscInt k, const PetscScalar rows[], PetscInt ld)
{
  PetscFunctionBegin;
  PetscCheck(k >= 0 && k <= P->kmax && ld >= P->f, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Cannot set %" PetscInt_FMT " points of leading dimension %" PetscInt_FMT " in room for %" PetscInt_FMT " of %" PetscInt_FMT " features", k, ld, P->kmax, P->f);
  P->k = k;
  PetscCall((*P->backend->ops->points->set)(P, rows, ld));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtPointsDistances - D[i ldd + q] = the distance (metric; gamma of HT_POINTS_RBF) of row i of x (n x f, row-major)
   to point q < k
*/
PetscErrorCode HtPointsDistances(HtPoints P, HtPointsMetric metric, PetscReal gamma, PetscInt n, const PetscScalar x[], PetscScalar D[], PetscInt ldd)
{
  PetscFunctionBegin;
  PetscCheck(ldd >= P->k, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Leading dimension %" PetscInt_FMT " of the distances is below the %" PetscInt_FMT " points", ldd, P->k);
  if (!n || !P->k) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall((*P->backend->ops->points->distances)(P, metric, gamma, n, x, D, ldd));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtPointsPotentials - pots[q] += the sum over the n rows x_i of x (weights w, NULL: ones) of w_i min(closest_i, D_iq)
   for every point q < k, D_iq the squared Euclidean distance as HtPointsDistances() gives it: the potentials of
   k-means++'s candidates in one pass, without an n x k matrix of distances. Each sum runs over the rows in order.
*/
PetscErrorCode HtPointsPotentials(HtPoints P, PetscInt n, const PetscScalar x[], const PetscScalar w[], const PetscReal closest[], PetscReal pots[])
{
  PetscFunctionBegin;
  if (!n || !P->k) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall((*P->backend->ops->points->potentials)(P, n, x, w, closest, pots));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtPointsDistance - *d = the distance of the row x to point j, for the exact metrics (HT_POINTS_MANHATTAN,
   HT_POINTS_SQEUCLIDEAN_EXACT, HT_POINTS_EUCLIDEAN_EXACT): the same value as HtPointsDistances() gives
*/
PetscErrorCode HtPointsDistance(HtPoints P, HtPointsMetric metric, PetscInt j, const PetscScalar x[], PetscReal *d)
{
  PetscFunctionBegin;
  PetscCheck(j >= 0 && j < P->k, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Point %" PetscInt_FMT " of %" PetscInt_FMT, j, P->k);
  PetscCheck(metric >= HT_POINTS_MANHATTAN, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONG, "A single distance is computed with an exact metric");
  PetscCall((*P->backend->ops->points->distance)(P, metric, j, x, d));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtPointsNearest - for the n rows of x (row-major, f features) with weights w (or NULL for ones): best[i] = the
   nearest point (by the expansion |y|^2 - 2 x.y, the lowest index on ties) and
+  without wdist - d[i] = |y|^2 - 2 x_i . y for it: |x_i|^2 + d[i] is the squared distance by the expansion
-  with wdist - d[i] = the exact squared distance to it (summed from the differences: exactly 0 at a point), and
               *wdist += sum_i w_i d[i]
   With accumulate, also adds w_i x_i to the sums of point best[i] and w_i to its weight (HtPointsGetSums()). A row's
   results do not depend on the other rows (the same on any number of ranks). Give at most HT_POINTS_CHUNK rows at a
   time to have them in cache through the passes of the kernel.
*/
PetscErrorCode HtPointsNearest(HtPoints P, PetscInt n, const PetscScalar x[], const PetscScalar w[], PetscInt best[], PetscReal d[], PetscBool accumulate, PetscReal *wdist)
{
  PetscFunctionBegin;
  PetscCheck(P->k >= 1, PETSC_COMM_SELF, PETSC_ERR_ORDER, "Set the points with HtPointsSet() first");
  if (!n) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall((*P->backend->ops->points->nearest)(P, n, x, w, best, d, accumulate, wdist));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtPointsZeroSums - starts new sums for HtPointsNearest() and HtPointsMoveRows() */
PetscErrorCode HtPointsZeroSums(HtPoints P)
{
  PetscFunctionBegin;
  PetscCall((*P->backend->ops->points->zerosums)(P));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtPointsMoveRows - for the n rows x (weights w or NULL) whose new nearest point best[i] differs from labels[i]: their
   weighted row and weight move from the sums of point labels[i] (if >= 0) to those of best[i], labels[i] = best[i],
   and *changed counts them. The sums then are those of the new clusters, updated with the rows that changed only.
*/
PetscErrorCode HtPointsMoveRows(HtPoints P, PetscInt n, const PetscScalar x[], const PetscScalar w[], const PetscInt best[], PetscInt labels[], PetscInt *changed)
{
  PetscFunctionBegin;
  PetscCall((*P->backend->ops->points->moverows)(P, n, x, w, best, labels, changed));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtPointsGetSums - the sums since HtPointsZeroSums(): sums (k x f) of the weighted rows, wsum (k) of their weights */
PetscErrorCode HtPointsGetSums(HtPoints P, PetscScalar sums[], PetscScalar wsum[])
{
  PetscFunctionBegin;
  PetscCall((*P->backend->ops->points->getsums)(P, sums, wsum));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode HtPointsDestroy(HtPoints *P)
{
  PetscFunctionBegin;
  if (!*P) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall((*(*P)->backend->ops->points->destroy)(*P));
  PetscCall(PetscFree(*P));
  PetscFunctionReturn(PETSC_SUCCESS);
}
