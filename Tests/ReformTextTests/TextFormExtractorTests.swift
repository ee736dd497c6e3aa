import Foundation
import ReformForms
import ReformTestSupport
import Testing
@testable import ReformText

/// A small form around `body`: title, year and two header fields, then the body's lines.
private func form(_ body: String, name: String = "测试项目") -> String {
    "财政项目支出绩效目标申报表\n（2024年度）\n项目名称 \(name)\n主管部门 测试部门\n\n\(body)\n"
}

private func records(_ text: String) throws -> [Record] {
    try TextFormExtractor().records(text: text, path: "inline.txt", file: "inline.txt", sha256: "")
}

@Suite("Scrambling patterns, one each")
struct ScramblingPatternTests {
    @Test func formsSplitAtEachTitle() throws {
        let text = form("数量指标\n完成家具安装套数 =216.00(件)", name: "甲项目") + form("质量指标\n工程验收合格率 =100.00(%)", name: "乙项目")
        let got = try records(text)
        #expect(got.map(\.project.name) == ["甲项目", "乙项目"])
        #expect(got.allSatisfy { $0.source.method == .text })
    }

    @Test func pageBreakDebrisDropped() {
        let lines = TextLines(settings: .standard, vocabulary: FormVocabulary(template: .performanceTarget))
            .lines("第 1 页，共 2 页\n-2-\n某某中心2024年度项目绩效目标汇总表\n0\n530900")
        #expect(lines.flatMap(\.segments) == ["0", "530900"])
    }

    @Test func threeBlankLinesArePageBreakWithoutFormFeeds() {
        let lines = TextLines(settings: .standard, vocabulary: FormVocabulary(template: .performanceTarget)).lines("甲\n\n\n\n乙")
        #expect(lines.first { $0.segments == ["乙"] }?.page == 1)
    }

    @Test func verticalLabelsFolded() {
        let lines = TextLines(settings: .standard, vocabulary: FormVocabulary(template: .performanceTarget))
            .lines("绩\n效\n指\n标\n\n项\n目\n资\n金\n（\n元\n）\n服务对象满意\n\n度指标")
        let segments = lines.flatMap(\.segments)
        #expect(segments == ["绩效指标", "项目资金（元）", "服务对象满意度指标"])
    }

    @Test func wrappedTargetRejoined() {
        let lines = TextLines(settings: .standard, vocabulary: FormVocabulary(template: .performanceTarget))
            .lines("养护里程\n≥320.85(公\n里)\n票务收入\n≤48848.16\n(万元)")
        #expect(lines.flatMap(\.segments) == ["养护里程", "≥320.85(公里)", "票务收入", "≤48848.16(万元)"])
    }

    @Test func wrappedLabelRejoined() throws {
        let got = try records(form("成本指标 经济成本指标\n网络预约、出租汽车驾驶员从业资格证（交通部监制）单位制证成\n本\n\n=18.00(元/张)"))
        let row = try #require(got.first?.indicators.first)
        #expect(row.name == "网络预约、出租汽车驾驶员从业资格证（交通部监制）单位制证成本")
        #expect(row.target.raw == "=18.00(元/张)")
        #expect(row.level1 == "成本指标")
    }

    @Test func valueBeforeLabel() throws {
        let got = try records(form("数量指标\n=1.00(项)完成水、电等管网改造工程数\n满意度指标 服务对象满意度指标\n≥90.00(%)使用人员满意度"))
        let rows = try #require(got.first?.indicators)
        #expect(rows.map(\.name) == ["完成水、电等管网改造工程数", "使用人员满意度"])
        #expect(rows.map(\.target.raw) == ["=1.00(项)", "≥90.00(%)"])
        #expect(rows[1].level2 == "服务对象满意度指标")
    }

    @Test func labelBeforeValueOnOneLine() throws {
        let got = try records(form("完成家具安装套数 =216.00(件)\n海事专网运行稳定性 稳定"))
        let rows = try #require(got.first?.indicators)
        #expect(rows.map(\.name) == ["完成家具安装套数", "海事专网运行稳定性"])
        #expect(rows[1].target.qualitative == "稳定")
    }

    @Test func orphansPairedAcrossDistanceAndReviewed() throws {
        let body = """
        =2.00(台)

        报名系统安全托管完成数 =1.00(个)

        各类费用支付及时率 =100.00(%)

        网闸设备维保服务完成数

        非税电子票据签名设备维保服务完成数 =1.00(个)
        """
        let record = try #require(try records(form(body)).first)
        let index = try #require(record.indicators.firstIndex { $0.name == "网闸设备维保服务完成数" })
        #expect(record.indicators[index].target.raw == "=2.00(台)")
        #expect(record.review.contains { $0.path == "indicators[\(index)].target" && $0.reason.contains("orphan") })
        #expect(record.confidence < 0.9)
    }

    @Test func assignmentUsesUnitsNotNearestLine() throws {
        // The nearest label to `=12.00(个月)` is the rate; the unit says months.
        let body = "网络租赁服务月份数\n\n设备运行稳定率\n\n=12.00(个月)\n\n=100.00(%)"
        let rows = try #require(try records(form(body)).first?.indicators)
        #expect(rows.first { $0.name == "网络租赁服务月份数" }?.target.unit == "个月")
        #expect(rows.first { $0.name == "设备运行稳定率" }?.target.unit == "%")
    }

