#include "CKernels.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* Products and sums must round exactly where the caller's order says; only explicit
   fmaf/fma calls (or FMA intrinsics) fuse. */
#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__) || defined(__i386__)
#define CK_X86 1
#include <immintrin.h>
#endif

#define CK_INLINE static inline __attribute__((always_inline))

/* 0: portable C; 1: AVX2 + FMA; 2: AVX-512 for the blocked product (AVX2 for the rest).
   -1 until the processor has been asked. */
static _Atomic int ck_level = -1;

static int best_level(void) {
#ifdef CK_X86
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma")) return 0;
    return __builtin_cpu_supports("avx512f") ? 2 : 1;
#else
    return 0;
#endif
}

static int level(void) {
    int l = atomic_load_explicit(&ck_level, memory_order_relaxed);
    if (l >= 0) return l;
    l = best_level();
    atomic_store_explicit(&ck_level, l, memory_order_relaxed);
    return l;
}

int ck_has_avx2_fma(void) { return level() >= 1; }

int ck_has_avx512(void) { return level() >= 2; }

int ck_select(int wanted) {
    int previous = level();
    int best = best_level();
    atomic_store_explicit(&ck_level, wanted < best ? (wanted < 0 ? 0 : wanted) : best, memory_order_relaxed);
    return previous;
}

/* ---------------------------------------------------------------- portable C */

static void sgemm_blocked_portable(const float *a, const float *b, float *out,
                                   ptrdiff_t n, ptrdiff_t k, ptrdiff_t m, ptrdiff_t kb) {
    float *block = malloc((size_t)m * sizeof(float));
    if (block == NULL) abort();
    for (ptrdiff_t start = 0; start < k; start += kb) {
        ptrdiff_t end = start + kb < k ? start + kb : k;
        for (ptrdiff_t i = 0; i < n; i++) {
            for (ptrdiff_t j = 0; j < m; j++) block[j] = 0;
            for (ptrdiff_t p = start; p < end; p++) {
                float x = a[i * k + p];
                const float *row = b + p * m;
                for (ptrdiff_t j = 0; j < m; j++) block[j] = fmaf(x, row[j], block[j]);
            }
            float *o = out + i * m;
            if (start == 0) {
                for (ptrdiff_t j = 0; j < m; j++) o[j] = block[j];
            } else {
                for (ptrdiff_t j = 0; j < m; j++) o[j] = o[j] + block[j];
            }
        }
    }
    free(block);
}

CK_INLINE void sgemm_axpy_body(const float *a, const float *b, float *out,
                               ptrdiff_t n, ptrdiff_t k, ptrdiff_t m) {
    for (ptrdiff_t e = 0; e < n * m; e++) out[e] = 0;
    if (m == 1) {
        /* one column: the n sums are independent, so walk them side by side */
        for (ptrdiff_t p = 0; p < k; p++) {
            float y = b[p];
            for (ptrdiff_t i = 0; i < n; i++) {
                float product = a[i * k + p] * y;
                out[i] = out[i] + product;
            }
        }
        return;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        float *o = out + i * m;
        for (ptrdiff_t p = 0; p < k; p++) {
            float x = a[i * k + p];
            const float *row = b + p * m;
            for (ptrdiff_t j = 0; j < m; j++) {
                float product = x * row[j];
                o[j] = o[j] + product;
            }
        }
    }
}

CK_INLINE float four_lane_dot(const float *x, ptrdiff_t xp, const float *y, ptrdiff_t yp, ptrdiff_t k) {
    ptrdiff_t head = (k - 1) % 4 + 1;
    float l0 = 0, l1 = 0, l2 = 0, l3 = 0;
    ptrdiff_t p = 0;
    for (; p < head; p++) l0 = l0 + x[p * xp] * y[p * yp];
    for (; p < k; p += 4) {
        l0 = l0 + x[p * xp] * y[p * yp];
        l1 = l1 + x[(p + 1) * xp] * y[(p + 1) * yp];
        l2 = l2 + x[(p + 2) * xp] * y[(p + 2) * yp];
        l3 = l3 + x[(p + 3) * xp] * y[(p + 3) * yp];
    }
    float even = l0 + l2;
    float odd = l1 + l3;
    return even + odd;
}

