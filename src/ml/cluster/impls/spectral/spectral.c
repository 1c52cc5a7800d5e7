/*
   HTCLUSTERSPECTRAL: spectral clustering (Ng, Jordan & Weiss) on a sparse affinity graph: k nearest
   neighbours or an RBF-weighted epsilon ball, normalized affinity, SLEPc eigensolver, k-means on the
   row-normalized embedding.
*/
#include <heat/private/clusterimpl.h>
#include <heat/private/philox.h>
#include <petscsf.h>
#include <slepceps.h>

typedef enum {
  HT_SPECTRAL_KNN,
  HT_SPECTRAL_RBF_EPS
} HtSpectralAffinity;
static const char *const HtSpectralAffinities[] = {"knn", "rbf_eps"};

#define HT_SPECTRAL_CUTOFF 1e-4 /* the default radius is where exp(-gamma d^2) falls to this */
#define HT_SPECTRAL_BLOCK  256  /* visiting samples per tile of distances */
#define HT_SPECTRAL_CHUNK  128  /* local samples per chunk of distances */

typedef struct {
  HtSpectralAffinity affinity;
  PetscInt           n_neighbors;
  PetscReal          gamma;
  PetscReal          radius;        /* of rbf_eps; 0: the default, where the kernel falls to HT_SPECTRAL_CUTOFF */
  EPS                eps;           /* the K largest eigenpairs of the normalized affinity */
  PetscInt           nev, ncv, mpd; /* its dimensions after the options; nev (default K) counts the null space */
  HtCluster          inner;         /* clusters the embedding */
  PetscReal         *eigs;          /* after a fit: the K smallest eigenvalues of the normalized Laplacian */
  PetscInt           neigs;
  PetscBool          setfromoptionscalled;
} HtCluster_Spectral;

static PetscReal HtSpectralRadius(const HtCluster_Spectral *sp)
{
  return sp->radius > 0 ? sp->radius : PetscSqrtReal(PetscLogReal(1.0 / HT_SPECTRAL_CUTOFF) / sp->gamma);
}

/* ------------------------------------------------------------------------------------------------------
   The affinity graph. Each rank owns the rows of its samples; the samples of every rank visit every rank
   around a ring (HtSamplesRingVisit(): each rank sends and receives about N (F + 1) numbers). Both are put in k-d tree order first, so that a chunk of local rows and a tile of
   visiting samples each occupy a small box: a tile whose box is farther from the chunk's box than any
   neighbour of the chunk's rows can be is skipped. Distances are screened by the expansion (the back end's
   blocked kernel) and every pair that passes is measured again exactly, so that the graph is decided
   by exact, rank-independent distances and the lower global index on ties.
   ------------------------------------------------------------------------------------------------------ */
typedef struct {
  PetscInt  i, j; /* row (in k-d order), global column */
  PetscReal v;
} HtGraphEntry;

/*
   a block of samples in k-d order: row i has the coordinates x[i ld ...] and the global index gidx[i] (gidx NULL: the
   index is stored as column f of the row, ld = f + 1), and the bounding box of each tile of ts samples
*/
typedef struct {
  PetscInt           n, f, ld, ts, ntiles;
  const PetscScalar *x;
  const PetscInt    *gidx;
  PetscReal         *box;   /* ntiles x 2F: lower corner, upper corner */
  PetscReal         *ynorm; /* |y_i|^2 */
} HtBlock;

static inline PetscInt HtBlockIndex(const HtBlock *B, PetscInt i)
{
  return B->gidx ? B->gidx[i] : (PetscInt)PetscRealPart(B->x[i * B->ld + B->f]);
}

typedef struct _HtGraph HtGraph;
struct _HtGraph {
  HtSamples    s;     /* the local samples in their order */
  HtBlock      local; /* in k-d order, tiles = row chunks */
  PetscScalar *xk;    /* its coordinates, m x f */
  PetscInt    *gk;    /* its global indices */
  PetscScalar *ring;  /* the same rows packed with their global index, m x (f + 1), as they travel around the ring */
  HtPoints     P;     /* a tile of a visiting block */
  PetscScalar *d;     /* the distances of a chunk of local rows to the tile, by the expansion */
  PetscReal   *bound; /* squared distance a neighbour of row i may have: the k-th so far (knn), eps^2 (rbf_eps) */
  PetscReal   *tdist; /* per tile of the visiting block: its distance to the chunk's box */
  PetscInt    *order; /* the tiles, nearest first */
  PetscInt     k;     /* knn: neighbours per row, the nearest so far sorted by (distance, index) */
  PetscReal   *kdist;
  PetscInt    *kidx;
  PetscReal     gamma; /* rbf_eps: the kernel, and the edges found */
  PetscInt      n, cap;
  HtGraphEntry *e;
  PetscErrorCode (*candidate)(HtGraph *, PetscInt, PetscInt, PetscReal);
};

/* (d1, j1) before (d2, j2): nearer, or as near with the lower global index */
static inline PetscBool HtGraphBefore(PetscReal d1, PetscInt j1, PetscReal d2, PetscInt j2)
{
  return (PetscBool)(d1 < d2 || (d1 == d2 && j1 < j2));
}

/* knn: sample j (global index, exact squared distance dij) enters the sorted list of row i if it is among the k nearest so far */
/* the options prefix of the clustering object, for the option names in messages ("" when it has none) */
static const char *HtSpectralPrefix(HtCluster cl)
{
  return ((PetscObject)cl)->prefix ? ((PetscObject)cl)->prefix : "";
}

