import Testing
@testable import ReformForms

@Suite("RecordChecks")
struct RecordChecksTests {
    static func record(
        project: ProjectInfo = ProjectInfo(name: "信息化运维项目", department: "上海市交通委员会",
                                           plannedStart: "2024-01-01", plannedEnd: "2024-12-31"),
        funds: Funds = Funds(),
        indicators: [Indicator] = []
    ) -> Record {
        Record(fiscalYear: 2024, project: project, fundsYuan: funds, goals: Goals(), indicators: indicators,
               source: Source(file: "f.pdf", sha256: "00", pages: [1], method: .pdf), confidence: 1.0)
    }

    static func yuan(_ text: String) -> Amount? { Amount(parsing: text) }

    @Test func cleanRecordHasNoItems() {
        let funds = Funds(projectTotal: Self.yuan("1,474,326.18"), projectFiscal: Self.yuan("1,474,326.18"), projectOther: Self.yuan("0.00"),
                          annualTotal: Self.yuan("1,474,326.18"), annualAppropriation: Self.yuan("1,400,000.00"),
                          annualCarryover: Self.yuan("74,326.18"), annualOther: Self.yuan("0.00"))
        let indicators = [
            Indicator(level1: "产出指标", level2: "数量指标", name: "完成项目应用软件运维模块数", target: TargetValue(cell: "=51.00(个)")),
            Indicator(level1: "产出指标", level2: "成本指标", name: "预算总额控制数", target: TargetValue(cell: "≤13.85(万元)")),
            Indicator(level1: "效益指标", level2: "社会效益指标", name: "后台数据安全性", target: TargetValue(cell: "安全")),
        ]
        #expect(RecordChecks.review(Self.record(funds: funds, indicators: indicators)).isEmpty)
    }

    @Test func flagsProjectFundsThatDoNotAddUp() {
        let funds = Funds(projectTotal: Self.yuan("100"), projectFiscal: Self.yuan("60"), projectOther: Self.yuan("30"))
        #expect(RecordChecks.review(Self.record(funds: funds)) == [
            ReviewItem(path: "funds_yuan.project_total",
                       reason: "funds do not add up: project_total 100.00 ≠ project_fiscal 60.00 + project_other 30.00"),
        ])
    }

    @Test func flagsAnnualFundsThatDoNotAddUp() {
        let funds = Funds(annualTotal: Self.yuan("138,507.00"), annualAppropriation: Self.yuan("100,000.00"),
                          annualCarryover: Self.yuan("38,507.01"), annualOther: Self.yuan("0.00"))
        #expect(RecordChecks.review(Self.record(funds: funds)).map(\.reason) == [
            "funds do not add up: annual_total 138507.00 ≠ annual_appropriation 100000.00 + annual_carryover 38507.01 + annual_other 0.00",
        ])
    }

    @Test func checksSumsOnlyWhereAllArePresent() {
        // The SPEC example: project_fiscal and two annual parts are empty cells.
        let funds = Funds(projectTotal: Self.yuan("138507"), projectOther: .zero, annualTotal: Self.yuan("138507"), annualOther: .zero)
        #expect(RecordChecks.review(Self.record(funds: funds)).isEmpty)
    }

    @Test func flagsEmptyRequiredFields() {
        var record = Self.record(project: ProjectInfo(name: "", department: nil))
        record.fiscalYear = nil
        #expect(RecordChecks.review(record).map(\.path) == ["fiscal_year", "project.name", "project.department"])
        #expect(RecordChecks.review(record)[1].reason == "required field name is empty")
    }

    @Test func flagsDatesThatAreNotDates() {
        let project = ProjectInfo(name: "x", department: "y", plannedStart: "2024-02-30", plannedEnd: "2024年12月31日")
        #expect(RecordChecks.review(Self.record(project: project)) == [
            ReviewItem(path: "project.planned_start", reason: "planned_start \"2024-02-30\" is not a date"),
            ReviewItem(path: "project.planned_end", reason: "planned_end \"2024年12月31日\" is not written as ISO 2024-12-31"),
        ])
    }

    @Test func flagsEndBeforeStart() {
        let project = ProjectInfo(name: "x", department: "y", plannedStart: "2024-12-31", plannedEnd: "2024-01-01")
        #expect(RecordChecks.review(Self.record(project: project)).map(\.reason) == ["planned_end 2024-01-01 is before planned_start 2024-12-31"])
    }

    @Test func flagsLevelsOutsideTheTaxonomy() {
        let target = TargetValue(cell: "=1(个)")
        let indicators = [
            Indicator(level1: "产出指标", level2: "数虽指标", name: "a", target: target),
            Indicator(level1: "产岀指标", level2: "数量指标", name: "b", target: target),
            Indicator(level1: "效益指标", level2: "数量指标", name: "c", target: target),
            Indicator(level1: nil, level2: nil, name: "d", target: target),
            Indicator(level1: "绩效指标", level2: "三级指标", name: "e", target: target),
        ]
        #expect(RecordChecks.review(Self.record(indicators: indicators)) == [
            ReviewItem(path: "indicators[0].level2", reason: "level2 \"数虽指标\" is not allowed under level1 \"产出指标\" (did you mean 数量指标?)"),
            ReviewItem(path: "indicators[1].level1", reason: "level1 \"产岀指标\" is not in the indicator taxonomy (did you mean 产出指标?)"),
            ReviewItem(path: "indicators[2].level2", reason: "level2 \"数量指标\" is not allowed under level1 \"效益指标\""),
            ReviewItem(path: "indicators[3].level1", reason: "level1 is empty"),
            ReviewItem(path: "indicators[3].level2", reason: "level2 is empty"),
            ReviewItem(path: "indicators[4].level1", reason: "level1 \"绩效指标\" is not in the indicator taxonomy"),
            ReviewItem(path: "indicators[4].level2", reason: "level2 \"三级指标\" is not in the indicator taxonomy"),
        ])
    }

    @Test func flagsTargetsThatDoNotParse() {
        let indicators = [
            Indicator(level1: "产出指标", level2: "数量指标", name: "a", target: TargetValue(cell: "=abc(%)")),
            Indicator(level1: "产出指标", level2: "数量指标", name: "b", target: TargetValue(cell: "")),
            Indicator(level1: "产出指标", level2: "数量指标", name: "",
                      target: TargetValue(raw: "=100(%)", op: .equal, value: 90, unit: "%", qualitative: nil)),
        ]
        #expect(RecordChecks.review(Self.record(indicators: indicators)) == [
            ReviewItem(path: "indicators[0].target", reason: "target does not parse: \"=abc(%)\" (an operator without a number)"),
            ReviewItem(path: "indicators[1].target", reason: "target is empty"),
            ReviewItem(path: "indicators[2].name", reason: "indicator name is empty"),
            ReviewItem(path: "indicators[2].target", reason: "target fields disagree with raw \"=100(%)\""),
        ])
    }

    @Test func appliesWithoutDuplicates() {
        let funds = Funds(projectTotal: Self.yuan("100"), projectFiscal: Self.yuan("60"), projectOther: Self.yuan("30"))
        let once = RecordChecks.applied(to: Self.record(funds: funds))
        #expect(once.review.count == 1)
        #expect(RecordChecks.applied(to: once) == once)
    }
}
