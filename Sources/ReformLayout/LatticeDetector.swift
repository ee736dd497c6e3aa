import ReformPDF

/// Finds ruled tables: connected rulings become a grid, grid slots with no ruling between them merge
/// into spanning cells, and each glyph goes to the cell that holds its centre.
public struct LatticeDetector: Sendable {
    public var settings: TableSettings

    public init(settings: TableSettings = TableSettings()) {
        self.settings = settings
    }

    /// A grid with its cells' extents, before text is assigned.
    public struct Grid: Sendable {
        public var rowEdges: [Double]
        public var columnEdges: [Double]
        /// Cells as slot ranges.
        public var cells: [(row: Int, column: Int, rowSpan: Int, columnSpan: Int)]
    }

    /// The grids formed by levelled rulings, largest first.
    public func grids(_ lines: [LineSegment]) -> [Grid] {
        components(lines).compactMap(grid).sorted { area($0) > area($1) }
    }

    private func area(_ g: Grid) -> Double {
        (g.rowEdges.last! - g.rowEdges.first!) * (g.columnEdges.last! - g.columnEdges.first!)
    }

    /// Groups of lines connected through crossings.
    func components(_ lines: [LineSegment]) -> [[LineSegment]] {
        var parent = Array(lines.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        let h = lines.indices.filter { lines[$0].orientation == .horizontal }
        let v = lines.indices.filter { lines[$0].orientation == .vertical }
        for i in h {
            for j in v where lines[i].meets(lines[j], tolerance: settings.intersectTolerance) {
                let a = find(i), b = find(j)
                if a != b { parent[a] = b }
            }
        }
        var groups: [Int: [LineSegment]] = [:]
        for i in lines.indices { groups[find(i), default: []].append(lines[i]) }
        return Array(groups.values)
    }

    /// The grid of one connected group of lines, or nil when it does not enclose at least one cell.
    func grid(_ group: [LineSegment]) -> Grid? {
        let hs = group.filter { $0.orientation == .horizontal }
        let vs = group.filter { $0.orientation == .vertical }
        guard !hs.isEmpty, !vs.isEmpty else { return nil }
        // Boundaries: the lines themselves, plus the far ends of perpendicular lines where the outer
        // border is open (a table ruled only inside, or only by rows).
        let ys = withOpenBorders(clusters(hs.map(\.position)), ends: vs.flatMap { [$0.low, $0.high] })
        let xs = withOpenBorders(clusters(vs.map(\.position)), ends: hs.flatMap { [$0.low, $0.high] })
        guard ys.count >= 2, xs.count >= 2 else { return nil }
        let nr = ys.count - 1, nc = xs.count - 1

        func covered(_ position: Double, _ lo: Double, _ hi: Double, by lines: [LineSegment]) -> Bool {
            let length = hi - lo
            guard length > 0 else { return true }
            var spans: [(Double, Double)] = []
            for l in lines where abs(l.position - position) <= settings.snapTolerance {
                let s = max(lo, l.low - settings.edgeEndSlack), e = min(hi, l.high + settings.edgeEndSlack)
                if e > s { spans.append((s, e)) }
            }
            spans.sort { $0.0 < $1.0 }
            var total = 0.0, end = lo
            for (s, e) in spans where e > end { total += e - max(s, end); end = e }
            return total >= settings.edgeCoverage * length
        }

        // Union slots that no wall separates.
        var parent = Array(0..<(nr * nc))
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func union(_ a: Int, _ b: Int) { let x = find(a), y = find(b); if x != y { parent[x] = y } }
        for r in 0..<nr {
            for c in 0..<nc {
                if c + 1 < nc && !covered(xs[c + 1], ys[r], ys[r + 1], by: vs) { union(r * nc + c, r * nc + c + 1) }
                if r + 1 < nr && !covered(ys[r + 1], xs[c], xs[c + 1], by: hs) { union(r * nc + c, (r + 1) * nc + c) }
            }
        }
        // Each group of slots becomes its bounding rectangle; rectangles that overlap merge.
        var boxes: [Int: (r0: Int, c0: Int, r1: Int, c1: Int)] = [:]
        for r in 0..<nr {
            for c in 0..<nc {
                let k = find(r * nc + c)
                if let b = boxes[k] { boxes[k] = (min(b.r0, r), min(b.c0, c), max(b.r1, r), max(b.c1, c)) } else { boxes[k] = (r, c, r, c) }
            }
        }
        var rects = Array(boxes.values)
        var changed = true
        while changed {
            changed = false
            outer: for i in rects.indices {
                for j in rects.indices where j > i {
                    let a = rects[i], b = rects[j]
                    if a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1 {
                        rects[i] = (min(a.r0, b.r0), min(a.c0, b.c0), max(a.r1, b.r1), max(a.c1, b.c1))
                        rects.remove(at: j)
                        changed = true
                        break outer
                    }
                }
            }
        }
        // A table whose whole grid is one enclosed box only when the box is drawn all round.
        let cells = rects.map { (row: $0.r0, column: $0.c0, rowSpan: $0.r1 - $0.r0 + 1, columnSpan: $0.c1 - $0.c0 + 1) }
        return Grid(rowEdges: ys, columnEdges: xs, cells: cells)
    }

    /// Adds the outermost perpendicular line ends as boundaries when they reach well beyond the lines.
    func withOpenBorders(_ edges: [Double], ends: [Double]) -> [Double] {
        guard let lo = ends.min(), let hi = ends.max() else { return edges }
        var out = edges
        if let first = out.first, lo < first - settings.openBorderMin { out.insert(lo, at: 0) }
        if out.isEmpty { out.append(lo) }
        if let last = out.last, hi > last + settings.openBorderMin { out.append(hi) }
        return out
    }

    /// Sorted positions, those within the snap tolerance merged; slots thinner than `minSlot` dropped.
    func clusters(_ values: [Double]) -> [Double] {
        let sorted = values.sorted()
        var out: [Double] = []
        var group: [Double] = []
        for v in sorted {
            if let last = group.last, v - last > settings.snapTolerance {
                out.append(group.reduce(0, +) / Double(group.count))
                group = []
            }
            group.append(v)
        }
        if !group.isEmpty { out.append(group.reduce(0, +) / Double(group.count)) }
        var kept: [Double] = []
        for v in out {
            if let last = kept.last, v - last < settings.minSlot { continue }
            kept.append(v)
        }
        return kept
    }
}
