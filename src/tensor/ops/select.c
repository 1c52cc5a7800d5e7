/*
   The distributed selection (include/heat/private/selectimpl.h): weighted order statistics of the groups (class of
   rows, column) of a distributed block, all found together without gathering any group.

   Every order statistic (target) keeps a window of keys (HtRealToKey()) known to hold it, at first the range of its
   group. A round counts the values of every window in a histogram of 64 buckets (count, weight, smallest and largest
   key of each bucket), reduced over the ranks; the window shrinks to the bucket where the cumulative weight reaches
   the target, from the bucket's smallest to its largest key. A bucket of one key is the answer. The buckets have
   equal widths in value; after a round that kept more than half of the window's values (very uneven data) they have
   equal widths in keys, which shrinks the window's key span 32-fold per round. A window of at most 64 values is
   gathered and the target picked from the sorted values. Windows of several targets of a group that coincide share
   their histogram.

   The first round reads the block; once the values left in the windows are at most 1/16 of a rank's block, that rank
   copies them out (value, group, weight) and later rounds read only them (typically a few percent after one round).
   The groups are taken in batches of at most 4096 open targets, each batch reading the block again. The
   communication per round is independent of the number of rows: one allreduce of 64 buckets per window, and an
   allgather of at most 64 values per gathered window.
*/
#include <heat/private/tensorimpl.h>
#include <stddef.h>

#define HT_SELECT_GATHER      64   /* a window of at most this many values is gathered */
#define HT_SELECT_MAX_TARGETS 4096 /* open targets of a batch (each has at most one histogram per round) */
#define HT_SELECT_LIST_SHARE  16   /* the kept values are copied out at 1/16 of the block */

typedef enum {
  HT_TARGET_SKIPPED,
  HT_TARGET_FOUND,
  HT_TARGET_REFINE, /* its window gets a histogram in the next round */
  HT_TARGET_GATHER  /* the values of its window are gathered in the next round */
} HtTargetState;

/* one order statistic: the keys [lo, hi] that hold it, the weight of its group's values below lo */
typedef struct {
  HtTargetState state;
  PetscReal     target, below;
  uint64_t      lo, hi;
  PetscReal     count;  /* values in [lo, hi] on all ranks */
  PetscBool     slow;   /* the last round kept more than half of the window's values: buckets of equal key widths */
  PetscInt      window; /* in the current round: one of the slots of its group, shared with the targets of the same window */
  PetscInt      origin; /* the bucket (histogram B + bucket) of the last round that [lo, hi] comes from (-1: none) */
} HtSelectTarget;

typedef struct {
  const HtSelection             *sel;
  const struct _HtSelectKernels *kernels;
  PetscInt                       ngroups, ntargets, maxhist;
  HtSelectTarget                *target;
  PetscReal                     *value;
  PetscInt                       g0, g1; /* the groups of the batch */
  PetscInt                       rounds, batches;
  /* the round: its windows (slots of the targets' groups) and where each comes from (origin of the target that made it, -1: empty), this rank's tally, the reduced buckets */
  HtSelectWindow *window;
  PetscInt       *origin;
  HtSelectRound   round;
  HtSelectTally   tally;
  HtSelectBucket *bucket;
  MPI_Datatype    buckettype;
  MPI_Op          bucketsum;
  PetscInt        ngather; /* values of the gathered windows on all ranks */
  /* what the rounds read: the block, or the list of values kept */
  HtSelectBlock source;
  HtSelectList  list;
  PetscBool     onlist;
} HtSelectEngine;

static PetscInt HtBitLength(uint64_t v)
{
  PetscInt bits = 0;

  while (bits < 64 && (v >> bits)) bits++;
  return bits;
}

