static const char help[] = "heat: the Heat for PETSc command-line driver.\n\n"
                           "  mpiexec -n P heat COMMAND -i INPUT [-dataset NAME] [-target J] [-o OUTPUT.h5] [PETSc options]\n\n"
                           "  COMMAND  info: shape, dtype and per-column min/mean/max/std\n"
                           "           cluster: -ht_cluster_type kmeans|... -ht_cluster_num_clusters K ...; writes labels, centers, inertia, n_iter\n"
                           "           pca: -ht_pca_type gram|svd|randomized|hierarchical|incremental -ht_pca_n_components K ...; writes\n"
                           "                components, explained_variance(_ratio), singular_values, mean, noise_variance (-transform: transformed)\n"
                           "           scale: -ht_scaler_type standard|minmax|maxabs|robust|normalizer ...; writes transformed and the fitted statistics\n"
                           "           lasso: -target J -ht_regressor_type lasso|elasticnet|ridge|ols -ht_regressor_alpha A ...; writes coef,\n"
                           "                  intercept, n_iter, dual_gap (and the model's parameters)\n"
                           "           classify: -target J -test FILE -ht_classifier_type knn|gaussiannb|logistic ...; fits to the input, writes\n"
                           "                the predicted labels (int64, in FILE's order) and probabilities of FILE's rows, prints the accuracy\n"
                           "                when FILE has the target column too\n"
                           "  INPUT    .csv/.txt (numeric, optional header line), .npy, .h5/.hdf5 (-dataset, default \"data\")\n"
                           "  -target J     column J of the input is the target (negative counts from the end)\n"
                           "  -o FILE.h5    write the results as HDF5 datasets\n\n";

#include <heat.h>
#include <unistd.h>
#include <stdio.h>

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
} HeatDriver;

