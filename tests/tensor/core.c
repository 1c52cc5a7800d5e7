static const char help[] = "Tests HtTensor creation, accessors, layouts, Duplicate, Copy, AsType, GetVec and View.\n\n";

#include <heat.h>

/* sum over the local block of value * (flat global index + 1), reduced: the same on any layout */
static PetscErrorCode Checksum(HtTensor t, PetscReal *sum)
{
  const PetscInt *shape, *lshape;
  PetscInt        ndim, split, nlocal, rstart, inner = 1, outer = 1, nsplit;
  const void     *a;
  HtDType         dtype;
  PetscReal       local = 0;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetNDim(t, &ndim));
  PetscCall(HtTensorGetShape(t, &shape));
  PetscCall(HtTensorGetLocalShape(t, &lshape));
  PetscCall(HtTensorGetSplit(t, &split));
  PetscCall(HtTensorGetDType(t, &dtype));
  PetscCall(HtTensorGetLocalSize(t, &nlocal));
  PetscCall(HtTensorGetOwnershipRange(t, &rstart, NULL));
  if (split < 0) rstart = 0;
  for (PetscInt d = 0; d < ndim; d++) {
    if (split >= 0 && d < split) outer *= shape[d];
    if (split >= 0 && d > split) inner *= shape[d];
  }
  nsplit = split >= 0 ? lshape[split] : 1;
  if (split < 0) inner = nlocal;
  PetscCall(HtTensorGetArrayRead(t, &a));
  for (PetscInt i = 0; i < nlocal; i++) {
    PetscInt o = i / (nsplit * inner), r = (i / inner) % nsplit, j = i % inner;
    PetscInt g = split < 0 ? i : (o * shape[split] + rstart + r) * inner + j;
    PetscReal v = dtype == HT_SCALAR ? PetscRealPart(((const PetscScalar *)a)[i]) : dtype == HT_INT ? (PetscReal)((const PetscInt *)a)[i] : (PetscReal)((const PetscBool *)a)[i];
    local += v * (g + 1);
  }
  PetscCall(HtTensorRestoreArrayRead(t, &a));
  if (split >= 0) PetscCall(MPIU_Allreduce(&local, sum, 1, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)t)));
  else *sum = local;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* prints the checksum and whether HtTensorIsBalanced() says what it should */
