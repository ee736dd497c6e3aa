/// Every threshold of table reconstruction, in one documented value. Lengths in points.
public struct TableSettings: Sendable, Hashable {
    // MARK: Lattice (grids from rulings)

    /// Rulings whose positions differ by at most this are one line (double-drawn borders, scan jitter).
    public var snapTolerance: Double = 2.0
    /// Two parallel lines at most this far apart that run alongside each other (`doubleRuleOverlap`
    /// of the longer one's length) are one double rule: cells drawn apart, each with its own border
    /// (HTML's `border-collapse: separate` with a spacing of 2 px: rules 2.3–2.6 pt apart).
    public var doubleRuleGap: Double = 4.0
    public var doubleRuleOverlap: Double = 0.9
    /// Collinear pieces with gaps up to this are joined (broken lines, lines interrupted at joints).
    public var joinTolerance: Double = 3.0
    /// A horizontal and a vertical ruling meet when each reaches within this of the other.
    public var intersectTolerance: Double = 3.0
    /// A cell edge is a wall when rulings cover at least this share of it; otherwise the cells merge.
    public var edgeCoverage: Double = 0.5
    /// Rulings count as reaching this far past their ends when their cover of a cell edge is measured
    /// (the ends are found in pixels). Pieces of one line were joined before; a longer reach would
    /// let the dividers of the rows above and below wall off a thin row between them.
    public var edgeEndSlack: Double = 2.0
    /// In auto mode on a whole page, ruled grids that hold less than this share of the page's text
    /// leave the rest to stream (a stream table with a few boxes on the page).
    public var latticeTextShare: Double = 0.5
    /// Perpendicular lines reaching this far past the outermost line open a row or column of their own.
    public var openBorderMin: Double = 4.0
    /// Grid rows or columns thinner than this are artefacts of near-coincident lines and are dropped.
    public var minSlot: Double = 2.0
    /// Ruled cells are cut further by how their text lies (`SpannedColumnSplitter`,
    /// `StackedColumnSplitter`, `StackedRowSplitter`). Off for a scan's text layer read again from
    /// the picture: the layer's misplaced words would cut a cell the picture shows whole.
    public var splitsByText: Bool = true
    /// A ruled row is split into its text lines (see `StackedRowSplitter`) when at least this many
    /// of its cells hold several lines…
    public var minStackedCells: Int = 2
    /// …and they are more than this share of its cells with text (a wrapped label next to one-line
    /// values is one cell, not stacked rows).
    public var stackedCellShare: Double = 0.5
    /// A cell whose lines but the last fill at least this share of its width is a wrapped paragraph,
    /// never a stack of rows.
    public var wrappedLineShare: Double = 0.85
    /// …and at least this share of its text lines hold a figure (a decimal digit; CJK numerals such
    /// as 二 are words): stacked data rows do (a header line over them may not), the wrapped words of
    /// a header or a description do not.
    public var stackedFigureLineShare: Double = 0.75
    /// A lattice cell spanning several ruled columns is cut into them (see `SpannedColumnSplitter`) when
    /// one of its lines puts text in several of them and at least this share of those pieces, after
    /// the first (a label), are values: figures or dashes.
    public var spannedValueShare: Double = 0.5
    /// A gap inside a ruled column becomes a column boundary (see `StackedColumnSplitter`) when at
    /// least this share of the column's text lines hold text on both sides of it…
    public var stackedColumnLineShare: Double = 0.5
    /// …and at most this share run across it (a group header over its sub-columns).
    public var stackedColumnCrossShare: Double = 0.2

    // MARK: Stream (grids from text alignment)

    /// Words closer than this (× font size) belong to one text chunk, the unit that fills a cell.
    /// Word spaces are ~0.25 em; right-aligned figures in neighbouring columns can sit ~0.7 em apart,
    /// so a whole em merged such columns into one.
    public var chunkGap: Double = 0.5
    /// Column intervals closer than this are merged.
    public var columnMergeGap: Double = 1.0
    /// Horizontal rulings define a stream table's rows when the text has at most this many lines per
    /// ruled band on average (rows ruled one by one), and no band more than `maxLinesPerRuledRow`;
    /// sparser rules (a header rule over a block of lines) leave rows to text lines.
    public var linesPerRuledRow: Double = 3.0
    public var maxLinesPerRuledRow: Double = 6.0
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
