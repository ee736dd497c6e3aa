import Foundation
import ReformForms

/// One line of scrambled text after cleanup: normalized, split into the segments the extraction
/// separated by spaces, and placed on its page.
public struct TextLine: Sendable, Hashable {
    /// 0-based page (form feeds, or runs of blank lines where the text has none).
    public var page: Int
    /// The pieces the line holds, as printed between runs of spaces, normalized.
    public var segments: [String]

    public var isBlank: Bool { segments.isEmpty }
    public var text: String { segments.joined(separator: " ") }
}

/// Cleans raw text into ``TextLine``s: pages found, page-break debris dropped (page numbers,
/// the running heading `…项目绩效目标汇总表`), vertical labels folded back (`绩\n效\n指\n标`),
/// wrapped labels rejoined (`服务对象满意` + `度指标`) and wrapped targets rejoined (`≥320.85(公` + `里)`).
public struct TextLines: Sendable {
    public var settings: TextSettings
    public var vocabulary: FormVocabulary

    public init(settings: TextSettings, vocabulary: FormVocabulary) {
        self.settings = settings
        self.vocabulary = vocabulary
    }

    /// The cleaned lines of `text`.
    public func lines(_ text: String) -> [TextLine] {
        var lines = split(text)
        lines = foldLabels(lines)
        lines = joinWrappedTargets(lines)
        return lines
    }

    // MARK: - Pages and debris

