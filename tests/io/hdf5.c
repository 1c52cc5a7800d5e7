static const char help[] = "Tests HtTensor HDF5 I/O: round trips with every split and dtype, HDF5 viewers, files written by h5py.\n";

#include <heat.h>

/* flat global row-major index of local element k of a tensor */
static PetscInt GlobalIndex(HtTensor t, PetscInt k)
{
  const PetscInt *shape, *lshape;
  PetscInt        ndim, split, rstart, idx[HT_MAX_NDIM], g = 0;

  (void)HtTensorGetNDim(t, &ndim);
  (void)HtTensorGetShape(t, &shape);
  (void)HtTensorGetLocalShape(t, &lshape);
  (void)HtTensorGetSplit(t, &split);
  (void)HtTensorGetOwnershipRange(t, &rstart, NULL);
  for (PetscInt d = ndim - 1; d >= 0; d--) {
    idx[d] = k % lshape[d];
    k /= lshape[d];
  }
  for (PetscInt d = 0; d < ndim; d++) g = g * shape[d] + idx[d] + (d == split ? rstart : 0);
  return g;
}

static PetscReal GetValue(HtDType dtype, const void *a, PetscInt k)
{
  if (dtype == HT_INT) return (PetscReal)((const PetscInt *)a)[k];
  if (dtype == HT_BOOL) return ((const PetscBool *)a)[k] ? 1 : 0;
  return PetscRealPart(((const PetscScalar *)a)[k]);
}

