/*
   HtTensor netCDF I/O through the parallel netCDF-C library: every rank reads or writes the hyperslab of its own
   block. Files are written as NetCDF-4 (HDF5 underneath) with collective access; NetCDF-4 files are read the same
   way, classic files (CDF-1, CDF-2, CDF-5: Debian's netCDF has no PnetCDF) by every rank opening the file alone.

   File types: HT_SCALAR is stored as double, HT_INT as int64, HT_BOOL as ubyte; the dimensions of a saved variable
   are named dim0, dim1, ... Loading maps double and float variables to HT_SCALAR and every integer type to HT_INT
   (range-checked); the dimensions are the variable's own, named in messages.

   The file is inspected by rank 0 first (existence, format, the variable, its type and dimensions), so that each
   bad input is one clear error raised on every rank before any collective netCDF call.
*/
#include <heat/private/tensorimpl.h>
#include <netcdf.h>
#include <netcdf_par.h>
#include <unistd.h>

#define HT_NETCDF_DEFAULT_VARIABLE "data"

/* what rank 0 found out about a variable, sent as bytes to every rank */
typedef struct {
  PetscInt  ndim, shape[HT_MAX_NDIM];
  HtDType   dtype;
  PetscBool netcdf4; /* a NetCDF-4 file: opened by every rank together, collective access */
  char      dims[256]; /* "(time=3, lat=4)" for messages */
} HtNCInfo;

