/*
   Matrix products of distributed 2-d tensors: HtTensorMatMul() and HtTensorTransposeMatMul() for every pair
   of splits, HtTensorDot() and HtTensorOuter().

   Every case is one of three schemes, none of which holds both full operands on a rank:
     local      - each rank multiplies what it has (op(A) not split along k, B not split along k);
     ring       - one operand's local blocks travel around the ring of ranks (double-buffered,
                  communication overlapping the local GEMM), the other stays;
     reduction  - the contraction axis k is distributed alike in both operands: local GEMM of the
                  matching k-blocks, then one allreduce of the partial products.
*/
#include <heat/private/tensorimpl.h>

/* the product C = op(A) B: op(A) is n x k (A itself, or A^T), B is k x m */
typedef struct {
  HtTensor    A, B, C;
  PetscBool   transa;
  PetscInt    n, k, m;
  PetscInt    sa, sb;  /* splits of op(A) and of B */
  PetscInt    lda;     /* row length of A's local block */
  HtDType     dtype;   /* of A, B and C */
  size_t      esize;
  const char *a, *b;   /* local blocks */
  char       *c;
} HtMatMulCtx;

/* entry (i, j) of op(A) inside a block of A stored with row length lda */
static inline const char *HtOpABlock(const HtMatMulCtx *ctx, const char *a, PetscInt lda, PetscInt i, PetscInt j)
{
  return a + (ctx->transa ? (size_t)j * lda + i : (size_t)i * lda + j) * ctx->esize;
}

