static const char help[] = "Tests HtTensorMatMul, HtTensorTransposeMatMul, HtTensorDot and HtTensorOuter against NumPy\n"
                           "for every pair of splits, on balanced and uneven layouts.\n\n";

#include "linalgtest.h"

static const char *const SplitNames[] = {"-1", " 0", " 1"};

/* C = A B (or At^T B) for every pair of splits; dtype converts both operands when not -1 */
static PetscErrorCode TestProduct(const char name[], PetscBool transpose, PetscBool uneven, HtDType dtype, const char refname[])
{
  char path[PETSC_MAX_PATH_LEN];

  PetscFunctionBeginUser;
  for (PetscInt sa = -1; sa <= 1; sa++) {
    for (PetscInt sb = -1; sb <= 1; sb++) {
      HtTensor A, B, C;

      PetscCall(PetscSNPrintf(path, sizeof(path), "matmul/%s/%s", name, transpose ? "At" : "A"));
      PetscCall(LoadData(path, sa, uneven, &A));
      PetscCall(PetscSNPrintf(path, sizeof(path), "matmul/%s/B", name));
      PetscCall(LoadData(path, sb, uneven, &B));
      if ((int)dtype >= 0) {
        HtTensor t;

        PetscCall(HtTensorAsType(A, dtype, &t));
        PetscCall(HtTensorDestroy(&A));
        A = t;
        PetscCall(HtTensorAsType(B, dtype, &t));
        PetscCall(HtTensorDestroy(&B));
        B = t;
      }
      if (transpose) PetscCall(HtTensorTransposeMatMul(A, B, &C));
      else PetscCall(HtTensorMatMul(A, B, &C));
      PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s %-7s%s %s A %s B %s", transpose ? "A^T B" : "A B  ", name, (int)dtype >= 0 ? HtDTypes[dtype] : "", uneven ? "uneven  " : "balanced", SplitNames[sa + 1], SplitNames[sb + 1]));
      PetscCall(PetscSNPrintf(path, sizeof(path), "matmul/%s/%s", name, refname));
      PetscCall(CheckResult(C, path, 1e-12));
      PetscCall(HtTensorDestroy(&A));
      PetscCall(HtTensorDestroy(&B));
      PetscCall(HtTensorDestroy(&C));
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the inner product of two 1-d tensors for every pair of splits and layouts, printed */
static PetscErrorCode TestDot(const char xname[], const char yname[])
{
  PetscFunctionBeginUser;
  for (PetscInt uneven = 0; uneven < 2; uneven++) {
    for (PetscInt sx = -1; sx <= 0; sx++) {
      for (PetscInt sy = -1; sy <= 0; sy++) {
        HtTensor        x, y, d;
        const void     *v;
        HtDType         dtype;
        PetscInt        ndim;
        const PetscInt *lshape;

        PetscCall(LoadData(xname, sx, (PetscBool)uneven, &x));
        PetscCall(LoadData(yname, sy, PETSC_FALSE, &y));
        PetscCall(HtTensorDot(x, y, &d));
        PetscCall(HtTensorGetNDim(d, &ndim));
        PetscCall(HtTensorGetLocalShape(d, &lshape));
        PetscCall(HtTensorGetDType(d, &dtype));
        PetscCall(HtTensorGetArrayRead(d, &v));
        PetscCall(PetscPrintf(PETSC_COMM_WORLD, "dot %s . %s %s x split %s y split %s: %d-d %s %.12g\n", xname, yname, uneven ? "uneven  " : "balanced", SplitNames[sx + 1], SplitNames[sy + 1], (int)ndim, HtDTypes[dtype], (double)EntryAsReal(dtype, v, 0)));
        PetscCall(HtTensorRestoreArrayRead(d, &v));
        PetscCall(HtTensorDestroy(&x));
        PetscCall(HtTensorDestroy(&y));
        PetscCall(HtTensorDestroy(&d));
      }
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode TestOuter(void)
{
  PetscFunctionBeginUser;
  for (PetscInt uneven = 0; uneven < 2; uneven++) {
    for (PetscInt sx = -1; sx <= 0; sx++) {
      for (PetscInt sz = -1; sz <= 0; sz++) {
        HtTensor x, z, C;

        PetscCall(LoadData("dot/x", sx, (PetscBool)uneven, &x));
        PetscCall(LoadData("dot/z", sz, (PetscBool)uneven, &z));
        PetscCall(HtTensorOuter(x, z, &C));
        PetscCall(PetscPrintf(PETSC_COMM_WORLD, "outer %s x split %s z split %s", uneven ? "uneven  " : "balanced", SplitNames[sx + 1], SplitNames[sz + 1]));
        PetscCall(CheckResult(C, "dot/xz", 1e-14));
        PetscCall(HtTensorDestroy(&x));
        PetscCall(HtTensorDestroy(&z));
        PetscCall(HtTensorDestroy(&C));
      }
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the largest difference between the 1-d tensor r and the n entries ref (r replicated first) */
static PetscErrorCode MaxDifference(HtTensor r, PetscInt n, const PetscReal ref[], PetscReal *err)
{
  HtTensor           rr;
  const PetscScalar *a;
  PetscInt           ndim;
  const PetscInt    *shape;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetNDim(r, &ndim));
  PetscCall(HtTensorGetShape(r, &shape));
  PetscCheck(ndim == 1 && shape[0] == n, PETSC_COMM_WORLD, PETSC_ERR_PLIB, "result of %" PetscInt_FMT " axes, expected a %" PetscInt_FMT "-vector", ndim, n);
  PetscCall(HtTensorResplit(r, -1, &rr));
  PetscCall(HtTensorGetArrayRead(rr, &a));
  *err = 0;
  for (PetscInt i = 0; i < n; i++) *err = PetscMax(*err, PetscAbsReal(a[i] - ref[i]));
  PetscCall(HtTensorRestoreArrayRead(rr, &a));
  PetscCall(HtTensorDestroy(&rr));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtTensorDot of a matrix and a vector, both ways, for every split of each, against direct sums on the replicated data */
static PetscErrorCode TestDotMatVec(void)
{
  const PetscInt n = 7, k = 5;

  PetscFunctionBeginUser;
  for (PetscInt sa = -1; sa < 2; sa++)
    for (PetscInt sv = -1; sv < 1; sv++) {
      HtTensor           A, v, u, Av, uA, Ar, vr, ur;
      const PetscScalar *a, *x, *y;
      PetscReal          refAv[7] = {0}, refuA[5] = {0}, errAv = 0, erruA = 0;
      PetscInt           splitAv, splituA;

      PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 2, (PetscInt[]){n, k}, sa, 21, &A));
      PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 1, &k, sv, 22, &v));
      PetscCall(HtTensorRandn(PETSC_COMM_WORLD, 1, &n, sv, 23, &u));
      PetscCall(HtTensorDot(A, v, &Av));
      PetscCall(HtTensorDot(u, A, &uA));
      PetscCall(HtTensorResplit(A, -1, &Ar));
      PetscCall(HtTensorResplit(v, -1, &vr));
      PetscCall(HtTensorResplit(u, -1, &ur));
      PetscCall(HtTensorGetArrayRead(Ar, &a));
      PetscCall(HtTensorGetArrayRead(vr, &x));
      PetscCall(HtTensorGetArrayRead(ur, &y));
      for (PetscInt i = 0; i < n; i++)
        for (PetscInt j = 0; j < k; j++) {
          refAv[i] += a[i * k + j] * x[j];
          refuA[j] += y[i] * a[i * k + j];
        }
      PetscCall(HtTensorRestoreArrayRead(ur, &y));
      PetscCall(HtTensorRestoreArrayRead(vr, &x));
      PetscCall(HtTensorRestoreArrayRead(Ar, &a));
      PetscCall(MaxDifference(Av, n, refAv, &errAv));
      PetscCall(MaxDifference(uA, k, refuA, &erruA));
      PetscCall(HtTensorGetSplit(Av, &splitAv));
      PetscCall(HtTensorGetSplit(uA, &splituA));
      PetscCall(PetscPrintf(PETSC_COMM_WORLD, "dot A split %2" PetscInt_FMT " . v split %2" PetscInt_FMT ": (%" PetscInt_FMT ") split %2" PetscInt_FMT " %s; u . A: (%" PetscInt_FMT ") split %2" PetscInt_FMT " %s\n", sa, sv, n, splitAv, errAv <= 1e-13 ? "ok" : "WRONG", k, splituA, erruA <= 1e-13 ? "ok" : "WRONG"));
      PetscCall(HtTensorDestroy(&ur));
      PetscCall(HtTensorDestroy(&vr));
      PetscCall(HtTensorDestroy(&Ar));
      PetscCall(HtTensorDestroy(&uA));
      PetscCall(HtTensorDestroy(&Av));
      PetscCall(HtTensorDestroy(&u));
      PetscCall(HtTensorDestroy(&v));
      PetscCall(HtTensorDestroy(&A));
    }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtTensorDot of 2-d tensors is the matrix product; the Gram matrix X^T X of split-0 data is replicated */
static PetscErrorCode TestDot2dAndGram(void)
{
  HtTensor A, B, C;

  PetscFunctionBeginUser;
  PetscCall(LoadData("matmul/rect/A", 0, PETSC_TRUE, &A));
  PetscCall(LoadData("matmul/rect/B", 1, PETSC_FALSE, &B));
  PetscCall(HtTensorDot(A, B, &C));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "dot 2-d rect A 0 B 1"));
  PetscCall(CheckResult(C, "matmul/rect/C", 1e-12));
  PetscCall(HtTensorDestroy(&A));
  PetscCall(HtTensorDestroy(&B));
  PetscCall(HtTensorDestroy(&C));
  PetscCall(LoadData("matmul/big/A", 0, PETSC_TRUE, &A));
  PetscCall(HtTensorTransposeMatMul(A, A, &C));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "Gram X^T X big, X split 0 uneven"));
  PetscCall(CheckResult(C, "matmul/big/Gram", 1e-12));
  PetscCall(HtTensorDestroy(&A));
  PetscCall(HtTensorDestroy(&C));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  const char *const floats[] = {"square", "rect", "tall", "k1", "big", "emptyn", "emptyk"};

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  for (size_t c = 0; c < PETSC_STATIC_ARRAY_LENGTH(floats); c++) {
    PetscCall(TestProduct(floats[c], PETSC_FALSE, PETSC_FALSE, (HtDType)-1, "C"));
    PetscCall(TestProduct(floats[c], PETSC_FALSE, PETSC_TRUE, (HtDType)-1, "C"));
  }
  PetscCall(TestProduct("rect", PETSC_TRUE, PETSC_FALSE, (HtDType)-1, "C"));
  PetscCall(TestProduct("k1", PETSC_TRUE, PETSC_TRUE, (HtDType)-1, "C"));
  PetscCall(TestProduct("tall", PETSC_TRUE, PETSC_TRUE, (HtDType)-1, "C"));
  PetscCall(TestProduct("int", PETSC_FALSE, PETSC_TRUE, (HtDType)-1, "C"));
  PetscCall(TestProduct("int", PETSC_TRUE, PETSC_FALSE, (HtDType)-1, "C"));
  PetscCall(TestProduct("int", PETSC_FALSE, PETSC_FALSE, HT_BOOL, "Cbool"));
  PetscCall(TestProduct("int", PETSC_FALSE, PETSC_TRUE, HT_SCALAR, "C"));
  PetscCall(TestDot("dot/x", "dot/y"));
  PetscCall(TestDot("dot/xi", "dot/yi"));
  PetscCall(TestOuter());
  PetscCall(TestDot2dAndGram());
  PetscCall(TestDotMatVec());
  PetscCall(FreeData());
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     suffix: 1
     nsize: {{1 2 3 4}}
     timeoutfactor: 2
   test:   # the blocks travelling around the ring as large-count datatypes of 7-element pieces
     suffix: maxcount
     nsize: {{2 3 4}}
     args: -ht_mpi_max_count 7
     output_file: output/matmul_1.out
     timeoutfactor: 2
TEST*/
