/// Writes records batch after batch in one of the output formats, giving exactly the text that
/// `RecordJSON.pretty`, `RecordJSON.jsonLines` and `RecordCSV.csv` give for all of them at once.
///
/// A folder of thousands of files is written as each file is read: memory holds one file's records,
/// not the whole run's.
public struct RecordWriter: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case json, jsonl, csv
    }

    public let format: Format
    /// Records written so far.
    public private(set) var count = 0
    /// Forms written so far under each `source.file`: CSV numbers a file's forms from 1.
    private var formsByFile: [String: Int] = [:]

    public init(format: Format) { self.format = format }

    /// What comes before the first record: the CSV's byte-order mark and header.
    public func begin() -> String {
        format == .csv ? RecordCSV.headerLine : ""
    }

    /// The text of `records`, following those written before.
    public mutating func add(_ records: [Record]) -> String {
        var out = ""
        for record in records {
            switch format {
            case .json:
                out += (count == 0 ? "[\n" : ",\n") + RecordJSON.indentLines(RecordJSON.pretty(record), by: "  ")
            case .jsonl:
                out += RecordJSON.compact(record) + "\n"
            case .csv:
                let n = formsByFile[record.source.file, default: 0] + 1
                formsByFile[record.source.file] = n
                out += RecordCSV.rows(record, form: n)
            }
            count += 1
        }
        return out
    }

    /// Stored compact JSON lines of records (JSON Lines only): written as they are, without decoding.
    public mutating func add(compactLines lines: [String]) -> String {
        precondition(format == .jsonl, "compact lines are JSON Lines")
        count += lines.count
        return lines.map { $0 + "\n" }.joined()
    }

    /// What comes after the last record: the JSON array's end.
    public func end() -> String {
        guard format == .json else { return "" }
        return count == 0 ? "[]\n" : "\n]\n"
    }

    /// All of `records` at once.
    public static func text(_ records: [Record], format: Format) -> String {
        var writer = RecordWriter(format: format)
        return writer.begin() + writer.add(records) + writer.end()
    }
}
