#ifndef REFORM_CTESSERACT_SHIM_H
#define REFORM_CTESSERACT_SHIM_H
#include <tesseract/capi.h>
#endif
