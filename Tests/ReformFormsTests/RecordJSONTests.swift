import Foundation
import Testing
@testable import ReformForms

@Suite("RecordJSON")
struct RecordJSONTests {
    static func specRecord() throws -> Record {
        try RecordJSON.decodeRecord(from: Data(SpecExample.json.utf8))
    }

    /// A record exercising what the SPEC example does not: review items, escapes, odd numbers.
    static func busyRecord() -> Record {
        Record(
            fiscalYear: 2024,
            project: ProjectInfo(name: "交通行业资质管理\"A/B\"项目", department: "上海市交通委员会", plannedStart: "2024-01-01"),
            fundsYuan: Funds(projectTotal: Amount(parsing: "1,474,326.18"), projectFiscal: Amount(parsing: "1,474,326.18"), projectOther: .zero),
            goals: Goals(overall: "第一行\\第二行\t", annual: nil),
            indicators: [
                Indicator(level1: "成本指标", level2: "经济成本指标", name: "交通行业资质管理及信用评价成本", target: TargetValue(cell: "≤45.17(万元)")),
                Indicator(level1: "产出指标", level2: "数量指标", name: "工程装修面积", target: TargetValue(cell: "=2028.34(平方米)")),
            ],
            source: Source(file: "seed/000.txt", sha256: "ab", pages: [], method: .text),
            confidence: 0.8333,
            review: [ReviewItem(path: "funds_yuan.project_fiscal", reason: "orphan value paired by guesswork")]
        )
    }

    @Test func roundTripsTheSpecExampleByteForByte() throws {
        let record = try Self.specRecord()
        #expect(RecordJSON.pretty(record) == SpecExample.json)
        #expect(Array(RecordJSON.pretty(record).utf8) == Array(SpecExample.json.utf8))
    }

    @Test func decodesTheSpecExample() throws {
        let record = try Self.specRecord()
        #expect(record.schema == Record.schemaID)
        #expect(record.fiscalYear == 2024)
        #expect(record.project.implementingUnit == "上海市交通委员会职业资格中心（上海市交通委员会干部学校）")
        #expect(record.project.plannedEnd == "2024-12-31")
        #expect(record.fundsYuan.projectTotal == Amount(cents: 13_850_700))
        #expect(record.fundsYuan.projectFiscal == nil)
        #expect(record.fundsYuan.annualOther == .zero)
        #expect(record.indicators.count == 2)
        #expect(record.indicators[0].target == TargetValue(cell: "=51.00(个)"))
        #expect(record.indicators[1].target == .qualitative("安全"))
        #expect(record.source.pages == [1, 2] && record.source.method == .pdf)
        #expect(record.confidence == 1.0)
        #expect(record.review.isEmpty && record.ambiguous.isEmpty)
    }

    @Test func writesCompactOnOneLine() throws {
        let line = RecordJSON.compact(try Self.specRecord())
        #expect(!line.contains("\n"))
        #expect(line.hasPrefix(#"{"schema":"perf-target-form/1","title":"财政项目支出绩效目标申报表","fiscal_year":2024,"project":{"name":"信息化运维项目","#))
        #expect(line.contains(#""funds_yuan":{"project_total":138507.00,"project_fiscal":null,"#))
        #expect(line.contains(#""target":{"raw":"=51.00(个)","op":"=","value":51,"unit":"个","qualitative":null}"#))
        #expect(line.hasSuffix(#""pages":[1,2],"method":"pdf"},"confidence":1.0,"review":[]}"#))
        #expect(try RecordJSON.decodeRecord(from: Data(line.utf8)) == Self.specRecord())
    }

    @Test func writesValuesExactly() {
        let pretty = RecordJSON.pretty(Self.busyRecord())
        #expect(pretty.contains(#""project_total": 1474326.18,"#))
        #expect(pretty.contains(#""project_other": 0.00,"#))
        #expect(pretty.contains(#""value": 45.17, "unit": "万元""#))
        #expect(pretty.contains(#""value": 2028.34, "unit": "平方米""#))
        #expect(pretty.contains(#""confidence": 0.833,"#))
    }

