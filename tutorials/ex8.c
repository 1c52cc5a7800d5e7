static const char help[] = "Tutorial 8: a scaling study of k-means; run it on 1, 2, 4, ... ranks with -log_view.\n"
                           "  -n N     samples (default 400000; with -weak, samples per rank)\n"
                           "  -f F     features (default 16)\n"
                           "  -k K     clusters (default 8)\n"
                           "  -weak    weak scaling: N samples per rank, so the total grows with the ranks\n"
                           "  -seed S  seed of the synthetic data (default 8)\n"
                           "Any -ht_cluster_ option applies (-ht_cluster_init 'kmeans||', -ht_cluster_max_it, ...).\n\n";

/*
   Strong scaling: a fixed problem on more ranks; ideally the time falls as 1/P. Weak scaling: a fixed problem per
   rank; ideally the time stays constant. Lloyd's k-means iteration is a good case to study: each rank reads its
   own N/P x F block once per iteration (the computation, O(N F K / P)), and the ranks then combine the K centers'
   sums and counts: K x (F + 1) numbers, whatever N is (the communication: two collective operations per iteration,
   an all-to-all and an all-gather that add the ranks' sums in rank order, so the result has the same bits on any
   number of ranks). The ratio of the two says how far the algorithm scales. -log_view shows both: the time of the
   HtClusterFit event and its number of collectives (column Reduct) in the stage "Fit"; the program prints the same
   event's time and exact count (the table rounds to two digits).
*/
#include <heat.h>

/* Synthetic data, the same on any number of ranks: K centers drawn uniformly in [-1, 1]^F, sample i belongs to
   center i mod K, plus standard normal noise: the blobs overlap, so Lloyd's iteration takes a while to settle. The random numbers are keyed by global indices, so each rank draws
   exactly its own rows; the loop below is local work on the rank's block. */
