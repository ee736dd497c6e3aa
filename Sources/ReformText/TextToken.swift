import Foundation
import ReformForms

/// One recognized piece of a form's text: a label, a target, an amount, a date, the fiscal year,
/// or words (an indicator name, a header value, goal text).
public struct TextToken: Sendable {
    public enum Kind: Sendable {
        case label(LabelRole)
        case target(TargetValue)
        case amount(Amount)
        case date(DateValue)
        case year(Int)
        case words
    }

    /// Reading order in the form (0, 1, 2 …): consecutive tokens are neighbours in the text.
    public var ordinal: Int
    /// Index of the form line it sits on, and that line's page.
    public var line: Int
    public var page: Int
    /// Position on its line (0 = first).
    public var column: Int
    public var text: String
    public var kind: Kind

    public var isWords: Bool { if case .words = kind { return true } else { return false } }
    public var role: LabelRole? { if case .label(let role) = kind { return role } else { return nil } }
    public var target: TargetValue? { if case .target(let target) = kind { return target } else { return nil } }
}

/// Classifies a form's segments into ``TextToken``s, peeling glued pieces apart: a target before
/// its label (`=1.00(项)完成…`), section headers glued together (`社会成本指标成本指标`).
public struct TextTokenizer: Sendable {
    public var vocabulary: FormVocabulary

    public init(vocabulary: FormVocabulary) {
        self.vocabulary = vocabulary
    }

    public func tokens(_ form: FormText) -> [TextToken] {
        var out: [TextToken] = []
        for (lineIndex, line) in form.lines.enumerated() {
            var column = 0
            for segment in line.segments {
                for (text, kind) in pieces(segment) {
                    out.append(TextToken(ordinal: out.count, line: lineIndex, page: line.page, column: column, text: text, kind: kind))
                    column += 1
                }
            }
        }
        return out
    }

    /// A segment as one or more classified pieces.
    func pieces(_ segment: String) -> [(String, TextToken.Kind)] {
        if let role = vocabulary.role(of: segment) { return [(segment, .label(role))] }
        if let date = DateValue(parsing: segment), segment.contains(where: { "-/.年".contains($0) }) { return [(segment, .date(date))] }
        if let year = Self.fiscalYear(segment) { return [(segment, .year(year))] }
        if segment.range(of: "^-?[0-9][0-9,]*(\\.[0-9]+)?$", options: .regularExpression) != nil, let amount = Amount(parsing: segment) {
            return [(segment, .amount(amount))]
        }
        if TextLines.startsLikeTarget(segment), case .success(let target) = TargetGrammar.parse(segment), target.isQuantitative {
            return [(segment, .target(target))]
        }
        if let (target, rest) = TargetGrammar.splitLeadingTarget(segment), !rest.isEmpty {
            return [(target.raw, .target(target))] + pieces(rest)
        }
        if let (role, key) = vocabulary.leadingLabel(of: segment) {
            let rest = String(segment.dropFirst(key.count))
            if !rest.isEmpty, LabelMatcher.keyText(segment).hasPrefix(key), segment.count == LabelMatcher.keyText(segment).count {
                return [(String(segment.prefix(key.count)), .label(role))] + pieces(rest)
            }
        }
        if let (label, target) = TargetGrammar.splitTrailingTarget(segment), Self.ideographs(label) >= 2 {
            return [(label, .words), (target.raw, .target(target))]
        }
        return [(segment, .words)]
    }

    /// `（2024年度）`, `2022年度`: the fiscal year line under the title.
    static func fiscalYear(_ text: String) -> Int? {
        guard let range = text.range(of: "^[(（]?[0-9]{4}年度[)）]?$", options: .regularExpression) else { return nil }
        return Int(text[range].filter(\.isNumber).prefix(4))
    }

    static func ideographs(_ text: String) -> Int {
        text.unicodeScalars.filter(TextNormalizer.isIdeograph).count
    }
}
