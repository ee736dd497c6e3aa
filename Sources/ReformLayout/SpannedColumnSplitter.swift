import ReformPDF

/// Splits lattice cells that span several ruled columns but hold one text chunk per column: a table
/// whose column dividers are drawn in the header only, with body rows ruled wall to wall, leaves each
/// body row one spanning cell holding every value of the row.
///
/// A spanning cell is cut at each inner column boundary that no chunk of its text crosses, when one
/// of its text lines puts text in two pieces or more and most of them are values (figures, dashes).
/// A title centred over its columns (one chunk, or chunks that cross the boundaries), a wrapped label
/// and words set wide apart keep their span.
public struct SpannedColumnSplitter: Sendable {
    public var settings: TableSettings
    public var layout: TextLayout

    public init(settings: TableSettings = TableSettings(), layout: TextLayout = TextLayout()) {
        self.settings = settings
        self.layout = layout
    }

    /// `grid` with the spanning cells that hold one chunk per column cut into those columns.
    /// `boundaries` limits the cuts to those column edges (indices); `valuesOnly: false` cuts a cell
    /// that puts any text side by side (at boundaries its column's own figures have set).
    public func split(_ grid: LatticeDetector.Grid, glyphs: [Glyph], boundaries: Set<Int>? = nil, valuesOnly: Bool = true) -> LatticeDetector.Grid {
        // only a grid with spanning cells asks where the glyphs are
        guard grid.cells.contains(where: { $0.columnSpan > 1 }) else { return grid }
        return split(grid, centers: GlyphCenters(glyphs), boundaries: boundaries, valuesOnly: valuesOnly)
    }

    /// `split(_:glyphs:boundaries:valuesOnly:)` with the page's glyphs already sorted by centre (the
    /// lattice sorts them once for all its splitters).
    func split(_ grid: LatticeDetector.Grid, centers: GlyphCenters, boundaries: Set<Int>? = nil, valuesOnly: Bool = true) -> LatticeDetector.Grid {
        let ys = grid.rowEdges, xs = grid.columnEdges
        let chunker = StreamDetector(settings: settings, layout: layout)
        var cells: [(row: Int, column: Int, rowSpan: Int, columnSpan: Int)] = []
        for c in grid.cells {
            guard c.columnSpan > 1 else { cells.append(c); continue }
            let box = Rect(left: xs[c.column], top: ys[c.row], right: xs[c.column + c.columnSpan], bottom: ys[c.row + c.rowSpan])
            let inside = centers.inside(box) { !$0.isWhitespace && $0.box.height > 0 }
            let bands = layout.bands(inside)
            let chunks = bands.flatMap(chunker.chunks)
            var cuts = [c.column]
            for k in (c.column + 1)..<(c.column + c.columnSpan)
            where boundaries?.contains(k) ?? true && !chunks.contains(where: { $0.box.left < xs[k] && $0.box.right > xs[k] }) {
                cuts.append(k)
            }
            cuts.append(c.column + c.columnSpan)
            let pieces = Array(zip(cuts, cuts.dropFirst()))
            // Values side by side: some line of the cell puts text in two pieces or more, and at least
            // `spannedValueShare` of the pieces after its first are values (the lines of a wrapped label
            // each keep to one piece; words set wide apart, as OCR'd CJK is, are no values).
            let sideBySide = bands.contains { line in
                let texts = pieces.map { lo, hi in line.filter { $0.box.midX > xs[lo] && $0.box.midX < xs[hi] } }.filter { !$0.isEmpty }
                let values = texts.dropFirst().filter(isValue).count
                return texts.count >= 2 && (!valuesOnly || Double(values) >= settings.spannedValueShare * Double(texts.count - 1))
            }
            guard sideBySide else { cells.append(c); continue }
            for (lo, hi) in pieces { cells.append((c.row, lo, c.rowSpan, hi - lo)) }
        }
        return LatticeDetector.Grid(rowEdges: ys, columnEdges: xs, cells: cells)
    }

    /// A figure, or a dash standing for a missing one.
    func isValue(_ glyphs: [Glyph]) -> Bool {
        glyphs.contains(where: \.isFigure) || glyphs.allSatisfy { $0.scalar.properties.generalCategory == .dashPunctuation }
    }
}
