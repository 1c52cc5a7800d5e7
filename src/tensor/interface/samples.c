/*
   HtSamples: the local rows of a data tensor as the ML classes read them, and the collective helpers through which
   they combine partial results (include/heat/private/samplesimpl.h). These are the only places where an ML
   algorithm's work crosses ranks.
*/
#include <heat/private/tensorimpl.h>
#include <heat/private/samplesimpl.h>

/*
   HtTensorGetSamples - the local rows of X (a 2-d HT_SCALAR tensor split along axis 0) and of the weights w (a 1-d
   HT_SCALAR tensor with the layout of X's rows, or NULL); give them back with HtTensorRestoreSamples()
*/
PetscErrorCode HtTensorGetSamples(HtTensor X, HtTensor w, HtSamples *s)
{
  PetscFunctionBegin;
  PetscCheck(X->ndim == 2 && X->split == 0 && X->dtype == HT_SCALAR, PetscObjectComm((PetscObject)X), PETSC_ERR_PLIB, "Samples are the rows of a 2-d HT_SCALAR tensor split along axis 0");
  PetscCheck(!w || (w->ndim == 1 && w->split == 0 && w->lshape[0] == X->lshape[0]), PETSC_COMM_SELF, PETSC_ERR_PLIB, "Sample weights need the layout of the samples");
  s->comm    = PetscObjectComm((PetscObject)X);
  s->m       = X->lshape[0];
  s->f       = X->shape[1];
  s->n       = X->shape[0];
  s->rstart  = X->map->rstart;
  s->backend = X;
  s->w       = NULL;
  PetscCall(HtTensorGetArrayRead(X, &s->x));
  if (w) PetscCall(HtTensorGetArrayRead(w, &s->w));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode HtTensorRestoreSamples(HtTensor X, HtTensor w, HtSamples *s)
{
  PetscFunctionBegin;
  if (w) PetscCall(HtTensorRestoreArrayRead(w, &s->w));
  PetscCall(HtTensorRestoreArrayRead(X, &s->x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesCreateLocal - m rows x (f features, as parent's) with weights w (or NULL) that this rank holds alone, as
   samples on PETSC_COMM_SELF computed by the back end of parent; x and w are used, not copied
*/
PetscErrorCode HtSamplesCreateLocal(const HtSamples *parent, PetscInt m, const PetscScalar *x, const PetscScalar *w, HtSamples *s)
{
  PetscFunctionBegin;
  s->comm    = PETSC_COMM_SELF;
  s->m       = m;
  s->f       = parent->f;
  s->n       = m;
  s->rstart  = 0;
  s->x       = x;
  s->w       = w;
  s->backend = parent->backend;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtCommGetRank - this rank of comm and the number of ranks (each may be NULL), for the layers that make no MPI call */
PetscErrorCode HtCommGetRank(MPI_Comm comm, PetscMPIInt *rank, PetscMPIInt *size)
{
  PetscFunctionBegin;
  if (rank) PetscCallMPI(MPI_Comm_rank(comm, rank));
  if (size) PetscCallMPI(MPI_Comm_size(comm, size));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the first of n items of part r when they are cut into `parts` consecutive parts (PETSc's balanced split) */
static inline PetscInt HtPartStart(PetscInt n, PetscMPIInt parts, PetscMPIInt r)
{
  return r * (n / parts) + PetscMin(r, n % parts);
}

/*
   The sum over the ranks of the n reals of buf, added in rank order: buf = ((p_0 + p_1) + p_2) + ... on every rank,
   the same bits everywhere. Rank r receives the r-th slice of everybody's partials (one all-to-all), adds them in
   rank order, and the sums are gathered (one allgather): 2 n numbers per rank, as a ring allreduce. Partial sums of
   consecutive samples added in the order of the samples: only the split of the samples into the ranks' partials
   depends on the number of ranks, not the order in which they are combined (MPI_SUM may group them differently).
*/
static PetscErrorCode HtSamplesSumInRankOrder(const HtSamples *s, PetscInt n, PetscReal buf[])
{
  PetscMPIInt size, rank;
  PetscCount *counts, *displs, *rcounts, *rdispls, len;
  PetscReal  *recv, *mine;

  PetscFunctionBegin;
  PetscCall(HtCommGetRank(s->comm, &rank, &size));
  if (size == 1 || n == 0) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscMalloc4(size, &counts, size + 1, &displs, size, &rcounts, size, &rdispls));
  for (PetscMPIInt r = 0; r <= size; r++) {
    displs[r] = HtPartStart(n, size, r);
    if (r < size) counts[r] = HtPartStart(n, size, r + 1) - HtPartStart(n, size, r);
  }
  len = counts[rank];
  for (PetscMPIInt r = 0; r < size; r++) {
    rcounts[r] = len;
    rdispls[r] = r * len;
  }
  PetscCall(PetscMalloc1(size * len + 1, &recv));
  PetscCall(HtMPIAlltoallvBounded(buf, counts, displs, recv, rcounts, rdispls, n + size, MPIU_REAL, s->comm)); /* n: the same on every rank */
  mine = buf + displs[rank];
  for (PetscCount j = 0; j < len; j++) {
    PetscReal sum = recv[j];

    for (PetscMPIInt r = 1; r < size; r++) sum += recv[r * len + j];
    mine[j] = sum;
  }
  PetscCall(HtMPIAllgatherv(MPI_IN_PLACE, buf, counts, displs, MPIU_REAL, s->comm));
  PetscCall(PetscFree(recv));
  PetscCall(PetscFree4(counts, displs, rcounts, rdispls));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesSumReal - buf = the sum over the ranks of the n partials of buf, the same on every rank: the partials are
   added in rank order (the order of the samples), so the result depends on the number of ranks only through the
   split of the samples into the partials
*/
PetscErrorCode HtSamplesSumReal(const HtSamples *s, PetscInt n, PetscReal buf[])
{
  PetscFunctionBegin;
  PetscCall(HtSamplesSumInRankOrder(s, n, buf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtSamplesSumScalar - HtSamplesSumReal() of scalars (real and imaginary parts summed alike) */
PetscErrorCode HtSamplesSumScalar(const HtSamples *s, PetscInt n, PetscScalar buf[])
{
  PetscFunctionBegin;
  PetscCall(HtSamplesSumInRankOrder(s, n * (PetscInt)(sizeof(PetscScalar) / sizeof(PetscReal)), (PetscReal *)buf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesReduceInt - buf = the sum, the largest or the smallest (op) over the ranks of each of the n integers of buf
   (exact in any order)
*/
PetscErrorCode HtSamplesReduceInt(const HtSamples *s, HtSamplesOp op, PetscInt n, PetscInt buf[])
{
  PetscMPIInt count;

  PetscFunctionBegin;
  PetscCall(PetscMPIIntCast(n, &count));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, buf, count, MPIU_INT, op == HT_SAMPLES_SUM ? MPI_SUM : op == HT_SAMPLES_MAX ? MPI_MAX : MPI_MIN, s->comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtSamplesMaxReal - buf = the largest over the ranks of each of the n reals of buf (exact) */
PetscErrorCode HtSamplesMaxReal(const HtSamples *s, PetscInt n, PetscReal buf[])
{
  PetscMPIInt count;

  PetscFunctionBegin;
  PetscCall(PetscMPIIntCast(n, &count));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, buf, count, MPIU_REAL, MPIU_MAX, s->comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesExscanReal - *offset = the sum of `local` over the ranks before this one (0 on the first), added in rank
   order: the running sum of the ranks' partials in the order of the samples
*/
PetscErrorCode HtSamplesExscanReal(const HtSamples *s, PetscReal local, PetscReal *offset)
{
  PetscMPIInt size, rank;
  PetscReal  *all;

  PetscFunctionBegin;
  PetscCall(HtCommGetRank(s->comm, &rank, &size));
  PetscCall(PetscMalloc1(size, &all));
  PetscCallMPI(MPI_Allgather(&local, 1, MPIU_REAL, all, 1, MPIU_REAL, s->comm));
  *offset = 0;
  for (PetscMPIInt r = 0; r < rank; r++) *offset += all[r];
  PetscCall(PetscFree(all));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesGetRows - rows[e (f + 2) ...] on every rank: the row, the weight (1 without weights) and the label
   (labels: the s->m local labels, or NULL for -1) of the global samples idx[e], e < n, from their owners by one
   allreduce; zeros for idx[e] < 0
*/
PetscErrorCode HtSamplesGetRows(const HtSamples *s, const PetscInt *labels, PetscInt n, const PetscInt idx[], PetscScalar rows[])
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
  PetscCall(HtMPIAllreduce(MPI_IN_PLACE, rows, (PetscCount)n * (s->f + 2), MPIU_SCALAR, MPIU_SUM, s->comm)); /* one owner per row: exact */
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesGatherBlocks - all = the blocks of bs scalars of every rank (nmine of them here), in rank order, on every
   rank; all holds the total number of blocks
*/
PetscErrorCode HtSamplesGatherBlocks(const HtSamples *s, PetscInt nmine, PetscInt bs, const PetscScalar mine[], PetscScalar all[])
{
  PetscCount *counts, *displs;

  PetscFunctionBegin;
  PetscCall(HtMPIGatherCounts(s->comm, (PetscCount)nmine * bs, &counts, &displs));
  PetscCall(HtMPIAllgatherv(mine, all, counts, displs, MPIU_SCALAR, s->comm));
  PetscCall(PetscFree2(counts, displs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesGatherRows - appends the local samples with flag[i] set, of every rank, in global sample order, to the
   replicated list of nc rows *rows (reallocated; nc grows)
*/
PetscErrorCode HtSamplesGatherRows(const HtSamples *s, const PetscBool flag[], PetscInt *nc, PetscScalar **rows)
{
  PetscMPIInt  size;
  PetscCount  *counts, *displs;
  PetscInt     nloc = 0;
  PetscScalar *mine, *grown;

  PetscFunctionBegin;
  for (PetscInt i = 0; i < s->m; i++) nloc += flag[i] ? s->f : 0;
  PetscCall(PetscMalloc1(PetscMax(nloc, 1), &mine));
  for (PetscInt i = 0, p = 0; i < s->m; i++)
    if (flag[i]) {
      PetscCall(PetscArraycpy(mine + p, s->x + i * s->f, s->f));
      p += s->f;
    }
  PetscCall(HtCommGetRank(s->comm, NULL, &size));
  PetscCall(HtMPIGatherCounts(s->comm, nloc, &counts, &displs));
  PetscCall(PetscMalloc1((*nc) * s->f + displs[size], &grown));
  PetscCall(PetscArraycpy(grown, *rows, (*nc) * s->f));
  PetscCall(HtMPIAllgatherv(mine, grown + (*nc) * s->f, counts, displs, MPIU_SCALAR, s->comm));
  PetscCall(PetscFree(*rows));
  *rows = grown;
  *nc += (PetscInt)(displs[size] / s->f);
  PetscCall(PetscFree2(counts, displs));
  PetscCall(PetscFree(mine));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtSamplesGatherInts - *all (allocated, *nall entries) = the nmine integers of every rank, in rank order */
PetscErrorCode HtSamplesGatherInts(const HtSamples *s, PetscInt nmine, const PetscInt mine[], PetscInt *nall, PetscInt **all)
{
  PetscMPIInt size;
  PetscCount *counts, *displs;

  PetscFunctionBegin;
  PetscCall(HtCommGetRank(s->comm, NULL, &size));
  PetscCall(HtMPIGatherCounts(s->comm, nmine, &counts, &displs));
  *nall = (PetscInt)displs[size];
  PetscCall(PetscMalloc1(*nall + 1, all));
  PetscCall(HtMPIAllgatherv(mine, *all, counts, displs, MPIU_INT, s->comm));
  PetscCall(PetscFree2(counts, displs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtTopListsCreate - nlists empty lists of capacity cap >= 1, in one allocation */
PetscErrorCode HtTopListsCreate(PetscInt nlists, PetscInt cap, HtTopList **lists)
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

PetscErrorCode HtTopListsDestroy(HtTopList **lists)
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
   HtSamplesMergeTopLists - replaces the local lists (same capacity) by the global ones, on every rank: one allgather
   of 2 nlists cap numbers per rank (the indices travel as reals: exact below 2^53)
*/
PetscErrorCode HtSamplesMergeTopLists(const HtSamples *s, PetscInt nlists, HtTopList *lists)
{
  PetscInt    cap = lists[0].cap, per = 2 * nlists * cap;
  PetscMPIInt size;
  PetscCount *counts, *displs;
  PetscReal  *mine, *all;
  HtTopEntry *e;

  PetscFunctionBegin;
  PetscCall(HtCommGetRank(s->comm, NULL, &size));
  PetscCall(PetscMalloc3(per, &mine, per * size, &all, cap * size, &e));
  for (PetscInt l = 0; l < nlists; l++)
    for (PetscInt j = 0; j < cap; j++) {
      mine[2 * (l * cap + j)]     = j < lists[l].n ? lists[l].key[j] : 0;
      mine[2 * (l * cap + j) + 1] = j < lists[l].n ? (PetscReal)lists[l].index[j] : -1;
    }
  PetscCall(HtMPIGatherCounts(s->comm, per, &counts, &displs));
  PetscCall(HtMPIAllgatherv(mine, all, counts, displs, MPIU_REAL, s->comm));
  PetscCall(PetscFree2(counts, displs));
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

typedef struct {
  PetscErrorCode (*visit)(void *, PetscInt, const PetscScalar *);
  void    *ctx;
  PetscInt ncols;
  HtTensor blocks;
} HtRingCtx;

static PetscErrorCode HtSamplesRingStep(void *vctx, PetscMPIInt q, const void *block)
{
  HtRingCtx *ring = (HtRingCtx *)vctx;

  PetscFunctionBegin;
  PetscCall((*ring->visit)(ring->ctx, ring->blocks->map->range[q + 1] - ring->blocks->map->range[q], (const PetscScalar *)block));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesRingVisit - calls visit(ctx, m_q, block_q) with the block of every rank q: its m_q rows (one per local
   sample of q) of ncols scalars, row-major, given here as `local` (s->m rows); the blocks travel around a ring while
   the previous one is visited, so that a rank holds at most two blocks besides its own (HtTensorRingVisit_Private)
*/
PetscErrorCode HtSamplesRingVisit(const HtSamples *s, PetscInt ncols, const PetscScalar local[], PetscErrorCode (*visit)(void *, PetscInt, const PetscScalar *), void *ctx)
{
  HtRingCtx ring = {visit, ctx, ncols, NULL};

  PetscFunctionBegin;
  PetscCall(HtTensorCreateWithArray(s->comm, 2, (PetscInt[]){s->n, ncols}, 0, HT_SCALAR, s->m, (void *)local, &ring.blocks));
  PetscCall(HtTensorRingVisit_Private(ring.blocks, HtSamplesRingStep, &ring));
  PetscCall(HtTensorDestroy(&ring.blocks));
  PetscFunctionReturn(PETSC_SUCCESS);
}
