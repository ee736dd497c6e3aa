import Foundation
import ReformForms
@testable import ReformIngest
import ReformPDF
import ReformTestSupport
import Testing

/// The report pictures each page its forms were read from, with the fields' boxes on it.
@Suite struct BatchReportTests {
    /// A scan fed sideways is read turned: its picture is turned too, so that the boxes (in the
    /// turned page's points) land where they were read.
    @Test func aPageReadTurnedIsPicturedTurned() throws {
        let url = try Fixtures.turnedScan(.clockwise)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = BatchReport.read(url.path, reader: RecordReader(pdf: FormExtractor(workers: 1)), stored: nil)
        #expect(file.failure == nil && file.records.count == 1)
        let page = try #require(file.pages[1])
        let stored = try PDFDocument(path: url.path).page(1).size
        #expect(stored.width > stored.height)
        #expect(page.width == stored.height && page.height == stored.width)
        // the PNG's own size (its header: width and height, big-endian, from byte 16)
        let header = [UInt8](page.png.prefix(24))
        let side = { (at: Int) in header[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        #expect(side(16) == Int((page.width * BatchReport.pageScale).rounded(.up)))
        #expect(side(20) == Int((page.height * BatchReport.pageScale).rounded(.up)))
    }
}
