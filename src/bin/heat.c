/*
   The `heat` command (see HeatUsage() and the README): a thin driver over the ML classes. Everything the
   command line says is checked before the input is read or the output opened; results go to a temporary file
   renamed at the end and removed on every failure. Errors that every rank raises end cleanly: the message is
   printed once (by rank 0), PetscFinalize() runs and the exit status is the PETSc error code (petscerror.h,
   always non-zero); an error on some ranks only ends the job through MPI_Abort() with that code.
*/
#include <heat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <limits.h>
#include <sys/stat.h>

/* what every command gets: the data (features X and, with -target, the target y) and where to write */
typedef struct {
  MPI_Comm    comm;
  char        input[PETSC_MAX_PATH_LEN];
  char        dataset[PETSC_MAX_PATH_LEN];
  char        output[PETSC_MAX_PATH_LEN];
  PetscBool   hasoutput;
  PetscInt    target;
  PetscBool   hastarget;
  HtTensor    X, y;
  PetscViewer out; /* HDF5 viewer on a temporary file while the command writes */
  char        tmpout[PETSC_MAX_PATH_LEN + 64];
  const char *command; /* the command's name */
  PetscBool   anyndim; /* the command takes an array of any number of axes as it is (heat info), not only a table */
  HtDType     dtype;   /* the input's dtype as loaded (before the conversion to HT_SCALAR) */
} HeatDriver;

typedef struct {
  const char *name;
  const char *summary;
  PetscErrorCode (*run)(HeatDriver *);
  PetscErrorCode (*options)(MPI_Comm); /* creates the command's object and sets it from the options (for -help) */
  PetscBool anyndim;                   /* see HeatDriver */
} HeatCommand;

