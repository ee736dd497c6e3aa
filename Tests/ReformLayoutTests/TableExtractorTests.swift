import Foundation
import ReformLayout
import ReformPDF
import ReformTestSupport
import Testing

@Suite struct TableExtractorTests {
    static func page(_ file: String, _ n: Int = 1) throws -> PageContent {
        PageExtractor().extract(try PDFDocument(path: Fixtures.path(file)).page(n))
    }

    static func squeezed(_ s: String) -> String { s.filter { !$0.isWhitespace } }

    static func close(_ a: Rect, _ b: Rect, within d: Double) -> Bool {
        abs(a.left - b.left) <= d && abs(a.top - b.top) <= d && abs(a.right - b.right) <= d && abs(a.bottom - b.bottom) <= d
    }

    /// Our forms: every truth cell is one table cell with the same text and the same box (spans included).
    @Test(arguments: ["ruled-cjk.pdf", "hairline.pdf", "rotated.pdf", "landscape.pdf", "two-pages.pdf"])
    func bornDigitalFixtureCellsAreExact(file: String) throws {
        for (i, truth) in Fixtures.fixture(file).per_page!.enumerated() {
            let content = try Self.page(file, i + 1)
            let tables = TableExtractor().tables(in: content)
            let cells = tables.flatMap(\.cells)
            for t in truth.cells ?? [] {
                let box = Rect(left: t.x0, top: t.y0, right: t.x1, bottom: t.y1)
                guard let cell = cells.first(where: { Self.close($0.box, box, within: 2) }) else {
                    Issue.record("\(file) p\(i + 1): no cell at \(box.tlbr) for '\(t.text)'")
                    continue
                }
                #expect(Self.squeezed(cell.text) == Self.squeezed(t.text), "\(file) p\(i + 1): '\(t.text)' read as '\(cell.text)'")
                if t.vertical { #expect(cell.isVertical, "\(file) p\(i + 1): '\(t.text)' is not read as vertical") }
            }
        }
    }

    /// The scanned copy of ruled-cjk.pdf: where the OCR layer reads a cell right, the table cell says the same.
    @Test func scannedFixtureCellsMatchWhereTheOCRIsRight() throws {
        let scan = Fixtures.fixture("scanned-look.pdf")
        let truth = Fixtures.fixture("ruled-cjk.pdf").per_page![0].cells!
        let content = try Self.page("scanned-look.pdf")
        let deskew = Deskew(page: content)
        let tables = TableExtractor().tables(in: content)
        let texts = Set(tables.flatMap(\.cells).map { Self.squeezed($0.text) })
        let level = content.glyphs.filter { !$0.isWhitespace }.map(deskew.level)
        var checked = 0
        for t in truth {
            let box = Rect(left: t.x0, top: t.y0, right: t.x1, bottom: t.y1).insetBy(1)
            let ocr = CellText().read(level.filter { box.contains($0.box.center) }).text
            guard Self.squeezed(ocr) == Self.squeezed(t.text), !ocr.isEmpty else { continue }
            checked += 1
            #expect(texts.contains(Self.squeezed(t.text)), "scanned-look.pdf: '\(t.text)' is no table cell")
        }
        #expect(abs(content.skewDegrees - scan.per_page![0].skew_degrees) <= 0.1)
        #expect(checked * 2 >= truth.count, "only \(checked) of \(truth.count) cells read right by the OCR layer")
    }

    // MARK: Stacked rows inside one ruled row

    static func glyphs(_ text: String, x: Double, y: Double, size: Double = 8) -> [Glyph] {
        var out: [Glyph] = []
        var left = x
        for c in text.unicodeScalars {
            if c != " " {
                out.append(Glyph(scalar: c, box: Rect(left: left, top: y, right: left + size * 0.5, bottom: y + size), fontName: "F", fontSize: size))
            }
            left += size * 0.5
        }
        return out
    }

    static func rule(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Ruling {
        Ruling(orientation: y0 == y1 ? .horizontal : .vertical, start: Point(x: x0, y: y0), end: Point(x: x1, y: y1), thickness: 0.5)
    }

    /// A frame with a header rule and two column dividers; `header` lines above the rule, `body` lines below.
    static func ruledBlock(header: [[String]], body: [[String]]) -> PageContent {
        let columns = [100.0, 200, 300, 400]
        var glyphs: [Glyph] = []
        for (i, line) in header.enumerated() {
            for (k, text) in line.enumerated() { glyphs += Self.glyphs(text, x: columns[k] + 4, y: 104 + Double(i) * 11) }
        }
        let headerBottom = 104 + Double(header.count) * 11 + 3
        for (i, line) in body.enumerated() {
            for (k, text) in line.enumerated() { glyphs += Self.glyphs(text, x: columns[k] + 4, y: headerBottom + 4 + Double(i) * 11) }
        }
        let bottom = headerBottom + 4 + Double(body.count) * 11 + 3
        var rulings = [rule(100, 100, 400, 100), rule(100, headerBottom, 400, headerBottom), rule(100, bottom, 400, bottom)]
        rulings += columns.map { rule($0, 100, $0, bottom) }
        return PageContent(number: 1, width: 500, height: 700, rotation: 0, skewDegrees: 0, glyphs: glyphs, rulings: rulings)
    }

    @Test func stackedRowsOfFiguresInOneRuledRowAreSplit() {
        let page = Self.ruledBlock(header: [["Age", "Total", "Share"]],
                                   body: [["Under 1", "3,533", "1.5"], ["1 year", "3,269", "1.4"], ["2 years", "3,223", "1.4"]])
        let tables = TableExtractor().tables(in: page)
        #expect(tables.count == 1)
        #expect(tables.first?.rows == [["Age", "Total", "Share"], ["Under 1", "3,533", "1.5"], ["1 year", "3,269", "1.4"], ["2 years", "3,223", "1.4"]])
    }

    @Test func wrappedHeaderCellsStayWhole() {
        let page = Self.ruledBlock(header: [["Number of", "Share of all", "Turnover per"], ["companies", "companies", "enterprise"]],
                                   body: [["12", "3.5", "1.5"]])
        let tables = TableExtractor().tables(in: page)
        #expect(tables.first?.rows == [["Number of companies", "Share of all companies", "Turnover per enterprise"], ["12", "3.5", "1.5"]])
    }

    @Test func wrappedTextNextToWrappedTextStaysWhole() {
        // CJK numerals are words, not figures: two wrapped goal paragraphs side by side are one row.
        let page = Self.ruledBlock(header: [["目标", "年度目标"]],
                                   body: [["完成面积32万平方米，", "完成面积32万平方米，"], ["达到二级以上标准", "达到二级以上标准"]])
        let tables = TableExtractor().tables(in: page)
        #expect(tables.first?.rowCount == 2)
    }

    @Test func formatControlsAreNoInk() {
        // Bidi embeddings carry boxes of their own; they must not split a word or open a column.
        var glyphs = Self.glyphs("2014", x: 100, y: 100) + Self.glyphs("2013", x: 160, y: 100)
        glyphs.append(Glyph(scalar: "\u{202B}", box: Rect(left: 130, top: 100, right: 134, bottom: 108), fontName: "F", fontSize: 8))
        glyphs += Self.glyphs("12", x: 100, y: 112) + Self.glyphs("13", x: 160, y: 112)
        let page = PageContent(number: 1, width: 500, height: 700, rotation: 0, skewDegrees: 0, glyphs: glyphs, rulings: [])
        let tables = TableExtractor().tables(in: page, mode: .stream)
        #expect(tables.first?.rows == [["2014", "2013"], ["12", "13"]])
    }
}
