import ArgumentParser
import Foundation
import ReformForms
import ReformIngest
import ReformText

/// `reform report`: one self-contained HTML page to check a batch against its pages.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report: each form's record beside its pages, review items first.",
        discussion: "Give PDFs, text files or directories, or an ingest database with --db. Exit codes as for extract; 11 for a database that cannot be read."
    )

    @Argument(help: "Inputs (files or directories).")
    var paths: [String] = []

    @Option(help: "Report on what an ingest database holds instead of reading inputs.")
    var db: String?

    @Option(name: .shortAndLong, help: "The HTML file to write.")
    var output: String

    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    func validate() throws {
        if paths.isEmpty && db == nil { throw ValidationError("give inputs or --db") }
    }

    func run() throws {
        let reader = RecordReader(pdf: FormExtractor(), text: TextFormExtractor(), password: password)
        let report: BatchReport
        if let db {
            report = try BatchReport.read(database: try IngestDatabase.openForReading(db), reader: reader)
        } else {
            report = BatchReport.read(paths, reader: reader)
        }
        let html = ReportHTML.render(report, title: db ?? paths.joined(separator: ", "))
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw ValidationError("cannot write \(output): \(error.localizedDescription)")
        }
        let c = report.counts
        try Console.out("\(output): \(c.forms) form(s) from \(c.files) file(s), \(c.needsReview) need review, \(c.failed) failed\n")
        for file in report.files where file.failure != nil { Console.error("\(file.path): \(file.failure!)") }
    }
}
