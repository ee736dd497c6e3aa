// Stand-in fonts for renders that draw no glyphs.
//
// reform renders a page to find its table lines with the glyph gate closed (glyph_gate.c): poppler
// interprets the text, collects the text layer, and cairo draws no glyph. Yet before the first
// string in each font, poppler's cairo device still builds a cairo font for it: it locates the font
// (fontconfig for a font the PDF does not embed), reads and decodes the embedded font program or
// maps the system substitute, builds the code-to-glyph map (for a Chinese CID font not embedded, a
// walk over 30,000 CIDs through the substitute's cmap) and opens a FreeType face. None of it is used.
//
// This file defines GfxFont::locateFont itself (the same ELF interposition as font_files.cpp: the
// executable is linked against libpoppler-glib, whose cairo font engine calls it, so the dynamic
// linker binds that call here). While the calling thread's glyph gate is closed it answers with a
// tiny empty TrueType font held in memory, as a CID-keyed font, the one kind of font poppler's cairo
// engine opens without a code-to-glyph map or a cast to an 8-bit font; otherwise it calls
// libpoppler's own. The text layer does not depend on the cairo font (poppler's text device reads
// the PDF's font), so the text and the drawn lines are the same either way.
//
// poppler's cairo engine keeps the fonts of a document for its later renders: a document rendered
// with the gate closed must not draw glyphs afterwards (PDFPage opens the document afresh for that).
// Its FreeType faces are shared per thread by file name and font object; the stand-in's name is its
// own (/proc/self/fd/N of a memfd), so no real font is ever taken for it.
//
// GfxFontLoc's layout is poppler's private ABI (read off 22.12's GfxFontLoc constructors); the
// interposition is compiled for 22.12 only. Anything else (another poppler, no memfd, no
// /proc) leaves poppler's own locateFont in charge: slower, same output.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>

#include "font_files.h"
#include "glyph_gate.h"
#include "poppler_own.h"

#if __has_include(<poppler-features.h>)
#include <poppler-features.h>
#endif

#if defined(POPPLER_CHECK_VERSION)
#if POPPLER_CHECK_VERSION(22, 12, 0) && !POPPLER_CHECK_VERSION(22, 13, 0)
#define REFORM_STUB_FONTS 1
#endif
#endif

#ifdef REFORM_STUB_FONTS

class XRef;
class PSOutputDev;

