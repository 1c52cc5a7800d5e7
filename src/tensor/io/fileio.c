/*
   HtTensor I/O: format dispatch, safe replacement of files, element conversions.
*/
#include <heat/private/tensorimpl.h>
#include <unistd.h>
#include <stdio.h>
#include <sys/stat.h>
#include <errno.h>
#include <string.h>

typedef enum {
  HT_FORMAT_HDF5,
  HT_FORMAT_NPY,
  HT_FORMAT_CSV,
  HT_FORMAT_NETCDF
} HtFileFormat;

/* collective: a path that names a directory is an error that says so (rank 0 looks; a missing file is left to the
   format's reader, which names the reason) */
static PetscErrorCode HtFileCheckNotDirectory(MPI_Comm comm, const char path[])
{
  struct stat st;
  int         isdir = 0;
  PetscMPIInt rank;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (!rank) isdir = !stat(path, &st) && S_ISDIR(st.st_mode);
  PetscCallMPI(MPI_Bcast(&isdir, 1, MPI_INT, 0, comm));
  PetscCheck(!isdir, comm, PETSC_ERR_FILE_OPEN, "'%s' is a directory, not a data file; give a .csv, .txt, .npy, .h5, .hdf5 or .nc file", path);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtFileGetFormat(MPI_Comm comm, const char path[], HtFileFormat *format)
{
  PetscBool h5, hdf5, npy, csv, txt, nc;

  PetscFunctionBegin;
  PetscCheck(path && path[0], comm, PETSC_ERR_ARG_NULL, "No file name given");
  PetscCall(PetscStrendswith(path, ".h5", &h5));
  PetscCall(PetscStrendswith(path, ".hdf5", &hdf5));
  PetscCall(PetscStrendswith(path, ".npy", &npy));
  PetscCall(PetscStrendswith(path, ".csv", &csv));
  PetscCall(PetscStrendswith(path, ".txt", &txt));
  PetscCall(PetscStrendswith(path, ".nc", &nc));
  if (h5 || hdf5) *format = HT_FORMAT_HDF5;
  else if (npy) *format = HT_FORMAT_NPY;
  else if (csv || txt) *format = HT_FORMAT_CSV;
  else if (nc) *format = HT_FORMAT_NETCDF;
  else SETERRQ(comm, PETSC_ERR_ARG_WRONG, "Cannot tell the format of '%s' from its extension; use .h5 or .hdf5 (HDF5), .nc (netCDF), .npy (NumPy) or .csv/.txt (text)", path);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorLoad - Loads a tensor from a file in parallel; the format follows the extension.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  path - the file: .h5/.hdf5 (HDF5), .nc (netCDF), .npy (NumPy) or .csv/.txt (delimited text)
.  dataset - the HDF5 dataset path or the netCDF variable name (NULL means "data"); ignored by the other formats
-  split - the axis to distribute, or -1

   Output Parameter:
.  t - the tensor, balanced; floating-point files give `HT_SCALAR`, integer files `HT_INT`

   Options Database Keys:
+  -ht_csv_header <auto,true,false> - whether a CSV file has a header line
-  -ht_csv_delimiter <auto> - CSV field delimiter: , ; or "whitespace"

   Level: beginner

   Note:
   Every rank reads only its own part of the file. Any error (missing file or dataset,
   malformed content) is raised on every rank.

.seealso: `HtTensorSave()`, `HtTensorLoadRows()`, `HtTensorLoadGetShape()`, `HtTensorLoadHDF5()`, `HtTensorLoadNetCDF()`, `HtTensorLoadNPY()`, `HtTensorLoadCSV()`
@*/
PetscErrorCode HtTensorLoad(MPI_Comm comm, const char path[], const char dataset[], PetscInt split, HtTensor *t)
{
  HtFileFormat format;

  PetscFunctionBegin;
  PetscValidPointer(t, 5);
  PetscCall(HtFileCheckNotDirectory(comm, path));
  PetscCall(HtFileGetFormat(comm, path, &format));
  switch (format) {
  case HT_FORMAT_HDF5:
    PetscCall(HtTensorLoadHDF5(comm, path, dataset, split, t));
    break;
  case HT_FORMAT_NPY:
    PetscCall(HtTensorLoadNPY(comm, path, split, t));
    break;
  case HT_FORMAT_CSV:
    PetscCall(HtTensorLoadCSV(comm, path, split, t));
    break;
  case HT_FORMAT_NETCDF:
    PetscCall(HtTensorLoadNetCDF(comm, path, dataset, split, t));
    break;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the format of a file whose header and rows can be read without reading all of it: HDF5 or .npy */
static PetscErrorCode HtFileGetRowFormat(MPI_Comm comm, const char path[], HtFileFormat *format)
{
  PetscFunctionBegin;
  PetscCall(HtFileCheckNotDirectory(comm, path));
  PetscCall(HtFileGetFormat(comm, path, format));
  PetscCheck(*format != HT_FORMAT_CSV, comm, PETSC_ERR_SUP, "HtTensorLoadRows() and HtTensorLoadGetShape() read .h5/.hdf5, .nc and .npy files, not text: the rows of '%s' are found only by parsing all of it; convert it once with HtTensorLoad() and HtTensorSave() to .npy or .h5", path);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorLoadGetShape - Reads the number of axes, the shape and the element type of the array in a file,
   from its header only.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  path - the file: .h5/.hdf5 (HDF5), .nc (netCDF) or .npy (NumPy)
-  dataset - the HDF5 dataset path or the netCDF variable name (NULL means "data"); ignored for .npy

   Output Parameters:
+  ndim - the number of axes (may be NULL)
.  shape - the size of each axis, an array of `HT_MAX_NDIM` entries of which the first ndim are set (may be NULL)
-  dtype - the dtype `HtTensorLoad()` gives the tensor of this file (may be NULL)

   Level: intermediate

   Notes:
   Use it with `HtTensorLoadRows()` to stream a file too large for memory in batches of rows.

   The file is checked as `HtTensorLoad()` checks it: a missing file or dataset, a file that is not HDF5, a .npy
   file with a bad header, an unsupported element type are errors raised on every rank, with the same messages.
   A text file (.csv/.txt) is an error: its shape is known only after parsing all of it.

.seealso: `HtTensorLoadRows()`, `HtTensorLoad()`, `HtTensorGetShape()`
@*/
PetscErrorCode HtTensorLoadGetShape(MPI_Comm comm, const char path[], const char dataset[], PetscInt *ndim, PetscInt shape[], HtDType *dtype)
{
  HtFileFormat format;
  PetscInt     n = 0, s[HT_MAX_NDIM];
  HtDType      dt = HT_SCALAR;

  PetscFunctionBegin;
  PetscCall(HtFileGetRowFormat(comm, path, &format));
  if (format == HT_FORMAT_HDF5) PetscCall(HtTensorLoadGetShape_HDF5(comm, path, dataset, &n, s, &dt));
  else if (format == HT_FORMAT_NETCDF) PetscCall(HtTensorLoadGetShape_NetCDF(comm, path, dataset, &n, s, &dt));
  else PetscCall(HtTensorLoadGetShape_NPY(comm, path, &n, s, &dt));
  if (ndim) *ndim = n;
  if (shape) PetscCall(PetscArraycpy(shape, s, n));
  if (dtype) *dtype = dt;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* raises on every rank an error unless rstart >= 0, nrows >= 0 and both are the same on every rank */
static PetscErrorCode HtLoadRowsCheckArgs(MPI_Comm comm, PetscInt rstart, PetscInt nrows)
{
  PetscInt in[4] = {rstart, -rstart, nrows, -nrows}, out[4];

  PetscFunctionBegin;
  PetscCall(MPIU_Allreduce(in, out, 4, MPIU_INT, MPI_MAX, comm));
  PetscCheck(out[0] == -out[1] && out[2] == -out[3], comm, PETSC_ERR_ARG_WRONG, "HtTensorLoadRows() is collective: rstart and nrows must be the same on every rank");
  PetscCheck(rstart >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "The first row to read, rstart = %" PetscInt_FMT ", is negative", rstart);
  PetscCheck(nrows >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "The number of rows to read, nrows = %" PetscInt_FMT ", is negative", nrows);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtFileCheckRows - raises on every rank an error unless the array of ndim axes and shape[] in `file` (the HDF5
   dataset `dataset`, or NULL for a .npy file) has rows [rstart, rstart + nrows); nothing to check when nrows is
   PETSC_DETERMINE (all rows).
*/
PetscErrorCode HtFileCheckRows(MPI_Comm comm, const char file[], const char dataset[], PetscInt ndim, const PetscInt shape[], PetscInt rstart, PetscInt nrows)
{
  char what[2 * PETSC_MAX_PATH_LEN + 32];

  PetscFunctionBegin;
  if (nrows == PETSC_DETERMINE) PetscFunctionReturn(PETSC_SUCCESS);
  if (dataset) PetscCall(PetscSNPrintf(what, sizeof(what), "dataset '%s' in '%s'", dataset, file));
  else PetscCall(PetscSNPrintf(what, sizeof(what), "array in %s", file));
  PetscCheck(ndim > 0, comm, PETSC_ERR_ARG_WRONG, "Cannot read rows of the 0-d %s: it has no rows; load it whole with HtTensorLoad()", what);
  PetscCheck(nrows <= shape[0] - rstart, comm, PETSC_ERR_ARG_OUTOFRANGE, "Cannot read rows [%" PetscInt_FMT ", %" PetscInt64_FMT ") of the %s: it has %" PetscInt_FMT " rows", rstart, (PetscInt64)rstart + nrows, what, shape[0]);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorLoadRows - Loads a range of rows (indices of axis 0) of the array in a file in parallel: a batch of a
   file too large for memory.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  path - the file: .h5/.hdf5 (HDF5), .nc (netCDF) or .npy (NumPy)
.  dataset - the HDF5 dataset path or the netCDF variable name (NULL means "data"); ignored for .npy
.  rstart - the first row to read
-  nrows - the number of rows to read, 0 or more

   Output Parameter:
.  t - the rows [rstart, rstart + nrows) of the array: a tensor of shape (nrows, the other axes of the array) split on
       axis 0 and balanced, with the dtype `HtTensorLoad()` gives

   Level: intermediate

   Notes:
   Every rank reads only its own rows with one collective read: an HDF5 hyperslab, or an MPI-IO subarray of a .npy
   file. The values and their conversion (element types, integers out of the range of `PetscInt`) are those of
   `HtTensorLoad()`; row i of t is row rstart + i of the file. Rows of a Fortran-order .npy file of two or more axes
   are not contiguous in the file: they are read correctly, but each batch reads pieces spread over the whole file.

   To stream a file, get its number of rows with `HtTensorLoadGetShape()` and read consecutive ranges of rows.
   A negative rstart or nrows, rows beyond the end of the array and a 0-d array are errors on every rank, as are
   the file errors of `HtTensorLoad()`. A text file (.csv/.txt) is an error: its rows are found only by parsing it all.

.seealso: `HtTensorLoadGetShape()`, `HtTensorLoad()`, `HtTensorLoadHDF5()`, `HtTensorLoadNPY()`
@*/
PetscErrorCode HtTensorLoadRows(MPI_Comm comm, const char path[], const char dataset[], PetscInt rstart, PetscInt nrows, HtTensor *t)
{
  HtFileFormat format;

  PetscFunctionBegin;
  PetscValidPointer(t, 6);
  PetscCall(HtLoadRowsCheckArgs(comm, rstart, nrows));
  PetscCall(HtFileGetRowFormat(comm, path, &format));
  if (format == HT_FORMAT_HDF5) PetscCall(HtTensorLoadRows_HDF5(comm, path, dataset, 0, rstart, nrows, t));
  else if (format == HT_FORMAT_NETCDF) PetscCall(HtTensorLoadRows_NetCDF(comm, path, dataset, 0, rstart, nrows, t));
  else PetscCall(HtTensorLoadRows_NPY(comm, path, 0, rstart, nrows, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSave - Saves a tensor to a file in parallel; the format follows the extension.

   Collective

   Input Parameters:
+  t - the tensor
.  path - the file: .h5/.hdf5, .nc (NetCDF-4), .npy or .csv/.txt; an existing file is replaced
-  dataset - the HDF5 dataset path or the netCDF variable name (NULL means "data"); ignored by the other formats

   Level: beginner

   Note:
   The data are written to a temporary file next to `path`, which replaces `path` only
   when every rank has succeeded: a failed save never destroys an existing file.

.seealso: `HtTensorLoad()`, `HtTensorSaveHDF5()`, `HtTensorSaveNetCDF()`, `HtTensorSaveNPY()`, `HtTensorSaveCSV()`
@*/
PetscErrorCode HtTensorSave(HtTensor t, const char path[], const char dataset[])
{
  HtFileFormat format;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscCall(HtFileGetFormat(PetscObjectComm((PetscObject)t), path, &format));
  switch (format) {
  case HT_FORMAT_HDF5:
    PetscCall(HtTensorSaveHDF5(t, path, dataset));
    break;
  case HT_FORMAT_NPY:
    PetscCall(HtTensorSaveNPY(t, path));
    break;
  case HT_FORMAT_CSV:
    PetscCall(HtTensorSaveCSV(t, path));
    break;
  case HT_FORMAT_NETCDF:
    PetscCall(HtTensorSaveNetCDF(t, path, dataset));
    break;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtFileTemporaryName - a fresh file name in the directory of `path` (same file system, so the
   final rename is atomic); the same on every rank. Every safe write starts here, before its temporary
   file exists: a `path` that names a directory is an error on every rank (the final rename would fail
   and leave the temporary file behind).
*/
PetscErrorCode HtFileTemporaryName(MPI_Comm comm, const char path[], char tmp[], size_t len)
{
  PetscMPIInt    rank;
  static int     counter = 0;
  struct stat    st;
  PetscErrorCode code = 0;
  char           msg[2 * PETSC_MAX_PATH_LEN + 96] = "";

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (!rank && !stat(path, &st) && S_ISDIR(st.st_mode)) {
    code = PETSC_ERR_FILE_OPEN;
    PetscCall(PetscSNPrintf(msg, sizeof(msg), "Cannot write '%s': it is a directory; give the name of a file (in it: '%s/NAME')", path, path));
  }
  PetscCall(HtCollectiveCheck(comm, code, msg));
  if (!rank) PetscCall(PetscSNPrintf(tmp, len, "%s.heat-tmp-%d-%d", path, (int)getpid(), counter++));
  PetscCallMPI(MPI_Bcast(tmp, (PetscMPIInt)len, MPI_CHAR, 0, comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* raises a clean error on every rank unless rank 0 can create `tmp`, the temporary file of `path` (HDF5 and netCDF would print their error stacks) */
PetscErrorCode HtFileCheckCreatable(MPI_Comm comm, const char tmp[], const char path[])
{
  PetscMPIInt    rank;
  PetscErrorCode code = 0;
  FILE          *fp;
  char           msg[PETSC_MAX_PATH_LEN + 128] = "";

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (!rank) {
    fp = fopen(tmp, "w");
    if (fp) (void)fclose(fp);
    else {
      code = PETSC_ERR_FILE_OPEN;
      PetscCall(PetscSNPrintf(msg, sizeof(msg), "Cannot write '%s': cannot create a file in its directory (%s); check that the directory exists and is writable", path, strerror(errno)));
    }
  }
  PetscCall(HtCollectiveCheck(comm, code, msg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorSafeSave - saves t as `name` in the file `path` through `write` (which writes a new file `tmp`, naming
   `path` in its messages) into a temporary file renamed into place when every rank has succeeded
*/
PetscErrorCode HtTensorSafeSave(HtTensor t, const char path[], const char name[], PetscErrorCode (*write)(HtTensor, const char[], const char[], const char[]))
{
  MPI_Comm       comm = PetscObjectComm((PetscObject)t);
  char           tmp[PETSC_MAX_PATH_LEN];
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscCheck(path && path[0], comm, PETSC_ERR_ARG_NULL, "No file name given");
  PetscCall(PetscLogEventBegin(HT_TENSOR_Save, t, 0, 0, 0));
  PetscCall(HtFileTemporaryName(comm, path, tmp, sizeof(tmp)));
  ierr = write(t, tmp, name, path);
  PetscCall(HtFileCommit(comm, ierr, tmp, path));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Save, t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtFileCommit - ends a safe write: if every rank wrote its part (code 0 everywhere) the temporary
   file replaces `path`; otherwise the temporary file is removed, `path` is left as it was, and every
   rank raises the error. The testing option -ht_fault_inject_write makes one rank's part fail here.
*/
PetscErrorCode HtFileCommit(MPI_Comm comm, PetscErrorCode code, const char tmp[], const char path[])
{
  PetscMPIInt rank;
  PetscInt    failed = code || HtFaultInjected(HT_FAULT_WRITE) ? 1 : 0, anyfailed;
  char        msg[PETSC_MAX_PATH_LEN + 128] = "";

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(MPIU_Allreduce(&failed, &anyfailed, 1, MPIU_INT, MPI_MAX, comm));
  if (!rank) {
    if (anyfailed) (void)remove(tmp);
    else if (rename(tmp, path)) {
      PetscCall(PetscSNPrintf(msg, sizeof(msg), "Cannot move the written data into '%s' (rename failed); the data are in '%s'", path, tmp));
      failed = PETSC_ERR_FILE_WRITE;
    }
  }
  PetscCheck(!anyfailed, comm, PETSC_ERR_FILE_WRITE, "Could not write '%s'; any existing file of that name is unchanged", path);
  PetscCall(HtCollectiveCheck(comm, rank ? 0 : (PetscErrorCode)failed, msg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the raw type the file formats store a dtype as */
PetscErrorCode HtDTypeGetRawType(HtDType dtype, HtRawType *raw)
{
  PetscFunctionBegin;
  switch (dtype) {
  case HT_SCALAR:
    *raw = HT_RAW_FLOAT64;
    break;
  case HT_INT:
    *raw = sizeof(PetscInt) == 8 ? HT_RAW_INT64 : HT_RAW_INT32;
    break;
  case HT_BOOL:
    *raw = HT_RAW_UINT8;
    break;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static inline double HtRawGet(HtRawType type, const void *in, size_t i)
{
  switch (type) {
  case HT_RAW_FLOAT32:
    return ((const float *)in)[i];
  case HT_RAW_INT64:
    return (double)((const int64_t *)in)[i];
  case HT_RAW_INT32:
    return ((const int32_t *)in)[i];
  case HT_RAW_UINT8:
    return ((const uint8_t *)in)[i];
  default:
    return ((const double *)in)[i];
  }
}

/*
   HtRawConvert - converts n file elements of a raw type into a tensor dtype. For integer sources
   into HT_INT the conversion is exact; `overflow` tells whether a value did not fit a PetscInt.
   `in` and `out` may be the same buffer when the output element is not larger than the input one.
*/
PetscErrorCode HtRawConvert(HtRawType type, const void *in, HtDType dtype, void *out, size_t n, PetscBool *overflow)
{
  PetscFunctionBegin;
  *overflow = PETSC_FALSE;
  if (dtype == HT_INT && type == HT_RAW_INT64) {
    for (size_t i = 0; i < n; i++) {
      int64_t v = ((const int64_t *)in)[i];

      if (v > PETSC_MAX_INT || v < PETSC_MIN_INT) *overflow = PETSC_TRUE;
      ((PetscInt *)out)[i] = (PetscInt)v;
    }
  } else if (dtype == HT_INT && type == HT_RAW_INT32) {
    for (size_t i = 0; i < n; i++) ((PetscInt *)out)[i] = (PetscInt)((const int32_t *)in)[i];
  } else if (dtype == HT_SCALAR && type == HT_RAW_FLOAT64) {
    if (in != out) PetscCall(PetscArraycpy((PetscScalar *)out, (const double *)in, n));
  } else {
    size_t osize;

    PetscCall(HtDTypeGetSize(dtype, &osize));
    if (osize <= HtRawSize(type))
      for (size_t i = 0; i < n; i++) HtElementSet(dtype, out, (PetscInt)i, HtRawGet(type, in, i));
    else /* widening, possibly in place: go backwards */
      for (size_t i = n; i-- > 0;) HtElementSet(dtype, out, (PetscInt)i, HtRawGet(type, in, i));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}
