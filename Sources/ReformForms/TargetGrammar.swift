import Foundation
import ReformPDF

/// The grammar of a target cell (年度指标值, SPEC §1): `[op] number [unit]`, or a qualitative word.
///
/// - op: any spelling in ``ComparisonOperator/spellings`` (`=`, `＝`, `≥`, `>=`, `≧`, …).
/// - number: digits with optional `,` thousands groups and decimals; full-width digits fold, and
///   spaces inside the number (OCR: `= 100 . 00 (%)`) are dropped.
/// - unit: in `(…)` or `（…）` (brackets may nest: `(台（套）)` → `台（套）`), or bare (`万元`, `%`,
///   `元/张`) up to ``maxBareUnitLength`` characters.
/// - qualitative: a cell that starts with neither an operator nor a digit (`安全`, `显著改善`).
///
/// The grammar reads the cell normalized like every record string (``TextNormalizer``): `raw`, the
/// unit and the qualitative word come out NFC, trimmed and width-folded, with `（` `）` kept.
/// A cell that starts like a number (an operator or a digit) but does not finish like one is a
/// ``TargetParseError``, never silently a qualitative word.
public enum TargetGrammar {
    /// The longest bare unit accepted (`平方米`, `元/人/天`). Anything longer after a number is taken
    /// for text glued to the value, not a unit.
    public static let maxBareUnitLength = 6

    /// Characters a bare unit never contains (besides digits): they mean a second target or a
    /// bracket the OCR broke, not a unit.
    static let notInBareUnit: Set<Unicode.Scalar> = ["(", ")", "（", "）", "=", "<", ">", "≥", "≤", "≧", "≦", "⩾", "⩽"]

    /// Brackets around a unit, in both widths (normalization keeps `（` `）` as printed).
    static let openBrackets = ScalarList(["(", "（"])
    static let closeBrackets = ScalarList([")", "）"])

    /// Reads a target cell.
    public static func parse(_ cell: String) -> Result<TargetValue, TargetParseError> {
        let raw = TextNormalizer.normalize(cell)
        guard !raw.isEmpty else { return .failure(TargetParseError(raw: raw, reason: .empty)) }
        let scalars = Array(raw.unicodeScalars)
        var cursor = 0

        let op = readOperator(scalars, at: &cursor)
        skipSpaces(scalars, at: &cursor)
        guard let number = readNumber(scalars, at: &cursor) else {
            if op != nil { return .failure(TargetParseError(raw: raw, reason: .operatorWithoutNumber)) }
            return .success(TargetValue(raw: raw, op: nil, value: nil, unit: nil, qualitative: raw))
        }
        guard let value = Self.number(number) else {
            return .failure(TargetParseError(raw: raw, reason: .malformedNumber(number)))
        }
        switch readUnit(Array(scalars[cursor...])) {
        case .unit(let unit):
            return .success(TargetValue(raw: raw, op: op, number: value, unit: unit, qualitative: nil))
        case .rejected(let reason):
            return .failure(TargetParseError(raw: raw, reason: reason))
        }
    }

    /// Splits a target glued *before* its label (`=1.00(项)完成水、电等管网改造工程数`): the leading
    /// target (an operator, a number and a bracketed unit or nothing) and the text after it.
    /// `nil` when the text does not start with an operator and a number.
    public static func splitLeadingTarget(_ text: String) -> (target: TargetValue, rest: String)? {
        let scalars = Array(TextNormalizer.normalize(text).unicodeScalars)
        var cursor = 0
        guard let op = readOperator(scalars, at: &cursor) else { return nil }
        skipSpaces(scalars, at: &cursor)
        guard let number = readNumber(scalars, at: &cursor), let value = Self.number(number) else { return nil }
        skipSpaces(scalars, at: &cursor)
        var unit: String?
        if cursor < scalars.count, openBrackets.contains(scalars[cursor]) {
            guard let close = matchingBracket(scalars, openingAt: cursor) else { return nil }
            unit = unitText(scalars[(cursor + 1)..<close])
            cursor = close + 1
        }
        let target = String(scalars: scalars[..<cursor])
        let rest = String(scalars: scalars[cursor...].trimmingWhiteSpace())
        return (TargetValue(raw: target, op: op, number: value, unit: unit, qualitative: nil), rest)
    }

