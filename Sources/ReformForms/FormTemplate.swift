/// A form type described as data: its title, the labelled fields and where each value sits, and
/// the indicator table's column headers. The pipeline reads any form through such a value, so a
/// second form type is a second value, not new code.
public struct FormTemplate: Sendable {
    /// The title that opens each form on the page.
    public var title: String
    /// Labelled fields, in the order they are looked for.
    public var fields: [FieldRule]
    /// Column headers of the indicator table.
    public var indicatorColumns: IndicatorColumns
    /// Labels that appear on the form but carry no field (section labels): never taken as values.
    public var otherLabels: [String]
    /// Units a target cell may carry (`%`, `万元`, `台（套）`): the characters an OCR re-reading of a
    /// target is allowed.
    public var units: [String] = [] {
        didSet { normalizedUnits = Set(units.map { TextNormalizer.normalize($0) }) }
    }
    /// The units as the target grammar gives them (normalized), for telling known units from
    /// misreads; kept with `units` (each form read asks for them).
    public private(set) var normalizedUnits: Set<String> = []

    public init(title: String, fields: [FieldRule], indicatorColumns: IndicatorColumns, otherLabels: [String]) {
        self.title = title
        self.fields = fields
        self.indicatorColumns = indicatorColumns
        self.otherLabels = otherLabels
    }

    /// Every label spelling of the template, for telling labels from values.
    public var allLabels: [String] {
        fields.flatMap(\.labels) + indicatorColumns.all.flatMap { $0 } + otherLabels
    }
}

/// Where a field's value sits relative to its label cell.
public enum ValuePlacement: Sendable {
    /// In the next cell to the right.
    case right
    /// In the cell below, under the label.
    case below
}

/// The field a rule fills.
public enum FieldTarget: Sendable, Hashable {
    case project(ProjectInfo.Field)
    case funds(Funds.Field)
    case overallGoal
    case annualGoal

    /// The record path, as review items spell it.
    public var path: String {
        switch self {
        case .project(let f): return RecordPath.project(f)
        case .funds(let f): return RecordPath.funds(f)
        case .overallGoal: return RecordPath.goals("overall")
        case .annualGoal: return RecordPath.goals("annual")
        }
    }
}

/// One labelled field of a form.
public struct FieldRule: Sendable {
    public var target: FieldTarget
    /// Label spellings. Matching ignores spaces, full/half width and digits (`#` stands for a run of
    /// digits); a spelling ending in `*` matches any label that starts with it.
    public var labels: [String]
    public var placement: ValuePlacement
    /// When the same label appears more than once (`其他资金` under the project and the annual totals),
    /// the one in the column of this other label is meant.
    public var columnOf: String?

    public init(_ target: FieldTarget, _ labels: [String], placement: ValuePlacement = .right, columnOf: String? = nil) {
        self.target = target
        self.labels = labels
        self.placement = placement
        self.columnOf = columnOf
    }
}

/// The indicator table's column headers.
public struct IndicatorColumns: Sendable {
    public var level1: [String]
    public var level2: [String]
    public var name: [String]
    public var target: [String]

    public init(level1: [String], level2: [String], name: [String], target: [String]) {
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.target = target
    }

    public var all: [[String]] { [level1, level2, name, target] }
}