    @Test func truncatedLabelReviewedNotRepaired() throws {
        let body = "数量指标\n上海市出租汽车驾驶员服务卡制证数 ≤5000.00(张)\n上海市公共汽车和电车客运从业人员培训合格证制证数 ≤600.00(张)\n海市公共汽车和电车客运从业人员服务监督卡制证数 ≤12000.00(张)"
        let record = try #require(try records(form(body)).first)
        let index = try #require(record.indicators.firstIndex { $0.name == "海市公共汽车和电车客运从业人员服务监督卡制证数" })
        #expect(record.review.contains { $0.path == "indicators[\(index)].name" && $0.reason.contains("上海市公共汽车和电车客运从业人员服务监督卡制证数") })
    }

    @Test func notThisFormIsAnError() {
        #expect(throws: FormError.notFormText(path: "inline.txt")) {
            try records("今天天气很好。\n我们去公园散步。\n")
        }
        #expect(throws: FormError.notFormText(path: "inline.txt")) { try records("") }
    }

    @Test func assignmentSolverSolvesAsAWhole() {
        // Greedy would give row 0 column 0 (0.9) and leave row 1 with 0.1; the whole is better crossed.
        let got = AssignmentSolver.solve(scores: [[0.9, 0.8], [0.85, 0.1]], minimum: 0.05)
        #expect(got == [1, 0])
        #expect(AssignmentSolver.solve(scores: [[0.1]], minimum: 0.3) == [nil])
    }
}

@Suite("Seed acceptance")
struct SeedAcceptanceTests {
    static let seed = TextCorpus.directory.appendingPathComponent("seed-2024.txt")

    @Test func fiveRecordsProjectExactAndF1() throws {
        let results = try TextCorpus.read(Self.seed)
        let got = results.map(\.record)
        let want = try TextCorpus.expected(Self.seed)
        #expect(got.count == 5)
        for (g, w) in zip(got, want) {
            #expect(g.project == w.project)
            #expect(g.source.method == .text)
        }
        let score = RecordScore.score(extracted: got, expected: want)
        #expect(score.f1 >= 0.90, "\(score.differences)")
    }

    @Test func orphansAndTruncationsUnderReview() throws {
        let got = try TextCorpus.read(Self.seed).map(\.record)
        func reviewed(_ name: String, _ key: String, containing text: String) -> Bool {
            got.contains { record in
                guard let i = record.indicators.firstIndex(where: { $0.name == name }) else { return false }
                return record.review.contains { $0.path == "indicators[\(i)].\(key)" && $0.reason.contains(text) }
            }
        }
        for orphan in ["海事专网租赁费支付数", "网闸设备维保服务完成数", "完成安防、防雷、照明节能、环保设施改造/新增设施",
                       "辅助人员绩效考勤达标率", "丰富社会人员就业渠道情况"] {
            #expect(reviewed(orphan, "target", containing: "orphan"), "\(orphan)")
        }
        #expect(reviewed("海市公共汽车和电车客运从业人员服务监督卡制证数", "name", containing: "上海市公共汽车"))
        #expect(reviewed("格证标准符合度", "name", containing: "资格证标准符合度"))
    }
}

@Suite("Text corpus")
struct TextCorpusTests {
    @Test(arguments: TextCorpus.files())
    func scoresOnCorpusFile(file: URL) throws {
        let got = try TextCorpus.read(file).map(\.record)
        let score = RecordScore.score(extracted: got, expected: try TextCorpus.expected(file))
        #expect(score.formsExtracted == score.formsExpected)
        #expect(score.f1 >= 0.90, "\(file.lastPathComponent) F1 \(score.f1): \(score.differences.prefix(10))")
        #expect(score.headerScore >= 0.90, "\(file.lastPathComponent) header \(score.headerScore): \(score.differences.prefix(10))")
    }

    /// Pairings at confidence ≥ 0.9 are right at least 97% of the time across the text corpus
    /// (and across `REFORM_TEXT_CORPUS`, a held-out corpus's text/ directory, when set).
    @Test func confidenceIsCalibrated() throws {
        var directories = [TextCorpus.directory]
        if let extra = ProcessInfo.processInfo.environment["REFORM_TEXT_CORPUS"] { directories.append(URL(fileURLWithPath: extra)) }
        var judged: [TextCorpus.JudgedPairing] = []
        for directory in directories {
            for file in TextCorpus.files(in: directory) {
                judged += TextCorpus.judge(try TextCorpus.read(file), against: try TextCorpus.expected(file))
            }
        }
        print("Calibration over \(directories.map(\.path)):\n" + TextCorpus.calibrationTable(judged))
        let high = judged.filter { $0.confidence >= 0.9 }
        #expect(!high.isEmpty)
        let share = Double(high.filter(\.right).count) / Double(max(1, high.count))
        #expect(share >= 0.97, "\(high.filter(\.right).count)/\(high.count) right at ≥ 0.9")
    }
}
