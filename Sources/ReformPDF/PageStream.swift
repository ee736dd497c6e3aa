import Dispatch
import Foundation

/// Reads a document's pages on several threads and hands the results back in page order.
///
/// poppler objects are not shared between threads: each worker opens its own `PDFDocument` from the
/// same bytes. The lanes take the next page as each finishes one, while the caller's thread consumes
/// the pages already read, in order; at most `window` pages are read ahead of the one it consumes, so
/// memory stays flat however long the document.
public struct PageStream: Sendable {
    /// Worker threads; 1 reads pages on the calling thread.
    public var workers: Int
    /// Pages read ahead of the consumer.
    public var window: Int

    public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount, window: Int? = nil) {
        self.workers = max(1, workers)
        self.window = window ?? max(1, workers) * 4
    }

    /// Runs `read` on each of `pages` (1-based) and `consume` on the results, in order. `consume`
    /// runs on the calling thread while the lanes read on; when it throws, the lanes stop after the
    /// page each is reading and `run` rethrows once they have.
    public func run<T: Sendable>(_ document: PDFDocument, pages: [Int],
                                 read: @escaping @Sendable (PDFPage) -> T,
                                 consume: (Int, T) throws -> Void) throws {
        if workers == 1 || pages.count < 2 {
            for n in pages { try consume(n, read(try document.page(n))) }
            return
        }
        let origin = document.origin, path = document.path, password = document.password
        // One document per lane, opened once and used by that lane's thread alone. The lanes run on
        // the dispatch pool's threads, which outlive the run: a variant on threads of their own
        // (`FileLanes`), which end before the documents they opened are released, crashed 1–2% of
        // runs (heap corruption), whether a document stayed with one thread or not. The first lane
        // reads the caller's document, which the caller does not touch until `run` returns (one
        // open less per file).
        let lanes = min(workers, pages.count)
        let documents = LaneDocuments(count: lanes, first: document)
        let results = OrderedResults<T?>(count: pages.count, window: max(1, window))
        let group = DispatchGroup()
        for lane in 0..<lanes {
            DispatchQueue.global().async(group: group) {
                let doc = documents.document(lane, open: { try? PDFDocument(origin: origin, path: path, password: password) })
                while let i = results.take() {
                    // a page that cannot be had (or a lane whose document did not open) is left
                    // empty, and the consumer reports it when its turn comes
                    results.put(i, doc.flatMap { try? $0.page(pages[i]) }.map(read))
                }
            }
        }
        defer {
            results.stop()
            group.wait()
        }
        for n in pages {
            guard let value = results.next() else { throw ExtractError.pageOutOfRange(path: path, page: n, pageCount: document.pageCount) }
            try consume(n, value)
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
