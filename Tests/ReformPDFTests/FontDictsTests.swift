import Foundation
@testable import ReformPDF
import ReformTestSupport
import Testing

/// A page's fonts are built once a document (CFontFiles' `GfxResources` constructor) and handed to
/// the later pages with the same font resource: a page must read the same whether its fonts were
/// built for it or for a page before it, and a document's fonts must go with it.
@Suite struct FontDictsTests {
    @Test func theSharedFontsAreInTheProcess() {
        #expect(FontDicts.isActive)
    }

    /// lo-landscape-01's six pages name the same three fonts. Read in order from one document, pages
    /// 2–6 reuse page 1's fonts; each read alone from a document of its own, they build them: the
    /// glyphs (scalar, box, font, size) and the lines found are the same.
    @Test func aPageReadsTheSameWithFontsBuiltForAnEarlierPage() throws {
        let path = Fixtures.repoRoot.appendingPathComponent("Corpus/born-digital/lo-landscape-01.pdf").path
        let extractor = PageExtractor()
        let document = try PDFDocument(path: path)
        let before = FontDicts.reused
        let inOrder = try (1...document.pageCount).map { extractor.extract(try document.page($0)) }
        #expect(FontDicts.reused - before >= document.pageCount - 1, "the later pages reused page 1's fonts")
        for (i, shared) in inOrder.enumerated() {
            let alone = extractor.extract(try PDFDocument(path: path).page(i + 1))
            #expect(!shared.glyphs.isEmpty)
            #expect(shared.glyphs == alone.glyphs, "page \(i + 1)")
            #expect(shared.rulings == alone.rulings, "page \(i + 1)")
        }
    }

    /// Two documents whose page resources look alike (font /F1 is object 2 in both) but hold other
    /// fonts: each document reads its own, however often they are opened and closed in turn (a
    /// closed document's fonts must not be handed to the next one at its address).
    @Test func aDocumentsFontsGoWithIt() throws {
        func sample(_ base: String) -> Data {
            var pdf = MinimalPDF()
            let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /\(base) /Encoding /WinAnsiEncoding >>")
            let pages = (0..<2).map { _ in pdf.addPage(content: "BT /F1 12 Tf 72 760 Td (Same words) Tj ET", fonts: ["F1": font]) }
            return pdf.data(pages: pages)
        }
        let helvetica = sample("Helvetica"), courier = sample("Courier")
        for round in 0..<20 {
            for (data, name) in [(helvetica, "Helvetica"), (courier, "Courier")] {
                let document = try PDFDocument(data: data, path: "\(name).pdf")
                for page in 1...2 {
                    let glyphs = try document.page(page).glyphs()
                    #expect(glyphs.count >= 10)
                    #expect(glyphs.allSatisfy { $0.fontName == name || $0.isWhitespace }, "round \(round), \(name) page \(page): \(Set(glyphs.map(\.fontName)))")
                }
            }
        }
    }
}
