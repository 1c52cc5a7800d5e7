static const char help[] = "Tests HtScaler against scikit-learn 1.2 (tests/data/scaler/make_scaler_data.py): the transform of the\n"
                           "data of the fit and of new data, every fitted statistic, the round trip through the inverse\n"
                           "transform, and the model file (HDF5) loaded into a new object.\n"
                           "  -data NAME    data/scaler/NAME_X.npy (fitted) and NAME_new.npy\n"
                           "  -case NAME    the references data/scaler/<data>_<case>_*.npy (the -ht_scaler_* options give the parameters)\n"
                           "  -split S      split of X when it is loaded (default 0)\n\n";

#include <heat.h>
#include <stdlib.h>
#include <unistd.h>

#define TOL 1e-12

typedef PetscErrorCode (*StatGetter)(HtScaler, HtTensor *);

static const char *const StatNames[]   = {"mean", "var", "scale", "center", "max_abs", "data_min", "data_max", "min"};
static const StatGetter  StatGetters[] = {HtScalerGetMean, HtScalerGetVariance, HtScalerGetScale, HtScalerGetCenter, HtScalerGetMaxAbs, HtScalerGetDataMin, HtScalerGetDataMax, HtScalerGetMin};
#define NSTATS 8

/* data/scaler/<prefix><what>.npy, split `split` */
static PetscErrorCode LoadRef(const char prefix[], const char what[], PetscInt split, HtTensor *t)
{
  char path[PETSC_MAX_PATH_LEN];

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "data/scaler/%s%s.npy", prefix, what));
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, NULL, split, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* max over all ranks of |a - b| / (1 + |b|), for a and b of the same shape and layout */
static PetscErrorCode RelativeDifference(HtTensor a, HtTensor b, PetscReal *diff)
{
  const PetscScalar *x, *y;
  PetscInt           n;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetLocalSize(a, &n));
  PetscCall(HtTensorGetArrayRead(a, &x));
  PetscCall(HtTensorGetArrayRead(b, &y));
  *diff = 0;
  for (PetscInt i = 0; i < n; i++) *diff = PetscMax(*diff, PetscAbsScalar(x[i] - y[i]) / (1 + PetscAbsScalar(y[i])));
  PetscCall(HtTensorRestoreArrayRead(a, &x));
  PetscCall(HtTensorRestoreArrayRead(b, &y));
  PetscCallMPI(MPIU_Allreduce(MPI_IN_PLACE, diff, 1, MPIU_REAL, MPIU_MAX, PETSC_COMM_WORLD));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* one pass line: a against the reference file <prefix><what>.npy (loaded with a's split and balanced layout) */
static PetscErrorCode CheckAgainst(const char prefix[], const char what[], HtTensor a)
{
  HtTensor  ref;
  PetscReal diff;
  PetscInt  split;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetSplit(a, &split));
  PetscCall(LoadRef(prefix, what, split, &ref));
  PetscCall(RelativeDifference(a, ref, &diff));
  if (diff <= TOL) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: max relative difference to scikit-learn < 1e-12\n", what));
  else PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: max relative difference to scikit-learn %g: FAILED\n", what, (double)diff));
  PetscCall(HtTensorDestroy(&ref));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* every statistic the scaler gives is compared with scikit-learn's, and those it does not give must have no reference */
static PetscErrorCode CheckStatistics(HtScaler sc, const char prefix[])
{
  char           path[PETSC_MAX_PATH_LEN];
  HtTensor       t;
  PetscErrorCode ierr;

  PetscFunctionBeginUser;
  for (PetscInt k = 0; k < NSTATS; k++) {
    PetscBool has;

    PetscCall(PetscSNPrintf(path, sizeof(path), "data/scaler/%s%s.npy", prefix, StatNames[k]));
    has = (PetscBool)!access(path, R_OK);
    PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
    ierr = StatGetters[k](sc, &t);
    PetscCall(PetscPopErrorHandler());
    if (!ierr) PetscCall(CheckAgainst(prefix, StatNames[k], t));
    else if (has) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: scikit-learn has it, HtScaler has not: FAILED\n", StatNames[k]));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* prints the first row of a split-0 tensor (on rank 0, which holds it) */
static PetscErrorCode PrintFirstRow(const char label[], HtTensor Y)
{
  const PetscInt    *shape;
  const PetscScalar *y;
  PetscInt           rstart, rend;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetShape(Y, &shape));
  PetscCall(HtTensorGetOwnershipRange(Y, &rstart, &rend));
  PetscCall(HtTensorGetArrayRead(Y, &y));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s:", label));
  if (!rstart && rend)
    for (PetscInt j = 0; j < shape[1]; j++) PetscCall(PetscPrintf(PETSC_COMM_SELF, " %.10g", (double)PetscRealPart(y[j])));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "\n"));
  PetscCall(HtTensorRestoreArrayRead(Y, &y));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* InverseTransform(Transform(X)) must give X back */
static PetscErrorCode CheckRoundTrip(HtScaler sc, HtTensor X, HtTensor Y)
{
  HtScalerType type;
  HtTensor     Xb;
  PetscReal    diff;
  PetscBool    normalizer;

  PetscFunctionBeginUser;
  PetscCall(HtScalerGetType(sc, &type));
  PetscCall(PetscStrcmp(type, HTSCALERNORMALIZER, &normalizer));
  if (normalizer) {
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "round trip: the normalizer has no inverse transform\n"));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtScalerInverseTransform(sc, Y, &Xb));
  PetscCall(RelativeDifference(Xb, X, &diff));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "round trip: InverseTransform(Transform(X)) = X within 1e-12: %s\n", diff <= TOL ? "yes" : "NO"));
  PetscCall(HtTensorDestroy(&Xb));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the model written to an HDF5 file (group /model) and loaded into a new object must transform X identically */
