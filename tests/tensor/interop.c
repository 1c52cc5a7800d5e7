static const char help[] = "Tests the interoperability with PETSc simulations: HtTensorCreateFromVec (shared memory, both\n"
                           "directions), HtTensorCreateFromDMDA (zero copy when the process grid cuts the slowest axis only, a\n"
                           "natural-order copy otherwise), HtTensorGetDM (halo exchange, round trip) and HtTensorToVec.\n\n"
                           "  -dim <2|3>     mesh dimension of the DMDA\n"
                           "  -slabs         one process along every axis but the slowest (zero copy); -da_processors_x, _y, _z\n"
                           "                 set another process grid\n"
                           "  -error <name>  a bad input: dof (not dividing the vector), split (HtTensorGetDM of split 1),\n"
                           "                 tovec (a tensor of another number of points), othervec (a vector of another\n"
                           "                 DMDA), layout (the DMDA's length, other local lengths), dmtype (a DM that is not a\n"
                           "                 DMDA), localdof (dof dividing the global length but not a local one)\n\n";

#include <heat.h>
#include <petscdmda.h>
#include <petscdmshell.h>

/* the value of field c at mesh point (i, j, k): its natural flat index, so that natural order is checkable */
static PetscScalar FieldValue(PetscInt M, PetscInt N, PetscInt dof, PetscInt i, PetscInt j, PetscInt k, PetscInt c)
{
  return (PetscScalar)(((k * N + j) * M + i) * dof + c);
}

