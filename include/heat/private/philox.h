/*
   Philox4x32-10 counter-based random numbers (Salmon et al., SC'11).

   The output depends only on (key, counter): Heat keys it by the seed and
   counts by the flat global element index, so a random tensor is the same on
   any number of ranks and on any back end. Header-only so that host and CUDA
   kernels share one definition.
*/
#pragma once

#include <stdint.h>
#include <math.h>

#if defined(__CUDACC__)
  #define HT_HOSTDEVICE __host__ __device__ static inline
#else
  #define HT_HOSTDEVICE static inline
#endif

typedef struct {
  uint32_t v[4];
} HtPhilox4x32;

/*
   Every random stream of the library, so that no two uses draw the same numbers and a new use can take a free one.
   A draw is HtPhilox(key, index, stream): the key is the user's seed, the index a global index (of an element, a
   sample, a draw); the stream is either the counter's third word (HtPhilox(seed, i, HT_STREAM_...)) or, for the
   k-means initializations, folded into the key's top byte (HtPhiloxStreamKey(seed, HT_STREAM_...) with stream 0).
   Changing a number changes every result drawn from it.
*/
enum {
  HT_STREAM_UNIFORM          = 0,     /* counter: uniform tensors (HtTensorRand, HtTensorRandomUniform, ...) */
  HT_STREAM_NORMAL           = 1,     /* counter: normal tensors (HtTensorRandn, HtTensorRandomNormal) */
  HT_STREAM_KMEANS_FIRST     = 2,     /* counter: the first center of k-means++ and k-means|| */
  HT_STREAM_KMEANSPP_TRIALS  = 3,     /* key: the candidates of greedy k-means++, indexed by center and trial */
  HT_STREAM_KMEANS_RANDOM    = 4,     /* key: the random initialization, indexed by sample */
  HT_STREAM_KMEANSPAR_ROUNDS = 16,    /* key: k-means|| round r uses 16 + r (4 rounds: 16 to 19), indexed by sample */
  HT_STREAM_SPECTRAL_START   = 32,    /* counter: the spectral eigensolver's initial vector, indexed by sample */
  HT_STREAM_PCA_SKETCH       = 48,    /* counter: the randomized PCA's Gaussian test matrix, indexed by feature * columns + column */
  HT_STREAM_SCATTER_SUBSAMPLE = 64,   /* counter: the point a scatter plot of many points draws from each block of rows, indexed by block */
  HT_STREAM_BATCHKMEANS      = 0x100u /* counter: batchkmeans seeds, 0x100 + level (0: the batches, 1, 2, ...: merge levels) */
};

HT_HOSTDEVICE void HtPhiloxMulHiLo(uint32_t a, uint32_t b, uint32_t *hi, uint32_t *lo)
{
  uint64_t p = (uint64_t)a * (uint64_t)b;
  *hi        = (uint32_t)(p >> 32);
  *lo        = (uint32_t)p;
}

/* ten rounds of Philox4x32 on counter (index, stream) with key = seed */
HT_HOSTDEVICE HtPhilox4x32 HtPhilox(uint64_t seed, uint64_t index, uint32_t stream)
{
  HtPhilox4x32 c;
  uint32_t     k0 = (uint32_t)seed, k1 = (uint32_t)(seed >> 32);

  c.v[0] = (uint32_t)index;
  c.v[1] = (uint32_t)(index >> 32);
  c.v[2] = stream;
  c.v[3] = 0;
  for (int r = 0; r < 10; r++) {
    uint32_t hi0, lo0, hi1, lo1;

    HtPhiloxMulHiLo(0xD2511F53u, c.v[0], &hi0, &lo0);
    HtPhiloxMulHiLo(0xCD9E8D57u, c.v[2], &hi1, &lo1);
    c.v[0] = hi1 ^ c.v[1] ^ k0;
    c.v[1] = lo1;
    c.v[2] = hi0 ^ c.v[3] ^ k1;
    c.v[3] = lo0;
    k0 += 0x9E3779B9u;
    k1 += 0xBB67AE85u;
  }
  return c;
}

/* 53 random bits of two words as a double in [0, 1) */
HT_HOSTDEVICE double HtPhiloxToUnit(uint32_t hi, uint32_t lo)
{
  return (double)((((uint64_t)hi << 32) | lo) >> 11) * 0x1.0p-53;
}

/* the key of a stream folded into the seed's top byte */
HT_HOSTDEVICE uint64_t HtPhiloxStreamKey(uint64_t seed, uint32_t stream)
{
  return seed ^ ((uint64_t)stream << 56);
}

/* uniform on [0, 1) for element `index` */
HT_HOSTDEVICE double HtPhiloxUniform(uint64_t seed, uint64_t index)
{
  HtPhilox4x32 r = HtPhilox(seed, index, HT_STREAM_UNIFORM);
  return HtPhiloxToUnit(r.v[0], r.v[1]);
}

/* standard normal for element `index` of a stream (Box-Muller on the two halves of one Philox block) */
HT_HOSTDEVICE double HtPhiloxNormalStream(uint64_t seed, uint64_t index, uint32_t stream)
{
  HtPhilox4x32 r  = HtPhilox(seed, index, stream);
  double       u1 = 1.0 - HtPhiloxToUnit(r.v[0], r.v[1]); /* (0, 1] */
  double       u2 = HtPhiloxToUnit(r.v[2], r.v[3]);
  return sqrt(-2.0 * log(u1)) * cos(6.283185307179586476925286766559 * u2);
}

/* standard normal for element `index` of the normal tensors */
HT_HOSTDEVICE double HtPhiloxNormal(uint64_t seed, uint64_t index)
{
  return HtPhiloxNormalStream(seed, index, HT_STREAM_NORMAL);
}
