/// Every threshold of table reconstruction, in one documented value. Lengths in points.
public struct TableSettings: Sendable, Hashable {
    // MARK: Lattice (grids from rulings)

    /// Rulings whose positions differ by at most this are one line (double-drawn borders, scan jitter).
    public var snapTolerance: Double = 2.0
    /// Collinear pieces with gaps up to this are joined (broken lines, lines interrupted at joints).
    public var joinTolerance: Double = 3.0
    /// A horizontal and a vertical ruling meet when each reaches within this of the other.
    public var intersectTolerance: Double = 3.0
    /// A cell edge is a wall when rulings cover at least this share of it; otherwise the cells merge.
    public var edgeCoverage: Double = 0.5
    /// Perpendicular lines reaching this far past the outermost line open a row or column of their own.
    public var openBorderMin: Double = 4.0
    /// Grid rows or columns thinner than this are artefacts of near-coincident lines and are dropped.
    public var minSlot: Double = 2.0

    // MARK: Stream (grids from text alignment)

    /// Words closer than this (× font size) belong to one text chunk, the unit that fills a cell.
    public var chunkGap: Double = 1.0
    /// Column intervals closer than this are merged.
    public var columnMergeGap: Double = 1.0
    /// Horizontal rulings define a stream table's rows when the text has at most this many lines per
    /// ruled band on average (rows ruled one by one); sparser rules (a header rule) leave rows to text lines.
    public var linesPerRuledRow: Double = 3.0
    /// Horizontal rulings at least this share of the longest one bound a table ruled by rows only.
    public var ruledRowLength: Double = 0.5
    /// A line's vertical overlap share that makes two glyphs one line (see TextLayoutSettings).
    public var lineOverlap: Double = 0.5

    // MARK: Cell text

    /// Glyphs whose centre lies within this of a cell's border still count as inside.
    public var cellMargin: Double = 0.5

    // MARK: Stitching tables across pages

    /// Column boundaries of two tables agree when each differs by at most this.
    public var stitchColumnTolerance: Double = 3.0

    public init() {}
}
