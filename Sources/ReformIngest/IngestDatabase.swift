import Foundation
import GRDB

/// An ingest database on disk (docs/database.md): opened for writing by `ingest` (WAL, so readers
/// never wait) or read-only by `export`.
///
/// The file is checked before SQLite touches it: not SQLite, another program's database, a newer
/// schema or a path that cannot be written are refused with a ``DatabaseFileError`` and nothing is
/// written, not even the switch to WAL.
public final class IngestDatabase: Sendable {
    /// The path as given.
    public let path: String
    let writer: (any DatabaseWriter)?
    let reader: any DatabaseReader

    /// Seconds a connection waits for another one's lock before giving up.
    static let busyTimeout: TimeInterval = 60

    private init(path: String, writer: (any DatabaseWriter)?, reader: any DatabaseReader) {
        self.path = path
        self.writer = writer
        self.reader = reader
    }

    /// Opens (creating it if needed) a database for ingesting, migrated to the current schema.
    public static func openForWriting(_ path: String) throws -> IngestDatabase {
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if exists {
            try checkHeader(path)
            guard fm.isWritableFile(atPath: path) else { throw DatabaseFileError.readOnly(path: path, reason: "the file is read-only") }
            try checkSchema(path)
        } else {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw DatabaseFileError.readOnly(path: path, reason: "no folder \(folder)")
            }
        }
        guard fm.isWritableFile(atPath: folder) else {
            throw DatabaseFileError.readOnly(path: path, reason: "the folder \(folder) is read-only")
        }
        return try sqlite(path) {
            var config = configuration()
            config.prepareDatabase { db in
                // WAL with NORMAL sync: a committed file survives a killed process (not a power cut).
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            let pool = try DatabasePool(path: path, configuration: config)
            try IngestSchema.migrator.migrate(pool)
            return IngestDatabase(path: path, writer: pool, reader: pool)
        }
    }

    /// Opens an existing database read-only (what `export` and analysts' tools need).
    public static func openForReading(_ path: String) throws -> IngestDatabase {
        guard FileManager.default.fileExists(atPath: path) else { throw DatabaseFileError.missing(path: path) }
        try checkHeader(path)
        try checkSchema(path)
        return try sqlite(path) {
            var config = configuration()
            config.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: config)
            let version = try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
            guard version > 0 else { throw DatabaseFileError.notReformDatabase(path: path) }
            return IngestDatabase(path: path, writer: nil, reader: queue)
        }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        return config
    }

    /// Refuses a non-empty file that does not start with SQLite's header, without opening it.
    static func checkHeader(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw DatabaseFileError.notSQLite(path: path)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DatabaseFileError.readOnly(path: path, reason: "cannot be read")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        guard head.isEmpty || head == Data("SQLite format 3\0".utf8) else { throw DatabaseFileError.notSQLite(path: path) }
    }

    /// Refuses another program's database or a newer schema, reading through a read-only connection.
    static func checkSchema(_ path: String) throws {
        try sqlite(path) {
            var config = configuration()
            config.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.read { db in
                let applied = try IngestSchema.migrator.appliedIdentifiers(db)
                let known = Set(IngestSchema.migrations.map(\.id))
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if !applied.isSubset(of: known) || version > IngestSchema.version {
                    throw DatabaseFileError.newerSchema(path: path, version: max(version, applied.count), supported: IngestSchema.version)
                }
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") ?? 0
                if applied.isEmpty && tables > 0 { throw DatabaseFileError.notReformDatabase(path: path) }
            }
        }
    }

    /// Runs `body`, turning SQLite's errors into ``DatabaseFileError``s that name the file.
    static func sqlite<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseFileError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode.primaryResultCode {
            case .SQLITE_NOTADB: throw DatabaseFileError.notSQLite(path: path)
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
                throw DatabaseFileError.readOnly(path: path, reason: error.message ?? "\(error.resultCode)")
            default: throw DatabaseFileError.sqlite(path: path, reason: error.message ?? "\(error)")
            }
        }
    }

    /// Runs `body` in one write transaction (ingest only).
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard let writer else { throw DatabaseFileError.readOnly(path: path, reason: "opened for reading") }
        return try Self.sqlite(path) { try writer.write(body) }
    }

    /// Runs `body` on one consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.sqlite(path) { try reader.read(body) }
    }

    /// Rows in each table, by name: what a run left behind, for tests and `reform ingest` summaries.
    public func rowCounts() throws -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for table in Self.tables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    /// The tables of the schema, parents first.
    public static let tables = ["runs", "files", "forms", "funds", "indicators", "reviews", "failures"]

    /// Every stored row of the result tables, as text, with the fields a rerun may change (row ids,
    /// run ids, times) left out: two databases holding the same results give equal dumps.
    public func contentDump() throws -> [String] {
        try read { db in
            let queries = [
                "SELECT 'file', path, name, sha256, size, status, forms FROM files ORDER BY path",
                "SELECT 'form', fi.path, fo.ordinal, fo.record_json, fo.department, fo.confidence, fo.pages FROM forms fo JOIN files fi ON fi.id = fo.file_id ORDER BY fi.path, fo.ordinal",
                "SELECT 'funds', fi.path, fo.ordinal, fu.project_total_cents, fu.project_fiscal_cents, fu.project_other_cents, fu.annual_total_cents, fu.annual_appropriation_cents, fu.annual_carryover_cents, fu.annual_other_cents FROM funds fu JOIN forms fo ON fo.id = fu.form_id JOIN files fi ON fi.id = fo.file_id ORDER BY fi.path, fo.ordinal",
                "SELECT 'indicator', fi.path, fo.ordinal, i.ordinal, i.level1, i.level2, i.name, i.target_raw, i.target_op, i.target_value, i.target_unit, i.target_qualitative FROM indicators i JOIN forms fo ON fo.id = i.form_id JOIN files fi ON fi.id = fo.file_id ORDER BY fi.path, fo.ordinal, i.ordinal",
                "SELECT 'review', fi.path, fo.ordinal, r.ordinal, r.path, r.reason FROM reviews r JOIN forms fo ON fo.id = r.form_id JOIN files fi ON fi.id = fo.file_id ORDER BY fi.path, fo.ordinal, r.ordinal",
                "SELECT 'failure', fi.path, fa.kind, fa.exit_code, fa.reason FROM failures fa JOIN files fi ON fi.id = fa.file_id ORDER BY fi.path",
            ]
            var lines: [String] = []
            for sql in queries {
                let rows = try Row.fetchCursor(db, sql: sql)
                while let row = try rows.next() {
                    lines.append((0..<row.count).map { (row[$0] as DatabaseValue).description }.joined(separator: "\t"))
                }
            }
            return lines
        }
    }

    /// The failures stored for files, by canonical path: kind and reason.
    public func failures() throws -> [(path: String, kind: String, reason: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT fi.path, fa.kind, fa.reason FROM failures fa JOIN files fi ON fi.id = fa.file_id ORDER BY fi.path")
                .map { (path: $0["path"], kind: $0["kind"], reason: $0["reason"]) }
        }
    }
}