CK_INLINE float eight_lane_dot(const float *x, ptrdiff_t xp, const float *y, ptrdiff_t yp, ptrdiff_t k) {
    ptrdiff_t head = k < 4 ? k : 4;
    float lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    ptrdiff_t p = 0;
    for (; p < head; p++) lanes[0] = lanes[0] + x[p * xp] * y[p * yp];
    ptrdiff_t body = (k - head) / 8 * 8;
    for (; p < head + body; p++) {
        ptrdiff_t l = (p - head) % 8;
        lanes[l] = lanes[l] + x[p * xp] * y[p * yp];
    }
    for (int half = 4; half >= 1; half /= 2)
        for (int l = 0; l < half; l++) lanes[l] = lanes[l] + lanes[l + half];
    float s = lanes[0];
    for (; p < k; p++) s = s + x[p * xp] * y[p * yp];
    return s;
}

CK_INLINE void sdots_body(const float *x, ptrdiff_t xo, ptrdiff_t xp,
                          const float *y, ptrdiff_t yo, ptrdiff_t yp,
                          float *out, ptrdiff_t count, ptrdiff_t k) {
    ptrdiff_t leftover = count % 4;
    for (ptrdiff_t o = 0; o < count - leftover; o++)
        out[o] = four_lane_dot(x + o * xo, xp, y + o * yo, yp, k);
    if (leftover == 1) {
        ptrdiff_t o = count - 1;
        out[o] = eight_lane_dot(x + o * xo, xp, y + o * yo, yp, k);
    }
}

CK_INLINE void dgemm_body(const double *a, const double *b, double *out,
                          ptrdiff_t n, ptrdiff_t k, ptrdiff_t m) {
    for (ptrdiff_t e = 0; e < n * m; e++) out[e] = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        double *o = out + i * m;
        for (ptrdiff_t p = 0; p < k; p++) {
            double x = a[i * k + p];
            const double *row = b + p * m;
            for (ptrdiff_t j = 0; j < m; j++) o[j] = fma(x, row[j], o[j]);
        }
    }
}

/* -------------------------------------------------------------- AVX2 + FMA */

#ifdef CK_X86
#define CK_AVX2 __attribute__((target("avx2,fma")))
#define MR 6

/* rows×(8·vecs) outputs (rows <= MR): FMA over len k-steps from zero, then stored
   (first block) or added to what out holds. With masked, the last vector covers only
   the columns mask selects. */
CK_INLINE CK_AVX2 void micro(const float *a, ptrdiff_t lda, const float *b, ptrdiff_t ldb,
                             float *c, ptrdiff_t ldc, ptrdiff_t len, int rows, int vecs,
                             int masked, __m256i mask, int first) {
    __m256 acc[MR][2];
    for (int r = 0; r < rows; r++)
        for (int v = 0; v < vecs; v++) acc[r][v] = _mm256_setzero_ps();
    for (ptrdiff_t p = 0; p < len; p++) {
        __m256 bv[2];
        for (int v = 0; v < vecs; v++)
            bv[v] = masked && v == vecs - 1 ? _mm256_maskload_ps(b + p * ldb + 8 * v, mask)
                                            : _mm256_loadu_ps(b + p * ldb + 8 * v);
        for (int r = 0; r < rows; r++) {
            __m256 x = _mm256_broadcast_ss(a + r * lda + p);
            for (int v = 0; v < vecs; v++) acc[r][v] = _mm256_fmadd_ps(x, bv[v], acc[r][v]);
        }
    }
    for (int r = 0; r < rows; r++) {
        for (int v = 0; v < vecs; v++) {
            float *dst = c + r * ldc + 8 * v;
            __m256 s = acc[r][v];
            if (masked && v == vecs - 1) {
                if (!first) s = _mm256_add_ps(_mm256_maskload_ps(dst, mask), s);
                _mm256_maskstore_ps(dst, mask, s);
            } else {
                if (!first) s = _mm256_add_ps(_mm256_loadu_ps(dst), s);
                _mm256_storeu_ps(dst, s);
            }
        }
    }
}

#define CK_ROWS(rows, vecs, masked) \
    micro(a, lda, b, ldb, c, ldc, len, rows, vecs, masked, mask, first)

CK_INLINE CK_AVX2 void micro_rows(const float *a, ptrdiff_t lda, const float *b, ptrdiff_t ldb,
                                  float *c, ptrdiff_t ldc, ptrdiff_t len, int rows, int vecs,
                                  int masked, __m256i mask, int first) {
    switch (rows) {
    case 6: CK_ROWS(6, vecs, masked); break;
    case 5: CK_ROWS(5, vecs, masked); break;
    case 4: CK_ROWS(4, vecs, masked); break;
    case 3: CK_ROWS(3, vecs, masked); break;
    case 2: CK_ROWS(2, vecs, masked); break;
    default: CK_ROWS(1, vecs, masked); break;
    }
}

