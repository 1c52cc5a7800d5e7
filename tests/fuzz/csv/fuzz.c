/*
   Fuzzes the delimited-text parser (HtCSVParseText(), src/tensor/io/csv.c: line splitting, the delimiter and header
   rules, the tokenizer and the number parser) over a whole file in memory on one rank. The first byte of the input
   picks -ht_csv_header (auto, true, false) and -ht_csv_delimiter (auto, comma, semicolon, whitespace); the rest is the
   text. An accepted text gives a (rows, columns) tensor holding all of its values.
*/
#include "../fuzz.h"
#include <heat/private/tensorimpl.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  FuzzInitialize();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  HtIOError       e = {0};
  HtTensor        t = NULL;
  char           *text;
  const PetscInt *shape;
  PetscInt        n;

  if (!size) return 0;
  text = (char *)malloc(size);
  memcpy(text, data + 1, size - 1);
  text[size - 1] = 0;
  FUZZ_CHECK(HtCSVParseText(PETSC_COMM_SELF, "fuzz.csv", (HtCSVHeader)(data[0] % 3), (HtCSVDelim)(data[0] / 3 % 4), text, size - 1, &t, &e));
  free(text);
  if (e.code) {
    FUZZ_CHECK(HtTensorDestroy(&t));
    return 0;
  }
  FUZZ_CHECK(HtTensorGetShape(t, &shape));
  FUZZ_CHECK(HtTensorGetLocalSize(t, &n));
  if (shape[0] < 1 || shape[1] < 1 || n != shape[0] * shape[1]) abort();
  FUZZ_CHECK(HtTensorDestroy(&t));
  return 0;
}
