import Foundation
import ReformPDF

/// Turns the coordinates of a skewed scan level (and back), rotating about the page centre.
///
/// A page whose content is turned counter-clockwise by `degrees` (as `PageContent.skewDegrees`
/// reports) is rotated clockwise by the same angle, so its rulings become axis-aligned.
public struct Deskew: Sendable {
    public let degrees: Double
    let center: Point
    let cosA: Double
    let sinA: Double

    public init(degrees: Double, center: Point) {
        self.degrees = degrees
        self.center = center
        cosA = cos(degrees * .pi / 180)
        sinA = sin(degrees * .pi / 180)
    }

    public init(page: PageContent) {
        self.init(degrees: page.skewDegrees, center: Point(x: page.width / 2, y: page.height / 2))
    }

    public var isIdentity: Bool { degrees == 0 }

    /// Page point → level point.
    public func level(_ p: Point) -> Point {
        if isIdentity { return p }
        let x = p.x - center.x, y = p.y - center.y
        return Point(x: center.x + x * cosA - y * sinA, y: center.y + x * sinA + y * cosA)
    }

    /// Level point → page point.
    public func unlevel(_ p: Point) -> Point {
        if isIdentity { return p }
        let x = p.x - center.x, y = p.y - center.y
        return Point(x: center.x + x * cosA + y * sinA, y: center.y - x * sinA + y * cosA)
    }

    public func level(_ r: Rect) -> Rect { transform(r, level) }
    public func unlevel(_ r: Rect) -> Rect { transform(r, unlevel) }

    public func level(_ g: Glyph) -> Glyph {
        if isIdentity { return g }
        var out = g
        // Keep the box's size and move it with its centre: glyph boxes stay upright after levelling.
        let c = level(g.box.center)
        out.box = Rect(left: c.x - g.box.width / 2, top: c.y - g.box.height / 2, right: c.x + g.box.width / 2, bottom: c.y + g.box.height / 2)
        return out
    }

    public func level(_ r: Ruling) -> Ruling {
        if isIdentity { return r }
        var out = r
        out.start = level(r.start)
        out.end = level(r.end)
        return out
    }

    private func transform(_ r: Rect, _ f: (Point) -> Point) -> Rect {
        if isIdentity { return r }
        let corners = [Point(x: r.left, y: r.top), Point(x: r.right, y: r.top), Point(x: r.left, y: r.bottom), Point(x: r.right, y: r.bottom)].map(f)
        return Rect(left: corners.map(\.x).min()!, top: corners.map(\.y).min()!, right: corners.map(\.x).max()!, bottom: corners.map(\.y).max()!)
    }
}