    func split(_ text: String) -> [TextLine] {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let hasFormFeeds = unified.contains("\u{0C}")
        var page = 0
        var blankRun = 0
        var out: [TextLine] = []
        for rawLine in unified.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine)
            while line.first == "\u{0C}" { page += 1; line = line.dropFirst() }
            let segments = Self.segments(String(line))
            if segments.isEmpty {
                blankRun += 1
                if !hasFormFeeds, blankRun == settings.pageBreakBlankLines { page += 1 }
                out.append(TextLine(page: page, segments: []))
                continue
            }
            blankRun = 0
            if Self.isDebris(segments.joined(separator: " ")) {
                out.append(TextLine(page: page, segments: []))
                continue
            }
            out.append(TextLine(page: page, segments: segments))
        }
        return out
    }

    /// A line split at runs of spaces, each piece normalized; a space between a number and
    /// `年`/`月`/`日` is an extraction artefact (`2024 年度`) and goes.
    static func segments(_ line: String) -> [String] {
        let folded = TextNormalizer.foldWidth(TextNormalizer.composed(line), keepingChinesePunctuation: true)
        let joined = folded.replacingOccurrences(of: "([0-9]) +([年月日])", with: "$1$2", options: .regularExpression)
        // Prose (a goal text) is one piece: its spaces are extraction artefacts (`不低于 95%`).
        if joined.contains(where: { GoalParagraphs.sentenceMarks.contains($0) }) {
            // Letters of a vertical label printed beside it (`目 绩效 通过…`) are not part of it.
            let pieces = joined.split(separator: " ").map(String.init)
                .filter { $0.count > 2 || $0.contains(where: { GoalParagraphs.sentenceMarks.contains($0) }) || !verticalLetters.isSuperset(of: $0) }
            let prose = TextNormalizer.normalize(pieces.joined())
            return prose.isEmpty ? [] : [prose]
        }
        return joined.split(whereSeparator: { $0.isWhitespace }).map { TextNormalizer.normalize(String($0)) }.filter { !$0.isEmpty }
    }

    /// The letters of the labels the form sets vertically (绩效指标, 项目资金（元）, 项目绩效目标, and
    /// the section headers' 指标).
    static let verticalLetters = Set("绩效指标项目资金（元）()绩效目标一级二级")

    /// Page numbers (`-1-`, `第 1 页，共 4 页`, `1/4`) and the running document heading (`…汇总表`).
    static func isDebris(_ line: String) -> Bool {
        let compact = line.filter { !$0.isWhitespace }
        // A bare number is an amount; a page number carries its dashes.
        if compact.range(of: "^[-—–][0-9]{1,3}[-—–]$", options: .regularExpression) != nil { return true }
        if compact.range(of: "^第[0-9]+页[,，]?共[0-9]+页$", options: .regularExpression) != nil { return true }
        if compact.range(of: "^[0-9]+/[0-9]+$", options: .regularExpression) != nil { return true }
        if compact.hasSuffix("汇总表") { return true }
        return false
    }

    // MARK: - Labels split over lines

    /// Blank lines a wrapped label may skip between its pieces (`服务对象满意` ␤␤ `度指标`).
    static let maxBlankSkip = 2

    /// Rejoins labels whose pieces sit at the end of one line and the start of the next lines
    /// (vertical labels are the extreme case: one character a line).
    func foldLabels(_ input: [TextLine]) -> [TextLine] {
        var lines = input
        var i = 0
        while i < lines.count {
            guard let last = lines[i].segments.last else { i += 1; continue }
            var accumulated = last
            var consumed: [Int] = []
            var best: (length: Int, consumed: [Int])?
            var j = i + 1
            var blanks = 0
            while j < lines.count, lines[j].page == lines[i].page {
                guard let first = lines[j].segments.first else {
                    blanks += 1
                    if blanks > Self.maxBlankSkip { break }
                    j += 1
                    continue
                }
                blanks = 0
                let candidate = accumulated + first
                let isLabel = vocabulary.exact[LabelMatcher.keyText(candidate)] != nil
                guard isLabel || vocabulary.isLabelPrefix(candidate) else { break }
                accumulated = candidate
                consumed.append(j)
                if isLabel { best = (consumed.count, consumed) }
                // A piece that is a whole line stops nothing; a line with more after it ends the run.
                if lines[j].segments.count > 1 { break }
                j += 1
            }
            guard let best, vocabulary.exact[LabelMatcher.keyText(last)] == nil || best.length > 0 else { i += 1; continue }
            var label = last
            for index in best.consumed {
                label += lines[index].segments.removeFirst()
            }
            lines[i].segments[lines[i].segments.count - 1] = label
            i += 1
        }
        return lines
    }

    /// Rejoins a target wrapped inside its unit (`≥320.85(公` / `里)`, `≤48848.16` / `(万元)`).
    func joinWrappedTargets(_ input: [TextLine]) -> [TextLine] {
        var lines = input
        for i in lines.indices {
            guard let last = lines[i].segments.last, Self.startsLikeTarget(last) else { continue }
            let open = last.filter { $0 == "(" || $0 == "（" }.count
            let close = last.filter { $0 == ")" || $0 == "）" }.count
            guard let j = nextNonBlank(after: i, in: lines), lines[j].page == lines[i].page, let first = lines[j].segments.first else { continue }
            let unclosed = open > close
            let unitFollows = open == 0 && (first.hasPrefix("(") || first.hasPrefix("（")) && first.count <= 10
            guard unclosed || unitFollows else { continue }
            lines[i].segments[lines[i].segments.count - 1] = last + first
            lines[j].segments.removeFirst()
        }
        return lines
    }

    /// An operator and a digit, or digits with a decimal point: the start of a target.
    static func startsLikeTarget(_ text: String) -> Bool {
        text.range(of: "^(>=|<=|[=＝<>≥≤≧≦])?[0-9][0-9,]*(\\.[0-9]+)?", options: .regularExpression) != nil
            && text.range(of: "^[0-9,]+(\\.[0-9]+)?$", options: .regularExpression) == nil
            || text.range(of: "^(>=|<=|[=＝<>≥≤≧≦])[0-9][0-9,]*(\\.[0-9]+)?$", options: .regularExpression) != nil
    }

    func nextNonBlank(after i: Int, in lines: [TextLine]) -> Int? {
        var j = i + 1
        while j < lines.count {
            if !lines[j].isBlank { return j }
            j += 1
        }
        return nil
    }
}
