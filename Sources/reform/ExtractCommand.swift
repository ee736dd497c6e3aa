import ArgumentParser
import Foundation
import ReformForms
import ReformPDF

/// `reform extract`: PDFs of forms in, one canonical record per form out.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read every 财政项目支出绩效目标申报表 in PDFs (or scrambled text) into canonical records.",
        discussion: "Directories are walked for .pdf and .txt files. A bad file is reported on one line and the rest are still read."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl, csv }

    @Argument(help: "PDF or text files, directories, or '-' for standard input.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "json (an array, pretty), jsonl (one record a line) or csv (one row per indicator, UTF-8 with BOM).")
    var format: Format = .json

    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    @Option(help: "Pages read in parallel (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Print the time spent in each stage to standard error.")
    var timings = false

    func run() throws {
        var run = FileRun()
        let tally = timings ? StageTimings() : nil
        let reader = InputReader(extractor: FormExtractor(workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount), password: password)
        var records: [Record] = []
        for path in InputFiles.expand(paths) {
            try run.guarded { records += try reader.records(path, timings: tally) }
        }
        let text = tally.measure("write") { () -> String in
            switch format {
            case .json: return RecordJSON.pretty(records)
            case .jsonl: return RecordJSON.jsonLines(records)
            case .csv: return RecordCSV.csv(records)
            }
        }
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw ValidationError("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            Console.out(text)
        }
        if let tally { TimingsReport.print(tally) }
        try run.finish()
    }
}

/// Reads one input (a PDF, a text file or standard input) into records.
struct InputReader: Sendable {
    var extractor: FormExtractor
    var password: String?

    func records(_ path: String, timings: StageTimings?) throws -> [Record] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return try records(data: data, path: "<stdin>", file: "stdin", timings: timings)
        }
        guard FileManager.default.fileExists(atPath: path) else { throw ExtractError.fileNotFound(path: path) }
        let file = URL(fileURLWithPath: path).lastPathComponent
        let head = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 1024) } ?? Data()
        if InputFiles.isPlainText(head) {
            guard let data = FileManager.default.contents(atPath: path) else { throw ExtractError.unreadable(path: path, reason: "cannot read") }
            return try records(data: data, path: path, file: file, timings: timings)
        }
        let sha = (try? SHA256.hex(fileAt: path)) ?? ""
        let document = try PDFDocument(path: path, password: password)
        return try extractor.records(document, file: file, sha256: sha, timings: timings)
    }

    func records(data: Data, path: String, file: String, timings: StageTimings?) throws -> [Record] {
        let sha = SHA256.hex(data)
        if InputFiles.isPlainText(data.prefix(1024)) {
            throw FormError.notFormText(path: path)
        }
        let document = try PDFDocument(data: data, path: path, password: password)
        return try extractor.records(document, file: file, sha256: sha, timings: timings)
    }
}
