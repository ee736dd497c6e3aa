@testable import ReformForms
import Testing

@Suite struct LabelMatcherTests {
    let matcher = LabelMatcher()

    /// Compiled lists are kept for the process; a kept list is what compiling it gives, and the
    /// store starts afresh past its capacity instead of growing.
    @Test func compiledListsAreKeptAndBounded() {
        let labels = ["项目名称", "主管部门*", "实施单位"]
        let first = matcher.compile(labels)
        #expect(first.map(\.label) == labels)
        #expect(first[1].prefix && !first[0].prefix)
        #expect(matcher.compile(labels) == first)
        #expect(CompiledLabels.shared.lookup(labels) == first)
        let store = CompiledLabels()
        for i in 0..<(store.capacity + 10) { store.store([], for: ["label \(i)"]) }
        #expect(store.lookup(["label 0"]) == nil && store.lookup(["label \(store.capacity + 9)"]) != nil)
    }

    @Test func variantsResolve() {
        #expect(matcher.match("其中：财政资金", ["其中:财政资金"])?.isExact == true)
        #expect(matcher.match("项 目 名 称", ["项目名称"])?.isExact == true)
        #expect(matcher.match("项目总体目标（2024年-2025年）", ["项目总体目标*"])?.isExact == true)
        #expect(matcher.match("2024年度目标", ["#年度目标*"])?.isExact == true)
        #expect(matcher.match("年度(/项目)指标值", ["年度(/项目)指标值"])?.isExact == true)
        #expect(matcher.match("年度（/项目）指标值", ["年度(/项目)指标值"])?.isExact == true)
    }

    @Test func ocrArtifactsAndMisreadsMatchLeniently() {
        #expect(matcher.match("主管 部 门 ”|", ["主管部门"])?.isExact == true)
        let m = matcher.match("计划开始曰期", ["计划开始日期"])
        #expect(m != nil && m!.isExact == false && m!.score >= 0.8)
        // Short labels never match leniently: one wrong character in three is another word.
        #expect(matcher.match("其它", ["其他"]) == nil)
        #expect(matcher.match("项目名称很长的一个值", ["项目名称"]) == nil)
    }

    @Test func closestLabelWinsAndTiesKeepTheFirst() {
        // Each label is scored only up to the edits that could still beat the best so far.
        let labels = ["项目实施单位", "项目实施进度", "项目资金管理"]
        let m = matcher.match("项目实施进展", labels)
        #expect(m?.label == "项目实施进度")
        #expect(m.map { abs($0.score - (1 - 1.0 / 6)) < 1e-12 } == true)
        // Two labels one edit away: the first keeps the match, the second must do strictly better.
        #expect(matcher.match("计划开始日朝", ["计划开始日期", "计划开始日程"])?.label == "计划开始日期")
        // A text further than the minimum similarity from every label matches none.
        #expect(matcher.match("绩效目标申报", labels) == nil)
    }

    /// Levenshtein distance by the textbook table, as the reference.
    static func reference(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var d = (0...a.count).map { i in (0...b.count).map { j in i == 0 ? j : (j == 0 ? i : 0) } }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
        }
        return d[a.count][b.count]
    }

    @Test func boundedEditDistanceAgreesWithTheTextbookOne() {
        let words = ["计划开始日期", "计划开始曰期", "项目实施进度", "进度", "", "项目名称很长的一个值", "期日始开划计", "#年度目标", "年度(/项目)指标值"]
            .map { Array($0.unicodeScalars) }
        for a in words {
            for b in words {
                let full = Self.reference(a, b)
                #expect(LabelMatcher.editDistance(a, b) == full)
                for limit in 0...12 {
                    #expect(LabelMatcher.editDistance(a, b, limit: limit) == (full <= limit ? full : nil))
                }
            }
        }
    }

    @Test func templateIsData() {
        let template = FormTemplate.performanceTarget
        #expect(template.fields.count == 16)
        #expect(Set(template.fields.map(\.target)).count == 16)
        #expect(template.allLabels.contains("项目名称"))
    }
}

@Suite struct ScanTextTests {
    @Test func artifactsAreTrimmed() {
        #expect(ScanText.trimArtifacts("| 2024-01-01") == "2024-01-01")
        #expect(ScanText.trimArtifacts("”|0.00 |") == "0.00")
        #expect(ScanText.trimArtifacts("安全") == "安全")
    }

