/// Thresholds for grouping glyphs into words and lines. Ratios are relative to the font size.
public struct TextLayoutSettings: Sendable, Hashable {
    /// Two glyphs share a line when their vertical overlap is at least this share of the shorter one.
    public var lineOverlap: Double = 0.5
    /// A glyph overlapping one of a line's glyphs horizontally by more than this share of the narrower
    /// one is on another line.
    public var stackedOverlap: Double = 0.5
    /// …when their centres are also this share of the smaller height apart vertically.
    public var stackedShift: Double = 0.25
    /// A horizontal gap wider than this (× font size) ends a word. Latin word spaces are ~0.25 em;
    /// letters and CJK characters sit closer than 0.15 em.
    public var wordGap: Double = 0.15
    /// Gaps wider than this (× font size) are shown as a wider space in plain-text output.
    public var columnGap: Double = 1.5

    public init() {}
}
