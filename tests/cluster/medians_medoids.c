static const char help[] = "Tests HtCluster kmedians and kmedoids (-ht_cluster_type): closed-form cases, NumPy references of the same\n"
                           "algorithms, brute-force checks of the fitted model on the gathered data, and bad input.\n"
                           "  -case closed|synthetic|data|getcandidates   the data (default data) or a bad call\n"
                           "  -weighted        closed, synthetic: with the sample weights of the case\n"
                           "  -extra_center X,Y  closed: a third initial center (to empty a cluster)\n"
                           "  -data NAME       data: data/cluster/NAME_X.npy\n"
                           "  -weights FILE    data: sample weights\n"
                           "  -ref NAME        data: compare with the NumPy reference data/cluster/NAME_labels.npy, NAME_centers.npy\n"
                           "  -ref_iter N      the reference's number of iterations\n"
                           "  -ref_inertia X   the reference's inertia\n"
                           "  -gap_tol X       kmedoids: largest accepted relative objective gap to the exact medoids of the final clusters\n\n";

#include "clustertest.h"

/*
   closed: 2-d points of two clusters, interleaved in the sample order; the weighted variant adds a point of weight 0.
   kmedians: A = (1,7) (2,5) (3,9) (4,1) -> lower medians (2, 5); weights 2 1 2 1 -> (2, 7) (the cumulative weight
   reaches exactly half at x = 2). B = (100,103) (101,100) (104,101) (102,108) (110,102) -> (102, 102); weights
   1 1 1 3 1 -> (102, 103).
   kmedoids: A on the x axis {3, 0, 10, 1, 2} -> medoid 2 (objective 12); with weight 5 on 10 -> 10 (34).
   B on y = 100, x in {103, 101, 100, 104}: 101 and 103 tie (6) -> 103, the lower sample index; with weight 2 on
   100 -> 101 (7).
*/
static const PetscReal ClosedMedians[][3] = {
  {1, 7, 2},    {100, 103, 1}, {2, 5, 1},     {101, 100, 1}, {3, 9, 2},
  {104, 101, 1}, {4, 1, 1},    {102, 108, 3}, {110, 102, 1}, {-1000, -1000, 0},
};
static const PetscReal ClosedMedoids[][3] = {
  {3, 0, 1}, {103, 100, 1}, {0, 0, 1}, {101, 100, 1}, {10, 0, 5}, {100, 100, 2}, {1, 0, 1}, {104, 100, 1}, {2, 0, 1}, {1000, 0, 0},
};

/* synthetic: N samples, one cluster; feature medians 49999, 49999 (a permutation), 1 (many ties), 0.5 (2^-200 .. 2^199), -1e100 */
#define SYNTHETIC_N 100000
static void SyntheticRow(PetscInt i, PetscScalar *x, PetscScalar *w)
{
  x[0] = (PetscReal)i;
  x[1] = (PetscReal)((i * 7919) % SYNTHETIC_N);
  x[2] = (PetscReal)(i % 3);
  x[3] = PetscPowReal(2.0, (PetscReal)(i % 400 - 200));
  x[4] = i < SYNTHETIC_N / 2 ? -1e100 : 1e100;
  *w   = 1 + i % 4;
}

