/*
   The k-means engine, shared by the types that derive from kmeans (kmedians, kmedoids, batchkmeans; spectral clusters
   its embedding with an inner HtCluster): the initial centers, Lloyd's iteration, and the assignment of samples to
   centers. Include it as <../src/ml/cluster/impls/kmeans/kmeansimpl.h>.

   Every routine works on HtSamples (the local rows of the data, include/heat/private/samplesimpl.h) and is collective
   on s->comm: the samples of a fit, distributed over the object's communicator, or samples that one rank holds alone
   (PETSC_COMM_SELF: the batches and merges of batchkmeans).
*/
#pragma once

#include <heat/private/clusterimpl.h>

/* initial centers (kmeansinit.c) */
PETSC_INTERN PetscErrorCode HtKMeansInitialCenters(HtCluster, const HtSamples *, PetscScalar *);
PETSC_INTERN PetscErrorCode HtKMeansDrawCenters(const HtSamples *, HtClusterInitType, PetscInt, PetscInt64, PetscScalar *);

/* Lloyd's iteration (kmeanslloyd.c) */
PETSC_INTERN PetscErrorCode HtKMeansLloyd(HtCluster, const HtSamples *, PetscReal, PetscBool, PetscScalar *, PetscInt *, PetscScalar *, PetscInt *, HtClusterConvergedReason *);

/* assignments of samples to centers (kmeansassign.c) */
PETSC_INTERN PetscErrorCode HtKMeansAssign(const HtSamples *, PetscInt, const PetscScalar *, PetscInt *, PetscReal *);
PETSC_INTERN PetscErrorCode HtKMeansAssignMetric(const HtSamples *, HtPointsMetric, PetscInt, const PetscScalar *, PetscInt *, PetscScalar *, PetscReal *);
PETSC_INTERN PetscErrorCode HtKMeansSetLabels(HtCluster, HtTensor, HtPointsMetric, const PetscScalar *, PetscInt);
PETSC_INTERN PetscErrorCode HtKMeansRelocateEmpty(const HtSamples *, HtTopList *, PetscInt, const PetscReal[], PetscInt *, PetscInt[], PetscScalar[], PetscInt *);
PETSC_INTERN PetscErrorCode HtClusterPredict_KMeans(HtCluster, HtTensor, HtTensor);
PETSC_INTERN PetscErrorCode HtClusterTransform_KMeans(HtCluster, HtTensor, HtTensor);
PETSC_INTERN PetscErrorCode HtClusterPredict_KMeansMetric(HtCluster, HtTensor, HtTensor, HtPointsMetric);
PETSC_INTERN PetscErrorCode HtClusterTransform_KMeansMetric(HtCluster, HtTensor, HtTensor, HtPointsMetric);
