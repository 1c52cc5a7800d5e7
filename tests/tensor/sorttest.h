/*
   Helpers of the sorting and indexing tests: inputs and NumPy references from data/sort/sort.h5
   (written by data/sort/make_sort_data.py). TestForEachLayout() runs a test body once for every
   split (-1, 0, the middle axis ndim/2, the last axis) and, for split 0 and the last axis, also with
   uneven layouts (rank r owns a share growing with r; the last rank owns everything); the body loads
   its inputs with TestLoad() in that split and layout and checks its results with TestCompare().
*/
#pragma once

#include <heat.h>

#define SORT_DATA "data/sort/sort.h5"

typedef enum {
  TEST_SPLIT_NONE,
  TEST_SPLIT_FIRST,
  TEST_SPLIT_MIDDLE,
  TEST_SPLIT_LAST
} TestSplitKind;
typedef enum {
  TEST_LAYOUT_BALANCED,
  TEST_LAYOUT_UNEVEN,
  TEST_LAYOUT_SKEWED
} TestLayoutKind;

static const char *const TestSplitNames[]  = {"none", "first", "middle", "last"};
static const char *const TestLayoutNames[] = {"balanced", "uneven", "skewed"};

/* the datasets of sort.h5 read so far (replicated), so that every configuration reads the file only once */
static struct {
  char     name[64];
  HtTensor t;
} TestCache[256];
static int TestCacheSize;