static PetscErrorCode CheckModelFile(HtScaler sc, HtTensor X, HtTensor Y)
{
  char         path[PETSC_MAX_PATH_LEN];
  const char  *dir = getenv("HEAT_TEST_TMPDIR");
  PetscViewer  viewer;
  HtScaler     loaded;
  HtScalerType type, ltype;
  HtTensor     Yl;
  PetscInt     n, ln;
  PetscReal    diff;
  PetscBool    same;

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/model.h5", dir ? dir : "."));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_WRITE, &viewer));
  PetscCall(PetscViewerHDF5PushGroup(viewer, "/model"));
  PetscCall(HtScalerView(sc, viewer));
  PetscCall(PetscViewerHDF5PopGroup(viewer));
  PetscCall(PetscViewerDestroy(&viewer));

  PetscCall(HtScalerCreate(PETSC_COMM_WORLD, &loaded));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_READ, &viewer));
  PetscCall(PetscViewerHDF5PushGroup(viewer, "/model"));
  PetscCall(HtScalerLoad(loaded, viewer));
  PetscCall(PetscViewerHDF5PopGroup(viewer));
  PetscCall(PetscViewerDestroy(&viewer));

  PetscCall(HtScalerGetType(sc, &type));
  PetscCall(HtScalerGetType(loaded, &ltype));
  PetscCall(PetscStrcmp(type, ltype, &same));
  PetscCall(HtScalerGetNumSamplesSeen(sc, &n));
  PetscCall(HtScalerGetNumSamplesSeen(loaded, &ln));
  PetscCall(HtScalerTransform(loaded, X, &Yl));
  PetscCall(RelativeDifference(Yl, Y, &diff));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "loaded model: type %s (same: %s), samples seen %" PetscInt_FMT " (same: %s), transform identical: %s\n", ltype, same ? "yes" : "NO", ln, n == ln ? "yes" : "NO", diff == 0 ? "yes" : "NO"));
  PetscCall(HtScalerView(loaded, PETSC_VIEWER_STDOUT_WORLD));
  PetscCall(HtTensorDestroy(&Yl));
  PetscCall(HtScalerDestroy(&loaded));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  char     data[64] = "iris", kase[64] = "standard", prefix[160];
  PetscInt split    = 0, n;
  HtScaler sc;
  HtTensor X, Xnew, Y, Ynew;
  PetscBool helponly;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-data", data, sizeof(data), NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", kase, sizeof(kase), NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-split", &split, NULL));
  PetscCall(PetscSNPrintf(prefix, sizeof(prefix), "%s_", data));
  PetscCall(LoadRef(prefix, "X", split, &X));
  PetscCall(LoadRef(prefix, "new", 0, &Xnew));
  PetscCall(PetscSNPrintf(prefix, sizeof(prefix), "%s_%s_", data, kase));

  PetscCall(HtScalerCreate(PETSC_COMM_WORLD, &sc));
  PetscCall(HtScalerSetFromOptions(sc));
  PetscCall(PetscOptionsHasHelp(NULL, &helponly));
  if (helponly) { /* the options are listed; the references of the default case do not fit another type */
    PetscCall(HtTensorDestroy(&Xnew));
    PetscCall(HtTensorDestroy(&X));
    PetscCall(HtScalerDestroy(&sc));
    PetscCall(HeatFinalize());
    return 0;
  }
  PetscCall(HtScalerFitTransform(sc, X, &Y));
  PetscCall(HtScalerView(sc, PETSC_VIEWER_STDOUT_WORLD));
  PetscCall(HtScalerGetNumSamplesSeen(sc, &n));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "samples seen: %" PetscInt_FMT "\n", n));
  PetscCall(CheckAgainst(prefix, "transformed", Y));
  PetscCall(PrintFirstRow("transformed sample 0", Y));
  PetscCall(CheckStatistics(sc, prefix));
  PetscCall(HtScalerTransform(sc, Xnew, &Ynew));
  PetscCall(CheckAgainst(prefix, "new", Ynew));
  PetscCall(PrintFirstRow("new sample 0", Ynew));
  if (split) { /* the transform is split along the samples, balanced: compare with X so */
    HtTensor X0;

    PetscCall(HtTensorResplit(X, 0, &X0));
    PetscCall(HtTensorDestroy(&X));
    X = X0;
  }
  PetscCall(CheckRoundTrip(sc, X, Y));
  PetscCall(CheckModelFile(sc, X, Y));

  PetscCall(HtTensorDestroy(&Ynew));
  PetscCall(HtTensorDestroy(&Y));
  PetscCall(HtTensorDestroy(&Xnew));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtScalerDestroy(&sc));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   build:
     requires: hdf5
   testset:
     nsize: {{1 2 3 4}}
     filter: grep -v "MPI process"
     test:
       suffix: standard
       args: -data {{iris}separate output} -case standard -ht_scaler_type standard
     test:
       suffix: minmax
       args: -data {{iris}separate output} -case minmax -ht_scaler_type minmax
     test:
       suffix: maxabs
       args: -data {{iris}separate output} -case maxabs -ht_scaler_type maxabs
     test:
       suffix: robust
       args: -data {{iris}separate output} -case robust -ht_scaler_type robust
     test:
       suffix: normalizer
       args: -data {{iris}separate output} -case normalizer -ht_scaler_type normalizer
   # each type on more data: one and three ranks
   testset:
     nsize: {{1 3}}
     filter: grep -v "MPI process"
     test:
       suffix: standard_more
       args: -data {{small}separate output} -case standard -ht_scaler_type standard
     test:
       suffix: minmax_more
       args: -data {{small}separate output} -case minmax -ht_scaler_type minmax
     test:
       suffix: maxabs_more
       args: -data {{small}separate output} -case maxabs -ht_scaler_type maxabs
     test:
       suffix: robust_more
       args: -data {{small wide}separate output} -case robust -ht_scaler_type robust
     test:
       suffix: normalizer_more
       args: -data {{small}separate output} -case normalizer -ht_scaler_type normalizer
   # the parameters of each type: one and three ranks (the types above run on 1-4)
   testset:
     nsize: {{1 3}}
     filter: grep -v "MPI process"
     test:
       suffix: standard_nomean
       args: -data {{iris small}separate output} -case standard_nomean -ht_scaler_with_mean false
     test:
       suffix: standard_nostd
       args: -data {{iris small}separate output} -case standard_nostd -ht_scaler_with_std 0
     test:
       suffix: minmax_range
       args: -data {{iris small}separate output} -case minmax_range -ht_scaler_type minmax -ht_scaler_feature_range -2,3 -ht_scaler_clip
     test:
       suffix: robust_q
       args: -data {{iris small wide}separate output} -case robust_q -ht_scaler_type robust -ht_scaler_quantile_range 10,90 -ht_scaler_with_centering false
     test:
       suffix: robust_noscale
       args: -data {{iris small wide}separate output} -case robust_noscale -ht_scaler_type robust -ht_scaler_with_scaling false
     test:
       suffix: normalizer_l1
       args: -data {{iris small}separate output} -case normalizer_l1 -ht_scaler_type normalizer -ht_scaler_norm l1
     test:
       suffix: normalizer_max
       args: -data {{iris small}separate output} -case normalizer_max -ht_scaler_type normalizer -ht_scaler_norm max
   testset:
     nsize: {{1 3}}
     filter: grep -v "MPI process"
     test:
       suffix: split1
       args: -data small -case robust -ht_scaler_type robust -split 1
       output_file: output/scaler_robust_more_data-small.out
     test:
       suffix: help
       args: -help -ht_scaler_type {{standard minmax maxabs robust normalizer}separate output}
       filter: grep -e "-ht_scaler_"
TEST*/
