#ifndef REFORM_INK_MARK_H
#define REFORM_INK_MARK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Marks the pixels of a colour render (0x00RRGGBB words, `stride` words a row, `width` × `height`)
/// whose Rec. 601 luminance ((77 R + 150 G + 29 B) >> 8) is below `cutoff`: bit x & 63 of word
/// y * wordsPerRow + x / 64 of `plane`, which the caller zeroed. With `histogram` (256 bins), every
/// `sampleColumns`-th pixel of every `sampleRows`-th row (from 0) is counted into its luminance's bin,
/// except white pixels met eight or sixty-four at a time, whose count is returned instead (the
/// caller adds them to bin 255). Runs with the processor's AVX2 instructions and returns 1 when it
/// has them; returns 0 without touching anything when it has not: then the caller marks the plane
/// itself (ReformPDF/InkMask.swift, whose results these are, bit for bit).
int reform_ink_mark_rgb(const uint32_t *pixels, size_t stride, size_t width, size_t height, uint64_t *plane,
                        size_t wordsPerRow, uint32_t cutoff, int64_t *histogram, size_t sampleColumns,
                        size_t sampleRows, int64_t *sampledWhite);

#ifdef __cplusplus
}
#endif

#endif
