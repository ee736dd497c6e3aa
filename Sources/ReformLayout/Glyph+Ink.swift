import ReformPDF

extension Glyph {
    /// Whether the glyph puts ink on the page: not a space or line break, and not an invisible
    /// format control (the bidi embeddings and marks that right-to-left text carries, which poppler
    /// reports with boxes of their own and which would otherwise split words and columns).
    var isInk: Bool {
        !isWhitespace && box.height > 0 && !scalar.isFormatControl
    }
}

extension Glyph {
    /// Whether the glyph is a decimal digit: what figures are made of (CJK numerals such as 二 are words).
    var isFigure: Bool {
        scalar.isDecimalDigit
    }
}