/* C[:, cols] += op(A)[rows, kblock] B[kblock, cols] (or = when not add) with leading dimensions of the blocks as stored */
static PetscErrorCode HtMatMulBlock(HtMatMulCtx *ctx, PetscInt rows, PetscInt cols, PetscInt kb, const char *a, PetscInt lda, const char *b, PetscInt ldb, PetscBool add, char *c, PetscInt ldc)
{
  PetscFunctionBegin;
  PetscCall((*ctx->C->ops->gemm)(ctx->C, ctx->dtype, ctx->transa, PETSC_FALSE, rows, cols, kb, a, lda, b, ldb, add, c, ldc));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ring over B split 0 (k-blocks): C[rows_r, :] += op(A)[rows_r, k_q] B_q */
static PetscErrorCode HtMatMulVisitBRows(void *vctx, PetscMPIInt q, const void *bq)
{
  HtMatMulCtx *ctx = (HtMatMulCtx *)vctx;
  PetscInt     k0 = ctx->B->map->range[q], kq = ctx->B->map->range[q + 1] - k0;

  PetscFunctionBegin;
  PetscCall(HtMatMulBlock(ctx, ctx->C->lshape[0], ctx->m, kq, HtOpABlock(ctx, ctx->a, ctx->lda, 0, k0), ctx->lda, (const char *)bq, ctx->m, PETSC_TRUE, ctx->c, ctx->m));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ring over B split 1 (column blocks): C[rows_r, cols_q] += op(A)[rows_r, :] B_q */
static PetscErrorCode HtMatMulVisitBCols(void *vctx, PetscMPIInt q, const void *bq)
{
  HtMatMulCtx *ctx = (HtMatMulCtx *)vctx;
  PetscInt     j0 = ctx->B->map->range[q], mq = ctx->B->map->range[q + 1] - j0;

  PetscFunctionBegin;
  PetscCall(HtMatMulBlock(ctx, ctx->C->lshape[0], mq, ctx->k, ctx->a, ctx->lda, (const char *)bq, mq, PETSC_FALSE, ctx->c + (size_t)j0 * ctx->esize, ctx->m));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ring over op(A) split 1 (k-blocks, as A stores them): C[:, cols_r] += op(A)_q B[k_q, cols_r] */
static PetscErrorCode HtMatMulVisitACols(void *vctx, PetscMPIInt q, const void *aq)
{
  HtMatMulCtx *ctx = (HtMatMulCtx *)vctx;
  PetscInt     k0 = ctx->A->map->range[q], kq = ctx->A->map->range[q + 1] - k0, mr = ctx->C->lshape[1];

  PetscFunctionBegin;
  PetscCall(HtMatMulBlock(ctx, ctx->n, mr, kq, (const char *)aq, ctx->transa ? ctx->n : kq, ctx->b + (size_t)k0 * mr * ctx->esize, mr, PETSC_TRUE, ctx->c, mr));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* local scheme: C_local = op(A)_local B_local (op(A) not split along k, B not split along k) */
static PetscErrorCode HtMatMulLocal(HtMatMulCtx *ctx)
{
  PetscFunctionBegin;
  PetscCall(HtMatMulBlock(ctx, ctx->C->lshape[0], ctx->C->lshape[1], ctx->k, ctx->a, ctx->lda, ctx->b, ctx->B->lshape[1], PETSC_FALSE, ctx->c, ctx->C->lshape[1]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* reduction scheme: the rank's k-range [k0, k1) of both operands, one GEMM, one allreduce into the replicated C */
static PetscErrorCode HtMatMulReduce(HtMatMulCtx *ctx)
{
  PetscInt     k0, k1;
  MPI_Datatype mtype;
  PetscMPIInt  count;
  const char  *a = ctx->a, *b = ctx->b;

  PetscFunctionBegin;
  PetscCall(HtTensorGetOwnershipRange(ctx->sa == 1 ? ctx->A : ctx->B, &k0, &k1));
  if (ctx->sa != 1) a = HtOpABlock(ctx, a, ctx->lda, 0, k0); /* op(A) replicated: its columns k0..k1 */
  if (ctx->sb != 0) b += (size_t)k0 * ctx->m * ctx->esize;   /* B replicated: its rows k0..k1 */
  PetscCall(HtMatMulBlock(ctx, ctx->n, ctx->m, k1 - k0, a, ctx->lda, b, ctx->m, PETSC_FALSE, ctx->c, ctx->m));
  PetscCall(HtDTypeGetMPIType(ctx->dtype, &mtype));
  PetscCall(PetscMPIIntCast(ctx->n * ctx->m, &count));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, ctx->c, count, mtype, MPI_SUM, PetscObjectComm((PetscObject)ctx->C)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the scheme of a pair of splits of op(A) and B, and the split of the result (and which operand sets its layout) */
typedef enum {
  HT_MATMUL_LOCAL,
  HT_MATMUL_RING_B_ROWS,
  HT_MATMUL_RING_B_COLS,
  HT_MATMUL_RING_A_COLS,
  HT_MATMUL_REDUCE
} HtMatMulScheme;

static const struct {
  HtMatMulScheme scheme;
  PetscInt       csplit;
} HtMatMulTable[3][3] = {
  /* op(A) split -1 */ {{HT_MATMUL_LOCAL, -1}, {HT_MATMUL_REDUCE, -1}, {HT_MATMUL_LOCAL, 1}},
  /* op(A) split 0 */ {{HT_MATMUL_LOCAL, 0}, {HT_MATMUL_RING_B_ROWS, 0}, {HT_MATMUL_RING_B_COLS, 0}},
  /* op(A) split 1 */ {{HT_MATMUL_REDUCE, -1}, {HT_MATMUL_REDUCE, -1}, {HT_MATMUL_RING_A_COLS, 1}},
};

/* B copied to the k-layout of op(A) when both split the contraction axis differently */
static PetscErrorCode HtMatMulAlignK(HtMatMulCtx *ctx)
{
  PetscInt  same = ctx->A->map->n == ctx->B->map->n, all;
  HtTensor  aligned;

  PetscFunctionBegin;
  PetscCall(MPIU_Allreduce(&same, &all, 1, MPIU_INT, MPI_LAND, PetscObjectComm((PetscObject)ctx->A)));
  if (all) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtTensorCreateWithLayout(PetscObjectComm((PetscObject)ctx->B), 2, ctx->B->shape, 0, ctx->dtype, ctx->A->map->n, &aligned));
  PetscCall(HtTensorCopy(ctx->B, aligned));
  PetscCall(HtTensorDestroy(&ctx->B));
  ctx->B = aligned;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* errors for operands that are not 2-d or whose inner dimensions differ, worded as NumPy's */
static PetscErrorCode HtMatMulCheck(const char fname[], HtTensor A, PetscBool transa, HtTensor B)
{
  MPI_Comm comm = PetscObjectComm((PetscObject)A);
  char     sa[256], sb[256];
  PetscInt ka;

  PetscFunctionBegin;
  PetscCall(HtTensorCheckSameComm_Private(A, B, fname));
  PetscCall(HtShapeToString(A->ndim, A->shape, sa, sizeof(sa)));
  PetscCall(HtShapeToString(B->ndim, B->shape, sb, sizeof(sb)));
  PetscCheck(A->ndim == 2 && B->ndim == 2, comm, PETSC_ERR_ARG_SIZ, "%s() multiplies 2-d tensors, not shapes %s and %s; use HtTensorDot() for 1-d vectors", fname, sa, sb);
  ka = A->shape[transa ? 0 : 1];
  PetscCheck(ka == B->shape[0], comm, PETSC_ERR_ARG_SIZ, "%s(): shapes %s and %s: input operand 1 has a mismatch in its core dimension 0 (size %" PetscInt_FMT " is different from %" PetscInt_FMT ")%s", fname, sa, sb, B->shape[0], ka,
             transa ? "; the product is A^T B, so the operands need the same number of rows" : "");
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* C = op(A) B for 2-d A and B of any splits */
static PetscErrorCode HtTensorMatMul_Private(HtTensor A, PetscBool transa, HtTensor B, HtTensor *C)
{
  MPI_Comm       comm = PetscObjectComm((PetscObject)A);
  HtMatMulCtx    ctx;
  HtMatMulScheme scheme;
  HtDType        dtype  = A->dtype == HT_SCALAR || B->dtype == HT_SCALAR ? HT_SCALAR : HT_INT;
  PetscBool      isbool = (PetscBool)(A->dtype == HT_BOOL && B->dtype == HT_BOOL);
  PetscInt       cshape[2], csplit, clocal = PETSC_DECIDE;

  PetscFunctionBegin;
  PetscCall(PetscMemzero(&ctx, sizeof(ctx)));
  ctx.transa = transa;
  ctx.dtype  = dtype;
  PetscCall(HtDTypeGetSize(dtype, &ctx.esize));
  PetscCall(HtTensorGetAsType_Private(A, dtype, &ctx.A));
  PetscCall(HtTensorGetAsType_Private(B, dtype, &ctx.B));
  ctx.n   = A->shape[transa ? 1 : 0];
  ctx.k   = A->shape[transa ? 0 : 1];
  ctx.m   = B->shape[1];
  ctx.sa  = A->split < 0 || !transa ? A->split : 1 - A->split;
  ctx.sb  = B->split;
  ctx.lda = A->lshape[1];
  scheme  = HtMatMulTable[ctx.sa + 1][ctx.sb + 1].scheme;
  csplit  = HtMatMulTable[ctx.sa + 1][ctx.sb + 1].csplit;
  if (csplit == 0) clocal = A->map->n; /* the rows of op(A) as it has them */
  if (csplit == 1) clocal = B->map->n; /* the columns of B as it has them */
  if (scheme == HT_MATMUL_REDUCE && ctx.sa == 1 && ctx.sb == 0) PetscCall(HtMatMulAlignK(&ctx));
  cshape[0] = ctx.n;
  cshape[1] = ctx.m;
  PetscCall(HtTensorCreate_Private(comm, 2, cshape, csplit, dtype, clocal, NULL, &ctx.C));
  PetscCall(HtTensorGetArrayRead(ctx.A, (void *)&ctx.a));
  PetscCall(HtTensorGetArrayRead(ctx.B, (void *)&ctx.b));
  PetscCall(HtTensorGetArray(ctx.C, &ctx.c));
  switch (scheme) {
  case HT_MATMUL_LOCAL:
    PetscCall(HtMatMulLocal(&ctx));
    break;
  case HT_MATMUL_RING_B_ROWS:
    PetscCall(HtTensorRingVisit_Private(ctx.B, HtMatMulVisitBRows, &ctx));
    break;
  case HT_MATMUL_RING_B_COLS:
    PetscCall(HtTensorRingVisit_Private(ctx.B, HtMatMulVisitBCols, &ctx));
    break;
  case HT_MATMUL_RING_A_COLS:
    PetscCall(HtTensorRingVisit_Private(ctx.A, HtMatMulVisitACols, &ctx));
    break;
  case HT_MATMUL_REDUCE:
    PetscCall(HtMatMulReduce(&ctx));
    break;
  }
  PetscCall(HtTensorRestoreArray(ctx.C, &ctx.c));
  PetscCall(HtTensorRestoreArrayRead(ctx.B, (void *)&ctx.b));
  PetscCall(HtTensorRestoreArrayRead(ctx.A, (void *)&ctx.a));
  PetscCall(HtTensorDestroy(&ctx.A));
  PetscCall(HtTensorDestroy(&ctx.B));
  if (isbool) {
    PetscCall(HtTensorAsType(ctx.C, HT_BOOL, C));
    PetscCall(HtTensorDestroy(&ctx.C));
  } else *C = ctx.C;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the public products C = op(A) B: validates and checks the operands of `fname`, then multiplies under the MatMul event */
static PetscErrorCode HtTensorMatMulChecked(const char fname[], HtTensor A, PetscBool transa, HtTensor B, HtTensor *C)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(A, HT_TENSOR_CLASSID, 1);
  PetscValidHeaderSpecific(B, HT_TENSOR_CLASSID, 2);
  PetscValidPointer(C, 3);
  PetscCall(HtMatMulCheck(fname, A, transa, B));
  PetscCall(PetscLogEventBegin(HT_TENSOR_MatMul, A, B, 0, 0));
  PetscCall(HtTensorMatMul_Private(A, transa, B, C));
  PetscCall(PetscLogEventEnd(HT_TENSOR_MatMul, A, B, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorMatMul - Matrix product C = A B of two 2-d tensors (NumPy's matmul), for every pair of splits.

   Collective

   Input Parameters:
+  A - an n x k tensor, split -1, 0 or 1
-  B - a k x m tensor, split -1, 0 or 1, on the same communicator

   Output Parameter:
.  C - the n x m product

   Level: beginner

   Notes:
   The split of C and the scheme for each pair (split of A, split of B):
.vb
     (-1,-1) -> -1  local GEMM on every rank
     ( 0,-1) ->  0  local GEMM of A's rows; C has A's row layout
     (-1, 1) ->  1  local GEMM of B's columns; C has B's column layout
     ( 0, 0) ->  0  B's row blocks travel around the ring of ranks, C += A[:, kq] Bq
     ( 0, 1) ->  0  B's column blocks travel around the ring, C[:, cols q] = A Bq
     ( 1, 1) ->  1  A's column blocks travel around the ring, C += Aq B[kq, :]
     ( 1, 0), ( 1,-1), (-1, 0) -> -1  the contraction axis is distributed: local GEMM of the matching
                    k-blocks (B is first redistributed to A's column layout if they differ) and one allreduce
.ve
   No rank ever holds both full operands; the ring schemes hold the local blocks plus two blocks in transit,
   and overlap the transfers with the GEMM. Split-0 results take A's row layout, split-1 results B's column
   layout. `HT_INT` operands give an `HT_INT` product (exact integer arithmetic), two `HT_BOOL` operands an
   `HT_BOOL` product (true where some a_ip and b_pj are both true), and an `HT_SCALAR` operand an
   `HT_SCALAR` product, as NumPy's type promotion. k = 0 gives zeros; empty n or m gives an empty product.

.seealso: `HtTensorTransposeMatMul()`, `HtTensorDot()`, `HtTensorOuter()`, `HtTensorTranspose()`
@*/
PetscErrorCode HtTensorMatMul(HtTensor A, HtTensor B, HtTensor *C)
{
  PetscFunctionBegin;
  PetscCall(HtTensorMatMulChecked("HtTensorMatMul", A, PETSC_FALSE, B, C));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorTransposeMatMul - Matrix product C = A^T B without forming A^T, for every pair of splits.

   Collective

   Input Parameters:
+  A - a k x n tensor, split -1, 0 or 1
-  B - a k x m tensor, split -1, 0 or 1, on the same communicator

   Output Parameter:
.  C - the n x m product A^T B

   Level: intermediate

   Notes:
   The same as `HtTensorMatMul()` of A^T (whose split is 1 where A's is 0, and 0 where A's is 1) and B,
   with the same result splits; GEMM reads A transposed in place. For data X (samples x features) split 0,
   `HtTensorTransposeMatMul(X, X, &G)` is the Gram matrix X^T X: one local GEMM and one allreduce of the
   features x features result, which every rank then holds (split -1).

.seealso: `HtTensorMatMul()`
@*/
PetscErrorCode HtTensorTransposeMatMul(HtTensor A, HtTensor B, HtTensor *C)
{
  PetscFunctionBegin;
  PetscCall(HtTensorMatMulChecked("HtTensorTransposeMatMul", A, PETSC_TRUE, B, C));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a copy of the 1-d tensor v seen as the 2-d `shape`, split `split` with v's local length (the data order is the same) */
static PetscErrorCode HtVectorAsMatrix(HtTensor v, const PetscInt shape[], PetscInt split, HtTensor *M)
{
  const void *a;

  PetscFunctionBegin;
  PetscCall(HtTensorGetArrayRead(v, &a));
  PetscCall(HtTensorCreateFromLocalArray(PetscObjectComm((PetscObject)v), 2, shape, split, v->dtype, split < 0 ? PETSC_DECIDE : v->lshape[0], a, M));
  PetscCall(HtTensorRestoreArrayRead(v, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* x y for a 2-d x and a 1-d y, or x^T y for a 1-d x and a 2-d y: the vector as a (k, 1) or (1, k) matrix */
static PetscErrorCode HtTensorMatVec(HtTensor x, HtTensor y, HtTensor *out)
{
  PetscBool vecleft = (PetscBool)(x->ndim == 1);
  HtTensor  v, M;
  PetscInt  k = vecleft ? x->shape[0] : y->shape[0];

  PetscFunctionBegin;
  if (vecleft) PetscCall(HtVectorAsMatrix(x, (PetscInt[]){1, k}, x->split < 0 ? -1 : 1, &v));
  else PetscCall(HtVectorAsMatrix(y, (PetscInt[]){k, 1}, y->split, &v));
  PetscCall(HtTensorMatMul_Private(vecleft ? v : x, PETSC_FALSE, vecleft ? y : v, &M));
  PetscCall(HtTensorSqueeze(M, 1, (PetscInt[]){vecleft ? 0 : 1}, out));
  PetscCall(HtTensorDestroy(&M));
  PetscCall(HtTensorDestroy(&v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the inner product of two 1-d tensors on every rank; a replicated operand is cut to the other's range */
static PetscErrorCode HtTensorInner_Private(HtTensor x, HtTensor y, HtTensor *out)
{
  MPI_Comm     comm   = PetscObjectComm((PetscObject)x);
  HtDType      dtype  = x->dtype == HT_SCALAR || y->dtype == HT_SCALAR ? HT_SCALAR : HT_INT;
  PetscBool    isbool = (PetscBool)(x->dtype == HT_BOOL && y->dtype == HT_BOOL);
  HtTensor     xs, ys, r;
  PetscInt     lo = 0, hi = x->shape[0];
  size_t       es;
  const char  *xa, *ya;
  void        *ra;
  MPI_Datatype mtype;

  PetscFunctionBegin;
  PetscCall(HtTensorGetAsType_Private(x, dtype, &xs));
  if (x->split == 0 && y->split == 0 && x->map->n != y->map->n) { /* y to x's layout */
    PetscCall(HtTensorCreateWithLayout(comm, 1, y->shape, 0, dtype, x->map->n, &ys));
    PetscCall(HtTensorGetAsType_Private(y, dtype, &r));
    PetscCall(HtTensorCopy(r, ys));
    PetscCall(HtTensorDestroy(&r));
  } else PetscCall(HtTensorGetAsType_Private(y, dtype, &ys));
  if (x->split == 0 || y->split == 0) PetscCall(HtTensorGetOwnershipRange(x->split == 0 ? x : y, &lo, &hi));
  PetscCall(HtDTypeGetSize(dtype, &es));
  PetscCall(HtTensorCreate(comm, 0, NULL, -1, dtype, &r));
  PetscCall(HtTensorGetArrayRead(xs, (void *)&xa));
  PetscCall(HtTensorGetArrayRead(ys, (void *)&ya));
  PetscCall(HtTensorGetArray(r, &ra));
  if (x->split < 0) xa += (size_t)lo * es;
  if (y->split < 0) ya += (size_t)lo * es;
  PetscCall((*r->ops->gemm)(r, dtype, PETSC_FALSE, PETSC_FALSE, 1, 1, hi - lo, xa, hi - lo, ya, 1, PETSC_FALSE, ra, 1));
  PetscCall(HtDTypeGetMPIType(dtype, &mtype));
  if (x->split == 0 || y->split == 0) PetscCall(MPIU_Allreduce(MPI_IN_PLACE, ra, 1, mtype, MPI_SUM, comm));
  PetscCall(HtTensorRestoreArray(r, &ra));
  PetscCall(HtTensorRestoreArrayRead(ys, (void *)&ya));
  PetscCall(HtTensorRestoreArrayRead(xs, (void *)&xa));
  PetscCall(HtTensorDestroy(&xs));
  PetscCall(HtTensorDestroy(&ys));
  if (isbool) {
    PetscCall(HtTensorAsType(r, HT_BOOL, out));
    PetscCall(HtTensorDestroy(&r));
  } else *out = r;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorDot - NumPy's dot of 1-d and 2-d tensors: the inner product of two vectors, the matrix product, and the
   matrix-vector products.

   Collective

   Input Parameters:
+  x - a 1-d or 2-d tensor
-  y - a 1-d or 2-d tensor on the same communicator, its first axis as long as the last axis of x

   Output Parameter:
.  out - for 1-d operands a 0-d tensor that every rank holds (split -1) with sum_i x_i y_i;
         for 2-d operands the product, as `HtTensorMatMul()`;
         for a 2-d x (n, k) and a 1-d y (k) the n-vector x y, for a 1-d x (k) and a 2-d y (k, m) the m-vector x^T y:
         split as `HtTensorMatMul()` splits the product with the vector as a (k, 1) or (1, k) matrix, less that axis
         (replicated where it was the split axis)

   Level: beginner

   Notes:
   1-d operands may have any splits and layouts: a split operand whose layout differs from the other's is
   redistributed, a replicated one is read over the other's local range; one allreduce of one number. A matrix-vector
   product is the matrix product with the vector as a (k, 1) or (1, k) matrix, without gathering either operand.
   Read the value with `HtTensorGetArrayRead()`. The result type follows NumPy's promotion as in `HtTensorMatMul()`.

.seealso: `HtTensorMatMul()`, `HtTensorOuter()`
@*/
PetscErrorCode HtTensorDot(HtTensor x, HtTensor y, HtTensor *out)
{
  char sx[256], sy[256];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidHeaderSpecific(y, HT_TENSOR_CLASSID, 2);
  PetscValidPointer(out, 3);
  PetscCall(HtTensorCheckSameComm_Private(x, y, "HtTensorDot"));
  if (x->ndim == 2 && y->ndim == 2) {
    PetscCall(HtTensorMatMul(x, y, out));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtShapeToString(x->ndim, x->shape, sx, sizeof(sx)));
  PetscCall(HtShapeToString(y->ndim, y->shape, sy, sizeof(sy)));
  PetscCheck((x->ndim == 1 || x->ndim == 2) && (y->ndim == 1 || y->ndim == 2), PetscObjectComm((PetscObject)x), PETSC_ERR_SUP, "HtTensorDot() of shapes %s and %s: it takes 1-d and 2-d tensors; use HtTensorMatMul() on 2-d views (HtTensorReshape()) for more axes", sx, sy);
  PetscCheck(x->shape[x->ndim - 1] == y->shape[0], PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_SIZ, "HtTensorDot(): shapes %s and %s not aligned: %" PetscInt_FMT " (dim %" PetscInt_FMT ") != %" PetscInt_FMT " (dim 0)", sx, sy, x->shape[x->ndim - 1], x->ndim - 1, y->shape[0]);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Dot, x, y, 0, 0));
  if (x->ndim == 1 && y->ndim == 1) PetscCall(HtTensorInner_Private(x, y, out));
  else PetscCall(HtTensorMatVec(x, y, out));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Dot, x, y, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorOuter - Outer product C_ij = x_i y_j of two 1-d tensors (NumPy's outer).

   Collective

   Input Parameters:
+  x - a 1-d tensor of length n, split 0 or -1
-  y - a 1-d tensor of length m, split 0 or -1, on the same communicator

   Output Parameter:
.  C - the n x m tensor: split 0 with x's layout if x is split, else split 1 with y's layout if y is split,
       else replicated

   Level: beginner

   Note:
   The product of x as an n x 1 matrix and y as a 1 x m matrix by `HtTensorMatMul()`: when both are split,
   y's blocks travel around the ring of ranks, so no rank holds all of y.

.seealso: `HtTensorDot()`, `HtTensorMatMul()`
@*/
PetscErrorCode HtTensorOuter(HtTensor x, HtTensor y, HtTensor *C)
{
  HtTensor X, Y;
  char     sx[256], sy[256];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(x, HT_TENSOR_CLASSID, 1);
  PetscValidHeaderSpecific(y, HT_TENSOR_CLASSID, 2);
  PetscValidPointer(C, 3);
  PetscCall(HtTensorCheckSameComm_Private(x, y, "HtTensorOuter"));
  PetscCall(HtShapeToString(x->ndim, x->shape, sx, sizeof(sx)));
  PetscCall(HtShapeToString(y->ndim, y->shape, sy, sizeof(sy)));
  PetscCheck(x->ndim == 1 && y->ndim == 1, PetscObjectComm((PetscObject)x), PETSC_ERR_ARG_SIZ, "HtTensorOuter() takes two 1-d tensors, not shapes %s and %s", sx, sy);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Outer, x, y, 0, 0));
  PetscCall(HtVectorAsMatrix(x, (PetscInt[]){x->shape[0], 1}, x->split, &X));
  PetscCall(HtVectorAsMatrix(y, (PetscInt[]){1, y->shape[0]}, y->split < 0 ? -1 : 1, &Y));
  PetscCall(HtTensorMatMul_Private(X, PETSC_FALSE, Y, C));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtTensorDestroy(&Y));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Outer, x, y, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}
