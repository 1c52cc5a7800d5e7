/*
   In-situ analytics for PETSc time steppers. HtTSMonitorSetFromOptions() adds one TSMonitor whose context holds the
   analysis objects the options ask for (an HtCluster; an incremental HtPCA for the POD; a streaming HtDMD); every `interval` steps the
   monitor views the state as a tensor (for a DMDA in natural mesh order, so that labels and modes do not depend on the
   process grid), feeds it to each analysis, prints one line per analysis, and appends the results to an HDF5 file (a
   group per step) that replaces the named file only when the run ends well.
*/
#include <heatts.h>
#include <petscdmda.h>
#include <heat/private/tensorimpl.h> /* HtFileTemporaryName(), HtFileCommit(): the safe write of the results file */

static PetscLogEvent HT_TSMonitor;

/* the state at an analysis step: X is (npoints, dof); for a DMDA, mesh[] is its shape (slowest axis first) */
typedef struct {
  HtTensor X;
  PetscInt nmesh, mesh[3];
  PetscInt step;
  PetscReal time;
} HtTSState;

typedef struct _HtTSMonitorCtx {
  PetscInt    interval; /* analyse every interval-th step */
  HtCluster   cluster;  /* -ht_ts_monitor_cluster */
  PetscBool   warm;     /* -ht_ts_monitor_cluster_warm_start: each fit after the first starts from the previous centers */
  HtPCA       pod;      /* -ht_ts_monitor_pod: incremental PCA of the snapshots */
  HtDMD       dmd;      /* -ht_ts_monitor_dmd: streaming DMD of the snapshots */
  HtTensor   *batch;    /* snapshots waiting for the POD: it takes them in batches of as many as it has modes */
  PetscInt    nbatch, nbuffered;
  PetscViewer out;      /* -ht_ts_monitor_output: HDF5 viewer of the temporary file */
  char        outfile[PETSC_MAX_PATH_LEN], tmpfile[PETSC_MAX_PATH_LEN];
  char        pngprefix[PETSC_MAX_PATH_LEN]; /* -ht_ts_monitor_cluster_png */
  PetscViewer log;                           /* the one-line summaries: stdout of the TS's communicator */
  struct _HtTSMonitorCtx *next;              /* the list of monitors with a results file still open */
} HtTSMonitorCtx;

/* monitors whose results file is open: a run that ends by an error (PetscFinalize() without TSDestroy()) removes their temporary files */
static HtTSMonitorCtx *HtTSOpenOutputs;

