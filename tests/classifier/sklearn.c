static const char help[] = "HtClassifier against scikit-learn (references in data/classifier/).\n"
                           "  -data NAME    data/classifier/NAME_{X,y}{train,test}.npy\n"
                           "  -ref TAG      data/classifier/NAME_TAG_{pred,proba}.npy (and the model of gnb, logistic)\n"
                           "  -tol TOL      relative tolerance of the probabilities and the model (default 1e-12)\n"
                           "  -digits N     print the fitted model of logistic and the probabilities to N digits (default 0: no)\n\n";

#include "classifiertest.h"

/* the fitted model of the type against scikit-learn's attributes */
static PetscErrorCode CompareFitted(HtClassifier cl, const char data[], PetscReal tol, int digits)
{
  HtClassifierType type;
  PetscBool        isnb, islr;
  HtTensor         t;
  char             tag[128];

  PetscFunctionBeginUser;
  PetscCall(HtClassifierGetType(cl, &type));
  PetscCall(PetscStrcmp(type, HTCLASSIFIERGAUSSIANNB, &isnb));
  PetscCall(PetscStrcmp(type, HTCLASSIFIERLOGISTIC, &islr));
  if (isnb) {
    PetscReal eps;

    PetscCall(PetscSNPrintf(tag, sizeof(tag), "%s_gnb", data));
    PetscCall(HtClassifierGaussianNBGetTheta(cl, &t));
    PetscCall(CompareModel(tag, "theta", t, tol));
    PetscCall(HtClassifierGaussianNBGetVar(cl, &t));
    PetscCall(CompareModel(tag, "var", t, tol));
    PetscCall(HtClassifierGaussianNBGetClassPrior(cl, &t));
    PetscCall(CompareModel(tag, "prior", t, tol));
    PetscCall(HtClassifierGaussianNBGetEpsilon(cl, &eps));
    PetscCall(HtTensorFull(PETSC_COMM_WORLD, 1, (PetscInt[]){1}, -1, HT_SCALAR, eps, &t));
    PetscCall(CompareModel(tag, "epsilon", t, tol));
    PetscCall(HtTensorDestroy(&t));
  }
  if (islr) {
    PetscCall(PetscSNPrintf(tag, sizeof(tag), "%s_logistic", data));
    PetscCall(HtClassifierLogisticGetCoef(cl, &t));
    PetscCall(CompareModel(tag, "coef", t, tol));
    if (digits) PetscCall(PrintValuesDigits("coef", t, digits));
    PetscCall(HtClassifierLogisticGetIntercept(cl, &t));
    PetscCall(CompareModel(tag, "intercept", t, tol));
    if (digits) PetscCall(PrintValuesDigits("intercept", t, digits));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  char         data[64] = "iris", ref[64] = "knn_uniform", tag[160];
  PetscReal    tol = 1e-12, accuracy;
  HtTensor     Xtr, ytr, Xte, yte, labels, P, rl, rp, classes;
  HtClassifier cl;
  PetscReal    diff;
  PetscInt     digits = 0;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-data", data, sizeof(data), NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-ref", ref, sizeof(ref), NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-tol", &tol, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-digits", &digits, NULL));
  PetscCall(LoadData(data, "Xtrain", 0, &Xtr));
  PetscCall(LoadData(data, "ytrain", 0, &ytr));
  PetscCall(LoadData(data, "Xtest", 0, &Xte));
  PetscCall(LoadData(data, "ytest", 0, &yte));
  PetscCall(HtClassifierCreate(PETSC_COMM_WORLD, &cl));
  PetscCall(HtClassifierSetFromOptions(cl));
  PetscCall(HtClassifierFit(cl, Xtr, ytr));
  PetscCall(HtClassifierGetClasses(cl, &classes));
  PetscCall(PetscSNPrintf(tag, sizeof(tag), "%s_%s", data, ref));
  PetscCall(HtClassifierPredict(cl, Xte, &labels));
  PetscCall(LoadData(tag, "pred", 0, &rl));
  PetscCall(CompareLabels("predicted labels", labels, rl));
  PetscCall(HtClassifierPredictProba(cl, Xte, &P));
  PetscCall(LoadData(tag, "proba", 0, &rp));
  PetscCall(RelativeDifference(P, rp, &diff));
  PetscCall(Report("probabilities", diff, tol));
  if (digits) PetscCall(PrintRows("proba", P, (int)digits));
  PetscCall(CompareFitted(cl, data, tol, (int)digits));
  PetscCall(HtClassifierScore(cl, Xte, yte, &accuracy));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "accuracy: %.10g\n", (double)accuracy));
  PetscCall(HtTensorDestroy(&rp));
  PetscCall(HtTensorDestroy(&rl));
  PetscCall(HtTensorDestroy(&P));
  PetscCall(HtTensorDestroy(&labels));
  PetscCall(HtClassifierDestroy(&cl));
  PetscCall(HtTensorDestroy(&Xtr));
  PetscCall(HtTensorDestroy(&ytr));
  PetscCall(HtTensorDestroy(&Xte));
  PetscCall(HtTensorDestroy(&yte));
  PetscCall(HeatFinalize());
  return 0;
}