namespace reform {

// poppler's GfxFontLoc, member for member (22.12): where a font's program is. Its own name, so that
// nothing here stands in for poppler's constructors and destructor.
struct FontLocation {
    int locType = 0;  // GfxFontLocType: 0 embedded, 1 external (a file), 2 resident (PostScript)
    int fontType = 0; // GfxFontType
    int embFontIDNum = -1, embFontIDGen = -1;
    std::string path;
    int fontNum = 0;
    int substIdx = -1;
};
static_assert(sizeof(FontLocation) == 56, "poppler 22.12's GfxFontLoc is 56 bytes");

const int locationExternal = 1;
const int fontCIDType0C = 8;

// An sfnt with one empty glyph: head, hhea, maxp, hmtx, loca, glyf (empty), name and post without
// entries. FreeType opens it; every character is glyph 0.
std::string emptyFont() {
    struct Table {
        const char *tag;
        std::string data;
    };
    auto be = [](std::string &s, uint64_t value, int bytes) {
        for (int i = bytes - 1; i >= 0; --i) s.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
    };
    auto words = [&](std::initializer_list<uint64_t> values, int bytes) {
        std::string s;
        for (uint64_t v : values) be(s, v, bytes);
        return s;
    };
    std::string head = words({0x00010000, 0x00010000, 0, 0x5f0f3cf5}, 4) + words({0x000b, 1000}, 2)
                     + words({0, 0}, 8) + words({0, 0, 0, 0, 0, 8, 2, 0, 0}, 2);
    std::string hhea = words({0x00010000}, 4) + words({800, 0xff38, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1}, 2);
    std::string maxp = words({0x00010000}, 4) + words({1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0}, 2);
    std::string post = words({0x00030000, 0}, 4) + words({0, 0}, 2) + words({0, 0, 0, 0, 0}, 4);
    const Table tables[] = {  // sorted by tag
        {"glyf", ""}, {"head", head}, {"hhea", hhea}, {"hmtx", words({0, 0}, 2)},
        {"loca", words({0, 0}, 2)}, {"maxp", maxp}, {"name", words({0, 0, 6}, 2)}, {"post", post},
    };
    const int count = sizeof(tables) / sizeof(tables[0]);
    std::string font = words({0x00010000}, 4) + words({count, 128, 3, count * 16 - 128}, 2);
    std::string body;
    uint64_t offset = 12 + 16 * count;
    for (const Table &t : tables) {
        std::string padded = t.data + std::string((4 - t.data.size() % 4) % 4, '\0');
        uint64_t sum = 0;
        for (size_t i = 0; i < padded.size(); i += 4)
            sum += (uint64_t(uint8_t(padded[i])) << 24) | (uint64_t(uint8_t(padded[i + 1])) << 16)
                 | (uint64_t(uint8_t(padded[i + 2])) << 8) | uint64_t(uint8_t(padded[i + 3]));
        font += t.tag;
        be(font, sum & 0xffffffff, 4);
        be(font, offset + body.size(), 4);
        be(font, t.data.size(), 4);
        body += padded;
    }
    return font + body;
}

// The empty font as a file only this process sees, or nullptr when it cannot be made.
const std::string *emptyFontPath() {
    static const std::string *path = [] () -> const std::string * {
        int fd = memfd_create("reform-empty-font", MFD_CLOEXEC);
        if (fd < 0) return nullptr;
        std::string font = emptyFont();
        if (write(fd, font.data(), font.size()) != static_cast<ssize_t>(font.size())) {
            close(fd);
            return nullptr;
        }
        auto name = new std::string("/proc/self/fd/" + std::to_string(fd));
        if (access(name->c_str(), R_OK) != 0) {
            close(fd);
            delete name;
            return nullptr;
        }
        return name;  // the descriptor stays open for the life of the process
    }();
    return path;
}

std::atomic<long> stoodIn{0};

} // namespace reform

class GfxFont {
public:
    std::optional<reform::FontLocation> locateFont(XRef *xref, PSOutputDev *ps);
};

namespace {

const char *const locateSymbol = "_ZN7GfxFont10locateFontEP4XRefP11PSOutputDev";
using Locate = std::optional<reform::FontLocation> (*)(GfxFont *, XRef *, PSOutputDev *);

// libpoppler's own locateFont, looked up once.
Locate popplerLocate() {
    static Locate next = reform::popplerOwn<Locate>(locateSymbol);
    return next;
}

} // namespace

std::optional<reform::FontLocation> GfxFont::locateFont(XRef *xref, PSOutputDev *ps) {
    if (ps == nullptr && reform_glyph_gate_is_drawing() == 0) {
        if (const std::string *path = reform::emptyFontPath()) {
            reform::FontLocation location;
            location.locType = reform::locationExternal;
            location.fontType = reform::fontCIDType0C;
            location.path = *path;
            reform::stoodIn.fetch_add(1, std::memory_order_relaxed);
            return location;
        }
    }
    return popplerLocate()(this, xref, ps);
}

extern "C" long reform_font_stubs_count(void) {
    return reform::stoodIn.load(std::memory_order_relaxed);
}

extern "C" int reform_font_stubs_is_active(void) {
    // poppler's calls bind to the first definition in the process: this file's when the executable
    // exports it. A non-virtual member function pointer is {address, this adjustment} in the
    // Itanium C++ ABI; its first word is the definition here. (dladdr would walk the executable's
    // symbol table, a tenth of a millisecond a process.)
    auto member = &GfxFont::locateFont;
    void *own = nullptr;
    static_assert(sizeof(member) >= sizeof(own), "a member function pointer holds an address");
    std::memcpy(&own, &member, sizeof(own));
    void *bound = dlsym(RTLD_DEFAULT, locateSymbol);
    return bound != nullptr && bound == own && reform::emptyFontPath() != nullptr;
}


#else

extern "C" int reform_font_stubs_is_active(void) { return 0; }
extern "C" long reform_font_stubs_count(void) { return 0; }

#endif
