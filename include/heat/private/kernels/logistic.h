/*
   The logistic pass (src/tensor/impls/host/hostsamples.c), a template included there once per x86-64 level
   (include/heat/private/kernellevels.h) after explog.h: chunks of HT_LOGISTIC_L1_ROWS rows go from the scores X W^T
   through the softmax and the log-loss to the gradient D^T [X, 1] while they are in the first-level cache, so that X
   is read from memory once and nothing of size rows x classes is formed; within a chunk, blocks of HT_KERNEL_W rows,
   one row in each lane of a vector. A row's values are computed by the same instructions wherever the row sits (in
   its lane of a block, in a padded last block), so they do not depend on the number of ranks.
*/

/* the sum of the lanes of v, pairwise in a fixed order */
HT_KERNEL_ATTR static inline PetscReal HT_KERNEL(HtVecLaneSum)(HtVec v)
{
  PetscReal s[HT_KERNEL_W];

  __builtin_memcpy(s, &v, sizeof(v));
  for (PetscInt w = HT_KERNEL_W / 2; w >= 1; w /= 2)
    for (PetscInt l = 0; l < w; l++) s[l] += s[l + w];
  return s[0];
}

/*
   z[c] (C vectors, lane r for row r) = x_r . w_c + b_c for the HT_KERNEL_W rows xr (f values each) and the rows w_c of
   W (C x f, then b): each dot product in HT_KERNEL_W partial sums over the steps of features, added pairwise by a
   butterfly over the rows (HtVecButterfly, the order of HtVecLaneSum), plus the features past the last step in a
   scalar sum
*/
HT_KERNEL_ATTR static inline void HT_KERNEL(HtLogisticBlockScores)(PetscInt f, const PetscScalar *PETSC_RESTRICT xr, PetscInt C, const PetscScalar *PETSC_RESTRICT wb, PetscReal *PETSC_RESTRICT z)
{
  enum {
    R = HT_KERNEL_W
  };
  const PetscInt j0 = f - f % HT_KERNEL_W;

  for (PetscInt c = 0; c < C; c++) {
    const PetscScalar *wc = wb + c * f;
    HtVec              acc[R], s, xv, wv;

    HT_UNROLL_ROWS
    for (PetscInt r = 0; r < R; r++) acc[r] = (HtVec){0};
    for (PetscInt j = 0; j < j0; j += HT_KERNEL_W) {
      __builtin_memcpy(&wv, wc + j, sizeof(wv));
      HT_UNROLL_ROWS
      for (PetscInt r = 0; r < R; r++) {
        __builtin_memcpy(&xv, xr + r * f + j, sizeof(xv));
        acc[r] += xv * wv;
      }
    }
    HtVecButterfly(HtVec, HtVecFoldSum, HtVecPermute, acc, s);
    if (j0 < f) { /* lane by lane, not through an array in memory: a vector load of scalar stores is not forwarded */
      HtVec tv;

      for (PetscInt r = 0; r < R; r++) {
        PetscReal t = 0;

        for (PetscInt j = j0; j < f; j++) t += PetscRealPart(xr[r * f + j] * wc[j]);
        tv[r] = t;
      }
      s = s + tv;
    }
    s = s + PetscRealPart(wb[C * f + c]);
    __builtin_memcpy(z + c * R, &s, sizeof(s));
  }
}

