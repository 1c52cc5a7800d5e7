static const char help[] = "Tests Heat's pictures, read back with libpng: HtTensorSavePNG() of a label field and of a real field,\n"
                           "HtTensorSaveScatterPNG(), and the scatter plot of -ht_cluster_view draw -ht_view_png on iris.\n"
                           "Every picture must have the same bytes on any number of ranks (pixel checksum).\n"
                           "  -case field|real|scatter|cluster|pca|large|not2d|empty|badpath|dirpath\n"
                           "  -n <250001>  the number of points of -case large (at most 10^5 are drawn)\n"
                           "  -periodic    -case large: labels repeating with the row (g %% 3), not in blocks of rows\n";

#include "pngtest.h"
#include <sys/stat.h>

/* a (6, 10) field: HT_INT labels (i + j) % 3, or HT_SCALAR i - j / 4; split S */
static PetscErrorCode MakeField(HtDType dtype, PetscInt split, HtTensor *f)
{
  PetscInt rstart, rend, ny = 6, nx = 10;
  void    *a;

  PetscFunctionBegin;
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 2, (PetscInt[]){ny, nx}, split, dtype, f));
  PetscCall(HtTensorGetOwnershipRange(*f, &rstart, &rend));
  PetscCall(HtTensorGetArrayWrite(*f, &a));
  for (PetscInt i = 0, k = 0; i < ny; i++)
    for (PetscInt j = 0; j < nx; j++) {
      PetscBool mine = (PetscBool)(split < 0 || (split == 0 && i >= rstart && i < rend) || (split == 1 && j >= rstart && j < rend));

      if (!mine) continue;
      if (dtype == HT_INT) ((PetscInt *)a)[k++] = (i + j) % 3;
      else ((PetscScalar *)a)[k++] = i - j / 4.0;
    }
  PetscCall(HtTensorRestoreArrayWrite(*f, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* 3 groups of 40 points around (0, 0), (6, 1), (2, 5) with labels 0, 1, 2, and a 4th label never used */
static PetscErrorCode MakePoints(HtTensor *xy, HtTensor *labels)
{
  PetscInt     rstart, rend;
  PetscScalar *x;
  PetscInt    *l;

  PetscFunctionBegin;
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 2, (PetscInt[]){120, 2}, 0, HT_SCALAR, xy));
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 1, (PetscInt[]){120}, 0, HT_INT, labels));
  PetscCall(HtTensorGetOwnershipRange(*xy, &rstart, &rend));
  PetscCall(HtTensorGetArrayWrite(*xy, &x));
  PetscCall(HtTensorGetArrayWrite(*labels, &l));
  for (PetscInt g = rstart; g < rend; g++) {
    PetscInt  c = g % 3;
    PetscReal t = 0.37 * g;

    l[g - rstart]           = c;
    x[2 * (g - rstart)]     = (c == 1 ? 6 : c == 2 ? 2 : 0) + PetscCosReal(t) * (g % 7) / 6.0;
    x[2 * (g - rstart) + 1] = (c == 1 ? 1 : c == 2 ? 5 : 0) + PetscSinReal(t) * (g % 5) / 4.0;
  }
  PetscCall(HtTensorRestoreArrayWrite(*labels, &l));
  PetscCall(HtTensorRestoreArrayWrite(*xy, &x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* N points in 3 groups around (0, 0), (6, 1), (2, 5): labels 0, 1, 2 in three blocks of rows, or repeating with
   the row (periodic: row g in group g % 3, which a subsample of every 3rd row would see as group 0 only) */
static PetscErrorCode MakeManyPoints(PetscInt N, PetscBool periodic, HtTensor *xy, HtTensor *labels)
{
  PetscInt     rstart, rend;
  PetscScalar *x;
  PetscInt    *l;

  PetscFunctionBegin;
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 2, (PetscInt[]){N, 2}, 0, HT_SCALAR, xy));
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 1, (PetscInt[]){N}, 0, HT_INT, labels));
  PetscCall(HtTensorGetOwnershipRange(*xy, &rstart, &rend));
  PetscCall(HtTensorGetArrayWrite(*xy, &x));
  PetscCall(HtTensorGetArrayWrite(*labels, &l));
  for (PetscInt g = rstart; g < rend; g++) {
    PetscInt  c = periodic ? g % 3 : 3 * g / N;
    PetscReal t = 0.37 * g, r = (PetscReal)(g % 1000) / 1000;

    l[g - rstart]           = c;
    x[2 * (g - rstart)]     = (c == 1 ? 6 : c == 2 ? 2 : 0) + r * PetscCosReal(t);
    x[2 * (g - rstart) + 1] = (c == 1 ? 1 : c == 2 ? 5 : 0) + r * PetscSinReal(t);
  }
  PetscCall(HtTensorRestoreArrayWrite(*labels, &l));
  PetscCall(HtTensorRestoreArrayWrite(*xy, &x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the PCA of iris's 4 features with the options of the command line, e.g. -ht_pca_view draw -ht_view_png FILE */
static PetscErrorCode PCAIris(void)
{
  HtTensor data, X;
  HtPCA    pca;

  PetscFunctionBegin;
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, "../share/heat/datasets/iris.csv", NULL, 0, &data));
  PetscCall(HtTensorGetSlice(data, 2, (HtSlice[]){HT_SLICE_ALL, {0, 4, 1}}, &X)); /* without the species column */
  PetscCall(HtPCACreate(PETSC_COMM_WORLD, &pca));
  PetscCall(HtPCASetFromOptions(pca));
  PetscCall(HtPCAFit(pca, X));
  PetscCall(HtPCADestroy(&pca));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtTensorDestroy(&data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* k-means of iris (3 clusters) with the options of the command line, e.g. -ht_cluster_view draw -ht_view_png FILE */
static PetscErrorCode ClusterIris(void)
{
  HtTensor  X;
  HtCluster cl;

  PetscFunctionBegin;
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, "../share/heat/datasets/iris.csv", NULL, 0, &X));
  PetscCall(HtClusterCreate(PETSC_COMM_WORLD, &cl));
  PetscCall(HtClusterSetNumClusters(cl, 3));
  PetscCall(HtClusterSetFromOptions(cl));
  PetscCall(HtClusterFit(cl, X));
  PetscCall(HtClusterDestroy(&cl));
  PetscCall(HtTensorDestroy(&X));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  char        name[32] = "", path[PETSC_MAX_PATH_LEN];
  const char *dir = getenv("HEAT_TEST_TMPDIR");
  HtTensor    f, xy, labels;
  PetscInt    split = 0;

  PetscFunctionBeginUser;
  PetscCheck(dir && dir[0], PETSC_COMM_WORLD, PETSC_ERR_USER, "Set HEAT_TEST_TMPDIR to a writable directory (tests/run does)");
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", name, sizeof(name), NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-split", &split, NULL));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/picture.png", dir));
  if (!strcmp(name, "field") || !strcmp(name, "real")) {
    PetscCall(MakeField(strcmp(name, "field") ? HT_SCALAR : HT_INT, split, &f));
    PetscCall(HtTensorSavePNG(f, path, 4));
    PetscCall(HtTensorDestroy(&f));
    PetscCall(PNGReadBack(path, name, 4, pngtest_palette, PETSC_FALSE));
  } else if (!strcmp(name, "scatter")) {
    PetscCall(MakePoints(&xy, &labels));
    PetscCall(HtTensorSaveScatterPNG(xy, labels, "three groups", "cluster", path));
    PetscCall(HtTensorDestroy(&xy));
    PetscCall(HtTensorDestroy(&labels));
    PetscCall(PNGReadBack(path, name, 4, pngtest_palette, PETSC_FALSE));
  } else if (!strcmp(name, "cluster")) {
    PetscCall(ClusterIris());
    PetscCall(PetscSNPrintf(path, sizeof(path), "%s/iris.png", dir));
    PetscCall(PNGReadBack(path, name, 4, pngtest_palette, PETSC_FALSE));
  } else if (!strcmp(name, "pca")) {
    PetscCall(PCAIris());
    PetscCall(PetscSNPrintf(path, sizeof(path), "%s/pca.png", dir));
    PetscCall(PNGReadBack(path, name, 2, pngtest_palette, PETSC_FALSE));
  } else if (!strcmp(name, "large")) { /* more points than are drawn: the subsample, in the PNG and the draw viewer */
    PetscInt  N = 250001;
    PetscBool periodic = PETSC_FALSE;

    PetscCall(PetscOptionsGetInt(NULL, NULL, "-n", &N, NULL));
    PetscCall(PetscOptionsGetBool(NULL, NULL, "-periodic", &periodic, NULL));
    PetscCall(MakeManyPoints(N, periodic, &xy, &labels));
    PetscCall(HtTensorSaveScatterPNG(xy, labels, "many points", "group", path));
    PetscCall(HtTensorViewScatter(xy, labels, "many points", "group", PETSC_VIEWER_DRAW_WORLD));
    PetscCall(HtTensorDestroy(&xy));
    PetscCall(HtTensorDestroy(&labels));
    PetscCall(PNGReadBack(path, name, 4, pngtest_palette, PETSC_TRUE));
  } else if (!strcmp(name, "not2d")) {
    PetscCall(HtTensorOnes(PETSC_COMM_WORLD, 1, (PetscInt[]){5}, 0, HT_SCALAR, &f));
    PetscCall(HtTensorSavePNG(f, path, 1));
  } else if (!strcmp(name, "empty")) {
    PetscCall(HtTensorOnes(PETSC_COMM_WORLD, 2, (PetscInt[]){0, 4}, 0, HT_SCALAR, &f));
    PetscCall(HtTensorSavePNG(f, path, 1));
  } else if (!strcmp(name, "dirpath")) { /* -ht_view_png names a directory: an error before any temporary file */
    PetscMPIInt rank;

    PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
    PetscCall(PetscSNPrintf(path, sizeof(path), "%s/iris.png", dir));
    PetscCheck(rank || !mkdir(path, 0755), PETSC_COMM_SELF, PETSC_ERR_SYS, "Cannot make the directory %s", path);
    PetscCallMPI(MPI_Barrier(PETSC_COMM_WORLD));
    PetscCall(ClusterIris());
  } else if (!strcmp(name, "badpath")) { /* a first picture, then a failed write into a missing folder and over it */
    PetscCall(MakeField(HT_INT, 0, &f));
    PetscCall(HtTensorSavePNG(f, path, 2));
    PetscCall(PNGReadBack(path, "before", 0, NULL, PETSC_FALSE));
    PetscCall(PetscSNPrintf(path, sizeof(path), "%s/no/such/folder/picture.png", dir));
    PetscCall(HtTensorSavePNG(f, path, 2));
  } else SETERRQ(PETSC_COMM_WORLD, PETSC_ERR_USER, "Unknown -case '%s'", name);
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest());
}

