/*
   Per-column summary statistics of a data matrix, computed in one pass over the
   local rows and merged across ranks with Chan's pairwise update (stable, no
   sum of squares).
*/
#include <heat/private/tensorimpl.h>

typedef struct {
  PetscReal n, mean, m2, min, max;
} HtMoments;

/* Chan et al.: merge the moments of two disjoint sets of samples into b */
static void HtMomentsMerge(const HtMoments *a, HtMoments *b)
{
  PetscReal n = a->n + b->n, delta = b->mean - a->mean, scaled;

  if (a->n == 0) return;
  if (b->n == 0) {
    *b = *a;
    return;
  }
  scaled  = delta * PetscSqrtReal(a->n / n * b->n); /* delta^2 na nb / n without overflowing early */
  b->m2   = a->m2 + b->m2 + scaled * scaled;
  b->mean = a->mean + delta * b->n / n;
  b->n    = n;
  b->min  = PetscMin(a->min, b->min);
  b->max  = PetscMax(a->max, b->max);
}

static void MPIAPI HtMomentsMergeOp(void *in, void *inout, int *len, MPI_Datatype *type)
{
  for (int i = 0; i < *len; i++) HtMomentsMerge(&((const HtMoments *)in)[i], &((HtMoments *)inout)[i]);
}

/* Welford over the local rows of every column */
static PetscErrorCode HtTensorLocalMoments_Private(HtTensor X, HtMoments *mom)
{
  const PetscScalar *x;
  PetscInt           m = X->lshape[0], f = X->lshape[1];

  PetscFunctionBegin;
  for (PetscInt j = 0; j < f; j++) {
    mom[j].n    = 0;
    mom[j].mean = mom[j].m2 = 0;
    mom[j].min  = PETSC_MAX_REAL;
    mom[j].max  = PETSC_MIN_REAL;
  }
  PetscCall(HtTensorGetArrayRead(X, &x));
  for (PetscInt i = 0; i < m; i++) {
    for (PetscInt j = 0; j < f; j++) {
      PetscReal v = PetscRealPart(x[i * f + j]), delta = v - mom[j].mean;

      mom[j].n += 1;
      mom[j].mean += delta / mom[j].n;
      mom[j].m2 += delta * (v - mom[j].mean);
      mom[j].min = PetscMin(mom[j].min, v);
      mom[j].max = PetscMax(mom[j].max, v);
    }
  }
  PetscCall(HtTensorRestoreArrayRead(X, &x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorDescribe - Per-column minimum, mean, maximum and standard deviation of a 2-d data tensor.

   Collective

   Input Parameter:
.  X - an `HT_SCALAR` tensor of shape (samples, features), split 0

   Output Parameters:
+  min - minimum of each column (or NULL)
.  mean - mean of each column (or NULL)
.  max - maximum of each column (or NULL)
-  std - population standard deviation (ddof 0, as NumPy's std) of each column (or NULL)

   Level: beginner

   Notes:
   The outputs are replicated (split -1) 1-d tensors of length `features`. One pass
   over the local rows (Welford) and one reduction merging the per-rank partial
   moments pairwise (Chan et al.), so the result is accurate even when the mean is
   large compared with the spread. NaN in X propagates to the column's mean and std.

.seealso: `HtTensorLoad()`
@*/
PetscErrorCode HtTensorDescribe(HtTensor X, HtTensor *min, HtTensor *mean, HtTensor *max, HtTensor *std)
{
  MPI_Comm      comm;
  HtMoments    *local, *global;
  MPI_Datatype  momtype;
  MPI_Op        merge;
  PetscInt      f;
  HtTensor     *outs[4] = {min, mean, max, std};

  PetscFunctionBegin;
  PetscValidHeaderSpecific(X, HT_TENSOR_CLASSID, 1);
  comm = PetscObjectComm((PetscObject)X);
  PetscCheck(X->ndim == 2, comm, PETSC_ERR_ARG_WRONG, "HtTensorDescribe() needs a 2-d (samples, features) tensor, not %" PetscInt_FMT "-d", X->ndim);
  PetscCheck(X->split == 0, comm, PETSC_ERR_ARG_WRONG, "HtTensorDescribe() needs a tensor split along its samples (axis 0), not %" PetscInt_FMT "; use HtTensorResplit(X, 0, &Y)", X->split);
  PetscCheck(X->dtype == HT_SCALAR, comm, PETSC_ERR_ARG_WRONG, "HtTensorDescribe() needs an HT_SCALAR tensor; convert with HtTensorAsType()");
  f = X->shape[1];
  PetscCall(PetscMalloc2(f, &local, f, &global));
  PetscCall(HtTensorLocalMoments_Private(X, local));
  PetscCallMPI(MPI_Type_contiguous(5, MPIU_REAL, &momtype));
  PetscCallMPI(MPI_Type_commit(&momtype));
  PetscCallMPI(MPI_Op_create(HtMomentsMergeOp, 0, &merge));
  PetscCallMPI(MPI_Allreduce(local, global, (PetscMPIInt)f, momtype, merge, comm));
  PetscCallMPI(MPI_Op_free(&merge));
  PetscCallMPI(MPI_Type_free(&momtype));
  for (PetscInt k = 0; k < 4; k++) {
    PetscScalar *a;

    if (!outs[k]) continue;
    PetscCall(HtTensorCreate(comm, 1, &f, -1, HT_SCALAR, outs[k]));
    PetscCall(HtTensorGetArrayWrite(*outs[k], &a));
    for (PetscInt j = 0; j < f; j++) {
      const HtMoments *g = &global[j];

      a[j] = k == 0 ? g->min : k == 1 ? g->mean : k == 2 ? g->max : PetscSqrtReal(g->m2 / g->n);
    }
    PetscCall(HtTensorRestoreArrayWrite(*outs[k], &a));
  }
  PetscCall(PetscFree2(local, global));
  PetscFunctionReturn(PETSC_SUCCESS);
}