/*
   grad (C x f) += D^T X for the m rows x (f values each, m a multiple of HT_KERNEL_W) of a chunk and its D^T (per block,
   C vectors d, lane r for row r): HT_LOGISTIC_GRAD_VECS vectors of a row of grad at a time, each summed through the
   chunk in registers in two parts, the even and the odd rows, added to grad at the end: twice as many independent
   chains of multiply-adds as vectors, and no read-modify-write of grad per block (whose chains through memory were
   as slow); the vectors of a last group past the end of the row repeat its last vector and are not stored
*/
HT_KERNEL_ATTR static inline void HT_KERNEL(HtLogisticChunkGradient)(PetscInt m, PetscInt f, const PetscScalar *PETSC_RESTRICT x, PetscInt C, const PetscReal *PETSC_RESTRICT d, PetscScalar *PETSC_RESTRICT grad)
{
  enum {
    R = HT_KERNEL_W,
    G = HT_LOGISTIC_GRAD_VECS
  };
  const PetscInt j0 = f - f % HT_KERNEL_W;

  for (PetscInt c = 0; c < C; c++) {
    PetscScalar *PETSC_RESTRICT gc = grad + c * f;

    for (PetscInt j = 0; j < j0; j += G * R) {
      HtVec    ge[G], go[G], xv, t;
      PetscInt jk[G];

      for (PetscInt k = 0; k < G; k++) {
        jk[k] = PetscMin(j + k * R, j0 - R);
        ge[k] = go[k] = (HtVec){0};
      }
      for (PetscInt i = 0; i < m; i += 2) {
        const PetscScalar *xi = x + (size_t)i * f;
        const PetscReal   *di = d + i / R * R * C + c * R + i % R;

        for (PetscInt k = 0; k < G; k++) {
          __builtin_memcpy(&xv, xi + jk[k], sizeof(xv));
          ge[k] += di[0] * xv;
          __builtin_memcpy(&xv, xi + f + jk[k], sizeof(xv));
          go[k] += di[1] * xv;
        }
      }
      for (PetscInt k = 0; k < G && j + k * R < j0; k++) {
        __builtin_memcpy(&t, gc + jk[k], sizeof(t));
        t += ge[k] + go[k];
        __builtin_memcpy(gc + jk[k], &t, sizeof(t));
      }
    }
    for (PetscInt j = j0; j < f; j++)
      for (PetscInt i = 0; i < m; i++) gc[j] += d[i / R * R * C + c * R + i % R] * x[(size_t)i * f + j];
  }
}

