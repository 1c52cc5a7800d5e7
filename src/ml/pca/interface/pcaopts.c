/*
   HtPCA: the parameters, set in code or from the options database.
*/
#include <heat/private/pcaimpl.h>

/*@C
   HtPCASetNumComponents - Sets the number of principal components to keep.

   Logically Collective

   Input Parameters:
+  pca - the PCA object
-  k - the number of components (at least 1, at most min(samples, features) of the data), or `PETSC_DECIDE` for
       min(samples, features)

   Options Database Key:
.  -ht_pca_n_components <k> - the number of components

   Level: beginner

   Note:
   Setting a number of components removes a variance fraction set with `HtPCASetVarianceFraction()`.

.seealso: `HtPCAGetNumComponents()`, `HtPCASetVarianceFraction()`
@*/
PetscErrorCode HtPCASetNumComponents(HtPCA pca, PetscInt k)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidLogicalCollectiveInt(pca, k, 2);
  PetscCheck(k >= 1 || k == PETSC_DECIDE, PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_OUTOFRANGE, "The number of components must be at least 1 (or PETSC_DECIDE), not %" PetscInt_FMT, k);
  if (k != pca->ncomp || pca->variance > 0) PetscCall(HtPCAReset(pca));
  pca->ncomp    = k;
  pca->variance = 0;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetNumComponents - Gets the number of principal components: of the fitted model after a fit, else the number
   asked for (`PETSC_DECIDE` if none was).

   Not Collective

   Input Parameter:
.  pca - the PCA object

   Output Parameter:
.  k - the number of components

   Level: beginner

