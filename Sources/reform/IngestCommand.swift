import ArgumentParser
import Foundation
import ReformIngest

/// `reform ingest`: folders of PDFs into an SQLite database, incrementally and crash-safe.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store the records of PDFs and text files in an SQLite database, reading only new and changed files.",
        discussion: """
            Directories are walked for .pdf and .txt files. A file is known by its path and the SHA-256 of \
            its bytes: unchanged files are skipped, a changed file's records are replaced, a file with the \
            bytes of a stored one reuses its records. Each file is committed in its own transaction, so a \
            killed run loses only the files in flight and the next run completes them. A file that fails \
            is stored in the failures table with its reason and the batch goes on. Schema: docs/database.md.

            Exit codes: 0 every file read this run was stored with its records (unchanged files are not \
            read again, so a file that failed in an earlier run does not count unless --retry-failed); \
            3-9 files failed this run, all for the reason of that code (see reform --help); 10 files \
            failed for different reasons; 11 the database cannot be used (not SQLite, another program's \
            database, a newer schema, read-only, or an SQLite error), nothing written; 64 usage error.
            """
    )

    @Argument(help: "PDF or text files, or directories.")
    var paths: [String]

    @Option(help: "The SQLite database (created if missing).")
    var db: String

    @Option(help: "Files read in parallel (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Also write the records of every file given (stored, unchanged included) as JSON Lines to this file, as `reform extract --format jsonl` prints them.")
    var jsonl: String?

    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    @Flag(help: "Read again files whose stored result is a failure, even if unchanged.")
    var retryFailed = false

    @Flag(inversion: .prefixedNo, help: "Reuse the records of a stored file with the same bytes (a moved or copied file).")
    var reuse = true

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        do {
            let database = try IngestDatabase.openForWriting(db)
            let ingester = Ingester(jobs: AllocatorPolicy.lanes(jobs: jobs), password: password,
                                    retryFailed: retryFailed, reuseIdenticalFiles: reuse, toolVersion: ReformVersion.string)
            let display = IngestDisplay(terminal: isatty(STDERR_FILENO) != 0)
            let tally = try ingester.run(paths, into: database) { event, tally in display.show(event, tally) }
            display.clear()
            try Console.out(IngestDisplay.summary(tally))
            if let jsonl {
                let expanded = RecordReader.expand(paths)
                try OutputFile.write(jsonl) { sink in
                    try RecordExporter(database: database).export(.jsonl, files: expanded, to: sink)
                }
            }
            if tally.exitCode != 0 { throw ExitCode(tally.exitCode) }
        } catch let error as DatabaseFileError {
            Console.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}

extension DatabaseFileError: Failure {}

/// What a run shows while it goes: on a terminal one progress bar redrawn in place (failures
/// printed above it); otherwise one log line per file read and a progress line every
/// ``plainProgressEvery`` files.
final class IngestDisplay: @unchecked Sendable {
    let terminal: Bool
    /// Redraws of the bar at most this often (seconds).
    static let redrawInterval = 0.1
    /// Plain logs: a progress line after this many files.
    static let plainProgressEvery = 100
    /// Characters in the bar.
    static let barWidth = 24
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(terminal: Bool) {
        self.terminal = terminal
    }

    /// Called by the ingester under its lock, one event at a time.
    func show(_ event: IngestEvent, _ tally: IngestTally) {
        if terminal {
            if case .failed(_, let failure) = event {
                Self.err("\r\u{1B}[K" + "reform: \(failure.reason)\n")
                drawn = false
            }
            let now = Date()
            if !drawn || now.timeIntervalSince(lastDraw) >= Self.redrawInterval || tally.done == tally.total {
                Self.err("\r\u{1B}[K" + Self.bar(tally))
                lastDraw = now
                drawn = true
            }
            return
        }
        switch event {
        case .stored(let path, let forms, _, let changed, let reused):
            Self.err("\(changed ? "changed" : "new") \(path): \(forms) form\(forms == 1 ? "" : "s")\(reused ? " (reused identical file)" : "")\n")
        case .failed(_, let failure):
            Self.err("failed \(failure.reason)\n")
        case .unchanged:
            break
        }
        if tally.done % Self.plainProgressEvery == 0 || tally.done == tally.total {
            Self.err("progress " + Self.status(tally) + "\n")
        }
    }

    /// Removes the bar before the summary.
    func clear() {
        if terminal && drawn { Self.err("\r\u{1B}[K") }
    }

    static func bar(_ tally: IngestTally) -> String {
        let filled = tally.total > 0 ? barWidth * tally.done / tally.total : barWidth
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "] " + status(tally)
    }

    static func status(_ tally: IngestTally) -> String {
        var parts = ["\(tally.done)/\(tally.total) files", "\(tally.forms) forms", "\(tally.failed) failed",
                     String(format: "%.1f files/s", tally.rate)]
        if let left = tally.secondsLeft, tally.done < tally.total { parts.append("ETA " + duration(left)) }
        return parts.joined(separator: "  ")
    }

    static func summary(_ tally: IngestTally) -> String {
        let rows: [(String, String)] = [
            ("files", "\(tally.total)"),
            ("new", "\(tally.new)"),
            ("changed", "\(tally.changed)"),
            ("unchanged", "\(tally.unchanged)"),
            ("failed", "\(tally.failed)"),
            ("reused", "\(tally.reused)"),
            ("forms", "\(tally.forms)"),
            ("indicators", "\(tally.indicators)"),
            ("time", duration(tally.elapsed) + String(format: " (%.1f files/s)", tally.rate)),
        ]
        return rows.map { $0.0.padding(toLength: 11, withPad: " ", startingAt: 0) + $0.1 + "\n" }.joined()
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return seconds < 10 ? String(format: "%.1fs", seconds) : "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s / 3600)h\(String(format: "%02d", s / 60 % 60))m"
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
