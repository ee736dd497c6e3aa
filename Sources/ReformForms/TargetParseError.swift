/// Why a target cell does not read as `[op] number [unit]` (SPEC §1), so the review layer can say
/// "target does not parse" and name the reason.
public struct TargetParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// The cell is empty.
        case empty
        /// An operator is printed but no number follows it (`=abc(%)`, `≥`).
        case operatorWithoutNumber
        /// Digits are printed but do not form a number (`1,23`, `100.`); the associated text is the
        /// number as read, spaces removed.
        case malformedNumber(String)
        /// A `(` or `（` opens the unit and never closes.
        case unclosedBracket
        /// Text follows the target that is not a unit: often a label glued to its value
        /// (`=1.00(项)完成水、电等管网改造工程数`). The associated text is what follows.
        case trailingText(String)
    }

    /// The cell as printed, normalized (``TextNormalizer``).
    public let raw: String
    public let reason: Reason

    public init(raw: String, reason: Reason) {
        self.raw = raw
        self.reason = reason
    }

    public var description: String {
        "target does not parse: \"\(raw)\" (\(reasonText))"
    }

    /// The reason in a few words, for review items.
    public var reasonText: String {
        switch reason {
        case .empty: return "the cell is empty"
        case .operatorWithoutNumber: return "an operator without a number"
        case .malformedNumber(let number): return "\"\(number)\" is not a number"
        case .unclosedBracket: return "the unit's bracket is not closed"
        case .trailingText(let text): return "text after the value: \"\(text)\""
        }
    }
}