static PetscErrorCode PrintSummary(HtTensor t, const char label[], PetscBool expectbalanced)
{
  PetscReal sum;
  PetscBool balanced;

  PetscFunctionBeginUser;
  PetscCall(Checksum(t, &sum));
  PetscCall(HtTensorIsBalanced(t, &balanced));
  PetscCall(PetscPrintf(PetscObjectComm((PetscObject)t), "%s: checksum %.17g balance %s\n", label, (double)sum, balanced == expectbalanced ? "as expected" : "WRONG"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  HtTensor        a, b, c, ints;
  PetscInt        shape[3] = {5, 3, 2}, ndim, split, n, N, rstart, rend;
  const PetscInt *s, *ls, *ranges;
  PetscMPIInt     rank, size;
  PetscScalar    *x;
  Vec             v;
  PetscReal       norm;
  HtDType         dtype;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));

  /* accessors of a 3-d tensor split along axis 1 */
  PetscCall(HtTensorArange(PETSC_COMM_WORLD, 0, 30, 1, -1, HT_SCALAR, &c));
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 3, shape, 1, HT_SCALAR, &a));
  PetscCall(HtTensorSetName(a, "a"));
  PetscCall(HtTensorGetNDim(a, &ndim));
  PetscCall(HtTensorGetShape(a, &s));
  PetscCall(HtTensorGetLocalShape(a, &ls));
  PetscCall(HtTensorGetSplit(a, &split));
  PetscCall(HtTensorGetDType(a, &dtype));
  PetscCall(HtTensorGetSize(a, &N));
  PetscCall(HtTensorGetLocalSize(a, &n));
  PetscCall(HtTensorGetOwnershipRange(a, &rstart, &rend));
  PetscCall(HtTensorGetOwnershipRanges(a, &ranges));
  PetscCheck(ndim == 3 && s[0] == 5 && s[1] == 3 && s[2] == 2 && split == 1 && dtype == HT_SCALAR && N == 30, PETSC_COMM_SELF, PETSC_ERR_PLIB, "wrong accessors");
  PetscCheck(ls[0] == 5 && ls[1] == rend - rstart && ls[2] == 2 && n == 10 * (rend - rstart) && ranges[rank] == rstart && ranges[size] == 3, PETSC_COMM_SELF, PETSC_ERR_PLIB, "wrong local shape");
  PetscCall(PetscSynchronizedPrintf(PETSC_COMM_WORLD, "[%d] owns [%" PetscInt_FMT ", %" PetscInt_FMT ") of axis 1, %" PetscInt_FMT " elements\n", rank, rstart, rend, n));
  PetscCall(PetscSynchronizedFlush(PETSC_COMM_WORLD, PETSC_STDOUT));

  /* fill through GetArray with the global flat index, check against arange */
  PetscCall(HtTensorGetArray(a, &x));
  for (PetscInt i = 0; i < 5; i++)
    for (PetscInt j = rstart; j < rend; j++)
      for (PetscInt k = 0; k < 2; k++) x[(i * (rend - rstart) + (j - rstart)) * 2 + k] = (i * 3 + j) * 2 + k;
  PetscCall(HtTensorRestoreArray(a, &x));
  PetscCall(PrintSummary(a, "a (arange 30, split 1)", PETSC_TRUE));
  PetscCall(PrintSummary(c, "arange(30), split -1", PETSC_TRUE));
  PetscCall(HtTensorView(a, NULL));

  /* zero-copy Vec: the 2-norm of 0..29 is sqrt(8555) */
  PetscCall(HtTensorGetVec(a, &v));
  PetscCall(VecNorm(v, NORM_2, &norm));
  PetscCall(VecScale(v, 2.0));
  PetscCall(HtTensorRestoreVec(a, &v));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "norm %.12f (sqrt(8555) = %.12f)\n", (double)norm, (double)PetscSqrtReal(8555.0)));
  PetscCall(PrintSummary(a, "a after VecScale(2)", PETSC_TRUE));

  /* Duplicate gives zeros of the same layout; Copy moves values across layouts */
  PetscCall(HtTensorDuplicate(a, &b));
  PetscCall(PrintSummary(b, "duplicate", PETSC_TRUE));
  PetscCall(HtTensorCopy(a, b));
  PetscCall(PrintSummary(b, "copy", PETSC_TRUE));
  PetscCall(HtTensorDestroy(&b));
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 3, shape, 2, HT_SCALAR, &b));
  PetscCall(HtTensorCopy(a, b));
  PetscCall(PrintSummary(b, "copy into split 2", PETSC_TRUE));

  /* uneven layout: rank 0 owns everything, then SetLayout and Balance */
  PetscCall(HtTensorSetLayout(b, rank == 0 ? 2 : 0));
  PetscCall(HtTensorGetLocalShape(b, &ls));
  PetscCheck(ls[2] == (rank ? 0 : 2), PETSC_COMM_SELF, PETSC_ERR_PLIB, "SetLayout failed");
  PetscCall(PrintSummary(b, "all on rank 0", (PetscBool)(size == 1)));
  PetscCall(HtTensorBalance(b));
  PetscCall(PrintSummary(b, "balanced again", PETSC_TRUE));

  /* AsType: scalars to ints and bools */
  PetscCall(HtTensorAsType(a, HT_INT, &ints));
  PetscCall(PrintSummary(ints, "as int", PETSC_TRUE));
  PetscCall(HtTensorView(ints, PETSC_VIEWER_STDOUT_WORLD));
  PetscCall(HtTensorDestroy(&ints));
  PetscCall(HtTensorAsType(c, HT_BOOL, &ints));
  PetscCall(PrintSummary(ints, "arange as bool", PETSC_TRUE));
  PetscCall(HtTensorDestroy(&ints));

  PetscCall(HtTensorDestroy(&a));
  PetscCall(HtTensorDestroy(&b));
  PetscCall(HtTensorDestroy(&c));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     suffix: 1
     nsize: {{1 2 3 4}}
     filter: grep -v -e "^\[" -e "MPI process"
TEST*/
