/*
   HTPCAHIERARCHICAL: every rank factors its own samples (centered on the global mean) through the eigenvectors of
   their local scatter matrix (one pass, no communication) and truncates; the truncated factors of all ranks (r x F
   each) are gathered once, and every rank merges them pairwise up the same binary tree (the SVD of two stacked
   factors diag(s) V^T, truncated again), so every rank ends with the same components. The communication is one
   gather of at most P r F numbers, whatever the number of samples.
*/
#include <heat/private/pcaimpl.h>

typedef struct {
  PetscInt  rank;  /* the most singular values kept at a node; PETSC_DECIDE: the components asked for + 5 */
  PetscReal rtol;  /* relative tolerance of the whole truncation; 0: keep `rank` values at every node */
  PetscReal bound; /* of the last fit: sqrt(sum of the squared singular values dropped) / ||X - 1 mean^T||_F */
} HtPCA_Hierarchical;

/* a node of the tree: r singular values s and right singular vectors vt (r x F) */
typedef struct {
  PetscInt     r;
  PetscReal   *s;
  PetscScalar *vt;
} HtHSVDNode;

/* how a node truncates: at most rmax and at least kmin values; dropping more while their squares sum to <= budget */
typedef struct {
  PetscInt  rmax, kmin;
  PetscReal budget, dropped;
} HtHSVDTruncation;

/* keeps the leading values of the n decreasing values of node (s, vt of F columns), adding the squares dropped */
static PetscErrorCode HtHSVDTruncate(HtHSVDTruncation *t, PetscInt n, PetscInt f, HtHSVDNode *node)
{
  PetscInt  keep = PetscMin(n, t->rmax);
  PetscReal tail = 0;

  PetscFunctionBegin;
  for (PetscInt i = keep; i < n; i++) tail += node->s[i] * node->s[i];
  while (keep > t->kmin && tail + node->s[keep - 1] * node->s[keep - 1] <= t->budget) {
    keep--;
    tail += node->s[keep] * node->s[keep];
  }
  t->dropped += tail;
  node->r = keep;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   the leaf of this rank: the local samples' scatter about the global mean (their own moments shifted: M2 + m d d^T,
   d = local mean - mean), whose eigenvectors and the square roots of whose eigenvalues are the local right singular
   vectors and singular values, truncated
