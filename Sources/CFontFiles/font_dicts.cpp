// Font dictionaries shared by the pages of a document.
//
// poppler interprets each page with fresh resources (GfxResources), and their constructor builds
// every font the page's resources name (GfxFontDict, GfxFont::makeFont): the font dictionary is
// parsed, the embedded font program inflated and read for its encoding, the ToUnicode map parsed.
// The pages of a form share their fonts, so a four-page form builds the same fonts four times; in
// a folder's profile that was 9% of the time.
//
// This file defines GfxResources' constructor and destructor itself (the same ELF interposition as
// font_files.cpp and font_stubs.cpp). Where a page's font resource is an indirect dictionary, or a
// dictionary of indirect fonts, the fonts built for the first page with that resource are kept for
// the document (its XRef) and handed to the next pages with the same resource; the rest of the
// resources are built by poppler as before. The fonts' own objects are poppler's, immutable once
// built (GfxState, the text device and the cairo device hold them by shared_ptr). A kept dictionary
// counts the pages using it; of those no page uses, a document keeps the most recently used within
// a budget (idleBudget) and frees the rest, as poppler would have at the end of their pages: a
// document whose pages each name fonts of their own (Chrome writes ~95 Type 3 fonts a page) or that
// gathers many forms' pages would otherwise hold every page's fonts to its end. Before an OCR
// engine loads its models, the largest allocation of a process, the idle ones the lane's pages
// used last are freed (reform_font_dicts_release_idle). The rest are freed when their document's
// XRef is (XRef's destructor, interposed too). Character maps missing while a kept dictionary was
// built (font_maps.cpp) are noted again for every page that reuses it.
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

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "poppler_own.h"

