/*
   Pictures of the tensor layer (src/tensor/io/raster.c, png.c, scatter.c): an RGB raster in memory with the few
   primitives a plot needs (rectangles, discs, text in a built-in 5x7 bitmap font), the qualitative palette and the
   perceptual colormap every picture shares, and the PNG writer (libpng, safe save). Rank 0 draws; the others pass NULL.
*/
#pragma once

#include <heat/private/tensorimpl.h>

typedef struct {
  unsigned char r, g, b;
} HtRGB;

typedef struct _n_HtRaster *HtRaster;
struct _n_HtRaster {
  PetscInt       w, h;
  unsigned char *rgb; /* h rows of w pixels, top row first */
};

#define HT_RASTER_GLYPH_W 5
#define HT_RASTER_GLYPH_H 7

PETSC_INTERN PetscErrorCode HtRasterCreate(PetscInt, PetscInt, HtRGB, HtRaster *);
PETSC_INTERN PetscErrorCode HtRasterDestroy(HtRaster *);
PETSC_INTERN void           HtRasterFillRect(HtRaster, PetscInt, PetscInt, PetscInt, PetscInt, HtRGB);
PETSC_INTERN void           HtRasterDisc(HtRaster, PetscReal, PetscReal, PetscReal, HtRGB);
PETSC_INTERN void           HtRasterText(HtRaster, PetscInt, PetscInt, PetscInt, const char[], HtRGB);
PETSC_INTERN PetscInt       HtRasterTextWidth(PetscInt, const char[]);
PETSC_INTERN PetscErrorCode HtRasterSavePNG(MPI_Comm, HtRaster, const char[]);

/* the colours: category k of the qualitative palette (negative: gray), and the colormap at t in [0, 1] (NaN: gray) */
#define HT_PALETTE_SIZE 12
PETSC_INTERN HtRGB HtPaletteColor(PetscInt);
PETSC_INTERN HtRGB HtColormapColor(PetscReal);
PETSC_INTERN const HtRGB HT_RGB_WHITE, HT_RGB_BLACK, HT_RGB_GRAY;