/*TEST
   test:
     suffix: field
     nsize: {{1 2 3 4}}
     args: -case field -split {{0 1 -1}}
   test:
     suffix: real
     nsize: {{1 2 3 4}}
     args: -case real -split {{0 1}}
   test:
     suffix: scatter
     nsize: {{1 2 3 4}}
     args: -case scatter
   test:
     suffix: cluster
     nsize: {{1 2 3 4}}
     args: -case cluster -ht_cluster_seed 1 -ht_cluster_view draw -ht_view_png ${HEAT_TEST_TMPDIR}/iris.png -draw_type image -draw_save ${HEAT_TEST_TMPDIR}/iris.ppm
     filter: cat; head -n 2 "$HEAT_TEST_TMPDIR"/iris_0.ppm
   test:
     suffix: pca
     nsize: {{1 3}}
     args: -case pca -ht_pca_n_components 2 -ht_pca_view draw -ht_view_png ${HEAT_TEST_TMPDIR}/pca.png -draw_type image -draw_save ${HEAT_TEST_TMPDIR}/pca.ppm -draw_save_single_file
     filter: cat; head -n 2 "$HEAT_TEST_TMPDIR"/pca.ppm; ls "$HEAT_TEST_TMPDIR"
   test:
     # a size chosen by the user is kept
     suffix: pca_size
     args: -case pca -ht_pca_n_components 2 -ht_pca_view draw -ht_view_png ${HEAT_TEST_TMPDIR}/pca.png -draw_type image -draw_save ${HEAT_TEST_TMPDIR}/pca.ppm -draw_save_single_file -draw_size 500,400
     filter: head -n 2 "$HEAT_TEST_TMPDIR"/pca.ppm
   test:
     suffix: large
     nsize: {{1 3}}
     args: -case large -periodic {{0 1}separate output} -draw_type image -draw_save ${HEAT_TEST_TMPDIR}/large.ppm -draw_save_single_file
     filter: cat; head -n 2 "$HEAT_TEST_TMPDIR"/large.ppm; md5sum < "$HEAT_TEST_TMPDIR"/large.ppm; md5sum < "$HEAT_TEST_TMPDIR"/picture.png
   testset:
     nsize: {{1 3}}
     errors: expected
     filter: grep -o -e "^before.*" -e "HtTensorSavePNG() draws.*" -e "Cannot draw.*" -e "Cannot write.*" -e "Could not write.*" | sed -e "s|$HEAT_TEST_TMPDIR|TMPDIR|g" | sort -u; ls "$HEAT_TEST_TMPDIR" | grep -c heat-tmp
     test:
       suffix: not2d
       args: -case not2d
     test:
       suffix: empty
       args: -case empty
     test:
       suffix: badpath
       args: -case badpath
     test:
       suffix: dirpath
       args: -case dirpath -ht_cluster_view draw -ht_view_png ${HEAT_TEST_TMPDIR}/iris.png -nox
TEST*/
