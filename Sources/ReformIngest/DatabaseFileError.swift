/// Why an ingest database cannot be used. Found before anything is written to it.
public enum DatabaseFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but is not an SQLite database.
    case notSQLite(path: String)
    /// An SQLite database of another program (tables, but none of reform's migrations).
    case notReformDatabase(path: String)
    /// Written by a newer reform: its schema has migrations this build does not know.
    case newerSchema(path: String, version: Int, supported: Int)
    /// The file or its folder cannot be written (ingest needs both: WAL keeps files beside it).
    case readOnly(path: String, reason: String)
    /// The database does not exist (export never creates one).
    case missing(path: String)
    /// SQLite failed while opening, reading or writing.
    case sqlite(path: String, reason: String)

    /// The process exit code: every database problem is 11 (README.md, "Exit codes").
    public var exitCode: Int32 { 11 }

    public var kind: String {
        switch self {
        case .notSQLite: return "not_sqlite"
        case .notReformDatabase: return "not_reform_database"
        case .newerSchema: return "newer_schema"
        case .readOnly: return "read_only"
        case .missing: return "missing"
        case .sqlite: return "sqlite"
        }
    }

    public var description: String {
        switch self {
        case .notSQLite(let p):
            return "\(p): not an SQLite database; give --db a new file name or a database reform made"
        case .notReformDatabase(let p):
            return "\(p): an SQLite database of another program (no reform schema); give --db a new file name"
        case .newerSchema(let p, let v, let s):
            return "\(p): made by a newer reform (schema \(v), this one knows up to \(s)); upgrade reform to use it"
        case .readOnly(let p, let r):
            return "\(p): cannot be written (\(r)); ingest needs write access to the file and its folder"
        case .missing(let p):
            return "\(p): no such database; run reform ingest first"
        case .sqlite(let p, let r):
            return "\(p): database error (\(r))"
        }
    }
}
