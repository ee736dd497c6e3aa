import ReformPDF

/// The reconstruct stage for tables: a page's glyphs and rulings in, tables with cells out.
public struct TableExtractor: Sendable {
    /// Which strategy finds the grid.
    public enum Mode: String, Sendable, CaseIterable {
        /// Lattice where rulings form a grid, stream elsewhere.
        case auto
        /// Grids from rulings only.
        case lattice
        /// Grids from text alignment (horizontal rulings still separate rows).
        case stream
    }

    public var settings: TableSettings
    public var layout: TextLayout

    public init(settings: TableSettings = TableSettings(), layout: TextLayout = TextLayout()) {
        self.settings = settings
        self.layout = layout
    }

    /// The tables on `page`, top to bottom. `area` (page coordinates) limits the search;
    /// `columns` gives stream-mode column boundaries (x positions) instead of guessing them.
    public func tables(in page: PageContent, area: Rect? = nil, mode: Mode = .auto, columns: [Double]? = nil) -> [Table] {
        // A table set sideways is read as a reader turning the page would read it.
        let inArea = page.glyphs.filter { area?.contains($0.box.center) ?? true }
        let turn = PageTurn(direction: TextDirection.dominant(inArea), width: page.width, height: page.height)
        if turn.isIdentity { return upright(page, area: area, mode: mode, columns: columns) }
        // Text that runs another way than the sideways table (a page number, a running head) is no part of it.
        var sideways = page
        let directions = TextDirection.each(page.glyphs)
        sideways.glyphs = page.glyphs.indices.filter { directions[$0] == nil || directions[$0] == turn.direction }.map { page.glyphs[$0] }
        return upright(turn.turn(sideways), area: area.map(turn.turn), mode: mode, columns: nil).map { table in
            var t = table
            t.box = turn.unturn(table.box)
            t.cells = table.cells.map { c in
                var moved = c
                moved.box = turn.unturn(c.box)
                return moved
            }
            return t
        }
    }

    /// The tables of a page whose text reads left to right.
    func upright(_ page: PageContent, area: Rect?, mode: Mode, columns: [Double]?) -> [Table] {
        let deskew = Deskew(page: page)
        let pageBox = Rect(left: 0, top: 0, right: page.width, bottom: page.height)
        let region = area ?? pageBox
        var glyphs = page.glyphs.filter(\.isInk).map(deskew.level)
        glyphs = glyphs.filter { region.contains($0.box.center) }
        var lines = LineSegment.snap(page.rulings.map(deskew.level), settings: settings)
        if area != nil { lines = clip(lines, to: region) }

        var tables: [Table] = []
        if mode != .stream {
            let grids = LatticeDetector(settings: settings).grids(lines)
            for grid in grids {
                let table = lattice(grid, glyphs: glyphs, page: page.number, deskew: deskew)
                let minimumCells = mode == .lattice || area != nil ? 1 : 2
                if table.cells.count >= minimumCells && (table.filledCellCount > 0 || mode == .lattice) { tables.append(table) }
            }
            // An area's table is the largest grid in it; more grids are nested or stray boxes.
            if area != nil && mode == .auto, let best = tables.max(by: { $0.box.width * $0.box.height < $1.box.width * $1.box.height }) {
                let covered = glyphs.count { best.box.insetBy(1).contains(deskew.unlevel($0.box.center)) }
                tables = covered * 2 >= glyphs.count && best.rowCount >= 2 && best.columnCount >= 2 ? [best] : []
            }
            // On a whole page, grids that are no real grid (one row or one column) give way to stream
            // when together the grids hold less than the page's text share (boxes around a stream table).
            if area == nil && mode == .auto {
                let grids = tables.filter { $0.rowCount >= 2 && $0.columnCount >= 2 }
                let covered = glyphs.count { g in grids.contains { $0.box.insetBy(1).contains(deskew.unlevel(g.box.center)) } }
                if Double(covered) < settings.latticeTextShare * Double(glyphs.count) { tables = grids }
            }
        }
        if mode == .lattice && tables.isEmpty, let ruled = ruledRegion(lines) {
            // Rows ruled, columns not: the rules bound the table and separate its rows.
            let inside = glyphs.filter { ruled.contains($0.box.center) }
            if let table = stream(glyphs: inside, area: ruled, lines: lines, rows: .rulings, columns: columns, page: page.number, deskew: deskew) {
                tables.append(table)
            }
        }
        let lattice = tables.filter { $0.mode == .lattice }
        let latticeGlyphs = glyphs.count { g in lattice.contains { $0.box.insetBy(1).contains(deskew.unlevel(g.box.center)) } }
        let textLeft = mode == .auto && !tables.isEmpty && area == nil && Double(latticeGlyphs) < settings.latticeTextShare * Double(glyphs.count)
        if mode == .stream || (mode == .auto && tables.isEmpty) || textLeft {
            let free = glyphs.filter { g in !tables.contains { $0.box.contains(deskew.unlevel(g.box.center)) } }
            if let table = stream(glyphs: free, area: region, lines: lines, rows: mode == .stream ? .textLines : .auto,
                                  columns: columns, page: page.number, deskew: deskew) {
                tables.append(table)
            }
        }
        return tables.sorted { ($0.box.top, $0.box.left) < ($1.box.top, $1.box.left) }
    }

