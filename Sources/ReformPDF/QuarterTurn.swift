/// A turn of a page by quarters, clockwise: how a page scanned sideways or upside down is set
/// upright. Points are page points (origin top-left, y down) of the page before and after the turn.
public enum QuarterTurn: Int, Sendable, Hashable, CaseIterable {
    /// No turn: the page is read as it is.
    case upright = 0
    case clockwise = 1, half = 2, counterclockwise = 3

    /// Whether the page's width and height swap.
    public var swapsSides: Bool { rawValue % 2 == 1 }

    /// The page size after the turn.
    public func size(width: Double, height: Double) -> (width: Double, height: Double) {
        swapsSides ? (height, width) : (width, height)
    }

    /// Where point `p` of a `width` × `height` page lands on the turned page.
    public func point(_ p: Point, width: Double, height: Double) -> Point {
        switch self {
        case .upright: p
        case .clockwise: Point(x: height - p.y, y: p.x)
        case .half: Point(x: width - p.x, y: height - p.y)
        case .counterclockwise: Point(x: p.y, y: width - p.x)
        }
    }

    /// Where box `r` of a `width` × `height` page lands on the turned page.
    public func rect(_ r: Rect, width: Double, height: Double) -> Rect {
        let a = point(Point(x: r.left, y: r.top), width: width, height: height)
        let b = point(Point(x: r.right, y: r.bottom), width: width, height: height)
        return Rect(left: min(a.x, b.x), top: min(a.y, b.y), right: max(a.x, b.x), bottom: max(a.y, b.y))
    }

    /// The pixels of a `width` × `height` picture (row-major) turned: the turned picture's size and
    /// pixels.
    public func pixels<T>(_ pixels: [T], width: Int, height: Int) -> (width: Int, height: Int, pixels: [T]) {
        switch self {
        case .upright: return (width, height, pixels)
        case .half: return (width, height, pixels.reversed())
        case .clockwise, .counterclockwise:
            // the turned picture is `height` wide: its pixel (x, y) shows (y, height-1-x) clockwise,
            // (width-1-y, x) counter-clockwise
            var out = [T]()
            out.reserveCapacity(pixels.count)
            for y in 0..<width {
                for x in 0..<height {
                    out.append(self == .clockwise ? pixels[(height - 1 - x) * width + y] : pixels[x * width + (width - 1 - y)])
                }
            }
            return (height, width, out)
        }
    }
}
