// The picture a scanned page is, read from the PDF instead of rendered.
//
// OCR reads a scan at 300 dpi. Rendering the page that large through poppler-glib's cairo device
// holds two full-page colour surfaces at once: the target (4 bytes a pixel, 35 MB for A4 at 300
// dpi) and poppler's copy of the scan decoded at its own resolution (4 bytes a pixel again: 35 MB
// for a 300 dpi scan, 15 MB for 200 dpi), since cairo draws from a surface. That pair was the
// peak of a process reading scans (heaptrack: 70 of 131 MB on a 300 dpi page).
//
// A scan is one picture over the page. Here poppler's core interprets the page with an output
// device of our own that draws nothing: it decodes the page's one image row by row straight into
// grey (one byte a pixel) and notes where it lands. Where its samples fall on OCR's pixel grid one
// for one (a scan at 300 dpi, the commonest) they are OCR's page image as they are; a grey picture
// at another resolution is drawn by cairo as poppler draws it, a band of rows at a time
// (ScanPicture.swift). Either way the render's very pixels, without its page-sized surface.
// Whatever else the page draws visibly after the picture (an annotation, a stamp, visible text, a
// second picture), a clip before it other than a rectangle around the page, or a picture that is
// masked, translucent, turned against the page or short of it, makes it answer no, and the page is
// rendered as before. Text in an invisible render mode (a scanner's
// OCR layer) draws nothing and may lie on top.
//
// The document is poppler's core PDFDoc opened again from the same file or bytes (poppler-glib
// does not hand out its own), with libpoppler-private-dev's headers, compiled for poppler 22.12;
// anything else answers no to every page.
#include "scan_picture.h"

#include <cstring>

#if __has_include(<poppler-features.h>) && __has_include(<OutputDev.h>) && __has_include(<PDFDoc.h>)
#include <poppler-features.h>
#if POPPLER_CHECK_VERSION(22, 12, 0) && !POPPLER_CHECK_VERSION(22, 13, 0)
#define REFORM_SCAN_PICTURE 1
#endif
#endif

#ifdef REFORM_SCAN_PICTURE

#include <poppler-config.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <goo/GooString.h>
#include <Object.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <vector>

struct ReformScanSource {
    // poppler's global parameters for as long as the document lives (page display reads them; a
    // caller that opened no poppler-glib document first would find none)
    GlobalParamsIniter params{nullptr};
    std::unique_ptr<PDFDoc> doc;
    // A document opened from memory reads the caller's bytes in place (MemStream does not own them).
};

namespace {

// The most samples a picture may have to be read here (a 600 dpi A3 scan has 70 million).
constexpr long maxSamples = 120L * 1000 * 1000;

// How far (points) a clip or picture may stop short of the page's edges and still count as around it.
constexpr double pageSlack = 0.5;

// How close (points) two device coordinates must be to count as the same (a rectangle's side).
constexpr double sameCoordinate = 1e-6;

// An output device that draws nothing and finds the page's one picture: where it lies, and, given
// somewhere to put them (`into`, `capacity` bytes), its samples in grey.
class PictureCatcher final : public OutputDev {
public:
    PictureCatcher(unsigned char *into, size_t capacity) : into(into), capacity(capacity) {}

    bool upsideDown() override { return true; }
    bool useDrawChar() override { return true; }
    bool interpretType3Chars() override { return false; }
    bool needNonText() override { return true; }

    void startPage(int, GfxState *state, XRef *) override {
        pageWidth = state->getPageWidth();
        pageHeight = state->getPageHeight();
    }

    void stroke(GfxState *) override { drawn(); }
    void fill(GfxState *) override { drawn(); }
    void eoFill(GfxState *) override { drawn(); }

    void drawChar(GfxState *state, double, double, double, double, double, double, CharCode, int, const Unicode *, int) override
    {
        // render mode 3 (invisible) puts no ink on the page; 4-7 also clip what follows to the text
        const int mode = state->getRender() & 7;
        if (mode >= 4 && !caught) spoiled = true;
        if (mode != 3 && mode != 7) drawn();
    }

    // A clip before the picture must be a rectangle around the page (the page's own crop box is
    // one); after it, a clip changes nothing already drawn.
    void clip(GfxState *state) override { clipped(state); }
    void eoClip(GfxState *state) override { clipped(state); }
    void clipToStrokePath(GfxState *) override {
        if (!caught) spoiled = true;
    }

    void drawImageMask(GfxState *state, Object *ref, Stream *str, int width, int height, bool invert, bool interpolate, bool inlineImg) override
    {
        drawn();
        OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);  // skips inline data
    }

    void drawMaskedImage(GfxState *, Object *, Stream *, int, int, GfxImageColorMap *, bool, Stream *, int, int, bool, bool) override { spoiled = true; }

    void drawSoftMaskedImage(GfxState *, Object *, Stream *, int, int, GfxImageColorMap *, bool, Stream *, int, int, GfxImageColorMap *, bool) override { spoiled = true; }

