static const char help[] = "Rank-count independence and model files as properties of every registered type of every ML class.\n"
                           "Each type is fitted to the same seeded data; its outputs are printed (labels exactly, floats to 15 digits),\n"
                           "so every rank count is compared with one expected file. The fitted model is then written to an HDF5\n"
                           "file, loaded into a new object, and its outputs must be bitwise those of the fitted object.\n"
                           "  -n N   number of samples (default 60)\n\n";

#include <heat.h>
#include <heat/private/clusterimpl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NFEATURES 3
#define NBLOBS    3
#define MAXOUT    4

/* the data every type gets: X (n x 3 samples of 3 blobs), the blob of each sample (class labels), a regression target */
typedef struct {
  HtTensor X, labels, y;
} Data;

/* what a class needs from the harness: its type list and generic wrappers over its functions */
typedef struct {
  const char *name;
  PetscErrorCode (*init)(void);
  PetscFunctionList *types;
  PetscErrorCode (*create)(MPI_Comm, PetscObject *);
  PetscErrorCode (*settype)(PetscObject, const char[]);
  PetscErrorCode (*setfromoptions)(PetscObject);
  PetscErrorCode (*fit)(PetscObject, const Data *);
  PetscErrorCode (*outputs)(PetscObject, const Data *, PetscInt *, HtTensor[], const char *[]); /* tensors the caller destroys */
  PetscErrorCode (*view)(PetscObject, PetscViewer);
  PetscErrorCode (*load)(PetscObject, PetscViewer);
  PetscErrorCode (*destroy)(PetscObject *);
} HarnessClass;

/* the generic wrappers of class Ht<Class> */
#define HARNESS_WRAPPERS(Class) \
  static PetscErrorCode Create_##Class(MPI_Comm comm, PetscObject *obj) \
  { \
    return Ht##Class##Create(comm, (Ht##Class *)obj); \
  } \
  static PetscErrorCode SetType_##Class(PetscObject obj, const char type[]) \
  { \
    return Ht##Class##SetType((Ht##Class)obj, type); \
  } \
  static PetscErrorCode SetFromOptions_##Class(PetscObject obj) \
  { \
    return Ht##Class##SetFromOptions((Ht##Class)obj); \
  } \
  static PetscErrorCode View_##Class(PetscObject obj, PetscViewer viewer) \
  { \
    return Ht##Class##View((Ht##Class)obj, viewer); \
  } \
  static PetscErrorCode Load_##Class(PetscObject obj, PetscViewer viewer) \
  { \
    return Ht##Class##Load((Ht##Class)obj, viewer); \
  } \
  static PetscErrorCode Destroy_##Class(PetscObject *obj) \
  { \
    return Ht##Class##Destroy((Ht##Class *)obj); \
  }
#define HARNESS_CLASS(name, Class) \
  { \
    name, Ht##Class##InitializePackage, &Ht##Class##List, Create_##Class, SetType_##Class, SetFromOptions_##Class, Fit_##Class, Outputs_##Class, View_##Class, Load_##Class, Destroy_##Class \
  }

/* a new reference to t (outputs are destroyed by the caller, also those the object owns) */
static HtTensor Ref(HtTensor t)
{
  PetscObjectReference((PetscObject)t);
  return t;
}

static PetscErrorCode Fit_Cluster(PetscObject obj, const Data *d)
{
  return HtClusterFit((HtCluster)obj, d->X);
}

/* the centers, the predicted labels of X where the type can predict new samples, and the labels of the fit (a loaded
   model has none) */
