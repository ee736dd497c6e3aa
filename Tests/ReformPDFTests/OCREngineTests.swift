import Foundation
import ReformPDF
import ReformTestSupport
import Testing

/// The OCR back-end on small crops committed under Corpus/fixtures/ocr, read by the real tesseract.
@Suite struct OCREngineTests {
    /// A committed PNG crop as a grey picture at 300 dpi, centred on page point (100, 100).
    static func crop(_ name: String) throws -> GrayImage {
        let image = try #require(PNGImage(path: Fixtures.path("ocr/\(name)")))
        let gray = image.pixels.map { p in UInt8(((p >> 16 & 0xFF) * 77 + (p >> 8 & 0xFF) * 150 + (p & 0xFF) * 29) >> 8) }
        return GrayImage(width: image.width, height: image.height, pixels: gray, scale: 300.0 / 72, center: Point(x: 100, y: 100))
    }

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
}
