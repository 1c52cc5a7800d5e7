static const char help[] = "Tests the back end of a tensor (HtTensorSetType, HtTensorSetFromOptions) and HtTensorCountNonFinite.\n"
                           "  -case NAME   an error case: unknowntype\n\n";

#include <heat.h>
#include <heat/private/tensorimpl.h>
#include <math.h>

/* a second back end for the test: the host kernels under another name (what a CUDA back end plugs into) */
static HtTensor HostModel;

static PetscErrorCode HtTensorCreate_Mirror(HtTensor t)
{
  PetscFunctionBeginUser;
  PetscCall(PetscMemcpy(t->ops, HostModel->ops, sizeof(struct _HtTensorOps)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the sum of the elements and whether the element with flat index 7 is 7 */
static PetscErrorCode Check(HtTensor t, const char what[])
{
  HtTensor           sum;
  const PetscScalar *s;
  HtTensorType       type;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetType(t, &type));
  PetscCall(HtTensorSum(t, HT_AXIS_NONE, PETSC_FALSE, &sum));
  PetscCall(HtTensorGetArrayRead(sum, &s));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: type %s, sum of the elements %g\n", what, type, (double)PetscRealPart(s[0])));
  PetscCall(HtTensorRestoreArrayRead(sum, &s));
  PetscCall(HtTensorDestroy(&sum));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a 5 x 4 x 3 tensor of 0, 1, 2, ... with NaN and Inf at the flat indices bad[], split `split` */
static PetscErrorCode TestNonFinite(PetscInt split, PetscInt nbad, const PetscInt bad[])
{
  HtTensor flat, t;
  PetscInt count, first;

  PetscFunctionBeginUser;
  PetscCall(HtTensorArange(PETSC_COMM_WORLD, 0, 60, 1, -1, HT_SCALAR, &flat));
  {
    PetscScalar *a;

    PetscCall(HtTensorGetArray(flat, &a));
    for (PetscInt b = 0; b < nbad; b++) a[bad[b]] = b % 2 ? (PetscScalar)INFINITY : (PetscScalar)NAN;
    PetscCall(HtTensorRestoreArray(flat, &a));
  }
  PetscCall(HtTensorReshape(flat, 3, (PetscInt[]){5, 4, 3}, split, &t));
  PetscCall(HtTensorCountNonFinite(t, &count, &first));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "split %" PetscInt_FMT ": %" PetscInt_FMT " NaN or Inf, the first at flat index %" PetscInt_FMT "\n", split, count, first));
  PetscCall(HtTensorDestroy(&t));
  PetscCall(HtTensorDestroy(&flat));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  HtTensor  t;
  char      which[64] = "";
  PetscBool is;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", which, sizeof(which), NULL));
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 1, (PetscInt[]){1}, -1, HT_SCALAR, &HostModel));
  PetscCall(HtTensorRegister("mirror", HtTensorCreate_Mirror));
  PetscCall(HtTensorArange(PETSC_COMM_WORLD, 0, 24, 1, 0, HT_SCALAR, &t));
  PetscCall(Check(t, "created"));
  PetscCall(PetscStrcmp(which, "unknowntype", &is));
  if (is) PetscCall(HtTensorSetType(t, "cuda2"));
  PetscCall(HtTensorSetType(t, "mirror"));
  PetscCall(Check(t, "HtTensorSetType mirror"));
  PetscCall(HtTensorSetType(t, HTTENSORHOST));
  PetscCall(Check(t, "HtTensorSetType host"));
  PetscCall(HtTensorSetOptionsPrefix(t, "x_"));
  PetscCall(HtTensorSetFromOptions(t));
  PetscCall(Check(t, "HtTensorSetFromOptions"));
  PetscCall(HtTensorDestroy(&t));
  for (PetscInt split = -1; split < 3; split++) {
    PetscCall(TestNonFinite(split, 0, NULL));
    PetscCall(TestNonFinite(split, 3, (PetscInt[]){59, 23, 40}));
  }
  PetscCall(HtTensorDestroy(&HostModel));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest());
}

/*TEST
   testset:
     nsize: {{1 2 3 4}}
     test:
       suffix: mirror
       args: -x_ht_tensor_type mirror
     test:
       suffix: host
       args: -x_ht_tensor_type host -ht_kernel_isa baseline
   testset:
     nsize: {{1 3}}
     errors: expected
     filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p"
     test:
       suffix: unknowntype
       args: -case unknowntype
TEST*/
