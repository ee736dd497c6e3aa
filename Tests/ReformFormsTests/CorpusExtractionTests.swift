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

    /// Forms come out as the page that ends them arrives, not at the end of the document, so a long
    /// document is read without holding all its pages.
    @Test func formsAreFoundAsPagesArrive() throws {
        let path = Fixtures.repoRoot.appendingPathComponent("Corpus/born-digital/lo-portrait-01.pdf").path
        let document = try PDFDocument(path: path)
        let extractor = FormExtractor(workers: 1)
        let pages = try (1...document.pageCount).map { extractor.read(try document.page($0)) }
        var run = FormFinder().run()
        var endedBy: [Int] = []
        for page in pages { endedBy += run.add(page).map { _ in page.number } }
        let last = run.finish()
        #expect((endedBy.first ?? .max) < document.pageCount)
        #expect(last.count == 1)
        #expect(endedBy.count + last.count == FormFinder().forms(pages).count)
        #expect(endedBy.count + last.count == 4)
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

    /// The ruled-cjk form with its text in fake bold and outlines (fixture outlined.pdf): the
    /// stroked labels beside the lines must not cost the lines, so the record is the plain form's.
    @Test func aFakeBoldFormReadsAsThePlainOne() throws {
        let got = try FormExtractor(workers: 1).records(try PDFDocument(path: Fixtures.path("outlined.pdf")), file: "outlined.pdf", sha256: "")
        let plain = try FormExtractor(workers: 1).records(try PDFDocument(path: Fixtures.path("ruled-cjk.pdf")), file: "ruled-cjk.pdf", sha256: "")
        var r = try #require(got.first), want = try #require(plain.first)
        #expect(got.count == 1)
        #expect(r.source.file == "outlined.pdf")
        r.source = want.source
        #expect(r == want)
    }

    /// The ruled-cjk form without a legible text layer: printed to an image (image-only.pdf), with
    /// its text printed as outlines (vector-text.pdf: no font, no text layer, no image), and with a
    /// font that has no Unicode map (no-unicode.pdf: the layer is glyph codes). tesseract reads each
    /// cell of the grid found in the picture, and the record comes out as the plain form's.
    @Test(arguments: ["image-only.pdf", "vector-text.pdf", "no-unicode.pdf"])
    func aFormWithoutALegibleLayerIsReadFromItsPicture(file: String) throws {
        let got = try FormExtractor(workers: 1).records(try PDFDocument(path: Fixtures.path(file)), file: file, sha256: "")
        let r = try Self.expectThePlainForm(got)
        #expect(r.confidence < 1)
    }

    /// The one record of `got`, read by OCR, after checking it against the plain form's
    /// (ruled-cjk.pdf) field by field.
    static func expectThePlainForm(_ got: [Record]) throws -> Record {
        let plain = try FormExtractor(workers: 1).records(try PDFDocument(path: Fixtures.path("ruled-cjk.pdf")), file: "ruled-cjk.pdf", sha256: "")
        let r = try #require(got.first), want = try #require(plain.first)
        #expect(got.count == 1)
        #expect(r.source.method == .ocr)
        #expect(r.fiscalYear == want.fiscalYear)
        #expect(r.project == want.project)
        #expect(r.fundsYuan == want.fundsYuan)
        #expect(r.goals == want.goals)
        #expect(r.indicators == want.indicators)
        return r
    }

    /// The image-only form as a scanner that was fed it sideways or upside down stores it (its
    /// picture turned, the page's sides swapped by a quarter turn): the grid is a grid either way,
    /// the cells read only turned back. The record is the plain form's, with a review item that
    /// names the page and the turn; the upright scan has none.
    @Test(arguments: [(QuarterTurn.half, "page 1 scanned upside down: read turned by 180°"),
                      (.clockwise, "page 1 scanned sideways: read turned counter-clockwise by 90°"),
                      (.counterclockwise, "page 1 scanned sideways: read turned clockwise by 90°")])
    func aFormScannedTurnedIsReadTurnedBack(scanned: QuarterTurn, review: String) throws {
        let url = try Fixtures.turnedScan(scanned)
        defer { try? FileManager.default.removeItem(at: url) }

        let got = try FormExtractor(workers: 1).records(try PDFDocument(path: url.path), file: "turned.pdf", sha256: "")
        let r = try Self.expectThePlainForm(got)
        #expect(r.review.contains(ReviewItem(path: "source.pages", reason: review)))

        // `reform show` draws the page turned back, with the same record
        let inspection = try FormExtractor(workers: 1).inspect(try PDFDocument(path: url.path), file: "turned.pdf", sha256: "")
        #expect(inspection.pages.map(\.turn) == [QuarterTurn(rawValue: (4 - scanned.rawValue) % 4)!])
        #expect(inspection.records == got)
    }

    /// The turned scan with an OCR layer read from the turned picture: garbled Chinese, none of the
    /// form's words. The layer is no text; the page is read from its picture, turned back.
    @Test func aScanWhoseLayerWasReadTurnedIsReadTurnedBack() throws {
        let url = try Fixtures.turnedScan(.half, garbledLayer: true)
        defer { try? FileManager.default.removeItem(at: url) }
        let document = try PDFDocument(path: url.path)
        #expect(try document.page(1).glyphs().count > 100)
        let got = try FormExtractor(workers: 1).records(document, file: "turned.pdf", sha256: "")
        let r = try Self.expectThePlainForm(got)
        #expect(r.review.contains(ReviewItem(path: "source.pages", reason: "page 1 scanned upside down: read turned by 180°")))
    }

    @Test func anUprightScanIsNotTurned() throws {
        let records = try FormExtractor(workers: 1).records(try PDFDocument(path: Fixtures.path("image-only.pdf")), file: "image-only.pdf", sha256: "")
        #expect(!records.isEmpty && records.allSatisfy { !$0.review.contains { $0.path == "source.pages" } })
    }

    @Test func continuedIndicatorTableBelongsToItsForm() throws {
        let got = try FormExtractor(workers: 1).records(try PDFDocument(path: Fixtures.path("two-pages.pdf")), file: "two-pages.pdf", sha256: "")
        #expect(got.count == 1)
        #expect(got.first?.source.pages == [1, 2])
        // The rows on page 2 take their levels from the spanning cells begun on page 1.
        #expect(got.first?.indicators.allSatisfy { $0.level1 != nil && $0.level2 != nil } == true)
    }

    @Test func notThisFormAndNoTextLayerAreErrors() throws {
        for file in ["image-only.pdf", "vector-text.pdf", "no-unicode.pdf"] {
            #expect(throws: ExtractError.self) {
                _ = try FormExtractor(workers: 1, ocr: .never).records(try PDFDocument(path: Fixtures.path(file)), file: "x", sha256: "")
            }
        }
        #expect(throws: FormError.self) {
            _ = try FormExtractor(workers: 1).records(try PDFDocument(path: Fixtures.path("hairline.pdf")), file: "x", sha256: "")
        }
    }
}