static PetscErrorCode Outputs_Cluster(PetscObject obj, const Data *d, PetscInt *n, HtTensor out[], const char *names[])
{
  HtCluster cl = (HtCluster)obj;

  PetscFunctionBeginUser;
  *n = 0;
  PetscCall(HtClusterGetCenters(cl, &out[*n]));
  out[*n]       = Ref(out[*n]);
  names[(*n)++] = "centers";
  if (cl->ops->predict) {
    PetscCall(HtClusterPredict(cl, d->X, &out[*n]));
    names[(*n)++] = "predicted";
  }
  if (cl->labels) {
    out[*n]       = Ref(cl->labels);
    names[(*n)++] = "labels";
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Fit_PCA(PetscObject obj, const Data *d)
{
  return HtPCAFit((HtPCA)obj, d->X);
}

static PetscErrorCode Outputs_PCA(PetscObject obj, const Data *d, PetscInt *n, HtTensor out[], const char *names[])
{
  PetscFunctionBeginUser;
  PetscCall(HtPCAGetComponents((HtPCA)obj, &out[0]));
  out[0]   = Ref(out[0]);
  names[0] = "components";
  PetscCall(HtPCATransform((HtPCA)obj, d->X, &out[1]));
  names[1] = "transformed";
  *n       = 2;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Fit_Scaler(PetscObject obj, const Data *d)
{
  return HtScalerFit((HtScaler)obj, d->X);
}

static PetscErrorCode Outputs_Scaler(PetscObject obj, const Data *d, PetscInt *n, HtTensor out[], const char *names[])
{
  PetscFunctionBeginUser;
  PetscCall(HtScalerTransform((HtScaler)obj, d->X, &out[0]));
  names[0] = "transformed";
  *n       = 1;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Fit_Regressor(PetscObject obj, const Data *d)
{
  return HtRegressorFit((HtRegressor)obj, d->X, d->y);
}

static PetscErrorCode Outputs_Regressor(PetscObject obj, const Data *d, PetscInt *n, HtTensor out[], const char *names[])
{
  PetscFunctionBeginUser;
  PetscCall(HtRegressorGetCoefficients((HtRegressor)obj, &out[0]));
  out[0]   = Ref(out[0]);
  names[0] = "coef";
  PetscCall(HtRegressorPredict((HtRegressor)obj, d->X, &out[1]));
  names[1] = "predicted";
  *n       = 2;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Fit_Classifier(PetscObject obj, const Data *d)
{
  return HtClassifierFit((HtClassifier)obj, d->X, d->labels);
}

static PetscErrorCode Outputs_Classifier(PetscObject obj, const Data *d, PetscInt *n, HtTensor out[], const char *names[])
{
  PetscFunctionBeginUser;
  PetscCall(HtClassifierPredict((HtClassifier)obj, d->X, &out[0]));
  names[0] = "predicted";
  PetscCall(HtClassifierPredictProba((HtClassifier)obj, d->X, &out[1]));
  names[1] = "probabilities";
  *n       = 2;
  PetscFunctionReturn(PETSC_SUCCESS);
}

HARNESS_WRAPPERS(Cluster)
HARNESS_WRAPPERS(PCA)
HARNESS_WRAPPERS(Scaler)
HARNESS_WRAPPERS(Regressor)
HARNESS_WRAPPERS(Classifier)

/* every class: a new class is one line here (and its Fit_/Outputs_ functions above) */
static const HarnessClass Classes[] = {
  HARNESS_CLASS("cluster", Cluster), HARNESS_CLASS("pca", PCA), HARNESS_CLASS("scaler", Scaler), HARNESS_CLASS("regressor", Regressor), HARNESS_CLASS("classifier", Classifier),
};

/* a uniform number in (0, 1) from the global index i and a stream: the same on any number of ranks */
static double Uniform(uint64_t i, uint64_t stream)
{
  uint64_t z = i * 0x9E3779B97F4A7C15ull + stream * 0xD1B54A32D192ED03ull + 0x2545F4914F6CDD1Dull;

  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return ((double)(z >> 11) + 0.5) / 9007199254740992.0;
}

/* a standard normal number (Box-Muller) */
static double Normal(uint64_t i, uint64_t stream)
{
  return sqrt(-2 * log(Uniform(i, 2 * stream))) * cos(2 * PETSC_PI * Uniform(i, 2 * stream + 1));
}

/* n samples of 3 overlapping blobs (sample i in blob i % 3), its labels and y = X w + 1 + noise */
static PetscErrorCode CreateData(PetscInt n, Data *d)
{
  const double centers[NBLOBS][NFEATURES] = {
    {0,  0,  0},
    {3,  -2, 1},
    {-1, 3,  2}
  };
  const double w[NFEATURES] = {1.5, -2, 0.5};
  PetscInt     rstart, rend;
  PetscScalar *x, *y;
  PetscInt    *l;

  PetscFunctionBeginUser;
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 2, (PetscInt[]){n, NFEATURES}, 0, HT_SCALAR, &d->X));
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 1, &n, 0, HT_SCALAR, &d->y));
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 1, &n, 0, HT_INT, &d->labels));
  PetscCall(HtTensorGetOwnershipRange(d->X, &rstart, &rend));
  PetscCall(HtTensorGetArrayWrite(d->X, &x));
  PetscCall(HtTensorGetArrayWrite(d->y, &y));
  PetscCall(HtTensorGetArrayWrite(d->labels, &l));
  for (PetscInt i = rstart; i < rend; i++) {
    PetscInt r = i - rstart, c = i % NBLOBS;

    l[r] = c;
    y[r] = 1 + 0.1 * Normal((uint64_t)i, NFEATURES);
    for (PetscInt j = 0; j < NFEATURES; j++) {
      x[r * NFEATURES + j] = centers[c][j] + Normal((uint64_t)i, (uint64_t)j);
      y[r] += w[j] * x[r * NFEATURES + j];
    }
  }
  PetscCall(HtTensorRestoreArrayWrite(d->labels, &l));
  PetscCall(HtTensorRestoreArrayWrite(d->y, &y));
  PetscCall(HtTensorRestoreArrayWrite(d->X, &x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* rank 0 prints every value of t: integers exactly, floats to 15 significant digits, one row per line */
static PetscErrorCode PrintTensor(const char name[], HtTensor t)
{
  HtTensor        r;
  HtDType         dtype;
  PetscInt        ndim, size, ncols;
  const PetscInt *shape;
  const void     *a;

  PetscFunctionBeginUser;
  PetscCall(HtTensorResplit(t, -1, &r));
  PetscCall(HtTensorGetDType(r, &dtype));
  PetscCall(HtTensorGetNDim(r, &ndim));
  PetscCall(HtTensorGetShape(r, &shape));
  PetscCall(HtTensorGetSize(r, &size));
  ncols = ndim == 2 ? shape[1] : PetscMin(size, 20);
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  %s (%s, %" PetscInt_FMT " values):", name, HtDTypes[dtype], size));
  PetscCall(HtTensorGetArrayRead(r, &a));
  for (PetscInt i = 0; i < size; i++) {
    if (i % PetscMax(ncols, 1) == 0) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "\n   "));
    if (dtype == HT_SCALAR) PetscCall(PetscPrintf(PETSC_COMM_WORLD, " %.15g", (double)PetscRealPart(((const PetscScalar *)a)[i])));
    else PetscCall(PetscPrintf(PETSC_COMM_WORLD, " %" PetscInt_FMT, ((const PetscInt *)a)[i]));
  }
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "\n"));
  PetscCall(HtTensorRestoreArrayRead(r, &a));
  PetscCall(HtTensorDestroy(&r));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* whether a and b hold the same bits on every rank (b may have another layout) */
