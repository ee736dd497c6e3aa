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

#ifdef __cplusplus
}
#endif

#endif
