static const char help[] = "Tests the errors of HtTensor HDF5 I/O: each -case is one bad input, which must give a clean error on every rank.\n";

#include <heat.h>

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  char        name[64] = "";
  HtTensor    t = NULL;
  PetscViewer viewer;
  const char *file = "data/small.h5", *dataset = NULL;
  PetscInt    split = 0, i;
  const char *cases[][3] = {
    /* -case          file                     dataset        */
    {"missing_file",  "data/no_such_file.h5", "data"      },
    {"not_hdf5",      "data/not_hdf5.h5",     "data"      },
    {"missing",       "data/small.h5",        "nope"      },
    {"missing_group", "data/small.h5",        "nogroup/x" },
    {"group",         "data/small.h5",        "group/sub" },
    {"strings",       "data/small.h5",        "strings"   },
    {"overflow_i8",   "data/small.h5",        "big_i8"    },
    {"overflow_u4",   "data/small.h5",        "big_u4"    },
    {"split",         "data/small.h5",        "data"      },
    {"split_0d",      "data/small.h5",        "scalar"    },
    {"nine_d",        "data/small.h5",        "nine_d"    },
    {"null",          "data/small.h5",        "null"      },
    {"view_read",     "data/small.h5",        "data"      },
  };

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", name, sizeof(name), NULL));
  for (i = 0; i < (PetscInt)PETSC_STATIC_ARRAY_LENGTH(cases); i++) {
    PetscBool match;

    PetscCall(PetscStrcmp(name, cases[i][0], &match));
    if (match) break;
  }
  PetscCheck(i < (PetscInt)PETSC_STATIC_ARRAY_LENGTH(cases), PETSC_COMM_WORLD, PETSC_ERR_USER, "Unknown -case '%s'", name);
  file    = cases[i][1];
  dataset = cases[i][2];
  if (!strcmp(name, "split")) split = 2;
  if (!strcmp(name, "split_0d")) split = 0;
  if (!strcmp(name, "view_read")) {
    PetscCall(HtTensorLoadHDF5(PETSC_COMM_WORLD, file, dataset, 0, &t));
    PetscCall(PetscViewerHDF5Open(PETSC_COMM_WORLD, file, FILE_MODE_READ, &viewer));
    PetscCall(HtTensorView(t, viewer));
    PetscCall(PetscViewerDestroy(&viewer));
  } else PetscCall(HtTensorLoadHDF5(PETSC_COMM_WORLD, file, dataset, split, &t));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "case %s: no error\n", name));
  PetscCall(HtTensorView(t, PETSC_VIEWER_STDOUT_WORLD)); /* what was loaded (the overflow cases with 64-bit PetscInt) */
  PetscCall(HtTensorDestroy(&t));
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
     filter: grep -m1 -o -e "Cannot open.*" -e "'.*' is not an HDF5 file" -e "Dataset .*" -e "Cannot split.*" -e "'.*' is not a dataset.*" -e "Cannot write.*"
     test:
       suffix: missing_file
       args: -case missing_file
     test:
       suffix: not_hdf5
       args: -case not_hdf5
     test:
       suffix: missing
       args: -case missing
     test:
       suffix: missing_group
       args: -case missing_group
     test:
       suffix: group
       args: -case group
     test:
       suffix: strings
       args: -case strings
     test:
       suffix: overflow_i8
       args: -case overflow_i8
       requires: !64bit_indices
     test:
       suffix: overflow_u4
       args: -case overflow_u4
       requires: !64bit_indices
     test:   # with 64-bit PetscInt these values load exactly
       suffix: overflow_i8_64
       args: -case overflow_i8
       requires: 64bit_indices
       filter: grep -v "MPI process"
     test:
       suffix: overflow_u4_64
       args: -case overflow_u4
       requires: 64bit_indices
       filter: grep -v "MPI process"
     test:
       suffix: split
       args: -case split
     test:
       suffix: split_0d
       args: -case split_0d
     test:
       suffix: nine_d
       args: -case nine_d
     test:
       suffix: null
       args: -case null
     test:
       suffix: view_read
       args: -case view_read
TEST*/