    @Test func escapesOnlyWhatJSONRequires() {
        let pretty = RecordJSON.pretty(Self.busyRecord())
        #expect(pretty.contains(#""name": "交通行业资质管理\"A/B\"项目","#))
        #expect(pretty.contains(#""overall": "第一行\\第二行\t","#))
        #expect(RecordJSON.string("a\u{01}b\nc") == #""a\u0001b\nc""#)
        #expect(RecordJSON.string(nil) == "null")
        #expect(RecordJSON.string("项目 A/B é") == "\"项目 A/B é\"")
        #expect(RecordJSON.string("") == "\"\"")
    }

    @Test func indentsEveryLineEvenEmptyOnes() {
        #expect(RecordJSON.indentLines("{\n  \"a\": 1\n\n}", by: "  ") == "  {\n    \"a\": 1\n  \n  }")
        #expect(RecordJSON.indentLines("", by: "  ") == "  ")
        #expect(RecordJSON.indentLines("x\n", by: "\t") == "\tx\n\t")
    }

    @Test func writesReviewItemsOnePerLine() {
        let pretty = RecordJSON.pretty(Self.busyRecord())
        #expect(pretty.hasSuffix("""
          "review": [
            {"path": "funds_yuan.project_fiscal", "reason": "orphan value paired by guesswork"}
          ]
        }
        """))
        #expect(pretty.contains(#""source": {"file": "seed/000.txt", "sha256": "ab", "pages": [], "method": "text"},"#))
    }

    @Test func printsConfidenceShortest() {
        #expect(RecordJSON.confidence(1.0) == "1.0")
        #expect(RecordJSON.confidence(0.83) == "0.83")
        #expect(RecordJSON.confidence(0.8333) == "0.833")
        #expect(RecordJSON.confidence(0.9996) == "1.0")
        #expect(RecordJSON.confidence(0) == "0.0")
        #expect(RecordJSON.confidence(0.05) == "0.05")
        #expect(RecordJSON.confidence(.nan) == "0.0")
        #expect(RecordJSON.confidence(1.7) == "1.0")
    }

    @Test func roundTripsArraysAndJSONLines() throws {
        let records = [try Self.specRecord(), Self.busyRecord()]
        let array = RecordJSON.pretty(records)
        #expect(array.hasPrefix("[\n  {\n    \"schema\": \"perf-target-form/1\",\n"))
        #expect(array.hasSuffix("  }\n]\n"))
        var expected = records
        expected[1].confidence = 0.833  // the writer rounds to three decimals
        #expect(try RecordJSON.decodeRecords(from: Data(array.utf8)) == expected)
        #expect(try RecordJSON.decodeJSONLines(from: Data(RecordJSON.jsonLines(records).utf8)) == expected)
        #expect(RecordJSON.pretty([Record]()) == "[]\n")
        // Writing what was read gives the same bytes again.
        #expect(RecordJSON.pretty(try RecordJSON.decodeRecords(from: Data(array.utf8))) == array)
    }

    @Test func keepsAmbiguousPathsWithoutWritingThem() throws {
        var json = SpecExample.json
        json.removeLast()  // the closing brace
        json += #", "_ambiguous": ["funds_yuan.project_fiscal", "indicators[1].level2"]}"#
        let record = try RecordJSON.decodeRecord(from: Data(json.utf8))
        #expect(record.ambiguous == ["funds_yuan.project_fiscal", "indicators[1].level2"])
        #expect(RecordJSON.pretty(record) == SpecExample.json)
    }

    @Test func reportsWhereAFileIsWrong() {
        let broken = Data(#"[{"schema": "perf-target-form/1"}]"#.utf8)
        #expect {
            try RecordJSON.decodeRecords(from: broken)
        } throws: { error in
            "\(error)".contains("missing key project")
        }
    }
}