    /// Splits a target printed *after* its label on one line (`完成家具安装套数 =216.00(件)`): the
    /// label before the last operator from which the rest parses as a number target. `nil` when
    /// the text does not end in such a target.
    public static func splitTrailingTarget(_ text: String) -> (label: String, target: TargetValue)? {
        let scalars = Array(TextNormalizer.normalize(text).unicodeScalars)
        for start in scalars.indices.reversed() where isOperatorStart(scalars[start]) {
            // Step back over the first half of a two-character operator (`>=`).
            let opStart = start > 0 && (scalars[start - 1] == ">" || scalars[start - 1] == "<") && scalars[start] == "=" ? start - 1 : start
            let tail = String(scalars: scalars[opStart...])
            guard case .success(let target) = parse(tail), target.isQuantitative else { continue }
            let label = TextNormalizer.normalize(String(scalars: scalars[..<opStart]))
            guard !label.isEmpty else { return nil }
            return (label, target)
        }
        return nil
    }

    // MARK: - Scanning

    static func isOperatorStart(_ scalar: Unicode.Scalar) -> Bool {
        operatorSpellings.contains { $0.scalars.first == scalar }
    }

    /// ``ComparisonOperator/spellings`` as scalars, in their order.
    static let operatorSpellings: [(scalars: [Unicode.Scalar], op: ComparisonOperator)] =
        ComparisonOperator.spellings.map { (Array($0.printed.unicodeScalars), $0.op) }

    static func readOperator(_ scalars: [Unicode.Scalar], at cursor: inout Int) -> ComparisonOperator? {
        // Spellings are listed two-character forms first, so `>=` wins over `>`.
        for (pattern, op) in operatorSpellings {
            let end = cursor + pattern.count
            if end <= scalars.count, scalars[cursor..<end].elementsEqual(pattern) {
                cursor = end
                return op
            }
        }
        return nil
    }

