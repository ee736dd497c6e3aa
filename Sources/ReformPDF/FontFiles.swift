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
