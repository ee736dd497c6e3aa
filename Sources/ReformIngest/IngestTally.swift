import Foundation

/// What a run has done so far, and at the end its summary: files by what happened to them,
/// records stored, time.
public struct IngestTally: Sendable, Equatable {
    /// Files the inputs expanded to.
    public var total = 0
    /// Read and stored for the first time (their path was not in the database).
    public var new = 0
    /// Read and stored again: their path was stored with other bytes; the old records are gone.
    public var changed = 0
    /// Same path, same SHA-256 as stored: skipped.
    public var unchanged = 0
    /// Read this run and failed; stored in the failures table.
    public var failed = 0
    /// Of `new` and `changed`: records copied from a stored file with the same bytes, not read again.
    public var reused = 0
    /// Forms and indicators stored this run.
    public var forms = 0
    public var indicators = 0
    /// Exit codes of this run's failures (ExtractError/FormError codes).
    public var failureCodes: Set<Int32> = []
    public var started = Date()
    public var elapsed: TimeInterval = 0

    public init(total: Int = 0) {
        self.total = total
    }

    public var done: Int { new + changed + unchanged + failed }

    /// Files finished per second so far.
    public var rate: Double { elapsed > 0 ? Double(done) / elapsed : 0 }

    /// Seconds left at the current rate, or nil before anything finished.
    public var secondsLeft: Double? { rate > 0 ? Double(total - done) / rate : nil }

    /// The exit code of the run: 0 when no file failed this run, a failure's own code when all
    /// failures were of one kind, 10 when they differ (the same rule as `reform extract`).
    public var exitCode: Int32 {
        guard let first = failureCodes.first else { return 0 }
        return failureCodes.count == 1 ? first : 10
    }
}

/// What happened to one file, reported as the run goes.
public enum IngestEvent: Sendable {
    /// Stored with its records; `changed` when the path was stored before with other bytes.
    case stored(path: String, forms: Int, indicators: Int, changed: Bool, reused: Bool)
    case unchanged(path: String)
    /// Stored as a failure.
    case failed(path: String, failure: FileFailure)
}
