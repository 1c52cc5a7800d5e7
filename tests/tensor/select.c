static const char help[] = "Tests the distributed selection of the library (weighted order statistics per class of rows and column,\n"
                           "include/heat/private/selectimpl.h) against sorting the gathered data: weighted targets with ties and\n"
                           "weights 0, constant groups, NaN, groups spread over the ranks, heavy duplicates, huge and tiny\n"
                           "magnitudes with both zeros, integer and boolean data, classes given per row or by runs of rows,\n"
                           "given value ranges, and more targets than one batch holds.\n"
                           "  -skewed     uneven layout: rank 0 owns no row, the last rank the most\n\n";

#include "reducetest.h"
#include <heat/private/selectimpl.h>

/*
   A case: rows r of f columns with value(r, j) and weight(r). With explicit classes the rows are those of an (n, f)
   tensor split along the rows and row r is in class cls(r); else they are those of a (nclasses, n, f) tensor split
   along its middle axis, row r = c n + i being row i of class c (the layout of a reduction along a split axis).
   The targets of group g = c f + j are target(g, k, weight of the group).
*/
typedef struct {
  const char *name;
  PetscInt    n, f, nclasses, ntargets;
  PetscBool   explicitclasses, weighted, ranges;
  HtDType     dtype;
  PetscReal (*value)(PetscInt, PetscInt);
  PetscInt (*cls)(PetscInt);
  PetscReal (*weight)(PetscInt);
  PetscReal (*target)(PetscInt, PetscInt, PetscReal);
  PetscInt nprint; /* results printed */
} Case;

/* a hash of the row and column in [0, 1) (multiply, xor-shift, multiply, xor-shift on 32 bits), easily computed in NumPy */
static PetscReal Hash(PetscInt r, PetscInt j)
{
  uint64_t h = ((uint64_t)r * 2654435761u + (uint64_t)j * 40503u) % 4294967296u;

  h ^= h >> 15;
  h = h * 2246822519u % 4294967296u;
  h ^= h >> 13;
  return (PetscReal)h / 4294967296.0;
}

/*
   weighted ties: two classes of six rows (interleaved), values 0.5 1 1 2 2 3 (column 0) and 5 5 6 6.5 7 7 (column 1)
   of weights 0 2 1 0 1 0.5, so cumulative weights 0 2 3 3 4 4.5; class 1 is class 0 shifted by 10
*/
static PetscReal TiesValue(PetscInt r, PetscInt j)
{
  static const PetscReal v[2][6] = {
    {0.5, 1, 1, 2,   2, 3},
    {5,   5, 6, 6.5, 7, 7}
  };

  return v[j][(r / 2) % 6] + (r % 2) * 10;
}
static PetscInt TiesClass(PetscInt r)
{
  return r % 2;
}
static PetscReal TiesWeight(PetscInt r)
{
  static const PetscReal w[6] = {0, 2, 1, 0, 1, 0.5};

  return w[(r / 2) % 6];
}
/* targets: 0 (past the values of weight 0), within and exactly at the end of a tie, between ties, past the total */
static PetscReal TiesTarget(PetscInt g, PetscInt k, PetscReal total)
{
  static const PetscReal t[8] = {0, 0.5, 3, 3.25, 4, 4.25, 4.5, 7};

  return g == 3 && k == 7 ? -1 : t[k]; /* a negative target is skipped */
}

static PetscReal ConstantValue(PetscInt r, PetscInt j)
{
  return 7.25;
}
static PetscReal FractionTarget(PetscInt g, PetscInt k, PetscReal total)
{
  static const PetscReal q[3] = {0.001, 0.5, 1};

  return PetscCeilReal(q[k] * total);
}

/* two classes of 50 rows by runs, two columns; row 17 of class 1 holds a NaN in column 1 */
static PetscReal NaNValue(PetscInt r, PetscInt j)
{
  return r == 50 + 17 && j == 1 ? NAN : PetscFloorReal(Hash(r, j) * 1000);
}

/* normal-looking values (sum of three hashes) in five classes spread over every rank, weights 1 to 4 */
static PetscReal SpreadValue(PetscInt r, PetscInt j)
{
  return Hash(r, j) + Hash(r + 7, j) + Hash(r + 13, j) - 1.5;
}
static PetscInt SpreadClass(PetscInt r)
{
  return (PetscInt)(Hash(r, 99) * 5);
}
static PetscReal SpreadWeight(PetscInt r)
{
  return 1 + r % 4;
}
static PetscReal WeightedTarget(PetscInt g, PetscInt k, PetscReal total)
{
  static const PetscReal q[3] = {0.1, 0.5, 0.9};

  return q[k] * total;
}

