import CGlyphGate

/// Turns the drawing of text glyphs off for renders on the calling thread (CGlyphGate's
/// `cairo_show_glyphs`, `cairo_show_text_glyphs` and `cairo_glyph_path`, which the executable puts
/// ahead of libcairo's): filled text, and stroked text such as fake bold.
///
/// A page rendered to find its table lines needs no text: poppler's text layer gives every glyph
/// with its box, and drawing them costs FreeType rasterising each one (about a sixth of a born-digital
/// file's time) and cairo caching them (memory that grew with every font of a batch).
public enum GlyphGate {
    /// Whether the gate is in the process. When it is not, glyphs are always drawn: slower, and the
    /// ruling scanner sees text ink again (it drops strokes inside glyph boxes, but text touching a
    /// line can still thicken it). `reform`'s tests check that the executable carries the gate.
    public static var isActive: Bool { reform_glyph_gate_is_active() != 0 }

    /// Runs `body` with glyph drawing on or off on this thread, then puts the previous setting back.
    static func drawing<R>(_ glyphs: Bool, _ body: () -> R) -> R {
        let previous = reform_glyph_gate_set_drawing(glyphs ? 1 : 0)
        defer { reform_glyph_gate_set_drawing(previous) }
        return body()
    }
}