    /// The box spanned by long parallel horizontal rulings (at least two), for tables ruled by rows only.
    func ruledRegion(_ lines: [LineSegment]) -> Rect? {
        let hs = lines.filter { $0.orientation == .horizontal }
        guard let longest = hs.map(\.length).max(), longest > 0 else { return nil }
        let rules = hs.filter { $0.length >= settings.ruledRowLength * longest }
        guard rules.count >= 2 else { return nil }
        return Rect(left: rules.map(\.low).min()!, top: rules.map(\.position).min()!,
                    right: rules.map(\.high).max()!, bottom: rules.map(\.position).max()!)
    }

    /// Lines cut to an area (with the intersect tolerance), those outside dropped.
    func clip(_ lines: [LineSegment], to area: Rect) -> [LineSegment] {
        let t = settings.intersectTolerance
        return lines.compactMap { l in
            let (pLo, pHi, eLo, eHi) = l.orientation == .horizontal
                ? (area.top, area.bottom, area.left, area.right) : (area.left, area.right, area.top, area.bottom)
            guard l.position >= pLo - t && l.position <= pHi + t else { return nil }
            let lo = max(l.low, eLo - t), hi = min(l.high, eHi + t)
            guard hi > lo else { return nil }
            return LineSegment(orientation: l.orientation, position: l.position, low: lo, high: hi)
        }
    }

