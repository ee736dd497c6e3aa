/// Paths into a record as ``ReviewItem`` and `_ambiguous` spell them (`project.name`,
/// `funds_yuan.project_total`, `indicators[3].level2`).
public enum RecordPath {
    /// The keys of one indicator, named as in the JSON.
    public enum IndicatorKey: String, Sendable, CaseIterable {
        case level1, level2, name, target
    }

    public static let fiscalYear = "fiscal_year"
    public static let title = "title"

    public static func project(_ field: ProjectInfo.Field) -> String { "project.\(field.rawValue)" }

    public static func funds(_ field: Funds.Field) -> String { "funds_yuan.\(field.rawValue)" }

    /// `goals.overall` or `goals.annual`.
    public static func goals(_ key: String) -> String { "goals.\(key)" }

    public static func indicator(_ index: Int) -> String { "indicators[\(index)]" }

    public static func indicator(_ index: Int, _ key: IndicatorKey) -> String { "indicators[\(index)].\(key.rawValue)" }
}
