/*
   The choice of the x86-64 level of the kernels compiled per level (include/heat/private/kernelimpl.h).
*/
#include <heat/private/kernelimpl.h>

const char *const HtKernelISAs[]   = {"baseline", "avx2", "avx512", "HtKernelISA", "HT_KERNEL_ISA_", NULL};
HtKernelISA       HtKernelISAMax = HT_KERNEL_ISA_AVX512;

/* the level of the kernels to run: the highest this CPU has, at most HtKernelISAMax */
HtKernelISA HtKernelISASelect(void)
{
#if defined(HT_HAVE_X86_LEVELS)
  __builtin_cpu_init();
  if (HtKernelISAMax >= HT_KERNEL_ISA_AVX512 && __builtin_cpu_supports("x86-64-v4")) return HT_KERNEL_ISA_AVX512;
  if (HtKernelISAMax >= HT_KERNEL_ISA_AVX2 && __builtin_cpu_supports("x86-64-v3")) return HT_KERNEL_ISA_AVX2;
#endif
  return HT_KERNEL_ISA_BASELINE;
}
