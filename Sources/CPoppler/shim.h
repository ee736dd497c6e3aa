#ifndef REFORM_CPOPPLER_SHIM_H
#define REFORM_CPOPPLER_SHIM_H
#include <poppler.h>
#include <cairo.h>
#endif
