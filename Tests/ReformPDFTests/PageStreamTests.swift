import Foundation
import ReformPDF
import ReformTestSupport
import Testing

@Suite struct PageStreamTests {
    /// A document of `count` pages, page n showing "Pn".
    static func numberedPages(_ count: Int) throws -> PDFDocument {
        var pdf = MinimalPDF()
        let font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        let pages = (1...count).map { n in
            pdf.addPage(content: "BT /F1 24 Tf 72 700 Td (P\(n)) Tj ET", fonts: ["F1": font])
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("page-stream-\(UUID().uuidString).pdf")
        try pdf.data(pages: pages).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try PDFDocument(path: url.path)
    }

    static func text(_ page: PDFPage) -> String {
        String(scalars: page.glyphs().filter { !$0.isWhitespace }.map(\.scalar))
    }

    @Test(arguments: [1, 2, 3])
    func pagesComeBackInOrderWithTheirOwnText(workers: Int) throws {
        let document = try Self.numberedPages(12)
        var seen: [(Int, String)] = []
        try PageStream(workers: workers, window: 3).run(document, pages: Array(1...12), read: { page in
            (page.number, Self.text(page))
        }) { n, read in seen.append((n, read.1)); #expect(read.0 == n) }
        #expect(seen.map(\.0) == Array(1...12))
        #expect(seen.map(\.1) == (1...12).map { "P\($0)" })
    }

    @Test func lanesReadNoMoreThanAWindowAheadOfTheConsumer() throws {
        let document = try Self.numberedPages(16)
        let tally = Tally()
        try PageStream(workers: 2, window: 3).run(document, pages: Array(1...16), read: { page in
            tally.started()
            return page.number
        }) { _, _ in
            Thread.sleep(forTimeInterval: 0.005)  // a slow consumer: the lanes must wait for it
            tally.consumed()
        }
        // the window counts the pages read ahead of the one the consumer holds: one more may be
        // counted while that one is still being consumed; and the lanes did run ahead of it
        #expect(tally.mostAhead <= 3 + 1)
        #expect(tally.mostAhead >= 3)
        #expect(tally.reads == 16)
    }

    @Test func aConsumerThatThrowsStopsTheLanes() throws {
        struct Stop: Error {}
        let document = try Self.numberedPages(40)
        let tally = Tally()
        #expect(throws: Stop.self) {
            try PageStream(workers: 2, window: 4).run(document, pages: Array(1...40), read: { page in
                tally.started()
                return page.number
            }) { n, _ in
                tally.consumed()
                if n == 5 { throw Stop() }
            }
        }
        // pages 1–5 consumed, at most a window more started before the lanes saw the stop
        #expect(tally.reads <= 5 + 4)
    }
}

/// Pages started by the lanes and consumed by the caller, and how far ahead the lanes ever were.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var startedCount = 0, consumedCount = 0, ahead = 0

    func started() {
        lock.withLock {
            startedCount += 1
            ahead = max(ahead, startedCount - consumedCount)
        }
    }

    func consumed() { lock.withLock { consumedCount += 1 } }
    var reads: Int { lock.withLock { startedCount } }
    var mostAhead: Int { lock.withLock { ahead } }
}
