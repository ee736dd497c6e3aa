// tesseract's adaptive-classifier templates, built empty.
//
// reform runs tesseract's LSTM recognizer only (OEM_LSTM_ONLY). tesseract 5.3.0 still builds the
// legacy classifier's adaptive templates when an engine starts, and again when it resets them
// between pages: an ADAPT_TEMPLATES_STRUCT with a class for every character of the language, about
// 7 KB each, so 48 MB for chi_sim; reform keeps two such engines a lane (chi_sim, and chi_sim+eng
// for number cells). With the LSTM recognizer alone the templates are never consulted: the legacy
// passes that classify with them and adapt them run only for a legacy language (AnyTessLang), and
// what recognition reads of them (the count of permanent classes) exists in empty templates too.
// Setting classify_enable_adaptive_matcher to 0 does not stop 5.3.0 from building them, and freeing
// them after Init crashes the next page (benchmarks.md, the eighth and twelfth sessions' notes).
//
// The executable therefore defines the templates' constructor (the same ELF interposition as
// CFontFiles: libtesseract's own calls go through its PLT and find the executable's definition
// first) and builds them for a character set with no characters. The constructor reads nothing of
// the set but its size, the length of the vector that opens UNICHARSET; that layout is tesseract
// 5.3's, so any other version gets its own constructor with the real set. The records reform reads
// from scans are the same either way (checked on every scanned, image-only and fixture PDF of the
// corpus), and an engine starts and reads with 48 MB less.
#include <atomic>
#include <cstdio>
#include <cstdlib>

#include "tesseract_own.h"
#include "tesseract_templates.h"

namespace {

std::atomic<long> emptied{0};

using Constructor = void (*)(void *self, void *unicharset);

struct Own {
    Constructor constructor = nullptr;
    bool knownLayout = false;
};

// libtesseract's own constructor, and whether its UNICHARSET starts with the vector of characters.
const Own &own() {
    static const Own found = [] {
        const auto lib = reform_tesseract::own("_ZN9tesseract22ADAPT_TEMPLATES_STRUCTC2ERNS_10UNICHARSETE");
        Own o;
        o.constructor = reinterpret_cast<Constructor>(lib.symbol);
        o.knownLayout = lib.isVersion53;
        if (o.constructor == nullptr) {
            std::fprintf(stderr, "reform: tesseract's ADAPT_TEMPLATES_STRUCT constructor not found: %s\n", dlerror());
            std::abort();
        }
        return o;
    }();
    return found;
}

// A UNICHARSET as far as the constructor reads it: an empty vector (begin == end).
struct EmptyCharacterSet {
    void *begin = nullptr, *end = nullptr, *capacity = nullptr;
};

void construct(void *self, void *unicharset) {
    const Own &o = own();
    if (!o.knownLayout) {
        o.constructor(self, unicharset);
        return;
    }
    EmptyCharacterSet none;
    o.constructor(self, &none);
    emptied.fetch_add(1, std::memory_order_relaxed);
}

} // namespace

extern "C" void reform_adapt_templates_c1(void *self, void *unicharset) __asm__("_ZN9tesseract22ADAPT_TEMPLATES_STRUCTC1ERNS_10UNICHARSETE");
extern "C" void reform_adapt_templates_c2(void *self, void *unicharset) __asm__("_ZN9tesseract22ADAPT_TEMPLATES_STRUCTC2ERNS_10UNICHARSETE");

extern "C" void reform_adapt_templates_c1(void *self, void *unicharset) { construct(self, unicharset); }
extern "C" void reform_adapt_templates_c2(void *self, void *unicharset) { construct(self, unicharset); }

extern "C" long reform_tesseract_templates_emptied(void) { return emptied.load(std::memory_order_relaxed); }
