// The contrast marks of InkMask.contrast (ReformPDF/InkMask.swift) in C: the Swift loop compares
// sixteen pixels at a time but can only turn a vector comparison into bits by multiplying and adding
// its lanes, which was most of the scan's time on a shaded page (two pages of the born-digital folder
// spent 58 M instructions there, 2% of the folder). SSE2, which every x86-64 processor has, turns a
// comparison into sixteen bits with one instruction, and takes the luminance of eight pixels at a
// time in 16-bit lanes. The tests compare the two loops bit for bit.
#include "contrast_mark.h"
#include "luma.h"

#if defined(__x86_64__) || defined(_M_X64)
#include <emmintrin.h>
#define REFORM_SSE2 1
#endif

#ifdef REFORM_SSE2
// The red, green or blue bytes (at bit `shift`) of eight pixels, as 16-bit lanes.
static inline __m128i channel(__m128i a, __m128i b, int shift) {
    const __m128i byte = _mm_set1_epi32(0xFF);
    return _mm_packs_epi32(_mm_and_si128(_mm_srl_epi32(a, _mm_cvtsi32_si128(shift)), byte),
                           _mm_and_si128(_mm_srl_epi32(b, _mm_cvtsi32_si128(shift)), byte));
}
#endif

void reform_contrast_luma_rgb(const uint32_t *pixels, size_t stride, size_t width, size_t height, uint8_t *out,
                              size_t outStride, size_t pad) {
    for (size_t y = 0; y < height; y++) {
        const uint32_t *row = pixels + y * stride;
        uint8_t *o = out + y * outStride + pad;
        size_t x = 0;
#ifdef REFORM_SSE2
        // Eight pixels a step in 16-bit lanes: 77 R + 150 G + 29 B is at most 65,280.
        for (; x + 8 <= width; x += 8) {
            const __m128i a = _mm_loadu_si128((const __m128i *)(row + x));
            const __m128i b = _mm_loadu_si128((const __m128i *)(row + x + 4));
            const __m128i sum = _mm_add_epi16(_mm_add_epi16(_mm_mullo_epi16(channel(a, b, 16), _mm_set1_epi16(reformLumaRed)),
                                                            _mm_mullo_epi16(channel(a, b, 8), _mm_set1_epi16(reformLumaGreen))),
                                              _mm_mullo_epi16(channel(a, b, 0), _mm_set1_epi16(reformLumaBlue)));
            const __m128i luma = _mm_srli_epi16(sum, 8);
            _mm_storel_epi64((__m128i *)(o + x), _mm_packus_epi16(luma, luma));
        }
#endif
        for (; x < width; x++) {
            o[x] = (uint8_t)reform_luma(row[x]);
        }
    }
}

// The bits of `b` below `count` (0...64).
static inline uint64_t below(uint64_t b, long count) {
    if (count <= 0) return 0;
    return count >= 64 ? b : b & ((UINT64_C(1) << count) - 1);
}

// Marks of the 16 pixels from column x of row y (fewer at the row's end): (across rows, across columns).
static inline void mark16(const uint8_t *luma, size_t stride, size_t pad, long w, long h, long reach, uint8_t delta,
                          long x, long y, uint64_t *rowBits, uint64_t *columnBits) {
    const uint8_t *p = luma + (size_t)y * stride + pad + (size_t)x;
    const int hasRows = y >= reach && y + reach < h;
    uint64_t across = 0, along = 0;
#ifdef REFORM_SSE2
    const __m128i d = _mm_set1_epi8((char)delta);
    const __m128i zero = _mm_setzero_si128();
    const __m128i v = _mm_loadu_si128((const __m128i *)p);
    // v + delta without wrapping: a pixel over 255 - delta is never delta darker than anything.
    const __m128i dark = _mm_cmpeq_epi8(_mm_subs_epu8(v, _mm_set1_epi8((char)(255 - delta))), zero);
    const __m128i lifted = _mm_adds_epu8(v, d);
#define NOT_ABOVE(a, b) _mm_cmpeq_epi8(_mm_subs_epu8((a), (b)), zero) /* a <= b, unsigned */
    if (hasRows) {
        const __m128i up = _mm_loadu_si128((const __m128i *)(p - (size_t)reach * stride));
        const __m128i down = _mm_loadu_si128((const __m128i *)(p + (size_t)reach * stride));
        across = (uint16_t)_mm_movemask_epi8(_mm_and_si128(dark, _mm_and_si128(NOT_ABOVE(lifted, up), NOT_ABOVE(lifted, down))));
    }
    const __m128i left = _mm_loadu_si128((const __m128i *)(p - reach));
    const __m128i right = _mm_loadu_si128((const __m128i *)(p + reach));
    along = (uint16_t)_mm_movemask_epi8(_mm_and_si128(dark, _mm_and_si128(NOT_ABOVE(lifted, left), NOT_ABOVE(lifted, right))));
#undef NOT_ABOVE
#else
    for (int k = 0; k < 16; k++) {
        const int v = p[k] + delta;
        if (hasRows && v <= p[k - reach * (long)stride] && v <= p[k + reach * (long)stride]) across |= UINT64_C(1) << k;
        if (v <= p[k - reach] && v <= p[k + reach]) along |= UINT64_C(1) << k;
    }
#endif
    const long n = w - x < 16 ? w - x : 16;
    across = below(across, n);
    along = below(along, n);
    // Columns within `reach` of the page's edge have padding beside them, not pixels: unmarked.
    if (x < reach) along &= ~below(~UINT64_C(0), reach - x);
    if (x + n > w - reach) along = below(along, w - reach - x);
    *rowBits = across;
    *columnBits = along;
}

void reform_contrast_marks(const uint8_t *luma, size_t stride, size_t pad, size_t width, size_t height, size_t reach,
                           uint8_t delta, uint64_t *rows, uint64_t *columns, size_t wordsPerRow) {
    const long w = (long)width, h = (long)height, r = (long)reach;
    for (long y = 0; y < h; y++) {
        for (long x = 0; x < w; x += 16) {
            uint64_t across, along;
            mark16(luma, stride, pad, w, h, r, delta, x, y, &across, &along);
            const size_t word = (size_t)y * wordsPerRow + (size_t)(x >> 6);
            const unsigned shift = (unsigned)(x & 63);
            rows[word] |= across << shift;
            columns[word] |= along << shift;
        }
    }
}
