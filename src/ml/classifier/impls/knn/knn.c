/*
   HTCLASSIFIERKNN: k nearest neighbours. The model is the training set itself, kept distributed as packed rows
   (features, class index, global index). To predict, the ranks' blocks of training rows travel around a ring
   (HtSamplesRingVisit()); each visiting block is cut into tiles of HT_KNN_TILE points for the back end's distance
   kernel (HtPoints: the expansion |x|^2 + |y|^2 - 2 x.y, GEMM-like), which measures chunks of HT_POINTS_CHUNK local
   queries against them; the points that may be among a query's k nearest within the expansion's rounding get their
   exact distance (HT_POINTS_SQEUCLIDEAN_EXACT, summed in feature order, so that ties and the order of the neighbours do
   not depend on the number of ranks or on the rounding of the expansion), and every query
   keeps its k best in an HtTopList (ties to the lower training index). No rank holds the whole training set, and no
   queries x training matrix is formed.
*/
#include <heat/private/classifierimpl.h>
#include <heat/private/heatimpl.h>

#define HT_KNN_TILE 256 /* training points per call of the distance kernel */

typedef struct {
  PetscInt               k;
  HtClassifierKNNWeights weights;
  HtTensor               train; /* N x (F + 2), split 0: the training samples, their class index and global index */
  /* during a prediction */
  HtSamples    q;
  HtTopList   *lists; /* per local query: keys -(squared distance), indices (global index) C + class */
  HtPoints     P;
  PetscScalar *d;
  PetscReal   *xnorm, *ynorm; /* squared norms of the local queries; slack (HtKNNVisit()) times those of the points of a tile */
} HtClassifier_KNN;

