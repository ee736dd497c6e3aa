// Fonts shared by the pages of a document.
//
// poppler interprets each page with fresh resources (GfxResources), and their constructor builds
// every font the page's resources name (GfxFontDict, GfxFont::makeFont): the font dictionary is
// fetched and parsed, the embedded font program inflated and read for its encoding, the ToUnicode
// map parsed. The pages of a form share their fonts, so a four-page form builds the same fonts four
// times; in a folder's profile that was 9% of the time. Pages that share only some of their fonts
// name them in font resources of their own (Chrome lists on each page the Type 3 fonts the page
// uses, ~95, most of them used by the page before too), so the fonts are shared one by one.
//
// This file defines GfxResources' constructor itself (the same ELF interposition as font_files.cpp
// and font_stubs.cpp). Where every entry of a page's font resource is an indirect font, the fonts
// are built by the executable: each one found among those kept for the document (its XRef) under
// the same object and name is handed over, the others are built as poppler builds them and kept.
// The rest of the resources, and the page's font dictionary itself (built empty from a font
// resource without entries, then given the fonts), are poppler's; the page owns and frees its font
// dictionary as it always did. The fonts' own objects are poppler's, immutable once built
// (GfxState, the text device and the cairo device hold them by shared_ptr). A kept font no page
// holds is idle; of those, a document keeps the most recently used within a budget (idleBudget)
// and frees the rest, as poppler would have at the end of their pages: a document whose pages each
// name fonts of their own or that gathers many forms' pages would otherwise hold every page's fonts
// to its end. Before an OCR engine loads its models, the largest allocation of a process, the idle
// ones the lane's pages used last are freed (reform_font_dicts_release_idle). The rest are freed
// when their document's XRef is (XRef's destructor, interposed too). Character maps missing while a
// kept font was built (font_maps.cpp) are noted again for every page that reuses it.
//
// GfxResources' layout and GfxFontDict's are poppler's private ABI, read from libpoppler-private-dev's
// headers; the interposition is compiled for poppler 22.12 with those headers only. Anything else
// leaves every page building its own fonts: slower, same output.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include "font_files.h"

#if __has_include(<poppler-features.h>) && __has_include(<Gfx.h>) && __has_include(<GfxFont.h>)
#include <poppler-features.h>
#if POPPLER_CHECK_VERSION(22, 12, 0) && !POPPLER_CHECK_VERSION(22, 13, 0)
#define REFORM_SHARED_FONT_DICTS 1
#endif
#endif

namespace {
thread_local long reuses = 0; // on the calling thread
}

#ifdef REFORM_SHARED_FONT_DICTS

// poppler's headers in poppler's order: Object.h's inline functions need Dict.h after it.
#include <poppler-config.h>
#include <Gfx.h>
#include <GfxFont.h>
#include <Object.h>
#include <Dict.h>
#include <XRef.h>
#include <CharCodeToUnicode.h>
#include <Error.h>

#include <algorithm>
#include <climits>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "poppler_own.h"