/* the data of a built-in case, balanced over the ranks, its weights, and K initial centers */
static PetscErrorCode CreateCase(const char which[], PetscBool weighted, PetscBool medoids, HtTensor *X, HtTensor *w, HtTensor *init)
{
  PetscBool    closed, set;
  PetscInt     n, f, k, rstart, rend, nextra = 2;
  PetscScalar *x, *wa, c[10] = {0, 0, 100, 100};
  PetscReal    extra[2];

  PetscFunctionBeginUser;
  PetscCall(PetscStrcmp(which, "closed", &closed));
  n = closed ? (weighted ? 10 : 9) : SYNTHETIC_N;
  f = closed ? 2 : 5;
  k = closed ? 2 : 1;
  PetscCall(PetscOptionsGetRealArray(NULL, NULL, "-extra_center", extra, &nextra, &set));
  if (closed && set) {
    PetscCheck(nextra == 2, PETSC_COMM_WORLD, PETSC_ERR_ARG_SIZ, "-extra_center needs 2 coordinates");
    c[2 * k]     = extra[0];
    c[2 * k + 1] = extra[1];
    k++;
  }
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 2, (PetscInt[]){n, f}, 0, HT_SCALAR, X));
  PetscCall(HtTensorCreate(PETSC_COMM_WORLD, 1, &n, 0, HT_SCALAR, w));
  PetscCall(HtTensorGetOwnershipRange(*X, &rstart, &rend));
  PetscCall(HtTensorGetArray(*X, &x));
  PetscCall(HtTensorGetArray(*w, &wa));
  for (PetscInt i = rstart; i < rend; i++) {
    if (closed) {
      const PetscReal *r = medoids ? ClosedMedoids[i] : ClosedMedians[i];

      x[(i - rstart) * f]     = r[0];
      x[(i - rstart) * f + 1] = r[1];
      wa[i - rstart]          = weighted ? r[2] : 1;
    } else SyntheticRow(i, x + (i - rstart) * f, wa + (i - rstart));
  }
  PetscCall(HtTensorRestoreArray(*w, &wa));
  PetscCall(HtTensorRestoreArray(*X, &x));
  if (!closed) PetscCall(PetscArrayzero(c, f));
  PetscCall(HtTensorCreateFromLocalArray(PETSC_COMM_WORLD, 2, (PetscInt[]){k, f}, -1, HT_SCALAR, PETSC_DECIDE, c, init));
  if (!weighted) PetscCall(HtTensorDestroy(w));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the whole model and data on every rank, for brute-force checks */
typedef struct {
  PetscInt           n, f, k;
  HtTensor           X, labels, centers, w;
  const PetscScalar *x, *c, *w_;
  const PetscInt    *l;
} Gathered;

static PetscErrorCode GatherModel(HtCluster cl, HtTensor X, HtTensor w, Gathered *g)
{
  HtTensor        labels, centers;
  const PetscInt *shape;

  PetscFunctionBeginUser;
  PetscCall(HtClusterGetLabels(cl, &labels));
  PetscCall(HtClusterGetCenters(cl, &centers));
  PetscCall(HtTensorGetShape(X, &shape));
  g->n = shape[0];
  g->f = shape[1];
  PetscCall(HtClusterGetNumClusters(cl, &g->k));
  PetscCall(HtTensorResplit(X, -1, &g->X));
  PetscCall(HtTensorResplit(labels, -1, &g->labels));
  PetscCall(HtTensorResplit(centers, -1, &g->centers));
  g->w = NULL;
  if (w) PetscCall(HtTensorResplit(w, -1, &g->w));
  PetscCall(HtTensorGetArrayRead(g->X, &g->x));
  PetscCall(HtTensorGetArrayRead(g->labels, &g->l));
  PetscCall(HtTensorGetArrayRead(g->centers, &g->c));
  g->w_ = NULL;
  if (g->w) PetscCall(HtTensorGetArrayRead(g->w, &g->w_));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode GatherDestroy(Gathered *g)
{
  PetscFunctionBeginUser;
  if (g->w) PetscCall(HtTensorRestoreArrayRead(g->w, &g->w_));
  PetscCall(HtTensorRestoreArrayRead(g->centers, &g->c));
  PetscCall(HtTensorRestoreArrayRead(g->labels, &g->l));
  PetscCall(HtTensorRestoreArrayRead(g->X, &g->x));
  PetscCall(HtTensorDestroy(&g->X));
  PetscCall(HtTensorDestroy(&g->labels));
  PetscCall(HtTensorDestroy(&g->centers));
  PetscCall(HtTensorDestroy(&g->w));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscReal Weight(const Gathered *g, PetscInt i)
{
  return g->w_ ? PetscRealPart(g->w_[i]) : 1.0;
}

/* L1 or Euclidean distance of two rows, written independently of the library's kernel */
static PetscReal Distance(PetscBool l1, PetscInt f, const PetscScalar *a, const PetscScalar *b)
{
  PetscReal s = 0;

  for (PetscInt j = 0; j < f; j++) s += l1 ? PetscAbsScalar(a[j] - b[j]) : PetscRealPart((a[j] - b[j]) * (a[j] - b[j]));
  return l1 ? s : PetscSqrtReal(s);
}

/* every label is the nearest center (ties: lower index), and the inertia is the weighted sum of the distances */
static PetscErrorCode CheckAssignment(const Gathered *g, PetscBool l1, PetscReal inertia)
{
  PetscInt  wrong = 0;
  PetscReal sum   = 0;

  PetscFunctionBeginUser;
  for (PetscInt i = 0; i < g->n; i++) {
    PetscInt best = 0;

    for (PetscInt q = 1; q < g->k; q++)
      if (Distance(l1, g->f, g->x + i * g->f, g->c + q * g->f) < Distance(l1, g->f, g->x + i * g->f, g->c + best * g->f)) best = q;
    wrong += best != g->l[i];
    sum += Weight(g, i) * Distance(l1, g->f, g->x + i * g->f, g->c + g->l[i] * g->f);
  }
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "labels that are not the nearest center: %" PetscInt_FMT "; inertia recomputed within 1e-10: %s\n", wrong, PetscAbsReal(sum - inertia) <= 1e-10 * PetscAbsReal(sum) ? "yes" : "NO"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  PetscReal v, w;
} ValueWeight;

static int CompareValue(const void *a, const void *b)
{
  PetscReal x = ((const ValueWeight *)a)->v, y = ((const ValueWeight *)b)->v;

  return x < y ? -1 : x > y;
}

/* kmedians: every center coordinate is the weighted lower median of its cluster, by sorting */
static PetscErrorCode CheckMedians(const Gathered *g)
{
  ValueWeight *vw;
  PetscInt     wrong = 0;

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc1(g->n, &vw));
  for (PetscInt q = 0; q < g->k; q++)
    for (PetscInt j = 0; j < g->f; j++) {
      PetscInt  m = 0, e;
      PetscReal total = 0, cum = 0;

      for (PetscInt i = 0; i < g->n; i++)
        if (g->l[i] == q) {
          vw[m].v = PetscRealPart(g->x[i * g->f + j]);
          vw[m].w = Weight(g, i);
          total += vw[m++].w;
        }
      qsort(vw, (size_t)m, sizeof(ValueWeight), CompareValue);
      for (e = 0; e < m; e++)
        if (vw[e].w > 0 && (cum += vw[e].w) >= total / 2) break;
      wrong += !(e < m && vw[e].v == PetscRealPart(g->c[q * g->f + j]));
    }
  PetscCall(PetscFree(vw));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "center coordinates that are not the weighted lower median of their cluster: %" PetscInt_FMT "\n", wrong));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* kmedoids: every medoid is a sample; the objective of the exact medoids of the final clusters, by brute force */
