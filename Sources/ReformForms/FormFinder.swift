import Foundation
import ReformLayout

/// Splits a document into forms: a form starts at its title, runs over the following pages, and a
/// page may end one form and start the next.
public struct FormFinder: Sendable {
    public var template: FormTemplate
    /// A line counts as the title when this similar to it (OCR misreads, spacing).
    public var titleSimilarity: Double = 0.8
    /// The fiscal-year line (`（2024年度）`) is looked for this many lines below the title.
    public var yearLookahead: Int = 2

    public init(template: FormTemplate = .performanceTarget) {
        self.template = template
    }

    /// The forms of `pages` (in page order).
    public func forms(_ pages: [PageTables]) -> [FormSlice] {
        var run = Run(finder: self)
        return pages.flatMap { run.add($0) } + run.finish()
    }

    /// Forms found page by page, as pages arrive: a long document never needs all its pages at once.
    public func run() -> Run { Run(finder: self) }

    /// The form being read across pages, and what ends it.
    public struct Run: Sendable {
        let finder: FormFinder
        var open: FormSlice?

        /// Takes the next page (in page order) and gives the forms it ended: those a title on it closed.
        public mutating func add(_ page: PageTables) -> [FormSlice] {
            var done: [FormSlice] = []
            let titles = finder.titleLines(page.lines)
            let tables = page.tables.sorted { $0.box.top < $1.box.top }
            // Tables above the page's first title continue the form already open.
            var cursor = 0
            let firstTitleY = titles.first?.y ?? .infinity
            while cursor < tables.count && tables[cursor].box.top < firstTitleY {
                if open != nil { finder.add(tables[cursor], page: page, to: &open!) }
                cursor += 1
            }
            for (i, title) in titles.enumerated() {
                if let form = open { done.append(form) }
                open = FormSlice(pages: [page.number], tables: [], fiscalYear: finder.year(after: title.index, in: page.lines),
                                 titleScore: title.score, fromScan: page.isScan)
                open?.fromOCR = page.readByOCR
                let nextY = i + 1 < titles.count ? titles[i + 1].y : .infinity
                while cursor < tables.count && tables[cursor].box.top < nextY {
                    finder.add(tables[cursor], page: page, to: &open!)
                    cursor += 1
                }
            }
            return done
        }

        /// The form still open when the pages run out.
        public mutating func finish() -> [FormSlice] {
            defer { open = nil }
            return open.map { [$0] } ?? []
        }
    }

    func add(_ table: Table, page: PageTables, to form: inout FormSlice) {
        form.tables.append(table)
        if form.pages.last != page.number { form.pages.append(page.number) }
        form.fromScan = form.fromScan || page.isScan
        form.fromOCR = form.fromOCR || page.readByOCR
        form.cellReadings += page.cellReadings.filter { $0.page == page.number && table.box.contains($0.box.center) && !form.cellReadings.contains($0) }
    }

    /// Lines that read as the title, with their position and match score.
    func titleLines(_ lines: [TextLine]) -> [(index: Int, y: Double, score: Double)] {
        let title = LabelMatcher.key(template.title)
        let titleScalars = Set(title)
        return lines.enumerated().compactMap { i, line in
            let key = LabelMatcher.key(line.text)
            guard key.count >= title.count - 2 else { return nil }
            // Most lines share too few of the title's characters to be it: skip the window search.
            guard Double(key.filter(titleScalars.contains).count) >= titleSimilarity * Double(title.count) else { return nil }
            let score = bestWindow(key, title)
            return score >= titleSimilarity ? (i, line.box.top, score) : nil
        }
    }

    /// The best similarity of `title` to any window of `text` of about its length.
    private func bestWindow(_ text: [Unicode.Scalar], _ title: [Unicode.Scalar]) -> Double {
        var best = 0.0
        for width in [title.count - 1, title.count, title.count + 1] where width > 0 && width <= text.count {
            for start in 0...(text.count - width) {
                best = max(best, LabelMatcher.similarity(Array(text[start..<(start + width)]), title))
                if best == 1 { return 1 }
            }
        }
        return best
    }

    /// The year of `（2024年度）` on the title line or just below it.
    func year(after index: Int, in lines: [TextLine]) -> Int? {
        let near = lines[index..<min(lines.count, index + 1 + yearLookahead)]
        // Plain loops: a lazy compactMap's nested types were looked up by the runtime on first use.
        for line in near { if let year = Self.statedYear(line.text) { return year } }
        for line in near { if let year = Self.scrambledYear(line.text) { return year } }
        return nil
    }

    /// The year of a year line whose characters a scan's text layer put out of order (`(202年4度 )`):
    /// its four digits in order, when the short line shows both 年 and 度 and no other digit.
    public static func scrambledYear(_ text: String) -> Int? {
        let t = TextNormalizer.foldWidth(text, keepingChinesePunctuation: false).filter { !$0.isWhitespace }
        guard t.count <= yearLineLength, t.contains("年"), t.contains("度") else { return nil }
        let digits = String(t.filter { $0.isASCII && $0.isNumber })
        let scalars = Array(digits.unicodeScalars)
        guard scalars.count == 4, isCentury(scalars[0], scalars[1]) else { return nil }
        return Int(digits)
    }

    /// The most characters a year line (`（2024年度）`, a bracket or two more) has.
    static let yearLineLength = 12

    /// The year a text states as `2024年`, if any (widths folded, spaces ignored).
    public static func statedYear(_ text: String) -> Int? {
        let t = Array(TextNormalizer.foldWidth(text, keepingChinesePunctuation: false).filter { !$0.isWhitespace }.unicodeScalars)
        return yearOffset(in: t).flatMap { Int(String(scalars: t[$0..<($0 + 4)])) }
    }

    /// Where the first `19xx年` or `20xx年` (ASCII digits) of `scalars` starts. Scanned by hand: a
    /// regular expression here cost every process ICU's one-time set-up (~1.3 ms).
    static func yearOffset(in scalars: [Unicode.Scalar]) -> Int? {
        guard scalars.count >= 5 else { return nil }
        return (0...(scalars.count - 5)).first { i in
            isCentury(scalars[i], scalars[i + 1]) && TargetGrammar.isDigit(scalars[i + 2]) && TargetGrammar.isDigit(scalars[i + 3])
                && scalars[i + 4] == "年"
        }
    }

    /// `19` or `20`: the centuries a form's year is in.
    private static func isCentury(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        (a == "1" && b == "9") || (a == "2" && b == "0")
    }
}
