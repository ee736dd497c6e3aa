import Foundation
import GRDB
import ReformForms

/// Gives back stored records as `reform extract` prints them: the same bytes for the same files.
///
/// Each form's canonical JSON (`forms.record_json`) is the source of truth: JSON Lines writes it as
/// stored; the pretty array and CSV decode it and write with `RecordJSON`/`RecordCSV`. Files come in
/// path order (byte order of their canonical paths, which is the order `RecordReader.expand` sorts
/// a folder's files in), forms in file order. Memory holds one file's records at a time.
public struct RecordExporter: Sendable {
    /// What `reform extract --format` prints.
    public enum Format: String, Sendable, CaseIterable {
        case json, jsonl, csv
    }

    public var database: IngestDatabase

    public init(database: IngestDatabase) {
        self.database = database
    }

    /// Every stored form, or those whose `form_overview` row meets all `conditions` (SQL
    /// expressions such as `department = '上海市交通委员会' AND fiscal_year = 2024`). Returns the
    /// number of forms written. Reads one snapshot: a run writing meanwhile is not seen half-done.
    @discardableResult
    public func export(_ format: Format, where conditions: [String] = [], to sink: @escaping (String) throws -> Void) throws -> Int {
        var filter = ""
        if !conditions.isEmpty {
            filter = "WHERE fo.id IN (SELECT form_id FROM form_overview WHERE " + conditions.map { "(\($0))" }.joined(separator: " AND ") + ")"
        }
        let sql = "SELECT fo.file_id, fo.record_json FROM forms fo JOIN files fi ON fi.id = fo.file_id \(filter) ORDER BY fi.path, fo.ordinal"
        return try database.read { db in
            var writer = ExportWriter(format: format, sink: sink)
            try writer.begin()
            let rows: RowCursor
            do {
                rows = try Row.fetchCursor(db, sql: sql)
            } catch let error as DatabaseError where !conditions.isEmpty {
                throw ExportConditionError(conditions: conditions, reason: error.message ?? "\(error)")
            }
            var fileID: Int64?
            var file: [String] = []
            while let row = try rows.next() {
                let id: Int64 = row[0]
                if id != fileID, !file.isEmpty {
                    try writer.add(file)
                    file = []
                }
                fileID = id
                file.append(row[1])
            }
            try writer.add(file)
            try writer.end()
            return writer.count
        }
    }

    /// The stored records of `paths` (as `RecordReader.expand` gives them) in that order: what
    /// `reform extract` prints for the same paths, failed and unknown files contributing nothing.
    @discardableResult
    public func export(_ format: Format, files paths: [String], to sink: @escaping (String) throws -> Void) throws -> Int {
        try database.read { db in
            var writer = ExportWriter(format: format, sink: sink)
            try writer.begin()
            for path in paths {
                let key = URL(fileURLWithPath: path).standardizedFileURL.path
                let file = try String.fetchAll(db, sql: """
                    SELECT fo.record_json FROM forms fo JOIN files fi ON fi.id = fo.file_id WHERE fi.path = ? ORDER BY fo.ordinal
                    """, arguments: [key])
                try writer.add(file)
            }
            try writer.end()
            return writer.count
        }
    }
}

/// Writes one file's stored records after another in one of the `reform extract` formats.
struct ExportWriter {
    let format: RecordExporter.Format
    let sink: (String) throws -> Void
    /// Forms written.
    private(set) var count = 0
    /// Forms written so far under each `source.file`: RecordCSV numbers forms per file name.
    private var formsByName: [String: Int] = [:]

    init(format: RecordExporter.Format, sink: @escaping (String) throws -> Void) {
        self.format = format
        self.sink = sink
    }

    func begin() throws {
        if format == .csv { try sink(RecordCSV.csv([])) }
    }

    /// One file's records, each its compact canonical JSON.
    mutating func add(_ file: [String]) throws {
        guard !file.isEmpty else { return }
        switch format {
        case .jsonl:
            try sink(file.map { $0 + "\n" }.joined())
        case .json:
            for record in try file.map(Self.decode) {
                // RecordJSON.pretty([r]) is "[\n" + the indented item + "\n]\n".
                let item = RecordJSON.pretty([record]).dropFirst(2).dropLast(3)
                try sink((count == 0 ? "[\n" : ",\n") + String(item))
                count += 1
            }
            return
        case .csv:
            let records = try file.map(Self.decode)
            try sink(Self.csvRows(records, after: formsByName[records[0].source.file, default: 0]))
            for record in records { formsByName[record.source.file, default: 0] += 1 }
        }
        count += file.count
    }

    func end() throws {
        if format == .json { try sink(count == 0 ? "[]\n" : "\n]\n") }
    }

    static func decode(_ json: String) throws -> ReformForms.Record {
        try RecordJSON.decodeRecord(from: Data(json.utf8))
    }

    /// The CSV rows `RecordCSV` writes for `records` when `earlier` forms of the same file name came
    /// before them: placeholder forms take those numbers and their rows are cut off again.
    static func csvRows(_ records: [ReformForms.Record], after earlier: Int) -> String {
        let name = records[0].source.file
        let placeholder = ReformForms.Record(fiscalYear: nil, project: ProjectInfo(), fundsYuan: Funds(), goals: Goals(), indicators: [],
                                 source: Source(file: name, sha256: "", pages: [], method: .pdf), confidence: 0)
        let filler = Array(repeating: placeholder, count: earlier)
        let prefix = RecordCSV.csv(filler).utf8.count
        return String(decoding: Array(RecordCSV.csv(filler + records).utf8.dropFirst(prefix)), as: UTF8.self)
    }
}
