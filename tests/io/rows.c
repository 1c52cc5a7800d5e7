static const char help[] = "Tests HtTensorLoadRows() and HtTensorLoadGetShape(): .npy and HDF5 files read in batches of rows, each\n"
                           "batch compared element by element with the same rows of HtTensorLoad(); shapes and dtypes from the\n"
                           "headers against HtTensorLoad(); with -case NAME one bad input, which must give a clean error on every rank.\n";

#include "iotest.h"

typedef struct {
  const char *file, *dataset;
} Source;

/* batches and zero-row reads of these files, against HtTensorLoad() */
static const Source Streamed[] = {
  {"data/rows_f8.npy",       NULL         },
  {"data/rows_fortran.npy",  NULL         },
  {"data/small_fortran.npy", NULL         },
  {"data/small_f4.npy",      NULL         },
  {"data/small_i8.npy",      NULL         },
  {"data/small_u1.npy",      NULL         },
  {"data/small_b1.npy",      NULL         },
  {"data/small_3d.npy",      NULL         },
  {"data/small_v2.npy",      NULL         },
  {"data/empty_0x3.npy",     NULL         },
  {"data/rows.h5",           NULL         },
  {"data/rows.h5",           "x/i2"       },
  {"data/small.h5",          "group/sub/x"},
  {"data/small.h5",          "i4"         },
  {"data/small.h5",          "u1"         },
  {"data/small.h5",          "empty"      },
};

/* rows of files that HtTensorLoad() rejects as a whole (an integer out of the range of a 32-bit PetscInt elsewhere) */
static const struct {
  Source   src;
  PetscInt rstart, nrows;
} Partial[] = {
  {{"data/int64_overflow.npy", NULL}, 0, 2},
  {{"data/int64_overflow.npy", NULL}, 3, 1},
  {{"data/small.h5", "big_i8"},       1, 4},
  {{"data/small.h5", "big_u4"},       0, 3},
};

/* shapes and dtypes from the headers; `load`: compare with HtTensorLoad() (whose 32-bit PetscInt rejects big_u4) */
static const struct {
  Source    src;
  PetscBool load;
} Shapes[] = {
  {{"data/small_f8.npy", NULL},        PETSC_TRUE },
  {{"data/small_3d.npy", NULL},        PETSC_TRUE },
  {{"data/small_i4.npy", NULL},        PETSC_TRUE },
  {{"data/small_u1.npy", NULL},        PETSC_TRUE },
  {{"data/small_b1.npy", NULL},        PETSC_TRUE },
  {{"data/small_fortran3d.npy", NULL}, PETSC_TRUE },
  {{"data/scalar0d.npy", NULL},        PETSC_TRUE },
  {{"data/empty_0x3.npy", NULL},       PETSC_TRUE },
  {{"data/rows_fortran.npy", NULL},    PETSC_TRUE },
  {{"data/small.h5", NULL},            PETSC_TRUE },
  {{"data/small.h5", "f4"},            PETSC_TRUE },
  {{"data/small.h5", "i8"},            PETSC_TRUE },
  {{"data/small.h5", "u1"},            PETSC_TRUE },
  {{"data/small.h5", "group/sub/x"},   PETSC_TRUE },
  {{"data/small.h5", "/scalar"},       PETSC_TRUE },
  {{"data/small.h5", "empty"},         PETSC_TRUE },
  {{"data/small.h5", "big_u4"},        PETSC_FALSE},
  {{"data/rows.h5", "x/i2"},           PETSC_TRUE },
};

