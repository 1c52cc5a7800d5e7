/*
   Initial centers for the HtCluster types: random samples, greedy k-means++ and k-means||.
   Every random draw is keyed by the seed and a global index (of a sample, or of a draw), so
   the centers do not depend on the number of ranks.
*/
#include <heat/private/clusterimpl.h>
#include <heat/private/philox.h>

#define HT_STREAM_FIRST    2
#define HT_STREAM_TRIALS   3
#define HT_STREAM_RANDOM   4
#define HT_STREAM_PARALLEL 16

static inline PetscReal HtWeight(const HtSamples *s, PetscInt i)
{
  return s->w ? PetscRealPart(s->w[i]) : 1.0;
}

/* the sampling weight of local sample i: w_i D(x_i)^2, or w_i without distances */
static inline PetscReal HtSamplesDrawWeight(const HtSamples *s, const PetscReal *closest, PetscInt i)
{
  return HtWeight(s, i) * (closest ? closest[i] : 1.0);
}

/*
   HtSamplesPick - for each of the nt sorted targets t in [0, total), the sample at which the running sum
   (in global order) of the sampling weights w_i closest_i (w_i if closest is NULL) passes t; its row goes to
   rows[j*f ...] on every rank.
*/
static PetscErrorCode HtSamplesPick(const HtSamples *s, const PetscReal *closest, PetscInt nt, const PetscReal *targets, PetscScalar *rows, PetscInt *index)
{
  PetscReal local = 0, offset = 0;
  PetscInt  j = 0, lastpos = -1;

  PetscFunctionBegin;
  for (PetscInt i = 0; i < s->m; i++) local += HtSamplesDrawWeight(s, closest, i);
  PetscCallMPI(MPI_Exscan(&local, &offset, 1, MPIU_REAL, MPIU_SUM, s->comm));
  if (s->rstart == 0) offset = 0; /* the first rank's MPI_Exscan output is undefined */
  PetscCall(PetscArrayzero(rows, nt * s->f));
  for (PetscInt t = 0; t < nt; t++) index[t] = -1;
  while (j < nt && targets[j] < offset) j++; /* targets of earlier ranks */
  for (PetscInt i = 0; i < s->m; i++) {
    PetscReal v = HtSamplesDrawWeight(s, closest, i);

    if (v > 0) lastpos = i;
    offset += v;
    while (j < nt && targets[j] < offset && v > 0) {
      if (index[j] < 0) index[j] = s->rstart + i;
      j++;
    }
  }
  /* targets at or past the total (rounding) go to the last sample with a positive value */
  {
    PetscInt last = lastpos >= 0 ? s->rstart + lastpos : -1;

    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &last, 1, MPIU_INT, MPI_MAX, s->comm));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, index, nt, MPIU_INT, MPI_MAX, s->comm));
    for (PetscInt t = 0; t < nt; t++) {
      if (index[t] < 0) index[t] = last;
      if (index[t] >= s->rstart && index[t] < s->rstart + s->m) PetscCall(PetscArraycpy(rows + t * s->f, s->x + (index[t] - s->rstart) * s->f, s->f));
    }
  }
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, rows, nt * s->f, MPIU_SCALAR, MPIU_SUM, s->comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   closest[i] = min(closest[i], squared distance to the candidates [c0, nc)), owner[i] (unless owner is NULL) =
   index of the closest candidate; by chunks of HT_NEAREST_CHUNK rows, so no samples x candidates matrix is formed
