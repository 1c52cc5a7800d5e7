/*
   An RGB raster in memory and its primitives (rectangles, discs, text in a built-in 5x7 bitmap font), the
   qualitative palette and the perceptual colormap of Heat's pictures (HtTensorSavePNG(), the scatter plots).
*/
#include <heat/private/rasterimpl.h>

const HtRGB HT_RGB_WHITE = {255, 255, 255}, HT_RGB_BLACK = {0, 0, 0}, HT_RGB_GRAY = {150, 150, 150};

/* a qualitative palette of distinct, saturated colours, readable on white (Tableau-like, chosen here) */
static const HtRGB HtPalette[HT_PALETTE_SIZE] = {
  {31, 119, 180}, {255, 127, 14}, {44, 160, 44}, {214, 39, 40}, {148, 103, 189}, {140, 86, 75}, {227, 119, 194}, {127, 127, 127}, {188, 189, 34}, {23, 190, 207}, {0, 0, 128}, {128, 64, 0},
};

HtRGB HtPaletteColor(PetscInt k)
{
  return k < 0 ? HT_RGB_GRAY : HtPalette[k % HT_PALETTE_SIZE];
}

/* a perceptually ordered colormap from dark blue-violet through teal and green to yellow (viridis-like anchors) */
static const HtRGB HtColormap[] = {
  {68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141}, {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37},
};

HtRGB HtColormapColor(PetscReal t)
{
  const PetscInt n = (PetscInt)PETSC_STATIC_ARRAY_LENGTH(HtColormap) - 1;
  PetscReal      s;
  PetscInt       i;
  HtRGB          c;

  if (PetscIsNanReal(t)) return HT_RGB_GRAY;
  t = PetscMax(0, PetscMin(1, t));
  i = PetscMin((PetscInt)(t * n), n - 1);
  s = t * n - i;
  c.r = (unsigned char)(HtColormap[i].r + s * (HtColormap[i + 1].r - HtColormap[i].r) + 0.5);
  c.g = (unsigned char)(HtColormap[i].g + s * (HtColormap[i + 1].g - HtColormap[i].g) + 0.5);
  c.b = (unsigned char)(HtColormap[i].b + s * (HtColormap[i + 1].b - HtColormap[i].b) + 0.5);
  return c;
}

PetscErrorCode HtRasterCreate(PetscInt w, PetscInt h, HtRGB background, HtRaster *r)
{
  PetscFunctionBegin;
  PetscCall(PetscNew(r));
  (*r)->w = w;
  (*r)->h = h;
  PetscCall(PetscMalloc1(3 * (size_t)w * (size_t)h, &(*r)->rgb));
  HtRasterFillRect(*r, 0, 0, w, h, background);
  PetscFunctionReturn(PETSC_SUCCESS);
}

PetscErrorCode HtRasterDestroy(HtRaster *r)
{
  PetscFunctionBegin;
  if (!*r) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscFree((*r)->rgb));
  PetscCall(PetscFree(*r));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static inline void HtRasterSet(HtRaster r, PetscInt x, PetscInt y, HtRGB c)
{
  unsigned char *p;

  if (x < 0 || y < 0 || x >= r->w || y >= r->h) return;
  p    = r->rgb + 3 * ((size_t)y * (size_t)r->w + (size_t)x);
  p[0] = c.r;
  p[1] = c.g;
  p[2] = c.b;
}

/* the pixels [x0, x1) x [y0, y1), clipped to the raster */
void HtRasterFillRect(HtRaster r, PetscInt x0, PetscInt y0, PetscInt x1, PetscInt y1, HtRGB c)
{
  x0 = PetscMax(x0, 0);
  y0 = PetscMax(y0, 0);
  x1 = PetscMin(x1, r->w);
  y1 = PetscMin(y1, r->h);
  for (PetscInt y = y0; y < y1; y++)
    for (PetscInt x = x0; x < x1; x++) HtRasterSet(r, x, y, c);
}

/* the pixels whose centers lie within radius of (cx, cy) */
void HtRasterDisc(HtRaster r, PetscReal cx, PetscReal cy, PetscReal radius, HtRGB c)
{
  for (PetscInt y = (PetscInt)PetscFloorReal(cy - radius); y <= (PetscInt)PetscCeilReal(cy + radius); y++)
    for (PetscInt x = (PetscInt)PetscFloorReal(cx - radius); x <= (PetscInt)PetscCeilReal(cx + radius); x++) {
      PetscReal dx = x + 0.5 - cx, dy = y + 0.5 - cy;

      if (dx * dx + dy * dy <= radius * radius) HtRasterSet(r, x, y, c);
    }
}

