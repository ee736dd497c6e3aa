// Flate streams inflated by zlib.
//
// poppler's own FlateStream decodes one Huffman code per call (a literal byte, or one copy) behind
// a virtual getChar: the content streams of a folder of born-digital forms spent 4% of its profile
// there, as much as the rest of the lexer. zlib inflates the same bytes in bulk at a fraction of
// the instructions.
//
// This file defines Stream::makeFilter itself (the ELF interposition of font_files.cpp and
// font_dicts.cpp): a /FlateDecode filter without a predictor (content streams, fonts, most object
// streams) becomes a ZlibStream; every other filter, Flate with a PNG or TIFF predictor
// (cross-reference streams, some images), and Flate inside an inline image (whose end only the
// inflater knows: zlib's would read on into the page's content) are made by poppler as before.
//
// Same bytes as poppler's: the zlib header is required as poppler requires it, and a stream that
// breaks off or goes bad gives what was inflated before the break, then its end. poppler never
// checks the trailing Adler-32; zlib does, after the last byte is out: a wrong checksum (seen in
// PDFs written by hand) is reported to poppler's error log and the data kept.
//
// Stream's layout is poppler's private ABI (libpoppler-private-dev); the interposition is compiled
// for poppler 22.12 only. Elsewhere poppler makes its own streams: slower, same output.
#include "font_files.h"

#if __has_include(<poppler-features.h>) && __has_include(<Stream.h>) && __has_include(<zlib.h>)
#include <poppler-features.h>
#if POPPLER_CHECK_VERSION(22, 12, 0) && !POPPLER_CHECK_VERSION(22, 13, 0)
#define REFORM_ZLIB_STREAMS 1
#endif
#endif

namespace {
// On the calling thread: the tests compare zlib's streams with poppler's while other tests read.
thread_local long made = 0;
thread_local bool enabled = true;
}

#ifdef REFORM_ZLIB_STREAMS

#include <poppler-config.h>
#include <Object.h>
#include <Dict.h>
#include <Error.h>
#include <Stream.h>
#include <goo/GooString.h>

#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "poppler_own.h"

namespace reform {

// A /FlateDecode stream without a predictor, inflated by zlib. It owns the stream it filters, as
// poppler's filters do. poppler's FilterStream is not exported, so the filter's plumbing (position,
// dictionary, base stream) is written out here as FilterStream has it.
class ZlibStream final : public Stream {
public:
    explicit ZlibStream(Stream *source) : str(source) {
        std::memset(&z, 0, sizeof z);
        ok = inflateInit(&z) == Z_OK;
        finished = !ok;
    }

    ~ZlibStream() override {
        if (ok) inflateEnd(&z);
        delete str;
    }

    StreamKind getKind() const override { return strFlate; }

    void reset() override {
        str->reset();
        if (ok) inflateReset(&z);
        z.next_in = nullptr;
        z.avail_in = 0;
        next = end = 0;
        finished = !ok;
    }

    void close() override { str->close(); }

    int getChar() override {
        if (next == end && !fill()) return EOF;
        return out[next++];
    }

    int lookChar() override {
        if (next == end && !fill()) return EOF;
        return out[next];
    }

    int getRawChar() override { return getChar(); }

    void getRawChars(int nChars, int *buffer) override {
        for (int i = 0; i < nChars; ++i) buffer[i] = getChar();
    }

    bool hasGetChars() override { return true; }

    int getChars(int nChars, unsigned char *buffer) override {
        int copied = 0;
        while (copied < nChars) {
            if (next == end && !fill()) break;
            const int n = std::min(nChars - copied, end - next);
            std::memcpy(buffer + copied, out + next, n);
            next += n;
            copied += n;
        }
        return copied;
    }

    GooString *getPSFilter(int psLevel, const char *indent) override {
        if (psLevel < 3) return nullptr;
        GooString *s = str->getPSFilter(psLevel, indent);
        if (s == nullptr) return nullptr;
        s->append(indent)->append("<< >> /FlateDecode filter\n");
        return s;
    }

    bool isBinary(bool /*last*/) const override { return str->isBinary(true); }