static CK_AVX2 void sgemm_blocked_avx2(const float *a, const float *b, float *out,
                                       ptrdiff_t n, ptrdiff_t k, ptrdiff_t m, ptrdiff_t kb) {
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    for (ptrdiff_t start = 0; start < k; start += kb) {
        ptrdiff_t len = start + kb < k ? kb : k - start;
        int first = start == 0;
        for (ptrdiff_t j = 0; j < m; j += 16) {
            ptrdiff_t cols = m - j < 16 ? m - j : 16;
            int vecs = cols > 8 ? 2 : 1;
            int masked = cols % 8 != 0;
            __m256i mask = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)(cols - 8 * (vecs - 1))), lane);
            for (ptrdiff_t i = 0; i < n; i += MR) {
                int rows = n - i < MR ? (int)(n - i) : MR;
                const float *ap = a + i * k + start;
                const float *bp = b + start * m + j;
                float *cp = out + i * m + j;
                if (vecs == 2 && !masked) micro_rows(ap, k, bp, m, cp, m, len, rows, 2, 0, mask, first);
                else if (vecs == 2) micro_rows(ap, k, bp, m, cp, m, len, rows, 2, 1, mask, first);
                else if (!masked) micro_rows(ap, k, bp, m, cp, m, len, rows, 1, 0, mask, first);
                else micro_rows(ap, k, bp, m, cp, m, len, rows, 1, 1, mask, first);
            }
        }
    }
}

static CK_AVX2 void sgemm_axpy_avx2(const float *a, const float *b, float *out,
                                    ptrdiff_t n, ptrdiff_t k, ptrdiff_t m) {
    sgemm_axpy_body(a, b, out, n, k, m);
}

static CK_AVX2 void sdots_avx2(const float *x, ptrdiff_t xo, ptrdiff_t xp,
                               const float *y, ptrdiff_t yo, ptrdiff_t yp,
                               float *out, ptrdiff_t count, ptrdiff_t k) {
    sdots_body(x, xo, xp, y, yo, yp, out, count, k);
}

static CK_AVX2 void dgemm_avx2(const double *a, const double *b, double *out,
                               ptrdiff_t n, ptrdiff_t k, ptrdiff_t m) {
    dgemm_body(a, b, out, n, k, m);
}

/* ------------------------------------------------------------------ AVX-512 */

#define CK_AVX512 __attribute__((target("avx512f,avx2,fma")))
#define MR16 8

/* As micro, 16 lanes per vector, up to MR16 rows, masked loads and stores for the
   columns past the matrix's edge. */
CK_INLINE CK_AVX512 void micro16(const float *a, ptrdiff_t lda, const float *b, ptrdiff_t ldb,
                                 float *c, ptrdiff_t ldc, ptrdiff_t len, int rows, int vecs,
                                 __mmask16 mask0, __mmask16 mask1, int first) {
    __m512 acc[MR16][2];
    for (int r = 0; r < rows; r++)
        for (int v = 0; v < vecs; v++) acc[r][v] = _mm512_setzero_ps();
    for (ptrdiff_t p = 0; p < len; p++) {
        __m512 bv[2];
        bv[0] = _mm512_maskz_loadu_ps(mask0, b + p * ldb);
        if (vecs == 2) bv[1] = _mm512_maskz_loadu_ps(mask1, b + p * ldb + 16);
        for (int r = 0; r < rows; r++) {
            __m512 x = _mm512_set1_ps(a[r * lda + p]);
            for (int v = 0; v < vecs; v++) acc[r][v] = _mm512_fmadd_ps(x, bv[v], acc[r][v]);
        }
    }
    for (int r = 0; r < rows; r++) {
        for (int v = 0; v < vecs; v++) {
            float *dst = c + r * ldc + 16 * v;
            __mmask16 mask = v == 0 ? mask0 : mask1;
            __m512 s = acc[r][v];
            if (!first) s = _mm512_add_ps(_mm512_maskz_loadu_ps(mask, dst), s);
            _mm512_mask_storeu_ps(dst, mask, s);
        }
    }
}

#define CK_ROWS16(rows, vecs) micro16(a, lda, b, ldb, c, ldc, len, rows, vecs, mask0, mask1, first)

