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
// built (GfxState, the text device and the cairo device hold them by shared_ptr). Kept fonts are
// freed when their document's XRef is (XRef's destructor, interposed too). Character maps missing
// while a kept dictionary was built (font_maps.cpp) are noted again for every page that reuses it.
//
// GfxResources' layout and GfxFontDict's are poppler's private ABI, read from libpoppler-private-dev's
// headers; the interposition is compiled for poppler 22.12 with those headers only. Anything else
// leaves every page building its own fonts: slower, same output.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <atomic>

#include "font_files.h"

#if __has_include(<poppler-features.h>) && __has_include(<Gfx.h>) && __has_include(<GfxFont.h>)
#include <poppler-features.h>
#if POPPLER_CHECK_VERSION(22, 12, 0) && !POPPLER_CHECK_VERSION(22, 13, 0)
#define REFORM_SHARED_FONT_DICTS 1
#endif
#endif

namespace {
std::atomic<long> reuses{0};
}

#ifdef REFORM_SHARED_FONT_DICTS

// poppler's headers in poppler's order: Object.h's inline functions need Dict.h after it.
#include <poppler-config.h>
#include <Gfx.h>
#include <GfxFont.h>
#include <Object.h>
#include <Dict.h>
#include <XRef.h>

#include <map>
#include <mutex>
#include <string>
#include <unordered_set>
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
};

std::mutex lock;
std::map<std::pair<const XRef *, std::string>, Kept> kept;
std::unordered_set<const GfxFontDict *> shared;

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

using Constructor = void (*)(GfxResources *, XRef *, Dict *, GfxResources *);
using Destructor = void (*)(void *);

void construct(Constructor own, GfxResources *self, XRef *xref, Dict *resources, GfxResources *next) {
    std::string key;
    if (resources == nullptr || !fontKey(resources, key)) {
        own(self, xref, resources, next);
        return;
    }
    const auto id = std::make_pair(static_cast<const XRef *>(xref), key);
    Kept found{nullptr, 0};
    {
        std::lock_guard<std::mutex> hold(lock);
        auto it = kept.find(id);
        if (it != kept.end()) found = it->second;
    }
    if (found.fonts != nullptr) {
        // The other resources as poppler builds them, from a copy without the fonts.
        Object rest(resources->copy(xref));
        rest.getDict()->remove("Font");
        own(self, xref, rest.getDict(), next);
        fontsOf(self) = found.fonts;
        if (found.missingMaps != 0) reform_font_maps_note_missing(found.missingMaps);
        reuses.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    const unsigned before = reform_font_maps_take_missing();
    own(self, xref, resources, next);
    const unsigned raised = reform_font_maps_take_missing();
    reform_font_maps_note_missing(before | raised);
    GfxFontDict *built = fontsOf(self);
    if (built == nullptr) return;
    std::lock_guard<std::mutex> hold(lock);
    if (kept.emplace(id, Kept{built, raised}).second) shared.insert(built);
}

void destroy(Destructor own, GfxResources *self) {
    GfxFontDict *&fonts = fontsOf(self);
    if (fonts != nullptr) {
        std::lock_guard<std::mutex> hold(lock);
        if (shared.count(fonts) != 0) fonts = nullptr; // the document's, not this page's
    }
    own(self);
}

void forget(const XRef *xref) {
    std::vector<GfxFontDict *> dropped;
    {
        std::lock_guard<std::mutex> hold(lock);
        for (auto it = kept.begin(); it != kept.end();) {
            if (it->first.first == xref) {
                dropped.push_back(it->second.fonts);
                shared.erase(it->second.fonts);
                it = kept.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (GfxFontDict *fonts : dropped) delete fonts;
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

#else

extern "C" int reform_font_dicts_is_active(void) { return 0; }

#endif

extern "C" long reform_font_dicts_reused(void) { return reuses.load(std::memory_order_relaxed); }
