/*
   Helpers shared by the benchmark programs: timing, table rows, memory readings, machine bounds.
*/
#pragma once

#include <heat.h>
#include <petscblaslapack.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef PetscErrorCode (*BenchBody)(void *);

/* best-of-R wall time of a collective body, max over ranks */
static inline PetscErrorCode BenchTime(BenchBody body, void *ctx, PetscInt reps, PetscLogDouble *best)
{
  PetscFunctionBeginUser;
  *best = PETSC_MAX_REAL;
  for (PetscInt r = 0; r < reps; r++) {
    PetscLogDouble t0, t1, dt;

    PetscCallMPI(MPI_Barrier(PETSC_COMM_WORLD));
    PetscCall(PetscTime(&t0));
    PetscCall((*body)(ctx));
    PetscCall(PetscTime(&t1));
    dt = t1 - t0;
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &dt, 1, MPI_DOUBLE, MPI_MAX, PETSC_COMM_WORLD));
    *best = PetscMin(*best, dt);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

static inline PetscErrorCode BenchRow(const char name[], PetscLogDouble t, double rate, const char unit[], double bound)
{
  PetscFunctionBeginUser;
  if (bound > 0) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-40s %10.4f s %10.2f %-7s %5.0f%% of %.2f %s\n", name, t, rate, unit, 100 * rate / bound, bound, unit));
  else PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%-40s %10.4f s %10.2f %-7s\n", name, t, rate, unit));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a field of /proc/self/status in bytes (VmRSS: resident now, VmHWM: peak since the last reset) */
static inline double BenchProcStatusBytes(const char field[])
{
  char   line[256];
  double kb = 0;
  FILE  *f  = fopen("/proc/self/status", "r");

  while (f && fgets(line, sizeof(line), f))
    if (!strncmp(line, field, strlen(field))) kb = atof(line + strlen(field) + 1);
  if (f) fclose(f);
  return 1024.0 * kb;
}

/* resets VmHWM to the current resident size (Linux) */
static inline void BenchResetPeak(void)
{
  FILE *f = fopen("/proc/self/clear_refs", "w");

  if (f) {
    fputs("5", f);
    fclose(f);
  }
}

typedef struct {
  PetscInt   n;
  PetscReal *a, *b, *c, sum;
} BenchStream;

static inline PetscErrorCode BenchStreamTriad(void *ctx)
{
  BenchStream *s = (BenchStream *)ctx;

  PetscFunctionBeginUser;
  for (PetscInt i = 0; i < s->n; i++) s->a[i] = s->b[i] + 3.0 * s->c[i];
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* a read-only pass in 8 independent partial sums, so that it is bound by memory, not by the latency of one addition */
static inline PetscErrorCode BenchStreamSum(void *ctx)
{
  BenchStream *s      = (BenchStream *)ctx;
  PetscReal    sum[8] = {0};

  PetscFunctionBeginUser;
  for (PetscInt i = 0; i + 8 <= s->n; i += 8)
    for (PetscInt l = 0; l < 8; l++) sum[l] += s->b[i + l];
  for (PetscInt l = 0; l < 8; l++) s->sum += sum[l];
  PetscFunctionReturn(PETSC_SUCCESS);
}

typedef struct {
  PetscBLASInt n;
  PetscScalar *A, *B, *C;
} BenchGemm;

static inline PetscErrorCode BenchGemmRun(void *ctx)
{
  BenchGemm  *g   = (BenchGemm *)ctx;
  PetscScalar one = 1, zero = 0;

  PetscFunctionBeginUser;
  PetscCallBLAS("BLASgemm", BLASgemm_("N", "N", &g->n, &g->n, &g->n, &one, g->A, &g->n, g->B, &g->n, &zero, g->C, &g->n));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the machine bounds, all ranks at once: triad and read-only bandwidth (GB/s) and DGEMM rate (GFlop/s) */
static inline PetscErrorCode BenchMachine(PetscInt streamn, PetscInt reps, double *triad, double *readbw, double *gflops)
{
  BenchStream    s;
  BenchGemm      g;
  PetscLogDouble t;
  PetscMPIInt    size;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  s.n   = streamn;
  s.sum = 0;
  PetscCall(PetscMalloc3(s.n, &s.a, s.n, &s.b, s.n, &s.c));
  for (PetscInt i = 0; i < s.n; i++) {
    s.a[i] = 0;
    s.b[i] = 1;
    s.c[i] = 2;
  }
  PetscCall(BenchTime(BenchStreamTriad, &s, reps + 2, &t));
  *triad = 3.0 * 8 * s.n * size / t / 1e9;
  PetscCall(BenchRow("memory bandwidth: triad", t, *triad, "GB/s", 0));
  PetscCall(BenchTime(BenchStreamSum, &s, reps + 2, &t));
  *readbw = 8.0 * s.n * size / t / 1e9;
  PetscCall(BenchRow("memory bandwidth: read-only sum", t, *readbw, "GB/s", 0));
  PetscCall(PetscFree3(s.a, s.b, s.c));
  g.n = 1000;
  PetscCall(PetscMalloc3(g.n * g.n, &g.A, g.n * g.n, &g.B, g.n * g.n, &g.C));
  for (PetscInt i = 0; i < g.n * g.n; i++) g.A[i] = g.B[i] = 1.0 / (1 + i % 7);
  PetscCall(BenchTime(BenchGemmRun, &g, reps, &t));
  *gflops = 2.0 * size / t;
  PetscCall(BenchRow("BLAS DGEMM 1000^3 per rank", t, *gflops, "GFlop/s", 0));
  PetscCall(PetscFree3(g.A, g.B, g.C));
  PetscFunctionReturn(PETSC_SUCCESS);
}
