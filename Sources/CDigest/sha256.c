// SHA-256 block compression with the x86-64 SHA extensions (Intel SHA-NI, AMD Zen and later): about
// five times the plain Swift loop. The round structure is Intel's published one (sha256rnds2 does
// two rounds on the state held as ABEF and CDGH; sha256msg1 and sha256msg2 extend the message).
// Elsewhere, or on a processor without the instructions, reform_sha256_blocks says so and Swift's
// own compression runs (ReformForms/SHA256.swift); the tests compare the two.
#include "digest.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>


// Whether the processor has the SHA extensions (CPUID 7.0 EBX bit 29) and SSSE3 and SSE4.1
// (CPUID 1 ECX bits 9 and 19), asked once.
static int hasShaInstructions(void) {
    static int known = -1;
    int answer = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (answer < 0) {
        unsigned a, b, c, d;
        answer = 0;
        if (__get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 9)) && (c & (1u << 19))
            && __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29))) {
            answer = 1;
        }
        __atomic_store_n(&known, answer, __ATOMIC_RELAXED);
    }
    return answer;
}

__attribute__((target("sha,ssse3,sse4.1")))
static void compressBlocks(uint32_t state[8], const uint8_t *data, size_t count, const uint32_t roundConstants[64]) {
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (; count > 0; --count, data += 64) {
        const __m128i abefBefore = abef, cdghBefore = cdgh;
        // w[i % 4] holds message words 4i…4i+3 of the last four groups
        __m128i w[4];
        for (int i = 0; i < 4; i++) w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * i)), byteSwap);
        for (int i = 0; i < 16; i++) {
            if (i >= 4) {
                // W[i] = σ1 terms of W[i-1] + words t-7 (from W[i-2], W[i-1]) + σ0 terms of W[i-3] + W[i-4]
                __m128i next = _mm_sha256msg1_epu32(w[i & 3], w[(i + 1) & 3]);
                next = _mm_add_epi32(next, _mm_alignr_epi8(w[(i + 3) & 3], w[(i + 2) & 3], 4));
                w[i & 3] = _mm_sha256msg2_epu32(next, w[(i + 3) & 3]);
            }
            __m128i message = _mm_add_epi32(w[i & 3], _mm_loadu_si128((const __m128i *)&roundConstants[4 * i]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(message, 0x0E));
        }
        abef = _mm_add_epi32(abef, abefBefore);
        cdgh = _mm_add_epi32(cdgh, cdghBefore);
    }

    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

int reform_sha256_has_instructions(void) {
    return hasShaInstructions();
}

int reform_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t count, const uint32_t roundConstants[64]) {
    if (!hasShaInstructions()) return 0;
    compressBlocks(state, data, count, roundConstants);
    return 1;
}

#else

int reform_sha256_has_instructions(void) {
    return 0;
}

int reform_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t count, const uint32_t roundConstants[64]) {
    (void)state; (void)data; (void)count; (void)roundConstants;
    return 0;
}

#endif
