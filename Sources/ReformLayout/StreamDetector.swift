import ReformPDF

/// Finds a table's grid from text alignment where rulings do not give one.
///
/// Rows are the text lines, or the bands between horizontal rulings where a table rules its rows
/// but not its columns (hybrid). Columns come from the chunks of the most common row shape,
/// widened by every chunk that fits none of them, as camelot's stream parser does; vertical rulings
/// and user column hints are boundaries too.
public struct StreamDetector: Sendable {
    public var settings: TableSettings
    public var layout: TextLayout

    public init(settings: TableSettings = TableSettings(), layout: TextLayout = TextLayout()) {
        self.settings = settings
        self.layout = layout
    }

    /// A run of words on one line with gaps no wider than `chunkGap`: what fills one cell.
    struct Chunk {
        var box: Rect
    }

    /// The chunks of one text line (glyphs sharing a band), left to right.
    func chunks(_ band: [Glyph]) -> [Chunk] {
        let words = layout.words(in: band.sorted { $0.box.midX < $1.box.midX }, walls: [])
        var chunks: [Chunk] = []
        for w in words {
            if let last = chunks.last, w.box.left - last.box.right <= settings.chunkGap * max(w.fontSize, 1) {
                chunks[chunks.count - 1].box = last.box.union(w.box)
            } else {
                chunks.append(Chunk(box: w.box))
            }
        }
        return chunks
    }

    /// How rows are found.
    public enum RowSource: Sendable {
        /// One row per text line.
        case textLines
        /// Bands between horizontal rulings that cross the table.
        case rulings
        /// Rulings where they separate rows densely (a ruled-row table), text lines otherwise.
        case auto
    }

    /// The grid of levelled glyphs inside `area`, or nil when there is no text.
    public func grid(glyphs: [Glyph], area: Rect, lines: [LineSegment], rows rowSource: RowSource = .auto, columnHints: [Double]? = nil)
        -> (rowEdges: [Double], columnEdges: [Double])?
    {
        let visible = glyphs.filter { !$0.isWhitespace && $0.box.height > 0 }
        guard !visible.isEmpty, let textBox = Rect.enclosing(visible.map(\.box)) else { return nil }
        let bands = layout.bands(visible)
        let chunkRows = bands.map(chunks)

        let top = min(area.top, textBox.top), bottom = max(area.bottom, textBox.bottom)
        let left = min(area.left, textBox.left), right = max(area.right, textBox.right)

        // Rows: horizontal rulings that cross most of the text, else one row per text line.
        let width = textBox.width
        let rowRules = lines.filter { $0.orientation == .horizontal && min($0.high, textBox.right) - max($0.low, textBox.left) >= 0.5 * width }
            .map(\.position).filter { $0 > textBox.top && $0 < textBox.bottom }
        var rowEdges: [Double]
        let useRules: Bool
        switch rowSource {
        case .textLines: useRules = false
        case .rulings: useRules = !rowRules.isEmpty
        case .auto:
            // Dense on average, and in every band: a header ruled off above a block of many data
            // lines (one rule under the title, one under the header) is not a ruled-row table.
            let cuts = rowRules.sorted()
            let crowded = bands.reduce(into: [Int: Int]()) { count, band in
                let y = band.map(\.box.midY).reduce(0, +) / Double(band.count)
                count[cuts.firstIndex { $0 > y } ?? cuts.count, default: 0] += 1
            }.values.max() ?? 0
            useRules = rowRules.count >= 2 && Double(bands.count) <= settings.linesPerRuledRow * Double(rowRules.count + 1)
                && Double(crowded) <= settings.maxLinesPerRuledRow
        }
        if useRules {
            rowEdges = [textBox.top - 0.5] + LatticeDetector(settings: settings).clusters(rowRules) + [textBox.bottom + 0.5]
            // Keep only bands that hold text.
            rowEdges = rowEdges.enumerated().filter { i, y in
                i == 0 || visible.contains { $0.box.midY > rowEdges[i - 1] && $0.box.midY < y }
            }.map(\.element)
            rowEdges = splitStacked(rowEdges, bands: bands, chunkRows: chunkRows)
        } else {
            let boxes = bands.map { Rect.enclosing($0.map(\.box))! }
            rowEdges = [boxes[0].top - 0.5]
            for (a, b) in zip(boxes, boxes.dropFirst()) { rowEdges.append((a.bottom + b.top) / 2) }
            rowEdges.append(boxes[boxes.count - 1].bottom + 0.5)
        }
        _ = (top, bottom)

        // Columns.
        var columnEdges: [Double]
        if let hints = columnHints, !hints.isEmpty {
            columnEdges = [min(left, hints.min()!)] + hints.sorted() + [max(right, hints.max()!)]
        } else {
            columnEdges = columns(chunkRows, left: textBox.left - 0.5, right: textBox.right + 0.5)
            let walls = lines.filter { $0.orientation == .vertical && $0.length >= 0.5 * textBox.height }.map(\.position)
                .filter { $0 > textBox.left && $0 < textBox.right }
            if !walls.isEmpty { columnEdges = LatticeDetector(settings: settings).clusters(columnEdges + walls) }
        }
        return (rowEdges, columnEdges)
    }