*/
static PetscErrorCode HtHSVDLeaf(const HtSamples *s, const PetscScalar mean[], HtHSVDTruncation *t, HtHSVDNode *leaf)
{
  HtSamples  local;
  PetscInt   f = s->f;
  PetscReal *lmean, *lambda;

  PetscFunctionBegin;
  PetscCall(PetscMalloc2(f, &lmean, f, &lambda));
  PetscCall(PetscMalloc2(f, &leaf->s, f * f, &leaf->vt));
  PetscCall(HtSamplesCreateLocal(s, s->m, s->x, NULL, &local));
  PetscCall(HtSamplesScatter(&local, lmean, (PetscReal *)leaf->vt));
  for (PetscInt i = 0; i < f; i++)
    for (PetscInt j = 0; j < f; j++) leaf->vt[i * f + j] += s->m * (lmean[i] - mean[i]) * (lmean[j] - mean[j]);
  PetscCall(HtPCASymmetricEigen_Private(f, leaf->vt, lambda));
  for (PetscInt i = 0; i < f; i++) leaf->s[i] = PetscSqrtReal(PetscMax(lambda[i], 0));
  PetscCall(HtHSVDTruncate(t, PetscMin(s->m, f), f, leaf));
  PetscCall(PetscFree2(lmean, lambda));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the rows diag(s) V^T of a node, at rows */
static void HtHSVDScaledRows(PetscInt f, const HtHSVDNode *node, PetscScalar rows[])
{
  for (PetscInt i = 0; i < node->r; i++)
    for (PetscInt j = 0; j < f; j++) rows[i * f + j] = node->s[i] * node->vt[i * f + j];
}

/* a = the merge of the nodes a and b: the SVD of their stacked scaled rows, truncated; b is freed */
static PetscErrorCode HtHSVDMerge(HtHSVDTruncation *t, PetscInt f, HtHSVDNode *a, HtHSVDNode *b)
{
  PetscInt     m = a->r + b->r, kk = PetscMin(m, f);
  PetscScalar *stack;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(m * f, &stack));
  HtHSVDScaledRows(f, a, stack);
  HtHSVDScaledRows(f, b, stack + a->r * f);
  PetscCall(PetscFree2(a->s, a->vt));
  PetscCall(PetscFree2(b->s, b->vt));
  PetscCall(PetscMalloc2(kk, &a->s, kk * f, &a->vt));
  PetscCall(HtPCASmallSVD_Private(m, f, stack, a->s, a->vt));
  PetscCall(PetscFree(stack));
  PetscCall(HtHSVDTruncate(t, kk, f, a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the truncated leaves of every rank, in rank order, on every rank; the leaf is freed */
static PetscErrorCode HtHSVDGatherLeaves(const HtSamples *s, HtHSVDNode *leaf, PetscInt *nleaves, HtHSVDNode **leaves)
{
  const PetscInt f = s->f;
  PetscInt      *r, total = 0;
  PetscScalar   *all, *mine;

  PetscFunctionBegin;
  PetscCall(HtSamplesGatherInts(s, 1, &leaf->r, nleaves, &r));
  for (PetscInt p = 0; p < *nleaves; p++) total += r[p];
  PetscCall(PetscMalloc2(total * (f + 1), &all, leaf->r * (f + 1), &mine));
  for (PetscInt i = 0; i < leaf->r; i++) { /* a row: the singular value, then its vector */
    mine[i * (f + 1)] = leaf->s[i];
    PetscCall(PetscArraycpy(mine + i * (f + 1) + 1, leaf->vt + i * f, f));
  }
  PetscCall(PetscFree2(leaf->s, leaf->vt));
  PetscCall(HtSamplesGatherBlocks(s, leaf->r, f + 1, mine, all));
  PetscCall(PetscMalloc1(*nleaves, leaves));
  for (PetscInt p = 0, off = 0; p < *nleaves; off += r[p++]) {
    HtHSVDNode *node = &(*leaves)[p];

    node->r = r[p];
    PetscCall(PetscMalloc2(r[p], &node->s, r[p] * f, &node->vt));
    for (PetscInt i = 0; i < r[p]; i++) {
      node->s[i] = PetscRealPart(all[(off + i) * (f + 1)]);
      PetscCall(PetscArraycpy(node->vt + i * f, all + (off + i) * (f + 1) + 1, f));
    }
  }
  PetscCall(PetscFree2(all, mine));
  PetscCall(PetscFree(r));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAFit_Hierarchical(HtPCA pca, HtTensor X, PetscInt kwant)
{
  HtPCA_Hierarchical *h = (HtPCA_Hierarchical *)pca->data;
  HtSamples           s;
  HtHSVDNode          leaf, *nodes;
  HtHSVDTruncation    t;
  PetscScalar        *mean;
  PetscReal           total, norm2;
  PetscInt            nleaves;
  PetscMPIInt         size;

  PetscFunctionBegin;
  PetscCall(HtTensorGetSamples(X, NULL, &s));
  PetscCall(HtCommGetRank(s.comm, NULL, &size));
  PetscCall(PetscMalloc1(s.f, &mean));
  PetscCall(HtTensorColumnMoments(X, mean, &norm2));
  total     = norm2 / (s.n - 1);
  t.kmin    = kwant;
  t.rmax    = PetscMax(kwant, h->rank != PETSC_DECIDE ? h->rank : kwant + 5);
  t.budget  = h->rtol * h->rtol * norm2 / (2 * size - 1); /* P leaves and P - 1 merges share rtol^2 ||Xc||_F^2 */
  t.dropped = 0;
  PetscCall(HtHSVDLeaf(&s, mean, &t, &leaf));
  PetscCall(HtSamplesSumReal(&s, 1, &t.dropped));
  PetscCall(HtHSVDGatherLeaves(&s, &leaf, &nleaves, &nodes));
  for (PetscInt step = 1; step < nleaves; step *= 2)
    for (PetscInt i = 0; i + step < nleaves; i += 2 * step) PetscCall(HtHSVDMerge(&t, s.f, &nodes[i], &nodes[i + step]));
  PetscCheck(nodes[0].r >= kwant, PetscObjectComm((PetscObject)pca), PETSC_ERR_PLIB, "The hierarchical SVD kept %" PetscInt_FMT " values, fewer than the %" PetscInt_FMT " components", nodes[0].r, kwant);
  PetscCall(HtPCASetFactors_Private(pca, s.n, s.f, nodes[0].r, total, nodes[0].s, nodes[0].vt, mean));
  h->bound    = norm2 > 0 ? PetscSqrtReal(t.dropped / norm2) : 0;
  pca->reason = HT_PCA_CONVERGED_DIRECT;
  PetscCall(PetscFree2(nodes[0].s, nodes[0].vt));
  PetscCall(PetscFree(nodes));
  PetscCall(PetscFree(mean));
  PetscCall(HtTensorRestoreSamples(X, NULL, &s));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCASetFromOptions_Hierarchical(HtPCA pca, PetscOptionItems *PetscOptionsObject)
{
  HtPCA_Hierarchical *h = (HtPCA_Hierarchical *)pca->data;
  PetscInt            rank = h->rank;
  PetscReal           rtol = h->rtol;
  PetscBool           set1, set2;

  PetscFunctionBegin;
  PetscOptionsHeadBegin(PetscOptionsObject, "HtPCA hierarchical options");
  PetscCall(PetscOptionsInt("-ht_pca_hierarchical_rank", "Most singular values kept at a node of the tree (-1: components + 5)", "HtPCAHierarchicalSetTruncation", rank, &rank, &set1));
  PetscCall(PetscOptionsReal("-ht_pca_hierarchical_rtol", "Relative error the truncations may cause in all", "HtPCAHierarchicalSetTruncation", rtol, &rtol, &set2));
  if (set1 || set2) PetscCall(HtPCAHierarchicalSetTruncation(pca, rank, rtol));
  PetscOptionsHeadEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAView_Hierarchical(HtPCA pca, PetscViewer viewer)
{
  HtPCA_Hierarchical *h = (HtPCA_Hierarchical *)pca->data;
  PetscBool           isascii;

  PetscFunctionBegin;
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERASCII, &isascii));
  if (!isascii) PetscFunctionReturn(PETSC_SUCCESS);
  if (h->rank == PETSC_DECIDE) PetscCall(PetscViewerASCIIPrintf(viewer, "rank at a node: components + 5, relative tolerance: %g\n", (double)h->rtol));
  else PetscCall(PetscViewerASCIIPrintf(viewer, "rank at a node: %" PetscInt_FMT ", relative tolerance: %g\n", h->rank, (double)h->rtol));
  if (pca->fitted) PetscCall(PetscViewerASCIIPrintf(viewer, "error bound: ||X - 1 mean^T - projection||_F <= %.6e ||X - 1 mean^T||_F\n", (double)h->bound));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAHierarchicalSetTruncation_Hierarchical(HtPCA pca, PetscInt rank, PetscReal rtol)
{
  HtPCA_Hierarchical *h = (HtPCA_Hierarchical *)pca->data;

  PetscFunctionBegin;
  h->rank = rank;
  h->rtol = rtol;
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCAHierarchicalGetErrorBound_Hierarchical(HtPCA pca, PetscReal *bound)
{
  PetscFunctionBegin;
  PetscCall(HtMLCheckFitted((PetscObject)pca, pca->fitted));
  *bound = ((HtPCA_Hierarchical *)pca->data)->bound;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAHierarchicalSetTruncation - Sets how the hierarchical type truncates at the nodes of its tree.

   Logically Collective

   Input Parameters:
+  pca - the PCA object
.  rank - the most singular values a node keeps (at least the number of components), or `PETSC_DECIDE` for the
          number of components + 5
-  rtol - a relative error in [0, 1): nodes also drop their smallest values while the error this causes in all stays
          below rtol ||X - 1 mean^T||_F (0: truncate by rank only)

   Options Database Keys:
+  -ht_pca_hierarchical_rank <rank> - the rank at a node
-  -ht_pca_hierarchical_rtol <0> - the relative tolerance

   Level: intermediate

.seealso: `HTPCAHIERARCHICAL`, `HtPCAHierarchicalGetErrorBound()`
@*/
PetscErrorCode HtPCAHierarchicalSetTruncation(HtPCA pca, PetscInt rank, PetscReal rtol)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidLogicalCollectiveInt(pca, rank, 2);
  PetscValidLogicalCollectiveReal(pca, rtol, 3);
  PetscCheck(rank >= 1 || rank == PETSC_DECIDE, PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_OUTOFRANGE, "The rank at a node must be at least 1 (or PETSC_DECIDE), not %" PetscInt_FMT, rank);
  PetscCheck(rtol >= 0 && rtol < 1, PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_OUTOFRANGE, "The relative tolerance must be in [0, 1), not %g", (double)rtol);
  PetscTryMethod(pca, "HtPCAHierarchicalSetTruncation_C", (HtPCA, PetscInt, PetscReal), (pca, rank, rtol));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAHierarchicalGetErrorBound - Gets the error bound of the last fit of the hierarchical type.

   Not Collective

   Input Parameter:
.  pca - the fitted PCA object, of type `HTPCAHIERARCHICAL`

   Output Parameter:
.  bound - eta such that ||Xc - Xc V V^T||_F <= eta ||Xc||_F for the centered data Xc and the components V (rows)
           of the tree's root

   Level: intermediate

.seealso: `HTPCAHIERARCHICAL`, `HtPCAHierarchicalSetTruncation()`
@*/
PetscErrorCode HtPCAHierarchicalGetErrorBound(HtPCA pca, PetscReal *bound)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidRealPointer(bound, 2);
  PetscUseMethod(pca, "HtPCAHierarchicalGetErrorBound_C", (HtPCA, PetscReal *), (pca, bound));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode HtPCADestroy_Hierarchical(HtPCA pca)
{
  PetscFunctionBegin;
  PetscCall(PetscObjectComposeFunction((PetscObject)pca, "HtPCAHierarchicalSetTruncation_C", NULL));
  PetscCall(PetscObjectComposeFunction((PetscObject)pca, "HtPCAHierarchicalGetErrorBound_C", NULL));
  PetscCall(PetscFree(pca->data));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*MC
   HTPCAHIERARCHICAL - "hierarchical" - principal components from a hierarchical SVD of the ranks' blocks of samples.

   Method: each rank computes the singular values and right singular vectors of its samples (centered on the global
   mean) and keeps the leading ones; pairs of truncated factors diag(s) V^T are stacked and factored again, up a binary
   tree over the ranks, whose root gives the components. Nothing is dropped when every node keeps all its values; then
   the result is exact. Otherwise, with d the sum of the squared singular values dropped at all nodes,

$      ||Xc - Xc V V^T||_F^2 <= d

   for the centered data Xc and the root's vectors V (each truncation error is orthogonal to what the later nodes
   see), and `HtPCAHierarchicalGetErrorBound()` gives sqrt(d) / ||Xc||_F; with a relative tolerance rtol the nodes
   share the budget so that this bound is at most rtol. The truncation depends on how the samples are split over the
   ranks, so truncated results (within the bound) differ between rank counts. For very tall data: one pass, one
   gather of the truncated factors.

   Options Database Keys:
+  -ht_pca_n_components <k> - the number of components
.  -ht_pca_hierarchical_rank <k + 5> - the most singular values a node keeps
-  -ht_pca_hierarchical_rtol <0> - the relative error allowed in all

   References:
+  M. Iwen and B. W. Ong, A distributed and incremental SVD algorithm for agglomerative data analysis on large
   networks, SIAM J. Matrix Anal. Appl. 37 (2016) 1699-1718.
-  F. Hoppe et al., Heat: hierarchical SVD (heat.linalg.hsvd), Helmholtz Analytics Toolkit.

   Level: intermediate

.seealso: `HtPCACreate()`, `HtPCASetType()`, `HtPCAHierarchicalSetTruncation()`, `HtPCAHierarchicalGetErrorBound()`
M*/
PETSC_INTERN PetscErrorCode HtPCACreate_Hierarchical(HtPCA pca)
{
  HtPCA_Hierarchical *h;

  PetscFunctionBegin;
  PetscCall(PetscNew(&h));
  h->rank                  = PETSC_DECIDE;
  pca->data                = h;
  pca->ops->setfromoptions = HtPCASetFromOptions_Hierarchical;
  pca->ops->fit            = HtPCAFit_Hierarchical;
  pca->ops->view           = HtPCAView_Hierarchical;
  pca->ops->destroy        = HtPCADestroy_Hierarchical;
  PetscCall(PetscObjectComposeFunction((PetscObject)pca, "HtPCAHierarchicalSetTruncation_C", HtPCAHierarchicalSetTruncation_Hierarchical));
  PetscCall(PetscObjectComposeFunction((PetscObject)pca, "HtPCAHierarchicalGetErrorBound_C", HtPCAHierarchicalGetErrorBound_Hierarchical));
  PetscFunctionReturn(PETSC_SUCCESS);
}
