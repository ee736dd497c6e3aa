import Foundation
@testable import ReformPDF
import CPoppler
import ReformTestSupport
import Testing

@Suite struct RulingDetectionTests {
    /// Distance from a point to the (infinite) line of a ruling.
    static func distance(_ p: Point, to r: Ruling) -> Double {
        let dx = r.end.x - r.start.x, dy = r.end.y - r.start.y
        let len = (dx * dx + dy * dy).squareRoot()
        return abs((p.x - r.start.x) * dy - (p.y - r.start.y) * dx) / len
    }

    /// Whether a detected ruling runs along the truth ruling's whole length, within `tolerance` points.
    static func covers(_ r: Ruling, _ t: Fixtures.RulingTruth, tolerance: Double) -> Bool {
        guard r.orientation.rawValue == t.orientation else { return false }
        let a = Point(x: t.x1, y: t.y1), b = Point(x: t.x2, y: t.y2)
        guard distance(a, to: r) <= tolerance, distance(b, to: r) <= tolerance else { return false }
        let horizontal = t.orientation == "horizontal"
        let lo = horizontal ? min(r.start.x, r.end.x) : min(r.start.y, r.end.y)
        let hi = horizontal ? max(r.start.x, r.end.x) : max(r.start.y, r.end.y)
        let tlo = horizontal ? min(t.x1, t.x2) : min(t.y1, t.y2)
        let thi = horizontal ? max(t.x1, t.x2) : max(t.y1, t.y2)
        return lo <= tlo + tolerance && hi >= thi - tolerance
    }

    /// Whether a detected ruling lies along some truth ruling (is not a glyph stroke or noise).
    static func isReal(_ r: Ruling, truth: [Fixtures.RulingTruth], tolerance: Double) -> Bool {
        truth.contains { t in
            guard r.orientation.rawValue == t.orientation else { return false }
            let line = Ruling(orientation: r.orientation, start: Point(x: t.x1, y: t.y1), end: Point(x: t.x2, y: t.y2), thickness: t.width)
            return distance(r.start, to: line) <= tolerance + t.width && distance(r.end, to: line) <= tolerance + t.width
        }
    }

    static func content(_ file: String, page: Int) throws -> PageContent {
        let document = try PDFDocument(path: Fixtures.path(file))
        return PageExtractor().extract(try document.page(page))
    }

