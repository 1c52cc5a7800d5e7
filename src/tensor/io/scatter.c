/*
   Scatter plots of 2-D points coloured by label: through a PetscDraw (X window, or -draw_type image) and as PNG.
   Both draw the same subsample gathered to rank 0: of N > 1e5 points, the global rows are cut into 1e5 blocks of
   consecutive rows and one row of each block is drawn at random (Philox keyed by the block, a fixed seed), so the
   picture is the same on any number of ranks and labels that repeat with the row index (a stride would alias with
   them) are sampled fairly; the axis limits and the legend counts are over every point.
*/
#include <heat/private/rasterimpl.h>
#include <heat/private/philox.h>
#include <petscdraw.h>
#include <stdio.h>

#define HT_SCATTER_MAX_POINTS 100000
#define HT_SCATTER_MAX_LEGEND 16
#define HT_SCATTER_SEED       20240514u /* the fixed seed of the subsample */
#define HT_PNG_W              900       /* the size of the pictures, PNG and (by default) PetscDraw */
#define HT_PNG_H              600

typedef struct {
  PetscInt   n;             /* points of the subsample (on rank 0; 0 elsewhere) */
  PetscReal *xy;            /* 2 n coordinates */
  PetscInt  *label;         /* n labels */
  PetscReal  lim[4];        /* xmin, xmax, ymin, ymax over every point, padded */
  PetscInt   nclass, *count; /* labels 0..nclass-1 and their counts over every point */
} HtScatter;

/* the first global row of block b of the N rows cut into nb blocks: floor(b N / nb), without overflow */
static PetscInt HtScatterBlockStart(PetscInt N, PetscInt nb, PetscInt b)
{
  return b * (N / nb) + (PetscInt)((PetscInt64)b * (N % nb) / nb);
}

/* the block of global row g */
static PetscInt HtScatterBlockOf(PetscInt N, PetscInt nb, PetscInt g)
{
  PetscInt b = (PetscInt)((double)g / N * nb);

  while (b > 0 && HtScatterBlockStart(N, nb, b) > g) b--;
  while (b + 1 < nb && HtScatterBlockStart(N, nb, b + 1) <= g) b++;
  return b;
}

/* the global row drawn from block b */
static PetscInt HtScatterBlockRow(PetscInt N, PetscInt nb, PetscInt b)
{
  PetscInt     start = HtScatterBlockStart(N, nb, b), len = HtScatterBlockStart(N, nb, b + 1) - start;
  HtPhilox4x32 r     = HtPhilox(HT_SCATTER_SEED, (uint64_t)b, HT_STREAM_SCATTER_SUBSAMPLE);

  return start + PetscMin((PetscInt)(HtPhiloxToUnit(r.v[0], r.v[1]) * len), len - 1);
}

