/*
   The object part that every ML class shares: creation, type selection, set-up, reset, destruction, the options that
   every class has, the viewer dispatch, the frame of Load, and the monitors. A class describes itself once in an
   HtMLClass (clusterbasic.c: HtClusterClass), and its public routines call these with it.
*/
#include <heat/private/mlimpl.h>
#include <heat/private/heatimpl.h>

/* the object's field at offset off */
#define HtMLField(obj, off, T) ((T *)((char *)(obj) + (off)))

static HtMLMonitors *HtMLObjectMonitors(const HtMLClass *cls, PetscObject obj)
{
  return cls->monitors ? HtMLField(obj, cls->monitors, HtMLMonitors) : NULL;
}

/* HtMLObjectCreate - a new object of the class, its package initialized, its fields zero (no type) */
PetscErrorCode HtMLObjectCreate(const HtMLClass *cls, MPI_Comm comm, PetscObject *obj)
{
  PetscObject o;

  PetscFunctionBegin;
  PetscCall((*cls->initialize)());
  PetscCall(PetscCalloc(cls->size, &o));
  PetscCall(PetscHeaderCreate_Private(o, *cls->classid, cls->name, cls->descr, cls->name, comm, cls->destroy, cls->view));
  PetscCall(PetscLogObjectCreate(o));
  *obj = o;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMLObjectSetType - the registered type `type` (unknown: an error naming the registered ones); a new type starts
   from its creation routine, without a fitted model; the same type again changes nothing
*/
PetscErrorCode HtMLObjectSetType(const HtMLClass *cls, PetscObject obj, const char type[])
{
  HtMLObject ml = (HtMLObject)obj;
  PetscErrorCode (*create)(PetscObject);
  PetscBool same;

  PetscFunctionBegin;
  PetscValidCharPointer(type, 2);
  PetscCall(PetscObjectTypeCompare(obj, type, &same));
  if (same) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HeatFunctionListFindCreate(obj, *cls->types, type, (PetscVoidFunction *)&create));
  PetscCall(HtMLObjectReset(cls, obj));
  PetscTryTypeMethod(ml, destroy);
  PetscCall(PetscMemzero(ml->ops, cls->opssize));
  *HtMLField(obj, cls->data, void *)           = NULL;
  *HtMLField(obj, cls->setupcalled, PetscBool) = PETSC_FALSE;
  if (cls->cleartype) PetscCall((*cls->cleartype)(obj));
  PetscCall(PetscObjectChangeTypeName(obj, type));
  PetscCall((*create)(obj));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLObjectSetUp - the default type if none is set, then the type's setup op, once */
PetscErrorCode HtMLObjectSetUp(const HtMLClass *cls, PetscObject obj)
{
  HtMLObject ml          = (HtMLObject)obj;
  PetscBool *setupcalled = HtMLField(obj, cls->setupcalled, PetscBool);

  PetscFunctionBegin;
  if (*setupcalled) PetscFunctionReturn(PETSC_SUCCESS);
  if (!obj->type_name) PetscCall(HtMLObjectSetType(cls, obj, cls->deftype));
  if (cls->setupevent) PetscCall(PetscLogEventBegin(*cls->setupevent, obj, 0, 0, 0));
  PetscTryTypeMethod(ml, setup);
  if (cls->setupevent) PetscCall(PetscLogEventEnd(*cls->setupevent, obj, 0, 0, 0));
  *setupcalled = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLObjectReset - frees the fitted model (the type's, then the class's); the parameters stay */
PetscErrorCode HtMLObjectReset(const HtMLClass *cls, PetscObject obj)
{
  HtMLObject ml = (HtMLObject)obj;

  PetscFunctionBegin;
  PetscTryTypeMethod(ml, reset);
  PetscCall((*cls->reset)(obj));
  *HtMLField(obj, cls->fitted, PetscBool)      = PETSC_FALSE;
  *HtMLField(obj, cls->setupcalled, PetscBool) = PETSC_FALSE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLObjectDestroy - drops a reference; the last one frees the model, the type, the monitors and the object */
PetscErrorCode HtMLObjectDestroy(const HtMLClass *cls, PetscObject *obj)
{
  HtMLObject    ml;
  HtMLMonitors *mon;

  PetscFunctionBegin;
  if (!*obj) PetscFunctionReturn(PETSC_SUCCESS);
  PetscValidHeaderSpecific(*obj, *cls->classid, 1);
  if (--(*obj)->refct > 0) {
    *obj = NULL;
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  ml = (HtMLObject)*obj;
  PetscCall(HtMLObjectReset(cls, *obj));
  PetscTryTypeMethod(ml, destroy);
  if ((mon = HtMLObjectMonitors(cls, *obj))) PetscCall(HtMLMonitorsCancel(mon));
  if (cls->destroyclass) PetscCall((*cls->destroyclass)(*obj));
  PetscCall(PetscHeaderDestroy(obj));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMLObjectSetParameter - a parameter (size bytes at param, a field of the object or of its type's data) takes the
   given value; a change discards the fitted model, which depends on the parameters
*/
PetscErrorCode HtMLObjectSetParameter(const HtMLClass *cls, PetscObject obj, void *param, const void *value, size_t size)
{
  PetscBool same;

  PetscFunctionBegin;
  PetscCall(PetscMemcmp(param, value, size, &same));
  if (same) PetscFunctionReturn(PETSC_SUCCESS);
  PetscCall(HtMLObjectReset(cls, obj));
  PetscCall(PetscMemcpy(param, value, size));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLObjectOptionsType - first in the object's options block: -<key>_type (the default type when none is set yet) */
PetscErrorCode HtMLObjectOptionsType(const HtMLClass *cls, PetscObject obj, PetscOptionItems *PetscOptionsObject)
{
  char      type[256], opt[64], man[64];
  PetscBool set;

  PetscFunctionBegin;
  PetscCall(PetscSNPrintf(opt, sizeof(opt), "-%s_type", cls->key));
  PetscCall(PetscSNPrintf(man, sizeof(man), "%sSetType", cls->name));
  PetscCall(PetscOptionsFList(opt, cls->typehelp, man, *cls->types, obj->type_name ? obj->type_name : cls->deftype, type, sizeof(type), &set));
  if (set || !obj->type_name) PetscCall(HtMLObjectSetType(cls, obj, set ? type : cls->deftype));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMLObjectOptionsEnd - last in the object's options block: -<key>_monitor[_cancel], -<key>_view,
   -<key>_converged_reason (as the class has them), the type's options and the options handlers
*/
PetscErrorCode HtMLObjectOptionsEnd(const HtMLClass *cls, PetscObject obj, PetscOptionItems *PetscOptionsObject)
{
  HtMLObject    ml  = (HtMLObject)obj;
  HtMLMonitors *mon = HtMLObjectMonitors(cls, obj);
  char          opt[64], man[64];

  PetscFunctionBegin;
  if (mon) {
    PetscCall(PetscSNPrintf(opt, sizeof(opt), "-%s_monitor", cls->key));
    PetscCall(HtMLMonitorsSetFromOptions(obj, PetscOptionsObject, mon, opt, cls->monitordefault, cls->monitordrawlg));
  }
  PetscCall(PetscSNPrintf(opt, sizeof(opt), "-%s_view", cls->key));
  PetscCall(PetscSNPrintf(man, sizeof(man), "%sView", cls->name));
  PetscCall(PetscOptionsName(opt, "View the object after the fit", man, NULL));
  if (cls->reasonhelp) {
    PetscCall(PetscSNPrintf(opt, sizeof(opt), "-%s_converged_reason", cls->key));
    PetscCall(PetscSNPrintf(man, sizeof(man), "%sConvergedReasonView", cls->name));
    PetscCall(PetscOptionsName(opt, cls->reasonhelp, man, NULL));
  }
  PetscTryTypeMethod(ml, setfromoptions, PetscOptionsObject);
  PetscCall(PetscObjectProcessOptionsHandlers(obj, PetscOptionsObject));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtMLObjectView - ascii(obj, viewer) inside "<Class> Object: (prefix) <type>" and a tab on an ASCII viewer (NULL:
   standard output); on an HDF5 viewer the fitted model: the attributes heat_class and heat_type, then model(obj, viewer)
*/
PetscErrorCode HtMLObjectView(const HtMLClass *cls, PetscObject obj, PetscViewer viewer, PetscErrorCode (*ascii)(PetscObject, PetscViewer), PetscErrorCode (*model)(PetscObject, PetscViewer))
{
  PetscBool isascii, ishdf5;

  PetscFunctionBegin;
  if (!viewer) PetscCall(PetscViewerASCIIGetStdout(PetscObjectComm(obj), &viewer));
  PetscValidHeaderSpecific(viewer, PETSC_VIEWER_CLASSID, 2);
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERASCII, &isascii));
  PetscCall(HtMLViewerIsModelFile(obj, viewer, &ishdf5));
  if (isascii) {
    PetscCall(PetscObjectPrintClassNamePrefixType(obj, viewer));
    PetscCall(PetscViewerASCIIPushTab(viewer));
    PetscCall((*ascii)(obj, viewer));
    PetscCall(PetscViewerASCIIPopTab(viewer));
  } else if (ishdf5) {
    PetscCall(HtMLCheckFitted(obj, *HtMLField(obj, cls->fitted, PetscBool)));
    PetscCall(HtMLModelSaveBegin(obj, viewer));
    PetscCall((*model)(obj, viewer));
  } else SETERRQ(PetscObjectComm(obj), PETSC_ERR_SUP, "%sView() supports ASCII and HDF5 viewers (and draw where the class plots), not %s", cls->name, ((PetscObject)viewer)->type_name);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLObjectLoadBegin - checks that the viewer's current group holds a model of the class and sets its type */
PetscErrorCode HtMLObjectLoadBegin(const HtMLClass *cls, PetscObject obj, PetscViewer viewer)
{
  char *type;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(viewer, PETSC_VIEWER_CLASSID, 2);
  PetscCall(HtMLModelLoadBegin(obj, viewer, &type));
  PetscCall(HtMLObjectSetType(cls, obj, type));
  PetscCall(PetscFree(type));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLObjectLoadEnd - the loaded model is fitted and set up */
PetscErrorCode HtMLObjectLoadEnd(const HtMLClass *cls, PetscObject obj)
{
  PetscFunctionBegin;
  *HtMLField(obj, cls->fitted, PetscBool)      = PETSC_TRUE;
  *HtMLField(obj, cls->setupcalled, PetscBool) = PETSC_TRUE;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLObjectMonitorSet - adds a monitor of the class's monitor type (passed as a generic pointer) */
PetscErrorCode HtMLObjectMonitorSet(const HtMLClass *cls, PetscObject obj, PetscVoidFunction monitor, void *ctx, PetscErrorCode (*destroy)(void **))
{
  PetscFunctionBegin;
  PetscCall(HtMLMonitorsAdd(obj, HtMLObjectMonitors(cls, obj), monitor, ctx, destroy));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLObjectMonitorCancel - removes every monitor */
PetscErrorCode HtMLObjectMonitorCancel(const HtMLClass *cls, PetscObject obj)
{
  PetscFunctionBegin;
  PetscCall(HtMLMonitorsCancel(HtMLObjectMonitors(cls, obj)));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLObjectMonitor - calls every monitor with (obj, it, objective, change, ctx): each class's monitor type has this shape */
PetscErrorCode HtMLObjectMonitor(const HtMLClass *cls, PetscObject obj, PetscInt it, PetscReal objective, PetscReal change)
{
  HtMLMonitors *mon = HtMLObjectMonitors(cls, obj);

  PetscFunctionBegin;
  for (PetscInt i = 0; i < mon->n; i++) PetscCall((*(PetscErrorCode(*)(PetscObject, PetscInt, PetscReal, PetscReal, void *))mon->fn[i])(obj, it, objective, change, mon->ctx[i]));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLObjectMonitorDefault - the class's default monitor: one line per iteration with its objective and change */
PetscErrorCode HtMLObjectMonitorDefault(const HtMLClass *cls, PetscObject obj, PetscInt it, PetscReal objective, PetscReal change, PetscViewerAndFormat *vf)
{
  PetscFunctionBegin;
  PetscCall(HtMLMonitorPrint(obj, &cls->monitornames, it, objective, change, vf));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* HtMLObjectMonitorDrawLG - the class's line-graph monitor: its objective against the iteration */
PetscErrorCode HtMLObjectMonitorDrawLG(const HtMLClass *cls, PetscObject obj, PetscInt it, PetscReal objective, PetscViewerAndFormat *vf)
{
  PetscFunctionBegin;
  PetscCall(HtMLMonitorDrawLG(obj, &cls->monitornames, it, objective, vf));
  PetscFunctionReturn(PETSC_SUCCESS);
}