    @Test(arguments: ["ruled-cjk.pdf", "hairline.pdf", "rotated.pdf", "landscape.pdf", "two-pages.pdf", "shaded.pdf", "outlined.pdf", "vector-text.pdf", "no-unicode.pdf", "scanned-look.pdf", "image-only.pdf"])
    func everyDrawnRulingIsFoundWithinOnePoint(file: String) throws {
        let fixture = Fixtures.fixture(file)
        for (i, truth) in fixture.per_page!.enumerated() {
            let content = try Self.content(file, page: i + 1)
            for t in truth.rulings {
                #expect(content.rulings.contains { Self.covers($0, t, tolerance: 1.0) },
                        "\(file) p\(i + 1): missed \(t.orientation) ruling (\(t.x1),\(t.y1))–(\(t.x2),\(t.y2))")
            }
        }
    }

    @Test(arguments: ["ruled-cjk.pdf", "hairline.pdf", "rotated.pdf", "landscape.pdf", "two-pages.pdf", "shaded.pdf", "outlined.pdf", "vector-text.pdf", "no-unicode.pdf", "scanned-look.pdf"])
    func noGlyphStrokeIsReportedAsARuling(file: String) throws {
        let fixture = Fixtures.fixture(file)
        for (i, truth) in fixture.per_page!.enumerated() {
            let content = try Self.content(file, page: i + 1)
            for r in content.rulings {
                #expect(Self.isReal(r, truth: truth.rulings, tolerance: 1.0),
                        "\(file) p\(i + 1): \(r.orientation) ruling (\(r.start.x),\(r.start.y))–(\(r.end.x),\(r.end.y)) is not drawn")
            }
        }
    }

    @Test(arguments: ["hairline.pdf", "ruled-cjk.pdf"])
    func thicknessIsMeasured(file: String) throws {
        let truth = Fixtures.fixture(file).per_page![0].rulings
        let content = try Self.content(file, page: 1)
        for t in truth {
            guard let r = content.rulings.first(where: { Self.covers($0, t, tolerance: 1.0) }) else { continue }
            #expect(abs(r.thickness - max(t.width, 1 / PageExtractor().rulingSettings.renderScale)) <= 1.0)
        }
    }

    @Test func skewOfAScanIsEstimated() throws {
        let truth = Fixtures.fixture("scanned-look.pdf").per_page![0]
        let content = try Self.content("scanned-look.pdf", page: 1)
        #expect(abs(content.skewDegrees - truth.skew_degrees) <= 0.1)
        #expect(try Self.content("ruled-cjk.pdf", page: 1).skewDegrees == 0)
    }

    @Test func rulingDetectionCanBeSkipped() throws {
        let document = try PDFDocument(path: Fixtures.path("ruled-cjk.pdf"))
        let content = PageExtractor(findRulings: false).extract(try document.page(1))
        #expect(content.rulings.isEmpty && content.hasTextLayer)
    }

    /// A row of bold characters whose middle bars line up (H H H H, 2 pt apart) is dark right across
    /// its middle, like a thick line; the characters above and below it tell it from a line, which
    /// has paper on both sides, or text on one.
    @Test func aRowOfBoldTextIsNotARuling() {
        let raster = PageRaster(width: 400, height: 240, scale: 2)
        raster.draw { cr in
            cairo_set_source_rgb(cr, 0, 0, 0)
            // The "characters": 12 pt high, 2.5 pt thick sides, a 3 pt middle bar, 2 pt apart.
            for i in 0..<6 {
                let x = 20 + Double(i) * 14
                cairo_rectangle(cr, x * 2, 20 * 2, 2.5 * 2, 12 * 2)
                cairo_rectangle(cr, (x + 9.5) * 2, 20 * 2, 2.5 * 2, 12 * 2)
                cairo_rectangle(cr, x * 2, 24.5 * 2, 14 * 2, 3 * 2)
            }
            // A line as thick as the bar, with paper around it, and one with text just above it.
            cairo_rectangle(cr, 20 * 2, 60 * 2, 84 * 2, 3 * 2)
            cairo_rectangle(cr, 20 * 2, 90 * 2, 84 * 2, 3 * 2)
            for i in 0..<6 { cairo_rectangle(cr, (22 + Double(i) * 14) * 2, 80 * 2, 9 * 2, 9.5 * 2) }
            cairo_fill(cr)
        }
        let found = RulingScanner().scan(raster, glyphs: [], estimateSkew: false).rulings.filter { $0.orientation == .horizontal }
        #expect(!found.contains { abs($0.position - 26) < 3 }, "\(found)")
        #expect(found.contains { abs($0.position - 61.5) < 1 && $0.length > 80 })
        #expect(found.contains { abs($0.position - 91.5) < 1 && $0.length > 80 })
    }

    /// A small table with a grey header row on a large page: the shading is far less than the page
    /// share that calls for the dark scan, but its band is grey along its middle, so the dark lines
    /// drawn over it are still found (they vanished into the band at the hairline cut-off).
    @Test func linesOverAShadedRowOfASmallTableAreFound() {
        let raster = PageRaster(width: 1200, height: 1700, scale: 2)
        raster.draw { cr in
            cairo_set_source_rgb(cr, 0.62, 0.62, 0.62)
            cairo_rectangle(cr, 40 * 2, 40 * 2, 160 * 2, 12 * 2)
            cairo_fill(cr)
            cairo_set_source_rgb(cr, 0.2, 0.2, 0.2)
            for y in [40.0, 52, 64, 76] { cairo_rectangle(cr, 40 * 2, y * 2, 160 * 2, 0.5 * 2) }
            for x in [40.0, 120, 199.5] { cairo_rectangle(cr, x * 2, 40 * 2, 0.5 * 2, 36.5 * 2) }
            cairo_fill(cr)
        }
        let settings = RulingSettings()
        let histogram = InkMask.thresholded(raster, settings: settings).histogram
        let grey = histogram[Int(settings.darkLuminance)..<Int(settings.inkLuminance)].reduce(0, +)
        #expect(Double(grey) < settings.fillShare * Double(histogram.reduce(0, +)), "the shading is a sliver of the page")
        let found = RulingScanner().scan(raster, glyphs: [], estimateSkew: false).rulings
        let rows = found.filter { $0.orientation == .horizontal }, columns = found.filter { $0.orientation == .vertical }
        for y in [40.25, 52.25, 64.25, 76.25] {
            #expect(rows.contains { abs($0.position - y) < 1 && $0.length > 150 }, "row line at \(y): \(rows)")
        }
        for x in [40.25, 120.25, 199.75] {
            #expect(columns.contains { abs($0.position - x) < 1 && $0.length > 30 }, "column line at \(x): \(columns)")
        }
    }

    /// A dense table whose every other row is shaded 75% grey, ruled with 0.35 pt black hairlines
    /// (filled rectangles, as a spreadsheet exports them), read at 72 dpi: anti-aliased, a hairline
    /// straddling two pixel rows is lighter than the hairline cut-off on paper and than the dark
    /// cut-off on the shading. The contrast scan finds nearly every line (one that falls mostly on
    /// the paper pixel row just above a band differs from the grey by 2 levels, and stays lost); the
    /// shading's own edges (a step from grey to white with no line) are no line.
    static func shadedHairlineTable() -> (raster: PageRaster, rows: [Double], columns: [Double], steps: [Double]) {
        let raster = PageRaster(width: 600, height: 800, scale: 1)
        // Row lines at fractional positions, so that most straddle two pixel rows.
        let rows = (0...24).map { 60.3 + Double($0) * 23.37 }
        let columns = [50.2, 160.7, 330.4, 449.9, 550.6]
        // Grey bands that stop short of the next line: their lower edge is a step with no line on it.
        let steps = stride(from: 0, to: 24, by: 2).map { rows[$0] + 15 }
        raster.draw { cr in
            cairo_set_source_rgb(cr, 0.75, 0.75, 0.75)
            for i in stride(from: 0, to: 24, by: 2) { cairo_rectangle(cr, 50.2, rows[i], 500.4, 15) }
            cairo_fill(cr)
            cairo_set_source_rgb(cr, 0, 0, 0)
            for y in rows { cairo_rectangle(cr, 50.2, y, 500.4, 0.35) }
            for x in columns { cairo_rectangle(cr, x, rows[0], 0.35, rows[24] - rows[0]) }
            cairo_fill(cr)
        }
        return (raster, rows, columns, steps)
    }

    @Test func hairlinesOverDenseShadingAreFoundByContrast() {
        let (raster, rowLines, columnLines, steps) = Self.shadedHairlineTable()
        let found = RulingScanner().scan(raster, glyphs: [], estimateSkew: false).rulings
        let rows = found.filter { $0.orientation == .horizontal }, columns = found.filter { $0.orientation == .vertical }
        let rowsFound = rowLines.filter { y in rows.contains { abs($0.position - y) < 1.5 && $0.length > 480 } }
        let columnsFound = columnLines.filter { x in columns.contains { abs($0.position - x) < 1.5 && $0.length > 500 } }
        #expect(rowsFound.count >= rowLines.count - 2, "rows found: \(rows.map(\.position))")
        #expect(columnsFound.count >= columnLines.count - 1, "columns found: \(columns.map(\.position))")
        #expect(rows.allSatisfy { r in rowLines.contains { abs($0 - r.position) < 1.5 } }, "only real lines: \(rows.map(\.position))")
        for y in steps {
            #expect(!rows.contains { abs($0.position - y) < 1.5 }, "the shading's edge at \(y) is no line")
        }
        // Without the contrast scan (no pixel differs by 256 levels) most of these lines are lost.
        var blind = RulingSettings()
        blind.contrastDelta = 255
        let plain = RulingScanner(settings: blind).scan(raster, glyphs: [], estimateSkew: false).rulings.filter { $0.orientation == .horizontal }
        #expect(rowLines.filter { y in plain.contains { abs($0.position - y) < 1.5 && $0.length > 480 } }.count < rowLines.count / 2)
    }

    /// The contrast mask marks a thin line darker than both sides, on paper or on a fill, and not a
    /// step from one fill to another or the inside of a wide fill.
    @Test func theContrastMaskMarksThinLinesNotSteps() {
        let raster = PageRaster(width: 40, height: 40, scale: 1)
        raster.draw { cr in
            cairo_set_source_rgb(cr, 0.6, 0.6, 0.6)
            cairo_rectangle(cr, 0, 20, 40, 20)   // a grey fill from row 20 down: its top edge is a step
            cairo_fill(cr)
            cairo_set_source_rgb(cr, 0, 0, 0)
            cairo_rectangle(cr, 0, 8, 40, 1)     // a line on paper, row 8
            cairo_rectangle(cr, 0, 30, 40, 1)    // a line on the fill, row 30
            cairo_fill(cr)
        }
        let (rows, columns) = InkMask.contrast(raster, reach: 2, delta: 24)
        let marked = (0..<40).filter { y in (0..<40).allSatisfy { rows.plane.isInk(x: $0, y: y) } }
        #expect(marked == [8, 30])
        #expect(!(0..<40).contains { y in (0..<40).contains { columns.plane.isInk(x: $0, y: y) } }, "no line runs down")
    }

    /// The contrast mask's sixteen-pixel loop marks what the rule says, pixel by pixel: checked
    /// against a plain loop on a page of grey boxes and lines whose width is no multiple of 16.
    @Test func theContrastMaskAgreesWithAPlainLoop() {
        let w = 53, h = 37, reach = 2, delta = 24
        let raster = PageRaster(width: w, height: h, scale: 1)
        var seed: UInt64 = 12345
        func next() -> Double { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Double(seed >> 11) / Double(1 << 53) }
        raster.draw { cr in
            for _ in 0..<40 {
                let grey = next()
                cairo_set_source_rgb(cr, grey, grey, grey)
                let horizontal = next() < 0.5, thin = 0.3 + next() * 1.5, long = 5 + next() * 40
                cairo_rectangle(cr, next() * Double(w), next() * Double(h), horizontal ? long : thin, horizontal ? thin : long)
                cairo_fill(cr)
            }
        }
        let l = raster.luminance().map(Int.init)
        let (rows, columns) = InkMask.contrast(raster, reach: reach, delta: delta)
        var marked = 0
        for y in 0..<h {
            for x in 0..<w {
                let v = l[y * w + x]
                let across = y >= reach && y + reach < h && v + delta <= l[(y - reach) * w + x] && v + delta <= l[(y + reach) * w + x]
                let along = x >= reach && x + reach < w && v + delta <= l[y * w + x - reach] && v + delta <= l[y * w + x + reach]
                #expect(rows.plane.isInk(x: x, y: y) == across, "rows at \(x), \(y)")
                #expect(columns.plane.isInk(x: x, y: y) == along, "columns at \(x), \(y)")
                if across || along { marked += 1 }
            }
        }
        #expect(marked > 50, "the page has lines to mark")
    }

    /// A row line under a cell's words: poppler's glyph boxes of a dense table reach the rule. Where
    /// the text was drawn, its ink may have carried a line on through the words, and a run of text at
    /// a line's end cuts it back to the border past the text; where the render left the text out
    /// (the ruling render), the line is the page's own and stays whole.
    @Test func aLineUnderWordsIsCutBackOnlyWhereTheTextWasDrawn() {
        func scanned(textDrawn: Bool) -> [Ruling] {
            let raster = PageRaster(width: 300, height: 100, scale: 1)
            raster.draw { cr in
                cairo_set_source_rgb(cr, 0, 0, 0)
                cairo_rectangle(cr, 20, 60, 260, 1)      // the row line, y 60.5
                for x in [20.0, 120, 279] { cairo_rectangle(cr, x, 20, 1, 70) }   // borders
                cairo_fill(cr)
            }
            raster.textDrawn = textDrawn
            // Words from the line's start (x 20) to 68 whose boxes reach down over the line.
            let words = (0..<8).map { i in
                Glyph(scalar: "A", box: Rect(left: 20 + Double(i) * 6, top: 50, right: 26 + Double(i) * 6, bottom: 61), fontName: "F", fontSize: 10)
            }
            return RulingScanner().scan(raster, glyphs: words, estimateSkew: false).rulings.filter { $0.orientation == .horizontal }
        }
        let left = { (rows: [Ruling]) in rows.first { abs($0.position - 60.5) < 1 }?.extent.lo }
        #expect(left(scanned(textDrawn: true)).map { abs($0 - 120.5) < 1.5 } == true, "cut back to the border past the words")
        #expect(left(scanned(textDrawn: false)).map { abs($0 - 20) < 1.5 } == true, "whole")
    }

    /// A scan's line breaks for a little more than a hairline's gap (where a slanted line steps rows,
    /// or its ink fades): its two long pieces are one line, which meets the frame at both ends.
    @Test func aLongLineBrokenByAShortGapIsOneLine() {
        let raster = PageRaster(width: 400, height: 240, scale: 2)
        raster.draw { cr in
            cairo_set_source_rgb(cr, 0, 0, 0)
            cairo_rectangle(cr, 20 * 2, 20 * 2, 1 * 2, 80 * 2)
            cairo_rectangle(cr, 180 * 2, 20 * 2, 1 * 2, 80 * 2)
            cairo_rectangle(cr, 20 * 2, 20 * 2, 161 * 2, 1 * 2)
            cairo_rectangle(cr, 20 * 2, 99 * 2, 161 * 2, 1 * 2)
            // the broken line: 2.5 pt of paper at x = 100
            cairo_rectangle(cr, 20 * 2, 60 * 2, 80 * 2, 1 * 2)
            cairo_rectangle(cr, 102.5 * 2, 60 * 2, 78.5 * 2, 1 * 2)
            cairo_fill(cr)
        }
        let found = RulingScanner().scan(raster, glyphs: [], estimateSkew: false).rulings.filter { $0.orientation == .horizontal }
        #expect(found.contains { abs($0.position - 60.5) < 1 && $0.length > 155 }, "\(found)")
    }
    /// A table cut by a page break with no border drawn along the cut (a browser prints a row split
    /// across pages so): its separators are stubs from the first rule below the cut up to the cut.
    @Test func separatorsStoppingTogetherAtACutAreKept() {
        let rule = Ruling(orientation: .horizontal, start: Point(x: 42, y: 55), end: Point(x: 553, y: 55), thickness: 2)
        let stubs = [43.0, 70, 140, 449, 552].map { x in
            Ruling(orientation: .vertical, start: Point(x: x, y: 34), end: Point(x: x, y: 55), thickness: 1)
        }
        let scanner = RulingScanner()
        #expect(scanner.keepConnected([rule] + stubs, keepingCutStubs: true).count == 6)
        // not asked (a scan: a row of characters touching a line ends together too)
        #expect(scanner.keepConnected([rule] + stubs, keepingCutStubs: false) == [rule])
        // two stubs are no cut table
        #expect(scanner.keepConnected([rule] + stubs.prefix(2), keepingCutStubs: true) == [rule])
        // stubs whose free ends do not line up are strokes, not a cut
        let ragged = stubs.enumerated().map { i, r in
            Ruling(orientation: .vertical, start: Point(x: r.start.x, y: 34 + Double(i) * 4), end: r.end, thickness: 1)
        }
        #expect(scanner.keepConnected([rule] + ragged, keepingCutStubs: true) == [rule])
        // the cut under a row: one separator short, the table's long lines stopping at the cut with it
        let top = Ruling(orientation: .horizontal, start: Point(x: 34, y: 761), end: Point(x: 561, y: 761), thickness: 2)
        let long = [385.0, 468, 560.5].map { x in Ruling(orientation: .vertical, start: Point(x: x, y: 687), end: Point(x: x, y: 788), thickness: 2) }
        let separator = Ruling(orientation: .vertical, start: Point(x: 186, y: 761), end: Point(x: 186, y: 788), thickness: 1)
        #expect(scanner.keepConnected([top] + long + [separator], keepingCutStubs: true).contains(separator))
        #expect(!scanner.keepConnected([top] + long + [separator], keepingCutStubs: false).contains(separator))
    }
}