static PetscErrorCode BitwiseEqual(HtTensor a, HtTensor b, PetscBool *equal)
{
  HtTensor    bb;
  const void *x, *y;
  PetscInt    n;
  HtDType     dtype;
  size_t      esize;
  PetscMPIInt same;

  PetscFunctionBeginUser;
  PetscCall(HtTensorDuplicate(a, &bb));
  PetscCall(HtTensorCopy(b, bb));
  PetscCall(HtTensorGetLocalSize(a, &n));
  PetscCall(HtTensorGetDType(a, &dtype));
  PetscCall(HtDTypeGetSize(dtype, &esize));
  PetscCall(HtTensorGetArrayRead(a, &x));
  PetscCall(HtTensorGetArrayRead(bb, &y));
  same = !n || !memcmp(x, y, (size_t)n * esize);
  PetscCall(HtTensorRestoreArrayRead(a, &x));
  PetscCall(HtTensorRestoreArrayRead(bb, &y));
  PetscCall(HtTensorDestroy(&bb));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &same, 1, MPI_INT, MPI_LAND, PETSC_COMM_WORLD));
  *equal = (PetscBool)same;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the model of obj written to `path` and loaded into a new object of the class; its outputs must be bitwise those of obj
   (the outputs of the training data only, such as the labels of a clustering, come last and a loaded model has none) */
