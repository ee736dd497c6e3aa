/// Every threshold of ruling detection, in one place. Lengths are in PDF points unless named `Pixels`.
public struct RulingSettings: Sendable, Hashable {
    /// Render resolution in pixels per point. 2 (144 dpi) turns a 0.25 pt hairline into a dark pixel
    /// and places rulings to ±0.25 pt.
    public var renderScale: Double = 1.0
    /// Whether pages are rendered with anti-aliasing for ruling detection. Without it rendering is a
    /// little cheaper, but thin rules drawn as filled shapes can fall between pixel rows and vanish
    /// (the peers' spanning_cells lost 29 of 51 rulings), and a scan image scaled down keeps every
    /// other pixel of a thin line. Scans are always rendered with it.
    public var antialias: Bool = true
    /// Render resolution for scanned pages: their lines are grey and broken at 72 dpi, so they are
    /// read at twice that.
    public var scanRenderScale: Double = 2.0
    /// On a scan, pixels this much darker than the paper's most common grey are ink.
    public var scanPaperMargin: UInt8 = 30
    /// On scans, glyph strokes are judged by this central share of each OCR glyph box.
    public var scanGlyphCore: Double = 0.6
    /// On a white page, a pixel darker than this luminance (0–255) is ink. High enough to keep the
    /// grey anti-aliased pixels of a hairline that straddles two pixel rows.
    public var inkLuminance: UInt8 = 200
    /// Lines drawn over grey cell shading are found with this darker cut-off.
    public var darkLuminance: UInt8 = 100
    /// On a shaded page, thin lines are also found by contrast: a pixel at least `contrastDelta`
    /// levels darker than both pixels `contrastReachPixels` away across the line.
    /// A reach of 2 takes lines up to 3 pixels thick; the delta keeps a 0.35 pt hairline over 75% grey,
    /// anti-aliased, and leaves a step from one fill to the next.
    public var contrastReachPixels: Int = 2
    public var contrastDelta: UInt8 = 24
    /// A line found by contrast that runs this share of its length along a line found already is that line.
    public var contrastSameLineShare: Double = 0.5
    /// The contrast scan reads a born-digital page rendered again at this scale (a shaded page only).
    public var contrastRenderScale: Double = 2
    /// Share of a page's pixels in the grey range (between the two cut-offs) that calls for the second,
    /// dark scan: anti-aliased strokes stay well below it, shaded rows do not.
    public var fillShare: Double = 0.04
    /// On white paper a band too thick for a line also calls for the dark scan when it is shading:
    /// at least this share of the pixels along its middle grey…
    public var shadingShare: Double = 0.5
    /// …and within this many levels (of 255) of one grey, as a fill is and a photo is not.
    public var shadingFlatness: UInt8 = 6
    /// A page whose most common luminance is below this is not on white paper (a scan): the ink cut-off
    /// is then chosen from the page's own histogram (Otsu).
    public var whitePaperLuminance: UInt8 = 245
    /// Shortest ruling kept. Short enough for the vertical separators of a thin (10 pt) row.
    public var minLength: Double = 6
    /// Gaps up to this length inside a line are bridged (broken scan lines, anti-aliasing holes).
    public var maxGap: Double = 1.5
    /// Pieces of one line whose ends are this close are joined: a scan's slanted line breaks where it
    /// steps from one pixel row to the next, or where its ink fades, by a little more than `maxGap`…
    public var joinGap: Double = 3
    /// …when both pieces are at least this long (a row of text's strokes are short pieces that close).
    public var joinMinLength: Double = 40
    /// Parallel pieces closer than this (beyond their half-thicknesses) are strands of one line.
    public var mergeDistance: Double = 0.75
    /// Pieces whose mid-positions differ by more than this are never compared (bounds the work; covers
    /// the drift of a 3° skew across a page).
    public var mergeWindow: Double = 45
    /// Rulings at least this long stand on their own; shorter ones must meet long ones at both ends.
    public var anchorLength: Double = 40
    /// Short rulings that meet a long one at one end only are kept when this many lines (such stubs,
    /// or long lines ending free) end together at the other (the separators of a table cut by a page
    /// break with no border along the cut).
    public var cutStubs: Int = 3
    /// How close an end must come to a perpendicular ruling to meet it.
    public var touchTolerance: Double = 2
    /// Share of a bridged run that must be ink; a pixel row through a line of text has far less.
    public var minInkDensity: Double = 0.9
    /// Thicker dark bands are filled areas (shading, images, blurred text rows), not rulings.
    public var maxThickness: Double = 4
    /// Segments at least this thick are checked for being a row of text (bold or blurred characters
    /// whose strokes close up into a dark band) rather than a line.
    public var textBandMinThickness: Double = 1.5
    /// The strips beside a thick segment that are looked at start this far from its edge…
    public var textBandGap: Double = 0.5
    /// …and are this wide.
    public var textBandFlank: Double = 1.5
    /// A thick segment with at least this share of ink along both sides runs through characters.
    public var textBandFlankInk: Double = 0.25
    /// A segment whose length lies at least this much inside glyph boxes is a glyph stroke.
    public var glyphCoverageLimit: Double = 0.6
    /// Glyph boxes are grown by this much before checking coverage.
    public var glyphPadding: Double = 0.5
    /// Glyph boxes along a segment at most this far apart make one run of text…
    public var glyphRunGap: Double = 1
    /// …and a run of at least this many glyphs at a segment's end is cut off it.
    public var glyphRunMinCount: Int = 2
    /// Skew search range (degrees either side of level) and steps.
    public var maxSkewDegrees: Double = 3
    public var coarseSkewStep: Double = 0.1
    public var fineSkewStep: Double = 0.01
    /// Horizontal ink runs at least this long (pixels) vote in the skew estimate, cut into pieces of
    /// this length (so a long level line votes for level on its own).
    public var skewPieceMinPixels: Int = 16
    /// A skew is reported only when it aligns the line pieces clearly better than level does.
    public var skewMinGain: Double = 1.1
    /// Skews smaller than this (degrees) are treated as level.
    public var minSkewDegrees: Double = 0.04

    public init() {}
}
