/*
   HtTensor I/O: NumPy .npy files (format versions 1.0, 2.0 and 3.0), read and written in parallel
   with MPI-IO. Rank 0 reads the header; every rank reads or writes only its own block, through a
   subarray file view.
*/
#include <heat/private/tensorimpl.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>

/* the element types we read; we write <f8 (HT_SCALAR), <i8 (HT_INT) and |b1 (HT_BOOL) */
typedef struct {
  const char *descr;
  HtRawType   raw;
  HtDType     dtype;
} HtNpyType;

static const HtNpyType HtNpyTypes[] = {
  {"<f8", HT_RAW_FLOAT64, HT_SCALAR},
  {"<f4", HT_RAW_FLOAT32, HT_SCALAR},
  {"<i8", HT_RAW_INT64,   HT_INT   },
  {"<i4", HT_RAW_INT32,   HT_INT   },
  {"|u1", HT_RAW_UINT8,   HT_INT   },
  {"|b1", HT_RAW_UINT8,   HT_BOOL  }
};
#define HT_NPY_NTYPES    ((PetscInt)(sizeof(HtNpyTypes) / sizeof(HtNpyTypes[0])))
#define HT_NPY_SUPPORTED "<f8 <f4 <i8 <i4 |u1 |b1"
static const PetscInt HtNpySaveType[] = {0, 2, 5}; /* entry of HtNpyTypes for HT_SCALAR, HT_INT, HT_BOOL */

#define HT_NPY_MAGIC        "\x93NUMPY"
#define HT_NPY_MAGIC_LEN    6
#define HT_NPY_ALIGN        64      /* NumPy aligns the data to 64 bytes */
#define HT_NPY_GROWTH       21      /* NumPy leaves room for the first axis to grow to 21 digits */
#define HT_NPY_MAX_HEADER   1048576 /* longer headers are corrupt */
#define HT_NPY_SHAPE_STRLEN 256

static MPI_Datatype HtRawGetMPIType(HtRawType raw)
{
  switch (raw) {
  case HT_RAW_FLOAT32:
    return MPI_FLOAT;
  case HT_RAW_INT64:
    return MPI_INT64_T;
  case HT_RAW_INT32:
    return MPI_INT32_T;
  case HT_RAW_UINT8:
    return MPI_UINT8_T;
  default:
    return MPI_DOUBLE;
  }
}

/* the value of 'key' (or "key") in the header dictionary, or NULL */
static const char *HtNpyFindValue(const char *dict, const char *key)
{
  char        quoted[32];
  const char *p = NULL;

  for (int q = 0; q < 2 && !p; q++) {
    snprintf(quoted, sizeof(quoted), q ? "\"%s\"" : "'%s'", key);
    p = strstr(dict, quoted);
    if (p) p += strlen(quoted);
  }
  if (!p) return NULL;
  while (*p == ' ') p++;
  if (*p++ != ':') return NULL;
  while (*p == ' ') p++;
  return p;
}