/*
   the rows [0, m) of x (m a multiple of HT_KERNEL_W, at most HT_LOGISTIC_L1_ROWS) with classes y, of which the first
   `valid` count (the others are padding and add nothing), while they are in the first-level cache (copied block by
   block to xbuf, aligned to a vector, when it is not NULL; else read where they are): their scores, the
   softmax (shifted by the row's maximum; exponentials and logarithms by HtVecExp() and HtVecLog()), the log-losses
   log sum_c exp(z_c) - z_y added to *loss lane by lane, prob (valid x C, or NULL) the probabilities, and D = P - Y
   added to the gradient: grad (C x f) += D^T X (HtLogisticChunkGradient()), and to dsum (C vectors) lane by lane. The
   steps between are loops over the blocks, whose iterations are independent: the long chains of dependent operations
   of one block (the exponentials, the logarithm) overlap those of the next. The maxima and the exponentials share a
   loop; the logarithm has its own (in that loop too, its chain overlapped less: 5% slower). Each of these three loops
   prefetches its share of the rows ahead at *ahead, a third of a block per block (HtPrefetchStep()): all in the
   scores' loop, the reads came in bursts that the rest of the chunk did not overlap (a pass of 10^6 x 32, 3 classes:
   10.3-11.9 -> 7.0-8.6 ms; a share in the gradient's loop as well gained nothing). z (C m), mx and zy (m each): the
   blocks' scores, maxima and the scores of their classes.
*/
HT_KERNEL_ATTR static inline void HT_KERNEL(HtLogisticChunk)(PetscInt m, PetscInt valid, PetscInt f, const PetscScalar *PETSC_RESTRICT x, PetscScalar *PETSC_RESTRICT xbuf, const PetscInt *PETSC_RESTRICT y, PetscInt C, const PetscScalar *PETSC_RESTRICT wb, PetscReal *PETSC_RESTRICT z, PetscReal *PETSC_RESTRICT mx, PetscReal *PETSC_RESTRICT zy, PetscScalar *PETSC_RESTRICT prob, PetscScalar *PETSC_RESTRICT grad, PetscReal *PETSC_RESTRICT dsum, HtVec *loss, const char **ahead)
{
  enum {
    R = HT_KERNEL_W
  };
  const size_t       step = (R * f * sizeof(PetscScalar) + 2) / 3;
  const HtVec        zero = {0}, one = zero + 1;
  const PetscScalar *xc = xbuf ? xbuf : x;
  HtVec              v, mxv, zyv, sum, d;
  HtVecIndex         yv, live;

  for (PetscInt i0 = 0; i0 < m; i0 += R) {
    const PetscScalar *xr = x + (size_t)i0 * f;

    HtPrefetchStep(ahead, step);
    if (xbuf) __builtin_memcpy(xbuf + (size_t)i0 * f, xr, R * f * sizeof(PetscScalar));
    HT_KERNEL(HtLogisticBlockScores)(f, xc + (size_t)i0 * f, C, wb, z + i0 * C);
  }
  for (PetscInt i0 = 0; i0 < m; i0 += R) {
    HtPrefetchStep(ahead, step);
    mxv = zero - HUGE_VAL; /* PETSC_NINFINITY is finite */
    zyv = zero;
    for (PetscInt r = 0; r < R; r++) yv[r] = y[i0 + r];
    for (PetscInt c = 0; c < C; c++) {
      __builtin_memcpy(&v, z + i0 * C + c * R, sizeof(v));
      mxv = HtVecSelect((HtVecIndex)(mxv < v), v, mxv);
      zyv = HtVecSelect((HtVecIndex)(yv == (HtLaneInt)c), v, zyv);
    }
    __builtin_memcpy(mx + i0, &mxv, sizeof(mxv));
    __builtin_memcpy(zy + i0, &zyv, sizeof(zyv));
    for (PetscInt c = 0; c < C; c++) {
      __builtin_memcpy(&v, z + i0 * C + c * R, sizeof(v));
      v = HT_KERNEL(HtVecExp)(v - mxv);
      __builtin_memcpy(z + i0 * C + c * R, &v, sizeof(v));
    }
  }
  for (PetscInt i0 = 0; i0 < m; i0 += R) {
    HtPrefetchStep(ahead, step);
    sum  = zero;
    live = (HtVecIndex)(HtVecIota < (HtLaneInt)(valid - i0));
    for (PetscInt r = 0; r < R; r++) yv[r] = y[i0 + r];
    for (PetscInt c = 0; c < C; c++) {
      __builtin_memcpy(&v, z + i0 * C + c * R, sizeof(v));
      sum += v;
    }
    __builtin_memcpy(&mxv, mx + i0, sizeof(mxv));
    __builtin_memcpy(&zyv, zy + i0, sizeof(zyv));
    *loss += HtVecSelect(live, (HT_KERNEL(HtVecLog)(sum) + mxv) - zyv, zero);
    for (PetscInt c = 0; c < C; c++) {
      __builtin_memcpy(&v, z + i0 * C + c * R, sizeof(v));
      v = v / sum;
      if (prob)
        for (PetscInt r = 0; r < PetscMin(R, valid - i0); r++) prob[(i0 + r) * C + c] = v[r];
      d = HtVecSelect(live, v - HtVecSelect((HtVecIndex)(yv == (HtLaneInt)c), one, zero), zero);
      __builtin_memcpy(z + i0 * C + c * R, &d, sizeof(d));
      __builtin_memcpy(&v, dsum + c * R, sizeof(v));
      v += d;
      __builtin_memcpy(dsum + c * R, &v, sizeof(v));
    }
  }
  HT_KERNEL(HtLogisticChunkGradient)(m, f, xc, C, z, grad);
}

