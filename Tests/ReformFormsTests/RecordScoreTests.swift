import ReformForms
import Testing

@Suite struct RecordScoreTests {
    static func record(name: String, indicators: [Indicator], ambiguous: [String] = []) -> Record {
        Record(fiscalYear: 2024, project: ProjectInfo(name: name, department: "部门"), fundsYuan: Funds(projectTotal: Amount(cents: 100)),
               goals: Goals(overall: "目标"), indicators: indicators,
               source: Source(file: "f.pdf", sha256: String(repeating: "0", count: 64), pages: [1], method: .pdf),
               confidence: 1, ambiguous: ambiguous)
    }

    static let a = Indicator(level1: "产出指标", level2: "数量指标", name: "甲", target: TargetValue(cell: "=1(个)"))
    static let b = Indicator(level1: "产出指标", level2: "质量指标", name: "乙", target: TargetValue(cell: "≥90(%)"))

    @Test func perfectMatchScoresOne() {
        let r = Self.record(name: "项目", indicators: [Self.a, Self.b])
        let s = RecordScore.score(extracted: [r], expected: [r])
        #expect(s.headerScore == 1 && s.f1 == 1 && s.differences.isEmpty)
    }

    @Test func wrongFieldsAndIndicatorsCount() {
        var got = Self.record(name: "项目", indicators: [Self.a])
        got.fundsYuan.projectTotal = Amount(cents: 200)
        let want = Self.record(name: "项目", indicators: [Self.a, Self.b])
        let s = RecordScore.score(extracted: [got], expected: [want])
        #expect(s.headerCompared == 17 && s.headerEqual == 16)
        #expect(s.truePositives == 1 && s.precision == 1 && s.recall == 0.5)
        #expect(s.differences.contains { $0.contains("funds_yuan.project_total") })
    }

    @Test func ambiguousPathsAreNotScored() {
        var wrongLevel = Self.b
        wrongLevel.level2 = "时效指标"
        let got = Self.record(name: "项目", indicators: [Self.a, wrongLevel])
        var want = Self.record(name: "项目", indicators: [Self.a, Self.b], ambiguous: ["indicators[1].level2", "project.name"])
        want.project.name = "别的"
        let s = RecordScore.score(extracted: [got], expected: [want])
        #expect(s.f1 == 1)
        #expect(s.headerCompared == 16 && s.headerEqual == 16)
    }
}
