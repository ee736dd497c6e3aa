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
        // Layout asks this in inner loops: ASCII and CJK ideographs (most glyphs) are answered without
        // Unicode's property tables, with the same answer.
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        if (0x4E00...0x9FFF).contains(v) { return false }
        return scalar.properties.isWhitespace
    }
}
