import Foundation

/// Wall time spent per pipeline stage, for `--timings`. A reference type so every stage adds to one tally.
public final class StageTimings: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: [String: Double] = [:]
    private var order: [String] = []

    public init() {}

    /// Adds `duration` seconds to `stage`.
    public func add(_ stage: String, _ duration: Double) {
        lock.lock(); defer { lock.unlock() }
        if seconds[stage] == nil { order.append(stage) }
        seconds[stage, default: 0] += duration
    }

    /// The stages in first-seen order with their total seconds.
    public var entries: [(stage: String, seconds: Double)] {
        lock.lock(); defer { lock.unlock() }
        return order.map { ($0, seconds[$0] ?? 0) }
    }
}

extension Optional where Wrapped == StageTimings {
    /// Runs `body`, adding its wall time to `stage` when timings are being kept.
    public func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        guard let timings = self else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer { timings.add(stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try body()
    }
}
