/*
   Private data structure of HtDMD. A type's fit leaves the snapshots in a reduced form (HtDMDSetFactors_Private): an
   orthonormal basis Q (n x q, distributed) and the coordinates C0, C1 (q x p) with X0 = Q C0 Z^T and Y = Q C1 Z^T for
   some Z with orthonormal columns (never formed). The interface turns them into the model (truncated SVD of C0, the
   reduced operator, its eigenvalues, modes and amplitudes) the same way for every type.
*/
#pragma once

#include <heatdmd.h>
#include <heat/private/mlimpl.h>

PETSC_EXTERN PetscLogEvent HT_DMD_SetUp, HT_DMD_Fit, HT_DMD_Predict;

typedef struct _HtDMDOps *HtDMDOps;
struct _HtDMDOps {
  HT_ML_OPS(HtDMD);
  PetscErrorCode (*fit)(HtDMD, HtTensor);        /* X: (n, m) split 0, checked */
  PetscErrorCode (*partialfit)(HtDMD, HtTensor); /* one snapshot (n, 1) split 0, checked (streaming) */
};

struct _p_HtDMD {
  PETSCHEADER(struct _HtDMDOps);
  /* parameters */
  PetscInt  rank; /* 0: chosen by tol */
  PetscReal tol;  /* singular values below tol times the largest are dropped (rank 0) */
  PetscReal dt;   /* time between snapshots: continuous eigenvalues log(lambda) / dt */
  PetscBool setupcalled;
  /* results */
  PetscInt             n, nsnap;                         /* state values, snapshots of the model */
  PetscInt             r;                                /* rank of the model */
  HtTensor             eig, ceig, amplitudes, sv, modes; /* (r, 2), (r, 2), (r, 2), (k), (n, r, 2) split 0 */
  PetscBool            modesvalid;                       /* modes and amplitudes belong to the eigenvalues (else computed from below) */
  HtTensor             basis, x0;                        /* the factors' basis Q (n x q) and the first snapshot (n x 1), until the modes are made */
  PetscInt             q;                                /* columns of basis */
  PetscScalar         *K;                                /* q x 2r: the modes (real, imaginary parts) in the basis, column-major */
  HtDMDConvergedReason reason;
  PetscBool            fitted, loaded;
  HtMLMonitors         monitors;
  void                *data; /* type-specific */
};

PETSC_INTERN PetscErrorCode  HtDMDSetFactors_Private(HtDMD, HtTensor, HtTensor, PetscInt, PetscInt, const PetscScalar[], const PetscScalar[]);
PETSC_INTERN PetscErrorCode  HtDMDSetUpModes_Private(HtDMD);
PETSC_INTERN PetscErrorCode  HtDMDAmplitudes_Private(HtDMD, HtTensor, PetscScalar[]);
PETSC_INTERN PetscErrorCode  HtDMDSmallSVD_Private(PetscInt, PetscInt, PetscScalar[], PetscReal[], PetscScalar[], PetscScalar[]);
PETSC_INTERN PetscErrorCode  HtDMDSmallQR_Private(PetscInt, PetscInt, PetscScalar[], PetscScalar[]);
PETSC_INTERN PetscErrorCode  HtDMDGemm_Private(const char[], const char[], PetscInt, PetscInt, PetscInt, const PetscScalar[], PetscInt, const PetscScalar[], PetscInt, PetscScalar[]);
PETSC_INTERN PetscErrorCode  HtDMDTypeRegisterAll(void);
PETSC_INTERN const HtMLClass HtDMDClass;
