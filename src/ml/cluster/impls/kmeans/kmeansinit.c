/*
   Initial centers for the k-means family: random samples, greedy k-means++ and k-means||. Every random draw is keyed
   by the seed and a global index (of a sample, or of a draw), so the centers do not depend on the number of ranks.
*/
#include <../src/ml/cluster/impls/kmeans/kmeansimpl.h>
#include <heat/private/philox.h>

/* the samples and their squared norms |x_i|^2, for the distances by the expansion */
typedef struct {
  const HtSamples *s;
  PetscReal       *xnorm;
} HtInit;

static inline PetscReal HtWeight(const HtSamples *s, PetscInt i)
{
  return s->w ? PetscRealPart(s->w[i]) : 1.0;
}

/* the sampling weight of local sample i: w_i D(x_i)^2, or w_i without distances */
static inline PetscReal HtDrawWeight(const HtSamples *s, const PetscReal *closest, PetscInt i)
{
  return HtWeight(s, i) * (closest ? closest[i] : 1.0);
}

/*
   HtInitPick - for each of the nt sorted targets t in [0, total), the sample at which the running sum (in global
   order) of the sampling weights w_i closest_i (w_i if closest is NULL) passes t; its row goes to rows[j*f ...] on
   every rank
*/
static PetscErrorCode HtInitPick(const HtSamples *s, const PetscReal *closest, PetscInt nt, const PetscReal *targets, PetscScalar *rows, PetscInt *index)
{
  PetscReal local = 0, offset;
  PetscInt  j = 0, last = -1;

  PetscFunctionBegin;
  for (PetscInt i = 0; i < s->m; i++) local += HtDrawWeight(s, closest, i);
  PetscCall(HtSamplesExscanReal(s, local, &offset));
  PetscCall(PetscArrayzero(rows, nt * s->f));
  for (PetscInt t = 0; t < nt; t++) index[t] = -1;
  while (j < nt && targets[j] < offset) j++; /* targets of earlier ranks */
  for (PetscInt i = 0; i < s->m; i++) {
    PetscReal v = HtDrawWeight(s, closest, i);

    if (v > 0) last = s->rstart + i;
    offset += v;
    while (j < nt && targets[j] < offset && v > 0) {
      if (index[j] < 0) index[j] = s->rstart + i;
      j++;
    }
  }
  /* targets at or past the total (rounding) go to the last sample with a positive value */
  PetscCall(HtSamplesReduceInt(s, HT_SAMPLES_MAX, 1, &last));
  PetscCall(HtSamplesReduceInt(s, HT_SAMPLES_MAX, nt, index));
  for (PetscInt t = 0; t < nt; t++) {
    if (index[t] < 0) index[t] = last;
    if (index[t] >= s->rstart && index[t] < s->rstart + s->m) PetscCall(PetscArraycpy(rows + t * s->f, s->x + (index[t] - s->rstart) * s->f, s->f));
  }
  PetscCall(HtSamplesSumScalar(s, nt * s->f, rows)); /* one owner per row */
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   closest[i] = min(closest[i], d_i), d_i = max(0, xnorm[i] + g[i]) the squared distance to the nearest candidate
   best[i] (c0 + best[i] into owner[i] where it is closer, unless owner is NULL); selects, not branches, so the loop
   vectorizes (a branch on random data was mispredicted half the time). Always inlined: each call site has its own
   loop, with and without owner.
*/
static inline __attribute__((always_inline)) void HtInitCloser(PetscInt m, const PetscReal *PETSC_RESTRICT xnorm, const PetscReal *PETSC_RESTRICT g, PetscInt c0, const PetscInt *PETSC_RESTRICT best, PetscReal *PETSC_RESTRICT closest, PetscInt *PETSC_RESTRICT owner)
{
  for (PetscInt i = 0; i < m; i++) {
    PetscReal d      = PetscMax(0.0, xnorm[i] + g[i]);
    PetscBool closer = (PetscBool)(d < closest[i]);

    if (owner) owner[i] = closer ? c0 + best[i] : owner[i];
    closest[i] = closer ? d : closest[i];
  }
}

/*
   closest[i] = min(closest[i], squared distance to the candidates [c0, nc)), owner[i] (unless owner is NULL) = index
   of the closest candidate; by chunks of HT_POINTS_CHUNK rows, so no samples x candidates matrix is formed
*/
static PetscErrorCode HtInitUpdateClosest(const HtInit *in, PetscInt c0, PetscInt nc, const PetscScalar *cand, PetscReal *closest, PetscInt *owner)
{
  const HtSamples *s = in->s;
  HtPoints         P;
  PetscInt        *best;
  PetscReal       *g;

  PetscFunctionBegin;
  if (nc <= c0) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtPointsCreate(s->backend, nc - c0, s->f, &P));
  PetscCall(HtPointsSet(P, nc - c0, cand + c0 * s->f, s->f));
  PetscCall(PetscMalloc2(HT_POINTS_CHUNK, &best, HT_POINTS_CHUNK, &g));
  for (PetscInt i0 = 0; i0 < s->m; i0 += HT_POINTS_CHUNK) {
    PetscInt mc = PetscMin(HT_POINTS_CHUNK, s->m - i0);

    PetscCall(HtPointsNearest(P, mc, s->x + i0 * s->f, NULL, best, g, PETSC_FALSE, NULL));
    if (owner) HtInitCloser(mc, in->xnorm + i0, g, c0, best, closest + i0, owner + i0);
    else HtInitCloser(mc, in->xnorm + i0, g, c0, best, closest + i0, NULL);
  }
  PetscCall(PetscFree2(best, g));
  PetscCall(HtPointsDestroy(&P));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the first center: one sample drawn with probability proportional to its weight; closest = squared distances to it */
static PetscErrorCode HtInitFirstCenter(const HtInit *in, PetscInt64 seed, PetscScalar *center, PetscReal *closest)
{
  const HtSamples *s     = in->s;
  PetscReal        total = 0, target;
  PetscInt         idx;
  HtPhilox4x32     r = HtPhilox((uint64_t)seed, 0, HT_STREAM_KMEANS_FIRST);

  PetscFunctionBegin;
  for (PetscInt i = 0; i < s->m; i++) total += HtWeight(s, i);
  PetscCall(HtSamplesSumReal(s, 1, &total));
  target = HtPhiloxToUnit(r.v[0], r.v[1]) * total;
  PetscCall(HtInitPick(s, NULL, 1, &target, center, &idx));
  for (PetscInt i = 0; i < s->m; i++) closest[i] = PETSC_MAX_REAL;
  PetscCall(HtInitUpdateClosest(in, 0, 1, center, closest, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   pots[t] = sum over all samples of w_i min(closest_i, D(x_i, candidate t)^2): the potential if candidate t became a
   center; one pass, without a samples x candidates matrix (HtPointsPotentials())
*/
static PetscErrorCode HtInitTrialPotentials(const HtSamples *s, PetscInt nt, const PetscScalar *cand, const PetscReal *closest, PetscReal *pots)
{
  HtPoints P;

  PetscFunctionBegin;
  PetscCall(PetscArrayzero(pots, nt));
  PetscCall(HtPointsCreate(s->backend, nt, s->f, &P));
  PetscCall(HtPointsSet(P, nt, cand, s->f));
  PetscCall(HtPointsPotentials(P, s->m, s->x, s->w, closest, pots));
  PetscCall(HtPointsDestroy(&P));
  PetscCall(HtSamplesSumReal(s, nt, pots));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* sum of w_i * closest_i over all ranks */
static PetscErrorCode HtInitPotential(const HtSamples *s, const PetscReal *closest, PetscReal *pot)
{
  PetscFunctionBegin;
  *pot = 0;
  for (PetscInt i = 0; i < s->m; i++) *pot += HtWeight(s, i) * closest[i];
  PetscCall(HtSamplesSumReal(s, 1, pot));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static int HtCompareReal(const void *a, const void *b)
{
  PetscReal x = *(const PetscReal *)a, y = *(const PetscReal *)b;
  return x < y ? -1 : x > y;
}

/*
   HtInitKMeansPP - greedy k-means++ (Arthur & Vassilvitskii; greedy variant of scikit-learn): each new center is the
   best of 2 + log(K) candidates drawn with probability proportional to w_i D(x_i)^2. Two passes over the samples per
   center (the candidates' potentials, then the distances to the chosen one), so that no samples x candidates matrix
   is kept.
*/
static PetscErrorCode HtInitKMeansPP(const HtInit *in, PetscInt k, PetscInt64 seed, PetscScalar *centers)
{
  const HtSamples *s       = in->s;
  PetscInt         ntrials = 2 + (PetscInt)PetscLogReal((PetscReal)k), *idx;
  PetscReal       *closest, *targets, *pots, pot;
  PetscScalar     *cand;

  PetscFunctionBegin;
  PetscCall(PetscMalloc5(s->m, &closest, ntrials, &targets, ntrials, &pots, ntrials, &idx, ntrials * s->f, &cand));
  PetscCall(HtInitFirstCenter(in, seed, centers, closest));
  PetscCall(HtInitPotential(s, closest, &pot));
  for (PetscInt c = 1; c < k; c++) {
    PetscInt best = 0;

    for (PetscInt t = 0; t < ntrials; t++) targets[t] = HtPhiloxUniform(HtPhiloxStreamKey((uint64_t)seed, HT_STREAM_KMEANSPP_TRIALS), (uint64_t)(c * ntrials + t)) * pot;
    qsort(targets, (size_t)ntrials, sizeof(PetscReal), HtCompareReal);
    PetscCall(HtInitPick(s, closest, ntrials, targets, cand, idx));
    PetscCall(HtInitTrialPotentials(s, ntrials, cand, closest, pots));
    for (PetscInt t = 1; t < ntrials; t++)
      if (pots[t] < pots[best]) best = t;
    pot = pots[best];
    PetscCall(PetscArraycpy(centers + c * s->f, cand + best * s->f, s->f));
    PetscCall(HtInitUpdateClosest(in, 0, 1, centers + c * s->f, closest, NULL));
  }
  PetscCall(PetscFree5(closest, targets, pots, idx, cand));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtInitRandom - K distinct samples, drawn with probabilities proportional to the weights (the K largest keys
   u_i^(1/w_i), Efraimidis & Spirakis), u_i keyed by the global sample index
*/
static PetscErrorCode HtInitRandom(const HtSamples *s, PetscInt k, PetscInt64 seed, PetscScalar *centers)
{
  HtTopList *top;

  PetscFunctionBegin;
  PetscCall(HtTopListsCreate(1, k, &top));
  for (PetscInt i = 0; i < s->m; i++) {
    PetscReal w = HtWeight(s, i);

    if (w > 0) HtTopListPush(top, PetscPowReal(HtPhiloxUniform(HtPhiloxStreamKey((uint64_t)seed, HT_STREAM_KMEANS_RANDOM), (uint64_t)(s->rstart + i)), 1.0 / w), s->rstart + i);
  }
  PetscCall(HtSamplesMergeTopLists(s, 1, top));
  PetscCall(PetscArrayzero(centers, k * s->f));
  for (PetscInt j = 0; j < top->n; j++)
    if (top->index[j] >= s->rstart && top->index[j] < s->rstart + s->m) PetscCall(PetscArraycpy(centers + j * s->f, s->x + (top->index[j] - s->rstart) * s->f, s->f));
  PetscCall(HtSamplesSumScalar(s, k * s->f, centers)); /* one owner per row */
  PetscCall(HtTopListsDestroy(&top));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtInitKMeansParallel - k-means|| (Bahmani et al., VLDB 2012): a first sample, then `rounds` rounds in which every
   sample joins the candidates independently with probability min(1, l w_i D(x_i)^2 / phi), l = 2K; the candidates are
   weighted by the samples closest to them and reduced to K centers by weighted k-means++ on the (small, replicated)
   candidate set. Passes over the data: 1 + rounds.
*/
static PetscErrorCode HtInitKMeansParallel(const HtInit *in, PetscInt k, PetscInt64 seed, PetscInt rounds, PetscScalar *centers)
{
  const HtSamples *s = in->s;
  PetscReal       *closest, phi, l = 2.0 * k;
  PetscInt        *owner, nc = 1, nprev;
  PetscBool       *flag;
  PetscScalar     *cand, *cw;

  PetscFunctionBegin;
  PetscCall(PetscMalloc3(s->m, &closest, s->m, &owner, s->m, &flag));
  PetscCall(PetscMalloc1(s->f, &cand));
  PetscCall(HtInitFirstCenter(in, seed, cand, closest));
  for (PetscInt i = 0; i < s->m; i++) owner[i] = 0;
  for (PetscInt r = 0; r < rounds; r++) {
    PetscCall(HtInitPotential(s, closest, &phi));
    if (phi <= 0) break;
    for (PetscInt i = 0; i < s->m; i++) flag[i] = (PetscBool)(HtPhiloxUniform(HtPhiloxStreamKey((uint64_t)seed, HT_STREAM_KMEANSPAR_ROUNDS + (uint32_t)r), (uint64_t)(s->rstart + i)) < l * HtWeight(s, i) * closest[i] / phi);
    nprev = nc;
    PetscCall(HtSamplesGatherRows(s, flag, &nc, &cand));
    PetscCall(HtInitUpdateClosest(in, nprev, nc, cand, closest, owner));
  }
  if (nc < k) { /* too few candidates (tiny or degenerate data): k-means++ on all samples */
    PetscCall(HtInitKMeansPP(in, k, seed, centers));
  } else {
    HtSamples local;

    PetscCall(PetscCalloc1(nc, &cw));
    for (PetscInt i = 0; i < s->m; i++) cw[owner[i]] += HtWeight(s, i);
    PetscCall(HtSamplesSumScalar(s, nc, cw));
    PetscCall(HtSamplesCreateLocal(s, nc, cand, cw, &local));
    PetscCall(HtKMeansDrawCenters(&local, HT_CLUSTER_INIT_KMEANSPP, k, seed, centers));
    PetscCall(PetscFree(cw));
  }
  PetscCall(PetscInfo(NULL, "k-means|| kept %" PetscInt_FMT " candidates for %" PetscInt_FMT " centers\n", nc, k));
  PetscCall(PetscFree(cand));
  PetscCall(PetscFree3(closest, owner, flag));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtKMeansDrawCenters - K x F initial centers drawn from the samples s (random, k-means++ or k-means||), the same on
   every rank of s->comm; the random draws depend on the seed and the sample indices only
*/
PetscErrorCode HtKMeansDrawCenters(const HtSamples *s, HtClusterInitType init, PetscInt k, PetscInt64 seed, PetscScalar *centers)
{
  HtInit in = {s, NULL};

  PetscFunctionBegin;
  PetscCheck(init != HT_CLUSTER_INIT_USER, s->comm, PETSC_ERR_ARG_WRONG, "User initial centers are not drawn from the samples");
  PetscCall(PetscMalloc1(s->m, &in.xnorm));
  for (PetscInt i = 0; i < s->m; i++) {
    in.xnorm[i] = 0;
    for (PetscInt j = 0; j < s->f; j++) in.xnorm[i] += PetscRealPart(s->x[i * s->f + j] * s->x[i * s->f + j]);
  }
  switch (init) {
  case HT_CLUSTER_INIT_RANDOM:
    PetscCall(HtInitRandom(s, k, seed, centers));
    break;
  case HT_CLUSTER_INIT_KMEANSPP:
    PetscCall(HtInitKMeansPP(&in, k, seed, centers));
    break;
  default:
    PetscCall(HtInitKMeansParallel(&in, k, seed, 4, centers));
  }
  PetscCall(PetscFree(in.xnorm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtKMeansInitialCenters - the K x F initial centers (replicated on every rank) for the samples s, following
   cl->init: the user's centers, or drawn from the samples
*/
PetscErrorCode HtKMeansInitialCenters(HtCluster cl, const HtSamples *s, PetscScalar *centers)
{
  PetscFunctionBegin;
  PetscCall(PetscLogEventBegin(HT_CLUSTER_Init, cl, s->backend, 0, 0));
  if (cl->init == HT_CLUSTER_INIT_USER) {
    const PetscInt    *shape;
    const PetscScalar *c;

    PetscCall(HtTensorGetShape(cl->initcenters, &shape));
    PetscCheck(shape[1] == s->f, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_SIZ, "The initial centers have %" PetscInt_FMT " features but the data have %" PetscInt_FMT, shape[1], s->f);
    PetscCheck(shape[0] == cl->k, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_SIZ, "There are %" PetscInt_FMT " initial centers but %" PetscInt_FMT " clusters; give as many centers as clusters (HtClusterSetInitialCenters() sets K)", shape[0], cl->k);
    PetscCall(HtTensorGetArrayRead(cl->initcenters, &c));
    PetscCall(PetscArraycpy(centers, c, cl->k * s->f));
    PetscCall(HtTensorRestoreArrayRead(cl->initcenters, &c));
  } else PetscCall(HtKMeansDrawCenters(s, cl->init, cl->k, cl->seed, centers));
  PetscCall(PetscLogEventEnd(HT_CLUSTER_Init, cl, s->backend, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}
