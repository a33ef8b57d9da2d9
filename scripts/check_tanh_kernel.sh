#!/usr/bin/env bash
# Checks ck_tanh_f32 (Sources/CKernels/elementwise.c) against libm on every float32 input:
# (float)tanh((double)x) from libm and from the kernel must be the same bits for all 2^32
# patterns (NaNs: both NaN), with each kernel the processor has (AVX-512, AVX2, portable).
# Takes about a minute per kernel on two cores. Exit status 1 on any difference.
#
#   scripts/check_tanh_kernel.sh [COUNT]    (COUNT: check only the first COUNT bit patterns)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/check.c" <<'C'
#include "CKernels.h"
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef struct { uint64_t lo, hi, differ; } job;
static void *run(void *arg) {
    job *j = arg;
    double in[4096], out[4096];
    for (uint64_t b = j->lo; b < j->hi; b += 4096) {
        size_t n = 0;
        for (uint64_t u = b; u < b + 4096 && u < j->hi; u++) {
            uint32_t w = (uint32_t)u; float f; memcpy(&f, &w, 4); in[n++] = f;
        }
        ck_tanh_f32(in, out, (ptrdiff_t)n);
        for (size_t i = 0; i < n; i++) {
            float mine = (float)out[i], ref = (float)tanh(in[i]);
            if (memcmp(&mine, &ref, 4) != 0 && !(isnan(mine) && isnan(ref))) {
                if (j->differ++ < 5) printf("x = %a: kernel %a, libm %a\n", in[i], mine, ref);
            }
        }
    }
    return NULL;
}
int main(int argc, char **argv) {
    uint64_t total = argc > 1 ? strtoull(argv[1], NULL, 0) : (1ULL << 32);
    for (int level = 2; level >= 0; level--) {
        ck_select(level);
        job jobs[2] = {{0, total / 2, 0}, {total / 2, total, 0}};
        pthread_t threads[2];
        for (int i = 0; i < 2; i++) pthread_create(&threads[i], NULL, run, &jobs[i]);
        for (int i = 0; i < 2; i++) pthread_join(threads[i], NULL);
        uint64_t differ = jobs[0].differ + jobs[1].differ;
        printf("%s kernel: %llu inputs, %llu differ from libm\n", level == 2 ? "AVX-512" : level == 1 ? "AVX2" : "portable",
               (unsigned long long)total, (unsigned long long)differ);
        if (differ) return 1;
    }
    return 0;
}
C
clang -O2 -I Sources/CKernels/include "$work/check.c" Sources/CKernels/elementwise.c Sources/CKernels/gemm.c \
  -o "$work/check" -lm -lpthread
"$work/check" "$@"
