// Rec. 601 luminance in fixed point, (77 R + 150 G + 29 B) >> 8 of a 0x00RRGGBB word: the one
// ReformPDF's InkMask.luma computes, shared by this target's loops (ink_mark.c, contrast_mark.c).
#ifndef REFORM_LUMA_H
#define REFORM_LUMA_H

#include <stdint.h>

enum { reformLumaRed = 77, reformLumaGreen = 150, reformLumaBlue = 29 };

static inline uint32_t reform_luma(uint32_t p) {
    return (reformLumaRed * ((p >> 16) & 0xFF) + reformLumaGreen * ((p >> 8) & 0xFF) + reformLumaBlue * (p & 0xFF)) >> 8;
}

#endif