    void beginTransparencyGroup(GfxState *, const double *, GfxColorSpace *, bool, bool, bool) override { spoiled = true; }
    void setSoftMask(GfxState *, const double *, bool, Function *, GfxColor *) override { spoiled = true; }

    void drawImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap, bool interpolate, const int *maskColors, bool inlineImg) override
    {
        const bool fits = static_cast<size_t>(width) * static_cast<size_t>(height) <= capacity;
        if (caught || spoiled || !plain(state, width, height, colorMap, maskColors) || (into != nullptr && !fits)) {
            spoiled = true;
            OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);  // skips inline data
            return;
        }
        caught = true;
        pictureWidth = width;
        pictureHeight = height;
        std::memcpy(ctm, state->getCTM(), sizeof ctm);
        if (into == nullptr) {  // where it lies is all that is asked
            OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
            return;
        }
        // Each sample's colour as poppler's cairo device gives it (0x00RRGGBB), then the grey reform
        // takes of a rendered pixel: a picture kept at its size gives the render's very pixels.
        std::vector<unsigned int> colours(static_cast<size_t>(width));
        ImageStream samples(str, width, colorMap->getNumPixelComps(), colorMap->getBits());
        samples.reset();
        for (int y = 0; y < height; ++y) {
            unsigned char *line = samples.getLine();
            if (line == nullptr) {  // the stream ended early: the render decides what that looks like
                spoiled = true;
                samples.close();
                return;
            }
            colorMap->getRGBLine(line, colours.data(), width);
            unsigned char *row = into + static_cast<size_t>(y) * static_cast<size_t>(width);
            for (int x = 0; x < width; ++x) {
                const unsigned int c = colours[static_cast<size_t>(x)];
                const unsigned int r = (c >> 16) & 0xFF, g = (c >> 8) & 0xFF, b = c & 0xFF;
                row[x] = static_cast<unsigned char>((77 * r + 150 * g + 29 * b) >> 8);
                allGrey = allGrey && r == g && g == b;
            }
        }
        samples.close();
        decoded = true;
    }

    // Whether the page can no longer be the one picture.
    bool spoilt() const { return spoiled || drawnAfter; }

    // Whether the page was the one picture: found (and read whole when asked to be), nothing drawn
    // over it, and covering the page.
    bool answered() const { return caught && (into == nullptr || decoded) && !spoiled && !drawnAfter && covers(); }

    int pictureWidth = 0, pictureHeight = 0;
    double ctm[6] = {0, 0, 0, 0, 0, 0};
    bool allGrey = true;

private:
    unsigned char *into;
    size_t capacity;
    bool caught = false, decoded = false;
    bool spoiled = false, drawnAfter = false;
    double pageWidth = 0, pageHeight = 0;

    // A clip path set before the picture: only a rectangle, axis-aligned in device space, around the page.
    void clipped(GfxState *state) {
        if (caught) return;
        const GfxPath *path = state->getPath();
        if (path == nullptr || path->getNumSubpaths() != 1) {
            spoiled = true;
            return;
        }
        const GfxSubpath *sub = path->getSubpath(0);
        const int n = sub->getNumPoints();
        if (n < 4 || n > 5) {
            spoiled = true;
            return;
        }
        double xs[5], ys[5];
        for (int i = 0; i < n; ++i) {
            if (sub->getCurve(i)) {
                spoiled = true;
                return;
            }
            state->transform(sub->getX(i), sub->getY(i), &xs[i], &ys[i]);
        }
        const double x0 = *std::min_element(xs, xs + n), x1 = *std::max_element(xs, xs + n);
        const double y0 = *std::min_element(ys, ys + n), y1 = *std::max_element(ys, ys + n);
        for (int i = 0; i < n; ++i) {
            // a rectangle: every side runs along an axis (a bow tie through the same corners does not)
            const int j = (i + 1) % n;
            const bool alongX = std::fabs(ys[i] - ys[j]) < sameCoordinate, alongY = std::fabs(xs[i] - xs[j]) < sameCoordinate;
            if (!alongX && !alongY) {
                spoiled = true;
                return;
            }
        }
        if (!aroundPage(x0, y0, x1, y1)) spoiled = true;
    }

    // Whether a box (device points) takes in the whole page, within `pageSlack`.
    bool aroundPage(double x0, double y0, double x1, double y1) const {
        return x0 <= pageSlack && y0 <= pageSlack && x1 >= pageWidth - pageSlack && y1 >= pageHeight - pageSlack;
    }

    // Marks before the picture are hidden under it (it is opaque and covers the page); after it they show.
    void drawn() {
        if (caught) drawnAfter = true;
    }

    bool plain(GfxState *state, int width, int height, GfxImageColorMap *colorMap, const int *maskColors) const
    {
        if (maskColors != nullptr || colorMap == nullptr || !colorMap->isOk()) return false;
        if (width <= 0 || height <= 0 || static_cast<long>(width) * height > maxSamples) return false;
        if (state->getFillOpacity() < 1 || state->getBlendMode() != gfxBlendNormal) return false;
        // turned against the page (a quarter turn, a skew): the caller cannot place it; render it
        const double *m = state->getCTM();
        if (m[1] != 0 || m[2] != 0) return false;
        double x0, y0, x1, y1;
        state->getClipBBox(&x0, &y0, &x1, &y1);
        return aroundPage(x0, y0, x1, y1);
    }

    // Whether the picture reaches every corner of the page, within half a sample.
    bool covers() const {
        const double a = ctm[0], b = ctm[1], c = ctm[2], d = ctm[3], e = ctm[4], f = ctm[5];
        const double det = a * d - b * c;
        if (det == 0 || pageWidth <= 0 || pageHeight <= 0) return false;
        const double corners[4][2] = {{0, 0}, {pageWidth, 0}, {0, pageHeight}, {pageWidth, pageHeight}};
        const double du = 0.5 / pictureWidth, dv = 0.5 / pictureHeight;
        for (const auto &p : corners) {
            const double x = p[0] - e, y = p[1] - f;
            const double u = (d * x - c * y) / det, v = (a * y - b * x) / det;
            if (u < -du || u > 1 + du || v < -dv || v > 1 + dv) return false;
        }
        return true;
    }
};

