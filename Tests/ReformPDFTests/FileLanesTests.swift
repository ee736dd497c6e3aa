import Foundation
import ReformPDF
import Testing

@Suite struct FileLanesTests {
    @Test func resultsComeInTheItemsOrderWhateverFinishesFirst() {
        // Early items take longest, so on two lanes later items finish first.
        let items = Array(0..<12)
        let out = FileLanes(lanes: 2).map(items) { i -> Int in
            Thread.sleep(forTimeInterval: Double(12 - i) / 2000)
            return i * i
        }
        #expect(out == items.map { $0 * $0 })
    }

    @Test func bothLanesWork() {
        let threads = Threads()
        FileLanes(lanes: 2).forEach(8) { _ in
            Thread.sleep(forTimeInterval: 0.01)
            threads.add(pthread_self())
            return true
        }
        #expect(threads.count == 2)
    }

    @Test func aFalseFromTheBodyStopsNewItems() {
        let started = Counter()
        FileLanes(lanes: 1).forEach(10) { i in
            started.add()
            return i < 3
        }
        #expect(started.value == 4)
        #expect(FileLanes(lanes: 3).map([String]()) { $0 }.isEmpty)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

private final class Threads: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Set<pthread_t> = []
    func add(_ thread: pthread_t) { lock.withLock { _ = seen.insert(thread) } }
    var count: Int { lock.withLock { seen.count } }
}
