/*
   Linear algebra kernels of the host back end: GEMM (BLAS for HT_SCALAR, loops for HT_INT), axis permutation,
   triangles, diagonal sums and local QR (LAPACK). Every kernel works on
   row-major local arrays; the generic code in src/tensor/ops/ does the distribution.
*/
#include <heat/private/tensorimpl.h>
#include <petscblaslapack.h>

/* C (m x n) [+]= op(A) op(B) on PetscInt, row-major */
static void HtGemmInt(PetscBool ta, PetscBool tb, PetscInt m, PetscInt n, PetscInt k, const PetscInt *a, PetscInt lda, const PetscInt *b, PetscInt ldb, PetscBool add, PetscInt *c, PetscInt ldc)
{
  for (PetscInt i = 0; i < m; i++) {
    PetscInt *crow = c + i * ldc;

    if (!add)
      for (PetscInt j = 0; j < n; j++) crow[j] = 0;
    for (PetscInt p = 0; p < k; p++) {
      const PetscInt aip = ta ? a[p * lda + i] : a[i * lda + p];

      if (tb)
        for (PetscInt j = 0; j < n; j++) crow[j] += aip * b[j * ldb + p];
      else
        for (PetscInt j = 0; j < n; j++) crow[j] += aip * b[p * ldb + j];
    }
  }
}

/* C (m x m) = op(A) op(A)^T of one operand (A^T A or A A^T, as gemm would get it): BLAS syrk computes one
   triangle, which is then mirrored */
