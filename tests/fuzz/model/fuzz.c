/*
   Fuzzes the model-file reader of every ML class (HtClusterLoad(), HtPCALoad(), ...: src/ml/interface/mlmodel.c and
   the types' load ops). Byte 0 of the input picks a class and byte 1 one of its registered types; a model of that type
   is fitted to small data and written to an HDF5 file, then the rest of the input rewrites the file: each attribute of
   the model (heat_class, heat_type, the parameters) and each dataset (centers, components, ...) is kept, removed, or
   replaced by a value made of input bytes (another string; a dataset of another shape, 0 to 3 axes, with arbitrary
   bits). Loading the file must then give a clear error, or a model that predicts or transforms without crashing.
   The HDF5 library itself is not fuzzed: the file stays a valid HDF5 file.
*/
#include "../fuzz.h"
#include <hdf5.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#define NSAMPLES 12
#define NFEAT    3

/* the input bytes still to be used */
typedef struct {
  const uint8_t *p;
  size_t         n;
} Bytes;

static uint8_t Take(Bytes *b)
{
  if (!b->n) return 0;
  b->n--;
  return *b->p++;
}

static char     Path[64];
static HtTensor X, Labels, Target; /* 12 samples of 3 features, labels 0 1 2 0 1 2 ..., the labels as a regression target */

typedef struct {
  PetscErrorCode (*init)(void);
  PetscFunctionList *types;
  PetscErrorCode (*fitsave)(const char[], HtTensor, HtTensor, PetscViewer); /* type, X, labels, viewer */
  PetscErrorCode (*loaduse)(PetscViewer, HtTensor);
} FuzzClass;

