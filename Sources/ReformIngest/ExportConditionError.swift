/// An export `--where` condition SQLite could not run.
public struct ExportConditionError: Error, Sendable, CustomStringConvertible {
    public var conditions: [String]
    public var reason: String

    public var description: String {
        "--where \(conditions.joined(separator: " AND ")): \(reason); write an SQL condition on the columns of the form_overview view (docs/database.md)"
    }
}
