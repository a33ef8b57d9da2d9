#ifndef GRADVIZ_CKERNELS_H
#define GRADVIZ_CKERNELS_H

#include <stddef.h>

/*
 * Matrix-product and element-wise kernels for the autograd engine. Every kernel keeps the summation
 * order its caller asks for, element by element, so a vectorised run and the portable
 * run give the same bits: vectors only ever run across independent output elements.
 * Matrices are row-major; a is n×k, b is k×m, out is n×m. Sizes are element counts.
 * The fastest version the processor supports (AVX-512 for the blocked product, AVX2 +
 * FMA, else portable C with correctly rounded fmaf) is chosen on the first call.
 */

/* float32: each element sums its k products with fused multiply-adds in k order, in
   blocks of kb (the last block may be short), each block from zero; out = first block
   sum, then out + each further block sum, in order. kb == k gives one plain FMA chain. */
void ck_sgemm_blocked_fma(const float *a, const float *b, float *out,
                          ptrdiff_t n, ptrdiff_t k, ptrdiff_t m, ptrdiff_t kb);

/* float32: each element is Σ round(a·b) in k order (every product rounded, no FMA). */
void ck_sgemm_axpy(const float *a, const float *b, float *out,
                   ptrdiff_t n, ptrdiff_t k, ptrdiff_t m);

/* float32 dot products out[o] = Σ_p x[o·xo + p·xp] · y[o·yo + p·yp] for o < count,
   each product rounded, no FMA. Outputs below count − (count % 4) use the four-lane
   order: ((k − 1) % 4) + 1 products in order into lane 0, the rest in four interleaved
   lanes, then (lane 0 + lane 2) + (lane 1 + lane 3). When count % 4 == 1 the last
   output uses the eight-lane order: min(4, k) products in order into lane 0, the next
   multiple of 8 in eight lanes halved (stride 4, 2, 1), then the rest in order.
   The caller passes only count % 4 <= 1. */
void ck_sdots(const float *x, ptrdiff_t xo, ptrdiff_t xp,
              const float *y, ptrdiff_t yo, ptrdiff_t yp,
              float *out, ptrdiff_t count, ptrdiff_t k);

/* float64: each element sums its k products with fused multiply-adds in k order. */
void ck_dgemm_fma(const double *a, const double *b, double *out,
                  ptrdiff_t n, ptrdiff_t k, ptrdiff_t m);

/* 0 selects the portable kernels, 1 the AVX2 + FMA ones, 2 also the AVX-512 blocked
   product, each only as far as the processor has them (the default is the best it
   has); returns the previous choice. All choices give the same bits. */
int ck_select(int level);

/* float32 tanh_backward as ATen computes it: out = grad · fmaf(−y, y, 1) in float, for
   float32 values held as doubles (grad and output are rounded to float first). */
void ck_tanh_backward_f32(const double *grad, const double *output, double *out, ptrdiff_t count);

/* Whether the AVX2 + FMA kernels are the ones selected. */
int ck_has_avx2_fma(void);

/* double → float (round to nearest) and float → double (exact), count elements. */
void ck_narrow(const double *src, float *dst, ptrdiff_t count);
void ck_widen(const float *src, double *dst, ptrdiff_t count);

/* The rows×cols matrix whose element (i, j) is src[i·row_stride + j·col_stride], narrowed
   to float into dst row-major (a transposed view copied in cache-friendly tiles). */
void ck_narrow_matrix(const double *src, ptrdiff_t row_stride, ptrdiff_t col_stride,
                      ptrdiff_t rows, ptrdiff_t cols, float *dst);

/* threshold_backward: out = input <= threshold ? 0 : grad (NaN inputs pass the gradient). */
void ck_threshold_backward(const double *grad, const double *input, double threshold, double *out, ptrdiff_t count);

/* relu of values already in their dtype's precision: x when x > 0 or NaN, else +0. */
void ck_relu(const double *input, double *out, ptrdiff_t count);

/* float32 tanh: out = (float)tanh(in), for any double in. The same float as rounding libm's
   double tanh for every one of the 2^32 float inputs (scripts/check_tanh_kernel.sh), eight
   elements at a time with AVX-512, four with AVX2. The vector versions evaluate the polynomial
   with fused multiply-adds, the portable one without; their doubles differ in the last bits,
   their floats do not (each is checked against libm on all 2^32 inputs). */
void ck_tanh_f32(const double *in, double *out, ptrdiff_t count);

/* Large freed blocks stay in the process for reuse (glibc: blocks up to 32 MB come from the
   heap instead of fresh mappings, up to 256 MB of free heap is kept, and heaps grow with
   16 MB of slack); elsewhere nothing. */
void ck_keep_freed_memory(void);

#endif
