/*
   HtDMD: from the reduced snapshots a type leaves (basis Q, coordinates C0 and C1, see dmdimpl.h) to the model, the
   same way for every type, and the small dense factorizations (LAPACK on every rank's copy) the types share. Small
   matrices are column-major here (LAPACK's order); tensors are row-major.

   With X0 = Q C0 Z^T, Y = Q C1 Z^T and C0 = U S V^T (truncated to rank r), exact DMD (Tu et al.) is
     Atilde = (Q U)^T Y (Z V) S^-1 = U^T C1 V S^-1,   Atilde W = W Lambda,   Phi = Y (Z V) S^-1 W = Q (C1 V S^-1 W),
   so everything but the last product Q K (K = C1 V S^-1 W, q x r) involves only q x p matrices.
*/
#include <heat/private/dmdimpl.h>
#include <slepcblaslapack.h>

/* singular values below this fraction of the largest are rounding: never part of the model, whatever the rank asked */
#define HT_DMD_RANK_EPS 1e-13
/* entries within this relative distance of a mode's largest magnitude count as equally large (the first one wins) */
#define HT_DMD_TIE 1e-8

/*
   HtDMDSmallSVD_Private - A = U diag(s) VT for the m x n column-major A (destroyed): k = min(m, n) singular values s
   (decreasing), U (m x k) and VT (k x n), column-major
*/
PetscErrorCode HtDMDSmallSVD_Private(PetscInt m, PetscInt n, PetscScalar A[], PetscReal s[], PetscScalar U[], PetscScalar VT[])
{
  PetscBLASInt bm, bn, bk, lwork = -1, info;
  PetscScalar  q, *work;

  PetscFunctionBegin;
  if (!m || !n) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscBLASIntCast(m, &bm));
  PetscCall(PetscBLASIntCast(n, &bn));
  PetscCall(PetscBLASIntCast(PetscMin(m, n), &bk));
  PetscCallBLAS("LAPACKgesvd", LAPACKgesvd_("S", "S", &bm, &bn, A, &bm, s, U, &bm, VT, &bk, &q, &lwork, &info));
  PetscCall(PetscBLASIntCast((PetscInt)PetscRealPart(q), &lwork));
  PetscCall(PetscMalloc1(lwork, &work));
  PetscCallBLAS("LAPACKgesvd", LAPACKgesvd_("S", "S", &bm, &bn, A, &bm, s, U, &bm, VT, &bk, work, &lwork, &info));
  PetscCall(PetscFree(work));
  PetscCheck(!info, PETSC_COMM_SELF, PETSC_ERR_LIB, "LAPACK gesvd failed with info %d", (int)info);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtDMDSmallQR_Private - the n x n triangular factor R (column-major, rows beyond min(m, n) zero) of the m x n
   column-major A (destroyed): R^T R = A^T A
