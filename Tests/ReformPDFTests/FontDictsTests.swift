import Foundation
@testable import ReformPDF
import ReformTestSupport
import Testing

/// A document's fonts are built once (CFontFiles' `GfxResources` constructor) and handed to the later
/// pages that name them: a page must read the same whether its fonts were built for it or for a page
/// before it, and a document's fonts must go with it.
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

    /// Pages that share only some of their fonts name them in font resources of their own (Chrome
    /// lists on each page the Type 3 fonts it uses): the fonts they have in common are handed over
    /// one by one, under the same object and name. A font the next page names otherwise is built
    /// again under that name (poppler finds a page's fonts by name). Every page reads as it does alone.
    @Test func pagesWithFontResourcesOfTheirOwnShareTheFontsTheyHaveInCommon() throws {
        var pdf = MinimalPDF()
        func font(_ base: String) -> Int {
            pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /\(base) /Encoding /WinAnsiEncoding >>")
        }
        let helvetica = font("Helvetica"), courier = font("Courier"), times = font("Times-Roman")
        func line(_ name: String, _ y: Int, _ text: String) -> String { "BT /\(name) 12 Tf 72 \(y) Td (\(text)) Tj ET" }
        let pages = [
            pdf.addPage(content: line("F1", 760, "First page") + " " + line("F2", 740, "in Courier"), fonts: ["F1": helvetica, "F2": courier]),
            pdf.addPage(content: line("F1", 760, "Second page") + " " + line("F3", 740, "in Times"), fonts: ["F1": helvetica, "F3": times]),
            pdf.addPage(content: line("H", 760, "Third page"), fonts: ["H": helvetica]),
        ]
        let data = pdf.data(pages: pages)
        let document = try PDFDocument(data: data, path: "some-fonts-shared.pdf")
        _ = try document.page(1).glyphs()
        var before = FontDicts.reused
        let second = try document.page(2).glyphs()
        #expect(FontDicts.reused == before + 1, "page 2 took page 1's Helvetica")
        before = FontDicts.reused
        let third = try document.page(3).glyphs()
        #expect(FontDicts.reused == before, "Helvetica named H was built again")
        func faces(_ glyphs: [Glyph]) -> Set<String> { Set(glyphs.filter { !$0.isWhitespace }.map(\.fontName)) }
        #expect(faces(second) == ["Helvetica", "Times-Roman"])
        #expect(faces(third) == ["Helvetica"])
        #expect(second == (try PDFDocument(data: data, path: "alone.pdf").page(2).glyphs()))
        #expect(third == (try PDFDocument(data: data, path: "alone.pdf").page(3).glyphs()))
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

    /// A document whose pages each name fonts of their own keeps the idle ones within a budget, not
    /// to its end: fifteen pages of 100 fonts each hold more than it, so the first page's fonts are
    /// freed by the time the last page is read, and page 1 read again builds them anew, reading the
    /// same.
    @Test func aDocumentLetsGoOfIdleFontsPastItsBudget() throws {
        var pdf = MinimalPDF()
        let faces = ["Helvetica", "Times-Roman", "Courier"]
        let pages = (0..<15).map { page in
            let fonts = (0..<100).map { k in
                ("F\(k)", pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /\(faces[(page + k) % 3]) /Encoding /WinAnsiEncoding >>"))
            }
            let text = (0..<5).map { "BT /F\($0 * 20) 12 Tf 72 \(760 - 20 * $0) Td (Page \(page + 1) line \($0)) Tj ET" }
            return pdf.addPage(content: text.joined(separator: " "), fonts: Dictionary(uniqueKeysWithValues: fonts))
        }
        let document = try PDFDocument(data: pdf.data(pages: pages), path: "fonts-of-their-own.pdf")
        let first = try document.page(1).glyphs()
        for page in 2...document.pageCount { _ = try document.page(page).glyphs() }
        let before = FontDicts.reused
        let again = try document.page(1).glyphs()
        #expect(FontDicts.reused == before, "page 1's fonts were built again")
        #expect(first.count >= 20)
        #expect(again == first)
    }

    /// Before an OCR engine starts, the fonts no page is using go (`FontDicts.releaseIdle`): the next
    /// page builds its fonts again and reads as it does alone.
    @Test func idleFontsLetGoReadTheSame() throws {
        let path = Fixtures.repoRoot.appendingPathComponent("Corpus/born-digital/lo-landscape-01.pdf").path
        let document = try PDFDocument(path: path)
        _ = try document.page(1).glyphs()
        FontDicts.releaseIdle()
        let before = FontDicts.reused
        let second = try document.page(2).glyphs()
        #expect(FontDicts.reused == before, "page 1's fonts were freed, and page 2 built its own")
        #expect(!second.isEmpty)
        #expect(second == (try PDFDocument(path: path).page(2).glyphs()))
    }
}