static PetscErrorCode CheckModelFile(const HarnessClass *cls, PetscObject obj, const Data *d, PetscInt n, HtTensor out[], const char *names[], const char path[])
{
  PetscViewer viewer;
  PetscObject loaded;
  HtTensor    lout[MAXOUT];
  const char *lnames[MAXOUT];
  PetscInt    ln;

  PetscFunctionBeginUser;
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_WRITE, &viewer));
  PetscCall(cls->view(obj, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(cls->create(PETSC_COMM_WORLD, &loaded));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_READ, &viewer));
  PetscCall(cls->load(loaded, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(cls->outputs(loaded, d, &ln, lout, lnames));
  PetscCheck(ln <= n, PETSC_COMM_WORLD, PETSC_ERR_PLIB, "The loaded %s model gives %" PetscInt_FMT " outputs, the fitted one %" PetscInt_FMT, cls->name, ln, n);
  for (PetscInt k = 0; k < ln; k++) {
    PetscBool equal = PETSC_FALSE;

    PetscCall(BitwiseEqual(out[k], lout[k], &equal));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  loaded model: %s %s\n", names[k], equal ? "bitwise identical" : "DIFFERENT"));
    PetscCall(HtTensorDestroy(&lout[k]));
  }
  PetscCall(cls->destroy(&loaded));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* one type: fit, print the outputs, check its model file */
static PetscErrorCode RunType(const HarnessClass *cls, const char type[], const Data *d, const char path[])
{
  PetscObject obj;
  HtTensor    out[MAXOUT];
  const char *names[MAXOUT];
  PetscInt    n;

  PetscFunctionBeginUser;
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s %s\n", cls->name, type));
  PetscCall(cls->create(PETSC_COMM_WORLD, &obj));
  PetscCall(cls->settype(obj, type));
  PetscCall(cls->setfromoptions(obj));
  PetscCall(cls->fit(obj, d));
  PetscCall(cls->outputs(obj, d, &n, out, names));
  for (PetscInt k = 0; k < n; k++) PetscCall(PrintTensor(names[k], out[k]));
  PetscCall(CheckModelFile(cls, obj, d, n, out, names, path));
  for (PetscInt k = 0; k < n; k++) PetscCall(HtTensorDestroy(&out[k]));
  PetscCall(cls->destroy(&obj));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  const char *dir = getenv("HEAT_TEST_TMPDIR");
  char        path[PETSC_MAX_PATH_LEN];
  PetscInt    n   = 60;
  Data        d;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-n", &n, NULL));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/model.h5", dir ? dir : "."));
  PetscCall(CreateData(n, &d));
  PetscCall(PrintTensor("X", d.X));
  for (size_t c = 0; c < sizeof(Classes) / sizeof(Classes[0]); c++) {
    const char **types;
    int          ntypes;

    PetscCall(Classes[c].init());
    PetscCall(PetscFunctionListGet(*Classes[c].types, &types, &ntypes));
    for (int k = 0; k < ntypes && types[k]; k++) PetscCall(RunType(&Classes[c], types[k], &d, path)); /* PETSc 3.18 counts a closing NULL */
    PetscCall(PetscFree(types));
  }
  PetscCall(HtTensorDestroy(&d.X));
  PetscCall(HtTensorDestroy(&d.y));
  PetscCall(HtTensorDestroy(&d.labels));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   build:
     requires: hdf5
   test:
     # batchkmeans with a fixed batch count: its default, one batch per rank, is the documented exception
     suffix: all
     nsize: {{1 2 3 4}}
     args: -ht_cluster_num_clusters 3 -ht_cluster_seed 1 -ht_cluster_batchkmeans_batches 4 -ht_pca_n_components 2 -ht_regressor_alpha 0.05
     tolerance: 1e-12
TEST*/
