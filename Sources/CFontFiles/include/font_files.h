#ifndef REFORM_FONT_FILES_H
#define REFORM_FONT_FILES_H

#ifdef __cplusplus
extern "C" {
#endif

/// 1 when poppler's FoFiTrueType::load reaches the executable's own (font_files.cpp), which maps
/// font files instead of reading them whole; 0 when poppler reads them itself.
int reform_font_files_is_active(void);

/// How many font files the process has mapped so far (each once, for the life of the process).
long reform_font_files_mapped(void);

/// 1 when poppler's GfxFont::locateFont reaches the executable's own (font_stubs.cpp), which
/// answers renders with the glyph gate closed with an empty font instead of the real one.
int reform_font_stubs_is_active(void);

/// How many times the process answered with the empty font so far.
long reform_font_stubs_count(void);

/// Starts listening to poppler-glib's messages for character maps it cannot find (font_maps.cpp);
/// once a process, before the first document is read.
void reform_font_maps_watch(void);

/// The known character collections (bit i: reform_font_maps_collection(i)) whose maps poppler missed
/// on the calling thread since the last call; clears them.
unsigned reform_font_maps_take_missing(void);

/// Adds collections (bits as above) to those missed on the calling thread: a page that reuses fonts
/// built for an earlier page (font_dicts.cpp) misses what that page missed.
void reform_font_maps_note_missing(unsigned collections);

/// 1 when poppler's GfxResources reach the executable's own constructor (font_dicts.cpp), which
/// hands the fonts built for a page to the document's later pages that name the same font objects.
int reform_font_dicts_is_active(void);

/// How many pages the calling thread handed fonts built for an earlier one (a page counts once
/// however many of its fonts it was handed).
long reform_font_dicts_reused(void);

/// Frees the kept fonts no page is using now whose last page was read on the calling
/// thread, in every open document (later pages with them build them again). For before a large
/// allocation: an OCR engine's models.
void reform_font_dicts_release_idle(void);

/// Keeps poppler's GlobalParams for the rest of the process (global_params.cpp). Call only while a
/// document is open; once is enough, later calls do nothing. Built without libpoppler-private-dev's
/// headers it does nothing (each document then builds them again: slower, same output).
void reform_global_params_keep(void);

/// poppler's current GlobalParams (NULL while no document holds them), to tell whether they were kept.
const void *reform_global_params_current(void);

/// 1 when poppler's Stream::makeFilter reaches the executable's own (flate_streams.cpp), which
/// inflates /FlateDecode streams without a predictor with zlib; 0 when poppler makes them all.
int reform_zlib_streams_is_active(void);

/// How many streams the calling thread has had inflated with zlib so far.
long reform_zlib_streams_made(void);

/// How many content-stream operators the calling thread found in its table of poppler's answers
/// (operator_lookup.cpp: Gfx::findOp asked once a thread for each name); 0 while poppler looks
/// every one up itself.
long reform_operator_lookups_kept(void);

/// Whether the calling thread's operators are found in its table (1, the default) or each by
/// poppler's own search (0): for the tests, which compare the two.
void reform_operator_lookups_use_table(int use);

/// Turns the zlib streams on (the default) or off for the streams the calling thread makes from now
/// on: off, poppler inflates them itself (the tests compare the two).
void reform_zlib_streams_enable(int on);

/// What the executable's sscanf (hex_scan.cpp) reads of `s` with the format "%x": 1 and the value
/// where it answers the call itself, 0 where it leaves it to glibc.
int reform_hex_scan(const char *s, unsigned *value);

/// glibc's own sscanf(s, "%x", value): its count (1, 0, or EOF) and value.
int reform_hex_scan_libc(const char *s, unsigned *value);

/// How many sscanf("%x") calls the process has answered itself so far.
long reform_hex_scan_answered(void);

/// The name of collection bit `bit` ("Adobe-GB1"), or NULL past the last.
const char *reform_font_maps_collection(int bit);

#ifdef __cplusplus
}
#endif

#endif
