import ReformPDF

/// Splits the ruled rows of a lattice grid that hold several rows of text: a table ruled only
/// around blocks of rows (a rule under the header and one at the bottom, columns divided by
/// vertical lines) stacks its text rows inside one ruled row.
///
/// A ruled row is split when most of its text cells hold several lines (every column stacks
/// rows) and its lines are rows of figures; a row where only some cells wrap (a long label next
/// to a one-line value), a header whose every cell wraps, or paragraphs wrapped wall to wall keep
/// their cells whole. Cells spanning several ruled rows, and vertical labels, take no part in the
/// decision and are never split.
public struct StackedRowSplitter: Sendable {
    public var settings: TableSettings
    public var layout: TextLayout

    public init(settings: TableSettings = TableSettings(), layout: TextLayout = TextLayout()) {
        self.settings = settings
        self.layout = layout
    }

    /// `grid` with each stacked ruled row divided at the gaps between its text lines.
    public func split(_ grid: LatticeDetector.Grid, glyphs: [Glyph]) -> LatticeDetector.Grid {
        let ys = grid.rowEdges, xs = grid.columnEdges
        let nr = ys.count - 1
        var inserted = [[Double]](repeating: [], count: nr)
        for r in 0..<nr {
            let rowCells = grid.cells.filter { $0.row == r && $0.rowSpan == 1 }
            var texts = 0, stacked = 0
            var rowGlyphs: [Glyph] = []
            for c in rowCells {
                let box = Rect(left: xs[c.column], top: ys[r], right: xs[c.column + c.columnSpan], bottom: ys[r + 1])
                let inside = glyphs.filter { box.contains($0.box.center) }
                guard !inside.isEmpty else { continue }
                rowGlyphs += inside
                texts += 1
                let lines = layout.bands(inside)
                let vertical = lines.count >= 2 && lines.allSatisfy { $0.count == 1 }
                // A paragraph wrapped at the cell's width fills it: every line but the last runs (nearly)
                // wall to wall.
                let wrapped = lines.dropLast().allSatisfy { Rect.enclosing($0.map(\.box))!.width >= settings.wrappedLineShare * box.width }
                if lines.count >= 2 && !vertical && !wrapped { stacked += 1 }
            }
            guard stacked >= settings.minStackedCells, Double(stacked) > settings.stackedCellShare * Double(texts) else { continue }
            let bands = layout.bands(rowGlyphs)
            let figures = bands.filter { $0.contains { $0.scalar.properties.generalCategory == .decimalNumber } }.count
            guard Double(figures) >= settings.stackedFigureLineShare * Double(bands.count) else { continue }
            let boxes = bands.map { Rect.enclosing($0.map(\.box))! }
            var bottom = boxes.first?.bottom ?? ys[r]
            for b in boxes.dropFirst() {
                if b.top > bottom { inserted[r].append((bottom + b.top) / 2) }
                bottom = max(bottom, b.bottom)
            }
        }
        guard inserted.contains(where: { !$0.isEmpty }) else { return grid }

        // Old row r becomes new rows first[r] ..< first[r] + inserted[r].count + 1.
        var first: [Int] = [], edges: [Double] = []
        for r in 0..<nr {
            first.append(edges.count)
            edges.append(ys[r])
            edges += inserted[r]
        }
        edges.append(ys[nr])
        func end(_ r: Int) -> Int { first[r] + inserted[r].count + 1 }
        var cells: [(row: Int, column: Int, rowSpan: Int, columnSpan: Int)] = []
        for c in grid.cells {
            if c.rowSpan == 1 {
                for k in first[c.row]..<end(c.row) { cells.append((k, c.column, 1, c.columnSpan)) }
            } else {
                cells.append((first[c.row], c.column, end(c.row + c.rowSpan - 1) - first[c.row], c.columnSpan))
            }
        }
        return LatticeDetector.Grid(rowEdges: edges, columnEdges: xs, cells: cells)
    }
}
