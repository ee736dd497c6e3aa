import Foundation
import ReformPDF

/// An amount of money in yuan, exact to the cent (SPEC §2 `funds_yuan`).
///
/// Stored as whole cents in an `Int64`, so `1,474,326.18` can never become `1474326.1799999`;
/// printed with exactly two decimals (`138507.00`).
public struct Amount: Sendable, Hashable, Comparable, CustomStringConvertible, Decodable {
    /// The amount in cents (分).
    public let cents: Int64

    /// Cells that mean "nothing here" rather than a number.
    public static let blankMarks: Set<String> = ["", "-", "--", "—", "——", "–", "/", "无"]

    /// The most digits accepted in front of the decimal point; more could overflow `Int64` cents.
    static let maxIntegerDigits = 15

    public init(cents: Int64) {
        self.cents = cents
    }

    /// An exact number of `unit`s, rounded to the cent (half away from zero) when it has more
    /// decimals than a cent can hold. `nil` if it does not fit.
    public init?(_ number: Decimal, unit: AmountUnit = .yuan) {
        var scaled = number * Decimal(unit.centsPerUnit)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        // int64Value saturates or wraps silently out of range; the round trip catches that.
        let cents = NSDecimalNumber(decimal: rounded).int64Value
        guard Decimal(cents) == rounded else { return nil }
        self.cents = cents
    }

    /// Reads an amount cell: `1,474,326.18`, `138507`, `0.00`, `１２３．４５`, `138,507.00（元）`,
    /// `409.34万元`. A unit printed in the cell (`元`, `万元`, bracketed or bare) wins over
    /// `defaultUnit`, which is the unit of the section the cell sits in.
    /// `nil` for a blank cell (see ``blankMarks``) and for one that is not a number; tell the two
    /// apart with ``isBlank(_:)``.
    public init?(parsing text: String, defaultUnit: AmountUnit = .yuan) {
        var body = Self.cleaned(text)
        var unit = defaultUnit
        // Longest unit first: `万元` also ends in `元`.
        for candidate in [AmountUnit.wanYuan, .yuan] {
            let marks = ["(\(candidate.rawValue))", candidate.rawValue]
            if let mark = marks.first(where: { body.hasSuffix($0) || body.hasPrefix($0) }) {
                body = body.hasSuffix(mark) ? String(body.dropLast(mark.count)) : String(body.dropFirst(mark.count))
                unit = candidate
                break
            }
        }
        guard !Self.blankMarks.contains(body), let number = Self.decimal(fromAmountText: body),
              let amount = Amount(number, unit: unit) else { return nil }
        self = amount
    }

    /// Whether a cell holds no amount at all (empty, `-`, `无`, or only a unit), as opposed to
    /// holding text that fails to parse.
    public static func isBlank(_ text: String) -> Bool {
        var body = cleaned(text)
        for mark in ["(万元)", "(元)", "万元", "元"] { body = body.replacingOccurrences(of: mark, with: "") }
        return blankMarks.contains(body)
    }

    /// The amount as an exact decimal number of yuan.
    public var yuan: Decimal { Decimal(cents) / 100 }

    /// `138507.00`, `-12.50`: the yuan with exactly two decimals, as the JSON writer prints it.
    public var description: String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.cents < rhs.cents }

    public static func + (lhs: Amount, rhs: Amount) -> Amount { Amount(cents: lhs.cents + rhs.cents) }

    public static let zero = Amount(cents: 0)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let number = try container.decode(Decimal.self)
        guard let amount = Amount(number) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "amount out of range: \(number)")
        }
        self = amount
    }

    /// Width folded, whitespace removed: OCR spaces digits apart.
    static func cleaned(_ text: String) -> String {
        let folded = TextNormalizer.foldWidth(TextNormalizer.composed(text), keepingChinesePunctuation: false)
        return String(scalars: folded.unicodeScalars.filter {
            !$0.isUnicodeWhiteSpace && !TextNormalizer.invisible.contains($0)
        })
    }

    /// `-`? digits with optional `,` groups and an optional fraction, exactly.
    static func decimal(fromAmountText text: String) -> Decimal? {
        let integerPart = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
        let digitCount = integerPart.filter(\.isNumber).count
        guard digitCount <= maxIntegerDigits else { return nil }
        return TargetGrammar.decimal(fromNumber: text)
    }
}
