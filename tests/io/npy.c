static const char help[] = "Tests HtTensorLoadNPY() and HtTensorSaveNPY().\n"
                           "  -f FILE        load FILE (split -split), show it and check its values\n"
                           "  -affine A,B    the value at flat C-order index i must be A + B i\n"
                           "  -roundtrip     save and load tensors of several shapes, dtypes and splits\n"
                           "                 (files rt_<case>.npy in $HEAT_TEST_TMPDIR)\n";

#include "iotest.h"

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  static const Case cases[] = {
    {2, {5, 3},    HT_SCALAR, 0,  0 },
    {2, {5, 3},    HT_SCALAR, 0,  1 },
    {2, {5, 3},    HT_SCALAR, 1,  -1},
    {2, {5, 3},    HT_SCALAR, -1, 0 },
    {2, {5, 3},    HT_INT,    0,  1 },
    {2, {5, 3},    HT_INT,    1,  0 },
    {2, {5, 3},    HT_INT,    -1, 1 },
    {3, {4, 3, 5}, HT_SCALAR, 2,  0 },
    {3, {4, 3, 5}, HT_SCALAR, 0,  2 },
    {3, {4, 3, 5}, HT_INT,    1,  2 },
    {3, {7, 2, 3}, HT_SCALAR, 1,  1 },
    {1, {11},      HT_SCALAR, 0,  -1},
    {1, {11},      HT_INT,    -1, 0 },
    {0, {0},       HT_SCALAR, -1, -1},
    {2, {0, 3},    HT_SCALAR, 0,  1 },
    {2, {3, 4},    HT_BOOL,   1,  0 },
  };

  PetscFunctionBeginUser;
  PetscCall(IOTestRun(cases, (PetscInt)(sizeof(cases) / sizeof(cases[0])), "npy", HtTensorSaveNPY, HtTensorLoadNPY));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest());
}

/*TEST

   test:
     suffix: roundtrip
     nsize: {{1 2 3 4}}
     args: -roundtrip

   test:   # MPI-IO reads and writes with file and memory types of 7-element pieces
     suffix: roundtrip_maxcount
     nsize: {{2 3}}
     args: -roundtrip -ht_mpi_max_count 7
     output_file: output/npy_roundtrip.out

   # the readers on 1, 3 and 4 ranks (uneven and even byte ranges); the round trip above runs on 1-4
   testset:
     nsize: {{1 3}}
     filter: grep -v "MPI process" | sed "s/, split -*[0-9]//"
     test:
       suffix: f8
       args: -f data/small_f8.npy -affine -1,0.5 -split {{-1 0 1}}
     test:
       suffix: f4
       args: -f data/small_f4.npy -affine -1,0.5 -split {{0 1}}
     test:
       suffix: i8
       args: -f data/small_i8.npy -affine -7,3 -split {{-1 1}}
     test:
       suffix: i4
       args: -f data/small_i4.npy -affine -7,3 -split {{0 1}}
     test:
       suffix: u1
       args: -f data/small_u1.npy -affine 250,1 -split {{-1 0}}
     test:
       suffix: b1
       args: -f data/small_b1.npy -split {{0 1}}
     test:
       suffix: 3d
       args: -f data/small_3d.npy -affine -1,0.5 -split {{0 1 2}}
     test:
       suffix: fortran
       args: -f data/small_fortran.npy -affine -1,0.5 -split {{-1 0 1}}
     test:
       suffix: fortran3d
       args: -f data/small_fortran3d.npy -affine -7,3 -split {{0 1 2}}
     test:
       suffix: v2
       args: -f data/small_v2.npy -affine -1,0.5 -split 1
     test:
       suffix: scalar0d
       args: -f data/scalar0d.npy -affine 2.5,0 -split -1
     test:
       suffix: empty
       args: -f data/empty_0x3.npy -split {{0 1}}

   testset:
     nsize: {{1 3}}
     errors: expected
     test:
       suffix: missing
       args: -f data/missing.npy
       filter: grep -m1 -o "Cannot open 'data/missing.npy'.*"
     test:
       suffix: bad_magic
       args: -f data/bad_magic.npy
       filter: grep -m1 -o "data/bad_magic.npy is not a NumPy.*"
     test:
       suffix: truncated
       args: -f data/truncated.npy
       filter: grep -m1 -o "data/truncated.npy is truncated.*"
     test:
       suffix: toolarge
       args: -f data/toolarge.npy
       filter: grep -m1 -o "data/toolarge.npy: header says.*"
     test:
       suffix: overflow
       args: -f data/overflow.npy
       filter: grep -m1 -o "the shape .* overflows.*"
     test:
       suffix: huge
       args: -f data/huge.npy
       filter: grep -m1 -o "data/huge.npy holds .*"
       requires: !64bit_indices
     test:   # 10^15 elements fit a 64-bit PetscInt: the file is then too short for its header
       suffix: huge_64
       args: -f data/huge.npy
       filter: grep -m1 -o "data/huge.npy is truncated.*"
       requires: 64bit_indices
     test:
       suffix: big_endian
       args: -f data/big_endian.npy
       filter: grep -m1 -o "unsupported dtype.*"
     test:
       suffix: complex
       args: -f data/complex.npy
       filter: grep -m1 -o "unsupported dtype.*"
     test:
       suffix: int64_overflow
       args: -f data/int64_overflow.npy
       filter: grep -m1 -o "data/int64_overflow.npy holds int64.*"
       requires: !64bit_indices
     test:   # with 64-bit PetscInt the values load exactly
       suffix: int64_overflow_64
       args: -f data/int64_overflow.npy
       filter: grep -v "MPI process"
       requires: 64bit_indices
     test:
       suffix: bad_split
       args: -f data/small_f8.npy -split 2
       filter: grep -m1 -o "Split axis 2 is not.*"

TEST*/