    static func skipSpaces(_ scalars: [Unicode.Scalar], at cursor: inout Int) {
        while cursor < scalars.count, scalars[cursor].isUnicodeWhiteSpace { cursor += 1 }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// The number's characters with spaces removed, or `nil` if no digit starts here. Reads digits,
    /// `,`, `.` and spaces between them; spaces after the last digit are left for the unit.
    static func readNumber(_ scalars: [Unicode.Scalar], at cursor: inout Int) -> String? {
        var start = cursor
        var sign = ""
        if start < scalars.count, scalars[start] == "-" {
            var next = start + 1
            skipSpaces(scalars, at: &next)
            guard next < scalars.count, isDigit(scalars[next]) else { return nil }
            sign = "-"
            start = next
        }
        guard start < scalars.count, isDigit(scalars[start]) else { return nil }
        var end = start
        var lastKept = start
        while end < scalars.count {
            let scalar = scalars[end]
            if isDigit(scalar) || scalar == "," || scalar == "." {
                lastKept = end
            } else if !scalar.isUnicodeWhiteSpace {
                break
            }
            end += 1
        }
        cursor = lastKept + 1
        let text = String(scalars: scalars[start...lastKept].filter { !$0.isUnicodeWhiteSpace })
        return sign + text
    }

    /// The exact value of a number as read, or `nil` when it is malformed: thousands groups must
    /// be of three digits, and a decimal point needs digits on both sides.
    static func decimal(fromNumber number: String) -> Decimal? { Self.number(number)?.value }

    /// The exact value of a number as read (see ``decimal(fromNumber:)``) and its text as
    /// `Decimal.description` prints it. The text is written from the digits read where they fit a
    /// UInt64: Foundation's printing goes through generic string code whose types the runtime
    /// builds on first use, scanning every protocol-conformance record (~0.4 ms of each process,
    /// docs/benchmarks.md, twenty-seventh session).
    static func number(_ number: String) -> (value: Decimal, text: String)? {
        // Read as UTF-8 bytes: a number is ASCII, and any other byte is no digit, comma or point.
        var body = Array(number.utf8)[...]
        let negative = body.first == UInt8(ascii: "-")
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let integer = parts[0]
        let fraction = parts.count == 2 ? parts[1] : nil
        func allDigits(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.allSatisfy { (0x30...0x39).contains($0) } }
        if let fraction, fraction.isEmpty || !allDigits(fraction) { return nil }
        let groups = integer.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty, allDigits(first) else { return nil }
        if groups.count > 1 {
            guard first.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 && allDigits($0) }) else { return nil }
        }
        // Up to 18 digits fit a UInt64 exactly, and the value is built from them: Decimal(string:locale:)
        // with a locale asks ICU about it on every call.
        let whole = Array(groups.joined()), digits = whole + (fraction ?? [])
        // (Zero is left to Foundation: it keeps the exponent of "0.00", which building normalizes away.)
        if digits.count <= 18 {
            let value = digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1 - 0x30) }
            if value != 0 {
                let places = fraction?.count ?? 0
                return (Decimal(sign: negative ? .minus : .plus, exponent: -places, significand: Decimal(value)),
                        plainText(value, places: places, negative: negative))
            }
        }
        // Without a locale Foundation's decimal separator is the period, and no locale is consulted.
        let plain = (negative ? "-" : "") + String(decoding: whole, as: UTF8.self)
            + (fraction.map { "." + String(decoding: $0, as: UTF8.self) } ?? "")
        return Decimal(string: plain).map { ($0, $0.description) }
    }

    /// `value` × 10^-`places` in plain positional notation without trailing zeros after the point
    /// (`5100`, 2 → `51`; `50`, 3 → `0.05`), as `Decimal.description` prints it.
    static func plainText(_ value: UInt64, places: Int, negative: Bool) -> String {
        var digits = Array(String(value).utf8)
        if places > 0 {
            if digits.count <= places { digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: places + 1 - digits.count), at: 0) }
            digits.insert(UInt8(ascii: "."), at: digits.count - places)
            while digits.last == UInt8(ascii: "0") { digits.removeLast() }
            if digits.last == UInt8(ascii: ".") { digits.removeLast() }
        }
        return (negative ? "-" : "") + String(decoding: digits, as: UTF8.self)
    }

    /// What follows the number: a unit (`nil` for none) or the reason it is not one.
    enum UnitReading {
        case unit(String?)
        case rejected(TargetParseError.Reason)
    }

    /// The unit after the number: `nil` for none, the bracket content, or a short bare unit.
    static func readUnit(_ rest: [Unicode.Scalar]) -> UnitReading {
        let scalars = Array(rest.trimmingWhiteSpace())
        guard !scalars.isEmpty else { return .unit(nil) }
        if openBrackets.contains(scalars[0]) {
            guard let close = matchingBracket(scalars, openingAt: 0) else { return .rejected(.unclosedBracket) }
            let after = scalars[(close + 1)...].trimmingWhiteSpace()
            guard after.isEmpty else { return .rejected(.trailingText(TextNormalizer.normalize(String(scalars: after)))) }
            return .unit(unitText(scalars[1..<close]))
        }
        let bare = String(scalars: scalars.filter { !$0.isUnicodeWhiteSpace })
        let looksLikeUnit = bare.count <= maxBareUnitLength
            && !bare.unicodeScalars.contains { isDigit($0) || notInBareUnit.contains($0) }
        return looksLikeUnit ? .unit(bare) : .rejected(.trailingText(TextNormalizer.normalize(String(scalars: scalars))))
    }

    /// The index of the bracket closing the one at `open`, counting nested brackets of either width.
    static func matchingBracket(_ scalars: [Unicode.Scalar], openingAt open: Int) -> Int? {
        var depth = 0
        for index in open..<scalars.count {
            if openBrackets.contains(scalars[index]) { depth += 1 }
            if closeBrackets.contains(scalars[index]) {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// A unit as written inside brackets, whitespace removed (OCR spaces out `人 次`); empty → `nil`.
    static func unitText(_ scalars: ArraySlice<Unicode.Scalar>) -> String? {
        let unit = String(scalars: scalars.filter { !$0.isUnicodeWhiteSpace })
        return unit.isEmpty ? nil : unit
    }
}