/* the group's range [lo, hi] of keys and whether it holds a NaN, as given (values) or found (kernel and one allreduce) */
static PetscErrorCode HtSelectGetRanges(HtSelectEngine *E, uint64_t *ranges)
{
  const HtSelection *sel = E->sel;

  PetscFunctionBegin;
  if (sel->ranges) {
    for (PetscInt g = 0; g < E->ngroups; g++) {
      PetscReal lo = -sel->ranges[2 * g], hi = sel->ranges[2 * g + 1];

      ranges[3 * g]     = ~HtRealToKey(lo == 0 ? -0.0 : lo); /* both zeros in the range, whichever the data hold */
      ranges[3 * g + 1] = HtRealToKey(hi == 0 ? 0.0 : hi);
      ranges[3 * g + 2] = 0;
    }
  } else {
    PetscCall((*E->kernels->ranges)(&sel->block, E->ngroups, ranges));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, ranges, 3 * E->ngroups, MPI_UINT64_T, MPI_MAX, sel->comm));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static void HtSelectFound(HtSelectEngine *E, PetscInt t, PetscReal v)
{
  E->target[t].state = HT_TARGET_FOUND;
  E->value[t]        = v;
}

/* every target starts with the range of its group: found at once when the range is one key, or the group has a NaN */
static PetscErrorCode HtSelectStart(HtSelectEngine *E, const PetscReal targets[])
{
  const PetscInt T = E->sel->ntargets;
  uint64_t      *ranges;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(3 * E->ngroups, &ranges));
  PetscCall(HtSelectGetRanges(E, ranges));
  for (PetscInt t = 0; t < E->ntargets; t++) {
    HtSelectTarget *tg = &E->target[t];
    const uint64_t *r  = ranges + 3 * (t / T);

    tg->target = targets[t];
    tg->state  = HT_TARGET_SKIPPED;
    tg->lo     = ~r[0];
    tg->hi     = r[1];
    tg->below  = 0;
    tg->slow   = PETSC_FALSE;
    tg->origin = -1;
    if (tg->target < 0) continue;
    PetscCheck(r[2] || tg->lo <= tg->hi, E->sel->comm, PETSC_ERR_ARG_WRONG, "Group %" PetscInt_FMT " of the selection holds no value", t / T);
    if (r[2]) HtSelectFound(E, t, NAN);
    else if (tg->lo == tg->hi) HtSelectFound(E, t, HtKeyToReal(tg->lo));
    else tg->state = HT_TARGET_REFINE;
  }
  PetscCall(PetscFree(ranges));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscBool HtSelectOpen(const HtSelectTarget *tg)
{
  return (PetscBool)(tg->state == HT_TARGET_REFINE || tg->state == HT_TARGET_GATHER);
}

/* the groups of the next batch: as many as hold at most HT_SELECT_MAX_TARGETS open targets (at least one group) */
static PetscBool HtSelectNextBatch(HtSelectEngine *E)
{
  const PetscInt T    = E->sel->ntargets;
  PetscInt       open = 0;

  E->g0 = E->g1;
  while (E->g0 < E->ngroups && !open) { /* skip the groups whose targets are all found */
    for (PetscInt t = E->g0 * T; t < (E->g0 + 1) * T; t++) open += HtSelectOpen(&E->target[t]);
    if (!open) E->g0++;
  }
  for (E->g1 = E->g0 + 1; E->g1 < E->ngroups; E->g1++) {
    PetscInt more = 0;

    for (PetscInt t = E->g1 * T; t < (E->g1 + 1) * T; t++) more += HtSelectOpen(&E->target[t]);
    if (open + more > HT_SELECT_MAX_TARGETS) break;
    open += more;
  }
  E->g1 = PetscMin(E->g1, E->ngroups);
  if (open) E->batches++;
  return (PetscBool)(open > 0);
}

