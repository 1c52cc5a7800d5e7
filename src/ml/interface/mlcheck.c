/*
   The data checks of the ML classes, with one wording for all of them: the messages name what the object does (its
   description: "Clustering", ...) and its class (HtCluster, ...).
*/
#include <heat/private/mlimpl.h>

/*
   HtMLCheckDataLayout - HtMLCheckData() but for the values: for an algorithm whose results show a NaN or Inf of the
   data (sums of them) and that calls HtMLCheckData() only when its results are not finite, saving a pass
*/
PetscErrorCode HtMLCheckDataLayout(PetscObject obj, HtTensor X, PetscInt nfeatures, HtTensor *Xs)
{
  MPI_Comm        comm = PetscObjectComm(obj);
  const char     *what = obj->description;
  const PetscInt *shape;
  PetscInt        ndim, split;
  HtDType         dtype;

  PetscFunctionBegin;
  PetscCall(HtTensorGetNDim(X, &ndim));
  PetscCall(HtTensorGetSplit(X, &split));
  PetscCall(HtTensorGetDType(X, &dtype));
  PetscCall(HtTensorGetShape(X, &shape));
  PetscCheck(ndim == 2, comm, PETSC_ERR_ARG_WRONG, "%s needs a 2-d (samples, features) tensor, not a %" PetscInt_FMT "-d one", what, ndim);
  PetscCheck(dtype == HT_SCALAR, comm, PETSC_ERR_ARG_WRONG, "%s needs an HT_SCALAR tensor, not %s; convert it with HtTensorAsType()", what, HtDTypes[dtype]);
  PetscCheck(shape[1] >= 1, comm, PETSC_ERR_ARG_SIZ, "The data have no features");
  PetscCheck(nfeatures < 0 || shape[1] == nfeatures, comm, PETSC_ERR_ARG_SIZ, "The data have %" PetscInt_FMT " features but the model was fitted on %" PetscInt_FMT, shape[1], nfeatures);
  if (split == 0) {
    PetscCall(PetscObjectReference((PetscObject)X));
    *Xs = X;
  } else {
    PetscCall(PetscInfo(obj, "The data have split %" PetscInt_FMT "; redistributing them along the samples (split 0)\n", split));
    PetscCall(HtTensorResplit(X, 0, Xs));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMLCheckData - X must be a finite 2-d HT_SCALAR tensor of samples x features (with nfeatures features, unless
   nfeatures < 0); Xs is X itself (a new reference) when it is split along its samples, else X redistributed so (a
   note in -info). Collective; reads X once.
*/
PetscErrorCode HtMLCheckData(PetscObject obj, HtTensor X, PetscInt nfeatures, HtTensor *Xs)
{
  const char     *what = obj->description;
  const PetscInt *shape;
  PetscInt        bad, first;

  PetscFunctionBegin;
  PetscCall(HtMLCheckDataLayout(obj, X, nfeatures, Xs));
  PetscCall(HtTensorGetShape(X, &shape));
  PetscCall(HtTensorCountNonFinite(*Xs, &bad, &first));
  if (bad) PetscCall(HtTensorDestroy(Xs));
  PetscCheck(!bad, PetscObjectComm(obj), PETSC_ERR_FP, "The data contain %" PetscInt_FMT " NaN or Inf values (the first in sample %" PetscInt_FMT "); remove or impute them before %c%s", bad, first / shape[1], (char)(what[0] - 'A' + 'a'), what + 1);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMLCheckMoments - for the one-pass routes, which see a NaN or Inf of the data only in their sums: when one of the
   nv means or of the diagonal entries of the nv x nv scatter matrix is not finite, X (nfeatures features) is checked
   (HtMLCheckData() says where the NaN is), and finite data whose moments are not finite overflow double precision
*/
PetscErrorCode HtMLCheckMoments(PetscObject obj, HtTensor X, PetscInt nfeatures, PetscInt nv, const PetscReal mean[], const PetscReal scatter[])
{
  PetscBool finite = PETSC_TRUE;
  HtTensor  Xc;

  PetscFunctionBegin;
  for (PetscInt j = 0; j < nv; j++) finite = (PetscBool)(finite && PetscIsNormalReal(PetscAbsReal(mean[j]) + 1) && !PetscIsInfOrNanReal(scatter[j * nv + j]));
  if (finite) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtMLCheckData(obj, X, nfeatures, &Xc));
  PetscCall(HtTensorDestroy(&Xc));
  SETERRQ(PetscObjectComm(obj), PETSC_ERR_FP, "The variances of the data overflow double precision (values near 1e154 or larger); scale the data first");
}

/* an error on every rank unless the 1-d tensor v has the layout of the samples of Xs */
static PetscErrorCode HtMLCheckSameLayout(PetscObject obj, HtTensor Xs, HtTensor v, const char msg[])
{
  const PetscInt *xl, *vl;
  PetscInt        mismatch;
  HtSamples       s;

  PetscFunctionBegin;
  PetscCall(HtTensorGetLocalShape(Xs, &xl));
  PetscCall(HtTensorGetLocalShape(v, &vl));
  mismatch = vl[0] != xl[0];
  PetscCall(HtTensorGetSamples(Xs, NULL, &s));
  PetscCall(HtSamplesReduceInt(&s, HT_SAMPLES_MAX, 1, &mismatch));
  PetscCall(HtTensorRestoreSamples(Xs, NULL, &s));
  PetscCheck(!mismatch, PetscObjectComm(obj), PETSC_ERR_ARG_SIZ, "%s", msg);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMLCheckSampleWeights - w must hold one finite non-negative weight per sample of Xs (split 0), with the layout of
   Xs's samples, and a positive total
*/
PetscErrorCode HtMLCheckSampleWeights(PetscObject obj, HtTensor Xs, HtTensor w)
{
  MPI_Comm        comm = PetscObjectComm(obj);
  const PetscInt *shape, *wshape;
  PetscInt        ndim, split, bad = 0;
  HtDType         dtype;
  PetscReal       total = 0;
  HtSamples       s;

  PetscFunctionBegin;
  PetscCall(HtTensorGetNDim(w, &ndim));
  PetscCall(HtTensorGetSplit(w, &split));
  PetscCall(HtTensorGetDType(w, &dtype));
  PetscCheck(ndim == 1 && dtype == HT_SCALAR && split == 0, comm, PETSC_ERR_ARG_WRONG, "Sample weights must be a 1-d HT_SCALAR tensor split along axis 0");
  PetscCall(HtTensorGetShape(Xs, &shape));
  PetscCall(HtTensorGetShape(w, &wshape));
  PetscCheck(wshape[0] == shape[0], comm, PETSC_ERR_ARG_SIZ, "There are %" PetscInt_FMT " sample weights for %" PetscInt_FMT " samples; give one weight per sample", wshape[0], shape[0]);
  PetscCall(HtMLCheckSameLayout(obj, Xs, w, "The sample weights are distributed differently from the samples; call HtTensorSetLayout(w, local number of samples) or balance both"));
  PetscCall(HtTensorGetSamples(Xs, w, &s));
  for (PetscInt i = 0; i < s.m; i++) {
    if (!(PetscRealPart(s.w[i]) >= 0) || PetscIsInfOrNanScalar(s.w[i])) bad++;
    else total += PetscRealPart(s.w[i]);
  }
  PetscCall(HtSamplesReduceInt(&s, HT_SAMPLES_SUM, 1, &bad));
  PetscCall(HtSamplesSumReal(&s, 1, &total));
  PetscCall(HtTensorRestoreSamples(Xs, w, &s));
  PetscCheck(!bad, comm, PETSC_ERR_ARG_OUTOFRANGE, "%" PetscInt_FMT " sample weights are negative, NaN or Inf; weights must be finite and >= 0", bad);
  PetscCheck(total > 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "The sample weights are all zero");
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLCheckTarget - y must hold one value per sample of Xs, with the layout of Xs's samples */
PetscErrorCode HtMLCheckTarget(PetscObject obj, HtTensor Xs, HtTensor y)
{
  MPI_Comm        comm = PetscObjectComm(obj);
  const PetscInt *shape, *yshape;
  PetscInt        ndim, split;

  PetscFunctionBegin;
  PetscCall(HtTensorGetNDim(y, &ndim));
  PetscCall(HtTensorGetSplit(y, &split));
  PetscCall(HtTensorGetShape(Xs, &shape));
  PetscCall(HtTensorGetShape(y, &yshape));
  PetscCheck(ndim == 1 && split == 0, comm, PETSC_ERR_ARG_WRONG, "The target must be a 1-d tensor split along axis 0, not %" PetscInt_FMT "-d with split %" PetscInt_FMT, ndim, split);
  PetscCheck(yshape[0] == shape[0], comm, PETSC_ERR_ARG_SIZ, "The target has %" PetscInt_FMT " values for %" PetscInt_FMT " samples; give one value per sample", yshape[0], shape[0]);
  PetscCall(HtMLCheckSameLayout(obj, Xs, y, "The target is distributed differently from the samples; call HtTensorSetLayout(y, local number of samples) or balance both"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLCheckFitted - the error of every use of a model before it was fitted or loaded */
PetscErrorCode HtMLCheckFitted(PetscObject obj, PetscBool fitted)
{
  PetscFunctionBegin;
  PetscCheck(fitted, PetscObjectComm(obj), PETSC_ERR_ARG_WRONGSTATE, "The %c%s object has no fitted model; call %sFit() or %sLoad() first", (char)(obj->description[0] - 'A' + 'a'), obj->description + 1, obj->class_name, obj->class_name);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMLCreateSampleTensor - a tensor of dtype with one row of ncols values (ncols <= 0: one value) per sample of Xs,
   with the layout of Xs's samples: labels, scores, transformed data
*/
PetscErrorCode HtMLCreateSampleTensor(HtTensor Xs, PetscInt ncols, HtDType dtype, const char name[], HtTensor *t)
{
  const PetscInt *shape, *lshape;

  PetscFunctionBegin;
  PetscCall(HtTensorGetShape(Xs, &shape));
  PetscCall(HtTensorGetLocalShape(Xs, &lshape));
  PetscCall(HtTensorCreateWithLayout(PetscObjectComm((PetscObject)Xs), ncols > 0 ? 2 : 1, (PetscInt[]){shape[0], ncols}, 0, dtype, lshape[0], t));
  if (name) PetscCall(HtTensorSetName(*t, name));
  PetscFunctionReturn(PETSC_SUCCESS);
}
