static const char help[] = "Tutorial 4: the lasso path of the diabetes data: which features enter the model as alpha falls.\n"
                           "  -i FILE        table with a header line, the target last (default ../share/heat/datasets/diabetes.csv)\n"
                           "  -n_alphas N    number of penalties on the path (default 30)\n"
                           "  -eps E         smallest penalty / largest penalty (default 1e-3)\n"
                           "Try -ht_regressor_type elasticnet -ht_regressor_l1_ratio 0.5, -ht_regressor_lasso_solver residual, -log_view.\n\n";

/*
   The lasso minimizes |y - X w - b|^2 / (2 N) + alpha |w|_1. For alpha large enough every coefficient is 0; as
   alpha falls, features enter the model one by one, the most useful first. HtRegressorLassoPath() fits the
   whole path with warm starts (each fit starts from the previous coefficients). Its default gram solver reads the
   data once: each rank forms X^T X and X^T y of its rows, one allreduce adds them, and from then on every rank
   runs the same coordinate descent on F x F numbers, without any communication.
*/
#include <heat.h>

/* The column names from the header line: rank 0 reads the line and PetscSynchronizedFGets() sends it to every
   rank (collective); PetscStrToArray() splits it at the commas */
static PetscErrorCode ReadHeader(MPI_Comm comm, const char file[], char line[], size_t len, int *n, char ***names)
{
  FILE *fp;

  PetscFunctionBeginUser;
  PetscCall(PetscFOpen(comm, file, "r", &fp));
  PetscCall(PetscSynchronizedFGets(comm, fp, len, line));
  PetscCall(PetscFClose(comm, fp));
  PetscCall(PetscStrToArray(line, ',', n, names));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  MPI_Comm           comm;
  HtRegressor        reg;
  HtTensor           data, X, ycol, y, alphas, coefs;
  char               in[PETSC_MAX_PATH_LEN] = "../share/heat/datasets/diabetes.csv", line[4096], **names;
  int                ncols;
  PetscInt           n_alphas = 30, F, nchanges;
  HtRegressorType    type;
  PetscReal          eps = 1e-3, r2, tiny = 0;
  const PetscInt    *shape;
  const PetscScalar *a, *c;
  const HtSlice      features[2] = {HT_SLICE_ALL, {0, -1, 1}}, last[2] = {HT_SLICE_ALL, {-1, HT_NONE, 1}};

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  comm = PETSC_COMM_WORLD;
  PetscOptionsBegin(comm, NULL, "Tutorial 4 options", NULL);
  PetscCall(PetscOptionsString("-i", "Table with a header line, the target in the last column", NULL, in, in, sizeof(in), NULL));
  PetscCall(PetscOptionsInt("-n_alphas", "Number of penalties on the path", NULL, n_alphas, &n_alphas, NULL));
  PetscCall(PetscOptionsReal("-eps", "Smallest penalty / largest penalty", NULL, eps, &eps, NULL));
  PetscOptionsEnd();

  PetscCall(ReadHeader(comm, in, line, sizeof(line), &ncols, &names));
  PetscCall(HtTensorLoad(comm, in, NULL, 0, &data)); /* the header line is recognized and skipped */
  PetscCall(HtTensorGetSlice(data, 2, features, &X));
  PetscCall(HtTensorGetSlice(data, 2, last, &ycol));
  PetscCall(HtTensorSqueeze(ycol, 1, (PetscInt[]){1}, &y)); /* the target as a 1-d tensor, split like X's rows */
  PetscCall(HtTensorGetShape(X, &shape));
  F = shape[1];
  PetscCheck(ncols == F + 1, comm, PETSC_ERR_USER_INPUT, "%s: the header names %d columns, the data have %" PetscInt_FMT, in, ncols, F + 1);

  PetscCall(HtRegressorCreate(comm, &reg));
  PetscCall(HtRegressorSetType(reg, HTREGRESSORLASSO));
  PetscCall(HtRegressorSetFromOptions(reg));
  PetscCall(HtRegressorLassoPath(reg, X, y, n_alphas, eps, &alphas, &coefs)); /* replicated: alphas, coefs (F x n_alphas) */

  /* walk down the path: a coefficient that becomes nonzero has entered the model, one that becomes 0 has left.
     At the largest alpha the exact answer is w = 0, but the rounding of alpha_max can leave a coefficient of
     1e-13: "nonzero" means larger than 1e-10 times the largest coefficient of the path. */
  PetscCall(HtRegressorGetType(reg, &type)); /* lasso, or elasticnet with -ht_regressor_type elasticnet */
  PetscCall(PetscPrintf(comm, "%" PetscInt_FMT " samples, %" PetscInt_FMT " features; %s path of %" PetscInt_FMT " penalties\n", shape[0], F, type, n_alphas));
  PetscCall(PetscPrintf(comm, "     alpha  nonzeros  change\n"));
  PetscCall(HtTensorGetArrayRead(alphas, &a));
  PetscCall(HtTensorGetArrayRead(coefs, &c));
  for (PetscInt i = 0; i < F * n_alphas; i++) tiny = PetscMax(tiny, 1e-10 * PetscAbsScalar(c[i]));
  for (PetscInt k = 0; k < n_alphas; k++) {
    PetscInt nnz = 0;

    for (PetscInt j = 0; j < F; j++) nnz += PetscAbsScalar(c[j * n_alphas + k]) > tiny;
    PetscCall(PetscPrintf(comm, "%10.6f  %8" PetscInt_FMT, (double)PetscRealPart(a[k]), nnz));
    nchanges = 0;
    for (PetscInt j = 0; j < F; j++) {
      PetscBool now = (PetscBool)(PetscAbsScalar(c[j * n_alphas + k]) > tiny), before = (PetscBool)(k > 0 && PetscAbsScalar(c[j * n_alphas + k - 1]) > tiny);
      if (now != before) PetscCall(PetscPrintf(comm, "%s%s%s", nchanges++ ? " " : "  ", now ? "+" : "-", names[j]));
    }
    PetscCall(PetscPrintf(comm, "\n"));
  }
  PetscCall(PetscPrintf(comm, "coefficients at the smallest alpha:"));
  for (PetscInt j = 0; j < F; j++) PetscCall(PetscPrintf(comm, " %s %.4f", names[j], (double)PetscRealPart(c[j * n_alphas + n_alphas - 1])));
  PetscCall(HtTensorRestoreArrayRead(coefs, &c));
  PetscCall(HtTensorRestoreArrayRead(alphas, &a));

  /* after the path the regressor holds the model of the smallest alpha: its R^2 on the data */
  PetscCall(HtRegressorScore(reg, X, y, &r2));
  PetscCall(PetscPrintf(comm, "\nR^2 at the smallest alpha: %.6f\n", (double)r2));

  PetscCall(HtTensorDestroy(&coefs));
  PetscCall(HtTensorDestroy(&alphas));
  PetscCall(HtRegressorDestroy(&reg));
  PetscCall(HtTensorDestroy(&y));
  PetscCall(HtTensorDestroy(&ycol));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HtTensorDestroy(&data));
  PetscCall(PetscStrToArrayDestroy(ncols, names));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     suffix: lasso
     nsize: {{1 2 3 4}}
   testset:
     nsize: {{1 3}}
     test:
       suffix: residual
       args: -ht_regressor_lasso_solver residual
       output_file: output/ex4_lasso.out
     test:
       suffix: enet
       args: -ht_regressor_type elasticnet -ht_regressor_l1_ratio 0.5 -n_alphas 10
TEST*/