/* buckets of equal width in value when the width and its inverse are finite and the last round was not slow, else in keys */
static void HtSelectWindowSetBuckets(HtSelectWindow *win, PetscBool slow)
{
  PetscReal lo = HtKeyToReal(win->lo), width = HtKeyToReal(win->hi) - lo;

  win->origin = lo;
  win->scale  = !slow && width < PETSC_MAX_REAL && HT_SELECT_BUCKETS / width < PETSC_MAX_REAL ? HT_SELECT_BUCKETS / width : 0;
  win->shift  = PetscMax(0, HtBitLength(win->hi - win->lo) - HT_SELECT_BUCKETS_LOG2);
}

/*
   the window of open target t in the round being planned: that of an earlier target of its group with the same keys,
   or a new one in the next free slot of the group (used: the slots taken, from first)
*/
static PetscInt HtSelectWindowOf(HtSelectEngine *E, PetscInt t, PetscInt first, PetscInt *used)
{
  const HtSelectTarget *tg = &E->target[t];
  HtSelectWindow       *win;
  PetscInt              s;

  for (s = first; s < first + *used; s++)
    if (E->window[s].lo == tg->lo && E->window[s].hi == tg->hi) return s;
  s            = first + (*used)++;
  win          = &E->window[s];
  win->lo      = tg->lo;
  win->hi      = tg->hi;
  win->hist    = -1;
  E->origin[s] = tg->origin;
  if (tg->state == HT_TARGET_REFINE) {
    win->hist = E->round.nhist++;
    HtSelectWindowSetBuckets(win, tg->slow);
  } else E->ngather += (PetscInt)tg->count;
  return s;
}

/* an empty window slot: [UINT64_MAX, UINT64_MAX], the key of no number */
static void HtSelectWindowClear(HtSelectEngine *E, PetscInt s)
{
  E->window[s].lo   = UINT64_MAX;
  E->window[s].hi   = UINT64_MAX;
  E->window[s].hist = -1;
  E->origin[s]      = -1;
}

/* the windows of the open targets of the batch for the next round, in the first slots of each group; returns the number of open targets */
static PetscInt HtSelectPlan(HtSelectEngine *E)
{
  const PetscInt T    = E->sel->ntargets;
  PetscInt       open = 0;

  E->round.nhist = 0;
  E->round.nused = 0;
  E->ngather     = 0;
  for (PetscInt g = E->g0; g < E->g1; g++) {
    PetscInt used = 0;

    for (PetscInt t = g * T; t < (g + 1) * T; t++) HtSelectWindowClear(E, t);
    for (PetscInt t = g * T; t < (g + 1) * T; t++) {
      if (!HtSelectOpen(&E->target[t])) continue;
      E->target[t].window = HtSelectWindowOf(E, t, g * T, &used);
      open++;
    }
    E->round.nused = PetscMax(E->round.nused, used);
  }
  return open;
}

