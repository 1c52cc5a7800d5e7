/*
   HtTensor HDF5 I/O: every rank reads or writes the hyperslab of its own block, collectively,
   through the file of a PETSc HDF5 viewer.

   File types: HT_SCALAR is stored as float64, HT_INT as int64, HT_BOOL as uint8. Loading maps
   any floating-point dataset to HT_SCALAR and any integer dataset to HT_INT (HDF5 converts;
   integers wider than PetscInt are range-checked).
*/
#include <petsc/private/viewerhdf5impl.h> /* PetscCallHDF5(); must come before every other HDF5 header */
#include <heat/private/tensorimpl.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>

#define HT_HDF5_DEFAULT_DATASET "data"

/* the memory type of a dtype's elements and the type they are stored as in a file */
static PetscErrorCode HtDTypeGetHDF5Types_Private(HtDType dtype, hid_t *mtype, hid_t *ftype)
{
  PetscFunctionBegin;
  switch (dtype) {
  case HT_SCALAR:
    *mtype = H5T_NATIVE_DOUBLE;
    *ftype = H5T_IEEE_F64LE;
    break;
  case HT_INT:
    *mtype = sizeof(PetscInt) == 8 ? H5T_NATIVE_INT64 : H5T_NATIVE_INT32;
    *ftype = H5T_STD_I64LE;
    break;
  case HT_BOOL: /* PetscBool is an int-sized enum; HDF5 narrows it to one byte */
    *mtype = H5T_NATIVE_INT;
    *ftype = H5T_STD_U8LE;
    break;
  default:
    SETERRQ(PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Unknown HtDType %d", (int)dtype);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static const char *HtHDF5ClassName(H5T_class_t cls)
{
  static const char *const names[] = {"integer", "float", "time", "string", "bitfield", "opaque", "compound", "reference", "enum", "variable-length", "array"};

  return cls >= 0 && (size_t)cls < PETSC_STATIC_ARRAY_LENGTH(names) ? names[cls] : "unknown";
}

/* a simple dataspace of the given shape; a scalar dataspace for 0 axes */
static PetscErrorCode HtHDF5CreateSpace_Private(PetscInt ndim, const PetscInt shape[], hid_t *space)
{
  hsize_t dims[HT_MAX_NDIM];

  PetscFunctionBegin;
  for (PetscInt d = 0; d < ndim; d++) PetscCall(PetscHDF5IntCast(shape[d], &dims[d]));
  if (ndim) PetscCallHDF5Return(*space, H5Screate_simple, ((int)ndim, dims, NULL));
  else PetscCallHDF5Return(*space, H5Screate, (H5S_SCALAR));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorTransferHDF5_Private - collective transfer between this rank's block `buf` (elements of memory type
   mtype) and `dset`, a dataset whose rows [row0, row0 + shape[0]) hold t (all of it when row0 is 0 and the shapes
   agree). Each rank selects the hyperslab of its block: [rstart, rend) on the split axis, everything on the others,
   shifted by row0 on axis 0. A replicated tensor is written by rank 0 alone, read by every rank.
*/
static PetscErrorCode HtTensorTransferHDF5_Private(HtTensor t, hid_t dset, hid_t mtype, PetscBool write, PetscInt row0, void *buf)
{
  hid_t       mspace, fspace, dxpl;
  hsize_t     start[HT_MAX_NDIM], count[HT_MAX_NDIM];
  PetscMPIInt rank;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)t), &rank));
  PetscCallHDF5Return(fspace, H5Dget_space, (dset));
  PetscCall(HtHDF5CreateSpace_Private(t->ndim, t->lshape, &mspace));
  if (!t->nlocal || (write && t->split < 0 && rank)) {
    PetscCallHDF5(H5Sselect_none, (fspace));
    PetscCallHDF5(H5Sselect_none, (mspace));
  } else if (t->ndim) {
    for (PetscInt d = 0; d < t->ndim; d++) {
      start[d] = (hsize_t)(HtTensorLocalStart(t, d) + (d ? 0 : row0));
      count[d] = (hsize_t)t->lshape[d];
    }
    PetscCallHDF5(H5Sselect_hyperslab, (fspace, H5S_SELECT_SET, start, NULL, count, NULL));
  }
  PetscCallHDF5Return(dxpl, H5Pcreate, (H5P_DATASET_XFER));
