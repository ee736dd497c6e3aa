// Font files mapped, not read whole.
//
// A PDF that does not embed a font (STSong-Light, SimSun: common in Chinese government PDFs) is
// drawn by poppler's cairo device with a system substitute that fontconfig picks, for Chinese text
// a CJK collection such as Noto Sans CJK (19 MB). poppler opens it with FoFiTrueType::load, which
// reads the whole file into memory, and for CID fonts does so twice per document (cairo's font
// engine loads it once for the code-to-glyph map and once more for the face): 39 MB copied and
// freed again for a few kilobytes of cmap. This file defines FoFiTrueType::load itself: the
// executable is linked against libpoppler-glib, which calls it, so the linker exports this
// definition and the dynamic linker binds poppler's calls to it ahead of libpoppler's (the same
// ELF interposition as glyph_gate.c). It maps the file once for the life of the process and hands
// the mapping to FoFiTrueType::make, which parses it in place (the data is only ever read).
// Whatever goes wrong (a poppler without these functions, a file that cannot be mapped) falls back
// to libpoppler's own load.
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <climits>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "font_files.h"
#include "poppler_own.h"

#if __has_include(<poppler-features.h>)
#include <poppler-features.h>
#endif

// poppler returns its font files as std::unique_ptr<FoFiTrueType> since 22.01; before that as a
// raw pointer, which a definition here would not match. Built against such a poppler (or without
// its version header), nothing is interposed.
#if defined(POPPLER_CHECK_VERSION)
#if POPPLER_CHECK_VERSION(22, 1, 0)
#define REFORM_MAP_FONT_FILES 1
#endif
#endif

#ifdef REFORM_MAP_FONT_FILES

// poppler's FoFiTrueType as far as this file needs it. Its destructor is virtual (FoFiBase's), so
// a unique_ptr deletes it through its own vtable; nothing here constructs one.
class FoFiTrueType {
public:
    virtual ~FoFiTrueType();
    static std::unique_ptr<FoFiTrueType> load(const char *fileName, int faceIndex);
};

namespace {

using Load = std::unique_ptr<FoFiTrueType> (*)(const char *, int);
using Make = std::unique_ptr<FoFiTrueType> (*)(const unsigned char *, int, int);

const char *const loadSymbol = "_ZN12FoFiTrueType4loadEPKci";
const char *const makeSymbol = "_ZN12FoFiTrueType4makeEPKhii";

struct Mapping {
    const unsigned char *data = nullptr;
    size_t length = 0;
};

std::mutex lock;
// Every file mapped, by path; never unmapped (a process meets a handful of substitute fonts).
std::unordered_map<std::string, Mapping> *mappings = nullptr;
std::atomic<long> mappedCount{0};

// libpoppler's own load, looked up once.
Load popplerLoad() {
    static Load next = reform::popplerOwn<Load>(loadSymbol);
    return next;
}

// libpoppler's FoFiTrueType::make(const unsigned char *, int, int), or null when this poppler has
// another one.
Make popplerMake() {
    static Make make = reinterpret_cast<Make>(dlsym(RTLD_DEFAULT, makeSymbol));
    return make;
}

// The file mapped read-only, or an empty mapping when it cannot be.
Mapping mapped(const char *path) {
    std::lock_guard<std::mutex> guard(lock);
    if (mappings == nullptr) mappings = new std::unordered_map<std::string, Mapping>();
    auto found = mappings->find(path);
    if (found != mappings->end()) return found->second;
    Mapping mapping;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return mapping;
    struct stat info;
    if (fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0 && info.st_size <= INT_MAX) {
        void *data = mmap(nullptr, static_cast<size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (data != MAP_FAILED) {
            mapping.data = static_cast<const unsigned char *>(data);
            mapping.length = static_cast<size_t>(info.st_size);
            (*mappings)[path] = mapping;
            mappedCount.fetch_add(1, std::memory_order_relaxed);
        }
    }
    close(fd);
    return mapping;
}

} // namespace

std::unique_ptr<FoFiTrueType> FoFiTrueType::load(const char *fileName, int faceIndex) {
    Make make = popplerMake();
    if (make != nullptr && fileName != nullptr) {
        Mapping mapping = mapped(fileName);
        if (mapping.data != nullptr) return make(mapping.data, static_cast<int>(mapping.length), faceIndex);
    }
    return popplerLoad()(fileName, faceIndex);
}

extern "C" int reform_font_files_is_active(void) {
    void *bound = dlsym(RTLD_DEFAULT, loadSymbol);
    return bound != nullptr && bound == reinterpret_cast<void *>(&FoFiTrueType::load) && popplerMake() != nullptr;
}

extern "C" long reform_font_files_mapped(void) {
    return mappedCount.load(std::memory_order_relaxed);
}

#else

extern "C" int reform_font_files_is_active(void) { return 0; }
extern "C" long reform_font_files_mapped(void) { return 0; }

#endif
