/*
   Large-count MPI helpers: collective calls whose counts derive from the data size (allreduce of big buffers,
   allgatherv, alltoallv, point-to-point blocks) take PetscCount counts and split them into calls of at most
   HtMPIMaxCount elements, so no count or displacement passed to MPI overflows an int, whatever the data size per
   rank (with 64-bit PetscInt, a rank may hold more than 2^31 elements).

   -ht_mpi_max_count N lowers the limit (default PETSC_MPI_INT_MAX) so that the tests run the chunked paths at small
   sizes; results do not depend on it.
*/
#include <heat/private/tensorimpl.h>

PetscCount HtMPIMaxCount = PETSC_MPI_INT_MAX;

/*
   HtMPIMaxCountFromOptions - reads -ht_mpi_max_count: from the options database (PetscOptionsObject NULL, when the
   package initializes), or as an entry of an options block (listed in -help)
*/
PetscErrorCode HtMPIMaxCountFromOptions(PetscOptionItems *PetscOptionsObject)
{
  PetscInt  n = (PetscInt)HtMPIMaxCount;
  PetscBool set;

  PetscFunctionBegin;
  if (PetscOptionsObject) PetscCall(PetscOptionsRangeInt("-ht_mpi_max_count", "Largest count of one MPI call with a data-sized count (larger transfers go in pieces)", "HtTensorSetFromOptions", n, &n, &set, 1, PETSC_MPI_INT_MAX));
  else {
    PetscCall(PetscOptionsGetInt(NULL, NULL, "-ht_mpi_max_count", &n, &set));
    PetscCheck(!set || (n >= 1 && n <= PETSC_MPI_INT_MAX), PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "-ht_mpi_max_count %" PetscInt_FMT " is out of range: give a count from 1 to %d", n, PETSC_MPI_INT_MAX);
  }
  if (set) HtMPIMaxCount = (PetscCount)n;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the extent of one element of type, for byte offsets into buffers */
static PetscErrorCode HtMPITypeExtent(MPI_Datatype type, MPI_Aint *extent)
{
  MPI_Aint lb;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Type_get_extent(type, &lb, extent));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMPIAllreduce - MPI_Allreduce() of n elements (sendbuf may be MPI_IN_PLACE) in calls of at most HtMPIMaxCount
   elements; op must be elementwise (every predefined and every Heat reduction op is)
*/
PetscErrorCode HtMPIAllreduce(const void *sendbuf, void *recvbuf, PetscCount n, MPI_Datatype type, MPI_Op op, MPI_Comm comm)
{
  MPI_Aint extent;

  PetscFunctionBegin;
  PetscCall(HtMPITypeExtent(type, &extent));
  for (PetscCount off = 0; off < n; off += HtMPIMaxCount) {
    const PetscMPIInt m    = (PetscMPIInt)PetscMin(HtMPIMaxCount, n - off);
    const void       *send = sendbuf == MPI_IN_PLACE ? MPI_IN_PLACE : (const char *)sendbuf + off * extent;

    PetscCallMPI(MPI_Allreduce(send, (char *)recvbuf + off * extent, m, type, op, comm));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMPIGatherCounts - counts[r] = nmine of rank r, displs[r] = their offset in rank order (size + 1 entries, the
   last is the total); free both with PetscFree2()
*/
PetscErrorCode HtMPIGatherCounts(MPI_Comm comm, PetscCount nmine, PetscCount **counts, PetscCount **displs)
{
  PetscMPIInt size;
  PetscInt64  mine = (PetscInt64)nmine, *all;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCall(PetscMalloc2(size, counts, size + 1, displs));
  PetscCall(PetscMalloc1(size, &all));
  PetscCallMPI(MPI_Allgather(&mine, 1, MPIU_INT64, all, 1, MPIU_INT64, comm));
  (*displs)[0] = 0;
  for (PetscMPIInt r = 0; r < size; r++) {
    (*counts)[r]     = (PetscCount)all[r];
    (*displs)[r + 1] = (*displs)[r] + (*counts)[r];
  }
  PetscCall(PetscFree(all));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMPIAlltoallCounts - rcounts[r] = the scounts[rank] of rank r (one count to and from every rank) */
PetscErrorCode HtMPIAlltoallCounts(MPI_Comm comm, const PetscCount scounts[], PetscCount rcounts[])
{
  PetscMPIInt size;
  PetscInt64 *s, *r;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCall(PetscMalloc2(size, &s, size, &r));
  for (PetscMPIInt q = 0; q < size; q++) s[q] = (PetscInt64)scounts[q];
  PetscCallMPI(MPI_Alltoall(s, 1, MPIU_INT64, r, 1, MPIU_INT64, comm));
  for (PetscMPIInt q = 0; q < size; q++) rcounts[q] = (PetscCount)r[q];
  PetscCall(PetscFree2(s, r));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMPIAllgatherv - all = the counts[r] elements of every rank r, in rank order (displs from HtMPIGatherCounts());
   mine (nmine = counts[rank] elements) may be MPI_IN_PLACE when the rank's part is already in all. One
   MPI_Allgatherv() when the total fits HtMPIMaxCount, else one broadcast per rank in pieces of HtMPIMaxCount.
*/
PetscErrorCode HtMPIAllgatherv(const void *mine, void *all, const PetscCount counts[], const PetscCount displs[], MPI_Datatype type, MPI_Comm comm)
{
  PetscMPIInt size, rank;
  MPI_Aint    extent;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(HtMPITypeExtent(type, &extent));
  if (displs[size] <= HtMPIMaxCount) {
    PetscMPIInt *c, *d;

    PetscCall(PetscMalloc2(size, &c, size, &d));
    for (PetscMPIInt r = 0; r < size; r++) {
      c[r] = (PetscMPIInt)counts[r];
      d[r] = (PetscMPIInt)displs[r];
    }
    if (mine == MPI_IN_PLACE) PetscCallMPI(MPI_Allgatherv(MPI_IN_PLACE, 0, MPI_DATATYPE_NULL, all, c, d, type, comm));
    else PetscCallMPI(MPI_Allgatherv(mine, c[rank], type, all, c, d, type, comm));
    PetscCall(PetscFree2(c, d));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (mine != MPI_IN_PLACE && counts[rank]) PetscCall(PetscMemcpy((char *)all + displs[rank] * extent, mine, (size_t)(counts[rank] * extent)));
  for (PetscMPIInt r = 0; r < size; r++)
    for (PetscCount off = 0; off < counts[r]; off += HtMPIMaxCount) PetscCallMPI(MPI_Bcast((char *)all + (displs[r] + off) * extent, (PetscMPIInt)PetscMin(HtMPIMaxCount, counts[r] - off), type, r, comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* MPI_Alltoallv() itself, for counts and displacements that fit an int */
static PetscErrorCode HtMPIAlltoallvInt(const void *sendbuf, const PetscCount scounts[], const PetscCount sdispls[], void *recvbuf, const PetscCount rcounts[], const PetscCount rdispls[], MPI_Datatype type, MPI_Comm comm)
{
  PetscMPIInt  size;
  PetscMPIInt *c;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCall(PetscMalloc1(4 * size, &c));
  for (PetscMPIInt r = 0; r < size; r++) {
    c[r]            = (PetscMPIInt)scounts[r];
    c[size + r]     = (PetscMPIInt)sdispls[r];
    c[2 * size + r] = (PetscMPIInt)rcounts[r];
    c[3 * size + r] = (PetscMPIInt)rdispls[r];
  }
  PetscCallMPI(MPI_Alltoallv(sendbuf, c, c + size, type, recvbuf, c + 2 * size, c + 3 * size, type, comm));
  PetscCall(PetscFree(c));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the all-to-all as point-to-point blocks of large-count datatypes */
static PetscErrorCode HtMPIAlltoallvLarge(const void *sendbuf, const PetscCount scounts[], const PetscCount sdispls[], void *recvbuf, const PetscCount rcounts[], const PetscCount rdispls[], MPI_Datatype type, MPI_Comm comm)
{
  const PetscMPIInt tag = 0x4874; /* the receives are posted before the sends, in one call of every rank */
  PetscMPIInt       size;
  MPI_Aint          extent;
  MPI_Request      *req;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCall(HtMPITypeExtent(type, &extent));
  PetscCall(PetscMalloc1(2 * size, &req));
  for (PetscMPIInt r = 0; r < size; r++) PetscCall(HtMPIIrecv((char *)recvbuf + rdispls[r] * extent, rcounts[r], type, r, tag, comm, &req[r]));
  for (PetscMPIInt r = 0; r < size; r++) PetscCall(HtMPIIsend((const char *)sendbuf + sdispls[r] * extent, scounts[r], type, r, tag, comm, &req[size + r]));
  PetscCallMPI(MPI_Waitall(2 * size, req, MPI_STATUSES_IGNORE));
  PetscCall(PetscFree(req));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMPIAlltoallv - MPI_Alltoallv() with PetscCount counts and displacements (in elements); point-to-point blocks of
   large-count datatypes when a count or displacement of some rank does not fit HtMPIMaxCount (one allreduce decides)
*/
PetscErrorCode HtMPIAlltoallv(const void *sendbuf, const PetscCount scounts[], const PetscCount sdispls[], void *recvbuf, const PetscCount rcounts[], const PetscCount rdispls[], MPI_Datatype type, MPI_Comm comm)
{
  PetscMPIInt size, small = 1, allsmall;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(comm, &size));
  for (PetscMPIInt r = 0; r < size; r++) small = small && scounts[r] + sdispls[r] <= HtMPIMaxCount && rcounts[r] + rdispls[r] <= HtMPIMaxCount;
  PetscCallMPI(MPI_Allreduce(&small, &allsmall, 1, MPI_INT, MPI_LAND, comm));
  if (allsmall) PetscCall(HtMPIAlltoallvInt(sendbuf, scounts, sdispls, recvbuf, rcounts, rdispls, type, comm));
  else PetscCall(HtMPIAlltoallvLarge(sendbuf, scounts, sdispls, recvbuf, rcounts, rdispls, type, comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMPIAlltoallvBounded - HtMPIAlltoallv() for callers that know a bound, the same on every rank, of every rank's
   counts plus displacements: the choice needs no allreduce (the per-iteration sums of the ML classes)
*/
PetscErrorCode HtMPIAlltoallvBounded(const void *sendbuf, const PetscCount scounts[], const PetscCount sdispls[], void *recvbuf, const PetscCount rcounts[], const PetscCount rdispls[], PetscCount bound, MPI_Datatype type, MPI_Comm comm)
{
  PetscFunctionBegin;
  if (bound <= HtMPIMaxCount) PetscCall(HtMPIAlltoallvInt(sendbuf, scounts, sdispls, recvbuf, rcounts, rdispls, type, comm));
  else PetscCall(HtMPIAlltoallvLarge(sendbuf, scounts, sdispls, recvbuf, rcounts, rdispls, type, comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMPIIsend - MPI_Isend() of n elements of type, any n (a large-count datatype when n exceeds HtMPIMaxCount) */
PetscErrorCode HtMPIIsend(const void *buf, PetscCount n, MPI_Datatype type, PetscMPIInt dest, PetscMPIInt tag, MPI_Comm comm, MPI_Request *req)
{
  MPI_Datatype block;

  PetscFunctionBegin;
  PetscCall(HtMPITypeCreateBlock((MPI_Offset)n, type, &block));
  PetscCallMPI(MPI_Isend(buf, 1, block, dest, tag, comm, req));
  PetscCallMPI(MPI_Type_free(&block)); /* freed once the send completes */
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMPIIrecv - MPI_Irecv() of n elements of type, any n (a large-count datatype when n exceeds HtMPIMaxCount) */
PetscErrorCode HtMPIIrecv(void *buf, PetscCount n, MPI_Datatype type, PetscMPIInt source, PetscMPIInt tag, MPI_Comm comm, MPI_Request *req)
{
  MPI_Datatype block;

  PetscFunctionBegin;
  PetscCall(HtMPITypeCreateBlock((MPI_Offset)n, type, &block));
  PetscCallMPI(MPI_Irecv(buf, 1, block, source, tag, comm, req));
  PetscCallMPI(MPI_Type_free(&block));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMPITypeCreateBlock - a committed datatype of n consecutive elements of etype, for any n (above HtMPIMaxCount:
   a struct of contiguous pieces of HtMPIMaxCount elements and the rest): pass it with count 1. Free it with
   MPI_Type_free().
*/
PetscErrorCode HtMPITypeCreateBlock(MPI_Offset n, MPI_Datatype etype, MPI_Datatype *type)
{
  const MPI_Offset chunk = (MPI_Offset)HtMPIMaxCount;

  PetscFunctionBegin;
  PetscCheck(n >= 0, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Negative element count %" PetscInt64_FMT, (PetscInt64)n);
  if (n <= chunk) PetscCallMPI(MPI_Type_contiguous((PetscMPIInt)n, etype, type));
  else {
    MPI_Datatype big, types[2];
    MPI_Aint     extent, displs[2];
    PetscMPIInt  lens[2];

    PetscCall(HtMPITypeExtent(etype, &extent));
    PetscCallMPI(MPI_Type_contiguous((PetscMPIInt)chunk, etype, &big));
    PetscCall(PetscMPIIntCast(n / chunk, &lens[0]));
    lens[1]   = (PetscMPIInt)(n % chunk);
    displs[0] = 0;
    displs[1] = (MPI_Aint)(n / chunk) * (MPI_Aint)chunk * extent;
    types[0]  = big;
    types[1]  = etype;
    PetscCallMPI(MPI_Type_create_struct(2, lens, displs, types, type));
    PetscCallMPI(MPI_Type_free(&big));
  }
  PetscCallMPI(MPI_Type_commit(type));
  PetscFunctionReturn(PETSC_SUCCESS);
}
