/// A ruled line found in the rendered page: a table border or separator.
///
/// Endpoints are in page points (origin top-left, y down). On a skewed scan a "horizontal" ruling
/// is not exactly level: `start` and `end` follow the line as drawn.
public struct Ruling: Sendable, Hashable {
    public enum Orientation: String, Sendable, Codable {
        case horizontal, vertical
    }

    public var orientation: Orientation
    public var start: Point
    public var end: Point
    /// Stroke thickness in points.
    public var thickness: Double

    public init(orientation: Orientation, start: Point, end: Point, thickness: Double) {
        self.orientation = orientation
        self.start = start
        self.end = end
        self.thickness = thickness
    }

    public var length: Double {
        let dx = end.x - start.x, dy = end.y - start.y
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The position across the line: y of a horizontal ruling, x of a vertical one (at its middle).
    public var position: Double {
        orientation == .horizontal ? (start.y + end.y) / 2 : (start.x + end.x) / 2
    }

    /// Whether the line runs exactly along its orientation (every ruling of a born-digital page):
    /// then `value(atX:)` / `value(atY:)` is its position across everywhere.
    public var isLevel: Bool {
        orientation == .horizontal ? start.y == end.y : start.x == end.x
    }

    /// y of the line at `x` (for horizontal rulings; extrapolated beyond the ends).
    public func value(atX x: Double) -> Double {
        let dx = end.x - start.x
        return dx == 0 ? start.y : start.y + (x - start.x) * (end.y - start.y) / dx
    }

    /// x of the line at `y` (for vertical rulings; extrapolated beyond the ends).
    public func value(atY y: Double) -> Double {
        let dy = end.y - start.y
        return dy == 0 ? start.x : start.x + (y - start.y) * (end.x - start.x) / dy
    }

    /// Its ends along the line, lower first: x of a horizontal ruling, y of a vertical one.
    public var extent: (lo: Double, hi: Double) {
        orientation == .horizontal ? (min(start.x, end.x), max(start.x, end.x)) : (min(start.y, end.y), max(start.y, end.y))
    }

    /// The part of the ruling between `from` and `to` along it (x of a horizontal one, y of a
    /// vertical one), following its slope.
    public func clipped(from: Double, to: Double) -> Ruling {
        if orientation == .horizontal {
            return Ruling(orientation: .horizontal, start: Point(x: from, y: value(atX: from)), end: Point(x: to, y: value(atX: to)), thickness: thickness)
        }
        return Ruling(orientation: .vertical, start: Point(x: value(atY: from), y: from), end: Point(x: value(atY: to), y: to), thickness: thickness)
    }

    /// Whether this ruling and a perpendicular one cross or touch, within `tolerance` beyond their strokes.
    public func meets(_ other: Ruling, tolerance: Double) -> Bool {
        bounds.insetBy(tolerance).intersects(other.bounds.insetBy(tolerance))
    }

    /// The bounding box of the stroke.
    public var bounds: Rect {
        let h = thickness / 2
        return Rect(left: min(start.x, end.x) - (orientation == .vertical ? h : 0),
                    top: min(start.y, end.y) - (orientation == .horizontal ? h : 0),
                    right: max(start.x, end.x) + (orientation == .vertical ? h : 0),
                    bottom: max(start.y, end.y) + (orientation == .horizontal ? h : 0))
    }
}
