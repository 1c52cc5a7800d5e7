/*
   HtCluster: the object itself (creation, type, options prefix, reset, destruction).
*/
#include <heat/private/clusterimpl.h>
#include <heat/private/heatimpl.h>

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
  PetscCall(HtClusterInitializePackage());
  PetscCall(PetscHeaderCreate(c, HT_CLUSTER_CLASSID, "HtCluster", "Clustering", "HtCluster", comm, HtClusterDestroy, HtClusterView));
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
  PetscErrorCode (*create)(HtCluster);
  PetscBool same;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(cl, HT_CLUSTER_CLASSID, 1);
  PetscValidCharPointer(type, 2);
  PetscCall(PetscObjectTypeCompare((PetscObject)cl, type, &same));
  if (same) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HeatFunctionListFindCreate((PetscObject)cl, HtClusterList, type, (PetscVoidFunction *)&create));
  PetscCall(HtClusterReset(cl));
  PetscTryTypeMethod(cl, destroy);
  PetscCall(PetscMemzero(cl->ops, sizeof(struct _HtClusterOps)));
  cl->data        = NULL;
  cl->setupcalled = PETSC_FALSE;
  PetscCall(PetscObjectChangeTypeName((PetscObject)cl, type));
  PetscCall((*create)(cl));
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
  PetscTryTypeMethod(cl, reset);
  PetscCall(HtTensorDestroy(&cl->centers));
  PetscCall(HtTensorDestroy(&cl->labels));
  cl->fitted      = PETSC_FALSE;
  cl->setupcalled = PETSC_FALSE;
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
  if (!*cl) PetscFunctionReturn(PETSC_SUCCESS);
  PetscValidHeaderSpecific(*cl, HT_CLUSTER_CLASSID, 1);
  if (--((PetscObject)(*cl))->refct > 0) {
    *cl = NULL;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(HtClusterReset(*cl));
  PetscTryTypeMethod(*cl, destroy);
  PetscCall(HtClusterMonitorCancel(*cl));
  PetscCall(HtTensorDestroy(&(*cl)->initcenters));
  PetscCall(HtTensorDestroy(&(*cl)->weights));
  PetscCall(PetscHeaderDestroy(cl));
  PetscFunctionReturn(PETSC_SUCCESS);
}
