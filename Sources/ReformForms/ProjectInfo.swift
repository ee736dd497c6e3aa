/// The form's header block (SPEC §2 `project`): what the project is and when it runs.
///
/// Dates hold the ISO form (`2024-01-01`) when the printed date is valid, else the text as printed,
/// which ``RecordChecks`` flags.
public struct ProjectInfo: Sendable, Hashable, Decodable {
    public var name: String?
    public var department: String?
    public var implementingUnit: String?
    public var nature: String?
    public var category: String?
    public var plannedStart: String?
    public var plannedEnd: String?

    /// The fields in SPEC order, named by their JSON keys (for review paths and scoring).
    public enum Field: String, Sendable, CaseIterable, CodingKey {
        case name, department
        case implementingUnit = "implementing_unit"
        case nature, category
        case plannedStart = "planned_start"
        case plannedEnd = "planned_end"
    }

    public init(
        name: String? = nil, department: String? = nil, implementingUnit: String? = nil,
        nature: String? = nil, category: String? = nil, plannedStart: String? = nil, plannedEnd: String? = nil
    ) {
        self.name = name
        self.department = department
        self.implementingUnit = implementingUnit
        self.nature = nature
        self.category = category
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
    }

    /// One field by name.
    public subscript(field: Field) -> String? {
        get {
            switch field {
            case .name: return name
            case .department: return department
            case .implementingUnit: return implementingUnit
            case .nature: return nature
            case .category: return category
            case .plannedStart: return plannedStart
            case .plannedEnd: return plannedEnd
            }
        }
        set {
            switch field {
            case .name: name = newValue
            case .department: department = newValue
            case .implementingUnit: implementingUnit = newValue
            case .nature: nature = newValue
            case .category: category = newValue
            case .plannedStart: plannedStart = newValue
            case .plannedEnd: plannedEnd = newValue
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Field.self)
        self.init()
        for field in Field.allCases {
            self[field] = try container.decodeIfPresent(String.self, forKey: field)
        }
    }
}
