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
}
