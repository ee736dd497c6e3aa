/// The unit an amount is printed in. The form's funds section is headed `项目资金（元）`, but cost
/// targets and some disclosures print `万元`; amounts are always stored in yuan.
public enum AmountUnit: String, Sendable, Hashable, CaseIterable {
    case yuan = "元"
    case wanYuan = "万元"

    /// How many cents one of this unit is.
    public var centsPerUnit: Int64 {
        switch self {
        case .yuan: return 100
        case .wanYuan: return 1_000_000
        }
    }
}
