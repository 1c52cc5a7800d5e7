/*
   HTDMDSTREAMING: one orthonormal basis Q (n x q) of the snapshots seen (Gram-Schmidt with one reorthogonalization
   per snapshot), the coordinates z_k = Q^T x_k of the last snapshot, and the triangular factor R (2q x 2q) of the
   rows [z_k^T z_{k+1}^T] of all pairs of consecutive snapshots: R^T R is the Gram matrix of the pairs, so that
   X0 = Q R[:, :q]^T Z^T and Y = Q R[:, q:]^T Z^T for the orthonormal Z of their QR (never formed). A snapshot costs
   two products with Q (O(n q) and one reduction of q values each) and O(q^3) work on every rank; memory is Q, one
   copy of the first snapshot (for the amplitudes) and O(q^2), whatever the number of snapshots. When q exceeds the
   maximum rank, the basis is compressed to the leading left singular vectors of [R[:, :q]^T R[:, q:]^T] (the POD of
   the snapshots), as Hemati et al. compress theirs.
*/
#include <heat/private/dmdimpl.h>

/* columns of the basis when neither -ht_dmd_max_rank nor -ht_dmd_rank is given */
#define HT_DMD_STREAMING_MAX_RANK 32
/* a part outside the basis smaller than this times the snapshot is rounding: normalized, it would not be orthogonal */
#define HT_DMD_STREAMING_GROW_MIN 1e-12

typedef struct {
  PetscInt     maxrank; /* PETSC_DECIDE: the rank if set, else HT_DMD_STREAMING_MAX_RANK */
  HtTensor     Q, x0;   /* the basis (n x q), a copy of the first snapshot (n x 1) */
  PetscInt     q;
  PetscScalar *R;     /* 2q x 2q, column-major */
  PetscScalar *zprev; /* q coordinates of the last snapshot */
} HtDMD_Streaming;

