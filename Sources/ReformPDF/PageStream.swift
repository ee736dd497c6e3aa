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
        let queue = PageQueue<T>(count: pages.count, window: window)
        let group = DispatchGroup()
        for lane in 0..<lanes {
            DispatchQueue.global().async(group: group) {
                let doc = documents.document(lane, open: { try? PDFDocument(origin: origin, path: path, password: password) })
                while let i = queue.claim() {
                    // a page that cannot be had (or a lane whose document did not open) is left
                    // empty, and the consumer reports it when its turn comes
                    queue.deliver(i, doc.flatMap { try? $0.page(pages[i]) }.map(read))
                }
            }
        }
        defer {
            queue.stop()
            group.wait()
        }
        for (i, n) in pages.enumerated() {
            guard let value = queue.take(i) else { throw ExtractError.pageOutOfRange(path: path, page: n, pageCount: document.pageCount) }
            try consume(n, value)
        }
    }
}

/// The pages of one `PageStream.run`: the lanes claim indices in order, at most `window` ahead of
/// the one the consumer last took, and deliver each page's result (nil: not read); the consumer takes
/// them in order.
final class PageQueue<T: Sendable>: @unchecked Sendable {
    private enum Slot {
        case waiting
        case read(T?)
        case taken
    }
    private let condition = NSCondition()
    private var slots: [Slot]
    private let window: Int
    private var next = 0      // the next index a lane claims
    private var taken = 0     // how many the consumer has taken
    private var stopped = false

    init(count: Int, window: Int) {
        slots = Array(repeating: .waiting, count: count)
        self.window = max(1, window)
    }

    /// The next index to read, once it is within the window; nil when all are claimed or the
    /// stream stopped.
    func claim() -> Int? {
        condition.lock(); defer { condition.unlock() }
        while !stopped && next < slots.count && next >= taken + window { condition.wait() }
        guard !stopped, next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func deliver(_ i: Int, _ value: T?) {
        condition.lock(); defer { condition.unlock() }
        slots[i] = .read(value)
        condition.broadcast()
    }

    /// Index `i`'s result, waiting for a lane to deliver it; its slot is emptied (the consumer owns
    /// the result now) and one more index may be claimed.
    func take(_ i: Int) -> T? {
        condition.lock(); defer { condition.unlock() }
        while case .waiting = slots[i] { condition.wait() }
        guard case .read(let value) = slots[i] else { return nil }
        slots[i] = .taken
        taken = i + 1
        condition.broadcast()
        return value
    }

    /// No more claims: the lanes finish the page in hand and return.
    func stop() {
        condition.lock(); defer { condition.unlock() }
        stopped = true
        condition.broadcast()
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