static PetscErrorCode HtClassifierFit_KNN(HtClassifier cl, HtTensor X, const PetscInt yc[])
{
  HtClassifier_KNN *knn = (HtClassifier_KNN *)cl->data;
  PetscInt          F = cl->nfeatures, N = cl->nsamples, ld = F + 2;
  HtSamples         s;
  PetscScalar      *t;

  PetscFunctionBegin;
  PetscCheck(knn->k <= N, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "n_neighbors = %" PetscInt_FMT " is more than the %" PetscInt_FMT " training samples; use -ht_classifier_knn_n_neighbors %" PetscInt_FMT " or fewer", knn->k, N, N);
  PetscCheck(N <= PETSC_MAX_INT / cl->nclasses, PetscObjectComm((PetscObject)cl), PETSC_ERR_SUP, "%" PetscInt_FMT " training samples of %" PetscInt_FMT " classes are too many for the integers of this PETSc build; configure PETSc with 64-bit indices", N, cl->nclasses);
  PetscCall(HtTensorDestroy(&knn->train));
  PetscCall(HtTensorGetSamples(X, NULL, &s));
  PetscCall(HtTensorCreateWithLayout(s.comm, 2, (PetscInt[]){N, ld}, 0, HT_SCALAR, s.m, &knn->train));
  PetscCall(HtTensorGetArrayWrite(knn->train, &t));
  for (PetscInt i = 0; i < s.m; i++) {
    PetscCall(PetscArraycpy(t + i * ld, s.x + i * F, F));
    t[i * ld + F]     = (PetscReal)yc[i];
    t[i * ld + F + 1] = (PetscReal)(s.rstart + i);
  }
  PetscCall(HtTensorRestoreArrayWrite(knn->train, &t));
  PetscCall(HtTensorRestoreSamples(X, NULL, &s));
  cl->reason = HT_CLASSIFIER_CONVERGED_DIRECT;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the first training point p >= p0 of a tile (nt points) that may enter a query's list: its squared distance by the
   expansion |x|^2 + |y|^2 - 2 x.y, d[p], has an error below slack (|x|^2 + |y|^2) (slack: 64 eps (f + 2), a wide
   margin over the error of its f products and few sums), so a point with d[p] - slack |y|^2 beyond lim (the list's
   k-th distance plus slack |x|^2; +inf while the list is not full) cannot enter; nt when none. The points are tested
   eight at a time without a branch (most tiles hold no candidate once the lists are full).
*/
static inline PetscInt HtKNNNextCandidate(PetscInt p0, PetscInt nt, const PetscScalar d[], const PetscReal sy[], PetscReal lim)
{
  PetscInt p = p0;

  for (; p + 8 <= nt; p += 8) {
    int any = 0;

    for (int l = 0; l < 8; l++) any |= PetscRealPart(d[p + l]) - sy[p + l] <= lim;
    if (any) break;
  }
  for (; p < nt; p++)
    if (PetscRealPart(d[p]) - sy[p] <= lim) return p;
  return nt;
}

/* the bound lim of HtKNNNextCandidate() for a query's list t, sx = slack |x|^2 */
static inline PetscReal HtKNNLimit(const HtTopList *t, PetscReal sx)
{
  return t->n < t->cap ? HUGE_VAL : sx - t->key[t->n - 1]; /* not PETSC_INFINITY, a finite number */
}

/*
   a block of m packed training rows visits: every tile of it is measured against every chunk of local queries by the
   back end's expansion kernel (GEMM-like), and the few points that may enter a query's list get their exact distance
   (summed in feature order: ties and order do not depend on the number of ranks)
*/
static PetscErrorCode HtKNNVisit(void *ctx, PetscInt m, const PetscScalar *rows)
{
  HtClassifier      cl  = (HtClassifier)ctx;
  HtClassifier_KNN *knn = (HtClassifier_KNN *)cl->data;
  PetscInt          F = cl->nfeatures, ld = F + 2, C = cl->nclasses;
  PetscReal         slack = 64 * PETSC_MACHINE_EPSILON * (F + 2);

  PetscFunctionBegin;
  for (PetscInt t0 = 0; t0 < m; t0 += HT_KNN_TILE) {
    PetscInt nt = PetscMin(HT_KNN_TILE, m - t0);

    PetscCall(HtPointsSet(knn->P, nt, rows + t0 * ld, ld));
    PetscCall(HtSamplesRowNorms(&knn->q, nt, rows + t0 * ld, ld, knn->ynorm));
    for (PetscInt p = 0; p < nt; p++) knn->ynorm[p] *= slack;
    for (PetscInt i0 = 0; i0 < knn->q.m; i0 += HT_POINTS_CHUNK) {
      PetscInt mc = PetscMin(HT_POINTS_CHUNK, knn->q.m - i0);

      PetscCall(HtPointsDistances(knn->P, HT_POINTS_SQEUCLIDEAN, 0, mc, knn->q.x + i0 * F, knn->d, HT_KNN_TILE));
      for (PetscInt i = 0; i < mc; i++) {
        HtTopList         *t  = &knn->lists[i0 + i];
        const PetscScalar *x  = knn->q.x + (i0 + i) * F, *di = knn->d + i * HT_KNN_TILE;
        PetscReal          sx = slack * knn->xnorm[i0 + i];

        for (PetscInt p = HtKNNNextCandidate(0, nt, di, knn->ynorm, HtKNNLimit(t, sx)); p < nt; p = HtKNNNextCandidate(p + 1, nt, di, knn->ynorm, HtKNNLimit(t, sx))) {
          const PetscScalar *r = rows + (t0 + p) * ld;
          PetscReal          d;

          PetscCall(HtPointsDistance(knn->P, HT_POINTS_SQEUCLIDEAN_EXACT, p, x, &d));
          HtTopListPush(t, -d, (PetscInt)PetscRealPart(r[F + 1]) * C + (PetscInt)PetscRealPart(r[F]));
        }
      }
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierScores_KNN(HtClassifier cl, HtTensor X, PetscBool proba, PetscScalar S[])
{
  HtClassifier_KNN *knn = (HtClassifier_KNN *)cl->data;
  HtSamples         ts;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, NULL, &knn->q));
  PetscCall(HtTopListsCreate(PetscMax(knn->q.m, 1), knn->k, &knn->lists)); /* a rank may hold no query */
  PetscCall(HtPointsCreate(knn->q.backend, HT_KNN_TILE, cl->nfeatures, &knn->P));
  PetscCall(PetscMalloc3(HT_POINTS_CHUNK * HT_KNN_TILE, &knn->d, knn->q.m, &knn->xnorm, HT_KNN_TILE, &knn->ynorm));
  PetscCall(HtSamplesRowNorms(&knn->q, knn->q.m, knn->q.x, cl->nfeatures, knn->xnorm));
  PetscCall(HtTensorGetSamples(knn->train, NULL, &ts));
  PetscCall(HtSamplesRingVisit(&ts, cl->nfeatures + 2, ts.x, HtKNNVisit, cl));
  PetscCall(HtTensorRestoreSamples(knn->train, NULL, &ts));
  PetscCall(HtSamplesVote(&knn->q, knn->lists, cl->nclasses, (PetscBool)(knn->weights == HT_CLASSIFIER_KNN_DISTANCE), proba, S));
  PetscCall(PetscFree3(knn->d, knn->xnorm, knn->ynorm));
  PetscCall(HtPointsDestroy(&knn->P));
  PetscCall(HtTopListsDestroy(&knn->lists));
  PetscCall(HtTensorRestoreSamples(X, NULL, &knn->q));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierView_KNN(HtClassifier cl, PetscViewer viewer)
{
  HtClassifier_KNN *knn = (HtClassifier_KNN *)cl->data;
  PetscBool         isascii;

  PetscFunctionBegin;
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERASCII, &isascii));
  if (isascii) {
    PetscCall(PetscViewerASCIIPrintf(viewer, "n_neighbors: %" PetscInt_FMT ", weights: %s\n", knn->k, HtClassifierKNNWeightsTypes[knn->weights]));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtTensorSetName(knn->train, "training_set"));
  PetscCall(HtMLModelSaveTensor(viewer, knn->train, "training_set"));
  PetscCall(HtMLModelSaveScalar((PetscObject)cl, viewer, "n_neighbors", HT_INT, (PetscScalar)knn->k));
  PetscCall(HtMLModelSaveScalar((PetscObject)cl, viewer, "weights", HT_INT, (PetscScalar)knn->weights));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the training set comes back distributed (split 0, balanced): its rows keep their global index column */
static PetscErrorCode HtClassifierLoad_KNN(HtClassifier cl, PetscViewer viewer)
{
  HtClassifier_KNN *knn = (HtClassifier_KNN *)cl->data;
  PetscScalar       k, w;
  const PetscInt   *shape;

  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&knn->train));
  PetscCall(HtTensorLoad_HDF5(PetscObjectComm((PetscObject)cl), viewer, "training_set", 0, &knn->train));
  PetscCall(HtTensorGetShape(knn->train, &shape));
  PetscCheck(shape[0] == cl->nsamples && shape[1] == cl->nfeatures + 2, PetscObjectComm((PetscObject)cl), PETSC_ERR_FILE_UNEXPECTED, "The model's training set is %" PetscInt_FMT " x %" PetscInt_FMT ", not %" PetscInt_FMT " x %" PetscInt_FMT ": not a knn model", shape[0], shape[1], cl->nsamples, cl->nfeatures + 2);
  PetscCall(HtMLModelLoadScalar((PetscObject)cl, viewer, "n_neighbors", &k));
  PetscCall(HtMLModelLoadScalar((PetscObject)cl, viewer, "weights", &w));
  PetscCall(HtClassifierKNNSetNumNeighbors(cl, (PetscInt)PetscRealPart(k)));
  PetscCall(HtClassifierKNNSetWeights(cl, (HtClassifierKNNWeights)(PetscInt)PetscRealPart(w)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierSetFromOptions_KNN(HtClassifier cl, PetscOptionItems *PetscOptionsObject)
{
  HtClassifier_KNN      *knn = (HtClassifier_KNN *)cl->data;
  PetscInt               k   = knn->k;
  HtClassifierKNNWeights w   = knn->weights;
  PetscBool              set;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtClassifier knn options");
  PetscCall(PetscOptionsInt("-ht_classifier_knn_n_neighbors", "Number of neighbours that vote", "HtClassifierKNNSetNumNeighbors", k, &k, &set));
  if (set) PetscCall(HtClassifierKNNSetNumNeighbors(cl, k));
  PetscCall(HeatOptionsEnum(PetscOptionsObject, "-ht_classifier_knn_weights", "Weight of a neighbour's vote", "HtClassifierKNNSetWeights", HtClassifierKNNWeightsTypes, (PetscEnum)w, (PetscEnum *)&w, &set, NULL));
  if (set) PetscCall(HtClassifierKNNSetWeights(cl, w));
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierReset_KNN(HtClassifier cl)
{
  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&((HtClassifier_KNN *)cl->data)->train));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierDestroy_KNN(HtClassifier cl)
{
  PetscFunctionBegin;
  PetscCall(HtClassifierReset_KNN(cl));
  PetscCall(PetscFree(cl->data));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierKNNSetNumNeighbors_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierKNNGetNumNeighbors_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierKNNSetWeights_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierKNNGetWeights_C", NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierKNNSetNumNeighbors_KNN(HtClassifier cl, PetscInt k)
{
  PetscFunctionBegin;
  PetscCheck(k >= 1, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "n_neighbors must be at least 1, not %" PetscInt_FMT, k);
  ((HtClassifier_KNN *)cl->data)->k = k;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierKNNGetNumNeighbors_KNN(HtClassifier cl, PetscInt *k)
{
  PetscFunctionBegin;
  *k = ((HtClassifier_KNN *)cl->data)->k;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierKNNSetWeights_KNN(HtClassifier cl, HtClassifierKNNWeights w)
{
  PetscFunctionBegin;
  PetscCheck(w == HT_CLASSIFIER_KNN_UNIFORM || w == HT_CLASSIFIER_KNN_DISTANCE, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "Unknown weights %d; use uniform or distance", (int)w);
  ((HtClassifier_KNN *)cl->data)->weights = w;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClassifierKNNGetWeights_KNN(HtClassifier cl, HtClassifierKNNWeights *w)
{
  PetscFunctionBegin;
  *w = ((HtClassifier_KNN *)cl->data)->weights;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierKNNSetNumNeighbors - Sets the number of neighbours that vote (scikit-learn's n_neighbors).

   Logically Collective

   Input Parameters:
+  cl - the classifier object
-  k - the number, at least 1 and at most the number of training samples (default 5)

   Options Database Key:
.  -ht_classifier_knn_n_neighbors <5> - the number

   Level: beginner

.seealso: `HTCLASSIFIERKNN`, `HtClassifierKNNSetWeights()`
@*/
PetscErrorCode HtClassifierKNNSetNumNeighbors(HtClassifier cl, PetscInt k)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidLogicalCollectiveInt(cl, k, 2);
  PetscTryMethod(cl, "HtClassifierKNNSetNumNeighbors_C", (HtClassifier, PetscInt), (cl, k));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierKNNGetNumNeighbors - Gets the number of neighbours that vote.

   Not Collective

   Input Parameter:
.  cl - the classifier object, of type `HTCLASSIFIERKNN`

   Output Parameter:
.  k - the number

   Level: beginner

.seealso: `HtClassifierKNNSetNumNeighbors()`
@*/
PetscErrorCode HtClassifierKNNGetNumNeighbors(HtClassifier cl, PetscInt *k)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidIntPointer(k, 2);
  PetscUseMethod(cl, "HtClassifierKNNGetNumNeighbors_C", (HtClassifier, PetscInt *), (cl, k));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierKNNSetWeights - Sets how the neighbours vote (scikit-learn's weights).

   Logically Collective

   Input Parameters:
+  cl - the classifier object
-  weights - `HT_CLASSIFIER_KNN_UNIFORM` (default) or `HT_CLASSIFIER_KNN_DISTANCE`

   Options Database Key:
.  -ht_classifier_knn_weights <uniform> - uniform or distance

   Level: beginner

.seealso: `HTCLASSIFIERKNN`, `HtClassifierKNNWeights`
@*/
PetscErrorCode HtClassifierKNNSetWeights(HtClassifier cl, HtClassifierKNNWeights weights)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidLogicalCollectiveEnum(cl, weights, 2);
  PetscTryMethod(cl, "HtClassifierKNNSetWeights_C", (HtClassifier, HtClassifierKNNWeights), (cl, weights));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClassifierKNNGetWeights - Gets how the neighbours vote.

   Not Collective

   Input Parameter:
.  cl - the classifier object, of type `HTCLASSIFIERKNN`

   Output Parameter:
.  weights - the weights

   Level: beginner

.seealso: `HtClassifierKNNSetWeights()`
@*/
PetscErrorCode HtClassifierKNNGetWeights(HtClassifier cl, HtClassifierKNNWeights *weights)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLASSIFIER_CLASSID, 1);
  PetscValidPointer(weights, 2);
  PetscUseMethod(cl, "HtClassifierKNNGetWeights_C", (HtClassifier, HtClassifierKNNWeights *), (cl, weights));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTCLASSIFIERKNN - "knn" - k nearest neighbours classification (the default type).

   Method: a sample's label is the majority among the labels of its k nearest training samples (Euclidean distance);
   with distance weights each neighbour votes 1/distance, and a sample at distance 0 from training samples takes the
   votes of those alone. Equal distances go to the lower training index, equal votes to the smallest class, as
   scikit-learn's KNeighborsClassifier; the probabilities are the fractions of the votes. The training set stays
   distributed: the ranks' blocks of it travel around a ring past every rank's queries, and the distances (exact:
   summed in feature order) are computed by the back end's kernels in tiles.

   Options Database Keys:
+  -ht_classifier_knn_n_neighbors <5> - the number of neighbours
-  -ht_classifier_knn_weights <uniform> - uniform or distance

   Reference:
.  T. M. Cover and P. E. Hart, Nearest neighbor pattern classification, IEEE Transactions on Information Theory 13
   (1967) 21-27.

   Level: beginner

.seealso: `HtClassifierCreate()`, `HtClassifierSetType()`, `HTCLASSIFIERGAUSSIANNB`, `HTCLASSIFIERLOGISTIC`
M*/
PETSC_INTERN PetscErrorCode HtClassifierCreate_KNN(HtClassifier cl)
{
  HtClassifier_KNN *knn;

  PetscFunctionBegin;
  PetscCall(PetscNew(&knn));
  knn->k                  = 5;
  knn->weights            = HT_CLASSIFIER_KNN_UNIFORM;
  cl->data                = knn;
  cl->ops->fit            = HtClassifierFit_KNN;
  cl->ops->scores         = HtClassifierScores_KNN;
  cl->ops->view           = HtClassifierView_KNN;
  cl->ops->load           = HtClassifierLoad_KNN;
  cl->ops->setfromoptions = HtClassifierSetFromOptions_KNN;
  cl->ops->reset          = HtClassifierReset_KNN;
  cl->ops->destroy        = HtClassifierDestroy_KNN;
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierKNNSetNumNeighbors_C", HtClassifierKNNSetNumNeighbors_KNN));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierKNNGetNumNeighbors_C", HtClassifierKNNGetNumNeighbors_KNN));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierKNNSetWeights_C", HtClassifierKNNSetWeights_KNN));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClassifierKNNGetWeights_C", HtClassifierKNNGetWeights_KNN));
  PetscFunctionReturn(PETSC_SUCCESS);
}
