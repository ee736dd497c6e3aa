import CFontFiles

/// Font files that poppler opens from the system (substitutes for fonts a PDF does not embed) are
/// mapped once per process instead of read whole for every document (CFontFiles, whose
/// `FoFiTrueType::load` the executable puts ahead of libpoppler's).
///
/// A Chinese PDF that names STSong-Light without embedding it is drawn with a CJK collection of
/// about 19 MB, which poppler read twice per document to look up a few kilobytes of its cmap.
public enum FontFiles {
    /// Whether poppler's calls reach the mapping load. When they do not, poppler reads the files
    /// itself: slower, same output. `reform`'s tests check that the executable carries it.
    public static var isActive: Bool { reform_font_files_is_active() != 0 }

    /// How many font files the process has mapped so far.
    public static var mappedCount: Int { reform_font_files_mapped() }
}

/// Renders that draw no glyphs (`GlyphGate` closed) are given an empty stand-in font instead of the
/// page's fonts (CFontFiles' `GfxFont::locateFont`, which the executable puts ahead of libpoppler's).
///
/// poppler's cairo device builds a cairo font for every font a page uses, glyphs drawn or not: for
/// a Chinese font the PDF does not embed that is fontconfig, the system substitute mapped, a walk
/// over 30,000 CIDs for its glyph map and a FreeType face; for an embedded one its program decoded
/// and parsed. The text layer reads the PDF's own fonts, so it is the same either way.
///
/// poppler keeps a document's cairo fonts for its later renders, so a document that rendered with
/// stand-ins draws glyphs from a fresh copy of itself (`PDFPage.render`).
public enum FontStubs {
    /// Whether poppler's calls reach the stand-in. When they do not (another poppler, no memfd),
    /// renders build the real fonts: slower, same output. `reform`'s tests check that the
    /// executable carries it.
    public static let isActive: Bool = reform_font_stubs_is_active() != 0

    /// How many fonts the process has stood in for so far.
    public static var count: Int { reform_font_stubs_count() }
}
