static const char help[] = "HtClassifier model files, partial fits and constant features (iris split of data/classifier/).\n"
                           "  -partial     also fit the model in 3 batches with HtClassifierPartialFit() and compare with the full fit\n"
                           "  -constant    make feature 1 constant before fitting\n"
                           "  -view        view the fitted classifier\n\n";

#include "classifiertest.h"

/* rows [start, end) of X and y */
static PetscErrorCode Rows(HtTensor X, HtTensor y, PetscInt start, PetscInt end, HtTensor *Xb, HtTensor *yb)
{
  HtSlice sl[2] = {{start, end, 1}, HT_SLICE_ALL};

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetSlice(X, 2, sl, Xb));
  PetscCall(HtTensorGetSlice(y, 1, sl, yb));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the same model fitted in 3 batches: every fitted array and the probabilities equal the full fit's */
static PetscErrorCode ComparePartial(HtClassifier cl, HtTensor X, HtTensor y, HtTensor Xt, HtTensor P)
{
  HtClassifier pc;
  HtTensor     classes, Pp, a, b;
  PetscInt     cuts[4] = {0, 30, 71, 100};
  PetscReal    diff, worst = 0;
  PetscErrorCode (*get[])(HtClassifier, HtTensor *) = {HtClassifierGaussianNBGetTheta, HtClassifierGaussianNBGetVar, HtClassifierGaussianNBGetClassPrior};

  PetscFunctionBeginUser;
  PetscCall(HtClassifierGetClasses(cl, &classes));
  PetscCall(HtClassifierCreate(PETSC_COMM_WORLD, &pc));
  PetscCall(HtClassifierSetType(pc, HTCLASSIFIERGAUSSIANNB));
  for (PetscInt b = 0; b < 3; b++) {
    HtTensor Xb, yb;

    PetscCall(Rows(X, y, cuts[b], cuts[b + 1], &Xb, &yb));
    PetscCall(HtClassifierPartialFit(pc, Xb, yb, classes));
    PetscCall(HtTensorDestroy(&Xb));
    PetscCall(HtTensorDestroy(&yb));
  }
  for (PetscInt i = 0; i < 3; i++) {
    PetscCall((*get[i])(cl, &a));
    PetscCall((*get[i])(pc, &b));
    PetscCall(RelativeDifference(b, a, &diff));
    worst = PetscMax(worst, diff);
  }
  PetscCall(HtClassifierPredictProba(pc, Xt, &Pp));
  PetscCall(RelativeDifference(Pp, P, &diff));
  PetscCall(Report("partial fit in 3 batches: theta, var, priors", worst, 1e-12));
  PetscCall(Report("partial fit in 3 batches: probabilities", diff, 1e-12));
  PetscCall(HtTensorDestroy(&Pp));
  PetscCall(HtClassifierDestroy(&pc));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* feature j of X set to 3.5 */
static PetscErrorCode MakeConstant(HtTensor X, PetscInt j)
{
  PetscScalar *a;
  PetscInt     n;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetLocalSize(X, &n));
  PetscCall(HtTensorGetArray(X, &a));
  for (PetscInt i = j; i < n; i += 4) a[i] = 3.5;
  PetscCall(HtTensorRestoreArray(X, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  HtClassifier cl, loaded;
  HtTensor     X, y, Xt, yt, labels, P, labels2, P2;
  PetscViewer  viewer;
  PetscBool    partial = PETSC_FALSE, constant = PETSC_FALSE;
  PetscReal    diff, accuracy;
  char         path[PETSC_MAX_PATH_LEN], *tmp;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-partial", &partial, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-constant", &constant, NULL));
  PetscCall(LoadData("iris", "Xtrain", 0, &X));
  PetscCall(LoadData("iris", "ytrain", 0, &y));
  PetscCall(LoadData("iris", "Xtest", 0, &Xt));
  PetscCall(LoadData("iris", "ytest", 0, &yt));
  if (constant) PetscCall(MakeConstant(X, 1));
  PetscCall(HtClassifierCreate(PETSC_COMM_WORLD, &cl));
  PetscCall(HtClassifierSetFromOptions(cl));
  PetscCall(HtClassifierFit(cl, X, y));
  PetscCall(HtClassifierViewFromOptions(cl, NULL, "-view"));
  PetscCall(HtClassifierScore(cl, Xt, yt, &accuracy));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "accuracy: %.10g\n", (double)accuracy));
  PetscCall(HtClassifierPredict(cl, Xt, &labels));
  PetscCall(HtClassifierPredictProba(cl, Xt, &P));
  /* the model file */
  tmp = getenv("HEAT_TEST_TMPDIR");
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/classifier_model.h5", tmp ? tmp : "."));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_WRITE, &viewer));
  PetscCall(HtClassifierView(cl, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(HtClassifierCreate(PETSC_COMM_WORLD, &loaded));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_READ, &viewer));
  PetscCall(HtClassifierLoad(loaded, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(HtClassifierPredict(loaded, Xt, &labels2));
  PetscCall(HtClassifierPredictProba(loaded, Xt, &P2));
  PetscCall(CompareLabels("loaded model: labels", labels2, labels));
  PetscCall(RelativeDifference(P2, P, &diff));
  PetscCall(Report("loaded model: probabilities", diff, 1e-15));
  if (partial) PetscCall(ComparePartial(cl, X, y, Xt, P));
  PetscCall(HtTensorDestroy(&P2));
  PetscCall(HtTensorDestroy(&labels2));
  PetscCall(HtTensorDestroy(&P));
  PetscCall(HtTensorDestroy(&labels));
  PetscCall(HtClassifierDestroy(&loaded));
  PetscCall(HtClassifierDestroy(&cl));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtTensorDestroy(&y));
  PetscCall(HtTensorDestroy(&Xt));
  PetscCall(HtTensorDestroy(&yt));
  PetscCall(HeatFinalize());
  return 0;
}

/*
   View (ASCII), View to an HDF5 model file and Load: the loaded model predicts the same labels and probabilities.
   Gaussian naive Bayes fitted in 3 batches of 30, 41 and 29 samples equals the fit of all (1e-12). A constant
   feature (sample variance 0) works for every type. The logistic monitor for 3 iterations (max_it reached).
*/

/*TEST
   testset:
     nsize: {{1 3}}
     filter: grep -v "MPI process"
     test:
       suffix: knn
       args: -ht_classifier_type knn -ht_classifier_knn_weights distance -view
     test:
       suffix: gnb
       args: -ht_classifier_type gaussiannb -partial -view
     test:
       suffix: logistic
       args: -ht_classifier_type logistic
     test:
       suffix: constant
       args: -constant -ht_classifier_type {{knn gaussiannb logistic}separate output}
   test:
     filter: grep -v "MPI process"
     suffix: monitor
     args: -ht_classifier_type logistic -ht_classifier_max_it 3 -ht_classifier_monitor -ht_classifier_converged_reason -view
TEST*/
