import Dispatch
import Foundation

/// Reads a document's pages on several threads and hands the results back in page order.
///
/// poppler objects are not shared between threads: each worker opens its own `PDFDocument` from the
/// same bytes. At most `window` pages are in flight, so memory stays flat however long the document.
public struct PageStream: Sendable {
    /// Worker threads; 1 reads pages on the calling thread.
    public var workers: Int
    /// Pages read ahead of the consumer.
    public var window: Int

    public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount, window: Int? = nil) {
        self.workers = max(1, workers)
        self.window = window ?? max(1, workers) * 4
    }

    /// Runs `read` on each of `pages` (1-based) and `consume` on the results, in order.
    public func run<T: Sendable>(_ document: PDFDocument, pages: [Int],
                                 read: @escaping @Sendable (PDFPage) -> T,
                                 consume: (Int, T) throws -> Void) throws {
        if workers == 1 || pages.count < 2 {
            for n in pages { try consume(n, read(try document.page(n))) }
            return
        }
        let origin = document.origin, path = document.path, password = document.password
        // One document per lane, opened once: a lane runs on one thread at a time, so its poppler
        // objects are never shared between threads at once. The first lane reads the caller's
        // document, which no one else touches until `run` returns (one open less per file).
        let lanes = min(workers, pages.count)
        let documents = LaneDocuments(count: lanes, first: document)
        var start = 0
        while start < pages.count {
            let batch = Array(pages[start..<min(pages.count, start + window)])
            let results = ResultSlots<T>(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: min(lanes, batch.count)) { lane in
                guard let doc = documents.document(lane, open: { try? PDFDocument(origin: origin, path: path, password: password) }) else { return }
                var i = lane
                while i < batch.count {
                    if let page = try? doc.page(batch[i]) { results.set(i, read(page)) }
                    i += lanes
                }
            }
            for (i, n) in batch.enumerated() {
                guard let value = results.get(i) else { throw ExtractError.pageOutOfRange(path: path, page: n, pageCount: document.pageCount) }
                try consume(n, value)
            }
            start += batch.count
        }
    }
}

/// The documents of the lanes, each opened on first use and used by its lane only.
private final class LaneDocuments: @unchecked Sendable {
    private var documents: [PDFDocument?]
    private let lock = NSLock()

    init(count: Int, first: PDFDocument) {
        documents = Array(repeating: nil, count: count)
        documents[0] = first
    }

    func document(_ lane: Int, open: () -> PDFDocument?) -> PDFDocument? {
        lock.lock()
        let existing = documents[lane]
        lock.unlock()
        if let existing { return existing }
        let opened = open()
        lock.lock(); defer { lock.unlock() }
        documents[lane] = opened
        return opened
    }
}

/// Result slots written by worker threads under a lock (page lanes).
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.lock(); defer { lock.unlock() }
        slots[i] = value
    }

    func get(_ i: Int) -> T? {
        lock.lock(); defer { lock.unlock() }
        return slots[i]
    }
}
