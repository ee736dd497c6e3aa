import ArgumentParser

/// The `reform` command line: archived PDF forms in, clean data out.
@main
struct Reform: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reform",
        abstract: "Turn archived PDF forms into clean data.",
        discussion: """
            Exit codes: 0 success; 3 file missing or unreadable; 4 not a PDF (or empty); \
            5 damaged or truncated PDF; 6 encrypted (no or wrong password); 7 zero pages; \
            8 no text layer (needs OCR); 10 several files failed for different reasons; \
            11 ingest or export database cannot be used; 64 usage error.
            """,
        version: ReformVersion.string,
        subcommands: [ExtractCommand.self, EvalCommand.self, ShowCommand.self, ReportCommand.self, TablesCommand.self, TextCommand.self, IngestCommand.self, ExportCommand.self]
    )
}

enum ReformVersion {
    static let string = "0.1.0"
}
