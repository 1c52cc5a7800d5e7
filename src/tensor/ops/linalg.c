/*
   Linear algebra on distributed tensors: axis permutation (transpose), trace, tril/triu, and the helpers
   that the matrix products, distances and QR share (communicator check, ring of blocks).
*/
#include <heat/private/tensorimpl.h>

PetscLogEvent HT_TENSOR_MatMul, HT_TENSOR_Dot, HT_TENSOR_Outer, HT_TENSOR_Transpose, HT_TENSOR_Trace, HT_TENSOR_Triangle, HT_TENSOR_CDist, HT_TENSOR_QR;

/*
   HtTensorCheckSameComm_Private - error unless b lives on the communicator of a (or a congruent one); fname
   names the operation in the message
*/
PetscErrorCode HtTensorCheckSameComm_Private(HtTensor a, HtTensor b, const char fname[])
{
  PetscMPIInt result;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_compare(PetscObjectComm((PetscObject)a), PetscObjectComm((PetscObject)b), &result));
  PetscCheck(result == MPI_IDENT || result == MPI_CONGRUENT, PetscObjectComm((PetscObject)a), PETSC_ERR_ARG_NOTSAMECOMM, "%s(): the two tensors live on different communicators; create both on the same one", fname);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorGetAsType_Private - t itself (one more reference) if it has the element type dtype, else a converted
   copy; the caller destroys *out either way