/* Fit<Class>: a fitted model of the type written to the viewer; Use<Class>: a loaded model applied to X */
#define FUZZ_CLASS(Class, FIT, USE) \
  static PetscErrorCode Fit##Class(const char type[], HtTensor X, HtTensor labels, PetscViewer viewer) \
  { \
    Ht##Class obj; \
\
    PetscFunctionBeginUser; \
    PetscCall(Ht##Class##Create(PETSC_COMM_SELF, &obj)); \
    PetscCall(Ht##Class##SetType(obj, type)); \
    PetscCall(Ht##Class##SetFromOptions(obj)); \
    PetscCall(FIT); \
    PetscCall(Ht##Class##View(obj, viewer)); \
    PetscCall(Ht##Class##Destroy(&obj)); \
    PetscFunctionReturn(PETSC_SUCCESS); \
  } \
  static PetscErrorCode Use##Class(PetscViewer viewer, HtTensor X) \
  { \
    Ht##Class obj; \
    HtTensor  out = NULL; \
\
    PetscFunctionBeginUser; \
    PetscCall(Ht##Class##Create(PETSC_COMM_SELF, &obj)); \
    PetscCall(Ht##Class##Load(obj, viewer)); \
    PetscCall(USE); \
    PetscCall(HtTensorDestroy(&out)); \
    PetscCall(Ht##Class##Destroy(&obj)); \
    PetscFunctionReturn(PETSC_SUCCESS); \
  }

FUZZ_CLASS(Cluster, HtClusterFit(obj, X), HtClusterPredict(obj, X, &out))
FUZZ_CLASS(PCA, HtPCAFit(obj, X), HtPCATransform(obj, X, &out))
FUZZ_CLASS(Scaler, HtScalerFit(obj, X), HtScalerTransform(obj, X, &out))
FUZZ_CLASS(Regressor, HtRegressorFit(obj, X, Target), HtRegressorPredict(obj, X, &out))
FUZZ_CLASS(Classifier, HtClassifierFit(obj, X, labels), HtClassifierPredictProba(obj, X, &out))

static const FuzzClass Classes[] = {
  {HtClusterInitializePackage,    &HtClusterList,    FitCluster,    UseCluster   },
  {HtPCAInitializePackage,        &HtPCAList,        FitPCA,        UsePCA       },
  {HtScalerInitializePackage,     &HtScalerList,     FitScaler,     UseScaler    },
  {HtRegressorInitializePackage,  &HtRegressorList,  FitRegressor,  UseRegressor },
  {HtClassifierInitializePackage, &HtClassifierList, FitClassifier, UseClassifier},
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  const PetscInt shape[2] = {NSAMPLES, NFEAT};
  PetscScalar   *x;
  PetscInt      *l;

  FuzzInitialize();
  FUZZ_CHECK(PetscOptionsSetValue(NULL, "-ht_cluster_num_clusters", "2"));
  FUZZ_CHECK(PetscOptionsSetValue(NULL, "-ht_pca_n_components", "2"));
  FUZZ_CHECK(PetscOptionsSetValue(NULL, "-ht_cluster_spectral_n_neighbors", "4"));
  snprintf(Path, sizeof(Path), "/tmp/heat-fuzz-model-%d.h5", (int)getpid());
  FUZZ_CHECK(HtTensorCreate(PETSC_COMM_SELF, 2, shape, 0, HT_SCALAR, &X));
  FUZZ_CHECK(HtTensorCreate(PETSC_COMM_SELF, 1, shape, 0, HT_INT, &Labels));
  FUZZ_CHECK(HtTensorGetArrayWrite(X, &x));
  FUZZ_CHECK(HtTensorGetArrayWrite(Labels, &l));
  for (PetscInt i = 0; i < NSAMPLES; i++) {
    l[i] = i % 3;
    for (PetscInt j = 0; j < NFEAT; j++) x[i * NFEAT + j] = (i % 3) * 2.0 + 0.1 * ((i * 7 + j * 3) % 5) + j;
  }
  FUZZ_CHECK(HtTensorRestoreArrayWrite(Labels, &l));
  FUZZ_CHECK(HtTensorRestoreArrayWrite(X, &x));
  FUZZ_CHECK(HtTensorAsType(Labels, HT_SCALAR, &Target));
  H5Eset_auto2(H5E_DEFAULT, NULL, NULL); /* HDF5's own messages about what the fuzzer removed */
  return 0;
}

/* a string attribute gets a string of input bytes; any other attribute input bytes of its size */
static herr_t RewriteAttribute(hid_t loc, const char *name, const H5A_info_t *info, void *ctx)
{
  Bytes  *b   = (Bytes *)ctx;
  uint8_t how = Take(b) % 4;
  hid_t   a, type, space;
  char    buf[64];

  if (how == 0) return 0;
  if (how == 1) return H5Adelete(loc, name) < 0 ? -1 : 0;
  a    = H5Aopen(loc, name, H5P_DEFAULT);
  type = H5Aget_type(a);
  if (H5Tget_class(type) == H5T_STRING) {
    size_t n = Take(b) % 16, k;
    hid_t  stype = H5Tcopy(H5T_C_S1);

    for (k = 0; k < n; k++) buf[k] = (char)Take(b);
    buf[n] = 0;
    H5Aclose(a);
    H5Tclose(type);
    H5Adelete(loc, name);
    H5Tset_size(stype, n + 1);
    space = H5Screate(H5S_SCALAR);
    a     = H5Acreate2(loc, name, stype, space, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(a, stype, buf);
    H5Sclose(space);
    H5Tclose(stype);
  } else {
    hid_t  mtype = H5Tget_native_type(type, H5T_DIR_DEFAULT);
    size_t n     = H5Tget_size(mtype) * (size_t)H5Sget_simple_extent_npoints(space = H5Aget_space(a));

    for (size_t k = 0; k < n && k < sizeof(buf); k++) buf[k] = (char)Take(b);
    if (n <= sizeof(buf)) H5Awrite(a, mtype, buf);
    H5Sclose(space);
    H5Tclose(mtype);
    H5Tclose(type);
  }
  H5Aclose(a);
  return 0;
}

/* a dataset is kept, removed, or replaced by one of 0 to 3 axes of 0 to 4 elements each, of its type, of input bytes */
static herr_t RewriteDataset(hid_t loc, const char *name, const H5L_info_t *info, void *ctx)
{
  Bytes  *b   = (Bytes *)ctx;
  uint8_t how = Take(b) % 3;
  hid_t   d, type, space;
  hsize_t dims[3];
  int     ndim;
  size_t  n = 1, esize;
  char   *buf;

  if (how == 0 || H5Oexists_by_name(loc, name, H5P_DEFAULT) <= 0) return 0;
  d = H5Dopen2(loc, name, H5P_DEFAULT);
  if (d < 0) return 0; /* a group */
  type = H5Tget_native_type(H5Dget_type(d), H5T_DIR_DEFAULT);
  H5Dclose(d);
  H5Ldelete(loc, name, H5P_DEFAULT);
  if (how == 1) {
    H5Tclose(type);
    return 0;
  }
  ndim = Take(b) % 4;
  for (int k = 0; k < ndim; k++) n *= (dims[k] = Take(b) % 5);
  esize = H5Tget_size(type);
  buf   = (char *)calloc(n * esize + 1, 1);
  for (size_t k = 0; k < n * esize; k++) buf[k] = (char)Take(b);
  space = ndim ? H5Screate_simple(ndim, dims, NULL) : H5Screate(H5S_SCALAR);
  d     = H5Dcreate2(loc, name, type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  H5Dwrite(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf);
  H5Dclose(d);
  H5Sclose(space);
  H5Tclose(type);
  free(buf);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  Bytes            b   = {data, size};
  const FuzzClass *cls = &Classes[Take(&b) % (sizeof(Classes) / sizeof(Classes[0]))];
  const char     **types;
  int              ntypes;
  uint8_t          pick = Take(&b);
  PetscViewer      viewer;
  hid_t            file;

  FUZZ_CHECK(cls->init());
  FUZZ_CHECK(PetscFunctionListGet(*cls->types, &types, &ntypes));
  while (ntypes > 0 && !types[ntypes - 1]) ntypes--; /* PETSc 3.18 counts a closing NULL */
  FUZZ_CHECK(PetscViewerHDF5Open(PETSC_COMM_SELF, Path, FILE_MODE_WRITE, &viewer));
  FUZZ_CHECK(cls->fitsave(types[pick % ntypes], X, Labels, viewer));
  FUZZ_CHECK(PetscViewerDestroy(&viewer));
  FUZZ_CHECK(PetscFree(types));
  file = H5Fopen(Path, H5F_ACC_RDWR, H5P_DEFAULT);
  if (file < 0) abort();
  H5Aiterate2(file, H5_INDEX_NAME, H5_ITER_INC, NULL, RewriteAttribute, &b);
  H5Literate(file, H5_INDEX_NAME, H5_ITER_INC, NULL, RewriteDataset, &b);
  H5Fclose(file);
  FUZZ_CHECK(PetscViewerHDF5Open(PETSC_COMM_SELF, Path, FILE_MODE_READ, &viewer));
  (void)cls->loaduse(viewer, X); /* an error is an expected outcome */
  FUZZ_CHECK(PetscViewerDestroy(&viewer));
  return 0;
}
