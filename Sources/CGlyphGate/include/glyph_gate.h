#ifndef REFORM_GLYPH_GATE_H
#define REFORM_GLYPH_GATE_H

#ifdef __cplusplus
extern "C" {
#endif

/// Whether cairo_show_glyphs, cairo_show_text_glyphs and cairo_glyph_path calls made on this
/// thread draw (1, the default) or are skipped (0);
/// returns the setting it replaces, to be put back. reform renders a page to find its table
/// lines; the text is read from poppler's text layer, so drawing its glyphs is wasted work
/// (FreeType rasterising every glyph) and ink that the ruling scanner would have to tell apart
/// from lines.
int reform_glyph_gate_set_drawing(int drawing);

/// 1 when glyphs drawn on this thread are drawn (the default), 0 while the gate is closed.
int reform_glyph_gate_is_drawing(void);

/// 1 when the process's three glyph calls are the gate's (the executable exports them ahead of
/// libcairo's), 0 when calls go straight to cairo and glyphs are always drawn.
int reform_glyph_gate_is_active(void);

#ifdef __cplusplus
}
#endif

#endif
