/*
   Fuzzes the .npy header parser (HtNpyParsePreamble() and HtNpyParseDict(), src/tensor/io/npy.c): the input is the
   beginning of a .npy file, parsed from memory as rank 0 parses the file it read. An accepted header must describe an
   array of at most HT_MAX_NDIM axes of non-negative lengths whose data end at the end of the input.
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
  unsigned char pre[12] = {0};
  HtNpyHeader   h;
  HtIOError     e = {0};
  PetscInt64    hlen;
  char         *dict;

  memset(&h, 0, sizeof(h));
  memcpy(pre, data, size < sizeof(pre) ? size : sizeof(pre));
  FUZZ_CHECK(HtNpyParsePreamble("fuzz.npy", pre, (MPI_Offset)size, &hlen, &h, &e));
  if (e.code) return 0;
  dict = (char *)calloc((size_t)hlen + 1, 1);
  memcpy(dict, data + h.offset, (size_t)hlen);
  h.offset += hlen;
  FUZZ_CHECK(HtNpyParseDict("fuzz.npy", dict, (MPI_Offset)size - h.offset, &h, &e));
  free(dict);
  if (e.code) return 0;
  if (h.ndim < 0 || h.ndim > HT_MAX_NDIM || h.offset > (MPI_Offset)size) abort();
  for (PetscInt d = 0; d < h.ndim; d++)
    if (h.shape[d] < 0) abort();
  return 0;
}