static PetscErrorCode HtGraphCandidate_KNN(HtGraph *G, PetscInt i, PetscInt j, PetscReal dij)
{
  PetscReal *d = G->kdist + i * G->k;
  PetscInt  *c = G->kidx + i * G->k, p = G->k - 1;

  PetscFunctionBegin;
  if (!HtGraphBefore(dij, j, d[p], c[p])) PetscFunctionReturn(PETSC_SUCCESS);
  for (; p > 0 && HtGraphBefore(dij, j, d[p - 1], c[p - 1]); p--) {
    d[p] = d[p - 1];
    c[p] = c[p - 1];
  }
  d[p]        = dij;
  c[p]        = j;
  G->bound[i] = d[G->k - 1];
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* rbf_eps: an edge exp(-gamma d^2) if sample j lies within the radius of sample i */
static PetscErrorCode HtGraphCandidate_RBF(HtGraph *G, PetscInt i, PetscInt j, PetscReal dij)
{
  PetscFunctionBegin;
  if (dij > G->bound[i]) PetscFunctionReturn(PETSC_SUCCESS);
  if (G->n == G->cap) {
    G->cap = PetscMax(1024, 2 * G->cap);
    PetscCall(PetscRealloc(G->cap * sizeof(HtGraphEntry), &G->e));
  }
  G->e[G->n].i   = i;
  G->e[G->n].j   = j;
  G->e[G->n++].v = PetscExpReal(-G->gamma * dij);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtKdOrder - orders idx[0, n) as the leaves of a k-d tree: halves at the median of the widest coordinate, recursively */
static PetscErrorCode HtKdOrder(const PetscScalar *x, PetscInt f, PetscReal *key, PetscInt n, PetscInt *idx)
{
  PetscInt  widest = 0;
  PetscReal width  = -1;

  PetscFunctionBegin;
  if (n <= 32) PetscFunctionReturn(PETSC_SUCCESS);
  for (PetscInt d = 0; d < f; d++) {
    PetscReal lo = PETSC_MAX_REAL, hi = PETSC_MIN_REAL;

    for (PetscInt i = 0; i < n; i++) {
      lo = PetscMin(lo, PetscRealPart(x[idx[i] * f + d]));
      hi = PetscMax(hi, PetscRealPart(x[idx[i] * f + d]));
    }
    if (hi - lo > width) {
      width  = hi - lo;
      widest = d;
    }
  }
  for (PetscInt i = 0; i < n; i++) key[idx[i]] = PetscRealPart(x[idx[i] * f + widest]);
  PetscCall(PetscSortRealWithPermutation(n, key, idx));
  PetscCall(HtKdOrder(x, f, key, n / 2, idx));
  PetscCall(HtKdOrder(x, f, key, n - n / 2, idx + n / 2));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the bounding boxes of the tiles of a block, and the squared norms of its rows */
static void HtBlockBoxes(HtBlock *B)
{
  B->ntiles = (B->n + B->ts - 1) / B->ts;
  for (PetscInt t = 0; t < B->ntiles; t++) {
    PetscReal *lo = B->box + 2 * t * B->f, *hi = lo + B->f;

    for (PetscInt d = 0; d < B->f; d++) {
      lo[d] = PETSC_MAX_REAL;
      hi[d] = PETSC_MIN_REAL;
    }
    for (PetscInt i = t * B->ts; i < PetscMin(B->n, (t + 1) * B->ts); i++)
      for (PetscInt d = 0; d < B->f; d++) {
        lo[d] = PetscMin(lo[d], PetscRealPart(B->x[i * B->ld + d]));
        hi[d] = PetscMax(hi[d], PetscRealPart(B->x[i * B->ld + d]));
      }
  }
  for (PetscInt i = 0; i < B->n; i++) {
    B->ynorm[i] = 0;
    for (PetscInt d = 0; d < B->f; d++) B->ynorm[i] += PetscRealPart(B->x[i * B->ld + d] * B->x[i * B->ld + d]);
  }
}

/* squared distance between two boxes: a lower bound of the squared distance of their points */
static inline PetscReal HtBoxDistance(const PetscReal *a, const PetscReal *b, PetscInt f)
{
  PetscReal s = 0;

  for (PetscInt d = 0; d < f; d++) {
    PetscReal gap = PetscMax(0.0, PetscMax(b[d] - a[f + d], a[d] - b[f + d]));

    s += gap * gap;
  }
  return s;
}

/* the local samples as a block in k-d order, in chunks of HT_SPECTRAL_CHUNK rows, and packed with their indices for the ring */
static PetscErrorCode HtGraphCreateLocal(HtGraph *G)
{
  const HtSamples *s = &G->s;
  PetscReal       *key;
  PetscInt        *idx, f = s->f;

  PetscFunctionBegin;
  PetscCall(PetscMalloc4(s->m * f, &G->xk, s->m, &G->gk, s->m * (f + 1), &G->ring, s->m, &G->local.ynorm));
  PetscCall(PetscMalloc1(2 * f * ((s->m + HT_SPECTRAL_CHUNK - 1) / HT_SPECTRAL_CHUNK), &G->local.box));
  PetscCall(PetscMalloc2(s->m, &idx, s->m, &key));
  for (PetscInt i = 0; i < s->m; i++) idx[i] = i;
  PetscCall(HtKdOrder(s->x, f, key, s->m, idx));
  for (PetscInt i = 0; i < s->m; i++) {
    PetscCall(PetscArraycpy(G->xk + i * f, s->x + idx[i] * f, f));
    PetscCall(PetscArraycpy(G->ring + i * (f + 1), s->x + idx[i] * f, f));
    G->gk[i]                 = s->rstart + idx[i];
    G->ring[i * (f + 1) + f] = (PetscScalar)G->gk[i];
  }
  PetscCall(PetscFree2(idx, key));
  G->local.n    = s->m;
  G->local.f    = f;
  G->local.ld   = f;
  G->local.ts   = HT_SPECTRAL_CHUNK;
  G->local.x    = G->xk;
  G->local.gidx = G->gk;
  HtBlockBoxes(&G->local);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtGraphScanChunk - rows [i0, i0 + mc) of the local block (box cbox) against the tiles of a visiting block Y,
   nearest box first, until the boxes are farther than every row's bound. In a tile, a pair whose squared distance by
   the expansion is within its rounding error s (|x|^2 + |y|^2) of the row's bound goes to the exact test of
   G->candidate.
*/
static PetscErrorCode HtGraphScanChunk(HtGraph *G, PetscInt i0, PetscInt mc, const PetscReal *cbox, const HtBlock *Y)
{
  const PetscInt  f = G->local.f;
  const PetscReal s = 4 * (f + 4) * PETSC_MACHINE_EPSILON, shrink = 1 - 8 * (f + 2) * PETSC_MACHINE_EPSILON;
  PetscReal       maxbound = 0;

  PetscFunctionBegin;
  for (PetscInt t = 0; t < Y->ntiles; t++) {
    G->tdist[t] = HtBoxDistance(cbox, Y->box + 2 * t * f, f);
    G->order[t] = t;
  }
  PetscCall(PetscSortRealWithPermutation(Y->ntiles, G->tdist, G->order));
  for (PetscInt i = i0; i < i0 + mc; i++) maxbound = PetscMax(maxbound, G->bound[i]);
  for (PetscInt o = 0; o < Y->ntiles && shrink * G->tdist[G->order[o]] <= maxbound; o++) {
    PetscInt j0 = G->order[o] * Y->ts, nb = PetscMin(Y->ts, Y->n - j0);

    PetscCall(HtPointsSet(G->P, nb, Y->x + j0 * Y->ld, Y->ld));
    PetscCall(HtPointsDistances(G->P, HT_POINTS_SQEUCLIDEAN, 0, mc, G->local.x + i0 * f, G->d, nb));
    maxbound = 0;
    for (PetscInt i = i0; i < i0 + mc; i++) {
      const PetscScalar *d  = G->d + (i - i0) * nb;
      const PetscReal    xs = s * G->local.ynorm[i];

      for (PetscInt j = 0; j < nb; j++) {
        PetscInt  gj = HtBlockIndex(Y, j0 + j);
        PetscReal dij;

        if (PetscRealPart(d[j]) - s * Y->ynorm[j0 + j] - xs > G->bound[i] || gj == G->local.gidx[i]) continue;
        PetscCall(HtPointsDistance(G->P, HT_POINTS_SQEUCLIDEAN_EXACT, j, G->local.x + i * f, &dij));
        PetscCall((*G->candidate)(G, i, gj, dij));
      }
      maxbound = PetscMax(maxbound, G->bound[i]);
    }
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the block of m rank's samples (packed rows) visits the local rows: every chunk of them is scanned against it */
static PetscErrorCode HtGraphVisit(void *ctx, PetscInt m, const PetscScalar *rows)
{
  HtGraph *G = (HtGraph *)ctx;
  HtBlock  Y = {m, G->local.f, G->local.f + 1, HT_SPECTRAL_BLOCK, 0, rows, NULL, NULL, NULL};
  PetscInt ntiles = (m + HT_SPECTRAL_BLOCK - 1) / HT_SPECTRAL_BLOCK;

  PetscFunctionBegin;
  PetscCall(PetscMalloc4(2 * Y.f * ntiles, &Y.box, m, &Y.ynorm, ntiles, &G->tdist, ntiles, &G->order));
  HtBlockBoxes(&Y);
  for (PetscInt c = 0; c < G->local.ntiles; c++) {
    PetscInt i0 = c * G->local.ts;

    PetscCall(HtGraphScanChunk(G, i0, PetscMin(G->local.ts, G->local.n - i0), G->local.box + 2 * c * G->local.f, &Y));
  }
  PetscCall(PetscFree4(Y.box, Y.ynorm, G->tdist, G->order));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a square AIJ matrix with the layout of the samples from rows in CSR form (global row indices rows[], global columns), preallocated exactly */
static PetscErrorCode HtGraphAssemble(const HtSamples *s, const PetscInt *rows, const PetscInt *rowptr, const PetscInt *cols, const PetscScalar *vals, Mat *A)
{
  PetscInt m = s->m, rstart = s->rstart, rend = s->rstart + s->m, *dnz, *onz;

  PetscFunctionBegin;
  PetscCall(PetscCalloc2(m, &dnz, m, &onz));
  for (PetscInt i = 0; i < m; i++)
    for (PetscInt p = rowptr[i]; p < rowptr[i + 1]; p++) {
      if (cols[p] >= rstart && cols[p] < rend) dnz[rows[i] - rstart]++;
      else onz[rows[i] - rstart]++;
    }
  PetscCall(MatCreate(s->comm, A));
  PetscCall(MatSetSizes(*A, m, m, s->n, s->n));
  PetscCall(MatSetType(*A, MATAIJ));
  PetscCall(MatXAIJSetPreallocation(*A, 1, dnz, onz, NULL, NULL));
  for (PetscInt i = 0; i < m; i++) PetscCall(MatSetValues(*A, 1, &rows[i], rowptr[i + 1] - rowptr[i], cols + rowptr[i], vals + rowptr[i], INSERT_VALUES));
  PetscCall(MatAssemblyBegin(*A, MAT_FINAL_ASSEMBLY));
  PetscCall(MatAssemblyEnd(*A, MAT_FINAL_ASSEMBLY));
  PetscCall(PetscFree2(dnz, onz));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* knn: C with the weight 1/2 at the k nearest neighbours of every row, then A = C + C^T = (connectivity + connectivity^T)/2 */
static PetscErrorCode HtGraphMatrix_KNN(HtGraph *G, Mat *A)
{
  Mat          Ct;
  PetscInt    *rowptr, m = G->local.n;
  PetscScalar *half;

  PetscFunctionBegin;
  PetscCall(PetscMalloc2(m + 1, &rowptr, m * G->k, &half));
  for (PetscInt i = 0; i <= m; i++) rowptr[i] = i * G->k;
  for (PetscInt p = 0; p < m * G->k; p++) half[p] = 0.5;
  PetscCall(HtGraphAssemble(&G->s, G->local.gidx, rowptr, G->kidx, half, A));
  PetscCall(PetscFree2(rowptr, half));
  PetscCall(MatTranspose(*A, MAT_INITIAL_MATRIX, &Ct));
  PetscCall(MatAXPY(*A, 1.0, Ct, DIFFERENT_NONZERO_PATTERN));
  PetscCall(MatDestroy(&Ct));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* rbf_eps: the edges, sorted by row (counting sort), are the matrix; it is symmetric because each pair is measured exactly on both sides */
static PetscErrorCode HtGraphMatrix_RBF(HtGraph *G, Mat *A)
{
  PetscInt    *rowptr, *pos, *cols, m = G->local.n;
  PetscScalar *vals;

  PetscFunctionBegin;
  PetscCall(PetscInfo(G->s.backend, "rbf_eps graph: %" PetscInt_FMT " edges from %" PetscInt_FMT " local samples\n", G->n, m));
  PetscCall(PetscCalloc2(m + 1, &rowptr, m + 1, &pos));
  PetscCall(PetscMalloc2(G->n, &cols, G->n, &vals));
  for (PetscInt p = 0; p < G->n; p++) rowptr[G->e[p].i + 1]++;
  for (PetscInt i = 0; i < m; i++) pos[i + 1] = rowptr[i + 1] += rowptr[i];
  for (PetscInt p = 0; p < G->n; p++) {
    PetscInt q = pos[G->e[p].i]++;

    cols[q] = G->e[p].j;
    vals[q] = G->e[p].v;
  }
  PetscCall(HtGraphAssemble(&G->s, G->local.gidx, rowptr, cols, vals, A));
  PetscCall(PetscFree2(cols, vals));
  PetscCall(PetscFree2(rowptr, pos));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtSpectralAffinityMatrix - the symmetric affinity matrix A (N x N, sparse, rows distributed as the samples s) */
static PetscErrorCode HtSpectralAffinityMatrix(HtCluster cl, const HtSamples *s, Mat *A)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;
  HtGraph             G;
  PetscInt            m = s->m;

  PetscFunctionBegin;
  PetscCall(PetscMemzero(&G, sizeof(G)));
  G.s = *s;
  PetscCall(HtGraphCreateLocal(&G));
  PetscCall(HtPointsCreate(s->backend, HT_SPECTRAL_BLOCK, s->f, &G.P));
  PetscCall(PetscMalloc2(HT_SPECTRAL_CHUNK * HT_SPECTRAL_BLOCK, &G.d, m, &G.bound));
  if (sp->affinity == HT_SPECTRAL_KNN) {
    G.k         = sp->n_neighbors;
    G.candidate = HtGraphCandidate_KNN;
    PetscCall(PetscMalloc2(m * G.k, &G.kdist, m * G.k, &G.kidx));
    for (PetscInt p = 0; p < m * G.k; p++) {
      G.kdist[p] = HUGE_VAL; /* PETSC_INFINITY is finite */
      G.kidx[p]  = PETSC_MAX_INT;
    }
    for (PetscInt i = 0; i < m; i++) G.bound[i] = HUGE_VAL;
  } else {
    PetscReal r = HtSpectralRadius(sp);

    G.gamma     = sp->gamma;
    G.candidate = HtGraphCandidate_RBF;
    for (PetscInt i = 0; i < m; i++) G.bound[i] = r * r;
  }
  PetscCall(HtSamplesRingVisit(s, s->f + 1, G.ring, HtGraphVisit, &G));
  PetscCall(HtPointsDestroy(&G.P));
  if (sp->affinity == HT_SPECTRAL_KNN) PetscCall(HtGraphMatrix_KNN(&G, A));
  else PetscCall(HtGraphMatrix_RBF(&G, A));
  PetscCall(PetscFree4(G.xk, G.gk, G.ring, G.local.ynorm));
  PetscCall(PetscFree(G.local.box));
  PetscCall(PetscFree2(G.d, G.bound));
  PetscCall(PetscFree2(G.kdist, G.kidx));
  PetscCall(PetscFree(G.e));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* A becomes M = D^{-1/2} A D^{-1/2}, D = diag(row sums), and dinv = D^{-1/2} 1; a sample without neighbours is an error */
static PetscErrorCode HtSpectralNormalize(HtCluster cl, const HtSamples *s, Mat A, Vec *dinv)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;
  PetscScalar        *a;
  PetscInt            m, rstart, isolated[2] = {0, PETSC_MAX_INT}; /* count, first index */

  PetscFunctionBegin;
  PetscCall(MatCreateVecs(A, dinv, NULL));
  PetscCall(MatGetRowSum(A, *dinv));
  PetscCall(VecGetOwnershipRange(*dinv, &rstart, NULL));
  PetscCall(VecGetLocalSize(*dinv, &m));
  PetscCall(VecGetArray(*dinv, &a));
  for (PetscInt i = 0; i < m; i++) {
    if (PetscRealPart(a[i]) > 0) a[i] = 1.0 / PetscSqrtReal(PetscRealPart(a[i]));
    else {
      isolated[0]++;
      isolated[1] = PetscMin(isolated[1], rstart + i);
    }
  }
  PetscCall(VecRestoreArray(*dinv, &a));
  PetscCall(HtSamplesReduceInt(s, HT_SAMPLES_SUM, 1, &isolated[0]));
  PetscCall(HtSamplesReduceInt(s, HT_SAMPLES_MIN, 1, &isolated[1]));
  PetscCheck(!isolated[0], PetscObjectComm((PetscObject)cl), PETSC_ERR_USER_INPUT,
             "%" PetscInt_FMT " samples (the first: sample %" PetscInt_FMT ") have no neighbour in the %s affinity graph: no other sample within eps = %g, or only ones whose weight exp(-gamma d^2) underflows; increase -%sht_cluster_spectral_eps, or use -%sht_cluster_spectral_affinity knn",
             isolated[0], isolated[1], HtSpectralAffinities[sp->affinity], (double)HtSpectralRadius(sp), HtSpectralPrefix(cl), HtSpectralPrefix(cl));
  PetscCall(MatDiagonalScale(A, *dinv, *dinv));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ------------------------------------------------------------------------------------------------------
   The eigensolve and the embedding. The eigenvalue 1 of M has one eigenvector per connected component of the
   graph, D^{1/2} times its indicator: the components are found (union-find on each rank's block, then label
   exchanges between ranks) and these eigenvectors taken exactly, since a Krylov method started from one vector
   cannot find a multiple eigenvalue. The others come from SLEPc EPS (Hermitian, Krylov-Schur, tolerance 1e-10 by
   default) with those deflated.
   ------------------------------------------------------------------------------------------------------ */

/* union-find with the smallest index as the root (path halving) */
static PetscInt HtUnionFind(PetscInt *parent, PetscInt i)
{
  while (parent[i] != i) {
    parent[i] = parent[parent[i]];
    i         = parent[i];
  }
  return i;
}

/*
   HtGraphComponents - comp[i] = the smallest global index in the connected component of local row i of the symmetric
   matrix M: components of the local block by union-find, then the smallest labels spread over the edges to other
   ranks (a halo exchange per round) until no label changes
*/
static PetscErrorCode HtGraphComponents(const HtSamples *s, Mat M, PetscInt *comp)
{
  Mat             Ad = M, Ao = NULL;
  const PetscInt *ia, *ja, *garray;
  PetscInt        m, n, rstart, nghost, *root, *label, *ghost, changed;
  PetscBool       ismpi, done;
  PetscSF         sf;
  PetscLayout     rmap;

  PetscFunctionBegin;
  PetscCall(MatGetOwnershipRange(M, &rstart, NULL));
  PetscCall(MatGetLocalSize(M, &m, NULL));
  PetscCall(PetscObjectBaseTypeCompare((PetscObject)M, MATMPIAIJ, &ismpi));
  if (ismpi) PetscCall(MatMPIAIJGetSeqAIJ(M, &Ad, &Ao, &garray));
  PetscCall(PetscMalloc2(m, &root, m, &label));
  for (PetscInt i = 0; i < m; i++) root[i] = i;
  PetscCall(MatGetRowIJ(Ad, 0, PETSC_FALSE, PETSC_FALSE, &n, &ia, &ja, &done));
  PetscCheck(done, PETSC_COMM_SELF, PETSC_ERR_SUP, "Cannot get the structure of the local affinity block");
  for (PetscInt i = 0; i < m; i++)
    for (PetscInt p = ia[i]; p < ia[i + 1]; p++) {
      PetscInt a = HtUnionFind(root, i), b = HtUnionFind(root, ja[p]);

      if (a < b) root[b] = a;
      else root[a] = b;
    }
  PetscCall(MatRestoreRowIJ(Ad, 0, PETSC_FALSE, PETSC_FALSE, &n, &ia, &ja, &done));
  for (PetscInt i = 0; i < m; i++) {
    root[i]  = HtUnionFind(root, i);
    label[i] = rstart + i; /* label of a local root: the smallest global index known in its component */
  }
  if (ismpi) {
    PetscCall(MatGetSize(Ao, NULL, &nghost));
    PetscCall(MatGetLayouts(M, &rmap, NULL));
    PetscCall(PetscSFCreate(s->comm, &sf));
    PetscCall(PetscSFSetGraphLayout(sf, rmap, nghost, NULL, PETSC_OWN_POINTER, garray));
    PetscCall(PetscMalloc1(nghost, &ghost));
    PetscCall(MatGetRowIJ(Ao, 0, PETSC_FALSE, PETSC_FALSE, &n, &ia, &ja, &done));
    PetscCheck(done, PETSC_COMM_SELF, PETSC_ERR_SUP, "Cannot get the structure of the local affinity block");
    do {
      for (PetscInt i = 0; i < m; i++) comp[i] = label[root[i]];
      PetscCall(PetscSFBcastBegin(sf, MPIU_INT, comp, ghost, MPI_REPLACE));
      PetscCall(PetscSFBcastEnd(sf, MPIU_INT, comp, ghost, MPI_REPLACE));
      changed = 0;
      for (PetscInt i = 0; i < m; i++)
        for (PetscInt p = ia[i]; p < ia[i + 1]; p++)
          if (ghost[ja[p]] < label[root[i]]) {
            label[root[i]] = ghost[ja[p]];
            changed        = 1;
          }
      PetscCall(HtSamplesReduceInt(s, HT_SAMPLES_MAX, 1, &changed));
    } while (changed);
    PetscCall(MatRestoreRowIJ(Ao, 0, PETSC_FALSE, PETSC_FALSE, &n, &ia, &ja, &done));
    PetscCall(PetscFree(ghost));
    PetscCall(PetscSFDestroy(&sf));
  }
  for (PetscInt i = 0; i < m; i++) comp[i] = label[root[i]];
  PetscCall(PetscFree2(root, label));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSpectralNullSpace - the eigenvectors of M for the eigenvalue 1, known exactly: D^{1/2} times the indicator of each
   connected component, normalized, in the order of the components' smallest sample indices. More components than
   clusters leave the embedding undetermined: an error.
*/
static PetscErrorCode HtSpectralNullSpace(HtCluster cl, const HtSamples *s, Mat M, Vec dinv, PetscInt *nc, Vec **U)
{
  HtCluster_Spectral *sp   = (HtCluster_Spectral *)cl->data;
  MPI_Comm            comm = PetscObjectComm((PetscObject)cl);
  PetscInt            m, rstart, nlocal = 0, *comp, *roots, *mine;
  const PetscScalar  *di;

  PetscFunctionBegin;
  PetscCall(VecGetOwnershipRange(dinv, &rstart, NULL));
  PetscCall(VecGetLocalSize(dinv, &m));
  PetscCall(PetscMalloc1(m, &comp));
  PetscCall(HtGraphComponents(s, M, comp));
  for (PetscInt i = 0; i < m; i++) nlocal += comp[i] == rstart + i;
  *nc = nlocal;
  PetscCall(HtSamplesReduceInt(s, HT_SAMPLES_SUM, 1, nc));
  PetscCheck(*nc <= cl->k, comm, PETSC_ERR_USER_INPUT,
             "The %s affinity graph has %" PetscInt_FMT " connected components, more than the %" PetscInt_FMT " clusters, so the spectral embedding is not determined; connect it with more neighbours (-%sht_cluster_spectral_n_neighbors, now %" PetscInt_FMT ") or a larger radius (-%sht_cluster_spectral_eps), or ask for %" PetscInt_FMT " clusters",
             HtSpectralAffinities[sp->affinity], *nc, cl->k, HtSpectralPrefix(cl), sp->n_neighbors, HtSpectralPrefix(cl), *nc);
  /* the components' smallest indices, sorted: rank order, then local order */
  PetscCall(PetscMalloc1(nlocal + 1, &mine));
  for (PetscInt i = 0, j = 0; i < m; i++)
    if (comp[i] == rstart + i) mine[j++] = comp[i];
  PetscCall(HtSamplesGatherInts(s, nlocal, mine, nc, &roots));
  PetscCall(VecDuplicateVecs(dinv, *nc, U));
  PetscCall(VecGetArrayRead(dinv, &di));
  for (PetscInt q = 0; q < *nc; q++) {
    PetscScalar *u;

    PetscCall(VecGetArrayWrite((*U)[q], &u));
    for (PetscInt i = 0; i < m; i++) {
      PetscInt c;

      PetscCall(PetscFindInt(comp[i], *nc, roots, &c));
      u[i] = c == q ? 1.0 / di[i] : 0.0;
    }
    PetscCall(VecRestoreArrayWrite((*U)[q], &u));
    PetscCall(VecNormalize((*U)[q], NULL));
  }
  PetscCall(VecRestoreArrayRead(dinv, &di));
  PetscCall(PetscFree(mine));
  PetscCall(PetscFree(roots));
  PetscCall(PetscFree(comp));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtSpectralEigenvectors - the K largest eigenpairs of M (the K smallest of L = I - M): the nc exact ones of the
   connected components, then K - nc more by the eigensolver with those deflated (a Krylov method started from one
   vector cannot see a multiple eigenvalue), from an initial vector keyed by the seed and the global sample index
*/
static PetscErrorCode HtSpectralEigenvectors(HtCluster cl, const HtSamples *s, Mat M, Vec dinv, Vec **V)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;
  Vec                 v0, *U;
  PetscScalar        *a, lambda;
  PetscInt            nc, nconv, its, m, rstart;
  EPSConvergedReason  reason;

  PetscFunctionBegin;
  PetscCall(HtSpectralNullSpace(cl, s, M, dinv, &nc, &U));
  PetscCall(PetscFree(sp->eigs));
  PetscCall(PetscCalloc1(cl->k, &sp->eigs));
  sp->neigs = cl->k;
  PetscCall(VecDuplicateVecs(dinv, cl->k, V));
  for (PetscInt q = 0; q < nc; q++) PetscCall(VecCopy(U[q], (*V)[q]));
  if (nc < cl->k) {
    PetscCall(VecDuplicate(dinv, &v0));
    PetscCall(VecGetOwnershipRange(v0, &rstart, NULL));
    PetscCall(VecGetLocalSize(v0, &m));
    PetscCall(VecGetArrayWrite(v0, &a));
    for (PetscInt i = 0; i < m; i++) {
      HtPhilox4x32 r = HtPhilox((uint64_t)cl->seed, (uint64_t)(rstart + i), HT_STREAM_SPECTRAL_START);

      a[i] = HtPhiloxToUnit(r.v[0], r.v[1]) - 0.5;
    }
    PetscCall(VecRestoreArrayWrite(v0, &a));
    PetscCall(EPSSetOperators(sp->eps, M, NULL));
    PetscCall(EPSSetDimensions(sp->eps, PetscMax(sp->nev - nc, 1), sp->ncv, sp->mpd));
    PetscCall(EPSSetDeflationSpace(sp->eps, nc, U));
    PetscCall(EPSSetInitialSpace(sp->eps, 1, &v0));
    PetscCall(VecDestroy(&v0));
    PetscCall(EPSSolve(sp->eps));
    PetscCall(EPSGetConverged(sp->eps, &nconv));
    PetscCall(EPSGetConvergedReason(sp->eps, &reason));
    PetscCall(EPSGetIterationNumber(sp->eps, &its));
    PetscCheck(nconv >= cl->k - nc, PetscObjectComm((PetscObject)cl), PETSC_ERR_NOT_CONVERGED,
               "The eigensolver found %" PetscInt_FMT " of the %" PetscInt_FMT " eigenpairs needed (%s after %" PetscInt_FMT " iterations); raise -%sht_cluster_spectral_eps_max_it or -%sht_cluster_spectral_eps_ncv, or loosen -%sht_cluster_spectral_eps_tol",
               nconv, cl->k - nc, EPSConvergedReasons[reason], its, HtSpectralPrefix(cl), HtSpectralPrefix(cl), HtSpectralPrefix(cl));
    for (PetscInt q = nc; q < cl->k; q++) {
      PetscCall(EPSGetEigenpair(sp->eps, q - nc, &lambda, NULL, (*V)[q], NULL));
      sp->eigs[q] = 1.0 - PetscRealPart(lambda);
    }
    PetscCall(EPSReset(sp->eps)); /* frees its Krylov basis and its references to M and U */
  }
  PetscCall(VecDestroyVecs(nc, &U));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the sign of each eigenvector that makes its largest-magnitude entry (the lowest global index among equals) positive */
static PetscErrorCode HtSpectralSigns(const HtSamples *s, PetscInt k, Vec *V, PetscReal *sign)
{
  PetscReal         *amax;
  PetscInt          *first, m, rstart;
  const PetscScalar *v;

  PetscFunctionBegin;
  PetscCall(PetscMalloc2(k, &amax, k, &first));
  PetscCall(VecGetOwnershipRange(V[0], &rstart, NULL));
  PetscCall(VecGetLocalSize(V[0], &m));
  for (PetscInt q = 0; q < k; q++) {
    PetscCall(VecGetArrayRead(V[q], &v));
    amax[q] = 0;
    for (PetscInt i = 0; i < m; i++) amax[q] = PetscMax(amax[q], PetscAbsScalar(v[i]));
    PetscCall(VecRestoreArrayRead(V[q], &v));
  }
  PetscCall(HtSamplesMaxReal(s, k, amax));
  for (PetscInt q = 0; q < k; q++) {
    PetscCall(VecGetArrayRead(V[q], &v));
    first[q] = PETSC_MAX_INT;
    for (PetscInt i = 0; i < m && first[q] == PETSC_MAX_INT; i++)
      if (PetscAbsScalar(v[i]) == amax[q]) first[q] = rstart + i;
    PetscCall(VecRestoreArrayRead(V[q], &v));
  }
  PetscCall(HtSamplesReduceInt(s, HT_SAMPLES_MIN, k, first));
  for (PetscInt q = 0; q < k; q++) {
    sign[q] = 0;
    if (first[q] < rstart || first[q] >= rstart + m) continue;
    PetscCall(VecGetArrayRead(V[q], &v));
    sign[q] = PetscRealPart(v[first[q] - rstart]) < 0 ? -1.0 : 1.0;
    PetscCall(VecRestoreArrayRead(V[q], &v));
  }
  PetscCall(HtSamplesSumReal(s, k, sign)); /* one rank has each sign: exact */
  PetscCall(PetscFree2(amax, first));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the N x K embedding, split 0 with X's layout: the eigenvectors as columns (their local parts are the local rows), signs fixed, rows of unit length */
static PetscErrorCode HtSpectralEmbedding(HtCluster cl, const HtSamples *s, HtTensor X, Vec *V, HtTensor *E)
{
  PetscInt           k = cl->k, m = s->m, nzero = 0;
  PetscReal         *sign;
  PetscScalar       *e;
  const PetscScalar *v;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(k, &sign));
  PetscCall(HtSpectralSigns(s, k, V, sign));
  PetscCall(HtMLCreateSampleTensor(X, k, HT_SCALAR, "embedding", E));
  PetscCall(HtTensorGetArrayWrite(*E, &e));
  for (PetscInt q = 0; q < k; q++) {
    PetscCall(VecGetArrayRead(V[q], &v));
    for (PetscInt i = 0; i < m; i++) e[i * k + q] = sign[q] * v[i];
    PetscCall(VecRestoreArrayRead(V[q], &v));
  }
  for (PetscInt i = 0; i < m; i++) {
    PetscReal norm = 0;

    for (PetscInt q = 0; q < k; q++) norm += PetscRealPart(e[i * k + q] * e[i * k + q]);
    if (norm == 0) {
      nzero++;
      continue;
    }
    norm = PetscSqrtReal(norm);
    for (PetscInt q = 0; q < k; q++) e[i * k + q] /= norm;
  }
  PetscCall(HtTensorRestoreArrayWrite(*E, &e));
  PetscCall(PetscFree(sign));
  if (nzero) PetscCall(PetscInfo(cl, "%" PetscInt_FMT " local samples have a zero row in the embedding (the graph has more connected components than clusters)\n", nzero));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* centers: the (weighted) means of the original samples of each cluster; inertia: the (weighted) squared distances to them */
static PetscErrorCode HtSpectralCenters(HtCluster cl, HtTensor X, PetscInt its)
{
  PetscInt        k = cl->k, f;
  const PetscInt *l;
  PetscScalar    *buf, *sums, *wsum;
  PetscReal       inertia = 0;
  HtSamples       s;
  HtPoints        P;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, cl->weights, &s));
  f = s.f;
  PetscCall(PetscCalloc1(k * f + k, &buf));
  sums = buf;
  wsum = buf + k * f;
  PetscCall(HtTensorGetArrayRead(cl->labels, &l));
  for (PetscInt i = 0; i < s.m; i++) {
    PetscReal wi = s.w ? PetscRealPart(s.w[i]) : 1.0;

    for (PetscInt j = 0; j < f; j++) sums[l[i] * f + j] += wi * s.x[i * f + j];
    wsum[l[i]] += wi;
  }
  PetscCall(HtSamplesSumScalar(&s, k * f + k, buf));
  for (PetscInt q = 0; q < k; q++)
    for (PetscInt j = 0; j < f; j++) sums[q * f + j] = PetscRealPart(wsum[q]) > 0 ? sums[q * f + j] / wsum[q] : 0.0;
  PetscCall(HtPointsCreate(s.backend, k, f, &P));
  PetscCall(HtPointsSet(P, k, sums, f));
  for (PetscInt i = 0; i < s.m; i++) {
    PetscReal d;

    PetscCall(HtPointsDistance(P, HT_POINTS_SQEUCLIDEAN_EXACT, l[i], s.x + i * f, &d));
    inertia += (s.w ? PetscRealPart(s.w[i]) : 1.0) * d;
  }
  PetscCall(HtPointsDestroy(&P));
  PetscCall(HtSamplesSumReal(&s, 1, &inertia));
  cl->inertia = inertia;
  PetscCall(HtTensorRestoreArrayRead(cl->labels, &l));
  PetscCall(HtTensorRestoreSamples(X, cl->weights, &s));
  PetscCall(HtClusterSetResults_Private(cl, f, sums, its));
  PetscCall(PetscFree(buf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ------------------------------------------------------------------------------------------------------
   The type's operations
   ------------------------------------------------------------------------------------------------------ */

/* the eigensolver and the inner clustering, created on first use; their prefixes follow the object's */
static PetscErrorCode HtSpectralGetSolvers(HtCluster cl)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;
  const char         *prefix;

  PetscFunctionBegin;
  PetscCall(PetscObjectGetOptionsPrefix((PetscObject)cl, &prefix));
  if (!sp->inner) {
    PetscCall(HtClusterCreate(PetscObjectComm((PetscObject)cl), &sp->inner));
    PetscCall(PetscObjectIncrementTabLevel((PetscObject)sp->inner, (PetscObject)cl, 1));
    PetscCall(HtClusterSetType(sp->inner, HTCLUSTERKMEANS));
  }
  PetscCall(HtClusterSetOptionsPrefix(sp->inner, prefix));
  PetscCall(HtClusterAppendOptionsPrefix(sp->inner, "ht_cluster_spectral_inner_"));
  if (!sp->eps) {
    PetscCall(EPSCreate(PetscObjectComm((PetscObject)cl), &sp->eps));
    PetscCall(PetscObjectIncrementTabLevel((PetscObject)sp->eps, (PetscObject)cl, 1));
    PetscCall(EPSSetType(sp->eps, EPSKRYLOVSCHUR));
    PetscCall(EPSSetTolerances(sp->eps, 1e-10, PETSC_DEFAULT));
  }
  PetscCall(EPSSetOptionsPrefix(sp->eps, prefix));
  PetscCall(EPSAppendOptionsPrefix(sp->eps, "ht_cluster_spectral_"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterSetUp_Spectral(HtCluster cl)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;

  PetscFunctionBegin;
  PetscCheck(cl->init != HT_CLUSTER_INIT_USER, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONG,
             "Spectral clustering runs k-means on its %" PetscInt_FMT "-dimensional embedding, not on the samples: give initial centers to the inner clustering object (HtClusterSpectralGetInnerCluster())", cl->k);
  PetscCall(HtSpectralGetSolvers(cl));
  PetscCall(EPSSetProblemType(sp->eps, EPS_HEP));
  PetscCall(EPSSetWhichEigenpairs(sp->eps, EPS_LARGEST_REAL));
  PetscCall(EPSSetDimensions(sp->eps, cl->k, PETSC_DEFAULT, PETSC_DEFAULT));
  if (sp->setfromoptionscalled) {
    PetscCall(EPSSetFromOptions(sp->eps));
    PetscCall(HtClusterSetFromOptions(sp->inner));
  }
  PetscCall(EPSGetDimensions(sp->eps, &sp->nev, &sp->ncv, &sp->mpd));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterFit_Spectral(HtCluster cl, HtTensor X)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;
  Mat                 A;
  Vec                 dinv, *V;
  HtTensor            E, labels;
  PetscInt            its;
  HtSamples           s;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, NULL, &s));
  PetscCheck(sp->affinity != HT_SPECTRAL_KNN || sp->n_neighbors < s.n, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE,
             "n_neighbors = %" PetscInt_FMT " must be less than the number of samples, %" PetscInt_FMT "; lower -%sht_cluster_spectral_n_neighbors", sp->n_neighbors, s.n, HtSpectralPrefix(cl));
  PetscCall(PetscFree(sp->eigs));
  sp->neigs = 0;
  PetscCall(PetscLogEventBegin(HT_CLUSTER_SpectralGraph, cl, X, 0, 0));
  PetscCall(HtSpectralAffinityMatrix(cl, &s, &A));
  PetscCall(HtSpectralNormalize(cl, &s, A, &dinv));
  PetscCall(PetscLogEventEnd(HT_CLUSTER_SpectralGraph, cl, X, 0, 0));
  PetscCall(PetscLogEventBegin(HT_CLUSTER_SpectralEigen, cl, X, 0, 0));
  PetscCall(HtSpectralEigenvectors(cl, &s, A, dinv, &V));
  PetscCall(VecDestroy(&dinv));
  PetscCall(MatDestroy(&A));
  PetscCall(HtSpectralEmbedding(cl, &s, X, V, &E));
  PetscCall(VecDestroyVecs(cl->k, &V));
  PetscCall(PetscLogEventEnd(HT_CLUSTER_SpectralEigen, cl, X, 0, 0));
  PetscCall(HtTensorRestoreSamples(X, NULL, &s));

  PetscCall(HtClusterSetNumClusters(sp->inner, cl->k));
  PetscCall(HtClusterSetSeed(sp->inner, cl->seed));
  PetscCall(HtClusterSetSampleWeights(sp->inner, cl->weights));
  PetscCall(HtClusterFit(sp->inner, E));
  PetscCall(HtTensorDestroy(&E));
  PetscCall(HtClusterGetLabels(sp->inner, &labels));
  PetscCall(HtTensorDuplicate(labels, &cl->labels));
  PetscCall(HtTensorCopy(labels, cl->labels));
  PetscCall(PetscObjectSetName((PetscObject)cl->labels, "labels"));
  PetscCall(HtClusterGetIterationNumber(sp->inner, &its));
  PetscCall(HtClusterGetConvergedReason(sp->inner, &cl->reason));
  PetscCall(HtSpectralCenters(cl, X, its));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterSetFromOptions_Spectral(HtCluster cl, PetscOptionItems *PetscOptionsObject)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;
  char                affinity[64];
  PetscInt            n_neighbors = sp->n_neighbors;
  PetscReal           gamma = sp->gamma, radius = HtSpectralRadius(sp);
  PetscBool           set;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtCluster spectral options");
  PetscCall(PetscOptionsString("-ht_cluster_spectral_affinity", "Affinity graph: knn or rbf_eps", "HtClusterSpectralSetAffinity", HtSpectralAffinities[sp->affinity], affinity, sizeof(affinity), &set));
  PetscCall(PetscOptionsInt("-ht_cluster_spectral_n_neighbors", "Nearest neighbours of every sample (knn)", "HtClusterSpectralSetAffinity", n_neighbors, &n_neighbors, NULL));
  PetscCall(PetscOptionsReal("-ht_cluster_spectral_gamma", "Kernel exp(-gamma d^2) (rbf_eps)", "HtClusterSpectralSetAffinity", gamma, &gamma, NULL));
  PetscCall(HtClusterSpectralSetAffinity(cl, set ? affinity : NULL, n_neighbors, gamma));
  PetscCall(PetscOptionsReal("-ht_cluster_spectral_eps", "Radius of the rbf_eps graph (default: where the kernel falls to 1e-4)", "HtClusterSpectralSetRadius", radius, &radius, &set));
  if (set) PetscCall(HtClusterSpectralSetRadius(cl, radius));
  sp->setfromoptionscalled = PETSC_TRUE;
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a model file: the affinity and its parameters as attributes spectral_..., the eigenvalues as the dataset eigenvalues */
static PetscErrorCode HtSpectralSave(HtCluster cl, PetscViewer viewer)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;
  HtTensor            eigs;

  PetscFunctionBegin;
  PetscCall(HtMLModelSaveAttribute(viewer, "spectral_affinity", PETSC_STRING, HtSpectralAffinities[sp->affinity]));
  PetscCall(HtMLModelSaveAttribute(viewer, "spectral_n_neighbors", PETSC_INT, &sp->n_neighbors));
  PetscCall(HtMLModelSaveAttribute(viewer, "spectral_gamma", PETSC_REAL, &sp->gamma));
  PetscCall(HtMLModelSaveAttribute(viewer, "spectral_eps", PETSC_REAL, &sp->radius));
  PetscCall(HtTensorCreateFromLocalArray(PetscObjectComm((PetscObject)cl), 1, &sp->neigs, -1, HT_SCALAR, PETSC_DECIDE, sp->eigs, &eigs));
  PetscCall(HtMLModelSaveTensor(viewer, eigs, "eigenvalues"));
  PetscCall(HtTensorDestroy(&eigs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterLoad_Spectral(HtCluster cl, PetscViewer viewer)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;
  char               *affinity;
  PetscInt            n_neighbors;
  PetscReal           gamma, radius;
  HtTensor            eigs;
  const PetscScalar  *e;
  const PetscInt     *shape;

  PetscFunctionBegin;
  PetscCall(HtMLModelLoadAttribute((PetscObject)cl, viewer, "spectral_affinity", PETSC_STRING, &affinity));
  PetscCall(HtMLModelLoadAttribute((PetscObject)cl, viewer, "spectral_n_neighbors", PETSC_INT, &n_neighbors));
  PetscCall(HtMLModelLoadAttribute((PetscObject)cl, viewer, "spectral_gamma", PETSC_REAL, &gamma));
  PetscCall(HtMLModelLoadAttribute((PetscObject)cl, viewer, "spectral_eps", PETSC_REAL, &radius));
  PetscCall(HtClusterSpectralSetAffinity(cl, affinity, n_neighbors, gamma));
  PetscCall(HtClusterSpectralSetRadius(cl, radius > 0 ? radius : (PetscReal)PETSC_DEFAULT));
  PetscCall(PetscFree(affinity));
  PetscCall(HtMLModelLoadTensor((PetscObject)cl, viewer, "eigenvalues", &eigs));
  PetscCall(HtTensorGetShape(eigs, &shape));
  PetscCall(HtTensorGetArrayRead(eigs, &e));
  sp->neigs = shape[0];
  PetscCall(PetscMalloc1(sp->neigs, &sp->eigs));
  for (PetscInt q = 0; q < sp->neigs; q++) sp->eigs[q] = PetscRealPart(e[q]);
  PetscCall(HtTensorRestoreArrayRead(eigs, &e));
  PetscCall(HtTensorDestroy(&eigs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ASCII: the affinity, the solvers and the eigenvalues; a model file: HtSpectralSave() */
static PetscErrorCode HtClusterView_Spectral(HtCluster cl, PetscViewer viewer)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;
  PetscBool           ishdf5;

  PetscFunctionBegin;
  PetscCall(HtMLViewerIsModelFile((PetscObject)cl, viewer, &ishdf5));
  if (ishdf5) {
    PetscCall(HtSpectralSave(cl, viewer));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (sp->affinity == HT_SPECTRAL_KNN) PetscCall(PetscViewerASCIIPrintf(viewer, "affinity: knn, %" PetscInt_FMT " nearest neighbours, symmetrized (C + C^T)/2\n", sp->n_neighbors));
  else PetscCall(PetscViewerASCIIPrintf(viewer, "affinity: rbf_eps, exp(-gamma d^2) with gamma %g within eps %g%s\n", (double)sp->gamma, (double)HtSpectralRadius(sp), sp->radius > 0 ? "" : " (default: where the kernel falls to 1e-4)"));
  if (sp->eps) {
    EPSType   type;
    PetscReal tol;
    PetscInt  maxit;

    PetscCall(EPSGetType(sp->eps, &type));
    PetscCall(EPSGetTolerances(sp->eps, &tol, &maxit));
    PetscCall(PetscViewerASCIIPrintf(viewer, "eigensolver: SLEPc EPS %s, tolerance %g\n", type, (double)tol));
  }
  if (sp->inner) {
    HtClusterType     type;
    HtClusterInitType init;

    PetscCall(HtClusterGetType(sp->inner, &type));
    PetscCall(HtClusterGetInitType(sp->inner, &init));
    PetscCall(PetscViewerASCIIPrintf(viewer, "clustering of the embedding: %s, initialization %s\n", type, HtClusterInitTypes[init]));
  }
  if (sp->neigs) {
    PetscCall(PetscViewerASCIIPrintf(viewer, "smallest eigenvalues of the normalized Laplacian:"));
    PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_FALSE));
    for (PetscInt q = 0; q < sp->neigs; q++) PetscCall(PetscViewerASCIIPrintf(viewer, " %.6g", (double)sp->eigs[q]));
    PetscCall(PetscViewerASCIIPrintf(viewer, "\n"));
    PetscCall(PetscViewerASCIIUseTabs(viewer, PETSC_TRUE));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterReset_Spectral(HtCluster cl)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;

  PetscFunctionBegin;
  if (sp->eps) PetscCall(EPSReset(sp->eps));
  if (sp->inner) PetscCall(HtClusterReset(sp->inner));
  PetscCall(PetscFree(sp->eigs));
  sp->neigs = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterDestroy_Spectral(HtCluster cl)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;

  PetscFunctionBegin;
  PetscCall(EPSDestroy(&sp->eps));
  PetscCall(HtClusterDestroy(&sp->inner));
  PetscCall(PetscFree(sp->eigs));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterSpectralSetAffinity_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterSpectralSetRadius_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterSpectralGetInnerCluster_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterSpectralGetEigenvalues_C", NULL));
  PetscCall(PetscFree(cl->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterSpectralSetAffinity_Spectral(HtCluster cl, const char affinity[], PetscInt n_neighbors, PetscReal gamma)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;

  PetscFunctionBegin;
  if (affinity) {
    PetscInt  which;
    PetscBool found;

    PetscCall(PetscEListFind(PETSC_STATIC_ARRAY_LENGTH(HtSpectralAffinities), HtSpectralAffinities, affinity, &which, &found));
    PetscCheck(found, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown spectral affinity '%s'; use knn (k nearest neighbours) or rbf_eps (RBF kernel within a radius)", affinity);
    sp->affinity = (HtSpectralAffinity)which;
  }
  if (n_neighbors != PETSC_DEFAULT) {
    PetscCheck(n_neighbors >= 1, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "n_neighbors must be at least 1, not %" PetscInt_FMT, n_neighbors);
    sp->n_neighbors = n_neighbors;
  }
  if (gamma != (PetscReal)PETSC_DEFAULT) {
    PetscCheck(gamma > 0, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "gamma must be positive, not %g", (double)gamma);
    sp->gamma = gamma;
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterSpectralSetRadius_Spectral(HtCluster cl, PetscReal eps)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;

  PetscFunctionBegin;
  PetscCheck(eps == (PetscReal)PETSC_DEFAULT || eps > 0, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_OUTOFRANGE, "The radius eps must be positive, not %g", (double)eps);
  sp->radius = eps == (PetscReal)PETSC_DEFAULT ? 0 : eps;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterSpectralGetInnerCluster_Spectral(HtCluster cl, HtCluster *inner)
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;

  PetscFunctionBegin;
  PetscCall(HtSpectralGetSolvers(cl));
  *inner = sp->inner;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtClusterSpectralGetEigenvalues_Spectral(HtCluster cl, PetscInt *n, const PetscReal *eigs[])
{
  HtCluster_Spectral *sp = (HtCluster_Spectral *)cl->data;

  PetscFunctionBegin;
  PetscCheck(sp->neigs, PetscObjectComm((PetscObject)cl), PETSC_ERR_ARG_WRONGSTATE, "No eigenvalues: call HtClusterFit() first");
  if (n) *n = sp->neigs;
  if (eigs) *eigs = sp->eigs;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSpectralSetAffinity - Chooses the affinity graph of spectral clustering.

   Logically Collective

   Input Parameters:
+  cl - the clustering object (of type `HTCLUSTERSPECTRAL`; other types ignore the call)
.  affinity - "knn" (the k nearest neighbours of every sample, weights 1, symmetrized) or "rbf_eps" (weights
              exp(-gamma ||x_i - x_j||^2) for the pairs within a radius eps), or NULL to keep it
.  n_neighbors - k of knn (at least 1, less than the number of samples), or `PETSC_DEFAULT` to keep it
-  gamma - the kernel's gamma of rbf_eps (positive), or `PETSC_DEFAULT` to keep it

   Options Database Keys:
+  -ht_cluster_spectral_affinity <knn> - knn or rbf_eps
.  -ht_cluster_spectral_n_neighbors <10> - k
-  -ht_cluster_spectral_gamma <1.0> - gamma

   Level: intermediate

.seealso: `HTCLUSTERSPECTRAL`, `HtClusterSpectralSetRadius()`, `HtClusterSpectralGetInnerCluster()`
@*/
PetscErrorCode HtClusterSpectralSetAffinity(HtCluster cl, const char affinity[], PetscInt n_neighbors, PetscReal gamma)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidLogicalCollectiveInt(cl, n_neighbors, 3);
  PetscValidLogicalCollectiveReal(cl, gamma, 4);
  PetscTryMethod(cl, "HtClusterSpectralSetAffinity_C", (HtCluster, const char[], PetscInt, PetscReal), (cl, affinity, n_neighbors, gamma));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSpectralSetRadius - Sets the radius of the rbf_eps affinity graph of spectral clustering.

   Logically Collective

   Input Parameters:
+  cl - the clustering object (of type `HTCLUSTERSPECTRAL`; other types ignore the call)
-  eps - the radius: samples closer than eps are neighbours (positive), or `PETSC_DEFAULT` for
         sqrt(ln(1e4) / gamma), the distance where the kernel exp(-gamma d^2) falls to 1e-4

   Options Database Key:
.  -ht_cluster_spectral_eps <sqrt(ln(1e4)/gamma)> - the radius

   Level: intermediate

.seealso: `HTCLUSTERSPECTRAL`, `HtClusterSpectralSetAffinity()`
@*/
PetscErrorCode HtClusterSpectralSetRadius(HtCluster cl, PetscReal eps)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidLogicalCollectiveReal(cl, eps, 2);
  PetscTryMethod(cl, "HtClusterSpectralSetRadius_C", (HtCluster, PetscReal), (cl, eps));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSpectralGetInnerCluster - Gets the clustering object that clusters the spectral embedding.

   Not Collective, but the inner object is collective on the same communicator

   Input Parameter:
.  cl - the clustering object, of type `HTCLUSTERSPECTRAL`

   Output Parameter:
.  inner - the inner clustering object (type kmeans by default), owned by cl (do not destroy it)

   Level: advanced

   Notes:
   Its options have the prefix -ht_cluster_spectral_inner_, e.g. -ht_cluster_spectral_inner_ht_cluster_init kmeans||.
   Its number of clusters, seed and sample weights are those of cl, set at every fit.

.seealso: `HTCLUSTERSPECTRAL`, `HtClusterSpectralSetAffinity()`
@*/
PetscErrorCode HtClusterSpectralGetInnerCluster(HtCluster cl, HtCluster *inner)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidPointer(inner, 2);
  PetscUseMethod(cl, "HtClusterSpectralGetInnerCluster_C", (HtCluster, HtCluster *), (cl, inner));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSpectralGetEigenvalues - Gets the eigenvalues found by the last fit of spectral clustering.

   Not Collective

   Input Parameter:
.  cl - the fitted clustering object, of type `HTCLUSTERSPECTRAL`

   Output Parameters:
+  n - the number of eigenvalues, K (or NULL)
-  eigs - the K smallest eigenvalues of the normalized Laplacian I - D^{-1/2} A D^{-1/2}, in increasing
          order, owned by cl (or NULL); as many (near) zeros as the graph has connected components

   Level: intermediate

.seealso: `HTCLUSTERSPECTRAL`, `HtClusterFit()`
@*/
PetscErrorCode HtClusterSpectralGetEigenvalues(HtCluster cl, PetscInt *n, const PetscReal *eigs[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscUseMethod(cl, "HtClusterSpectralGetEigenvalues_C", (HtCluster, PetscInt *, const PetscReal *[]), (cl, n, eigs));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTCLUSTERSPECTRAL - "spectral" - Spectral clustering (Ng, Jordan & Weiss) on a sparse affinity graph.

   Method:
+  1. affinity graph - a sparse N x N `MATAIJ` matrix A whose rows are distributed as the samples (never a dense N x N
   matrix): with knn, the n_neighbors nearest other samples of every sample (ties: the lower global index) get the
   weight 1 and A = (C + C^T)/2, as scikit-learn's SpectralClustering(affinity="nearest_neighbors"); with rbf_eps,
   A_ij = exp(-gamma ||x_i - x_j||^2) for the pairs i != j within the radius eps. The graph is decided by exact
   distances, so it is the same on any number of ranks
.  2. normalization - M = D^{-1/2} A D^{-1/2} with the degrees D = diag(A 1); a sample without neighbours is an error
.  3. eigensolve - the K largest eigenpairs of M (the K smallest of the normalized Laplacian L = I - M): the
   eigenvectors of the eigenvalue 1, one per connected component of the graph, are taken exactly (more components
   than clusters is an error), the others come from SLEPc EPS with those deflated, from an initial vector keyed by
   the seed
.  4. embedding - the N x K matrix of the eigenvectors, each eigenvector's sign making its largest-magnitude entry
   positive, each row scaled to unit length
-  5. clustering - an inner `HtCluster` (kmeans, k-means++ initialization by default) clusters the embedding; its
   labels are the labels. The centers are the (weighted) means of the original samples of each cluster, the
   inertia the (weighted) sum of the squared distances of the samples to them, the iteration count and the
   converged reason those of the inner fit.

   Options Database Keys:
+  -ht_cluster_num_clusters <8> - K, the number of clusters and of eigenpairs
.  -ht_cluster_seed <0> - seed of the eigensolver's initial vector and of the inner clustering
.  -ht_cluster_spectral_affinity <knn> - knn or rbf_eps
.  -ht_cluster_spectral_n_neighbors <10> - neighbours of every sample (knn)
.  -ht_cluster_spectral_gamma <1.0> - the kernel exp(-gamma d^2) (rbf_eps)
.  -ht_cluster_spectral_eps <sqrt(ln(1e4)/gamma)> - the radius (rbf_eps); by default where the kernel falls to 1e-4
.  -ht_cluster_spectral_eps_type <krylovschur> - the SLEPc eigensolver; every EPS and ST option works with this
   prefix, e.g. -ht_cluster_spectral_eps_tol <1e-10>, -ht_cluster_spectral_eps_ncv, -ht_cluster_spectral_eps_max_it,
   -ht_cluster_spectral_eps_nev (default K, counting the components' eigenvectors), -ht_cluster_spectral_eps_view
-  -ht_cluster_spectral_inner_ht_cluster_... - options of the inner clustering, e.g.
   -ht_cluster_spectral_inner_ht_cluster_init kmeans||, -ht_cluster_spectral_inner_ht_cluster_type kmedians,
   -ht_cluster_spectral_inner_ht_cluster_max_it, -ht_cluster_spectral_inner_ht_cluster_tol

   Notes:
   The type clusters its training samples only: `HtClusterPredict()` and `HtClusterTransform()` are not available.
   The -ht_cluster_init, -ht_cluster_tol and -ht_cluster_max_it of the spectral object are not used; set them on
   the inner object (its K, seed and sample weights are the spectral object's).

   The eigenvalues shown by -ht_cluster_view or `HtClusterSpectralGetEigenvalues()` tell how well the graph
   separates the clusters: clusters joined by a few edges have eigenvalues near 0 and a gap to the next. Close
   eigenvalues make Krylov-Schur restart often; a larger basis (-ht_cluster_spectral_eps_ncv 32) usually needs fewer
   products with the matrix, and shift-and-invert (-ht_cluster_spectral_st_type sinvert
   -ht_cluster_spectral_eps_target 1.001 -ht_cluster_spectral_eps_target_magnitude -ht_cluster_spectral_st_pc_type
   cholesky -ht_cluster_spectral_st_pc_factor_mat_solver_type mumps) needs few iterations but factors the N x N matrix.

   Cost: the graph takes O(N^2 F / P) flops per rank at worst, far less for low-dimensional data; memory is O(N k / P)
   (knn) or O(edges / P) (rbf_eps: choose eps so that the graph stays sparse).

   References:
+  A. Y. Ng, M. I. Jordan and Y. Weiss, On spectral clustering: analysis and an algorithm, NIPS 2001.
-  U. von Luxburg, A tutorial on spectral clustering, Statistics and Computing 17 (2007) 395-416.

   Level: intermediate

.seealso: `HtClusterCreate()`, `HtClusterSetType()`, `HtClusterSpectralSetAffinity()`, `HtClusterSpectralSetRadius()`,
          `HtClusterSpectralGetInnerCluster()`, `HtClusterSpectralGetEigenvalues()`, `HTCLUSTERKMEANS`
M*/
PETSC_INTERN PetscErrorCode HtClusterCreate_Spectral(HtCluster cl)
{
  HtCluster_Spectral *sp;

  PetscFunctionBegin;
  PetscCall(PetscNew(&sp));
  sp->affinity            = HT_SPECTRAL_KNN;
  sp->n_neighbors         = 10;
  sp->gamma               = 1.0;
  cl->data                = sp;
  cl->ops->setup          = HtClusterSetUp_Spectral;
  cl->ops->fit            = HtClusterFit_Spectral;
  cl->ops->setfromoptions = HtClusterSetFromOptions_Spectral;
  cl->ops->view           = HtClusterView_Spectral;
  cl->ops->load           = HtClusterLoad_Spectral;
  cl->ops->reset          = HtClusterReset_Spectral;
  cl->ops->destroy        = HtClusterDestroy_Spectral;
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterSpectralSetAffinity_C", HtClusterSpectralSetAffinity_Spectral));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterSpectralSetRadius_C", HtClusterSpectralSetRadius_Spectral));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterSpectralGetInnerCluster_C", HtClusterSpectralGetInnerCluster_Spectral));
  PetscCall(PetscObjectComposeFunction((PetscObject)cl, "HtClusterSpectralGetEigenvalues_C", HtClusterSpectralGetEigenvalues_Spectral));
  PetscFunctionReturn(PETSC_SUCCESS);
}