@Suite struct GlyphRunTrimTests {
    /// A row line that ink of the text beside it (wider outlines than boxes) joined up with: it
    /// started at x 154 inside the words, the cell border it really starts from is at x 216.
    static let row = Ruling(orientation: .horizontal, start: Point(x: 154, y: 586.6), end: Point(x: 537, y: 586.6), thickness: 1)
    static let border = Ruling(orientation: .vertical, start: Point(x: 216, y: 564.5), end: Point(x: 216, y: 628.5), thickness: 1)
    static func text(_ characters: String, left: Double) -> [Glyph] {
        characters.unicodeScalars.enumerated().map { i, s in
            Glyph(scalar: s, box: Rect(left: left + Double(i) * 9, top: 583.3, right: left + Double(i + 1) * 9, bottom: 597), fontName: "F", fontSize: 10.5)
        }
    }

    @Test func aLineRunningOnThroughTextIsCutBackToTheBorder() {
        let kept = RulingScanner().dropGlyphStrokes([Self.row, Self.border], glyphs: Self.text("服务对象满意度", left: 141.6))
        let row = kept.first { $0.orientation == .horizontal }
        #expect(row?.start.x == 216 && row?.end.x == 537 && row?.start.y == 586.6)
        #expect(kept.contains(Self.border))
    }

    @Test func textMerelyTouchingALineLeavesItWhole() {
        let glyphs = Self.text("服务对象满意度", left: 141.6)
        // no border across the line past the text
        #expect(RulingScanner().dropGlyphStrokes([Self.row], glyphs: glyphs) == [Self.row])
        // one character is not a run of text
        #expect(RulingScanner().dropGlyphStrokes([Self.row, Self.border], glyphs: Self.text("服", left: 150)).contains(Self.row))
        // boxes of an OCR layer are estimates: nothing is cut by them
        #expect(RulingScanner().dropGlyphStrokes([Self.row, Self.border], glyphs: glyphs, trimmingRuns: false).contains(Self.row))
    }
}
