/*
   Sorting: sort and argsort along an axis, unique values with counts, random permutations and choices.

   Along an axis that is not split every rank sorts its own whole lines. Along the split axis a sample
   sort with exact splitters: every rank sorts its part, the ranks agree by a few rounds of
   multi-selection on the local splitting points that give every rank exactly the number of elements
   of the input layout, one Alltoallv moves the pieces, and every rank merges the runs it received.
   The order is a total one, (value, rank, position in the sorted local part), so equal values keep
   their global order (a stable sort) and the splitting is exact even when every value is the same.
*/
#include <heat/private/tensorimpl.h>

PetscLogEvent HT_TENSOR_Sort, HT_TENSOR_Unique, HT_TENSOR_Permutation, HT_TENSOR_Slice, HT_TENSOR_Take, HT_TENSOR_Compress;

/* the tie key of element j of the sorted local part of rank `rank`: (rank, j) in one integer */
static inline PetscInt64 HtSortTieKey(PetscMPIInt rank, PetscInt j)
{
  return ((PetscInt64)rank << 32) + j;
}

/* a candidate splitter: a value, its tie key and the width of the window it was taken from */
typedef struct {
  PetscReal  value;
  PetscInt64 tie, weight;
} HtSortCandidate;

static int HtSortCandidateCompare(const HtSortCandidate *a, const HtSortCandidate *b, PetscBool descending)
{
  int c = descending ? -HtRealCompare(a->value, b->value) : HtRealCompare(a->value, b->value);

  return c ? c : (a->tie > b->tie) - (a->tie < b->tie);
}