CK_INLINE CK_AVX512 void micro16_rows(const float *a, ptrdiff_t lda, const float *b, ptrdiff_t ldb,
                                      float *c, ptrdiff_t ldc, ptrdiff_t len, int rows, int vecs,
                                      __mmask16 mask0, __mmask16 mask1, int first) {
    switch (rows) {
    case 8: CK_ROWS16(8, vecs); break;
    case 7: CK_ROWS16(7, vecs); break;
    case 6: CK_ROWS16(6, vecs); break;
    case 5: CK_ROWS16(5, vecs); break;
    case 4: CK_ROWS16(4, vecs); break;
    case 3: CK_ROWS16(3, vecs); break;
    case 2: CK_ROWS16(2, vecs); break;
    default: CK_ROWS16(1, vecs); break;
    }
}

static CK_AVX512 void sgemm_blocked_avx512(const float *a, const float *b, float *out,
                                           ptrdiff_t n, ptrdiff_t k, ptrdiff_t m, ptrdiff_t kb) {
    for (ptrdiff_t start = 0; start < k; start += kb) {
        ptrdiff_t len = start + kb < k ? kb : k - start;
        int first = start == 0;
        for (ptrdiff_t j = 0; j < m; j += 32) {
            ptrdiff_t cols = m - j < 32 ? m - j : 32;
            ptrdiff_t cols0 = cols < 16 ? cols : 16, cols1 = cols - cols0;
            __mmask16 mask0 = (__mmask16)(cols0 == 16 ? 0xFFFF : (1u << cols0) - 1);
            __mmask16 mask1 = (__mmask16)(cols1 == 16 ? 0xFFFF : (1u << cols1) - 1);
            for (ptrdiff_t i = 0; i < n; i += MR16) {
                int rows = n - i < MR16 ? (int)(n - i) : MR16;
                const float *ap = a + i * k + start;
                const float *bp = b + start * m + j;
                float *cp = out + i * m + j;
                if (cols1 > 0) micro16_rows(ap, k, bp, m, cp, m, len, rows, 2, mask0, mask1, first);
                else micro16_rows(ap, k, bp, m, cp, m, len, rows, 1, mask0, mask1, first);
            }
        }
    }
}
#endif

/* ------------------------------------------------------------------ entries */

void ck_sgemm_blocked_fma(const float *a, const float *b, float *out,
                          ptrdiff_t n, ptrdiff_t k, ptrdiff_t m, ptrdiff_t kb) {
    if (n <= 0 || m <= 0) return;
    if (k <= 0) {
        memset(out, 0, (size_t)(n * m) * sizeof(float));
        return;
    }
    if (kb <= 0 || kb > k) kb = k;
#ifdef CK_X86
    int l = level();
    if (l == 2) {
        sgemm_blocked_avx512(a, b, out, n, k, m, kb);
        return;
    }
    if (l == 1) {
        sgemm_blocked_avx2(a, b, out, n, k, m, kb);
        return;
    }
#endif
    sgemm_blocked_portable(a, b, out, n, k, m, kb);
}

void ck_sgemm_axpy(const float *a, const float *b, float *out,
                   ptrdiff_t n, ptrdiff_t k, ptrdiff_t m) {
    if (n <= 0 || m <= 0) return;
#ifdef CK_X86
    if (level() >= 1) {
        sgemm_axpy_avx2(a, b, out, n, k, m);
        return;
    }
#endif
    sgemm_axpy_body(a, b, out, n, k, m);
}

void ck_sdots(const float *x, ptrdiff_t xo, ptrdiff_t xp,
              const float *y, ptrdiff_t yo, ptrdiff_t yp,
              float *out, ptrdiff_t count, ptrdiff_t k) {
    if (count <= 0) return;
#ifdef CK_X86
    if (level() >= 1) {
        sdots_avx2(x, xo, xp, y, yo, yp, out, count, k);
        return;
    }
#endif
    sdots_body(x, xo, xp, y, yo, yp, out, count, k);
}

void ck_dgemm_fma(const double *a, const double *b, double *out,
                  ptrdiff_t n, ptrdiff_t k, ptrdiff_t m) {
    if (n <= 0 || m <= 0) return;
#ifdef CK_X86
    if (level() >= 1) {
        dgemm_avx2(a, b, out, n, k, m);
        return;
    }
#endif
    dgemm_body(a, b, out, n, k, m);
}

void ck_narrow(const double *src, float *dst, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) dst[i] = (float)src[i];
}

void ck_widen(const float *src, double *dst, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) dst[i] = (double)src[i];
}

#ifdef CK_X86
/* An 8×8 tile whose source columns are 8 contiguous doubles each (row_stride 1): each column
   is narrowed into one register of 8 floats, the 8 registers are transposed, and each row
   is stored whole. */
