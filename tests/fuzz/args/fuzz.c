/*
   Fuzzes the argument handling of the `heat` command (src/bin/heat.c, compiled in here with its main() renamed): the
   input is a command line, words separated by blanks or newlines; its options replace the options database, and
   HeatParseCommandLine() checks them (usage, help, command, integer options, -target, -i, -o and their paths) as the
   command does before it reads anything.
*/
#include "../fuzz.h"
#define main HeatProgramMain
#include "../../../src/bin/heat.c"
#undef main
#include <ctype.h>
#include <stdint.h>

#define FUZZ_MAX_ARGS 64

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  FuzzInitialize();
  return 0;
}

/* the words of text (modified in place) as argv[1..], argv[0] = "heat" */
static int SplitWords(char *text, char *argv[])
{
  static char prog[] = "heat";
  int         argc   = 1;
  char       *save   = NULL;

  argv[0] = prog;
  for (char *w = strtok_r(text, " \t\n", &save); w && argc < FUZZ_MAX_ARGS; w = strtok_r(NULL, " \t\n", &save)) argv[argc++] = w;
  argv[argc] = NULL;
  return argc;
}

/* the options of argv[2..] into the (cleared) options database, as PETSc reads a command line: -name [value] */
static void SetOptions(int argc, char *argv[])
{
  FUZZ_CHECK(PetscOptionsClear(NULL));
  for (int k = 2; k < argc; k++) {
    const char *value = NULL;

    if (argv[k][0] != '-') continue;
    if (k + 1 < argc && (argv[k + 1][0] != '-' || isdigit((unsigned char)argv[k + 1][1]))) value = argv[++k];
    (void)PetscOptionsSetValue(NULL, argv[k - (value ? 1 : 0)], value); /* PETSc rejects some names: an error, no crash */
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char              *text = (char *)malloc(size + 1), *argv[FUZZ_MAX_ARGS + 1];
  int                argc;
  PetscBool          help;
  HeatDriver         drv;
  const HeatCommand *cmd;

  memcpy(text, data, size);
  text[size] = 0;
  argc = SplitWords(text, argv);
  help = HeatTakeHelp(&argc, argv);
  SetOptions(argc, argv);
  memset(&drv, 0, sizeof(drv));
  drv.comm = PETSC_COMM_WORLD;
  (void)HeatParseCommandLine(argc, argv, help, &drv, &cmd);
  free(text);
  return 0;
}