static PetscErrorCode CreateField(MPI_Comm comm, PetscInt dim, PetscBool slabs, PetscInt dof, DM *da, Vec *u)
{
  const PetscInt M = 7, N = 6, P = 5;
  PetscInt       xs, ys, zs, xm, ym, zm;
  PetscScalar   *a;

  PetscFunctionBeginUser;
  if (dim == 2) PetscCall(DMDACreate2d(comm, DM_BOUNDARY_NONE, DM_BOUNDARY_NONE, DMDA_STENCIL_STAR, M, N, slabs ? 1 : PETSC_DECIDE, PETSC_DECIDE, dof, 1, NULL, NULL, da));
  else PetscCall(DMDACreate3d(comm, DM_BOUNDARY_NONE, DM_BOUNDARY_NONE, DM_BOUNDARY_NONE, DMDA_STENCIL_STAR, M, N, P, slabs ? 1 : PETSC_DECIDE, slabs ? 1 : PETSC_DECIDE, PETSC_DECIDE, dof, 1, NULL, NULL, NULL, da));
  PetscCall(DMSetFromOptions(*da)); /* -da_processors_x, _y, _z: another process grid */
  PetscCall(DMSetUp(*da));
  PetscCall(DMCreateGlobalVector(*da, u));
  PetscCall(DMDAGetCorners(*da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(VecGetArray(*u, &a)); /* the global vector's local part: the local box, x fastest, fields innermost */
  for (PetscInt k = zs, n = 0; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++)
        for (PetscInt c = 0; c < dof; c++) a[n++] = FieldValue(M, N, dof, i, j, k, c);
  PetscCall(VecRestoreArray(*u, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the largest |t[g] - g| over the flat global indices g of a tensor split on axis 0 */
static PetscErrorCode MaxDeviationFromIndex(HtTensor t, PetscReal *dev)
{
  const PetscScalar *a;
  PetscInt           nlocal, rstart, inner = 1, ndim;
  const PetscInt    *shape;
  PetscReal          local = 0;

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetNDim(t, &ndim));
  PetscCall(HtTensorGetShape(t, &shape));
  for (PetscInt d = 1; d < ndim; d++) inner *= shape[d];
  PetscCall(HtTensorGetLocalSize(t, &nlocal));
  PetscCall(HtTensorGetOwnershipRange(t, &rstart, NULL));
  PetscCall(HtTensorGetArrayRead(t, &a));
  for (PetscInt i = 0; i < nlocal; i++) local = PetscMax(local, PetscAbsScalar(a[i] - (PetscScalar)(rstart * inner + i)));
  PetscCall(HtTensorRestoreArrayRead(t, &a));
  PetscCallMPI(MPI_Allreduce(&local, dev, 1, MPIU_REAL, MPIU_MAX, PetscObjectComm((PetscObject)t)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode PrintShape(HtTensor t, const char label[])
{
  PetscInt        ndim;
  const PetscInt *shape;
  MPI_Comm        comm = PetscObjectComm((PetscObject)t);

  PetscFunctionBeginUser;
  PetscCall(HtTensorGetNDim(t, &ndim));
  PetscCall(HtTensorGetShape(t, &shape));
  PetscCall(PetscPrintf(comm, "%s: shape (", label));
  for (PetscInt d = 0; d < ndim; d++) PetscCall(PetscPrintf(comm, d ? ", %" PetscInt_FMT : "%" PetscInt_FMT, shape[d]));
  PetscCall(PetscPrintf(comm, ")\n"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtTensorCreateFromVec: the same memory seen both ways, and the vector's cached norm follows writes through the tensor */
static PetscErrorCode TestFromVec(DM da, Vec u)
{
  HtTensor     X;
  PetscScalar *a;
  PetscInt     nlocal;
  PetscReal    before, after;
  PetscScalar  s, expected;
  MPI_Comm     comm = PetscObjectComm((PetscObject)u);

  PetscFunctionBeginUser;
  PetscCall(HtTensorCreateFromVec(u, PETSC_DECIDE, &X));
  PetscCall(PrintShape(X, "from Vec"));
  PetscCall(VecNorm(u, NORM_2, &before));
  PetscCall(HtTensorGetLocalSize(X, &nlocal));
  PetscCall(HtTensorGetArray(X, &a));
  for (PetscInt i = 0; i < nlocal; i++) a[i] *= 2; /* through the tensor */
  PetscCall(HtTensorRestoreArray(X, &a));
  PetscCall(VecNorm(u, NORM_2, &after));
  PetscCall(PetscPrintf(comm, "norm after doubling through the tensor / before: %g\n", (double)(after / before)));
  PetscCall(VecShift(u, 1.0)); /* through the vector */
  PetscCall(HtTensorGetArray(X, &a));
  s = 0;
  for (PetscInt i = 0; i < nlocal; i++) s += a[i];
  PetscCall(HtTensorRestoreArray(X, &a));
  PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, &s, 1, MPIU_SCALAR, MPIU_SUM, comm));
  PetscCall(VecSum(u, &expected));
  PetscCall(PetscPrintf(comm, "sum through the tensor after a shift of the vector: %g (vector: %g)\n", (double)PetscRealPart(s), (double)PetscRealPart(expected)));
  PetscCall(VecShift(u, -1.0));
  PetscCall(VecScale(u, 0.5));
  PetscCall(HtTensorDestroy(&X));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtTensorCreateFromDMDA: natural order, shared or copied; HtTensorToVec of the natural tensor gives the field back */
static PetscErrorCode TestFromDMDA(DM da, Vec u)
{
  PetscInt     dim, m, n, p;
  PetscBool    slabs;
  HtTensor     T, sums;
  Vec          back, v;
  PetscReal    dev, diff;
  PetscScalar *a;
  DM           dm;
  MPI_Comm     comm = PetscObjectComm((PetscObject)u);

  PetscFunctionBeginUser;
  PetscCall(DMDAGetInfo(da, &dim, NULL, NULL, NULL, &m, &n, &p, NULL, NULL, NULL, NULL, NULL, NULL));
  slabs = (PetscBool)(dim == 2 ? m == 1 : m == 1 && n == 1);
  PetscCall(HtTensorCreateFromDMDA(da, u, &T));
  PetscCall(PrintShape(T, "from DMDA"));
  PetscCall(MaxDeviationFromIndex(T, &dev));
  PetscCall(PetscPrintf(comm, "natural order: largest |t[g] - g| = %g\n", (double)dev));
  PetscCall(HtTensorGetArray(T, &a)); /* zero copy: seen in the vector; copy: not */
  if (a) a[0] += 1000;
  PetscCall(HtTensorRestoreArray(T, &a));
  PetscCall(VecMax(u, NULL, &diff));
  PetscCall(PetscPrintf(comm, "a change through the tensor is %s the vector\n", diff >= 1000 ? "seen in" : "not seen in"));
  PetscCall(PetscPrintf(comm, "expected: %s\n", slabs ? "seen in (zero copy)" : "not seen in (a copy: the process grid cuts an axis other than the slowest)"));
  PetscCall(HtTensorGetArray(T, &a));
  if (a) a[0] -= 1000;
  PetscCall(HtTensorRestoreArray(T, &a));
  PetscCall(HtTensorGetDM(T, &dm));
  PetscCall(PetscPrintf(comm, "HtTensorGetDM gives the simulation's DMDA: %s\n", dm == da ? "yes" : "no"));
  PetscCall(HtTensorToVec(T, da, &back));
  PetscCall(VecAXPY(back, -1.0, u));
  PetscCall(VecNorm(back, NORM_INFINITY, &diff));
  PetscCall(PetscPrintf(comm, "HtTensorToVec of the natural tensor: largest difference from the field %g\n", (double)diff));
  /* per-point results in the DM's order: the sum of the fields of each point, as a Vec of a 1-field DMDA */
  {
    HtTensor X;

    PetscCall(HtTensorCreateFromVec(u, PETSC_DECIDE, &X));
    PetscCall(HtTensorSum(X, 1, PETSC_FALSE, &sums));
    PetscCall(HtTensorDestroy(&X));
  }
  PetscCall(HtTensorToVec(sums, da, &v));
  {
    PetscInt dof, bs, n;
    const PetscScalar *ua, *va;

    PetscCall(DMDAGetInfo(da, NULL, NULL, NULL, NULL, NULL, NULL, NULL, &dof, NULL, NULL, NULL, NULL, NULL));
    PetscCall(VecGetBlockSize(v, &bs));
    PetscCall(VecGetLocalSize(v, &n));
    PetscCall(VecGetArrayRead(u, &ua));
    PetscCall(VecGetArrayRead(v, &va));
    diff = 0;
    for (PetscInt p = 0; p < n; p++) {
      PetscScalar s = 0;
      for (PetscInt c = 0; c < dof; c++) s += ua[p * dof + c];
      diff = PetscMax(diff, PetscAbsScalar(va[p] - s));
    }
    PetscCall(VecRestoreArrayRead(u, &ua));
    PetscCall(VecRestoreArrayRead(v, &va));
    PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, &diff, 1, MPIU_REAL, MPIU_MAX, comm));
    PetscCall(PetscPrintf(comm, "HtTensorToVec of per-point sums: block size %" PetscInt_FMT ", largest error %g\n", bs, (double)diff));
  }
  PetscCall(VecDestroy(&v));
  PetscCall(HtTensorDestroy(&sums));
  PetscCall(VecDestroy(&back));
  PetscCall(HtTensorDestroy(&T));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtTensorGetDM of a plain tensor: the tensor's vector is a global vector of the DMDA (halo exchange works), and
   HtTensorCreateFromDMDA of that pair gives the tensor back */
static PetscErrorCode TestGetDM(MPI_Comm comm)
{
  HtTensor     T, R;
  DM           dm;
  Vec          g, l;
  PetscInt     dim, M, N, P, xs, ys, zs, xm, ym, zm, gzs, gzm, bad = 0;
  PetscScalar ***h;
  PetscReal    dev;

  PetscFunctionBeginUser;
  PetscCall(HtTensorArange(comm, 0, 6 * 5 * 4, 1, 0, HT_SCALAR, &R));
  PetscCall(HtTensorReshape(R, 3, (PetscInt[]){6, 5, 4}, 0, &T));
  PetscCall(HtTensorDestroy(&R));
  PetscCall(HtTensorGetDM(T, &dm));
  PetscCall(DMDAGetInfo(dm, &dim, &M, &N, &P, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL));
  PetscCall(PetscPrintf(comm, "HtTensorGetDM of a (6, 5, 4) tensor: %" PetscInt_FMT "-D DMDA, Mx %" PetscInt_FMT " My %" PetscInt_FMT " Mz %" PetscInt_FMT "\n", dim, M, N, P));
  PetscCall(HtTensorGetVec(T, &g));
  PetscCall(DMGetLocalVector(dm, &l));
  PetscCall(DMGlobalToLocalBegin(dm, g, INSERT_VALUES, l));
  PetscCall(DMGlobalToLocalEnd(dm, g, INSERT_VALUES, l));
  PetscCall(DMDAGetCorners(dm, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAGetGhostCorners(dm, NULL, NULL, &gzs, NULL, NULL, &gzm));
  PetscCall(DMDAVecGetArrayRead(dm, l, &h));
  for (PetscInt k = gzs; k < gzs + gzm; k++) /* every plane the rank sees, its halo planes included */
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) bad += h[k][j][i] != (PetscScalar)((k * N + j) * M + i);
  PetscCall(DMDAVecRestoreArrayRead(dm, l, &h));
  PetscCall(DMRestoreLocalVector(dm, &l));
  PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, &bad, 1, MPIU_INT, MPI_SUM, comm));
  PetscCall(PetscPrintf(comm, "halo exchange through the DMDA: %" PetscInt_FMT " wrong values\n", bad));
  PetscCall(HtTensorCreateFromDMDA(dm, g, &R));
  PetscCall(HtTensorRestoreVec(T, &g));
  PetscCall(MaxDeviationFromIndex(R, &dev));
  PetscCall(PetscPrintf(comm, "round trip through HtTensorCreateFromDMDA: largest |t[g] - g| = %g\n", (double)dev));
  PetscCall(HtTensorDestroy(&R));
  PetscCall(HtTensorDestroy(&T));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode BadInput(DM da, Vec u, const char which[])
{
  HtTensor  t = NULL;
  DM        dm;
  Vec       v;
  PetscBool is;
  MPI_Comm  comm = PetscObjectComm((PetscObject)u);

  PetscFunctionBeginUser;
  if (PetscStrcmp(which, "dof", &is) == 0 && is) PetscCall(HtTensorCreateFromVec(u, 5, &t));
  if (PetscStrcmp(which, "split", &is) == 0 && is) {
    PetscCall(HtTensorCreate(comm, 2, (PetscInt[]){4, 8}, 1, HT_SCALAR, &t));
    PetscCall(HtTensorGetDM(t, &dm));
  }
  if (PetscStrcmp(which, "tovec", &is) == 0 && is) {
    PetscCall(HtTensorCreate(comm, 1, (PetscInt[]){41}, 0, HT_INT, &t));
    PetscCall(HtTensorToVec(t, da, &v));
  }
  if (PetscStrcmp(which, "othervec", &is) == 0 && is) { /* a global vector of another DMDA (7 x 5, not 7 x 6) */
    PetscCall(DMDACreate2d(comm, DM_BOUNDARY_NONE, DM_BOUNDARY_NONE, DMDA_STENCIL_STAR, 7, 5, PETSC_DECIDE, PETSC_DECIDE, 2, 1, NULL, NULL, &dm));
    PetscCall(DMSetUp(dm));
    PetscCall(DMCreateGlobalVector(dm, &v));
    PetscCall(HtTensorCreateFromDMDA(da, v, &t));
  }
  if (PetscStrcmp(which, "layout", &is) == 0 && is) { /* the DMDA's length, but one point moved from the last rank to rank 0 */
    PetscInt    n;
    PetscMPIInt rank, size;

    PetscCallMPI(MPI_Comm_rank(comm, &rank));
    PetscCallMPI(MPI_Comm_size(comm, &size));
    PetscCall(VecGetLocalSize(u, &n));
    PetscCall(VecCreateMPI(comm, n + (rank == 0 ? 2 : 0) - (rank == size - 1 ? 2 : 0), PETSC_DETERMINE, &v));
    PetscCall(HtTensorCreateFromDMDA(da, v, &t));
  }
  if (PetscStrcmp(which, "dmtype", &is) == 0 && is) { /* the n-d view of a vector of a DM that is not a DMDA */
    Vec w;

    PetscCall(DMShellCreate(comm, &dm));
    PetscCall(VecDuplicate(u, &w));
    PetscCall(DMShellSetGlobalVector(dm, w));
    PetscCall(DMCreateGlobalVector(dm, &v));
    PetscCall(HtTensorCreateFromDMDA(dm, v, &t));
  }
  if (PetscStrcmp(which, "localdof", &is) == 0 && is) { /* 2 values per point in all, but 3 on rank 0 and 1 on rank 1 */
    PetscMPIInt rank;

    PetscCallMPI(MPI_Comm_rank(comm, &rank));
    PetscCall(VecCreateMPI(comm, rank == 0 ? 3 : (rank == 1 ? 1 : 2), PETSC_DETERMINE, &v));
    PetscCall(HtTensorCreateFromVec(v, 2, &t));
  }
  PetscCall(HtTensorDestroy(&t));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  char      error[16] = "";
  DM        da;
  Vec       u;
  PetscInt  dim = 3;
  PetscBool slabs = PETSC_FALSE;
  MPI_Comm  comm;

  PetscFunctionBeginUser;
  comm = PETSC_COMM_WORLD;
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-dim", &dim, NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-slabs", &slabs, NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-error", error, sizeof(error), NULL));
  PetscCall(CreateField(comm, dim, slabs, 2, &da, &u));
  if (error[0]) PetscCall(BadInput(da, u, error));
  PetscCall(TestFromVec(da, u));
  PetscCall(TestFromDMDA(da, u));
  PetscCall(TestGetDM(comm));
  PetscCall(VecDestroy(&u));
  PetscCall(DMDestroy(&da));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest());
}

/*TEST

   test:
     suffix: slabs
     nsize: {{1 2 3 4}}
     args: -dim {{2 3}separate output} -slabs

   testset:
     suffix: grid
     args: -dim {{2 3}separate output}
     test:
       nsize: 4
     test:
       nsize: {{2 3}}
       args: -da_processors_y 1 -da_processors_z 1

   test:
     suffix: error
     nsize: {{1 3}}
     args: -dim 2 -error {{dof split tovec othervec dmtype}separate output}
     errors: expected
     filter: grep "PETSC ERROR" | sed -n 3p | sed "s/^.*PETSC ERROR: //"

   test:
     suffix: error_ranks
     nsize: 3
     args: -dim 2 -error {{layout localdof}separate output}
     errors: expected
     filter: grep "PETSC ERROR" | sed -n 3p | sed "s/^.*PETSC ERROR: //"

TEST*/
