/*
   Private data structure of HtCluster. The types' shared engines live with the types: the k-means engine (Lloyd's
   iteration, the initializations, the assignments) in src/ml/cluster/impls/kmeans/kmeansimpl.h.
*/
#pragma once

#include <heatcluster.h>
#include <heat/private/mlimpl.h>

PETSC_EXTERN PetscLogEvent HT_CLUSTER_SetUp, HT_CLUSTER_Fit, HT_CLUSTER_Predict, HT_CLUSTER_Init, HT_CLUSTER_SpectralGraph, HT_CLUSTER_SpectralEigen;

typedef struct _HtClusterOps *HtClusterOps;
struct _HtClusterOps {
  HT_ML_OPS(HtCluster);
  PetscErrorCode (*fit)(HtCluster, HtTensor);                 /* X: split 0, checked; sets centers, labels, inertia, its, reason */
  PetscErrorCode (*predict)(HtCluster, HtTensor, HtTensor);   /* labels of new samples (HT_INT, layout of X) */
  PetscErrorCode (*transform)(HtCluster, HtTensor, HtTensor); /* distances to the centers */
};

struct _p_HtCluster {
  PETSCHEADER(struct _HtClusterOps);
  /* parameters */
  PetscInt          k; /* number of clusters */
  HtClusterInitType init;
  PetscReal         tol; /* relative to the mean feature variance, as scikit-learn */
  PetscInt          max_it;
  PetscInt64        seed;
  HtTensor          initcenters; /* user centers (K x F) */
  HtTensor          weights;     /* sample weights (N), split 0 like X, or NULL */
  PetscBool         setupcalled;
  PetscReal         datavar; /* the mean of the feature variances of the data being fitted (HtClusterFit()'s check) */
  /* results */
  HtTensor                 centers; /* K x F, replicated */
  HtTensor                 labels;  /* N, HT_INT, split 0 like X (NULL after HtClusterLoad()) */
  PetscReal                inertia;
  PetscInt                 its;
  HtClusterConvergedReason reason;
  PetscBool                fitted;
  HtTensor                 viewdata; /* the training data while HtClusterFit() views the object (-ht_cluster_view draw) */
  HtMLMonitors             monitors;
  void                    *data; /* type-specific */
};

PETSC_INTERN PetscErrorCode  HtClusterSetResults_Private(HtCluster, PetscInt, const PetscScalar *, PetscInt);
PETSC_INTERN PetscErrorCode  HtClusterTypeRegisterAll(void);
PETSC_INTERN const HtMLClass HtClusterClass;
