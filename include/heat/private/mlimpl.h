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
  PetscInt          n;
  PetscVoidFunction fn[HT_ML_MAX_MONITORS];
  void             *ctx[HT_ML_MAX_MONITORS];
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

/*
   HT_ML_OPS - the type methods every ML class has, first in its ops table (struct _HtClusterOps { HT_ML_OPS(HtCluster);
   fit, predict, ... }), so that the base calls them on any class's object (as an HtMLObject):
     setfromoptions - the type's options;
     setup          - before the first fit;
     view           - ASCII: the type's parameters (and model); HDF5: what the type keeps in a model file;
     load           - HDF5: reads back what view wrote;
     reset          - frees the type's fitted model and work data;
     destroy        - frees the type's data
*/
#define HT_ML_OPS(Obj) \
  PetscErrorCode (*setfromoptions)(Obj, PetscOptionItems *); \
  PetscErrorCode (*setup)(Obj); \
  PetscErrorCode (*view)(Obj, PetscViewer); \
  PetscErrorCode (*load)(Obj, PetscViewer); \
  PetscErrorCode (*reset)(Obj); \
  PetscErrorCode (*destroy)(Obj)

typedef struct _p_HtMLObject *HtMLObject;
struct _HtMLOps {
  HT_ML_OPS(HtMLObject);
};
/* any ML object as the base sees it: the PETSc header and the common part of the ops table */
struct _p_HtMLObject {
  PETSCHEADER(struct _HtMLOps);
};

/* a log event of a class, registered by its package initializer */
typedef struct {
  const char    *name;
  PetscLogEvent *event;
} HtMLEvent;

/*
   HtMLClass - what the base needs to know of an ML class: one static const descriptor per class (HtClusterClass in
   clusterbasic.c), handed to every HtMLObject...() and HtMLClass...() routine. The class's public routines keep their
   names and man pages; their bodies call the base with the descriptor.
*/
typedef struct {
  const char        *name;                                  /* class name, "HtCluster" (also the manual section and the start of every routine name) */
  const char        *descr;                                 /* what the object does, "Clustering" (error messages name it) */
  const char        *key;                                   /* "ht_cluster": options -ht_cluster_..., -info_exclude ht_cluster, -log_exclude ht_cluster */
  PetscClassId      *classid;                               /* 0 until the package is initialized, and again after it is finalized */
  PetscFunctionList *types;                                 /* the registered types */
  const char        *deftype;                               /* the type chosen when none was set */
  const char        *typehelp;                              /* the -help text of -<key>_type */
  const char        *reasonhelp;                            /* the -help text of -<key>_converged_reason; NULL: the class has no converged reason */
  HtMLMonitorNames   monitornames;                          /* what the default monitors print and draw */
  size_t             size, opssize;                         /* of the object and of its ops table */
  size_t             setupcalled, fitted, data;             /* offsets of the object's fields: PetscBool, PetscBool, void * */
  size_t             monitors;                              /* offset of its HtMLMonitors; 0: the class has no monitors */
  PetscLogEvent     *setupevent;                            /* logs SetUp; NULL: none */
  PetscErrorCode (*initialize)(void);                       /* Ht<Class>InitializePackage() */
  PetscErrorCode (*initdeps)(void);                         /* initializes the PETSc packages the class uses besides the tensors (KSP, TAO); NULL: none */
  PetscErrorCode (*finalize)(void);                         /* Ht<Class>FinalizePackage() */
  PetscErrorCode (*registerall)(void);                      /* Ht<Class>TypeRegisterAll() */
  PetscObjectDestroyFunction destroy;                       /* Ht<Class>Destroy() */
  PetscObjectViewFunction    view;                          /* Ht<Class>View() */
  PetscVoidFunction          monitordefault, monitordrawlg; /* Ht<Class>MonitorDefault(), Ht<Class>MonitorDrawLG() */
  PetscErrorCode (*reset)(PetscObject);                     /* frees the class's fitted model (after the type's reset op) */
  PetscErrorCode (*destroyclass)(PetscObject);              /* frees what the class's parameters hold; NULL: nothing */
  PetscErrorCode (*cleartype)(PetscObject);                 /* after a type's destroy op: clears what the type set besides data; NULL: nothing */
} HtMLClass;