/* integers with 70% of the values equal to 3 (far more than a gathered window holds) */
static PetscReal DuplicateValue(PetscInt r, PetscInt j)
{
  return Hash(r, j) < 0.7 ? 3 : PetscFloorReal(Hash(r, j + 1) * 100) - 50;
}
static PetscReal DuplicateTarget(PetscInt g, PetscInt k, PetscReal total)
{
  static const PetscReal q[6] = {0.001, 0.1, 0.3, 0.5, 0.9, 0.999};

  return PetscCeilReal(q[k] * total);
}

static PetscReal BoolValue(PetscInt r, PetscInt j)
{
  return Hash(r, j) < 0.3;
}

/* huge and tiny magnitudes, infinities and both zeros, each order statistic of the 24 values */
static PetscReal MagnitudeValue(PetscInt r, PetscInt j)
{
  static const PetscReal v[12] = {1e300, -1e-300, 0.0, 1e-300, 5e-324, 1.5, -1e300, PETSC_MAX_REAL, -5e-324, -0.0, INFINITY, -INFINITY};

  return v[(r * 5) % 12];
}
static PetscReal OrderTarget(PetscInt g, PetscInt k, PetscReal total)
{
  return k + 1;
}

/* uniform values and two outliers at +-1e300: the first rounds keep almost everything (buckets in keys) */
static PetscReal OutlierValue(PetscInt r, PetscInt j)
{
  return r == 1234 ? 1e300 : r == 4321 ? -1e300 : Hash(r, j);
}

/* 1500 classes of 2 columns with 2 targets each: more targets than one batch holds */
static PetscInt ManyClass(PetscInt r)
{
  return r % 1500;
}
static PetscReal TwoTarget(PetscInt g, PetscInt k, PetscReal total)
{
  return k ? total : PetscCeilReal(total / 2);
}

static PetscReal UnitWeight(PetscInt r)
{
  return 1;
}

static PetscInt Rows(const Case *c)
{
  return c->explicitclasses ? c->n : c->nclasses * c->n;
}

static PetscInt ClassOf(const Case *c, PetscInt r)
{
  return c->explicitclasses ? c->cls(r) : r / c->n;
}

static PetscReal WeightOf(const Case *c, PetscInt r)
{
  return c->weighted ? c->weight(r) : 1;
}

/* value and weight of a row of a group, ordered by key, then by row */
typedef struct {
  uint64_t  key;
  PetscInt  r;
  PetscReal v, w;
} Entry;

static int EntryCompare(const void *a, const void *b)
{
  const Entry *x = (const Entry *)a, *y = (const Entry *)b;

  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x->r < y->r ? -1 : x->r > y->r;
}

/* the targets of every group and the expected values, from the sorted values of the whole data (on every rank) */
static PetscErrorCode Reference(const Case *c, PetscReal targets[], PetscReal expected[])
{
  PetscInt ngroups = c->nclasses * c->f, rows = Rows(c);
  Entry   *e;

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc1(rows, &e));
  for (PetscInt g = 0; g < ngroups; g++) {
    PetscInt  n = 0;
    PetscBool nan = PETSC_FALSE;
    PetscReal total = 0;

    for (PetscInt r = 0; r < rows; r++) {
      if (ClassOf(c, r) != g / c->f) continue;
      e[n].v = c->value(r, g % c->f);
      e[n].w = WeightOf(c, r);
      e[n].r = r;
      nan    = (PetscBool)(nan || PetscIsNanReal(e[n].v));
      e[n].key = PetscIsNanReal(e[n].v) ? 0 : HtRealToKey(e[n].v);
      total += e[n++].w;
    }
    qsort(e, (size_t)n, sizeof(Entry), EntryCompare);
    for (PetscInt k = 0; k < c->ntargets; k++) {
      PetscInt  t   = g * c->ntargets + k;
      PetscReal cum = 0, v = n ? e[0].v : 0;

      targets[t]  = c->target(g, k, total);
      expected[t] = -777; /* a skipped target keeps its value */
      if (targets[t] < 0) continue;
      for (PetscInt i = 0; i < n; i++) { /* the first of positive weight where the cumulative weight reaches the target */
        if (e[i].w <= 0) continue;
        v = e[i].v;
        cum += e[i].w;
        if (cum >= targets[t]) break;
      }
      expected[t] = nan ? NAN : v;
    }
  }
  PetscCall(PetscFree(e));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the local block of the case (in a tensor of its dtype, the back end of the selection), its classes and weights */