/*
   acc (C x f, then C, then 1) += D^T [X, 1] and the sum of the log-losses of the rows [0, valid) of x (m x f, m a
   multiple of HT_KERNEL_W; the rows past valid are zero padding) with classes y, at the coefficients wb (W, C x f, then
   b); prob (valid x C, or NULL) = their probabilities; in chunks of HT_LOGISTIC_L1_ROWS rows (HtLogisticChunk()).
   When x is not aligned to a vector (a tensor's own block is, HT_ARRAY_ALIGN; a simulation's Vec or a user's array
   need not be: PETSc aligns to 16 bytes), each chunk is copied to an aligned buffer in work first: every vector of x
   would otherwise straddle two cache lines in each of the 2 C reads of the scores and the gradient, and the copy's one
   read is cheaper (about a fifth of the pass at AVX-512, rows of 32 features). work: (C + 2 + f) HT_LOGISTIC_L1_ROWS +
   (C + 1) HT_KERNEL_W reals.
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtLogisticKernel)(PetscInt m, PetscInt valid, PetscInt f, const PetscScalar *PETSC_RESTRICT x, const PetscInt *PETSC_RESTRICT y, PetscInt C, const PetscScalar *PETSC_RESTRICT wb, PetscScalar *PETSC_RESTRICT prob, PetscReal *PETSC_RESTRICT work, PetscScalar *PETSC_RESTRICT acc)
{
  enum {
    R = HT_KERNEL_W,
    L = HT_LOGISTIC_L1_ROWS
  };
  PetscReal   *z = work, *mx = z + C * L, *zy = mx + L, *dsum = zy + L;
  PetscScalar *xbuf = (uintptr_t)x % sizeof(HtVec) ? (PetscScalar *)((uintptr_t)(dsum + C * R + R) / sizeof(HtVec) * sizeof(HtVec)) : NULL;
  HtVec        loss = {0}, ds;
  const char  *ahead = (const char *)(x + HT_LOGISTIC_PREFETCH * R * f);
  _Static_assert(HT_LOGISTIC_ROWS % R == 0 && L % HT_LOGISTIC_ROWS == 0, "blocks of rows divide the padding, which divides the chunks");

  for (PetscInt q = 0; q < C * R; q++) dsum[q] = 0;
  for (PetscInt i0 = 0; i0 < m; i0 += L) HT_KERNEL(HtLogisticChunk)(PetscMin(L, m - i0), valid - i0, f, x + (size_t)i0 * f, xbuf, y + i0, C, wb, z, mx, zy, prob ? prob + (size_t)i0 * C : NULL, acc, dsum, &loss, &ahead);
  for (PetscInt c = 0; c < C; c++) {
    __builtin_memcpy(&ds, dsum + c * R, sizeof(ds));
    acc[C * f + c] += HT_KERNEL(HtVecLaneSum)(ds);
  }
  acc[C * f + C] += HT_KERNEL(HtVecLaneSum)(loss);
}

/*
   the rows of z (m x C) plus b become their softmax: shifted by their maxima, exponentiated and normalized, the
   exponentials in vectors (HtExpKernel, explog.h)
*/
HT_KERNEL_ATTR static void HT_KERNEL(HtSoftmaxRowsKernel)(PetscInt m, PetscInt C, const PetscScalar *PETSC_RESTRICT b, PetscScalar *PETSC_RESTRICT z)
{
  for (PetscInt i = 0; i < m; i++) {
    PetscScalar *zi = z + i * C;
    PetscReal    mx = -HUGE_VAL; /* PETSC_NINFINITY is finite */

    for (PetscInt c = 0; c < C; c++) {
      zi[c] += b[c];
      mx = PetscMax(mx, PetscRealPart(zi[c]));
    }
    for (PetscInt c = 0; c < C; c++) zi[c] -= mx;
  }
  HT_KERNEL(HtExpKernel)(m * C, (PetscReal *)z);
  for (PetscInt i = 0; i < m; i++) {
    PetscScalar *zi  = z + i * C;
    PetscReal    sum = 0;

    for (PetscInt c = 0; c < C; c++) sum += PetscRealPart(zi[c]);
    for (PetscInt c = 0; c < C; c++) zi[c] /= sum;
  }
}
