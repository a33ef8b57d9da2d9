#ifndef GRADVIZ_CGRAPHVIZ_SHIM_H
#define GRADVIZ_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
