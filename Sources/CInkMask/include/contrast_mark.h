#ifndef REFORM_CONTRAST_MARK_H
#define REFORM_CONTRAST_MARK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The luminance ((77 R + 150 G + 29 B) >> 8) of a colour render (0x00RRGGBB words, `stride` words a
/// row, `width` × `height`) into `out`: row y at out + y * outStride + pad, one byte a pixel.
void reform_contrast_luma_rgb(const uint32_t *pixels, size_t stride, size_t width, size_t height, uint8_t *out,
                              size_t outStride, size_t pad);

/// Marks thin dark lines by contrast (ReformPDF's InkMask.contrast, whose results these are, bit for
/// bit) in a luminance image: row y of `width` pixels at luma + y * stride + pad, with at least
/// `pad` >= `reach` readable bytes before each row's first pixel and 16 after its last (the caller
/// pads the rows). A pixel darker than both pixels `reach` rows above and below by at least `delta`
/// levels gets bit x & 63 of word y * wordsPerRow + x / 64 of `rows` (pixels within `reach` of the
/// top or bottom edge are not); darker than both pixels `reach` columns left and right, the same bit
/// of `columns` (pixels within `reach` of the left or right edge are not). The planes are zeroed by
/// the caller. Sixteen pixels a step with SSE2 on x86-64, one at a time elsewhere.
void reform_contrast_marks(const uint8_t *luma, size_t stride, size_t pad, size_t width, size_t height, size_t reach,
                           uint8_t delta, uint64_t *rows, uint64_t *columns, size_t wordsPerRow);

#ifdef __cplusplus
}
#endif

#endif
