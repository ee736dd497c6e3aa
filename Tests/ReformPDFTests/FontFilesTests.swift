import Foundation
@testable import ReformPDF
import ReformTestSupport
import Testing

/// A font the PDF does not embed is drawn from a system file that poppler opens through the
/// executable's own `FoFiTrueType::load`, which maps the file instead of reading it whole.
@Suite struct FontFilesTests {
    @Test func theMappingLoadIsInTheProcess() {
        #expect(FontFiles.isActive)
    }

    /// rl-portrait-04 names STSong-Light (CID, UniGB-UCS2-H) without embedding it: the render draws
    /// it with fontconfig's CJK substitute, opened by mapping, and the page's text and lines are read
    /// as from any other page.
    @Test func aSubstituteFontIsMappedAndThePageReads() throws {
        let document = try PDFDocument(path: Fixtures.repoRoot.appendingPathComponent("Corpus/born-digital/rl-portrait-04.pdf").path)
        let page = try document.page(1)
        let raster = page.render(scale: 1, antialias: false)
        #expect(FontFiles.mappedCount >= 1)
        // the text is drawn (dark pixels inside the glyph boxes) and the table's lines are found
        let glyphs = page.glyphs().filter { !$0.isWhitespace }
        #expect(glyphs.count > 100)
        #expect(FontStubsTests.inkedShare(raster, glyphs) >= 0.9)
        #expect(PageExtractor().extract(page).rulings.count >= 10)
    }
}
