/*
   HTPCAINCREMENTAL: each batch of samples, centered on its own mean, is stacked under the current factors
   diag(s) V^T and a row that corrects for the shift of the mean; the right singular vectors of the stack come from the
   R factor of its TSQR (or, for a stack with fewer rows than features, from the stack gathered). A batch costs one
   pass over its rows for its moments, one for the QR, and O(F^2) communication.
*/
#include <heat/private/pcaimpl.h>

typedef struct {
  PetscInt  batch_rows; /* rows of a batch of HtPCAFit(); PETSC_DECIDE: 5 F (scikit-learn's default) */
  PetscReal trace;      /* trace of the scatter matrix of every sample seen */
  PetscInt  batches;
} HtPCA_Incremental;

/*
   the stack of a batch Xb (nb samples of f features, centered on their mean mb) under the current model of n samples:
   rows diag(s) V^T and sqrt(n nb / (n + nb)) (mean - mb), held by the first rank
*/
static PetscErrorCode HtIncrementalStack(HtPCA pca, HtTensor Xb, PetscInt nb, PetscInt f, const PetscScalar mb[], HtTensor *stack)
{
  const HtPCAFactors *F = &pca->factors;
  HtTensor            mbt, Xc, extra, parts[2];
  PetscScalar        *e;
  PetscMPIInt         rank;
  PetscInt            ne = F->kfound + 1;

  PetscFunctionBegin;
  PetscCall(HtTensorCreate(PetscObjectComm((PetscObject)pca), 1, &f, -1, HT_SCALAR, &mbt));
  PetscCall(HtTensorGetArrayWrite(mbt, &e));
  PetscCall(PetscArraycpy(e, mb, f));
  PetscCall(HtTensorRestoreArrayWrite(mbt, &e));
  PetscCall(HtTensorBinary(HT_BINARY_SUBTRACT, Xb, mbt, &Xc));
  PetscCall(HtTensorDestroy(&mbt));
  if (!F->n) {
    *stack = Xc;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtCommGetRank(PetscObjectComm((PetscObject)pca), &rank, NULL));
  PetscCall(HtTensorCreateWithLayout(PetscObjectComm((PetscObject)pca), 2, (PetscInt[]){ne, f}, 0, HT_SCALAR, rank ? 0 : ne, &extra));
  PetscCall(HtTensorGetArrayWrite(extra, &e));
  if (!rank) {
    PetscReal w = PetscSqrtReal((PetscReal)F->n * nb / (F->n + nb));

    for (PetscInt i = 0; i < F->kfound; i++)
      for (PetscInt j = 0; j < f; j++) e[i * f + j] = F->sv[i] * F->vt[i * f + j];
    for (PetscInt j = 0; j < f; j++) e[F->kfound * f + j] = w * (F->mean[j] - mb[j]);
  }
  PetscCall(HtTensorRestoreArrayWrite(extra, &e));
  parts[0] = Xc;
  parts[1] = extra;
  PetscCall(HtTensorConcatenate(2, parts, 0, stack));
  PetscCall(HtTensorDestroy(&Xc));
  PetscCall(HtTensorDestroy(&extra));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the singular values s and right singular vectors vt (min(rows, F) of them) of the distributed stack */
static PetscErrorCode HtIncrementalFactor(HtTensor stack, PetscReal s[], PetscScalar vt[], PetscInt *kk)
{
  HtTensor           R;
  const PetscInt    *shape;
  const PetscScalar *r;
  PetscScalar       *a;

  PetscFunctionBegin;
  PetscCall(HtTensorGetShape(stack, &shape));
  *kk = PetscMin(shape[0], shape[1]);
  if (shape[0] >= shape[1]) PetscCall(HtTensorQR(stack, NULL, &R));
  else PetscCall(HtTensorResplit(stack, -1, &R)); /* fewer rows than features: the stack itself, on every rank */
  PetscCall(PetscMalloc1(*kk * shape[1], &a));
  PetscCall(HtTensorGetArrayRead(R, &r));
  PetscCall(PetscArraycpy(a, r, *kk * shape[1]));
  PetscCall(HtTensorRestoreArrayRead(R, &r));
  PetscCall(HtPCASmallSVD_Private(*kk, shape[1], a, s, vt));
  PetscCall(PetscFree(a));
  PetscCall(HtTensorDestroy(&R));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the monitors after a batch: the variance the kept components explain, and the change of their singular values */
static PetscErrorCode HtIncrementalMonitor(HtPCA pca, PetscInt it, PetscInt kold, const PetscReal sold[])
{
  const HtPCAFactors *F         = &pca->factors;
  PetscReal           explained = 0, change = 1;

  PetscFunctionBegin;
  if (!pca->monitors.n) PetscFunctionReturn(PETSC_SUCCESS);
  if (kold == F->kfound) change = 0;
  for (PetscInt i = 0; i < F->kfound; i++) {
    explained += F->sv[i] * F->sv[i] / (F->n - 1);
    if (kold == F->kfound && F->sv[i] > 0) change = PetscMax(change, PetscAbsReal(F->sv[i] - sold[i]) / F->sv[i]);
  }
  PetscCall(HtPCAMonitor(pca, it, explained, change));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAPartialFit_Incremental(HtPCA pca, HtTensor Xb)
{
  HtPCA_Incremental *inc = (HtPCA_Incremental *)pca->data;
  HtPCAFactors      *F   = &pca->factors;
  const PetscInt    *shape;
  HtTensor           stack;
  PetscScalar       *mb, *mean, *vt;
  PetscReal         *s, *sold, tb, trace;
  PetscInt           nb, f, n, keep, kk = 0, kold = F->kfound, rows;

  PetscFunctionBegin;
  PetscCall(HtTensorGetShape(Xb, &shape));
  nb   = shape[0];
  f    = shape[1];
  n    = F->n + nb;
  keep = pca->ncomp != PETSC_DECIDE ? pca->ncomp : (F->n ? F->kfound : PetscMin(nb, f));
  PetscCheck(keep <= f, PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_OUTOFRANGE, "Cannot find %" PetscInt_FMT " components in data of %" PetscInt_FMT " features", keep, f);
  PetscCheck(pca->ncomp == PETSC_DECIDE || keep <= nb, PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_SIZ, "A batch of %" PetscInt_FMT " samples is too small for %" PetscInt_FMT " components; give batches of at least as many samples as components", nb, keep);
  PetscCheck(n >= 2, PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_SIZ, "Principal component analysis needs at least 2 samples; give a first batch of at least 2");
  rows = PetscMin(nb + kold + 1, f);
  PetscCall(PetscMalloc5(f, &mb, f, &mean, rows * f, &vt, rows, &s, kold + 1, &sold));
  PetscCall(HtTensorColumnMoments(Xb, mb, &tb));
  trace = inc->trace + tb;
  for (PetscInt j = 0; j < f; j++) {
    PetscScalar d = F->n ? mb[j] - F->mean[j] : 0;

    trace += PetscRealPart(d * d) * F->n * nb / n;
    mean[j] = F->n ? F->mean[j] + d * nb / n : mb[j];
  }
  PetscCall(HtIncrementalStack(pca, Xb, nb, f, mb, &stack));
  PetscCall(HtIncrementalFactor(stack, s, vt, &kk));
  PetscCall(HtTensorDestroy(&stack));
  if (kold) PetscCall(PetscArraycpy(sold, F->sv, kold));
  PetscCall(HtPCASetFactors_Private(pca, n, f, PetscMin(keep, kk), trace / (n - 1), s, vt, mean));
  inc->trace = trace;
  inc->batches++;
  pca->its    = inc->batches;
  pca->reason = HT_PCA_CONVERGED_ITS;
  PetscCall(HtIncrementalMonitor(pca, inc->batches, kold, sold));
  PetscCall(PetscFree5(mb, mean, vt, s, sold));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the model of X folded in batches of consecutive rows; a last batch smaller than the components joins the one before */
static PetscErrorCode HtPCAFit_Incremental(HtPCA pca, HtTensor X, PetscInt kwant)
{
  HtPCA_Incremental *inc = (HtPCA_Incremental *)pca->data;
  const PetscInt    *shape;
  PetscInt           rows, start = 0;

  PetscFunctionBegin;
  PetscCall(HtTensorGetShape(X, &shape));
  rows = inc->batch_rows != PETSC_DECIDE ? inc->batch_rows : 5 * shape[1];
  PetscCall(HtPCAFactorsReset_Private(&pca->factors));
  inc->trace   = 0;
  inc->batches = 0;
  while (start < shape[0]) {
    PetscInt end = HtPCABatchEnd(start, shape[0], rows, pca->ncomp);
    HtSlice  sl[2] = {{start, end, 1}, HT_SLICE_ALL};
    HtTensor Xb;

    PetscCall(HtTensorGetSlice(X, 2, sl, &Xb));
    PetscCall(HtPCAPartialFit_Incremental(pca, Xb));
    PetscCall(HtTensorDestroy(&Xb));
    start = end;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAReset_Incremental(HtPCA pca)
{
  HtPCA_Incremental *inc = (HtPCA_Incremental *)pca->data;

  PetscFunctionBegin;
  inc->trace   = 0;
  inc->batches = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a model file keeps the running scatter trace, so that a loaded model can go on folding batches */
static PetscErrorCode HtPCAView_Incremental(HtPCA pca, PetscViewer viewer)
{
  HtPCA_Incremental *inc = (HtPCA_Incremental *)pca->data;
  PetscBool          isascii;

  PetscFunctionBegin;
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERASCII, &isascii));
  if (!isascii) PetscCall(HtMLModelSaveScalar((PetscObject)pca, viewer, "batches", HT_INT, (PetscScalar)inc->batches));
  else if (inc->batch_rows == PETSC_DECIDE) PetscCall(PetscViewerASCIIPrintf(viewer, "batch rows of a fit: 5 x features\n"));
  else PetscCall(PetscViewerASCIIPrintf(viewer, "batch rows of a fit: %" PetscInt_FMT "\n", inc->batch_rows));
  if (isascii && pca->fitted) PetscCall(PetscViewerASCIIPrintf(viewer, "batches folded: %" PetscInt_FMT "\n", inc->batches));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCALoad_Incremental(HtPCA pca, PetscViewer viewer)
{
  HtPCA_Incremental *inc = (HtPCA_Incremental *)pca->data;
  PetscScalar        batches;

  PetscFunctionBegin;
  PetscCall(HtMLModelLoadScalar((PetscObject)pca, viewer, "batches", &batches));
  inc->batches = (PetscInt)PetscRealPart(batches);
  inc->trace   = pca->factors.totalvar * (pca->factors.n - 1);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCASetFromOptions_Incremental(HtPCA pca, PetscOptionItems *PetscOptionsObject)
{
  HtPCA_Incremental *inc = (HtPCA_Incremental *)pca->data;
  PetscInt           rows = inc->batch_rows;
  PetscBool          set;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtPCA incremental options");
  PetscCall(PetscOptionsInt("-ht_pca_incremental_batch_rows", "Samples per batch of HtPCAFit() (-1: 5 x features)", "HtPCAIncrementalSetBatchRows", rows, &rows, &set));
  if (set) PetscCall(HtPCAIncrementalSetBatchRows(pca, rows));
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAIncrementalSetBatchRows_Incremental(HtPCA pca, PetscInt rows)
{
  PetscFunctionBegin;
  ((HtPCA_Incremental *)pca->data)->batch_rows = rows;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAIncrementalSetBatchRows - Sets how many samples each batch of `HtPCAFit()` holds with the incremental type.

   Logically Collective

   Input Parameters:
+  pca - the PCA object
-  rows - samples per batch (at least the number of components), or `PETSC_DECIDE` for 5 times the features
          (scikit-learn's IncrementalPCA default)

   Options Database Key:
.  -ht_pca_incremental_batch_rows <rows> - samples per batch

   Level: intermediate

.seealso: `HTPCAINCREMENTAL`, `HtPCAPartialFit()`, `HtPCAFitFile()`
@*/
PetscErrorCode HtPCAIncrementalSetBatchRows(HtPCA pca, PetscInt rows)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidLogicalCollectiveInt(pca, rows, 2);
  PetscCheck(rows >= 1 || rows == PETSC_DECIDE, PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_OUTOFRANGE, "A batch needs at least 1 sample, not %" PetscInt_FMT, rows);
  PetscTryMethod(pca, "HtPCAIncrementalSetBatchRows_C", (HtPCA, PetscInt), (pca, rows));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCADestroy_Incremental(HtPCA pca)
{
  PetscFunctionBegin;
  PetscCall(PetscObjectComposeFunction((PetscObject)pca, "HtPCAIncrementalSetBatchRows_C", NULL));
  PetscCall(PetscFree(pca->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTPCAINCREMENTAL - "incremental" - principal components folded in batch by batch (incremental PCA).

   Method: the model of the samples seen so far (n samples, their mean, the k leading singular values s and vectors V)
   and a new batch of b samples (mean m_b) give the model of all n + b samples from the SVD of the stack of
   diag(s) V^T, the batch centered on m_b, and sqrt(n b / (n + b)) (mean - m_b); the mean and the total variance are
   updated exactly (Chan et al.). With one batch the result is the exact PCA. `HtPCAPartialFit()` folds a batch given
   by the program, `HtPCAFitFile()` streams a file in batches (data larger than the memory of the machines), and
   `HtPCAFit()` folds the rows of a tensor in batches of -ht_pca_incremental_batch_rows. The number of components is
   the one asked for, or that of the first batch (min(batch samples, features)). The monitor reports each batch.

   Options Database Keys:
+  -ht_pca_n_components <k> - the number of components
.  -ht_pca_incremental_batch_rows <5 F> - samples per batch of HtPCAFit()
-  -ht_pca_monitor - the explained variance after each batch

   References:
+  D. A. Ross, J. Lim, R.-S. Lin and M.-H. Yang, Incremental learning for robust visual tracking, Int. J. Computer
   Vision 77 (2008) 125-141.
-  T. F. Chan, G. H. Golub and R. J. LeVeque, Updating formulae and a pairwise algorithm for computing sample
   variances, Stanford report STAN-CS-79-773 (1979).

   Level: intermediate

.seealso: `HtPCACreate()`, `HtPCASetType()`, `HtPCAPartialFit()`, `HtPCAFitFile()`, `HtPCAIncrementalSetBatchRows()`
M*/
PETSC_INTERN PetscErrorCode HtPCACreate_Incremental(HtPCA pca)
{
  HtPCA_Incremental *inc;

  PetscFunctionBegin;
  PetscCall(PetscNew(&inc));
  inc->batch_rows          = PETSC_DECIDE;
  pca->data                = inc;
  pca->ops->setfromoptions = HtPCASetFromOptions_Incremental;
  pca->ops->fit            = HtPCAFit_Incremental;
  pca->ops->partialfit     = HtPCAPartialFit_Incremental;
  pca->ops->view           = HtPCAView_Incremental;
  pca->ops->load           = HtPCALoad_Incremental;
  pca->ops->reset          = HtPCAReset_Incremental;
  pca->ops->destroy        = HtPCADestroy_Incremental;
  PetscCall(PetscObjectComposeFunction((PetscObject)pca, "HtPCAIncrementalSetBatchRows_C", HtPCAIncrementalSetBatchRows_Incremental));
  PetscFunctionReturn(PETSC_SUCCESS);
}