/* the weighted median of the p candidates with positive weight (insertion sort: p is small) */
static PetscErrorCode HtSortWeightedMedian(PetscMPIInt p, HtSortCandidate c[], PetscBool descending, HtSortCandidate *median)
{
  PetscInt64 total = 0, acc = 0;
  PetscInt   m     = 0;

  PetscFunctionBegin;
  for (PetscMPIInt r = 0; r < p; r++)
    if (c[r].weight > 0) c[m++] = c[r];
  for (PetscInt i = 1; i < m; i++)
    for (PetscInt j = i; j > 0 && HtSortCandidateCompare(&c[j], &c[j - 1], descending) < 0; j--) {
      HtSortCandidate t = c[j];
      c[j]              = c[j - 1];
      c[j - 1]          = t;
    }
  for (PetscInt i = 0; i < m; i++) total += c[i].weight;
  for (PetscInt i = 0; i < m; i++) {
    acc += c[i].weight;
    if (2 * acc >= total) {
      *median = c[i];
      break;
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSortExactSplits - the local splitting points of a distributed sorted sequence: splits[q] (q = 0..p)
   such that the first splits[q] local elements of every rank together are the global range[q] first
   elements of the total order. Multi-selection: for each rank boundary q every rank keeps a window
   [lo, hi) of possible splitting points, offers its middle element weighted by the window's width, and
   all windows shrink around the weighted median of the offers until its global position is range[q].
*/
static PetscErrorCode HtSortExactSplits(HtTensor x, PetscInt n, const void *keys, PetscBool descending, PetscInt splits[])
{
  MPI_Comm         comm = PetscObjectComm((PetscObject)x);
  PetscMPIInt      p, rank;
  PetscInt        *lo, *hi, *below, *mine, *total, nopen = 1;
  PetscBool       *settled, *pivoted;
  PetscReal       *pivval;
  PetscInt64      *pivtie;
  HtSortCandidate *offer, *all, *column;
  MPI_Datatype     ctype;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(comm, &p));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  splits[0] = 0;
  splits[p] = n;
  if (p == 1) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscMalloc7(p, &lo, p, &hi, p, &below, p, &mine, p, &total, p, &settled, p, &pivoted));
  PetscCall(PetscMalloc5(p, &pivval, p, &pivtie, p, &offer, (size_t)p * p, &all, p, &column));
  PetscCallMPI(MPI_Type_contiguous((PetscMPIInt)sizeof(HtSortCandidate), MPI_BYTE, &ctype));
  PetscCallMPI(MPI_Type_commit(&ctype));
  for (PetscMPIInt q = 0; q < p; q++) {
    lo[q]      = 0;
    hi[q]      = n;
    settled[q] = (PetscBool)(q == 0);
    pivval[q]  = 0;
    pivtie[q]  = 0;
  }
  while (nopen) { /* the same decisions on every rank: they depend only on gathered and reduced data */
    for (PetscMPIInt q = 0; q < p; q++) {
      PetscInt mid = lo[q] + (hi[q] - lo[q]) / 2;

      offer[q].weight = settled[q] ? 0 : hi[q] - lo[q];
      offer[q].value  = offer[q].weight ? PetscRealPart(HtElementGet(x->dtype, keys, mid)) : 0;
      offer[q].tie    = HtSortTieKey(rank, mid);
    }
    PetscCallMPI(MPI_Allgather(offer, p, ctype, all, p, ctype, comm));
    for (PetscMPIInt q = 1; q < p; q++) {
      HtSortCandidate pivot = {0, 0, 0};
      PetscInt64      width = 0;

      for (PetscMPIInt r = 0; r < p; r++) {
        column[r] = all[r * p + q];
        width += column[r].weight;
      }
      pivoted[q] = (PetscBool)(width > 0);
      if (!settled[q] && !width) { /* every window is empty: the splitting point is its bound */
        settled[q] = PETSC_TRUE;
        splits[q]  = lo[q];
      }
      if (pivoted[q]) PetscCall(HtSortWeightedMedian(p, column, descending, &pivot));
      pivval[q] = pivot.value;
      pivtie[q] = pivot.tie;
      mine[q]   = pivoted[q] && (PetscMPIInt)(pivot.tie >> 32) == rank;
    }
    PetscCall((*x->ops->countbefore)(x, n, keys, HtSortTieKey(rank, 0), p - 1, pivval + 1, pivtie + 1, descending, below + 1));
    PetscCall(MPIU_Allreduce(below + 1, total + 1, p - 1, MPIU_INT, MPI_SUM, comm));
    nopen = 0;
    for (PetscMPIInt q = 1; q < p; q++) {
      PetscInt target = x->map->range[q];

      if (!pivoted[q]) continue;
      if (total[q] == target) {
        settled[q] = PETSC_TRUE;
        splits[q]  = below[q];
        continue;
      }
      if (total[q] < target) lo[q] = below[q] + mine[q]; /* the pivot and all before it come first */
      else hi[q] = below[q];
      nopen++;
    }
  }
  PetscCallMPI(MPI_Type_free(&ctype));
  PetscCall(PetscFree7(lo, hi, below, mine, total, settled, pivoted));
  PetscCall(PetscFree5(pivval, pivtie, offer, all, column));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSortSplitLine - sorts a 1-d sequence distributed as the split axis of x (n = local length): in holds
   the local part, keys (n elements) receives the local part of the sorted sequence in the same layout and
   idx (or NULL) the global indices of those elements. keys is the work space of the local sort, and the
   piece that stays on this rank moves to its tail and is merged in place, so besides in and keys only
   the pieces received from other ranks are held.
*/
static PetscErrorCode HtSortSplitLine(HtTensor x, PetscInt n, const void *in, void *keys, PetscInt idx[], PetscBool descending)
{
  MPI_Comm          comm = PetscObjectComm((PetscObject)x);
  PetscMPIInt       p, rank;
  PetscCount       *scount, *sdispl, *rcount, *rdispl;
  PetscInt         *splits, *len, *ridx = NULL, nrecv, nself;
  const void      **runkeys;
  const PetscInt  **runidx;
  char             *rkeys, *tail;
  MPI_Datatype      etype;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(comm, &p));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall((*x->ops->sortlines)(x, 1, n, 1, in, keys, idx, descending));
  if (idx)
    for (PetscInt j = 0; j < n; j++) idx[j] += x->map->rstart;
  PetscCall(PetscMalloc7(p + 1, &splits, p, &len, p, &scount, p, &sdispl, p, &rcount, p, &rdispl, p, &runkeys));
  PetscCall(PetscMalloc1(p, &runidx));
  PetscCall(HtSortExactSplits(x, n, keys, descending, splits));
  for (PetscMPIInt q = 0; q < p; q++) {
    scount[q] = q == rank ? 0 : splits[q + 1] - splits[q];
    sdispl[q] = splits[q];
  }
  PetscCall(HtMPIAlltoallCounts(comm, scount, rcount));
  nself = splits[rank + 1] - splits[rank];
  nrecv = 0;
  for (PetscMPIInt q = 0; q < p; q++) {
    rdispl[q] = nrecv;
    nrecv += (PetscInt)rcount[q];
  }
  PetscCheck(nrecv + nself == n, PETSC_COMM_SELF, PETSC_ERR_PLIB, "Sample sort received %" PetscInt_FMT " elements for a local part of %" PetscInt_FMT, nrecv + nself, n);
  PetscCall(PetscMalloc1((size_t)PetscMax(nrecv, 1) * x->esize, &rkeys));
  PetscCall(HtDTypeGetMPIType(x->dtype, &etype));
  PetscCall(HtMPIAlltoallv(keys, scount, sdispl, rkeys, rcount, rdispl, etype, comm));
  if (idx) {
    PetscCall(PetscMalloc1(PetscMax(nrecv, 1), &ridx));
    PetscCall(HtMPIAlltoallv(idx, scount, sdispl, ridx, rcount, rdispl, MPIU_INT, comm));
    if (nself) PetscCall(PetscArraymove(idx + n - nself, idx + splits[rank], nself));
  }
  tail = (char *)keys + (size_t)(n - nself) * x->esize; /* keys is NULL on a rank without elements: no memmove then */
  if (nself) PetscCall(PetscArraymove(tail, (char *)keys + (size_t)splits[rank] * x->esize, (size_t)nself * x->esize));
  for (PetscMPIInt q = 0; q < p; q++) {
    len[q]     = q == rank ? nself : (PetscInt)rcount[q];
    runkeys[q] = q == rank ? (const void *)tail : (const void *)(rkeys + (size_t)rdispl[q] * x->esize);
    runidx[q]  = !idx ? NULL : q == rank ? idx + n - nself : ridx + rdispl[q];
  }
  PetscCall((*x->ops->mergeruns)(x, p, runkeys, idx ? runidx : NULL, len, keys, idx, descending));
  PetscCall(PetscFree(rkeys));
  PetscCall(PetscFree(ridx));
  PetscCall(PetscFree7(splits, len, scount, sdispl, rcount, rdispl, runkeys));
  PetscCall(PetscFree(runidx));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* sorts the lines of the split axis one by one (for tensors whose other axes are all shorter than the number of ranks) */
static PetscErrorCode HtSortSplitLines(HtTensor x, HtTensor ind, const void *in, void *keys, PetscInt idx[], PetscBool descending)
{
  PetscInt n = x->map->n, inner = x->inner, *lidx = NULL, zero = 0;
  char    *lin, *lkeys;

  PetscFunctionBegin;
  PetscCall(PetscMalloc2((size_t)PetscMax(n, 1) * x->esize, &lin, (size_t)PetscMax(n, 1) * x->esize, &lkeys));
  if (idx) PetscCall(PetscMalloc1(PetscMax(n, 1), &lidx));
  for (PetscInt o = 0; o < x->outer; o++) {
    for (PetscInt i = 0; i < inner; i++) {
      size_t first = (size_t)o * n * inner + i; /* the line (o, :, i) is column i of the (n, inner) block at first */

      PetscCall((*x->ops->gatherrows)(x, n, inner, 1, (const char *)in + first * x->esize, 1, &zero, lin));
      PetscCall(HtSortSplitLine(x, n, lin, lkeys, lidx, descending));
      PetscCall((*x->ops->scatterrows)(x, n, 1, 1, lkeys, inner, &zero, (char *)keys + first * x->esize));
      if (idx) PetscCall((*ind->ops->scatterrows)(ind, n, 1, 1, lidx, inner, &zero, idx + first));
    }
  }
  PetscCall(PetscFree2(lin, lkeys));
  PetscCall(PetscFree(lidx));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the longest axis other than `axis` */
static PetscInt HtSortOtherAxis(HtTensor x, PetscInt axis)
{
  PetscInt best = -1;

  for (PetscInt d = 0; d < x->ndim; d++)
    if (d != axis && (best < 0 || x->shape[d] > x->shape[best])) best = d;
  return best;
}

/* sorts x into val (same layout) and ind (or NULL) when the sort axis is the split axis and whole lines cannot be given to ranks */
static PetscErrorCode HtSortLocalOrSplit(HtTensor x, PetscInt axis, PetscBool descending, HtTensor val, HtTensor ind)
{
  const void *in;
  void       *keys;
  PetscInt   *idx = NULL, outer = 1, inner = 1;

  PetscFunctionBegin;
  for (PetscInt d = 0; d < x->ndim; d++) {
    if (d < axis) outer *= x->lshape[d];
    if (d > axis) inner *= x->lshape[d];
  }
  PetscCall((*x->ops->getarray)(x, PETSC_MEMORY_ACCESS_READ, (void **)&in));
  PetscCall((*val->ops->getarray)(val, PETSC_MEMORY_ACCESS_WRITE, &keys));
  if (ind) PetscCall((*ind->ops->getarray)(ind, PETSC_MEMORY_ACCESS_WRITE, (void **)&idx));
  if (axis != x->split) PetscCall((*x->ops->sortlines)(x, outer, x->lshape[axis], inner, in, keys, idx, descending));
  else if (x->ndim == 1) PetscCall(HtSortSplitLine(x, x->map->n, in, keys, idx, descending));
  else PetscCall(HtSortSplitLines(x, ind, in, keys, idx, descending));
  if (ind) PetscCall((*ind->ops->restorearray)(ind, PETSC_MEMORY_ACCESS_WRITE, (void **)&idx));
  PetscCall((*val->ops->restorearray)(val, PETSC_MEMORY_ACCESS_WRITE, &keys));
  PetscCall((*x->ops->restorearray)(x, PETSC_MEMORY_ACCESS_READ, (void **)&in));
  PetscCall(PetscObjectStateIncrease((PetscObject)val));
  if (ind) PetscCall(PetscObjectStateIncrease((PetscObject)ind));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* sorts x into val and ind (or NULL), both of x's layout */
static PetscErrorCode HtSort_Private(HtTensor x, PetscInt axis, PetscBool descending, HtTensor val, HtTensor ind)
{
  PetscMPIInt size;
  PetscInt    other = HtSortOtherAxis(x, axis);

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(PetscObjectComm((PetscObject)x), &size));
  if (axis == x->split && other >= 0 && x->shape[other] >= size) { /* give every rank whole lines */
    HtTensor y, yval, yind = NULL;

    PetscCall(HtTensorResplit(x, other, &y));
    PetscCall(HtTensorDuplicate(y, &yval));
    if (ind) PetscCall(HtTensorCreate(PetscObjectComm((PetscObject)x), x->ndim, x->shape, other, HT_INT, &yind));
    PetscCall(HtSortLocalOrSplit(y, axis, descending, yval, yind));
    PetscCall(HtTensorCopy(yval, val));
    if (ind) PetscCall(HtTensorCopy(yind, ind));
    PetscCall(HtTensorDestroy(&y));
    PetscCall(HtTensorDestroy(&yval));
    PetscCall(HtTensorDestroy(&yind));
  } else PetscCall(HtSortLocalOrSplit(x, axis, descending, val, ind));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a zero tensor of x's shape, split and layout with element type dtype */
static PetscErrorCode HtSortCreateLike(HtTensor x, HtDType dtype, HtTensor *out)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)x), x->ndim, x->shape, x->split, dtype, x->split >= 0 ? x->map->n : PETSC_DECIDE, NULL, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSort - Sorts a tensor along an axis (NumPy's sort and argsort in one call).

   Collective

   Input Parameters:
+  x - the tensor (any dtype, split and layout)
.  axis - the axis to sort along (negative counts from the end)
-  descending - `PETSC_TRUE` for the largest values first

   Output Parameters:
+  values - the sorted tensor (or NULL)
-  indices - the `HT_INT` global indices along `axis` of the sorted values in x (or NULL), as NumPy's argsort

   Level: beginner

   Notes:
   Both outputs have the shape, split and layout of x: the result is not rebalanced, and an unbalanced
   x gives an equally unbalanced result. The sort is stable: equal values keep their order, in both
   directions. NaN comes last in ascending order, as in NumPy, and first in descending order (the exact
   reverse of the ascending values).

   Along an axis that is not split every rank sorts its whole lines locally. Along the split axis of a
   1-d tensor (or of a tensor whose other axes are all shorter than the number of ranks) a sample sort:
   local sort, exact splitters found by a few rounds of multi-selection (small Allgathers), one
   Alltoallv, and a merge of the received runs; each rank then holds at most its part of x, its part
   of the result and the received runs. Otherwise the tensor is resplit along its longest other axis,
   so that every rank holds whole lines, sorted locally and redistributed back.

.seealso: `HtTensorArgsort()`, `HtTensorUnique()`, `HtTensorBalance()`
@*/
PetscErrorCode HtTensorSort(HtTensor x, PetscInt axis, PetscBool descending, HtTensor *values, HtTensor *indices)
{
  HtTensor val, ind = NULL;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscCheck(values || indices, PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_NULL, "HtTensorSort() needs an output: pass values, indices or both");
  PetscCall(HtTensorNormalizeAxis_Private(x, axis, &axis));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Sort, x, 0, 0, 0));
  PetscCall(HtSortCreateLike(x, x->dtype, &val));
  if (indices) PetscCall(HtSortCreateLike(x, HT_INT, &ind));
  PetscCall(HtSort_Private(x, axis, descending, val, ind));
  if (values) *values = val;
  else PetscCall(HtTensorDestroy(&val));
  if (indices) *indices = ind;
  PetscCall(PetscLogEventEnd(HT_TENSOR_Sort, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorArgsort - The indices that sort a tensor along an axis (NumPy's argsort, stable).

   Collective

   Input Parameters:
+  x - the tensor
.  axis - the axis (negative counts from the end)
-  descending - `PETSC_TRUE` for the indices of the largest values first

   Output Parameter:
.  indices - an `HT_INT` tensor of x's shape, split and layout: the global indices along `axis`

   Level: beginner

   Note:
   The same as `HtTensorSort()` with values NULL; equal values keep their index order, NaN comes last
   (first when descending).

.seealso: `HtTensorSort()`
@*/
PetscErrorCode HtTensorArgsort(HtTensor x, PetscInt axis, PetscBool descending, HtTensor *indices)
{
  PetscFunctionBegin;
  PetscValidPointer(indices, 4);
  PetscCall(HtTensorSort(x, axis, descending, NULL, indices));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* this rank's elements of x as a 1-d tensor split 0: its local block, or for a replicated x a balanced share of it */
static PetscErrorCode HtUniqueFlatten(HtTensor x, HtTensor *flat)
{
  MPI_Comm    comm = PetscObjectComm((PetscObject)x);
  PetscInt    n = x->nlocal, size = x->size, start = 0;
  PetscMPIInt rank;
  const char *a;

  PetscFunctionBegin;
  if (x->split < 0) {
    n = PETSC_DECIDE;
    PetscCall(PetscSplitOwnership(comm, &n, &size));
    PetscCallMPI(MPI_Exscan(&n, &start, 1, MPIU_INT, MPI_SUM, comm));
    PetscCallMPI(MPI_Comm_rank(comm, &rank));
    if (!rank) start = 0;
  }
  PetscCall(HtTensorGetArrayRead(x, &a));
  PetscCall(HtTensorCreateFromLocalArray(comm, 1, &size, 0, x->dtype, n, a + (size_t)start * x->esize, flat));
  PetscCall(HtTensorRestoreArrayRead(x, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtUniqueJoinRanks - runs of equal values that cross rank boundaries: each is kept by the rank where it
   starts, which adds the counts of its continuations on the following ranks; *drop tells whether this
   rank's first run continues a run of an earlier rank
*/
static PetscErrorCode HtUniqueJoinRanks(HtTensor x, PetscInt m, const void *u, PetscInt c[], PetscBool *drop)
{
  MPI_Comm    comm = PetscObjectComm((PetscObject)x);
  PetscMPIInt p, rank;
  PetscReal   ends[2] = {0, 0}, *allends;
  PetscInt    info[2] = {m, m ? c[0] : 0}, *allinfo;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(comm, &p));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (m) {
    ends[0] = PetscRealPart(HtElementGet(x->dtype, u, 0));
    ends[1] = PetscRealPart(HtElementGet(x->dtype, u, m - 1));
  }
  PetscCall(PetscMalloc2(2 * p, &allends, 2 * p, &allinfo));
  PetscCallMPI(MPI_Allgather(ends, 2, MPIU_REAL, allends, 2, MPIU_REAL, comm));
  PetscCallMPI(MPI_Allgather(info, 2, MPIU_INT, allinfo, 2, MPIU_INT, comm));
  *drop = PETSC_FALSE;
  for (PetscMPIInt q = rank - 1; m && q >= 0; q--) {
    if (!allinfo[2 * q]) continue;
    *drop = (PetscBool)(HtRealCompare(allends[2 * q + 1], ends[0]) == 0);
    break;
  }
  if (m && !(*drop && m == 1)) {
    for (PetscMPIInt q = rank + 1; q < p; q++) {
      if (!allinfo[2 * q]) continue;
      if (HtRealCompare(allends[2 * q], ends[1])) break;
      c[m - 1] += allinfo[2 * q + 1];
      if (allinfo[2 * q] > 1) break;
    }
  }
  PetscCall(PetscFree2(allends, allinfo));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorUnique - The sorted distinct values of a tensor and how often each occurs (NumPy's unique with return_counts).

   Collective

   Input Parameters:
.  x - the tensor (any shape, dtype, split and layout); it is treated as flattened

   Output Parameters:
+  values - the distinct values in ascending order (NaN last, all NaN counted as one value, as NumPy's
            equal_nan), a 1-d tensor of x's dtype, split 0 and balanced
-  counts - the number of occurrences of each value, `HT_INT`, the same layout (or NULL)

   Level: beginner

   Note:
   The elements are sorted by the distributed sample sort of `HtTensorSort()`, each rank counts the runs
   of equal values in its part, and a run that spans several ranks is merged by one small Allgather of
   every rank's first and last value.

.seealso: `HtTensorSort()`
@*/
PetscErrorCode HtTensorUnique(HtTensor x, HtTensor *values, HtTensor *counts)
{
  MPI_Comm    comm;
  HtTensor    flat, sorted;
  const void *s;
  void       *u;
  PetscInt   *c, m, nkeep, total;
  PetscBool   drop = PETSC_FALSE;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(values, 2);
  comm = PetscObjectComm((PetscObject)x);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Unique, x, 0, 0, 0));
  PetscCall(HtUniqueFlatten(x, &flat));
  PetscCall(HtTensorSort(flat, 0, PETSC_FALSE, &sorted, NULL));
  PetscCall(HtTensorDestroy(&flat));
  PetscCall(PetscMalloc2((size_t)PetscMax(sorted->nlocal, 1) * x->esize, &u, PetscMax(sorted->nlocal, 1), &c));
  PetscCall(HtTensorGetArrayRead(sorted, &s));
  PetscCall((*x->ops->uniqueruns)(x, sorted->nlocal, s, u, c, &m));
  PetscCall(HtTensorRestoreArrayRead(sorted, &s));
  PetscCall(HtTensorDestroy(&sorted));
  PetscCall(HtUniqueJoinRanks(x, m, u, c, &drop));
  nkeep = drop ? m - 1 : m;
  PetscCall(MPIU_Allreduce(&nkeep, &total, 1, MPIU_INT, MPI_SUM, comm));
  PetscCall(HtTensorCreateFromLocalArray(comm, 1, &total, 0, x->dtype, nkeep, (char *)u + (drop ? x->esize : 0), values));
  PetscCall(HtTensorBalance(*values));
  if (counts) {
    PetscCall(HtTensorCreateFromLocalArray(comm, 1, &total, 0, HT_INT, nkeep, c + (drop ? 1 : 0), counts));
    PetscCall(HtTensorBalance(*counts));
  }
  PetscCall(PetscFree2(u, c));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Unique, x, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRandomPermutation - A random permutation of 0, ..., n-1, the same on any number of ranks for the same seed.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  n - the number of elements (>= 0)
-  seed - the seed

   Output Parameter:
.  perm - a 1-d `HT_INT` tensor of length n, split 0, balanced

   Level: beginner

   Note:
   The argsort of the uniform keys of `HtTensorRand()` with the same seed: element i's key is a Philox
   draw keyed by the seed and counted by i, so neither the keys nor their (stable) order depend on the
   number of ranks.

.seealso: `HtTensorRandomChoice()`, `HtTensorRand()`, `HtTensorArgsort()`
@*/
PetscErrorCode HtTensorRandomPermutation(MPI_Comm comm, PetscInt n, PetscInt64 seed, HtTensor *perm)
{
  HtTensor keys;

  PetscFunctionBegin;
  PetscValidPointer(perm, 4);
  PetscCheck(n >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorRandomPermutation() needs n >= 0, not %" PetscInt_FMT, n);
  PetscCall(HtTensorInitializePackage());
  PetscCall(PetscLogEventBegin(HT_TENSOR_Permutation, 0, 0, 0, 0));
  PetscCall(HtTensorRand(comm, 1, &n, 0, seed, &keys));
  PetscCall(HtTensorArgsort(keys, 0, PETSC_FALSE, perm));
  PetscCall(HtTensorDestroy(&keys));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Permutation, 0, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorRandomChoice - k distinct random integers of 0, ..., n-1 (NumPy's choice without replacement), the same on any number of ranks.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  n - the size of the population
.  k - how many to choose (0 <= k <= n)
-  seed - the seed

   Output Parameter:
.  choice - a 1-d `HT_INT` tensor of length k, split 0, balanced

   Level: beginner

   Note:
   The first k entries of `HtTensorRandomPermutation()` with the same seed, i.e. the indices of the k
   smallest random keys, in increasing order of their keys.

.seealso: `HtTensorRandomPermutation()`
@*/
PetscErrorCode HtTensorRandomChoice(MPI_Comm comm, PetscInt n, PetscInt k, PetscInt64 seed, HtTensor *choice)
{
  HtTensor perm;
  HtSlice  first = {0, k, 1};

  PetscFunctionBegin;
  PetscValidPointer(choice, 5);
  PetscCheck(k >= 0 && k <= n, comm, PETSC_ERR_ARG_OUTOFRANGE, "HtTensorRandomChoice() cannot choose %" PetscInt_FMT " of %" PetscInt_FMT " elements without replacement; use 0 <= k <= n", k, n);
  PetscCall(HtTensorRandomPermutation(comm, n, seed, &perm));
  PetscCall(HtTensorGetSlice(perm, 1, &first, choice));
  PetscCall(HtTensorBalance(*choice));
  PetscCall(HtTensorDestroy(&perm));
  PetscFunctionReturn(PETSC_SUCCESS);
}
