static const char help[] = "Tests HtTensorSort, HtTensorArgsort, HtTensorUnique, HtTensorRandomPermutation and HtTensorRandomChoice\n"
                           "against NumPy references, for every split and layout (see sorttest.h).\n\n";

#include "sorttest.h"

/* sorts an input along every axis in both directions; as HT_BOOL: converted to bool and the results back to int */
static PetscErrorCode TestSortAllAxes(const char name[], PetscBool asbool)
{
  HtTensor x;
  PetscInt ndim;

  PetscFunctionBeginUser;
  PetscCall(TestLoad(name, &x));
  if (asbool) {
    HtTensor b;

    PetscCall(HtTensorAsType(x, HT_BOOL, &b));
    PetscCall(HtTensorDestroy(&x));
    x = b;
  }
  PetscCall(HtTensorGetNDim(x, &ndim));
  for (PetscInt axis = 0; axis < ndim; axis++) {
    for (PetscInt desc = 0; desc < 2; desc++) {
      HtTensor v, i;
      char     label[64], ref[64];
      PetscInt given = axis % 2 ? axis - ndim : axis; /* odd axes counted from the end */

      PetscCall(HtTensorSort(x, given, (PetscBool)desc, &v, &i));
      PetscCall(TestSameLayout(x, v));
      PetscCall(TestSameLayout(x, i));
      if (asbool) {
        HtTensor n;

        PetscCall(HtTensorAsType(v, HT_INT, &n));
        PetscCall(HtTensorDestroy(&v));
        v = n;
      }
      PetscCall(PetscSNPrintf(label, sizeof(label), "sort %s axis %" PetscInt_FMT " %s values", name, given, desc ? "descending" : "ascending"));
      PetscCall(PetscSNPrintf(ref, sizeof(ref), "sort_%s_%" PetscInt_FMT "_%s_val", name, axis, desc ? "desc" : "asc"));
      PetscCall(TestCompare(label, v, ref));
      PetscCall(PetscSNPrintf(label, sizeof(label), "sort %s axis %" PetscInt_FMT " %s indices", name, given, desc ? "descending" : "ascending"));
      PetscCall(PetscSNPrintf(ref, sizeof(ref), "sort_%s_%" PetscInt_FMT "_%s_idx", name, axis, desc ? "desc" : "asc"));
      PetscCall(TestCompare(label, i, ref));
      PetscCall(HtTensorDestroy(&v));
      PetscCall(HtTensorDestroy(&i));
    }
  }
  PetscCall(HtTensorDestroy(&x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* unique values and counts of an input; as HT_BOOL: converted to bool and the values back to int */
static PetscErrorCode TestUnique(const char name[], PetscBool asbool)
{
  HtTensor x, u, c;
  char     label[64], ref[64];

  PetscFunctionBeginUser;
  PetscCall(TestLoad(name, &x));
  if (asbool) {
    HtTensor b;

    PetscCall(HtTensorAsType(x, HT_BOOL, &b));
    PetscCall(HtTensorUnique(b, &u, &c));
    PetscCall(HtTensorDestroy(&b));
    PetscCall(HtTensorAsType(u, HT_INT, &b));
    PetscCall(HtTensorDestroy(&u));
    u = b;
  } else PetscCall(HtTensorUnique(x, &u, &c));
  PetscCall(PetscSNPrintf(label, sizeof(label), "unique %s values", name));
  PetscCall(PetscSNPrintf(ref, sizeof(ref), "unique_%s_val", name));
  PetscCall(TestCompare(label, u, ref));
  PetscCall(PetscSNPrintf(label, sizeof(label), "unique %s counts", name));
  PetscCall(PetscSNPrintf(ref, sizeof(ref), "unique_%s_cnt", name));
  PetscCall(TestCompare(label, c, ref));
  PetscCall(HtTensorDestroy(&u));
  PetscCall(HtTensorDestroy(&c));
  PetscCall(HtTensorDestroy(&x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a permutation of 0..n-1 sorted is 0..n-1: count the entries that are not */
static PetscErrorCode CountNotPermutation(HtTensor perm, PetscInt *bad)
{
  HtTensor        sorted;
  const PetscInt *a;
  PetscInt        rstart, nlocal, local = 0;

  PetscFunctionBeginUser;
  PetscCall(HtTensorSort(perm, 0, PETSC_FALSE, &sorted, NULL));
  PetscCall(HtTensorGetOwnershipRange(sorted, &rstart, NULL));
  PetscCall(HtTensorGetLocalSize(sorted, &nlocal));
  PetscCall(HtTensorGetArrayRead(sorted, &a));
  for (PetscInt i = 0; i < nlocal; i++) local += a[i] != rstart + i;
  PetscCall(HtTensorRestoreArrayRead(sorted, &a));
  PetscCall(MPIU_Allreduce(&local, bad, 1, MPIU_INT, MPI_SUM, PETSC_COMM_WORLD));
  PetscCall(HtTensorDestroy(&sorted));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the permutation and the choice are printed whole: the expected output is the same file for 1 to 4 ranks */
static PetscErrorCode TestRandom(void)
{
  HtTensor perm, big, choice, first;
  PetscInt bad;
  HtSlice  head = {0, 7, 1};

  PetscFunctionBeginUser;
  PetscCall(HtTensorRandomPermutation(PETSC_COMM_WORLD, 23, 42, &perm));
  PetscCall(HtTensorSetName(perm, "permutation_23_seed_42"));
  PetscCall(HtTensorView(perm, PETSC_VIEWER_STDOUT_WORLD));
  PetscCall(CountNotPermutation(perm, &bad));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "permutation of 23: %s\n", bad ? "FAIL" : "every index once"));
  PetscCall(HtTensorRandomPermutation(PETSC_COMM_WORLD, 100000, 7, &big));
  PetscCall(CountNotPermutation(big, &bad));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "permutation of 100000: %s\n", bad ? "FAIL" : "every index once"));
  PetscCall(HtTensorRandomChoice(PETSC_COMM_WORLD, 23, 7, 42, &choice));
  PetscCall(HtTensorSetName(choice, "choice_7_of_23_seed_42"));
  PetscCall(HtTensorView(choice, PETSC_VIEWER_STDOUT_WORLD));
  PetscCall(HtTensorGetSlice(perm, 1, &head, &first));
  PetscCall(TestCompareTensors("choice", choice, first, "permutation[:7]"));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "choice of 7: %s\n", TestState.failures ? "FAIL" : "the first 7 of the permutation"));
  PetscCall(HtTensorDestroy(&first));
  PetscCall(HtTensorDestroy(&choice));
  PetscCall(HtTensorRandomChoice(PETSC_COMM_WORLD, 5, 0, 1, &choice));
  PetscCall(HtTensorSetName(choice, "choice_0_of_5"));
  PetscCall(HtTensorView(choice, PETSC_VIEWER_STDOUT_WORLD));
  PetscCall(HtTensorDestroy(&choice));
  PetscCall(HtTensorDestroy(&big));
  PetscCall(HtTensorDestroy(&perm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode TestSortBody(void)
{
  const char *inputs[] = {"a1", "a2", "a3", "n2", "big", "sorted", "reversed", "const"};
  HtTensor    x, i;

  PetscFunctionBeginUser;
  for (size_t k = 0; k < sizeof(inputs) / sizeof(inputs[0]); k++) PetscCall(TestSortAllAxes(inputs[k], PETSC_FALSE));
  PetscCall(TestSortAllAxes("mask3", PETSC_TRUE));
  for (size_t k = 0; k < sizeof(inputs) / sizeof(inputs[0]); k++) PetscCall(TestUnique(inputs[k], PETSC_FALSE));
  PetscCall(TestUnique("mask3", PETSC_TRUE));
  PetscCall(TestLoad("big", &x));
  PetscCall(HtTensorArgsort(x, -1, PETSC_FALSE, &i));
  PetscCall(TestCompare("argsort big", i, "sort_big_0_asc_idx"));
  PetscCall(HtTensorDestroy(&i));
  PetscCall(HtTensorDestroy(&x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(TestForEachLayout(TestSortBody));
  PetscCall(TestRandom());
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   build:
     requires: hdf5
   test:
     nsize: {{1 2 3 4}}
     filter: grep -v "HtTensor Object"
   test:   # the sample sort's all-to-all as point-to-point large-count blocks
     suffix: maxcount
     nsize: {{2 3 4}}
     args: -ht_mpi_max_count 7
     filter: grep -v "HtTensor Object"
     output_file: output/sort.out
TEST*/
