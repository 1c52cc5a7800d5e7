/*
   PNG files through libpng: the writer of every picture (rank 0 writes a temporary file renamed into place when it
   is complete), and HtTensorSavePNG(), a 2-D tensor as an image.
*/
#include <heat/private/rasterimpl.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>

typedef struct {
  jmp_buf jmp;
  char    msg[256];
} HtPNGError;

static void HtPNGOnError(png_structp png, png_const_charp msg)
{
  HtPNGError *err = (HtPNGError *)png_get_error_ptr(png);

  (void)PetscStrncpy(err->msg, msg, sizeof(err->msg));
  longjmp(err->jmp, 1);
}

static void HtPNGOnWarning(png_structp png, png_const_charp msg)
{
  (void)png;
  (void)msg;
}

/* writes r to the open file fp as an 8-bit RGB PNG; 0 on success, else 1 with the message of libpng in err */
static int HtPNGWrite(FILE *fp, HtRaster r, HtPNGError *err)
{
  png_structp png;
  png_infop   info = NULL;

  png = png_create_write_struct(PNG_LIBPNG_VER_STRING, err, HtPNGOnError, HtPNGOnWarning);
  if (!png) return 1;
  if (setjmp(err->jmp)) {
    png_destroy_write_struct(&png, &info);
    return 1;
  }
  info = png_create_info_struct(png);
  if (!info) png_error(png, "out of memory");
  png_init_io(png, fp);
  png_set_IHDR(png, info, (png_uint_32)r->w, (png_uint_32)r->h, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (PetscInt y = 0; y < r->h; y++) png_write_row(png, r->rgb + 3 * (size_t)y * (size_t)r->w);
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return 0;
}

/*
   HtRasterSavePNG - writes rank 0's raster r (NULL on the other ranks) as the PNG file `path`: to a temporary file
   beside it, renamed when complete; a failure leaves an existing file unchanged and no temporary file, on every rank.
*/
PetscErrorCode HtRasterSavePNG(MPI_Comm comm, HtRaster r, const char path[])
{
  char           tmp[PETSC_MAX_PATH_LEN];
  PetscMPIInt    rank;
  PetscErrorCode code = 0;
  HtPNGError     err  = {.msg = ""};
  FILE          *fp;

  PetscFunctionBegin;
  PetscCheck(path && path[0], comm, PETSC_ERR_ARG_NULL, "No file name given for the PNG picture");
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(HtFileTemporaryName(comm, path, tmp, sizeof(tmp)));
  PetscCall(HtFileCheckCreatable(comm, tmp, path));
  if (!rank) {
    fp = fopen(tmp, "wb");
    if (!fp || HtPNGWrite(fp, r, &err)) code = PETSC_ERR_FILE_WRITE;
    if (fp && fclose(fp)) code = PETSC_ERR_FILE_WRITE;
    if (code) PetscCall(PetscInfo(NULL, "libpng could not write %s: %s\n", tmp, err.msg));
  }
  PetscCall(HtFileCommit(comm, code, tmp, path));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the values of the 2-D tensor t as PetscReal in row-major order on rank 0 (NULL elsewhere) */
static PetscErrorCode HtTensorGatherReal(HtTensor t, PetscReal **values)
{
  MPI_Comm    comm = PetscObjectComm((PetscObject)t);
  HtTensor    t0   = t;
  PetscMPIInt rank, size, n, *counts = NULL, *displs = NULL;
  PetscReal  *local;
  const void *a;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCallMPI(MPI_Comm_size(comm, &size));
  if (t->split > 0) PetscCall(HtTensorResplit(t, 0, &t0));
  n = (PetscMPIInt)(t0->split < 0 && rank ? 0 : t0->nlocal);
  PetscCall(PetscMalloc1(n + 1, &local));
  PetscCall(HtTensorGetArrayRead(t0, &a));
  for (PetscMPIInt i = 0; i < n; i++) local[i] = PetscRealPart(HtElementGet(t0->dtype, a, i));
  PetscCall(HtTensorRestoreArrayRead(t0, &a));
  *values = NULL;
  if (!rank) PetscCall(PetscMalloc1(t->shape[0] * t->shape[1] + 1, values));
  if (!rank) PetscCall(PetscMalloc2(size, &counts, size, &displs));
  PetscCallMPI(MPI_Gather(&n, 1, MPI_INT, counts, 1, MPI_INT, 0, comm));
  for (PetscMPIInt r = 0; !rank && r < size; r++) displs[r] = r ? displs[r - 1] + counts[r - 1] : 0;
  PetscCallMPI(MPI_Gatherv(local, n, MPIU_REAL, *values, counts, displs, MPIU_REAL, 0, comm));
  if (!rank) PetscCall(PetscFree2(counts, displs));
  PetscCall(PetscFree(local));
  if (t0 != t) PetscCall(HtTensorDestroy(&t0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the largest side of a picture, in pixels */
#define HT_PNG_MAX_SIDE 32768

/* the colour bar of a real field drawn in rows [0, h) right of column x0, labelled with vmin (bottom) and vmax (top) */
static void HtRasterColorBar(HtRaster r, PetscInt x0, PetscInt h, PetscInt ts, PetscReal vmin, PetscReal vmax)
{
  char label[32];

  for (PetscInt y = 0; y < h; y++) HtRasterFillRect(r, x0, y, x0 + 16, y + 1, HtColormapColor(1 - (y + 0.5) / h));
  (void)snprintf(label, sizeof(label), "%.4g", (double)vmax);
  HtRasterText(r, x0 + 22, 0, ts, label, HT_RGB_BLACK);
  (void)snprintf(label, sizeof(label), "%.4g", (double)vmin);
  HtRasterText(r, x0 + 22, h - HT_RASTER_GLYPH_H * ts, ts, label, HT_RGB_BLACK);
}

/* rank 0: the raster of a ny x nx field (row 0 at the bottom), categorical or through the colormap with a colour bar */
static PetscErrorCode HtFieldRaster(const PetscReal v[], PetscInt ny, PetscInt nx, PetscInt scale, PetscBool categorical, HtRaster *r)
{
  PetscReal vmin = PETSC_MAX_REAL, vmax = PETSC_MIN_REAL;
  PetscInt  w = nx * scale, h = ny * scale, ts = h >= 60 ? 2 : 1, bar = 0;

  PetscFunctionBegin;
  if (!categorical) {
    for (PetscInt i = 0; i < nx * ny; i++)
      if (!PetscIsInfOrNanReal(v[i])) {
        vmin = PetscMin(vmin, v[i]);
        vmax = PetscMax(vmax, v[i]);
      }
    if (vmin > vmax) vmin = vmax = 0; /* no finite value */
    bar = 10 + 16 + 6 + PetscMax(HtRasterTextWidth(ts, "-0.0000e+00"), 0) + 4;
  }
  PetscCall(HtRasterCreate(w + bar, categorical ? h : PetscMax(h, 2 * HT_RASTER_GLYPH_H * ts + 4), HT_RGB_WHITE, r));
  for (PetscInt i = 0; i < ny; i++)
    for (PetscInt j = 0; j < nx; j++) {
      PetscReal x = v[i * nx + j];
      HtRGB     c;

      if (categorical) c = HtPaletteColor((PetscInt)x);
      else c = PetscIsInfOrNanReal(x) ? HT_RGB_GRAY : HtColormapColor(vmax > vmin ? (x - vmin) / (vmax - vmin) : 0.5);
      HtRasterFillRect(*r, j * scale, (ny - 1 - i) * scale, (j + 1) * scale, (ny - i) * scale, c);
    }
  if (!categorical) HtRasterColorBar(*r, w + 10, h, ts, vmin, vmax);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSavePNG - Writes a 2-D tensor as a PNG picture: a field on a mesh, each cell a square of pixels.

   Collective

   Input Parameters:
+  field - a 2-D tensor, rows = y (row 0 at the bottom), columns = x, any split and dtype
.  file - the PNG file; an existing file of that name is replaced
-  scale - the side of each cell in pixels, 1 or more

   Level: intermediate

   Notes:
   An `HT_INT` tensor (labels of clusters, classes) is drawn categorically: label k in colour k of the same
   qualitative palette as the scatter plots of -ht_cluster_view draw (12 colours, repeated for larger labels;
   negative labels gray); the picture is exactly (columns x scale) by (rows x scale) pixels. An `HT_SCALAR` or
   `HT_BOOL` tensor is drawn through a perceptual colormap (dark violet for the minimum through teal and green to
   yellow for the maximum; NaN and Inf gray) with a colour bar labelled with the minimum and the maximum to its right.

   The tensor is gathered to rank 0, which writes the picture (a picture of a mesh is small next to the mesh). The
   file is written as a temporary file beside `file`, renamed when complete: a failed write leaves an existing file
   unchanged and no temporary file. A tensor that is not 2-D, an empty tensor, a scale below 1 or a picture wider or
   higher than 32768 pixels, and a file that cannot be created are errors raised on every rank.

.seealso: `HtTensorSave()`, `HtTensorViewScatter()`, `HtTensorSaveScatterPNG()`
@*/
PetscErrorCode HtTensorSavePNG(HtTensor field, const char file[], PetscInt scale)
{
  MPI_Comm    comm;
  PetscReal  *v;
  HtRaster    r = NULL;
  PetscMPIInt rank;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(field, HT_TENSOR_CLASSID, 1);
  comm = PetscObjectComm((PetscObject)field);
  PetscCheck(field->ndim == 2, comm, PETSC_ERR_ARG_WRONG, "HtTensorSavePNG() draws a 2-D tensor (rows = y, columns = x); this one has %" PetscInt_FMT " axes: reshape or slice it first", field->ndim);
  PetscCheck(field->shape[0] > 0 && field->shape[1] > 0, comm, PETSC_ERR_ARG_WRONG, "Cannot draw an empty tensor (shape (%" PetscInt_FMT ", %" PetscInt_FMT ")) as a picture", field->shape[0], field->shape[1]);
  PetscCheck(scale >= 1, comm, PETSC_ERR_ARG_OUTOFRANGE, "The scale of a picture is the side of a cell in pixels: %" PetscInt_FMT " is not 1 or more", scale);
  PetscCheck(field->shape[0] <= HT_PNG_MAX_SIDE / scale && field->shape[1] <= HT_PNG_MAX_SIDE / scale, comm, PETSC_ERR_ARG_OUTOFRANGE, "A (%" PetscInt_FMT ", %" PetscInt_FMT ") field with %" PetscInt_FMT " pixels per cell makes a picture larger than %d pixels on a side; use a smaller scale or a coarser field", field->shape[0], field->shape[1], scale, HT_PNG_MAX_SIDE);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Save, field, 0, 0, 0));
  PetscCall(HtTensorGatherReal(field, &v));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (!rank) PetscCall(HtFieldRaster(v, field->shape[0], field->shape[1], scale, (PetscBool)(field->dtype == HT_INT), &r));
  PetscCall(PetscFree(v));
  PetscCall(HtRasterSavePNG(comm, r, file));
  PetscCall(HtRasterDestroy(&r));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Save, field, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}
