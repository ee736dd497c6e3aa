/// One Unicode scalar of a page's text layer with its box and font.
///
/// poppler reports one rectangle per Unicode scalar of `poppler_page_get_text`, so a glyph is a
/// scalar, not a Swift `Character`. Line breaks that poppler synthesizes carry a zero-size box.
public struct Glyph: Sendable, Hashable {
    public var scalar: Unicode.Scalar
    public var box: Rect
    public var fontName: String
    public var fontSize: Double

    public init(scalar: Unicode.Scalar, box: Rect, fontName: String, fontSize: Double) {
        self.scalar = scalar
        self.box = box
        self.fontName = fontName
        self.fontSize = fontSize
    }

    /// The glyph with its box shrunk about its centre to `share` of its height and width.
    public func core(_ share: Double) -> Glyph {
        var g = self
        let dx = box.width * (1 - share) / 2, dy = box.height * (1 - share) / 2
        g.box = Rect(left: box.left + dx, top: box.top + dy, right: box.right - dx, bottom: box.bottom - dy)
        return g
    }

    /// Spaces and line breaks: poppler's reading-order artefacts, not ink on the page.
    public var isWhitespace: Bool {
        // Layout asks this in inner loops: answered without Unicode's property tables, same answer.
        scalar.isUnicodeWhiteSpace
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property, what `properties.isWhitespace` answers, from the property's
    /// fixed list of 25 scalars instead of Unicode's tables: layout, label matching and the target
    /// grammar ask it in inner loops (a test checks every scalar against the tables).
    @inlinable public var isUnicodeWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
