#include "CKernels.h"

#include <math.h>

/* Only the explicit fmaf fuses. */
#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__) || defined(__i386__)
#define CK_X86 1
#endif

#define CK_INLINE static inline __attribute__((always_inline))

int ck_has_avx2_fma(void);

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
