// tesseract's universal ambiguities, not loaded.
//
// When an engine starts, tesseract 5.3.0 (built with its legacy engine, as Debian's is) loads a table
// of character ambiguities compiled into the library ("rn" may be "m", and so on, for every script):
// UnicharAmbigs::LoadUniversal. For every rule it inserts the rule's characters into the engine's
// character set, whose map from UTF-8 to ids is a trie of 256-way nodes, so chi_sim's set grows by
// about 9 MB an engine, 18 MB for the two engines of a lane (chi_sim, and chi_sim+eng for number
// cells). Only the legacy recognizer consults the table (its word-level ambiguity checks, and
// adaptation when use_ambigs_for_adaption is set); reform runs the LSTM recognizer only
// (OEM_LSTM_ONLY), whose words come from the LSTM's own character set, and the characters the rules
// add come after all of the LSTM's ids.
//
// The executable therefore defines LoadUniversal (the same ELF interposition as the templates'
// constructor in adapt_templates.cpp: libtesseract calls it through its PLT) and loads nothing for
// tesseract 5.3, whose readings reform has checked with and without the table (every scanned,
// image-only and fixture PDF of the corpus reads the same records); any other version loads it.
#include <atomic>
#include <cstdio>
#include <cstdlib>

#include "tesseract_own.h"
#include "tesseract_templates.h"

namespace {

std::atomic<long> skipped{0};

using Loader = void (*)(void *self, const void *encoderSet, void *unicharset);

struct Own {
    Loader loader = nullptr;
    bool skip = false;
};

// libtesseract's own LoadUniversal, and whether this tesseract is one whose readings were checked
// without the table.
const Own &own() {
    static const Own found = [] {
        const auto lib = reform_tesseract::own("_ZN9tesseract13UnicharAmbigs13LoadUniversalERKNS_10UNICHARSETEPS1_");
        Own o;
        o.loader = reinterpret_cast<Loader>(lib.symbol);
        o.skip = lib.isVersion53;
        if (o.loader == nullptr && !o.skip) {
            std::fprintf(stderr, "reform: tesseract's UnicharAmbigs::LoadUniversal not found: %s\n", dlerror());
            std::abort();
        }
        return o;
    }();
    return found;
}

} // namespace

extern "C" void reform_load_universal_ambigs(void *self, const void *encoderSet, void *unicharset) __asm__("_ZN9tesseract13UnicharAmbigs13LoadUniversalERKNS_10UNICHARSETEPS1_");

extern "C" void reform_load_universal_ambigs(void *self, const void *encoderSet, void *unicharset) {
    const Own &o = own();
    if (!o.skip) {
        o.loader(self, encoderSet, unicharset);
        return;
    }
    skipped.fetch_add(1, std::memory_order_relaxed);
}

extern "C" long reform_tesseract_universal_ambigs_skipped(void) { return skipped.load(std::memory_order_relaxed); }
