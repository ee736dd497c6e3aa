import ReformPDF

/// A run of glyphs on one line with no gap wider than a word space and no ruling between them.
public struct Word: Sendable, Hashable {
    public var text: String
    public var box: Rect
    public var fontSize: Double

    public init(text: String, box: Rect, fontSize: Double) {
        self.text = text
        self.box = box
        self.fontSize = fontSize
    }
}
