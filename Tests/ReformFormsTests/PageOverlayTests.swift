import Foundation
@testable import ReformForms
import ReformPDF
import ReformTestSupport
import Testing

/// The heading of a `reform show` picture says what the page's text came from.
@Suite struct PageOverlayTests {
    @Test(arguments: [
        ("ruled-cjk.pdf", "born-digital"),
        ("scanned-look.pdf", "scan, OCR layer"),
        ("image-only.pdf", "scan, read by OCR"),
        ("vector-text.pdf", "no readable text layer, read by OCR"),
        ("no-unicode.pdf", "no readable text layer, read by OCR"),
    ])
    func theHeadingSaysWhereTheTextCameFrom(file: String, kind: String) throws {
        let inspection = try FormExtractor(workers: 1).inspect(try PDFDocument(path: Fixtures.path(file)), file: file, sha256: "")
        let page = try #require(inspection.pages.first)
        #expect(PageOverlay.kind(of: page) == kind)
    }

    @Test func aPageReadTurnedSaysSo() {
        var page = PageTables(number: 1, lines: [], tables: [], hasTextLayer: true, isScan: true)
        page.readByOCR = true
        page.turn = .half
        #expect(PageOverlay.kind(of: page) == "scan, read by OCR, scanned upside down: shown turned")
        page.turn = .clockwise
        #expect(PageOverlay.kind(of: page) == "scan, read by OCR, scanned sideways: shown turned")
    }
}
