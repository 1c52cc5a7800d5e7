/*
   Host kernels of the distributed selection (src/tensor/ops/select.c): one pass over a block of rows, or over the
   list of values a round kept, visiting every value with its group and its row's weight.
*/
#include <heat/private/tensorimpl.h>

/*
   HT_SELECT_VISIT_TYPED - the statements (the variadic argument) for every value of the block b of elements of type
   XT: v the value (PetscReal), g its group, w its row's weight. Without classes per row the rows of a class come in
   runs, so the class of a row needs no division.
*/
#define HT_SELECT_VISIT_TYPED(XT, b, ...) \
  do { \
    const XT *const          _x = (const XT *)(b)->x; \
    const PetscInt *const    _cls = (b)->cls; \
    const PetscScalar *const _w = (b)->w; \
    const PetscInt           _m = (b)->m, _f = (b)->f, _rows = _cls ? 1 : (b)->rowsperclass; \
    for (PetscInt _i = 0, _c = 0; _i < _m; _c++) { \
      const PetscInt _end = PetscMin(_m, _i + _rows); \
      for (; _i < _end; _i++) { \
        const PetscInt  _g0 = (_cls ? _cls[_i] : _c) * _f; \
        const PetscReal w   = _w ? PetscRealPart(_w[_i]) : 1; \
        for (PetscInt _j = 0; _j < _f; _j++) { \
          const PetscInt  g = _g0 + _j; \
          const PetscReal v = (PetscReal)PetscRealPart(_x[(size_t)_i * _f + _j]); \
          (void)w; \
          __VA_ARGS__; \
        } \
      } \
    } \
  } while (0)

/* HT_SELECT_VISIT_TYPED with the element type of the block's dtype */
#define HT_SELECT_VISIT(b, ...) \
  do { \
    switch ((b)->dtype) { \
    case HT_SCALAR: \
      HT_SELECT_VISIT_TYPED(PetscScalar, b, __VA_ARGS__); \
      break; \
    case HT_INT: \
      HT_SELECT_VISIT_TYPED(PetscInt, b, __VA_ARGS__); \
      break; \
    default: \
      HT_SELECT_VISIT_TYPED(PetscBool, b, __VA_ARGS__); \
    } \
  } while (0)

/*
   the slot of the window of group g that holds the key, or -1, among its first nused slots; by selection, not by
   branches, since which values a window holds is unpredictable (the windows of a group are disjoint)
*/
static inline PetscInt HtSelectFindWindow(const HtSelectRound *r, PetscInt nused, PetscInt g, uint64_t key)
{
  const PetscInt        s0  = g * r->nslots;
  const HtSelectWindow *win = r->window + s0;
  PetscInt              found = -1;

  for (PetscInt k = 0; k < nused; k++) found = key - win[k].lo <= win[k].hi - win[k].lo ? s0 + k : found;
  return found;
}

/*
   HT_SELECT_VISIT_WINDOWS - HT_SELECT_VISIT with nused, the most windows a group has in the round r: a constant in
   the common case of one (one target per group, or targets that share their window), so that the search unrolls
*/
#define HT_SELECT_VISIT_WINDOWS(b, r, ...) \
  do { \
    if ((r)->nused == 1) { \
      const PetscInt nused = 1; \
      HT_SELECT_VISIT(b, __VA_ARGS__); \
    } else { \
      const PetscInt nused = (r)->nused; \
      HT_SELECT_VISIT(b, __VA_ARGS__); \
    } \
  } while (0)

/* the bucket of a value of the window: monotone in the value, lo in the first bucket and hi in the last (v >= origin) */
static inline PetscInt HtSelectBucketOf(const HtSelectWindow *win, PetscReal v, uint64_t key)
{
  PetscInt b;

  if (win->scale > 0) {
    b = (PetscInt)((v - win->origin) * win->scale);
    return b < HT_SELECT_BUCKETS ? b : HT_SELECT_BUCKETS - 1;
  }
  return (PetscInt)((key - win->lo) >> win->shift);
}

static PetscErrorCode HtSelectRanges_Host(const HtSelectBlock *b, PetscInt ngroups, uint64_t ranges[])
{
  PetscFunctionBegin;
  PetscCall(PetscArrayzero(ranges, 3 * ngroups));
  HT_SELECT_VISIT(b, {
    uint64_t *r = ranges + 3 * g, key = HtRealToKey(v);

    if (v != v) r[2] = 1;
    else {
      r[0] = PetscMax(r[0], ~key);
      r[1] = PetscMax(r[1], key);
    }
  });
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* one value v of weight w of window s: into its bucket, or into the collected values */
static inline void HtSelectTallyValue(const HtSelectRound *r, PetscInt s, PetscReal v, PetscReal w, uint64_t key, HtSelectTally *t)
{
  const HtSelectWindow *win = &r->window[s];

  if (win->hist >= 0) {
    HtSelectBucket *b = &t->bucket[win->hist * HT_SELECT_BUCKETS + HtSelectBucketOf(win, v, key)];

    b->count += 1;
    b->weight += w;
    b->notmin = PetscMax(b->notmin, ~key);
    b->max    = PetscMax(b->max, key);
  } else {
    PetscReal *e = t->collected + 3 * t->ncollected++;

    e[0] = (PetscReal)s;
    e[1] = v;
    e[2] = w;
  }
}

static PetscErrorCode HtSelectTally_Host(const HtSelectBlock *b, const HtSelectRound *r, HtSelectTally *t)
{
  PetscFunctionBegin;
  PetscCall(PetscArrayzero(t->bucket, r->nhist * HT_SELECT_BUCKETS));
  t->ncollected = 0;
  HT_SELECT_VISIT_WINDOWS(b, r, {
    uint64_t       key = HtRealToKey(v);
    const PetscInt s   = HtSelectFindWindow(r, nused, g, key);

    if (s >= 0) HtSelectTallyValue(r, s, v, w, key, t);
  });
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   Every value is written at the end of the list, which grows only when the value is in a window (no branch: which
   values are kept is unpredictable), so the list holds one entry more than it keeps. The list may be the block
   itself, shrinking in place: the entry n written never lies beyond the value being read.
*/
static PetscErrorCode HtSelectKeep_Host(const HtSelectBlock *b, const HtSelectRound *r, HtSelectList *list)
{
  PetscInt n = 0;

  PetscFunctionBegin;
  HT_SELECT_VISIT_WINDOWS(b, r, {
    list->x[n]     = v;
    list->group[n] = g;
    if (list->w) list->w[n] = w;
    n += HtSelectFindWindow(r, nused, g, HtRealToKey(v)) >= 0;
  });
  list->n = n;
  PetscFunctionReturn(PETSC_SUCCESS);
}

const struct _HtSelectKernels HtSelectKernels_Host = {HtSelectRanges_Host, HtSelectTally_Host, HtSelectKeep_Host};
