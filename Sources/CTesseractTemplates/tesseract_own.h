// What the executable's interposed tesseract symbols (adapt_templates.cpp, universal_ambigs.cpp) ask
// of the loaded library: its own definition of the symbol, and whether it is tesseract 5.3, the
// version whose data layout and readings reform checked.
#ifndef REFORM_TESSERACT_OWN_H
#define REFORM_TESSERACT_OWN_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <dlfcn.h>

#include <cstring>

namespace reform_tesseract {

struct Own {
    void *symbol = nullptr;
    bool isVersion53 = false;
};

// libtesseract's own `name`. The library is loaded (its own code is what calls the symbol); it was
// opened RTLD_LOCAL, so it is asked by its handle rather than RTLD_NEXT.
inline Own own(const char *name) {
    Own o;
    void *lib = dlopen("libtesseract.so.5", RTLD_NOW | RTLD_NOLOAD);
    if (lib == nullptr) lib = dlopen("libtesseract.so", RTLD_NOW | RTLD_NOLOAD);
    if (lib != nullptr) {
        o.symbol = dlsym(lib, name);
        auto version = reinterpret_cast<const char *(*)()>(dlsym(lib, "TessVersion"));
        const char *v = version != nullptr ? version() : nullptr;
        o.isVersion53 = v != nullptr && std::strncmp(v, "5.3.", 4) == 0;
    }
    return o;
}

} // namespace reform_tesseract

#endif
