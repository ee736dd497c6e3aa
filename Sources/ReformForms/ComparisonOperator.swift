/// The comparison in front of a target value, in its normalized spelling (SPEC §2 `target.op`).
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable, Codable {
    case equal = "="
    case greaterOrEqual = ">="
    case lessOrEqual = "<="
    case greater = ">"
    case less = "<"

    /// Every printed spelling of an operator seen in forms, mapped to its normalized case.
    /// Full-width forms (`＝`, `＞`, `＜`) are listed although the grammar folds width first, so the
    /// table is also right for callers that look a spelling up directly.
    public static let spellings: [(printed: String, op: ComparisonOperator)] = [
        (">=", .greaterOrEqual), ("<=", .lessOrEqual),
        ("＞＝", .greaterOrEqual), ("＜＝", .lessOrEqual),
        ("≥", .greaterOrEqual), ("≧", .greaterOrEqual), ("⩾", .greaterOrEqual),
        ("≤", .lessOrEqual), ("≦", .lessOrEqual), ("⩽", .lessOrEqual),
        ("=", .equal), ("＝", .equal),
        (">", .greater), ("＞", .greater),
        ("<", .less), ("＜", .less),
    ]

    /// The operator printed as `spelling`, in any of its forms; `nil` if it is not one.
    public init?(printed spelling: String) {
        guard let match = Self.spellings.first(where: { $0.printed == spelling }) else { return nil }
        self = match.op
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let op = ComparisonOperator(printed: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a comparison operator: \(text)")
        }
        self = op
    }
}
