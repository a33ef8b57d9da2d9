#include "CKernels.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Only the explicit fmaf fuses. */
#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__) || defined(__i386__)
#define CK_X86 1
#endif

#define CK_INLINE static inline __attribute__((always_inline))

int ck_has_avx2_fma(void);
int ck_has_avx512(void);

CK_INLINE void tanh_backward_body(const double *grad, const double *output, double *out, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) {
        float y = (float)output[i];
        float scale = fmaf(-y, y, 1.0f);
        out[i] = (double)((float)grad[i] * scale);
    }
}

#ifdef CK_X86
static __attribute__((target("avx2,fma"))) void tanh_backward_avx2(const double *grad, const double *output,
                                                                   double *out, ptrdiff_t count) {
    tanh_backward_body(grad, output, out, count);
}
#endif

void ck_tanh_backward_f32(const double *grad, const double *output, double *out, ptrdiff_t count) {
#ifdef CK_X86
    if (ck_has_avx2_fma()) {
        tanh_backward_avx2(grad, output, out, count);
        return;
    }
#endif
    tanh_backward_body(grad, output, out, count);
}

void ck_threshold_backward(const double *grad, const double *input, double threshold, double *out, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) out[i] = input[i] <= threshold ? 0.0 : grad[i];
}

void ck_relu(const double *input, double *out, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) {
        double x = input[i];
        out[i] = (x > 0.0 || x != x) ? x : 0.0;
    }
}

/* a·b + c, fused (one rounding) when `fused` is a nonzero constant; the caller's target must
   then have FMA. */
CK_INLINE double mad(double a, double b, double c, int fused) {
    return fused ? __builtin_fma(a, b, c) : a * b + c;
}

/* tanh of a double, vectorisable: e = expm1(2|x|) by Cody–Waite reduction and a Taylor
   polynomial, tanh = e / (e + 2), sign restored. The polynomial and the reconstruction of e
   use fused multiply-adds when `fused` (the SIMD kernels: half the operations); the portable
   kernel has none (FP_CONTRACT OFF). Either way the result rounded to float is libm's. */
CK_INLINE double tanh_body(double x, int fused) {
    double t = x < 0 ? -x : x;
    t = t < 20.0 ? t : 20.0;
    double y = t + t;
    const double shifter = 0x1.8p52;
    double kd = y * 0x1.71547652b82fep0 + shifter;
    uint64_t kbits; memcpy(&kbits, &kd, 8);
    kd -= shifter;
    double r = (y - kd * 0x1.62e42fee00000p-1) - kd * 0x1.a39ef35793c76p-33;
    static const double taylor[] = {
        1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0, 1.0 / 40320.0,
        1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5,
    };
    double p = 1.0 / 6227020800.0;
    for (int i = 0; i < (int)(sizeof taylor / sizeof taylor[0]); i++) p = mad(r, p, taylor[i], fused);
    p = mad(r * r, p, r, fused);
    uint64_t sbits = ((kbits - 0x4338000000000000ULL) + 1023) << 52;
    double scale; memcpy(&scale, &sbits, 8);
    double e = mad(scale, p, scale - 1.0, fused);
    double th = e / (e + 2.0);
    th = copysign(th, x);
    return x != x ? x : th;
}

CK_INLINE void tanh_f32_body(const double *in, double *out, ptrdiff_t count, int fused) {
    for (ptrdiff_t i = 0; i < count; i++) out[i] = (double)(float)tanh_body(in[i], fused);
}

#ifdef CK_X86
static __attribute__((target("avx2,fma"))) void tanh_f32_avx2(const double *in, double *out, ptrdiff_t count) {
    tanh_f32_body(in, out, count, 1);
}

static __attribute__((target("avx512f,fma"))) void tanh_f32_avx512(const double *in, double *out, ptrdiff_t count) {
    tanh_f32_body(in, out, count, 1);
}
#endif

void ck_tanh_f32(const double *in, double *out, ptrdiff_t count) {
#ifdef CK_X86
    if (ck_has_avx512()) {
        tanh_f32_avx512(in, out, count);
        return;
    }
    if (ck_has_avx2_fma()) {
        tanh_f32_avx2(in, out, count);
        return;
    }
#endif
    tanh_f32_body(in, out, count, 0);
}
