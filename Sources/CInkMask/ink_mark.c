// The ink mask of a colour render, eight pixels a step with AVX2: the loop of InkMask.mark
// (ReformPDF/InkMask.swift) with 256-bit vectors, which Swift's SIMD types cannot ask for in a build
// that must run on any x86-64. On a born-digital folder the Swift loop was the largest single piece
// of reform's own code in the profile (3.6%). The processor is asked once; without AVX2 the Swift
// loop runs, and the tests compare the two bit for bit.
#include "ink_mark.h"
#include "luma.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>

// AVX2 (CPUID 7.0 EBX bit 5) with the operating system saving the YMM registers (OSXSAVE, CPUID 1
// ECX bit 27, and XCR0 bits 1 and 2), asked once.
static int hasAVX2(void) {
    static int known = -1;
    int answer = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (answer < 0) {
        unsigned a, b, c, d;
        answer = 0;
        if (__get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 27))) {
            unsigned lo, hi;
            __asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
            if ((lo & 6u) == 6u && __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 5))) answer = 1;
        }
        __atomic_store_n(&known, answer, __ATOMIC_RELAXED);
    }
    return answer;
}

// How many sampled columns (every `step`-th from 0) lie in x..<x+n.
static inline size_t sampledCount(size_t x, size_t n, size_t step) {
    return (x + n + step - 1) / step - (x + step - 1) / step;
}

__attribute__((target("avx2")))
static inline __m256i luma8(__m256i p) {
    const __m256i byte = _mm256_set1_epi32(0xFF);
    __m256i r = _mm256_and_si256(_mm256_srli_epi32(p, 16), byte);
    __m256i g = _mm256_and_si256(_mm256_srli_epi32(p, 8), byte);
    __m256i b = _mm256_and_si256(p, byte);
    __m256i sum = _mm256_add_epi32(_mm256_add_epi32(_mm256_mullo_epi32(r, _mm256_set1_epi32(reformLumaRed)),
                                                    _mm256_mullo_epi32(g, _mm256_set1_epi32(reformLumaGreen))),
                                   _mm256_mullo_epi32(b, _mm256_set1_epi32(reformLumaBlue)));
    return _mm256_srli_epi32(sum, 8);
}

__attribute__((target("avx2")))
static void markRows(const uint32_t *px, size_t stride, size_t w, size_t h, uint64_t *out, size_t wordsPerRow,
                     uint32_t cutoff, int64_t *bins, size_t step, size_t sampleRows, int64_t *sampledWhite) {
    const int skipWhite = cutoff <= 255;
    const __m256i white = _mm256_set1_epi32(0xFFFFFF);
    const __m256i cut = _mm256_set1_epi32((int)cutoff);
    int64_t whites = 0;
    uint32_t levels[8];
    for (size_t y = 0; y < h; y++) {
        const uint32_t *row = px + y * stride;
        uint64_t *o = out + y * wordsPerRow;
        int64_t *rowBins = (bins != NULL && y % sampleRows == 0) ? bins : NULL;
        size_t x = 0;
        while (x + 8 <= w) {
            if (skipWhite && (x & 63) == 0 && x + 64 <= w) {
                __m256i all = _mm256_loadu_si256((const __m256i *)(row + x));
                for (size_t k = 8; k < 64; k += 8) all = _mm256_and_si256(all, _mm256_loadu_si256((const __m256i *)(row + x + k)));
                if (_mm256_movemask_epi8(_mm256_cmpeq_epi32(_mm256_and_si256(all, white), white)) == -1) {
                    if (rowBins) whites += (int64_t)sampledCount(x, 64, step);
                    x += 64;
                    continue;
                }
            }
            __m256i p = _mm256_and_si256(_mm256_loadu_si256((const __m256i *)(row + x)), white);
            if (!skipWhite || _mm256_movemask_epi8(_mm256_cmpeq_epi32(p, white)) != -1) {
                __m256i l = luma8(p);
                uint64_t bits = (uint64_t)(unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpgt_epi32(cut, l)));
                o[x >> 6] |= bits << (x & 63);
                if (rowBins) {
                    _mm256_storeu_si256((__m256i *)levels, l);
                    for (size_t k = (step - x % step) % step; k < 8; k += step) rowBins[levels[k]] += 1;
                }
            } else if (rowBins) {
                whites += (int64_t)sampledCount(x, 8, step);
            }
            x += 8;
        }
        for (; x < w; x++) {
            const uint32_t l = reform_luma(row[x]);
            if (l < cutoff) o[x >> 6] |= (uint64_t)1 << (x & 63);
            if (rowBins && x % step == 0) rowBins[l] += 1;
        }
    }
    *sampledWhite = whites;
}

int reform_ink_mark_rgb(const uint32_t *pixels, size_t stride, size_t width, size_t height, uint64_t *plane,
                        size_t wordsPerRow, uint32_t cutoff, int64_t *histogram, size_t sampleColumns,
                        size_t sampleRows, int64_t *sampledWhite) {
    if (!hasAVX2() || sampleColumns == 0 || sampleRows == 0) return 0;
    markRows(pixels, stride, width, height, plane, wordsPerRow, cutoff, histogram, sampleColumns, sampleRows, sampledWhite);
    return 1;
}

#else

int reform_ink_mark_rgb(const uint32_t *pixels, size_t stride, size_t width, size_t height, uint64_t *plane,
                        size_t wordsPerRow, uint32_t cutoff, int64_t *histogram, size_t sampleColumns,
                        size_t sampleRows, int64_t *sampledWhite) {
    (void)pixels; (void)stride; (void)width; (void)height; (void)plane; (void)wordsPerRow; (void)cutoff;
    (void)histogram; (void)sampleColumns; (void)sampleRows; (void)sampledWhite;
    return 0;
}

#endif
