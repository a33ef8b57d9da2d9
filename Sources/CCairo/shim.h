#ifndef GRADVIZ_CCAIRO_SHIM_H
#define GRADVIZ_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#endif
