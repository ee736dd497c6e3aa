// Content-stream operators looked up once a thread.
//
// poppler's content-stream interpreter finds each operator it executes (`re`, `Tj`, `BDC`, …) by a
// binary search of its table with strcmp (Gfx::findOp, about 250 instructions a call): a page of a
// form runs a couple of thousand operators, and on a born-digital folder the search was 1.3% of the
// instructions of `reform extract` (callgrind). The answer depends on the name only (the table is
// static), so this file defines Gfx::findOp itself (the same ELF interposition as font_dicts.cpp)
// and keeps poppler's answer for every name of up to three characters (every operator of the PDF
// specification) in a small table of the calling thread; a longer name, or a full table, asks
// poppler each time. The pointer handed back is poppler's own, into its operator table.
#include <cstdint>

#include "font_files.h"
#include "poppler_own.h"

namespace {

// What poppler's Gfx::findOp is called with: the interpreter (unused) and the operator's name.
using FindOp = const void *(*)(void *, const char *);

constexpr unsigned slots = 256; // a power of two, over three times the operators poppler knows
constexpr unsigned probes = 8;

struct Entry {
    std::uint32_t key; // the name's bytes, zero for an empty slot
    const void *op;    // poppler's answer, null for a name it does not know
};

thread_local Entry known[slots];
thread_local long answeredFromTable = 0;
thread_local bool tableInUse = true;

// The name of up to three characters as a number (its bytes, so distinct names differ), or zero.
std::uint32_t keyOf(const char *name) {
    std::uint32_t key = 0;
    for (unsigned i = 0; i < 4; i++) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c == 0) return key;
        if (i == 3) return 0;
        key |= std::uint32_t(c) << (8 * i);
    }
    return 0;
}

} // namespace

// const Operator *Gfx::findOp(const char *name)
extern "C" const void *reform_gfx_find_op(void *gfx, const char *name) __asm__("_ZN3Gfx6findOpEPKc");

extern "C" const void *reform_gfx_find_op(void *gfx, const char *name) {
    static const auto own = reform::popplerOwn<FindOp>("_ZN3Gfx6findOpEPKc");
    const std::uint32_t key = tableInUse ? keyOf(name) : 0;
    if (key == 0) return own(gfx, name);
    unsigned slot = (key * 2654435761u) >> 24;
    for (unsigned i = 0; i < probes; i++, slot = (slot + 1) & (slots - 1)) {
        Entry &entry = known[slot];
        if (entry.key == key) {
            answeredFromTable += 1;
            return entry.op;
        }
        if (entry.key == 0) {
            entry.op = own(gfx, name);
            entry.key = key;
            return entry.op;
        }
    }
    return own(gfx, name);
}

extern "C" long reform_operator_lookups_kept(void) { return answeredFromTable; }

extern "C" void reform_operator_lookups_use_table(int use) { tableInUse = use != 0; }
