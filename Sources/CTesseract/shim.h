#ifndef REFORM_CTESSERACT_SHIM_H
#define REFORM_CTESSERACT_SHIM_H
/* tesseract's C API, loaded when the first scanned page needs it: a process that reads only
   born-digital pages never maps tesseract, leptonica and the ~40 libraries they pull in
   (about 11 ms of start-up and 10 MB resident in every process when linked). The header gives
   the declarations; the functions are looked up with dlsym into the table below. */
#include <dlfcn.h>
/* malloc_trim: freed engines' memory goes back to the system (OCREnginePool.releaseFreedMemory). */
#include <malloc.h>
#include <tesseract/capi.h>

typedef struct {
    __typeof__(&TessBaseAPICreate) create;
    __typeof__(&TessBaseAPIDelete) destroy;
    __typeof__(&TessBaseAPIInit4) init4;
    __typeof__(&TessBaseAPIEnd) end;
    __typeof__(&TessBaseAPIClear) clear;
    __typeof__(&TessBaseAPISetPageSegMode) setPageSegMode;
    __typeof__(&TessBaseAPISetImage) setImage;
    __typeof__(&TessBaseAPISetSourceResolution) setSourceResolution;
    __typeof__(&TessBaseAPIRecognize) recognize;
    __typeof__(&TessBaseAPIGetIterator) getIterator;
    __typeof__(&TessResultIteratorDelete) iteratorDelete;
    __typeof__(&TessResultIteratorGetPageIterator) pageIterator;
    __typeof__(&TessResultIteratorGetUTF8Text) text;
    __typeof__(&TessResultIteratorConfidence) confidence;
    __typeof__(&TessResultIteratorNext) next;
    __typeof__(&TessPageIteratorBoundingBox) boundingBox;
    __typeof__(&TessPageIteratorIsAtBeginningOf) isAtBeginningOf;
    __typeof__(&TessDeleteText) deleteText;
    __typeof__(&TessBaseAPIClearPersistentCache) clearPersistentCache;
    /* leptonica's message threshold (tesseract's dependency): its notes about image boxes are noise. */
    int (*setMsgSeverity)(int);
} ReformTesseract;

/* Opens libtesseract and fills `api`; 0 when the library or a function is missing. */
static inline int reform_tesseract_load(ReformTesseract *api) {
    void *lib = dlopen("libtesseract.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!lib) lib = dlopen("libtesseract.so", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return 0;
#define REFORM_TESS_LOAD(field, name) if (!(api->field = (__typeof__(api->field))dlsym(lib, #name))) return 0;
    REFORM_TESS_LOAD(create, TessBaseAPICreate)
    REFORM_TESS_LOAD(destroy, TessBaseAPIDelete)
    REFORM_TESS_LOAD(init4, TessBaseAPIInit4)
    REFORM_TESS_LOAD(end, TessBaseAPIEnd)
    REFORM_TESS_LOAD(clear, TessBaseAPIClear)
    REFORM_TESS_LOAD(setPageSegMode, TessBaseAPISetPageSegMode)
    REFORM_TESS_LOAD(setImage, TessBaseAPISetImage)
    REFORM_TESS_LOAD(setSourceResolution, TessBaseAPISetSourceResolution)
    REFORM_TESS_LOAD(recognize, TessBaseAPIRecognize)
    REFORM_TESS_LOAD(getIterator, TessBaseAPIGetIterator)
    REFORM_TESS_LOAD(iteratorDelete, TessResultIteratorDelete)
    REFORM_TESS_LOAD(pageIterator, TessResultIteratorGetPageIterator)
    REFORM_TESS_LOAD(text, TessResultIteratorGetUTF8Text)
    REFORM_TESS_LOAD(confidence, TessResultIteratorConfidence)
    REFORM_TESS_LOAD(next, TessResultIteratorNext)
    REFORM_TESS_LOAD(boundingBox, TessPageIteratorBoundingBox)
    REFORM_TESS_LOAD(isAtBeginningOf, TessPageIteratorIsAtBeginningOf)
    REFORM_TESS_LOAD(deleteText, TessDeleteText)
    REFORM_TESS_LOAD(clearPersistentCache, TessBaseAPIClearPersistentCache)
    REFORM_TESS_LOAD(setMsgSeverity, setMsgSeverity)
#undef REFORM_TESS_LOAD
    return 1;
}
#define REFORM_LEPT_SEVERITY_NONE 6
#endif
