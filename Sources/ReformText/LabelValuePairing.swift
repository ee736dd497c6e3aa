import Foundation
import ReformForms

/// An indicator name paired with its target, with how sure the pairing is.
public struct Pairing: Sendable {
    /// How the value was found.
    public enum Kind: String, Sendable {
        /// On the label's own line (either side of it).
        case sameLine = "same-line"
        /// The next piece of text after the label.
        case adjacent
        /// Across distance: an orphan value paired with an orphan label by the assignment.
        case orphan
    }

    public var name: String
    public var target: TargetValue
    public var kind: Kind
    /// The pair's score from the cues, 0…1.
    public var score: Double
    /// The pair's confidence, 0…1: its score tempered by how clearly it beat the alternatives.
    public var confidence: Double
    /// Where the name sits: page, line and reading order (for levels and row order).
    public var page: Int
    public var line: Int
    public var ordinal: Int
    public var valueLine: Int
}

/// Pairs indicator names with targets in a form's loose tokens.
///
/// Values on their label's line are paired directly. Everything else is an assignment problem:
/// every candidate label/value pair is scored from cues (closeness in lines, the order of
/// appearance among the unpaired, the unit against the label's wording, the value directly
/// following its label, the same page) and the one-to-one pairing with the best total score is
/// solved as a whole (``AssignmentSolver``), so what is already paired constrains the rest.
public struct LabelValuePairing: Sendable {
    public var pairings: [Pairing] = []
    /// Labels and values left without a partner.
    public var unpairedLabels: [TextToken] = []
    public var unpairedValues: [TextToken] = []

    struct Candidate {
        var token: TextToken
        var text: String
        var lastOrdinal: Int
    }

    public init(tokens: [TextToken], taken: Set<Int>, vocabulary: FormVocabulary, settings: TextSettings) {
        let free = tokens.filter { !taken.contains($0.ordinal) }
        let byLine = Dictionary(grouping: free, by: \.line)
        let lineRank = Self.nonBlankLineRanks(tokens)

        // Values: targets, and words that read as a qualitative target.
        func isQualitative(_ t: TextToken) -> Bool {
            t.isWords && QualitativeWords.isQualitative(t.text, maxLength: settings.maxQualitativeLength)
        }
        // Labels: words with enough ideographs that are no piece of a printed label.
        let pieces = free.filter { $0.isWords && vocabulary.isLabelFragment($0.text) }
        func isDebris(_ t: TextToken) -> Bool {
            guard vocabulary.isLabelFragment(t.text) else { return false }
            if t.text.contains("指") || t.text.contains("标") || t.text.count <= 2 { return true }
            // A label's head whose tail is printed elsewhere on the page (`服务对象满意` … `度指标`).
            return pieces.contains { $0.page == t.page && $0.ordinal != t.ordinal && vocabulary.exact[LabelMatcher.keyText(t.text + $0.text)] != nil }
        }
        var labels: [Candidate] = []
        var values: [TextToken] = []
        var skip = Set<Int>()
        for t in free where !skip.contains(t.ordinal) {
            if t.target != nil { values.append(t); continue }
            guard t.isWords else { continue }
            let lineWords = (byLine[t.line] ?? []).filter { $0.isWords }
            // A short word after a name on the same line is that name's target (`海事专网运行稳定性 稳定`).
            let trailingWord = lineWords.count == 2 && lineWords[1].ordinal == t.ordinal && t.text.count <= settings.maxQualitativeLength
                && TextTokenizer.ideographs(lineWords[0].text) >= settings.minLabelIdeographs
            if isQualitative(t) || trailingWord { values.append(t); continue }
            guard TextTokenizer.ideographs(t.text) >= settings.minLabelIdeographs, !isDebris(t) else { continue }
            var candidate = Candidate(token: t, text: t.text, lastOrdinal: t.ordinal)
            // A wrapped name: a line alone, continued on the next line by a short tail, or by the rest
            // of a bracket it left open (`…从业资格证（交` / `通部监制）制证数`).
            if lineWords.count == 1, (byLine[t.line] ?? []).count == 1,
               let next = free.first(where: { $0.ordinal > t.ordinal }), next.isWords, next.line == t.line + 1,
               (byLine[next.line] ?? []).count == 1, !isQualitative(next),
               !(vocabulary.isLabelFragment(next.text) && (next.text.contains("指") || next.text.contains("标"))),
               (t.text.count >= settings.minWrappedLabelLength && next.text.count <= settings.maxWrapTailLength)
                || Self.leavesBracketOpen(t.text) {
                candidate.text += next.text
                candidate.lastOrdinal = next.ordinal
                skip.insert(next.ordinal)
            }
            labels.append(candidate)
        }

        // Pairs on one line: exactly one name and one value there.
        var pairedLabels = Set<Int>(), pairedValues = Set<Int>()
        for candidate in labels {
            let onLine = values.filter { $0.line == candidate.token.line }
            let namesOnLine = labels.filter { $0.token.line == candidate.token.line }
            guard onLine.count == 1, namesOnLine.count == 1, let value = onLine.first else { continue }
            pairings.append(Self.pairing(candidate, value, kind: .sameLine, score: settings.sameLineConfidence, confidence: settings.sameLineConfidence))
            pairedLabels.insert(candidate.token.ordinal)
            pairedValues.insert(value.ordinal)
        }

        // The rest: one assignment problem.
        let openLabels = labels.filter { !pairedLabels.contains($0.token.ordinal) }
        let openValues = values.filter { !pairedValues.contains($0.ordinal) }
        let labelRank = Self.pageRanks(openLabels.map(\.token))
        let valueRank = Self.pageRanks(openValues)
        let scores: [[Double]] = openLabels.enumerated().map { li, label in
            openValues.enumerated().map { vi, value in
                Self.score(label, value, labelRank: labelRank[li], valueRank: valueRank[vi], lineRank: lineRank, settings: settings)
            }
        }
        let assignment = AssignmentSolver.solve(scores: scores, minimum: settings.minPairScore)
        var assignedValues = Set<Int>()
        for (li, vi) in assignment.enumerated() {
            guard let vi else { unpairedLabels.append(openLabels[li].token); continue }
            assignedValues.insert(vi)
            let label = openLabels[li], value = openValues[vi]
            let s = scores[li][vi]
            // The best alternative either side could have had instead.
            let rowAlt = scores[li].enumerated().filter { $0.offset != vi }.map(\.element).max() ?? 0
            let columnAlt = scores.indices.filter { $0 != li }.map { scores[$0][vi] }.max() ?? 0
            let margin = max(0, s - max(rowAlt, columnAlt))
            let adjacent = value.ordinal == label.lastOrdinal + 1
            var confidence = s * (1 - settings.marginWeight) + settings.marginWeight * min(1, margin / 0.3)
            if !adjacent { confidence = min(confidence, settings.orphanConfidenceCap) }
            pairings.append(Self.pairing(label, value, kind: adjacent ? .adjacent : .orphan, score: s, confidence: confidence))
        }
        unpairedValues = openValues.enumerated().filter { !assignedValues.contains($0.offset) }.map(\.element)
        rejoinWrappedHeads(byLine: byLine)
        pairings.sort { $0.ordinal < $1.ordinal }
    }

