// Shared by font_files.cpp and font_stubs.cpp, which define poppler functions in the executable
// (ELF interposition) and call poppler's own definitions for what they do not handle.
#ifndef REFORM_POPPLER_OWN_H
#define REFORM_POPPLER_OWN_H

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

namespace reform {

// libpoppler's own definition of `symbol`, the next one after the executable's. It cannot be missing
// while poppler calls the executable's: a poppler without it is a build against another poppler.
template <typename Function>
Function popplerOwn(const char *symbol) {
    void *next = dlsym(RTLD_NEXT, symbol);
    if (next == nullptr) {
        std::fprintf(stderr, "reform: %s not found in libpoppler: %s\n", symbol, dlerror());
        std::abort();
    }
    return reinterpret_cast<Function>(next);
}

} // namespace reform

#endif
