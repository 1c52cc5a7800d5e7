static const char help[] = "Tutorial 9: classification: train on one file, predict another; kNN, logistic regression, naive Bayes.\n"
                           "  -train FILE        labelled training samples, the class last (default ../share/heat/datasets/cancer_train.csv)\n"
                           "  -test FILE         labelled test samples (default ../share/heat/datasets/cancer_test.csv)\n"
                           "  -standardize BOOL  scale the features with the training data's means and deviations (default true)\n"
                           "Each classifier reads its options under its own prefix: -knn_ht_classifier_knn_n_neighbors 15,\n"
                           "-logistic_ht_classifier_logistic_C 0.1, -gaussiannb_ht_classifier_view, ...\n\n";

/*
   A classifier learns from labelled samples and predicts the labels of new ones. Three methods, three patterns
   of communication: kNN keeps the training set distributed and passes each rank's block around a ring of the
   ranks so every test sample meets every training sample; Gaussian naive Bayes needs one pass and one allreduce
   (per-class means and variances); logistic regression runs PETSc's TAO optimizer, one allreduce per evaluation of
   the loss and its gradient. Accuracy is measured on samples the classifier has not seen.
*/
#include <heat.h>

/* a table whose last column is the class: the features (split along the rows) and the labels (HT_INT, same rows) */
static PetscErrorCode LoadLabelled(MPI_Comm comm, const char file[], HtTensor *X, HtTensor *y)
{
  HtTensor      data, ycol, yr;
  const HtSlice features[2] = {HT_SLICE_ALL, {0, -1, 1}}, last[2] = {HT_SLICE_ALL, {-1, HT_NONE, 1}};

  PetscFunctionBeginUser;
  PetscCall(HtTensorLoad(comm, file, NULL, 0, &data));
  PetscCall(HtTensorGetSlice(data, 2, features, X));
  PetscCall(HtTensorGetSlice(data, 2, last, &ycol));
  PetscCall(HtTensorSqueeze(ycol, 1, (PetscInt[]){1}, &yr));
  PetscCall(HtTensorAsType(yr, HT_INT, y));
  PetscCall(HtTensorDestroy(&yr));
  PetscCall(HtTensorDestroy(&ycol));
  PetscCall(HtTensorDestroy(&data));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  MPI_Comm         comm;
  HtScaler         scaler;
  HtClassifier     cl;
  HtTensor         Xtrain, ytrain, Xtest, ytest, Ztrain, Ztest;
  char             train[PETSC_MAX_PATH_LEN] = "../share/heat/datasets/cancer_train.csv", test[PETSC_MAX_PATH_LEN] = "../share/heat/datasets/cancer_test.csv", prefix[32];
  PetscBool        standardize = PETSC_TRUE;
  const PetscInt  *ntrain, *ntest;
  PetscReal        accuracy;
  HtClassifierType types[3] = {HTCLASSIFIERKNN, HTCLASSIFIERLOGISTIC, HTCLASSIFIERGAUSSIANNB};

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  comm = PETSC_COMM_WORLD;
  PetscOptionsBegin(comm, NULL, "Tutorial 9 options", NULL);
  PetscCall(PetscOptionsString("-train", "Labelled training samples, the class last", NULL, train, train, sizeof(train), NULL));
  PetscCall(PetscOptionsString("-test", "Labelled test samples, the class last", NULL, test, test, sizeof(test), NULL));
  PetscCall(PetscOptionsBool("-standardize", "Scale the features with the training data's means and deviations", NULL, standardize, &standardize, NULL));
  PetscOptionsEnd();

  PetscCall(LoadLabelled(comm, train, &Xtrain, &ytrain));
  PetscCall(LoadLabelled(comm, test, &Xtest, &ytest));
  PetscCall(HtTensorGetShape(Xtrain, &ntrain));
  PetscCall(HtTensorGetShape(Xtest, &ntest));
  PetscCall(PetscPrintf(comm, "%" PetscInt_FMT " training and %" PetscInt_FMT " test samples, %" PetscInt_FMT " features%s\n", ntrain[0], ntest[0], ntrain[1], standardize ? ", standardized" : ""));

  /* The scaler learns the means and deviations from the training data only and applies them to both sets:
     the test set plays the part of data that arrive later. Without -standardize the copies are plain. */
  PetscCall(HtScalerCreate(comm, &scaler));
  PetscCall(HtScalerSetType(scaler, HTSCALERSTANDARD));
  if (standardize) {
    PetscCall(HtScalerFitTransform(scaler, Xtrain, &Ztrain));
    PetscCall(HtScalerTransform(scaler, Xtest, &Ztest));
  } else {
    PetscCall(HtTensorDuplicate(Xtrain, &Ztrain));
    PetscCall(HtTensorCopy(Xtrain, Ztrain));
    PetscCall(HtTensorDuplicate(Xtest, &Ztest));
    PetscCall(HtTensorCopy(Xtest, Ztest));
  }

  PetscCall(PetscPrintf(comm, "classifier  test accuracy  misclassified\n"));
  for (PetscInt t = 0; t < 3; t++) {
    PetscCall(HtClassifierCreate(comm, &cl));
    PetscCall(PetscSNPrintf(prefix, sizeof(prefix), "%s_", types[t]));
    PetscCall(HtClassifierSetOptionsPrefix(cl, prefix)); /* -knn_ht_classifier_..., -logistic_ht_classifier_... */
    PetscCall(HtClassifierSetType(cl, types[t]));
    PetscCall(HtClassifierSetFromOptions(cl));
    PetscCall(HtClassifierFit(cl, Ztrain, ytrain));
    PetscCall(HtClassifierScore(cl, Ztest, ytest, &accuracy)); /* predicts the test samples, compares with ytest */
    PetscCall(PetscPrintf(comm, "%-10s  %13.6f  %13.0f\n", types[t], (double)accuracy, (double)((1 - accuracy) * ntest[0])));
    PetscCall(HtClassifierDestroy(&cl));
  }

  PetscCall(HtScalerDestroy(&scaler));
  PetscCall(HtTensorDestroy(&Ztest));
  PetscCall(HtTensorDestroy(&Ztrain));
  PetscCall(HtTensorDestroy(&ytest));
  PetscCall(HtTensorDestroy(&Xtest));
  PetscCall(HtTensorDestroy(&ytrain));
  PetscCall(HtTensorDestroy(&Xtrain));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     suffix: cancer
     nsize: {{1 2 3 4}}
   test:
     suffix: raw
     nsize: {{1 3}}
     args: -standardize false
   test:
     suffix: options
     nsize: {{1 3}}
     args: -knn_ht_classifier_knn_n_neighbors 15 -logistic_ht_classifier_logistic_C 0.1
TEST*/