    /// Ruled bands that stack several rows of figures (a rule under the header and one at the bottom)
    /// divided at the gaps between their text lines, as `StackedRowSplitter` divides ruled rows: at
    /// least `minStackedCells` lines with several chunks, and `stackedFigureLineShare` of them
    /// holding a figure; a wrapped label beside its values stays one row.
    func splitStacked(_ edges: [Double], bands: [[Glyph]], chunkRows: [[Chunk]]) -> [Double] {
        var out = [edges[0]]
        for (top, bottom) in zip(edges, edges.dropFirst()) {
            let inside = bands.indices.filter { i in
                let y = Rect.enclosing(bands[i].map(\.box))!.midY
                return y > top && y < bottom
            }
            let figures = inside.filter { bands[$0].contains(where: \.isFigure) }.count
            let multi = inside.filter { chunkRows[$0].count >= 2 }.count
            if multi >= settings.minStackedCells && Double(figures) >= settings.stackedFigureLineShare * Double(inside.count) {
                let boxes = inside.map { Rect.enclosing(bands[$0].map(\.box))! }
                for (a, b) in zip(boxes, boxes.dropFirst()) where b.top > a.bottom { out.append((a.bottom + b.top) / 2) }
            }
            out.append(bottom)
        }
        return out
    }

    /// Column boundaries from chunk alignment.
    func columns(_ rows: [[Chunk]], left: Double, right: Double) -> [Double] {
        let counts = rows.map(\.count).filter { $0 > 0 }
        guard !counts.isEmpty else { return [left, right] }
        var frequency: [Int: Int] = [:]
        for c in counts { frequency[c, default: 0] += 1 }
        // The most common row shape (ties to the wider one); a one-chunk mode means a one-column table
        // unless wider rows say otherwise.
        let multi = frequency.filter { $0.key > 1 }
        let shape = (multi.isEmpty ? frequency : multi).max { ($0.value, $0.key) < ($1.value, $1.key) }!.key
        var intervals = rows.filter { $0.count == shape }.flatMap { $0.map { ($0.box.left, $0.box.right) } }
        intervals = merge(intervals)
        // Chunks that overlap no column open one.
        for row in rows {
            for c in row where !intervals.contains(where: { c.box.left < $0.1 && $0.0 < c.box.right }) {
                intervals.append((c.box.left, c.box.right))
                intervals = merge(intervals)
            }
        }
        var edges = [left]
        for (a, b) in zip(intervals, intervals.dropFirst()) { edges.append((a.1 + b.0) / 2) }
        edges.append(right)
        return edges
    }

    private func merge(_ intervals: [(Double, Double)]) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        for i in intervals.sorted(by: { $0.0 < $1.0 }) {
            if let last = out.last, i.0 <= last.1 + settings.columnMergeGap {
                out[out.count - 1].1 = max(last.1, i.1)
            } else {
                out.append(i)
            }
        }
        return out
    }
}