static PetscErrorCode CheckMedoids(const Gathered *g, PetscReal inertia, PetscReal gaptol)
{
  PetscInt  notsample = 0;
  PetscReal exact     = 0, gap;

  PetscFunctionBeginUser;
  for (PetscInt q = 0; q < g->k; q++) {
    PetscBool found = PETSC_FALSE;
    PetscReal best  = PETSC_MAX_REAL;

    for (PetscInt i = 0; i < g->n; i++) {
      PetscReal s = 0;

      if (!found && Distance(PETSC_TRUE, g->f, g->x + i * g->f, g->c + q * g->f) == 0) found = PETSC_TRUE;
      if (g->l[i] != q) continue;
      for (PetscInt j = 0; j < g->n; j++)
        if (g->l[j] == q) s += Weight(g, j) * Distance(PETSC_FALSE, g->f, g->x + i * g->f, g->x + j * g->f);
      best = PetscMin(best, s);
    }
    notsample += !found;
    if (best < PETSC_MAX_REAL) exact += best;
  }
  gap = (inertia - exact) / exact;
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "medoids that are not samples: %" PetscInt_FMT "; objective of the exact medoids of the final clusters %.12g, relative gap %.2e\n", notsample, (double)exact, (double)(PetscAbsReal(gap) < 1e-12 ? 0 : gap)));
  if (gaptol > 0) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "relative gap at most %g: %s\n", (double)gaptol, gap <= gaptol ? "yes" : "NO"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the fitted model: type, reason, inertia, centers, and the labels of small data */
