#ifndef REFORM_CTESSERACT_SHIM_H
#define REFORM_CTESSERACT_SHIM_H
#include <tesseract/capi.h>

/* From leptonica (allheaders.h), which tesseract links: the threshold of the messages it prints
   to stderr. reform reports its own errors; leptonica's notes about image boxes are noise. */
extern int setMsgSeverity(int newsev);
#define REFORM_LEPT_SEVERITY_NONE 6
#endif
