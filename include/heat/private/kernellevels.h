/*
   Includes the kernel template HT_KERNEL_TEMPLATE once per x86-64 level (see kernelimpl.h); included by a source file
   once per template.
*/
#include <heat/private/kernelimpl.h>

#define HtPaste_(a, b) a##b
#define HtPaste(a, b)  HtPaste_(a, b)
#define HtVec          HtPaste(HtVec, HT_KERNEL_W)
#define HtVecIndex     HtPaste(HtVecIndex, HT_KERNEL_W)
#define HtVecLabel     HtPaste(HtVecLabel, HT_KERNEL_W)
#define HtVecArg       HtPaste(HtVecArg, HT_KERNEL_W)
#define HtVecIota      HtPaste(HtVecIota, HT_KERNEL_W)
#define HtVecButterfly HtPaste(HtVecButterfly, HT_KERNEL_W)

#define HT_KERNEL_W 2
#define HT_KERNEL_ATTR
#define HT_KERNEL(name) name##_Baseline
#include HT_KERNEL_TEMPLATE
#undef HT_KERNEL_W
#undef HT_KERNEL_ATTR
#undef HT_KERNEL
#if defined(HT_HAVE_X86_LEVELS)
  #define HT_KERNEL_W 4
  #define HT_KERNEL_ATTR __attribute__((target("arch=x86-64-v3")))
  #define HT_KERNEL(name) name##_AVX2
  #include HT_KERNEL_TEMPLATE
  #undef HT_KERNEL_W
  #undef HT_KERNEL_ATTR
  #undef HT_KERNEL
  #define HT_KERNEL_W 8
  #define HT_KERNEL_ATTR __attribute__((target("arch=x86-64-v4")))
  #define HT_KERNEL(name) name##_AVX512
  #include HT_KERNEL_TEMPLATE
  #undef HT_KERNEL_W
  #undef HT_KERNEL_ATTR
  #undef HT_KERNEL
#endif

#undef HtVec
#undef HtVecIndex
#undef HtVecLabel
#undef HtVecArg
#undef HtVecIota
#undef HtVecButterfly
#undef HtPaste
#undef HtPaste_
#undef HT_KERNEL_TEMPLATE
