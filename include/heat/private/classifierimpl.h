/*
   Private data structure of HtClassifier. The interface turns the labels into class indices (the position of each
   label among the sorted distinct labels) before a type's fit sees them, and turns the type's scores back into labels,
   so every type works with classes 0..C-1.
*/
#pragma once

#include <heatclassifier.h>
#include <heat/private/mlimpl.h>

PETSC_EXTERN PetscLogEvent HT_CLASSIFIER_SetUp, HT_CLASSIFIER_Fit, HT_CLASSIFIER_Predict;

typedef struct _HtClassifierOps *HtClassifierOps;
struct _HtClassifierOps {
  HT_ML_OPS(HtClassifier);
  PetscErrorCode (*fit)(HtClassifier, HtTensor, const PetscInt[]);            /* X: split 0, checked; the local samples' class indices */
  PetscErrorCode (*partialfit)(HtClassifier, HtTensor, const PetscInt[]);     /* folds a batch into the model (gaussiannb) */
  PetscErrorCode (*scores)(HtClassifier, HtTensor, PetscBool, PetscScalar[]); /* local rows x C: probabilities, or scores whose largest is the class */
};

struct _p_HtClassifier {
  PETSCHEADER(struct _HtClassifierOps);
  /* parameters */
  PetscReal tol; /* of the iterative types */
  PetscInt  max_it;
  PetscBool setupcalled;
  /* results */
  PetscInt                    nclasses, nfeatures, nsamples; /* of the fitted model */
  PetscInt                   *classes;                       /* the sorted distinct labels */
  HtTensor                    classestensor;                 /* the same, replicated HT_INT */
  PetscInt                    its;
  HtClassifierConvergedReason reason;
  PetscBool                   fitted;
  HtMLMonitors                monitors;
  void                       *data; /* type-specific */
};

PETSC_INTERN PetscErrorCode  HtClassifierSetClasses_Private(HtClassifier, PetscInt, const PetscInt[]);
PETSC_INTERN PetscErrorCode  HtClassifierReplicated_Private(HtClassifier, PetscInt, PetscInt, HtDType, const void *, HtTensor *);
PETSC_INTERN PetscErrorCode  HtClassifierLoadValues_Private(HtClassifier, PetscViewer, const char[], PetscInt, PetscScalar[]);
PETSC_INTERN PetscErrorCode  HtClassifierTypeRegisterAll(void);
PETSC_INTERN const HtMLClass HtClassifierClass;