static __attribute__((target("avx2"))) void narrow_transposed_avx2(const double *src, ptrdiff_t col_stride,
                                                                    ptrdiff_t rows, ptrdiff_t cols, float *dst) {
    ptrdiff_t rows8 = rows - rows % 8, cols8 = cols - cols % 8;
    for (ptrdiff_t i0 = 0; i0 < rows8; i0 += 8) {
        for (ptrdiff_t j0 = 0; j0 < cols8; j0 += 8) {
            __m256 c[8];
            for (int q = 0; q < 8; q++) {
                const double *p = src + i0 + (j0 + q) * col_stride;
                __m128 lo = _mm256_cvtpd_ps(_mm256_loadu_pd(p));
                __m128 hi = _mm256_cvtpd_ps(_mm256_loadu_pd(p + 4));
                c[q] = _mm256_insertf128_ps(_mm256_castps128_ps256(lo), hi, 1);
            }
            __m256 t0 = _mm256_unpacklo_ps(c[0], c[1]), t1 = _mm256_unpackhi_ps(c[0], c[1]);
            __m256 t2 = _mm256_unpacklo_ps(c[2], c[3]), t3 = _mm256_unpackhi_ps(c[2], c[3]);
            __m256 t4 = _mm256_unpacklo_ps(c[4], c[5]), t5 = _mm256_unpackhi_ps(c[4], c[5]);
            __m256 t6 = _mm256_unpacklo_ps(c[6], c[7]), t7 = _mm256_unpackhi_ps(c[6], c[7]);
            __m256 u0 = _mm256_shuffle_ps(t0, t2, 0x44), u1 = _mm256_shuffle_ps(t0, t2, 0xEE);
            __m256 u2 = _mm256_shuffle_ps(t1, t3, 0x44), u3 = _mm256_shuffle_ps(t1, t3, 0xEE);
            __m256 u4 = _mm256_shuffle_ps(t4, t6, 0x44), u5 = _mm256_shuffle_ps(t4, t6, 0xEE);
            __m256 u6 = _mm256_shuffle_ps(t5, t7, 0x44), u7 = _mm256_shuffle_ps(t5, t7, 0xEE);
            float *d = dst + i0 * cols + j0;
            _mm256_storeu_ps(d + 0 * cols, _mm256_permute2f128_ps(u0, u4, 0x20));
            _mm256_storeu_ps(d + 1 * cols, _mm256_permute2f128_ps(u1, u5, 0x20));
            _mm256_storeu_ps(d + 2 * cols, _mm256_permute2f128_ps(u2, u6, 0x20));
            _mm256_storeu_ps(d + 3 * cols, _mm256_permute2f128_ps(u3, u7, 0x20));
            _mm256_storeu_ps(d + 4 * cols, _mm256_permute2f128_ps(u0, u4, 0x31));
            _mm256_storeu_ps(d + 5 * cols, _mm256_permute2f128_ps(u1, u5, 0x31));
            _mm256_storeu_ps(d + 6 * cols, _mm256_permute2f128_ps(u2, u6, 0x31));
            _mm256_storeu_ps(d + 7 * cols, _mm256_permute2f128_ps(u3, u7, 0x31));
        }
        for (ptrdiff_t j = cols8; j < cols; j++)
            for (ptrdiff_t i = i0; i < i0 + 8; i++) dst[i * cols + j] = (float)src[i + j * col_stride];
    }
    for (ptrdiff_t i = rows8; i < rows; i++)
        for (ptrdiff_t j = 0; j < cols; j++) dst[i * cols + j] = (float)src[i + j * col_stride];
}
#endif

void ck_narrow_matrix(const double *src, ptrdiff_t row_stride, ptrdiff_t col_stride,
                      ptrdiff_t rows, ptrdiff_t cols, float *dst) {
    if (col_stride == 1) {
        for (ptrdiff_t i = 0; i < rows; i++)
            for (ptrdiff_t j = 0; j < cols; j++) dst[i * cols + j] = (float)src[i * row_stride + j];
        return;
    }
#ifdef CK_X86
    if (row_stride == 1 && level() >= 1) {
        narrow_transposed_avx2(src, col_stride, rows, cols, dst);
        return;
    }
#endif
    /* 8 rows at a time: a transposed view reads 8 neighbours per column, and only 8
       destination rows are live, so power-of-two row lengths do not thrash the cache. */
    for (ptrdiff_t i0 = 0; i0 < rows; i0 += 8) {
        ptrdiff_t i1 = i0 + 8 < rows ? i0 + 8 : rows;
        for (ptrdiff_t j = 0; j < cols; j++)
            for (ptrdiff_t i = i0; i < i1; i++) dst[i * cols + j] = (float)src[i * row_stride + j * col_stride];
    }
}
