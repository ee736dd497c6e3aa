import ReformPDF

/// Where a field of a record was read: its cell's page and box, and the part the cell plays on the
/// form. Not part of the canonical record; pictures and reports use it to show what was read where.
public struct FieldSource: Sendable, Hashable {
    /// What a cell is on the form.
    public enum Role: String, Sendable, CaseIterable {
        case label, text, funds, goal, level, indicatorName = "indicator", target
    }

    /// The record path the cell fills (`funds_yuan.annual_total`, `indicators[3].name`); for a label,
    /// the path of the field it names.
    public var path: String
    public var role: Role
    public var page: Int
    public var box: Rect

    public init(path: String, role: Role, page: Int, box: Rect) {
        self.path = path
        self.role = role
        self.page = page
        self.box = box
    }
}