    /// A name wrapped over two lines leaves its head without a value when the tail took it: an
    /// unpaired label alone on the line just above a paired name's line is that name's head
    /// (`上海市…培训合` / `格证（含塑封）单位制证成本`).
    mutating func rejoinWrappedHeads(byLine: [Int: [TextToken]]) {
        unpairedLabels.removeAll { head in
            guard (byLine[head.line] ?? []).count == 1,
                  let k = pairings.firstIndex(where: { $0.line == head.line + 1 && $0.page == head.page && $0.kind != .sameLine }),
                  (byLine[head.line + 1] ?? []).filter(\.isWords).count == 1 else { return false }
            pairings[k].name = TextNormalizer.normalize(head.text + pairings[k].name)
            pairings[k].line = head.line
            pairings[k].ordinal = head.ordinal
            return true
        }
    }

    /// Whether a name ends inside a bracket (the wrap cut it there).
    static func leavesBracketOpen(_ text: String) -> Bool {
        text.filter { $0 == "(" || $0 == "（" }.count > text.filter { $0 == ")" || $0 == "）" }.count
    }

    static func pairing(_ label: Candidate, _ value: TextToken, kind: Pairing.Kind, score: Double, confidence: Double) -> Pairing {
        let target = value.target ?? TargetValue(cell: value.text)
        return Pairing(name: TextNormalizer.normalize(label.text), target: target, kind: kind, score: score, confidence: confidence,
                       page: label.token.page, line: label.token.line, ordinal: label.token.ordinal, valueLine: value.line)
    }

    /// The score of one candidate pair from its cues, 0…1.
    static func score(_ label: Candidate, _ value: TextToken, labelRank: Int, valueRank: Int, lineRank: [Int: Int], settings: TextSettings) -> Double {
        let distance = Double(abs((lineRank[value.line] ?? 0) - (lineRank[label.token.line] ?? 0)))
        let proximity = pow(0.5, distance / settings.proximityScale)
        let order = exp(-Double(abs(labelRank - valueRank)) / 1.5)
        let unit = UnitCue.fit(name: label.text, target: value.target ?? TargetValue(cell: value.text))
        let adjacent = value.ordinal == label.lastOrdinal + 1 ? 1.0 : 0.0
        let total = settings.proximityWeight + settings.orderWeight + settings.unitWeight + settings.adjacencyBonus
        var s = (settings.proximityWeight * proximity + settings.orderWeight * order + settings.unitWeight * unit
                 + settings.adjacencyBonus * adjacent) / total
        if value.line < label.token.line { s -= settings.valueBeforeLabelPenalty }
        if value.page != label.token.page { s *= 0.5 }
        return max(0, min(1, s))
    }

    /// Rank of each token among those of its page, in reading order.
    static func pageRanks(_ tokens: [TextToken]) -> [Int] {
        var seen: [Int: Int] = [:]
        return tokens.map { t in
            defer { seen[t.page, default: 0] += 1 }
            return seen[t.page] ?? 0
        }
    }

    /// For each line holding tokens, its rank among such lines (blank lines do not count as distance).
    static func nonBlankLineRanks(_ tokens: [TextToken]) -> [Int: Int] {
        var ranks: [Int: Int] = [:]
        for line in Set(tokens.map(\.line)).sorted() { ranks[line] = ranks.count }
        return ranks
    }
}
