// poppler's global parameters, kept for the life of the process.
//
// poppler-glib gives every document it opens a GlobalParamsIniter, a reference count on poppler's
// GlobalParams: the first builds them, the last one destroyed frees them. A folder read with one
// lane (`--jobs 1`) closes each file before it opens the next, so every file built them again:
// poppler-data's nameToUnicode tables read line by line (sscanf per line), its cidToUnicode and CMap
// directories listed, and the character maps, Unicode maps and substituted font files loaded for
// the last file forgotten (4.5% of such a folder's profile). With a lane per core one lane's
// document is nearly always open, so they were mostly shared already.
//
// One more initer, made while a document is open (so the count is above zero and poppler-glib's
// error callback, set by the first, stays) and never destroyed, keeps them for the process.
// GlobalParams guards its caches with its own locks; the lanes' documents already shared them.
#include "font_files.h"

#if __has_include(<poppler-features.h>) && __has_include(<GlobalParams.h>)
#define REFORM_KEEP_GLOBAL_PARAMS 1
#endif

#ifdef REFORM_KEEP_GLOBAL_PARAMS

#include <poppler-config.h>
#include <GlobalParams.h>

#include <mutex>

extern "C" void reform_global_params_keep(void) {
    static std::once_flag once;
    std::call_once(once, [] {
        // Deliberately leaked: destroying it at exit would only free what the process is giving back.
        new GlobalParamsIniter(nullptr);
    });
}

extern "C" const void *reform_global_params_current(void) { return globalParams.get(); }

#else

extern "C" void reform_global_params_keep(void) {}

extern "C" const void *reform_global_params_current(void) { return nullptr; }

#endif