/*
   Every type against scikit-learn 1.2 on fixed train/test splits of iris (3 classes; irismap: labels -1, 5, 7) and
   of the standardized breast-cancer data (2 classes): labels identical; probabilities and fitted arrays to 1e-12 for
   knn and naive Bayes; to 1e-6 for logistic regression (scikit-learn's newton-cg with tol 1e-12 stops at gradient norms
   near 1e-9, not at the optimum), on 1 to 4 ranks. Logistic regression (Newton's method to the optimum) prints its
   model and probabilities to 15 digits: the 4 rank counts share one output at tolerance 1e-12.
*/

/*TEST
   testset:
     nsize: {{1 2 3 4}}
     test:
       suffix: knn
       args: -data {{iris cancer}separate output} -ht_classifier_type knn -ref knn_uniform
     test:
       suffix: knn_distance
       args: -data {{iris cancer}separate output} -ht_classifier_type knn -ht_classifier_knn_weights distance -ht_classifier_knn_n_neighbors 7 -ref knn_distance
     test:   # the training blocks around the ring and the top-k merges in pieces of 7 numbers
       suffix: knn_maxcount
       args: -data cancer -ht_classifier_type knn -ref knn_uniform -ht_mpi_max_count 7
       output_file: output/sklearn_knn_data-cancer.out
     test:
       suffix: gnb
       args: -data {{iris cancer}separate output} -ht_classifier_type gaussiannb -ref gnb
     test:
       suffix: logistic
       args: -data {{iris cancer}separate output} -ht_classifier_type logistic -ref logistic -tol 1e-6 -digits 15
       tolerance: 1e-12
     test:   # the softmax's exponentials and logarithms (kernels/explog.h) at the lower x86-64 levels
       suffix: logistic_isa
       nsize: {{1 3}}
       args: -data cancer -ht_classifier_type logistic -ref logistic -tol 1e-6 -digits 15 -ht_kernel_isa {{baseline avx2}}
       output_file: output/sklearn_logistic_data-cancer.out
       tolerance: 1e-12
   testset:   # the iris labels mapped to other integers (any integers are classes): on 1 and 3 ranks
     nsize: {{1 3}}
     args: -data irismap
     test:
       suffix: knn_irismap
       args: -ht_classifier_type knn -ref knn_uniform
       output_file: output/sklearn_knn_data-irismap.out
     test:
       suffix: knn_distance_irismap
       args: -ht_classifier_type knn -ht_classifier_knn_weights distance -ht_classifier_knn_n_neighbors 7 -ref knn_distance
       output_file: output/sklearn_knn_distance_data-irismap.out
     test:
       suffix: gnb_irismap
       args: -ht_classifier_type gaussiannb -ref gnb
       output_file: output/sklearn_gnb_data-irismap.out
     test:
       suffix: logistic_irismap
       args: -ht_classifier_type logistic -ref logistic -tol 1e-6 -digits 15
       output_file: output/sklearn_logistic_data-irismap.out
       tolerance: 1e-12
TEST*/