static PetscErrorCode CreateBlock(const Case *c, PetscBool skewed, HtTensor *X, PetscInt **cls, PetscScalar **w, PetscInt *m)
{
  PetscInt rstart, rend, nlocal;
  void    *xa;

  PetscFunctionBeginUser;
  if (c->explicitclasses) PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 2, (PetscInt[]){c->n, c->f}, 0, c->dtype, X));
  else PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 3, (PetscInt[]){c->nclasses, c->n, c->f}, 1, c->dtype, X));
  if (skewed) PetscCall(SkewLayout(*X));
  PetscCall(HtTensorGetOwnershipRange(*X, &rstart, &rend));
  nlocal = rend - rstart;
  *m     = c->explicitclasses ? nlocal : c->nclasses * nlocal;
  PetscCall(PetscMalloc2(*m, cls, *m, w));
  PetscCall(HtTensorGetArrayWrite(*X, &xa));
  for (PetscInt l = 0; l < *m; l++) {
    PetscInt r = c->explicitclasses ? rstart + l : (l / nlocal) * c->n + rstart + l % nlocal;

    (*cls)[l] = ClassOf(c, r);
    (*w)[l]   = WeightOf(c, r);
    for (PetscInt j = 0; j < c->f; j++) {
      PetscReal v = c->value(r, j);

      if (c->dtype == HT_SCALAR) ((PetscScalar *)xa)[l * c->f + j] = v;
      else if (c->dtype == HT_INT) ((PetscInt *)xa)[l * c->f + j] = (PetscInt)v;
      else ((PetscBool *)xa)[l * c->f + j] = (PetscBool)(v != 0);
    }
  }
  PetscCall(HtTensorRestoreArrayWrite(*X, &xa));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* (-min, max) of every group, the form the selection takes; the range of group 0 is widened (any enclosing range will do) */
static void GivenRanges(const Case *c, PetscReal ranges[])
{
  for (PetscInt g = 0; g < c->nclasses * c->f; g++) ranges[2 * g] = ranges[2 * g + 1] = PETSC_MIN_REAL;
  for (PetscInt r = 0; r < Rows(c); r++)
    for (PetscInt j = 0; j < c->f; j++) {
      PetscInt  g = ClassOf(c, r) * c->f + j;
      PetscReal v = c->value(r, j);

      ranges[2 * g]     = PetscMax(ranges[2 * g], -v);
      ranges[2 * g + 1] = PetscMax(ranges[2 * g + 1], v);
    }
  ranges[0] += 1;
  ranges[1] += 1;
}