/* z (q + 1 values, allocated, the last 0) = Q^T x, and e = x - Q Q^T x, by classical Gram-Schmidt done twice */
static PetscErrorCode HtStreamingProject(HtDMD_Streaming *st, HtTensor x, PetscScalar **z, HtTensor *e)
{
  PetscFunctionBegin;
  PetscCall(PetscCalloc1(st->q + 1, z));
  PetscCall(HtTensorDuplicate(x, e));
  PetscCall(HtTensorCopy(x, *e));
  for (PetscInt pass = 0; pass < 2 && st->q; pass++) {
    HtTensor           c, Qc;
    const PetscScalar *cv;

    PetscCall(HtTensorTransposeMatMul(st->Q, *e, &c));
    PetscCall(HtTensorMatMul(st->Q, c, &Qc));
    PetscCall(HtTensorAXPY(*e, -1, Qc));
    PetscCall(HtTensorGetArrayRead(c, &cv));
    for (PetscInt i = 0; i < st->q; i++) (*z)[i] += cv[i];
    PetscCall(HtTensorRestoreArrayRead(c, &cv));
    PetscCall(HtTensorDestroy(&Qc));
    PetscCall(HtTensorDestroy(&c));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the basis gains the direction e (norm enorm): earlier snapshots have coordinate 0 along it */
static PetscErrorCode HtStreamingGrow(HtDMD_Streaming *st, HtTensor e, PetscReal enorm)
{
  const PetscInt q = st->q, p = 2 * q, pn = p + 2;
  PetscScalar   *Rn, *zn;

  PetscFunctionBegin;
  PetscCall(HtTensorBinaryScalarInPlace(HT_BINARY_DIVIDE, e, enorm));
  if (st->Q) {
    HtTensor parts[2] = {st->Q, e}, Qn;

    PetscCall(HtTensorConcatenate(2, parts, 1, &Qn));
    PetscCall(HtTensorDestroy(&st->Q));
    st->Q = Qn;
  } else {
    PetscCall(PetscObjectReference((PetscObject)e));
    st->Q = e;
  }
  PetscCall(PetscCalloc2(pn * pn, &Rn, q + 1, &zn));
  for (PetscInt c = 0; c < p; c++)
    for (PetscInt i = 0; i < p; i++) Rn[i + pn * (c < q ? c : c + 1)] = st->R[i + p * c];
  if (st->zprev) PetscCall(PetscArraycpy(zn, st->zprev, q));
  PetscCall(PetscFree2(st->R, st->zprev));
  st->R     = Rn;
  st->zprev = zn;
  st->q++;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the pair (last snapshot, z) joins the factor: R = triangular factor of [R; zprev^T z^T] */
static PetscErrorCode HtStreamingAddPair(HtDMD_Streaming *st, const PetscScalar z[])
{
  const PetscInt q = st->q, p = 2 * q;
  PetscScalar   *S;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1((p + 1) * p, &S));
  for (PetscInt j = 0; j < p; j++) {
    for (PetscInt i = 0; i < p; i++) S[i + (p + 1) * j] = st->R[i + p * j];
    S[p + (p + 1) * j] = j < q ? st->zprev[j] : z[j - q];
  }
  PetscCall(HtDMDSmallQR_Private(p + 1, p, S, st->R));
  PetscCall(PetscFree(S));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* C0 = R[:, :q]^T and C1 = R[:, q:]^T (q x 2q, column-major, allocated) */
static PetscErrorCode HtStreamingCoordinates(HtDMD_Streaming *st, PetscScalar **C0, PetscScalar **C1)
{
  const PetscInt q = st->q, p = 2 * q;

  PetscFunctionBegin;
  PetscCall(PetscMalloc2(q * p, C0, q * p, C1));
  for (PetscInt i = 0; i < q; i++)
    for (PetscInt j = 0; j < p; j++) {
      (*C0)[i + q * j] = st->R[j + p * i];
      (*C1)[i + q * j] = st->R[j + p * (q + i)];
    }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the basis becomes Q P for the keep leading left singular vectors P of [C0 C1], the coordinates P^T (.) */
static PetscErrorCode HtStreamingCompress(HtDMD dmd, HtDMD_Streaming *st, PetscInt keep)
{
  const PetscInt q = st->q, p = 2 * q;
  PetscScalar   *C0, *C1, *W, *U, *VT, *Rn, *zn, *pt;
  PetscReal     *s;
  HtTensor       Pt, Qn;

  PetscFunctionBegin;
  PetscCall(PetscInfo(dmd, "Compressing the basis from %" PetscInt_FMT " to %" PetscInt_FMT " columns\n", q, keep));
  PetscCall(HtStreamingCoordinates(st, &C0, &C1));
  PetscCall(PetscMalloc6(2 * q * p, &W, q * q, &U, q * 2 * p, &VT, q, &s, p * 2 * keep, &Rn, keep, &zn));
  PetscCall(PetscArraycpy(W, C0, q * p));
  PetscCall(PetscArraycpy(W + q * p, C1, q * p));
  PetscCall(HtDMDSmallSVD_Private(q, 2 * p, W, s, U, VT));
  PetscCall(HtDMDGemm_Private("N", "N", p, keep, q, st->R, p, U, q, Rn));
  PetscCall(HtDMDGemm_Private("N", "N", p, keep, q, st->R + p * q, p, U, q, Rn + p * keep));
  PetscCall(HtDMDGemm_Private("T", "N", keep, 1, q, U, q, st->zprev, q, zn));
  PetscCall(HtTensorCreate(PetscObjectComm((PetscObject)dmd), 2, (PetscInt[]){q, keep}, -1, HT_SCALAR, &Pt));
  PetscCall(HtTensorGetArrayWrite(Pt, &pt));
  for (PetscInt i = 0; i < q; i++)
    for (PetscInt j = 0; j < keep; j++) pt[i * keep + j] = U[i + q * j];
  PetscCall(HtTensorRestoreArrayWrite(Pt, &pt));
  PetscCall(HtTensorMatMul(st->Q, Pt, &Qn));
  PetscCall(HtTensorDestroy(&Pt));
  PetscCall(HtTensorDestroy(&st->Q));
  st->Q = Qn;
  PetscCall(PetscFree2(st->R, st->zprev));
  PetscCall(PetscMalloc2(4 * keep * keep, &st->R, keep, &st->zprev));
  PetscCall(HtDMDSmallQR_Private(p, 2 * keep, Rn, st->R));
  PetscCall(PetscArraycpy(st->zprev, zn, keep));
  st->q = keep;
  PetscCall(PetscFree6(W, U, VT, s, Rn, zn));
  PetscCall(PetscFree2(C0, C1));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the model of the snapshots so far, and the monitors */
static PetscErrorCode HtStreamingModel(HtDMD dmd, HtDMD_Streaming *st)
{
  PetscScalar       *C0, *C1;
  const PetscScalar *e;
  PetscReal          leading;

  PetscFunctionBegin;
  PetscCall(HtStreamingCoordinates(st, &C0, &C1));
  PetscCall(HtDMDSetFactors_Private(dmd, st->Q, st->x0, st->q, 2 * st->q, C0, C1));
  PetscCall(PetscFree2(C0, C1));
  dmd->reason = HT_DMD_CONVERGED_SNAPSHOTS;
  PetscCall(HtTensorGetArrayRead(dmd->eig, &e));
  leading = PetscSqrtReal(PetscRealPart(e[0] * e[0] + e[1] * e[1]));
  PetscCall(HtTensorRestoreArrayRead(dmd->eig, &e));
  PetscCall(HtDMDMonitor(dmd, dmd->nsnap, dmd->r, leading));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtDMDPartialFit_Streaming(HtDMD dmd, HtTensor x)
{
  HtDMD_Streaming *st = (HtDMD_Streaming *)dmd->data;
  PetscInt         maxrank = st->maxrank != PETSC_DECIDE ? st->maxrank : (dmd->rank > 0 ? dmd->rank : HT_DMD_STREAMING_MAX_RANK);
  PetscScalar     *z;
  PetscReal        xnorm, enorm;
  HtTensor         e;

  PetscFunctionBegin;
  if (!dmd->nsnap) {
    const PetscInt *shape;

    PetscCall(HtTensorGetShape(x, &shape));
    dmd->n = shape[0];
    PetscCall(HtTensorDuplicate(x, &st->x0));
    PetscCall(HtTensorCopy(x, st->x0));
  }
  PetscCall(HtStreamingProject(st, x, &z, &e));
  PetscCall(HtTensorMatrixNorm(x, NORM_FROBENIUS, &xnorm));
  PetscCall(HtTensorMatrixNorm(e, NORM_FROBENIUS, &enorm));
  if (enorm > PetscMax(dmd->tol, HT_DMD_STREAMING_GROW_MIN) * xnorm) {
    PetscCall(HtStreamingGrow(st, e, enorm));
    z[st->q - 1] = enorm;
  }
  PetscCall(HtTensorDestroy(&e));
  if (dmd->nsnap) PetscCall(HtStreamingAddPair(st, z));
  PetscCall(PetscArraycpy(st->zprev, z, st->q));
  PetscCall(PetscFree(z));
  dmd->nsnap++;
  if (st->q > maxrank) PetscCall(HtStreamingCompress(dmd, st, maxrank));
  if (dmd->nsnap >= 2) PetscCall(HtStreamingModel(dmd, st));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the columns of X in order */
static PetscErrorCode HtDMDFit_Streaming(HtDMD dmd, HtTensor X)
{
  const PetscInt *shape;

  PetscFunctionBegin;
  PetscCall(HtTensorGetShape(X, &shape));
  for (PetscInt k = 0; k < shape[1]; k++) {
    HtSlice  col[2] = {HT_SLICE_ALL, {k, k + 1, 1}};
    HtTensor x;

    PetscCall(HtTensorGetSlice(X, 2, col, &x));
    PetscCall(HtDMDPartialFit_Streaming(dmd, x));
    PetscCall(HtTensorDestroy(&x));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtDMDReset_Streaming(HtDMD dmd)
{
  HtDMD_Streaming *st = (HtDMD_Streaming *)dmd->data;

  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&st->Q));
  PetscCall(HtTensorDestroy(&st->x0));
  PetscCall(PetscFree2(st->R, st->zprev));
  st->q = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtDMDView_Streaming(HtDMD dmd, PetscViewer viewer)
{
  HtDMD_Streaming *st = (HtDMD_Streaming *)dmd->data;

  PetscFunctionBegin;
  if (st->maxrank == PETSC_DECIDE) PetscCall(PetscViewerASCIIPrintf(viewer, "basis: at most %s columns", dmd->rank > 0 ? "rank" : "32"));
  else PetscCall(PetscViewerASCIIPrintf(viewer, "basis: at most %" PetscInt_FMT " columns", st->maxrank));
  PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_FALSE));
  PetscCall(PetscViewerASCIIPrintf(viewer, ", %" PetscInt_FMT " now\n", st->q));
  PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_TRUE));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtDMDSetFromOptions_Streaming(HtDMD dmd, PetscOptionItems *PetscOptionsObject)
{
  HtDMD_Streaming *st = (HtDMD_Streaming *)dmd->data;
  PetscInt         maxrank = st->maxrank;
  PetscBool        set;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtDMD streaming options");
  PetscCall(PetscOptionsInt("-ht_dmd_max_rank", "Columns of the basis (-1: the rank, or 32 when the tolerance chooses it)", "HtDMDStreamingSetMaxRank", maxrank, &maxrank, &set));
  if (set) PetscCall(HtDMDStreamingSetMaxRank(dmd, maxrank));
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtDMDStreamingSetMaxRank_Streaming(HtDMD dmd, PetscInt maxrank)
{
  PetscFunctionBegin;
  ((HtDMD_Streaming *)dmd->data)->maxrank = maxrank;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtDMDStreamingGetMaxRank_Streaming(HtDMD dmd, PetscInt *maxrank)
{
  PetscFunctionBegin;
  *maxrank = ((HtDMD_Streaming *)dmd->data)->maxrank;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDStreamingSetMaxRank - Sets how many columns the basis of the streaming type keeps: the bound of its memory.

   Logically Collective

   Input Parameters:
+  dmd - the DMD object
-  maxrank - the number of columns (>= 1), or `PETSC_DECIDE` for the rank of the model (`HtDMDSetRank()`), or 32
             when the tolerance chooses the rank

   Options Database Key:
.  -ht_dmd_max_rank <r> - columns of the basis

   Level: intermediate

   Note:
   A snapshot with a part outside the basis adds a column; when the basis exceeds maxrank columns it is compressed to
   the maxrank leading directions of the snapshots (their POD). Until then the model is exact DMD of the snapshots.

.seealso: `HTDMDSTREAMING`, `HtDMDPartialFit()`, `HtDMDStreamingGetMaxRank()`
@*/
PetscErrorCode HtDMDStreamingSetMaxRank(HtDMD dmd, PetscInt maxrank)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidLogicalCollectiveInt(dmd, maxrank, 2);
  PetscCheck(maxrank >= 1 || maxrank == PETSC_DECIDE, PetscObjectComm((PetscObject)dmd), PETSC_ERR_ARG_OUTOFRANGE, "The basis needs at least 1 column, not %" PetscInt_FMT, maxrank);
  PetscTryMethod(dmd, "HtDMDStreamingSetMaxRank_C", (HtDMD, PetscInt), (dmd, maxrank));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtDMDStreamingGetMaxRank - Gets how many columns the basis of the streaming type keeps.

   Not Collective

   Input Parameter:
.  dmd - the DMD object, of type `HTDMDSTREAMING`

   Output Parameter:
.  maxrank - the number of columns, or `PETSC_DECIDE` (see `HtDMDStreamingSetMaxRank()`)

   Level: intermediate

.seealso: `HtDMDStreamingSetMaxRank()`
@*/
PetscErrorCode HtDMDStreamingGetMaxRank(HtDMD dmd, PetscInt *maxrank)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(dmd, HT_DMD_CLASSID, 1);
  PetscValidIntPointer(maxrank, 2);
  PetscUseMethod(dmd, "HtDMDStreamingGetMaxRank_C", (HtDMD, PetscInt *), (dmd, maxrank));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtDMDDestroy_Streaming(HtDMD dmd)
{
  PetscFunctionBegin;
  PetscCall(HtDMDReset_Streaming(dmd));
  PetscCall(PetscObjectComposeFunction((PetscObject)dmd, "HtDMDStreamingSetMaxRank_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)dmd, "HtDMDStreamingGetMaxRank_C", NULL));
  PetscCall(PetscFree(dmd->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTDMDSTREAMING - "streaming" - dynamic mode decomposition updated one snapshot at a time, in bounded memory.

   Method: the snapshots are kept as an orthonormal basis Q of their span (a snapshot's part outside it, when larger
   than the tolerance times the snapshot, adds a column) and the triangular factor of the pairs of consecutive
   snapshots' coordinates (a part below 1e-12 times the snapshot is taken for rounding), from which the SVD of X0 and the reduced operator of exact DMD follow as for `HTDMDEXACT`:
   until the basis is compressed the model is exact DMD of all snapshots given (to rounding). When the basis exceeds
   -ht_dmd_max_rank columns it is compressed to the leading POD directions of the snapshots, as in Hemati et al., so
   the memory stays that of max_rank + 1 states and one copy of the first snapshot, however many snapshots a time
   stepper gives (`HtDMDPartialFit()`); `HtDMDFit()` folds in the columns of a tensor in order. After each snapshot
   from the second on the eigenvalues are updated (O(max_rank^3) on every rank, no communication) and the monitors
   report; the modes and amplitudes are computed when asked for.

   Options Database Keys:
+  -ht_dmd_max_rank <r> - columns of the basis (default: the rank, or 32 when the tolerance chooses the rank)
.  -ht_dmd_rank <r> - the rank of the model (0: chosen by the tolerance)
.  -ht_dmd_tol <1e-10> - truncation and basis growth tolerance
-  -ht_dmd_monitor - snapshots, rank and leading eigenvalue modulus after each snapshot

   References:
+  M. S. Hemati, M. O. Williams and C. W. Rowley, Dynamic mode decomposition for large and streaming datasets,
   Physics of Fluids 26 (2014) 111701.
-  J. H. Tu, C. W. Rowley, D. M. Luchtenburg, S. L. Brunton and J. N. Kutz, On dynamic mode decomposition: theory and
   applications, J. Computational Dynamics 1 (2014) 391-421.

   Level: intermediate

.seealso: `HtDMDCreate()`, `HtDMDSetType()`, `HtDMDPartialFit()`, `HtDMDStreamingSetMaxRank()`, `HTDMDEXACT`
M*/
PETSC_INTERN PetscErrorCode HtDMDCreate_Streaming(HtDMD dmd)
{
  HtDMD_Streaming *st;

  PetscFunctionBegin;
  PetscCall(PetscNew(&st));
  st->maxrank              = PETSC_DECIDE;
  dmd->data                = st;
  dmd->ops->setfromoptions = HtDMDSetFromOptions_Streaming;
  dmd->ops->fit            = HtDMDFit_Streaming;
  dmd->ops->partialfit     = HtDMDPartialFit_Streaming;
  dmd->ops->view           = HtDMDView_Streaming;
  dmd->ops->reset          = HtDMDReset_Streaming;
  dmd->ops->destroy        = HtDMDDestroy_Streaming;
  PetscCall(PetscObjectComposeFunction((PetscObject)dmd, "HtDMDStreamingSetMaxRank_C", HtDMDStreamingSetMaxRank_Streaming));
  PetscCall(PetscObjectComposeFunction((PetscObject)dmd, "HtDMDStreamingGetMaxRank_C", HtDMDStreamingGetMaxRank_Streaming));
  PetscFunctionReturn(PETSC_SUCCESS);
}