static PetscErrorCode HtSyrk(PetscBool ta, PetscBLASInt m, PetscBLASInt k, const PetscScalar *a, PetscBLASInt lda, PetscScalar *c, PetscBLASInt ldc)
{
  PetscScalar one = 1, zero = 0;

  PetscFunctionBegin;
  /* the column-major view of the stored A is A^T: A^T A = (A^T)(A^T)^T is syrk "N" of it, A A^T is syrk "T" */
  PetscCallBLAS("BLASsyrk", BLASsyrk_("U", ta ? "N" : "T", &m, &k, &one, a, &lda, &zero, c, &ldc));
  for (PetscBLASInt j = 0; j < m; j++)
    for (PetscBLASInt i = 0; i < j; i++) c[j + i * ldc] = c[i + j * ldc];
  PetscCall(PetscLogFlops(1.0 * m * (m + 1) * k));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   a product with one column (n = 1) by BLAS gemv: GEMM implementations (OpenBLAS 0.3.21 among them) treat it as a
   small matrix product and reach a fraction of the bandwidth a matrix-vector product gets
*/
static PetscErrorCode HtGemv(PetscBool ta, PetscBool tb, PetscBLASInt m, PetscBLASInt k, const PetscScalar *a, PetscBLASInt lda, const PetscScalar *b, PetscBLASInt ldb, PetscBool add, PetscScalar *c, PetscBLASInt ldc)
{
  PetscScalar  one = 1, beta = add ? 1 : 0;
  PetscBLASInt incb = tb ? 1 : ldb;

  PetscFunctionBegin;
  /* row-major op(A) (m x k) is, column-major, A^T (k x m, lda) without ta, or m x k (lda) with ta */
  if (ta) PetscCallBLAS("BLASgemv", BLASgemv_("N", &m, &k, &one, a, &lda, b, &incb, &beta, c, &ldc));
  else PetscCallBLAS("BLASgemv", BLASgemv_("T", &k, &m, &one, a, &lda, b, &incb, &beta, c, &ldc));
  PetscCall(PetscLogFlops(2.0 * m * k));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorGemm_Host - row-major C (m x n, leading dimension ldc) = op(A) op(B), or C += op(A) op(B) with add;
   op(A) is m x k: A itself (m x k, lda) or, with ta, the transpose of A stored k x m; likewise op(B) (k x n).
   HT_SCALAR calls BLAS on the column-major view: C^T = op(B)^T op(A)^T; a product of an operand with its own
   transpose (the Gram matrix A^T A) calls syrk, half the work.
*/
PetscErrorCode HtTensorGemm_Host(HtTensor t, HtDType dtype, PetscBool ta, PetscBool tb, PetscInt m, PetscInt n, PetscInt k, const void *a, PetscInt lda, const void *b, PetscInt ldb, PetscBool add, void *c, PetscInt ldc)
{
  PetscBLASInt bm, bn, bk, blda, bldb, bldc;
  PetscScalar  one = 1, beta = add ? 1 : 0;

  PetscFunctionBegin;
  if (!m || !n || (!k && add)) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCheck(dtype != HT_BOOL, PETSC_COMM_SELF, PETSC_ERR_SUP, "GEMM of HT_BOOL arrays; convert them to HT_INT");
  if (dtype == HT_INT) {
    HtGemmInt(ta, tb, m, n, k, (const PetscInt *)a, lda, (const PetscInt *)b, ldb, add, (PetscInt *)c, ldc);
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (!k) { /* BLAS may not accept k = 0 with these leading dimensions */
    for (PetscInt i = 0; i < m; i++) PetscCall(PetscArrayzero((PetscScalar *)c + i * ldc, n));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(PetscBLASIntCast(m, &bm));
  PetscCall(PetscBLASIntCast(n, &bn));
  PetscCall(PetscBLASIntCast(k, &bk));
  PetscCall(PetscBLASIntCast(lda, &blda));
  PetscCall(PetscBLASIntCast(ldb, &bldb));
  PetscCall(PetscBLASIntCast(ldc, &bldc));
  if (n == 1) {
    PetscCall(HtGemv(ta, tb, bm, bk, (const PetscScalar *)a, blda, (const PetscScalar *)b, bldb, add, (PetscScalar *)c, bldc));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (a == b && ta != tb && lda == ldb && m == n && !add) {
    PetscCall(HtSyrk(ta, bm, bk, (const PetscScalar *)a, blda, (PetscScalar *)c, bldc));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCallBLAS("BLASgemm", BLASgemm_(tb ? "T" : "N", ta ? "T" : "N", &bn, &bm, &bk, &one, (const PetscScalar *)b, &bldb, (const PetscScalar *)a, &blda, &beta, (PetscScalar *)c, &bldc));
  PetscCall(PetscLogFlops(2.0 * m * n * k));
  PetscFunctionReturn(PETSC_SUCCESS);
}

#define HT_CENTER_CHUNK_BYTES (1 << 20) /* a chunk of centered rows: in L2, and wide enough for an efficient GEMM */

/*
   HtTensorCenteredProduct_Host - products of the centered local rows with a block of k columns: GEMM (GEMV for one
   column) on chunks of rows centered in a work buffer that stays in cache, so that X is read once and the centering
   costs no digits (X b - (mu . b) 1 would cancel them when the mean is large compared with the spread). A loop that
   centers each entry as it multiplies was slower (three loads per multiply-add).
*/
PetscErrorCode HtTensorCenteredProduct_Host(HtTensor t, PetscBool transpose, PetscInt m, PetscInt f, const PetscScalar *x, const PetscScalar *mu, PetscInt k, const PetscScalar *b, PetscScalar *c)
{
  PetscInt     rows = PetscMax(1, HT_CENTER_CHUNK_BYTES / (PetscInt)(sizeof(PetscScalar) * PetscMax(f, 1)));
  PetscScalar *work;

  PetscFunctionBegin;
  if (transpose) PetscCall(PetscArrayzero(c, f * k));
  if (!m || !k) PetscFunctionReturn(PETSC_SUCCESS);
  if (!mu) {
    PetscCall(HtTensorGemm_Host(t, HT_SCALAR, transpose, PETSC_FALSE, transpose ? f : m, k, transpose ? m : f, x, f, b, k, PETSC_FALSE, c, k));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  rows = PetscMin(rows, m);
  PetscCall(PetscMalloc1(rows * f, &work));
  for (PetscInt i0 = 0; i0 < m; i0 += rows) {
    PetscInt nb = PetscMin(rows, m - i0);

    for (PetscInt i = 0; i < nb; i++)
      for (PetscInt j = 0; j < f; j++) work[i * f + j] = x[(i0 + i) * f + j] - mu[j];
    if (transpose) PetscCall(HtTensorGemm_Host(t, HT_SCALAR, PETSC_TRUE, PETSC_FALSE, f, k, nb, work, f, b + i0 * k, k, PETSC_TRUE, c, k));
    else PetscCall(HtTensorGemm_Host(t, HT_SCALAR, PETSC_FALSE, PETSC_FALSE, nb, k, f, work, f, b, k, PETSC_FALSE, c + i0 * k, k));
  }
  PetscCall(PetscFree(work));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* copies the local block `in` of shape lshape into `out` with its axes permuted, element type T */
#define HT_PERMUTE_TYPED(T) \
  do { \
    const T *src = (const T *)in; \
    T       *dst = (T *)out; \
    for (PetscInt64 o = 0; o < total; o += len) { \
      PetscInt64 off = 0; \
      for (PetscInt j = 0; j < ndim - 1; j++) off += idx[j] * stride[j]; \
      for (PetscInt64 i = 0; i < len; i++) dst[o + i] = src[off + i * stride[ndim - 1]]; \
      for (PetscInt j = ndim - 2; j >= 0; j--) { /* odometer over the outer output axes */ \
        if (++idx[j] < oshape[j]) break; \
        idx[j] = 0; \
      } \
    } \
  } while (0)

/*
   HtTensorPermute_Host - out = the local block `in` (row-major, shape lshape) with axis j of out being axis
   perm[j] of in; the elements have the tensor's dtype. One pass over out in order.
*/
PetscErrorCode HtTensorPermute_Host(HtTensor t, PetscInt ndim, const PetscInt lshape[], const PetscInt perm[], const void *in, void *out)
{
  PetscInt64 istride[HT_MAX_NDIM], stride[HT_MAX_NDIM] = {0}, idx[HT_MAX_NDIM] = {0}, oshape[HT_MAX_NDIM] = {0}, total = 1, len;

  PetscFunctionBegin;
  for (PetscInt d = ndim - 1; d >= 0; d--) {
    istride[d] = total;
    total *= lshape[d];
  }
  if (!total) PetscFunctionReturn(PETSC_SUCCESS);
  if (!ndim) {
    PetscCall(PetscMemcpy(out, in, t->esize));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  for (PetscInt j = 0; j < ndim; j++) {
    oshape[j] = lshape[perm[j]];
    stride[j] = istride[perm[j]];
    idx[j]    = 0;
  }
  len = oshape[ndim - 1];
  switch (t->esize) {
  case 8:
    HT_PERMUTE_TYPED(uint64_t);
    break;
  case 4:
    HT_PERMUTE_TYPED(uint32_t);
    break;
  default:
    SETERRQ(PETSC_COMM_SELF, PETSC_ERR_SUP, "Elements of %zu bytes", t->esize);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorTriangle_Host - out = in with the entries above (lower) or below (upper) diagonal k zeroed, for
   nbatch row-major blocks of rows x cols whose first entry is (row0, col0) of the global matrix: entry (i, j)
   is kept when (col0 + j) - (row0 + i) <= k (lower) or >= k (upper), as NumPy's tril and triu.
*/
PetscErrorCode HtTensorTriangle_Host(HtTensor t, PetscInt nbatch, PetscInt rows, PetscInt cols, PetscInt row0, PetscInt col0, PetscInt k, PetscBool lower, const void *in, void *out)
{
  const size_t es = t->esize;

  PetscFunctionBegin;
  for (PetscInt64 r = 0; r < (PetscInt64)nbatch * rows; r++) {
    const char *src   = (const char *)in + r * cols * es;
    char       *dst   = (char *)out + r * cols * es;
    PetscInt64  edge  = (PetscInt64)k + row0 + r % rows - col0; /* local column of the diagonal */
    PetscInt64  first = lower ? 0 : PetscMax(0, PetscMin(cols, edge));
    PetscInt64  last  = lower ? PetscMax(0, PetscMin(cols, edge + 1)) : cols;

    PetscCall(PetscArrayzero(dst, cols * es));
    PetscCall(PetscArraycpy(dst + first * es, src + first * es, (last - first) * es));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorDiagSum_Host - sum of the entries of a row-major rows x cols block (first entry (row0, col0) of the
   global matrix) that lie on the global diagonal `offset` (column - row = offset)
*/
PetscErrorCode HtTensorDiagSum_Host(HtTensor t, PetscInt rows, PetscInt cols, PetscInt row0, PetscInt col0, PetscInt offset, const void *a, PetscScalar *sum)
{
  PetscFunctionBegin;
  *sum = 0;
  for (PetscInt i = 0; i < rows; i++) {
    PetscInt64 j = (PetscInt64)row0 + i + offset - col0;

    if (j >= 0 && j < cols) *sum += HtElementGet(t->dtype, a, i * cols + j);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorQR_Host - Householder QR of a row-major m x f block a: R (kk x f, kk = min(m, f), upper trapezoidal,
   row-major) and, if q is not NULL, Q (m x kk, row-major, orthonormal columns); LAPACK geqrf/orgqr on a
   column-major copy
*/
PetscErrorCode HtTensorQR_Host(HtTensor t, PetscInt m, PetscInt f, const PetscScalar *a, PetscScalar *r, PetscScalar *q)
{
  PetscInt     kk = PetscMin(m, f);
  PetscScalar *acm, *tau, *work, lwork_query;
  PetscBLASInt bm, bf, bkk, lwork = -1, info;

  PetscFunctionBegin;
  if (!kk) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscBLASIntCast(m, &bm));
  PetscCall(PetscBLASIntCast(f, &bf));
  PetscCall(PetscBLASIntCast(kk, &bkk));
  PetscCall(PetscMalloc2((size_t)m * f, &acm, kk, &tau));
  for (PetscInt i = 0; i < m; i++)
    for (PetscInt j = 0; j < f; j++) acm[i + j * m] = a[i * f + j];
  PetscCallBLAS("LAPACKgeqrf", LAPACKgeqrf_(&bm, &bf, acm, &bm, tau, &lwork_query, &lwork, &info));
  lwork = (PetscBLASInt)PetscRealPart(lwork_query);
  PetscCall(PetscMalloc1(PetscMax(lwork, 1), &work));
  PetscCallBLAS("LAPACKgeqrf", LAPACKgeqrf_(&bm, &bf, acm, &bm, tau, work, &lwork, &info));
  PetscCheck(!info, PETSC_COMM_SELF, PETSC_ERR_LIB, "LAPACK geqrf failed with info %d", (int)info);
  for (PetscInt i = 0; i < kk; i++)
    for (PetscInt j = 0; j < f; j++) r[i * f + j] = j >= i ? acm[i + j * m] : 0;
  if (q) {
    PetscCallBLAS("LAPACKorgqr", LAPACKorgqr_(&bm, &bkk, &bkk, acm, &bm, tau, work, &lwork, &info));
    PetscCheck(!info, PETSC_COMM_SELF, PETSC_ERR_LIB, "LAPACK orgqr failed with info %d", (int)info);
    for (PetscInt i = 0; i < m; i++)
      for (PetscInt j = 0; j < kk; j++) q[i * kk + j] = acm[i + j * m];
  }
  PetscCall(PetscFree(work));
  PetscCall(PetscFree2(acm, tau));
  PetscCall(PetscLogFlops(4.0 * m * f * kk));
  PetscFunctionReturn(PETSC_SUCCESS);
}
