#ifndef REFORM_SCAN_PICTURE_H
#define REFORM_SCAN_PICTURE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A document opened by poppler's core for reading the pictures of its scanned pages
/// (scan_picture.cpp). Opaque; closed once with reform_scan_source_close.
typedef struct ReformScanSource ReformScanSource;

/// Opens the PDF at `path` (`password` may be NULL). NULL when poppler cannot open it, or when
/// reform was built without libpoppler-private-dev's headers.
ReformScanSource *reform_scan_source_open_file(const char *path, const char *password);

/// Opens a PDF held in memory, read in place: the bytes must stay until the source is closed.
/// NULL as above.
ReformScanSource *reform_scan_source_open_bytes(const void *bytes, size_t count, const char *password);

void reform_scan_source_close(ReformScanSource *source);

/// The one picture a scanned page is: `width` × `height` samples, and where they land: `ctm` maps
/// the picture's unit square (PDF image space: its first row at v = 1) to the page's points, origin
/// at the page's top-left corner, y down (the space poppler_page_render draws in). `grey` is 1 when
/// every sample decoded was grey already (R = G = B); 0 when none were decoded.
typedef struct {
    int width;
    int height;
    double ctm[6];
    int grey;
} ReformScanPicture;

/// Fills `picture` and returns 1 when page `page` (1-based) draws exactly one picture, opaque and
/// unclipped over the whole page, and nothing visible after it (text in an invisible render mode
/// is not drawn, so it may lie on top); decodes nothing. Returns 0 otherwise, `picture` untouched:
/// the page is rendered as usual then.
int reform_scan_source_picture(ReformScanSource *source, int page, ReformScanPicture *picture);

/// As reform_scan_source_picture, and decodes the picture's samples into `into` in grey (255 white),
/// `width` × `height` bytes row by row from its first row: a sample's grey is the one reform takes of
/// a rendered pixel, (77 R + 150 G + 29 B) / 256 of the colour poppler gives it. Returns 0 when the
/// page is not one picture or its samples do not fit in `capacity` bytes (what `into` then holds is
/// undefined).
int reform_scan_source_decode(ReformScanSource *source, int page, unsigned char *into, size_t capacity, ReformScanPicture *picture);

#ifdef __cplusplus
}
#endif

#endif
