import Foundation
@testable import ReformPDF
import ReformTestSupport
import Testing

/// A render that draws no glyphs gets an empty stand-in for each font (CFontFiles'
/// `GfxFont::locateFont`); the text layer and the lines are the page's own, and a later render that
/// draws glyphs draws the real ones.
@Suite struct FontStubsTests {
    @Test func theStandInIsInTheProcess() {
        #expect(FontStubs.isActive)
    }

    /// The fraction of the page's glyphs with dark pixels inside their box.
    static func inkedShare(_ raster: PageRaster, _ glyphs: [Glyph]) -> Double {
        let luma = raster.luminance()
        let inked = glyphs.filter { g in
            let x0 = max(0, Int(g.box.left)), x1 = min(raster.width - 1, Int(g.box.right.rounded(.up)))
            let y0 = max(0, Int(g.box.top)), y1 = min(raster.height - 1, Int(g.box.bottom.rounded(.up)))
            guard x0 <= x1, y0 <= y1 else { return false }
            return (y0...y1).contains { y in (x0...x1).contains { x in luma[y * raster.width + x] < 128 } }
        }
        return Double(inked.count) / Double(max(1, glyphs.count))
    }

    /// rl-portrait-04's Chinese font (CID) and Helvetica are not embedded, rl-portrait-06 has
    /// Helvetica beside embedded TrueType subsets: with stand-ins for the fonts not embedded the text
    /// layer is the same, glyph for glyph and box for box, and so are the lines found.
    @Test(arguments: ["rl-portrait-04.pdf", "rl-portrait-06.pdf"])
    func theTextLayerAndLinesDoNotDependOnTheStandIns(file: String) throws {
        let path = Fixtures.repoRoot.appendingPathComponent("Corpus/born-digital/\(file)").path
        let standIns = try PDFDocument(path: path).page(1)
        let before = FontStubs.count
        let glyphless = PageExtractor().extract(standIns)
        #expect(FontStubs.count > before)
        #expect(standIns.document.fontsStoodIn)

        let real = try PDFDocument(path: path).page(1)
        _ = real.render(scale: 1, antialias: false)  // the real fonts built (glyphs drawn)
        let text = real.glyphs()
        #expect(glyphless.glyphs.count > 100)
        #expect(glyphless.glyphs.map(\.scalar) == text.map(\.scalar))
        #expect(glyphless.glyphs.map(\.box) == text.map(\.box))
        #expect(glyphless.glyphs.map(\.fontName) == text.map(\.fontName))

        let again = PageExtractor().extract(try PDFDocument(path: path).page(1))
        #expect(glyphless.rulings == again.rulings && glyphless.rulings.count >= 10)
    }

    /// poppler keeps a document's cairo fonts: after a glyphless render, a render that draws glyphs
    /// (a picture, OCR of a page whose text layer is unreadable) must not draw the empty stand-ins.
    @Test(arguments: ["rl-portrait-04.pdf", "rl-portrait-06.pdf"])
    func glyphsDrawnAfterAGlyphlessRenderAreTheRealOnes(file: String) throws {
        let document = try PDFDocument(path: Fixtures.repoRoot.appendingPathComponent("Corpus/born-digital/\(file)").path)
        let page = try document.page(1)
        let blank = page.render(scale: 1, antialias: false, glyphs: false)
        let glyphs = page.glyphs().filter { !$0.isWhitespace }
        #expect(glyphs.count > 100)
        #expect(Self.inkedShare(blank, glyphs) < 0.5)  // the glyphless render drew (almost) no text
        let drawn = page.render(scale: 1, antialias: false)
        #expect(Self.inkedShare(drawn, glyphs) >= 0.9)
    }
}
