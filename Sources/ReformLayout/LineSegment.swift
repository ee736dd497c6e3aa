import ReformPDF

/// A ruling reduced to what grid building needs: an axis-aligned segment on a snapped position.
public struct LineSegment: Sendable, Hashable {
    public var orientation: Ruling.Orientation
    /// y of a horizontal line, x of a vertical one.
    public var position: Double
    /// Extent along the line: x range of a horizontal line, y range of a vertical one.
    public var low: Double
    public var high: Double

    public init(orientation: Ruling.Orientation, position: Double, low: Double, high: Double) {
        self.orientation = orientation
        self.position = position
        self.low = low
        self.high = high
    }

    public var length: Double { high - low }

    /// Whether this line and a perpendicular one cross or touch, within `tolerance`.
    public func meets(_ o: LineSegment, tolerance: Double) -> Bool {
        o.position >= low - tolerance && o.position <= high + tolerance
            && position >= o.low - tolerance && position <= o.high + tolerance
    }

    /// Levelled (deskewed) rulings snapped into lines: positions within `snapTolerance` share one
    /// position, and collinear pieces with gaps up to `joinTolerance` become one segment.
    public static func snap(_ rulings: [Ruling], settings: TableSettings) -> [LineSegment] {
        var out: [LineSegment] = []
        for orientation in [Ruling.Orientation.horizontal, .vertical] {
            let raw = rulings.filter { $0.orientation == orientation }.map { r -> LineSegment in
                let h = orientation == .horizontal
                let a = h ? r.start.x : r.start.y, b = h ? r.end.x : r.end.y
                return LineSegment(orientation: orientation, position: r.position, low: min(a, b), high: max(a, b))
            }.sorted { $0.position < $1.position }
            var lines: [LineSegment] = []
            var i = 0
            while i < raw.count {
                var j = i + 1
                while j < raw.count && raw[j].position - raw[j - 1].position <= settings.snapTolerance { j += 1 }
                let group = raw[i..<j]
                // One position for the group: the length-weighted mean.
                let weight = group.reduce(0) { $0 + max($1.length, 0.1) }
                let position = group.reduce(0) { $0 + $1.position * max($1.length, 0.1) } / weight
                var pieces = group.map { ($0.low, $0.high) }.sorted { $0.0 < $1.0 }
                var merged: [(Double, Double)] = [pieces.removeFirst()]
                for p in pieces {
                    if p.0 <= merged[merged.count - 1].1 + settings.joinTolerance {
                        merged[merged.count - 1].1 = max(merged[merged.count - 1].1, p.1)
                    } else {
                        merged.append(p)
                    }
                }
                lines += merged.map { LineSegment(orientation: orientation, position: position, low: $0.0, high: $0.1) }
                i = j
            }
            out += doublesJoined(lines, settings: settings)
        }
        return out
    }

    /// Double rules as one line at their middle: two parallel lines a little further apart than the
    /// snap, running alongside each other (cells drawn apart, each with its own border, as HTML's
    /// `border-collapse: separate` prints them) bound no row or column between them.
    static func doublesJoined(_ lines: [LineSegment], settings: TableSettings) -> [LineSegment] {
        var out = lines
        for a in out.indices {
            for b in out.indices where b > a && out[b].position > out[a].position
                && out[b].position - out[a].position <= settings.doubleRuleGap {
                let shared = min(out[a].high, out[b].high) - max(out[a].low, out[b].low)
                guard shared >= settings.doubleRuleOverlap * max(out[a].length, out[b].length) else { continue }
                let middle = (out[a].position + out[b].position) / 2
                out[a].position = middle
                out[b].position = middle
            }
        }
        return out
    }
}
