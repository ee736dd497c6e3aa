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

    @Test func inOrderHandsResultsOnInOrderAndRunsAWindowAhead() {
        let items = Array(0..<40)
        let running = Counter(), ahead = Counter()
        var seen: [Int] = []
        FileLanes(lanes: 2).forEachInOrder(items, window: 3, { i -> Int in
            running.add()
            Thread.sleep(forTimeInterval: Double((i * 7) % 5) / 2000)
            return i
        }) { i in
            seen.append(i)
            // lanes never take an item more than the window beyond the one handed on
            ahead.record(running.value - seen.count)
        }
        #expect(seen == items)
        #expect(ahead.highest <= 3)
    }

    @Test func aThrowingConsumerStopsTheLanes() {
        struct Stop: Error {}
        let started = Counter()
        #expect(throws: Stop.self) {
            try FileLanes(lanes: 2).forEachInOrder(Array(0..<100), window: 2, { i -> Int in
                started.add()
                return i
            }) { i in
                if i == 5 { throw Stop() }
            }
        }
        #expect(started.value <= 5 + 1 + 2)
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
    private var most = Int.min
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
    func record(_ v: Int) { lock.withLock { most = max(most, v) } }
    var highest: Int { lock.withLock { most } }
}

private final class Threads: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Set<pthread_t> = []
    func add(_ thread: pthread_t) { lock.withLock { _ = seen.insert(thread) } }
    var count: Int { lock.withLock { seen.count } }
}
