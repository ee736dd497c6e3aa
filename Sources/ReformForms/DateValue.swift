import Foundation

/// A calendar date as printed on a form (计划开始日期, 计划完成日期), read into its ISO form.
///
/// Accepts `2024-01-01`, `2024-1-1`, `2024/01/01`, `2024.1.1`, `2024年1月1日` and `20240101`, with
/// full-width digits. A day that does not exist (`2024-02-30`) is not a date.
public struct DateValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Years a budget form can plausibly plan for; outside them a "date" is a misread number.
    public static let plausibleYears = 1949...2100

    /// Separators of the numeric forms; one form uses one separator throughout.
    static let separators: [Character] = ["-", "/", "."]

    /// A valid Gregorian date, or `nil`.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.plausibleYears.contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads a printed date; `nil` if the text is not exactly one valid date.
    public init?(parsing text: String) {
        let folded = TextNormalizer.foldWidth(TextNormalizer.composed(text), keepingChinesePunctuation: false)
        let compact = String(folded.filter { !$0.isWhitespace })
        guard let parts = Self.components(compact) else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// `2024-01-01`.
    public var iso: String {
        func padded(_ n: Int, _ width: Int) -> String {  // the year is plausible, so never negative
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public var description: String { iso }

    public static func < (lhs: DateValue, rhs: DateValue) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Splits the compact text into year, month and day, checking only the shape.
    static func components(_ text: String) -> (year: Int, month: Int, day: Int)? {
        if text.count == 8, text.allSatisfy(\.isASCIIDigitCharacter) {
            let digits = Array(text)
            return (Int(String(digits[0..<4]))!, Int(String(digits[4..<6]))!, Int(String(digits[6..<8]))!)
        }
        var fields: [Substring]
        if text.contains("年") {
            // 2024年1月1日, the 日 (or 号) optional.
            var body = Substring(text)
            if body.hasSuffix("日") || body.hasSuffix("号") { body = body.dropLast() }
            fields = body.split(separator: "年", omittingEmptySubsequences: false)
            guard fields.count == 2 else { return nil }
            let monthDay = fields[1].split(separator: "月", omittingEmptySubsequences: false)
            guard monthDay.count == 2 else { return nil }
            fields = [fields[0]] + monthDay
        } else {
            guard let separator = separators.first(where: text.contains) else { return nil }
            fields = text.split(separator: separator, omittingEmptySubsequences: false)
        }
        guard fields.count == 3,
              fields[0].count == 4, (1...2).contains(fields[1].count), (1...2).contains(fields[2].count),
              fields.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]) else { return nil }
        return (year, month, day)
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