/* the local rows of X without column `target` go to Xf, the target column to y */
static PetscErrorCode HeatDriverSplitTarget(HeatDriver *drv)
{
  const PetscInt    *shape, *lshape;
  HtTensor           Xf;
  const PetscScalar *x;
  PetscScalar       *xf, *yv;
  PetscInt           nf, m, f, target = drv->target;

  PetscFunctionBegin;
  PetscCall(HtTensorGetShape(drv->X, &shape));
  PetscCall(HtTensorGetLocalShape(drv->X, &lshape));
  m = lshape[0];
  f = shape[1];
  if (target < 0) target += f;
  PetscCheck(target >= 0 && target < f, drv->comm, PETSC_ERR_ARG_OUTOFRANGE, "-target %" PetscInt_FMT " is not a column of the input, which has %" PetscInt_FMT " columns (use 0..%" PetscInt_FMT ", or -1 for the last)", drv->target, f, f - 1);
  PetscCheck(f > 1, drv->comm, PETSC_ERR_ARG_WRONG, "-target needs an input with at least 2 columns; this one has %" PetscInt_FMT, f);
  nf = f - 1;
  PetscCall(HtTensorCreateWithLayout(drv->comm, 2, (PetscInt[]){shape[0], nf}, 0, HT_SCALAR, m, &Xf));
  PetscCall(HtTensorCreateWithLayout(drv->comm, 1, &shape[0], 0, HT_SCALAR, m, &drv->y));
  PetscCall(HtTensorGetArrayRead(drv->X, &x));
  PetscCall(HtTensorGetArrayWrite(Xf, &xf));
  PetscCall(HtTensorGetArrayWrite(drv->y, &yv));
  for (PetscInt i = 0; i < m; i++) {
    for (PetscInt j = 0, k = 0; j < f; j++) {
      if (j == target) yv[i] = x[i * f + j];
      else xf[i * nf + k++] = x[i * f + j];
    }
  }
  PetscCall(HtTensorRestoreArrayWrite(drv->y, &yv));
  PetscCall(HtTensorRestoreArrayWrite(Xf, &xf));
  PetscCall(HtTensorRestoreArrayRead(drv->X, &x));
  PetscCall(HtTensorDestroy(&drv->X));
  drv->X = Xf;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a copy of the 1-d split-0 tensor v as an (n, 1) column with the same layout */
static PetscErrorCode HeatDriverAsColumn(MPI_Comm comm, HtTensor v, HtTensor *col)
{
  const PetscInt    *shape, *lshape;
  const PetscScalar *x;

  PetscFunctionBegin;
  PetscCall(HtTensorGetShape(v, &shape));
  PetscCall(HtTensorGetLocalShape(v, &lshape));
  PetscCall(HtTensorGetArrayRead(v, &x));
  PetscCall(HtTensorCreateFromLocalArray(comm, 2, (PetscInt[]){shape[0], 1}, 0, HT_SCALAR, lshape[0], x, col));
  PetscCall(HtTensorRestoreArrayRead(v, &x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   loads the input as a 2-d HT_SCALAR tensor split along its rows (a 1-d input is one column); for a command that takes
   any array (heat info) an input of 3 or more axes stays as it is, split on axis 0
*/
static PetscErrorCode HeatDriverReadInput(HeatDriver *drv)
{
  HtTensor        raw;
  PetscInt        ndim, size;
  const PetscInt *shape;
  PetscBool       text;

  PetscFunctionBegin;
  PetscCall(PetscStrendswith(drv->input, ".csv", &text));
  if (!text) PetscCall(PetscStrendswith(drv->input, ".txt", &text));
  if (!text) { /* the header says what the array is before it is read (a 0-d array cannot be split) */
    PetscCall(HtTensorLoadGetShape(drv->comm, drv->input, drv->dataset[0] ? drv->dataset : NULL, &ndim, NULL, NULL));
    PetscCheck(ndim >= 1, drv->comm, PETSC_ERR_ARG_WRONG, "%s holds a 0-d array; heat commands need a table (samples x features) or one column of samples: save it with shape (samples, features)", drv->input);
    PetscCheck(ndim <= 2 || drv->anyndim, drv->comm, PETSC_ERR_ARG_WRONG, "%s holds a %" PetscInt_FMT "-d array; heat %s needs a table (samples x features) or one column of samples: save it with shape (samples, features) (heat info describes an array of any shape)", drv->input, ndim, drv->command);
    PetscCheck(ndim <= 2 || !drv->hastarget, drv->comm, PETSC_ERR_ARG_WRONG, "-target names a column of a table; %s holds a %" PetscInt_FMT "-d array", drv->input, ndim);
  }
  PetscCall(HtTensorLoad(drv->comm, drv->input, drv->dataset[0] ? drv->dataset : NULL, 0, &raw));
  PetscCall(HtTensorGetNDim(raw, &ndim));
  PetscCall(HtTensorGetShape(raw, &shape));
  PetscCall(HtTensorGetSize(raw, &size));
  PetscCall(HtTensorGetDType(raw, &drv->dtype));
  PetscCheck(shape[0] > 0, drv->comm, PETSC_ERR_ARG_WRONG, "%s has no samples (0 rows); heat commands need at least one row of data", drv->input);
  PetscCheck(size > 0, drv->comm, PETSC_ERR_ARG_WRONG, "%s holds an array without elements (an axis of length 0)", drv->input);
  PetscCall(HtTensorAsType(raw, HT_SCALAR, &drv->X));
  PetscCall(HtTensorDestroy(&raw));
  if (ndim == 1) {
    PetscCall(HeatDriverAsColumn(drv->comm, drv->X, &raw));
    PetscCall(HtTensorDestroy(&drv->X));
    drv->X = raw;
  }
  if (drv->hastarget) PetscCall(HeatDriverSplitTarget(drv));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* results go to a temporary file that replaces -o FILE only when the command has succeeded */
static PetscErrorCode HeatDriverOpenOutput(HeatDriver *drv)
{
  PetscMPIInt rank;

  PetscFunctionBegin;
  if (!drv->hasoutput) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCallMPI(MPI_Comm_rank(drv->comm, &rank));
  PetscCall(PetscSNPrintf(drv->tmpout, sizeof(drv->tmpout), "%s.heat-tmp-%d", drv->output, (int)getpid()));
  PetscCallMPI(MPI_Bcast(drv->tmpout, (PetscMPIInt)sizeof(drv->tmpout), MPI_CHAR, 0, drv->comm));
  PetscCall(PetscViewerHDF5Open(drv->comm, drv->tmpout, FILE_MODE_WRITE, &drv->out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HeatDriverCloseOutput(HeatDriver *drv)
{
  PetscMPIInt rank;
  int         err = 0;

  PetscFunctionBegin;
  if (!drv->out) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscViewerDestroy(&drv->out));
  PetscCallMPI(MPI_Comm_rank(drv->comm, &rank));
  if (!rank) err = rename(drv->tmpout, drv->output);
  PetscCallMPI(MPI_Bcast(&err, 1, MPI_INT, 0, drv->comm));
  if (err) PetscCall(PetscStrncpy(drv->output, drv->tmpout, sizeof(drv->output))); /* the results stay there */
  drv->tmpout[0] = 0;
  PetscCheck(!err, drv->comm, PETSC_ERR_FILE_WRITE, "Cannot move the results into the -o file; they are in '%s'", drv->output);
  PetscCall(PetscPrintf(drv->comm, "results written to %s\n", drv->output));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* writes a tensor as dataset `name` of the output file (if there is one) */
static PetscErrorCode HeatDriverWrite(HeatDriver *drv, HtTensor t, const char name[])
{
  PetscFunctionBegin;
  if (!drv->out) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtTensorSetName(t, name));
  PetscCall(HtTensorView(t, drv->out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   prints the column statistics of a (samples, features) tensor, a row per column named by its number (or `row` when
   given, for one column); writes them as <prefix>min, <prefix>mean, ...
*/
static PetscErrorCode HeatInfoDescribe(HeatDriver *drv, HtTensor X, const char label[], const char row[], const char prefix[])
{
  HtTensor           stats[4];
  const char        *names[4] = {"min", "mean", "max", "std"};
  const PetscScalar *v[4];
  const PetscInt    *shape;
  char               dset[64];

  PetscFunctionBegin;
  PetscCall(HtTensorGetShape(X, &shape));
  PetscCall(HtTensorDescribe(X, &stats[0], &stats[1], &stats[2], &stats[3]));
  PetscCall(PetscPrintf(drv->comm, "%8s %14s %14s %14s %14s\n", label, names[0], names[1], names[2], names[3]));
  for (PetscInt k = 0; k < 4; k++) PetscCall(HtTensorGetArrayRead(stats[k], &v[k]));
  for (PetscInt j = 0; j < shape[1]; j++) {
    char name[32];

    if (row) PetscCall(PetscStrncpy(name, row, sizeof(name)));
    else PetscCall(PetscSNPrintf(name, sizeof(name), "%" PetscInt_FMT, j));
    PetscCall(PetscPrintf(drv->comm, "%8s %14.6g %14.6g %14.6g %14.6g\n", name, (double)v[0][j], (double)v[1][j], (double)v[2][j], (double)v[3][j]));
  }
  for (PetscInt k = 0; k < 4; k++) PetscCall(HtTensorRestoreArrayRead(stats[k], &v[k]));
  for (PetscInt k = 0; k < 4; k++) {
    PetscCall(PetscSNPrintf(dset, sizeof(dset), "%s%s", prefix, names[k]));
    PetscCall(HeatDriverWrite(drv, stats[k], dset));
    PetscCall(HtTensorDestroy(&stats[k]));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   an array of 3 or more axes: its shape and dtype, and the statistics over all its elements, as NumPy's a.min(),
   a.mean(), a.max(), a.std() (axis=None; per column of its last axis would mix e.g. every time and latitude of a
   longitude); written as min, mean, max, std of one element each
*/
static PetscErrorCode HeatInfoArray(HeatDriver *drv)
{
  const PetscInt *shape;
  PetscInt        ndim, size;
  PetscMPIInt     nranks;
  HtTensor        flat;
  const char     *dtype = drv->dtype == HT_SCALAR ? "float64" : drv->dtype == HT_BOOL ? "bool" : (sizeof(PetscInt) == 8 ? "int64" : "int32");

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(drv->comm, &nranks));
  PetscCall(HtTensorGetNDim(drv->X, &ndim));
  PetscCall(HtTensorGetShape(drv->X, &shape));
  PetscCall(HtTensorGetSize(drv->X, &size));
  PetscCall(PetscPrintf(drv->comm, "%s: %" PetscInt_FMT "-d array, shape (", drv->input, ndim));
  for (PetscInt d = 0; d < ndim; d++) PetscCall(PetscPrintf(drv->comm, "%s%" PetscInt_FMT, d ? ", " : "", shape[d]));
  PetscCall(PetscPrintf(drv->comm, "), %s, axis 0 split over %d rank%s\n", dtype, nranks, nranks > 1 ? "s" : ""));
  PetscCall(PetscPrintf(drv->comm, "statistics over all %" PetscInt_FMT " elements (as NumPy's a.min(), a.mean(), a.max(), a.std()):\n", size));
  PetscCall(HtTensorReshape(drv->X, 2, (PetscInt[]){size, 1}, 0, &flat));
  PetscCall(HeatInfoDescribe(drv, flat, "array", "all", ""));
  PetscCall(HtTensorDestroy(&flat));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HeatInfo(HeatDriver *drv)
{
  const PetscInt *shape;
  PetscInt        ndim;
  PetscMPIInt     size;

  PetscFunctionBegin;
  PetscCall(HtTensorGetNDim(drv->X, &ndim));
  if (ndim > 2) PetscCall(HeatInfoArray(drv));
  if (ndim > 2) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCallMPI(MPI_Comm_size(drv->comm, &size));
  PetscCall(HtTensorGetShape(drv->X, &shape));
  PetscCall(PetscPrintf(drv->comm, "%s: %" PetscInt_FMT " samples x %" PetscInt_FMT " features, float64, rows split over %d rank%s\n", drv->input, shape[0], shape[1], size, size > 1 ? "s" : ""));
  PetscCall(HeatInfoDescribe(drv, drv->X, "column", NULL, ""));
  if (drv->y) {
    HtTensor ycol;

    PetscCall(HeatDriverAsColumn(drv->comm, drv->y, &ycol));
    PetscCall(HeatInfoDescribe(drv, ycol, "target", NULL, "target_"));
    PetscCall(HtTensorDestroy(&ycol));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* clusters the samples (-ht_cluster_* options); writes labels, centers, inertia, n_iter */
static PetscErrorCode HeatCluster(HeatDriver *drv)
{
  HtCluster cl;

  PetscFunctionBegin;
  PetscCall(HtClusterCreate(drv->comm, &cl));
  PetscCall(HtClusterSetFromOptions(cl));
  PetscCall(HtClusterFit(cl, drv->X));
  PetscCall(HtClusterView(cl, PETSC_VIEWER_STDOUT_(drv->comm)));
  if (drv->out) PetscCall(HtClusterView(cl, drv->out));
  PetscCall(HtClusterDestroy(&cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* principal components (-ht_pca_* options); writes the model and, with -transform, the scores */
static PetscErrorCode HeatPCA(HeatDriver *drv)
{
  HtPCA     pca;
  HtTensor  Y;
  PetscBool transform = PETSC_FALSE;

  PetscFunctionBegin;
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-transform", &transform, NULL));
  PetscCall(HtPCACreate(drv->comm, &pca));
  PetscCall(HtPCASetFromOptions(pca));
  PetscCall(HtPCAFit(pca, drv->X));
  PetscCall(HtPCAView(pca, PETSC_VIEWER_STDOUT_(drv->comm)));
  if (drv->out) PetscCall(HtPCAView(pca, drv->out));
  if (drv->out && transform) {
    PetscCall(HtPCATransform(pca, drv->X, &Y));
    PetscCall(HeatDriverWrite(drv, Y, "transformed"));
    PetscCall(HtTensorDestroy(&Y));
  }
  PetscCall(HtPCADestroy(&pca));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* scales the features (-ht_scaler_* options); writes the scaled data as `transformed` and the fitted model */
static PetscErrorCode HeatScale(HeatDriver *drv)
{
  HtScaler sc;
  HtTensor Y;

  PetscFunctionBegin;
  PetscCall(HtScalerCreate(drv->comm, &sc));
  PetscCall(HtScalerSetFromOptions(sc));
  PetscCall(HtScalerFitTransform(sc, drv->X, &Y));
  PetscCall(HtScalerView(sc, PETSC_VIEWER_STDOUT_(drv->comm)));
  if (drv->out) PetscCall(HtScalerView(sc, drv->out));
  PetscCall(HeatDriverWrite(drv, Y, "transformed"));
  PetscCall(HtTensorDestroy(&Y));
  PetscCall(HtScalerDestroy(&sc));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a linear model of the target column (-target J, -ht_regressor_* options); writes the model */
static PetscErrorCode HeatLasso(HeatDriver *drv)
{
  HtRegressor reg;

  PetscFunctionBegin;
  PetscCheck(drv->y, drv->comm, PETSC_ERR_USER_INPUT, "heat lasso needs the column of the target: -target J (e.g. -target -1 for the last column)");
  PetscCall(HtRegressorCreate(drv->comm, &reg));
  PetscCall(HtRegressorSetFromOptions(reg));
  PetscCall(HtRegressorFit(reg, drv->X, drv->y));
  PetscCall(HtRegressorView(reg, PETSC_VIEWER_STDOUT_(drv->comm)));
  if (drv->out) PetscCall(HtRegressorView(reg, drv->out));
  PetscCall(HtRegressorDestroy(&reg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* labels: the HT_SCALAR target column y as HT_INT, after checking that every value is a whole number */
static PetscErrorCode HeatClassifyLabels(HeatDriver *drv, HtTensor y, const char file[], HtTensor *labels)
{
  const PetscScalar *v;
  PetscInt           n, bad = 0;

  PetscFunctionBegin;
  PetscCall(HtTensorGetLocalSize(y, &n));
  PetscCall(HtTensorGetArrayRead(y, &v));
  for (PetscInt i = 0; i < n; i++) bad += !(PetscAbsReal(PetscRealPart(v[i])) < 1e15 && PetscRealPart(v[i]) == PetscFloorReal(PetscRealPart(v[i])));
  PetscCall(HtTensorRestoreArrayRead(y, &v));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &bad, 1, MPIU_INT, MPI_SUM, drv->comm));
  PetscCheck(!bad, drv->comm, PETSC_ERR_USER_INPUT, "%" PetscInt_FMT " values of the target column of %s are not whole numbers; heat classify needs integer class labels", bad, file);
  PetscCall(HtTensorAsType(y, HT_INT, labels));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the samples of -test FILE (features as the input's; with one more column, the input's -target column holds labels) */
static PetscErrorCode HeatClassifyReadTest(HeatDriver *drv, const char file[], HtTensor *T, HtTensor *labels)
{
  HeatDriver      test = *drv;
  const PetscInt *shape, *tshape;

  PetscFunctionBegin;
  *labels = NULL;
  PetscCall(PetscStrncpy(test.input, file, sizeof(test.input)));
  test.hastarget = PETSC_FALSE;
  test.y         = NULL;
  PetscCall(HeatDriverReadInput(&test));
  PetscCall(HtTensorGetShape(drv->X, &shape));
  PetscCall(HtTensorGetShape(test.X, &tshape));
  PetscCheck(tshape[1] == shape[1] || tshape[1] == shape[1] + 1, drv->comm, PETSC_ERR_ARG_SIZ, "%s has %" PetscInt_FMT " columns; it needs the %" PetscInt_FMT " features of %s (and may have its target column too: %" PetscInt_FMT " columns)", file, tshape[1], shape[1], drv->input, shape[1] + 1);
  if (tshape[1] == shape[1] + 1) {
    PetscCall(HeatDriverSplitTarget(&test));
    PetscCall(HeatClassifyLabels(drv, test.y, file, labels));
    PetscCall(HtTensorDestroy(&test.y));
  }
  *T = test.X;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* fits a classifier (-ht_classifier_* options) to the input with -target labels and classifies the rows of -test FILE;
   writes predicted, probabilities and the model, prints the accuracy when the test file has the labels */
static PetscErrorCode HeatClassify(HeatDriver *drv)
{
  char         file[PETSC_MAX_PATH_LEN];
  PetscBool    hastest;
  HtClassifier cl;
  HtTensor     y, T, ytest, pred, P;
  PetscReal    accuracy;

  PetscFunctionBegin;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-test", file, sizeof(file), &hastest));
  PetscCheck(drv->y, drv->comm, PETSC_ERR_USER_INPUT, "heat classify needs -target J: the column of the input that holds the class labels");
  PetscCheck(hastest, drv->comm, PETSC_ERR_USER_INPUT, "heat classify needs -test FILE: the samples to classify (the features of the input, optionally with the target column)");
  PetscCall(HeatClassifyLabels(drv, drv->y, drv->input, &y));
  PetscCall(HeatClassifyReadTest(drv, file, &T, &ytest));
  PetscCall(HtClassifierCreate(drv->comm, &cl));
  PetscCall(HtClassifierSetFromOptions(cl));
  PetscCall(HtClassifierFit(cl, drv->X, y));
  PetscCall(HtClassifierView(cl, PETSC_VIEWER_STDOUT_(drv->comm)));
  PetscCall(HtClassifierPredict(cl, T, &pred));
  PetscCall(HtClassifierPredictProba(cl, T, &P));
  PetscCall(HeatDriverWrite(drv, pred, "predicted"));
  PetscCall(HeatDriverWrite(drv, P, "probabilities"));
  if (drv->out) PetscCall(HtClassifierView(cl, drv->out));
  if (ytest) {
    PetscCall(HtClassifierScore(cl, T, ytest, &accuracy));
    PetscCall(PetscPrintf(drv->comm, "accuracy on %s: %.10g\n", file, (double)accuracy));
  }
  PetscCall(HtTensorDestroy(&P));
  PetscCall(HtTensorDestroy(&pred));
  PetscCall(HtTensorDestroy(&ytest));
  PetscCall(HtTensorDestroy(&T));
  PetscCall(HtTensorDestroy(&y));
  PetscCall(HtClassifierDestroy(&cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* Heat<Class>Options(comm): an object of the class set from the options only, what `heat COMMAND -help` shows */
#define HEAT_CLASS_OPTIONS(Class) \
  static PetscErrorCode Heat##Class##Options(MPI_Comm comm) \
  { \
    Ht##Class obj; \
\
    PetscFunctionBegin; \
    PetscCall(Ht##Class##Create(comm, &obj)); \
    PetscCall(Ht##Class##SetFromOptions(obj)); \
    PetscCall(Ht##Class##Destroy(&obj)); \
    PetscFunctionReturn(PETSC_SUCCESS); \
  }
HEAT_CLASS_OPTIONS(Cluster)
HEAT_CLASS_OPTIONS(PCA)
HEAT_CLASS_OPTIONS(Scaler)
HEAT_CLASS_OPTIONS(Regressor)
HEAT_CLASS_OPTIONS(Classifier)

static const HeatCommand HeatCommands[] = {
  {"info",    "shape, dtype, min/mean/max/std per column (of all elements for 3 or more axes, as NumPy)", HeatInfo, NULL, PETSC_TRUE},
  {"cluster", "clustering (-ht_cluster_type, -ht_cluster_num_clusters, ...): labels, centers, inertia, n_iter",     HeatCluster, HeatClusterOptions, PETSC_FALSE},
  {"pca",     "principal components (-ht_pca_type, -ht_pca_n_components, ...): components, explained variance, ...", HeatPCA,     HeatPCAOptions,     PETSC_FALSE},
  {"scale",   "feature scaling (-ht_scaler_type, ...): transformed, the fitted statistics",                         HeatScale,   HeatScalerOptions,  PETSC_FALSE},
  {"lasso",   "linear regression of -target J (-ht_regressor_type, -ht_regressor_alpha, ...): coef, intercept, n_iter, dual_gap", HeatLasso, HeatRegressorOptions, PETSC_FALSE},
  {"classify", "classification (-target J -test FILE -ht_classifier_type, ...): predicted, probabilities, the model", HeatClassify, HeatClassifierOptions, PETSC_FALSE},
};

static PetscErrorCode HeatDriverFindCommand(MPI_Comm comm, const char name[], const HeatCommand **cmd)
{
  char   list[256] = "";
  size_t ncmd      = sizeof(HeatCommands) / sizeof(HeatCommands[0]);

  PetscFunctionBegin;
  *cmd = NULL;
  for (size_t c = 0; c < ncmd; c++) {
    PetscBool match;

    PetscCall(PetscStrcmp(name, HeatCommands[c].name, &match));
    if (match) *cmd = &HeatCommands[c];
    PetscCall(PetscStrlcat(list, c ? ", " : "", sizeof(list)));
    PetscCall(PetscStrlcat(list, HeatCommands[c].name, sizeof(list)));
  }
  PetscCheck(*cmd, comm, PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown heat command '%s'; available: %s (usage: heat COMMAND -i INPUT ...; heat -help)", name, list);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the short usage: `heat`, `heat -help` */
static PetscErrorCode HeatUsage(MPI_Comm comm)
{
  PetscFunctionBegin;
  PetscCall(PetscPrintf(comm, "heat: the Heat for PETSc command-line driver\n\n"
                              "usage: mpiexec -n P heat COMMAND -i INPUT [-dataset NAME] [-target J] [-o OUTPUT.h5] [options]\n"
                              "       heat COMMAND -help   (the options of the command's class, with their defaults)\n\ncommands:\n"));
  for (size_t c = 0; c < sizeof(HeatCommands) / sizeof(HeatCommands[0]); c++) PetscCall(PetscPrintf(comm, "  %-8s %s\n", HeatCommands[c].name, HeatCommands[c].summary));
  PetscCall(PetscPrintf(comm, "\ninputs and outputs:\n"
                              "  -i INPUT      .csv/.txt (numbers; a first line of names only is a header), .npy, .h5/.hdf5, .nc (netCDF)\n"
                              "  -dataset NAME the HDF5 dataset or netCDF variable of the input (default: data)\n"
                              "  -target J     column J of the input is the target, not a feature (negative: from the end; default: none)\n"
                              "  -o FILE.h5    write the results as HDF5 datasets (default: none; not the input file; always HDF5, not .nc)\n"
                              "  -transform    heat pca: also write the scores of the samples (dataset transformed)\n"
                              "  -test FILE    heat classify: the samples to classify (the input's features, with or without its target column)\n"
                              "Options that no part of the command uses are reported (-options_left 0 turns that off).\n"
                              "Exit status: 0, or the PETSc error code of the error (petscerror.h).\n\n"
                              "example:\n  mpiexec -n 4 heat cluster -i iris.csv -target -1 -ht_cluster_num_clusters 3 -o clusters.h5\n"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   PETSc reads integer options with strtol and casts to PetscInt, so 4294967299 becomes 3: every option value
   that is an integer literal must fit in a PetscInt. (A real-valued option can be written 4294967299.0.)
*/
static PetscErrorCode HeatCheckIntegerOptions(MPI_Comm comm)
{
  char *all, *tok, *save = NULL, *name = NULL;

  PetscFunctionBegin;
  PetscCall(PetscOptionsGetAll(NULL, &all));
  for (tok = strtok_r(all, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
    const char *digits = tok + (tok[0] == '-' || tok[0] == '+');
    char       *end;
    long long   v;

    if (tok[0] == '-' && (tok[1] < '0' || tok[1] > '9')) {
      name = tok;
      continue;
    }
    if (!name || !digits[0] || strspn(digits, "0123456789") != strlen(digits)) continue;
    errno = 0;
    v     = strtoll(tok, &end, 10);
    PetscCheck(errno != ERANGE && v >= PETSC_MIN_INT && v <= PETSC_MAX_INT, comm, PETSC_ERR_ARG_OUTOFRANGE, "Option %s %s: the value does not fit in an integer (PetscInt: %" PetscInt_FMT " to %" PetscInt_FMT "); if the option takes a real number, write %s.0", name, tok, PETSC_MIN_INT, PETSC_MAX_INT, tok);
  }
  PetscCall(PetscFree(all));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* rank 0's verdict on a path (a message, or "" when fine) on every rank */
static PetscErrorCode HeatBcastVerdict(MPI_Comm comm, char msg[], size_t len)
{
  PetscFunctionBegin;
  PetscCallMPI(MPI_Bcast(msg, (PetscMPIInt)len, MPI_CHAR, 0, comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscBool HeatIsNetCDF(const char path[])
{
  size_t n = strlen(path);

  return (PetscBool)(n >= 3 && !strcmp(path + n - 3, ".nc"));
}

/* the input and the output as the command line names them: checked before anything is read or written */
static PetscErrorCode HeatDriverCheckPaths(HeatDriver *drv)
{
  char        msg[2 * PETSC_MAX_PATH_LEN + 256] = "", dir[PETSC_MAX_PATH_LEN], rin[PATH_MAX], rdir[PATH_MAX], rout[PATH_MAX + PETSC_MAX_PATH_LEN];
  PetscMPIInt rank;
  struct stat st;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(drv->comm, &rank));
  if (!rank && drv->hasoutput) {
    char *slash;

    PetscCall(PetscStrncpy(dir, drv->output, sizeof(dir)));
    slash = strrchr(dir, '/');
    if (slash) slash[slash == dir ? 1 : 0] = 0;
    else PetscCall(PetscStrncpy(dir, ".", sizeof(dir)));
    if (!drv->output[0]) PetscCall(PetscSNPrintf(msg, sizeof(msg), "-o needs a file name: -o RESULTS.h5"));
    else if (!stat(drv->output, &st) && S_ISDIR(st.st_mode)) PetscCall(PetscSNPrintf(msg, sizeof(msg), "-o %s is a directory; give a file name such as %s/results.h5", drv->output, drv->output));
    else if (HeatIsNetCDF(drv->output)) PetscCall(PetscSNPrintf(msg, sizeof(msg), "-o %s: heat writes its results as HDF5 (several datasets and attributes in one file), not netCDF; give a .h5 name", drv->output));
    else if (stat(dir, &st) || !S_ISDIR(st.st_mode)) PetscCall(PetscSNPrintf(msg, sizeof(msg), "-o %s: the directory %s does not exist; create it first", drv->output, dir));
    else if (access(dir, W_OK)) PetscCall(PetscSNPrintf(msg, sizeof(msg), "-o %s: the directory %s is not writable", drv->output, dir));
    else if (realpath(drv->input, rin) && realpath(dir, rdir)) {
      PetscCall(PetscSNPrintf(rout, sizeof(rout), "%s/%s", rdir, strrchr(drv->output, '/') ? strrchr(drv->output, '/') + 1 : drv->output));
      if (!strcmp(rin, rout) || (realpath(drv->output, rout) && !strcmp(rin, rout))) PetscCall(PetscSNPrintf(msg, sizeof(msg), "-o %s is the input file: the results would replace the data; give another output file", drv->output));
    }
  }
  PetscCall(HeatBcastVerdict(drv->comm, msg, sizeof(msg)));
  PetscCheck(!msg[0], drv->comm, PETSC_ERR_USER_INPUT, "%s", msg);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HeatDriverSetFromOptions(HeatDriver *drv)
{
  PetscBool hasinput;
  char      target[64] = "none", *end;

  PetscFunctionBegin;
  PetscOptionsBegin(drv->comm, NULL, "heat command options", "heat");
  PetscCall(PetscOptionsString("-i", "Input file (.csv, .txt, .npy, .h5, .hdf5, .nc; required)", "heat", drv->input, drv->input, sizeof(drv->input), &hasinput));
  PetscCall(PetscOptionsString("-dataset", "HDF5 dataset or netCDF variable of the input", "heat", "data", drv->dataset, sizeof(drv->dataset), NULL));
  PetscCall(PetscOptionsString("-o", "Output HDF5 file for the results (none: no output)", "heat", "none", drv->output, sizeof(drv->output), &drv->hasoutput));
  PetscCall(PetscOptionsString("-target", "Column of the input that is the target (negative: from the end; none: no target)", "heat", target, target, sizeof(target), &drv->hastarget));
  PetscCall(PetscOptionsName("-transform", "heat pca: also write the scores of the samples (dataset transformed)", "heat", NULL));
  PetscOptionsEnd();
  if (!drv->hasoutput) drv->output[0] = 0;
  if (drv->hastarget) {
    long long v;

    errno = 0;
    v     = strtoll(target, &end, 10);
    PetscCheck(target[0] && !*end && errno != ERANGE && v >= PETSC_MIN_INT && v <= PETSC_MAX_INT, drv->comm, PETSC_ERR_ARG_OUTOFRANGE, "-target %s is not a column number; use 0, 1, ... or -1 for the last column", target);
    drv->target = (PetscInt)v;
  }
  if (!hasinput) drv->input[0] = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* heat COMMAND -help: the driver's options and the command's class's, with their defaults; nothing runs */
static PetscErrorCode HeatCommandHelp(HeatDriver *drv, const HeatCommand *cmd)
{
  PetscFunctionBegin;
  PetscCall(PetscPrintf(drv->comm, "heat %s: %s\n\nusage: mpiexec -n P heat %s -i INPUT [-dataset NAME] [-target J] [-o OUTPUT.h5] [options]\n", cmd->name, cmd->summary, cmd->name));
  PetscCall(PetscOptionsSetValue(NULL, "-help", NULL));
  PetscCall(HeatDriverSetFromOptions(drv));
  if (cmd->options) PetscCall((*cmd->options)(drv->comm));
  PetscCall(PetscOptionsClearValue(NULL, "-help"));
  PetscCall(PetscPrintf(drv->comm, "\nexample:\n  mpiexec -n 4 heat %s -i iris.csv -target -1 -o %s.h5\n", cmd->name, cmd->name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* options nobody read: a misspelling or an option of another command (as PETSc's -options_left) */
static PetscErrorCode HeatReportUnusedOptions(MPI_Comm comm)
{
  const char *finalizeonly[] = {"-options_view", "-objects_dump", "-malloc_view", "-malloc_dump", "-memory_view", "-log_view_memory"}; /* PetscFinalize() reads them later */
  PetscBool   report         = PETSC_TRUE;
  PetscInt    n;
  char      **names, **values;

  PetscFunctionBegin;
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-options_left", &report, NULL));
  if (!report) PetscFunctionReturn(PETSC_SUCCESS);
  for (size_t k = 0; k < sizeof(finalizeonly) / sizeof(finalizeonly[0]); k++) PetscCall(PetscOptionsHasName(NULL, NULL, finalizeonly[k], NULL));
  PetscCall(PetscOptionsLeftGet(NULL, &n, &names, &values));
  for (PetscInt k = 0; k < n; k++) PetscCall(PetscPrintf(comm, "WARNING: option -%s%s%s was not used: misspelled, or not an option of this command (heat COMMAND -help lists them)\n", names[k], values[k] ? " " : "", values[k] ? values[k] : ""));
  PetscCall(PetscOptionsLeftRestore(NULL, &n, &names, &values));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the command line without the help flags, which the driver handles itself (PETSc's -help lists its generic options) */
static PetscBool HeatTakeHelp(int *argc, char **argv)
{
  PetscBool help = PETSC_FALSE;
  int       k    = 1;

  for (int j = 1; j < *argc; j++) {
    if (!strcmp(argv[j], "-help") || !strcmp(argv[j], "--help") || !strcmp(argv[j], "-h")) help = PETSC_TRUE;
    else argv[k++] = argv[j];
  }
  *argc = k;
  argv[k] = NULL;
  return help;
}

/*
   The command line, checked before anything is read or written: *cmd is the command to run, or NULL when the usage or a
   command's help was asked for (and printed)
*/
static PetscErrorCode HeatParseCommandLine(int argc, char **argv, PetscBool help, HeatDriver *drv, const HeatCommand **cmd)
{
  const HeatCommand *found;

  PetscFunctionBegin;
  *cmd = NULL;
  if (argc < 2 || (help && argv[1][0] == '-')) PetscCall(HeatUsage(drv->comm));
  if (argc < 2 || (help && argv[1][0] == '-')) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCheck(argv[1][0] != '-', drv->comm, PETSC_ERR_USER_INPUT, "No command given; usage: heat COMMAND -i INPUT ... (heat -help lists the commands)");
  PetscCall(HeatDriverFindCommand(drv->comm, argv[1], &found));
  if (help) PetscCall(HeatCommandHelp(drv, found));
  if (help) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HeatCheckIntegerOptions(drv->comm));
  PetscCall(HeatDriverSetFromOptions(drv));
  PetscCheck(drv->input[0], drv->comm, PETSC_ERR_USER_INPUT, "No input given; use heat %s -i FILE (see heat %s -help)", found->name, found->name);
  PetscCall(HeatDriverCheckPaths(drv));
  *cmd = found;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HeatMain(int argc, char **argv, PetscBool help, HeatDriver *drv)
{
  const HeatCommand *cmd;

  PetscFunctionBegin;
  PetscCall(HeatParseCommandLine(argc, argv, help, drv, &cmd));
  if (!cmd) PetscFunctionReturn(PETSC_SUCCESS);
  drv->command = cmd->name;
  drv->anyndim = cmd->anyndim;
  PetscCall(HeatDriverReadInput(drv));
  PetscCall(HtTensorSetFromOptions(drv->X));
  PetscCall(HeatDriverOpenOutput(drv));
  PetscCall((*cmd->run)(drv));
  PetscCall(HeatDriverCloseOutput(drv));
  PetscCall(HtTensorDestroy(&drv->X));
  PetscCall(HtTensorDestroy(&drv->y));
  PetscCall(HeatReportUnusedOptions(drv->comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* after a failed command: the temporary output goes (the viewer first, collectively, when every rank failed) */
static void HeatDriverDiscardOutput(HeatDriver *drv, PetscBool collective)
{
  if (collective && drv->out) (void)PetscViewerDestroy(&drv->out);
  if (drv->tmpout[0]) (void)unlink(drv->tmpout);
}

int main(int argc, char **argv)
{
  HeatDriver     drv;
  PetscBool      help = HeatTakeHelp(&argc, argv), collective;
  PetscErrorCode ierr;

  PetscCall(HeatInitialize(&argc, &argv, NULL, NULL));
  PetscCall(PetscMemzero(&drv, sizeof(drv)));
  drv.comm = PETSC_COMM_WORLD;
  ierr     = HeatMain(argc, argv, help, &drv);
  if (ierr) {
    (void)HeatErrorIsCollective(&collective);
    HeatDriverDiscardOutput(&drv, collective);
  }
  return HeatEnd(ierr);
}
