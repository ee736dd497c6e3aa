import ArgumentParser
import Foundation
import ReformPDF

/// Runs one piece of work per input file, reporting each failure on one line and carrying on,
/// then exits with the code that says what failed.
struct FileRun {
    private(set) var failures: [any Failure] = []

    /// Opens `path` (`-` is standard input) and hands the document to `body`; a failure is reported, not thrown.
    mutating func each(_ path: String, password: String?, _ body: (PDFDocument) throws -> Void) throws {
        do {
            try body(try FileRun.open(path, password: password))
        } catch let error as any Failure {
            report(error)
        }
    }

    /// Runs `body` for one input, reporting its failure instead of throwing.
    mutating func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as any Failure {
            report(error)
        }
    }

    mutating func report(_ error: any Failure) {
        failures.append(error)
        Console.error(error.description)
    }

    /// Exits non-zero when anything failed: that failure's code, or 10 when the kinds differ.
    func finish() throws {
        guard let first = failures.first else { return }
        let codes = Set(failures.map(\.exitCode))
        throw ExitCode(codes.count == 1 ? first.exitCode : 10)
    }

    /// The name a PDF read from standard input (`-`) goes by in messages and outputs.
    static let standardInputName = "<stdin>"

    /// Opens a PDF (`-` is standard input).
    static func open(_ path: String, password: String?) throws -> PDFDocument {
        path == "-" ? try PDFDocument(data: FileHandle.standardInput.readDataToEndOfFile(), path: standardInputName, password: password)
                    : try PDFDocument(path: path, password: password)
    }
}

/// Where the CLI writes: results to standard output, one-line diagnostics to standard error.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("reform: \(message)\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("reform: warning: \(message)\n".utf8))
    }

    /// A page whose text in some fonts poppler dropped for want of their character maps.
    static func unmappedFonts(_ path: String, page: Int, maps: [String]) {
        warning("\(path): page \(page): text in fonts that need \(CharacterMaps.named(maps)) was not read (not installed); \(CharacterMaps.remedy)")
    }

    /// Results and summaries; a write the system refuses (a full disk) is a usage error naming
    /// standard output, not a crash.
    static func out(_ text: String) throws {
        try OutputFile.standardOutput(text)
    }

    /// A result already in bytes (JSON written by `PrettyJSON`), written from their own storage.
    static func out(_ bytes: [UInt8]) throws {
        try OutputFile.standardOutput(bytes)
    }
}

/// Options shared by every command that reads PDFs.
struct PDFInputOptions: ParsableArguments, Sendable {
    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    @Option(help: "Pages to read, e.g. 1-3,5 (default: all).")
    var pages: String?

    /// The 1-based pages of `document` selected by `--pages`.
    func selectedPages(of document: PDFDocument) throws -> [Int] {
        guard let spec = pages else { return Array(1...document.pageCount) }
        guard let list = PageRanges.parse(spec, pageCount: document.pageCount) else {
            throw ValidationError("--pages: cannot read '\(spec)'; write pages like 1-3,5")
        }
        return list.filter { $0 <= document.pageCount }
    }
}

/// Options of every command that runs the pipeline over pages.
struct RunOptions: ParsableArguments {
    @Option(help: "Pages read in parallel (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Print the time spent in each stage to standard error.")
    var timings = false

    /// Lanes for `files` inputs and the page workers each file gets: many files, one file per lane,
    /// read page after page; one file, its pages over the lanes.
    func lanes(files: Int) -> (files: FileLanes, pageWorkers: Int) {
        let workers = AllocatorPolicy.lanes(jobs: jobs)
        let lanes = FileLanes(lanes: min(workers, files))
        return (lanes, lanes.lanes > 1 ? 1 : workers)
    }

    /// Page workers for a command that reads one file at a time over its pages (`reform text`), the
    /// heaps limited to them as `lanes(files:)` does.
    func pageWorkers() -> Int { AllocatorPolicy.lanes(jobs: jobs) }

    /// A tally when `--timings` was given.
    func tally() -> StageTimings? { timings ? StageTimings() : nil }
}