    // FilterStream's plumbing.
    Goffset getPos() override { return str->getPos(); }
    void setPos(Goffset /*pos*/, int /*dir*/) override { error(errInternal, -1, "Internal: called setPos() on FilterStream"); }
    BaseStream *getBaseStream() override { return str->getBaseStream(); }
    Stream *getUndecodedStream() override { return str->getUndecodedStream(); }
    Dict *getDict() override { return str->getDict(); }
    Object *getDictObject() override { return str->getDictObject(); }
    Stream *getNextStream() const override { return str; }
    int getUnfilteredChar() override { return str->getUnfilteredChar(); }
    void unfilteredReset() override { str->unfilteredReset(); }

private:
    // Inflates the next run of bytes into `out`; false at the stream's end.
    bool fill() {
        next = end = 0;
        while (!finished) {
            if (z.avail_in == 0) {
                const int n = str->doGetChars(sizeof in, in);
                if (n <= 0) {
                    finished = true; // broken off: what was inflated is all there is
                    break;
                }
                z.next_in = in;
                z.avail_in = static_cast<uInt>(n);
            }
            z.next_out = out;
            z.avail_out = sizeof out;
            const int status = inflate(&z, Z_NO_FLUSH);
            end = static_cast<int>(sizeof out - z.avail_out);
            if (status == Z_STREAM_END) {
                finished = true;
            } else if (status == Z_DATA_ERROR && z.msg != nullptr && std::strcmp(z.msg, "incorrect data check") == 0) {
                error(errSyntaxError, getPos(), "Bad checksum at the end of a flate stream (ignored)");
                finished = true;
            } else if (status != Z_OK && status != Z_BUF_ERROR) {
                error(errSyntaxError, getPos(), "Bad flate stream: {0:s}", z.msg != nullptr ? z.msg : "zlib error");
                finished = true;
            }
            if (end > 0) return true;
        }
        return false;
    }

    Stream *str;
    z_stream z;
    bool ok = false;
    bool finished = true;
    int next = 0, end = 0;
    unsigned char in[16384];
    unsigned char out[16384];
};

// Whether a /FlateDecode filter's parameters ask for no predictor (poppler makes one for any
// /Predictor other than 1).
bool withoutPredictor(Object *params, int recursion) {
    if (params == nullptr || !params->isDict()) return true;
    const Object predictor = params->dictLookup("Predictor", recursion);
    return predictor.isNull() || (predictor.isInt() && predictor.getInt() == 1);
}

// Whether the stream to be filtered reads, at its bottom, from an inline image's EmbedStream: the
// content stream itself, whose reader takes up again where the image's data ends. ZlibStream reads
// its input ahead in blocks, and would swallow the page's content after the image (a /Fl inline
// image drew the rest of a page blank); poppler's filter reads only the bits it needs.
bool readsInlineImage(Stream *str) {
    for (Stream *s = str; s != nullptr; s = s->getNextStream()) {
        if (dynamic_cast<EmbedStream *>(s) != nullptr) return true;
    }
    return false;
}

using MakeFilter = Stream *(*)(Stream *, const char *, Stream *, Object *, int, Dict *);

} // namespace reform

// Stream *Stream::makeFilter(const char *name, Stream *str, Object *params, int recursion, Dict *dict)
extern "C" Stream *reform_make_filter(Stream *self, const char *name, Stream *str, Object *params, int recursion,
                                      Dict *dict) __asm__("_ZN6Stream10makeFilterEPKcPS_P6ObjectiP4Dict");

extern "C" Stream *reform_make_filter(Stream *self, const char *name, Stream *str, Object *params, int recursion,
                                      Dict *dict) {
    static const auto own = reform::popplerOwn<reform::MakeFilter>("_ZN6Stream10makeFilterEPKcPS_P6ObjectiP4Dict");
    if (enabled && name != nullptr
        && (std::strcmp(name, "FlateDecode") == 0 || std::strcmp(name, "Fl") == 0)
        && reform::withoutPredictor(params, recursion) && !reform::readsInlineImage(str)) {
        made += 1;
        return new reform::ZlibStream(str);
    }
    return own(self, name, str, params, recursion, dict);
}

extern "C" int reform_zlib_streams_is_active(void) { return 1; }

#else

extern "C" int reform_zlib_streams_is_active(void) { return 0; }

#endif

extern "C" long reform_zlib_streams_made(void) { return made; }

extern "C" void reform_zlib_streams_enable(int on) { enabled = on != 0; }