*/
PetscErrorCode HtTensorGetAsType_Private(HtTensor t, HtDType dtype, HtTensor *out)
{
  PetscFunctionBegin;
  if (t->dtype == dtype) {
    PetscCall(PetscObjectReference((PetscObject)t));
    *out = t;
  } else PetscCall(HtTensorAsType(t, dtype, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the number of elements of rank q's local block of a split tensor */
static PetscInt HtTensorBlockSize(HtTensor t, PetscMPIInt q)
{
  return t->outer * (t->map->range[q + 1] - t->map->range[q]) * t->inner;
}

/*
   HtTensorRingVisit_Private - calls visit(ctx, q, block) with the local block of the split tensor t of every
   rank q: first this rank's own, then those of rank + 1, rank + 2, ... as they travel around the ring (each
   rank sends the block it has to rank - 1 and receives the next from rank + 1, double-buffered so that the
   transfer overlaps visit()). Besides its own block a rank holds at most two blocks at any time.
*/
PetscErrorCode HtTensorRingVisit_Private(HtTensor t, PetscErrorCode (*visit)(void *, PetscMPIInt, const void *), void *ctx)
{
  MPI_Comm     comm = PetscObjectComm((PetscObject)t);
  PetscMPIInt  size, rank, next, prev, tag;
  PetscInt     maxblock = 0;
  MPI_Datatype mtype;
  const void  *own;
  const char  *cur;
  char        *buf[2];

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  for (PetscMPIInt q = 0; q < size; q++) maxblock = PetscMax(maxblock, HtTensorBlockSize(t, q));
  PetscCall(HtDTypeGetMPIType(t->dtype, &mtype));
  PetscCall(PetscObjectGetNewTag((PetscObject)t, &tag));
  PetscCall(PetscMalloc2(size > 1 ? maxblock * t->esize : 0, &buf[0], size > 2 ? maxblock * t->esize : 0, &buf[1]));
  PetscCall(HtTensorGetArrayRead(t, (void *)&own));
  cur  = (const char *)own;
  next = (rank + 1) % size;
  prev = (rank + size - 1) % size;
  for (PetscMPIInt s = 0; s < size; s++) {
    PetscMPIInt q = (rank + s) % size;
    MPI_Request req[2];
    char       *recv = buf[s % 2];

    if (s < size - 1) {
      PetscCall(HtMPIIrecv(recv, HtTensorBlockSize(t, (q + 1) % size), mtype, next, tag, comm, &req[0]));
      PetscCall(HtMPIIsend(cur, HtTensorBlockSize(t, q), mtype, prev, tag, comm, &req[1]));
    }
    PetscCall((*visit)(ctx, q, cur));
    if (s < size - 1) {
      PetscCallMPI(MPI_Waitall(2, req, MPI_STATUSES_IGNORE));
      cur = recv;
    }
  }
  PetscCall(HtTensorRestoreArrayRead(t, (void *)&own));
  PetscCall(PetscFree2(buf[0], buf[1]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* perm as given (negative axes counted from the end), or the reversed axes when NULL; an error unless a permutation */
static PetscErrorCode HtTensorTransposeAxes(HtTensor t, const PetscInt perm[], PetscInt axes[])
{
  PetscBool seen[HT_MAX_NDIM] = {PETSC_FALSE}, ok = PETSC_TRUE;
  char      shape[256], given[256];

  PetscFunctionBegin;
  for (PetscInt j = 0; j < t->ndim; j++) {
    axes[j] = perm ? perm[j] : t->ndim - 1 - j;
    if (axes[j] < -t->ndim || axes[j] >= t->ndim) ok = PETSC_FALSE;
    else {
      if (axes[j] < 0) axes[j] += t->ndim;
      if (seen[axes[j]]) ok = PETSC_FALSE;
      seen[axes[j]] = PETSC_TRUE;
    }
  }
  if (ok) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtShapeToString(t->ndim, t->shape, shape, sizeof(shape)));
  PetscCall(HtShapeToString(t->ndim, perm, given, sizeof(given)));
  SETERRQ(PetscObjectComm((PetscObject)t), PETSC_ERR_ARG_OUTOFRANGE, "HtTensorTranspose(): axes %s are not a permutation of the axes of a tensor of shape %s; give each axis 0..%" PetscInt_FMT " (or -%" PetscInt_FMT "..-1) exactly once", given, shape, t->ndim - 1, t->ndim);
}

/*@C
   HtTensorTranspose - Permutes the axes of a tensor (NumPy's transpose).

   Collective

   Input Parameters:
+  t - the tensor
-  perm - `ndim` axes: axis j of the result is axis perm[j] of t (negative axes count from the end), or NULL
          to reverse the axes

   Output Parameter:
.  out - the permuted tensor (a copy)

   Level: beginner

   Notes:
   The split follows its axis: the result's split is the position j where perm[j] is t's split axis, and the
   result keeps t's layout of that axis, so each rank permutes its own block and nothing is communicated.
   A 2-d split-0 matrix transposes to a split-1 one; use `HtTensorResplit()` afterwards for another split.

.seealso: `HtTensorTransposeMatMul()`, `HtTensorResplit()`
@*/
PetscErrorCode HtTensorTranspose(HtTensor t, const PetscInt perm[], HtTensor *out)
{
  PetscInt    axes[HT_MAX_NDIM], shape[HT_MAX_NDIM], split = -1;
  const void *in;
  void       *o;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 3);
  PetscCall(HtTensorTransposeAxes(t, perm, axes));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Transpose, t, 0, 0, 0));
  for (PetscInt j = 0; j < t->ndim; j++) {
    shape[j] = t->shape[axes[j]];
    if (axes[j] == t->split) split = j;
  }
  PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)t), t->ndim, shape, split, t->dtype, split < 0 ? PETSC_DECIDE : t->map->n, NULL, out));
  PetscCall(HtTensorGetArrayRead(t, &in));
  PetscCall(HtTensorGetArrayWrite(*out, &o));
  PetscCall((*t->ops->permute)(t, t->ndim, t->lshape, axes, in, o));
  PetscCall(HtTensorRestoreArrayWrite(*out, &o));
  PetscCall(HtTensorRestoreArrayRead(t, &in));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Transpose, t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorTrace - Sum of the entries on a diagonal of a 2-d tensor (NumPy's trace).

   Collective

   Input Parameters:
+  A - a 2-d tensor of any split and dtype
-  offset - the diagonal: 0 the main one, > 0 above it, < 0 below it

   Output Parameter:
.  trace - sum of A[i, i + offset], the same on every rank (0 for a diagonal outside the matrix)

   Level: beginner

   Note:
   Each rank sums the diagonal entries of its block; one allreduce of one number.

.seealso: `HtTensorTril()`, `HtTensorTriu()`
@*/
PetscErrorCode HtTensorTrace(HtTensor A, PetscInt offset, PetscScalar *trace)
{
  char        shape[256];
  const void *a;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(A, HT_TENSOR_CLASSID, 1);
  PetscValidScalarPointer(trace, 3);
  PetscCall(HtShapeToString(A->ndim, A->shape, shape, sizeof(shape)));
  PetscCheck(A->ndim == 2, PetscObjectComm((PetscObject)A), PETSC_ERR_ARG_SIZ, "HtTensorTrace() takes a 2-d tensor, not one of shape %s", shape);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Trace, A, 0, 0, 0));
  PetscCall(HtTensorGetArrayRead(A, &a));
  PetscCall((*A->ops->diagsum)(A, A->lshape[0], A->lshape[1], HtTensorLocalStart(A, 0), HtTensorLocalStart(A, 1), offset, a, trace));
  PetscCall(HtTensorRestoreArrayRead(A, &a));
  if (A->split >= 0) PetscCall(MPIU_Allreduce(MPI_IN_PLACE, trace, 1, MPIU_SCALAR, MPIU_SUM, PetscObjectComm((PetscObject)A)));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Trace, A, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* tril (lower) or triu of the last two axes */
