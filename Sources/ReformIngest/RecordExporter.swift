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
    public typealias Format = RecordWriter.Format

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
    private var writer: RecordWriter
    let sink: (String) throws -> Void
    /// Forms written.
    var count: Int { writer.count }

    init(format: RecordExporter.Format, sink: @escaping (String) throws -> Void) {
        writer = RecordWriter(format: format)
        self.sink = sink
    }

    func begin() throws { try sink(writer.begin()) }

    /// One file's records, each its compact canonical JSON: JSON Lines as stored, the other formats
    /// decoded and written again.
    mutating func add(_ file: [String]) throws {
        guard !file.isEmpty else { return }
        try sink(writer.format == .jsonl ? writer.add(compactLines: file) : writer.add(try file.map(Self.decode)))
    }

    func end() throws { try sink(writer.end()) }

    static func decode(_ json: String) throws -> ReformForms.Record {
        try RecordJSON.decodeRecord(from: Data(json.utf8))
    }
}
