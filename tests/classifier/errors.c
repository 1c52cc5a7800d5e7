static const char help[] = "Bad input to HtClassifier: each case must stop with a clear error on every rank.\n"
                           "  -case NAME   which bad call to make\n\n";

#include "classifiertest.h"
#include <math.h>

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  HtClassifier cl;
  HtTensor     X, y, Xt, yt, Y = NULL, yb = NULL, out;
  char         which[64] = "";
  PetscBool    is;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", which, sizeof(which), NULL));
  PetscCall(LoadData("iris", "Xtrain", 0, &X));
  PetscCall(LoadData("iris", "ytrain", 0, &y));
  PetscCall(LoadData("iris", "Xtest", 0, &Xt));
  PetscCall(LoadData("iris", "ytest", 0, &yt));
  PetscCall(HtClassifierCreate(PETSC_COMM_WORLD, &cl));
  PetscCall(HtClassifierSetFromOptions(cl));
#define CASE(name) (PetscStrcmp(which, name, &is) == 0 && is)
  if (CASE("length")) yb = yt;
  if (CASE("float")) PetscCall(HtTensorAsType(y, HT_SCALAR, &yb));
  if (CASE("oneclass")) PetscCall(HtTensorZeros(PETSC_COMM_WORLD, 1, (PetscInt[]){100}, 0, HT_INT, &yb));
  if (CASE("nan")) { /* one NaN, on the rank that owns sample 17 */
    PetscScalar *a;
    PetscInt     rstart, rend;

    PetscCall(HtTensorGetOwnershipRange(X, &rstart, &rend));
    PetscCall(HtTensorGetArray(X, &a));
    if (17 >= rstart && 17 < rend) a[(17 - rstart) * 4 + 2] = NAN;
    PetscCall(HtTensorRestoreArray(X, &a));
  }
  if (CASE("predict")) PetscCall(HtClassifierPredict(cl, Xt, &out));
  if (CASE("features")) {
    HtSlice sl[2] = {HT_SLICE_ALL, {0, 3, 1}};

    PetscCall(HtClassifierFit(cl, X, y));
    PetscCall(HtTensorGetSlice(Xt, 2, sl, &Y));
    PetscCall(HtClassifierPredict(cl, Y, &out));
  }
  if (CASE("partial")) PetscCall(HtClassifierPartialFit(cl, X, y, NULL));
  PetscCall(HtClassifierFit(cl, X, yb ? yb : y));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "no error for case '%s'\n", which));
  if (yb != yt) PetscCall(HtTensorDestroy(&yb));
  PetscCall(HtTensorDestroy(&Y));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtTensorDestroy(&y));
  PetscCall(HtTensorDestroy(&Xt));
  PetscCall(HtTensorDestroy(&yt));
  PetscCall(HtClassifierDestroy(&cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest());
}

/*TEST
   testset:
     nsize: 3
     errors: expected
     filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p"
     test:
       suffix: length
       args: -case length
     test:
       suffix: float
       args: -case float
     test:
       suffix: oneclass
       args: -case oneclass -ht_classifier_type gaussiannb
     test:
       suffix: neighbors
       args: -ht_classifier_knn_n_neighbors 101
     test:
       suffix: nan
       args: -case nan -ht_classifier_type logistic
     test:
       suffix: predict
       args: -case predict
     test:
       suffix: features
       args: -case features -ht_classifier_type logistic
     test:
       suffix: type
       args: -ht_classifier_type knm
     test:
       suffix: partial
       args: -case partial
     test:
       suffix: partial_classes
       args: -case partial -ht_classifier_type gaussiannb
     test:
       suffix: priors
       args: -ht_classifier_type gaussiannb -ht_classifier_gaussiannb_priors 0.5,0.5
     test:
       suffix: priors_sum
       args: -ht_classifier_type gaussiannb -ht_classifier_gaussiannb_priors 0.5,0.3,0.3
     test:
       suffix: C
       args: -ht_classifier_type logistic -ht_classifier_logistic_C 0
TEST*/
