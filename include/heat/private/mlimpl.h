/*
   The ML base: what every ML class (HtCluster, and the classes that follow its pattern) shares. Data checks with one
   wording for all classes, the fitted-state check, monitors through viewers, and model files (named tensors and
   attributes in an HDF5 group). src/ml/README.md explains how a class uses them.

   The ML layer includes public headers, this header and the class's own private header only: cross-rank work goes
   through the tensor layer's helpers (samplesimpl.h), never through MPI, and tensors are read through their accessors.
*/
#pragma once

#include <heattensor.h>
#include <heat/private/samplesimpl.h>
#include <petsc/private/petscimpl.h>

/* package initializers (src/ml/interface/mlpackage.c) */
PETSC_INTERN PetscErrorCode HtMLPackageExclude(const char[], PetscClassId);

/* data checks (src/ml/interface/mlcheck.c) */
PETSC_INTERN PetscErrorCode HtMLCheckData(PetscObject, HtTensor, PetscInt, HtTensor *);
PETSC_INTERN PetscErrorCode HtMLCheckDataLayout(PetscObject, HtTensor, PetscInt, HtTensor *);
PETSC_INTERN PetscErrorCode HtMLCheckMoments(PetscObject, HtTensor, PetscInt, PetscInt, const PetscReal[], const PetscReal[]);
PETSC_INTERN PetscErrorCode HtMLCheckSampleWeights(PetscObject, HtTensor, HtTensor);
PETSC_INTERN PetscErrorCode HtMLCheckTarget(PetscObject, HtTensor, HtTensor);
PETSC_INTERN PetscErrorCode HtMLCheckFitted(PetscObject, PetscBool);
PETSC_INTERN PetscErrorCode HtMLCreateSampleTensor(HtTensor, PetscInt, HtDType, const char[], HtTensor *);

/*
   HtMLMonitors - the monitors of an object: routines called after each iteration of a fit with (object, iteration,
   objective, change, context); a class stores its own monitor type (e.g. HtClusterMonitorFn) as a generic pointer
   and calls it with its own type (src/ml/interface/mlmonitor.c)
*/
#define HT_ML_MAX_MONITORS 5
typedef struct {
  PetscInt n;
  PetscVoidFunction fn[HT_ML_MAX_MONITORS];
  void *ctx[HT_ML_MAX_MONITORS];
  PetscErrorCode (*destroy[HT_ML_MAX_MONITORS])(void **);
} HtMLMonitors;

/* what a class's default monitors print and draw: the names of its objective and change */
typedef struct {
  const char *objective, *change;
} HtMLMonitorNames;

PETSC_INTERN PetscErrorCode HtMLMonitorsAdd(PetscObject, HtMLMonitors *, PetscVoidFunction, void *, PetscErrorCode (*)(void **));
PETSC_INTERN PetscErrorCode HtMLMonitorsCancel(HtMLMonitors *);
PETSC_INTERN PetscErrorCode HtMLMonitorsSetFromOptions(PetscObject, PetscOptionItems *, HtMLMonitors *, const char[], PetscVoidFunction, PetscVoidFunction);
PETSC_INTERN PetscErrorCode HtMLMonitorPrint(PetscObject, const HtMLMonitorNames *, PetscInt, PetscReal, PetscReal, PetscViewerAndFormat *);
PETSC_INTERN PetscErrorCode HtMLMonitorDrawLG(PetscObject, const HtMLMonitorNames *, PetscInt, PetscReal, PetscViewerAndFormat *);
PETSC_INTERN PetscErrorCode HtMLConvergedReasonView(PetscObject, PetscViewer, PetscBool, const char[], PetscInt);
PETSC_INTERN PetscErrorCode HtMLConvergedReasonViewFromOptions(PetscObject, const char[], PetscErrorCode (*)(PetscObject, PetscViewer));

/* model files: the current group of an HDF5 viewer (src/ml/interface/mlmodel.c) */
PETSC_INTERN PetscErrorCode HtMLModelSaveBegin(PetscObject, PetscViewer);
PETSC_INTERN PetscErrorCode HtMLModelSaveTensor(PetscViewer, HtTensor, const char[]);
PETSC_INTERN PetscErrorCode HtMLModelSaveScalar(PetscObject, PetscViewer, const char[], HtDType, PetscScalar);
PETSC_INTERN PetscErrorCode HtMLModelSaveAttribute(PetscViewer, const char[], PetscDataType, const void *);
PETSC_INTERN PetscErrorCode HtMLModelLoadBegin(PetscObject, PetscViewer, char **);
PETSC_INTERN PetscErrorCode HtMLModelLoadTensor(PetscObject, PetscViewer, const char[], HtTensor *);
PETSC_INTERN PetscErrorCode HtMLModelLoadScalar(PetscObject, PetscViewer, const char[], PetscScalar *);
PETSC_INTERN PetscErrorCode HtMLModelLoadAttribute(PetscObject, PetscViewer, const char[], PetscDataType, void *);
PETSC_INTERN PetscErrorCode HtMLViewerIsModelFile(PetscObject, PetscViewer, PetscBool *);
PETSC_INTERN PetscErrorCode HtMLViewScatter(PetscObject, HtTensor, HtTensor, const char[], const char[], PetscViewer);
