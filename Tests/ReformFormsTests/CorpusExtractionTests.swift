import Foundation
import ReformForms
import ReformPDF
import ReformTestSupport
import Testing

/// The product's promise on born-digital PDFs: every form, every field, every indicator exact.
@Suite struct CorpusExtractionTests {
    static let bornDigital: [String] = {
        let dir = Fixtures.repoRoot.appendingPathComponent("Corpus/born-digital")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".pdf") }.sorted()
    }()

    static func score(_ path: String) throws -> (RecordScore, [Record]) {
        let url = URL(fileURLWithPath: path)
        let expectedURL = url.deletingPathExtension().appendingPathExtension("expected.json")
        let want = try RecordJSON.decodeRecords(from: Data(contentsOf: expectedURL))
        let got = try FormExtractor(workers: 1).records(try PDFDocument(path: path), file: url.lastPathComponent,
                                                        sha256: try SHA256.hex(fileAt: path))
        return (RecordScore.score(extracted: got, expected: want), got)
    }

    @Test func corpusHasBornDigitalForms() { #expect(Self.bornDigital.count >= 10) }

    @Test(arguments: bornDigital)
    func bornDigitalFormsAreExact(file: String) throws {
        let path = Fixtures.repoRoot.appendingPathComponent("Corpus/born-digital/\(file)").path
        let (s, got) = try Self.score(path)
        #expect(s.formsExtracted == s.formsExpected)
        #expect(s.headerScore == 1, "\(file): \(s.differences.prefix(3))")
        #expect(s.f1 == 1, "\(file): \(s.differences.prefix(3))")
        for r in got {
            #expect(r.source.method == .pdf && r.confidence == 1)
            #expect(r.source.sha256.count == 64)
        }
    }

    @Test func outputIsByteStable() throws {
        let path = Fixtures.repoRoot.appendingPathComponent("Corpus/born-digital/\(Self.bornDigital[0])").path
        let a = RecordJSON.pretty(try Self.score(path).1), b = RecordJSON.pretty(try Self.score(path).1)
        #expect(a == b)
    }

    @Test func fixtureFormReads() throws {
        let got = try FormExtractor(workers: 1).records(try PDFDocument(path: Fixtures.path("ruled-cjk.pdf")), file: "ruled-cjk.pdf", sha256: "")
        let r = try #require(got.first)
        #expect(got.count == 1)
        #expect(r.fiscalYear == 2024)
        #expect(r.project.name == "城市交通运输管理信息系统运维")
        #expect(r.project.plannedStart == "2024-01-01")
        #expect(r.fundsYuan.projectTotal == Amount(cents: 147_432_618))
        #expect(r.fundsYuan.annualCarryover == Amount(cents: 0))
        #expect(r.indicators.first?.level1 == "产出指标" && r.indicators.first?.level2 == "数量指标")
        #expect(r.indicators.contains { $0.level1 == "成本指标" && $0.target.op == .lessOrEqual })
    }

    @Test func continuedIndicatorTableBelongsToItsForm() throws {
        let got = try FormExtractor(workers: 1).records(try PDFDocument(path: Fixtures.path("two-pages.pdf")), file: "two-pages.pdf", sha256: "")
        #expect(got.count == 1)
        #expect(got.first?.source.pages == [1, 2])
        // The rows on page 2 take their levels from the spanning cells begun on page 1.
        #expect(got.first?.indicators.allSatisfy { $0.level1 != nil && $0.level2 != nil } == true)
    }

    @Test func notThisFormAndNoTextLayerAreErrors() throws {
        #expect(throws: ExtractError.self) {
            _ = try FormExtractor(workers: 1).records(try PDFDocument(path: Fixtures.path("image-only.pdf")), file: "x", sha256: "")
        }
        #expect(throws: FormError.self) {
            _ = try FormExtractor(workers: 1).records(try PDFDocument(path: Fixtures.path("hairline.pdf")), file: "x", sha256: "")
        }
    }
}