.seealso: `HtPCASetNumComponents()`
@*/
PetscErrorCode HtPCAGetNumComponents(HtPCA pca, PetscInt *k)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidIntPointer(k, 2);
  *k = pca->fitted ? pca->k : pca->ncomp;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCASetVarianceFraction - Keeps the fewest components whose explained variance exceeds a fraction of the total
   (scikit-learn's PCA(n_components=0.95)).

   Logically Collective

   Input Parameters:
+  pca - the PCA object
-  fraction - the fraction, in (0, 1]

   Options Database Key:
.  -ht_pca_variance <fraction> - the fraction of the variance to explain

   Level: beginner

   Note:
   The types that compute only leading components (svd, randomized) double their number until the fraction is
   reached. Setting a fraction removes a number of components set with `HtPCASetNumComponents()`.

.seealso: `HtPCASetNumComponents()`, `HtPCAGetExplainedVarianceRatio()`
@*/
PetscErrorCode HtPCASetVarianceFraction(HtPCA pca, PetscReal fraction)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidLogicalCollectiveReal(pca, fraction, 2);
  PetscCheck(fraction > 0 && fraction <= 1, PetscObjectComm((PetscObject)pca), PETSC_ERR_ARG_OUTOFRANGE, "The fraction of the variance to explain must be in (0, 1], not %g", (double)fraction);
  PetscCall(HtPCAReset(pca));
  pca->variance = fraction;
  pca->ncomp    = PETSC_DECIDE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetVarianceFraction - Gets the fraction of the variance to explain (0 when a number of components is used).

   Not Collective

   Input Parameter:
.  pca - the PCA object

   Output Parameter:
.  fraction - the fraction

   Level: beginner

.seealso: `HtPCASetVarianceFraction()`
@*/
PetscErrorCode HtPCAGetVarianceFraction(HtPCA pca, PetscReal *fraction)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidRealPointer(fraction, 2);
  *fraction = pca->variance;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCASetWhiten - Whitens the transformed data: each component's scores are divided by the square root of its
   explained variance, so that they have unit variance.

   Logically Collective

   Input Parameters:
+  pca - the PCA object
-  whiten - `PETSC_TRUE` to whiten

   Options Database Key:
.  -ht_pca_whiten - whiten

   Level: beginner

.seealso: `HtPCATransform()`, `HtPCAInverseTransform()`
@*/
PetscErrorCode HtPCASetWhiten(HtPCA pca, PetscBool whiten)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidLogicalCollectiveBool(pca, whiten, 2);
  pca->whiten = whiten;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCAGetWhiten - Gets whether the transformed data are whitened.

   Not Collective

   Input Parameter:
.  pca - the PCA object

   Output Parameter:
.  whiten - whether they are

   Level: beginner

.seealso: `HtPCASetWhiten()`
@*/
PetscErrorCode HtPCAGetWhiten(HtPCA pca, PetscBool *whiten)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscValidBoolPointer(whiten, 2);
  *whiten = pca->whiten;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCASetSeed - Sets the seed of the random numbers of the randomized type (its test matrix is keyed by the seed
   and the feature, so it is the same on any number of ranks).

   Logically Collective

   Input Parameters:
+  pca - the PCA object
-  seed - the seed

   Options Database Key:
.  -ht_pca_seed <0> - the seed

   Level: intermediate

.seealso: `HTPCARANDOMIZED`
@*/
PetscErrorCode HtPCASetSeed(HtPCA pca, PetscInt64 seed)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  pca->seed = seed;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtPCASetFromOptions - Sets the type and parameters from the options database.

   Collective

   Input Parameter:
.  pca - the PCA object

   Options Database Keys:
+  -ht_pca_type <gram> - gram, svd, randomized, hierarchical, incremental
.  -ht_pca_n_components <k> - number of components (default min(samples, features))
.  -ht_pca_variance <fraction> - keep the fewest components explaining more than this fraction of the variance
.  -ht_pca_whiten - whiten the transformed data
.  -ht_pca_seed <0> - seed of the randomized type
.  -ht_pca_monitor [ascii[:file]] - print iteration, explained variance and change (randomized, incremental);
   draw::draw_lg draws the explained variance against the iteration (`HtPCAMonitorSet()`)
.  -ht_pca_monitor_cancel - remove every monitor, also those set in the code
.  -ht_pca_view [viewer] - view the object after the fit (hdf5:model.h5 writes the model)
-  -ht_pca_converged_reason [::failed] - print how the fit ended

   Level: beginner

   Note:
   The svd type's SLEPc solver takes its options with the prefix ht_pca_: -ht_pca_svd_type, -ht_pca_svd_tol, ...

.seealso: `HtPCASetType()`, `HtPCAView()`
@*/
PetscErrorCode HtPCASetFromOptions(HtPCA pca)
{
  PetscBool set, whiten = pca->whiten;
  PetscInt  k = pca->ncomp, seed = (PetscInt)pca->seed;
  PetscReal fraction = pca->variance > 0 ? pca->variance : 1;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pca, HT_PCA_CLASSID, 1);
  PetscCall(HtPCAInitializePackage());
  PetscObjectOptionsBegin((PetscObject)pca);
  PetscCall(HtMLObjectOptionsType(&HtPCAClass, (PetscObject)pca, PetscOptionsObject));
  PetscCall(PetscOptionsInt("-ht_pca_n_components", "Number of components (-1: min(samples, features))", "HtPCASetNumComponents", k, &k, &set));
  if (set) PetscCall(HtPCASetNumComponents(pca, k));
  PetscCall(PetscOptionsReal("-ht_pca_variance", "Fraction of the variance the components explain", "HtPCASetVarianceFraction", fraction, &fraction, &set));
  if (set) PetscCall(HtPCASetVarianceFraction(pca, fraction));
  PetscCall(PetscOptionsBool("-ht_pca_whiten", "Whiten the transformed data", "HtPCASetWhiten", whiten, &whiten, &set));
  if (set) PetscCall(HtPCASetWhiten(pca, whiten));
  PetscCall(PetscOptionsInt("-ht_pca_seed", "Seed of the randomized type", "HtPCASetSeed", seed, &seed, &set));
  if (set) PetscCall(HtPCASetSeed(pca, seed));
  PetscCall(HtMLObjectOptionsEnd(&HtPCAClass, (PetscObject)pca, PetscOptionsObject));
  PetscOptionsEnd();
  PetscFunctionReturn(PETSC_SUCCESS);
}
