import ReformLayout
import ReformPDF
import Testing

/// A table set sideways on the page is read as a reader turning the page would read it.
@Suite struct RotatedTableTests {
    /// An upright 2×2 ruled table with Latin words, then turned onto a portrait page.
    static func page(turned direction: TextDirection) -> PageContent {
        let width = 300.0, height = 200.0  // the upright (landscape) page
        var glyphs: [Glyph] = []
        let words = [("Name", 20.0, 20.0), ("Value", 120.0, 20.0), ("alpha", 20.0, 60.0), ("beta", 120.0, 60.0)]
        for (word, x, y) in words {
            for (i, ch) in word.unicodeScalars.enumerated() {
                glyphs.append(Glyph(scalar: ch, box: Rect(left: x + Double(i) * 6, top: y, right: x + Double(i) * 6 + 6, bottom: y + 10),
                                    fontName: "F", fontSize: 10))
            }
        }
        var rulings: [Ruling] = []
        for y in [10.0, 50.0, 90.0] { rulings.append(Ruling(orientation: .horizontal, start: Point(x: 10, y: y), end: Point(x: 210, y: y), thickness: 1)) }
        for x in [10.0, 110.0, 210.0] { rulings.append(Ruling(orientation: .vertical, start: Point(x: x, y: 10), end: Point(x: x, y: 90), thickness: 1)) }
        let upright = PageContent(number: 1, width: width, height: height, rotation: 0, skewDegrees: 0, glyphs: glyphs, rulings: rulings)
        // Turning back from `direction` places the upright page as printed sideways.
        let printed = PageTurn(direction: direction, width: height, height: width)
        var out = upright
        out.width = height
        out.height = width
        out.glyphs = glyphs.map { g in var t = g; t.box = printed.unturn(g.box); return t }
        out.rulings = rulings.map { r in
            Ruling(orientation: r.orientation == .horizontal ? .vertical : .horizontal, start: printed.unturn(r.start), end: printed.unturn(r.end), thickness: 1)
        }
        return out
    }

    @Test(arguments: [TextDirection.topToBottom, .bottomToTop])
    func sidewaysTablesReadUpright(direction: TextDirection) throws {
        let page = Self.page(turned: direction)
        #expect(TextDirection.dominant(page.glyphs) == direction)
        let tables = TableExtractor().tables(in: page)
        let table = try #require(tables.first)
        #expect(table.rows == [["Name", "Value"], ["alpha", "beta"]])
        // Boxes are given back in the page's own coordinates.
        #expect(table.box.width < table.box.height)
    }

    @Test func uprightTextStaysUpright() {
        #expect(TextDirection.dominant(Self.page(turned: .leftToRight).glyphs) == .leftToRight)
    }

    @Test(arguments: [false, true])
    func uprightPageNumberIsNoPartOfASidewaysTable(upsideDown: Bool) throws {
        // The portrait page's own number, set upright (or upside down: it advances right to left).
        var page = Self.page(turned: .topToBottom)
        page.rulings = []
        let digits: [(Unicode.Scalar, Double)] = upsideDown ? [("5", 96), ("4", 90)] : [("5", 90), ("4", 96)]
        page.glyphs += digits.map { Glyph(scalar: $0.0, box: Rect(left: $0.1, top: 150, right: $0.1 + 6, bottom: 160), fontName: "F", fontSize: 10) }
        let tables = TableExtractor().tables(in: page, mode: .stream)
        let table = try #require(tables.first)
        #expect(table.rows == [["Name", "Value"], ["alpha", "beta"]])
    }
}
