import Foundation
import ReformTestSupport
import Testing
@testable import ReformForms

/// One target cell and what it must read as.
struct TargetCase: Sendable, CustomTestStringConvertible {
    let cell: String
    let op: ComparisonOperator?
    let value: String?
    let unit: String?

    var testDescription: String { cell }
}

@Suite("TargetGrammar")
struct TargetGrammarTests {
    static let quantitative: [TargetCase] = [
        TargetCase(cell: "≤409.34万元", op: .lessOrEqual, value: "409.34", unit: "万元"),
        TargetCase(cell: "=100(%)", op: .equal, value: "100", unit: "%"),
        TargetCase(cell: "=100.00(%)", op: .equal, value: "100", unit: "%"),
        TargetCase(cell: "≥2980.00(人次)", op: .greaterOrEqual, value: "2980", unit: "人次"),
        TargetCase(cell: "=18.00(元/张)", op: .equal, value: "18", unit: "元/张"),
        TargetCase(cell: "=0.00(起)", op: .equal, value: "0", unit: "起"),
        TargetCase(cell: "=51.00(个)", op: .equal, value: "51", unit: "个"),
        TargetCase(cell: "=2028.34(平方米)", op: .equal, value: "2028.34", unit: "平方米"),
        TargetCase(cell: "≤54000.00(张)", op: .lessOrEqual, value: "54000", unit: "张"),
        TargetCase(cell: "=1,474,326.18(元)", op: .equal, value: "1474326.18", unit: "元"),
        TargetCase(cell: "≤13.85（万元）", op: .lessOrEqual, value: "13.85", unit: "万元"),
        TargetCase(cell: "＝100（％）", op: .equal, value: "100", unit: "%"),
        TargetCase(cell: "＝１００．００（％）", op: .equal, value: "100", unit: "%"),
        TargetCase(cell: ">=90%", op: .greaterOrEqual, value: "90", unit: "%"),
        TargetCase(cell: "<=5", op: .lessOrEqual, value: "5", unit: nil),
        TargetCase(cell: ">0", op: .greater, value: "0", unit: nil),
        TargetCase(cell: "<3(次)", op: .less, value: "3", unit: "次"),
        TargetCase(cell: "＞95(%)", op: .greater, value: "95", unit: "%"),
        TargetCase(cell: "＜1(%)", op: .less, value: "1", unit: "%"),
        TargetCase(cell: "≧90(%)", op: .greaterOrEqual, value: "90", unit: "%"),
        TargetCase(cell: "≦10(天)", op: .lessOrEqual, value: "10", unit: "天"),
        TargetCase(cell: "＞＝95(%)", op: .greaterOrEqual, value: "95", unit: "%"),
        TargetCase(cell: "= 100 . 00 (%)", op: .equal, value: "100", unit: "%"),
        TargetCase(cell: "≥ 9 5 ( 人 次 )", op: .greaterOrEqual, value: "95", unit: "人次"),
        TargetCase(cell: "100(%)", op: nil, value: "100", unit: "%"),
        TargetCase(cell: "12个月", op: nil, value: "12", unit: "个月"),
        TargetCase(cell: "=1.00()", op: .equal, value: "1", unit: nil),
        TargetCase(cell: "=-5.5(%)", op: .equal, value: "-5.5", unit: "%"),
        TargetCase(cell: ">207.00(台（套）)", op: .greater, value: "207", unit: "台（套）"),
        TargetCase(cell: "=258（台（套））", op: .equal, value: "258", unit: "台（套）"),
        TargetCase(cell: "=1(人(次))", op: .equal, value: "1", unit: "人(次)"),
    ]

    @Test(arguments: quantitative)
    func readsQuantitativeTargets(expected: TargetCase) throws {
        let target = try TargetGrammar.parse(expected.cell).get()
        #expect(target.op == expected.op)
        #expect(target.value == expected.value.flatMap { Decimal(string: $0) })
        #expect(target.valueText == expected.value)
        #expect(target.unit == expected.unit)
        #expect(target.qualitative == nil)
    }

    @Test(arguments: ["安全", "稳定", "显著改善", "显著提升", "健全", "丰富", "-", "达到3A标准"])
    func readsQualitativeTargets(cell: String) throws {
        let target = try TargetGrammar.parse(cell).get()
        #expect(target == TargetValue(raw: cell, op: nil, value: nil, unit: nil, qualitative: cell))
    }

    @Test func rawIsTheCellTrimmed() throws {
        #expect(try TargetGrammar.parse("  ≥2980.00(人次) \n").get().raw == "≥2980.00(人次)")
        #expect(try TargetGrammar.parse("＝１００（％）").get().raw == "=100（%）")
        #expect(try TargetGrammar.parse(" 显著\n改善 ").get().qualitative == "显著改善")
    }

    @Test func keepsLargeValuesExact() throws {
        let target = try TargetGrammar.parse("=1,474,326.18(元)").get()
        #expect(target.value == Decimal(string: "1474326.18"))
        #expect(target.valueText == "1474326.18")
    }

    /// Numbers are built from their digits; they must equal, and print as, what Foundation parses.
    @Test(arguments: ["0", "0.0", "0.00", "-0", "5", "12.5", "12.50", "-3.20", "0.001", "007.50", "100", "1,000,000",
                      "1,474,326.18", "99.99", "123456789012345678", "1234567890123456789", "98765432109876543210.5",
                      "-1,234,567,890,123,456,789.125", "-0.5", "-1,234.50", "-100"])
    func numbersAreTheValuesFoundationReads(_ number: String) throws {
        let value = try #require(TargetGrammar.decimal(fromNumber: number))
        let parsed = try #require(Decimal(string: number.replacingOccurrences(of: ",", with: ""), locale: Locale(identifier: "en_US_POSIX")))
        #expect(value == parsed)
        #expect(value.description == parsed.description)
        #expect(value.exponent == parsed.exponent && value.significand == parsed.significand)
        #expect(TargetGrammar.number(number)?.text == parsed.description)
    }

