/*
   HTCLUSTERBATCHKMEANS: batch-parallel k-means (Heat's BatchParallelKMeans) made independent of the number
   of ranks: k-means on B batches of consecutive samples, then a hierarchical merge of the B K weighted centers.

   Rank r of P clusters the batches of PETSc's balanced split of the B batches into P parts. The samples (and the
   sample weights) move once, by one redistribution, so that every rank holds exactly the samples of its batches
   (nothing moves when the layout matches already, e.g. B = P with the default balanced layout). Each batch is a
   sub-problem on PETSC_COMM_SELF. The B K weighted centers are gathered on every rank (B (K (F + 1) + 2) numbers)
   and every rank runs the same merges on the same numbers, with no communication; the final assignment reads the
   data once in their own layout. Apart from the redistribution the communication does not depend on N.
*/
#include <../src/ml/cluster/impls/kmeans/kmeansimpl.h>
#include <heat/private/philox.h>

typedef struct {
  PetscInt batches; /* B, or PETSC_DECIDE: one batch per rank */
  PetscInt merge;   /* fan-in of the merge tree */
} HtCluster_BatchKMeans;

/*
   A solved k-means sub-problem (a batch or a merge group) is stored as a payload of K (F + 1) + 2 numbers:
   the K x F centers, their K weights (the total sample weight of each cluster), the number of Lloyd
   iterations and the converged reason.
*/
static inline PetscInt HtPayloadSize(PetscInt k, PetscInt f)
{
  return k * (f + 1) + 2;
}

static inline PetscInt HtPayloadIts(const PetscScalar *p, PetscInt k, PetscInt f)
{
  return (PetscInt)PetscRealPart(p[k * (f + 1)]);
}

static inline HtClusterConvergedReason HtPayloadReason(const PetscScalar *p, PetscInt k, PetscInt f)
{
  return (HtClusterConvergedReason)PetscRealPart(p[k * (f + 1) + 1]);
}

/* the first of the n items of part i when n items are cut into `parts` consecutive parts as PETSc's balanced layout does */
static inline PetscInt HtSplitStart(PetscInt n, PetscInt parts, PetscInt i)
{
  return i * (n / parts) + PetscMin(i, n % parts);
}