*/
static PetscErrorCode HtSamplesUpdateClosest(const HtSamples *s, PetscInt c0, PetscInt nc, const PetscScalar *cand, PetscReal *closest, PetscInt *owner)
{
  HtNearestWork w;
  PetscInt     *best;
  PetscReal    *g;

  PetscFunctionBegin;
  if (nc <= c0) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtNearestWorkCreate(nc - c0, s->f, &w));
  PetscCall(HtNearestWorkSetCenters(&w, cand + c0 * s->f));
  PetscCall(PetscMalloc2(HT_NEAREST_CHUNK, &best, HT_NEAREST_CHUNK, &g));
  for (PetscInt i0 = 0; i0 < s->m; i0 += HT_NEAREST_CHUNK) {
    PetscInt mc = PetscMin(HT_NEAREST_CHUNK, s->m - i0);

    PetscCall(HtNearestCenters(&w, mc, s->x + i0 * s->f, best, g));
    for (PetscInt i = 0; i < mc; i++) {
      PetscReal d = PetscMax(0.0, s->xnorm[i0 + i] + g[i]);

      if (d < closest[i0 + i]) {
        closest[i0 + i] = d;
        if (owner) owner[i0 + i] = c0 + best[i];
      }
    }
  }
  PetscCall(PetscFree2(best, g));
  PetscCall(HtNearestWorkDestroy(&w));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the first center: one sample drawn with probability proportional to its weight; closest = squared distances to it */