namespace reform {

// Private members (GfxResources::fonts, GfxFontDict::fonts): an explicit instantiation may name
// them (access is not checked there), and hands the member pointer out through a friend.
struct ResourceFonts {
    using type = GfxFontDict *GfxResources::*;
    friend type exposed(ResourceFonts);
};
struct DictFonts {
    using type = std::vector<std::shared_ptr<GfxFont>> GfxFontDict::*;
    friend type exposed(DictFonts);
};
template <typename Tag, typename Tag::type Member>
struct Expose {
    friend typename Tag::type exposed(Tag) { return Member; }
};
template struct Expose<ResourceFonts, &GfxResources::fonts>;
template struct Expose<DictFonts, &GfxFontDict::fonts>;

GfxFontDict *&fontsOf(GfxResources *resources) { return resources->*exposed(ResourceFonts()); }
std::vector<std::shared_ptr<GfxFont>> &fontsOf(GfxFontDict *dict) { return dict->*exposed(DictFonts()); }

// A font of a document: its object and the name a page's resources give it (poppler finds a
// page's fonts by the name they were built under).
struct Key {
    const XRef *xref;
    int num;
    int gen;
    std::string name;
    bool operator<(const Key &other) const {
        if (xref != other.xref) return std::less<const XRef *>()(xref, other.xref);
        if (num != other.num) return num < other.num;
        if (gen != other.gen) return gen < other.gen;
        return name < other.name;
    }
};

struct Kept {
    std::shared_ptr<GfxFont> font;
    unsigned missingMaps;     // character collections poppler missed while building it
    unsigned long lastUse;    // when a page last took it (ticks)
    std::size_t weight;       // bytes it holds, roughly (weight())
    std::thread::id lastUser; // the thread of that page
    // No page holds it: only the table does (pages hold it in their font dictionaries, states and
    // text devices, each by shared_ptr; all of a document's pages are read on one thread).
    bool idle() const { return font.use_count() == 1; }
};

// What the idle fonts a document keeps for pages still to come may hold (weight()). A form's
// pages share a handful of fonts of a few kilobytes to a few hundred; a document gathered from two
// dozen forms' pages keeps all of theirs within it. Past it, the least recently used idle ones are
// freed (a later page with them builds them again): a page of Chrome's ~100 Type 3 fonts holds
// over a megabyte.
constexpr std::size_t idleBudget = std::size_t(8) << 20;

std::mutex lock;
std::map<Key, Kept> kept;
std::map<const XRef *, std::size_t> keptWeight; // of each document's kept fonts, idle or not
unsigned long ticks = 0; // orders the uses

// The font resource of `resources` when every entry is an indirect font, which the executable
// builds; null for poppler to build (no font resource, one that is not a dictionary, or one with a
// font written out in place). `holder` keeps a fetched dictionary alive.
Dict *indirectFonts(XRef *xref, Dict *resources, Object &holder) {
    const Object &font = resources->lookupNF("Font");
    Dict *fonts = nullptr;
    if (font.isRef()) {
        holder = font.fetch(xref);
        if (holder.isDict()) fonts = holder.getDict();
    } else if (font.isDict()) {
        fonts = font.getDict();
    }
    if (fonts == nullptr) return nullptr;
    for (int i = 0; i < fonts->getLength(); i++) {
        if (!fonts->getValNF(i).isRef()) return nullptr;
    }
    return fonts;
}

// Roughly the bytes a font holds: its character maps (a 16-bit font's reach 65,536 entries) and,
// measured with mallinfo2 on the corpus, 5–11 KB a font besides (names, widths, encoding, a Type 3
// font's procedures).
std::size_t weight(const GfxFont &font) {
    constexpr std::size_t perFont = 8192;
    std::size_t bytes = perFont;
    if (const CharCodeToUnicode *map = font.getToUnicode()) bytes += map->getLength() * sizeof(Unicode);
    if (font.isCIDFont()) bytes += static_cast<const GfxCIDFont &>(font).getCIDToGIDLen() * sizeof(int);
    return bytes;
}

// Takes out of `kept` the least recently used idle fonts of `xref` (when null: of every document,
// those the calling thread's pages used last) until the idle ones left weigh at most `budget`; the
// caller lets them go once the lock is released (a font's destructor frees its maps and objects).
// Called with the lock held.
void evictIdle(const XRef *xref, std::size_t budget, std::vector<std::shared_ptr<GfxFont>> &dropped) {
    if (xref != nullptr && keptWeight[xref] <= budget) return; // idle ones weigh no more than all
    std::vector<std::map<Key, Kept>::iterator> idle;
    std::size_t idleWeight = 0;
    const std::thread::id caller = std::this_thread::get_id();
    auto it = xref == nullptr ? kept.begin() : kept.lower_bound(Key{xref, INT_MIN, INT_MIN, std::string()});
    for (; it != kept.end() && (xref == nullptr || it->first.xref == xref); ++it) {
        if (!it->second.idle() || (xref == nullptr && it->second.lastUser != caller)) continue;
        idle.push_back(it);
        idleWeight += it->second.weight;
    }
    if (idleWeight <= budget) return;
    std::sort(idle.begin(), idle.end(), [](auto a, auto b) { return a->second.lastUse < b->second.lastUse; });
    for (auto entry : idle) {
        if (idleWeight <= budget) break;
        idleWeight -= entry->second.weight;
        keptWeight[entry->first.xref] -= entry->second.weight;
        dropped.push_back(std::move(entry->second.font));
        kept.erase(entry);
    }
}

// Fills the page's (empty) font dictionary with the fonts of `resource`, each kept one handed over,
// the others built as poppler's GfxFontDict builds them and kept.
void fill(GfxFontDict *dict, XRef *xref, Dict *resource) {
    std::vector<std::shared_ptr<GfxFont>> &fonts = fontsOf(dict);
    const int count = resource->getLength();
    fonts.resize(count);
    unsigned reusedMissing = 0;
    bool reused = false;
    std::vector<std::shared_ptr<GfxFont>> dropped;
    for (int i = 0; i < count; i++) {
        const Object &entry = resource->getValNF(i);
        const Ref ref = entry.getRef();
        Key key{xref, ref.num, ref.gen, resource->getKey(i)};
        {
            std::lock_guard<std::mutex> hold(lock);
            auto it = kept.find(key);
            if (it != kept.end()) {
                Kept &found = it->second;
                fonts[i] = found.font;
                found.lastUse = ++ticks;
                found.lastUser = std::this_thread::get_id();
                reusedMissing |= found.missingMaps;
                reused = true;
                continue;
            }
        }
        const unsigned before = reform_font_maps_take_missing();
        Object font = entry.fetch(xref);
        if (font.isDict()) {
            fonts[i] = GfxFont::makeFont(xref, resource->getKey(i), ref, font.getDict());
            if (fonts[i] && !fonts[i]->isOk()) fonts[i].reset();
        } else {
            error(errSyntaxError, -1, "font resource is not a dictionary");
        }
        const unsigned raised = reform_font_maps_take_missing();
        reform_font_maps_note_missing(before | raised);
        if (!fonts[i]) continue; // built again by the next page that names it, as poppler does
        std::lock_guard<std::mutex> hold(lock);
        const std::size_t bytes = weight(*fonts[i]);
        if (kept.emplace(std::move(key), Kept{fonts[i], raised, ++ticks, bytes, std::this_thread::get_id()}).second) {
            keptWeight[xref] += bytes;
        }
    }
    if (reusedMissing != 0) reform_font_maps_note_missing(reusedMissing);
    if (reused) reuses += 1;
    {
        std::lock_guard<std::mutex> hold(lock);
        evictIdle(xref, idleBudget, dropped);
    }
}

using Constructor = void (*)(GfxResources *, XRef *, Dict *, GfxResources *);
using Destructor = void (*)(void *);

void construct(Constructor own, GfxResources *self, XRef *xref, Dict *resources, GfxResources *next) {
    Object holder;
    Dict *fonts = resources == nullptr ? nullptr : indirectFonts(xref, resources, holder);
    if (fonts == nullptr) {
        own(self, xref, resources, next);
        return;
    }
    // The resources as poppler builds them, from a copy whose font resource has no entries: the
    // page's font dictionary comes out empty, and is filled here.
    Object rest(resources->copy(xref));
    rest.getDict()->set("Font", Object(new Dict(xref)));
    own(self, xref, rest.getDict(), next);
    // poppler builds a font dictionary for any font resource that is a dictionary.
    if (GfxFontDict *dict = fontsOf(self)) fill(dict, xref, fonts);
}

void forget(const XRef *xref) {
    std::vector<std::shared_ptr<GfxFont>> dropped;
    {
        std::lock_guard<std::mutex> hold(lock);
        for (auto it = kept.lower_bound(Key{xref, INT_MIN, INT_MIN, std::string()}); it != kept.end() && it->first.xref == xref;) {
            dropped.push_back(std::move(it->second.font));
            it = kept.erase(it);
        }
        keptWeight.erase(xref);
    }
}

void releaseIdle() {
    std::vector<std::shared_ptr<GfxFont>> dropped;
    std::lock_guard<std::mutex> hold(lock);
    evictIdle(nullptr, 0, dropped);
}

} // namespace reform

