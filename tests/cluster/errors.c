static const char help[] = "Tests that bad input to HtCluster gives clear errors on every rank.\n"
                           "  -case NAME   which bad call to make\n\n";

#include <heat.h>
#include <math.h>
#include <stdlib.h>

/* 20 x 3 data, value = 0.1 * flat index, split 0 */
static PetscErrorCode CreateData(PetscInt split, HtTensor *X)
{
  PetscInt shape[2] = {20, 3};
  HtTensor flat;

  PetscFunctionBeginUser;
  PetscCall(HtTensorArange(PETSC_COMM_WORLD, 0, 6, 0.1, -1, HT_SCALAR, &flat));
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 2, shape, -1, HT_SCALAR, X));
  {
    const PetscScalar *a;
    PetscScalar       *b;

    PetscCall(HtTensorGetArrayRead(flat, &a));
    PetscCall(HtTensorGetArrayWrite(*X, &b));
    for (PetscInt i = 0; i < 60; i++) b[i] = a[i];
    PetscCall(HtTensorRestoreArrayWrite(*X, &b));
    PetscCall(HtTensorRestoreArrayRead(flat, &a));
  }
  PetscCall(HtTensorDestroy(&flat));
  if (split != -1) {
    HtTensor Y;

    PetscCall(HtTensorResplit(*X, split, &Y));
    PetscCall(HtTensorDestroy(X));
    *X = Y;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* an HDF5 file without a Heat model, or with a model of another class, loaded into cl */
static PetscErrorCode LoadModel(HtCluster cl, const char which[])
{
  char        path[PETSC_MAX_PATH_LEN];
  const char *dir = getenv("HEAT_TEST_TMPDIR");
  PetscViewer viewer;
  PetscBool   other;
  HtTensor    t;

  PetscFunctionBeginUser;
  PetscCall(PetscStrcmp(which, "load_otherclass", &other));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/notamodel.h5", dir ? dir : "."));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_WRITE, &viewer));
  PetscCall(HtTensorZeros(PETSC_COMM_WORLD, 2, (PetscInt[]){3, 2}, -1, HT_SCALAR, &t));
  PetscCall(HtTensorSetName(t, "centers"));
  PetscCall(HtTensorView(t, viewer));
  PetscCall(HtTensorDestroy(&t));
  if (other) PetscCall(PetscViewerHDF5WriteAttribute(viewer, NULL, "heat_class", PETSC_STRING, "HtPCA"));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_READ, &viewer));
  PetscCall(HtClusterLoad(cl, viewer));
  PetscCall(PetscViewerDestroy(&viewer));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  HtCluster   cl;
  HtTensor    X, Y = NULL, w = NULL, labels;
  char        which[64] = "";
  PetscBool   is;
  PetscMPIInt rank;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", which, sizeof(which), NULL));
  PetscCall(CreateData(0, &X));
  PetscCall(HtClusterCreate(PETSC_COMM_WORLD, &cl));
  PetscCall(HtClusterSetNumClusters(cl, 3));
  PetscCall(HtClusterSetFromOptions(cl));
#define CASE(name) (PetscStrcmp(which, name, &is) == 0 && is)
  if (CASE("k0")) PetscCall(HtClusterSetNumClusters(cl, 0));
  if (CASE("ktoolarge")) PetscCall(HtClusterSetNumClusters(cl, 21));
  if (CASE("nan")) { /* one NaN, on the rank that owns sample 17 */
    PetscScalar *a;
    PetscInt     rstart, rend;

    PetscCall(HtTensorGetOwnershipRange(X, &rstart, &rend));
    PetscCall(HtTensorGetArray(X, &a));
    if (17 >= rstart && 17 < rend) a[(17 - rstart) * 3 + 1] = NAN;
    PetscCall(HtTensorRestoreArray(X, &a));
  }
  if (CASE("ndim")) PetscCall(HtTensorArange(PETSC_COMM_WORLD, 0, 10, 1, 0, HT_SCALAR, &Y));
  if (CASE("centers_unfitted")) PetscCall(HtClusterGetCenters(cl, &Y));
  if (CASE("load_nomodel") || CASE("load_otherclass")) PetscCall(LoadModel(cl, which));
  if (CASE("dtype")) PetscCall(HtTensorAsType(X, HT_INT, &Y));
  if (CASE("centers")) {
    HtTensor c;

    PetscCall(HtTensorZeros(PETSC_COMM_WORLD, 2, (PetscInt[]){3, 2}, -1, HT_SCALAR, &c));
    PetscCall(HtClusterSetInitialCenters(cl, c));
    PetscCall(HtTensorDestroy(&c));
  }
  if (CASE("weightslength")) PetscCall(HtTensorOnes(PETSC_COMM_WORLD, 1, (PetscInt[]){19}, 0, HT_SCALAR, &w));
  if (CASE("weightsnegative")) {
    PetscCall(HtTensorArange(PETSC_COMM_WORLD, -1, 19, 1, 0, HT_SCALAR, &w));
  }
  if (CASE("predict")) PetscCall(HtClusterPredict(cl, X, &labels));
  if (w) PetscCall(HtClusterSetSampleWeights(cl, w));
  PetscCall(HtClusterFit(cl, Y ? Y : X));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "no error for case '%s'\n", which));
  PetscCall(HtTensorDestroy(&w));
  PetscCall(HtTensorDestroy(&Y));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtClusterDestroy(&cl));
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
       suffix: k0
       args: -case k0
     test:
       suffix: ktoolarge
       args: -case ktoolarge
     test:
       suffix: nan
       args: -case nan
     test:
       suffix: ndim
       args: -case ndim
     test:
       suffix: centers_unfitted
       args: -case centers_unfitted
     test:
       suffix: load_nomodel
       args: -case load_nomodel
       filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p" | sed "s|'/.*notamodel|'notamodel|"
     test:
       suffix: load_otherclass
       args: -case load_otherclass
       filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p" | sed "s|'/.*notamodel|'notamodel|"
     test:
       suffix: dtype
       args: -case dtype
     test:
       suffix: centers
       args: -case centers
     test:
       suffix: weightslength
       args: -case weightslength
     test:
       suffix: weightsnegative
       args: -case weightsnegative
     test:
       suffix: predict
       args: -case predict
     test:
       suffix: type
       args: -ht_cluster_type kmeanz
     test:
       suffix: initfile
       args: -ht_cluster_init data/cluster/blobs_init.npy
     test:
       suffix: initcentersfile
       args: -ht_cluster_init_centers data/cluster/nonexistent.npy
TEST*/