static PetscErrorCode MakeBlobs(MPI_Comm comm, PetscInt N, PetscInt F, PetscInt K, PetscInt64 seed, HtTensor *X)
{
  HtTensor           C;
  PetscScalar       *x;
  const PetscScalar *c;
  PetscInt           start, end;

  PetscFunctionBeginUser;
  PetscCall(HtTensorRandomUniform(comm, 2, (PetscInt[]){K, F}, -1, -1, 1, seed, &C)); /* replicated */
  PetscCall(HtTensorRandn(comm, 2, (PetscInt[]){N, F}, 0, seed + 1, X));               /* rows split */
  PetscCall(HtTensorGetOwnershipRange(*X, &start, &end));
  PetscCall(HtTensorGetArray(*X, &x));
  PetscCall(HtTensorGetArrayRead(C, &c));
  for (PetscInt i = start; i < end; i++)
    for (PetscInt j = 0; j < F; j++) x[(i - start) * F + j] += c[(i % K) * F + j];
  PetscCall(HtTensorRestoreArrayRead(C, &c));
  PetscCall(HtTensorRestoreArray(*X, &x));
  PetscCall(HtTensorDestroy(&C));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  MPI_Comm           comm;
  HtCluster          cl;
  HtTensor           X;
  PetscInt           N = 400000, F = 16, K = 8, seed = 8, its, start, end, most;
  PetscBool          weak = PETSC_FALSE;
  PetscMPIInt        P;
  PetscReal          inertia, comm_bytes, data_bytes;
  PetscLogDouble     fit_time;
  PetscLogStage      stage_data, stage_fit;
  PetscLogEvent      fit_event;
  PetscEventPerfInfo fit;

  PetscCall(HeatInitialize(&argc, &argv, NULL, help));
  PetscCall(PetscLogDefaultBegin()); /* log events even without -log_view: the fit's numbers are read back below */
  comm = PETSC_COMM_WORLD;
  PetscCallMPI(MPI_Comm_size(comm, &P));
  PetscOptionsBegin(comm, NULL, "Tutorial 8 options", NULL);
  PetscCall(PetscOptionsInt("-n", "Samples (with -weak: per rank)", NULL, N, &N, NULL));
  PetscCall(PetscOptionsInt("-f", "Features", NULL, F, &F, NULL));
  PetscCall(PetscOptionsInt("-k", "Clusters", NULL, K, &K, NULL));
  PetscCall(PetscOptionsBool("-weak", "Weak scaling: N samples per rank", NULL, weak, &weak, NULL));
  PetscCall(PetscOptionsInt("-seed", "Seed of the synthetic data", NULL, seed, &seed, NULL));
  PetscOptionsEnd();
  if (weak) N *= P;

  /* Log stages split -log_view's tables: one for making the data, one for the fit */
  PetscCall(PetscLogStageRegister("Data", &stage_data));
  PetscCall(PetscLogStageRegister("Fit", &stage_fit));

  PetscCall(PetscLogStagePush(stage_data));
  PetscCall(MakeBlobs(comm, N, F, K, seed, &X));
  PetscCall(PetscLogStagePop());

  PetscCall(HtClusterCreate(comm, &cl));
  PetscCall(HtClusterSetType(cl, HTCLUSTERKMEANS));
  PetscCall(HtClusterSetNumClusters(cl, K));
  PetscCall(HtClusterSetInitType(cl, HT_CLUSTER_INIT_RANDOM)); /* cheap: K rows fetched; try -ht_cluster_init 'kmeans||' */
  PetscCall(HtClusterSetFromOptions(cl));
  PetscCall(PetscLogStagePush(stage_fit));
  PetscCallMPI(MPI_Barrier(comm)); /* start together, so that no rank's time includes waiting for a late one */
  PetscCall(HtClusterFit(cl, X));
  PetscCall(PetscLogStagePop());
  PetscCall(HtClusterGetIterationNumber(cl, &its));
  PetscCall(HtClusterGetInertia(cl, &inertia));

  /* what -log_view prints for the event HtClusterFit (the fit without its input checks): this rank's time and
     collectives; the slowest rank's time is the fit's, since every iteration waits for all ranks */
  PetscCall(PetscLogEventGetId("HtClusterFit", &fit_event));
  PetscCall(PetscLogEventGetPerfInfo(stage_fit, fit_event, &fit));
  PetscCallMPI(MPI_Allreduce(&fit.time, &fit_time, 1, MPIU_PETSCLOGDOUBLE, MPI_MAX, comm));

  /* what one rank reads per iteration (its rows) against what it sends: the rank with the most rows sets the pace */
  PetscCall(HtTensorGetOwnershipRange(X, &start, &end));
  most = end - start;
  PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, &most, 1, MPIU_INT, MPI_MAX, comm));
  data_bytes = (PetscReal)most * F * sizeof(PetscScalar);
  comm_bytes = (PetscReal)(K * (F + 1)) * sizeof(PetscScalar);
  PetscCall(PetscPrintf(comm, "k-means, %s scaling: N = %" PetscInt_FMT " samples x F = %" PetscInt_FMT " features, K = %" PetscInt_FMT " clusters, P = %d ranks\n", weak ? "weak" : "strong", N, F, K, P));
  PetscCall(PetscPrintf(comm, "fit: %" PetscInt_FMT " iterations, inertia %.10g\n", its, (double)inertia));
  PetscCall(PetscPrintf(comm, "per iteration and rank: reads up to %" PetscInt_FMT " rows = %.0f bytes; combines K x (F + 1) = %" PetscInt_FMT " numbers = %.0f bytes\n", most, (double)data_bytes, K * (F + 1), (double)comm_bytes));
  PetscCall(PetscPrintf(comm, "bytes combined / bytes read: %.3g\n", (double)(comm_bytes / data_bytes)));
  PetscCall(PetscPrintf(comm, "fit (event HtClusterFit of -log_view): %.0f collective operations\n", fit.numReductions));
  PetscCall(PetscPrintf(comm, "fit time (slowest rank; not a measurement of scaling unless the cores are yours alone): %.4g seconds, %.3g seconds per iteration\n", fit_time, fit_time / its));

  PetscCall(HtClusterDestroy(&cl));
  PetscCall(HtTensorDestroy(&X));
  PetscCall(HeatFinalize());
  return 0;
}

/*TEST
   test:
     suffix: strong
     nsize: {{1 2 3 4}separate output}
     args: -n 6000 -log_view
     # the program's lines without the times, then the counts of its -log_view through the course's cluster/speedup.py
     filter: tee ${HEAT_TEST_TMPDIR}/log.txt | sed -n "1,/^fit time/p" | grep -v seconds; python3 cluster/speedup.py --counts ${HEAT_TEST_TMPDIR}/log.txt
   test:
     suffix: weak
     nsize: {{1 2 4}separate output}
     # as in cluster/ex8.slurm: a fixed number of iterations; speedup.py then compares the time per iteration
     args: -n 3000 -weak -k 4 -f 8 -ht_cluster_init kmeans++ -ht_cluster_tol 0 -ht_cluster_max_it 20 -log_view
     filter: tee ${HEAT_TEST_TMPDIR}/log.txt | sed -n "1,/^fit time/p" | grep -v seconds; python3 cluster/speedup.py --weak ${HEAT_TEST_TMPDIR}/log.txt | sed -n 1,2p; python3 cluster/speedup.py --counts ${HEAT_TEST_TMPDIR}/log.txt
TEST*/