typedef struct {
  const char *name;
  const char *summary;
  PetscErrorCode (*run)(HeatDriver *);
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

/* loads the input as a 2-d HT_SCALAR tensor split along its rows (a 1-d input is one column) */
static PetscErrorCode HeatDriverReadInput(HeatDriver *drv)
{
  HtTensor        raw;
  PetscInt        ndim;
  const PetscInt *shape;

  PetscFunctionBegin;
  PetscCall(HtTensorLoad(drv->comm, drv->input, drv->dataset[0] ? drv->dataset : NULL, 0, &raw));
  PetscCall(HtTensorGetNDim(raw, &ndim));
  PetscCall(HtTensorGetShape(raw, &shape));
  PetscCheck(ndim == 1 || ndim == 2, drv->comm, PETSC_ERR_ARG_WRONG, "%s holds a %" PetscInt_FMT "-d array; heat commands need a table (samples x features)", drv->input, ndim);
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
  PetscCheck(!err, drv->comm, PETSC_ERR_FILE_WRITE, "Cannot move the results into '%s'; they are in '%s'", drv->output, drv->tmpout);
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

/* prints the column statistics of a (samples, features) tensor; writes them as <prefix>min, <prefix>mean, ... */
static PetscErrorCode HeatInfoDescribe(HeatDriver *drv, HtTensor X, const char label[], const char prefix[])
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
  for (PetscInt j = 0; j < shape[1]; j++) PetscCall(PetscPrintf(drv->comm, "%8" PetscInt_FMT " %14.6g %14.6g %14.6g %14.6g\n", j, (double)v[0][j], (double)v[1][j], (double)v[2][j], (double)v[3][j]));
  for (PetscInt k = 0; k < 4; k++) PetscCall(HtTensorRestoreArrayRead(stats[k], &v[k]));
  for (PetscInt k = 0; k < 4; k++) {
    PetscCall(PetscSNPrintf(dset, sizeof(dset), "%s%s", prefix, names[k]));
    PetscCall(HeatDriverWrite(drv, stats[k], dset));
    PetscCall(HtTensorDestroy(&stats[k]));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HeatInfo(HeatDriver *drv)
{
  const PetscInt *shape;
  PetscMPIInt     size;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(drv->comm, &size));
  PetscCall(HtTensorGetShape(drv->X, &shape));
  PetscCall(PetscPrintf(drv->comm, "%s: %" PetscInt_FMT " samples x %" PetscInt_FMT " features, float64, rows split over %d rank%s\n", drv->input, shape[0], shape[1], size, size > 1 ? "s" : ""));
  PetscCall(HeatInfoDescribe(drv, drv->X, "column", ""));
  if (drv->y) {
    HtTensor ycol;

    PetscCall(HeatDriverAsColumn(drv->comm, drv->y, &ycol));
    PetscCall(HeatInfoDescribe(drv, ycol, "target", "target_"));
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

static const HeatCommand HeatCommands[] = {
  {"info",    "shape, dtype and per-column min/mean/max/std",                        HeatInfo   },
  {"cluster", "clustering (-ht_cluster_type, -ht_cluster_num_clusters, ...): labels, centers, inertia, n_iter", HeatCluster},
  {"pca",     "principal components (-ht_pca_type, -ht_pca_n_components, ...): components, explained variance, ...", HeatPCA    },
  {"scale",   "feature scaling (-ht_scaler_type, ...): transformed, the fitted statistics",                  HeatScale  },
  {"lasso",   "linear regression of -target J (-ht_regressor_type, -ht_regressor_alpha, ...): coef, intercept, n_iter, dual_gap", HeatLasso  },
  {"classify", "classification (-target J -test FILE -ht_classifier_type, ...): predicted, probabilities, the model", HeatClassify},
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

static PetscErrorCode HeatDriverSetFromOptions(HeatDriver *drv)
{
  PetscBool hasinput;

  PetscFunctionBegin;
  PetscOptionsBegin(drv->comm, NULL, "heat command options", "heat");
  PetscCall(PetscOptionsString("-i", "Input file (.csv, .txt, .npy, .h5, .hdf5)", "heat", drv->input, drv->input, sizeof(drv->input), &hasinput));
  PetscCall(PetscOptionsString("-dataset", "HDF5 dataset of the input", "heat", drv->dataset, drv->dataset, sizeof(drv->dataset), NULL));
  PetscCall(PetscOptionsString("-o", "Output HDF5 file for the results", "heat", drv->output, drv->output, sizeof(drv->output), &drv->hasoutput));
  PetscCall(PetscOptionsInt("-target", "Column of the input that is the target (negative: from the end)", "heat", drv->target, &drv->target, &drv->hastarget));
  PetscCall(PetscOptionsName("-transform", "heat pca: also write the scores of the samples (dataset transformed)", "heat", NULL));
  PetscOptionsEnd();
  PetscCheck(hasinput, drv->comm, PETSC_ERR_USER_INPUT, "No input given; use heat COMMAND -i FILE (see heat -help)");
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  HeatDriver         drv;
  const HeatCommand *cmd;
  PetscBool          helponly;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscMemzero(&drv, sizeof(drv)));
  drv.comm = PETSC_COMM_WORLD;
  PetscCall(PetscOptionsHasHelp(NULL, &helponly));
  if (argc < 2 || argv[1][0] == '-') {
    PetscCheck(helponly, drv.comm, PETSC_ERR_USER_INPUT, "No command given; usage: heat COMMAND -i INPUT ... (heat -help lists the commands)");
    PetscCall(PetscPrintf(drv.comm, "%s", help));
    PetscCall(HeatFinalize());
    return 0;
  }
  PetscCall(HeatDriverFindCommand(drv.comm, argv[1], &cmd));
  PetscCall(HeatDriverSetFromOptions(&drv));
  PetscCall(HeatDriverReadInput(&drv));
  PetscCall(HtTensorSetFromOptions(drv.X));
  PetscCall(HeatDriverOpenOutput(&drv));
  PetscCall((*cmd->run)(&drv));
  PetscCall(HeatDriverCloseOutput(&drv));
  PetscCall(HtTensorDestroy(&drv.X));
  PetscCall(HtTensorDestroy(&drv.y));
  PetscCall(HeatFinalize());
  return 0;
}
