/*
   HTCLUSTERKMEDIANS: k-medians. Assignment by L1 distance; every center is the vector of the per-feature weighted
   lower medians of its cluster, found by distributed histogram refinement: no cluster is ever gathered.
*/
#include <../src/ml/cluster/impls/kmeans/kmeansimpl.h>
#include <string.h>

#define HT_MEDIAN_LOG2B  6
#define HT_MEDIAN_B      (1 << HT_MEDIAN_LOG2B) /* buckets per refinement round */
#define HT_MEDIAN_GATHER 64                     /* an interval holding at most this many samples is gathered */
#define HT_MEDIAN_BUDGET (1 << 20)              /* numbers of the local histograms of one round */
#define HT_MEDIAN_NONE   255                    /* code of a value that is in no histogram */

/* the state of the median of one (cluster, feature) pair */
typedef enum {
  HT_MEDIAN_FOUND,
  HT_MEDIAN_REFINE, /* histogram of the interval in the next round */
  HT_MEDIAN_COLLECT /* gather the few values of the interval in the next round */
} HtMedianState;

/*
   The K F weighted lower medians, found together, in batches of at most maxr (cluster, feature) pairs. The values of
   a pair still in the race are those of its interval [lo, hi] (the smallest and largest of them); below is the weight
   of the cluster's samples under lo. The first round of a batch reads the samples, later rounds only the values kept.
*/
typedef struct {
  PetscInt       k, f, maxr, p0, p1; /* the pairs of the batch: [p0, p1) */
  HtMedianState *state;
  PetscReal     *lo, *scale;   /* buckets of equal width in value: (v - lo) scale, when scale > 0 */
  uint64_t      *klo;          /* else buckets of 2^shift keys of HtRealKey(): (key(v) - klo) >> shift */
  PetscInt      *shift;
  PetscInt      *keep;         /* after a round: the bucket that holds the median (-1: none) */
  PetscInt      *count;        /* samples of the cluster in the interval */
  PetscReal     *below, *half; /* half: half the weight of the cluster */
  PetscReal     *median;
  /* the pairs of one round */
  PetscInt  *slot;   /* histogram slot >= 0, gather slot g as -2 - g, or -1 */
  PetscBool *active; /* per cluster: one of its pairs has a slot */
  PetscInt   nr, ng, ngather, *rpair, *gpair;
  PetscReal *hist;   /* nr x 2B: weights | counts of the buckets */
  PetscReal *range;  /* nr x 2B: -min | max of the values in the buckets */
  PetscReal *gbuf;   /* local (gather slot, value, weight) triples */
  PetscInt   ngbuf, rounds;
  /* the buckets of the values of the first round (m F codes), and the values kept after a round */
  unsigned char *code, *lcode;
  PetscInt       nl, *lp;
  PetscReal     *lv, *lw;
} HtMedianSelect;

/* an order-preserving map of the reals to 64-bit keys: a < b implies key(a) <= key(b), strictly for doubles; -0 and +0 share a key */
static inline uint64_t HtRealKey(PetscReal v)
{
  double   d = (double)v + 0.0;
  uint64_t u;

  memcpy(&u, &d, sizeof(u));
  return (u >> 63) ? ~u : u | ((uint64_t)1 << 63);
}

