import Foundation
@testable import ReformPDF
import ReformTestSupport
import Testing

/// A page rendered for its table lines leaves its text out (`GlyphGate`); every other render
/// (pictures for people, pages read by OCR) draws it.
@Suite struct GlyphGateTests {
    /// Dark pixels of `raster` inside and outside the glyph boxes (each box grown by two pixels: a
    /// stroked glyph's outline reaches past the box that poppler gives the character).
    static func ink(_ raster: PageRaster, glyphs: [Glyph]) -> (inText: Int, outside: Int) {
        let luma = raster.luminance(), w = raster.width, h = raster.height, s = raster.scale
        var inText = [Bool](repeating: false, count: w * h)
        for g in glyphs where !g.scalar.properties.isWhitespace {
            let x0 = max(0, Int(g.box.left * s) - 2), x1 = min(w - 1, Int((g.box.right * s).rounded(.up)) + 2)
            let y0 = max(0, Int(g.box.top * s) - 2), y1 = min(h - 1, Int((g.box.bottom * s).rounded(.up)) + 2)
            guard x0 <= x1, y0 <= y1 else { continue }
            for y in y0...y1 { for x in x0...x1 { inText[y * w + x] = true } }
        }
        var counts = (inText: 0, outside: 0)
        for i in 0..<(w * h) where luma[i] < 128 {
            if inText[i] { counts.inText += 1 } else { counts.outside += 1 }
        }
        return counts
    }

    @Test func theGateIsInTheProcess() {
        #expect(GlyphGate.isActive)
    }

    /// Filled text (ruled-cjk) and stroked text (outlined: fake bold, fill and stroke, and outlines
    /// alone) are left out alike.
    @Test(arguments: ["ruled-cjk.pdf", "outlined.pdf"])
    func aRenderWithoutGlyphsKeepsTheLinesAndDropsTheText(file: String) throws {
        let page = try PDFDocument(path: Fixtures.path(file)).page(1)
        let glyphs = page.glyphs()
        #expect(glyphs.count > 20)
        let drawn = Self.ink(page.render(scale: 2, antialias: false), glyphs: glyphs)
        let bare = Self.ink(page.render(scale: 2, antialias: false, glyphs: false), glyphs: glyphs)
        // the text is there with glyphs and gone without (lines crossing a box may leave a little)
        #expect(drawn.inText > 1000)
        #expect(bare.inText * 10 < drawn.inText, "\(bare.inText) dark pixels in text without glyphs, \(drawn.inText) with")
        // the table lines away from the text are the same pixels either way
        #expect(bare.outside > 1000)
        #expect(bare.outside == drawn.outside)
        // and a render after it on the same thread draws text again
        #expect(Self.ink(page.render(scale: 2, antialias: false), glyphs: glyphs) == drawn)
    }

    /// The setting is the rendering thread's: a render without glyphs on one thread leaves the
    /// renders of another thread, running at the same time, whole.
    @Test func theSettingBelongsToTheThread() async throws {
        let drawn = try Self.inkOfFixture(glyphs: true), bare = try Self.inkOfFixture(glyphs: false)
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for lane in 0..<4 {
                let glyphs = lane % 2 == 0
                group.addTask {
                    for _ in 0..<5 where try Self.inkOfFixture(glyphs: glyphs) != (glyphs ? drawn : bare) { return false }
                    return true
                }
            }
            for try await same in group { #expect(same) }
        }
    }

    /// `ink` of a render of the ruled fixture's first page, opened afresh.
    static func inkOfFixture(glyphs: Bool) throws -> (inText: Int, outside: Int) {
        let page = try PDFDocument(path: Fixtures.path("ruled-cjk.pdf")).page(1)
        return ink(page.render(scale: 2, antialias: false, glyphs: glyphs), glyphs: page.glyphs())
    }

    /// The rulings of `file`'s first page scanned from a render with its text and one without.
    static func rulings(_ file: String) throws -> (withText: [Ruling], without: [Ruling]) {
        let page = try PDFDocument(path: Fixtures.path(file)).page(1)
        let glyphs = page.glyphs()
        let settings = RulingSettings()
        let scanner = RulingScanner(settings: settings)
        let withText = scanner.scan(page.render(scale: settings.renderScale, antialias: settings.antialias), glyphs: glyphs,
                                    glyphsAreExact: true, estimateSkew: false)
        let without = scanner.scan(page.render(scale: settings.renderScale, antialias: settings.antialias, glyphs: false), glyphs: glyphs,
                                   glyphsAreExact: true, estimateSkew: false)
        return (withText.rulings, without.rulings)
    }

    @Test func theRulingsAreTheSameWithOrWithoutFilledGlyphs() throws {
        #expect(GlyphGate.isActive)
        let found = try Self.rulings("ruled-cjk.pdf")
        #expect(!found.without.isEmpty)
        #expect(found.without == found.withText)
    }

    /// Stroked text is the thicker ink: drawn, fake-bold labels touching a line can hide it from the
    /// scanner; left out, they cannot. Every line found with the text is found without it (and
    /// `RulingDetectionTests` checks that all the fixture's lines are).
    @Test func noRulingIsLostWithoutStrokedGlyphs() throws {
        let found = try Self.rulings("outlined.pdf")
        #expect(!found.without.isEmpty)
        for r in found.withText { #expect(found.without.contains(r), "\(r) found only with the text drawn") }
    }
}
