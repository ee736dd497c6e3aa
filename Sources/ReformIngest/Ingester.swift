import Foundation
import GRDB
import ReformForms
import ReformPDF

/// Reads a batch of inputs into an ``IngestDatabase``: incremental, parallel, crash-safe.
///
/// - Each file is known by its canonical path and the SHA-256 of its bytes: the same path with
///   the same digest is skipped; a new digest replaces the file's records.
/// - `jobs` worker threads (one job: the calling thread, `FileLanes`) each take the next file, read
///   it with their own `RecordReader` (pages one at a time, so files are the only parallelism) and
///   commit its whole result in one transaction. Memory holds at most `jobs` files' results,
///   whatever the batch size.
/// - A killed run loses only the files in flight; the next run finds them missing and reads them.
/// - A file whose bytes equal a stored file's (moved or copied) reuses its records, with
///   `source.file` set to its own name, unless ``reuseIdenticalFiles`` is off.
public struct Ingester: Sendable {
    /// Files read at the same time.
    public var jobs: Int
    public var reader: RecordReader
    /// Read again files whose stored result is a failure even when their bytes did not change.
    public var retryFailed: Bool
    /// Copy the records of a stored file with the same bytes instead of reading the file.
    public var reuseIdenticalFiles: Bool
    /// Recorded in the runs table.
    public var toolVersion: String

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, password: String? = nil,
                retryFailed: Bool = false, reuseIdenticalFiles: Bool = true, toolVersion: String = "") {
        self.jobs = max(1, jobs)
        reader = RecordReader(pdf: FormExtractor(workers: 1), password: password)
        self.retryFailed = retryFailed
        self.reuseIdenticalFiles = reuseIdenticalFiles
        self.toolVersion = toolVersion
    }

    /// Ingests every file `inputs` expand to (``RecordReader/expand(_:)``). `onEvent` is called
    /// once per file, from the worker threads (or the calling thread) but never two at a time, with
    /// the tally so far.
    /// Throws only when the database fails; a bad input is a stored failure.
    public func run(_ inputs: [String], into database: IngestDatabase,
                    onEvent: @escaping @Sendable (IngestEvent, IngestTally) -> Void = { _, _ in }) throws -> IngestTally {
        let paths = RecordReader.expand(inputs)
        let batch = Batch(paths: paths, run: RunRow(inputs: inputs, jobs: jobs, toolVersion: toolVersion))
        let this = self
        FileLanes(lanes: min(jobs, max(1, paths.count))).forEach(paths.count) { i in
            do {
                batch.record(try this.ingest(paths[i], into: database, run: batch.run), onEvent)
                return true
            } catch {
                batch.fail(error)
                return false
            }
        }
        var tally = batch.tally
        tally.elapsed = Date().timeIntervalSince(tally.started)
        if let error = batch.fatal { throw error }
        try batch.run.finish(tally, in: database)
        return tally
    }

    /// Ingests one file: skipped when unchanged, else read (or reused) and stored in one transaction.
    func ingest(_ path: String, into database: IngestDatabase, run: RunRow) throws -> IngestEvent {
        let url = URL(fileURLWithPath: path)
        let key = url.standardizedFileURL.path
        let name = url.lastPathComponent
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let sha = (try? SHA256.hex(fileAt: path)) ?? ""
        let known = try database.read { db in
            try Row.fetchOne(db, sql: "SELECT sha256, status FROM files WHERE path = ?", arguments: [key])
        }
        let knownSHA: String? = known?["sha256"]
        let knownStatus: String? = known?["status"]
        if let knownSHA, knownSHA == sha, !(retryFailed && knownStatus == "failed") {
            return .unchanged(path: path)
        }
        let start = Date()
        var reusedFrom: String?
        let outcome: FileResult.Outcome
        if reuseIdenticalFiles, !sha.isEmpty, let (from, records) = try reusable(sha: sha, name: name, excluding: key, in: database) {
            reusedFrom = from
            outcome = .records(records)
        } else {
            do {
                outcome = .records(try reader.records(path))
            } catch {
                outcome = .failure(FileFailure(error))
            }
        }
        var result = FileResult(path: key, name: name, sha256: sha,
                                size: (attributes?[.size] as? NSNumber)?.int64Value ?? 0,
                                modifiedAt: attributes?[.modificationDate] as? Date,
                                outcome: outcome, seconds: Date().timeIntervalSince(start), reusedFrom: reusedFrom)
        // The reader hashed the bytes it read: if the file changed since, its digest is the true one.
        if case .records(let records) = outcome, let read = records.first?.source.sha256, !read.isEmpty { result.sha256 = read }
        try database.write { db in
            try result.replace(in: db, runID: try run.id(in: db), at: IngestClock.now)
        }
        switch outcome {
        case .records(let records):
            return .stored(path: path, forms: records.count, indicators: result.indicators, changed: known != nil, reused: reusedFrom != nil)
        case .failure(let failure):
            return .failed(path: path, failure: failure)
        }
    }

    /// The records of a stored file with these bytes, renamed to `name`; nil when there is none
    /// or its stored JSON does not read back to the same bytes (then the file is read afresh).
    func reusable(sha: String, name: String, excluding key: String, in database: IngestDatabase) throws -> (String, [ReformForms.Record])? {
        try database.read { db -> (String, [ReformForms.Record])? in
            guard let from = try Row.fetchOne(db, sql: "SELECT id, path FROM files WHERE sha256 = ? AND status = 'ok' AND path != ? LIMIT 1",
                                              arguments: [sha, key]) else { return nil }
            let fileID: Int64 = from["id"]
            let stored = try String.fetchAll(db, sql: "SELECT record_json FROM forms WHERE file_id = ? ORDER BY ordinal", arguments: [fileID])
            guard !stored.isEmpty else { return nil }
            var records: [ReformForms.Record] = []
            for json in stored {
                guard var record = try? RecordJSON.decodeRecord(from: Data(json.utf8)), RecordJSON.compact(record) == json else { return nil }
                record.source.file = name
                records.append(record)
            }
            return (from["path"], records)
        }
    }
}