namespace reform {

// GfxResources::fonts is private: an explicit instantiation may name it (access is not checked
// there), and hands the member pointer out through a friend.
struct FontsMember {
    using type = GfxFontDict *GfxResources::*;
    friend type fontsMember(FontsMember);
};
template <typename Tag, typename Tag::type Member>
struct Expose {
    friend typename Tag::type fontsMember(Tag) { return Member; }
};
template struct Expose<FontsMember, &GfxResources::fonts>;

GfxFontDict *&fontsOf(GfxResources *resources) { return resources->*fontsMember(FontsMember()); }

struct Kept {
    GfxFontDict *fonts;
    unsigned missingMaps; // character collections poppler missed while building them
    unsigned users;       // pages (GfxResources) holding them now
    unsigned long lastUse;    // when a page last let them go (ticks)
    std::size_t weight;       // bytes they hold, roughly (weight())
    std::thread::id lastUser; // the thread of that page
};

// What the idle dictionaries a document keeps for pages still to come may hold (weight()). A
// form's pages share one or two font resources of a few kilobytes to a few hundred; a document
// gathered from two dozen forms' pages keeps all of theirs within it. Past it, the least recently
// used idle ones are freed (a later page with them builds them again): a page of Chrome's ~100
// Type 3 fonts holds over a megabyte, and its fonts are the page's own.
constexpr std::size_t idleBudget = std::size_t(8) << 20;

using Key = std::pair<const XRef *, std::string>;
std::mutex lock;
std::map<Key, Kept> kept;
std::map<const GfxFontDict *, Key> keyOf; // every kept dictionary, to find its entry from a page
unsigned long ticks = 0; // orders the uses

// What identifies a font resource within a document: the reference of its dictionary, or its
// names and the references of their fonts. A resource with a font written out in place has no
// such identity: it is built each time, as poppler does.
bool fontKey(Dict *resources, std::string &key) {
    const Object &font = resources->lookupNF("Font");
    if (font.isRef()) {
        const Ref r = font.getRef();
        key = "R" + std::to_string(r.num) + "." + std::to_string(r.gen);
        return true;
    }
    if (!font.isDict()) return false;
    Dict *fonts = font.getDict();
    key = "D";
    for (int i = 0; i < fonts->getLength(); i++) {
        const Object &entry = fonts->getValNF(i);
        if (!entry.isRef()) return false;
        const Ref r = entry.getRef();
        key += fonts->getKey(i);
        key += '\0';
        key += std::to_string(r.num) + "." + std::to_string(r.gen) + ";";
    }
    return true;
}

// Roughly the bytes a dictionary's fonts hold: their character maps (a 16-bit font's reach 65,536
// entries) and, measured with mallinfo2 on the corpus, 5–11 KB a font besides (names, widths,
// encoding, a Type 3 font's procedures).
std::size_t weight(GfxFontDict *dict) {
    constexpr std::size_t perFont = 8192;
    std::size_t bytes = 0;
    for (int i = 0; i < dict->getNumFonts(); i++) {
        const GfxFont *font = dict->getFont(i).get();
        if (font == nullptr) continue;
        bytes += perFont;
        if (const CharCodeToUnicode *map = font->getToUnicode()) bytes += map->getLength() * sizeof(Unicode);
        if (font->isCIDFont()) bytes += static_cast<const GfxCIDFont *>(font)->getCIDToGIDLen() * sizeof(int);
    }
    return bytes;
}

// Takes out of `kept` the least recently used idle dictionaries of `xref` (when null: of every
// document, those the calling thread's pages used last) until those left weigh at most `budget`;
// the caller deletes them once the lock is released. Called with the lock held.
void evictIdle(const XRef *xref, std::size_t budget, std::vector<GfxFontDict *> &dropped) {
    std::vector<std::map<Key, Kept>::iterator> idle;
    std::size_t idleWeight = 0;
    const std::thread::id caller = std::this_thread::get_id();
    auto it = xref == nullptr ? kept.begin() : kept.lower_bound(Key(xref, std::string()));
    for (; it != kept.end() && (xref == nullptr || it->first.first == xref); ++it) {
        if (it->second.users != 0 || (xref == nullptr && it->second.lastUser != caller)) continue;
        idle.push_back(it);
        idleWeight += it->second.weight;
    }
    if (idleWeight <= budget) return;
    std::sort(idle.begin(), idle.end(), [](auto a, auto b) { return a->second.lastUse < b->second.lastUse; });
    for (auto entry : idle) {
        if (idleWeight <= budget) break;
        idleWeight -= entry->second.weight;
        dropped.push_back(entry->second.fonts);
        keyOf.erase(entry->second.fonts);
        kept.erase(entry);
    }
}

void release(const std::vector<GfxFontDict *> &dropped) {
    for (GfxFontDict *fonts : dropped) delete fonts;
}

using Constructor = void (*)(GfxResources *, XRef *, Dict *, GfxResources *);
using Destructor = void (*)(void *);

void construct(Constructor own, GfxResources *self, XRef *xref, Dict *resources, GfxResources *next) {
    std::string key;
    if (resources == nullptr || !fontKey(resources, key)) {
        own(self, xref, resources, next);
        return;
    }
    Key id(xref, key);
    Kept found{};
    {
        std::lock_guard<std::mutex> hold(lock);
        auto it = kept.find(id);
        if (it != kept.end()) {
            it->second.users += 1; // held from here: no eviction takes it (its last use is its page's end)
            found = it->second;
        }
    }
    if (found.fonts != nullptr) {
        // The other resources as poppler builds them, from a copy without the fonts.
        Object rest(resources->copy(xref));
        rest.getDict()->remove("Font");
        own(self, xref, rest.getDict(), next);
        fontsOf(self) = found.fonts;
        if (found.missingMaps != 0) reform_font_maps_note_missing(found.missingMaps);
        reuses += 1;
        return;
    }
    const unsigned before = reform_font_maps_take_missing();
    own(self, xref, resources, next);
    const unsigned raised = reform_font_maps_take_missing();
    reform_font_maps_note_missing(before | raised);
    GfxFontDict *built = fontsOf(self);
    if (built == nullptr) return;
    std::lock_guard<std::mutex> hold(lock);
    const Kept entry{built, raised, 1, ++ticks, weight(built), std::this_thread::get_id()};
    if (kept.emplace(id, entry).second) keyOf.emplace(built, std::move(id));
}

void destroy(Destructor own, GfxResources *self) {
    GfxFontDict *&fonts = fontsOf(self);
    std::vector<GfxFontDict *> dropped;
    if (fonts != nullptr) {
        std::lock_guard<std::mutex> hold(lock);
        auto owner = keyOf.find(fonts);
        if (owner != keyOf.end()) { // the document's, not this page's
            fonts = nullptr;
            Kept &entry = kept.at(owner->second);
            entry.users -= 1;
            entry.lastUse = ++ticks;
            entry.lastUser = std::this_thread::get_id();
            if (entry.users == 0) evictIdle(owner->second.first, idleBudget, dropped);
        }
    }
    own(self);
    release(dropped);
}

void forget(const XRef *xref) {
    std::vector<GfxFontDict *> dropped;
    {
        std::lock_guard<std::mutex> hold(lock);
        for (auto it = kept.lower_bound(Key(xref, std::string())); it != kept.end() && it->first.first == xref;) {
            dropped.push_back(it->second.fonts);
            keyOf.erase(it->second.fonts);
            it = kept.erase(it);
        }
    }
    release(dropped);
}

void releaseIdle() {
    std::vector<GfxFontDict *> dropped;
    {
        std::lock_guard<std::mutex> hold(lock);
        evictIdle(nullptr, 0, dropped);
    }
    release(dropped);
}

} // namespace reform

// GfxResources::GfxResources(XRef *, Dict *, GfxResources *), complete and base object constructors.
extern "C" void reform_resources_c1(GfxResources *self, XRef *xref, Dict *resources, GfxResources *next) __asm__(
    "_ZN12GfxResourcesC1EP4XRefP4DictPS_");
extern "C" void reform_resources_c2(GfxResources *self, XRef *xref, Dict *resources, GfxResources *next) __asm__(
    "_ZN12GfxResourcesC2EP4XRefP4DictPS_");
extern "C" void reform_resources_d1(GfxResources *self) __asm__("_ZN12GfxResourcesD1Ev");
extern "C" void reform_resources_d2(GfxResources *self) __asm__("_ZN12GfxResourcesD2Ev");
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

extern "C" void reform_resources_d1(GfxResources *self) {
    static const auto own = reform::popplerOwn<reform::Destructor>("_ZN12GfxResourcesD1Ev");
    reform::destroy(own, self);
}

extern "C" void reform_resources_d2(GfxResources *self) {
    static const auto own = reform::popplerOwn<reform::Destructor>("_ZN12GfxResourcesD2Ev");
    reform::destroy(own, self);
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