/// Level cells and goal texts cut by a page break (built from synthetic tables, as the renderers
/// place them: text on either page, or all on the next).
@Suite struct PageBreakTests {
    static func cell(_ r: Int, _ c: Int, _ text: String, rows: Int = 1, x: Double, w: Double = 50, y: Double) -> Cell {
        Cell(row: r, column: c, rowSpan: rows, box: Rect(left: x, top: y, right: x + w, bottom: y + 20 * Double(rows)), text: text, lines: [text])
    }

    static func table(page: Int, rows: Int, _ cells: [Cell]) -> Table {
        Table(page: page, box: Rect(left: 0, top: 0, right: 300, bottom: Double(rows) * 20), mode: .lattice,
              rowEdges: (0...rows).map { Double($0) * 20 }, columnEdges: [0, 50, 100, 150, 200], cells: cells)
    }

    static func read(_ tables: [Table]) -> Record {
        FormReader().read(FormSlice(pages: tables.map(\.page), tables: tables, fiscalYear: 2024, titleScore: 1, fromScan: false),
                          source: Source(file: "x.pdf", sha256: "", pages: [], method: .pdf))
    }

    @Test func aLevelCutByThePageBreakIsJoined() {
        let page1 = Self.table(page: 1, rows: 3, [
            Self.cell(0, 0, "一级指标", x: 0, y: 0), Self.cell(0, 1, "二级指标", x: 50, y: 0), Self.cell(0, 2, "三级指标", x: 100, y: 0), Self.cell(0, 3, "指标值", x: 150, y: 0),
            Self.cell(1, 0, "满意度指", rows: 2, x: 0, y: 20), Self.cell(1, 1, "服务对象满意", rows: 2, x: 50, y: 20),
            Self.cell(1, 2, "甲满意度", x: 100, y: 20), Self.cell(1, 3, "≥90(%)", x: 150, y: 20),
            Self.cell(2, 2, "乙满意度", x: 100, y: 40), Self.cell(2, 3, "≥80(%)", x: 150, y: 40),
        ])
        let page2 = Self.table(page: 2, rows: 1, [
            Self.cell(0, 0, "标", x: 0, y: 0), Self.cell(0, 1, "度指标", x: 50, y: 0),
            Self.cell(0, 2, "丙满意度", x: 100, y: 0), Self.cell(0, 3, "≥70(%)", x: 150, y: 0),
        ])
        let r = Self.read([page1, page2])
        #expect(r.indicators.count == 3)
        #expect(r.indicators.allSatisfy { $0.level1 == "满意度指标" && $0.level2 == "服务对象满意度指标" })
    }

    @Test func anEmptyLevelAtThePageFootTakesTheNextPagesText() {
        let page1 = Self.table(page: 1, rows: 3, [
            Self.cell(0, 0, "一级指标", x: 0, y: 0), Self.cell(0, 1, "二级指标", x: 50, y: 0), Self.cell(0, 2, "三级指标", x: 100, y: 0), Self.cell(0, 3, "指标值", x: 150, y: 0),
            Self.cell(1, 0, "产出指标", x: 0, y: 20), Self.cell(1, 1, "时效指标", x: 50, y: 20),
            Self.cell(1, 2, "支付及时率", x: 100, y: 20), Self.cell(1, 3, "=100(%)", x: 150, y: 20),
            Self.cell(2, 0, "", x: 0, y: 40), Self.cell(2, 1, "", x: 50, y: 40),
            Self.cell(2, 2, "投诉发生数", x: 100, y: 40), Self.cell(2, 3, "=0(起)", x: 150, y: 40),
        ])
        let page2 = Self.table(page: 2, rows: 1, [
            Self.cell(0, 0, "效益指标", x: 0, y: 0), Self.cell(0, 1, "社会效益指标", x: 50, y: 0),
            Self.cell(0, 2, "知晓率", x: 100, y: 0), Self.cell(0, 3, "≥89(%)", x: 150, y: 0),
        ])
        let r = Self.read([page1, page2])
        #expect(r.indicators.map(\.level2) == ["时效指标", "社会效益指标", "社会效益指标"])
    }
}

import ReformLayout