std::optional<GooString> passwordString(const char *password) {
    if (password == nullptr) return std::nullopt;
    return GooString(password);
}

ReformScanSource *opened(std::unique_ptr<ReformScanSource> source) {
    if (!source->doc || !source->doc->isOk()) return nullptr;
    return source.release();
}

} // namespace

// The exported functions catch what poppler or the allocator throws: no C++ exception crosses into
// Swift; the caller is told no (and renders the page).

extern "C" ReformScanSource *reform_scan_source_open_file(const char *path, const char *password)
{
    try {
        auto source = std::make_unique<ReformScanSource>();
        const auto pw = passwordString(password);
        source->doc = std::make_unique<PDFDoc>(std::make_unique<GooString>(path), pw, pw);
        return opened(std::move(source));
    } catch (...) {
        return nullptr;
    }
}

extern "C" ReformScanSource *reform_scan_source_open_bytes(const void *bytes, size_t count, const char *password)
{
    try {
        if (bytes == nullptr) return nullptr;
        auto source = std::make_unique<ReformScanSource>();
        const auto pw = passwordString(password);
        // MemStream reads only; it takes a non-const pointer
        auto *stream = new MemStream(static_cast<char *>(const_cast<void *>(bytes)), 0, static_cast<Goffset>(count), Object(objNull));
        source->doc = std::make_unique<PDFDoc>(stream, pw, pw);  // the document owns the stream
        return opened(std::move(source));
    } catch (...) {
        return nullptr;
    }
}

extern "C" void reform_scan_source_close(ReformScanSource *source) { delete source; }

// Stops interpreting a page once it cannot be the one picture.
static bool abandoned(void *catcher) { return static_cast<const PictureCatcher *>(catcher)->spoilt(); }

// Page `page` as the one picture: found, and with `into`, decoded there (`capacity` bytes).
static int catchPicture(ReformScanSource *source, int page, unsigned char *into, size_t capacity, ReformScanPicture *picture)
{
    try {
        if (source == nullptr || picture == nullptr || page < 1 || page > source->doc->getNumPages()) return 0;
        PictureCatcher catcher(into, capacity);
        // as poppler_page_render draws: 72 dpi, unrotated, the crop box, not printing (annotations shown)
        source->doc->displayPageSlice(&catcher, page, 72, 72, 0, false, true, false, -1, -1, -1, -1, abandoned, &catcher);
        if (!catcher.answered()) return 0;
        picture->width = catcher.pictureWidth;
        picture->height = catcher.pictureHeight;
        picture->grey = into != nullptr && catcher.allGrey ? 1 : 0;
        std::memcpy(picture->ctm, catcher.ctm, sizeof picture->ctm);
        return 1;
    } catch (...) {
        return 0;
    }
}

extern "C" int reform_scan_source_picture(ReformScanSource *source, int page, ReformScanPicture *picture)
{
    return catchPicture(source, page, nullptr, 0, picture);
}

extern "C" int reform_scan_source_decode(ReformScanSource *source, int page, unsigned char *into, size_t capacity, ReformScanPicture *picture)
{
    if (into == nullptr) return 0;
    return catchPicture(source, page, into, capacity, picture);
}

#else

struct ReformScanSource {};

extern "C" ReformScanSource *reform_scan_source_open_file(const char *, const char *) { return nullptr; }
extern "C" ReformScanSource *reform_scan_source_open_bytes(const void *, size_t, const char *) { return nullptr; }
extern "C" void reform_scan_source_close(ReformScanSource *source) { delete source; }
extern "C" int reform_scan_source_picture(ReformScanSource *, int, ReformScanPicture *) { return 0; }
extern "C" int reform_scan_source_decode(ReformScanSource *, int, unsigned char *, size_t, ReformScanPicture *) { return 0; }

#endif
