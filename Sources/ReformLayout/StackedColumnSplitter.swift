import ReformPDF

/// Splits ruled columns that hold several columns of text: a table ruled only around groups of
/// columns (a divider between "white" and "black", none between their "male" and "female") puts
/// two figures side by side in every cell of the group.
///
/// A gap inside a ruled column becomes a column boundary when at least `stackedColumnLineShare` of
/// the column's text lines hold text on both sides of it and at most `stackedColumnCrossShare` run
/// across it (a group header over its sub-columns). Each cell then spans the new slots, and
/// `SpannedColumnSplitter` cuts those that put text on both sides, leaving a header that crosses
/// the gap spanning both.
public struct StackedColumnSplitter: Sendable {
    public var settings: TableSettings
    public var layout: TextLayout

    public init(settings: TableSettings = TableSettings(), layout: TextLayout = TextLayout()) {
        self.settings = settings
        self.layout = layout
    }

    /// `grid` with text column gaps inside its ruled columns made boundaries, and its cells cut there.
    public func split(_ grid: LatticeDetector.Grid, glyphs: [Glyph]) -> LatticeDetector.Grid {
        split(grid, centers: GlyphCenters(glyphs))
    }

    /// `split(_:glyphs:)` with the page's glyphs already sorted by centre.
    func split(_ grid: LatticeDetector.Grid, centers: GlyphCenters) -> LatticeDetector.Grid {
        let ys = grid.rowEdges, xs = grid.columnEdges
        let chunker = StreamDetector(settings: settings, layout: layout)
        var inserted = [[Double]](repeating: [], count: xs.count - 1)
        for k in 0..<(xs.count - 1) {
            // The text lines of the column's own (unspanned) cells.
            var bands: [[Glyph]] = []
            for c in grid.cells where c.column == k && c.columnSpan == 1 {
                let box = Rect(left: xs[k], top: ys[c.row], right: xs[k + 1], bottom: ys[c.row + c.rowSpan])
                bands += layout.bands(centers.inside(box) { !$0.isWhitespace && $0.box.height > 0 })
            }
            // Side-by-side columns of figures; words set wide apart (OCR'd CJK) are no columns. Most
            // columns of a form hold words: they are passed over before their lines are chunked.
            let figures = bands.count { $0.contains(where: \.isFigure) }
            guard Double(figures) >= settings.stackedFigureLineShare * Double(bands.count) else { continue }
            // The chunk intervals of every line.
            let lines = bands.map { band in
                chunker.chunks(band).map { chunk in
                    Span(left: chunk.box.left, right: chunk.box.right,
                         isFigure: band.contains { $0.isFigure && chunk.box.left <= $0.box.midX && $0.box.midX <= chunk.box.right })
                }
            }
            inserted[k] = gaps(lines)
        }
        guard inserted.contains(where: { !$0.isEmpty }) else { return grid }

        // Old column k becomes new columns first[k] ..< first[k] + inserted[k].count + 1; every cell spans its new slots.
        var first: [Int] = [], edges: [Double] = [], boundaries = Set<Int>()
        for k in 0..<(xs.count - 1) {
            first.append(edges.count)
            edges.append(xs[k])
            for x in inserted[k] {
                boundaries.insert(edges.count)
                edges.append(x)
            }
        }
        edges.append(xs[xs.count - 1])
        func end(_ k: Int) -> Int { first[k] + inserted[k].count + 1 }
        let widened = grid.cells.map { c in
            (row: c.row, column: first[c.column], rowSpan: c.rowSpan, columnSpan: end(c.column + c.columnSpan - 1) - first[c.column])
        }
        let spanning = LatticeDetector.Grid(rowEdges: ys, columnEdges: edges, cells: widened)
        return SpannedColumnSplitter(settings: settings, layout: layout).split(spanning, centers: centers, boundaries: boundaries, valuesOnly: false)
    }

    /// A chunk's extent on its line, and whether it holds a figure.
    struct Span {
        var left: Double
        var right: Double
        var isFigure: Bool
    }

    /// Boundaries (the middle of each gap) between text columns that share the lines' chunks. A line
    /// counts for a gap when a figure follows it: a monospaced word space (0.6 em, as wide as the
    /// space between figures) parts "40" from "years", not two columns.
    func gaps(_ lines: [[Span]]) -> [Double] {
        let filled = lines.filter { !$0.isEmpty }
        guard filled.count >= settings.minStackedCells else { return [] }
        let stops = Set(filled.flatMap { $0.flatMap { [$0.left, $0.right] } }).sorted()
        var out: [Double] = []
        var run: (Double, Double)?
        func close() {
            guard let (lo, hi) = run else { return }
            run = nil
            let sides = filled.filter { line in
                line.contains { $0.right <= lo } && line.first(where: { $0.left >= hi })?.isFigure == true
            }.count
            if Double(sides) >= settings.stackedColumnLineShare * Double(filled.count) { out.append((lo + hi) / 2) }
        }
        for (a, b) in zip(stops, stops.dropFirst()) {
            let crossing = filled.filter { line in line.contains { $0.left < b && $0.right > a } }.count
            if Double(crossing) <= settings.stackedColumnCrossShare * Double(filled.count) {
                // A run of open ground: extend it, or start one.
                if let r = run, r.1 == a { run = (r.0, b) } else { close(); run = (a, b) }
            } else {
                close()
            }
        }
        close()
        return out
    }
}
