/*
   Private data structure of HtCluster and helpers shared by its types.
*/
#pragma once

#include <heatcluster.h>
#include <heat/private/tensorimpl.h>

PETSC_EXTERN PetscLogEvent HT_CLUSTER_SetUp, HT_CLUSTER_Fit, HT_CLUSTER_Predict, HT_CLUSTER_Init;

#define HT_CLUSTER_MAX_MONITORS 5

typedef struct _HtClusterOps *HtClusterOps;
struct _HtClusterOps {
  PetscErrorCode (*setfromoptions)(HtCluster, PetscOptionItems *);
  PetscErrorCode (*setup)(HtCluster);
  PetscErrorCode (*fit)(HtCluster, HtTensor);
  PetscErrorCode (*predict)(HtCluster, HtTensor, HtTensor); /* labels of new samples (HT_INT, layout of X) */
  PetscErrorCode (*transform)(HtCluster, HtTensor, HtTensor); /* distances to the centers */
  PetscErrorCode (*view)(HtCluster, PetscViewer);
  PetscErrorCode (*reset)(HtCluster);
  PetscErrorCode (*destroy)(HtCluster);
};

struct _p_HtCluster {
  PETSCHEADER(struct _HtClusterOps);
  /* parameters */
  PetscInt          k;        /* number of clusters */
  HtClusterInitType init;
  PetscReal         tol;      /* relative to the mean feature variance, as scikit-learn */
  PetscInt          max_it;
  PetscInt64        seed;
  HtTensor          initcenters; /* user centers (K x F) */
  HtTensor          weights;     /* sample weights (N), split 0 like X, or NULL */
  PetscBool         setupcalled;
  /* results */
  HtTensor                 centers; /* K x F, replicated */
  HtTensor                 labels;  /* N, HT_INT, split 0 like X */
  PetscReal                inertia;
  PetscInt                 its;
  HtClusterConvergedReason reason;
  PetscBool                fitted;
  /* monitors */
  PetscErrorCode (*monitor[HT_CLUSTER_MAX_MONITORS])(HtCluster, PetscInt, PetscReal, PetscReal, void *);
  PetscErrorCode (*monitordestroy[HT_CLUSTER_MAX_MONITORS])(void **);
  void    *monitorcontext[HT_CLUSTER_MAX_MONITORS];
  PetscInt numbermonitors;
  void    *data; /* type-specific */
};

PETSC_INTERN PetscErrorCode HtClusterCheckData_Private(HtCluster, HtTensor);
PETSC_INTERN PetscErrorCode HtClusterCheckWeights_Private(HtCluster, HtTensor, HtTensor);
PETSC_INTERN PetscErrorCode HtClusterGetWeightsArray_Private(HtCluster, HtTensor, const PetscScalar **);
PETSC_INTERN PetscErrorCode HtClusterRestoreWeightsArray_Private(HtCluster, const PetscScalar **);
PETSC_INTERN PetscErrorCode HtClusterInitialCenters_Private(HtCluster, HtTensor, PetscScalar *);
PETSC_INTERN PetscErrorCode HtClusterSetResults_Private(HtCluster, HtTensor, const PetscScalar *, PetscInt);
PETSC_INTERN PetscErrorCode HtClusterTolerance_Private(HtCluster, HtTensor, PetscReal *);
PETSC_INTERN PetscErrorCode HtClusterCreateLabels_Private(HtTensor, HtTensor *);

/* squared Euclidean distances of local rows to K centers, by chunks with one GEMM each (no N x K matrix) */
typedef struct {
  PetscInt     k, f, chunk;
  PetscScalar *cnorm; /* ||c||^2, K */
  PetscScalar *g;     /* chunk x K products */
} HtDistanceWork;
PETSC_INTERN PetscErrorCode HtDistanceWorkCreate(PetscInt, PetscInt, HtDistanceWork *);
PETSC_INTERN PetscErrorCode HtDistanceWorkDestroy(HtDistanceWork *);
PETSC_INTERN PetscErrorCode HtDistanceChunk(HtDistanceWork *, const PetscScalar *, PetscInt, const PetscScalar *, PetscBool);
PETSC_INTERN PetscErrorCode HtClusterAssign_Private(HtTensor, const PetscScalar *, PetscInt, PetscInt *, PetscReal *);
PETSC_INTERN PetscErrorCode HtClusterTypeRegisterAll(void);
