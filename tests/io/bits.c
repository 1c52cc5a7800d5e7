static const char help[] = "Every file format gives back the bits it was given, on any number of ranks: float64 with denormals, -0.0,\n"
                           "+-inf, the extremes and NaN with a payload (.npy and .h5 keep the payload; CSV text keeps 'nan' only), the\n"
                           "extremes of PetscInt (CSV is read as float64, as by numpy.loadtxt: there the extremes a double holds\n"
                           "exactly, +-2^53 with 64-bit PetscInt), and booleans.\n";

#include <heat.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NROWS 7
#define NCOLS 3

/* the float64 with the given bits */
static double FromBits(uint64_t bits)
{
  double v;

  memcpy(&v, &bits, sizeof(v));
  return v;
}

/* value k of the special doubles, by global flat index */
static PetscScalar Special(PetscInt64 k)
{
  const double v[] = {
    0.0,
    FromBits(0x8000000000000000ull), /* -0.0 */
    FromBits(0x0000000000000001ull), /* the smallest denormal */
    FromBits(0x800fffffffffffffull), /* the largest negative denormal */
    FromBits(0x0010000000000000ull), /* the smallest normal */
    1.7976931348623157e308,
    -1.7976931348623157e308,
    (double)PETSC_INFINITY,
    (double)PETSC_NINFINITY,
    FromBits(0x7ff8000000000123ull), /* a quiet NaN with a payload */
    FromBits(0xfff8000000000000ull), /* -nan */
    0.1,
    -3.141592653589793,
    1e-300,
    123456789.123456789,
  };
  return v[k % (PetscInt64)(sizeof(v) / sizeof(v[0]))];
}

/* value k of the special integers; with `text`, within the integers a double holds exactly */
static PetscInt SpecialInt(PetscInt64 k, PetscBool text)
{
  const PetscInt max = text ? (PetscInt)PetscMin((PetscInt64)PETSC_MAX_INT, (PetscInt64)1 << 53) : PETSC_MAX_INT;
  const PetscInt min = max == PETSC_MAX_INT ? PETSC_MIN_INT : -max;
  const PetscInt v[] = {0, -1, 1, max, min, max - 1, min + 1, 1000000007};

  return v[k % (PetscInt64)(sizeof(v) / sizeof(v[0]))];
}

/* a (NROWS, NCOLS) tensor of the dtype (for a text file with `text`), split 0, whose element of flat index k is value k of its special values */
static PetscErrorCode CreateSpecial(HtDType dtype, PetscBool text, HtTensor *t)
{
  const PetscInt shape[2] = {NROWS, NCOLS};
  PetscInt       rstart, rend;
  void          *a;

  PetscFunctionBeginUser;
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 2, shape, 0, dtype, t));
  PetscCall(HtTensorGetOwnershipRange(*t, &rstart, &rend));
  PetscCall(HtTensorGetArrayWrite(*t, &a));
  for (PetscInt k = 0; k < (rend - rstart) * NCOLS; k++) {
    PetscInt64 g = (PetscInt64)rstart * NCOLS + k;

    if (dtype == HT_SCALAR) ((PetscScalar *)a)[k] = Special(g);
    else if (dtype == HT_INT) ((PetscInt *)a)[k] = SpecialInt(g, text);
    else ((PetscBool *)a)[k] = (PetscBool)(g % 3 == 1);
  }
  PetscCall(HtTensorRestoreArrayWrite(*t, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the number of elements whose bits differ; with `text`, two NaNs count as equal (text keeps no payload) */
static PetscErrorCode CountDifferentBits(HtTensor a, HtTensor b, PetscBool text, PetscInt *ndiff)
{
  const char *x, *y;
  PetscInt    n;
  HtDType     dtype;
  size_t      esize;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetLocalSize(a, &n));
  PetscCall(HtTensorGetDType(a, &dtype));
  PetscCall(HtDTypeGetSize(dtype, &esize));
  PetscCall(HtTensorGetArrayRead(a, &x));
  PetscCall(HtTensorGetArrayRead(b, &y));
  *ndiff = 0;
  for (PetscInt k = 0; k < n; k++) {
    PetscBool nans = (PetscBool)(dtype == HT_SCALAR && PetscIsNanReal(((const PetscReal *)x)[k]) && PetscIsNanReal(((const PetscReal *)y)[k]));

    if (memcmp(x + k * esize, y + k * esize, esize) && !(text && nans)) (*ndiff)++;
  }
  PetscCall(HtTensorRestoreArrayRead(a, &x));
  PetscCall(HtTensorRestoreArrayRead(b, &y));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, ndiff, 1, MPIU_INT, MPI_SUM, PETSC_COMM_WORLD));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* t saved as `path` and loaded back (split 0, balanced, as t) */
static PetscErrorCode RoundTrip(HtTensor t, const char path[], const char what[])
{
  HtTensor  back;
  HtDType   dtype, bdtype;
  PetscBool text;
  PetscInt  ndiff = -1;

  PetscFunctionBeginUser;
  PetscCall(PetscStrendswith(path, ".csv", &text));
  PetscCall(HtTensorSave(t, path, NULL));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, NULL, 0, &back));
  PetscCall(HtTensorGetDType(t, &dtype));
  PetscCall(HtTensorGetDType(back, &bdtype));
  if (bdtype != dtype) { /* CSV gives doubles: as the saved dtype again */
    HtTensor conv;

    PetscCall(HtTensorAsType(back, dtype, &conv));
    PetscCall(HtTensorDestroy(&back));
    back = conv;
  }
  PetscCall(CountDifferentBits(t, back, text, &ndiff));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-5s %-6s %" PetscInt_FMT " of %d elements with other bits%s\n", what, HtDTypes[dtype], ndiff, NROWS * NCOLS, text && dtype == HT_SCALAR ? " (NaN payloads aside)" : ""));
  PetscCall(HtTensorDestroy(&back));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  const char   *dir     = getenv("HEAT_TEST_TMPDIR");
  const char   *exts[]  = {"npy", "h5", "csv"};
  const HtDType types[] = {HT_SCALAR, HT_INT, HT_BOOL};
  char          path[PETSC_MAX_PATH_LEN];

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  for (int e = 0; e < 3; e++) {
    for (int d = 0; d < 3; d++) {
      HtTensor t;

      PetscCall(PetscSNPrintf(path, sizeof(path), "%s/bits_%d.%s", dir ? dir : ".", d, exts[e]));
      PetscCall(CreateSpecial(types[d], (PetscBool)(e == 2), &t));
      PetscCall(RoundTrip(t, path, exts[e]));
      PetscCall(HtTensorDestroy(&t));
    }
  }
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   build:
     requires: hdf5
   test:
     nsize: {{1 2 3 4}}
TEST*/
