import ReformPDF

/// Reads the glyphs inside one cell as text.
///
/// Lines of a wrapped cell are joined without a space where Chinese meets Chinese (the break is only
/// the cell's width) and with one space between Latin words. A stack of single characters (vertical
/// text, one character a line) therefore reads as one word.
public struct CellText: Sendable {
    public var layout: TextLayout

    public init(layout: TextLayout = TextLayout()) {
        self.layout = layout
    }

    /// The cell's lines as printed, and the joined text.
    public func read(_ glyphs: [Glyph]) -> (text: String, lines: [String]) {
        var visible: [Glyph] = []
        visible.reserveCapacity(glyphs.count)
        for g in glyphs where !g.isWhitespace && g.box.height > 0 { visible.append(g) }
        guard !visible.isEmpty else { return ("", []) }
        let lines = layout.bands(visible).map { band -> String in
            let words = layout.words(in: band.sorted { $0.box.midX < $1.box.midX }, walls: [])
            return CellText.join(words.map(\.text))
        }.filter { !$0.isEmpty }
        return (CellText.join(lines), lines)
    }

    /// Joins pieces with a space only where a Latin letter or digit meets another.
    public static func join(_ pieces: [String]) -> String {
        var out = ""
        for p in pieces where !p.isEmpty {
            if let last = out.unicodeScalars.last, let first = p.unicodeScalars.first,
               !isWide(last) && !isWide(first) {
                out += " "
            }
            out += p
        }
        return out
    }

    /// CJK ideographs, kana, hangul, CJK and full-width punctuation: text written without spaces.
    public static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x31FF,
             0x3200...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF,
             0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
