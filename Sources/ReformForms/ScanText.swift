/// Repairs for text read from a scan's OCR layer, where ruled lines become characters and
/// separators get misread. Applied only to forms read from scans; every repair that changes a
/// value is listed under `review` by the caller.
public enum ScanText {
    /// Characters OCR makes of a ruled line or its shadow; never part of a label or a value's edge.
    public static let lineArtifacts: Set<Character> = ["|", "丨", "│", "┃", "‖", "”", "“", "\"", "'", "‘", "’", "「", "」", "_"]

    /// The text without line artifacts and whitespace at its ends.
    public static func trimArtifacts(_ text: String) -> String {
        var s = Substring(text)
        while let c = s.first, c.isWhitespace || lineArtifacts.contains(c) { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace || lineArtifacts.contains(c) { s = s.dropLast() }
        return String(s)
    }

    /// Letters OCR reads for digits inside a number or date.
    static let digitLookalikes: [Character: Character] = ["l": "1", "I": "1", "|": "1", "i": "1", "O": "0", "o": "0", "D": "0", "S": "5", "B": "8", "Z": "2"]
    /// Marks OCR reads for a date's separators.
    static let separatorLookalikes: Set<Character> = ["_", "~", "—", "–", ",", "，", "、"]

    /// A date OCR garbled (`2025.01.0l`, `2023-12_30`, `2025 12.31`): look-alike letters between digits
    /// become digits and every separator becomes `-`. Nil when nothing changes or it is still no date.
    public static func repairedDate(_ text: String) -> String? {
        let chars = Array(text.trimmingCharacters(in: .whitespaces))
        var out = ""
        for (i, c) in chars.enumerated() {
            let nearDigit = (i > 0 && chars[i - 1].isNumber) || (i + 1 < chars.count && chars[i + 1].isNumber)
            if let d = digitLookalikes[c], nearDigit { out.append(d) }
            else if separatorLookalikes.contains(c) || c == " " || c == "." || c == "/" { out.append("-") }
            else { out.append(c) }
        }
        guard out != text, let date = DateValue(parsing: out) else { return nil }
        return date.iso
    }

    /// An amount whose separators OCR confused (`262.700.00`, `1,474,326,18`): the last separator
    /// followed by exactly two digits is the decimal point, every other one a thousands separator.
    /// Returns nil when there is nothing to repair.
    public static func repairedAmount(_ text: String) -> String? {
        let compact = text.filter { !$0.isWhitespace }
        let separators = compact.filter { $0 == "." || $0 == "," }
        guard separators.count >= 2 || compact.contains(",") && !compact.contains(".") && compact.count >= 4 else { return nil }
        let chars = Array(compact)
        guard let last = chars.lastIndex(where: { $0 == "." || $0 == "," }) else { return nil }
        let fraction = chars[(last + 1)...]
        let integer = chars[..<last].filter { $0 != "." && $0 != "," }
        guard integer.allSatisfy(\.isNumber), fraction.allSatisfy(\.isNumber), !integer.isEmpty else { return nil }
        let repaired = fraction.count == 2 ? String(integer) + "." + String(fraction) : String(integer) + String(fraction)
        return repaired == compact ? nil : repaired
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
        var out = Array(chars[..<firstDigit])
        var i = firstDigit
        while i < chars.count {
            let c = chars[i]
            if openLookalikes.contains(c) { out.append("（") }
            else if closeLookalikes.contains(c) { out.append("）") }
            else if c == "%", let open = out.lastIndex(where: { $0 == "(" || $0 == "（" }) {
                // Inside the unit's bracket: digits hugging the % are its circles.
                while out.count > open + 1, let last = out.last, last.isASCII && last.isNumber { out.removeLast() }
                out.append("%")
                while i + 1 < chars.count, chars[i + 1].isASCII && chars[i + 1].isNumber { i += 1 }
            } else { out.append(c) }
            i += 1
        }
        let repaired = String(out)
        return repaired == text ? nil : repaired
    }
}
