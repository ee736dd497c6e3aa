import Foundation
import ReformPDF
import ReformTestSupport
import Testing

/// The OCR back-end on small crops committed under Corpus/fixtures/ocr, read by the real tesseract.
@Suite struct OCREngineTests {
    static func crop(_ name: String) throws -> GrayImage { try #require(Fixtures.ocrCrop(name)) }

    @Test func readsOneLineOfChinese() throws {
        let engine = try OCREngine()
        let reading = engine.read(try Self.crop("line-songti.png"), layout: .line)
        #expect(reading.text == "北京市体育局")
        #expect(reading.confidence > 0.8)
    }

    @Test func readsCropsOneAfterAnother() throws {
        let engine = try OCREngine(words: ["项目名称", "主管部门"])
        #expect(engine.read(try Self.crop("line-heiti.png"), layout: .line).text == "城市公园绿化养护经费")
        #expect(engine.read(try Self.crop("line-songti.png"), layout: .line).text == "北京市体育局")
        let block = engine.read(try Self.crop("block-two-lines.png"), layout: .block)
        #expect(block.lines.map(\.text) == ["北京市体育局体育训", "练中心"])
        #expect(block.text == "北京市体育局体育训练中心")
    }

    /// The legacy classifier's adaptive templates, which the LSTM recognizer never consults, are
    /// built empty (CTesseractTemplates): an engine starts so and reads as before, crop after crop
    /// (tesseract builds them again between pages).
    @Test func theUnusedTemplatesAreBuiltEmpty() throws {
        let before = OCREngine.emptiedTemplates
        let engine = try OCREngine()
        #expect(OCREngine.emptiedTemplates > before, "the engine's templates came from the executable's constructor")
        #expect(engine.read(try Self.crop("line-songti.png"), layout: .line).text == "北京市体育局")
        #expect(engine.read(try Self.crop("line-heiti.png"), layout: .line).text == "城市公园绿化养护经费")
    }

    /// tesseract's universal ambiguity table, which only the legacy recognizer consults, is not
    /// loaded (CTesseractTemplates): an engine of one language and one of two start without it and
    /// read as before.
    @Test func theUniversalAmbiguitiesAreNotLoaded() throws {
        let before = OCREngine.skippedUniversalAmbigs
        let engine = try OCREngine()
        #expect(OCREngine.skippedUniversalAmbigs > before, "the engine started without the table")
        #expect(engine.read(try Self.crop("line-songti.png"), layout: .line).text == "北京市体育局")
        let mixed = OCREngine.skippedUniversalAmbigs
        let numbers = try OCREngine(languages: "chi_sim+eng")
        #expect(OCREngine.skippedUniversalAmbigs >= mixed + 2, "both languages of the engine started without it")
        #expect(numbers.read(try Self.crop("line-heiti.png"), layout: .line).text == "城市公园绿化养护经费")
    }

    /// Two lines set so close that they touch: tesseract's line finding runs them together (it reads
    /// nothing, or garbage); the rows part them, and each line reads on its own.
    @Test func touchingLinesArePartedByTheirRows() throws {
        let block = try Self.crop("block-touching-lines.png")
        let bands = block.lineBands(threshold: 140)
        #expect(bands.count == 2)
        let engine = try OCREngine()
        let lines = bands.map { engine.read(block.rows($0, margin: 12), layout: .rawLine).text }
        #expect(lines == ["服务对象满意", "度指标"])
    }

    /// A box that cuts a line of text grows over the rest of it, across the rule it crosses.
    @Test func aCutLineGrowsBackToItsInk() throws {
        let block = try Self.crop("block-touching-lines.png")
        let bands = block.lineBands(threshold: 140)
        let first = try #require(bands.first), last = try #require(bands.last)
        let middle = (first.lowerBound + first.upperBound) / 2
        let grown = block.grown(rows: middle, last.upperBound, threshold: 140)
        // All of both lines, none of the white margin.
        #expect(grown.height >= last.upperBound - first.lowerBound + 1)
        #expect(grown.height < block.height - 12)
    }

    /// A tall spanning cell (a level term six rows high) holds one short word: its ink is judged
    /// against a line's height, not the whole cell, or the word would be taken for specks.
    @Test func aShortWordInATallCellIsInk() {
        let scale = 300.0 / 72, width = 400, height = 460
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 220..<235 { for x in 150..<190 { pixels[y * width + x] = 20 } }
        let cell = GrayImage(width: width, height: height, pixels: pixels, scale: scale, center: Point(x: 100, y: 100))
        #expect(cell.inkBounds(threshold: 140, minimumShare: 0.004) != nil)
        var dots = [UInt8](repeating: 255, count: width * height)
        for i in 0..<10 { for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] { dots[(40 + i * 40 + dy) * width + 30 + i * 35 + dx] = 20 } }
        let specks = GrayImage(width: width, height: height, pixels: dots, scale: scale, center: Point(x: 100, y: 100))
        #expect(specks.inkBounds(threshold: 140, minimumShare: 0.004) == nil)
    }

    /// A chevron drawn as two strokes, with or without a slanted bar parallel to its lower arm.
    static func chevron(withBar: Bool) -> GrayImage {
        let width = 60, height = 70
        var pixels = [UInt8](repeating: 255, count: width * height)
        func stroke(from a: (Double, Double), to b: (Double, Double)) {
            for i in 0...200 {
                let t = Double(i) / 200, x = a.0 + (b.0 - a.0) * t, y = a.1 + (b.1 - a.1) * t
                for dy in -1...1 { for dx in -1...1 { pixels[(Int(y) + dy) * width + Int(x) + dx] = 30 } }
            }
        }
        stroke(from: (10, 10), to: (40, 30))
        stroke(from: (40, 30), to: (10, 50))
        if withBar { stroke(from: (44, 36), to: (14, 56)) }
        return GrayImage(width: width, height: height, pixels: pixels, scale: 4, center: Point(x: 0, y: 0))
    }

    /// `⩾` read as `>`: the bar under a slanted sign runs beside its lower arm, not flat under it.
    @Test func aSlantedBarIsToldFromAPlainChevron() {
        let slanted = Self.chevron(withBar: true), plain = Self.chevron(withBar: false)
        let slantedHasBar = slanted.firstMarkHasSlantedBar(threshold: 200)
        let plainHasBar = plain.firstMarkHasSlantedBar(threshold: 200), plainStands = plain.firstMarkStandsOnBar(threshold: 200)
        #expect(slantedHasBar)
        #expect(!plainHasBar && !plainStands)
    }

    /// Light grey print: at the cut for black text its line falls apart; the cut follows its ink.
    @Test func greyPrintIsCutAtItsOwnLevel() throws {
        let grey = try Self.crop("target-ge-grey.png")
        #expect(grey.lineBands(threshold: 140).count > 1)
        let cut = grey.lineThreshold(atLeast: 140)
        #expect(cut > 140)
        #expect(grey.lineBands(threshold: cut).count == 1)
        // Black print keeps its cut.
        let black = try Self.crop("line-songti.png")
        #expect(black.lineThreshold(atLeast: 140) == 140)
    }

    /// `⩾` drawn wide, its lower arm and bar reaching back past its top: the upper arm still points right.
    @Test func aWideSlantedSignPointsRight() throws {
        #expect(try Self.crop("target-ge-wide.png").firstMarkDirection(threshold: 200) == 1)
        #expect(try Self.crop("target-le-thin.png").firstMarkDirection(threshold: 200) == -1)
        #expect(try Self.crop("target-eq-bars.png").firstMarkDirection(threshold: 200) == 0)
    }
}