*/
PetscErrorCode HtDMDSmallQR_Private(PetscInt m, PetscInt n, PetscScalar A[], PetscScalar R[])
{
  PetscBLASInt bm, bn, lwork = -1, info;
  PetscScalar *tau, *work, q;

  PetscFunctionBegin;
  PetscCall(PetscArrayzero(R, n * n));
  if (!m || !n) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscBLASIntCast(m, &bm));
  PetscCall(PetscBLASIntCast(n, &bn));
  PetscCall(PetscMalloc1(PetscMin(m, n), &tau));
  PetscCallBLAS("LAPACKgeqrf", LAPACKgeqrf_(&bm, &bn, A, &bm, tau, &q, &lwork, &info));
  PetscCall(PetscBLASIntCast((PetscInt)PetscRealPart(q), &lwork));
  PetscCall(PetscMalloc1(lwork, &work));
  PetscCallBLAS("LAPACKgeqrf", LAPACKgeqrf_(&bm, &bn, A, &bm, tau, work, &lwork, &info));
  PetscCall(PetscFree(work));
  PetscCall(PetscFree(tau));
  PetscCheck(!info, PETSC_COMM_SELF, PETSC_ERR_LIB, "LAPACK geqrf failed with info %d", (int)info);
  for (PetscInt j = 0; j < n; j++)
    for (PetscInt i = 0; i <= j && i < m; i++) R[i + n * j] = A[i + m * j];
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the rank of the model: as asked or by the tolerance, at most the numerical rank of the snapshots */
static PetscErrorCode HtDMDTruncation(HtDMD dmd, PetscInt k, const PetscReal s[], PetscInt *r)
{
  PetscInt numerical = 0, bytol = 0;

  PetscFunctionBegin;
  PetscCheck(k > 0 && s[0] > 0, PetscObjectComm((PetscObject)dmd), PETSC_ERR_ARG_WRONG, "The snapshots are all zero: dynamic mode decomposition needs nonzero states");
  for (PetscInt i = 0; i < k; i++) {
    if (s[i] > HT_DMD_RANK_EPS * s[0]) numerical++;
    if (s[i] > dmd->tol * s[0]) bytol++;
  }
  *r = PetscMin(dmd->rank > 0 ? dmd->rank : bytol, numerical);
  if (dmd->rank > numerical) PetscCall(PetscInfo(dmd, "The snapshots have numerical rank %" PetscInt_FMT "; the model has that rank, not %" PetscInt_FMT "\n", numerical, dmd->rank));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the real eigenvalues (wr, wi) and right eigenvectors VR (r x r, pairs as real and imaginary parts) of A (destroyed) */
static PetscErrorCode HtDMDSmallEigen(PetscInt r, PetscScalar A[], PetscReal wr[], PetscReal wi[], PetscScalar VR[])
{
  PetscBLASInt br, lwork = -1, info, one = 1;
  PetscScalar  q, dummy, *work;

  PetscFunctionBegin;
  PetscCall(PetscBLASIntCast(r, &br));
  PetscCallBLAS("LAPACKgeev", LAPACKgeev_("N", "V", &br, A, &br, wr, wi, &dummy, &one, VR, &br, &q, &lwork, &info));
  PetscCall(PetscBLASIntCast((PetscInt)PetscRealPart(q), &lwork));
  PetscCall(PetscMalloc1(lwork, &work));
  PetscCallBLAS("LAPACKgeev", LAPACKgeev_("N", "V", &br, A, &br, wr, wi, &dummy, &one, VR, &br, work, &lwork, &info));
  PetscCall(PetscFree(work));
  PetscCheck(!info, PETSC_COMM_SELF, PETSC_ERR_LIB, "LAPACK geev failed with info %d: the QR algorithm did not converge", (int)info);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtDMDGemm_Private - C (m x n) = op(A) op(B), column-major, with op(A) m x kk */
PetscErrorCode HtDMDGemm_Private(const char ta[], const char tb[], PetscInt m, PetscInt n, PetscInt kk, const PetscScalar A[], PetscInt lda, const PetscScalar B[], PetscInt ldb, PetscScalar C[])
{
  PetscBLASInt bm, bn, bk, ba, bb;
  PetscScalar  one = 1, zero = 0;

  PetscFunctionBegin;
  if (!m || !n) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscBLASIntCast(m, &bm));
  PetscCall(PetscBLASIntCast(n, &bn));
  PetscCall(PetscBLASIntCast(kk, &bk));
  PetscCall(PetscBLASIntCast(lda, &ba));
  PetscCall(PetscBLASIntCast(ldb, &bb));
  PetscCallBLAS("BLASgemm", BLASgemm_(ta, tb, &bm, &bn, &bk, &one, A, &ba, B, &bb, &zero, C, &bm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* whether eigenvalue i comes before j: larger modulus first, equal moduli (a conjugate pair) by larger imaginary part */
static PetscBool HtDMDBefore(const PetscReal wr[], const PetscReal wi[], PetscInt i, PetscInt j)
{
  PetscReal mi = PetscSqrtReal(wr[i] * wr[i] + wi[i] * wi[i]), mj = PetscSqrtReal(wr[j] * wr[j] + wi[j] * wi[j]);

  return (PetscBool)(mi > mj || (mi == mj && wi[i] > wi[j]));
}

/* a replicated tensor of the given shape holding values (row-major) */
static PetscErrorCode HtDMDCreateReplicated(HtDMD dmd, PetscInt ndim, const PetscInt shape[], const PetscScalar values[], const char name[], HtTensor *t)
{
  PetscScalar *a;
  PetscInt     size;

  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(t));
  PetscCall(HtTensorCreate(PetscObjectComm((PetscObject)dmd), ndim, shape, -1, HT_SCALAR, t));
  PetscCall(HtTensorSetName(*t, name));
  PetscCall(HtTensorGetLocalSize(*t, &size));
  PetscCall(HtTensorGetArrayWrite(*t, &a));
  PetscCall(PetscArraycpy(a, values, size));
  PetscCall(HtTensorRestoreArrayWrite(*t, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the modes in the basis from T = C1 V S^-1 (q x r) and the eigenvectors VR: K (q x 2r, column 2j the real and
   2j + 1 the imaginary part of mode j, each of unit 2-norm), in the order of the sorted eigenvalues perm; an
   eigenvalue that is zero to rounding has no exact mode (Y V S^-1 w vanishes) and gets the projected mode U w
   (Tu et al., section 3)
*/
static PetscErrorCode HtDMDModeCoefficients(HtDMD dmd, PetscInt q, PetscInt r, const PetscScalar T[], const PetscScalar U[], const PetscReal wr[], const PetscReal wi[], const PetscScalar VR[], const PetscInt perm[])
{
  PetscScalar *TV, *UV, *Kraw;
  PetscReal    big = 0;

  PetscFunctionBegin;
  PetscCall(PetscMalloc3(q * r, &TV, q * r, &UV, 2 * q * r, &Kraw));
  PetscCall(HtDMDGemm_Private("N", "N", q, r, r, T, q, VR, r, TV));
  PetscCall(HtDMDGemm_Private("N", "N", q, r, r, U, q, VR, r, UV));
  for (PetscInt j = 0; j < r; j++) big = PetscMax(big, PetscSqrtReal(wr[j] * wr[j] + wi[j] * wi[j]));
  for (PetscInt j = 0; j < r; j++) {
    PetscScalar       *re = Kraw + 2 * j * q, *im = re + q;
    const PetscScalar *src = PetscSqrtReal(wr[j] * wr[j] + wi[j] * wi[j]) <= HT_DMD_RANK_EPS * big ? UV : TV;
    PetscReal          nrm = 0;

    for (PetscInt i = 0; i < q; i++) {
      if (wi[j] == 0) { /* real */
        re[i] = src[i + q * j];
        im[i] = 0;
      } else if (wi[j] > 0) { /* first of a pair: w = VR_j + i VR_{j+1} */
        re[i] = src[i + q * j];
        im[i] = src[i + q * (j + 1)];
      } else { /* its conjugate */
        re[i] = src[i + q * (j - 1)];
        im[i] = -src[i + q * j];
      }
      nrm += PetscRealPart(re[i] * re[i] + im[i] * im[i]);
    }
    nrm = PetscSqrtReal(nrm);
    for (PetscInt i = 0; i < q && nrm > 0; i++) {
      re[i] /= nrm;
      im[i] /= nrm;
    }
  }
  PetscCall(PetscFree(dmd->K));
  PetscCall(PetscMalloc1(2 * q * r, &dmd->K));
  for (PetscInt j = 0; j < r; j++) PetscCall(PetscArraycpy(dmd->K + 2 * j * q, Kraw + 2 * perm[j] * q, 2 * q));
  PetscCall(PetscFree3(TV, UV, Kraw));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the eigenvalues sorted (perm), as the (r, 2) tensor of the model */
static PetscErrorCode HtDMDSortEigenvalues(HtDMD dmd, PetscInt r, const PetscReal wr[], const PetscReal wi[], PetscInt perm[])
{
  PetscScalar *e;

  PetscFunctionBegin;
  for (PetscInt j = 0; j < r; j++) {
    PetscInt i = j;

    for (; i > 0 && HtDMDBefore(wr, wi, j, perm[i - 1]); i--) perm[i] = perm[i - 1];
    perm[i] = j;
  }
  PetscCall(PetscMalloc1(2 * r, &e));
  for (PetscInt j = 0; j < r; j++) {
    e[2 * j]     = wr[perm[j]];
    e[2 * j + 1] = wi[perm[j]] + 0.0; /* no negative zero */
  }
  PetscCall(HtDMDCreateReplicated(dmd, 2, (PetscInt[]){r, 2}, e, "eigenvalues", &dmd->eig));
  PetscCall(PetscFree(e));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtDMDSetFactors_Private - the model of the reduced snapshots X0 = Q C0 Z^T, Y = Q C1 Z^T (C0, C1: q x p,
   column-major): rank, singular values, eigenvalues and the modes in the basis; the modes themselves (Q K) and the
   amplitudes (of the first snapshot x0, n x 1) follow in HtDMDSetUpModes_Private(), so the object keeps Q and x0
*/
PetscErrorCode HtDMDSetFactors_Private(HtDMD dmd, HtTensor Q, HtTensor x0, PetscInt q, PetscInt p, const PetscScalar C0[], const PetscScalar C1[])
{
  PetscInt     k = PetscMin(q, p), r, *perm;
  PetscScalar *A, *U, *VT, *T, *At, *VR, *svs;
  PetscReal   *s, *wr, *wi;

  PetscFunctionBegin;
  PetscCall(PetscMalloc5(q * p, &A, q * k, &U, k * p, &VT, k, &s, k, &svs));
  PetscCall(PetscArraycpy(A, C0, q * p));
  PetscCall(HtDMDSmallSVD_Private(q, p, A, s, U, VT));
  PetscCall(HtDMDTruncation(dmd, k, s, &r));
  PetscCall(PetscMalloc6(q * r, &T, r * r, &At, r * r, &VR, r, &wr, r, &wi, r, &perm));
  PetscCall(HtDMDGemm_Private("N", "T", q, r, p, C1, q, VT, k, T)); /* C1 V_r */
  for (PetscInt j = 0; j < r; j++)
    for (PetscInt i = 0; i < q; i++) T[i + q * j] /= s[j];
  PetscCall(HtDMDGemm_Private("T", "N", r, r, q, U, q, T, q, At)); /* U_r^T C1 V_r S_r^-1 */
  PetscCall(HtDMDSmallEigen(r, At, wr, wi, VR));
  PetscCall(HtDMDSortEigenvalues(dmd, r, wr, wi, perm));
  PetscCall(HtDMDModeCoefficients(dmd, q, r, T, U, wr, wi, VR, perm));
  for (PetscInt i = 0; i < k; i++) svs[i] = s[i];
  PetscCall(HtDMDCreateReplicated(dmd, 1, &k, svs, "singular_values", &dmd->sv));
  PetscCall(PetscFree6(T, At, VR, wr, wi, perm));
  PetscCall(PetscFree5(A, U, VT, s, svs));
  PetscCall(PetscObjectReference((PetscObject)Q));
  PetscCall(PetscObjectReference((PetscObject)x0));
  PetscCall(HtTensorDestroy(&dmd->basis));
  PetscCall(HtTensorDestroy(&dmd->x0));
  dmd->basis      = Q;
  dmd->x0         = x0;
  dmd->q          = q;
  dmd->r          = r;
  dmd->modesvalid = PETSC_FALSE;
  dmd->fitted     = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* M = Q K: the n x 2r modes (real and imaginary parts side by side) from the basis and the coefficients */
static PetscErrorCode HtDMDBasisProduct(HtDMD dmd, HtTensor *M)
{
  const PetscInt q = dmd->q, c = 2 * dmd->r;
  PetscScalar   *k;
  HtTensor       Kt = NULL;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(q * c, &k));
  for (PetscInt i = 0; i < q; i++)
    for (PetscInt j = 0; j < c; j++) k[i * c + j] = dmd->K[i + q * j];
  PetscCall(HtDMDCreateReplicated(dmd, 2, (PetscInt[]){q, c}, k, "coefficients", &Kt));
  PetscCall(PetscFree(k));
  PetscCall(HtTensorMatMul(dmd->basis, Kt, M));
  PetscCall(HtTensorDestroy(&Kt));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   p (2r: real, imaginary parts) = the entry of each mode of M (n x 2r, split 0) of largest magnitude: the first in
   global order of those within a relative HT_DMD_TIE of it, so that rounding does not pick another one on another
   number of ranks
*/
static PetscErrorCode HtDMDLargestEntries(HtTensor M, PetscInt r, PetscScalar p[])
{
  HtSamples    s;
  PetscReal   *mx;
  PetscInt    *idx;
  PetscScalar *rows;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(M, NULL, &s));
  PetscCall(PetscCalloc3(r, &mx, r, &idx, r * (2 * r + 2), &rows));
  for (PetscInt i = 0; i < s.m; i++)
    for (PetscInt j = 0; j < r; j++) mx[j] = PetscMax(mx[j], PetscSqrtReal(PetscRealPart(s.x[i * 2 * r + 2 * j] * s.x[i * 2 * r + 2 * j] + s.x[i * 2 * r + 2 * j + 1] * s.x[i * 2 * r + 2 * j + 1])));
  PetscCall(HtSamplesMaxReal(&s, r, mx));
  for (PetscInt j = 0; j < r; j++) {
    idx[j] = s.n;
    for (PetscInt i = 0; i < s.m; i++) {
      PetscReal mag = PetscSqrtReal(PetscRealPart(s.x[i * 2 * r + 2 * j] * s.x[i * 2 * r + 2 * j] + s.x[i * 2 * r + 2 * j + 1] * s.x[i * 2 * r + 2 * j + 1]));

      if (mag >= (1 - HT_DMD_TIE) * mx[j]) {
        idx[j] = s.rstart + i;
        break;
      }
    }
  }
  PetscCall(HtSamplesReduceInt(&s, HT_SAMPLES_MIN, r, idx));
  PetscCall(HtSamplesGetRows(&s, NULL, r, idx, rows));
  for (PetscInt j = 0; j < r; j++) {
    p[2 * j]     = rows[j * (2 * r + 2) + 2 * j];
    p[2 * j + 1] = rows[j * (2 * r + 2) + 2 * j + 1];
  }
  PetscCall(PetscFree3(mx, idx, rows));
  PetscCall(HtTensorRestoreSamples(M, NULL, &s));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* each mode (column pair of K) times the phase that makes its largest entry real and positive */
static void HtDMDRotateModes(PetscInt q, PetscInt r, const PetscScalar p[], PetscScalar K[])
{
  for (PetscInt j = 0; j < r; j++) {
    PetscReal    a = PetscRealPart(p[2 * j]), b = PetscRealPart(p[2 * j + 1]), m = PetscSqrtReal(a * a + b * b);
    PetscScalar *re = K + 2 * j * q, *im = re + q;

    if (m == 0) continue;
    a /= m;
    b /= m;
    for (PetscInt i = 0; i < q; i++) { /* (re + i im)(a - i b) */
      PetscScalar x = re[i], y = im[i];

      re[i] = x * a + y * b;
      im[i] = y * a - x * b;
    }
  }
}

/*
   HtDMDLeastSquares_Private - b (2r: real, imaginary parts) minimizing || Phi b - x || for the complex modes Phi (M:
   n x 2r, split 0) and a real state x (n x 1, M's layout): the real form [Re Phi, -Im Phi; Im Phi, Re Phi] [Re b;
   Im b] = [x; 0] (2n x 2r) by TSQR, then the small triangular system by LAPACK's minimum-norm least squares
*/
static PetscErrorCode HtDMDLeastSquares(HtDMD dmd, HtTensor M, HtTensor x, PetscScalar b[])
{
  const PetscInt     r = dmd->r, c = 2 * r;
  const PetscInt    *lshape, *shape;
  const PetscScalar *m, *xv, *rr, *dd;
  PetscScalar       *a, *rhs, *Rc, *work, q;
  PetscReal         *sv, rcond = 1e-12;
  HtTensor           A, B, Qa, Ra, d;
  PetscBLASInt       bc, one = 1, rank, lwork = -1, info;

  PetscFunctionBegin;
  PetscCall(HtTensorGetShape(M, &shape));
  PetscCall(HtTensorGetLocalShape(M, &lshape));
  PetscCall(HtTensorCreateWithLayout(PetscObjectComm((PetscObject)dmd), 2, (PetscInt[]){2 * shape[0], c}, 0, HT_SCALAR, 2 * lshape[0], &A));
  PetscCall(HtTensorCreateWithLayout(PetscObjectComm((PetscObject)dmd), 2, (PetscInt[]){2 * shape[0], 1}, 0, HT_SCALAR, 2 * lshape[0], &B));
  PetscCall(HtTensorGetArrayRead(M, &m));
  PetscCall(HtTensorGetArrayRead(x, &xv));
  PetscCall(HtTensorGetArrayWrite(A, &a));
  PetscCall(HtTensorGetArrayWrite(B, &rhs));
  for (PetscInt i = 0; i < lshape[0]; i++) {
    for (PetscInt j = 0; j < r; j++) {
      PetscScalar re = m[i * c + 2 * j], im = m[i * c + 2 * j + 1];

      a[2 * i * c + 2 * j]           = re;
      a[2 * i * c + 2 * j + 1]       = -im;
      a[(2 * i + 1) * c + 2 * j]     = im;
      a[(2 * i + 1) * c + 2 * j + 1] = re;
    }
    rhs[2 * i]     = xv[i];
    rhs[2 * i + 1] = 0;
  }
  PetscCall(HtTensorRestoreArrayWrite(B, &rhs));
  PetscCall(HtTensorRestoreArrayWrite(A, &a));
  PetscCall(HtTensorRestoreArrayRead(x, &xv));
  PetscCall(HtTensorRestoreArrayRead(M, &m));
  PetscCall(HtTensorQR(A, &Qa, &Ra));
  PetscCall(HtTensorTransposeMatMul(Qa, B, &d));
  PetscCall(PetscMalloc2(c * c, &Rc, c, &sv));
  PetscCall(HtTensorGetArrayRead(Ra, &rr));
  PetscCall(HtTensorGetArrayRead(d, &dd));
  for (PetscInt i = 0; i < c; i++) {
    b[i] = dd[i];
    for (PetscInt j = 0; j < c; j++) Rc[i + c * j] = rr[i * c + j];
  }
  PetscCall(HtTensorRestoreArrayRead(d, &dd));
  PetscCall(HtTensorRestoreArrayRead(Ra, &rr));
  PetscCall(PetscBLASIntCast(c, &bc));
  PetscCallBLAS("LAPACKgelss", LAPACKgelss_(&bc, &bc, &one, Rc, &bc, b, &bc, sv, &rcond, &rank, &q, &lwork, &info));
  PetscCall(PetscBLASIntCast((PetscInt)PetscRealPart(q), &lwork));
  PetscCall(PetscMalloc1(lwork, &work));
  PetscCallBLAS("LAPACKgelss", LAPACKgelss_(&bc, &bc, &one, Rc, &bc, b, &bc, sv, &rcond, &rank, work, &lwork, &info));
  PetscCall(PetscFree(work));
  PetscCheck(!info, PETSC_COMM_SELF, PETSC_ERR_LIB, "LAPACK gelss failed with info %d", (int)info);
  if (rank < bc) PetscCall(PetscInfo(dmd, "The modes are linearly dependent (rank %d of %d real columns): minimum-norm amplitudes\n", (int)rank, (int)bc));
  PetscCall(PetscFree2(Rc, sv));
  PetscCall(HtTensorDestroy(&d));
  PetscCall(HtTensorDestroy(&Qa));
  PetscCall(HtTensorDestroy(&Ra));
  PetscCall(HtTensorDestroy(&A));
  PetscCall(HtTensorDestroy(&B));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* xs with the row layout of the modes (a redistributed copy if needed) */
static PetscErrorCode HtDMDAlignToModes(HtDMD dmd, HtTensor *xs)
{
  const PetscInt *lm, *lx;
  HtSamples       s;
  PetscInt        mismatch;
  HtTensor        t;

  PetscFunctionBegin;
  PetscCall(HtTensorGetLocalShape(dmd->modes, &lm));
  PetscCall(HtTensorGetLocalShape(*xs, &lx));
  mismatch = lm[0] != lx[0];
  PetscCall(HtTensorGetSamples(*xs, NULL, &s));
  PetscCall(HtSamplesReduceInt(&s, HT_SAMPLES_MAX, 1, &mismatch));
  PetscCall(HtTensorRestoreSamples(*xs, NULL, &s));
  if (!mismatch) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtTensorDuplicate(*xs, &t));
  PetscCall(HtTensorCopy(*xs, t));
  PetscCall(HtTensorSetLayout(t, lm[0]));
  PetscCall(HtTensorDestroy(xs));
  *xs = t;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtDMDAmplitudes_Private - the amplitudes b (2r) of the state x (n x 1, split 0) */
PetscErrorCode HtDMDAmplitudes_Private(HtDMD dmd, HtTensor x, PetscScalar b[])
{
  HtTensor        M, xs = x;
  const PetscInt *shape;

  PetscFunctionBegin;
  PetscCall(PetscObjectReference((PetscObject)x));
  PetscCall(HtDMDAlignToModes(dmd, &xs));
  PetscCall(HtTensorGetShape(dmd->modes, &shape));
  PetscCall(HtTensorReshape(dmd->modes, 2, (PetscInt[]){shape[0], 2 * dmd->r}, 0, &M));
  PetscCall(HtDMDLeastSquares(dmd, M, xs, b));
  PetscCall(HtTensorDestroy(&M));
  PetscCall(HtTensorDestroy(&xs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtDMDSetUpModes_Private - the modes (n, r, 2): Q K, each scaled to unit norm and turned so that its largest entry
   is real and positive, and the amplitudes of the first snapshot; the basis and the first snapshot are then released
*/
PetscErrorCode HtDMDSetUpModes_Private(HtDMD dmd)
{
  HtTensor        M;
  PetscScalar    *p;
  const PetscInt *shape;

  PetscFunctionBegin;
  if (dmd->modesvalid) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscMalloc1(2 * dmd->r, &p));
  PetscCall(HtDMDBasisProduct(dmd, &M));
  PetscCall(HtDMDLargestEntries(M, dmd->r, p));
  PetscCall(HtTensorDestroy(&M));
  HtDMDRotateModes(dmd->q, dmd->r, p, dmd->K);
  PetscCall(HtDMDBasisProduct(dmd, &M));
  PetscCall(HtTensorGetShape(M, &shape));
  PetscCall(HtTensorDestroy(&dmd->modes));
  PetscCall(HtTensorReshape(M, 3, (PetscInt[]){shape[0], dmd->r, 2}, 0, &dmd->modes));
  PetscCall(HtTensorSetName(dmd->modes, "modes"));
  PetscCall(HtTensorDestroy(&M));
  PetscCall(HtDMDAmplitudes_Private(dmd, dmd->x0, p));
  PetscCall(HtDMDCreateReplicated(dmd, 2, (PetscInt[]){dmd->r, 2}, p, "amplitudes", &dmd->amplitudes));
  PetscCall(PetscFree(p));
  PetscCall(HtTensorDestroy(&dmd->basis));
  PetscCall(HtTensorDestroy(&dmd->x0));
  dmd->modesvalid = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}
