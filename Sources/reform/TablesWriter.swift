import ReformLayout

/// The output of `reform tables`, written a file at a time as the files are read: a folder of
/// thousands of PDFs is never held in memory whole, and its first tables appear while the rest
/// are being read (as `RecordWriter` does for `reform extract`).
///
/// JSON: one file named is one object; several are an array with an element per file read (a file
/// that failed has none). CSV, Markdown and HTML hold every file's tables one after another,
/// numbered through the run; the HTML page is titled with the files named.
struct TablesWriter {
    let format: TablesCommand.Format
    /// Whether one file was named: its JSON is a bare object.
    let single: Bool
    /// The HTML page's title: the files named.
    private let title: String
    /// Files whose tables were written.
    private var files = 0
    /// Tables written so far, and whether any text was (CSV and Markdown separate tables by a blank line).
    private var tables = 0
    private var wroteTables = false

    init(format: TablesCommand.Format, inputs: [String]) {
        self.format = format
        single = inputs.count == 1
        title = inputs.map { $0 == "-" ? "<stdin>" : $0 }.joined(separator: ", ")
    }

    /// What comes before the first file's tables.
    func begin() -> [UInt8] {
        format == .html ? Array(TableWriters.htmlHead(title: title).utf8) : []
    }

    /// The text of one file's tables, following those written before.
    mutating func add(file: String, tables found: [Table]) throws -> [UInt8] {
        defer {
            files += 1
            tables += found.count
        }
        switch format {
        case .json:
            var json = PrettyJSON(level: single ? 0 : 1)
            try TablesReport.write(file: file, tables: found, to: &json)
            // an element of the array: its opening bracket before the first, a comma before the rest
            return single ? json.bytes : Array((files == 0 ? "[\n  " : ",\n  ").utf8) + json.bytes
        case .csv:
            return separated(TableWriters.csv(found), by: "\r\n")
        case .markdown:
            return separated(TableWriters.markdown(found, numberingFrom: tables + 1), by: "\n")
        case .html:
            return Array(TableWriters.htmlTables(found, numberingFrom: tables + 1).utf8)
        }
    }

    /// What comes after the last file's tables. No file read gives JSON's empty array.
    func end() -> [UInt8] {
        switch format {
        case .json: Array((single && files == 1 ? "\n" : files == 0 ? "[\n\n]\n" : "\n]\n").utf8)
        case .csv, .markdown: []
        case .html: Array(TableWriters.htmlFoot.utf8)
        }
    }

    /// `text` after a separator when tables were written before it (none for a file without tables).
    private mutating func separated(_ text: String, by separator: String) -> [UInt8] {
        guard !text.isEmpty else { return [] }
        defer { wroteTables = true }
        return Array(((wroteTables ? separator : "") + text).utf8)
    }
}
