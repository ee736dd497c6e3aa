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
    /// Items a lane may run ahead of the consumer in `forEachInOrder`: each waiting result is one
    /// file's records (tens of kilobytes), and a long file at the front must not idle the other
    /// lanes soon after.
    public static let aheadPerLane = 64

    public init(lanes: Int) { self.lanes = max(1, lanes) }

    /// Whether one lane's work runs on the calling thread instead of a thread of its own: when the
    /// caller's stack is at least a lane's. On the main thread (the command line's) that keeps the
    /// process single-threaded for glibc (`__libc_single_threaded`): glibc's allocator, which poppler
    /// calls for the objects it parses, and libstdc++'s shared pointers (poppler's fonts) then skip
    /// their locks and atomic operations. One file a process with `--jobs 1` took about 0.5 ms less a
    /// page so, 4% (docs/benchmarks.md, thirty-first session).
    static var callerMayRun: Bool { callerStackSize() >= stackSize }

    /// Whether `count` items take one lane only, run on the calling thread (`callerMayRun`).
    private func runsOnCaller(_ count: Int) -> Bool {
        min(lanes, count) == 1 && Self.callerMayRun
    }

    /// The calling thread's stack in bytes: on the main thread the stack limit (its stack grows up to
    /// it; asking glibc would read /proc/self/maps), on any other the size it was created with.
    static func callerStackSize() -> Int {
        #if canImport(Glibc)
        if Thread.isMainThread {
            var limit = rlimit()
            guard getrlimit(__rlimit_resource_t(RLIMIT_STACK.rawValue), &limit) == 0 else { return 0 }
            return limit.rlim_cur == rlim_t.max ? Int.max : Int(clamping: limit.rlim_cur)
        }
        // glibc's pthread_getattr_np, which the Glibc module leaves out (a GNU extension)
        typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return 0 }
        var attributes = pthread_attr_t()
        guard unsafeBitCast(symbol, to: GetAttributes.self)(pthread_self(), &attributes) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attributes) }
        var size = 0
        return pthread_attr_getstacksize(&attributes, &size) == 0 ? size : 0
        #else
        return 0  // elsewhere every lane keeps a thread of its own
        #endif
    }

    /// Calls `body` with 0..<count, each index once, on up to `lanes` threads of their own, or for one
    /// lane on the calling thread when its stack is at least `stackSize` (`callerMayRun`), and returns
    /// when all are done. When `body` returns false no further index is started.
    public func forEach(_ count: Int, _ body: @escaping @Sendable (Int) -> Bool) {
        if runsOnCaller(count) {
            for i in 0..<count where !body(i) { break }
            return
        }
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
        var results: [R] = []
        results.reserveCapacity(items.count)
        forEachInOrder(items, window: items.count, transform) { results.append($0) }
        return results
    }

    /// `transform` of every item, computed on the lanes, handed to `consume` on the calling thread in
    /// the items' order, each as soon as it and all before it are done. The lanes run at most
    /// `window` items (by default `aheadPerLane` a lane) ahead of `consume`, so memory holds a
    /// bounded number of results however many items there are. When `consume` throws, no further
    /// item is started and the error is rethrown once the lanes have stopped. One lane on a caller
    /// with a lane's stack (`callerMayRun`) runs each item and hands it on in turn, on that thread.
    public func forEachInOrder<T: Sendable, R: Sendable>(_ items: [T], window: Int? = nil, _ transform: @escaping @Sendable (T) -> R,
                                                        consume: (R) throws -> Void) rethrows {
        if runsOnCaller(items.count) {
            for item in items { try consume(transform(item)) }
            return
        }
        let queue = OrderedResults<R>(count: items.count, window: max(lanes, window ?? lanes * Self.aheadPerLane))
        let group = DispatchGroup()
        for _ in 0..<min(lanes, items.count) {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while let i = queue.take() { queue.put(i, transform(items[i])) }
            }
            thread.stackSize = Self.stackSize
            thread.start()
        }
        defer { group.wait() }
        for _ in items.indices {
            do {
                try consume(queue.next())
            } catch {
                queue.stop()
                throw error
            }
        }
    }
}

/// Results of the lanes waiting for their turn: lanes take indices in order, at most `window`
/// ahead of the one the consumer waits for (file lanes here, `PageStream`'s page lanes).
final class OrderedResults<R: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [Int: R] = [:]
    private var taken = 0
    private var handedOn = 0
    private var stopped = false
    private let count: Int
    private let window: Int

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// The next index for a lane, or nil when all are taken or the consumer stopped.
    func take() -> Int? {
        condition.lock(); defer { condition.unlock() }
        while !stopped && taken < count && taken >= handedOn + window { condition.wait() }
        guard !stopped, taken < count else { return nil }
        taken += 1
        return taken - 1
    }

    func put(_ index: Int, _ result: R) {
        condition.lock(); defer { condition.unlock() }
        waiting[index] = result
        condition.broadcast()
    }

    /// The result of the next index in order, once a lane has put it.
    func next() -> R {
        condition.lock(); defer { condition.unlock() }
        while waiting[handedOn] == nil { condition.wait() }
        let result = waiting.removeValue(forKey: handedOn)!
        handedOn += 1
        condition.broadcast()
        return result
    }

    func stop() {
        condition.lock(); defer { condition.unlock() }
        stopped = true
        condition.broadcast()
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