/* the number of batches B: the one set, or one per rank of the object's communicator */
static PetscErrorCode HtBatchKMeansGetNumBatches(HtCluster cl, PetscInt *nb)
{
  HtCluster_BatchKMeans *bk = (HtCluster_BatchKMeans *)cl->data;
  PetscMPIInt            size;

  PetscFunctionBegin;
  *nb = bk->batches;
  if (bk->batches == PETSC_DECIDE) {
    PetscCall(HtCommGetRank(PetscObjectComm((PetscObject)cl), NULL, &size));
    *nb = size;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the seed of one k-means sub-problem: batch `index` at level 0, merge group `index` of merge level `level`;
   it depends on the object's seed only, not on the rank or the number of ranks
*/
static PetscInt64 HtBatchSeed(PetscInt64 seed, PetscInt level, PetscInt index)
{
  HtPhilox4x32 r = HtPhilox((uint64_t)seed, (uint64_t)index, HT_STREAM_BATCHKMEANS + (uint32_t)level);

  return (PetscInt64)(((uint64_t)r.v[1] << 32) | r.v[0]);
}

/* scikit-learn's rule applied to one sub-problem: rtol times the mean (unweighted) variance of its features */
static PetscErrorCode HtSamplesTolerance(const HtSamples *s, PetscReal rtol, PetscReal *tol)
{
  PetscScalar *mean;
  PetscReal    var = 0;

  PetscFunctionBegin;
  PetscCall(PetscCalloc1(s->f, &mean));
  for (PetscInt i = 0; i < s->m; i++)
    for (PetscInt j = 0; j < s->f; j++) mean[j] += s->x[i * s->f + j];
  for (PetscInt j = 0; j < s->f; j++) mean[j] /= s->m;
  for (PetscInt i = 0; i < s->m; i++)
    for (PetscInt j = 0; j < s->f; j++) var += PetscRealPart((s->x[i * s->f + j] - mean[j]) * (s->x[i * s->f + j] - mean[j]));
  *tol = rtol * var / (s->m * s->f);
  PetscCall(PetscFree(mean));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtBatchKMeansSolve - one k-means sub-problem on samples that this rank holds alone (s->comm is PETSC_COMM_SELF):
   initial centers keyed by seed, then weighted Lloyd iterations; writes its payload to out
*/
static PetscErrorCode HtBatchKMeansSolve(HtCluster cl, const HtSamples *s, HtClusterInitType init, PetscInt64 seed, PetscBool monitor, PetscScalar *out)
{
  PetscInt                 k = cl->k, f = s->f, *labels, its;
  PetscReal                tol = 0;
  HtClusterConvergedReason reason;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(s->m, &labels));
  PetscCall(PetscLogEventBegin(HT_CLUSTER_Init, cl, 0, 0, 0));
  PetscCall(HtKMeansDrawCenters(s, init, k, seed, out));
  PetscCall(PetscLogEventEnd(HT_CLUSTER_Init, cl, 0, 0, 0));
  PetscCall(HtSamplesTolerance(s, cl->tol, &tol));
  PetscCall(HtKMeansLloyd(cl, s, tol, monitor, out, labels, out + k * f, &its, &reason));
  out[k * (f + 1)]     = (PetscScalar)its;
  out[k * (f + 1) + 1] = (PetscScalar)reason;
  PetscCall(PetscFree(labels));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtBatchKMeansCheck(HtCluster cl, PetscInt n, PetscInt nb)
{
  MPI_Comm comm = PetscObjectComm((PetscObject)cl);

  PetscFunctionBegin;
  PetscCheck(cl->init != HT_CLUSTER_INIT_USER, comm, PETSC_ERR_SUP, "Type batchkmeans draws the initial centers of every batch from the batch; user initial centers are not supported (use -ht_cluster_init random, kmeans++ or kmeans||)");
  PetscCheck(nb <= n, comm, PETSC_ERR_ARG_OUTOFRANGE, "Cannot cut %" PetscInt_FMT " samples into %" PetscInt_FMT " batches; use at most as many batches as samples", n, nb);
  PetscCheck(n / nb >= cl->k, comm, PETSC_ERR_ARG_OUTOFRANGE, "With %" PetscInt_FMT " batches of %" PetscInt_FMT " samples the smallest batch has %" PetscInt_FMT " samples, fewer than the %" PetscInt_FMT " clusters; use at most %" PetscInt_FMT " batches (samples / clusters)", nb, n, n / nb, cl->k, n / cl->k);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   Xb and wb: the samples and their weights (or NULL) laid out so that this rank holds exactly the mloc samples
   of its batches: new references to X and the object's weights when their layout matches already, else
   copies made by one redistribution each
*/
static PetscErrorCode HtBatchKMeansRedistribute(HtCluster cl, const HtSamples *s, HtTensor X, PetscInt mloc, HtTensor *Xb, HtTensor *wb)
{
  PetscInt moved = s->m != mloc;

  PetscFunctionBegin;
  PetscCall(HtSamplesReduceInt(s, HT_SAMPLES_MAX, 1, &moved));
  *wb = NULL;
  if (!moved) {
    PetscCall(PetscObjectReference((PetscObject)X));
    *Xb = X;
    if (cl->weights) PetscCall(PetscObjectReference((PetscObject)cl->weights));
    *wb = cl->weights;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(PetscInfo(cl, "Moving the samples to the ranks of their batches\n"));
  PetscCall(HtTensorCreateWithLayout(s->comm, 2, (PetscInt[]){s->n, s->f}, 0, HT_SCALAR, mloc, Xb));
  PetscCall(HtTensorCopy(X, *Xb));
  if (cl->weights) {
    PetscCall(HtTensorCreateWithLayout(s->comm, 1, &s->n, 0, HT_SCALAR, mloc, wb));
    PetscCall(HtTensorCopy(cl->weights, *wb));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* every batch b0 <= b < b1 of the samples sb needs a positive total weight (collective: the first bad batch is reported on every rank) */
static PetscErrorCode HtBatchKMeansCheckWeights(HtCluster cl, const HtSamples *sb, PetscInt nb, PetscInt b0, PetscInt b1)
{
  PetscInt n = sb->n, first = HtSplitStart(n, nb, b0), bad = PETSC_MAX_INT;

  PetscFunctionBegin;
  for (PetscInt b = b0; b < b1 && bad == PETSC_MAX_INT; b++) {
    PetscReal total = 0;

    for (PetscInt i = HtSplitStart(n, nb, b); i < HtSplitStart(n, nb, b + 1); i++) total += PetscRealPart(sb->w[i - first]);
    if (!(total > 0)) bad = b;
  }
  PetscCall(HtSamplesReduceInt(sb, HT_SAMPLES_MIN, 1, &bad));
  PetscCheck(bad == PETSC_MAX_INT, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "The samples %" PetscInt_FMT " to %" PetscInt_FMT " of batch %" PetscInt_FMT " all have weight zero; every batch needs a positive total weight (use fewer batches)", HtSplitStart(n, nb, bad), HtSplitStart(n, nb, bad + 1) - 1, bad);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* k-means on each batch b0 <= b < b1 of this rank, whose samples and weights sb holds; payloads to out */
static PetscErrorCode HtBatchKMeansLocal(HtCluster cl, const HtSamples *sb, PetscInt nb, PetscInt b0, PetscInt b1, PetscScalar *out)
{
  PetscInt n = sb->n, f = sb->f, first = HtSplitStart(n, nb, b0);

  PetscFunctionBegin;
  for (PetscInt b = b0; b < b1; b++) {
    PetscInt     start = HtSplitStart(n, nb, b), m = HtSplitStart(n, nb, b + 1) - start;
    PetscScalar *p     = out + (b - b0) * HtPayloadSize(cl->k, f);
    HtSamples    s;

    PetscCall(HtSamplesCreateLocal(sb, m, sb->x + (start - first) * f, sb->w ? sb->w + (start - first) : NULL, &s));
    PetscCall(HtBatchKMeansSolve(cl, &s, cl->init, HtBatchSeed(cl->seed, 0, b), PETSC_FALSE, p));
    PetscCall(PetscInfo(cl, "Batch %" PetscInt_FMT ": %" PetscInt_FMT " samples, %s after %" PetscInt_FMT " iterations\n", b, m, HtClusterConvergedReasons[HtPayloadReason(p, cl->k, f)], HtPayloadIts(p, cl->k, f)));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtBatchKMeansMerge - merges the nsets payloads of `sets` (the same on every rank) level by level: every group of
   `merge` consecutive sets of K weighted centers is clustered by weighted k-means (k-means++ keyed by the level and
   the group) into one set, until one set remains in sets[0]. The same computation runs on every rank, with no
   communication; the last merge calls the monitors. Counts the merges that reached the iteration limit.
*/
static PetscErrorCode HtBatchKMeansMerge(HtCluster cl, const HtSamples *parent, PetscInt nsets, PetscScalar *sets, PetscInt *ndiverged)
{
  HtCluster_BatchKMeans *bk = (HtCluster_BatchKMeans *)cl->data;
  PetscInt               k = cl->k, f = parent->f, payload = HtPayloadSize(k, f);
  PetscScalar           *x, *w;

  PetscFunctionBegin;
  PetscCall(PetscMalloc2(bk->merge * k * f, &x, bk->merge * k, &w));
  for (PetscInt level = 1; nsets > 1; level++) {
    PetscInt ngroups = (nsets + bk->merge - 1) / bk->merge;

    for (PetscInt g = 0; g < ngroups; g++) {
      PetscInt  first = g * bk->merge, count = PetscMin(bk->merge, nsets - first);
      HtSamples s;

      PetscCall(HtSamplesCreateLocal(parent, count * k, x, w, &s));
      if (count > 1) {
        for (PetscInt c = 0; c < count; c++) {
          PetscCall(PetscArraycpy(x + c * k * f, sets + (first + c) * payload, k * f));
          PetscCall(PetscArraycpy(w + c * k, sets + (first + c) * payload + k * f, k));
        }
        /* the group is copied out, so its result may overwrite set g <= first */
        PetscCall(HtBatchKMeansSolve(cl, &s, HT_CLUSTER_INIT_KMEANSPP, HtBatchSeed(cl->seed, level, g), (PetscBool)(ngroups == 1), sets + g * payload));
        *ndiverged += HtPayloadReason(sets + g * payload, k, f) == HT_CLUSTER_DIVERGED_ITS;
        PetscCall(PetscInfo(cl, "Merge level %" PetscInt_FMT ", group %" PetscInt_FMT ": %" PetscInt_FMT " centers, %s after %" PetscInt_FMT " iterations\n", level, g, count * k, HtClusterConvergedReasons[HtPayloadReason(sets + g * payload, k, f)], HtPayloadIts(sets + g * payload, k, f)));
      } else PetscCall(PetscArraymove(sets + g * payload, sets + first * payload, payload));
    }
    nsets = ngroups;
  }
  PetscCall(PetscFree2(x, w));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterFit_BatchKMeans(HtCluster cl, HtTensor X)
{
  PetscInt     k = cl->k, payload, nb, b0, b1, ndiverged = 0;
  PetscMPIInt  size, rank;
  HtTensor     Xb, wb;
  HtSamples    s, sb;
  PetscScalar *mine, *all;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, NULL, &s));
  payload = HtPayloadSize(k, s.f);
  PetscCall(HtBatchKMeansGetNumBatches(cl, &nb));
  PetscCall(HtBatchKMeansCheck(cl, s.n, nb));
  PetscCall(HtCommGetRank(s.comm, &rank, &size));
  b0 = HtSplitStart(nb, size, rank);
  b1 = HtSplitStart(nb, size, rank + 1);
  PetscCall(HtBatchKMeansRedistribute(cl, &s, X, HtSplitStart(s.n, nb, b1) - HtSplitStart(s.n, nb, b0), &Xb, &wb));
  PetscCall(HtTensorGetSamples(Xb, wb, &sb));
  if (wb) PetscCall(HtBatchKMeansCheckWeights(cl, &sb, nb, b0, b1));
  PetscCall(PetscMalloc2((b1 - b0) * payload, &mine, nb * payload, &all));
  PetscCall(HtBatchKMeansLocal(cl, &sb, nb, b0, b1, mine));
  PetscCall(HtTensorRestoreSamples(Xb, wb, &sb));
  PetscCall(HtTensorDestroy(&wb));
  PetscCall(HtTensorDestroy(&Xb));
  PetscCall(HtSamplesGatherBlocks(&s, b1 - b0, payload, mine, all));
  for (PetscInt b = 0; b < nb; b++) ndiverged += HtPayloadReason(all + b * payload, k, s.f) == HT_CLUSTER_DIVERGED_ITS;
  PetscCall(HtBatchKMeansMerge(cl, &s, nb, all, &ndiverged));
  PetscCall(HtTensorRestoreSamples(X, NULL, &s));
  if (ndiverged) PetscCall(PetscInfo(cl, "%" PetscInt_FMT " batches or merges reached the iteration limit\n", ndiverged));
  cl->reason = ndiverged ? HT_CLUSTER_DIVERGED_ITS : HtPayloadReason(all, k, s.f);
  PetscCall(HtKMeansSetLabels(cl, X, HT_POINTS_SQEUCLIDEAN, all, HtPayloadIts(all, k, s.f)));
  PetscCall(PetscFree2(mine, all));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterSetFromOptions_BatchKMeans(HtCluster cl, PetscOptionItems *PetscOptionsObject)
{
  HtCluster_BatchKMeans *bk      = (HtCluster_BatchKMeans *)cl->data;
  PetscInt               batches = bk->batches, merge = bk->merge;
  PetscBool              set;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtCluster batchkmeans options");
  PetscCall(PetscOptionsInt("-ht_cluster_batchkmeans_batches", "Number of batches of consecutive samples (-1: one per rank)", "HtClusterBatchKMeansSetBatches", batches, &batches, &set));
  if (set) PetscCall(HtClusterBatchKMeansSetBatches(cl, batches));
  PetscCall(PetscOptionsInt("-ht_cluster_batchkmeans_merge", "Number of center sets merged into one at each level of the merge", "HtClusterBatchKMeansSetMergeFanIn", merge, &merge, &set));
  if (set) PetscCall(HtClusterBatchKMeansSetMergeFanIn(cl, merge));
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ASCII: the batches and the merge; a model file: them as the attributes batchkmeans_batches (-1: one per rank) and batchkmeans_merge */
static PetscErrorCode HtClusterView_BatchKMeans(HtCluster cl, PetscViewer viewer)
{
  HtCluster_BatchKMeans *bk = (HtCluster_BatchKMeans *)cl->data;
  PetscInt               nb;
  PetscBool              ishdf5;

  PetscFunctionBegin;
  PetscCall(HtMLViewerIsModelFile((PetscObject)cl, viewer, &ishdf5));
  if (ishdf5) {
    PetscCall(HtMLModelSaveAttribute(viewer, "batchkmeans_batches", PETSC_INT, &bk->batches));
    PetscCall(HtMLModelSaveAttribute(viewer, "batchkmeans_merge", PETSC_INT, &bk->merge));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtBatchKMeansGetNumBatches(cl, &nb));
  PetscCall(PetscViewerASCIIPrintf(viewer, "batches: %" PetscInt_FMT "%s, merge fan-in: %" PetscInt_FMT "\n", nb, bk->batches == PETSC_DECIDE ? " (one per rank)" : "", bk->merge));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterLoad_BatchKMeans(HtCluster cl, PetscViewer viewer)
{
  PetscInt batches, merge;

  PetscFunctionBegin;
  PetscCall(HtMLModelLoadAttribute((PetscObject)cl, viewer, "batchkmeans_batches", PETSC_INT, &batches));
  PetscCall(HtMLModelLoadAttribute((PetscObject)cl, viewer, "batchkmeans_merge", PETSC_INT, &merge));
  PetscCall(HtClusterBatchKMeansSetBatches(cl, batches));
  PetscCall(HtClusterBatchKMeansSetMergeFanIn(cl, merge));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterBatchKMeansSetBatches_BatchKMeans(HtCluster cl, PetscInt batches)
{
  HtCluster_BatchKMeans *bk = (HtCluster_BatchKMeans *)cl->data;

  PetscFunctionBegin;
  PetscCheck(batches == PETSC_DECIDE || batches >= 1, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "The number of batches must be at least 1 (or PETSC_DECIDE for one per rank), not %" PetscInt_FMT, batches);
  bk->batches = batches;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterBatchKMeansSetMergeFanIn_BatchKMeans(HtCluster cl, PetscInt merge)
{
  HtCluster_BatchKMeans *bk = (HtCluster_BatchKMeans *)cl->data;

  PetscFunctionBegin;
  PetscCheck(merge >= 2, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "The merge fan-in must be at least 2 (center sets merged into one), not %" PetscInt_FMT, merge);
  bk->merge = merge;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterBatchKMeansSetBatches - Sets the number of batches of `HTCLUSTERBATCHKMEANS`.

   Logically Collective

   Input Parameters:
+  cl - the clustering object
-  batches - the number of batches B >= 1, or `PETSC_DECIDE` for one batch per rank (Heat's choice)

   Options Database Key:
.  -ht_cluster_batchkmeans_batches <B> - the number of batches (-1: one per rank)

   Level: intermediate

   Notes:
   The samples are cut into B batches of consecutive samples, each clustered on its own. With a given B the fit
   gives the same model on any number of ranks; with one batch per rank it depends on the number of ranks.
   Every batch needs at least K samples, so B may be at most N / K (checked by `HtClusterFit()`).

   Does nothing for other types.

.seealso: `HTCLUSTERBATCHKMEANS`, `HtClusterBatchKMeansSetMergeFanIn()`
@*/
PetscErrorCode HtClusterBatchKMeansSetBatches(HtCluster cl, PetscInt batches)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidLogicalCollectiveInt(cl, batches, 2);
  PetscTryMethod(cl, "HtClusterBatchKMeansSetBatches_C", (HtCluster, PetscInt), (cl, batches));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterBatchKMeansSetMergeFanIn - Sets how many sets of K centers `HTCLUSTERBATCHKMEANS` merges into one at each
   level of its merge tree.

   Logically Collective

   Input Parameters:
+  cl - the clustering object
-  merge - the fan-in, at least 2 (default 2: a binary tree of log2(B) levels; B: one level, all batches at once)

   Options Database Key:
.  -ht_cluster_batchkmeans_merge <2> - the fan-in

   Level: intermediate

   Note:
   Does nothing for other types.

.seealso: `HTCLUSTERBATCHKMEANS`, `HtClusterBatchKMeansSetBatches()`
@*/
PetscErrorCode HtClusterBatchKMeansSetMergeFanIn(HtCluster cl, PetscInt merge)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidLogicalCollectiveInt(cl, merge, 2);
  PetscTryMethod(cl, "HtClusterBatchKMeansSetMergeFanIn_C", (HtCluster, PetscInt), (cl, merge));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterDestroy_BatchKMeans(HtCluster cl)
{
  PetscFunctionBegin;
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterBatchKMeansSetBatches_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterBatchKMeansSetMergeFanIn_C", NULL));
  PetscCall(PetscFree(cl->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTCLUSTERBATCHKMEANS - "batchkmeans" - batch-parallel k-means (Heat's BatchParallelKMeans), with a result that
   does not depend on the number of ranks once the number of batches is given (the default, one batch per rank,
   is the exception to the library's rule: its labels change with the rank count).

   Method: the N samples are cut into B batches of consecutive samples (PETSc's balanced split of N into B parts),
   each batch is clustered on its own by weighted Lloyd k-means (initialized by -ht_cluster_init with a seed derived
   from -ht_cluster_seed and the batch), and the B sets of K weighted centers (each center weighted by the total
   sample weight of its cluster) are merged level by level: every group of `merge` consecutive sets is clustered by
   weighted k-means into one set, until one remains. Its K centers give the labels and the inertia (the true weighted
   sum of squared distances). Every k-means sub-problem stops as kmeans does. With a given B the labels and centers are
   the same on any number of ranks; with the default (one batch per rank, as Heat does) they depend on it.

   `HtClusterGetIterationNumber()` gives the Lloyd iterations of the final merge (of the single batch when B = 1); the
   converged reason is that of the final merge, or `HT_CLUSTER_DIVERGED_ITS` when any batch or merge reached max_it.
   The monitors are called at each iteration of the final merge, with the weighted inertia of the centers merged.

   Every batch needs at least K samples and a positive total weight. The merge cannot repair a batch whose k-means
   ends in a poor local minimum, so the inertia can exceed that of kmeans by a few percent; batches are consecutive
   samples, so shuffle data sorted by class first.

   Options Database Keys:
+  -ht_cluster_batchkmeans_batches <B> - the number of batches (default: the number of ranks)
.  -ht_cluster_batchkmeans_merge <2> - the fan-in of the merge
.  -ht_cluster_num_clusters <8> - K
.  -ht_cluster_init <kmeans++> - initialization of each batch: random, kmeans++, kmeans|| (user centers are not supported)
.  -ht_cluster_seed <0> - the seed from which the seeds of the batches and merges derive
.  -ht_cluster_tol <1e-4> - tolerance of every sub-problem
-  -ht_cluster_max_it <300> - maximum number of iterations of every sub-problem

   Reference:
.  Heat's BatchParallelKMeans (heat.cluster.batchparallelclustering), M. Goetz et al., HeAT - a distributed and
   GPU-accelerated tensor framework for data analytics, IEEE Big Data 2020.

   Level: intermediate

.seealso: `HtClusterCreate()`, `HtClusterSetType()`, `HTCLUSTERKMEANS`, `HtClusterBatchKMeansSetBatches()`,
          `HtClusterBatchKMeansSetMergeFanIn()`
M*/
PETSC_INTERN PetscErrorCode HtClusterCreate_BatchKMeans(HtCluster cl)
{
  HtCluster_BatchKMeans *bk;

  PetscFunctionBegin;
  PetscCall(PetscNew(&bk));
  bk->batches             = PETSC_DECIDE;
  bk->merge               = 2;
  cl->data                = bk;
  cl->ops->fit            = HtClusterFit_BatchKMeans;
  cl->ops->predict        = HtClusterPredict_KMeans;
  cl->ops->transform      = HtClusterTransform_KMeans;
  cl->ops->setfromoptions = HtClusterSetFromOptions_BatchKMeans;
  cl->ops->view           = HtClusterView_BatchKMeans;
  cl->ops->load           = HtClusterLoad_BatchKMeans;
  cl->ops->destroy        = HtClusterDestroy_BatchKMeans;
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterBatchKMeansSetBatches_C", HtClusterBatchKMeansSetBatches_BatchKMeans));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterBatchKMeansSetMergeFanIn_C", HtClusterBatchKMeansSetMergeFanIn_BatchKMeans));
  PetscFunctionReturn(PETSC_SUCCESS);
}