/*@C
   HtTSMonitorInitializePackage - Registers the log event of the in-situ monitor (`HtTSMonitor`).

   Not Collective

   Level: developer

.seealso: `HtTSMonitorSetFromOptions()`, `HeatInitializePackage()`
@*/
PetscErrorCode HtTSMonitorInitializePackage(void)
{
  PetscFunctionBegin;
  if (HT_TSMonitor) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(TSInitializePackage());
  PetscCall(PetscLogEventRegister("HtTSMonitor", TS_CLASSID, &HT_TSMonitor));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the state u of ts as a tensor of points x values (see HtTSState): for a DMDA the points in natural order */
static PetscErrorCode HtTSStateGet(TS ts, Vec u, HtTSState *s)
{
  DM        dm;
  PetscBool isda = PETSC_FALSE;
  PetscInt  dim, M, N, P;

  PetscFunctionBegin;
  s->nmesh = 0;
  PetscCall(TSGetDM(ts, &dm));
  if (dm) PetscCall(PetscObjectTypeCompare((PetscObject)dm, DMDA, &isda));
  if (!isda) {
    PetscCall(HtTensorCreateFromVec(u, PETSC_DECIDE, &s->X));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(DMDAGetInfo(dm, &dim, &M, &N, &P, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL));
  if (dim == 3) s->mesh[s->nmesh++] = P;
  if (dim >= 2) s->mesh[s->nmesh++] = N;
  s->mesh[s->nmesh++] = M;
  PetscCall(HtTensorCreateDMDAPoints_Private(dm, u, &s->X));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* per-point values (npoints) in the mesh's shape, or as they are without a mesh */
static PetscErrorCode HtTSStateOnMesh(const HtTSState *s, HtTensor values, HtTensor *mesh)
{
  PetscFunctionBegin;
  if (s->nmesh) PetscCall(HtTensorReshape(values, s->nmesh, s->mesh, 0, mesh));
  else {
    PetscCall(PetscObjectReference((PetscObject)values));
    *mesh = values;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* opens the group of this step's analysis `name` in the results file (nothing without a results file) */
static PetscErrorCode HtTSMonitorPushGroup(HtTSMonitorCtx *ctx, const HtTSState *s, const char name[])
{
  char group[64];

  PetscFunctionBegin;
  if (!ctx->out) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscSNPrintf(group, sizeof(group), "/step_%06" PetscInt_FMT, s->step));
  PetscCall(PetscViewerHDF5PushGroup(ctx->out, group));
  PetscCall(PetscViewerHDF5WriteAttribute(ctx->out, NULL, "step", PETSC_INT, &s->step));
  PetscCall(PetscViewerHDF5WriteAttribute(ctx->out, NULL, "time", PETSC_REAL, &s->time));
  PetscCall(PetscViewerHDF5PopGroup(ctx->out));
  PetscCall(PetscStrlcat(group, "/", sizeof(group)));
  PetscCall(PetscStrlcat(group, name, sizeof(group)));
  PetscCall(PetscViewerHDF5PushGroup(ctx->out, group));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTSMonitorPopGroup(HtTSMonitorCtx *ctx)
{
  PetscFunctionBegin;
  if (ctx->out) PetscCall(PetscViewerHDF5PopGroup(ctx->out));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the cluster sizes as " n0 n1 ..." */
static PetscErrorCode HtTSPrintClusterSizes(PetscViewer log, HtTensor labels, PetscInt k)
{
  HtTensor        counts;
  const PetscInt *c;

  PetscFunctionBegin;
  PetscCall(HtTensorBincount(labels, NULL, k, &counts));
  PetscCall(HtTensorGetArrayRead(counts, &c));
  for (PetscInt i = 0; i < k; i++) PetscCall(PetscViewerASCIIPrintf(log, " %" PetscInt_FMT, c[i]));
  PetscCall(HtTensorRestoreArrayRead(counts, &c));
  PetscCall(HtTensorDestroy(&counts));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the labels of a 2-D mesh as PREFIX_STEP.png, each cell a square of pixels, the picture about 512 pixels wide at least */
static PetscErrorCode HtTSMonitorLabelsPNG(HtTSMonitorCtx *ctx, const HtTSState *s, HtTensor onmesh)
{
  char file[PETSC_MAX_PATH_LEN + 16];

  PetscFunctionBegin;
  PetscCall(PetscSNPrintf(file, sizeof(file), "%s_%06" PetscInt_FMT ".png", ctx->pngprefix, s->step));
  PetscCall(HtTensorSavePNG(onmesh, file, PetscMax(1, 512 / PetscMax(s->mesh[0], s->mesh[1]))));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* -ht_ts_monitor_cluster_png draws the labels on a 2-D DMDA: dim is the dimension of the time stepper's DMDA, 0 for another DM */
static PetscErrorCode HtTSMonitorCheckPNGMesh(MPI_Comm comm, const char png[], PetscInt dim)
{
  char what[32] = "not a DMDA";

  PetscFunctionBegin;
  if (dim == 2) PetscFunctionReturn(PETSC_SUCCESS);
  if (dim) PetscCall(PetscSNPrintf(what, sizeof(what), "a %" PetscInt_FMT "-D DMDA", dim));
  SETERRQ(comm, PETSC_ERR_ARG_WRONG, "-ht_ts_monitor_cluster_png %s draws the cluster labels on the mesh of a 2-D DMDA, and the time stepper's DM is %s: drop the option (-ht_ts_monitor_output keeps the labels of any mesh)", png, what);
}

/* clusters the points of the state by their values: sizes and inertia printed, the model and the labels (mesh-shaped) saved */
static PetscErrorCode HtTSMonitorCluster(HtTSMonitorCtx *ctx, const HtTSState *s)
{
  HtTensor  labels, onmesh;
  PetscInt  k;
  PetscReal inertia;

  PetscFunctionBegin;
  PetscCall(HtClusterFit(ctx->cluster, s->X));
  if (ctx->warm) {
    HtTensor centers;

    PetscCall(HtClusterGetCenters(ctx->cluster, &centers));
    PetscCall(HtClusterSetInitialCenters(ctx->cluster, centers));
  }
  PetscCall(HtClusterGetLabels(ctx->cluster, &labels));
  PetscCall(HtClusterGetNumClusters(ctx->cluster, &k));
  PetscCall(HtClusterGetInertia(ctx->cluster, &inertia));
  PetscCall(PetscViewerASCIIPrintf(ctx->log, "  cluster: sizes"));
  PetscCall(PetscViewerASCIIUseTabs(ctx->log, PETSC_FALSE));
  PetscCall(HtTSPrintClusterSizes(ctx->log, labels, k));
  PetscCall(PetscViewerASCIIPrintf(ctx->log, ", inertia %.10e\n", (double)inertia));
  PetscCall(PetscViewerASCIIUseTabs(ctx->log, PETSC_TRUE));
  if (!ctx->pngprefix[0] && !ctx->out) PetscFunctionReturn(PETSC_SUCCESS); /* the labels in the mesh's shape only for a picture or the file */
  PetscCall(HtTSStateOnMesh(s, labels, &onmesh));
  if (ctx->pngprefix[0]) PetscCall(HtTSMonitorLabelsPNG(ctx, s, onmesh));
  if (ctx->out) {
    PetscCall(HtTSMonitorPushGroup(ctx, s, "cluster"));
    PetscCall(HtClusterView(ctx->cluster, ctx->out));
    PetscCall(HtTensorSetName(onmesh, "labels"));
    PetscCall(HtTensorView(onmesh, ctx->out));
    PetscCall(HtTSMonitorPopGroup(ctx));
  }
  PetscCall(HtTensorDestroy(&onmesh));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the POD's singular values as " s0 s1 ...", those at the level of rounding (fewer independent snapshots than modes) as 0 */
#define HT_TS_ROUNDING 1e-12
static PetscErrorCode HtTSPrintSingularValues(PetscViewer log, HtPCA pod)
{
  HtTensor           sv;
  const PetscInt    *shape;
  const PetscScalar *v;

  PetscFunctionBegin;
  PetscCall(HtPCAGetSingularValues(pod, &sv));
  PetscCall(HtTensorGetShape(sv, &shape));
  PetscCall(HtTensorGetArrayRead(sv, &v));
  for (PetscInt i = 0; i < shape[0]; i++) {
    PetscReal si = PetscRealPart(v[i]);

    PetscCall(PetscViewerASCIIPrintf(log, " %.10e", (double)(si > HT_TS_ROUNDING * PetscRealPart(v[0]) ? si : 0)));
  }
  PetscCall(HtTensorRestoreArrayRead(sv, &v));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   adds the snapshot (the whole state as one sample) to the POD; the incremental PCA takes batches of at least as many
   samples as it keeps modes, so snapshots wait in ctx->batch until one is full: the singular values printed and the
   model saved after each batch
*/
static PetscErrorCode HtTSMonitorPOD(HtTSMonitorCtx *ctx, const HtTSState *s)
{
  HtTensor batch;
  PetscInt n, nseen;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSize(s->X, &n));
  PetscCall(HtTensorReshape(s->X, 2, (PetscInt[]){1, n}, 0, &ctx->batch[ctx->nbuffered++]));
  if (ctx->nbuffered < ctx->nbatch) {
    PetscCall(PetscViewerASCIIPrintf(ctx->log, "  pod: %" PetscInt_FMT " of %" PetscInt_FMT " snapshots of the next batch\n", ctx->nbuffered, ctx->nbatch));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtTensorConcatenate(ctx->nbatch, ctx->batch, 0, &batch));
  for (PetscInt i = 0; i < ctx->nbatch; i++) PetscCall(HtTensorDestroy(&ctx->batch[i]));
  ctx->nbuffered = 0;
  PetscCall(HtPCAPartialFit(ctx->pod, batch));
  PetscCall(HtTensorDestroy(&batch));
  PetscCall(HtPCAGetNumSamplesSeen(ctx->pod, &nseen));
  PetscCall(PetscViewerASCIIPrintf(ctx->log, "  pod: %" PetscInt_FMT " snapshots, singular values", nseen));
  PetscCall(PetscViewerASCIIUseTabs(ctx->log, PETSC_FALSE));
  PetscCall(HtTSPrintSingularValues(ctx->log, ctx->pod));
  PetscCall(PetscViewerASCIIPrintf(ctx->log, "\n"));
  PetscCall(PetscViewerASCIIUseTabs(ctx->log, PETSC_TRUE));
  PetscCall(HtTSMonitorPushGroup(ctx, s, "pod"));
  if (ctx->out) PetscCall(HtPCAView(ctx->pod, ctx->out));
  PetscCall(HtTSMonitorPopGroup(ctx));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the eigenvalues of the DMD as " re+imi ..." */
static PetscErrorCode HtTSPrintEigenvalues(PetscViewer log, HtDMD dmd)
{
  HtTensor         eig;
  const PetscInt  *shape;
  const PetscReal *e;

  PetscFunctionBegin;
  PetscCall(HtDMDGetEigenvalues(dmd, &eig));
  PetscCall(HtTensorGetShape(eig, &shape));
  PetscCall(HtTensorGetArrayRead(eig, &e));
  for (PetscInt i = 0; i < shape[0]; i++) PetscCall(PetscViewerASCIIPrintf(log, " %.10f%+.10fi", (double)e[2 * i], (double)e[2 * i + 1]));
  PetscCall(HtTensorRestoreArrayRead(eig, &e));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* adds the state (one column of n values) to the streaming DMD: its eigenvalues printed and its model saved from the second snapshot on */
static PetscErrorCode HtTSMonitorDMD(HtTSMonitorCtx *ctx, const HtTSState *s)
{
  HtTensor column;
  PetscInt n, nseen, rank;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSize(s->X, &n));
  PetscCall(HtTensorReshape(s->X, 2, (PetscInt[]){n, 1}, 0, &column));
  PetscCall(HtDMDPartialFit(ctx->dmd, column));
  PetscCall(HtTensorDestroy(&column));
  PetscCall(HtDMDGetNumSnapshots(ctx->dmd, &nseen));
  if (nseen < 2) {
    PetscCall(PetscViewerASCIIPrintf(ctx->log, "  dmd: 1 snapshot, eigenvalues from the second on\n"));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtDMDGetRank(ctx->dmd, &rank));
  PetscCall(PetscViewerASCIIPrintf(ctx->log, "  dmd: %" PetscInt_FMT " snapshots, rank %" PetscInt_FMT ", eigenvalues", nseen, rank));
  PetscCall(PetscViewerASCIIUseTabs(ctx->log, PETSC_FALSE));
  PetscCall(HtTSPrintEigenvalues(ctx->log, ctx->dmd));
  PetscCall(PetscViewerASCIIPrintf(ctx->log, "\n"));
  PetscCall(PetscViewerASCIIUseTabs(ctx->log, PETSC_TRUE));
  PetscCall(HtTSMonitorPushGroup(ctx, s, "dmd"));
  if (ctx->out) PetscCall(HtDMDView(ctx->dmd, ctx->out));
  PetscCall(HtTSMonitorPopGroup(ctx));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the TSMonitor: every interval-th step, each analysis the options asked for */
static PetscErrorCode HtTSMonitor(TS ts, PetscInt step, PetscReal time, Vec u, void *mctx)
{
  HtTSMonitorCtx *ctx = (HtTSMonitorCtx *)mctx;
  HtTSState       s   = {.step = step, .time = time};

  PetscFunctionBegin;
  if (step % ctx->interval) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(PetscLogEventBegin(HT_TSMonitor, ts, 0, 0, 0));
  PetscCall(HtTSStateGet(ts, u, &s));
  /* before the step's line: an error then has no output of the run right before it (mpiexec may cut into its lines) */
  if (ctx->cluster && ctx->pngprefix[0]) PetscCall(HtTSMonitorCheckPNGMesh(PetscObjectComm((PetscObject)ctx->cluster), ctx->pngprefix, s.nmesh));
  PetscCall(PetscViewerASCIIPrintf(ctx->log, "HtTSMonitor step %" PetscInt_FMT " time %g\n", step, (double)time));
  if (ctx->cluster) PetscCall(HtTSMonitorCluster(ctx, &s));
  if (ctx->pod) PetscCall(HtTSMonitorPOD(ctx, &s));
  if (ctx->dmd) PetscCall(HtTSMonitorDMD(ctx, &s));
  PetscCall(HtTensorDestroy(&s.X));
  PetscCall(PetscLogEventEnd(HT_TSMonitor, ts, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ends the monitor: the results file replaces the named file (the run got here, so every analysis was written) */
static PetscErrorCode HtTSMonitorDestroy(void **mctx)
{
  HtTSMonitorCtx *ctx = (HtTSMonitorCtx *)*mctx;

  PetscFunctionBegin;
  if (ctx->out) {
    MPI_Comm comm = PetscObjectComm((PetscObject)ctx->out);

    for (HtTSMonitorCtx **p = &HtTSOpenOutputs; *p; p = &(*p)->next)
      if (*p == ctx) {
        *p = ctx->next;
        break;
      }
    PetscCall(PetscViewerDestroy(&ctx->out));
    PetscCall(HtFileCommit(comm, PETSC_SUCCESS, ctx->tmpfile, ctx->outfile));
  }
  PetscCall(HtClusterDestroy(&ctx->cluster));
  PetscCall(HtPCADestroy(&ctx->pod));
  PetscCall(HtDMDDestroy(&ctx->dmd));
  for (PetscInt i = 0; i < ctx->nbuffered; i++) PetscCall(HtTensorDestroy(&ctx->batch[i]));
  PetscCall(PetscFree(ctx->batch));
  PetscCall(PetscFree(ctx));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the analysis objects' options prefix: the TS's prefix followed by ts_ (-ts_ht_cluster_type, -ts_ht_pca_n_components) */
static PetscErrorCode HtTSMonitorPrefix(const char tsprefix[], char prefix[], size_t len)
{
  PetscFunctionBegin;
  PetscCall(PetscStrncpy(prefix, tsprefix ? tsprefix : "", len));
  PetscCall(PetscStrlcat(prefix, "ts_", len));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the clustering of the monitor; a warm start only for the types that start from given centers */
static PetscErrorCode HtTSMonitorCreateCluster(TS ts, const char prefix[], HtTSMonitorCtx *ctx)
{
  PetscBool lloyd;

  PetscFunctionBegin;
  PetscCall(HtClusterCreate(PetscObjectComm((PetscObject)ts), &ctx->cluster));
  PetscCall(HtClusterSetOptionsPrefix(ctx->cluster, prefix));
  PetscCall(HtClusterSetFromOptions(ctx->cluster));
  PetscCall(PetscObjectTypeCompareAny((PetscObject)ctx->cluster, &lloyd, HTCLUSTERKMEANS, HTCLUSTERKMEDIANS, ""));
  ctx->warm = (PetscBool)(ctx->warm && lloyd);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtTSMonitorCreatePOD(TS ts, const char prefix[], HtTSMonitorCtx *ctx)
{
  PetscBool incremental;
  HtPCA    *pod = &ctx->pod;

  PetscFunctionBegin;
  PetscCall(HtPCACreate(PetscObjectComm((PetscObject)ts), pod));
  PetscCall(HtPCASetOptionsPrefix(*pod, prefix));
  PetscCall(HtPCASetType(*pod, HTPCAINCREMENTAL));
  PetscCall(HtPCASetNumComponents(*pod, 4));
  PetscCall(HtPCASetFromOptions(*pod));
  PetscCall(PetscObjectTypeCompare((PetscObject)*pod, HTPCAINCREMENTAL, &incremental));
  PetscCheck(incremental, PetscObjectComm((PetscObject)ts), PETSC_ERR_ARG_INCOMP, "The POD monitor adds one snapshot per analysis step, which only the incremental type can: drop -%sht_pca_type %s", prefix, ((PetscObject)*pod)->type_name);
  PetscCall(HtPCAGetNumComponents(*pod, &ctx->nbatch));
  ctx->nbatch = PetscMax(ctx->nbatch, 2);
  PetscCall(PetscCalloc1(ctx->nbatch, &ctx->batch));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* at PetscFinalize(): the temporary results files of monitors never destroyed (a run ended by an error) are removed */
static PetscErrorCode HtTSMonitorRemoveTemporaries(void)
{
  PetscFunctionBegin;
  for (HtTSMonitorCtx *ctx = HtTSOpenOutputs; ctx; ctx = ctx->next) {
    PetscCall(PetscViewerDestroy(&ctx->out));
    (void)remove(ctx->tmpfile); /* every rank tries; all but one find it gone */
  }
  HtTSOpenOutputs = NULL;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a streaming DMD whose time step is the time between analyses (so its continuous eigenvalues are the decay rates) */
static PetscErrorCode HtTSMonitorCreateDMD(TS ts, const char prefix[], HtTSMonitorCtx *ctx)
{
  PetscBool streaming;
  PetscReal dt;

  PetscFunctionBegin;
  PetscCall(HtDMDCreate(PetscObjectComm((PetscObject)ts), &ctx->dmd));
  PetscCall(HtDMDSetOptionsPrefix(ctx->dmd, prefix));
  PetscCall(HtDMDSetType(ctx->dmd, HTDMDSTREAMING));
  PetscCall(TSGetTimeStep(ts, &dt));
  PetscCall(HtDMDSetTimeStep(ctx->dmd, ctx->interval * dt));
  PetscCall(HtDMDSetFromOptions(ctx->dmd));
  PetscCall(PetscObjectTypeCompare((PetscObject)ctx->dmd, HTDMDSTREAMING, &streaming));
  PetscCheck(streaming, PetscObjectComm((PetscObject)ts), PETSC_ERR_ARG_INCOMP, "The DMD monitor adds one snapshot per analysis step, which only the streaming type can: drop -%sht_dmd_type %s", prefix, ((PetscObject)ctx->dmd)->type_name);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the results file: written to a temporary file beside it, which HtTSMonitorDestroy() renames */
static PetscErrorCode HtTSMonitorOpenOutput(TS ts, HtTSMonitorCtx *ctx)
{
  MPI_Comm comm = PetscObjectComm((PetscObject)ts);

  PetscFunctionBegin;
  PetscCall(HtFileTemporaryName(comm, ctx->outfile, ctx->tmpfile, sizeof(ctx->tmpfile)));
  PetscCall(HtFileCheckCreatable(comm, ctx->tmpfile, ctx->outfile)); /* a clean error, not HDF5's error stack */
  PetscCall(PetscViewerHDF5Open(comm, ctx->tmpfile, FILE_MODE_WRITE, &ctx->out));
  if (!HtTSOpenOutputs) PetscCall(PetscRegisterFinalize(HtTSMonitorRemoveTemporaries));
  ctx->next       = HtTSOpenOutputs;
  HtTSOpenOutputs = ctx;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   -ht_ts_monitor_cluster_png PREFIX, checked at setup: the folder of the pictures must take new files (a probe file, removed),
   and a DMDA of the time stepper must be 2-D; another DM may still give way to a DMDA (TSSetDM() after this call): that
   check waits for the first analysis
*/
static PetscErrorCode HtTSMonitorCheckPNG(TS ts, HtTSMonitorCtx *ctx)
{
  MPI_Comm    comm = PetscObjectComm((PetscObject)ts);
  char        path[PETSC_MAX_PATH_LEN + 16], tmp[PETSC_MAX_PATH_LEN + 96];
  DM          dm;
  PetscBool   isda;
  PetscInt    dim;
  PetscMPIInt rank;

  PetscFunctionBegin;
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s_NNNNNN.png", ctx->pngprefix));
  PetscCall(HtFileTemporaryName(comm, path, tmp, sizeof(tmp)));
  PetscCall(HtFileCheckCreatable(comm, tmp, path));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  if (!rank) (void)remove(tmp);
  PetscCall(TSGetDM(ts, &dm));
  PetscCall(PetscObjectTypeCompare((PetscObject)dm, DMDA, &isda));
  if (!isda) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(DMGetDimension(dm, &dim));
  PetscCall(HtTSMonitorCheckPNGMesh(comm, ctx->pngprefix, dim));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTSMonitorSetFromOptions - Adds in-situ analytics of the state to a time stepper, configured entirely from the
   options database: the one line an existing PETSc simulation adds to gain clustering, a POD and a DMD of its state.

   Collective

   Input Parameter:
.  ts - the time stepper, after `TSSetFromOptions()` (a later `-ts_monitor_cancel` would remove the monitor)

   Options Database Keys:
+  -ht_ts_monitor_cluster - every analysis step, cluster the mesh points by their state values with an `HtCluster`
                            configured by `-ts_ht_cluster_*` (e.g. `-ts_ht_cluster_num_clusters 4`); prints the cluster
                            sizes and the inertia
.  -ht_ts_monitor_cluster_warm_start <true> - types kmeans and kmedians: each clustering after the first starts from
                                            the centers of the previous analysis step (fewer iterations, and a cluster
                                            keeps its number from step to step as the state evolves); false draws new
                                            initial centers each time as `-ts_ht_cluster_init` says
.  -ht_ts_monitor_cluster_png <PREFIX> - with -ht_ts_monitor_cluster on a 2-D `DMDA`: the labels on the mesh as a picture
                                        PREFIX_NNNNNN.png per analysis step (`HtTensorSavePNG()`, a colour per cluster);
                                        without the cluster monitor, on another DM or when the folder of PREFIX cannot
                                        take new files, an error (at this call, or for a DM that is not a `DMDA` yet,
                                        at the first analysis)
.  -ht_ts_monitor_pod - add the state as a snapshot to a proper orthogonal decomposition (an incremental `HtPCA` of the
                        snapshots, configured by `-ts_ht_pca_*`, default 4 modes); snapshots go to the PCA in batches of as
                        many as it keeps modes; prints the singular values after each batch (those below 1e-12 of the
                        largest, rounding errors, as 0)
.  -ht_ts_monitor_dmd - add the state as a snapshot to a streaming dynamic mode decomposition (`HtDMD`, configured by
                        `-ts_ht_dmd_*`, bounded memory); its time step is the time between analyses, so
                        `HtDMDGetContinuousEigenvalues()` gives decay rates; prints the eigenvalues from the second
                        analysis on
.  -ht_ts_monitor_interval <10> - analyse every this many time steps (step 0 included)
-  -ht_ts_monitor_output <FILE.h5> - write each analysis to FILE.h5: a group `/step_NNNNNN` (attributes step and time) per
                                     analysis step, holding the models (`cluster`, `pod`, `dmd`; as written by
                                     `HtClusterView()`, `HtPCAView()`, `HtDMDView()` with an HDF5 viewer) and the labels in the mesh's shape. The file is
                                     written beside FILE and replaces it when the time stepper is destroyed, so a failed
                                     run leaves an earlier FILE as it was.

   Level: beginner

   Notes:
   The options use the time stepper's prefix: with `TSSetOptionsPrefix(ts, "fluid_")` they read
   `-fluid_ht_ts_monitor_cluster`, `-fluid_ts_ht_cluster_num_clusters`, ...  Without an analysis option this adds
   nothing. For a `DMDA` the state is analysed in natural mesh order (a view without a copy when the process grid cuts
   only the slowest axis), so labels and modes are the same on any number of ranks; for another `DM` the points are in
   the global vector's order and its block size gives the values per point. The POD's snapshots are the whole states
   (one sample of npoints * dof features each), centered on their running mean: the POD of the fluctuations.
   The analysis objects' options are their usual ones behind the prefix `ts_` (PETSc prepends prefixes, so an
   `HtCluster` of the monitor reads `-ts_ht_cluster_num_clusters` as a time stepper's `SNES` reads `-snes_type`).

   Example Usage:
.vb
   PetscCall(TSSetFromOptions(ts));
   PetscCall(HtTSMonitorSetFromOptions(ts)); // the added line
   PetscCall(TSSolve(ts, u));
.ve
   then run with `-ht_ts_monitor_cluster -ts_ht_cluster_num_clusters 3 -ht_ts_monitor_interval 20`.

.seealso: `HtCluster`, `HtPCA`, `HtDMD`, `HtTensorCreateFromDMDA()`, `TSMonitorSet()`
@*/
PetscErrorCode HtTSMonitorSetFromOptions(TS ts)
{
  HtTSMonitorCtx *ctx;
  PetscBool       cluster = PETSC_FALSE, pod = PETSC_FALSE, dmd = PETSC_FALSE, output;
  const char     *tsprefix;
  char            prefix[256];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(ts, TS_CLASSID, 1);
  PetscCall(HtTSMonitorInitializePackage());
  PetscCall(PetscNew(&ctx));
  ctx->interval = 10;
  ctx->warm     = PETSC_TRUE;
  PetscCall(TSGetOptionsPrefix(ts, &tsprefix));
  PetscOptionsBegin(PetscObjectComm((PetscObject)ts), tsprefix, "Heat in-situ analytics of the state (HtTSMonitorSetFromOptions)", "TS");
  PetscCall(PetscOptionsBool("-ht_ts_monitor_cluster", "Cluster the state's mesh points at each analysis step", "HtTSMonitorSetFromOptions", cluster, &cluster, NULL));
  PetscCall(PetscOptionsBool("-ht_ts_monitor_pod", "Add the state to a POD (incremental PCA of the snapshots)", "HtTSMonitorSetFromOptions", pod, &pod, NULL));
  PetscCall(PetscOptionsBool("-ht_ts_monitor_dmd", "Add the state to a streaming DMD of the snapshots", "HtTSMonitorSetFromOptions", dmd, &dmd, NULL));
  PetscCall(PetscOptionsInt("-ht_ts_monitor_interval", "Analyse every this many steps", "HtTSMonitorSetFromOptions", ctx->interval, &ctx->interval, NULL));
  PetscCall(PetscOptionsBool("-ht_ts_monitor_cluster_warm_start", "Start each clustering after the first from the previous centers (kmeans, kmedians)", "HtTSMonitorSetFromOptions", ctx->warm, &ctx->warm, NULL));
  PetscCall(PetscOptionsString("-ht_ts_monitor_cluster_png", "With -ht_ts_monitor_cluster on a 2-D DMDA: the labels as pictures PREFIX_STEP.png", "HtTSMonitorSetFromOptions", ctx->pngprefix, ctx->pngprefix, sizeof(ctx->pngprefix), NULL));
  PetscCall(PetscOptionsString("-ht_ts_monitor_output", "HDF5 file of the analyses (a group per step)", "HtTSMonitorSetFromOptions", ctx->outfile, ctx->outfile, sizeof(ctx->outfile), &output));
  PetscOptionsEnd();
  PetscCheck(cluster || pod || dmd || !output, PetscObjectComm((PetscObject)ts), PETSC_ERR_ARG_WRONG, "-ht_ts_monitor_output %s names a file for analyses, but none is on: add -ht_ts_monitor_cluster, -ht_ts_monitor_pod or -ht_ts_monitor_dmd", ctx->outfile);
  PetscCheck(cluster || !ctx->pngprefix[0], PetscObjectComm((PetscObject)ts), PETSC_ERR_ARG_WRONG, "-ht_ts_monitor_cluster_png %s draws the labels of the cluster monitor, which is off: add -ht_ts_monitor_cluster", ctx->pngprefix);
  if (!cluster && !pod && !dmd) {
    PetscCall(PetscFree(ctx));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCheck(ctx->interval > 0, PetscObjectComm((PetscObject)ts), PETSC_ERR_ARG_OUTOFRANGE, "-ht_ts_monitor_interval %" PetscInt_FMT " must be at least 1 (analyse every that many steps)", ctx->interval);
  PetscCall(HtTSMonitorPrefix(tsprefix, prefix, sizeof(prefix)));
  if (cluster) PetscCall(HtTSMonitorCreateCluster(ts, prefix, ctx));
  if (pod) PetscCall(HtTSMonitorCreatePOD(ts, prefix, ctx));
  if (dmd) PetscCall(HtTSMonitorCreateDMD(ts, prefix, ctx));
  if (ctx->pngprefix[0]) PetscCall(HtTSMonitorCheckPNG(ts, ctx));
  if (output) PetscCall(HtTSMonitorOpenOutput(ts, ctx));
  ctx->log = PETSC_VIEWER_STDOUT_(PetscObjectComm((PetscObject)ts));
  PetscCall(TSMonitorSet(ts, HtTSMonitor, ctx, HtTSMonitorDestroy));
  PetscFunctionReturn(PETSC_SUCCESS);
}
