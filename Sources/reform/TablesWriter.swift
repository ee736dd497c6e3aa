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
    /// The HTML page's title: the files named.
    private let title: String
    /// The JSON's brackets and commas around each file's object.
    private var list: JSONFileList
    /// Tables written so far (CSV and Markdown put a blank line before any after the first).
    private var tables = 0

    init(format: TablesCommand.Format, inputs: [String]) {
        self.format = format
        list = JSONFileList(inputs: inputs.count)
        title = inputs.map { $0 == "-" ? FileRun.standardInputName : $0 }.joined(separator: ", ")
    }

    /// What comes before the first file's tables.
    func begin() -> [UInt8] {
        format == .html ? Array(TableWriters.htmlHead(title: title).utf8) : []
    }

    /// The text of one file's tables, following those written before.
    mutating func add(file: String, tables found: [Table]) throws -> [UInt8] {
        defer { tables += found.count }
        switch format {
        case .json:
            // The frame goes first into the same bytes: no copy of a long file's JSON to put a comma before it.
            var json = PrettyJSON(level: list.elementLevel)
            json.append(rendered: list.next())
            try TablesReport.write(file: file, tables: found, to: &json)
            return json.bytes
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
        case .json: list.end()
        case .csv, .markdown: []
        case .html: Array(TableWriters.htmlFoot.utf8)
        }
    }

    /// `text`, one file's tables, after a separator when tables were written before them.
    private func separated(_ text: String, by separator: String) -> [UInt8] {
        Array(((tables > 0 && !text.isEmpty ? separator : "") + text).utf8)
    }
}
