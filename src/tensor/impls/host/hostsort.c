/*
   Host kernels of the sorting and indexing family: local sorts of lines, the pieces of the distributed
   sample sort (counting before pivots, merging received runs), run-length counting for unique, and the
   row / box / mask copies of the indexing operations. They see only local arrays.

   Order of keys: ascending with NaN last (NumPy); descending is its exact reverse for the values (NaN
   first), while equal keys keep their line order in both directions.
*/
#include <heat/private/tensorimpl.h>

static inline int HtCompareInt(PetscInt a, PetscInt b)
{
  return (a > b) - (a < b);
}

/* compare values of any dtype read as reals (exact for PetscInt and PetscBool) */
static inline int HtCompareValues(PetscReal a, PetscReal b, PetscBool descending)
{
  int c = HtRealCompare(a, b);
  return descending ? -c : c;
}

/*
   Quicksort (Hoare partition around the median of three, the smaller part recursed first) with an
   insertion sort for short ranges. LT(ka, xa, kb, xb) is the strict order of (key, position) pairs;
   WITHIDX selects at compile time whether the position array x is carried along.
*/
#define HT_DEFINE_SORT(NAME, T, LT, WITHIDX) \
  static inline PetscBool NAME##Less(const T *k, const PetscInt *x, PetscInt i, PetscInt j) \
  { \
    return (PetscBool)(LT(k[i], WITHIDX ? x[i] : 0, k[j], WITHIDX ? x[j] : 0)); \
  } \
  static inline void NAME##Swap(T *k, PetscInt *x, PetscInt i, PetscInt j) \
  { \
    T t  = k[i]; \
    k[i] = k[j]; \
    k[j] = t; \
    if (WITHIDX) { \
      PetscInt u = x[i]; \
      x[i]       = x[j]; \
      x[j]       = u; \
    } \
  } \
  static void NAME(PetscInt n, T *k, PetscInt *x) \
  { \
    while (n > 16) { \
      PetscInt m = n / 2, i = -1, j = n, med, xp; \
      T        kp; \
      if (NAME##Less(k, x, 0, m)) med = NAME##Less(k, x, m, n - 1) ? m : (NAME##Less(k, x, 0, n - 1) ? n - 1 : 0); \
      else med = NAME##Less(k, x, 0, n - 1) ? 0 : (NAME##Less(k, x, m, n - 1) ? n - 1 : m); \
      NAME##Swap(k, x, med, m); /* the pivot sits in the middle, so the partition never returns the whole range */ \
      kp = k[m]; \
      xp = WITHIDX ? x[m] : 0; \
      for (;;) { \
        do i++; \
        while (LT(k[i], WITHIDX ? x[i] : 0, kp, xp)); \
        do j--; \
        while (LT(kp, xp, k[j], WITHIDX ? x[j] : 0)); \
        if (i >= j) break; \
        NAME##Swap(k, x, i, j); \
      } \
      if (j + 1 < n - j - 1) { \
        NAME(j + 1, k, x); \
        k += j + 1; \
        if (WITHIDX) x += j + 1; \
        n -= j + 1; \
      } else { \
        NAME(n - j - 1, k + j + 1, WITHIDX ? x + j + 1 : x); \
        n = j + 1; \
      } \
    } \
    for (PetscInt i = 1; i < n; i++) \
      for (PetscInt j = i; j > 0 && NAME##Less(k, x, j, j - 1); j--) NAME##Swap(k, x, j, j - 1); \
  }

#define HT_LT_KEY(ka, xa, kb, xb)     ((void)(xa), (void)(xb), (ka) < (kb))
#define HT_LT_KEY_IDX(ka, xa, kb, xb) ((ka) < (kb) || ((ka) == (kb) && (xa) < (xb)))

HT_DEFINE_SORT(HtSortReal, PetscReal, HT_LT_KEY, 0)
HT_DEFINE_SORT(HtSortRealIdx, PetscReal, HT_LT_KEY_IDX, 1)
HT_DEFINE_SORT(HtSortInt, PetscInt, HT_LT_KEY, 0)
HT_DEFINE_SORT(HtSortIntIdx, PetscInt, HT_LT_KEY_IDX, 1)

/* NaN keys to the end, ordered by position among themselves; returns the number of numbers */
static PetscInt HtSortPartitionNaN(PetscInt n, PetscReal *k, PetscInt *x)
{
  PetscInt m = 0;

  for (PetscInt i = 0; i < n; i++)
    if (!PetscIsNanReal(k[i])) {
      PetscReal v = k[i];

      k[i] = k[m];
      k[m] = v;
      if (x) {
        PetscInt t = x[i];

        x[i] = x[m];
        x[m] = t;
      }
      m++;
    }
  if (x) HtSortInt(n - m, x + m, NULL);
  return m;
}

/* false before true, each in position order: a counting pass */
static PetscErrorCode HtSortBool(PetscInt n, PetscBool *k, PetscInt *x)
{
  PetscInt nfalse = 0, f = 0, t;

  PetscFunctionBegin;
  for (PetscInt i = 0; i < n; i++) nfalse += !k[i];
  t = nfalse;
  if (x) {
    PetscInt *pos;

    PetscCall(PetscMalloc1(n, &pos));
    for (PetscInt i = 0; i < n; i++) pos[k[i] ? t++ : f++] = x[i];
    PetscCall(PetscArraycpy(x, pos, n));
    PetscCall(PetscFree(pos));
  }
  for (PetscInt i = 0; i < n; i++) k[i] = (PetscBool)(i >= nfalse);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ascending (key, position) order of n keys of the tensor's dtype; positions x may be NULL */
static PetscErrorCode HtSortAscending(HtDType dtype, PetscInt n, void *keys, PetscInt *x)
{
  PetscFunctionBegin;
  if (dtype == HT_SCALAR) {
    PetscReal *k = (PetscReal *)keys;

    n = HtSortPartitionNaN(n, k, x);
    if (x) HtSortRealIdx(n, k, x);
    else HtSortReal(n, k, NULL);
  } else if (dtype == HT_INT) {
    if (x) HtSortIntIdx(n, (PetscInt *)keys, x);
    else HtSortInt(n, (PetscInt *)keys, NULL);
  } else PetscCall(HtSortBool(n, (PetscBool *)keys, x));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static void HtSwapElements(size_t esize, char *a, char *b)
{
  char t[sizeof(PetscScalar)];

  memcpy(t, a, esize);
  memcpy(a, b, esize);
  memcpy(b, t, esize);
}

/* descending from ascending: reverse everything, then every run of equal keys back to position order */
static void HtSortReverse(HtDType dtype, size_t esize, PetscInt n, void *keys, PetscInt *x)
{
  char *k = (char *)keys;

  for (PetscInt i = 0, j = n - 1; i < j; i++, j--) {
    HtSwapElements(esize, k + i * esize, k + j * esize);
    if (x) {
      PetscInt t = x[i];
      x[i]       = x[j];
      x[j]       = t;
    }
  }
  if (!x) return;
  for (PetscInt s = 0, e; s < n; s = e) {
    PetscReal v = PetscRealPart(HtElementGet(dtype, keys, s));

    for (e = s + 1; e < n && HtRealCompare(PetscRealPart(HtElementGet(dtype, keys, e)), v) == 0; e++) { }
    for (PetscInt i = s, j = e - 1; i < j; i++, j--) {
      PetscInt t = x[i];
      x[i]       = x[j];
      x[j]       = t;
    }
  }
}

static PetscErrorCode HtTensorSortLines_Host(HtTensor t, PetscInt outer, PetscInt n, PetscInt inner, const void *in, void *keys, PetscInt idx[], PetscBool descending)
{
  const char *src = (const char *)in;
  char       *dst = (char *)keys, *buf = NULL;
  PetscInt   *pos = NULL;
  size_t      es  = t->esize;

  PetscFunctionBegin;
  if (!outer || !n || !inner) PetscFunctionReturn(PETSC_SUCCESS);
  if (inner > 1) { /* strided lines are sorted in a buffer; contiguous ones in place in keys */
    PetscCall(PetscMalloc1((size_t)n * es, &buf));
    if (idx) PetscCall(PetscMalloc1(n, &pos));
  } else PetscCall(PetscArraycpy(dst, src, (size_t)outer * n * es));
  for (PetscInt o = 0; o < outer; o++) {
    for (PetscInt i = 0; i < inner; i++) {
      size_t    first = (size_t)o * n * inner + i;
      char     *line  = buf ? buf : dst + first * es;
      PetscInt *lpos  = buf ? pos : (idx ? idx + first : NULL);

      if (buf)
        for (PetscInt j = 0; j < n; j++) memcpy(line + j * es, src + (first + (size_t)j * inner) * es, es);
      if (lpos)
        for (PetscInt j = 0; j < n; j++) lpos[j] = j;
      PetscCall(HtSortAscending(t->dtype, n, line, lpos));
      if (descending) HtSortReverse(t->dtype, es, n, line, lpos);
      if (!buf) continue;
      for (PetscInt j = 0; j < n; j++) memcpy(dst + (first + (size_t)j * inner) * es, line + j * es, es);
      if (pos)
        for (PetscInt j = 0; j < n; j++) idx[first + (size_t)j * inner] = pos[j];
    }
  }
  PetscCall(PetscFree(buf));
  PetscCall(PetscFree(pos));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorCountBefore_Host(HtTensor t, PetscInt n, const void *keys, PetscInt64 tiebase, PetscInt npivots, const PetscReal pivots[], const PetscInt64 ties[], PetscBool descending, PetscInt counts[])
{
  PetscFunctionBegin;
  for (PetscInt p = 0; p < npivots; p++) {
    PetscInt lo = 0, hi = n; /* the first element not before the pivot lies in [lo, hi] */

    while (lo < hi) {
      PetscInt mid = lo + (hi - lo) / 2;
      int      c   = HtCompareValues(PetscRealPart(HtElementGet(t->dtype, keys, mid)), pivots[p], descending);

      if (c < 0 || (c == 0 && tiebase + mid < ties[p])) lo = mid + 1;
      else hi = mid;
    }
    counts[p] = lo;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   A binary heap of run numbers ordered by the runs' current heads, ties by run number. The output may
   overlap the tail of one run: writing position o never passes that run's next unread element, since
   the other runs hold exactly the elements between.
*/
#define HT_DEFINE_MERGE(NAME, T, CMP) \
  static void NAME##Sift(PetscInt *heap, PetscInt nh, PetscInt i, const PetscInt *head, const T *const *k, PetscBool desc) \
  { \
    for (;;) { \
      PetscInt b = i; \
      for (PetscInt c = 2 * i + 1; c <= 2 * i + 2 && c < nh; c++) { \
        int d = CMP(k[heap[c]][head[heap[c]]], k[heap[b]][head[heap[b]]]); \
        if (desc) d = -d; \
        if (d < 0 || (d == 0 && heap[c] < heap[b])) b = c; \
      } \
      if (b == i) return; \
      { \
        PetscInt t = heap[i]; \
        heap[i]    = heap[b]; \
        heap[b]    = t; \
      } \
      i = b; \
    } \
  } \
  static void NAME(PetscInt nruns, PetscInt *heap, PetscInt *head, const PetscInt *len, const T *const *k, const PetscInt *const *x, T *ok, PetscInt *ox, PetscBool desc) \
  { \
    PetscInt nh = 0; \
    for (PetscInt r = 0; r < nruns; r++) { \
      head[r] = 0; \
      if (len[r]) heap[nh++] = r; \
    } \
    for (PetscInt i = nh / 2 - 1; i >= 0; i--) NAME##Sift(heap, nh, i, head, k, desc); \
    for (PetscInt o = 0; nh; o++) { \
      PetscInt r = heap[0]; \
      ok[o] = k[r][head[r]]; \
      if (x) ox[o] = x[r][head[r]]; \
      if (++head[r] == len[r]) heap[0] = heap[--nh]; \
      NAME##Sift(heap, nh, 0, head, k, desc); \
    } \
  }

static inline int HtCompareBool(PetscBool a, PetscBool b)
{
  return (int)a - (int)b;
}

HT_DEFINE_MERGE(HtMergeReal, PetscReal, HtRealCompare)
HT_DEFINE_MERGE(HtMergeInt, PetscInt, HtCompareInt)
HT_DEFINE_MERGE(HtMergeBool, PetscBool, HtCompareBool)

static PetscErrorCode HtTensorMergeRuns_Host(HtTensor t, PetscInt nruns, const void *const keys[], const PetscInt *const idx[], const PetscInt len[], void *outkeys, PetscInt outidx[], PetscBool descending)
{
  PetscInt *heap, *head;

  PetscFunctionBegin;
  PetscCall(PetscMalloc2(nruns, &heap, nruns, &head));
  if (t->dtype == HT_SCALAR) HtMergeReal(nruns, heap, head, len, (const PetscReal *const *)keys, idx, (PetscReal *)outkeys, outidx, descending);
  else if (t->dtype == HT_INT) HtMergeInt(nruns, heap, head, len, (const PetscInt *const *)keys, idx, (PetscInt *)outkeys, outidx, descending);
  else HtMergeBool(nruns, heap, head, len, (const PetscBool *const *)keys, idx, (PetscBool *)outkeys, outidx, descending);
  PetscCall(PetscFree2(heap, head));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorUniqueRuns_Host(HtTensor t, PetscInt n, const void *keys, void *outkeys, PetscInt counts[], PetscInt *nunique)
{
  PetscInt m = 0;

  PetscFunctionBegin;
  for (PetscInt i = 0; i < n; i++) {
    PetscScalar v = HtElementGet(t->dtype, keys, i);

    if (m && HtRealCompare(PetscRealPart(v), PetscRealPart(HtElementGet(t->dtype, outkeys, m - 1))) == 0) {
      counts[m - 1]++;
      continue;
    }
    HtElementSet(t->dtype, outkeys, m, v);
    counts[m++] = 1;
  }
  *nunique = m;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* copies rows between blocks (outer, *, inner): gather reads row rows[k] of in, scatter writes row rows[k] of out */
static void HtCopyRows(size_t es, PetscInt outer, PetscInt nin, PetscInt inner, const char *in, PetscInt nout, const PetscInt rows[], char *out, PetscBool scatter)
{
  size_t row = (size_t)inner * es;

  for (PetscInt o = 0; o < outer; o++)
    for (PetscInt k = 0; k < (scatter ? nin : nout); k++) {
      const char *s = in + ((size_t)o * nin + (scatter ? k : rows[k])) * row;
      char       *d = out + ((size_t)o * nout + (scatter ? rows[k] : k)) * row;

      memcpy(d, s, row);
    }
}

static PetscErrorCode HtTensorGatherRows_Host(HtTensor t, PetscInt outer, PetscInt nin, PetscInt inner, const void *in, PetscInt nout, const PetscInt rows[], void *out)
{
  PetscFunctionBegin;
  HtCopyRows(t->esize, outer, nin, inner, (const char *)in, nout, rows, (char *)out, PETSC_FALSE);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorScatterRows_Host(HtTensor t, PetscInt outer, PetscInt nin, PetscInt inner, const void *in, PetscInt nout, const PetscInt rows[], void *out)
{
  PetscFunctionBegin;
  HtCopyRows(t->esize, outer, nin, inner, (const char *)in, nout, rows, (char *)out, PETSC_TRUE);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorSelectMask_Host(HtTensor t, PetscInt n, const void *in, const PetscBool mask[], void *out, PetscInt *count)
{
  PetscInt m = 0;

  PetscFunctionBegin;
  for (PetscInt i = 0; i < n; i++) {
    if (!mask[i]) continue;
    if (out) memcpy((char *)out + m * t->esize, (const char *)in + i * t->esize, t->esize);
    m++;
  }
  *count = m;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTensorNonzero_Host(HtTensor t, PetscInt ndim, const PetscInt lshape[], const PetscInt lo[], const void *in, PetscInt out[], PetscInt *count)
{
  PetscInt i[HT_MAX_NDIM] = {0}, n = 1, m = 0;

  PetscFunctionBegin;
  for (PetscInt a = 0; a < ndim; a++) n *= lshape[a];
  for (PetscInt e = 0; e < n; e++) {
    if (HtElementGet(t->dtype, in, e) != (PetscScalar)0) {
      if (out)
        for (PetscInt a = 0; a < ndim; a++) out[m * ndim + a] = lo[a] + i[a];
      m++;
    }
    for (PetscInt a = ndim - 1; a >= 0 && ++i[a] == lshape[a]; a--) i[a] = 0;
  }
  *count = m;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorCreateHostSortKernels_Private - fills the sorting and indexing entries of a host tensor's ops table
*/
PetscErrorCode HtTensorCreateHostSortKernels_Private(HtTensor t)
{
  PetscFunctionBegin;
  t->ops->sortlines   = HtTensorSortLines_Host;
  t->ops->countbefore = HtTensorCountBefore_Host;
  t->ops->mergeruns   = HtTensorMergeRuns_Host;
  t->ops->uniqueruns  = HtTensorUniqueRuns_Host;
  t->ops->gatherrows  = HtTensorGatherRows_Host;
  t->ops->scatterrows = HtTensorScatterRows_Host;
  t->ops->selectmask  = HtTensorSelectMask_Host;
  t->ops->nonzero     = HtTensorNonzero_Host;
  PetscFunctionReturn(PETSC_SUCCESS);
}
