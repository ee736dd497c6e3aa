import ReformForms

/// The goal texts of one form (项目总体目标, 年度总体目标): paragraphs of prose, told from indicator
/// names by their sentence punctuation, with the line-wrap breaks removed.
///
/// A paragraph is a run of adjacent lines that each hold one piece of words; it ends at a blank
/// line or after a line clearly shorter than the one before (the last line of a cell, when the
/// next cell's text follows with no blank). Fragments of a paragraph that the extraction cut off and
/// printed elsewhere are dropped, and so is any other piece of words the paragraph contains.
public struct GoalParagraphs: Sendable {
    public var goals = Goals()
    /// Ordinals of the tokens used here (the paragraphs and the fragments they explain).
    public var consumed = Set<Int>()

    /// Punctuation that marks prose; indicator names do not carry it.
    static let sentenceMarks: Set<Character> = ["，", "。", "；", ";"]
    /// A line this many characters shorter than the one before ended its paragraph.
    static let paragraphEndShortfall = 3

    public init(tokens: [TextToken], taken: Set<Int>) {
        var paragraphs: [(text: String, ordinals: [Int])] = []
        var current: [TextToken] = []
        func flush() {
            defer { current = [] }
            guard current.contains(where: { $0.text.contains(where: Self.sentenceMarks.contains) }) else { return }
            paragraphs.append((TextNormalizer.normalize(current.map(\.text).joined()), current.map(\.ordinal)))
        }
        let alone = Dictionary(grouping: tokens, by: \.line).filter { $0.value.count == 1 }.mapValues { $0[0] }
        for token in tokens where token.isWords && !taken.contains(token.ordinal) {
            // Letters of a vertical label beside the goal cell neither belong to it nor end it.
            if token.text.count <= 2 && TextLines.verticalLetters.isSuperset(of: token.text) { continue }
            guard let only = alone[token.line], only.ordinal == token.ordinal else { flush(); continue }
            if let last = current.last {
                let adjacent = token.line == last.line + 1 && token.page == last.page
                let previousShort = current.count >= 2
                    && last.text.count + Self.paragraphEndShortfall <= current[current.count - 2].text.count
                if !adjacent || previousShort { flush() }
            }
            current.append(token)
        }
        flush()

        // Drop fragments: a paragraph contained in a longer one, or overlapping its start or end.
        var distinct: [(text: String, ordinals: [Int])] = []
        for paragraph in paragraphs.sorted(by: { $0.text.count > $1.text.count }) {
            if distinct.contains(where: { Self.isFragment(paragraph.text, of: $0.text) }) {
                consumed.formUnion(paragraph.ordinals)
                continue
            }
            distinct.append(paragraph)
        }
        distinct.sort { $0.ordinals[0] < $1.ordinals[0] }
        for paragraph in distinct { consumed.formUnion(paragraph.ordinals) }
        if let first = distinct.first {
            goals.overall = first.text
            goals.annual = distinct.count > 1 ? distinct[1].text : first.text
        }
        // Any other piece of words a goal contains is a cut-off part of it.
        let all = distinct.map(\.text)
        for token in tokens where token.isWords && !taken.contains(token.ordinal) && !consumed.contains(token.ordinal) {
            let text = TextNormalizer.normalize(token.text)
            if text.count >= 4, all.contains(where: { $0.contains(text) }) { consumed.insert(token.ordinal) }
        }
    }

    /// Whether `part` is `whole` itself, inside it, or a cut of its start or end (at least 6 characters).
    static func isFragment(_ part: String, of whole: String) -> Bool {
        if whole.contains(part) { return true }
        let minimum = 6
        for length in stride(from: part.count - 1, through: minimum, by: -1) {
            if whole.hasPrefix(part.suffix(length)) || whole.hasSuffix(part.prefix(length)) { return true }
        }
        return false
    }
}
