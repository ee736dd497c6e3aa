#ifndef REFORM_DIGEST_H
#define REFORM_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Runs SHA-256's compression over `count` 64-byte blocks at `data`, updating `state` (the eight
/// working words, FIPS 180-4; `roundConstants` its K), with the processor's SHA instructions. Returns 1 when it did, 0 when
/// the processor has none (x86-64 SHA extensions, SSSE3 and SSE4.1): then nothing was touched and
/// the caller compresses the blocks itself.
int reform_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t count, const uint32_t roundConstants[64]);

/// 1 when reform_sha256_blocks uses the processor's SHA instructions, 0 when it declines.
int reform_sha256_has_instructions(void);

#ifdef __cplusplus
}
#endif

#endif
