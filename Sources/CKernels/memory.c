#include "CKernels.h"

#include <stdlib.h> /* defines __GLIBC__ on glibc */

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void ck_keep_freed_memory(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    /* The lesson runs on its own thread, whose arena grows and shrinks its heap in steps of
       the top pad: without slack it gives pages back between two steps of a loop. */
    mallopt(M_TOP_PAD, 16 << 20);
#endif
}
