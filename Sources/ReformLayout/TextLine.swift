import ReformPDF

/// The words of one row band of the page, left to right.
public struct TextLine: Sendable, Hashable {
    public var words: [Word]
    public var box: Rect

    public init(words: [Word]) {
        self.words = words
        box = Rect.enclosing(words.map(\.box)) ?? .zero
    }

    /// The words joined by one space.
    public var text: String { words.map(\.text).joined(separator: " ") }
}
