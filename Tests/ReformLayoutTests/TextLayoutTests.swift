import Foundation
import ReformLayout
import ReformPDF
import ReformTestSupport
import Testing

@Suite struct TextLayoutTests {
    static func page(_ file: String, _ n: Int = 1) throws -> PageContent {
        PageExtractor().extract(try PDFDocument(path: Fixtures.path(file)).page(n))
    }

    @Test(arguments: ["ruled-cjk.pdf", "hairline.pdf", "rotated.pdf", "two-pages.pdf"])
    func wordsStayInsideTheirCells(file: String) throws {
        let truth = Fixtures.fixture(file).per_page!
        for (i, pageTruth) in truth.enumerated() {
            let content = try Self.page(file, i + 1)
            let words = TextLayout().words(glyphs: content.glyphs, rulings: content.rulings)
            for cell in pageTruth.cells ?? [] where !cell.text.isEmpty {
                let box = Rect(left: cell.x0, top: cell.y0, right: cell.x1, bottom: cell.y1)
                // No word straddles this cell's border.
                for w in words where w.box.intersects(box.insetBy(-1)) {
                    #expect(box.insetBy(1).contains(w.box.center), "\(file): word '\(w.text)' straddles cell '\(cell.text)'")
                }
                let inside = words.filter { box.contains($0.box.center) }
                let text = inside.map(\.text).joined()
                #expect(text.filter { !$0.isWhitespace } == cell.text.filter { !$0.isWhitespace && $0 != "\n" } || cell.vertical,
                        "\(file): cell '\(cell.text)' read as '\(text)'")
            }
        }
    }

    @Test func linesAreTopToBottomAndWordsLeftToRight() throws {
        let content = try Self.page("ruled-cjk.pdf")
        let lines = TextLayout().lines(glyphs: content.glyphs, rulings: content.rulings)
        #expect(lines.count > 10)
        for (a, b) in zip(lines, lines.dropFirst()) { #expect(a.box.midY <= b.box.midY) }
        for line in lines {
            for (a, b) in zip(line.words, line.words.dropFirst()) { #expect(a.box.right <= b.box.left + 0.5) }
        }
    }

    @Test func aRulingSplitsWordsThatTouch() {
        func glyph(_ c: Unicode.Scalar, _ x: Double) -> Glyph {
            Glyph(scalar: c, box: Rect(left: x, top: 100, right: x + 10, bottom: 110), fontName: "F", fontSize: 10)
        }
        let glyphs = [glyph("甲", 0), glyph("乙", 10), glyph("丙", 20), glyph("丁", 30)]
        let wall = Ruling(orientation: .vertical, start: Point(x: 20, y: 95), end: Point(x: 20, y: 115), thickness: 0.5)
        #expect(TextLayout().words(glyphs: glyphs).map(\.text) == ["甲乙丙丁"])
        #expect(TextLayout().words(glyphs: glyphs, rulings: [wall]).map(\.text) == ["甲乙", "丙丁"])
    }

    @Test func latinWordsSplitAtSpaces() {
        var glyphs: [Glyph] = []
        var x = 0.0
        for c in "ab cd".unicodeScalars {
            if c != " " { glyphs.append(Glyph(scalar: c, box: Rect(left: x, top: 0, right: x + 5, bottom: 10), fontName: "F", fontSize: 10)) }
            x += c == " " ? 3 : 5
        }
        #expect(TextLayout().words(glyphs: glyphs).map(\.text) == ["ab", "cd"])
    }
}
