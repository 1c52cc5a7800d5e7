/*
   HTPCASVD: SLEPc's SVD of the centered data as a MATSHELL (samples x features) that applies X - 1 mean^T without
   forming it. A product with a vector gathers the F-vector on every rank (a VecScatter to all) and multiplies the
   local rows, centered chunk by chunk in cache; a transposed product adds the ranks' F partials in rank order and
   keeps the rank's part. Each product reads the local rows once and moves O(F) numbers, whatever the number of samples.
*/
#include <heat/private/pcaimpl.h>

typedef struct {
  SVD       svd;
  PetscBool dimsread;       /* ncv and mpd below are the user's (read before the first solve after the options) */
  PetscInt  ncv, mpd;       /* PETSC_DEFAULT: chosen by the fit */
} HtPCA_SVD;

/*
   the context of the shell matrix: the samples, their mean, the scatter of an F-vector to all ranks. When the mean
   is small compared with the spread (|mean| <= 1e3 sqrt(total variance)), the products use X itself and subtract
   the mean's part afterwards, (X - 1 mu^T) v = X v - (mu . v) 1, losing at most 3 digits; data far from the origin
   are centered chunk by chunk as they are read, at the cost of a copy in cache.
*/
typedef struct {
  HtSamples    s;
  PetscBool    center;
  PetscScalar *mean, *work;
  VecScatter   toall;
  Vec          all;
  PetscInt     cstart, cend;
} HtPCAShell;

