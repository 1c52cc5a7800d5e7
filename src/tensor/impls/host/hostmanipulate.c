/*
   Host kernels of the manipulation operations: strided box copies and in-place reversal of an axis.
   Elements are moved as opaque words of the tensor's element size (4 or 8 bytes for every HtDType).
*/
#include <heat/private/tensorimpl.h>
#include <stdint.h>

/* d[i * ds] = s[i * ss] for i < n, elements of type T */
#define HT_COPY_RUN(T) \
  do { \
    for (PetscInt _i = 0; _i < n; _i++) ((T *)d)[(ptrdiff_t)_i * ds] = ((const T *)s)[(ptrdiff_t)_i * ss]; \
  } while (0)

/* a run of n elements of esize bytes with element strides ss (source) and ds (destination) */
static void HtCopyRun(size_t esize, PetscInt n, const char *s, PetscInt ss, char *d, PetscInt ds)
{
  if (ss == 1 && ds == 1) memcpy(d, s, (size_t)n * esize);
  else if (esize == sizeof(uint32_t)) HT_COPY_RUN(uint32_t);
  else if (esize == sizeof(uint64_t)) HT_COPY_RUN(uint64_t);
  else
    for (PetscInt i = 0; i < n; i++) memcpy(d + (ptrdiff_t)i * ds * (ptrdiff_t)esize, s + (ptrdiff_t)i * ss * (ptrdiff_t)esize, esize);
}

/*
   HtTensorCopyStrided_Host - copies the box of extents ext[] from src (element strides sstride[]) to dst
   (element strides dstride[]); strides may be negative (reversal) or 0 (repetition, in the source).
   An odometer walks every axis but the last, whose run is one HtCopyRun().
*/
PetscErrorCode HtTensorCopyStrided_Host(HtTensor t, PetscInt ndim, const PetscInt ext[], const void *src, const PetscInt sstride[], void *dst, const PetscInt dstride[])
{
  PetscInt    idx[HT_COPY_MAX_DIMS] = {0}, k;
  ptrdiff_t   so = 0, dof = 0;
  const char *s = (const char *)src;
  char       *d = (char *)dst;
  ptrdiff_t   es = (ptrdiff_t)t->esize;

  PetscFunctionBegin;
  PetscCheck(ndim >= 0 && ndim <= HT_COPY_MAX_DIMS, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "A strided copy has 0 to %d axes, not %" PetscInt_FMT, HT_COPY_MAX_DIMS, ndim);
  for (PetscInt a = 0; a < ndim; a++)
    if (!ext[a]) PetscFunctionReturn(PETSC_SUCCESS);
  if (!ndim) {
    memcpy(d, s, t->esize);
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  do {
    HtCopyRun(t->esize, ext[ndim - 1], s + so * es, sstride[ndim - 1], d + dof * es, dstride[ndim - 1]);
    for (k = ndim - 2; k >= 0; k--) {
      so += sstride[k];
      dof += dstride[k];
      if (++idx[k] < ext[k]) break;
      so -= (ptrdiff_t)sstride[k] * ext[k];
      dof -= (ptrdiff_t)dstride[k] * ext[k];
      idx[k] = 0;
    }
  } while (k >= 0);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* swaps the runs a[0..n) and b[0..n) of elements of type T */
#define HT_SWAP_RUN(T) \
  do { \
    T *_x = (T *)a, *_y = (T *)b; \
    for (PetscInt _i = 0; _i < n; _i++) { \
      T _t  = _x[_i]; \
      _x[_i] = _y[_i]; \
      _y[_i] = _t; \
    } \
  } while (0)

static void HtSwapRun(size_t esize, PetscInt n, char *a, char *b)
{
  if (esize == sizeof(uint32_t)) HT_SWAP_RUN(uint32_t);
  else if (esize == sizeof(uint64_t)) HT_SWAP_RUN(uint64_t);
  else {
    n *= (PetscInt)esize;
    HT_SWAP_RUN(char);
  }
}

/*
   HtTensorReverse_Host - reverses, in place, the indices [lo, hi) of the middle axis of the local block
   array seen as (outer, n, inner): slab lo + i swaps with slab hi - 1 - i.
*/
PetscErrorCode HtTensorReverse_Host(HtTensor t, void *array, PetscInt outer, PetscInt n, PetscInt inner, PetscInt lo, PetscInt hi)
{
  char     *a   = (char *)array;
  ptrdiff_t run = (ptrdiff_t)inner * (ptrdiff_t)t->esize;

  PetscFunctionBegin;
  for (PetscInt o = 0; o < outer; o++)
    for (PetscInt i = 0; i < (hi - lo) / 2; i++) HtSwapRun(t->esize, inner, a + ((ptrdiff_t)o * n + lo + i) * run, a + ((ptrdiff_t)o * n + hi - 1 - i) * run);
  PetscFunctionReturn(PETSC_SUCCESS);
}
