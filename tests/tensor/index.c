static const char help[] = "Tests HtTensorGetSlice, HtTensorSetSlice, HtTensorSetSliceValue, HtTensorTake, HtTensorPut, HtTensorCompress\n"
                           "and HtTensorNonzero against NumPy references, for every split and layout (see sorttest.h).\n\n";

#include "sorttest.h"

#define N HT_NONE

/* the slices of make_sort_data.py, on a3 of shape (4, 3, 5) */
static const HtSlice Slices[][3] = {
  {{1, N, 2},      {N, N, 1},  {N, N, -1} },
  {{-1, N, -1},    {-2, N, 1}, {1, -1, 1} },
  {{N, N, -2},     {2, 0, -1}, {-1, -6, -2}},
  {{3, 1, 1},      {N, N, 1},  {N, N, 1}  }, /* empty */
  {{-100, 100, 3}, {N, N, -1}, {4, 5, 1}  },
  {{2, 3, 1},      {1, 2, 1},  {0, 1, 1}  },
};

/* the replicated tensor of the given shape with value base + sign * (flat index), resplit like the inputs */
static PetscErrorCode CreateAffine(PetscInt ndim, const PetscInt shape[], PetscScalar base, PetscScalar sign, HtTensor *t)
{
  HtTensor     rep;
  PetscScalar *a;
  PetscInt     size, split = 0;

  PetscFunctionBeginUser;
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, ndim, shape, -1, HT_SCALAR, &rep));
  PetscCall(HtTensorGetSize(rep, &size));
  PetscCall(HtTensorGetArrayWrite(rep, &a));
  for (PetscInt i = 0; i < size; i++) a[i] = base + sign * i;
  PetscCall(HtTensorRestoreArrayWrite(rep, &a));
  PetscCall(TestSplit(ndim, &split));
  PetscCall(HtTensorResplit(rep, split, t));
  PetscCall(HtTensorDestroy(&rep));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode CreateCopy(HtTensor x, HtTensor *y)
{
  PetscFunctionBeginUser;
  PetscCall(HtTensorDuplicate(x, y));
  PetscCall(HtTensorCopy(x, *y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode TestSlices(HtTensor x)
{
  PetscFunctionBeginUser;
  for (size_t k = 0; k < sizeof(Slices) / sizeof(Slices[0]); k++) {
    HtTensor        s, v, y;
    char            label[64], ref[64];
    PetscInt        ndim;
    const PetscInt *shape;

    PetscCall(HtTensorGetSlice(x, 3, Slices[k], &s));
    PetscCall(PetscSNPrintf(label, sizeof(label), "get slice %d", (int)k));
    PetscCall(PetscSNPrintf(ref, sizeof(ref), "slice_%d", (int)k));
    PetscCall(TestCompare(label, s, ref));
    PetscCall(HtTensorGetNDim(s, &ndim));
    PetscCall(HtTensorGetShape(s, &shape));
    PetscCall(CreateAffine(ndim, shape, -1, -1, &v));
    PetscCall(CreateCopy(x, &y));
    PetscCall(HtTensorSetSlice(y, 3, Slices[k], v));
    PetscCall(PetscSNPrintf(label, sizeof(label), "set slice %d", (int)k));
    PetscCall(PetscSNPrintf(ref, sizeof(ref), "setslice_%d", (int)k));
    PetscCall(TestCompare(label, y, ref));
    PetscCall(HtTensorDestroy(&y));
    PetscCall(CreateCopy(x, &y));
    PetscCall(HtTensorSetSliceValue(y, 3, Slices[k], 99));
    PetscCall(PetscSNPrintf(label, sizeof(label), "set slice %d to 99", (int)k));
    PetscCall(PetscSNPrintf(ref, sizeof(ref), "setvalue_%d", (int)k));
    PetscCall(TestCompare(label, y, ref));
    PetscCall(HtTensorDestroy(&y));
    PetscCall(HtTensorDestroy(&v));
    PetscCall(HtTensorDestroy(&s));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode TestTakePut(HtTensor x)
{
  PetscFunctionBeginUser;
  for (PetscInt axis = 0; axis < 3; axis++) {
    HtTensor        idx, t, v, y;
    char            label[64], ref[64];
    PetscInt        given = axis == 1 ? -2 : axis;
    const PetscInt *shape;

    PetscCall(PetscSNPrintf(ref, sizeof(ref), "takeidx_%" PetscInt_FMT, axis));
    PetscCall(TestLoad(ref, &idx)); /* split indices are replicated inside */
    PetscCall(HtTensorTake(x, given, idx, &t));
    PetscCall(PetscSNPrintf(label, sizeof(label), "take along axis %" PetscInt_FMT, given));
    PetscCall(PetscSNPrintf(ref, sizeof(ref), "take_%" PetscInt_FMT, axis));
    PetscCall(TestCompare(label, t, ref));
    PetscCall(HtTensorDestroy(&t));
    PetscCall(HtTensorDestroy(&idx));

    PetscCall(PetscSNPrintf(ref, sizeof(ref), "putidx_%" PetscInt_FMT, axis));
    PetscCall(TestLoad(ref, &idx));
    PetscCall(HtTensorTake(x, axis, idx, &t)); /* only for the shape of the values */
    PetscCall(HtTensorGetShape(t, &shape));
    PetscCall(CreateAffine(3, shape, 1000, 1, &v));
    PetscCall(CreateCopy(x, &y));
    PetscCall(HtTensorPut(y, given, idx, v));
    PetscCall(PetscSNPrintf(label, sizeof(label), "put along axis %" PetscInt_FMT, given));
    PetscCall(PetscSNPrintf(ref, sizeof(ref), "put_%" PetscInt_FMT, axis));
    PetscCall(TestCompare(label, y, ref));
    PetscCall(HtTensorDestroy(&y));
    PetscCall(HtTensorDestroy(&v));
    PetscCall(HtTensorDestroy(&t));
    PetscCall(HtTensorDestroy(&idx));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode TestCompressNonzero(HtTensor x)
{
  HtTensor a2, n2, mask, c;

  PetscFunctionBeginUser;
  PetscCall(TestLoad("a2", &a2));
  PetscCall(TestLoadMask("rowmask", &mask));
  PetscCall(HtTensorCompress(a2, mask, &c));
  PetscCall(TestCompare("compress rows of a2", c, "compress_rows_a2"));
  PetscCall(HtTensorDestroy(&c));
  PetscCall(HtTensorDestroy(&mask));
  PetscCall(TestLoadMask("elemmask", &mask));
  PetscCall(HtTensorCompress(x, mask, &c));
  PetscCall(TestCompare("compress elements of a3", c, "compress_elems_a3"));
  PetscCall(HtTensorDestroy(&c));
  PetscCall(HtTensorDestroy(&mask));
  PetscCall(HtTensorNonzero(x, &c));
  PetscCall(TestCompare("nonzero of a3", c, "nonzero_a3"));
  PetscCall(HtTensorDestroy(&c));
  PetscCall(TestLoad("n2", &n2));
  PetscCall(HtTensorNonzero(n2, &c));
  PetscCall(TestCompare("nonzero of n2 (int)", c, "nonzero_n2"));
  PetscCall(HtTensorDestroy(&c));
  PetscCall(HtTensorDestroy(&n2));
  PetscCall(HtTensorDestroy(&a2));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode TestIndexBody(void)
{
  HtTensor x;

  PetscFunctionBeginUser;
  PetscCall(TestLoad("a3", &x));
  PetscCall(TestSlices(x));
  PetscCall(TestTakePut(x));
  PetscCall(TestCompressNonzero(x));
  PetscCall(HtTensorDestroy(&x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(TestForEachLayout(TestIndexBody));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   build:
     requires: hdf5
   test:
     nsize: {{1 2 3 4}}
TEST*/
