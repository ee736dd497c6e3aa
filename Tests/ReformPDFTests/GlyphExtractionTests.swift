import Foundation
import ReformPDF
import ReformTestSupport
import Testing

@Suite struct GlyphExtractionTests {
    static let bornDigital = ["ruled-cjk.pdf", "hairline.pdf", "rotated.pdf", "landscape.pdf", "two-pages.pdf", "shaded.pdf", "outlined.pdf"]

    @Test(arguments: bornDigital)
    func glyphTextMatchesPdftotext(file: String) throws {
        let document = try PDFDocument(path: Fixtures.path(file))
        let ours = try (1...document.pageCount).flatMap { try document.page($0).glyphs() }
            .filter { !$0.isWhitespace }.map { Character($0.scalar) }
        let theirs = try Fixtures.run("pdftotext", ["-enc", "UTF-8", Fixtures.path(file), "-"]).stdout
            .unicodeScalars.filter { !$0.properties.isWhitespace }.map { Character($0) }
        #expect(!ours.isEmpty)
        #expect(ours.sorted() == theirs.sorted())
    }

    @Test func glyphsHaveBoxesInsideThePageAndFonts() throws {
        let document = try PDFDocument(path: Fixtures.path("ruled-cjk.pdf"))
        let page = try document.page(1)
        let (w, h) = page.size
        let glyphs = page.glyphs().filter { !$0.isWhitespace }
        #expect(glyphs.count > 100)
        for g in glyphs {
            #expect(g.box.left >= 0 && g.box.right <= w && g.box.top >= 0 && g.box.bottom <= h)
            #expect(g.box.width > 0 && g.box.height > 0)
            #expect(g.fontSize > 4 && !g.fontName.isEmpty)
        }
        // The title is drawn on top, larger than the cells' text.
        let title = glyphs.filter { $0.scalar == "申" }.min { $0.box.top < $1.box.top }!
        #expect(title.box.top < 100)
    }

    @Test func lineBreaksGetZeroSizeBoxes() throws {
        let page = try PDFDocument(path: Fixtures.path("ruled-cjk.pdf")).page(1)
        let breaks = page.glyphs().filter { $0.scalar == "\n" }
        #expect(!breaks.isEmpty)
        #expect(breaks.allSatisfy { $0.box.width == 0 && $0.box.height == 0 })
    }

    @Test func rotatedPageIsReadInItsDisplayedOrientation() throws {
        let page = try PDFDocument(path: Fixtures.path("rotated.pdf")).page(1)
        let truth = Fixtures.fixture("rotated.pdf").per_page![0]
        let (w, h) = page.size
        #expect(abs(w - truth.width) < 0.5 && abs(h - truth.height) < 0.5)
        #expect(page.rotation == 90)
        // Same drawing as landscape.pdf, so the same text at the same places.
        let landscape = try PDFDocument(path: Fixtures.path("landscape.pdf")).page(1).glyphs().filter { !$0.isWhitespace }
        let rotated = page.glyphs().filter { !$0.isWhitespace }
        #expect(landscape.count == rotated.count)
        let a = landscape.map { "\($0.scalar)@\(Int($0.box.midX)),\(Int($0.box.midY))" }.sorted()
        let b = rotated.map { "\($0.scalar)@\(Int($0.box.midX)),\(Int($0.box.midY))" }.sorted()
        #expect(a == b)
    }

    @Test func documentOpensFromBytes() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("two-pages.pdf")))
        let document = try PDFDocument(data: data, path: "<stdin>")
        #expect(document.pageCount == 2)
    }

    /// The fast White_Space test agrees with Unicode's tables on every scalar.
    @Test func whiteSpaceListMatchesUnicodesTables() {
        var disagreements: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            if scalar.isUnicodeWhiteSpace != scalar.properties.isWhitespace { disagreements.append(v) }
        }
        #expect(disagreements.isEmpty)
        #expect(Unicode.Scalar(0x3000)!.isUnicodeWhiteSpace && !Unicode.Scalar("财").isUnicodeWhiteSpace)
    }

    /// The fast format-control and decimal-digit tests agree with Unicode's tables on every scalar.
    @Test func formatAndDigitShortcutsMatchUnicodesTables() {
        var disagreements: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let category = scalar.properties.generalCategory
            if scalar.isFormatControl != (category == .format) || scalar.isDecimalDigit != (category == .decimalNumber) {
                disagreements.append(v)
            }
        }
        #expect(disagreements.isEmpty)
        #expect(Unicode.Scalar(0x200B)!.isFormatControl && Unicode.Scalar(0xAD)!.isFormatControl && !Unicode.Scalar("财").isFormatControl)
        #expect(Unicode.Scalar("7").isDecimalDigit && Unicode.Scalar(0xFF17)!.isDecimalDigit && !Unicode.Scalar("七").isDecimalDigit)
    }
}