/* the dtype: a quoted string such as '<f8'; anything else (structured dtypes) is shown as it is */
static PetscErrorCode HtNpyParseDescr(const char path[], const char *v, HtNpyHeader *h, HtIOError *e)
{
  char   descr[64];
  size_t n = 0;

  PetscFunctionBegin;
  if (*v == '\'' || *v == '"') {
    const char *end = strchr(v + 1, *v);

    n = end ? (size_t)(end - v - 1) : 0;
    v++;
  } else
    while (v[n] && v[n] != ',' && v[n] != '}') n++;
  PetscCall(PetscStrncpy(descr, v, PetscMin(n + 1, sizeof(descr))));
  for (h->type = 0; h->type < HT_NPY_NTYPES; h->type++) {
    PetscBool same;

    PetscCall(PetscStrcmp(descr, HtNpyTypes[h->type].descr, &same));
    if (same) break;
  }
  if (h->type == HT_NPY_NTYPES) PetscCall(HtIOErrorSet(e, PETSC_ERR_SUP, "unsupported dtype '%s' in %s; supported: " HT_NPY_SUPPORTED, descr, path));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the shape tuple "(5, 3)", "(5,)" or "()" (Python 2 files may write "5L") into 64-bit integers */
static PetscErrorCode HtNpyParseShape(const char path[], const char *v, PetscInt *ndim, PetscInt64 shape[], char str[], HtIOError *e)
{
  const char *p = v + 1, *close = strchr(v, ')');

  PetscFunctionBegin;
  *ndim = 0;
  if (*v != '(' || !close) {
    PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s has a malformed .npy header: 'shape' is not a tuple", path));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(PetscStrncpy(str, v, PetscMin((size_t)(close - v + 2), HT_NPY_SHAPE_STRLEN)));
  while (!e->code) {
    char *end;

    while (*p == ' ') p++;
    if (*p == ')') break;
    if (*ndim == HT_MAX_NDIM) PetscCall(HtIOErrorSet(e, PETSC_ERR_SUP, "%s holds an array of shape %s; HtTensor supports up to %d axes", path, str, HT_MAX_NDIM));
    else {
      errno        = 0;
      shape[*ndim] = (PetscInt64)strtoll(p, &end, 10);
      if (errno == ERANGE) PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "the shape %s in %s overflows 64-bit integers: the header is corrupt", str, path));
      else if (end == p || shape[*ndim] < 0) PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s has a malformed .npy header: bad shape %s", path, str));
      p = end + (*end == 'L');
      while (*p == ' ') p++;
      if (*p == ',') p++;
      else if (*p != ')') PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s has a malformed .npy header: bad shape %s", path, str));
      (*ndim)++;
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* element count and data size against PetscInt and the file size */
static PetscErrorCode HtNpyCheckSize(const char path[], PetscInt ndim, const PetscInt64 shape[], const char str[], MPI_Offset datasize, HtNpyHeader *h, HtIOError *e)
{
  PetscInt64  n = 1, bytes;
  PetscBool   overflow = PETSC_FALSE, toolarge = PETSC_FALSE;
  const char *descr    = HtNpyTypes[h->type].descr;

  PetscFunctionBegin;
  for (PetscInt d = 0; d < ndim; d++) {
    if (shape[d] && n > INT64_MAX / shape[d]) overflow = PETSC_TRUE;
    else n *= shape[d];
    if (shape[d] > PETSC_MAX_INT) toolarge = PETSC_TRUE;
  }
  if (overflow) PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "the shape %s in %s overflows 64-bit integers: the header is corrupt", str, path));
  else if (toolarge || n > PETSC_MAX_INT)
    PetscCall(HtIOErrorSet(e, PETSC_ERR_SUP, "%s holds an array of shape %s (%" PetscInt64_FMT " elements), too large for the %d-bit PetscInt of this PETSc build (at most %" PetscInt_FMT ")", path, str, n, (int)(8 * sizeof(PetscInt)), PETSC_MAX_INT));
  if (e->code) PetscFunctionReturn(PETSC_SUCCESS);
  bytes = n * (PetscInt64)HtRawSize(HtNpyTypes[h->type].raw);
  if (datasize < bytes) PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s is truncated: header says shape %s of %s = %" PetscInt64_FMT " bytes, the file has %" PetscInt64_FMT " bytes of data", path, str, descr, bytes, (PetscInt64)datasize));
  else if (datasize > bytes)
    PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s: header says shape %s of %s = %" PetscInt64_FMT " bytes, but the file has %" PetscInt64_FMT " bytes of data; the header disagrees with the file size", path, str, descr, bytes, (PetscInt64)datasize));
  h->ndim = ndim;
  for (PetscInt d = 0; d < ndim; d++) h->shape[d] = (PetscInt)shape[d];
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtNpyParseDict - the header dictionary {'descr': '<f8', 'fortran_order': False, 'shape': (5, 3), } (NUL-terminated),
   checked against datasize, the bytes of the file after the header; a problem is recorded in e
*/
PetscErrorCode HtNpyParseDict(const char path[], const char *dict, MPI_Offset datasize, HtNpyHeader *h, HtIOError *e)
{
  const char *descr = HtNpyFindValue(dict, "descr"), *fortran = HtNpyFindValue(dict, "fortran_order"), *shape = HtNpyFindValue(dict, "shape");
  PetscInt64  shape64[HT_MAX_NDIM];
  PetscInt    ndim;
  char        str[HT_NPY_SHAPE_STRLEN];

  PetscFunctionBegin;
  if (!descr || !fortran || !shape) {
    PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s has a malformed .npy header (it needs 'descr', 'fortran_order' and 'shape'): %.200s", path, dict));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtNpyParseDescr(path, descr, h, e));
  if (!strncmp(fortran, "True", 4)) h->fortran = PETSC_TRUE;
  else if (strncmp(fortran, "False", 5)) PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s has a malformed .npy header: 'fortran_order' is neither True nor False", path));
  PetscCall(HtNpyParseShape(path, shape, &ndim, shape64, str, e));
  if (!e->code) PetscCall(HtNpyCheckSize(path, ndim, shape64, str, datasize, h, e));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtNpyParsePreamble - the first bytes of a .npy file of fsize bytes, pre[0, min(fsize, 12)): the magic string, the
   version and the length of the dictionary (*hlen), which starts at h->offset; a problem is recorded in e
*/
PetscErrorCode HtNpyParsePreamble(const char path[], const unsigned char pre[], MPI_Offset fsize, PetscInt64 *hlen, HtNpyHeader *h, HtIOError *e)
{
  PetscFunctionBegin;
  *hlen = 0;
  if (fsize < 10 || memcmp(pre, HT_NPY_MAGIC, HT_NPY_MAGIC_LEN)) {
    PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s is not a NumPy .npy file: it does not start with the magic string \\x93NUMPY", path));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (pre[6] == 1) {
    *hlen     = pre[8] | (PetscInt64)pre[9] << 8;
    h->offset = 10;
  } else if ((pre[6] == 2 || pre[6] == 3) && fsize >= 12) {
    *hlen     = pre[8] | (PetscInt64)pre[9] << 8 | (PetscInt64)pre[10] << 16 | (PetscInt64)pre[11] << 24;
    h->offset = 12;
  } else {
    PetscCall(HtIOErrorSet(e, PETSC_ERR_SUP, "%s has .npy format version %d.%d; supported: 1.0, 2.0, 3.0", path, pre[6], pre[7]));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (*hlen > HT_NPY_MAX_HEADER || h->offset + *hlen > fsize) PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s is truncated or corrupt: its header is said to be %" PetscInt64_FMT " bytes long, the file has %" PetscInt64_FMT " bytes", path, *hlen, (PetscInt64)fsize));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* rank 0: the preamble, then the dictionary (both parsed from memory by the functions above) */
static PetscErrorCode HtNpyReadHeader_Root(MPI_File fh, const char path[], HtNpyHeader *h, HtIOError *e)
{
  unsigned char pre[12] = {0};
  MPI_Offset    fsize   = 0;
  MPI_Status    status;
  PetscInt64    hlen;
  char         *dict;

  PetscFunctionBegin;
  PetscCall(HtIOErrorSetMPI(e, PETSC_ERR_FILE_READ, MPI_File_get_size(fh, &fsize), "Cannot read", path));
  if (!e->code) PetscCall(HtIOErrorSetTransfer(e, PETSC_FALSE, MPI_File_read_at(fh, 0, pre, (int)PetscMin(fsize, 12), MPI_BYTE, &status), &status, MPI_BYTE, PetscMin(fsize, 12), path));
  if (!e->code) PetscCall(HtNpyParsePreamble(path, pre, fsize, &hlen, h, e));
  if (e->code) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscCalloc1(hlen + 1, &dict));
  PetscCall(HtIOErrorSetTransfer(e, PETSC_FALSE, MPI_File_read_at(fh, h->offset, dict, (int)hlen, MPI_BYTE, &status), &status, MPI_BYTE, hlen, path));
  h->offset += hlen;
  if (!e->code) PetscCall(HtNpyParseDict(path, dict, fsize - h->offset, h, e));
  PetscCall(PetscFree(dict));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* collective: rank 0 reads the header, every rank gets it or raises the error rank 0 found */
static PetscErrorCode HtNpyReadHeader(MPI_Comm comm, MPI_File *fh, const char path[], HtNpyHeader *h)
{
  HtIOError   e = {0};
  PetscMPIInt rank;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(PetscMemzero(h, sizeof(*h)));
  if (!rank) PetscCall(HtNpyReadHeader_Root(*fh, path, h, &e));
  PetscCall(HtIOErrorCheck(comm, &e, fh, NULL));
  PetscCallMPI(MPI_Bcast(h, (PetscMPIInt)sizeof(*h), MPI_BYTE, 0, comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   The file view of this rank's block of t inside the whole array of shape fshape[] (C or Fortran
   order), whose rows [row0, row0 + shape[0]) hold t: a subarray of the file's shape. A rank that
   moves nothing (empty block, or `skip`) and a 0-d array get the element type itself.
*/
static PetscErrorCode HtNpyCreateFileType(HtTensor t, const PetscInt fshape[], PetscInt row0, MPI_Datatype etype, PetscBool fortran, PetscBool skip, MPI_Datatype *filetype)
{
  PetscMPIInt sizes[HT_MAX_NDIM], subsizes[HT_MAX_NDIM], starts[HT_MAX_NDIM];

  PetscFunctionBegin;
  if (skip || !t->nlocal || !t->ndim) PetscCallMPI(MPI_Type_dup(etype, filetype));
  else {
    for (PetscInt d = 0; d < t->ndim; d++) {
      PetscCall(PetscMPIIntCast(fshape[d], &sizes[d]));
      PetscCall(PetscMPIIntCast(t->lshape[d], &subsizes[d]));
      PetscCall(PetscMPIIntCast(HtTensorLocalStart(t, d) + (d ? 0 : row0), &starts[d]));
    }
    PetscCallMPI(MPI_Type_create_subarray((PetscMPIInt)t->ndim, sizes, subsizes, starts, fortran ? MPI_ORDER_FORTRAN : MPI_ORDER_C, etype, filetype));
  }
  PetscCallMPI(MPI_Type_commit(filetype));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* out (C order) = in (Fortran order): the n-d block of shape n[] with its axes reversed in memory */
static PetscErrorCode HtFortranToC(PetscInt ndim, const PetscInt n[], size_t esize, const void *in, void *out)
{
  PetscInt64 fstride[HT_MAX_NDIM], idx[HT_MAX_NDIM], total = 1, f = 0;

  PetscFunctionBegin;
  for (PetscInt d = 0; d < ndim; d++) {
    fstride[d] = total;
    idx[d]     = 0;
    total *= n[d];
  }
  for (PetscInt64 i = 0; i < total; i++) {
    memcpy((char *)out + i * esize, (const char *)in + f * esize, esize);
    for (PetscInt d = ndim - 1; d >= 0; d--) { /* next C-order index, last axis fastest */
      f += fstride[d];
      if (++idx[d] < n[d]) break;
      f -= idx[d] * fstride[d];
      idx[d] = 0;
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   collective: every rank reads its block of t, rows [row0, row0 + shape[0]) of the file's array, converting it from
   the file's element type
*/
static PetscErrorCode HtNpyReadBlock(MPI_File fh, const char path[], const HtNpyHeader *h, PetscInt row0, HtTensor t, HtIOError *e)
{
  const HtNpyType *nt     = &HtNpyTypes[h->type];
  MPI_Datatype     etype  = HtRawGetMPIType(nt->raw), filetype, memtype;
  size_t           rsize  = HtRawSize(nt->raw);
  PetscBool        direct = (PetscBool)(nt->raw == HT_RAW_FLOAT64 && !h->fortran), overflow;
  MPI_Status       status;
  void            *a, *buf;

  PetscFunctionBegin;
  if (!t->size) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtNpyCreateFileType(t, h->shape, row0, etype, h->fortran, PETSC_FALSE, &filetype));
  PetscCall(HtMPITypeCreateBlock(t->nlocal, etype, &memtype));
  PetscCall(HtTensorGetArrayWrite(t, &a));
  if (direct) buf = a;
  else PetscCall(PetscMalloc(t->nlocal * rsize, &buf));
  PetscCall(HtIOErrorSetMPI(e, PETSC_ERR_FILE_READ, MPI_File_set_view(fh, h->offset, etype, filetype, "native", MPI_INFO_NULL), "Cannot read", path));
  PetscCall(HtIOErrorSetTransfer(e, PETSC_FALSE, MPI_File_read_all(fh, buf, 1, memtype, &status), &status, etype, t->nlocal, path));
  if (h->fortran) {
    void *c;

    if (nt->raw == HT_RAW_FLOAT64) c = a;
    else PetscCall(PetscMalloc(t->nlocal * rsize, &c));
    PetscCall(HtFortranToC(t->ndim, t->lshape, rsize, buf, c));
    PetscCall(PetscFree(buf));
    buf = c;
  }
  PetscCall(HtRawConvert(nt->raw, buf, t->dtype, a, (size_t)t->nlocal, &overflow));
  if (overflow) PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s holds int64 values outside the range of the %d-bit PetscInt of this PETSc build", path, (int)(8 * sizeof(PetscInt))));
  if (buf != a) PetscCall(PetscFree(buf));
  PetscCall(HtTensorRestoreArrayWrite(t, &a));
  PetscCallMPI(MPI_Type_free(&memtype));
  PetscCallMPI(MPI_Type_free(&filetype));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* raises on every rank the error of a request the array cannot satisfy: rows out of range, a split that is not an axis */
static PetscErrorCode HtNpyCheckRequest(MPI_Comm comm, const char path[], const HtNpyHeader *h, PetscInt split, PetscInt rstart, PetscInt nrows)
{
  PetscFunctionBegin;
  PetscCall(HtFileCheckRows(comm, path, NULL, h->ndim, h->shape, rstart, nrows));
  if (split < -1 || split >= h->ndim) {
    PetscCheck(h->ndim, comm, PETSC_ERR_ARG_OUTOFRANGE, "The 0-d array in %s can only be loaded with split -1, not %" PetscInt_FMT, path, split);
    SETERRQ(comm, PETSC_ERR_ARG_OUTOFRANGE, "Split axis %" PetscInt_FMT " is not an axis of the %" PetscInt_FMT "-d array in %s; use 0..%" PetscInt_FMT ", or -1 for a replicated tensor", split, h->ndim, path, h->ndim - 1);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorLoadRows_NPY - reads rows [rstart, rstart + nrows) (nrows PETSC_DETERMINE: all rows, rstart 0) of the array
   in the .npy file `path` into a new balanced tensor with the given split.
*/
PetscErrorCode HtTensorLoadRows_NPY(MPI_Comm comm, const char path[], PetscInt split, PetscInt rstart, PetscInt nrows, HtTensor *t)
{
  MPI_File       fh;
  HtNpyHeader    h;
  HtIOError      e = {0};
  PetscInt       shape[HT_MAX_NDIM];
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscCall(HtTensorInitializePackage());
  PetscCall(PetscLogEventBegin(HT_TENSOR_Load, 0, 0, 0, 0));
  PetscCall(HtFileOpenRead(comm, path, &fh));
  PetscCall(HtNpyReadHeader(comm, &fh, path, &h));
  ierr = HtNpyCheckRequest(comm, path, &h, split, rstart, nrows);
  if (ierr) PetscCallMPI(MPI_File_close(&fh));
  PetscCall(ierr);
  PetscCall(PetscArraycpy(shape, h.shape, h.ndim));
  if (nrows != PETSC_DETERMINE) shape[0] = nrows;
  PetscCall(HtTensorCreate(comm, h.ndim, shape, split, HtNpyTypes[h.type].dtype, t));
  PetscCall(HtNpyReadBlock(fh, path, &h, rstart, *t, &e));
  PetscCall(HtIOErrorSetMPI(&e, PETSC_ERR_FILE_READ, MPI_File_close(&fh), "Cannot read", path));
  PetscCall(HtIOErrorCheck(comm, &e, NULL, t));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Load, 0, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorLoadNPY - Loads a tensor from a NumPy .npy file in parallel.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  path - the .npy file (format version 1.0, 2.0 or 3.0, C or Fortran order)
-  split - the axis to distribute, or -1 for a tensor every rank holds whole

   Output Parameter:
.  t - the tensor, balanced: `HT_SCALAR` for float64 (<f8) and float32 (<f4) files, `HT_INT` for int64
       (<i8), int32 (<i4) and uint8 (|u1) files, `HT_BOOL` for bool (|b1) files

   Level: beginner

   Notes:
   Rank 0 reads the header; then every rank reads exactly its own block with one collective MPI-IO
   read through a subarray file view (a Fortran-order block is transposed locally).

   Any problem (missing file, bad magic string, unsupported dtype such as big-endian or complex data,
   a shape that overflows the `PetscInt` of this build, a file size that disagrees with the header,
   int64 values that do not fit a 32-bit `PetscInt`) is an error on every rank.

.seealso: `HtTensorSaveNPY()`, `HtTensorLoad()`, `HtTensorLoadCSV()`, `HtTensorLoadHDF5()`
@*/
PetscErrorCode HtTensorLoadNPY(MPI_Comm comm, const char path[], PetscInt split, HtTensor *t)
{
  PetscFunctionBegin;
  PetscValidCharPointer(path, 2);
  PetscValidPointer(t, 4);
  PetscCall(HtTensorLoadRows_NPY(comm, path, split, 0, PETSC_DETERMINE, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtTensorLoadGetShape_NPY - the number of axes, the shape and the dtype of the array in the .npy file `path`, from its header */
PetscErrorCode HtTensorLoadGetShape_NPY(MPI_Comm comm, const char path[], PetscInt *ndim, PetscInt shape[], HtDType *dtype)
{
  MPI_File    fh;
  HtNpyHeader h;
  HtIOError   e = {0};

  PetscFunctionBegin;
  PetscCall(HtFileOpenRead(comm, path, &fh));
  PetscCall(HtNpyReadHeader(comm, &fh, path, &h));
  PetscCall(HtIOErrorSetMPI(&e, PETSC_ERR_FILE_READ, MPI_File_close(&fh), "Cannot read", path));
  PetscCall(HtIOErrorCheck(comm, &e, NULL, NULL));
  *ndim  = h.ndim;
  *dtype = HtNpyTypes[h.type].dtype;
  PetscCall(PetscArraycpy(shape, h.shape, h.ndim));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   The version 1.0 header exactly as numpy.save() writes it: the dictionary, room for the first axis
   to grow, spaces and a newline up to a multiple of 64 bytes.
*/
static PetscErrorCode HtNpyFormatHeader(HtTensor t, const char descr[], char header[], size_t len, size_t *hlen)
{
  char   shape[HT_NPY_SHAPE_STRLEN], first[32] = "";
  size_t n, dictlen;

  PetscFunctionBegin;
  PetscCall(HtShapeToString(t->ndim, t->shape, shape, sizeof(shape)));
  if (t->ndim) PetscCall(PetscSNPrintf(first, sizeof(first), "%" PetscInt_FMT, t->shape[0]));
  PetscCall(PetscMemcpy(header, HT_NPY_MAGIC "\x01\x00", HT_NPY_MAGIC_LEN + 2));
  PetscCall(PetscSNPrintf(header + 10, len - 10, "{'descr': '%s', 'fortran_order': False, 'shape': %s, }", descr, shape));
  PetscCall(PetscStrlen(header + 10, &dictlen));
  if (t->ndim) {
    size_t growth = HT_NPY_GROWTH - strlen(first);

    memset(header + 10 + dictlen, ' ', growth);
    dictlen += growth;
  }
  n = HT_NPY_ALIGN - (10 + dictlen + 1) % HT_NPY_ALIGN; /* NumPy pads 1..64 spaces */
  PetscCheck(10 + dictlen + n + 1 <= len, PETSC_COMM_SELF, PETSC_ERR_PLIB, "The .npy header buffer is too small");
  memset(header + 10 + dictlen, ' ', n);
  header[10 + dictlen + n] = '\n';
  *hlen                    = 10 + dictlen + n + 1;
  header[8]                = (char)((*hlen - 10) & 0xff);
  header[9]                = (char)((*hlen - 10) >> 8);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* this rank's block in the file's element type: the array itself for <f8, else a converted copy */
static PetscErrorCode HtNpyPackBlock(HtTensor t, HtRawType raw, const void *a, PetscInt n, void **buf)
{
  PetscFunctionBegin;
  if (raw == HT_RAW_FLOAT64) {
    *buf = (void *)a;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(PetscMalloc(PetscMax(n, 1) * HtRawSize(raw), buf));
  if (raw == HT_RAW_INT64)
    for (PetscInt i = 0; i < n; i++) ((int64_t *)*buf)[i] = ((const PetscInt *)a)[i];
  else
    for (PetscInt i = 0; i < n; i++) ((uint8_t *)*buf)[i] = ((const PetscBool *)a)[i] ? 1 : 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSaveNPY - Saves a tensor to a NumPy .npy file in parallel.

   Collective

   Input Parameters:
+  t - the tensor, any split and layout
-  path - the file name; an existing file is replaced

   Level: beginner

   Notes:
   The file is a version 1.0 .npy file in C order, the same bytes as `numpy.save()` writes:
   `HT_SCALAR` as float64 (<f8), `HT_INT` as int64 (<i8) and `HT_BOOL` as bool (|b1).
   Rank 0 writes the header and every rank writes its block with one collective MPI-IO write
   through a subarray file view (for split -1 only rank 0 writes the data).

   The data go to a temporary file next to `path`, which replaces `path` only when every rank has
   succeeded: a failed save leaves an existing file unchanged.

.seealso: `HtTensorLoadNPY()`, `HtTensorSave()`, `HtTensorSaveCSV()`, `HtTensorSaveHDF5()`
@*/
PetscErrorCode HtTensorSaveNPY(HtTensor t, const char path[])
{
  MPI_Comm         comm;
  const HtNpyType *nt;
  MPI_Datatype     etype, filetype, memtype;
  MPI_File         fh;
  MPI_Status       status;
  HtIOError        e = {0};
  PetscMPIInt      rank;
  PetscBool        skip;
  char             header[512], tmp[PETSC_MAX_PATH_LEN];
  size_t           hlen = 0;
  const void      *a;
  void            *buf;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidCharPointer(path, 2);
  comm = PetscObjectComm((PetscObject)t);
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Save, t, 0, 0, 0));
  nt    = &HtNpyTypes[HtNpySaveType[t->dtype]];
  etype = HtRawGetMPIType(nt->raw);
  skip  = (PetscBool)(t->split < 0 && rank); /* a replicated tensor is written by rank 0 */
  PetscCall(HtNpyFormatHeader(t, nt->descr, header, sizeof(header), &hlen));
  PetscCall(HtFileOpenWrite(comm, path, tmp, sizeof(tmp), &fh, &e));
  if (!rank) PetscCall(HtIOErrorSetTransfer(&e, PETSC_TRUE, MPI_File_write_at(fh, 0, header, (int)hlen, MPI_BYTE, &status), &status, MPI_BYTE, (MPI_Offset)hlen, path));
  if (t->size) {
    PetscCall(HtNpyCreateFileType(t, t->shape, 0, etype, PETSC_FALSE, skip, &filetype));
    PetscCall(HtMPITypeCreateBlock(skip ? 0 : t->nlocal, etype, &memtype));
    PetscCall(HtTensorGetArrayRead(t, &a));
    PetscCall(HtNpyPackBlock(t, nt->raw, a, skip ? 0 : t->nlocal, &buf));
    PetscCall(HtIOErrorSetMPI(&e, PETSC_ERR_FILE_WRITE, MPI_File_set_view(fh, (MPI_Offset)hlen, etype, filetype, "native", MPI_INFO_NULL), "Cannot write", path));
    PetscCall(HtIOErrorSetTransfer(&e, PETSC_TRUE, MPI_File_write_all(fh, buf, 1, memtype, &status), &status, etype, skip ? 0 : t->nlocal, path));
    if (buf != a) PetscCall(PetscFree(buf));
    PetscCall(HtTensorRestoreArrayRead(t, &a));
    PetscCallMPI(MPI_Type_free(&memtype));
    PetscCallMPI(MPI_Type_free(&filetype));
  }
  PetscCall(HtFileWriteEnd(comm, &fh, &e, (MPI_Offset)hlen + (MPI_Offset)t->size * (MPI_Offset)HtRawSize(nt->raw), tmp, path));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Save, t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}
