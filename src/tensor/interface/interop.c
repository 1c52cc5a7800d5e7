/*
   Interoperability with PETSc simulations: a simulation's Vec (any DM) or DMDA field seen as a tensor without a copy,
   a DMDA describing a tensor, and per-point results put back on the simulation's mesh as a Vec of its DM.

   Sharing: a tensor made from a host Vec keeps a reference to that Vec and uses it as its storage (t->vec), so a write
   through either is seen by the other and PETSc's cached norms of the Vec stay right (the Vec's state moves with every
   write through the tensor).
*/
#include <heat/private/tensorimpl.h>
#include <petscdmda.h>

static const char HtTensorDMKey[] = "HtTensorDM";

/* the tensor of shape `shape` (split 0, nrows local rows) whose storage is the host Vec v itself */
static PetscErrorCode HtTensorShareVec_Private(Vec v, PetscInt ndim, const PetscInt shape[], PetscInt nrows, HtTensor *t)
{
  PetscScalar *a;
  PetscBool    host;

  PetscFunctionBegin;
  PetscCall(PetscObjectTypeCompareAny((PetscObject)v, &host, VECSEQ, VECMPI, VECSTANDARD, ""));
  PetscCheck(host, PetscObjectComm((PetscObject)v), PETSC_ERR_SUP, "A tensor can share the memory of a host vector (types seq, mpi, standard) only, this one is of type %s; copy it with VecCopy() into a VECSTANDARD vector first", ((PetscObject)v)->type_name);
  PetscCall(VecGetArray(v, &a));
  PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)v), ndim, shape, 0, HT_SCALAR, nrows, a, t));
  PetscCall(VecRestoreArray(v, &a));
  PetscCall(VecDestroy(&(*t)->vec)); /* the wrapper of the same memory gives way to the Vec itself */
  PetscCall(PetscObjectReference((PetscObject)v));
  (*t)->vec = v;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorCreateFromVec - Sees a simulation's vector as an (npoints, dof) tensor split on axis 0, sharing its memory.

   Collective

   Input Parameters:
