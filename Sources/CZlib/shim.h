#ifndef GRADVIZ_CZLIB_SHIM_H
#define GRADVIZ_CZLIB_SHIM_H
#include <zlib.h>
#endif
