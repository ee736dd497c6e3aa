import Foundation

/// Scores extracted records against expected ones exactly as SPEC §3: header fields, indicator
/// precision and recall, form counts; paths listed in an expected record's `_ambiguous` are not scored.
public struct RecordScore: Sendable {
    /// Header fields compared and equal.
    public var headerCompared = 0
    public var headerEqual = 0
    /// Indicators: true positives, extracted, expected.
    public var truePositives = 0
    public var extracted = 0
    public var expected = 0
    public var formsExtracted = 0
    public var formsExpected = 0
    /// Human-readable differences, first ones first.
    public var differences: [String] = []

    public init() {}

    public var headerScore: Double { headerCompared == 0 ? 1 : Double(headerEqual) / Double(headerCompared) }
    public var precision: Double { extracted == 0 ? (expected == 0 ? 1 : 0) : Double(truePositives) / Double(extracted) }
    public var recall: Double { expected == 0 ? 1 : Double(truePositives) / Double(expected) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    public static func + (a: RecordScore, b: RecordScore) -> RecordScore {
        var s = a
        s.headerCompared += b.headerCompared
        s.headerEqual += b.headerEqual
        s.truePositives += b.truePositives
        s.extracted += b.extracted
        s.expected += b.expected
        s.formsExtracted += b.formsExtracted
        s.formsExpected += b.formsExpected
        s.differences += b.differences
        return s
    }

    /// Scores one file's records. Forms are paired in order when the counts agree, otherwise by
    /// project name (then order).
    public static func score(extracted got: [Record], expected want: [Record]) -> RecordScore {
        var s = RecordScore()
        s.formsExtracted = got.count
        s.formsExpected = want.count
        s.extracted = got.reduce(0) { $0 + $1.indicators.count }
        s.expected = want.reduce(0) { $0 + $1.indicators.count }
        if got.count != want.count { s.differences.append("forms: \(got.count) extracted, \(want.count) expected") }
        for (i, e) in want.enumerated() {
            let g = pair(e, index: i, in: got, counts: got.count == want.count)
            s.compareHeader(g, e, form: i)
            s.compareIndicators(g?.indicators ?? [], e, form: i)
        }
        return s
    }

    static func pair(_ e: Record, index: Int, in got: [Record], counts equal: Bool) -> Record? {
        if equal { return got[index] }
        if let name = e.project.name, let same = got.first(where: { $0.project.name == name }) { return same }
        return index < got.count ? got[index] : nil
    }

    mutating func compareHeader(_ g: Record?, _ e: Record, form: Int) {
        let skip = Set(e.ambiguous)
        func field(_ path: String, _ got: String?, _ want: String?) {
            guard !skip.contains(path) else { return }
            headerCompared += 1
            if got == want { headerEqual += 1 } else { differences.append("form \(form + 1) \(path): got \(got.map { "'\($0)'" } ?? "null"), expected \(want.map { "'\($0)'" } ?? "null")") }
        }
        field(RecordPath.fiscalYear, g?.fiscalYear.map(String.init), e.fiscalYear.map(String.init))
        for f in ProjectInfo.Field.allCases { field(RecordPath.project(f), g?.project[f], e.project[f]) }
        for f in Funds.Field.allCases { field(RecordPath.funds(f), g?.fundsYuan[f]?.description, e.fundsYuan[f]?.description) }
        field(RecordPath.goals("overall"), g?.goals.overall, e.goals.overall)
        field(RecordPath.goals("annual"), g?.goals.annual, e.goals.annual)
    }

    mutating func compareIndicators(_ got: [Indicator], _ e: Record, form: Int) {
        let skip = Set(e.ambiguous)
        var unmatched = Array(got.indices)
        var missed: [String] = []
        for (i, want) in e.indicators.enumerated() {
            let anyLevel1 = skip.contains(RecordPath.indicator(i, .level1))
            let anyLevel2 = skip.contains(RecordPath.indicator(i, .level2))
            if let k = unmatched.firstIndex(where: { j in
                let g = got[j]
                return (anyLevel1 || g.level1 == want.level1) && (anyLevel2 || g.level2 == want.level2)
                    && g.name == want.name && g.target.sameMeaning(as: want.target)
            }) {
                truePositives += 1
                unmatched.remove(at: k)
            } else {
                missed.append("\(want.level1 ?? "-")/\(want.level2 ?? "-")/\(want.name ?? "-") \(want.target.raw)")
            }
        }
        for m in missed.prefix(3) { differences.append("form \(form + 1) indicator missed: \(m)") }
        for j in unmatched.prefix(3) {
            let g = got[j]
            differences.append("form \(form + 1) indicator wrong: \(g.level1 ?? "-")/\(g.level2 ?? "-")/\(g.name ?? "-") \(g.target.raw)")
        }
    }
}
