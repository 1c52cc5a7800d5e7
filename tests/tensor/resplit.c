static const char help[] = "Tests HtTensorResplit between every pair of splits, from balanced and unbalanced layouts, for every dtype.\n\n";

#include <heat.h>

/* number of local elements whose value differs from f(flat global index), f(g) = g for ints/scalars, g % 2 for bools */
static PetscErrorCode CountMismatches(HtTensor t, PetscInt *bad)
{
  const PetscInt *shape, *lshape;
  PetscInt        ndim, split, rstart, nlocal, local = 0, lo[3] = {0, 0, 0};
  HtDType         dtype;
  const void     *a;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetNDim(t, &ndim));
  PetscCall(HtTensorGetShape(t, &shape));
  PetscCall(HtTensorGetLocalShape(t, &lshape));
  PetscCall(HtTensorGetSplit(t, &split));
  PetscCall(HtTensorGetDType(t, &dtype));
  PetscCall(HtTensorGetLocalSize(t, &nlocal));
  PetscCall(HtTensorGetOwnershipRange(t, &rstart, NULL));
  if (split >= 0) lo[split] = rstart;
  PetscCall(HtTensorGetArrayRead(t, &a));
  for (PetscInt i = 0; i < nlocal; i++) {
    PetscInt i0 = i / (lshape[1] * lshape[2]), i1 = (i / lshape[2]) % lshape[1], i2 = i % lshape[2];
    PetscInt g = ((lo[0] + i0) * shape[1] + lo[1] + i1) * shape[2] + lo[2] + i2;
    PetscInt v = dtype == HT_SCALAR ? (PetscInt)PetscRealPart(((const PetscScalar *)a)[i]) : dtype == HT_INT ? ((const PetscInt *)a)[i] : (PetscInt)((const PetscBool *)a)[i];

    if (v != (dtype == HT_BOOL ? g % 2 : g)) local++;
  }
  PetscCall(HtTensorRestoreArrayRead(t, &a));
  PetscCall(MPIU_Allreduce(&local, bad, 1, MPIU_INT, MPI_SUM, PetscObjectComm((PetscObject)t)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the (5, 4, 3) tensor with value = flat global index (or its parity for bools), split `split`, optionally all on the last rank */
static PetscErrorCode CreateIndexTensor(HtDType dtype, PetscInt split, PetscBool skewed, HtTensor *t)
{
  PetscInt    shape[3] = {5, 4, 3};
  PetscScalar s[60];
  PetscInt    n[60];
  PetscBool   b[60];
  HtTensor    rep;
  PetscMPIInt rank, size;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  for (PetscInt g = 0; g < 60; g++) {
    s[g] = g;
    n[g] = g;
    b[g] = (PetscBool)(g % 2);
  }
  PetscCall(HtTensorCreateFromLocalArray(PETSC_COMM_WORLD, 3, shape, -1, dtype, PETSC_DECIDE, dtype == HT_SCALAR ? (void *)s : dtype == HT_INT ? (void *)n : (void *)b, &rep));
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 3, shape, split, dtype, t));
  PetscCall(HtTensorCopy(rep, *t));
  PetscCall(HtTensorDestroy(&rep));
  if (skewed && split >= 0) PetscCall(HtTensorSetLayout(*t, rank == size - 1 ? shape[split] : 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  for (HtDType dtype = HT_SCALAR; dtype <= HT_BOOL; dtype++) {
    for (PetscInt skewed = 0; skewed < 2; skewed++) {
      for (PetscInt from = -1; from < 3; from++) {
        HtTensor src;
        PetscInt bad;

        PetscCall(CreateIndexTensor(dtype, from, (PetscBool)skewed, &src));
        PetscCall(CountMismatches(src, &bad));
        PetscCheck(!bad, PETSC_COMM_WORLD, PETSC_ERR_PLIB, "source tensor is wrong");
        PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-6s %s split %2" PetscInt_FMT " ->", HtDTypes[dtype], skewed ? "skewed  " : "balanced", from));
        for (PetscInt to = -1; to < 3; to++) {
          HtTensor  dst;
          PetscBool balanced;

          PetscCall(HtTensorResplit(src, to, &dst));
          PetscCall(CountMismatches(dst, &bad));
          PetscCall(HtTensorIsBalanced(dst, &balanced));
          PetscCall(PetscPrintf(PETSC_COMM_WORLD, " %2" PetscInt_FMT ":%s", to, bad || !balanced ? "FAIL" : "ok"));
          PetscCall(HtTensorDestroy(&dst));
        }
        PetscCall(PetscPrintf(PETSC_COMM_WORLD, "\n"));
        PetscCall(HtTensorDestroy(&src));
      }
    }
  }
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     suffix: 1
     nsize: {{1 2 3 4}}
TEST*/