static PetscErrorCode HtTensorTriangle_Private(HtTensor t, PetscInt k, PetscBool lower, HtTensor *out)
{
  PetscInt    r = t->ndim - 2, c = t->ndim - 1, nbatch = 1;
  char        shape[256];
  const void *in;
  void       *o;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(out, 3);
  PetscCall(HtShapeToString(t->ndim, t->shape, shape, sizeof(shape)));
  PetscCheck(t->ndim >= 2, PetscObjectComm((PetscObject)t), PETSC_ERR_ARG_SIZ, "%s() takes a tensor of 2 or more axes (a matrix, or a stack of them along the leading axes), not one of shape %s", lower ? "HtTensorTril" : "HtTensorTriu", shape);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Triangle, t, 0, 0, 0));
  for (PetscInt d = 0; d < r; d++) nbatch *= t->lshape[d];
  PetscCall(HtTensorDuplicate(t, out));
  PetscCall(HtTensorGetArrayRead(t, &in));
  PetscCall(HtTensorGetArrayWrite(*out, &o));
  PetscCall((*t->ops->triangle)(t, nbatch, t->lshape[r], t->lshape[c], HtTensorLocalStart(t, r), HtTensorLocalStart(t, c), k, lower, in, o));
  PetscCall(HtTensorRestoreArrayWrite(*out, &o));
  PetscCall(HtTensorRestoreArrayRead(t, &in));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Triangle, t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorTril - Lower triangle of a matrix, or of each matrix of a stack (NumPy's tril).

   Collective

   Input Parameters:
+  t - a tensor of 2 or more axes, any split and dtype; the last two axes are the matrix rows and columns
-  k - the diagonal above which entries are zeroed: 0 the main one, > 0 above it, < 0 below it

   Output Parameter:
.  out - a copy of t (same split and layout) with the entries (i, j) where j - i > k set to zero

   Level: beginner

.seealso: `HtTensorTriu()`, `HtTensorTrace()`
@*/
PetscErrorCode HtTensorTril(HtTensor t, PetscInt k, HtTensor *out)
{
  PetscFunctionBegin;
  PetscCall(HtTensorTriangle_Private(t, k, PETSC_TRUE, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorTriu - Upper triangle of a matrix, or of each matrix of a stack (NumPy's triu).

   Collective

   Input Parameters:
+  t - a tensor of 2 or more axes, any split and dtype; the last two axes are the matrix rows and columns
-  k - the diagonal below which entries are zeroed: 0 the main one, > 0 above it, < 0 below it

   Output Parameter:
.  out - a copy of t (same split and layout) with the entries (i, j) where j - i < k set to zero

   Level: beginner

.seealso: `HtTensorTril()`, `HtTensorTrace()`
@*/
PetscErrorCode HtTensorTriu(HtTensor t, PetscInt k, HtTensor *out)
{
  PetscFunctionBegin;
  PetscCall(HtTensorTriangle_Private(t, k, PETSC_FALSE, out));
  PetscFunctionReturn(PETSC_SUCCESS);
}