+  v - a host vector (`VECSEQ`, `VECMPI`, `VECSTANDARD`), e.g. the global vector of any `DM`
-  dof - values per point (the block size of a `DM` with several fields; `PETSC_DECIDE`: the vector's block size)

   Output Parameter:
.  t - the tensor: row i is point i in the vector's (global, PETSc) ordering, each rank holds its own points

   Level: beginner

   Notes:
   No value is copied: a change through the tensor is seen in the vector and the other way round, and the tensor keeps a
   reference to the vector. Per-point results of the ML classes (labels, scores) have the same row layout, and
   `HtTensorToVec()` puts them back on the simulation's mesh. Moving the tensor to another back end (`HtTensorSetType()`)
   ends the sharing.

   Example:
.vb
   DMCreateGlobalVector(da, &u); ... time stepping ...
   HtTensorCreateFromVec(u, PETSC_DECIDE, &X);
   HtClusterFit(cluster, X, NULL);
.ve

.seealso: `HtTensorCreateFromDMDA()`, `HtTensorToVec()`, `HtTensorGetVec()`
@*/
PetscErrorCode HtTensorCreateFromVec(Vec v, PetscInt dof, HtTensor *t)
{
  PetscInt n, N;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(v, VEC_CLASSID, 1);
  PetscValidPointer(t, 3);
  if (dof == PETSC_DECIDE) PetscCall(VecGetBlockSize(v, &dof));
  PetscCall(VecGetLocalSize(v, &n));
  PetscCall(VecGetSize(v, &N));
  PetscCheck(dof >= 1, PetscObjectComm((PetscObject)v), PETSC_ERR_ARG_OUTOFRANGE, "The values per point (dof) must be at least 1, not %" PetscInt_FMT, dof);
  PetscCheck(N % dof == 0, PetscObjectComm((PetscObject)v), PETSC_ERR_ARG_SIZ, "The length %" PetscInt_FMT " of the vector is not a multiple of dof %" PetscInt_FMT ": give the DM's number of fields", N, dof);
  {
    char msg[128] = "";

    if (n % dof) PetscCall(PetscSNPrintf(msg, sizeof(msg), "The local length %" PetscInt_FMT " of the vector is not a multiple of dof %" PetscInt_FMT ": a point's values must be on one rank", n, dof));
    PetscCall(HtCollectiveCheck(PetscObjectComm((PetscObject)v), n % dof ? PETSC_ERR_ARG_SIZ : PETSC_SUCCESS, msg));
  }
  PetscCall(HtTensorInitializePackage());
  PetscCall(HtTensorShareVec_Private(v, 2, (PetscInt[]){N / dof, dof}, n / dof, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the natural (n-d) shape of a DMDA's field: (P, N, M[, dof]) for 3-D, (N, M[, dof]) for 2-D, (M[, dof]) for 1-D;
   whether its process grid cuts the slowest axis only, and the local extent along that axis */
static PetscErrorCode HtDMDAGetFieldShape_Private(DM da, PetscInt *ndim, PetscInt shape[], PetscBool *slabs, PetscInt *nrows)
{
  PetscInt dim, M, N, P, m, n, p, dof, xm, ym, zm;

  PetscFunctionBegin;
  PetscCall(DMDAGetInfo(da, &dim, &M, &N, &P, &m, &n, &p, &dof, NULL, NULL, NULL, NULL, NULL));
  PetscCall(DMDAGetCorners(da, NULL, NULL, NULL, &xm, &ym, &zm));
  *ndim = 0;
  if (dim == 3) shape[(*ndim)++] = P;
  if (dim >= 2) shape[(*ndim)++] = N;
  shape[(*ndim)++] = M;
  if (dof > 1) shape[(*ndim)++] = dof;
  *slabs = (PetscBool)(dim == 1 || (dim == 2 && m == 1) || (dim == 3 && m == 1 && n == 1));
  *nrows = dim == 3 ? zm : (dim == 2 ? ym : xm);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a collective check that v has the layout of a global vector of da: the DMDA's number of values in all and, on every
   rank, its local points x dof (a vector of another layout would make the tensor read or write foreign memory) */
static PetscErrorCode HtDMDACheckVec_Private(DM da, Vec v)
{
  PetscInt dof, M, N, P, xm, ym, zm, n, nda, Nv;
  char     msg[256] = "";
  MPI_Comm comm = PetscObjectComm((PetscObject)da);

  PetscFunctionBegin;
  PetscCall(DMDAGetInfo(da, NULL, &M, &N, &P, NULL, NULL, NULL, &dof, NULL, NULL, NULL, NULL, NULL));
  PetscCall(DMDAGetCorners(da, NULL, NULL, NULL, &xm, &ym, &zm));
  PetscCall(VecGetSize(v, &Nv));
  PetscCall(VecGetLocalSize(v, &n));
  PetscCheck(Nv == M * N * P * dof, comm, PETSC_ERR_ARG_INCOMP, "The vector of length %" PetscInt_FMT " is not a global vector of this DMDA, which has %" PetscInt_FMT " points x %" PetscInt_FMT " dof = %" PetscInt_FMT " values; create the vector with DMCreateGlobalVector() of this DMDA", Nv, M * N * P, dof, M * N * P * dof);
  nda = xm * ym * zm * dof;
  if (n != nda) {
    PetscMPIInt rank;

    PetscCallMPI(MPI_Comm_rank(comm, &rank));
    PetscCall(PetscSNPrintf(msg, sizeof(msg), "The vector is not a global vector of this DMDA: rank %d holds %" PetscInt_FMT " of its values, where the DMDA has %" PetscInt_FMT " points x %" PetscInt_FMT " dof = %" PetscInt_FMT "; create the vector with DMCreateGlobalVector() of this DMDA", rank, n, xm * ym * zm, dof, nda));
  }
  PetscCall(HtCollectiveCheck(comm, n != nda ? PETSC_ERR_ARG_INCOMP : PETSC_SUCCESS, msg));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* t (a new tensor of the field's natural shape, split 0, balanced) = the field v in natural order: a scatter through the
   DMDA's application ordering, which numbers every value (point and field) */
static PetscErrorCode HtTensorCopyNaturalField_Private(DM da, Vec v, PetscInt ndim, const PetscInt shape[], HtTensor *t)
{
  AO         ao;
  IS         from, to;
  VecScatter scatter;
  Vec        tv;
  PetscInt   nlocal, start, *values;
  MPI_Comm   comm = PetscObjectComm((PetscObject)da);

  PetscFunctionBegin;
  PetscCall(HtTensorCreate(comm, ndim, shape, 0, HT_SCALAR, t));
  PetscCall(HtTensorGetVec(*t, &tv));
  PetscCall(VecGetOwnershipRange(tv, &start, NULL));
  PetscCall(VecGetLocalSize(tv, &nlocal));
  PetscCall(PetscMalloc1(nlocal, &values));
  for (PetscInt i = 0; i < nlocal; i++) values[i] = start + i;
  PetscCall(DMDAGetAO(da, &ao));
  PetscCall(AOApplicationToPetsc(ao, nlocal, values));
  PetscCall(ISCreateGeneral(comm, nlocal, values, PETSC_OWN_POINTER, &from));
  PetscCall(ISCreateStride(comm, nlocal, start, 1, &to));
  PetscCall(VecScatterCreate(v, from, tv, to, &scatter));
  PetscCall(VecScatterBegin(scatter, v, tv, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterEnd(scatter, v, tv, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(HtTensorRestoreVec(*t, &tv));
  PetscCall(VecScatterDestroy(&scatter));
  PetscCall(ISDestroy(&from));
  PetscCall(ISDestroy(&to));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorCreateFromDMDA - Sees a field of a `DMDA` as an n-d tensor in natural (mesh) order, split on the slowest axis.

   Collective

   Input Parameters:
+  da - the `DMDA` (1-D, 2-D or 3-D, any number of fields)
-  v - a global vector of `da` (`DMCreateGlobalVector()`, `DMGetGlobalVector()`, or a vector of the same layout on every
       rank; another layout is an error)

   Output Parameter:
.  t - the tensor of shape (Mz, My, Mx[, dof]) for a 3-D `DMDA`, (My, Mx[, dof]) for 2-D, (Mx[, dof]) for 1-D (the axis
       of the fields only when there are several)

   Level: beginner

   Notes:
   When the process grid of `da` cuts the slowest axis only (e.g. -da_processors_x 1 -da_processors_y 1 in 3-D), the
   natural order is the vector's own order on every rank: the tensor shares the vector's memory, as
   `HtTensorCreateFromVec()` does. Otherwise the tensor is a copy, redistributed so that each rank holds whole
   planes of the slowest axis; later changes of either are not seen by the other.

   `HtTensorGetDM()` of the tensor returns `da`.

.seealso: `HtTensorCreateFromVec()`, `HtTensorGetDM()`, `HtTensorToVec()`
@*/
PetscErrorCode HtTensorCreateFromDMDA(DM da, Vec v, HtTensor *t)
{
  PetscInt  ndim = 0, shape[4], nrows = 0;
  PetscBool slabs = PETSC_FALSE, isda;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(da, DM_CLASSID, 1);
  PetscValidHeaderSpecific(v, VEC_CLASSID, 2);
  PetscValidPointer(t, 3);
  PetscCall(PetscObjectTypeCompare((PetscObject)da, DMDA, &isda));
  PetscCheck(isda, PetscObjectComm((PetscObject)da), PETSC_ERR_ARG_WRONG, "HtTensorCreateFromDMDA() needs a DMDA, this DM is of type %s; use HtTensorCreateFromVec() for other DMs", ((PetscObject)da)->type_name);
  PetscCall(HtDMDACheckVec_Private(da, v));
  PetscCall(HtTensorInitializePackage());
  PetscCall(HtDMDAGetFieldShape_Private(da, &ndim, shape, &slabs, &nrows));
  if (slabs) PetscCall(HtTensorShareVec_Private(v, ndim, shape, nrows, t));
  else PetscCall(HtTensorCopyNaturalField_Private(da, v, ndim, shape, t));
  PetscCall(PetscObjectCompose((PetscObject)*t, HtTensorDMKey, (PetscObject)da));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtTensorCreateDMDAPoints_Private - the field v of da as an (npoints, dof) tensor of its mesh points in natural order
   (row-major over (Mz, My, Mx)): the vector's memory when the process grid cuts the slowest axis only, else a copy.
   For per-point analyses (the TS monitor), which would otherwise copy the n-d view into rows.
*/
PetscErrorCode HtTensorCreateDMDAPoints_Private(DM da, Vec v, HtTensor *t)
{
  PetscInt  ndim, shape[4], nrows, dof, npoints, nlocal;
  PetscBool slabs;

  PetscFunctionBegin;
  PetscCall(HtDMDACheckVec_Private(da, v));
  PetscCall(HtDMDAGetFieldShape_Private(da, &ndim, shape, &slabs, &nrows));
  PetscCall(DMDAGetDof(da, &dof));
  PetscCall(VecGetSize(v, &npoints));
  PetscCall(VecGetLocalSize(v, &nlocal));
  npoints /= dof;
  if (slabs) PetscCall(HtTensorShareVec_Private(v, 2, (PetscInt[]){npoints, dof}, nlocal / dof, t));
  else PetscCall(HtTensorCopyNaturalField_Private(da, v, 2, (PetscInt[]){npoints, dof}, t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a DMDA whose global vectors have the layout of t: grid axes = the first min(ndim, 3) axes (slowest first), a 4th
   axis = the fields; one process along the other axes, t's rows of axis 0 along the slowest */
static PetscErrorCode HtTensorCreateDMDA_Private(HtTensor t, DM *da)
{
  MPI_Comm        comm = PetscObjectComm((PetscObject)t);
  PetscMPIInt     size;
  const PetscInt *ranges;
  PetscInt       *rows, dim = PetscMin(t->ndim, 3), dof = t->ndim == 4 ? t->shape[3] : 1;
  DMBoundaryType  bnone = DM_BOUNDARY_NONE;

  PetscFunctionBegin;
  PetscCheck(t->ndim >= 1 && t->ndim <= 4, comm, PETSC_ERR_ARG_WRONG, "A DMDA describes tensors of 1 to 4 axes (3 mesh axes and the fields), this one has %" PetscInt_FMT, t->ndim);
  PetscCheck(t->split == 0, comm, PETSC_ERR_ARG_WRONG, "A DMDA describes a tensor split on axis 0 (the slowest mesh axis), this one is split on %" PetscInt_FMT "; use HtTensorResplit() first", t->split);
  PetscCheck(t->dtype == HT_SCALAR, comm, PETSC_ERR_ARG_WRONG, "A DMDA describes an HT_SCALAR tensor, this one is %s; convert it with HtTensorAsType()", HtDTypes[t->dtype]);
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCall(PetscLayoutGetRanges(t->map, &ranges));
  PetscCall(PetscMalloc1(size, &rows));
  for (PetscMPIInt r = 0; r < size; r++) {
    rows[r] = ranges[r + 1] - ranges[r];
    PetscCheck(rows[r] > 0, comm, PETSC_ERR_ARG_SIZ, "A DMDA needs at least one row of axis 0 on every rank: rank %d has none (%" PetscInt_FMT " rows on %d ranks); use fewer ranks", r, t->shape[0], size);
  }
  if (dim == 1) PetscCall(DMDACreate1d(comm, bnone, t->shape[0], dof, 1, rows, da));
  else if (dim == 2) PetscCall(DMDACreate2d(comm, bnone, bnone, DMDA_STENCIL_STAR, t->shape[1], t->shape[0], 1, size, dof, 1, NULL, rows, da));
  else PetscCall(DMDACreate3d(comm, bnone, bnone, bnone, DMDA_STENCIL_STAR, t->shape[2], t->shape[1], t->shape[0], 1, 1, size, dof, 1, NULL, NULL, rows, da));
  PetscCall(DMSetUp(*da));
  PetscCall(PetscFree(rows));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorGetDM - Gets a `DMDA` that describes a tensor's mesh: for halo exchanges (`DMGlobalToLocal()` on the vector of
   `HtTensorGetVec()`) and mesh-aware output (`VecView()` in natural order, drawing).

   Collective

   Input Parameter:
.  t - the tensor: from `HtTensorCreateFromDMDA()`, or HT_SCALAR, split on axis 0, of 1 to 3 mesh axes (slowest first)
       and optionally a 4th axis of fields

   Output Parameter:
.  dm - the `DMDA` (owned by the tensor: do not destroy it); for a tensor of `HtTensorCreateFromDMDA()` the simulation's
        own `DMDA`, otherwise one with a stencil of width 1, no boundary type, and the tensor's rows of axis 0 on each rank

   Level: intermediate

.seealso: `HtTensorCreateFromDMDA()`, `HtTensorToVec()`
@*/
PetscErrorCode HtTensorGetDM(HtTensor t, DM *dm)
{
  PetscObject obj;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidPointer(dm, 2);
  PetscCall(PetscObjectQuery((PetscObject)t, HtTensorDMKey, &obj));
  if (!obj) {
    DM da;

    PetscCall(HtTensorCreateDMDA_Private(t, &da));
    PetscCall(PetscObjectCompose((PetscObject)t, HtTensorDMKey, (PetscObject)da));
    PetscCall(DMDestroy(&da));
    PetscCall(PetscObjectQuery((PetscObject)t, HtTensorDMKey, &obj));
  }
  *dm = (DM)obj;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the DM of c values per point on the mesh of dm: dm itself when it has c, a compatible DMDA otherwise */
static PetscErrorCode HtDMWithFields_Private(DM dm, PetscInt c, PetscBool isda, DM *dmc)
{
  PetscInt bs;

  PetscFunctionBegin;
  PetscCall(DMGetBlockSize(dm, &bs));
  if (bs == c) {
    PetscCall(PetscObjectReference((PetscObject)dm));
    *dmc = dm;
  } else {
    PetscCheck(isda, PetscObjectComm((PetscObject)dm), PETSC_ERR_ARG_SIZ, "The tensor has %" PetscInt_FMT " values per point and the DM %" PetscInt_FMT "; give a DM with %" PetscInt_FMT " fields (for a DMDA any number works)", c, bs, c);
    PetscCall(DMDACreateCompatibleDMDA(dm, c, dmc));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* whether t's leading axes are the natural grid of a DMDA (slowest first), and the values per point */
static PetscErrorCode HtTensorMatchesGrid_Private(HtTensor t, DM da, PetscInt npoints, PetscBool *natural, PetscInt *c)
{
  PetscInt dim, M, N, P, grid[3], ngrid = 0;

  PetscFunctionBegin;
  PetscCall(DMDAGetInfo(da, &dim, &M, &N, &P, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL));
  if (dim == 3) grid[ngrid++] = P;
  if (dim >= 2) grid[ngrid++] = N;
  grid[ngrid++] = M;
  *natural = (PetscBool)(dim > 1 && t->ndim >= ngrid && t->shape[0] != npoints);
  for (PetscInt d = 0; *natural && d < ngrid; d++) *natural = (PetscBool)(t->shape[d] == grid[d]);
  *c = *natural ? t->size / npoints : 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorToVec - Puts per-point values (labels, scores, reconstructed fields) on a simulation's mesh as a vector of its DM.

   Collective

   Input Parameters:
+  t - the values: (npoints) or (npoints, c) in the order of the DM's global vectors (the rows of a tensor from
       `HtTensorCreateFromVec()` and the per-sample results of the ML classes on it), or for a `DMDA` of 2 or 3 dimensions
       a tensor whose leading axes are the mesh in natural order (from `HtTensorCreateFromDMDA()`); any dtype
-  dm - the simulation's DM

   Output Parameter:
.  v - a new global vector of `dm` (or, when `t` has another number c of values per point than `dm` has fields, of a
       `DMDA` on the same mesh with c fields), so that `VecView()` draws or writes it with the simulation's own tools

   Level: beginner

.seealso: `HtTensorCreateFromVec()`, `HtTensorCreateFromDMDA()`
@*/
PetscErrorCode HtTensorToVec(HtTensor t, DM dm, Vec *v)
{
  PetscBool   isda, natural = PETSC_FALSE;
  PetscInt    N, bs, npoints, c, n;
  DM          dmc;
  Vec         target;
  HtTensor    ts, flat, alias;
  PetscScalar *a;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidHeaderSpecific(dm, DM_CLASSID, 2);
  PetscValidPointer(v, 3);
  PetscCall(PetscObjectTypeCompare((PetscObject)dm, DMDA, &isda));
  PetscCall(DMGetBlockSize(dm, &bs));
  PetscCall(DMGetGlobalVector(dm, &target));
  PetscCall(VecGetSize(target, &N));
  PetscCall(DMRestoreGlobalVector(dm, &target));
  npoints = N / bs;
  c       = t->ndim >= 1 && t->shape[0] == npoints ? t->size / npoints : 0;
  if (isda && !c) PetscCall(HtTensorMatchesGrid_Private(t, dm, npoints, &natural, &c));
  PetscCheck(c > 0 && c * npoints == t->size, PetscObjectComm((PetscObject)t), PETSC_ERR_ARG_SIZ, "The tensor of %" PetscInt_FMT " elements does not hold values of the DM's %" PetscInt_FMT " points: give (npoints) or (npoints, c) in the DM's order%s", t->size, npoints, isda ? ", or the mesh in natural order" : "");
  PetscCall(HtDMWithFields_Private(dm, c, isda, &dmc));
  PetscCall(DMCreateGlobalVector(dmc, v));
  if (natural) PetscCall(DMDACreateNaturalVector(dmc, &target));
  else target = *v;
  PetscCall(HtTensorAsType(t, HT_SCALAR, &ts));
  PetscCall(HtTensorReshape(ts, 2, (PetscInt[]){npoints, c}, 0, &flat));
  PetscCall(VecGetLocalSize(target, &n));
  PetscCall(VecGetArray(target, &a));
  PetscCall(HtTensorCreate_Private(PetscObjectComm((PetscObject)t), 2, (PetscInt[]){npoints, c}, 0, HT_SCALAR, n / c, a, &alias));
  PetscCall(HtTensorRedistribute_Private(flat, alias));
  PetscCall(HtTensorDestroy(&alias));
  PetscCall(VecRestoreArray(target, &a));
  if (natural) {
    PetscCall(DMDANaturalToGlobalBegin(dmc, target, INSERT_VALUES, *v));
    PetscCall(DMDANaturalToGlobalEnd(dmc, target, INSERT_VALUES, *v));
    PetscCall(VecDestroy(&target));
  }
  PetscCall(HtTensorDestroy(&flat));
  PetscCall(HtTensorDestroy(&ts));
  PetscCall(DMDestroy(&dmc));
  PetscFunctionReturn(PETSC_SUCCESS);
}