static PetscErrorCode HtMedianSelectCreate(PetscInt k, PetscInt f, PetscInt m, HtMedianSelect *S)
{
  PetscInt np = k * f;

  PetscFunctionBegin;
  S->k    = k;
  S->f    = f;
  S->maxr = PetscMax(1, PetscMin(np, HT_MEDIAN_BUDGET / (4 * HT_MEDIAN_B)));
  PetscCall(PetscMalloc6(np, &S->state, np, &S->lo, np, &S->scale, np, &S->klo, np, &S->shift, np, &S->keep));
  PetscCall(PetscMalloc4(np, &S->count, np, &S->below, np, &S->half, np, &S->median));
  PetscCall(PetscMalloc4(np, &S->slot, k, &S->active, np, &S->rpair, np, &S->gpair));
  PetscCall(PetscMalloc2(S->maxr * 2 * HT_MEDIAN_B, &S->hist, S->maxr * 2 * HT_MEDIAN_B, &S->range));
  PetscCall(PetscMalloc1(m * f, &S->code));
  S->gbuf  = NULL;
  S->nl    = 0;
  S->lp    = NULL;
  S->lv    = NULL;
  S->lw    = NULL;
  S->lcode = NULL;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtMedianSelectDestroy(HtMedianSelect *S)
{
  PetscFunctionBegin;
  PetscCall(PetscFree6(S->state, S->lo, S->scale, S->klo, S->shift, S->keep));
  PetscCall(PetscFree4(S->count, S->below, S->half, S->median));
  PetscCall(PetscFree4(S->slot, S->active, S->rpair, S->gpair));
  PetscCall(PetscFree2(S->hist, S->range));
  PetscCall(PetscFree(S->code));
  PetscCall(PetscFree(S->gbuf));
  PetscCall(PetscFree4(S->lp, S->lv, S->lw, S->lcode));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static inline void HtMedianFound(HtMedianSelect *S, PetscInt p, PetscReal v)
{
  S->state[p]  = HT_MEDIAN_FOUND;
  S->median[p] = v + 0.0; /* no -0 */
}

/*
   A new interval [lo, hi], lo < hi, of count samples: gathered when small, else refined with B buckets of equal width
   in value, or, after a slow round (that kept more than half of the values: very uneven data) or when the width
   overflows, of equal width in the keys of HtRealKey() (no interval takes more than 13 such rounds). Either way lo
   falls in the first bucket and hi in the last, so every round shrinks the interval.
*/
static void HtMedianSetInterval(HtMedianSelect *S, PetscInt p, PetscReal lo, PetscReal hi, PetscInt count, PetscBool slow)
{
  PetscReal width = hi - lo;

  S->count[p] = count;
  S->state[p] = count <= HT_MEDIAN_GATHER ? HT_MEDIAN_COLLECT : HT_MEDIAN_REFINE;
  S->lo[p]    = lo;
  S->scale[p] = !slow && width < PETSC_MAX_REAL && HT_MEDIAN_B / width < PETSC_MAX_REAL ? HT_MEDIAN_B / width : 0;
  if (S->scale[p] == 0) {
    uint64_t span = HtRealKey(hi) - HtRealKey(lo);
    PetscInt bits = 0;

    while (bits < 64 && (span >> bits)) bits++;
    S->klo[p]   = HtRealKey(lo);
    S->shift[p] = PetscMax(0, bits - HT_MEDIAN_LOG2B);
  }
}

/*
   The first intervals, from the reduced statistics of the assignment: [min, max] of each feature of each cluster.
   A cluster without positive weight keeps its center.
*/
static void HtMedianStart(HtMedianSelect *S, const PetscReal *count, const PetscReal *npos, const PetscReal *wsum, const PetscReal *range, const PetscScalar *centers)
{
  S->rounds = 0;
  for (PetscInt q = 0; q < S->k; q++)
    for (PetscInt j = 0; j < S->f; j++) {
      PetscInt  p    = q * S->f + j;
      PetscReal vmin = -range[2 * p], vmax = range[2 * p + 1];

      if (npos[q] == 0) HtMedianFound(S, p, PetscRealPart(centers[p]));
      else if (vmin == vmax) HtMedianFound(S, p, vmin);
      else {
        S->below[p] = 0;
        S->half[p]  = wsum[q] / 2;
        HtMedianSetInterval(S, p, vmin, vmax, (PetscInt)count[q], PETSC_FALSE);
      }
    }
}

/* the slots of the pairs of the batch for the next round; more: whether one is left (the same on every rank) */
static PetscErrorCode HtMedianPlan(HtMedianSelect *S, PetscBool *more)
{
  PetscFunctionBegin;
  S->nr = S->ng = S->ngather = 0;
  for (PetscInt q = 0; q < S->k; q++) S->active[q] = PETSC_FALSE;
  for (PetscInt p = 0; p < S->k * S->f; p++) S->slot[p] = -1;
  for (PetscInt p = S->p0; p < S->p1; p++) {
    S->keep[p] = -1;
    if (S->state[p] == HT_MEDIAN_REFINE) {
      S->slot[p]        = S->nr;
      S->rpair[S->nr++] = p;
    } else if (S->state[p] == HT_MEDIAN_COLLECT) {
      S->slot[p]        = -2 - S->ng;
      S->gpair[S->ng++] = p;
      S->ngather += S->count[p];
    }
    if (S->slot[p] != -1) S->active[p / S->f] = PETSC_TRUE;
  }
  *more = (PetscBool)(S->nr + S->ng > 0);
  if (*more) S->rounds++;
  for (PetscInt i = 0; i < 2 * HT_MEDIAN_B * S->nr; i++) {
    S->hist[i]  = 0;
    S->range[i] = PETSC_MIN_REAL;
  }
  S->ngbuf = 0;
  PetscCall(PetscFree(S->gbuf));
  PetscCall(PetscMalloc1(3 * S->ngather + 1, &S->gbuf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the bucket of a value of the interval of pair p: a monotone function of the value, lo in the first bucket and hi in the last */
static inline PetscInt HtMedianBucket(const HtMedianSelect *S, PetscInt p, PetscReal v)
{
  if (S->scale[p] > 0) {
    PetscReal t = (v - S->lo[p]) * S->scale[p];

    return t >= HT_MEDIAN_B ? HT_MEDIAN_B - 1 : (t > 0 ? (PetscInt)t : 0);
  }
  return (PetscInt)((HtRealKey(v) - S->klo[p]) >> S->shift[p]);
}

/* one value v of weight w of the interval of pair p: into its bucket, or into the gathered values; returns its bucket */
static inline unsigned char HtMedianVisit(HtMedianSelect *S, PetscInt p, PetscReal v, PetscReal w)
{
  PetscInt sl = S->slot[p];

  if (sl >= 0) {
    PetscReal *h = S->hist + 2 * HT_MEDIAN_B * sl, *r = S->range + 2 * HT_MEDIAN_B * sl;
    PetscInt   b = HtMedianBucket(S, p, v);

    h[b] += w;
    h[HT_MEDIAN_B + b] += 1;
    r[b]               = PetscMax(r[b], -v);
    r[HT_MEDIAN_B + b] = PetscMax(r[HT_MEDIAN_B + b], v);
    return (unsigned char)b;
  }
  if (sl < -1) {
    PetscReal *g = S->gbuf + 3 * S->ngbuf++;

    g[0] = (PetscReal)(-2 - sl);
    g[1] = v;
    g[2] = w;
  }
  return HT_MEDIAN_NONE;
}

/* the first round of a batch reads the local samples (the intervals hold all values of their clusters) */
static void HtMedianFirstRound(HtMedianSelect *S, const HtSamples *s, const PetscInt *labels)
{
  const PetscInt f = S->f;

  for (PetscInt i = 0; i < s->m; i++) {
    PetscReal w = s->w ? PetscRealPart(s->w[i]) : 1.0;

    if (!S->active[labels[i]]) continue;
    for (PetscInt j = 0; j < f; j++) S->code[i * f + j] = HtMedianVisit(S, labels[i] * f + j, PetscRealPart(s->x[i * f + j]), w);
  }
}

/* the code of the values of pair p kept after a round (HT_MEDIAN_NONE: none) */
static inline unsigned char HtMedianKeptCode(const HtMedianSelect *S, PetscInt p)
{
  return S->state[p] == HT_MEDIAN_FOUND || S->keep[p] < 0 ? HT_MEDIAN_NONE : (unsigned char)S->keep[p];
}

/* after the first round: the values kept, copied out of the samples (without branches: the choice is unpredictable) */
static PetscErrorCode HtMedianFirstKeep(HtMedianSelect *S, const HtSamples *s, const PetscInt *labels)
{
  const PetscInt f = S->f;
  PetscInt       n = 0;
  unsigned char *kept;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(S->k * f, &kept));
  for (PetscInt p = 0; p < S->k * f; p++) {
    kept[p] = p >= S->p0 && p < S->p1 ? HtMedianKeptCode(S, p) : HT_MEDIAN_NONE;
    if (kept[p] != HT_MEDIAN_NONE) n += S->count[p]; /* the global count bounds the local one */
  }
  PetscCall(PetscFree4(S->lp, S->lv, S->lw, S->lcode));
  PetscCall(PetscMalloc4(n + 1, &S->lp, n + 1, &S->lv, n + 1, &S->lw, n + 1, &S->lcode));
  S->nl = 0;
  for (PetscInt i = 0; i < s->m; i++) {
    const unsigned char *kc = kept + labels[i] * f, *c = S->code + i * f;
    PetscReal            w  = s->w ? PetscRealPart(s->w[i]) : 1.0;

    if (!S->active[labels[i]]) continue;
    for (PetscInt j = 0; j < f; j++) {
      S->lp[S->nl] = labels[i] * f + j;
      S->lv[S->nl] = PetscRealPart(s->x[i * f + j]);
      S->lw[S->nl] = w;
      S->nl += c[j] == kc[j] && c[j] != HT_MEDIAN_NONE;
    }
  }
  PetscCall(PetscFree(kept));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a later round reads the values kept */
static void HtMedianListRound(HtMedianSelect *S)
{
  for (PetscInt e = 0; e < S->nl; e++) S->lcode[e] = HtMedianVisit(S, S->lp[e], S->lv[e], S->lw[e]);
}

/* after a later round: the values kept */
static void HtMedianListKeep(HtMedianSelect *S)
{
  PetscInt n = 0;

  for (PetscInt e = 0; e < S->nl; e++) {
    S->lp[n] = S->lp[e];
    S->lv[n] = S->lv[e];
    S->lw[n] = S->lw[e];
    n += S->lcode[e] != HT_MEDIAN_NONE && S->lcode[e] == HtMedianKeptCode(S, S->lp[e]);
  }
  S->nl = n;
}

/*
   A refined interval shrinks to the bucket where the cumulative weight reaches half the cluster weight: its values
   are kept, from the smallest to the largest of them; when they are all equal, that value is the median
*/
static PetscErrorCode HtMedianNarrow(HtMedianSelect *S, PetscInt sl)
{
  const PetscInt   B = HT_MEDIAN_B;
  const PetscReal *h = S->hist + 2 * B * sl, *r = S->range + 2 * B * sl;
  PetscInt         p = S->rpair[sl], b, last = -1;
  PetscReal        cum = S->below[p];

  PetscFunctionBegin;
  for (b = 0; b < B; b++) {
    if (h[B + b] == 0) continue;
    last = b;
    if (cum + h[b] >= S->half[p]) break;
    cum += h[b];
  }
  PetscCheck(last >= 0, PETSC_COMM_SELF, PETSC_ERR_PLIB, "The interval of a median holds no sample");
  if (b == B) { /* rounding kept the cumulative weight under half: the last bucket with samples */
    b   = last;
    cum = S->below[p];
    for (PetscInt c = 0; c < b; c++) cum += h[c];
  }
  S->below[p] = cum;
  S->keep[p]  = b;
  if (-r[b] == r[B + b]) HtMedianFound(S, p, r[B + b]);
  else HtMedianSetInterval(S, p, -r[b], r[B + b], (PetscInt)h[B + b], (PetscBool)(2 * h[B + b] > S->count[p]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  PetscReal v, w;
  PetscInt  g, pos; /* gather slot; position in the gathered array, that is, in global sample order */
} HtMedianValue;

static int HtMedianValueCompare(const void *a, const void *b)
{
  const HtMedianValue *x = (const HtMedianValue *)a, *y = (const HtMedianValue *)b;

  if (x->g != y->g) return x->g < y->g ? -1 : 1;
  if (x->v != y->v) return x->v < y->v ? -1 : 1;
  return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* the gathered values of every gathered interval, by increasing value: the first at which the cumulative weight reaches half */
static PetscErrorCode HtMedianPick(HtMedianSelect *S, const PetscReal *all, PetscInt nall)
{
  HtMedianValue *c;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(nall, &c));
  for (PetscInt e = 0; e < nall; e++) {
    c[e].g   = (PetscInt)all[3 * e];
    c[e].v   = all[3 * e + 1];
    c[e].w   = all[3 * e + 2];
    c[e].pos = e;
  }
  qsort(c, (size_t)nall, sizeof(HtMedianValue), HtMedianValueCompare);
  for (PetscInt e0 = 0, e1; e0 < nall; e0 = e1) {
    PetscInt  p   = S->gpair[c[e0].g];
    PetscReal cum = S->below[p], v = c[e0].v;
    PetscBool found = PETSC_FALSE;

    for (e1 = e0; e1 < nall && c[e1].g == c[e0].g; e1++) {
      if (found || c[e1].w <= 0) continue;
      v   = c[e1].v; /* without a crossing (rounding): the largest value of positive weight */
      cum += c[e1].w;
      found = (PetscBool)(cum >= S->half[p]);
    }
    HtMedianFound(S, p, v);
  }
  PetscCall(PetscFree(c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the reductions of one round: histograms and ranges summed, gathered values allgathered in rank (= global) order */
static PetscErrorCode HtMedianExchange(HtMedianSelect *S, MPI_Comm comm)
{
  PetscFunctionBegin;
  if (S->nr) {
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, S->hist, 2 * HT_MEDIAN_B * S->nr, MPIU_REAL, MPIU_SUM, comm));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, S->range, 2 * HT_MEDIAN_B * S->nr, MPIU_REAL, MPIU_MAX, comm));
    for (PetscInt sl = 0; sl < S->nr; sl++) PetscCall(HtMedianNarrow(S, sl));
  }
  if (S->ng) {
    PetscMPIInt size, mine, *counts, *displs;
    PetscReal  *all;

    PetscCallMPI(MPI_Comm_size(comm, &size));
    PetscCall(PetscMPIIntCast(3 * S->ngbuf, &mine));
    PetscCall(PetscMalloc2(size, &counts, size + 1, &displs));
    PetscCallMPI(MPI_Allgather(&mine, 1, MPI_INT, counts, 1, MPI_INT, comm));
    displs[0] = 0;
    for (PetscMPIInt r = 0; r < size; r++) displs[r + 1] = displs[r] + counts[r];
    PetscCall(PetscMalloc1(displs[size] + 1, &all));
    PetscCallMPI(MPI_Allgatherv(S->gbuf, mine, MPIU_REAL, all, counts, displs, MPIU_REAL, comm));
    PetscCall(HtMedianPick(S, all, displs[size] / 3));
    PetscCall(PetscFree(all));
    PetscCall(PetscFree2(counts, displs));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   All K F medians of the clusters given by labels (the statistics are the reduced ones of the assignment), by
   batches of at most maxr pairs: one pass over the local samples per batch, then rounds on the values left
*/
static PetscErrorCode HtMedianSelectRun(HtMedianSelect *S, const HtSamples *s, const PetscInt *labels, const PetscReal *stats, const PetscReal *range, const PetscScalar *centers)
{
  PetscInt  np = S->k * S->f;
  PetscBool more;

  PetscFunctionBegin;
  HtMedianStart(S, stats, stats + S->k, stats + 2 * S->k, range, centers);
  for (S->p0 = 0; S->p0 < np; S->p0 = S->p1) {
    PetscInt n = 0;

    for (S->p1 = S->p0; S->p1 < np && n < S->maxr; S->p1++) n += S->state[S->p1] != HT_MEDIAN_FOUND;
    PetscCall(HtMedianPlan(S, &more));
    if (!more) continue;
    HtMedianFirstRound(S, s, labels);
    PetscCall(HtMedianExchange(S, s->comm));
    PetscCall(HtMedianFirstKeep(S, s, labels));
    PetscCall(HtMedianPlan(S, &more));
    while (more) {
      HtMedianListRound(S);
      PetscCall(HtMedianExchange(S, s->comm));
      HtMedianListKeep(S);
      PetscCall(HtMedianPlan(S, &more));
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  HtSamples      s;
  PetscInt       k, f;
  PetscInt      *labels;
  PetscScalar   *centers;
  HtPoints       P;      /* the centers, for the back end's distance kernels */
  PetscScalar   *d;      /* L1 distances of a chunk of HT_POINTS_CHUNK samples to the centers */
  PetscReal     *stats;  /* count K | positive-weight count K | weight K | inertia | changed */
  PetscReal     *range;  /* K x F x 2: -min, max of the values of each feature in each cluster */
  HtTopList     *far;    /* samples farthest from their centers, for empty clusters */
  HtMedianSelect sel;
} HtKMedians;

/* the statistics of sample i (row x, weight wi, L1 distance dbest to its nearest center best) added to its cluster's */
static void HtKMediansCount(HtKMedians *M, PetscInt i, const PetscScalar *x, PetscReal wi, PetscInt best, PetscReal dbest)
{
  PetscInt   k = M->k, f = M->f;
  PetscReal *count = M->stats, *npos = count + k, *wsum = npos + k, *inertia = wsum + k, *changed = inertia + 1, *r;

  *inertia += wi * dbest;
  if (best != M->labels[i]) *changed += 1;
  M->labels[i] = best;
  count[best] += 1;
  npos[best] += wi > 0;
  wsum[best] += wi;
  r = M->range + 2 * best * f;
  for (PetscInt j = 0; j < f; j++) {
    r[2 * j]     = PetscMax(r[2 * j], -PetscRealPart(x[j]));
    r[2 * j + 1] = PetscMax(r[2 * j + 1], PetscRealPart(x[j]));
  }
  if (wi > 0 && dbest > 0) HtTopListPush(M->far, dbest, M->s.rstart + i);
}

/*
   One pass: nearest center in L1 (ties to the lower index), the weighted L1 inertia, the changed labels, the
   count, positive-weight count, weight and value range of every cluster, and the farthest samples
*/
static PetscErrorCode HtKMediansAssign(HtKMedians *M)
{
  PetscInt k = M->k, f = M->f;

  PetscFunctionBegin;
  PetscCall(PetscArrayzero(M->stats, 3 * k + 2));
  for (PetscInt p = 0; p < 2 * k * f; p++) M->range[p] = PETSC_MIN_REAL;
  PetscCall(HtPointsSet(M->P, k, M->centers, f));
  M->far->n = 0;
  for (PetscInt i0 = 0; i0 < M->s.m; i0 += HT_POINTS_CHUNK) {
    PetscInt mc = PetscMin(HT_POINTS_CHUNK, M->s.m - i0);

    PetscCall(HtPointsDistances(M->P, HT_POINTS_MANHATTAN, 0, mc, M->s.x + i0 * f, M->d, k));
    for (PetscInt i = i0; i < i0 + mc; i++) {
      const PetscScalar *d    = M->d + (i - i0) * k;
      PetscInt           best = 0;

      for (PetscInt q = 1; q < k; q++)
        if (PetscRealPart(d[q]) < PetscRealPart(d[best])) best = q;
      HtKMediansCount(M, i, M->s.x + i * f, M->s.w ? PetscRealPart(M->s.w[i]) : 1.0, best, PetscRealPart(d[best]));
    }
  }
  PetscCall(HtSamplesSumReal(&M->s, 3 * k + 2, M->stats));
  PetscCall(HtSamplesMaxReal(&M->s, 2 * k * f, M->range));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the sample of row r (features, weight, former cluster) moves to the empty cluster q: its statistics follow */
static void HtKMediansMoveSample(HtKMedians *M, PetscInt q, const PetscScalar *r)
{
  PetscInt   k = M->k, f = M->f, o = (PetscInt)PetscRealPart(r[f + 1]);
  PetscReal *count = M->stats, *npos = count + k, *wsum = npos + k, w = PetscRealPart(r[f]), *rg = M->range + 2 * q * f;

  count[o] -= 1; /* the range of o stays valid: it may only shrink */
  npos[o] -= 1;
  wsum[o] -= w;
  for (PetscInt j = 0; j < f; j++) {
    rg[2 * j]     = count[q] ? PetscMax(rg[2 * j], -PetscRealPart(r[j])) : -PetscRealPart(r[j]);
    rg[2 * j + 1] = count[q] ? PetscMax(rg[2 * j + 1], PetscRealPart(r[j])) : PetscRealPart(r[j]);
  }
  count[q] += 1;
  npos[q] = 1;
  wsum[q] = w;
}

/* a cluster without positive weight takes the positive-weight sample farthest (in L1) from its center, as kmeans does */
static PetscErrorCode HtKMediansRelocateEmpty(HtKMedians *M, PetscInt *nmoved)
{
  PetscInt     k = M->k, f = M->f, *moved;
  PetscScalar *rows;

  PetscFunctionBegin;
  PetscCall(PetscMalloc2(k, &moved, k * (f + 2), &rows));
  PetscCall(HtKMeansRelocateEmpty(&M->s, M->far, k, M->stats + k, M->labels, moved, rows, nmoved));
  for (PetscInt q = 0; q < k; q++)
    if (moved[q] >= 0) HtKMediansMoveSample(M, q, rows + q * (f + 2));
  PetscCall(PetscFree2(moved, rows));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the centers become the medians; returns the squared center shift */
static PetscReal HtKMediansUpdateCenters(HtKMedians *M)
{
  PetscReal shift = 0;

  for (PetscInt p = 0; p < M->k * M->f; p++) {
    PetscReal c = M->sel.median[p] - PetscRealPart(M->centers[p]);

    shift += c * c;
    M->centers[p] = M->sel.median[p];
  }
  return shift;
}

static PetscErrorCode HtClusterFit_KMedians(HtCluster cl, HtTensor X)
{
  HtKMedians M;
  PetscReal  tol, shift, inertia;
  PetscInt   it, nmoved, k = cl->k, rounds = 0;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, cl->weights, &M.s));
  M.k = k;
  M.f = M.s.f;
  PetscCall(PetscMalloc4(k * M.f, &M.centers, HT_POINTS_CHUNK * k, &M.d, 3 * k + 2, &M.stats, 2 * k * M.f, &M.range));
  PetscCall(HtPointsCreate(M.s.backend, k, M.f, &M.P));
  PetscCall(HtTopListsCreate(1, k, &M.far));
  PetscCall(HtMedianSelectCreate(k, M.f, M.s.m, &M.sel));
  PetscCall(HtKMeansInitialCenters(cl, &M.s, M.centers));
  PetscCall(HtKMeansTolerance(cl, X, &tol));
  PetscCall(HtMLCreateSampleTensor(X, 0, HT_INT, "labels", &cl->labels));
  PetscCall(HtTensorGetArrayWrite(cl->labels, &M.labels));
  for (PetscInt i = 0; i < M.s.m; i++) M.labels[i] = -1;
  cl->reason = HT_CLUSTER_DIVERGED_ITS;
  for (it = 0; it < cl->max_it; it++) {
    PetscCall(HtKMediansAssign(&M));
    inertia = M.stats[3 * k];
    PetscCall(HtKMediansRelocateEmpty(&M, &nmoved));
    PetscCall(HtMedianSelectRun(&M.sel, &M.s, M.labels, M.stats, M.range, M.centers));
    rounds += M.sel.rounds;
    shift = HtKMediansUpdateCenters(&M);
    PetscCall(HtClusterMonitor(cl, it + 1, inertia, shift));
    if (M.stats[3 * k + 1] == 0 && !nmoved) {
      cl->reason = HT_CLUSTER_CONVERGED_LABELS;
      break;
    }
    if (shift <= tol) {
      cl->reason = HT_CLUSTER_CONVERGED_TOL;
      break;
    }
  }
  PetscCall(PetscInfo(cl, "%" PetscInt_FMT " refinement rounds for the medians of %" PetscInt_FMT " iterations\n", rounds, PetscMin(it + 1, cl->max_it)));
  PetscCall(HtTensorRestoreArrayWrite(cl->labels, &M.labels));
  PetscCall(HtTensorRestoreSamples(X, cl->weights, &M.s));
  PetscCall(HtKMeansSetLabels(cl, X, HT_POINTS_MANHATTAN, M.centers, PetscMin(it + 1, cl->max_it)));
  PetscCall(HtMedianSelectDestroy(&M.sel));
  PetscCall(HtTopListsDestroy(&M.far));
  PetscCall(HtPointsDestroy(&M.P));
  PetscCall(PetscFree4(M.centers, M.d, M.stats, M.range));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterPredict_KMedians(HtCluster cl, HtTensor X, HtTensor labels)
{
  PetscFunctionBegin;
  PetscCall(HtClusterPredict_KMeansMetric(cl, X, labels, HT_POINTS_MANHATTAN));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterTransform_KMedians(HtCluster cl, HtTensor X, HtTensor dist)
{
  PetscFunctionBegin;
  PetscCall(HtClusterTransform_KMeansMetric(cl, X, dist, HT_POINTS_MANHATTAN));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTCLUSTERKMEDIANS - "kmedians" - k-medians: Lloyd-style iteration with the L1 (Manhattan) distance and centers
   made of per-feature weighted medians.

   Each iteration
.  1. assigns every sample to the center nearest in L1 (ties to the lower cluster index), in one pass that also
      gives the weighted L1 inertia and the count, weight and per-feature value range of every cluster
      (allreduces of 3 K + 2 and 2 K F numbers);
.  2. re-seeds every cluster without positive weight with the positive-weight sample farthest (in L1) from its
      center, farthest first, ties to the lower global sample index, as kmeans does;
-  3. sets every center coordinate (cluster k, feature f) to the weighted lower median of the values of feature f
      in cluster k: the smallest value v of the cluster with (sum of the weights of its samples with value <= v) >=
      (half the cluster weight). For unit weights and an even count 2m this is the m-th smallest value (no averaging
      of the two middle values); the median is always a data value.

   The K F medians are found together without gathering any cluster. Every (cluster, feature) pair keeps an interval
   of values holding its median, at first [min, max] of the cluster. A round bins the values of each interval into 64
   buckets, with their weights, counts, smallest and largest values, and reduces them (allreduces of 4 x 64 numbers per
   pair); the interval shrinks to the bucket where the cumulative weight reaches half the cluster weight, from its
   smallest to its largest value. The buckets have equal widths in value; after a round that kept more than half of
   its values (very uneven data) they have equal widths in an order-preserving 64-bit integer image of the reals, which
   shrinks any interval at least 32-fold per round. An interval whose values are all equal has found its median; one
   holding at most 64 samples is gathered (one Allgatherv of at most 64 values per pair) and its median picked
   exactly. The first round reads the samples (once per batch of 4096 pairs); the values left in the intervals
   (typically a few percent) are copied out, and later rounds read only them. Typical data take 2 to 4 rounds. The communication does not depend on the
   number of samples and no samples x K matrix is formed; memory: one byte per local value.

   The fit stops when no sample changes its cluster (and no cluster was re-seeded), when the squared center shift
   is at most tol times the mean feature variance (as kmeans), or after max_it iterations. The inertia is the sum
   of the weighted L1 distances of the samples to their centers; `HtClusterPredict()` gives the center nearest in
   L1 and `HtClusterTransform()` the L1 distances.

   The initial centers come from -ht_cluster_init; k-means++ and k-means|| weigh the samples by their squared
   Euclidean distance to the chosen centers (not the L1 distance), which only affects the starting point.

   The labels and centers are the same on any number of ranks: every choice depends on global sample indices and
   on reduced sums. (With non-integer weights, a cumulative weight that equals half the cluster weight exactly in
   real arithmetic may be decided differently by the rounding of sums in another order.)

   Options Database Keys:
+  -ht_cluster_num_clusters <8> - K
.  -ht_cluster_init <kmeans++> - random, kmeans++, kmeans||
.  -ht_cluster_init_centers FILE - given initial centers
.  -ht_cluster_tol <1e-4> - tolerance
-  -ht_cluster_max_it <300> - maximum number of iterations

   Level: intermediate

.seealso: `HtClusterCreate()`, `HtClusterSetType()`, `HTCLUSTERKMEANS`, `HTCLUSTERKMEDOIDS`
M*/
PETSC_INTERN PetscErrorCode HtClusterCreate_KMedians(HtCluster cl)
{
  PetscFunctionBegin;
  cl->ops->fit       = HtClusterFit_KMedians;
  cl->ops->predict   = HtClusterPredict_KMedians;
  cl->ops->transform = HtClusterTransform_KMedians;
  PetscFunctionReturn(PETSC_SUCCESS);
}