/* the message of a failed netCDF call `what` on `path`, or "" when status is NC_NOERR */
static PetscErrorCode HtNCMessage(int status, const char what[], const char path[], char msg[], size_t len)
{
  PetscFunctionBegin;
  msg[0] = 0;
  if (status != NC_NOERR) PetscCall(PetscSNPrintf(msg, len, "netCDF could not %s '%s': %s", what, path, nc_strerror(status)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* raises on every rank the error of the first rank whose netCDF call `what` failed */
static PetscErrorCode HtNCCheck(MPI_Comm comm, int status, PetscErrorCode code, const char what[], const char path[])
{
  char msg[PETSC_MAX_PATH_LEN + 256];

  PetscFunctionBegin;
  PetscCall(HtNCMessage(status, what, path, msg, sizeof(msg)));
  PetscCall(HtCollectiveCheck(comm, status == NC_NOERR ? 0 : code, msg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static const char *HtNCTypeName(nc_type type)
{
  static const char *const names[] = {"none", "byte", "char", "short", "int", "float", "double", "ubyte", "ushort", "uint", "int64", "uint64", "string"};

  return type >= 0 && (size_t)type < PETSC_STATIC_ARRAY_LENGTH(names) ? names[type] : "user-defined (compound, enum, opaque or vlen)";
}

/* the dtype a variable of netCDF type `type` loads as; PETSC_FALSE if the type is not supported */
static PetscBool HtNCTypeToDType(nc_type type, HtDType *dtype)
{
  switch (type) {
  case NC_DOUBLE:
  case NC_FLOAT:
    *dtype = HT_SCALAR;
    return PETSC_TRUE;
  case NC_BYTE:
  case NC_SHORT:
  case NC_INT:
  case NC_INT64:
  case NC_UBYTE:
  case NC_USHORT:
  case NC_UINT:
  case NC_UINT64:
    *dtype = HT_INT;
    return PETSC_TRUE;
  default:
    return PETSC_FALSE;
  }
}

/* "it has: a, b, c" or "it has no variables" (rank 0, an open file) */
static PetscErrorCode HtNCListVariables(int ncid, char list[], size_t len)
{
  int  nvars;
  char name[NC_MAX_NAME + 1];

  PetscFunctionBegin;
  list[0] = 0;
  if (nc_inq_nvars(ncid, &nvars) != NC_NOERR || !nvars) {
    PetscCall(PetscStrncpy(list, "it has no variables", len));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(PetscStrncpy(list, "it has: ", len));
  for (int v = 0; v < nvars; v++) {
    if (nc_inq_varname(ncid, v, name) != NC_NOERR) continue;
    if (v) PetscCall(PetscStrlcat(list, ", ", len));
    PetscCall(PetscStrlcat(list, name, len));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* rank 0: the variable `var` of the open file `ncid`; code and msg say what is wrong with it */
static PetscErrorCode HtNCInspectVariable(int ncid, const char path[], const char var[], HtNCInfo *info, PetscErrorCode *code, char msg[], size_t len)
{
  int     varid, ndims, dimids[NC_MAX_VAR_DIMS], format;
  nc_type type;
  size_t  dlen;
  char    name[NC_MAX_NAME + 1], list[1024], item[NC_MAX_NAME + 32];

  PetscFunctionBegin;
  *code = PETSC_ERR_FILE_UNEXPECTED;
  if (nc_inq_varid(ncid, var, &varid) != NC_NOERR) {
    PetscCall(HtNCListVariables(ncid, list, sizeof(list)));
    PetscCall(PetscSNPrintf(msg, len, "Variable '%s' not found in '%s'; %s", var, path, list));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (nc_inq_var(ncid, varid, NULL, &type, &ndims, dimids, NULL) != NC_NOERR) {
    PetscCall(PetscSNPrintf(msg, len, "Cannot read the description of variable '%s' in '%s': the file is damaged", var, path));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (ndims > HT_MAX_NDIM) {
    PetscCall(PetscSNPrintf(msg, len, "Variable '%s' in '%s' has %d dimensions; a tensor has at most %d", var, path, ndims, HT_MAX_NDIM));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (!HtNCTypeToDType(type, &info->dtype)) {
    PetscCall(PetscSNPrintf(msg, len, "Variable '%s' in '%s' has an unsupported type (%s); supported: double, float and the integer types", var, path, HtNCTypeName(type)));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  info->ndim = ndims;
  PetscCall(PetscStrncpy(info->dims, "(", sizeof(info->dims)));
  for (int d = 0; d < ndims; d++) {
    PetscCheck(nc_inq_dim(ncid, dimids[d], name, &dlen) == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_FILE_UNEXPECTED, "Cannot read dimension %d of variable '%s' in '%s'", d, var, path);
    if (dlen > (size_t)PETSC_MAX_INT) {
      PetscCall(PetscSNPrintf(msg, len, "Variable '%s' in '%s' has %zu elements on dimension %s, more than a %d-bit PetscInt can index", var, path, dlen, name, (int)(8 * sizeof(PetscInt))));
      PetscFunctionReturn(PETSC_SUCCESS);
    }
    info->shape[d] = (PetscInt)dlen;
    PetscCall(PetscSNPrintf(item, sizeof(item), "%s%s=%zu", d ? ", " : "", name, dlen));
    PetscCall(PetscStrlcat(info->dims, item, sizeof(info->dims)));
  }
  PetscCall(PetscStrlcat(info->dims, ")", sizeof(info->dims)));
  PetscCheck(nc_inq_format(ncid, &format) == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_FILE_UNEXPECTED, "Cannot read the format of '%s'", path);
  info->netcdf4 = (PetscBool)(format == NC_FORMAT_NETCDF4 || format == NC_FORMAT_NETCDF4_CLASSIC);
  *code         = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtNCInspect - rank 0 opens `path` alone and describes the variable `var`; a missing or unreadable file, a file
   that is not netCDF, a missing variable (the message lists the variables) and an unsupported type are errors
   raised on every rank. Every rank gets the description.
*/
static PetscErrorCode HtNCInspect(MPI_Comm comm, const char path[], const char var[], HtNCInfo *info)
{
  PetscMPIInt    rank;
  PetscErrorCode code = 0;
  int            ncid, status;
  char           msg[PETSC_MAX_PATH_LEN + 1280] = "";

  PetscFunctionBegin;
  PetscCheck(path && path[0], comm, PETSC_ERR_ARG_NULL, "No file name given");
  PetscCall(PetscMemzero(info, sizeof(*info)));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (!rank) {
    code = PETSC_ERR_FILE_OPEN;
    if (access(path, F_OK)) PetscCall(PetscSNPrintf(msg, sizeof(msg), "Cannot open '%s': no such file", path));
    else if (access(path, R_OK)) PetscCall(PetscSNPrintf(msg, sizeof(msg), "Cannot open '%s': permission denied", path));
    else if ((status = nc_open(path, NC_NOWRITE, &ncid)) == NC_ENOTNC) {
      code = PETSC_ERR_FILE_UNEXPECTED;
      PetscCall(PetscSNPrintf(msg, sizeof(msg), "'%s' is not a netCDF file", path));
    } else if (status != NC_NOERR) {
      code = PETSC_ERR_FILE_UNEXPECTED;
      PetscCall(PetscSNPrintf(msg, sizeof(msg), "'%s' is a netCDF file that cannot be opened (%s): it is truncated or damaged (was it written or copied completely?)", path, nc_strerror(status)));
    } else {
      PetscCall(HtNCInspectVariable(ncid, path, var, info, &code, msg, sizeof(msg)));
      (void)nc_close(ncid);
    }
  }
  PetscCall(HtCollectiveCheck(comm, code, msg));
  PetscCallMPI(MPI_Bcast(info, (PetscMPIInt)sizeof(*info), MPI_BYTE, 0, comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* start and count of this rank's block in the variable (rows shifted by row0); nothing for an empty block */
static void HtNCGetBox(HtTensor t, PetscInt row0, PetscBool none, size_t start[], size_t count[])
{
  for (PetscInt d = 0; d < t->ndim; d++) {
    start[d] = none ? 0 : (size_t)(HtTensorLocalStart(t, d) + (d ? 0 : row0));
    count[d] = none ? 0 : (size_t)t->lshape[d];
  }
}

/* reads this rank's block of rows [row0, row0 + shape[0]) of variable varid into t; *overflow: an integer did not fit */
static PetscErrorCode HtNCReadBlock(HtTensor t, int ncid, int varid, PetscInt row0, int *status, PetscBool *overflow)
{
  size_t start[HT_MAX_NDIM], count[HT_MAX_NDIM];
  void  *a;

  PetscFunctionBegin;
  *overflow = PETSC_FALSE;
  HtNCGetBox(t, row0, (PetscBool)(t->nlocal == 0), start, count);
  PetscCall(HtTensorGetArrayWrite(t, &a));
  if (t->dtype == HT_SCALAR) *status = nc_get_vara_double(ncid, varid, start, count, (double *)a);
  else {
    long long *buf;

    PetscCall(PetscMalloc1(t->nlocal + 1, &buf));
    *status = nc_get_vara_longlong(ncid, varid, start, count, buf);
    if (*status == NC_ERANGE) *overflow = PETSC_TRUE; /* an unsigned 64-bit value beyond int64 */
    if (*status == NC_NOERR || *status == NC_ERANGE) {
      *status = NC_NOERR;
      PetscCall(HtRawConvert(HT_RAW_INT64, buf, t->dtype, a, (size_t)t->nlocal, overflow));
    }
    PetscCall(PetscFree(buf));
  }
  PetscCall(HtTensorRestoreArrayWrite(t, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* opens the inspected file on every rank: together for NetCDF-4 (collective access), alone for a classic file */
static PetscErrorCode HtNCOpenRead(MPI_Comm comm, const char path[], const char var[], const HtNCInfo *info, int *ncid, int *varid)
{
  int status;

  PetscFunctionBegin;
  if (info->netcdf4) status = nc_open_par(path, NC_NOWRITE, comm, MPI_INFO_NULL, ncid);
  else status = nc_open(path, NC_NOWRITE, ncid);
  PetscCall(HtNCCheck(comm, status, PETSC_ERR_FILE_OPEN, "open", path));
  status = nc_inq_varid(*ncid, var, varid);
  if (status == NC_NOERR && info->netcdf4) status = nc_var_par_access(*ncid, *varid, NC_COLLECTIVE);
  if (status != NC_NOERR) (void)nc_close(*ncid);
  PetscCall(HtNCCheck(comm, status, PETSC_ERR_FILE_READ, "find the variable in", path));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorLoadRows_NetCDF - reads rows [rstart, rstart + nrows) (nrows PETSC_DETERMINE: all rows, rstart 0) of the
   variable `var` (NULL or "" means "data") of the netCDF file `path` into a new balanced tensor with the given split.
*/
PetscErrorCode HtTensorLoadRows_NetCDF(MPI_Comm comm, const char path[], const char var[], PetscInt split, PetscInt rstart, PetscInt nrows, HtTensor *t)
{
  HtNCInfo  info;
  int       ncid, varid, status = NC_NOERR;
  PetscBool overflow, anyoverflow;
  char      what[PETSC_MAX_PATH_LEN + NC_MAX_NAME + 32];

  PetscFunctionBegin;
  PetscValidPointer(t, 7);
  var = var && var[0] ? var : HT_NETCDF_DEFAULT_VARIABLE;
  PetscCall(HtTensorInitializePackage());
  PetscCall(PetscLogEventBegin(HT_TENSOR_Load, 0, 0, 0, 0));
  PetscCall(HtNCInspect(comm, path, var, &info));
  PetscCall(HtFileCheckRows(comm, path, var, info.ndim, info.shape, rstart, nrows));
  if (split < -1 || split >= info.ndim) {
    if (info.ndim) SETERRQ(comm, PETSC_ERR_ARG_OUTOFRANGE, "Cannot split variable '%s' of '%s' %s on axis %" PetscInt_FMT "; use 0..%" PetscInt_FMT ", or -1 for a replicated tensor", var, path, info.dims, split, info.ndim - 1);
    SETERRQ(comm, PETSC_ERR_ARG_OUTOFRANGE, "Cannot split variable '%s' of '%s' on axis %" PetscInt_FMT "; it is a scalar (no dimensions): use -1", var, path, split);
  }
  if (nrows != PETSC_DETERMINE) info.shape[0] = nrows;
  PetscCall(HtTensorCreate(comm, info.ndim, info.shape, split, info.dtype, t));
  PetscCall(HtNCOpenRead(comm, path, var, &info, &ncid, &varid));
  PetscCall(HtNCReadBlock(*t, ncid, varid, nrows == PETSC_DETERMINE ? 0 : rstart, &status, &overflow));
  (void)nc_close(ncid);
  PetscCall(PetscSNPrintf(what, sizeof(what), "read variable '%s' of", var));
  PetscCall(HtNCCheck(comm, status, PETSC_ERR_FILE_READ, what, path));
  PetscCall(MPIU_Allreduce(&overflow, &anyoverflow, 1, MPIU_BOOL, MPI_LOR, comm));
  if (anyoverflow) PetscCall(HtTensorDestroy(t));
  PetscCheck(!anyoverflow, comm, PETSC_ERR_FILE_UNEXPECTED, "Variable '%s' in '%s' holds integers outside the range of the %d-bit PetscInt; store them as double, or use a PETSc configured --with-64-bit-indices", var, path, (int)(8 * sizeof(PetscInt)));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Load, 0, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorLoadGetShape_NetCDF - the number of axes, the shape and the dtype of the variable `var` (NULL or "" means
   "data") of the netCDF file `path`, from its metadata
*/
PetscErrorCode HtTensorLoadGetShape_NetCDF(MPI_Comm comm, const char path[], const char var[], PetscInt *ndim, PetscInt shape[], HtDType *dtype)
{
  HtNCInfo info;

  PetscFunctionBegin;
  PetscCall(HtNCInspect(comm, path, var && var[0] ? var : HT_NETCDF_DEFAULT_VARIABLE, &info));
  *ndim = info.ndim;
  PetscCall(PetscArraycpy(shape, info.shape, info.ndim));
  *dtype = info.dtype;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorLoadNetCDF - Loads a variable of a netCDF file into a tensor, every rank reading its own block.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  path - the netCDF file (NetCDF-4, or a classic CDF-1, CDF-2 or CDF-5 file)
.  variable - the name of the variable, such as "temperature"; NULL or "" means "data"
-  split - the axis to distribute, or -1 for a tensor every rank holds whole

   Output Parameter:
.  t - the tensor, balanced, with the variable's shape (its dimensions in the file's order)

   Level: beginner

   Notes:
   A NetCDF-4 file is opened by every rank together and read with collective access (`nc_var_par_access()` with
   `NC_COLLECTIVE`), each rank selecting the hyperslab of its block. A classic file is read by every rank opening it
   alone (the netCDF library reads classic files in parallel only through PnetCDF).

   double and float variables give `HT_SCALAR` tensors, every integer type gives `HT_INT` tensors (an integer that
   does not fit a `PetscInt` is an error, not clipped); char, string and user-defined types are rejected. A variable
   without dimensions gives a 0-d tensor.

   A missing file, a file that is not netCDF (or truncated), a missing variable (the message lists the variables of
   the file), an unsupported type and a split that is not an axis of the variable are errors raised on every rank.

.seealso: `HtTensorSaveNetCDF()`, `HtTensorLoad()`, `HtTensorLoadHDF5()`
@*/
PetscErrorCode HtTensorLoadNetCDF(MPI_Comm comm, const char path[], const char variable[], PetscInt split, HtTensor *t)
{
  PetscFunctionBegin;
  PetscCall(HtTensorLoadRows_NetCDF(comm, path, variable, split, 0, PETSC_DETERMINE, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the netCDF type a dtype is stored as */
static nc_type HtDTypeToNCType(HtDType dtype)
{
  return dtype == HT_SCALAR ? NC_DOUBLE : dtype == HT_INT ? NC_INT64 : NC_UBYTE;
}

/* writes this rank's block of t into variable varid (a replicated tensor: rank 0's) */
static int HtNCWriteBlock(HtTensor t, int ncid, int varid, const void *a)
{
  size_t      start[HT_MAX_NDIM], count[HT_MAX_NDIM];
  PetscMPIInt rank;

  (void)MPI_Comm_rank(PetscObjectComm((PetscObject)t), &rank);
  HtNCGetBox(t, 0, (PetscBool)(t->nlocal == 0 || (t->split < 0 && rank && t->ndim)), start, count);
  switch (t->dtype) {
  case HT_SCALAR:
    return nc_put_vara_double(ncid, varid, start, count, (const double *)a);
  case HT_INT:
#if defined(PETSC_USE_64BIT_INDICES)
    return nc_put_vara_longlong(ncid, varid, start, count, (const long long *)a);
#else
    return nc_put_vara_int(ncid, varid, start, count, (const int *)a);
#endif
  default: /* PetscBool is an int-sized enum */
    return nc_put_vara_int(ncid, varid, start, count, (const int *)a);
  }
}

/* defines the variable `var` of t's shape (dimensions dim0, dim1, ...) in the new file ncid and writes t */
static PetscErrorCode HtTensorWriteNetCDF_Private(HtTensor t, int ncid, const char var[], const char path[])
{
  MPI_Comm    comm = PetscObjectComm((PetscObject)t);
  int         dimids[HT_MAX_NDIM], varid, status = NC_NOERR;
  char        name[32];
  const void *a;

  PetscFunctionBegin;
  for (PetscInt d = 0; d < t->ndim && status == NC_NOERR; d++) {
    PetscCall(PetscSNPrintf(name, sizeof(name), "dim%" PetscInt_FMT, d));
    status = nc_def_dim(ncid, name, (size_t)t->shape[d], &dimids[d]); /* length 0 makes an unlimited dimension, empty */
  }
  PetscCall(HtNCCheck(comm, status, PETSC_ERR_FILE_WRITE, "define the dimensions in", path));
  status = nc_def_var(ncid, var, HtDTypeToNCType(t->dtype), (int)t->ndim, dimids, &varid);
  PetscCheck(status != NC_EBADNAME, comm, PETSC_ERR_ARG_WRONG, "Cannot save variable '%s' to '%s': not a valid netCDF name (letters, digits, '_', '.', '-', '+', '@'; no '/'); choose another name", var, path);
  PetscCall(HtNCCheck(comm, status, PETSC_ERR_FILE_WRITE, "define the variable in", path));
  status = nc_enddef(ncid);
  if (status == NC_NOERR) status = nc_var_par_access(ncid, varid, NC_COLLECTIVE);
  PetscCall(HtNCCheck(comm, status, PETSC_ERR_FILE_WRITE, "prepare the writing of", path));
  PetscCall(HtTensorGetArrayRead(t, &a));
  status = HtNCWriteBlock(t, ncid, varid, a);
  PetscCall(HtTensorRestoreArrayRead(t, &a));
  PetscCall(HtNCCheck(comm, status, PETSC_ERR_FILE_WRITE, "write the data into", path));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* writes t as `var` of a new NetCDF-4 file `tmp`; `path` is the file name shown in messages */
static PetscErrorCode HtTensorSaveNetCDF_Private(HtTensor t, const char tmp[], const char var[], const char path[])
{
  MPI_Comm       comm = PetscObjectComm((PetscObject)t);
  int            ncid, status;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscCall(HtFileCheckCreatable(comm, tmp, path));
  status = nc_create_par(tmp, NC_NETCDF4 | NC_CLOBBER, comm, MPI_INFO_NULL, &ncid);
  PetscCall(HtNCCheck(comm, status, PETSC_ERR_FILE_OPEN, "create a file beside", path));
  ierr   = HtTensorWriteNetCDF_Private(t, ncid, var, path);
  status = nc_close(ncid); /* also after an error, so that the file can be removed */
  PetscCall(ierr);
  PetscCall(HtNCCheck(comm, status, PETSC_ERR_FILE_WRITE, "finish writing", path));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSaveNetCDF - Saves a tensor as a variable of a new NetCDF-4 file, every rank writing its own block.

   Collective

   Input Parameters:
+  t - the tensor
.  path - the netCDF file; an existing file of that name is replaced as a whole
-  variable - the name of the variable, such as "temperature"; NULL or "" means "data"

   Level: beginner

   Notes:
   The file holds this one variable, with dimensions named dim0, dim1, ... (a dimension of length 0 is written as
   an unlimited dimension, which is empty). Every rank writes the hyperslab of its block with collective access
   (`nc_var_par_access()` with `NC_COLLECTIVE`); a replicated tensor is written by rank 0. The variable has the
   global shape whatever the split, so the file can be loaded with any split on any number of ranks, and read by
   ncdump, xarray or any other netCDF tool.

   File types: `HT_SCALAR` is stored as double, `HT_INT` as int64, `HT_BOOL` as ubyte (0 or 1; loading it gives an
   `HT_INT` tensor).

   The data are written to a temporary file next to `path`, which replaces `path` only when every rank has
   succeeded: a failed save leaves an existing file unchanged and no temporary file behind.

.seealso: `HtTensorLoadNetCDF()`, `HtTensorSave()`, `HtTensorSaveHDF5()`
@*/
PetscErrorCode HtTensorSaveNetCDF(HtTensor t, const char path[], const char variable[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorSafeSave(t, path, variable && variable[0] ? variable : HT_NETCDF_DEFAULT_VARIABLE, HtTensorSaveNetCDF_Private));
  PetscFunctionReturn(PETSC_SUCCESS);
}
