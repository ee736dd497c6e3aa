import Foundation
@testable import ReformLayout
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
    @Test(arguments: ["ruled-cjk.pdf", "hairline.pdf", "rotated.pdf", "landscape.pdf", "two-pages.pdf", "shaded.pdf", "outlined.pdf"])
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

    /// A table ruled only under its title and under its header, over seven lines, two of them
    /// captions across the figures (so the band is no plain stack of figure rows): the rules are
    /// few enough on average (9 lines, 3 bands) but one band holds seven lines, so the rows are the
    /// text lines, not the ruled bands (ICDAR us-019, table 4, read as three rows before).
    @Test func aHeaderRuledOffAboveManyLinesIsNoRuledRowTable() {
        var glyphs = Self.glyphs("Lead time", x: 300, y: 104)
        glyphs += Self.glyphs("Source", x: 100, y: 120) + Self.glyphs("1", x: 250, y: 120) + Self.glyphs("2", x: 350, y: 120)
        let body: [[String]] = [["Difference between actual and projected"]]
            + (0..<4).map { i in ["Projection \(2017 + i)", "0.\(i + 1)", "1.\(i + 2)"] }
            + [["Mean absolute percentage error"], ["Example", "0.5", "1.3"]]
        for (i, line) in body.enumerated() {
            let y = 140 + Double(i) * 11
            if line.count == 1 { glyphs += Self.glyphs(line[0], x: 230, y: y); continue }
            glyphs += Self.glyphs(line[0], x: 100, y: y) + Self.glyphs(line[1], x: 250, y: y) + Self.glyphs(line[2], x: 350, y: y)
        }
        let rulings = [Self.rule(100, 100, 400, 100), Self.rule(200, 115, 400, 115), Self.rule(100, 132, 400, 132), Self.rule(100, 220, 400, 220)]
        let page = PageContent(number: 1, width: 500, height: 700, rotation: 0, skewDegrees: 0, glyphs: glyphs, rulings: rulings)
        let tables = TableExtractor().tables(in: page)
        #expect(tables.count == 1)
        #expect(tables.first?.rowCount == 9, "\(tables.first?.rows ?? [])")
        #expect(tables.first?.rows.suffix(7).map { $0.filter { !$0.isEmpty }.joined(separator: " ") } == body.map { $0.joined(separator: " ") })
    }

    /// Cells drawn apart, each with its own border (HTML's `border-collapse: separate`, a spacing of
    /// 2 px): every boundary is a double rule 3 points apart, which bounds no sliver row or column.
    @Test func doubleRulesOfCellsDrawnApartAreOneBoundary() {
        let columns = [(100.0, 180.0), (183.0, 300.0), (303.0, 400.0)], rows = [(100.0, 120.0), (123.0, 143.0)]
        var rulings: [Ruling] = [], glyphs: [Glyph] = []
        let texts = [["项目名称", "重点污染源监督性监测", ""], ["主管部门", "宁波市水务局", "实施单位"]]
        for (r, (top, bottom)) in rows.enumerated() {
            for (c, (left, right)) in columns.enumerated() {
                rulings += [Self.rule(left, top, right, top), Self.rule(left, bottom, right, bottom),
                            Self.rule(left, top, left, bottom), Self.rule(right, top, right, bottom)]
                glyphs += Self.glyphs(texts[r][c], x: left + 4, y: top + 6)
            }
        }
        let page = PageContent(number: 1, width: 500, height: 700, rotation: 0, skewDegrees: 0, glyphs: glyphs, rulings: rulings)
        let tables = TableExtractor().tables(in: page, mode: .lattice)
        #expect(tables.count == 1)
        #expect(tables.first?.rowCount == 2 && tables.first?.columnCount == 3, "\(tables.first?.rows ?? [])")
        #expect(tables.first?.rows == texts)
        // a short line beside a long one is no double rule: the slot between them stays
        let short = LineSegment.doublesJoined([LineSegment(orientation: .vertical, position: 180, low: 100, high: 143),
                                               LineSegment(orientation: .vertical, position: 183, low: 100, high: 110)],
                                              settings: TableSettings())
        #expect(short.map(\.position) == [180, 183])
    }

    @Test func stackedRowsOfFiguresInOneRuledRowAreSplit() {
        let page = Self.ruledBlock(header: [["Age", "Total", "Share"]],
                                   body: [["Under 1", "3,533", "1.5"], ["1 year", "3,269", "1.4"], ["2 years", "3,223", "1.4"]])
        let tables = TableExtractor().tables(in: page)
        #expect(tables.count == 1)
        #expect(tables.first?.rows == [["Age", "Total", "Share"], ["Under 1", "3,533", "1.5"], ["1 year", "3,269", "1.4"], ["2 years", "3,223", "1.4"]])
    }

    /// A scan's layer read again from the picture: the cells are the ruled ones, whatever its words say.
    @Test func cellsAreTheRuledOnesWhenTextDoesNotSplit() {
        let page = Self.ruledBlock(header: [["Age", "Total", "Share"]],
                                   body: [["Under 1", "3,533", "1.5"], ["1 year", "3,269", "1.4"], ["2 years", "3,223", "1.4"]])
        var extractor = TableExtractor()
        extractor.settings.splitsByText = false
        let tables = extractor.tables(in: page, mode: .lattice)
        #expect(tables.first?.rowCount == 2)
        #expect(tables.first?.rows.last?.first?.hasPrefix("Under 1") == true)
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

    // MARK: Stream columns

    /// Glyphs of `words` set from `x` with word spaces of a quarter em, as Latin text is set.
    static func phrase(_ words: [String], x: Double, y: Double, size: Double = 8) -> [Glyph] {
        var out: [Glyph] = []
        var left = x
        for w in words {
            out += glyphs(w, x: left, y: y, size: size)
            left += Double(w.count) * size * 0.5 + size * 0.25
        }
        return out
    }

    @Test func aHeaderAcrossColumnsStaysWholeWhereItStarts() {
        // "Inadequate housing" runs over the boundary between the no. and (%) columns.
        var glyphs = Self.phrase(["Inadequate", "housing"], x: 150, y: 100)
        for (i, row) in [("Male", "2,862", "(4.7)"), ("Female", "2,909", "(5.9)")].enumerated() {
            let y = 111 + Double(i) * 11
            glyphs += Self.glyphs(row.0, x: 100, y: y) + Self.glyphs(row.1, x: 150, y: y) + Self.glyphs(row.2, x: 190, y: y)
        }
        let page = PageContent(number: 1, width: 500, height: 700, rotation: 0, skewDegrees: 0, glyphs: glyphs, rulings: [])
        let tables = TableExtractor().tables(in: page, mode: .stream)
        #expect(tables.first?.rows == [["", "Inadequate housing", ""], ["Male", "2,862", "(4.7)"], ["Female", "2,909", "(5.9)"]])
    }

    @Test func figuresCloserThanAnEmAreSeparateColumns() {
        // Right-aligned figures leave only ~0.7 em between neighbouring columns.
        var glyphs: [Glyph] = []
        let rows = [(["New", "York"], "39,385", "181.2"), (["Ohio"], "9,820", "154.0"), (["Rhode", "Island"], "2,187", "162.4")]
        for (i, row) in rows.enumerated() {
            let y = 100 + Double(i) * 11
            glyphs += Self.phrase(row.0, x: 100, y: y)
            let figure = Self.glyphs(row.1, x: 200 - Double(row.1.count) * 4, y: y)
            glyphs += figure + Self.glyphs(row.2, x: 205.6, y: y)
        }
        let page = PageContent(number: 1, width: 500, height: 700, rotation: 0, skewDegrees: 0, glyphs: glyphs, rulings: [])
        let tables = TableExtractor().tables(in: page, mode: .stream)
        #expect(tables.first?.rows == [["New York", "39,385", "181.2"], ["Ohio", "9,820", "154.0"], ["Rhode Island", "2,187", "162.4"]])
    }

    // MARK: Column dividers in the header only

    /// Header cells divided by vertical rules; body rows ruled wall to wall with no dividers.
    static func headerDividedBlock(header: [String], body: [[String]]) -> PageContent {
        let columns = [100.0, 200, 300, 400]
        var glyphs: [Glyph] = []
        for (k, text) in header.enumerated() { glyphs += Self.glyphs(text, x: columns[k] + 4, y: 104) }
        var rulings = [rule(100, 100, 400, 100), rule(100, 115, 400, 115)]
        rulings += columns.map { rule($0, 100, $0, 115) }
        for (i, line) in body.enumerated() {
            let top = 115 + Double(i) * 14
            for (k, text) in line.enumerated() { glyphs += Self.glyphs(text, x: columns[k] + 4, y: top + 3) }
            rulings.append(rule(100, top + 14, 400, top + 14))
        }
        let bottom = 115 + Double(body.count) * 14
        rulings += [rule(100, 100, 100, bottom), rule(400, 100, 400, bottom)]
        return PageContent(number: 1, width: 500, height: 700, rotation: 0, skewDegrees: 0, glyphs: glyphs, rulings: rulings)
    }

    @Test func bodyRowsTakeTheColumnsOfTheDividedHeader() {
        let page = Self.headerDividedBlock(header: ["Country", "Domestic", "Total"], body: [["Austria", "86.2", "3,375"], ["Belgium", "0", "3,973"]])
        let tables = TableExtractor().tables(in: page)
        #expect(tables.first?.rows == [["Country", "Domestic", "Total"], ["Austria", "86.2", "3,375"], ["Belgium", "0", "3,973"]])
    }

    @Test func aTitleOverDividedColumnsKeepsItsSpan() {
        let page = Self.headerDividedBlock(header: ["Country", "Domestic", "Total"], body: [["", "All reporting countries", ""], ["Austria", "86.2", "3,375"]])
        let tables = TableExtractor().tables(in: page)
        #expect(tables.first?.cells.first { $0.text == "All reporting countries" }?.columnSpan == 3)
    }

    // MARK: Columns and rows of text inside one ruled column

    @Test func twoColumnsOfFiguresInOneRuledColumnAreSplit() {
        // Dividers around each group only: "White" holds a male and a female column of figures.
        var glyphs = Self.glyphs("Age", x: 104, y: 104) + Self.glyphs("White", x: 204, y: 104)
        let body = [("1-2", "2,586", "2,568"), ("3-5", "3,867", "3,576"), ("6-11", "7,808", "7,401")]
        for (i, row) in body.enumerated() {
            let y = 122 + Double(i) * 11
            glyphs += Self.glyphs(row.0, x: 104, y: y) + Self.glyphs(row.1, x: 204, y: y) + Self.glyphs(row.2, x: 250, y: y)
        }
        let rulings = [Self.rule(100, 100, 300, 100), Self.rule(100, 118, 300, 118), Self.rule(100, 157, 300, 157)]
            + [100.0, 200, 300].map { Self.rule($0, 100, $0, 157) }
        let page = PageContent(number: 1, width: 500, height: 700, rotation: 0, skewDegrees: 0, glyphs: glyphs, rulings: rulings)
        let tables = TableExtractor().tables(in: page)
        #expect(tables.first?.rows == [["Age", "White", ""], ["1-2", "2,586", "2,568"], ["3-5", "3,867", "3,576"], ["6-11", "7,808", "7,401"]])
    }

    @Test func aMonospacedWordSpaceIsNoColumnGap() {
        // "40 years" in monospaced type: the 0.6 em space is as wide as the gap between figures.
        var glyphs = Self.glyphs("Age", x: 104, y: 104) + Self.glyphs("Total", x: 160, y: 104)
        for (i, n) in ["40", "41", "42"].enumerated() {
            let y = 122 + Double(i) * 11
            glyphs += Self.glyphs(n, x: 104, y: y) + Self.glyphs("years", x: 116.8, y: y) + Self.glyphs("2,46" + n.suffix(1), x: 160, y: y)
        }
        let rulings = [Self.rule(100, 100, 200, 100), Self.rule(100, 118, 200, 118), Self.rule(100, 157, 200, 157)]
            + [100.0, 200].map { Self.rule($0, 100, $0, 157) }
        let page = PageContent(number: 1, width: 500, height: 700, rotation: 0, skewDegrees: 0, glyphs: glyphs, rulings: rulings)
        let tables = TableExtractor().tables(in: page, mode: .lattice)
        #expect(tables.first?.rows == [["Age", "Total"], ["40 years", "2,460"], ["41 years", "2,461"], ["42 years", "2,462"]])
    }

    @Test func stackedRowsTiedByASpanningCellAreSplit() {
        // The right column rules off its total; the left one runs on to the bottom rule.
        var glyphs = Self.glyphs("Age", x: 104, y: 104) + Self.glyphs("Age", x: 204, y: 104)
        let body = [("1 year", "81 years"), ("2 years", "82 years"), ("3 years", "Total")]
        for (i, row) in body.enumerated() {
            let y = 122 + Double(i) * 11
            glyphs += Self.glyphs(row.0, x: 104, y: y) + Self.glyphs(row.1, x: 204, y: y)
            glyphs += Self.glyphs(String(i + 1) + ",500", x: 160, y: y) + Self.glyphs(String(i + 4) + ",100", x: 260, y: y)
        }
        let rulings = [Self.rule(100, 100, 300, 100), Self.rule(100, 118, 300, 118), Self.rule(200, 142, 300, 142), Self.rule(100, 157, 300, 157)]
            + [100.0, 200, 300].map { Self.rule($0, 100, $0, 157) }
        let page = PageContent(number: 1, width: 500, height: 700, rotation: 0, skewDegrees: 0, glyphs: glyphs, rulings: rulings)
        let tables = TableExtractor().tables(in: page)
        #expect(tables.first?.rows.count == 4)
        #expect(tables.first?.rows.last == ["3 years", "3,500", "Total", "6,100"])
    }

    @Test func ruledBandOfFigureRowsIsSplitInStream() {
        // Rules under each header line and at the bottom, no dividers: the body band holds three rows.
        var glyphs = Self.glyphs("Women", x: 160, y: 104)
        glyphs += Self.glyphs("Age", x: 100, y: 117) + Self.glyphs("no.", x: 160, y: 117) + Self.glyphs("Rate", x: 220, y: 117)
        let body = [("45-54", "263", "11.8"), ("55-64", "368", "27.8"), ("65-74", "584", "76.9")]
        for (i, row) in body.enumerated() {
            let y = 131 + Double(i) * 11
            glyphs += Self.glyphs(row.0, x: 100, y: y) + Self.glyphs(row.1, x: 160, y: y) + Self.glyphs(row.2, x: 220, y: y)
        }
        let rulings = [Self.rule(96, 100, 260, 100), Self.rule(96, 114, 260, 114), Self.rule(96, 127, 260, 127), Self.rule(96, 166, 260, 166)]
        let page = PageContent(number: 1, width: 500, height: 700, rotation: 0, skewDegrees: 0, glyphs: glyphs, rulings: rulings)
        let tables = TableExtractor().tables(in: page, area: Rect(left: 90, top: 95, right: 270, bottom: 170))
        #expect(tables.first?.rows == [["", "Women", ""], ["Age", "no.", "Rate"], ["45-54", "263", "11.8"], ["55-64", "368", "27.8"], ["65-74", "584", "76.9"]])
    }
}
