/// The form's funds block (SPEC §2 `funds_yuan`, 项目资金（元）): project and annual amounts in
/// yuan, `nil` for an empty cell.
public struct Funds: Sendable, Hashable, Decodable {
    /// 项目资金总额
    public var projectTotal: Amount?
    /// 其中：财政资金
    public var projectFiscal: Amount?
    /// 其他资金 (project column)
    public var projectOther: Amount?
    /// 年度资金申请总额
    public var annualTotal: Amount?
    /// 其中：当年财政拨款
    public var annualAppropriation: Amount?
    /// 上年结转资金
    public var annualCarryover: Amount?
    /// 其他资金 (annual column)
    public var annualOther: Amount?

    /// The fields in SPEC order, named by their JSON keys (for review paths and scoring).
    public enum Field: String, Sendable, CaseIterable, CodingKey {
        case projectTotal = "project_total"
        case projectFiscal = "project_fiscal"
        case projectOther = "project_other"
        case annualTotal = "annual_total"
        case annualAppropriation = "annual_appropriation"
        case annualCarryover = "annual_carryover"
        case annualOther = "annual_other"
    }

    public init(
        projectTotal: Amount? = nil, projectFiscal: Amount? = nil, projectOther: Amount? = nil,
        annualTotal: Amount? = nil, annualAppropriation: Amount? = nil, annualCarryover: Amount? = nil,
        annualOther: Amount? = nil
    ) {
        self.projectTotal = projectTotal
        self.projectFiscal = projectFiscal
        self.projectOther = projectOther
        self.annualTotal = annualTotal
        self.annualAppropriation = annualAppropriation
        self.annualCarryover = annualCarryover
        self.annualOther = annualOther
    }

    /// One field by name.
    public subscript(field: Field) -> Amount? {
        get {
            switch field {
            case .projectTotal: return projectTotal
            case .projectFiscal: return projectFiscal
            case .projectOther: return projectOther
            case .annualTotal: return annualTotal
            case .annualAppropriation: return annualAppropriation
            case .annualCarryover: return annualCarryover
            case .annualOther: return annualOther
            }
        }
        set {
            switch field {
            case .projectTotal: projectTotal = newValue
            case .projectFiscal: projectFiscal = newValue
            case .projectOther: projectOther = newValue
            case .annualTotal: annualTotal = newValue
            case .annualAppropriation: annualAppropriation = newValue
            case .annualCarryover: annualCarryover = newValue
            case .annualOther: annualOther = newValue
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Field.self)
        self.init()
        for field in Field.allCases {
            self[field] = try container.decodeIfPresent(Amount.self, forKey: field)
        }
    }
}
