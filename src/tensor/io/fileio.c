/*
   HtTensor I/O: format dispatch, safe replacement of files, element conversions.
*/
#include <heat/private/tensorimpl.h>
#include <unistd.h>
#include <stdio.h>

typedef enum {
  HT_FORMAT_HDF5,
  HT_FORMAT_NPY,
  HT_FORMAT_CSV
} HtFileFormat;

static PetscErrorCode HtFileGetFormat(MPI_Comm comm, const char path[], HtFileFormat *format)
{
  PetscBool h5, hdf5, npy, csv, txt;

  PetscFunctionBegin;
  PetscCheck(path && path[0], comm, PETSC_ERR_ARG_NULL, "No file name given");
  PetscCall(PetscStrendswith(path, ".h5", &h5));
  PetscCall(PetscStrendswith(path, ".hdf5", &hdf5));
  PetscCall(PetscStrendswith(path, ".npy", &npy));
  PetscCall(PetscStrendswith(path, ".csv", &csv));
  PetscCall(PetscStrendswith(path, ".txt", &txt));
  if (h5 || hdf5) *format = HT_FORMAT_HDF5;
  else if (npy) *format = HT_FORMAT_NPY;
  else if (csv || txt) *format = HT_FORMAT_CSV;
  else SETERRQ(comm, PETSC_ERR_ARG_WRONG, "Cannot tell the format of '%s' from its extension; use .h5 or .hdf5 (HDF5), .npy (NumPy) or .csv/.txt (text)", path);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorLoad - Loads a tensor from a file in parallel; the format follows the extension.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  path - the file: .h5/.hdf5 (HDF5), .npy (NumPy) or .csv/.txt (delimited text)
.  dataset - the HDF5 dataset path (NULL means "data"); ignored by the other formats
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

.seealso: `HtTensorSave()`, `HtTensorLoadHDF5()`, `HtTensorLoadNPY()`, `HtTensorLoadCSV()`
@*/
PetscErrorCode HtTensorLoad(MPI_Comm comm, const char path[], const char dataset[], PetscInt split, HtTensor *t)
{
  HtFileFormat format;

  PetscFunctionBegin;
  PetscValidPointer(t, 5);
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
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSave - Saves a tensor to a file in parallel; the format follows the extension.

   Collective

   Input Parameters:
+  t - the tensor
.  path - the file: .h5/.hdf5, .npy or .csv/.txt; an existing file is replaced
-  dataset - the HDF5 dataset path (NULL means "data"); ignored by the other formats

   Level: beginner

   Note:
   The data are written to a temporary file next to `path`, which replaces `path` only
   when every rank has succeeded: a failed save never destroys an existing file.

.seealso: `HtTensorLoad()`, `HtTensorSaveHDF5()`, `HtTensorSaveNPY()`, `HtTensorSaveCSV()`
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
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtFileTemporaryName - a fresh file name in the directory of `path` (same file system, so the
   final rename is atomic); the same on every rank.
*/
PetscErrorCode HtFileTemporaryName(MPI_Comm comm, const char path[], char tmp[], size_t len)
{
  PetscMPIInt rank;
  static int  counter = 0;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (!rank) PetscCall(PetscSNPrintf(tmp, len, "%s.heat-tmp-%d-%d", path, (int)getpid(), counter++));
  PetscCallMPI(MPI_Bcast(tmp, (PetscMPIInt)len, MPI_CHAR, 0, comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtFileCommit - ends a safe write: if every rank wrote its part (code 0 everywhere) the temporary
   file replaces `path`; otherwise the temporary file is removed, `path` is left as it was, and every
   rank raises the error.
*/
PetscErrorCode HtFileCommit(MPI_Comm comm, PetscErrorCode code, const char tmp[], const char path[])
{
  PetscMPIInt rank;
  PetscInt    failed = code ? 1 : 0, anyfailed;
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