static inline PetscErrorCode TestRead(const char name[], HtTensor *t)
{
  PetscBool found = PETSC_FALSE;

  PetscFunctionBeginUser;
  for (int i = 0; i < TestCacheSize && !found; i++) {
    PetscCall(PetscStrcmp(TestCache[i].name, name, &found));
    if (found) *t = TestCache[i].t;
  }
  if (!found) {
    PetscCheck(TestCacheSize < (int)(sizeof(TestCache) / sizeof(TestCache[0])), PETSC_COMM_SELF, PETSC_ERR_MEM, "Enlarge TestCache");
    PetscCall(HtTensorLoad(PETSC_COMM_WORLD, SORT_DATA, name, -1, t));
    PetscCall(PetscStrncpy(TestCache[TestCacheSize].name, name, sizeof(TestCache[0].name)));
    TestCache[TestCacheSize++].t = *t;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static inline PetscErrorCode TestCacheDestroy(void)
{
  PetscFunctionBeginUser;
  for (int i = 0; i < TestCacheSize; i++) PetscCall(HtTensorDestroy(&TestCache[i].t));
  TestCacheSize = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the configuration of the current run and the number of checks made and failed in it */
static struct {
  TestSplitKind  split;
  TestLayoutKind layout;
  PetscInt       checks, failures;
} TestState;

static inline PetscErrorCode TestSplit(PetscInt ndim, PetscInt *split)
{
  PetscFunctionBeginUser;
  switch (TestState.split) {
  case TEST_SPLIT_NONE:
    *split = -1;
    break;
  case TEST_SPLIT_FIRST:
    *split = 0;
    break;
  case TEST_SPLIT_MIDDLE:
    *split = ndim / 2;
    break;
  case TEST_SPLIT_LAST:
    *split = ndim - 1;
    break;
  }
  if (ndim == 0) *split = -1;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* gives t the layout of the current configuration (a split tensor only) */
static inline PetscErrorCode TestLayout(HtTensor t)
{
  PetscMPIInt     rank, size;
  PetscInt        split, len, before, upto;
  const PetscInt *shape;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetSplit(t, &split));
  if (split < 0 || TestState.layout == TEST_LAYOUT_BALANCED) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCall(HtTensorGetShape(t, &shape));
  len    = shape[split];
  before = len * (rank * (rank + 1) / 2) / (size * (size + 1) / 2); /* rank r's weight is r + 1 */
  upto   = len * ((rank + 1) * (rank + 2) / 2) / (size * (size + 1) / 2);
  PetscCall(HtTensorSetLayout(t, TestState.layout == TEST_LAYOUT_SKEWED ? (rank == size - 1 ? len : 0) : upto - before));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* an input of sort.h5 with the split and layout of the options */
static inline PetscErrorCode TestLoad(const char name[], HtTensor *t)
{
  HtTensor rep;
  PetscInt ndim, split = 0;

  PetscFunctionBeginUser;
  PetscCall(TestRead(name, &rep));
  PetscCall(HtTensorGetNDim(rep, &ndim));
  PetscCall(TestSplit(ndim, &split));
  PetscCall(HtTensorResplit(rep, split, t));
  PetscCall(TestLayout(*t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a mask of sort.h5 (stored as 0/1 integers) as an HT_BOOL tensor split like the inputs */
static inline PetscErrorCode TestLoadMask(const char name[], HtTensor *mask)
{
  HtTensor m;

  PetscFunctionBeginUser;
  PetscCall(TestLoad(name, &m));
  PetscCall(HtTensorAsType(m, HT_BOOL, mask));
  PetscCall(HtTensorDestroy(&m));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static inline PetscBool TestSameValue(PetscScalar a, PetscScalar b)
{
  PetscReal x = PetscRealPart(a), y = PetscRealPart(b);
  return (PetscBool)(x == y || (PetscIsNanReal(x) && PetscIsNanReal(y)));
}

static inline PetscScalar TestElement(HtDType dtype, const void *a, PetscInt i)
{
  return dtype == HT_SCALAR ? ((const PetscScalar *)a)[i] : dtype == HT_INT ? (PetscScalar)((const PetscInt *)a)[i] : (PetscScalar)((const PetscBool *)a)[i];
}

/* compares a result with a reference tensor (shape, then every value exactly, NaN equal to NaN); prints a failure */
static inline PetscErrorCode TestCompareTensors(const char label[], HtTensor got, HtTensor ref, const char refname[])
{
  HtTensor        g, r;
  PetscInt        gn, rn, size, bad = 0, first = -1;
  const PetscInt *gs, *rs;
  HtDType         gt, rt;
  const void     *ga, *ra;
  PetscBool       sameshape;

  PetscFunctionBeginUser;
  PetscCall(HtTensorResplit(got, -1, &g));
  PetscCall(HtTensorResplit(ref, -1, &r));
  PetscCall(HtTensorGetNDim(g, &gn));
  PetscCall(HtTensorGetNDim(r, &rn));
  PetscCall(HtTensorGetShape(g, &gs));
  PetscCall(HtTensorGetShape(r, &rs));
  PetscCall(HtTensorGetSize(r, &size));
  PetscCall(HtTensorGetDType(g, &gt));
  PetscCall(HtTensorGetDType(r, &rt));
  sameshape = (PetscBool)(gn == rn);
  for (PetscInt d = 0; sameshape && d < gn; d++) sameshape = (PetscBool)(gs[d] == rs[d]);
  TestState.checks++;
  if (!sameshape || gt != rt) {
    TestState.failures++;
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: FAIL, %" PetscInt_FMT "-d %s result, the reference %s is %" PetscInt_FMT "-d %s\n", label, gn, HtDTypes[gt], refname, rn, HtDTypes[rt]));
  } else {
    PetscCall(HtTensorGetArrayRead(g, &ga));
    PetscCall(HtTensorGetArrayRead(r, &ra));
    for (PetscInt i = 0; i < size; i++)
      if (!TestSameValue(TestElement(gt, ga, i), TestElement(rt, ra, i))) {
        if (first < 0) first = i;
        bad++;
      }
    if (bad) {
      TestState.failures++;
      PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s (split %s, %s layout): FAIL, %" PetscInt_FMT " of %" PetscInt_FMT " values differ from %s, first at flat index %" PetscInt_FMT ": %g instead of %g\n", label, TestSplitNames[TestState.split], TestLayoutNames[TestState.layout], bad, size, refname, first, (double)PetscRealPart(TestElement(gt, ga, first)),
                            (double)PetscRealPart(TestElement(rt, ra, first))));
    }
    PetscCall(HtTensorRestoreArrayRead(g, &ga));
    PetscCall(HtTensorRestoreArrayRead(r, &ra));
  }
  PetscCall(HtTensorDestroy(&g));
  PetscCall(HtTensorDestroy(&r));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* compares a result with the reference `ref` of sort.h5 */
static inline PetscErrorCode TestCompare(const char label[], HtTensor got, const char ref[])
{
  HtTensor r;

  PetscFunctionBeginUser;
  PetscCall(TestRead(ref, &r));
  PetscCall(TestCompareTensors(label, got, r, ref));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* fails unless a and b have the same split and this rank owns the same part of it in both */
static inline PetscErrorCode TestSameLayout(HtTensor a, HtTensor b)
{
  PetscInt  sa, sb, ra0, ra1, rb0, rb1;
  PetscBool same;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetSplit(a, &sa));
  PetscCall(HtTensorGetSplit(b, &sb));
  PetscCall(HtTensorGetOwnershipRange(a, &ra0, &ra1));
  PetscCall(HtTensorGetOwnershipRange(b, &rb0, &rb1));
  same = (PetscBool)(sa == sb && ra0 == rb0 && ra1 == rb1);
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &same, 1, MPIU_BOOL, MPI_LAND, PETSC_COMM_WORLD));
  PetscCheck(same, PETSC_COMM_WORLD, PETSC_ERR_PLIB, "The result does not have the layout of the input");
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* runs body for every split and layout; prints one line per configuration with the number of checks */
static inline PetscErrorCode TestForEachLayout(PetscErrorCode (*body)(void))
{
  PetscFunctionBeginUser;
  for (TestSplitKind split = TEST_SPLIT_NONE; split <= TEST_SPLIT_LAST; split++) {
    for (TestLayoutKind layout = TEST_LAYOUT_BALANCED; layout <= TEST_LAYOUT_SKEWED; layout++) {
      if (layout != TEST_LAYOUT_BALANCED && (split == TEST_SPLIT_NONE || split == TEST_SPLIT_MIDDLE)) continue;
      TestState.split    = split;
      TestState.layout   = layout;
      TestState.checks   = 0;
      TestState.failures = 0;
      PetscCall((*body)());
      PetscCall(PetscPrintf(PETSC_COMM_WORLD, "split %-6s %-8s layout: %3" PetscInt_FMT " results, %" PetscInt_FMT " differ from NumPy\n", TestSplitNames[split], TestLayoutNames[layout], TestState.checks, TestState.failures));
    }
  }
  PetscCall(TestCacheDestroy());
  PetscFunctionReturn(PETSC_SUCCESS);
}