    func lattice(_ ruled: LatticeDetector.Grid, glyphs: [Glyph], page: Int, deskew: Deskew) -> Table {
        var grid = ruled
        if settings.splitsByText {
            let centers = GlyphCenters(glyphs)  // sorted once for the three splitters
            let spanned = SpannedColumnSplitter(settings: settings, layout: layout).split(ruled, centers: centers)
            let columns = StackedColumnSplitter(settings: settings, layout: layout).split(spanned, centers: centers)
            grid = StackedRowSplitter(settings: settings, layout: layout).split(columns, centers: centers)
        }
        let ys = grid.rowEdges, xs = grid.columnEdges
        let nc = xs.count - 1
        var slotCell = [Int](repeating: -1, count: (ys.count - 1) * nc)
        for (i, c) in grid.cells.enumerated() {
            for r in c.row..<(c.row + c.rowSpan) { for k in c.column..<(c.column + c.columnSpan) { slotCell[r * nc + k] = i } }
        }
        // Each glyph's cell, then each cell's glyphs in one allocation.
        var cellOf = [Int](repeating: -1, count: glyphs.count)
        var counts = [Int](repeating: 0, count: grid.cells.count)
        for (n, g) in glyphs.enumerated() {
            let p = g.box.center
            guard let r = slot(p.y, ys), let k = slot(p.x, xs) else { continue }
            let i = slotCell[r * nc + k]
            if i >= 0 { cellOf[n] = i; counts[i] += 1 }
        }
        var members = counts.map { count -> [Glyph] in
            var cell: [Glyph] = []
            cell.reserveCapacity(count)
            return cell
        }
        for (n, i) in cellOf.enumerated() where i >= 0 { members[i].append(glyphs[n]) }
        let reader = CellText(layout: layout)
        let cells = grid.cells.enumerated().map { i, c -> Cell in
            let box = Rect(left: xs[c.column], top: ys[c.row], right: xs[c.column + c.columnSpan], bottom: ys[c.row + c.rowSpan])
            let (text, lines) = reader.read(members[i])
            return Cell(row: c.row, column: c.column, rowSpan: c.rowSpan, columnSpan: c.columnSpan,
                        box: deskew.unlevel(box), text: text, lines: lines)
        }
        let box = Rect(left: xs.first!, top: ys.first!, right: xs.last!, bottom: ys.last!)
        return Table(page: page, box: deskew.unlevel(box), mode: .lattice, rowEdges: ys, columnEdges: xs, cells: cells)
    }

    func stream(glyphs: [Glyph], area: Rect, lines: [LineSegment], rows: StreamDetector.RowSource, columns: [Double]?, page: Int, deskew: Deskew) -> Table? {
        guard let (ys, xs) = StreamDetector(settings: settings, layout: layout).grid(glyphs: glyphs, area: area, lines: lines, rows: rows, columnHints: columns),
              ys.count >= 2, xs.count >= 2 else { return nil }
        let nr = ys.count - 1, nc = xs.count - 1
        var members = [[Glyph]](repeating: [], count: nr * nc)
        // A chunk that runs across a column boundary (a header over several columns) stays whole, in
        // the column where it starts, as camelot and the ICDAR ground truth place it.
        let detector = StreamDetector(settings: settings, layout: layout)
        for band in layout.bands(glyphs.filter { !$0.isWhitespace && $0.box.height > 0 }) {
            let chunks = detector.chunks(band)
            for g in band {
                let p = g.box.center
                let x = chunks.first { $0.box.left <= p.x && p.x <= $0.box.right }.map { $0.box.left + min(1, $0.box.width / 2) } ?? p.x
                guard let r = slot(p.y, ys, clamp: true), let k = slot(x, xs, clamp: true) else { continue }
                members[r * nc + k].append(g)
            }
        }
        let reader = CellText(layout: layout)
        var cells: [Cell] = []
        for r in 0..<nr {
            for k in 0..<nc {
                let box = Rect(left: xs[k], top: ys[r], right: xs[k + 1], bottom: ys[r + 1])
                let (text, lines) = reader.read(members[r * nc + k])
                cells.append(Cell(row: r, column: k, box: deskew.unlevel(box), text: text, lines: lines))
            }
        }
        let box = Rect(left: xs.first!, top: ys.first!, right: xs.last!, bottom: ys.last!)
        return Table(page: page, box: deskew.unlevel(box), mode: .stream, rowEdges: ys, columnEdges: xs, cells: cells)
    }

    /// The index of the slot between consecutive `edges` holding `v`.
    func slot(_ v: Double, _ edges: [Double], clamp: Bool = false) -> Int? {
        let m = settings.cellMargin
        if v < edges[0] - m || v > edges[edges.count - 1] + m {
            guard clamp else { return nil }
            return v < edges[0] ? 0 : edges.count - 2
        }
        var lo = 0, hi = edges.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if edges[mid] <= v { lo = mid } else { hi = mid }
        }
        return min(lo, edges.count - 2)
    }
}