static PetscErrorCode PrintModel(HtCluster cl, const Gathered *g)
{
  HtClusterType            type;
  HtClusterConvergedReason reason;
  PetscInt                 its;
  PetscReal                inertia;

  PetscFunctionBeginUser;
  PetscCall(HtClusterGetType(cl, &type));
  PetscCall(HtClusterGetConvergedReason(cl, &reason));
  PetscCall(HtClusterGetIterationNumber(cl, &its));
  PetscCall(HtClusterGetInertia(cl, &inertia));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: %" PetscInt_FMT " samples, %" PetscInt_FMT " features, K %" PetscInt_FMT ": %s after %" PetscInt_FMT " iterations, inertia %.12g\n", type, g->n, g->f, g->k, HtClusterConvergedReasons[reason], its, (double)inertia));
  for (PetscInt q = 0; q < g->k; q++) {
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  center %" PetscInt_FMT ":", q));
    for (PetscInt j = 0; j < g->f; j++) PetscCall(PetscPrintf(PETSC_COMM_WORLD, " %.12g", (double)PetscRealPart(g->c[q * g->f + j])));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "\n"));
  }
  if (g->n <= 20) {
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  labels:"));
    for (PetscInt i = 0; i < g->n; i++) PetscCall(PetscPrintf(PETSC_COMM_WORLD, " %" PetscInt_FMT, g->l[i]));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "\n"));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the labels and centers against a NumPy reference */
static PetscErrorCode CompareReference(const Gathered *g, const char ref[], PetscInt its, PetscInt refits, PetscReal inertia, PetscReal refinertia)
{
  HtTensor           rl, rc;
  const PetscInt    *l;
  const PetscScalar *c;
  PetscInt           ndiff = 0;
  PetscReal          diff  = 0;

  PetscFunctionBeginUser;
  PetscCall(LoadNamed(ref, "labels", -1, &rl));
  PetscCall(LoadNamed(ref, "centers", -1, &rc));
  PetscCall(HtTensorGetArrayRead(rl, &l));
  PetscCall(HtTensorGetArrayRead(rc, &c));
  for (PetscInt i = 0; i < g->n; i++) ndiff += l[i] != g->l[i];
  for (PetscInt p = 0; p < g->k * g->f; p++) diff = PetscMax(diff, PetscAbsScalar(c[p] - g->c[p]) / PetscMax(1, PetscAbsScalar(c[p])));
  PetscCall(HtTensorRestoreArrayRead(rc, &c));
  PetscCall(HtTensorRestoreArrayRead(rl, &l));
  PetscCall(HtTensorDestroy(&rl));
  PetscCall(HtTensorDestroy(&rc));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "NumPy reference: same iterations %s, inertia within 1e-12 %s, labels differing %" PetscInt_FMT ", centers within 1e-10 %s\n", its == refits ? "yes" : "NO", PetscAbsReal(inertia - refinertia) <= 1e-12 * refinertia ? "yes" : "NO", ndiff, diff <= 1e-10 ? "yes" : "NO"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* predict on the training data gives the labels; the smallest distance of transform is at the label */
static PetscErrorCode CheckPredictTransform(HtCluster cl, HtTensor X)
{
  HtTensor           labels, predicted, dist;
  const PetscInt    *l, *p;
  const PetscScalar *d;
  PetscInt           m, k, ndiff[2] = {0, 0};

  PetscFunctionBeginUser;
  PetscCall(HtClusterGetLabels(cl, &labels));
  PetscCall(HtClusterGetNumClusters(cl, &k));
  PetscCall(HtClusterPredict(cl, X, &predicted));
  PetscCall(HtClusterTransform(cl, X, &dist));
  PetscCall(HtTensorGetLocalSize(labels, &m));
  PetscCall(HtTensorGetArrayRead(labels, &l));
  PetscCall(HtTensorGetArrayRead(predicted, &p));
  PetscCall(HtTensorGetArrayRead(dist, &d));
  for (PetscInt i = 0; i < m; i++) {
    PetscInt b = 0;

    for (PetscInt q = 1; q < k; q++)
      if (PetscRealPart(d[i * k + q]) < PetscRealPart(d[i * k + b])) b = q;
    ndiff[0] += p[i] != l[i];
    ndiff[1] += b != l[i];
  }
  PetscCall(HtTensorRestoreArrayRead(dist, &d));
  PetscCall(HtTensorRestoreArrayRead(predicted, &p));
  PetscCall(HtTensorRestoreArrayRead(labels, &l));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, ndiff, 2, MPIU_INT, MPI_SUM, PETSC_COMM_WORLD));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "predict on the training data: %" PetscInt_FMT " labels differ; nearest center by transform: %" PetscInt_FMT " labels differ\n", ndiff[0], ndiff[1]));
  PetscCall(HtTensorDestroy(&dist));
  PetscCall(HtTensorDestroy(&predicted));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the test; main() ends with HeatEnd(), so that an expected error ends every rank cleanly */