static PetscErrorCode HtPCAShellMult(Mat A, Vec x, Vec y)
{
  HtPCAShell        *sh;
  const PetscScalar *xa;
  PetscScalar       *ya;

  PetscFunctionBegin;
  PetscCall(MatShellGetContext(A, &sh));
  PetscCall(VecScatterBegin(sh->toall, x, sh->all, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterEnd(sh->toall, x, sh->all, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecGetArrayRead(sh->all, &xa));
  PetscCall(VecGetArrayWrite(y, &ya));
  PetscCall(HtSamplesCenteredProduct(&sh->s, sh->center ? sh->mean : NULL, 1, xa, ya));
  PetscCall(VecRestoreArrayWrite(y, &ya));
  if (!sh->center) {
    PetscScalar dot = 0;

    for (PetscInt j = 0; j < sh->s.f; j++) dot += sh->mean[j] * xa[j];
    PetscCall(VecShift(y, -dot));
  }
  PetscCall(VecRestoreArrayRead(sh->all, &xa));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAShellMultTranspose(Mat A, Vec y, Vec z)
{
  HtPCAShell        *sh;
  const PetscScalar *ya;
  PetscScalar       *za, sum = 0;

  PetscFunctionBegin;
  PetscCall(MatShellGetContext(A, &sh));
  if (!sh->center) PetscCall(VecSum(y, &sum));
  PetscCall(VecGetArrayRead(y, &ya));
  PetscCall(HtSamplesCenteredTransposeProduct(&sh->s, sh->center ? sh->mean : NULL, 1, ya, sh->work));
  PetscCall(VecRestoreArrayRead(y, &ya));
  PetscCall(VecGetArrayWrite(z, &za));
  for (PetscInt j = sh->cstart; j < sh->cend; j++) za[j - sh->cstart] = sh->work[j] - sum * sh->mean[j];
  PetscCall(VecRestoreArrayWrite(z, &za));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAShellDestroy(Mat A)
{
  HtPCAShell *sh;

  PetscFunctionBegin;
  PetscCall(MatShellGetContext(A, &sh));
  PetscCall(VecScatterDestroy(&sh->toall));
  PetscCall(VecDestroy(&sh->all));
  PetscCall(PetscFree2(sh->mean, sh->work));
  PetscCall(PetscFree(sh));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the centered data X - 1 mean^T as a shell matrix on the samples s (which must stay valid while A lives); total is
   the sum of the features' variances
*/
static PetscErrorCode HtPCAShellCreate(const HtSamples *s, const PetscScalar mean[], PetscReal total, Mat *A)
{
  HtPCAShell *sh;
  Vec         col;
  PetscReal   norm2 = 0;

  PetscFunctionBegin;
  PetscCall(PetscNew(&sh));
  sh->s = *s;
  for (PetscInt j = 0; j < s->f; j++) norm2 += PetscRealPart(mean[j] * PetscConj(mean[j]));
  sh->center = (PetscBool)(norm2 > 1e6 * total);
  PetscCall(PetscMalloc2(s->f, &sh->mean, s->f, &sh->work));
  PetscCall(PetscArraycpy(sh->mean, mean, s->f));
  PetscCall(MatCreateShell(s->comm, s->m, PETSC_DECIDE, s->n, s->f, sh, A));
  PetscCall(MatShellSetOperation(*A, MATOP_MULT, (void (*)(void))HtPCAShellMult));
  PetscCall(MatShellSetOperation(*A, MATOP_MULT_TRANSPOSE, (void (*)(void))HtPCAShellMultTranspose));
  PetscCall(MatShellSetOperation(*A, MATOP_DESTROY, (void (*)(void))HtPCAShellDestroy));
  PetscCall(MatCreateVecs(*A, &col, NULL));
  PetscCall(VecGetOwnershipRange(col, &sh->cstart, &sh->cend));
  PetscCall(VecScatterCreateToAll(col, &sh->toall, &sh->all));
  PetscCall(VecDestroy(&col));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the prefix of the SLEPc solver follows the object's: <prefix>ht_pca_svd_... */
static PetscErrorCode HtPCASVDSetPrefix(HtPCA pca)
{
  HtPCA_SVD  *ctx = (HtPCA_SVD *)pca->data;
  const char *prefix;

  PetscFunctionBegin;
  PetscCall(PetscObjectGetOptionsPrefix((PetscObject)pca, &prefix));
  PetscCall(SVDSetOptionsPrefix(ctx->svd, prefix));
  PetscCall(SVDAppendOptionsPrefix(ctx->svd, "ht_pca_"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCASetFromOptions_SVD(HtPCA pca, PetscOptionItems *PetscOptionsObject)
{
  HtPCA_SVD *ctx = (HtPCA_SVD *)pca->data;

  PetscFunctionBegin;
  PetscCall(HtPCASVDSetPrefix(pca));
  PetscCall(SVDSetFromOptions(ctx->svd));
  ctx->dimsread = PETSC_FALSE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the number of triplets to compute and the subspace size: the user's (options or code, read once before the first
   solve, since a solve replaces them with the sizes it chose) if large enough, else max(2 k, k + 30) capped at
   min(N, F): a larger basis than SLEPc's default 2 k saves restarts, each of which costs passes over the data
*/
static PetscErrorCode HtPCASVDSetDimensions(HtPCA_SVD *ctx, PetscInt kwant, PetscInt kmax)
{
  PetscInt nsv, ncv;

  PetscFunctionBegin;
  if (!ctx->dimsread) {
    PetscCall(SVDGetDimensions(ctx->svd, &nsv, &ctx->ncv, &ctx->mpd));
    ctx->dimsread = PETSC_TRUE;
  }
  ncv = ctx->ncv > kwant ? ctx->ncv : PetscMax(2 * kwant, kwant + 30);
  PetscCall(SVDSetDimensions(ctx->svd, kwant, PetscMin(ncv, kmax), ctx->mpd > 0 ? ctx->mpd : PETSC_DEFAULT));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the right singular vectors of the kwant leading triplets, gathered as rows of vt */
static PetscErrorCode HtPCASVDGetTriplets(SVD svd, Mat A, PetscInt kwant, PetscReal sv[], PetscScalar vt[])
{
  HtPCAShell        *sh;
  Vec                v;
  const PetscScalar *va;
  PetscInt           f;

  PetscFunctionBegin;
  PetscCall(MatShellGetContext(A, &sh));
  PetscCall(MatCreateVecs(A, &v, NULL));
  PetscCall(VecGetSize(v, &f));
  for (PetscInt i = 0; i < kwant; i++) {
    PetscCall(SVDGetSingularTriplet(svd, i, &sv[i], NULL, v));
    PetscCall(VecScatterBegin(sh->toall, v, sh->all, INSERT_VALUES, SCATTER_FORWARD));
    PetscCall(VecScatterEnd(sh->toall, v, sh->all, INSERT_VALUES, SCATTER_FORWARD));
    PetscCall(VecGetArrayRead(sh->all, &va));
    PetscCall(PetscArraycpy(vt + i * f, va, f));
    PetscCall(VecRestoreArrayRead(sh->all, &va));
  }
  PetscCall(VecDestroy(&v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the operator SLEPc solves: the shell A itself, or for SLEPc's dense solvers (lapack, scalapack), which read the
   matrix's entries, its explicit dense form, made by F products with unit vectors (F passes over the data: these
   solvers are for small problems, where they give the exact reference); same layouts as A
*/
static PetscErrorCode HtPCASVDOperator(SVD svd, Mat A, Mat *op)
{
  PetscBool dense;

  PetscFunctionBegin;
  PetscCall(PetscObjectTypeCompareAny((PetscObject)svd, &dense, SVDLAPACK, SVDSCALAPACK, ""));
  if (dense) PetscCall(MatComputeOperator(A, MATDENSE, op));
  else {
    PetscCall(PetscObjectReference((PetscObject)A));
    *op = A;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAFit_SVD(HtPCA pca, HtTensor X, PetscInt kwant)
{
  HtPCA_SVD          *ctx = (HtPCA_SVD *)pca->data;
  HtSamples           s;
  Mat                 A, op;
  PetscScalar        *mean, *vt;
  PetscReal          *sv, total;
  PetscInt            nconv, its;
  SVDConvergedReason  reason;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, NULL, &s));
  PetscCall(PetscMalloc3(s.f, &mean, kwant * s.f, &vt, kwant, &sv));
  PetscCall(HtTensorColumnMoments(X, mean, &total));
  total /= s.n - 1;
  PetscCall(HtPCAShellCreate(&s, mean, total, &A));
  PetscCall(HtPCASVDOperator(ctx->svd, A, &op));
  PetscCall(SVDSetOperators(ctx->svd, op, NULL));
  PetscCall(HtPCASVDSetDimensions(ctx, kwant, PetscMin(s.n, s.f)));
  PetscCall(SVDSolve(ctx->svd));
  PetscCall(SVDGetConverged(ctx->svd, &nconv));
  PetscCall(SVDGetConvergedReason(ctx->svd, &reason));
  PetscCall(SVDGetIterationNumber(ctx->svd, &its));
  PetscCheck(nconv >= kwant, PetscObjectComm((PetscObject)pca), PETSC_ERR_NOT_CONVERGED, "The SLEPc SVD solver found %" PetscInt_FMT " of the %" PetscInt_FMT " singular triplets asked for (%s after %" PetscInt_FMT " iterations); raise -ht_pca_svd_max_it or -ht_pca_svd_ncv, or use -ht_pca_type gram", nconv, kwant, SVDConvergedReasons[reason], its);
  PetscCall(HtPCASVDGetTriplets(ctx->svd, A, kwant, sv, vt));
  PetscCall(HtPCASetFactors_Private(pca, s.n, s.f, kwant, total, sv, vt, mean));
  pca->its    = its;
  pca->reason = HT_PCA_CONVERGED_TOL;
  PetscCall(SVDReset(ctx->svd));
  PetscCall(MatDestroy(&op));
  PetscCall(MatDestroy(&A));
  PetscCall(HtTensorRestoreSamples(X, NULL, &s));
  PetscCall(PetscFree3(mean, vt, sv));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAView_SVD(HtPCA pca, PetscViewer viewer)
{
  HtPCA_SVD *ctx = (HtPCA_SVD *)pca->data;
  PetscBool  isascii;

  PetscFunctionBegin;
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERASCII, &isascii));
  if (isascii) { /* the whole solver with -ht_pca_svd_view */
    SVDType   type;
    PetscReal tol;
    PetscInt  maxit;

    PetscCall(SVDGetType(ctx->svd, &type));
    PetscCall(SVDGetTolerances(ctx->svd, &tol, &maxit));
    PetscCall(PetscViewerASCIIPrintf(viewer, "SLEPc SVD solver: %s, tolerance %g (-ht_pca_svd_view shows it all)\n", type, (double)tol));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAGetSVD_SVD(HtPCA pca, SVD *svd)
{
  HtPCA_SVD *ctx = (HtPCA_SVD *)pca->data;

  PetscFunctionBegin;
  PetscCall(HtPCASVDSetPrefix(pca));
  ctx->dimsread = PETSC_FALSE; /* the caller may set the dimensions */
  *svd = ctx->svd;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCADestroy_SVD(HtPCA pca)
{
  HtPCA_SVD *ctx = (HtPCA_SVD *)pca->data;

  PetscFunctionBegin;
  PetscCall(SVDDestroy(&ctx->svd));
  PetscCall(PetscObjectComposeFunction((PetscObject)pca, "HtPCAGetSVD_C", NULL));
  PetscCall(PetscFree(pca->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetSVD - Gets the SLEPc singular value solver of the svd type, to set it up in code.

   Not Collective

   Input Parameter:
.  pca - the PCA object, of type `HTPCASVD`

   Output Parameter:
.  svd - the SLEPc solver, owned by the object; its options have the prefix ht_pca_ (-ht_pca_svd_type, ...)

   Level: intermediate

.seealso: `HTPCASVD`
@*/
PetscErrorCode HtPCAGetSVD(HtPCA pca, SVD *svd)
{
  PetscErrorCode (*get)(HtPCA, SVD *);

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidPointer(svd, 2);
  PetscCall(PetscObjectQueryFunction((PetscObject)pca, "HtPCAGetSVD_C", &get));
  PetscCheck(get, PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_WRONG, "HtPCAGetSVD() needs the svd type (-ht_pca_type svd or HtPCASetType(pca, HTPCASVD)), not %s", ((PetscObject)pca)->type_name ? ((PetscObject)pca)->type_name : "an object without a type");
  PetscCall((*get)(pca, svd));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTPCASVD - "svd" - principal components from SLEPc's partial singular value decomposition of the centered data.

   Method: the leading singular triplets of X - 1 mean^T by any SLEPc SVD solver (default: thick-restart Lanczos,
   `SVDTRLANCZOS`), on an operator that centers the samples as it multiplies them and never copies the data; the
   components are the right singular vectors. Suited to wide data (many features) when few components are wanted:
   the work per iteration is two passes over the data and O(F) communication. The mean and the total variance take
   one more pass.

   Options Database Keys:
+  -ht_pca_n_components <k> - the number of components
.  -ht_pca_variance <fraction> - or the fraction of the variance they explain (found by doubling k)
.  -ht_pca_svd_type <trlanczos> - the SLEPc solver: cross, cyclic, lanczos, trlanczos, randomized, lapack, ...
.  -ht_pca_svd_tol <1e-12> - its tolerance
.  -ht_pca_svd_ncv <max(2 k, k + 30)> - its subspace size
-  -ht_pca_svd_monitor, -ht_pca_svd_converged_reason, -ht_pca_svd_view - and every other SLEPc SVD option

   References:
+  V. Hernandez, J. E. Roman and V. Vidal, SLEPc: a scalable and flexible toolkit for the solution of eigenvalue
   problems, ACM Trans. Math. Software 31 (2005) 351-362.
-  V. Hernandez, J. E. Roman and A. Tomas, A robust and efficient parallel SVD solver based on restarted Lanczos
   bidiagonalization, Electron. Trans. Numer. Anal. 31 (2008) 68-85.

   Level: beginner

.seealso: `HtPCACreate()`, `HtPCASetType()`, `HtPCAGetSVD()`, `HTPCAGRAM`
M*/
PETSC_INTERN PetscErrorCode HtPCACreate_SVD(HtPCA pca)
{
  HtPCA_SVD *ctx;

  PetscFunctionBegin;
  PetscCall(PetscNew(&ctx));
  pca->data = ctx;
  PetscCall(SVDCreate(PetscObjectComm((PetscObject)pca), &ctx->svd));
  PetscCall(PetscObjectIncrementTabLevel((PetscObject)ctx->svd, (PetscObject)pca, 1));
  PetscCall(SVDSetType(ctx->svd, SVDTRLANCZOS));
  ctx->ncv = ctx->mpd = PETSC_DEFAULT;
  PetscCall(SVDSetTolerances(ctx->svd, 1e-12, PETSC_DEFAULT));
  PetscCall(SVDSetWhichSingularTriplets(ctx->svd, SVD_LARGEST));
  PetscCall(HtPCASVDSetPrefix(pca));
  pca->ops->setfromoptions = HtPCASetFromOptions_SVD;
  pca->ops->fit            = HtPCAFit_SVD;
  pca->ops->view           = HtPCAView_SVD;
  pca->ops->destroy        = HtPCADestroy_SVD;
  PetscCall(PetscObjectComposeFunction((PetscObject)pca, "HtPCAGetSVD_C", HtPCAGetSVD_SVD));
  PetscFunctionReturn(PETSC_SUCCESS);
}