static PetscErrorCode RunCase(const Case *c, PetscBool skewed)
{
  PetscInt     ngroups = c->nclasses * c->f, nt = ngroups * c->ntargets, m = 0, wrong = 0;
  PetscReal   *targets, *expected, *values, *ranges = NULL;
  PetscInt    *cls;
  PetscScalar *w;
  HtTensor     X;
  HtSelection  sel;

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc3(nt, &targets, nt, &expected, nt, &values));
  PetscCall(Reference(c, targets, expected));
  PetscCall(CreateBlock(c, skewed, &X, &cls, &w, &m));
  if (c->ranges) {
    PetscCall(PetscMalloc1(2 * ngroups, &ranges));
    GivenRanges(c, ranges);
  }
  sel.comm     = PETSC_COMM_WORLD;
  sel.backend  = X;
  sel.nclasses = c->nclasses;
  sel.ntargets = c->ntargets;
  sel.ranges   = ranges;
  sel.block    = (HtSelectBlock){c->dtype, m, c->f, NULL, c->explicitclasses ? cls : NULL, c->explicitclasses ? 0 : m / c->nclasses, c->weighted ? w : NULL};
  for (PetscInt t = 0; t < nt; t++) values[t] = -777;
  PetscCall(HtTensorGetArrayRead(X, &sel.block.x));
  PetscCall(HtTensorSelect_Private(&sel, targets, values));
  PetscCall(HtTensorRestoreArrayRead(X, &sel.block.x));
  for (PetscInt t = 0; t < nt; t++) wrong += !(values[t] == expected[t] || (PetscIsNanReal(values[t]) && PetscIsNanReal(expected[t])));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: %" PetscInt_FMT " groups, %" PetscInt_FMT " targets each; values that differ from sorting: %" PetscInt_FMT "\n", c->name, ngroups, c->ntargets, wrong));
  for (PetscInt t = 0; t < PetscMin(c->nprint, nt); t++) {
    if (t % c->ntargets == 0) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  group %" PetscInt_FMT ":", t / c->ntargets));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, " %.17g", (double)values[t]));
    if (t % c->ntargets == c->ntargets - 1 || t == c->nprint - 1) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "\n"));
  }
  PetscCall(PetscFree(ranges));
  PetscCall(PetscFree2(cls, w));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(PetscFree3(targets, expected, values));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscBool  skewed  = PETSC_FALSE;
  const Case cases[] = {
  /* name                     n      f  classes targets explicit weighted ranges dtype      value           class       weight        target           print */
    {"weighted ties",         12,    2, 2,      8,      PETSC_TRUE,  PETSC_TRUE,  PETSC_FALSE, HT_SCALAR, TiesValue,      TiesClass,  TiesWeight,   TiesTarget,      32},
    {"weighted ties, ranges", 12,    2, 2,      8,      PETSC_TRUE,  PETSC_TRUE,  PETSC_TRUE,  HT_SCALAR, TiesValue,      TiesClass,  TiesWeight,   TiesTarget,      0 },
    {"constant",              1000,  1, 1,      3,      PETSC_FALSE, PETSC_FALSE, PETSC_FALSE, HT_SCALAR, ConstantValue,  NULL,       NULL,         FractionTarget,  3 },
    {"NaN",                   50,    2, 2,      3,      PETSC_FALSE, PETSC_FALSE, PETSC_FALSE, HT_SCALAR, NaNValue,       NULL,       NULL,         FractionTarget,  12},
    {"spread",                30000, 3, 5,      3,      PETSC_TRUE,  PETSC_TRUE,  PETSC_FALSE, HT_SCALAR, SpreadValue,    SpreadClass, SpreadWeight, WeightedTarget,  45},
    {"spread, ranges",        30000, 3, 5,      3,      PETSC_TRUE,  PETSC_TRUE,  PETSC_TRUE,  HT_SCALAR, SpreadValue,    SpreadClass, SpreadWeight, WeightedTarget,  0 },
    {"duplicates",            20000, 2, 3,      6,      PETSC_FALSE, PETSC_FALSE, PETSC_FALSE, HT_INT,    DuplicateValue, NULL,       NULL,         DuplicateTarget, 36},
    {"booleans",              5000,  1, 2,      6,      PETSC_FALSE, PETSC_FALSE, PETSC_FALSE, HT_BOOL,   BoolValue,      NULL,       NULL,         DuplicateTarget, 12},
    {"magnitudes",            24,    1, 1,      24,     PETSC_FALSE, PETSC_FALSE, PETSC_FALSE, HT_SCALAR, MagnitudeValue, NULL,       NULL,         OrderTarget,     24},
    {"outliers",              20000, 1, 2,      6,      PETSC_FALSE, PETSC_TRUE,  PETSC_FALSE, HT_SCALAR, OutlierValue,   NULL,       SpreadWeight, DuplicateTarget, 12},
    {"batches",               15000, 2, 1500,   2,      PETSC_TRUE,  PETSC_FALSE, PETSC_FALSE, HT_SCALAR, SpreadValue,    ManyClass,  UnitWeight,   TwoTarget,       8 },
  };

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-skewed", &skewed, NULL));
  for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) PetscCall(RunCase(&cases[k], skewed));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   testset:
     output_file: output/select.out
     test:
       suffix: balanced
       nsize: {{1 2 3 4}}
     test:
       suffix: skewed
       nsize: {{3 4}}
       args: -skewed
     test:   # the bucket tallies and the gathered candidates in pieces of 7 elements
       suffix: maxcount
       nsize: {{1 2 3 4}}
       args: -skewed -ht_mpi_max_count 7
TEST*/
