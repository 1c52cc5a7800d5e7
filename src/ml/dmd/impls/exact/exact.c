/*
   HTDMDEXACT: one TSQR of the whole snapshot matrix X = Q R (n x m, m <= n) gives the basis and the coordinates of
   both X0 = Q R[:, :-1] and Y = Q R[:, 1:]; the rest is small (dmdmodel.c). One pass over X for the QR, one product
   Q K for the modes, and O(m^2) communication.
*/
#include <heat/private/dmdimpl.h>

/* the identity of order n with the row layout of X: the basis of states that are shorter than the sequence */
static PetscErrorCode HtExactIdentityBasis(HtTensor X, PetscInt n, HtTensor *Q)
{
  const PetscInt *lshape;
  PetscInt        rstart, rend;
  PetscScalar    *a;

  PetscFunctionBegin;
  PetscCall(HtTensorGetLocalShape(X, &lshape));
  PetscCall(HtTensorGetOwnershipRange(X, &rstart, &rend));
  PetscCall(HtTensorCreateWithLayout(PetscObjectComm((PetscObject)X), 2, (PetscInt[]){n, n}, 0, HT_SCALAR, lshape[0], Q));
  PetscCall(HtTensorGetArrayWrite(*Q, &a));
  for (PetscInt i = 0; i < rend - rstart; i++) a[i * n + rstart + i] = 1;
  PetscCall(HtTensorRestoreArrayWrite(*Q, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtDMDFit_Exact(HtDMD dmd, HtTensor X)
{
  const PetscInt    *shape;
  PetscInt           n, m, q;
  HtTensor           Q, R, x0;
  const PetscScalar *r;
  PetscScalar       *C0, *C1;
  HtSlice            first[2] = {HT_SLICE_ALL, {0, 1, 1}};

  PetscFunctionBegin;
  PetscCall(HtTensorGetShape(X, &shape));
  n = shape[0];
  m = shape[1];
  if (n >= m) PetscCall(HtTensorQR(X, &Q, &R));
  else { /* fewer state values than snapshots: the states themselves are the coordinates */
    PetscCall(HtExactIdentityBasis(X, n, &Q));
    PetscCall(HtTensorResplit(X, -1, &R));
  }
  q = PetscMin(n, m);
  PetscCall(PetscMalloc2(q * (m - 1), &C0, q * (m - 1), &C1));
  PetscCall(HtTensorGetArrayRead(R, &r));
  for (PetscInt i = 0; i < q; i++)
    for (PetscInt j = 0; j < m - 1; j++) {
      C0[i + q * j] = r[i * m + j];
      C1[i + q * j] = r[i * m + j + 1];
    }
  PetscCall(HtTensorRestoreArrayRead(R, &r));
  PetscCall(HtTensorGetSlice(X, 2, first, &x0));
  dmd->n     = n;
  dmd->nsnap = m;
  PetscCall(HtDMDSetFactors_Private(dmd, Q, x0, q, m - 1, C0, C1));
  dmd->reason = HT_DMD_CONVERGED_DIRECT;
  PetscCall(PetscFree2(C0, C1));
  PetscCall(HtTensorDestroy(&x0));
  PetscCall(HtTensorDestroy(&R));
  PetscCall(HtTensorDestroy(&Q));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTDMDEXACT - "exact" - exact dynamic mode decomposition of all snapshots at once.

   Method: with X0 = X[:, :-1] = U S V^T truncated to rank r and Y = X[:, 1:], the reduced operator is
   Atilde = U^T Y V S^-1 (r x r), its eigenvalues lambda (LAPACK's geev) are the DMD eigenvalues, the exact modes are
   Phi = Y V S^-1 W for its eigenvectors W, and the amplitudes b solve Phi b = x_0 in the least-squares sense. The SVD
   of X0 comes from a TSQR of the whole snapshot matrix X = Q R (distributed along the state values) and a LAPACK SVD
   of R[:, :-1]; Y = Q R[:, 1:] needs no second pass. A sequence with more snapshots than state values uses the
   states themselves.

   Options Database Keys:
+  -ht_dmd_rank <r> - the rank (0: chosen by the tolerance)
-  -ht_dmd_tol <1e-10> - drop the singular values below tol times the largest

   References:
+  J. H. Tu, C. W. Rowley, D. M. Luchtenburg, S. L. Brunton and J. N. Kutz, On dynamic mode decomposition: theory and
   applications, J. Computational Dynamics 1 (2014) 391-421.
-  J. Demmel, L. Grigori, M. Hoemmen and J. Langou, Communication-optimal parallel and sequential QR and LU
   factorizations, SIAM J. Sci. Comput. 34 (2012) A206-A239.

   Level: beginner

.seealso: `HtDMDCreate()`, `HtDMDSetType()`, `HtDMDFit()`, `HTDMDSTREAMING`
M*/
PETSC_INTERN PetscErrorCode HtDMDCreate_Exact(HtDMD dmd)
{
  PetscFunctionBegin;
  dmd->ops->fit = HtDMDFit_Exact;
  PetscFunctionReturn(PETSC_SUCCESS);
}
