// sscanf("%x") answered without stdio, for poppler's character maps.
//
// A PDF in a CJK font it does not embed (STSong-Light over UniGB-UCS2-H, as Acrobat and ReportLab
// write Chinese forms) makes poppler read poppler-data's CMap and its CID-to-Unicode table, ~58,000
// lines, each through sscanf(line, "%x", &code): glibc sets up a string FILE for every call, ~900
// instructions for a hex number. It was 23% of reading such a two-page form in a process of its
// own (callgrind: 53 M of 231 M instructions), in every process that meets the font.
//
// This file defines __isoc99_sscanf itself (ELF interposition, as the glyph gate defines cairo's
// functions): a format of exactly "%x" over plain hex digits (after blanks, at most eight, no sign
// and no 0x prefix) is read here with the value and count glibc gives; every other call goes to
// glibc's own __isoc99_vsscanf with its arguments untouched. The tests compare the two.
#include <atomic>
#include <cstdarg>

#include "font_files.h"

extern "C" int __isoc99_vsscanf(const char *s, const char *format, va_list args);

namespace {

std::atomic<long> answered{0};

int hexDigit(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool isBlank(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// The plain case of "%x": blanks, then one to eight hex digits not starting "0x". Anything else
// (no digit, a sign, a prefix, more digits) is left to glibc, which knows its corners.
bool scanPlainHex(const char *s, unsigned *value) {
    const unsigned char *p = reinterpret_cast<const unsigned char *>(s);
    while (isBlank(*p)) ++p;
    if (hexDigit(p[0]) < 0 || (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))) return false;
    unsigned v = 0;
    int digits = 0;
    for (int d; (d = hexDigit(*p)) >= 0; ++p) {
        if (++digits > 8) return false;
        v = v << 4 | static_cast<unsigned>(d);
    }
    *value = v;
    return true;
}

int libcScan(const char *s, const char *format, ...) {
    va_list args;
    va_start(args, format);
    const int n = __isoc99_vsscanf(s, format, args);
    va_end(args);
    return n;
}

} // namespace

extern "C" int __isoc99_sscanf(const char *s, const char *format, ...) {
    va_list args;
    va_start(args, format);
    int n;
    unsigned value;
    if (s != nullptr && format != nullptr && format[0] == '%' && format[1] == 'x' && format[2] == '\0'
        && scanPlainHex(s, &value)) {
        *va_arg(args, unsigned *) = value;
        answered.fetch_add(1, std::memory_order_relaxed);
        n = 1;
    } else {
        n = __isoc99_vsscanf(s, format, args);
    }
    va_end(args);
    return n;
}

extern "C" int reform_hex_scan(const char *s, unsigned *value) { return scanPlainHex(s, value) ? 1 : 0; }

extern "C" int reform_hex_scan_libc(const char *s, unsigned *value) { return libcScan(s, "%x", value); }

extern "C" long reform_hex_scan_answered(void) { return answered.load(std::memory_order_relaxed); }