    @Test func garbledDatesAreRepaired() {
        #expect(ScanText.repairedDate("2025.01.0l") == "2025-01-01")
        #expect(ScanText.repairedDate("2023-12_30") == "2023-12-30")
        #expect(ScanText.repairedDate("2025 12.31") == "2025-12-31")
        #expect(ScanText.repairedDate("12021-12-31") == "2021-12-31")  // a rule read as 1 before the year
        #expect(ScanText.repairedDate("12021-13-31") == nil)
        #expect(ScanText.repairedDate("2024-01-01") == nil)
        #expect(ScanText.repairedDate("205.0L0l") == nil)
    }

    @Test func confusedSeparatorsAreRepaired() {
        #expect(ScanText.repairedAmount("262.700.00") == "262700.00")
        #expect(ScanText.repairedAmount("1,474,326,18") == "1474326.18")
        #expect(ScanText.repairedAmount("1,474,326.18") == "1474326.18")
        #expect(ScanText.repairedAmount("0.00") == nil)
        #expect(ScanText.repairedAmount("abc.def.gh") == nil)
        #expect(ScanText.repairedAmount("9.101.3852.87") == nil)  // a group of four: a digit read twice
        #expect(ScanText.repairedAmount("1.516000.00") == "1516000.00")  // a lost separator
        // One point with three digits after it: a yuan amount has no third decimal, so it is the comma.
        #expect(ScanText.repairedAmount("246.000") == "246000")
        #expect(ScanText.repairedAmount("246.0000") == nil)
        #expect(ScanText.repairedAmount("246.000万元") == nil)
    }

    @Test func aUnitlessTargetWithMoreThanTwoDecimalsIsNotTaken() {
        // such a target is tried again with its last two digits as the % they are (`≥92.0026`)
        let units: Set<String> = ["%", "个"]
        #expect(!FormReader.knownTarget(TargetValue(cell: "≥92.0026"), units: units))
        #expect(FormReader.knownTarget(TargetValue(cell: "≥92.00%"), units: units))
        #expect(FormReader.knownTarget(TargetValue(cell: "=12.5"), units: units))
        #expect(!FormReader.knownTarget(TargetValue(cell: "=12(吨)"), units: units))
    }

    @Test func scannedAmountsSayWhetherTheyWereRepaired() {
        #expect(ScanText.scannedAmount("246.000").map { "\($0.amount) \($0.repaired)" } == "246000.00 true")
        #expect(ScanText.scannedAmount("246,000").map { "\($0.amount) \($0.repaired)" } == "246000.00 false")
        #expect(ScanText.scannedAmount("1,474,326.18").map { "\($0.amount) \($0.repaired)" } == "1474326.18 false")
        #expect(ScanText.scannedAmount("262.700.00").map { "\($0.amount) \($0.repaired)" } == "262700.00 true")
        #expect(ScanText.scannedAmount("24.600万元").map { "\($0.amount) \($0.repaired)" } == "246000.00 false")
        #expect(ScanText.scannedAmount("-") == nil)
    }
}

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Data(String(repeating: "a", count: 1_000_000).utf8)
        #expect(SHA256.hex(long) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Split updates give the same digest as one.
        var h = SHA256()
        h.update(Data("ab".utf8)); h.update(Data("c".utf8))
        #expect(h.finalize().map { String(format: "%02x", $0) }.joined() == SHA256.hex(Data("abc".utf8)))
    }

    /// The processor's SHA instructions (CDigest, when it has them) and the Swift compression give
    /// the same digests, on every length around the block edges and on long runs fed in odd pieces.
    @Test func processorAndSwiftCompressionAgree() throws {
        // on a processor with the instructions the first path is really theirs
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        if cpu.contains(" sha_ni") && cpu.contains(" sse4_1") { #expect(SHA256.processorCompresses) }
        var generator = SystemRandomNumberGenerator()
        func digest(_ pieces: [Data], processor: Bool) -> [UInt8] {
            var h = SHA256()
            h.usesProcessor = processor
            for piece in pieces { h.update(piece) }
            return h.finalize()
        }
        for length in Array(0...300) + [4095, 4096, 4097, 1 << 20] {
            let data = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            #expect(digest([data], processor: true) == digest([data], processor: false), "length \(length)")
            let cut = length / 3
            #expect(digest([data.prefix(cut), data.dropFirst(cut)], processor: true) == digest([data], processor: false), "length \(length) in two")
        }
    }
}

import Foundation