// GfxResources::GfxResources(XRef *, Dict *, GfxResources *), complete and base object constructors.
extern "C" void reform_resources_c1(GfxResources *self, XRef *xref, Dict *resources, GfxResources *next) __asm__(
    "_ZN12GfxResourcesC1EP4XRefP4DictPS_");
extern "C" void reform_resources_c2(GfxResources *self, XRef *xref, Dict *resources, GfxResources *next) __asm__(
    "_ZN12GfxResourcesC2EP4XRefP4DictPS_");
extern "C" void reform_xref_d1(XRef *self) __asm__("_ZN4XRefD1Ev");
extern "C" void reform_xref_d2(XRef *self) __asm__("_ZN4XRefD2Ev");

extern "C" void reform_resources_c1(GfxResources *self, XRef *xref, Dict *resources, GfxResources *next) {
    static const auto own = reform::popplerOwn<reform::Constructor>("_ZN12GfxResourcesC1EP4XRefP4DictPS_");
    reform::construct(own, self, xref, resources, next);
}

extern "C" void reform_resources_c2(GfxResources *self, XRef *xref, Dict *resources, GfxResources *next) {
    static const auto own = reform::popplerOwn<reform::Constructor>("_ZN12GfxResourcesC2EP4XRefP4DictPS_");
    reform::construct(own, self, xref, resources, next);
}

extern "C" void reform_xref_d1(XRef *self) {
    static const auto own = reform::popplerOwn<reform::Destructor>("_ZN4XRefD1Ev");
    reform::forget(self);
    own(self);
}

extern "C" void reform_xref_d2(XRef *self) {
    static const auto own = reform::popplerOwn<reform::Destructor>("_ZN4XRefD2Ev");
    reform::forget(self);
    own(self);
}

extern "C" int reform_font_dicts_is_active(void) { return 1; }

extern "C" void reform_font_dicts_release_idle(void) { reform::releaseIdle(); }

#else

extern "C" int reform_font_dicts_is_active(void) { return 0; }

extern "C" void reform_font_dicts_release_idle(void) {}

#endif

extern "C" long reform_font_dicts_reused(void) { return reuses; }