static PetscErrorCode HtSamplesFirstCenter(const HtSamples *s, PetscInt64 seed, PetscScalar *center, PetscReal *closest)
{
  PetscReal    total = 0, target;
  PetscInt     idx;
  HtPhilox4x32 r = HtPhilox((uint64_t)seed, 0, HT_STREAM_FIRST);

  PetscFunctionBegin;
  for (PetscInt i = 0; i < s->m; i++) total += HtWeight(s, i);
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &total, 1, MPIU_REAL, MPIU_SUM, s->comm));
  target = HtPhiloxToUnit(r.v[0], r.v[1]) * total;
  PetscCall(HtSamplesPick(s, NULL, 1, &target, center, &idx));
  for (PetscInt i = 0; i < s->m; i++) closest[i] = PETSC_MAX_REAL;
  PetscCall(HtSamplesUpdateClosest(s, 0, 1, center, closest, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   pots[t] = sum over all samples of w_i min(closest_i, D(x_i, candidate t)^2): the potential if candidate t
   became a center; by chunks, so no samples x candidates matrix is formed
*/
static PetscErrorCode HtSamplesTrialPotentials(const HtSamples *s, PetscInt nt, const PetscScalar *cand, const PetscReal *closest, PetscReal *pots)
{
  HtDistanceWork w;

  PetscFunctionBegin;
  PetscCall(PetscArrayzero(pots, nt));
  PetscCall(HtDistanceWorkCreate(nt, s->f, &w));
  for (PetscInt i0 = 0; i0 < s->m; i0 += w.chunk) {
    PetscInt mc = PetscMin(w.chunk, s->m - i0);

    PetscCall(HtDistanceChunk(&w, cand, mc, s->x + i0 * s->f, (PetscBool)(i0 == 0)));
    for (PetscInt i = 0; i < mc; i++)
      for (PetscInt t = 0; t < nt; t++) pots[t] += HtWeight(s, i0 + i) * PetscMin(closest[i0 + i], PetscMax(0.0, s->xnorm[i0 + i] + PetscRealPart(w.g[i * nt + t])));
  }
  PetscCall(HtDistanceWorkDestroy(&w));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, pots, nt, MPIU_REAL, MPIU_SUM, s->comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* sum of w_i * closest_i over all ranks */
static PetscErrorCode HtSamplesPotential(const HtSamples *s, const PetscReal *closest, PetscReal *pot)
{
  PetscFunctionBegin;
  *pot = 0;
  for (PetscInt i = 0; i < s->m; i++) *pot += HtWeight(s, i) * closest[i];
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, pot, 1, MPIU_REAL, MPIU_SUM, s->comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static int HtCompareReal(const void *a, const void *b)
{
  PetscReal x = *(const PetscReal *)a, y = *(const PetscReal *)b;
  return x < y ? -1 : x > y;
}

/*
   HtSamplesKMeansPP - greedy k-means++ (Arthur & Vassilvitskii; greedy variant of scikit-learn): each new
   center is the best of 2 + log(K) candidates drawn with probability proportional to w_i D(x_i)^2. Two passes
   over the samples per center (the candidates' potentials, then the distances to the chosen one), so that no
   samples x candidates matrix is kept.
*/
static PetscErrorCode HtSamplesKMeansPP(const HtSamples *s, PetscInt k, PetscInt64 seed, PetscScalar *centers)
{
  PetscInt     ntrials = 2 + (PetscInt)PetscLogReal((PetscReal)k), *idx;
  PetscReal   *closest, *targets, *pots, pot;
  PetscScalar *cand;

  PetscFunctionBegin;
  PetscCall(PetscMalloc5(s->m, &closest, ntrials, &targets, ntrials, &pots, ntrials, &idx, ntrials * s->f, &cand));
  PetscCall(HtSamplesFirstCenter(s, seed, centers, closest));
  PetscCall(HtSamplesPotential(s, closest, &pot));
  for (PetscInt c = 1; c < k; c++) {
    PetscInt best = 0;

    for (PetscInt t = 0; t < ntrials; t++) targets[t] = HtPhiloxUniform((uint64_t)seed ^ ((uint64_t)HT_STREAM_TRIALS << 56), (uint64_t)(c * ntrials + t)) * pot;
    qsort(targets, (size_t)ntrials, sizeof(PetscReal), HtCompareReal);
    PetscCall(HtSamplesPick(s, closest, ntrials, targets, cand, idx));
    PetscCall(HtSamplesTrialPotentials(s, ntrials, cand, closest, pots));
    for (PetscInt t = 1; t < ntrials; t++)
      if (pots[t] < pots[best]) best = t;
    pot = pots[best];
    PetscCall(PetscArraycpy(centers + c * s->f, cand + best * s->f, s->f));
    PetscCall(HtSamplesUpdateClosest(s, 0, 1, centers + c * s->f, closest, NULL));
  }
  PetscCall(PetscFree5(closest, targets, pots, idx, cand));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesRandom - K distinct samples, drawn with probabilities proportional to the weights (the K largest
   keys u_i^(1/w_i), Efraimidis & Spirakis), u_i keyed by the global sample index
*/
static PetscErrorCode HtSamplesRandom(const HtSamples *s, PetscInt k, PetscInt64 seed, PetscScalar *centers)
{
  PetscReal  *key, *all;
  PetscInt   *pick;
  PetscMPIInt size;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(s->comm, &size));
  PetscCall(PetscMalloc3(2 * k, &key, 2 * k * size, &all, k, &pick));
  /* the local K best (key, index) pairs, as reals: indices are below 2^53 */
  for (PetscInt j = 0; j < k; j++) {
    key[2 * j]     = -1;
    key[2 * j + 1] = -1;
  }
  for (PetscInt i = 0; i < s->m; i++) {
    PetscReal w = HtWeight(s, i), u, kv;
    PetscInt  j;

    if (w <= 0) continue;
    u  = HtPhiloxUniform((uint64_t)seed ^ ((uint64_t)HT_STREAM_RANDOM << 56), (uint64_t)(s->rstart + i));
    kv = PetscPowReal(u, 1.0 / w);
    if (kv <= key[2 * (k - 1)]) continue;
    for (j = k - 1; j > 0 && key[2 * (j - 1)] < kv; j--) {
      key[2 * j]     = key[2 * (j - 1)];
      key[2 * j + 1] = key[2 * (j - 1) + 1];
    }
    key[2 * j]     = kv;
    key[2 * j + 1] = (PetscReal)(s->rstart + i);
  }
  PetscCallMPI(MPI_Allgather(key, (PetscMPIInt)(2 * k), MPIU_REAL, all, (PetscMPIInt)(2 * k), MPIU_REAL, s->comm));
  /* the global K best, in the order of their keys */
  for (PetscInt j = 0; j < k; j++) {
    PetscInt best = -1;

    for (PetscInt q = 0; q < k * size; q++)
      if (all[2 * q + 1] >= 0 && (best < 0 || all[2 * q] > all[2 * best])) best = q;
    pick[j]              = (PetscInt)all[2 * best + 1];
    all[2 * best + 1]    = -1;
  }
  PetscCall(PetscArrayzero(centers, k * s->f));
  for (PetscInt j = 0; j < k; j++)
    if (pick[j] >= s->rstart && pick[j] < s->rstart + s->m) PetscCall(PetscArraycpy(centers + j * s->f, s->x + (pick[j] - s->rstart) * s->f, s->f));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, centers, k * s->f, MPIU_SCALAR, MPIU_SUM, s->comm));
  PetscCall(PetscFree3(key, all, pick));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* appends the local samples with flag[i] set to the replicated candidate list (global index order) */
static PetscErrorCode HtSamplesGatherFlagged(const HtSamples *s, const PetscBool *flag, PetscInt *nc, PetscScalar **cand)
{
  PetscMPIInt  size, nloc = 0, *counts, *displs, total;
  PetscScalar *mine, *grown;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(s->comm, &size));
  for (PetscInt i = 0; i < s->m; i++) nloc += flag[i] ? (PetscMPIInt)s->f : 0;
  PetscCall(PetscMalloc3(PetscMax(nloc, 1), &mine, size, &counts, size + 1, &displs));
  for (PetscInt i = 0, p = 0; i < s->m; i++)
    if (flag[i]) {
      PetscCall(PetscArraycpy(mine + p, s->x + i * s->f, s->f));
      p += s->f;
    }
  PetscCallMPI(MPI_Allgather(&nloc, 1, MPI_INT, counts, 1, MPI_INT, s->comm));
  displs[0] = 0;
  for (PetscMPIInt r = 0; r < size; r++) displs[r + 1] = displs[r] + counts[r];
  total = displs[size];
  PetscCall(PetscMalloc1((*nc) * s->f + total, &grown));
  PetscCall(PetscArraycpy(grown, *cand, (*nc) * s->f));
  PetscCallMPI(MPI_Allgatherv(mine, nloc, MPIU_SCALAR, grown + (*nc) * s->f, counts, displs, MPIU_SCALAR, s->comm));
  PetscCall(PetscFree(*cand));
  *cand = grown;
  *nc += total / s->f;
  PetscCall(PetscFree3(mine, counts, displs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesKMeansParallel - k-means|| (Bahmani et al., VLDB 2012): a first sample, then `rounds` rounds in which
   every sample joins the candidates independently with probability min(1, l w_i D(x_i)^2 / phi), l = 2K; the
   candidates are weighted by the samples closest to them and reduced to K centers by weighted k-means++ on the
   (small, replicated) candidate set. Passes over the data: 1 + rounds.
*/
static PetscErrorCode HtSamplesKMeansParallel(const HtSamples *s, PetscInt k, PetscInt64 seed, PetscInt rounds, PetscScalar *centers)
{
  PetscReal   *closest, phi, l = 2.0 * k;
  PetscInt    *owner, nc = 1, nprev;
  PetscBool   *flag;
  PetscScalar *cand, *cw;

  PetscFunctionBegin;
  PetscCall(PetscMalloc3(s->m, &closest, s->m, &owner, s->m, &flag));
  PetscCall(PetscMalloc1(s->f, &cand));
  PetscCall(HtSamplesFirstCenter(s, seed, cand, closest));
  for (PetscInt i = 0; i < s->m; i++) owner[i] = 0;
  for (PetscInt r = 0; r < rounds; r++) {
    PetscCall(HtSamplesPotential(s, closest, &phi));
    if (phi <= 0) break;
    for (PetscInt i = 0; i < s->m; i++) flag[i] = (PetscBool)(HtPhiloxUniform((uint64_t)seed ^ ((uint64_t)(HT_STREAM_PARALLEL + r) << 56), (uint64_t)(s->rstart + i)) < l * HtWeight(s, i) * closest[i] / phi);
    nprev = nc;
    PetscCall(HtSamplesGatherFlagged(s, flag, &nc, &cand));
    PetscCall(HtSamplesUpdateClosest(s, nprev, nc, cand, closest, owner));
  }
  if (nc < k) { /* too few candidates (tiny or degenerate data): k-means++ on all samples */
    PetscCall(HtSamplesKMeansPP(s, k, seed, centers));
  } else {
    PetscCall(PetscCalloc1(nc, &cw));
    for (PetscInt i = 0; i < s->m; i++) cw[owner[i]] += HtWeight(s, i);
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, cw, nc, MPIU_SCALAR, MPIU_SUM, s->comm));
    {
      HtSamples local = {PETSC_COMM_SELF, nc, s->f, 0, nc, cand, cw, NULL};

      PetscCall(HtSamplesInitialCenters_Private(&local, HT_CLUSTER_INIT_KMEANSPP, k, seed, centers));
    }
    PetscCall(PetscFree(cw));
  }
  PetscCall(PetscInfo(NULL, "k-means|| kept %" PetscInt_FMT " candidates for %" PetscInt_FMT " centers\n", nc, k));
  PetscCall(PetscFree(cand));
  PetscCall(PetscFree3(closest, owner, flag));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSamplesInitialCenters_Private - K x F initial centers of the samples s (random, k-means++ or k-means||),
   the same on every rank of s->comm; s->comm may be PETSC_COMM_SELF for samples that one rank holds alone.
   The random draws depend on the seed and the sample indices only.
*/
PetscErrorCode HtSamplesInitialCenters_Private(const HtSamples *s, HtClusterInitType init, PetscInt k, PetscInt64 seed, PetscScalar *centers)
{
  HtSamples t = *s;

  PetscFunctionBegin;
  PetscCheck(init != HT_CLUSTER_INIT_USER, s->comm, PETSC_ERR_ARG_WRONG, "User initial centers are not drawn from the samples");
  PetscCall(PetscMalloc1(t.m, &t.xnorm));
  for (PetscInt i = 0; i < t.m; i++) {
    t.xnorm[i] = 0;
    for (PetscInt j = 0; j < t.f; j++) t.xnorm[i] += PetscRealPart(t.x[i * t.f + j] * t.x[i * t.f + j]);
  }
  switch (init) {
  case HT_CLUSTER_INIT_RANDOM:
    PetscCall(HtSamplesRandom(&t, k, seed, centers));
    break;
  case HT_CLUSTER_INIT_KMEANSPP:
    PetscCall(HtSamplesKMeansPP(&t, k, seed, centers));
    break;
  default:
    PetscCall(HtSamplesKMeansParallel(&t, k, seed, 4, centers));
  }
  PetscCall(PetscFree(t.xnorm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtClusterInitialCenters_Private - the K x F initial centers (replicated on every rank) for the data X,
   following cl->init
*/
PetscErrorCode HtClusterInitialCenters_Private(HtCluster cl, HtTensor X, PetscScalar *centers)
{
  PetscFunctionBegin;
  PetscCall(PetscLogEventBegin(HT_CLUSTER_Init, cl, X, 0, 0));
  if (cl->init == HT_CLUSTER_INIT_USER) {
    const PetscScalar *c;

    PetscCheck(cl->initcenters->shape[1] == X->shape[1], PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_SIZ, "The initial centers have %" PetscInt_FMT " features but the data have %" PetscInt_FMT, cl->initcenters->shape[1], X->shape[1]);
    PetscCall(HtTensorGetArrayRead(cl->initcenters, &c));
    PetscCall(PetscArraycpy(centers, c, cl->k * X->shape[1]));
    PetscCall(HtTensorRestoreArrayRead(cl->initcenters, &c));
  } else {
    HtSamples s;

    PetscCall(HtClusterGetSamples_Private(cl, X, &s));
    PetscCall(HtSamplesInitialCenters_Private(&s, cl->init, cl->k, cl->seed, centers));
    PetscCall(HtClusterRestoreSamples_Private(cl, X, &s));
  }
  PetscCall(PetscLogEventEnd(HT_CLUSTER_Init, cl, X, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}
