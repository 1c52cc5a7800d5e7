/*
   Communication helpers of HtTensor: redistribution between any two layouts of
   the same global tensor, and collective error checks.
*/
#include <heat/private/tensorimpl.h>

/* HtTensorGetBox_Private - the box of global indices rank `rank` stores: [lo[d], hi[d]) on every axis (the whole
   tensor when t is replicated) */
void HtTensorGetBox_Private(HtTensor t, PetscMPIInt rank, PetscInt lo[], PetscInt hi[])
{
  for (PetscInt d = 0; d < t->ndim; d++) {
    lo[d] = 0;
    hi[d] = t->shape[d];
  }
  if (t->split >= 0) {
    lo[t->split] = t->map->range[rank];
    hi[t->split] = t->map->range[rank + 1];
  }
}

/*
   The MPI datatype selecting, inside the local block of `t` on rank `owner`, the
   global box [lo, hi) intersected with that block; count 0 when empty.
*/
static PetscErrorCode HtTensorCreateBoxType_Private(HtTensor t, PetscMPIInt owner, const PetscInt lo[], const PetscInt hi[], MPI_Datatype etype, PetscMPIInt *count, MPI_Datatype *type)
{
  PetscInt    blo[HT_MAX_NDIM], bhi[HT_MAX_NDIM];
  PetscMPIInt sizes[HT_MAX_NDIM], subsizes[HT_MAX_NDIM], starts[HT_MAX_NDIM];
  PetscBool   empty = PETSC_FALSE;

  PetscFunctionBegin;
  HtTensorGetBox_Private(t, owner, blo, bhi);
  for (PetscInt d = 0; d < t->ndim; d++) {
    PetscInt a = PetscMax(lo[d], blo[d]), b = PetscMin(hi[d], bhi[d]);

    if (b <= a) empty = PETSC_TRUE;
    PetscCall(PetscMPIIntCast(bhi[d] - blo[d], &sizes[d]));
    PetscCall(PetscMPIIntCast(PetscMax(b - a, 0), &subsizes[d]));
    PetscCall(PetscMPIIntCast(a - blo[d], &starts[d]));
  }
  *count = 0;
  *type  = MPI_BYTE;
  if (empty) PetscFunctionReturn(PETSC_SUCCESS);
  *count = 1;
  if (t->ndim == 0) *type = etype;
  else {
    PetscCallMPI(MPI_Type_create_subarray((PetscMPIInt)t->ndim, sizes, subsizes, starts, MPI_ORDER_C, etype, type));
    PetscCallMPI(MPI_Type_commit(type));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTypesFree_Private(PetscMPIInt n, MPI_Datatype types[])
{
  PetscFunctionBegin;
  for (PetscMPIInt i = 0; i < n; i++)
    if (types[i] != MPI_BYTE && types[i] != MPI_DATATYPE_NULL) {
      PetscBool named = PETSC_FALSE;
      PetscMPIInt ni, na, nd, combiner;

      PetscCallMPI(MPI_Type_get_envelope(types[i], &ni, &na, &nd, &combiner));
      named = (PetscBool)(combiner == MPI_COMBINER_NAMED);
      if (!named) PetscCallMPI(MPI_Type_free(&types[i]));
    }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorRedistribute_Private - out = in, where out is a tensor of the same shape and dtype with any
   split and layout. One MPI_Alltoallw with subarray datatypes moves each block straight from the input's
   local block into the output's: no rank ever holds more than its input and output blocks, and no
   packing buffers are allocated here. A replicated input is only copied locally.
*/
PetscErrorCode HtTensorRedistribute_Private(HtTensor in, HtTensor out)
{
  MPI_Comm      comm = PetscObjectComm((PetscObject)in);
  PetscMPIInt   size, rank, *scounts, *rcounts, *sdispls, *rdispls;
  MPI_Datatype *stypes, *rtypes, etype;
  PetscInt      lo[HT_MAX_NDIM], hi[HT_MAX_NDIM];
  const void   *ia;
  void         *oa;

  PetscFunctionBegin;
  PetscCheckSameComm(in, 1, out, 2);
  PetscCall(HtTensorCheckSameShape_Private(in, out));
  PetscCheck(in->dtype == out->dtype, comm, PETSC_ERR_ARG_WRONG, "Cannot redistribute between dtypes %s and %s", HtDTypes[in->dtype], HtDTypes[out->dtype]);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Redistribute, in, out, 0, 0));
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(HtDTypeGetMPIType(in->dtype, &etype));
  PetscCall(PetscCalloc4(size, &scounts, size, &rcounts, size, &sdispls, size, &rdispls));
  PetscCall(PetscMalloc2(size, &stypes, size, &rtypes));
  for (PetscMPIInt q = 0; q < size; q++) {
    PetscBool talks = (PetscBool)(in->split >= 0 || q == rank); /* a replicated input only copies locally */

    stypes[q] = rtypes[q] = MPI_BYTE;
    if (!talks) continue;
    HtTensorGetBox_Private(out, q, lo, hi); /* what q wants, cut from my input block */
    PetscCall(HtTensorCreateBoxType_Private(in, rank, lo, hi, etype, &scounts[q], &stypes[q]));
    HtTensorGetBox_Private(in, q, lo, hi); /* what q has, cut into my output block */
    PetscCall(HtTensorCreateBoxType_Private(out, rank, lo, hi, etype, &rcounts[q], &rtypes[q]));
  }
  PetscCall((*in->ops->getarray)(in, PETSC_MEMORY_ACCESS_READ, (void **)&ia));
  PetscCall((*out->ops->getarray)(out, PETSC_MEMORY_ACCESS_WRITE, &oa));
  PetscCallMPI(MPI_Alltoallw(ia, scounts, sdispls, stypes, oa, rcounts, rdispls, rtypes, comm));
  PetscCall((*out->ops->restorearray)(out, PETSC_MEMORY_ACCESS_WRITE, &oa));
  PetscCall((*in->ops->restorearray)(in, PETSC_MEMORY_ACCESS_READ, (void **)&ia));
  PetscCall(PetscObjectStateIncrease((PetscObject)out));
  PetscCall(HtTypesFree_Private(size, stypes));
  PetscCall(HtTypesFree_Private(size, rtypes));
  PetscCall(PetscFree2(stypes, rtypes));
  PetscCall(PetscFree4(scounts, rcounts, sdispls, rdispls));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Redistribute, in, out, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtCollectiveCheck - makes a failure seen on some ranks an error on all of them. Each rank passes
   its local error code (0 if fine) and message; if any rank failed, every rank raises the error of
   the lowest failing rank, with its message, so no rank is left waiting in a later collective call.
*/
PetscErrorCode HtCollectiveCheck(MPI_Comm comm, PetscErrorCode code, const char msg[])
{
  PetscMPIInt size, rank, mine, first, ecode = (PetscMPIInt)code;
  char        buf[1024] = "";

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  mine = code ? rank : size;
  PetscCall(MPIU_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, comm));
  if (first == size) PetscFunctionReturn(PETSC_SUCCESS);
  if (rank == first && msg) PetscCall(PetscStrncpy(buf, msg, sizeof(buf)));
  PetscCallMPI(MPI_Bcast(buf, (PetscMPIInt)sizeof(buf), MPI_CHAR, first, comm));
  PetscCallMPI(MPI_Bcast(&ecode, 1, MPI_INT, first, comm));
  SETERRQ(comm, (PetscErrorCode)ecode, "%s", buf);
}
