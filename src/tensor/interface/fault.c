/*
   Fault injection, a testing facility: the options -ht_fault_inject_malloc RANK:COUNT and -ht_fault_inject_write
   RANK:COUNT make the COUNT-th allocation of a distributed tensor's storage, or the COUNT-th file save, fail on the
   one rank RANK of PETSC_COMM_WORLD, as running out of memory or a full disk would. The tests use them to show that a
   fault of one rank ends in the same error on every rank and that no file is damaged or left behind.
*/
#include <heat/private/tensorimpl.h>
#include <stdio.h>

const char *const HtFaultOptions[] = {"-ht_fault_inject_malloc", "-ht_fault_inject_write"};

static struct {
  PetscMPIInt rank;  /* the rank that fails, -1: none */
  PetscInt    count; /* the event that fails, counted from 1 on that rank */
  PetscInt    seen;  /* the events so far */
} HtFaults[HT_FAULT_NUM];

/* HtFaultSetFromOptions_Private - reads the fault options (not collectively: every rank reads its own copy, once) */
PetscErrorCode HtFaultSetFromOptions_Private(void)
{
  PetscFunctionBegin;
  for (PetscInt k = 0; k < HT_FAULT_NUM; k++) {
    char      value[64];
    PetscBool set;
    int       rank, count = 1, n;

    HtFaults[k].rank  = -1;
    HtFaults[k].count = 0;
    HtFaults[k].seen  = 0;
    PetscCall(PetscOptionsGetString(NULL, NULL, HtFaultOptions[k], value, sizeof(value), &set));
    if (!set) continue;
    n = sscanf(value, "%d:%d", &rank, &count);
    PetscCheck(n >= 1 && rank >= 0 && count >= 1, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONG, "%s %s: give RANK:COUNT (the COUNT-th event on rank RANK fails), e.g. 2:1", HtFaultOptions[k], value);
    HtFaults[k].rank  = (PetscMPIInt)rank;
    HtFaults[k].count = count;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtFaultInjected - whether this event of the kind fails on this rank (counts the event) */
PetscBool HtFaultInjected(HtFaultKind kind)
{
  PetscMPIInt rank;

  if (HtFaults[kind].rank < 0 || MPI_Comm_rank(PETSC_COMM_WORLD, &rank) || rank != HtFaults[kind].rank) return PETSC_FALSE;
  return (PetscBool)(++HtFaults[kind].seen == HtFaults[kind].count);
}
