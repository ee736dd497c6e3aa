import ReformPDF

/// Which way a page's text runs, read from the order of its glyphs: a table set sideways on a
/// portrait page runs top to bottom (turned clockwise) or bottom to top (turned counter-clockwise).
public enum TextDirection: Sendable, Equatable {
    case leftToRight
    /// Text turned a quarter clockwise: it reads downward.
    case topToBottom
    /// Text turned a quarter counter-clockwise: it reads upward.
    case bottomToTop

    /// The dominant direction: each pair of neighbouring glyphs in text order votes for the axis
    /// it advances along. A one-character-a-line stack of upright CJK does not vote (its glyphs are
    /// separate lines, joined in text order by line breaks).
    /// Glyphs farther apart than this (× the glyph's size) are not neighbours and do not vote.
    static let neighbourDistance = 1.5
    /// A step votes for an axis when it is this many times longer along it than across it.
    static let axisDominance = 2.0
    /// A step down or up votes for turned text only when the glyph's box is at least this wide for its
    /// height (turned Latin glyphs lie on their side; upright CJK stacks are square and vote nothing).
    static let turnedGlyphAspect = 0.9

    public static func dominant(_ glyphs: [Glyph], minimumShare: Double = 0.6) -> TextDirection {
        var right = 0, down = 0, up = 0
        var previous: Glyph?
        for g in glyphs {
            defer { previous = g.isWhitespace ? nil : g }
            guard let p = previous, let vote = step(p, g) else { continue }
            switch vote {
            case .leftToRight: right += 1
            case .topToBottom: down += 1
            case .bottomToTop: up += 1
            }
        }
        let total = right + down + up
        guard total > 0 else { return .leftToRight }
        if Double(down) >= minimumShare * Double(total) { return .topToBottom }
        if Double(up) >= minimumShare * Double(total) { return .bottomToTop }
        return .leftToRight
    }

    /// The direction each glyph's own text runs, from its neighbours in text order: nil for a glyph
    /// standing alone or between neighbours that disagree.
    public static func each(_ glyphs: [Glyph]) -> [TextDirection?] {
        var votes = [[TextDirection]](repeating: [], count: glyphs.count)
        var previous: Int?
        for (i, g) in glyphs.enumerated() {
            defer { previous = g.isWhitespace ? nil : i }
            guard let p = previous, let vote = step(glyphs[p], g) else { continue }
            votes[p].append(vote)
            votes[i].append(vote)
        }
        return votes.map { v in v.isEmpty || v.contains { $0 != v[0] } ? nil : v[0] }
    }

    /// The axis one step in text order from `p` to `g` advances along, when it is clear. Text along
    /// the page's x axis is `leftToRight` whichever way it advances (right-to-left scripts, a page
    /// number set upside down).
    static func step(_ p: Glyph, _ g: Glyph) -> TextDirection? {
        guard !g.isWhitespace, g.box.height > 0 else { return nil }
        let dx = g.box.midX - p.box.midX, dy = g.box.midY - p.box.midY
        let size = max(p.box.width, p.box.height, 1)
        guard abs(dx) + abs(dy) < neighbourDistance * size else { return nil }
        // A rotated glyph's box is taller than wide for Latin text; advancing along y means rotated.
        if abs(dx) > axisDominance * abs(dy) { return .leftToRight }
        if abs(dy) > axisDominance * abs(dx) && p.box.width > p.box.height * turnedGlyphAspect { return dy > 0 ? .topToBottom : .bottomToTop }
        return nil
    }
}

/// Turns a page a quarter so its text reads left to right, and turns boxes back.
public struct PageTurn: Sendable {
    public let direction: TextDirection
    /// Displayed size of the page before turning.
    let width: Double
    let height: Double

    public init(direction: TextDirection, width: Double, height: Double) {
        self.direction = direction
        self.width = width
        self.height = height
    }

    public var isIdentity: Bool { direction == .leftToRight }

    /// Page point → turned point.
    public func turn(_ p: Point) -> Point {
        switch direction {
        case .leftToRight: return p
        case .topToBottom: return Point(x: p.y, y: width - p.x)
        case .bottomToTop: return Point(x: height - p.y, y: p.x)
        }
    }

    /// Turned point → page point.
    public func unturn(_ p: Point) -> Point {
        switch direction {
        case .leftToRight: return p
        case .topToBottom: return Point(x: width - p.y, y: p.x)
        case .bottomToTop: return Point(x: p.y, y: height - p.x)
        }
    }

    public func turn(_ r: Rect) -> Rect { map(r, turn) }
    public func unturn(_ r: Rect) -> Rect { map(r, unturn) }

    /// The page with every glyph and ruling turned (its size swapped).
    public func turn(_ page: PageContent) -> PageContent {
        guard !isIdentity else { return page }
        var out = page
        out.width = height
        out.height = width
        out.glyphs = page.glyphs.map { g in
            var t = g
            t.box = turn(g.box)
            return t
        }
        out.rulings = page.rulings.map { r in
            Ruling(orientation: r.orientation == .horizontal ? .vertical : .horizontal, start: turn(r.start), end: turn(r.end), thickness: r.thickness)
        }
        // Skew is measured on the page as printed; turned a quarter, it applies the same way.
        return out
    }

    private func map(_ r: Rect, _ f: (Point) -> Point) -> Rect {
        if isIdentity { return r }
        let a = f(Point(x: r.left, y: r.top)), b = f(Point(x: r.right, y: r.bottom))
        return Rect(left: min(a.x, b.x), top: min(a.y, b.y), right: max(a.x, b.x), bottom: max(a.y, b.y))
    }
}
