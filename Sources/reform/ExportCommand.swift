import ArgumentParser
import Foundation
import ReformIngest

/// `reform export`: the records an ingest database holds, as `reform extract` prints them.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the records stored by reform ingest, byte for byte as reform extract prints them.",
        discussion: """
            Files come in path order, forms in file order: the output equals `reform extract` over the same \
            folder with the same --format. --where selects forms by an SQL condition on the columns of the \
            form_overview view (docs/database.md), e.g. --where "department = '上海市交通委员会'"; several \
            --where must all hold. The database is opened read-only and may be read while a run writes.

            Exit codes: 0 success; 11 the database cannot be used (missing, not SQLite, another program's \
            database, a newer schema, or an SQLite error); 64 usage error, including a --where SQLite rejects.
            """
    )

    @Option(help: "The SQLite database written by reform ingest.")
    var db: String

    @Option(help: "json (an array, pretty), jsonl (one record a line) or csv (one row per indicator, UTF-8 with BOM).")
    var format: RecordExporter.Format = .json

    @Option(name: .customLong("where"), help: "SQL condition on form_overview columns; repeat to require several.")
    var conditions: [String] = []

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        do {
            let database = try IngestDatabase.openForReading(db)
            try OutputFile.write(output ?? "-") { sink in
                try RecordExporter(database: database).export(format, where: conditions, to: sink)
            }
        } catch let error as DatabaseFileError {
            Console.error(error.description)
            throw ExitCode(error.exitCode)
        } catch let error as ExportConditionError {
            Console.error(error.description)
            throw ExitCode(64)
        }
    }
}

extension RecordExporter.Format: ExpressibleByArgument {}
