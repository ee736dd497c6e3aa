import ReformForms

/// The lines of one form, cut out of a file's text.
public struct FormText: Sendable {
    /// The form's lines in text order (blank lines kept: they separate cells).
    public var lines: [TextLine]
}

/// Splits a file's lines into forms, one per printed title.
///
/// Naive extraction scrambles a page's cells, so a title may sit in the middle of its page with the
/// form's own header above it (the seed). A page's text before its first title therefore belongs to
/// that title's form when it holds header labels (项目性质, 实施单位 …), and to the form before it
/// when it does not (a continuation running onto the page). Pages without a title continue the form
/// before them; text before the first title joins the first form.
public struct TextForms: Sendable {
    public var vocabulary: FormVocabulary
    public var settings: TextSettings

    public init(vocabulary: FormVocabulary, settings: TextSettings) {
        self.vocabulary = vocabulary
        self.settings = settings
    }

    /// The forms of `lines`; empty when there is neither a title nor enough header labels.
    public func forms(_ lines: [TextLine]) -> [FormText] {
        let titleLines = lines.indices.filter { isTitle(lines[$0]) }
        guard !titleLines.isEmpty else {
            return headerLabelCount(lines[...]) >= settings.minHeaderLabelsWithoutTitle ? [FormText(lines: lines)] : []
        }
        var forms: [[TextLine]] = []
        var pending: [TextLine] = []   // before any title
        var index = 0
        let pages = Dictionary(grouping: lines.indices, by: { lines[$0].page }).sorted { $0.key < $1.key }
        for (_, indices) in pages {
            let titles = indices.filter { titleLines.contains($0) }
            guard let firstTitle = titles.first else {
                if forms.isEmpty { pending += indices.map { lines[$0] } } else { forms[forms.count - 1] += indices.map { lines[$0] } }
                continue
            }
            let before = indices.filter { $0 < firstTitle }
            let beforeOwnsHeader = headerLabelCount(before.map { lines[$0] }[...]) > 0
            var head = pending
            pending = []
            if !forms.isEmpty && !beforeOwnsHeader {
                forms[forms.count - 1] += before.map { lines[$0] }
            } else {
                head += before.map { lines[$0] }
            }
            for (k, title) in titles.enumerated() {
                let end = k + 1 < titles.count ? titles[k + 1] : (indices.last! + 1)
                let body = indices.filter { $0 >= title && $0 < end }.map { lines[$0] }
                forms.append((k == 0 ? head : []) + body)
            }
            index += 1
        }
        return forms.map { FormText(lines: $0) }
    }

    func isTitle(_ line: TextLine) -> Bool {
        line.segments.contains { vocabulary.role(of: $0) == .title }
    }

    /// Distinct header labels (project fields) in the lines.
    func headerLabelCount(_ lines: ArraySlice<TextLine>) -> Int {
        var seen = Set<FieldTarget>()
        for line in lines {
            for segment in line.segments {
                if case .field(let target)? = vocabulary.role(of: segment), case .project = target { seen.insert(target) }
            }
        }
        return seen.count
    }
}