/* rows of 5 bits (bit 4: the leftmost column) of the glyphs the plots need; lower case is drawn as upper case */
static const struct {
  char          c;
  unsigned char rows[HT_RASTER_GLYPH_H];
} HtFont[] = {
  {'0', {0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E}}, {'1', {0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E}},
  {'2', {0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F}}, {'3', {0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E}},
  {'4', {0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02}}, {'5', {0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E}},
  {'6', {0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E}}, {'7', {0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08}},
  {'8', {0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E}}, {'9', {0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C}},
  {'A', {0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11}}, {'B', {0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E}},
  {'C', {0x0E, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0E}}, {'D', {0x1C, 0x12, 0x11, 0x11, 0x11, 0x12, 0x1C}},
  {'E', {0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F}}, {'F', {0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10}},
  {'G', {0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F}}, {'H', {0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11}},
  {'I', {0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E}}, {'J', {0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0C}},
  {'K', {0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11}}, {'L', {0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F}},
  {'M', {0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11}}, {'N', {0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11}},
  {'O', {0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E}}, {'P', {0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10}},
  {'Q', {0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D}}, {'R', {0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11}},
  {'S', {0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E}}, {'T', {0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04}},
  {'U', {0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E}}, {'V', {0x11, 0x11, 0x11, 0x11, 0x11, 0x0A, 0x04}},
  {'W', {0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0A}}, {'X', {0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11}},
  {'Y', {0x11, 0x11, 0x11, 0x0A, 0x04, 0x04, 0x04}}, {'Z', {0x1F, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1F}},
  {'-', {0x00, 0x00, 0x00, 0x0E, 0x00, 0x00, 0x00}}, {'+', {0x00, 0x04, 0x04, 0x1F, 0x04, 0x04, 0x00}},
  {'.', {0x00, 0x00, 0x00, 0x00, 0x00, 0x0C, 0x0C}}, {',', {0x00, 0x00, 0x00, 0x00, 0x0C, 0x04, 0x08}},
  {':', {0x00, 0x0C, 0x0C, 0x00, 0x0C, 0x0C, 0x00}}, {'=', {0x00, 0x00, 0x1F, 0x00, 0x1F, 0x00, 0x00}},
  {'(', {0x02, 0x04, 0x08, 0x08, 0x08, 0x04, 0x02}}, {')', {0x08, 0x04, 0x02, 0x02, 0x02, 0x04, 0x08}},
  {'/', {0x00, 0x01, 0x02, 0x04, 0x08, 0x10, 0x00}}, {'_', {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x1F}},
  {'%', {0x18, 0x19, 0x02, 0x04, 0x08, 0x13, 0x03}}, {' ', {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00}},
  {'?', {0x0E, 0x11, 0x01, 0x02, 0x04, 0x00, 0x04}},
};

static const unsigned char *HtFontGlyph(char c)
{
  size_t n = PETSC_STATIC_ARRAY_LENGTH(HtFont);

  if (c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
  for (size_t i = 0; i < n; i++)
    if (HtFont[i].c == c) return HtFont[i].rows;
  return HtFont[n - 1].rows; /* '?' */
}

/* the width in pixels of s drawn with glyphs magnified `scale` times (one blank column between glyphs) */
PetscInt HtRasterTextWidth(PetscInt scale, const char s[])
{
  size_t n = strlen(s);

  return n ? (PetscInt)n * (HT_RASTER_GLYPH_W + 1) * scale - scale : 0;
}

/* s with its top left corner at (x, y), each font pixel a scale x scale square */
void HtRasterText(HtRaster r, PetscInt x, PetscInt y, PetscInt scale, const char s[], HtRGB c)
{
  for (; *s; s++, x += (HT_RASTER_GLYPH_W + 1) * scale) {
    const unsigned char *g = HtFontGlyph(*s);

    for (PetscInt i = 0; i < HT_RASTER_GLYPH_H; i++)
      for (PetscInt j = 0; j < HT_RASTER_GLYPH_W; j++)
        if (g[i] & (0x10 >> j)) HtRasterFillRect(r, x + j * scale, y + i * scale, x + (j + 1) * scale, y + (i + 1) * scale, c);
  }
}
