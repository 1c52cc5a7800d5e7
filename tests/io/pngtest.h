/*
   A PNG picture read back with libpng, shared by the tests of pictures (tests/io/png.c, tests/ts/heat2d.c): its size,
   its number of distinct colours, a checksum of its pixels and, for chosen colours, whether (or on how many pixels)
   they appear.
*/
#pragma once

#include <heat.h>
#include <png.h>

/* the first 4 colours of Heat's palette: labels 0, 1, 2 and 3 */
static const unsigned char pngtest_palette[4][3] = {
  {31,  119, 180},
  {255, 127, 14 },
  {44,  160, 44 },
  {214, 39,  40 },
};

/*
   rank 0 reads the PNG file and prints "WHAT: W x H pixels, N distinct colours, pixel checksum S", then for each of
   the ncheck colours check[] whether it is present or absent, or with count its number of pixels
*/
static inline PetscErrorCode PNGReadBack(const char path[], const char what[], PetscInt ncheck, const unsigned char check[][3], PetscBool count)
{
  png_image          img;
  unsigned char     *buf;
  PetscInt          *colors; /* the 24-bit colours, as PetscInt for PetscSortInt() */
  size_t             n, ndistinct = 0;
  unsigned long long sum = 0;
  PetscMPIInt        rank;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  if (rank) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscMemzero(&img, sizeof(img)));
  img.version = PNG_IMAGE_VERSION;
  PetscCheck(png_image_begin_read_from_file(&img, path), PETSC_COMM_SELF, PETSC_ERR_FILE_READ, "libpng cannot read %s: %s", path, img.message);
  img.format = PNG_FORMAT_RGB;
  n          = (size_t)img.width * img.height;
  PetscCall(PetscMalloc2(PNG_IMAGE_SIZE(img), &buf, n, &colors));
  PetscCheck(png_image_finish_read(&img, NULL, buf, 0, NULL), PETSC_COMM_SELF, PETSC_ERR_FILE_READ, "libpng cannot decode %s: %s", path, img.message);
  for (size_t i = 0; i < n; i++) colors[i] = (PetscInt)buf[3 * i] << 16 | (PetscInt)buf[3 * i + 1] << 8 | buf[3 * i + 2];
  for (size_t i = 0; i < 3 * n; i++) sum += (unsigned long long)buf[i] * (i % 1000003 + 1);
  PetscCall(PetscSortInt((PetscInt)n, colors));
  for (size_t i = 0; i < n; i++)
    if (!i || colors[i] != colors[i - 1]) ndistinct++;
  PetscCall(PetscPrintf(PETSC_COMM_SELF, "%s: %u x %u pixels, %zu distinct colours, pixel checksum %llu\n", what, img.width, img.height, ndistinct, sum));
  for (PetscInt c = 0; c < ncheck; c++) {
    PetscInt want = (PetscInt)check[c][0] << 16 | (PetscInt)check[c][1] << 8 | check[c][2];
    size_t   hits = 0;

    for (size_t i = 0; i < n; i++) hits += colors[i] == want;
    if (count) PetscCall(PetscPrintf(PETSC_COMM_SELF, "  colour (%d, %d, %d): %zu pixels\n", check[c][0], check[c][1], check[c][2], hits));
    else PetscCall(PetscPrintf(PETSC_COMM_SELF, "  colour (%d, %d, %d): %s\n", check[c][0], check[c][1], check[c][2], hits ? "present" : "absent"));
  }
  PetscCall(PetscFree2(buf, colors));
  PetscFunctionReturn(PETSC_SUCCESS);
}