/// The shared state of one run's workers, behind a lock: the tally and the first fatal error.
private final class Batch: @unchecked Sendable {
    let run: RunRow
    private let lock = NSLock()
    private(set) var tally: IngestTally
    private(set) var fatal: (any Error)?

    init(paths: [String], run: RunRow) {
        self.run = run
        tally = IngestTally(total: paths.count)
    }

    func record(_ event: IngestEvent, _ onEvent: (IngestEvent, IngestTally) -> Void) {
        lock.lock(); defer { lock.unlock() }
        switch event {
        case .unchanged: tally.unchanged += 1
        case .stored(_, let forms, let indicators, let changed, let reused):
            if changed { tally.changed += 1 } else { tally.new += 1 }
            if reused { tally.reused += 1 }
            tally.forms += forms
            tally.indicators += indicators
        case .failed(_, let failure):
            tally.failed += 1
            tally.failureCodes.insert(failure.exitCode)
        }
        tally.elapsed = Date().timeIntervalSince(tally.started)
        onEvent(event, tally)
    }

    func fail(_ error: any Error) {
        lock.lock(); defer { lock.unlock() }
        if fatal == nil { fatal = error }
    }
}

/// The runs table row of one run, written with the first stored file: a run that stores nothing
/// writes nothing. `finished_at` stays NULL when a run is killed.
final class RunRow: @unchecked Sendable {
    let inputs: [String]
    let jobs: Int
    let toolVersion: String
    private let lock = NSLock()
    private var rowID: Int64?

    init(inputs: [String], jobs: Int, toolVersion: String) {
        self.inputs = inputs
        self.jobs = jobs
        self.toolVersion = toolVersion
    }

    /// The run's id, inserting its row in the current transaction the first time.
    func id(in db: Database) throws -> Int64 {
        lock.lock(); defer { lock.unlock() }
        if let rowID { return rowID }
        let inputsJSON = (try? JSONEncoder().encode(inputs)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        try db.execute(sql: "INSERT INTO runs (started_at, reform_version, jobs, inputs) VALUES (?, ?, ?, ?)",
                       arguments: [IngestClock.now, toolVersion, jobs, inputsJSON])
        rowID = db.lastInsertedRowID
        return db.lastInsertedRowID
    }

    func finish(_ tally: IngestTally, in database: IngestDatabase) throws {
        guard let rowID = lock.withLock({ self.rowID }) else { return }
        try database.write { db in
            try db.execute(sql: """
                UPDATE runs SET finished_at = ?, files_seen = ?, files_new = ?, files_changed = ?, files_unchanged = ?,
                                files_failed = ?, forms = ?, indicators = ?, seconds = ?
                WHERE id = ?
                """, arguments: [IngestClock.now, tally.total, tally.new, tally.changed, tally.unchanged, tally.failed,
                                 tally.forms, tally.indicators, tally.elapsed, rowID])
        }
    }
}
