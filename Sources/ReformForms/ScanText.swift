/// Repairs for text read from a scan's OCR layer, where ruled lines become characters and
/// separators get misread. Applied only to forms read from scans; every repair that changes a
/// value is listed under `review` by the caller.
public enum ScanText {
    /// Characters OCR makes of a ruled line or its shadow; never part of a label or a value's edge.
    public static let lineArtifacts: Set<Character> = ["|", "丨", "│", "┃", "‖", "”", "“", "\"", "'", "‘", "’", "「", "」", "_"]
    /// The same, as scalars (each is one), for loops over scalars.
    static let lineArtifactScalars = ScalarList(lineArtifacts.flatMap(\.unicodeScalars))

    /// The text without line artifacts and whitespace at its ends.
    public static func trimArtifacts(_ text: String) -> String {
        var s = Substring(text)
        while let c = s.first, c.isWhitespace || lineArtifacts.contains(c) { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace || lineArtifacts.contains(c) { s = s.dropLast() }
        return String(s)
    }

    /// The text as a scanned form prints it: line artifacts gone from its ends, and brackets inside
    /// Chinese text full-width (OCR reads `（库）` as `(库)` or `〈库)`).
    public static func cleaned(_ text: String) -> String {
        var scalars = Array(trimArtifacts(text).unicodeScalars)
        chineseBrackets(&scalars)
        return String(scalars: scalars)
    }

    /// Brackets between ideographs as the full-width brackets Chinese typesetting prints there: the
    /// recognizer reads both widths as `(` `)`, and an opening one now and then as `〈` (or as both,
    /// `〈(`). A bracket beside a digit or a Latin letter (`=12.00(卷)`, `(2023年`) is left alone.
    public static func chineseBrackets(_ scalars: inout [Unicode.Scalar]) {
        dropDoubledBrackets(&scalars)
        fullWidthBrackets(&scalars)
    }

    /// One bracket read twice (`场〈(库`): the `〈` goes.
    public static func dropDoubledBrackets(_ scalars: inout [Unicode.Scalar]) {
        scalars = scalars.indices.compactMap { i in
            scalars[i] == "〈" && i + 1 < scalars.count && (scalars[i + 1] == "(" || scalars[i + 1] == "（") ? nil : scalars[i]
        }
    }

    /// The brackets between ideographs made full-width, in place (the count stays).
    public static func fullWidthBrackets(_ scalars: inout [Unicode.Scalar]) {
        var open = false
        for i in scalars.indices {
            let before = i > 0 ? scalars[i - 1] : nil, after = i + 1 < scalars.count ? scalars[i + 1] : nil
            let opening = scalars[i] == "(" || (scalars[i] == "〈" && scalars[(i + 1)...].prefix(maximumBracketed).contains { $0 == ")" || $0 == "）" })
            if opening, let b = before, let a = after, TextNormalizer.isIdeograph(b) && TextNormalizer.isIdeograph(a) {
                scalars[i] = "（"
                open = true
            } else if scalars[i] == ")", open, let b = before, TextNormalizer.isIdeograph(b) {
                scalars[i] = "）"
                open = false
            }
        }
    }

    /// A `〈` is read as an opening bracket only when a closing one follows within this many characters.
    static let maximumBracketed = 6

    /// Letters OCR reads for digits inside a number or date.
    static let digitLookalikes: [Character: Character] = ["l": "1", "I": "1", "|": "1", "i": "1", "O": "0", "o": "0", "D": "0", "S": "5", "B": "8", "Z": "2"]
    /// Marks OCR reads for a date's separators.
    static let separatorLookalikes: Set<Character> = ["_", "~", "—", "–", ",", "，", "、"]

    /// A date OCR garbled (`2025.01.0l`, `2023-12_30`, `2025 12.31`, `12021-12-31`): look-alike letters
    /// between digits become digits, every separator becomes `-`, and a rule's `1` before the year goes.
    /// Nil when nothing changes or it is still no date.
    public static func repairedDate(_ text: String) -> String? {
        let chars = Array(text.trimmingCharacters(in: .whitespaces))
        var out = ""
        for (i, c) in chars.enumerated() {
            let nearDigit = (i > 0 && chars[i - 1].isNumber) || (i + 1 < chars.count && chars[i + 1].isNumber)
            if let d = digitLookalikes[c], nearDigit { out.append(d) }
            else if separatorLookalikes.contains(c) || c == " " || c == "." || c == "/" { out.append("-") }
            else { out.append(c) }
        }
        // A rule beside the cell read as a `1` glued to the year (`12021-12-31`): no year has five digits.
        if out.range(of: #"^[1lI|]((19|20)\d\d\D)"#, options: .regularExpression) != nil { out.removeFirst() }
        guard out != text, let date = DateValue(parsing: out) else { return nil }
        return date.iso
    }

    /// An amount whose separators OCR confused (`262.700.00`, `1,474,326,18`, `246.000`): the last
    /// separator followed by exactly two digits is the decimal point, every other one a thousands
    /// separator (an amount in yuan has no third decimal). Returns nil when there is nothing to
    /// repair, or when a group between separators is not of three digits.
    public static func repairedAmount(_ text: String) -> String? {
        let compact = text.filter { !$0.isWhitespace }
        let separators = compact.filter { $0 == "." || $0 == "," }
        let threeDecimals = separators == "." && compact.split(separator: ".", omittingEmptySubsequences: false).last?.count == 3
        guard separators.count >= 2 || compact.contains(",") && !compact.contains(".") && compact.count >= 4 || threeDecimals else { return nil }
        let chars = Array(compact)
        guard let last = chars.lastIndex(where: { $0 == "." || $0 == "," }) else { return nil }
        let fraction = chars[(last + 1)...]
        // Between two separators stand whole groups of three (or several, where a separator was
        // lost): a group of four (`9.101.3852.87`) is a digit read twice, not a number to trust.
        let groups = String(chars[..<last]).split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," }
        guard groups.dropFirst().allSatisfy({ !$0.isEmpty && $0.count % 3 == 0 }) else { return nil }
        let integer = chars[..<last].filter { $0 != "." && $0 != "," }
        guard integer.allSatisfy(\.isNumber), fraction.allSatisfy(\.isNumber), !integer.isEmpty else { return nil }
        let repaired = fraction.count == 2 ? String(integer) + "." + String(fraction) : String(integer) + String(fraction)
        return repaired == compact ? nil : repaired
    }

    /// The amount a scanned amount cell holds: with its separators repaired (`repairedAmount`) where
    /// that reads otherwise than the text as printed, and whether it did.
    public static func scannedAmount(_ text: String) -> (amount: Amount, repaired: Bool)? {
        let printed = Amount(parsing: text)
        if let repaired = repairedAmount(text).flatMap({ Amount(parsing: $0) }) { return (repaired, repaired != printed) }
        return printed.map { ($0, false) }
    }

    /// Marks OCR reads for a full-width bracket (`〈` for `（`).
    static let openLookalikes: Set<Character> = ["〈", "《", "［", "[", "{", "｛"]
    static let closeLookalikes: Set<Character> = ["〉", "》", "］", "]", "}", "｝"]

    /// A target OCR garbled around its unit (`=61180〈吨)`, `93(9%0)`, `≥99(%6)`): bracket look-alikes
    /// after the number become brackets, and the circles of a `%` read as digits beside it go.
    /// Nil when nothing changes.
    public static func repairedTarget(_ text: String) -> String? {
        let chars = Array(text)
        guard let firstDigit = chars.firstIndex(where: { $0.isASCII && $0.isNumber }) else { return nil }
        // Between the sign and the number nothing belongs: a bracket or bar there is a rule's remains
        // (`>=]1662`), a letter a speck (`≤s12`).
        let prefix = chars[..<firstDigit]
        var out = prefix.contains(where: ScanReader.comparisonSigns.contains)
            ? prefix.filter { ScanReader.comparisonSigns.contains($0) || $0 == "-" || $0.isWhitespace }
            : prefix.filter { !lineArtifacts.contains($0) && !openLookalikes.contains($0) && !closeLookalikes.contains($0) }
        var i = firstDigit
        while i < chars.count {
            let c = chars[i]
            // A comma with two digits after it, closing a number without a point, is the decimal point (`89,00`).
            let next = chars[(i + 1)...].prefix(3)
            if c == ",", chars[i - 1].isNumber, !out.contains("."), next.prefix(2).count == 2,
               next.prefix(2).allSatisfy({ $0.isASCII && $0.isNumber }), next.count < 3 || !next.last!.isNumber {
                out.append(".")
            } else if openLookalikes.contains(c) { out.append("（") }
            else if closeLookalikes.contains(c) { out.append("）") }
            else if c == "%", let open = out.lastIndex(where: { $0 == "(" || $0 == "（" }) {
                // Inside the unit's bracket: digits hugging the % are its circles.
                while out.count > open + 1, let last = out.last, last.isASCII && last.isNumber { out.removeLast() }
                out.append("%")
                while i + 1 < chars.count, chars[i + 1].isASCII && chars[i + 1].isNumber { i += 1 }
            } else if c == "%", let point = out.lastIndex(of: "."), out[(point + 1)...].allSatisfy({ $0.isASCII && $0.isNumber }),
                      out.count - point - 1 > maximumDecimals || (i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber) {
                // A bare % whose circles were read as digits beside it (`100.009%4`): a target has at
                // most two decimals, and nothing follows its %.
                out.removeLast(max(0, out.count - point - 1 - maximumDecimals))
                out.append("%")
                while i + 1 < chars.count, chars[i + 1].isASCII && chars[i + 1].isNumber { i += 1 }
            } else { out.append(c) }
            i += 1
        }
        // A speck after the unit's close (`≥77.00%.`) is no part of the target.
        while let last = out.last, trailingSpecks.contains(last), out.count >= 2, unitEnds.contains(out[out.count - 2]) { out.removeLast() }
        // Two digits more after a target's two decimals, and nothing after them: a % both recognizers
        // read as digits (`≥92.0026`).
        if let point = out.lastIndex(of: "."), out.count - point - 1 == maximumDecimals + percentAsDigits,
           out[(point + 1)...].allSatisfy({ $0.isASCII && $0.isNumber }) {
            out.removeLast(percentAsDigits)
            out.append("%")
        }
        let repaired = String(out)
        return repaired == text ? nil : repaired
    }

    /// The most decimals a target's number is written with.
    static let maximumDecimals = 2
    /// The digits both recognizers make of a `%` after a target's number (`≥92.0026`).
    static let percentAsDigits = 2

    /// Marks a target never ends in after its unit…
    static let trailingSpecks: Set<Character> = [".", ",", "。", "，", "、", "·"]
    /// …and the characters a unit ends with.
    static let unitEnds: Set<Character> = ["%", ")", "）"]
}