    /// The text written from a number's digits is what Foundation prints for its value, over random
    /// numbers: leading and trailing zeros, long fractions, grouped thousands, signs.
    @Test func numberTextIsDecimalDescription() throws {
        var random = SplitMix(seed: 27)
        for _ in 0..<5000 {
            let digit = { "0123456789".randomElement(using: &random)! }
            let whole = String((0..<Int.random(in: 1...12, using: &random)).map { _ in digit() })
            let fraction = String((0..<Int.random(in: 0...9, using: &random)).map { _ in digit() })
            let number = (Bool.random(using: &random) ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
            let read = try #require(TargetGrammar.number(number), "\(number)")
            #expect(read.text == read.value.description, "\(number)")
            #expect(read.value == Decimal(string: number, locale: Locale(identifier: "en_US_POSIX")), "\(number)")
        }
        #expect(TargetGrammar.plainText(5100, places: 2, negative: false) == "51")
        #expect(TargetGrammar.plainText(50, places: 3, negative: true) == "-0.05")
        #expect(TargetGrammar.plainText(5000, places: 0, negative: false) == "5000")
    }

    /// Malformed numbers, and digits other than ASCII's, are no value.
    @Test(arguments: ["", "-", "--1", ",100", "1,00", "1,0000", "1,000.", ".5", "5.", "1..2", "1.2.3", "1.2,3", "-,1",
                      "１２", "١٢", "1\u{301}", "1\u{301}.5", "2.5\u{301}", "-\u{301}1", "1 2", "1a"])
    func malformedNumbersHaveNoValue(_ number: String) {
        #expect(TargetGrammar.decimal(fromNumber: number) == nil)
    }

    static let failures: [(String, TargetParseError.Reason)] = [
        ("", .empty),
        ("   ", .empty),
        ("=abc(%)", .operatorWithoutNumber),
        ("≥", .operatorWithoutNumber),
        ("≤(万元)", .operatorWithoutNumber),
        ("=1,23(%)", .malformedNumber("1,23")),
        ("=100.(%)", .malformedNumber("100.")),
        ("=1.2.3", .malformedNumber("1.2.3")),
        ("=100(%", .unclosedBracket),
        ("=207(台（套)", .unclosedBracket),
        ("=207(台)(套)", .trailingText("(套)")),
        ("=1.00(项)完成水、电等管网改造工程数", .trailingText("完成水、电等管网改造工程数")),
        ("≥95(%)公众号关注用户对功能操作的满意度", .trailingText("公众号关注用户对功能操作的满意度")),
        ("=100 家具购置安装完成及时率", .trailingText("家具购置安装完成及时率")),
        ("12月底前完成全部工作", .trailingText("月底前完成全部工作")),
    ]

    @Test(arguments: failures)
    func failuresAreDistinguishable(cell: String, reason: TargetParseError.Reason) {
        guard case .failure(let error) = TargetGrammar.parse(cell) else {
            Issue.record("\(cell) parsed")
            return
        }
        #expect(error.reason == reason)
    }

    @Test func failureDescriptionNamesTheCell() {
        guard case .failure(let error) = TargetGrammar.parse("=abc(%)") else {
            Issue.record("=abc(%) parsed")
            return
        }
        #expect(error.description == "target does not parse: \"=abc(%)\" (an operator without a number)")
    }

    @Test func lenientInitKeepsUnparsedTextAsQualitative() {
        let target = TargetValue(cell: "=abc(%)")
        #expect(target.raw == "=abc(%)")
        #expect(target.op == nil && target.value == nil && target.unit == nil)
        #expect(target.qualitative == "=abc(%)")
        #expect(TargetValue(cell: "").qualitative == nil)
    }

    @Test func scoringEqualityIgnoresRaw() {
        let printed = TargetValue(cell: "=100.00(%)")
        let other = TargetValue(cell: "= 100 (%)")
        #expect(printed.sameMeaning(as: other))
        #expect(printed != other)
        #expect(TargetValue(cell: "=51.00(个)").hashValue == TargetValue(raw: "=51.00(个)", op: .equal, value: 51, unit: "个", qualitative: nil).hashValue)
    }

    @Test func splitsTargetGluedBeforeLabel() throws {
        let split = try #require(TargetGrammar.splitLeadingTarget("=1.00(项)完成水、电等管网改造工程数"))
        #expect(split.target.raw == "=1.00(项)")
        #expect(split.target.valueText == "1")
        #expect(split.target.unit == "项")
        #expect(split.rest == "完成水、电等管网改造工程数")
        #expect(TargetGrammar.splitLeadingTarget("完成家具安装套数") == nil)
    }

    @Test func splitsTargetPrintedAfterLabel() throws {
        let split = try #require(TargetGrammar.splitTrailingTarget("完成家具安装套数 =216.00(件)"))
        #expect(split.label == "完成家具安装套数")
        #expect(split.target.op == .equal && split.target.valueText == "216" && split.target.unit == "件")
        let geq = try #require(TargetGrammar.splitTrailingTarget("公众号关注用户对线上服务的满意度 ≥95(%)"))
        #expect(geq.label == "公众号关注用户对线上服务的满意度")
        #expect(geq.target.op == .greaterOrEqual)
        let ascii = try #require(TargetGrammar.splitTrailingTarget("数据采集完整率 >=90(%)"))
        #expect(ascii.label == "数据采集完整率" && ascii.target.op == .greaterOrEqual)
        #expect(TargetGrammar.splitTrailingTarget("后台数据安全性 安全") == nil)
    }
}