/*
   HT_ML_CLASS(Class, CLASS) - the fields of a class's descriptor that follow from its names (HtCluster, HT_CLUSTER):
   name, class id, type list, sizes, the offsets of setupcalled, fitted and data, the package routines, Destroy, View;
   HT_ML_CLASS_MONITORS(Class) - those of a class with monitors: the offset of monitors, MonitorDefault, MonitorDrawLG
*/
#define HT_ML_CLASS(Class, CLASS) \
  .name = #Class, .classid = &CLASS##_CLASSID, .types = &Class##List, .size = sizeof(struct _p_##Class), .opssize = sizeof(struct _##Class##Ops), \
  .setupcalled = offsetof(struct _p_##Class, setupcalled), .fitted = offsetof(struct _p_##Class, fitted), .data = offsetof(struct _p_##Class, data), \
  .initialize = Class##InitializePackage, .finalize = Class##FinalizePackage, .registerall = Class##TypeRegisterAll, \
  .destroy = (PetscObjectDestroyFunction)Class##Destroy, .view = (PetscObjectViewFunction)Class##View
#define HT_ML_CLASS_MONITORS(Class) \
  .monitors = offsetof(struct _p_##Class, monitors), .monitordefault = (PetscVoidFunction)Class##MonitorDefault, .monitordrawlg = (PetscVoidFunction)Class##MonitorDrawLG

/* the class's package (src/ml/interface/mlpackage.c) */
PETSC_INTERN PetscErrorCode HtMLPackageExclude(const char[], PetscClassId);
PETSC_INTERN PetscErrorCode HtMLClassInitialize(const HtMLClass *, const HtMLEvent[]);
PETSC_INTERN PetscErrorCode HtMLClassFinalize(const HtMLClass *);
PETSC_INTERN PetscErrorCode HtMLClassRegister(const HtMLClass *, const char[], PetscVoidFunction);

/* the object (src/ml/interface/mlobject.c) */
PETSC_INTERN PetscErrorCode HtMLObjectCreate(const HtMLClass *, MPI_Comm, PetscObject *);
PETSC_INTERN PetscErrorCode HtMLObjectSetType(const HtMLClass *, PetscObject, const char[]);
PETSC_INTERN PetscErrorCode HtMLObjectSetUp(const HtMLClass *, PetscObject);
PETSC_INTERN PetscErrorCode HtMLObjectReset(const HtMLClass *, PetscObject);
PETSC_INTERN PetscErrorCode HtMLObjectDestroy(const HtMLClass *, PetscObject *);
PETSC_INTERN PetscErrorCode HtMLObjectSetParameter(const HtMLClass *, PetscObject, void *, const void *, size_t);
PETSC_INTERN PetscErrorCode HtMLObjectOptionsType(const HtMLClass *, PetscObject, PetscOptionItems *);
PETSC_INTERN PetscErrorCode HtMLObjectOptionsEnd(const HtMLClass *, PetscObject, PetscOptionItems *);
PETSC_INTERN PetscErrorCode HtMLObjectView(const HtMLClass *, PetscObject, PetscViewer, PetscErrorCode (*)(PetscObject, PetscViewer), PetscErrorCode (*)(PetscObject, PetscViewer));
PETSC_INTERN PetscErrorCode HtMLObjectLoadBegin(const HtMLClass *, PetscObject, PetscViewer);
PETSC_INTERN PetscErrorCode HtMLObjectLoadEnd(const HtMLClass *, PetscObject);
PETSC_INTERN PetscErrorCode HtMLObjectMonitorSet(const HtMLClass *, PetscObject, PetscVoidFunction, void *, PetscErrorCode (*)(void **));
PETSC_INTERN PetscErrorCode HtMLObjectMonitorCancel(const HtMLClass *, PetscObject);
PETSC_INTERN PetscErrorCode HtMLObjectMonitor(const HtMLClass *, PetscObject, PetscInt, PetscReal, PetscReal);
PETSC_INTERN PetscErrorCode HtMLObjectMonitorDefault(const HtMLClass *, PetscObject, PetscInt, PetscReal, PetscReal, PetscViewerAndFormat *);
PETSC_INTERN PetscErrorCode HtMLObjectMonitorDrawLG(const HtMLClass *, PetscObject, PetscInt, PetscReal, PetscViewerAndFormat *);