static PetscErrorCode Name(const Source *src, char s[], size_t n)
{
  PetscFunctionBegin;
  if (src->dataset) PetscCall(PetscSNPrintf(s, n, "%s:%s", src->file, src->dataset));
  else PetscCall(PetscStrncpy(s, src->file, n));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode ShapeString(PetscInt ndim, const PetscInt shape[], char s[], size_t n)
{
  size_t len;

  PetscFunctionBegin;
  PetscCall(PetscStrncpy(s, "(", n));
  for (PetscInt d = 0; d < ndim; d++) {
    PetscCall(PetscStrlen(s, &len));
    PetscCall(PetscSNPrintf(s + len, n - len, "%s%" PetscInt_FMT, d ? ", " : "", shape[d]));
  }
  PetscCall(PetscStrlcat(s, ndim == 1 ? ",)" : ")", n));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* what HtTensorLoadGetShape() says of a source, with its name and shape as text */
typedef struct {
  PetscInt ndim, shape[HT_MAX_NDIM];
  HtDType  dtype;
  char     name[PETSC_MAX_PATH_LEN], str[128];
} Header;

static PetscErrorCode GetHeader(MPI_Comm comm, const Source *src, Header *h)
{
  PetscFunctionBegin;
  PetscCall(Name(src, h->name, sizeof(h->name)));
  PetscCall(HtTensorLoadGetShape(comm, src->file, src->dataset, &h->ndim, h->shape, &h->dtype));
  PetscCall(ShapeString(h->ndim, h->shape, h->str, sizeof(h->str)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the first row of a batch, which rank 0 holds, as text */
static PetscErrorCode FirstRow(HtTensor batch, char s[], size_t n)
{
  Layout      l;
  const void *a;
  PetscInt    rowsize = 1;
  size_t      len;

  PetscFunctionBegin;
  PetscCall(GetLayout(batch, &l));
  for (PetscInt d = 1; d < l.ndim; d++) rowsize *= l.shape[d];
  s[0] = '\0';
  PetscCall(HtTensorGetArrayRead(batch, &a));
  for (PetscInt k = 0; k < PetscMin(rowsize, l.nlocal); k++) {
    PetscCall(PetscStrlen(s, &len));
    PetscCall(PetscSNPrintf(s + len, n - len, " %g", (double)Get(l.dtype, a, k)));
  }
  PetscCall(HtTensorRestoreArrayRead(batch, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   Checks a batch, rows [r0, r0 + n) of the file, against `whole` (the file loaded with split -1): its layout (shape
   (n, rest), split 0, balanced, the dtype of the whole) and every element exactly. Counts wrong layouts and elements
   in *bad, adds sum v (g + 1) over the file's flat index g of this rank's elements to *checksum.
*/
static PetscErrorCode CheckBatch(HtTensor batch, HtTensor whole, PetscInt r0, PetscInt n, PetscInt *bad, PetscReal *checksum)
{
  Layout      l, w;
  const void *a, *b;
  PetscInt    rowsize = 1;
  PetscBool   balanced;

  PetscFunctionBegin;
  PetscCall(GetLayout(batch, &l));
  PetscCall(GetLayout(whole, &w));
  PetscCall(HtTensorIsBalanced(batch, &balanced));
  if (l.ndim != w.ndim || l.shape[0] != n || l.split != 0 || !balanced || l.dtype != w.dtype) (*bad)++;
  for (PetscInt d = 1; d < l.ndim; d++) {
    if (l.shape[d] != w.shape[d]) (*bad)++;
    rowsize *= l.shape[d];
  }
  PetscCall(HtTensorGetArrayRead(batch, &a));
  PetscCall(HtTensorGetArrayRead(whole, &b));
  for (PetscInt k = 0; k < l.nlocal; k++) {
    PetscInt64 g = GlobalIndex(&l, k) + (PetscInt64)r0 * rowsize;
    PetscReal  v = Get(l.dtype, a, k);

    if (v != Get(w.dtype, b, (PetscInt)g)) (*bad)++;
    *checksum += v * (PetscReal)(g + 1);
  }
  PetscCall(HtTensorRestoreArrayRead(whole, &b));
  PetscCall(HtTensorRestoreArrayRead(batch, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* streams the file in batches of `size` rows; prints the count, the checksum and the first row of the last batch */
static PetscErrorCode StreamBatches(MPI_Comm comm, const Source *src, HtTensor whole, PetscInt nrows, PetscInt size)
{
  HtTensor  batch;
  PetscInt  bad = 0, nbatches = 0, last = 0;
  PetscReal checksum = 0, sums[2], totals[2];
  char      row[256] = "";

  PetscFunctionBegin;
  for (PetscInt r0 = 0; r0 < nrows; r0 += size, nbatches++) {
    PetscInt n = PetscMin(size, nrows - r0);

    PetscCall(HtTensorLoadRows(comm, src->file, src->dataset, r0, n, &batch));
    PetscCall(CheckBatch(batch, whole, r0, n, &bad, &checksum));
    if (r0 + n == nrows) PetscCall(FirstRow(batch, row, sizeof(row)));
    last = r0;
    PetscCall(HtTensorDestroy(&batch));
  }
  sums[0] = checksum;
  sums[1] = (PetscReal)bad;
  PetscCall(MPIU_Allreduce(sums, totals, 2, MPIU_REAL, MPIU_SUM, comm));
  PetscCall(PetscPrintf(comm, "  batches of %" PetscInt_FMT ": %" PetscInt_FMT " %s, %s; checksum %.17g; row %" PetscInt_FMT ":%s\n", size, nbatches, nbatches == 1 ? "batch" : "batches", totals[1] == 0 ? "every one identical to the rows of HtTensorLoad" : "WRONG", (double)totals[0], last, row));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* reads 0 rows at row r0 and shows the tensor */
static PetscErrorCode ZeroRows(MPI_Comm comm, const Source *src, PetscInt r0)
{
  HtTensor t;
  PetscInt size;
  char     d[128];

  PetscFunctionBegin;
  PetscCall(HtTensorLoadRows(comm, src->file, src->dataset, r0, 0, &t));
  PetscCall(HtTensorGetSize(t, &size));
  PetscCall(Describe(t, d, sizeof(d)));
  PetscCall(PetscPrintf(comm, "  0 rows at row %" PetscInt_FMT ": %s, %" PetscInt_FMT " elements\n", r0, d, size));
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the batches of 1, 3, 4 and all rows of a file, and reads of no rows */
static PetscErrorCode Stream(MPI_Comm comm, const Source *src)
{
  static const PetscInt sizes[] = {1, 3, 4};
  HtTensor              whole;
  Header                h;
  PetscInt              nrows;

  PetscFunctionBegin;
  PetscCall(GetHeader(comm, src, &h));
  PetscCall(PetscPrintf(comm, "%s: %s %s\n", h.name, h.str, HtDTypes[h.dtype]));
  PetscCall(HtTensorLoad(comm, src->file, src->dataset, -1, &whole));
  nrows = h.shape[0];
  for (size_t b = 0; b < PETSC_STATIC_ARRAY_LENGTH(sizes) && nrows; b++) PetscCall(StreamBatches(comm, src, whole, nrows, sizes[b]));
  if (nrows > sizes[2]) PetscCall(StreamBatches(comm, src, whole, nrows, nrows)); /* else batches of 4 read all rows at once */
  PetscCall(ZeroRows(comm, src, nrows / 2));
  if (nrows) PetscCall(ZeroRows(comm, src, nrows));
  PetscCall(HtTensorDestroy(&whole));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* rows of a file that cannot be loaded whole: the values gathered on every rank */
static PetscErrorCode ShowRows(MPI_Comm comm, const Source *src, PetscInt rstart, PetscInt nrows)
{
  HtTensor    t, r;
  Layout      l;
  const void *a;
  char        name[PETSC_MAX_PATH_LEN], d[128], values[256] = "";
  size_t      len;

  PetscFunctionBegin;
  PetscCall(Name(src, name, sizeof(name)));
  PetscCall(HtTensorLoadRows(comm, src->file, src->dataset, rstart, nrows, &t));
  PetscCall(Describe(t, d, sizeof(d)));
  PetscCall(HtTensorResplit(t, -1, &r));
  PetscCall(GetLayout(r, &l));
  PetscCall(HtTensorGetArrayRead(r, &a));
  for (PetscInt k = 0; k < l.nlocal; k++) {
    PetscCall(PetscStrlen(values, &len));
    PetscCall(PetscSNPrintf(values + len, sizeof(values) - len, " %.17g", (double)Get(l.dtype, a, k)));
  }
  PetscCall(HtTensorRestoreArrayRead(r, &a));
  PetscCall(PetscPrintf(comm, "rows [%" PetscInt_FMT ", %" PetscInt_FMT ") of %s: %s:%s\n", rstart, rstart + nrows, name, d, values));
  PetscCall(HtTensorDestroy(&r));
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the shape and dtype of the header, and whether HtTensorLoad() gives the same */
static PetscErrorCode ShowShape(MPI_Comm comm, const Source *src, PetscBool load)
{
  HtTensor        t;
  Header          h;
  PetscInt        tndim;
  const PetscInt *tshape;
  HtDType         tdtype;
  PetscBool       same = PETSC_FALSE;

  PetscFunctionBegin;
  PetscCall(GetHeader(comm, src, &h));
  if (load) {
    PetscCall(HtTensorLoad(comm, src->file, src->dataset, -1, &t));
    PetscCall(HtTensorGetNDim(t, &tndim));
    PetscCall(HtTensorGetShape(t, &tshape));
    PetscCall(HtTensorGetDType(t, &tdtype));
    same = (PetscBool)(tndim == h.ndim && tdtype == h.dtype);
    for (PetscInt d = 0; d < h.ndim && same; d++) same = (PetscBool)(tshape[d] == h.shape[d]);
    PetscCall(HtTensorDestroy(&t));
  }
  PetscCall(PetscPrintf(comm, "%-28s ndim %" PetscInt_FMT " shape %-10s %-6s %s\n", h.name, h.ndim, h.str, HtDTypes[h.dtype], !load ? "(not loaded whole)" : same ? "as HtTensorLoad" : "DIFFERENT FROM HtTensorLoad"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* each output of HtTensorLoadGetShape() may be NULL */
static PetscErrorCode ShapeOptionalOutputs(MPI_Comm comm)
{
  PetscInt ndim = -1, shape[HT_MAX_NDIM];
  HtDType  dtype = HT_BOOL;

  PetscFunctionBegin;
  PetscCall(HtTensorLoadGetShape(comm, "data/small_3d.npy", NULL, NULL, NULL, NULL));
  PetscCall(HtTensorLoadGetShape(comm, "data/small_3d.npy", NULL, &ndim, NULL, NULL));
  PetscCall(HtTensorLoadGetShape(comm, "data/small.h5", "i8", NULL, shape, NULL));
  PetscCall(HtTensorLoadGetShape(comm, "data/small.h5", "i8", NULL, NULL, &dtype));
  PetscCall(PetscPrintf(comm, "outputs one at a time: ndim %" PetscInt_FMT " of data/small_3d.npy; shape (%" PetscInt_FMT ", %" PetscInt_FMT "), dtype %s of data/small.h5:i8\n", ndim, shape[0], shape[1], HtDTypes[dtype]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* one bad input: -case NAME */
static PetscErrorCode BadInput(MPI_Comm comm, const char name[])
{
  static const struct {
    const char *name, *file, *dataset;
    PetscBool   shape;         /* HtTensorLoadGetShape(), else HtTensorLoadRows() */
    PetscInt    rstart, nrows; /* "differ": rstart is the rank */
  } cases[] = {
    {"negative_start",    "data/small_f8.npy",       NULL,        PETSC_FALSE, -1, 2 },
    {"negative_count",    "data/small.h5",           NULL,        PETSC_FALSE, 0,  -2},
    {"past_end_npy",      "data/small_f8.npy",       NULL,        PETSC_FALSE, 3,  3 },
    {"past_end_h5",       "data/small.h5",           NULL,        PETSC_FALSE, 5,  1 },
    {"start_past_end",    "data/rows_f8.npy",        NULL,        PETSC_FALSE, 14, 0 },
    {"zero_d_npy",        "data/scalar0d.npy",       NULL,        PETSC_FALSE, 0,  0 },
    {"zero_d_h5",         "data/small.h5",           "scalar",    PETSC_FALSE, 0,  1 },
    {"differ",            "data/small_f8.npy",       NULL,        PETSC_FALSE, 0,  1 },
    {"csv",               "data/header.csv",         NULL,        PETSC_FALSE, 0,  1 },
    {"unknown_ext",       "data/small_f8.dat",       NULL,        PETSC_FALSE, 0,  1 },
    {"missing",           "data/no_such_file.npy",   NULL,        PETSC_FALSE, 0,  1 },
    {"dataset",           "data/small.h5",           "nogroup/x", PETSC_FALSE, 0,  1 },
    {"overflow_npy",      "data/int64_overflow.npy", NULL,        PETSC_FALSE, 1,  2 },
    {"overflow_h5",       "data/small.h5",           "big_i8",    PETSC_FALSE, 4,  2 },
    {"shape_csv",         "data/header.csv",         NULL,        PETSC_TRUE,  0,  0 },
    {"shape_missing",     "data/no_such_file.npy",   NULL,        PETSC_TRUE,  0,  0 },
    {"shape_missing_h5",  "data/no_such_file.h5",    NULL,        PETSC_TRUE,  0,  0 },
    {"shape_not_hdf5",    "data/not_hdf5.h5",        NULL,        PETSC_TRUE,  0,  0 },
    {"shape_dataset",     "data/small.h5",           "nope",      PETSC_TRUE,  0,  0 },
    {"shape_group",       "data/small.h5",           "group",     PETSC_TRUE,  0,  0 },
    {"shape_strings",     "data/small.h5",           "strings",   PETSC_TRUE,  0,  0 },
    {"shape_bad_magic",   "data/bad_magic.npy",      NULL,        PETSC_TRUE,  0,  0 },
    {"shape_truncated",   "data/truncated.npy",      NULL,        PETSC_TRUE,  0,  0 },
    {"shape_complex",     "data/complex.npy",        NULL,        PETSC_TRUE,  0,  0 },
  };
  HtTensor    t = NULL;
  PetscMPIInt rank;
  PetscInt    i, n = (PetscInt)PETSC_STATIC_ARRAY_LENGTH(cases);
  PetscBool   match = PETSC_FALSE, differ;

  PetscFunctionBegin;
  for (i = 0; i < n && !match; i++) PetscCall(PetscStrcmp(name, cases[i].name, &match));
  PetscCheck(match, comm, PETSC_ERR_USER, "Unknown -case '%s'", name);
  i--;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(PetscStrcmp(name, "differ", &differ));
  if (cases[i].shape) PetscCall(HtTensorLoadGetShape(comm, cases[i].file, cases[i].dataset, NULL, NULL, NULL));
  else PetscCall(HtTensorLoadRows(comm, cases[i].file, cases[i].dataset, differ ? rank : cases[i].rstart, cases[i].nrows, &t));
  PetscCall(PetscPrintf(comm, "case %s: no error\n", name));
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  MPI_Comm  comm;
  char      name[64];
  PetscBool bad;

  PetscFunctionBeginUser;
  comm = PETSC_COMM_WORLD;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", name, sizeof(name), &bad));
  if (bad) PetscCall(BadInput(comm, name));
  else {
    for (size_t i = 0; i < PETSC_STATIC_ARRAY_LENGTH(Streamed); i++) PetscCall(Stream(comm, &Streamed[i]));
    for (size_t i = 0; i < PETSC_STATIC_ARRAY_LENGTH(Partial); i++) PetscCall(ShowRows(comm, &Partial[i].src, Partial[i].rstart, Partial[i].nrows));
    PetscCall(PetscPrintf(comm, "shapes and dtypes from the headers:\n"));
    for (size_t i = 0; i < PETSC_STATIC_ARRAY_LENGTH(Shapes); i++) PetscCall(ShowShape(comm, &Shapes[i].src, Shapes[i].load));
    PetscCall(ShapeOptionalOutputs(comm));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest());
}

/*TEST

   test:
     suffix: stream
     nsize: {{1 2 3 4}}

   testset:
     nsize: {{1 3}}
     errors: expected
     filter: grep "PETSC ERROR" | sed -n 3p | sed "s/^.*PETSC ERROR: //"
     test:
       suffix: negative_start
       args: -case negative_start
     test:
       suffix: negative_count
       args: -case negative_count
     test:
       suffix: past_end_npy
       args: -case past_end_npy
     test:
       suffix: past_end_h5
       args: -case past_end_h5
     test:
       suffix: start_past_end
       args: -case start_past_end
     test:
       suffix: zero_d_npy
       args: -case zero_d_npy
     test:
       suffix: zero_d_h5
       args: -case zero_d_h5
     test:
       suffix: csv
       args: -case csv
     test:
       suffix: shape_csv
       args: -case shape_csv
     test:
       suffix: unknown_ext
       args: -case unknown_ext
     test:
       suffix: missing
       args: -case missing
     test:
       suffix: shape_missing
       args: -case shape_missing
     test:
       suffix: shape_missing_h5
       args: -case shape_missing_h5
     test:
       suffix: shape_not_hdf5
       args: -case shape_not_hdf5
     test:
       suffix: shape_dataset
       args: -case shape_dataset
     test:
       suffix: dataset
       args: -case dataset
     test:
       suffix: shape_group
       args: -case shape_group
     test:
       suffix: shape_strings
       args: -case shape_strings
     test:
       suffix: shape_bad_magic
       args: -case shape_bad_magic
     test:
       suffix: shape_truncated
       args: -case shape_truncated
     test:
       suffix: shape_complex
       args: -case shape_complex
     test:
       suffix: overflow_npy
       args: -case overflow_npy
       requires: !64bit_indices
     test:
       suffix: overflow_h5
       args: -case overflow_h5
       requires: !64bit_indices

   test:
     suffix: differ
     nsize: {{2 4}}
     errors: expected
     filter: grep "PETSC ERROR" | sed -n 3p | sed "s/^.*PETSC ERROR: //"
     args: -case differ

TEST*/
