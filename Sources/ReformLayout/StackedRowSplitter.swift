import ReformPDF

/// Splits the ruled rows of a lattice grid that hold several rows of text: a table ruled only
/// around blocks of rows (a rule under the header and one at the bottom, columns divided by
/// vertical lines) stacks its text rows inside one ruled row.
///
/// A ruled row is split when most of its text cells hold several lines (every column stacks
/// rows) and its lines are rows of figures; a row where only some cells wrap (a long label next
/// to a one-line value), a header whose every cell wraps, or paragraphs wrapped wall to wall keep
/// their cells whole. Ruled rows tied together by cells spanning them are decided as one block
/// (a column ruled off at its last row only); vertical labels take no part and are never split.
public struct StackedRowSplitter: Sendable {
    public var settings: TableSettings
    public var layout: TextLayout

    public init(settings: TableSettings = TableSettings(), layout: TextLayout = TextLayout()) {
        self.settings = settings
        self.layout = layout
    }

    /// `grid` with each stacked ruled row divided at the gaps between its text lines.
    public func split(_ grid: LatticeDetector.Grid, glyphs: [Glyph]) -> LatticeDetector.Grid {
        split(grid, centers: GlyphCenters(glyphs))
    }

    /// `split(_:glyphs:)` with the page's glyphs already sorted by centre.
    func split(_ grid: LatticeDetector.Grid, centers: GlyphCenters) -> LatticeDetector.Grid {
        let ys = grid.rowEdges, xs = grid.columnEdges
        let nr = ys.count - 1
        var inserted = [[Double]](repeating: [], count: nr)
        var splitRows = Set<Int>()
        let boxes = grid.cells.map { c in
            Rect(left: xs[c.column], top: ys[c.row], right: xs[c.column + c.columnSpan], bottom: ys[c.row + c.rowSpan])
        }
        let members = boxes.map { centers.inside($0) }
        let lines = members.map { layout.bands($0) }
        let vertical = lines.map { $0.count >= 2 && $0.allSatisfy { $0.count == 1 } }
        var r0 = 0
        while r0 < nr {
            // A block: ruled rows tied together by the text cells that span them, decided as one.
            var r1 = r0, r = r0
            while r <= r1 {
                for (i, c) in grid.cells.enumerated() where c.row == r && !members[i].isEmpty && !vertical[i] {
                    r1 = max(r1, c.row + c.rowSpan - 1)
                }
                r += 1
            }
            defer { r0 = r1 + 1 }
            var texts = 0, stacked = 0
            var blockGlyphs: [Glyph] = []
            for (i, c) in grid.cells.enumerated() where c.row >= r0 && c.row <= r1 && !members[i].isEmpty && !vertical[i] {
                let box = boxes[i], lines = lines[i]
                blockGlyphs += members[i]
                texts += 1
                // A paragraph wrapped at the cell's width fills it: every line but the last runs (nearly)
                // wall to wall.
                let wrapped = lines.dropLast().allSatisfy { Rect.enclosing($0.map(\.box))!.width >= settings.wrappedLineShare * box.width }
                if lines.count >= 2 && !wrapped { stacked += 1 }
            }
            guard stacked >= settings.minStackedCells, Double(stacked) > settings.stackedCellShare * Double(texts) else { continue }
            let bands = layout.bands(blockGlyphs)
            let figures = bands.filter { $0.contains(where: \.isFigure) }.count
            guard Double(figures) >= settings.stackedFigureLineShare * Double(bands.count) else { continue }
            for row in r0...r1 { splitRows.insert(row) }
            let lineBoxes = bands.map { Rect.enclosing($0.map(\.box))! }
            var bottom = lineBoxes.first?.bottom ?? ys[r0]
            for b in lineBoxes.dropFirst() {
                // A gap that holds a ruled row edge is divided already.
                if b.top > bottom, !ys[(r0 + 1)..<(r1 + 1)].contains(where: { $0 >= bottom && $0 <= b.top }) {
                    let y = (bottom + b.top) / 2
                    if let row = (r0...r1).first(where: { ys[$0 + 1] > y }) { inserted[row].append(y) }
                }
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
        for (i, c) in grid.cells.enumerated() {
            let top = first[c.row], bottom = end(c.row + c.rowSpan - 1)
            // A cell of a split block becomes one cell per row; a vertical label stays whole.
            if vertical[i] || !splitRows.contains(c.row) {
                cells.append((top, c.column, bottom - top, c.columnSpan))
            } else {
                for k in top..<bottom { cells.append((k, c.column, 1, c.columnSpan)) }
            }
        }
        return LatticeDetector.Grid(rowEdges: edges, columnEdges: xs, cells: cells)
    }
}