static PetscErrorCode RunTest(void)
{
  char          which[64] = "data", name[64] = "iris", ref[64] = "", wfile[PETSC_MAX_PATH_LEN] = "";
  HtCluster     cl;
  HtTensor      X, w = NULL, init = NULL;
  HtClusterType type;
  Gathered      g;
  PetscBool     weighted = PETSC_FALSE, isdata, ismedoids, ismedians;
  PetscInt      its, refits = -1;
  PetscReal     inertia, refinertia = -1, gaptol = -1;

  PetscFunctionBeginUser;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-case", which, sizeof(which), NULL));
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-weighted", &weighted, NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-data", name, sizeof(name), NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-weights", wfile, sizeof(wfile), NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-ref", ref, sizeof(ref), NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-ref_iter", &refits, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-ref_inertia", &refinertia, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-gap_tol", &gaptol, NULL));

  PetscCall(HtClusterCreate(PETSC_COMM_WORLD, &cl));
  PetscCall(PetscStrcmp(which, "getcandidates", &isdata));
  if (isdata) { /* a kmedoids getter on another type */
    PetscInt c;

    PetscCall(HtClusterSetType(cl, HTCLUSTERKMEDIANS));
    PetscCall(HtClusterKMedoidsGetCandidates(cl, &c));
  }
  PetscCall(HtClusterSetFromOptions(cl));
  PetscCall(HtClusterGetType(cl, &type));
  PetscCall(PetscStrcmp(type, HTCLUSTERKMEDOIDS, &ismedoids));
  PetscCall(PetscStrcmp(type, HTCLUSTERKMEDIANS, &ismedians));
  PetscCall(PetscStrcmp(which, "data", &isdata));
  if (isdata) {
    PetscCall(LoadNamed(name, "X", 0, &X));
    if (wfile[0]) PetscCall(HtTensorLoad(PETSC_COMM_WORLD, wfile, NULL, 0, &w));
  } else {
    PetscCall(CreateCase(which, weighted, ismedoids, &X, &w, &init));
    PetscCall(HtClusterSetInitialCenters(cl, init));
  }
  if (w) PetscCall(HtClusterSetSampleWeights(cl, w));
  PetscCall(HtClusterFit(cl, X));
  PetscCall(HtClusterGetInertia(cl, &inertia));
  PetscCall(HtClusterGetIterationNumber(cl, &its));
  PetscCall(GatherModel(cl, X, w, &g));
  PetscCall(PrintModel(cl, &g));
  if (ref[0]) PetscCall(CompareReference(&g, ref, its, refits, inertia, refinertia));
  PetscCall(CheckAssignment(&g, ismedians, inertia));
  if (ismedians) PetscCall(CheckMedians(&g));
  if (ismedoids) PetscCall(CheckMedoids(&g, inertia, gaptol));
  PetscCall(GatherDestroy(&g));
  PetscCall(CheckPredictTransform(cl, X));
  PetscCall(HtClusterDestroy(&cl));
  PetscCall(HtTensorDestroy(&init));
  PetscCall(HtTensorDestroy(&w));
  PetscCall(HtTensorDestroy(&X));
  PetscFunctionReturn(PETSC_SUCCESS);
}

int main(int argc, char **argv)
{
  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  return HeatEnd(RunTest());
}