/* the collected values of every rank, in rank order: (window, value, weight) triples */
static PetscErrorCode HtSelectGather(HtSelectEngine *E, PetscReal **all, PetscInt *nall)
{
  MPI_Comm    comm = E->sel->comm;
  PetscMPIInt size;
  PetscCount *counts, *displs;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCall(HtMPIGatherCounts(comm, 3 * E->tally.ncollected, &counts, &displs));
  PetscCall(PetscMalloc1(displs[size] + 1, all));
  PetscCall(HtMPIAllgatherv(E->tally.collected, *all, counts, displs, MPIU_REAL, comm));
  *nall = (PetscInt)(displs[size] / 3);
  PetscCall(PetscFree2(counts, displs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  uint64_t  key;
  PetscReal v, w;
  PetscInt  window, pos; /* pos: in the gathered values, that is, in rank order */
} HtSelectValue;

static int HtSelectValueCompare(const void *a, const void *b)
{
  const HtSelectValue *x = (const HtSelectValue *)a, *y = (const HtSelectValue *)b;

  if (x->window != y->window) return x->window < y->window ? -1 : 1;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* the first of the n sorted values of its window where the cumulative weight reaches the target, skipping weight 0 (without a crossing, by rounding: the largest of positive weight) */
static void HtSelectPickTarget(HtSelectEngine *E, PetscInt t, const HtSelectValue *c, PetscInt n)
{
  const HtSelectTarget *tg  = &E->target[t];
  PetscReal             cum = tg->below, v = c[0].v;
  PetscBool             reached = PETSC_FALSE;

  for (PetscInt e = 0; e < n && !reached; e++) {
    if (c[e].w <= 0) continue;
    v       = c[e].v;
    cum     = cum + c[e].w;
    reached = (PetscBool)(cum >= tg->target);
  }
  HtSelectFound(E, t, v);
}

/* the targets of the gathered windows, picked from the values of their windows sorted by key and rank order */
static PetscErrorCode HtSelectPick(HtSelectEngine *E)
{
  const PetscInt T = E->sel->ntargets, w0 = E->g0 * T, nwin = (E->g1 - E->g0) * T;
  PetscReal     *all;
  PetscInt       nall = 0, *start;
  HtSelectValue *c;

  PetscFunctionBegin;
  PetscCall(HtSelectGather(E, &all, &nall));
  PetscCall(PetscMalloc2(nall + 1, &c, nwin + 1, &start));
  for (PetscInt e = 0; e < nall; e++) {
    c[e].window = (PetscInt)all[3 * e] - w0;
    c[e].v      = all[3 * e + 1];
    c[e].w      = all[3 * e + 2];
    c[e].key    = HtRealToKey(c[e].v);
    c[e].pos    = e;
  }
  qsort(c, (size_t)nall, sizeof(HtSelectValue), HtSelectValueCompare);
  PetscCall(PetscArrayzero(start, nwin + 1));
  for (PetscInt e = 0; e < nall; e++) start[c[e].window + 1]++;
  for (PetscInt s = 0; s < nwin; s++) start[s + 1] += start[s];
  for (PetscInt t = E->g0 * T; t < E->g1 * T; t++) {
    const PetscInt s = E->target[t].window - w0;

    if (E->target[t].state != HT_TARGET_GATHER) continue;
    PetscCheck(start[s + 1] > start[s], PETSC_COMM_SELF, PETSC_ERR_PLIB, "The gathered window of an order statistic holds no value");
    HtSelectPickTarget(E, t, c + start[s], start[s + 1] - start[s]);
  }
  PetscCall(PetscFree2(c, start));
  PetscCall(PetscFree(all));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   A refined target's window shrinks to the bucket of positive weight where the cumulative weight reaches the target
   (without a crossing, by rounding: the last bucket of positive weight), from the smallest to the largest key in it;
   one key is the answer
*/
static PetscErrorCode HtSelectNarrow(HtSelectEngine *E, PetscInt t)
{
  const PetscInt        B = HT_SELECT_BUCKETS, h = E->window[E->target[t].window].hist;
  const HtSelectBucket *bucket = E->bucket + h * B;
  HtSelectTarget       *tg     = &E->target[t];
  PetscReal             cum = tg->below, total = 0;
  PetscInt              b, last = -1;

  PetscFunctionBegin;
  for (b = 0; b < B; b++) total += bucket[b].count;
  for (b = 0; b < B; b++) {
    if (!(bucket[b].weight > 0)) continue;
    last = b;
    if (cum + bucket[b].weight >= tg->target) break;
    cum += bucket[b].weight;
  }
  PetscCheck(last >= 0, E->sel->comm, PETSC_ERR_ARG_WRONG, "Group %" PetscInt_FMT " of the selection has no value of positive weight; give it a negative target to skip it", t / E->sel->ntargets);
  if (b == B) {
    b   = last;
    cum = tg->below;
    for (PetscInt c = 0; c < b; c++) cum += bucket[c].weight;
  }
  tg->below = cum;
  tg->lo    = ~bucket[b].notmin;
  tg->hi    = bucket[b].max;
  if (tg->lo == tg->hi) HtSelectFound(E, t, HtKeyToReal(tg->lo));
  else {
    tg->count  = bucket[b].count;
    tg->slow   = (PetscBool)(2 * bucket[b].count > total);
    tg->origin = h * B + b;
    tg->state  = bucket[b].count <= HT_SELECT_GATHER ? HT_TARGET_GATHER : HT_TARGET_REFINE;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* one round: the tally of what the rounds read, its reductions, and every open target of the batch moves on */
static PetscErrorCode HtSelectRoundRun(HtSelectEngine *E)
{
  const PetscInt T = E->sel->ntargets, nh = E->round.nhist * HT_SELECT_BUCKETS;
  MPI_Comm       comm = E->sel->comm;

  PetscFunctionBegin;
  E->rounds++;
  PetscCall(PetscMalloc1(3 * E->ngather + 1, &E->tally.collected)); /* the global count bounds the local one */
  PetscCall((*E->kernels->tally)(&E->source, &E->round, &E->tally));
  if (nh) PetscCall(HtMPIAllreduce(E->tally.bucket, E->bucket, nh, E->buckettype, E->bucketsum, comm)); /* the local tally stays */
  if (E->ngather) PetscCall(HtSelectPick(E));
  PetscCall(PetscFree(E->tally.collected));
  for (PetscInt t = E->g0 * T; t < E->g1 * T; t++)
    if (E->target[t].state == HT_TARGET_REFINE) PetscCall(HtSelectNarrow(E, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the list seen as a block of one column whose class is the group */
static void HtSelectReadList(HtSelectEngine *E)
{
  E->onlist              = PETSC_TRUE;
  E->source.dtype        = HT_SCALAR;
  E->source.m            = E->list.n;
  E->source.f            = 1;
  E->source.x            = E->list.x;
  E->source.cls          = E->list.group;
  E->source.rowsperclass = 1;
  E->source.w            = E->list.w;
}

/*
   After a round, with the next round planned: the list of values kept shrinks to the new windows; a rank that still
   reads its block copies their values out once they are few (counted by its tally of the last round)
*/
static PetscErrorCode HtSelectKeep(HtSelectEngine *E)
{
  const HtSelectBlock *block = &E->sel->block;

  PetscFunctionBegin;
  if (!E->onlist) {
    const PetscInt T    = E->sel->ntargets;
    PetscInt       kept = 0;

    for (PetscInt s = E->g0 * T; s < E->g1 * T; s++)
      if (E->origin[s] >= 0) kept += (PetscInt)E->tally.bucket[E->origin[s]].count;
    if (kept > block->m * block->f / HT_SELECT_LIST_SHARE) PetscFunctionReturn(PETSC_SUCCESS);
    PetscCall(PetscMalloc2(kept + 1, &E->list.x, kept + 1, &E->list.group));
    if (block->w) PetscCall(PetscMalloc1(kept + 1, &E->list.w));
    E->list.n = 0;
    if (kept) PetscCall((*E->kernels->keep)(block, &E->round, &E->list));
  } else PetscCall((*E->kernels->keep)(&E->source, &E->round, &E->list));
  HtSelectReadList(E);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the rounds of a batch: the first reads the block */
static PetscErrorCode HtSelectBatch(HtSelectEngine *E)
{
  PetscFunctionBegin;
  E->source = E->sel->block;
  E->onlist = PETSC_FALSE;
  for (PetscInt nwin = HtSelectPlan(E); nwin;) {
    PetscCall(HtSelectRoundRun(E));
    nwin = HtSelectPlan(E);
    if (nwin) PetscCall(HtSelectKeep(E));
  }
  if (E->onlist) {
    PetscCall(PetscFree2(E->list.x, E->list.group));
    PetscCall(PetscFree(E->list.w));
  }
  for (PetscInt s = E->g0 * E->sel->ntargets; s < E->g1 * E->sel->ntargets; s++) HtSelectWindowClear(E, s);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the reduction of buckets over the ranks: counts and weights summed, the smallest and largest keys kept */
static void MPIAPI HtSelectBucketSum(void *in, void *inout, PetscMPIInt *len, MPI_Datatype *type)
{
  const HtSelectBucket *a = (const HtSelectBucket *)in;
  HtSelectBucket       *b = (HtSelectBucket *)inout;

  for (PetscMPIInt i = 0; i < *len; i++) {
    b[i].count += a[i].count;
    b[i].weight += a[i].weight;
    b[i].notmin = PetscMax(b[i].notmin, a[i].notmin);
    b[i].max    = PetscMax(b[i].max, a[i].max);
  }
}

static PetscErrorCode HtSelectBucketTypeCreate(MPI_Datatype *type, MPI_Op *op)
{
  PetscMPIInt  lengths[2] = {2, 2};
  MPI_Aint     displs[2]  = {offsetof(HtSelectBucket, count), offsetof(HtSelectBucket, notmin)};
  MPI_Datatype types[2]   = {MPIU_REAL, MPI_UINT64_T}, fields;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Type_create_struct(2, lengths, displs, types, &fields));
  PetscCallMPI(MPI_Type_create_resized(fields, 0, sizeof(HtSelectBucket), type));
  PetscCallMPI(MPI_Type_commit(type));
  PetscCallMPI(MPI_Type_free(&fields));
  PetscCallMPI(MPI_Op_create(HtSelectBucketSum, 1, op));
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode HtTensorSelect_Private(const HtSelection *sel, const PetscReal targets[], PetscReal values[])
{
  const PetscInt B = HT_SELECT_BUCKETS;
  HtSelectEngine E;
  PetscInt       open = 0;

  PetscFunctionBegin;
  PetscCheck(sel->block.cls || sel->block.rowsperclass > 0 || !sel->block.m, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONG, "A selection without classes of rows needs a positive number of rows per class");
  PetscCall(PetscMemzero(&E, sizeof(E)));
  E.sel      = sel;
  E.kernels  = sel->backend->ops->select;
  E.ngroups  = sel->nclasses * sel->block.f;
  E.ntargets = E.ngroups * sel->ntargets;
  E.value    = values;
  PetscCall(PetscMalloc1(E.ntargets, &E.target));
  PetscCall(HtSelectStart(&E, targets));
  for (PetscInt t = 0; t < E.ntargets; t++) open += HtSelectOpen(&E.target[t]);
  E.maxhist = PetscMin(open, PetscMax(HT_SELECT_MAX_TARGETS, sel->ntargets));
  PetscCall(PetscMalloc2(E.ntargets, &E.window, E.ntargets, &E.origin));
  for (PetscInt s = 0; s < E.ntargets; s++) HtSelectWindowClear(&E, s);
  PetscCall(PetscMalloc2(B * E.maxhist, &E.tally.bucket, B * E.maxhist, &E.bucket));
  PetscCall(HtSelectBucketTypeCreate(&E.buckettype, &E.bucketsum));
  E.round.ngroups = E.ngroups;
  E.round.nslots  = sel->ntargets;
  E.round.window  = E.window;
  while (HtSelectNextBatch(&E)) PetscCall(HtSelectBatch(&E));
  PetscCall(PetscInfo(sel->backend, "%" PetscInt_FMT " order statistics of %" PetscInt_FMT " groups: %" PetscInt_FMT " rounds in %" PetscInt_FMT " batches\n", E.ntargets, E.ngroups, E.rounds, E.batches));
  PetscCallMPI(MPI_Op_free(&E.bucketsum));
  PetscCallMPI(MPI_Type_free(&E.buckettype));
  PetscCall(PetscFree2(E.tally.bucket, E.bucket));
  PetscCall(PetscFree2(E.window, E.origin));
  PetscCall(PetscFree(E.target));
  PetscFunctionReturn(PETSC_SUCCESS);
}
