static const char help[] = "Tests HtTensorLoadCSV() and HtTensorSaveCSV().\n"
                           "  -f FILE        load FILE (split -split), show it and check its values\n"
                           "  -affine A,B    the value at flat C-order index i must be A + B i\n"
                           "  -roundtrip     save and load tensors of several shapes, dtypes and splits\n"
                           "                 (files rt_<case>.csv in $HEAT_TEST_TMPDIR)\n"
                           "The options -ht_csv_header and -ht_csv_delimiter apply to every load.\n";

#include "iotest.h"

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  static const Case cases[] = {
    {2, {7, 4},    HT_SCALAR, 0,  0 },
    {2, {7, 4},    HT_SCALAR, 1,  1 },
    {2, {7, 4},    HT_SCALAR, -1, 0 },
    {2, {7, 4},    HT_SCALAR, 0,  -1},
    {2, {3, 700},  HT_SCALAR, 1,  0 }, /* lines longer than a rank's share of the file */
    {2, {40, 1},   HT_SCALAR, 0,  1 },
    {2, {5, 3},    HT_INT,    1,  0 },
    {2, {3, 4},    HT_BOOL,   0,  0 },
    {1, {11},      HT_SCALAR, 0,  0 }, /* a vector comes back as an (11, 1) matrix */
    {1, {11},      HT_INT,    -1, -1},
  };

  PetscFunctionBeginUser;
  PetscCall(IOTestRun(cases, (PetscInt)(sizeof(cases) / sizeof(cases[0])), "csv", HtTensorSaveCSV, HtTensorLoadCSV));
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

   test:   # MPI-IO reads and writes of byte ranges as large-count types of 7-byte pieces
     suffix: roundtrip_maxcount
     nsize: {{2 3}}
     args: -roundtrip -ht_mpi_max_count 7
     output_file: output/csv_roundtrip.out

   # the readers on 1 and 3 ranks (uneven byte ranges); the round trip above runs on 1-4; the header and delimiter
   # options, whose parsing does not depend on the ranks, on 3 ranks only
   testset:
     nsize: 3
     filter: grep -v "MPI process" | sed "s/, split -*[0-9]//"
     test:
       suffix: header
       args: -f data/header.csv -affine -1,0.5 -split {{-1 0 1}} -ht_csv_header {{auto true}}
     test:
       suffix: noheader
       args: -f data/noheader.csv -affine -1,0.5 -split {{0 1}} -ht_csv_header {{auto false}} -ht_csv_delimiter {{auto , comma}}
     test:
       suffix: semicolon
       args: -f data/semicolon.csv -affine -1,0.5 -split {{0 1}} -ht_csv_delimiter {{auto ; semicolon}}
     test:
       suffix: whitespace
       args: -f data/whitespace.txt -affine -1,0.5 -split {{-1 0}} -ht_csv_delimiter {{auto whitespace}}
   testset:
     nsize: {{1 3}}
     filter: grep -v "MPI process" | sed "s/, split -*[0-9]//"
     test:
       suffix: crlf
       args: -f data/crlf.csv -affine -1,0.5 -split {{0 1}}
     test:
       suffix: one_column
       args: -f data/one_column.csv -affine -1,0.5 -split {{0 1}}
     test:
       suffix: special
       args: -f data/special.csv

   testset:
     nsize: {{1 3}}
     errors: expected
     test:
       suffix: missing
       args: -f data/missing.csv
       filter: grep -m1 -o "Cannot open 'data/missing.csv'.*"
     test:
       suffix: nonnumeric
       args: -f data/nonnumeric.csv
       filter: grep -m1 -o "data/nonnumeric.csv:.*"
     test:
       suffix: header_not_numeric
       args: -f data/header.csv -ht_csv_header false
       filter: grep -m1 -o "data/header.csv:.*"
     test:
       suffix: ragged
       args: -f data/ragged.csv
       filter: grep -m1 -o "data/ragged.csv:.*"
     test:
       suffix: empty
       args: -f data/empty.csv
       filter: grep -m1 -o "data/empty.csv has no data rows"
     test:
       suffix: header_only
       args: -f data/header_only.csv
       filter: grep -m1 -o "data/header_only.csv has no data rows"
     test:
       suffix: bad_delimiter
       args: -f data/header.csv -ht_csv_delimiter tab
       filter: grep -m1 -o "Unknown CSV delimiter.*"
     test:
       suffix: bad_split
       args: -f data/header.csv -split 2
       filter: grep -m1 -o "A CSV file gives.*"

TEST*/
