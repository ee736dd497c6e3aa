import Foundation

/// One indicator's target (年度指标值), SPEC §2 `target`: `[op] number [unit]`, or a qualitative word.
///
/// `value` is a `Decimal`, never a `Double`, so `2028.34` stays `2028.34` and prints in its shortest
/// exact form. `qualitative` is set exactly when there is no number.
public struct TargetValue: Sendable, Hashable, Decodable {
    /// The cell as printed, trimmed and normalized like every record string (``TextNormalizer``).
    public var raw: String
    public var op: ComparisonOperator?
    public var value: Decimal? { didSet { valueText = value.map(Self.shortestText) } }
    /// `value` in its shortest exact decimal form (`51`, `2028.34`), as the JSON writer prints it:
    /// `Decimal.description`, or the same text written from the digits the grammar read.
    public private(set) var valueText: String?
    /// The unit without its brackets (`%`, `元/张`, `万元`), or `nil`.
    public var unit: String?
    public var qualitative: String?

    public init(raw: String, op: ComparisonOperator?, value: Decimal?, unit: String?, qualitative: String?) {
        self.init(raw: raw, op: op, number: value.map { ($0, Self.shortestText($0)) }, unit: unit, qualitative: qualitative)
    }

    /// A target whose number comes with its text (``TargetGrammar/number(_:)``).
    init(raw: String, op: ComparisonOperator?, number: (value: Decimal, text: String)?, unit: String?, qualitative: String?) {
        self.raw = raw
        self.op = op
        self.value = number?.value
        self.valueText = number?.text
        self.unit = unit
        self.qualitative = qualitative
    }

    /// The target read from a cell, never failing: what ``TargetGrammar/parse(_:)`` gives, or, for a
    /// cell the grammar rejects, the normalized text as `qualitative` so nothing printed is lost
    /// (what the corpus generator's truth records do too).
    /// ``RecordChecks`` re-parses `raw` and flags such targets for review.
    public init(cell: String) {
        switch TargetGrammar.parse(cell) {
        case .success(let target):
            self = target
        case .failure(let error):
            self.init(raw: error.raw, op: nil, value: nil, unit: nil, qualitative: error.raw.isEmpty ? nil : error.raw)
        }
    }

    /// A qualitative target (`安全`, `显著改善`).
    public static func qualitative(_ word: String) -> TargetValue {
        TargetValue(raw: word, op: nil, value: nil, unit: nil, qualitative: word)
    }

    /// Whether the target has a number.
    public var isQuantitative: Bool { value != nil }

    /// Equality as scored (SPEC §3): `op`, `value`, `unit` and `qualitative`, ignoring `raw`.
    public func sameMeaning(as other: TargetValue) -> Bool {
        op == other.op && value == other.value && unit == other.unit && qualitative == other.qualitative
    }

    /// `Decimal.description` is plain positional notation without trailing zeros; kept in one place
    /// so the writer and tests agree on it.
    static func shortestText(_ value: Decimal) -> String { value.description }

    public static func == (lhs: TargetValue, rhs: TargetValue) -> Bool {
        lhs.raw == rhs.raw && lhs.sameMeaning(as: rhs)
    }

    public func hash(into hasher: inout Hasher) {
        // Hash the canonical text, not the Decimal, so 51.00 and 51 (equal) hash alike.
        hasher.combine(raw)
        hasher.combine(op)
        hasher.combine(valueText)
        hasher.combine(unit)
        hasher.combine(qualitative)
    }

    enum CodingKeys: String, CodingKey {
        case raw, op, value, unit, qualitative
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        raw = try container.decodeIfPresent(String.self, forKey: .raw) ?? ""
        op = try container.decodeIfPresent(ComparisonOperator.self, forKey: .op)
        value = try container.decodeIfPresent(Decimal.self, forKey: .value)
        valueText = value.map(Self.shortestText)
        unit = try container.decodeIfPresent(String.self, forKey: .unit)
        qualitative = try container.decodeIfPresent(String.self, forKey: .qualitative)
    }
}
