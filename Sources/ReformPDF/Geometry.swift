/// A point in PDF points, origin at the top-left of the displayed page, y growing downward.
public struct Point: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle in PDF points, origin top-left, y down: the one coordinate system of reform.
public struct Rect: Sendable, Hashable, Codable {
    public var left: Double
    public var top: Double
    public var right: Double
    public var bottom: Double

    public init(left: Double, top: Double, right: Double, bottom: Double) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }

    public static let zero = Rect(left: 0, top: 0, right: 0, bottom: 0)

    public var width: Double { right - left }
    public var height: Double { bottom - top }
    public var midX: Double { (left + right) / 2 }
    public var midY: Double { (top + bottom) / 2 }
    public var center: Point { Point(x: midX, y: midY) }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    public func contains(_ p: Point) -> Bool {
        p.x >= left && p.x <= right && p.y >= top && p.y <= bottom
    }

    /// The rectangle grown by `d` on every side (shrunk for negative `d`).
    public func insetBy(_ d: Double) -> Rect {
        Rect(left: left - d, top: top - d, right: right + d, bottom: bottom + d)
    }

    public func union(_ o: Rect) -> Rect {
        Rect(left: min(left, o.left), top: min(top, o.top), right: max(right, o.right), bottom: max(bottom, o.bottom))
    }

    public func intersects(_ o: Rect) -> Bool {
        left < o.right && o.left < right && top < o.bottom && o.top < bottom
    }

    /// Overlap length of the two vertical extents.
    public func verticalOverlap(_ o: Rect) -> Double { max(0, min(bottom, o.bottom) - max(top, o.top)) }
    /// Overlap length of the two horizontal extents.
    public func horizontalOverlap(_ o: Rect) -> Double { max(0, min(right, o.right) - max(left, o.left)) }

    /// `[top, left, bottom, right]`, the order tabula and pdfplumber use for areas.
    public var tlbr: [Double] { [top, left, bottom, right] }
}

extension Rect {
    /// The union of a sequence of rectangles, or nil when it is empty.
    @inlinable  // specialized where called: unspecialized, its iterator's type was looked up at run time
    public static func enclosing<S: Sequence>(_ rects: S) -> Rect? where S.Element == Rect {
        var it = rects.makeIterator()
        guard var r = it.next() else { return nil }
        while let n = it.next() { r = r.union(n) }
        return r
    }
}
