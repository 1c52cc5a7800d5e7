/*
   HtCluster: the object itself (creation, type, options prefix, reset, destruction).
*/
#include <heat/private/clusterimpl.h>

/* the class's fitted model, freed by HtClusterReset() after the type's */
static PetscErrorCode HtClusterResetModel(PetscObject obj)
{
  HtCluster cl = (HtCluster)obj;

  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&cl->centers));
  PetscCall(HtTensorDestroy(&cl->labels));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* what the parameters hold, freed by HtClusterDestroy() */
static PetscErrorCode HtClusterDestroyParameters(PetscObject obj)
{
  HtCluster cl = (HtCluster)obj;

  PetscFunctionBegin;
  PetscCall(HtTensorDestroy(&cl->initcenters));
  PetscCall(HtTensorDestroy(&cl->weights));
  PetscFunctionReturn(PETSC_SUCCESS);
}

const HtMLClass HtClusterClass = {
  HT_ML_CLASS(HtCluster, HT_CLUSTER),
  HT_ML_CLASS_MONITORS(HtCluster),
  .descr        = "Clustering",
  .key          = "ht_cluster",
  .deftype      = HTCLUSTERKMEANS,
  .typehelp     = "Clustering algorithm",
  .reasonhelp   = "Print why the fit stopped",
  .monitornames = {"inertia", "center shift"},
  .setupevent   = &HT_CLUSTER_SetUp,
  .reset        = HtClusterResetModel,
  .destroyclass = HtClusterDestroyParameters,
};

/*@C
   HtClusterCreate - Creates a clustering object.

   Collective

   Input Parameter:
.  comm - MPI communicator

   Output Parameter:
.  cl - the new object (type kmeans, 8 clusters, k-means++ initialization, tol 1e-4, at most 300 iterations, seed 0: scikit-learn's defaults)

   Level: beginner

.seealso: `HtClusterSetType()`, `HtClusterSetFromOptions()`, `HtClusterFit()`, `HtClusterDestroy()`
@*/
PetscErrorCode HtClusterCreate(MPI_Comm comm, HtCluster *cl)
{
  HtCluster c;

  PetscFunctionBegin;
  PetscValidPointer(cl, 2);
  PetscCall(HtMLObjectCreate(&HtClusterClass, comm, (PetscObject *)&c));
  c->k      = 8;
  c->init   = HT_CLUSTER_INIT_KMEANSPP;
  c->tol    = 1e-4;
  c->max_it = 300;
  c->seed   = 0;
  *cl       = c;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSetType - Selects the clustering algorithm.

   Collective

   Input Parameters:
+  cl - the clustering object
-  type - `HTCLUSTERKMEANS`, `HTCLUSTERKMEDIANS`, `HTCLUSTERKMEDOIDS`, `HTCLUSTERBATCHKMEANS`, `HTCLUSTERSPECTRAL`, or a type added with `HtClusterRegister()`

   Options Database Key:
.  -ht_cluster_type <kmeans> - the algorithm

   Level: beginner

.seealso: `HtClusterGetType()`, `HtClusterRegister()`
@*/
PetscErrorCode HtClusterSetType(HtCluster cl, HtClusterType type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(HtMLObjectSetType(&HtClusterClass, (PetscObject)cl, type));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterGetType - Gets the clustering algorithm.

   Not Collective

   Input Parameter:
.  cl - the clustering object

   Output Parameter:
.  type - the type name

   Level: beginner

.seealso: `HtClusterSetType()`
@*/
PetscErrorCode HtClusterGetType(HtCluster cl, HtClusterType *type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidPointer(type, 2);
  *type = ((PetscObject)cl)->type_name;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterSetOptionsPrefix - Sets the prefix of all options of this object (e.g. "inner_" gives -inner_ht_cluster_type).

   Logically Collective

   Input Parameters:
+  cl - the clustering object
-  prefix - the prefix

   Level: advanced

.seealso: `HtClusterAppendOptionsPrefix()`, `HtClusterSetFromOptions()`
@*/
PetscErrorCode HtClusterSetOptionsPrefix(HtCluster cl, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(PetscObjectSetOptionsPrefix((PetscObject)cl, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterAppendOptionsPrefix - Appends to the prefix of all options of this object.

   Logically Collective

   Input Parameters:
+  cl - the clustering object
-  prefix - the prefix to append

   Level: advanced

.seealso: `HtClusterSetOptionsPrefix()`
@*/
PetscErrorCode HtClusterAppendOptionsPrefix(HtCluster cl, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(PetscObjectAppendOptionsPrefix((PetscObject)cl, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterGetOptionsPrefix - Gets the prefix of all options of this object.

   Not Collective

   Input Parameter:
.  cl - the clustering object

   Output Parameter:
.  prefix - the prefix (or NULL)

   Level: advanced

.seealso: `HtClusterSetOptionsPrefix()`
@*/
PetscErrorCode HtClusterGetOptionsPrefix(HtCluster cl, const char *prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(PetscObjectGetOptionsPrefix((PetscObject)cl, prefix));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterReset - Frees the fitted model and the type's work data (the parameters stay).

   Collective

   Input Parameter:
.  cl - the clustering object

   Level: advanced

.seealso: `HtClusterDestroy()`
@*/
PetscErrorCode HtClusterReset(HtCluster cl)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscCall(HtMLObjectReset(&HtClusterClass, (PetscObject)cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtClusterDestroy - Destroys a clustering object.

   Collective

   Input Parameter:
.  cl - the object, set to NULL

   Level: beginner

.seealso: `HtClusterCreate()`
@*/
PetscErrorCode HtClusterDestroy(HtCluster *cl)
{
  PetscFunctionBegin;
  PetscCall(HtMLObjectDestroy(&HtClusterClass, (PetscObject *)cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}