#if defined(PETSC_HAVE_H5PSET_FAPL_MPIO)
  PetscCallHDF5(H5Pset_dxpl_mpio, (dxpl, H5FD_MPIO_COLLECTIVE));
#endif
  if (write) PetscCallHDF5(H5Dwrite, (dset, mtype, mspace, fspace, dxpl, buf));
  else PetscCallHDF5(H5Dread, (dset, mtype, mspace, fspace, dxpl, buf));
  PetscCallHDF5(H5Pclose, (dxpl));
  PetscCallHDF5(H5Sclose, (mspace));
  PetscCallHDF5(H5Sclose, (fspace));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtHDF5LinkExists_Private - whether every component of `path` (relative to loc, or absolute) exists; if not,
   `missing` receives the path up to the first missing component. HDF5 prints nothing.
*/
static PetscErrorCode HtHDF5LinkExists_Private(hid_t loc, const char path[], PetscBool *exists, char missing[], size_t len)
{
  char   buf[PETSC_MAX_PATH_LEN];
  size_t n;
  htri_t found = 1;

  PetscFunctionBegin;
  PetscCall(PetscStrlen(path, &n));
  PetscCheck(n < sizeof(buf), PETSC_COMM_SELF, PETSC_ERR_ARG_SIZ, "HDF5 path '%s' is longer than %d characters", path, (int)sizeof(buf) - 1);
  PetscCall(PetscStrncpy(buf, path, sizeof(buf)));
  for (size_t i = 1; found > 0 && i <= n; i++) {
    char c = buf[i];

    if ((c && c != '/') || buf[i - 1] == '/') continue; /* not the end of a (non-empty) component */
    buf[i] = '\0';
    H5E_BEGIN_TRY
    {
      found = H5Lexists(loc, buf, H5P_DEFAULT); /* negative when a group on the way is not a group */
    }
    H5E_END_TRY;
    if (found <= 0) PetscCall(PetscStrncpy(missing, buf, len));
    buf[i] = c;
  }
  *exists = (PetscBool)(found > 0);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* opens the existing object `path` as a dataset; *dset < 0 if it is not one. HDF5 prints nothing. */
static PetscErrorCode HtHDF5OpenDataset_Private(hid_t loc, const char path[], hid_t *dset)
{
  PetscFunctionBegin;
  H5E_BEGIN_TRY
  {
    *dset = H5Dopen2(loc, path, H5P_DEFAULT);
  }
  H5E_END_TRY;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the absolute HDF5 path of `name` relative to the viewer's current group */
static PetscErrorCode HtViewerHDF5GetPath_Private(PetscViewer viewer, const char name[], char path[], size_t len)
{
  char  *abspath;
  size_t n;

  PetscFunctionBegin;
  PetscCall(PetscViewerHDF5GetGroup(viewer, name, &abspath));
  PetscCall(PetscStrlen(abspath, &n));
  PetscCheck(n < len, PETSC_COMM_SELF, PETSC_ERR_ARG_SIZ, "HDF5 path '%s' is longer than %d characters", abspath, (int)len - 1);
  PetscCall(PetscStrncpy(path, abspath, len));
  PetscCall(PetscFree(abspath));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorWriteHDF5_Private - writes t as the dataset `path` (relative to loc, a file or group, or absolute),
   creating missing groups and replacing an existing dataset of that name. `fname` names the file in messages.
*/
static PetscErrorCode HtTensorWriteHDF5_Private(HtTensor t, hid_t loc, const char path[], const char fname[])
{
  MPI_Comm       comm = PetscObjectComm((PetscObject)t);
  hid_t          mtype, ftype, lcpl, space, dset;
  PetscBool      exists;
  char           missing[PETSC_MAX_PATH_LEN];
  const void    *a;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscCall(HtHDF5LinkExists_Private(loc, path, &exists, missing, sizeof(missing)));
  if (exists) {
    PetscCall(HtHDF5OpenDataset_Private(loc, path, &dset));
    PetscCheck(dset >= 0, comm, PETSC_ERR_FILE_UNEXPECTED, "Cannot write dataset '%s' to '%s': an object of that name exists and is not a dataset; choose another name", path, fname);
    PetscCallHDF5(H5Dclose, (dset));
    PetscCallHDF5(H5Ldelete, (loc, path, H5P_DEFAULT));
  }
  PetscCall(HtDTypeGetHDF5Types_Private(t->dtype, &mtype, &ftype));
  PetscCallHDF5Return(lcpl, H5Pcreate, (H5P_LINK_CREATE));
  PetscCallHDF5(H5Pset_create_intermediate_group, (lcpl, 1));
  PetscCall(HtHDF5CreateSpace_Private(t->ndim, t->shape, &space));
  H5E_BEGIN_TRY
  {
    dset = H5Dcreate2(loc, path, ftype, space, lcpl, H5P_DEFAULT, H5P_DEFAULT);
  }
  H5E_END_TRY;
  PetscCallHDF5(H5Sclose, (space));
  PetscCallHDF5(H5Pclose, (lcpl));
  PetscCheck(dset >= 0, comm, PETSC_ERR_FILE_WRITE, "HDF5 cannot create dataset '%s' in '%s'; give a path of non-empty names separated by '/' in which no group is a dataset", path, fname);
  PetscCall(HtTensorGetArrayRead(t, &a));
  ierr = HtTensorTransferHDF5_Private(t, dset, mtype, PETSC_TRUE, 0, (void *)a);
  PetscCall(HtTensorRestoreArrayRead(t, &a));
  PetscCallHDF5(H5Dclose, (dset)); /* also after a failed write, so that the file can be closed */
  PetscCall(ierr);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtHDF5GetDatasetInfo_Private - shape and dtype of a dataset; `wide` tells that its integers may not fit a
   PetscInt, so they must be read as int64 and range-checked.
*/
static PetscErrorCode HtHDF5GetDatasetInfo_Private(MPI_Comm comm, hid_t dset, const char path[], const char fname[], PetscInt *ndim, PetscInt shape[], HtDType *dtype, PetscBool *wide)
{
  hid_t       space, type;
  H5S_class_t sclass;
  H5T_class_t tclass;
  H5T_sign_t  sign = H5T_SGN_2;
  hsize_t     dims[HT_MAX_NDIM];
  size_t      tsize;
  int         n;

  PetscFunctionBegin;
  PetscCallHDF5Return(space, H5Dget_space, (dset));
  PetscCallHDF5Return(sclass, H5Sget_simple_extent_type, (space));
  PetscCheck(sclass != H5S_NULL, comm, PETSC_ERR_FILE_UNEXPECTED, "Dataset '%s' in '%s' holds no data (an HDF5 null dataspace)", path, fname);
  PetscCallHDF5Return(n, H5Sget_simple_extent_ndims, (space));
  PetscCheck(n <= HT_MAX_NDIM, comm, PETSC_ERR_FILE_UNEXPECTED, "Dataset '%s' in '%s' has %d axes; a tensor has at most %d", path, fname, n, HT_MAX_NDIM);
  PetscCallHDF5Return(n, H5Sget_simple_extent_dims, (space, dims, NULL));
  PetscCallHDF5(H5Sclose, (space));
  for (int d = 0; d < n; d++) {
    PetscCheck(dims[d] <= (hsize_t)PETSC_MAX_INT, comm, PETSC_ERR_FILE_UNEXPECTED, "Dataset '%s' in '%s' has %llu elements on axis %d, more than a %d-bit PetscInt can index", path, fname, (unsigned long long)dims[d], d, (int)(8 * sizeof(PetscInt)));
    shape[d] = (PetscInt)dims[d];
  }
  *ndim = n;
  PetscCallHDF5Return(type, H5Dget_type, (dset));
  PetscCallHDF5Return(tclass, H5Tget_class, (type));
  PetscCallHDF5ReturnNoCheck(tsize, H5Tget_size, (type));
  PetscCheck(tsize > 0, PETSC_COMM_SELF, PETSC_ERR_LIB, "Error in HDF5 call H5Tget_size()");
  if (tclass == H5T_INTEGER) PetscCallHDF5Return(sign, H5Tget_sign, (type));
  PetscCallHDF5(H5Tclose, (type));
  PetscCheck(tclass == H5T_FLOAT || tclass == H5T_INTEGER, comm, PETSC_ERR_FILE_UNEXPECTED, "Dataset '%s' in '%s' has an unsupported type (%s); supported: float64, float32, int64, int32", path, fname, HtHDF5ClassName(tclass));
  *dtype = tclass == H5T_FLOAT ? HT_SCALAR : HT_INT;
  *wide  = (PetscBool)(tclass == H5T_INTEGER && (tsize > sizeof(PetscInt) || (tsize == sizeof(PetscInt) && sign == H5T_SGN_NONE)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   reads rows [row0, row0 + shape[0]) of the dataset into t's blocks; *overflow tells that an integer on this rank
   did not fit a PetscInt
*/
static PetscErrorCode HtTensorReadHDF5_Private(HtTensor t, hid_t dset, PetscBool wide, PetscInt row0, PetscBool *overflow)
{
  hid_t mtype, ftype;
  void *a;

  PetscFunctionBegin;
  *overflow = PETSC_FALSE;
  PetscCall(HtDTypeGetHDF5Types_Private(t->dtype, &mtype, &ftype));
  PetscCall(HtTensorGetArrayWrite(t, &a));
  if (wide) {
    int64_t *buf;

    PetscCall(PetscMalloc1(t->nlocal, &buf));
    PetscCall(HtTensorTransferHDF5_Private(t, dset, H5T_NATIVE_INT64, PETSC_FALSE, row0, buf));
    PetscCall(HtRawConvert(HT_RAW_INT64, buf, t->dtype, a, (size_t)t->nlocal, overflow));
    PetscCall(PetscFree(buf));
  } else PetscCall(HtTensorTransferHDF5_Private(t, dset, mtype, PETSC_FALSE, row0, a));
  PetscCall(HtTensorRestoreArrayWrite(t, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   creates the tensor of rows [rstart, rstart + nrows) of an open dataset (nrows PETSC_DETERMINE: all rows, rstart 0)
   with the given split, and reads it
*/
static PetscErrorCode HtTensorLoadDataset_Private(MPI_Comm comm, hid_t dset, const char path[], const char fname[], PetscInt split, PetscInt rstart, PetscInt nrows, HtTensor *t)
{
  PetscInt  ndim = 0, shape[HT_MAX_NDIM];
  HtDType   dtype = HT_SCALAR;
  PetscBool wide = PETSC_FALSE, overflow, anyoverflow;
  char      str[256];

  PetscFunctionBegin;
  PetscCall(HtHDF5GetDatasetInfo_Private(comm, dset, path, fname, &ndim, shape, &dtype, &wide));
  PetscCall(HtFileCheckRows(comm, fname, path, ndim, shape, rstart, nrows));
  if (split < -1 || split >= ndim) {
    PetscCall(HtShapeToString(ndim, shape, str, sizeof(str)));
    if (ndim) SETERRQ(comm, PETSC_ERR_ARG_OUTOFRANGE, "Cannot split dataset '%s' of '%s' (shape %s) on axis %" PetscInt_FMT "; use 0..%" PetscInt_FMT ", or -1 for a replicated tensor", path, fname, str, split, ndim - 1);
    SETERRQ(comm, PETSC_ERR_ARG_OUTOFRANGE, "Cannot split dataset '%s' of '%s' (shape %s) on axis %" PetscInt_FMT "; it has no axes: use -1", path, fname, str, split);
  }
  if (nrows != PETSC_DETERMINE) shape[0] = nrows;
  PetscCall(HtTensorCreate(comm, ndim, shape, split, dtype, t));
  PetscCall(HtTensorReadHDF5_Private(*t, dset, wide, rstart, &overflow));
  PetscCall(MPIU_Allreduce(&overflow, &anyoverflow, 1, MPIU_BOOL, MPI_LOR, comm));
  if (anyoverflow) PetscCall(HtTensorDestroy(t));
  PetscCheck(!anyoverflow, comm, PETSC_ERR_FILE_UNEXPECTED, "Dataset '%s' in '%s' holds integers outside the range of the %d-bit PetscInt; store them as float64, or use a PETSc configured --with-64-bit-indices", path, fname, (int)(8 * sizeof(PetscInt)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorView_HDF5 - writes t as a dataset named after the tensor (`HtTensorSetName()`) in the viewer's current
   group, creating missing groups and replacing an existing dataset of that name.
*/
PetscErrorCode HtTensorView_HDF5(HtTensor t, PetscViewer viewer)
{
  const char   *name, *fname;
  char          path[PETSC_MAX_PATH_LEN];
  hid_t         fid;
  PetscFileMode mode;

  PetscFunctionBegin;
  PetscCall(PetscViewerFileGetName(viewer, &fname));
  PetscCall(PetscViewerFileGetMode(viewer, &mode));
  PetscCheck(mode != FILE_MODE_READ, PetscObjectComm((PetscObject)t), PETSC_ERR_ARG_WRONGSTATE, "Cannot write a tensor to '%s': its HDF5 viewer was opened with FILE_MODE_READ; use FILE_MODE_WRITE, FILE_MODE_APPEND or FILE_MODE_UPDATE", fname);
  PetscCall(PetscObjectGetName((PetscObject)t, &name));
  PetscCall(HtViewerHDF5GetPath_Private(viewer, name, path, sizeof(path)));
  PetscCall(PetscViewerHDF5GetFileId(viewer, &fid));
  PetscCall(HtTensorWriteHDF5_Private(t, fid, path, fname));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtViewerHDF5OpenDataset_Private - opens the dataset `dataset` (relative to the viewer's current group, or absolute)
   of an HDF5 viewer's file; `path` receives its absolute path, `fname` the file's name. A missing dataset and an
   object that is not a dataset are errors raised on every rank.
*/
static PetscErrorCode HtViewerHDF5OpenDataset_Private(MPI_Comm comm, PetscViewer viewer, const char dataset[], char path[], size_t len, const char **fname, hid_t *dset)
{
  char      missing[PETSC_MAX_PATH_LEN];
  hid_t     fid;
  PetscBool exists, same;

  PetscFunctionBegin;
  PetscCheck(dataset && dataset[0], comm, PETSC_ERR_ARG_NULL, "No dataset given; pass the path of a dataset in the file, such as \"" HT_HDF5_DEFAULT_DATASET "\"");
  PetscCall(PetscViewerFileGetName(viewer, fname));
  PetscCall(HtViewerHDF5GetPath_Private(viewer, dataset, path, len));
  PetscCall(PetscViewerHDF5GetFileId(viewer, &fid));
  PetscCall(HtHDF5LinkExists_Private(fid, path, &exists, missing, sizeof(missing)));
  if (!exists) {
    PetscCall(PetscStrcmp(path, missing, &same));
    PetscCheck(!same, comm, PETSC_ERR_FILE_UNEXPECTED, "Dataset '%s' not found in '%s'", path, *fname);
    SETERRQ(comm, PETSC_ERR_FILE_UNEXPECTED, "Dataset '%s' not found in '%s': it has no group '%s'", path, *fname, missing);
  }
  PetscCall(HtHDF5OpenDataset_Private(fid, path, dset));
  PetscCheck(*dset >= 0, comm, PETSC_ERR_FILE_UNEXPECTED, "'%s' in '%s' is not a dataset (a group?); give the path of a dataset", path, *fname);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   reads rows [rstart, rstart + nrows) (nrows PETSC_DETERMINE: all rows, rstart 0) of the dataset `dataset` of an HDF5
   viewer's file into a new balanced tensor with the given split
*/
static PetscErrorCode HtViewerHDF5LoadRows_Private(MPI_Comm comm, PetscViewer viewer, const char dataset[], PetscInt split, PetscInt rstart, PetscInt nrows, HtTensor *t)
{
  const char    *fname;
  char           path[PETSC_MAX_PATH_LEN];
  hid_t          dset;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscCall(HtViewerHDF5OpenDataset_Private(comm, viewer, dataset, path, sizeof(path), &fname, &dset));
  ierr = HtTensorLoadDataset_Private(comm, dset, path, fname, split, rstart, nrows, t);
  PetscCallHDF5(H5Dclose, (dset)); /* also after an error, so that the file can be closed */
  PetscCall(ierr);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorLoad_HDF5 - reads the dataset `dataset` (relative to the viewer's current group, or absolute) of an
   HDF5 viewer's file into a new balanced tensor with the given split. Floating-point datasets give HT_SCALAR,
   integer datasets HT_INT. Errors (missing dataset, unsupported type, integer overflow) are raised on every rank.
*/
PetscErrorCode HtTensorLoad_HDF5(MPI_Comm comm, PetscViewer viewer, const char dataset[], PetscInt split, HtTensor *t)
{
  PetscFunctionBegin;
  PetscValidPointer(t, 5);
  PetscCall(HtViewerHDF5LoadRows_Private(comm, viewer, dataset, split, 0, PETSC_DETERMINE, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the shape and dtype of the dataset `dataset` of an HDF5 viewer's file */
static PetscErrorCode HtViewerHDF5GetShape_Private(MPI_Comm comm, PetscViewer viewer, const char dataset[], PetscInt *ndim, PetscInt shape[], HtDType *dtype)
{
  const char    *fname;
  char           path[PETSC_MAX_PATH_LEN];
  hid_t          dset;
  PetscBool      wide;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscCall(HtViewerHDF5OpenDataset_Private(comm, viewer, dataset, path, sizeof(path), &fname, &dset));
  ierr = HtHDF5GetDatasetInfo_Private(comm, dset, path, fname, ndim, shape, dtype, &wide);
  PetscCallHDF5(H5Dclose, (dset)); /* also after an error, so that the file can be closed */
  PetscCall(ierr);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* raises a clean error on every rank unless `path` is a readable HDF5 file (checked on rank 0) */
static PetscErrorCode HtFileCheckHDF5_Private(MPI_Comm comm, const char path[])
{
  PetscMPIInt    rank;
  PetscErrorCode code = 0;
  htri_t         ishdf5;
  char           msg[PETSC_MAX_PATH_LEN + 128] = "";

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (!rank) {
    if (access(path, F_OK)) {
      code = PETSC_ERR_FILE_OPEN;
      PetscCall(PetscSNPrintf(msg, sizeof(msg), "Cannot open '%s': no such file", path));
    } else if (access(path, R_OK)) {
      code = PETSC_ERR_FILE_OPEN;
      PetscCall(PetscSNPrintf(msg, sizeof(msg), "Cannot open '%s': permission denied", path));
    } else {
      H5E_BEGIN_TRY
      {
#if H5_VERSION_GE(1, 12, 0)
        ishdf5 = H5Fis_accessible(path, H5P_DEFAULT);
#else
        ishdf5 = H5Fis_hdf5(path);
#endif
      }
      H5E_END_TRY;
      if (ishdf5 <= 0) {
        code = PETSC_ERR_FILE_UNEXPECTED;
        PetscCall(PetscSNPrintf(msg, sizeof(msg), "'%s' is not an HDF5 file", path));
      } else {
        hid_t file;

        H5E_BEGIN_TRY
        {
          file = H5Fopen(path, H5F_ACC_RDONLY, H5P_DEFAULT); /* the signature of a truncated file is still there */
        }
        H5E_END_TRY;
        if (file < 0) {
          code = PETSC_ERR_FILE_UNEXPECTED;
          PetscCall(PetscSNPrintf(msg, sizeof(msg), "'%s' is an HDF5 file that cannot be opened: it is truncated or damaged (was it written or copied completely?)", path));
        } else PetscCallHDF5(H5Fclose, (file));
      }
    }
  }
  PetscCall(HtCollectiveCheck(comm, code, msg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* opens `path`, checked to be a readable HDF5 file, as an HDF5 viewer for reading */
static PetscErrorCode HtViewerHDF5OpenRead_Private(MPI_Comm comm, const char path[], PetscViewer *viewer)
{
  PetscFunctionBegin;
  PetscCheck(path && path[0], comm, PETSC_ERR_ARG_NULL, "No file name given");
  PetscCall(HtFileCheckHDF5_Private(comm, path));
  PetscCall(PetscViewerHDF5Open(comm, path, FILE_MODE_READ, viewer));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorLoadRows_HDF5 - reads rows [rstart, rstart + nrows) (nrows PETSC_DETERMINE: all rows, rstart 0) of the
   dataset `dataset` (NULL or "" means "data") of the HDF5 file `path` into a new balanced tensor with the given split.
*/
PetscErrorCode HtTensorLoadRows_HDF5(MPI_Comm comm, const char path[], const char dataset[], PetscInt split, PetscInt rstart, PetscInt nrows, HtTensor *t)
{
  PetscViewer    viewer;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscCall(HtTensorInitializePackage());
  PetscCall(PetscLogEventBegin(HT_TENSOR_Load, 0, 0, 0, 0));
  PetscCall(HtViewerHDF5OpenRead_Private(comm, path, &viewer));
  ierr = HtViewerHDF5LoadRows_Private(comm, viewer, dataset && dataset[0] ? dataset : HT_HDF5_DEFAULT_DATASET, split, rstart, nrows, t);
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(ierr);
  PetscCall(PetscLogEventEnd(HT_TENSOR_Load, 0, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorLoadHDF5 - Loads a dataset of an HDF5 file into a tensor, every rank reading its own block.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  path - the HDF5 file
.  dataset - path of the dataset in the file, such as "data" or "results/run1/x"; NULL or "" means "data"
-  split - the axis to distribute, or -1 for a tensor every rank holds whole

   Output Parameter:
.  t - the tensor, balanced, with the dataset's shape

   Level: beginner

   Notes:
   Floating-point datasets (float64, float32) give `HT_SCALAR` tensors, integer datasets (int64, int32, and the
   other integer widths) give `HT_INT` tensors; an integer that does not fit a `PetscInt` is an error, not clipped.
   Other types (strings, compounds, enums such as h5py's booleans) are rejected. A 0-d dataset gives a 0-d tensor.

   A missing file, a file that is not HDF5, a missing dataset, an unsupported type and a split that is not an
   axis of the dataset are errors raised on every rank.

.seealso: `HtTensorSaveHDF5()`, `HtTensorLoad()`, `HtTensorLoadRows()`, `HtTensorView()`
@*/
PetscErrorCode HtTensorLoadHDF5(MPI_Comm comm, const char path[], const char dataset[], PetscInt split, HtTensor *t)
{
  PetscFunctionBegin;
  PetscValidPointer(t, 5);
  PetscCall(HtTensorLoadRows_HDF5(comm, path, dataset, split, 0, PETSC_DETERMINE, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorLoadGetShape_HDF5 - the number of axes, the shape and the dtype of the dataset `dataset` (NULL or "" means
   "data") of the HDF5 file `path`, from its metadata
*/
PetscErrorCode HtTensorLoadGetShape_HDF5(MPI_Comm comm, const char path[], const char dataset[], PetscInt *ndim, PetscInt shape[], HtDType *dtype)
{
  PetscViewer    viewer;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscCall(HtViewerHDF5OpenRead_Private(comm, path, &viewer));
  ierr = HtViewerHDF5GetShape_Private(comm, viewer, dataset && dataset[0] ? dataset : HT_HDF5_DEFAULT_DATASET, ndim, shape, dtype);
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(ierr);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* writes t as `dataset` of a new HDF5 file `tmp`; `path` is the file name shown in messages */
static PetscErrorCode HtTensorSaveHDF5_Private(HtTensor t, const char tmp[], const char dataset[], const char path[])
{
  PetscViewer    viewer;
  hid_t          fid;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscCall(HtFileCheckCreatable(PetscObjectComm((PetscObject)t), tmp, path));
  PetscCall(PetscViewerHDF5Open(PetscObjectComm((PetscObject)t), tmp, FILE_MODE_WRITE, &viewer));
  PetscCall(PetscViewerHDF5GetFileId(viewer, &fid));
  ierr = HtTensorWriteHDF5_Private(t, fid, dataset, path);
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(ierr);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSaveHDF5 - Saves a tensor as a dataset of a new HDF5 file, every rank writing its own block.

   Collective

   Input Parameters:
+  t - the tensor
.  path - the HDF5 file; an existing file of that name is replaced as a whole
-  dataset - path of the dataset in the file, such as "data" or "results/run1/x" (the groups are created);
             NULL or "" means "data"

   Level: beginner

   Notes:
   The file holds this one dataset: like numpy.save() or h5py's mode 'w', saving replaces the whole file,
   not only a dataset in it. To write several tensors into one file, open an HDF5 viewer with
   `PetscViewerHDF5Open()` and call `HtTensorView()` for each (the dataset is named after the tensor, in the
   viewer's current group).

   File types: `HT_SCALAR` is stored as float64, `HT_INT` as int64, `HT_BOOL` as uint8 (0 or 1; loading it gives
   an `HT_INT` tensor). The dataset has the global shape whatever the split, so the file can be loaded with any
   split on any number of ranks, and read by h5py or any other HDF5 tool.

   The data are written to a temporary file next to `path`, which replaces `path` only when every rank has
   succeeded: a failed save leaves an existing file unchanged.

.seealso: `HtTensorLoadHDF5()`, `HtTensorSave()`, `HtTensorView()`
@*/
PetscErrorCode HtTensorSaveHDF5(HtTensor t, const char path[], const char dataset[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscCall(HtTensorSafeSave(t, path, dataset && dataset[0] ? dataset : HT_HDF5_DEFAULT_DATASET, HtTensorSaveHDF5_Private));
  PetscFunctionReturn(PETSC_SUCCESS);
}