/* element with global index g: 1/(g+1) - 0.3 (scalar), 7 g^2 - 50 (int), g % 3 == 0 (bool) */
static PetscErrorCode Fill(HtTensor t)
{
  HtDType  dtype;
  PetscInt n;
  void    *a;

  PetscFunctionBegin;
  PetscCall(HtTensorGetDType(t, &dtype));
  PetscCall(HtTensorGetLocalSize(t, &n));
  PetscCall(HtTensorGetArrayWrite(t, &a));
  for (PetscInt k = 0; k < n; k++) {
    PetscInt g = GlobalIndex(t, k);

    if (dtype == HT_SCALAR) ((PetscScalar *)a)[k] = 1.0 / (g + 1) - 0.3;
    else if (dtype == HT_INT) ((PetscInt *)a)[k] = 7 * g * g - 50;
    else ((PetscBool *)a)[k] = (PetscBool)(g % 3 == 0);
  }
  PetscCall(HtTensorRestoreArrayWrite(t, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* prints shape, split, dtype and the checksum sum_g v_g (g + 1) (exact for integers); with ref, the largest difference from ref */
static PetscErrorCode Report(HtTensor t, const char label[], HtTensor ref)
{
  MPI_Comm        comm = PETSC_COMM_WORLD;
  const PetscInt *shape;
  PetscInt        ndim, split, n;
  HtDType         dtype;
  PetscMPIInt     rank;
  const void     *a;
  PetscReal       sum = 0, sumall;
  char            str[128] = "(";

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(HtTensorGetNDim(t, &ndim));
  PetscCall(HtTensorGetShape(t, &shape));
  PetscCall(HtTensorGetSplit(t, &split));
  PetscCall(HtTensorGetDType(t, &dtype));
  PetscCall(HtTensorGetLocalSize(t, &n));
  PetscCall(HtTensorGetArrayRead(t, &a));
  for (PetscInt k = 0; k < n && (split >= 0 || !rank); k++) sum += GetValue(dtype, a, k) * (GlobalIndex(t, k) + 1);
  PetscCall(HtTensorRestoreArrayRead(t, &a));
  PetscCall(MPIU_Allreduce(&sum, &sumall, 1, MPIU_REAL, MPI_SUM, comm));
  for (PetscInt d = 0; d < ndim; d++) PetscCall(PetscSNPrintf(str + strlen(str), sizeof(str) - strlen(str), d ? ", %" PetscInt_FMT : "%" PetscInt_FMT, shape[d]));
  PetscCall(PetscStrlcat(str, ndim == 1 ? ",)" : ")", sizeof(str)));
  PetscCall(PetscPrintf(comm, "%-28s shape %-10s split %2" PetscInt_FMT " %-6s checksum %.17g", label, str, split, HtDTypes[dtype], (double)sumall));
  if (ref) {
    HtTensor    r;
    HtDType     rdtype;
    const void *b;
    PetscReal   diff = 0, diffall;

    PetscCall(HtTensorGetSplit(ref, &split));
    PetscCall(HtTensorGetDType(ref, &rdtype));
    PetscCall(HtTensorResplit(t, split, &r));
    PetscCall(HtTensorGetLocalSize(r, &n));
    PetscCall(HtTensorGetArrayRead(r, &a));
    PetscCall(HtTensorGetArrayRead(ref, &b));
    for (PetscInt k = 0; k < n; k++) diff = PetscMax(diff, PetscAbsReal(GetValue(dtype, a, k) - GetValue(rdtype, b, k)));
    PetscCall(HtTensorRestoreArrayRead(ref, &b));
    PetscCall(HtTensorRestoreArrayRead(r, &a));
    PetscCall(HtTensorDestroy(&r));
    PetscCall(MPIU_Allreduce(&diff, &diffall, 1, MPIU_REAL, MPIU_MAX, comm));
    PetscCall(PetscPrintf(comm, " maxdiff %g", (double)diffall));
  }
  PetscCall(PetscPrintf(comm, "\n"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Make(PetscInt ndim, const PetscInt shape[], PetscInt split, HtDType dtype, const char name[], HtTensor *t)
{
  PetscFunctionBegin;
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, ndim, shape, split, dtype, t));
  PetscCall(Fill(*t));
  PetscCall(HtTensorSetName(*t, name));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* saves a filled tensor with split ssplit as `dataset` and loads it with split lsplit */
static PetscErrorCode RoundTrip(const char dir[], PetscInt ndim, const PetscInt shape[], HtDType dtype, PetscInt ssplit, const char dataset[], PetscInt lsplit)
{
  HtTensor t, u;
  char     path[PETSC_MAX_PATH_LEN], label[64];

  PetscFunctionBegin;
  PetscCall(Make(ndim, shape, ssplit, dtype, "t", &t));
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/roundtrip.h5", dir));
  PetscCall(HtTensorSaveHDF5(t, path, dataset));
  PetscCall(HtTensorLoadHDF5(PETSC_COMM_WORLD, path, dataset, lsplit, &u));
  PetscCall(PetscSNPrintf(label, sizeof(label), "%s %s %" PetscInt_FMT "->%" PetscInt_FMT, HtDTypes[dtype], dataset ? dataset : "NULL", ssplit, lsplit));
  PetscCall(Report(u, label, t));
  PetscCall(HtTensorDestroy(&u));
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode Load(const char path[], const char dataset[], PetscInt split, HtTensor ref)
{
  HtTensor t;

  PetscFunctionBegin;
  PetscCall(HtTensorLoad(PETSC_COMM_WORLD, path, dataset, split, &t));
  PetscCall(Report(t, dataset ? dataset : "NULL (data)", ref));
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* several tensors into one file through HDF5 viewers (groups, replacement, append), read back */
static PetscErrorCode ViewSeveral(const char dir[])
{
  PetscInt    s2[2] = {7, 5}, s3[3] = {2, 5, 3}, n = 6;
  HtTensor    x, labels, mask;
  PetscViewer v;
  char        path[PETSC_MAX_PATH_LEN];

  PetscFunctionBegin;
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s/several.h5", dir));
  PetscCall(Make(2, s2, 0, HT_SCALAR, "x", &x));
  PetscCall(Make(1, &n, -1, HT_INT, "labels", &labels));
  PetscCall(Make(3, s3, 2, HT_BOOL, "mask", &mask));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_WRITE, &v));
  PetscCall(HtTensorView(labels, v)); /* "/labels", replaced below */
  PetscCall(HtTensorView(x, v));
  PetscCall(PetscViewerHDF5PushGroup(v, "model/fit"));
  PetscCall(HtTensorView(labels, v));
  PetscCall(HtTensorView(mask, v));
  PetscCall(PetscViewerHDF5PopGroup(v));
  PetscCall(HtTensorSetName(x, "labels"));
  PetscCall(HtTensorView(x, v)); /* replaces the int dataset "/labels" by a float one of another shape */
  PetscCall(PetscViewerDestroy(&v));
  PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, path, FILE_MODE_APPEND, &v));
  PetscCall(HtTensorSetName(x, "/extra/x"));
  PetscCall(HtTensorView(x, v));
  PetscCall(PetscViewerDestroy(&v));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "HDF5 viewer: several tensors in one file\n"));
  PetscCall(Load(path, "x", 1, x));
  PetscCall(Load(path, "labels", 0, x));
  PetscCall(Load(path, "model/fit/labels", 0, labels));
  PetscCall(Load(path, "/model/fit/mask", 1, mask));
  PetscCall(Load(path, "extra/x", -1, x));
  PetscCall(HtTensorDestroy(&x));
  PetscCall(HtTensorDestroy(&labels));
  PetscCall(HtTensorDestroy(&mask));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  const char *dir;
  PetscInt    s2[2] = {7, 5}, s3[3] = {2, 5, 3}, s1 = 6, empty[2] = {0, 4};
  struct {
    const char *dataset;
    PetscInt    split;
  } h5py[] = {
    {"data", 0}, {"f4", 1}, {"i8", 0}, {"i4", 0}, {"u1", -1}, {"group/sub/x", 2}, {"/group/sub/x", 1}, {"scalar", -1}, {"empty", 1}, {NULL, 1},
  };

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  dir = getenv("HEAT_TEST_TMPDIR");
  PetscCheck(dir && dir[0], PETSC_COMM_WORLD, PETSC_ERR_USER, "Set HEAT_TEST_TMPDIR to a writable directory (tests/run does)");
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "round trips: dtype dataset save split->load split\n"));
  PetscCall(RoundTrip(dir, 2, s2, HT_SCALAR, -1, "data", 0));
  PetscCall(RoundTrip(dir, 2, s2, HT_SCALAR, 0, "a/b/c", 1));
  PetscCall(RoundTrip(dir, 2, s2, HT_SCALAR, 1, "/abs", -1));
  PetscCall(RoundTrip(dir, 3, s3, HT_SCALAR, 2, NULL, 0));
  PetscCall(RoundTrip(dir, 3, s3, HT_SCALAR, 0, "x", 2));
  PetscCall(RoundTrip(dir, 0, NULL, HT_SCALAR, -1, "zero_d", -1));
  PetscCall(RoundTrip(dir, 2, empty, HT_SCALAR, 0, "empty", 1));
  PetscCall(RoundTrip(dir, 2, s2, HT_INT, 1, "labels", 0));
  PetscCall(RoundTrip(dir, 3, s3, HT_INT, 0, "g/labels", 2));
  PetscCall(RoundTrip(dir, 1, &s1, HT_INT, -1, "labels", 0));
  PetscCall(RoundTrip(dir, 2, s2, HT_BOOL, 0, "mask", 1));
  PetscCall(RoundTrip(dir, 3, s3, HT_BOOL, 2, "mask", -1));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "files written by h5py\n"));
  for (size_t i = 0; i < PETSC_STATIC_ARRAY_LENGTH(h5py); i++) PetscCall(Load("data/small.h5", h5py[i].dataset, h5py[i].split, NULL));
  PetscCall(ViewSeveral(dir));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     nsize: {{1 2 3 4}}
TEST*/