/* the subsample of xy (N x 2, split 0) and its labels (N, HT_INT, xy's layout, or NULL: every label 0) */
static PetscErrorCode HtScatterGather(HtTensor xy, HtTensor labels, HtScatter *sc)
{
  MPI_Comm           comm = PetscObjectComm((PetscObject)xy);
  PetscInt           N = xy->shape[0], nb = PetscMin(N, HT_SCATTER_MAX_POINTS), rstart = xy->map->rstart, m = xy->map->n, bfirst = 0, blast = -1, maxlab = 0;
  const PetscScalar *x;
  const PetscInt    *l = NULL;
  PetscReal         *pxy, lo[2] = {PETSC_MAX_REAL, PETSC_MAX_REAL}, hi[2] = {PETSC_MIN_REAL, PETSC_MIN_REAL}, glo[2], ghi[2];
  PetscInt          *plab, *cnt;
  PetscMPIInt        rank, size, nloc = 0, *counts = NULL, *displs = NULL;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCallMPI(MPI_Comm_size(comm, &size));
  if (m > 0) { /* the blocks that meet this rank's rows; each block's drawn row is on one rank */
    bfirst = HtScatterBlockOf(N, nb, rstart);
    blast  = HtScatterBlockOf(N, nb, rstart + m - 1);
  }
  PetscCall(PetscMalloc2(2 * (blast - bfirst + 1) + 1, &pxy, blast - bfirst + 2, &plab));
  PetscCall(HtTensorGetArrayRead(xy, &x));
  if (labels) PetscCall(HtTensorGetArrayRead(labels, &l));
  for (PetscInt i = 0; i < m; i++) {
    for (PetscInt d = 0; d < 2; d++)
      if (!PetscIsInfOrNanReal(PetscRealPart(x[2 * i + d]))) {
        lo[d] = PetscMin(lo[d], PetscRealPart(x[2 * i + d]));
        hi[d] = PetscMax(hi[d], PetscRealPart(x[2 * i + d]));
      }
    maxlab = PetscMax(maxlab, l ? l[i] : 0);
  }
  for (PetscInt b = bfirst; b <= blast; b++) {
    PetscInt g = HtScatterBlockRow(N, nb, b);

    if (g < rstart || g >= rstart + m) continue;
    pxy[2 * nloc]     = PetscRealPart(x[2 * (g - rstart)]);
    pxy[2 * nloc + 1] = PetscRealPart(x[2 * (g - rstart) + 1]);
    plab[nloc++]      = l ? l[g - rstart] : 0;
  }
  PetscCall(MPIU_Allreduce(lo, glo, 2, MPIU_REAL, MPIU_MIN, comm));
  PetscCall(MPIU_Allreduce(hi, ghi, 2, MPIU_REAL, MPIU_MAX, comm));
  PetscCall(MPIU_Allreduce(&maxlab, &sc->nclass, 1, MPIU_INT, MPI_MAX, comm));
  sc->nclass++;
  PetscCall(PetscCalloc1(sc->nclass, &cnt));
  for (PetscInt i = 0; i < m; i++)
    if (!l || l[i] >= 0) cnt[l ? l[i] : 0]++;
  PetscCall(PetscMalloc1(sc->nclass, &sc->count));
  PetscCall(MPIU_Allreduce(cnt, sc->count, (PetscMPIInt)sc->nclass, MPIU_INT, MPI_SUM, comm));
  PetscCall(PetscFree(cnt));
  if (labels) PetscCall(HtTensorRestoreArrayRead(labels, &l));
  PetscCall(HtTensorRestoreArrayRead(xy, &x));
  for (PetscInt d = 0; d < 2; d++) {
    PetscReal pad;

    if (glo[d] > ghi[d]) glo[d] = ghi[d] = 0; /* no finite point */
    pad               = glo[d] < ghi[d] ? 0.04 * (ghi[d] - glo[d]) : 1;
    sc->lim[2 * d]     = glo[d] - pad;
    sc->lim[2 * d + 1] = ghi[d] + pad;
  }
  /* the subsample to rank 0 in rank order, which is global row order */
  sc->n = rank ? 0 : nb;
  PetscCall(PetscMalloc2(2 * sc->n + 1, &sc->xy, sc->n + 1, &sc->label));
  if (!rank) PetscCall(PetscMalloc2(size, &counts, size, &displs));
  PetscCallMPI(MPI_Gather(&nloc, 1, MPI_INT, counts, 1, MPI_INT, 0, comm));
  for (PetscMPIInt r = 0; !rank && r < size; r++) displs[r] = r ? displs[r - 1] + counts[r - 1] : 0;
  PetscCallMPI(MPI_Gatherv(plab, nloc, MPIU_INT, sc->label, counts, displs, MPIU_INT, 0, comm));
  for (PetscMPIInt r = 0; !rank && r < size; r++) {
    counts[r] *= 2;
    displs[r] *= 2;
  }
  PetscCallMPI(MPI_Gatherv(pxy, 2 * nloc, MPIU_REAL, sc->xy, counts, displs, MPIU_REAL, 0, comm));
  if (!rank) PetscCall(PetscFree2(counts, displs));
  PetscCall(PetscFree2(pxy, plab));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScatterDestroy(HtScatter *sc)
{
  PetscFunctionBegin;
  PetscCall(PetscFree2(sc->xy, sc->label));
  PetscCall(PetscFree(sc->count));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the checks of both pictures: xy is (N, 2) HT_SCALAR, labels NULL or (N,) HT_INT; both split 0 (copies if not) */
static PetscErrorCode HtScatterBegin(HtTensor xy, HtTensor labels, HtTensor *xy0, HtTensor *labels0, HtScatter *sc)
{
  MPI_Comm comm = PetscObjectComm((PetscObject)xy);

  PetscFunctionBegin;
  PetscValidHeaderSpecific(xy, HT_TENSOR_CLASSID, 1);
  PetscCheck(xy->ndim == 2 && xy->shape[1] == 2 && xy->dtype == HT_SCALAR, comm, PETSC_ERR_ARG_WRONG, "A scatter plot draws an (N, 2) HT_SCALAR tensor of points (x, y)");
  PetscCheck(xy->shape[0] > 0, comm, PETSC_ERR_ARG_WRONG, "A scatter plot needs at least one point; this tensor has none");
  if (labels) {
    PetscValidHeaderSpecific(labels, HT_TENSOR_CLASSID, 2);
    PetscCheck(labels->ndim == 1 && labels->shape[0] == xy->shape[0] && labels->dtype == HT_INT, comm, PETSC_ERR_ARG_WRONG, "The labels of a scatter plot of %" PetscInt_FMT " points are an (%" PetscInt_FMT ",) HT_INT tensor", xy->shape[0], xy->shape[0]);
  }
  *xy0     = xy;
  *labels0 = labels;
  if (xy->split != 0) PetscCall(HtTensorResplit(xy, 0, xy0));
  else PetscCall(PetscObjectReference((PetscObject)xy));
  if (labels) {
    PetscCall(HtTensorCreateWithLayout(comm, 1, labels->shape, 0, HT_INT, (*xy0)->map->n, labels0));
    PetscCall(HtTensorRedistribute_Private(labels, *labels0));
  }
  PetscCall(HtScatterGather(*xy0, *labels0, sc));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtScatterEnd(HtTensor *xy0, HtTensor *labels0, HtScatter *sc)
{
  PetscFunctionBegin;
  PetscCall(HtScatterDestroy(sc));
  PetscCall(HtTensorDestroy(xy0));
  PetscCall(HtTensorDestroy(labels0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the text of legend entry k: "cluster 2: 50", or "samples: 150" for one unlabelled class */
static void HtScatterLegendText(const HtScatter *sc, const char legend[], PetscBool labelled, PetscInt k, char text[], size_t len)
{
  if (k == HT_SCATTER_MAX_LEGEND) (void)PetscSNPrintf(text, len, "(%" PetscInt_FMT " more)", sc->nclass - k);
  else if (labelled) (void)PetscSNPrintf(text, len, "%s %" PetscInt_FMT ": %" PetscInt_FMT, legend, k, sc->count[k]);
  else (void)PetscSNPrintf(text, len, "%s: %" PetscInt_FMT, legend, sc->count[k]);
}

/* the colours of the PetscDraw picture, in the order of the PNG palette */
static const int HtDrawPalette[HT_PALETTE_SIZE] = {PETSC_DRAW_BLUE, PETSC_DRAW_ORANGE, PETSC_DRAW_FORESTGREEN, PETSC_DRAW_RED, PETSC_DRAW_VIOLET, PETSC_DRAW_BROWN, PETSC_DRAW_PINK, PETSC_DRAW_GRAY, PETSC_DRAW_YELLOWGREEN, PETSC_DRAW_CYAN, PETSC_DRAW_NAVYBLUE, PETSC_DRAW_SANDYBROWN};

static int HtDrawColor(PetscInt k)
{
  return k < 0 ? PETSC_DRAW_DIMGRAY : HtDrawPalette[k % HT_PALETTE_SIZE];
}

/* rank 0 draws the points and the legend in the axis's coordinates; the legend sits in the room right of xmax */
static PetscErrorCode HtScatterDraw(PetscDraw draw, const HtScatter *sc, const char legend[], PetscBool labelled, PetscReal xlegend)
{
  PetscReal tw, th;
  char      text[128];

  PetscFunctionBegin;
  for (PetscInt i = 0; i < sc->n; i++) PetscCall(PetscDrawMarker(draw, sc->xy[2 * i], sc->xy[2 * i + 1], HtDrawColor(sc->label[i])));
  PetscCall(PetscDrawStringGetSize(draw, &tw, &th));
  for (PetscInt k = 0; k < sc->nclass && k <= HT_SCATTER_MAX_LEGEND; k++) {
    PetscReal y = sc->lim[3] - (k + 1) * 1.5 * th;

    HtScatterLegendText(sc, legend, labelled, k, text, sizeof(text));
    if (k < HT_SCATTER_MAX_LEGEND) PetscCall(PetscDrawMarker(draw, xlegend, y + 0.5 * th, HtDrawColor(k)));
    PetscCall(PetscDrawString(draw, xlegend + 1.5 * tw, y, PETSC_DRAW_BLACK, text));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* PETSc's default window of 300 x 300 pixels cuts the legend: 900 x 600, the size of the PNG, unless the user chose
   a size (-draw_size, -geometry, or a window of another size) */
static PetscErrorCode HtScatterDrawSize(PetscDraw draw)
{
  int       w, h;
  PetscBool size, geometry;

  PetscFunctionBegin;
  PetscCall(PetscDrawGetWindowSize(draw, &w, &h));
  PetscCall(PetscOptionsHasName(((PetscObject)draw)->options, ((PetscObject)draw)->prefix, "-draw_size", &size));
  PetscCall(PetscOptionsHasName(((PetscObject)draw)->options, ((PetscObject)draw)->prefix, "-geometry", &geometry));
  if (w == 300 && h == 300 && !size && !geometry) PetscCall(PetscDrawResizeWindow(draw, HT_PNG_W, HT_PNG_H));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorViewScatter - Draws a scatter plot of 2-D points coloured by label in a PETSc draw viewer.

   Collective

   Input Parameters:
+  xy - an (N, 2) `HT_SCALAR` tensor of points, any split (principal coordinates, say)
.  labels - NULL (one colour) or an (N,) `HT_INT` tensor of labels 0, 1, ... (negative: gray, not in the legend)
.  title - the title of the plot
.  legend - the name of a class in the legend ("cluster": entries "cluster k: count"; without labels "legend: N")
-  viewer - a `PETSCVIEWERDRAW` viewer

   Options Database Keys:
+  -draw_type image - draw into an image instead of an X window (no display needed)
.  -draw_save file.ppm - save the picture (as file_0.ppm and an empty folder file/, one picture per drawing, unless
                         -draw_save_single_file is given too)
-  -draw_size w,h - the size of the picture in pixels (default here 900,600; PETSc's own default is 300,300)

   Level: intermediate

   Notes:
   The axes are labelled "PC 1" and "PC 2"; their limits cover every point. At most 10^5 points are drawn: of more,
   one row drawn at random (a fixed seed) from each of 10^5 blocks of consecutive global rows, the same points on
   any number of ranks; the legend counts every point.
   Rank 0 draws; the PNG version with its own rasterizer is `HtTensorSaveScatterPNG()`.

.seealso: `HtTensorSaveScatterPNG()`, `HtTensorSavePNG()`, `HtClusterView()`, `HtPCAView()`
@*/
PetscErrorCode HtTensorViewScatter(HtTensor xy, HtTensor labels, const char title[], const char legend[], PetscViewer viewer)
{
  HtTensor      xy0, labels0;
  HtScatter     sc;
  PetscDraw     draw;
  PetscDrawAxis axis;
  PetscBool     isnull;
  PetscReal     xroom;
  PetscMPIInt   rank;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(viewer, PETSC_VIEWER_CLASSID, 5);
  PetscCall(PetscViewerDrawGetDraw(viewer, 0, &draw));
  PetscCall(PetscDrawIsNull(draw, &isnull));
  if (isnull) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtScatterBegin(xy, labels, &xy0, &labels0, &sc));
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)xy), &rank));
  PetscCall(HtScatterDrawSize(draw));
  xroom = 0.45 * (sc.lim[1] - sc.lim[0]); /* room for the legend right of the points */
  PetscCall(PetscDrawCheckResizedWindow(draw));
  PetscCall(PetscDrawClear(draw));
  PetscCall(PetscDrawAxisCreate(draw, &axis));
  PetscCall(PetscDrawAxisSetLimits(axis, sc.lim[0], sc.lim[1] + xroom, sc.lim[2], sc.lim[3]));
  PetscCall(PetscDrawAxisSetLabels(axis, title, "PC 1", "PC 2"));
  PetscCall(PetscDrawAxisDraw(axis));
  PetscCall(PetscDrawSetMarkerType(draw, PETSC_DRAW_MARKER_CIRCLE));
  PetscDrawCollectiveBegin(draw);
  if (!rank) PetscCall(HtScatterDraw(draw, &sc, legend, (PetscBool)(labels != NULL), sc.lim[1] + 0.1 * xroom));
  PetscDrawCollectiveEnd(draw);
  PetscCall(PetscDrawFlush(draw));
  PetscCall(PetscDrawPause(draw));
  PetscCall(PetscDrawSave(draw));
  PetscCall(PetscDrawAxisDestroy(&axis));
  PetscCall(HtScatterEnd(&xy0, &labels0, &sc));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the layout of the PNG scatter plot: HT_PNG_W x HT_PNG_H, white, the plot box, the legend to its right */
#define HT_PNG_LEFT   90
#define HT_PNG_RIGHT  640
#define HT_PNG_TOP    50
#define HT_PNG_BOTTOM 530

/* about 6 round tick values (1, 2 or 5 times a power of 10) in [lo, hi] */
static void HtTicks(PetscReal lo, PetscReal hi, PetscReal *first, PetscReal *step)
{
  PetscReal raw = (hi - lo) / 6, p = PetscPowReal(10, PetscFloorReal(PetscLog10Real(raw))), f = raw / p;

  *step  = (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
  *first = PetscCeilReal(lo / *step) * *step;
}

/* the frame, the ticks with their values, the axis labels and the title */
static void HtScatterAxesRaster(HtRaster r, const HtScatter *sc, const char title[])
{
  char      text[64];
  PetscReal first, step;
  PetscInt  pw = HT_PNG_RIGHT - HT_PNG_LEFT, ph = HT_PNG_BOTTOM - HT_PNG_TOP;

  HtRasterFillRect(r, HT_PNG_LEFT, HT_PNG_TOP, HT_PNG_RIGHT + 1, HT_PNG_TOP + 1, HT_RGB_BLACK);
  HtRasterFillRect(r, HT_PNG_LEFT, HT_PNG_BOTTOM, HT_PNG_RIGHT + 1, HT_PNG_BOTTOM + 1, HT_RGB_BLACK);
  HtRasterFillRect(r, HT_PNG_LEFT, HT_PNG_TOP, HT_PNG_LEFT + 1, HT_PNG_BOTTOM + 1, HT_RGB_BLACK);
  HtRasterFillRect(r, HT_PNG_RIGHT, HT_PNG_TOP, HT_PNG_RIGHT + 1, HT_PNG_BOTTOM + 1, HT_RGB_BLACK);
  HtTicks(sc->lim[0], sc->lim[1], &first, &step);
  for (PetscReal v = first; v <= sc->lim[1]; v += step) {
    PetscInt px = HT_PNG_LEFT + (PetscInt)((v - sc->lim[0]) / (sc->lim[1] - sc->lim[0]) * pw);

    (void)snprintf(text, sizeof(text), "%g", PetscAbsReal(v) < 1e-9 * step ? 0.0 : (double)v); /* PETSc's %g writes 1 as "1." */
    HtRasterFillRect(r, px, HT_PNG_BOTTOM, px + 1, HT_PNG_BOTTOM + 6, HT_RGB_BLACK);
    HtRasterText(r, px - HtRasterTextWidth(2, text) / 2, HT_PNG_BOTTOM + 10, 2, text, HT_RGB_BLACK);
  }
  HtTicks(sc->lim[2], sc->lim[3], &first, &step);
  for (PetscReal v = first; v <= sc->lim[3]; v += step) {
    PetscInt py = HT_PNG_BOTTOM - (PetscInt)((v - sc->lim[2]) / (sc->lim[3] - sc->lim[2]) * ph);

    (void)snprintf(text, sizeof(text), "%g", PetscAbsReal(v) < 1e-9 * step ? 0.0 : (double)v); /* PETSc's %g writes 1 as "1." */
    HtRasterFillRect(r, HT_PNG_LEFT - 6, py, HT_PNG_LEFT, py + 1, HT_RGB_BLACK);
    HtRasterText(r, HT_PNG_LEFT - 10 - HtRasterTextWidth(2, text), py - HT_RASTER_GLYPH_H, 2, text, HT_RGB_BLACK);
  }
  HtRasterText(r, (HT_PNG_LEFT + HT_PNG_RIGHT - HtRasterTextWidth(2, "PC 1")) / 2, HT_PNG_BOTTOM + 36, 2, "PC 1", HT_RGB_BLACK);
  HtRasterText(r, 8, HT_PNG_TOP - 30, 2, "PC 2", HT_RGB_BLACK);
  HtRasterText(r, (HT_PNG_LEFT + HT_PNG_RIGHT - HtRasterTextWidth(2, title)) / 2, 12, 2, title, HT_RGB_BLACK);
}

/* rank 0: the whole PNG picture */
static PetscErrorCode HtScatterRaster(const HtScatter *sc, const char title[], const char legend[], PetscBool labelled, HtRaster *r)
{
  PetscReal radius = sc->n <= 2000 ? 3.5 : sc->n <= 20000 ? 2.5 : 1.5;
  char      text[128];

  PetscFunctionBegin;
  PetscCall(HtRasterCreate(HT_PNG_W, HT_PNG_H, HT_RGB_WHITE, r));
  HtScatterAxesRaster(*r, sc, title);
  for (PetscInt i = 0; i < sc->n; i++) {
    PetscReal px = HT_PNG_LEFT + (sc->xy[2 * i] - sc->lim[0]) / (sc->lim[1] - sc->lim[0]) * (HT_PNG_RIGHT - HT_PNG_LEFT);
    PetscReal py = HT_PNG_BOTTOM - (sc->xy[2 * i + 1] - sc->lim[2]) / (sc->lim[3] - sc->lim[2]) * (HT_PNG_BOTTOM - HT_PNG_TOP);

    if (!PetscIsInfOrNanReal(px) && !PetscIsInfOrNanReal(py)) HtRasterDisc(*r, px, py, radius, HtPaletteColor(sc->label[i]));
  }
  for (PetscInt k = 0; k < sc->nclass && k <= HT_SCATTER_MAX_LEGEND; k++) {
    PetscInt y = HT_PNG_TOP + 10 + 26 * k;

    HtScatterLegendText(sc, legend, labelled, k, text, sizeof(text));
    if (k < HT_SCATTER_MAX_LEGEND) HtRasterDisc(*r, HT_PNG_RIGHT + 28, y + HT_RASTER_GLYPH_H, 6, HtPaletteColor(k));
    HtRasterText(*r, HT_PNG_RIGHT + 44, y, 2, text, HT_RGB_BLACK);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSaveScatterPNG - Writes a scatter plot of 2-D points coloured by label as a PNG file.

   Collective

   Input Parameters:
+  xy - an (N, 2) `HT_SCALAR` tensor of points, any split
.  labels - NULL (one colour) or an (N,) `HT_INT` tensor of labels 0, 1, ... (negative: gray, not in the legend)
.  title - the title of the plot
.  legend - the name of a class in the legend ("cluster": entries "cluster k: count"; without labels "legend: N")
-  file - the PNG file; an existing file of that name is replaced

   Level: intermediate

   Notes:
   The picture is 900 x 600 pixels on white: the points as small discs in the colours of a 12-colour qualitative
   palette (label k in colour k, the colours of `HtTensorSavePNG()`), a frame with round tick values, the axis labels
   "PC 1" and "PC 2", the title and the legend (at most 16 entries), drawn by Heat's own rasterizer and written
   through libpng. At most 10^5 points are drawn (of more, one row drawn at random with a fixed seed from each of
   10^5 blocks of consecutive global rows), so the file is the same on any number of ranks. It is written as a temporary file renamed when complete: a failure leaves an
   existing file unchanged and no temporary file.

.seealso: `HtTensorViewScatter()`, `HtTensorSavePNG()`
@*/
PetscErrorCode HtTensorSaveScatterPNG(HtTensor xy, HtTensor labels, const char title[], const char legend[], const char file[])
{
  HtTensor    xy0, labels0;
  HtScatter   sc;
  HtRaster    r = NULL;
  PetscMPIInt rank;

  PetscFunctionBegin;
  PetscCall(HtScatterBegin(xy, labels, &xy0, &labels0, &sc));
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)xy), &rank));
  if (!rank) PetscCall(HtScatterRaster(&sc, title, legend, (PetscBool)(labels != NULL), &r));
  PetscCall(HtScatterEnd(&xy0, &labels0, &sc));
  PetscCall(HtRasterSavePNG(PetscObjectComm((PetscObject)xy), r, file));
  PetscCall(HtRasterDestroy(&r));
  PetscFunctionReturn(PETSC_SUCCESS);
}