/*TEST
   testset:
     nsize: {{1 2 3 4}}
     filter: grep -v "MPI process"
     test:
       suffix: kmedians_closed
       args: -case closed -ht_cluster_type kmedians -ht_cluster_converged_reason
     test:
       suffix: kmedians_closed_weighted
       args: -case closed -weighted -ht_cluster_type kmedians -ht_cluster_monitor
     test:
       suffix: kmedians_closed_empty
       args: -case closed -ht_cluster_type kmedians -extra_center 10000,-10000 -ht_cluster_monitor
     test:
       suffix: kmedians_synthetic
       args: -case synthetic -ht_cluster_type kmedians
     test:
       suffix: kmedians_synthetic_weighted
       args: -case synthetic -weighted -ht_cluster_type kmedians
     test:
       suffix: kmedians_iris
       args: -ht_cluster_type kmedians -data iris -ht_cluster_init_centers data/cluster/iris_init.npy -ref iris_kmedians -ref_iter 4 -ref_inertia 207.20000000000005
     test:
       suffix: kmedians_iris_weighted
       args: -ht_cluster_type kmedians -data iris -weights data/cluster/iris_weights.npy -ht_cluster_init_centers data/cluster/iris_init.npy -ref iris_weighted_kmedians -ref_iter 5 -ref_inertia 414.40000000000003
     test:
       suffix: kmedians_blobs
       args: -ht_cluster_type kmedians -data blobs -ht_cluster_init_centers data/cluster/blobs_init.npy -ref blobs_kmedians -ref_iter 10 -ref_inertia 33797.730207041837 -ht_cluster_monitor
     test:
       suffix: kmedians_blobs_kmeanspp
       args: -ht_cluster_type kmedians -data blobs -ht_cluster_num_clusters 6 -ht_cluster_init kmeans++ -ht_cluster_seed 2 -ht_cluster_tol 0
     test:
       suffix: kmedoids_closed
       args: -case closed -ht_cluster_type kmedoids -ht_cluster_converged_reason -ht_cluster_view
     test:
       suffix: kmedoids_closed_weighted
       args: -case closed -weighted -ht_cluster_type kmedoids -ht_cluster_monitor
     test:
       suffix: kmedoids_closed_one_candidate
       args: -case closed -ht_cluster_type kmedoids -ht_cluster_kmedoids_candidates 1 -ht_cluster_monitor
     test:
       suffix: kmedoids_closed_empty
       args: -case closed -ht_cluster_type kmedoids -extra_center 0.1,0 -ht_cluster_monitor
     test:
       suffix: kmedoids_iris
       args: -ht_cluster_type kmedoids -data iris -ht_cluster_init_centers data/cluster/iris_init.npy -ref iris_kmedoids -ref_iter 4 -ref_inertia 123.50784471887324 -gap_tol 1e-3
     test:
       suffix: kmedoids_iris_weighted
       args: -ht_cluster_type kmedoids -data iris -weights data/cluster/iris_weights.npy -ht_cluster_init_centers data/cluster/iris_init.npy -ref iris_weighted_kmedoids -ref_iter 4 -ref_inertia 248.37686649340779 -gap_tol 1e-3
     test:
       suffix: kmedoids_blobs
       args: -ht_cluster_type kmedoids -data blobs -ht_cluster_init_centers data/cluster/blobs_init.npy -ref blobs_kmedoids -ref_iter 8 -ref_inertia 19026.265743080057 -gap_tol 1e-3 -ht_cluster_monitor
     test:
       suffix: kmedoids_blobs_kmeansparallel
       args: -ht_cluster_type kmedoids -data blobs -ht_cluster_num_clusters 6 -ht_cluster_init kmeans|| -ht_cluster_seed 4 -ht_cluster_kmedoids_candidates 8 -gap_tol 1e-3
   testset:
     nsize: {{1 3}}
     errors: expected
     filter: grep "^\[0\]PETSC ERROR:" | sed -n "3s/^\[0\]PETSC ERROR: //p" | sed "s|; registered types:.*|; registered types: ...|"
     test:
       suffix: error_candidates
       args: -case closed -ht_cluster_type kmedoids -ht_cluster_kmedoids_candidates 0
     test:
       suffix: error_candidates_value
       args: -case closed -ht_cluster_type kmedoids -ht_cluster_kmedoids_candidates many
     test:
       suffix: error_type
       args: -case closed -ht_cluster_type kmedian
     test:
       suffix: error_getcandidates
       args: -case getcandidates
     test:
       suffix: error_too_many_clusters
       args: -ht_cluster_type kmedians -data iris -ht_cluster_num_clusters 151
TEST*/
