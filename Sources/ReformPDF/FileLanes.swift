import Foundation

/// Runs independent pieces of work — one per input file — on a few threads at once.
///
/// A batch of many small PDFs is read fastest one file per lane: each lane opens its file once
/// (fonts and all), and no lane waits for another at page boundaries, as page lanes within one
/// document do. `PageStream` stays the way to spread one long document over the cores.
public struct FileLanes: Sendable {
    /// Threads working at once.
    public var lanes: Int
    /// Stack of each lane's thread: the pipeline's recursion needs more than a secondary thread's default.
    public static let stackSize = 8 << 20

    public init(lanes: Int) { self.lanes = max(1, lanes) }

    /// Calls `body` with 0..<count, each index once, on up to `lanes` threads of their own (so the
    /// caller's stack size never matters), and returns when all are done. When `body` returns false
    /// no further index is started.
    public func forEach(_ count: Int, _ body: @escaping @Sendable (Int) -> Bool) {
        let cursor = Cursor(count: count)
        let group = DispatchGroup()
        for _ in 0..<min(lanes, count) {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while let i = cursor.next() {
                    if !body(i) { cursor.stop() }
                }
            }
            thread.stackSize = Self.stackSize
            thread.start()
        }
        group.wait()
    }

    /// `transform` of every item, computed on the lanes, in the items' order.
    public func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
        let slots = ResultSlots<R>(count: items.count)
        forEach(items.count) { i in
            slots.set(i, transform(items[i]))
            return true
        }
        // every index ran: forEach stops early only when the body says so, and this one never does
        return (0..<items.count).map { slots.get($0)! }
    }
}

/// The next index to take, shared by the lanes.
private final class Cursor: @unchecked Sendable {
    private let count: Int
    private var position = 0
    private var stopped = false
    private let lock = NSLock()

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard !stopped, position < count else { return nil }
        position += 1
        return position - 1
    }

    func stop() {
        lock.lock(); defer { lock.unlock() }
        stopped = true
    }
}
