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

/// Character maps poppler could not find (CFontFiles' font_maps.cpp).
///
/// Text in a Chinese font the PDF does not embed is read through the character maps of Debian's
/// poppler-data package. Without them poppler drops every string in that font and says so only in a
/// message nobody sees; the page then looks as if it had no text. Listening to those messages lets
/// the page say why its text is gone and the user what to install.
public enum CharacterMaps {
    private static let watching: Void = reform_font_maps_watch()

    /// Starts listening to poppler's messages, once a process; before the first document is read.
    public static func watch() { watching }

    /// The collections (`Adobe-GB1`) whose maps poppler missed on the calling thread since the last
    /// call, in a fixed order; clears them.
    public static func takeMissing() -> [String] {
        let bits = reform_font_maps_take_missing()
        guard bits != 0 else { return [] }
        return (0..<32).compactMap { bit in
            guard bits & (1 << bit) != 0, let name = reform_font_maps_collection(Int32(bit)) else { return nil }
            return String(cString: name)
        }
    }

    /// How messages name `maps`: "the Adobe-GB1 character maps".
    public static func named(_ maps: [String]) -> String { "the \(maps.joined(separator: ", ")) character maps" }

    /// What a user is told to do about them.
    public static let remedy = "install poppler-data (apt-get install poppler-data)"
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

/// A document's fonts, built once (CFontFiles' `GfxResources` constructor): poppler builds every font
/// a page names for each page it interprets, and a form's pages share their fonts. A later page that
/// names a font object under the same name gets the font built for the first, whether or not its
/// font resource is the first page's (Chrome gives each page its own list of the fonts it uses).
public enum FontDicts {
    /// Whether poppler's calls reach the executable's constructor. When they do not (another
    /// poppler, or built without libpoppler-private-dev's headers), every page builds its fonts:
    /// slower, same output.
    public static let isActive: Bool = reform_font_dicts_is_active() != 0

    /// How many pages the calling thread has handed fonts built for an earlier one.
    public static var reused: Int { reform_font_dicts_reused() }

    /// Frees the kept fonts no page is using now that the calling thread's pages used last (a lane's
    /// own, in every document it has open); a later page with them builds them again (a
    /// millisecond or two). Called before an OCR engine loads its models, so
    /// that the process's largest allocation takes their place rather than adding to them.
    public static func releaseIdle() { reform_font_dicts_release_idle() }
}

/// Flate streams inflated by zlib (CFontFiles' flate_streams.cpp): poppler's own inflater decodes a
/// Huffman code a call, 4% of reading a folder of born-digital forms; a /FlateDecode filter without a
/// predictor is zlib's instead, the same bytes.
public enum ZlibStreams {
    /// Whether poppler's calls reach the executable's Stream::makeFilter. When they do not (another
    /// poppler, or built without libpoppler-private-dev's headers), poppler inflates every stream:
    /// slower, same output.
    public static let isActive: Bool = reform_zlib_streams_is_active() != 0

    /// How many streams the calling thread has had inflated by zlib so far.
    public static var made: Int { reform_zlib_streams_made() }

    /// Runs `body` with the streams the calling thread makes inflated by zlib or, `false`, by poppler.
    public static func using<R>(_ zlib: Bool, _ body: () throws -> R) rethrows -> R {
        reform_zlib_streams_enable(zlib ? 1 : 0)
        defer { reform_zlib_streams_enable(1) }
        return try body()
    }
}

/// Content-stream operators found in a table of poppler's answers (CFontFiles' operator_lookup.cpp):
/// poppler finds each operator it executes by a binary search of its operator table with strcmp,
/// 1.3% of the instructions of reading a born-digital folder; the answer for a name is kept, once a
/// thread, the first time poppler gives it.
public enum OperatorLookups {
    /// How many operators the calling thread has found in its table so far (0 while every lookup is
    /// poppler's: another poppler, or a build where its calls do not reach the executable).
    public static var kept: Int { reform_operator_lookups_kept() }

    /// Runs `body` with the calling thread's operators found in its table or, `false`, each by
    /// poppler's own search.
    public static func using<R>(table: Bool, _ body: () throws -> R) rethrows -> R {
        reform_operator_lookups_use_table(table ? 1 : 0)
        defer { reform_operator_lookups_use_table(1) }
        return try body()
    }
}

/// poppler's sscanf(line, "%x") over poppler-data's character maps, answered by the executable
/// (CFontFiles' hex_scan.cpp): a CJK font a PDF does not embed makes poppler read ~58,000 such lines,
/// a quarter of reading a small form in a process of its own. Plain hex is read there with glibc's
/// result; everything else is glibc's.
public enum HexScan {
    /// How many "%x" reads the process has answered itself so far.
    public static var answered: Int { reform_hex_scan_answered() }

    /// The executable's reading of `text` with "%x": nil where it leaves the call to glibc.
    static func own(_ text: String) -> UInt32? {
        var value: UInt32 = 0
        return reform_hex_scan(text, &value) != 0 ? value : nil
    }

    /// glibc's own sscanf(text, "%x"): its count (1, 0 or EOF) and the value stored.
    static func libc(_ text: String) -> (count: Int32, value: UInt32) {
        var value: UInt32 = 0xDEAD_BEEF
        let count = reform_hex_scan_libc(text, &value)
        return (count, value)
    }
}

/// poppler's global parameters (the character and Unicode maps it loaded, the font files it
/// substituted, poppler-data's name tables), kept for the process from the first document on
/// (CFontFiles' global_params.cpp): poppler frees them with the last open document, and a folder
/// read in one call built them again for every file.
public enum PopplerParams {
    /// Keeps them. Called while a document is open, as that is when poppler holds them.
    static func keep() { reform_global_params_keep() }

    /// Where poppler's current parameters live (0 while no document holds them).
    public static var current: UInt { UInt(bitPattern: reform_global_params_current()) }
}
