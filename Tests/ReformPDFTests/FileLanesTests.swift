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

    @Test func inOrderHandsResultsOnInOrder() {
        let items = Array(0..<40)
        var seen: [Int] = []
        FileLanes(lanes: 2).forEachInOrder(items, window: 3, { i -> Int in
            Thread.sleep(forTimeInterval: Double((i * 7) % 5) / 2000)
            return i * i
        }) { seen.append($0) }
        #expect(seen == items.map { $0 * $0 })
    }

    @Test func lanesWaitAWindowAheadOfASlowFirstItem() {
        // Item 0 is held: the other lane takes items up to the window and then waits for it.
        let started = Counter()
        let release = DispatchSemaphore(value: 0)
        var seen: [Int] = []
        let lanes = FileLanes(lanes: 2)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) {
            #expect(started.value == 5)
            release.signal()
        }
        lanes.forEachInOrder(Array(0..<20), window: 5, { i -> Int in
            started.add()
            if i == 0 { release.wait() }
            return i
        }) { seen.append($0) }
        #expect(seen == Array(0..<20))
        #expect(started.value == 20)
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

    /// A thread's stack comfortably above a lane's (what glibc reports may leave out a guard page).
    static let laneStack = FileLanes.stackSize + (1 << 20)

    @Test func oneLaneRunsOnACallerWithALanesStack() {
        // A caller with a lane's stack runs one lane (or one item) itself: no thread is started.
        let (caller, ran) = onThread(stackSize: Self.laneStack) { FileLanes(lanes: 1).map(Array(0..<3)) { _ in pthread_self() } }
        #expect(ran == [caller, caller, caller])
        let (caller2, ran2) = onThread(stackSize: Self.laneStack) { FileLanes(lanes: 2).map([0]) { _ in pthread_self() } }
        #expect(ran2 == [caller2])
        // ... and never more than one lane
        let (caller3, ran3) = onThread(stackSize: Self.laneStack) { FileLanes(lanes: 2).map(Array(0..<8)) { _ -> pthread_t in
            Thread.sleep(forTimeInterval: 0.005)
            return pthread_self()
        } }
        #expect(!ran3.contains(caller3))
        #expect(Set(ran3).count == 2)
    }

    @Test func aCallerWithASmallerStackHandsTheLaneToAThread() {
        let (caller, ran) = onThread(stackSize: 1 << 20) { FileLanes(lanes: 1).map(Array(0..<3)) { _ in pthread_self() } }
        #expect(Set(ran).count == 1)
        #expect(!ran.contains(caller))
        let (_, threadCount) = onThread(stackSize: 1 << 20) { () -> Int in
            let threads = Threads()
            FileLanes(lanes: 1).forEach(4) { _ in
                threads.add(pthread_self())
                return true
            }
            return threads.count
        }
        #expect(threadCount == 1)
    }

    @Test(arguments: [laneStack, 1 << 20])
    func oneLaneStopsAtAThrowingConsumerOrAFalseBody(stackSize: Int) {
        struct Stop: Error {}
        let (_, started) = onThread(stackSize: stackSize) { () -> [Int] in
            let started = Counter()
            _ = try? FileLanes(lanes: 1).forEachInOrder(Array(0..<20), window: 1, { i -> Int in
                started.add()
                return i
            }) { i in
                if i == 5 { throw Stop() }
            }
            let counted = Counter()
            FileLanes(lanes: 1).forEach(10) { i in
                counted.add()
                return i < 3
            }
            return [started.value, counted.value]
        }
        // inline: exactly up to the throw; on a thread: at most the window ahead
        #expect(started[0] >= 6 && started[0] <= 7)
        #expect(started[1] == 4)
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

/// Runs `body` on a thread of its own with this stack, waits for it, and returns that thread with
/// what `body` returned.
private func onThread<R: Sendable>(stackSize: Int, _ body: @escaping @Sendable () -> R) -> (pthread_t, R) {
    let box = Box<(pthread_t, R)>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = (pthread_self(), body())
        done.signal()
    }
    thread.stackSize = stackSize
    thread.start()
    done.wait()
    return box.value!
}

private final class Box<T>: @unchecked Sendable {
    var value: T?
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
