import Foundation
import ReformPDF

/// The text normalization every string of a canonical record goes through (SPEC §2).
///
/// In order: Unicode NFC; full-width ASCII (`！`…`～`) and the ideographic space folded to
/// half-width, except the Chinese punctuation in ``preservedFullWidth``; zero-width characters
/// dropped; line-wrap breaks removed inside Chinese text and turned into one space between Latin
/// words; runs of horizontal whitespace collapsed to one space; the result trimmed.
public enum TextNormalizer {
    /// Full-width punctuation that stays as printed: exactly the four SPEC §2 names (`（` `）` `，`
    /// `：`), as the corpus generator (`scripts/corpus/canon.py`) does, so extracted and expected
    /// strings normalize alike. `；` `！` `？` fold like any other full-width ASCII.
    public static let preservedFullWidth: Set<Unicode.Scalar> = ["（", "）", "，", "："]

    /// The full-width ASCII block U+FF01…U+FF5E maps onto U+0021…U+007E by this offset.
    static let fullWidthRange: ClosedRange<UInt32> = 0xFF01...0xFF5E
    static let fullWidthOffset: UInt32 = 0xFEE0
    static let ideographicSpace: Unicode.Scalar = "\u{3000}"

    /// Characters that carry no text and only survive copy-paste or OCR: removed everywhere.
    static let invisible = ScalarList(["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"])

    /// Normalizes `text` as described on the type.
    public static func normalize(_ text: String) -> String {
        // Record strings are normalized again where they are read (the target grammar, the checks):
        // text with nothing to change is returned as it is.
        isNormalized(text) ? text : rebuilt(text)
    }

    /// `normalize`, scalar by scalar.
    static func rebuilt(_ text: String) -> String {
        let folded = foldWidth(composed(text), keepingChinesePunctuation: true)
        // Chinese text wraps anywhere, inside numbers too (`5997.8` / `5平方米`): in a mostly Chinese
        // cell no wrap stood for a space.
        let visible = folded.unicodeScalars.filter { !$0.isUnicodeWhiteSpace }
        let chinese = visible.count > 0 && Double(visible.filter(isWide).count) / Double(visible.count) > 0.5
        var out = String.UnicodeScalarView()
        var pendingSpace = false   // horizontal whitespace seen since the last kept character
        var pendingBreak = false   // a line break seen since the last kept character
        for scalar in folded.unicodeScalars {
            if invisible.contains(scalar) { continue }
            if isLineBreak(scalar) { pendingBreak = true; continue }
            if isHorizontalSpace(scalar) { pendingSpace = true; continue }
            if let previous = out.last {
                if pendingBreak {
                    // A wrap inside Chinese text is an artefact of the cell width; between Latin words it was a space.
                    // A wrap before `%` or a closing bracket, or after an opening one, was never a space.
                    if !chinese && !(isWide(previous) || isWide(scalar)) && wrapWasSpace(after: previous, before: scalar) { out.append(" ") }
                } else if pendingSpace {
                    out.append(" ")
                }
            }
            pendingSpace = false
            pendingBreak = false
            out.append(scalar)
        }
        return String(out)
    }

    /// Whether `normalize` leaves `text` as it is: every scalar one that NFC keeps alone, none to
    /// fold, drop or break a line at, and spaces only single ASCII ones between other characters.
    static func isNormalized(_ text: String) -> Bool {
        var afterSpace = true   // a space first would be trimmed
        for scalar in text.unicodeScalars {
            if scalar == " " {
                if afterSpace { return false }
                afterSpace = true
                continue
            }
            if scalar.isUnicodeWhiteSpace || !isComposedAlone(scalar) || invisible.contains(scalar)
                || folded(scalar, keepingChinesePunctuation: true) != nil {
                return false
            }
            afterSpace = false
        }
        return !afterSpace || text.isEmpty
    }

    /// `text` in Unicode normalization form C. Most cells are in it already: every scalar is one
    /// that NFC keeps and no combining mark follows it (ASCII and Latin-1, CJK ideographs, kana and
    /// punctuation, symbols, full-width forms). Those skip Foundation's normalization, which goes through
    /// NSString and was half of `normalize`'s time.
    public static func composed(_ text: String) -> String {
        text.unicodeScalars.allSatisfy(isComposedAlone) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Whether NFC leaves `scalar` as it is and it combines with nothing before it: NFC_Quick_Check
    /// Yes and canonical combining class 0 (checked scalar by scalar against Foundation in the tests).
    static func isComposedAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300,           // ASCII, Latin-1, Latin Extended-A and -B, IPA (combining marks start at U+0300)
             0x2002...0x20CF,     // punctuation, super- and subscripts, currency (U+2000, U+2001 are not NFC;
                                  // U+20D0… combine)
             0x2100...0x2125, 0x2127...0x2129, 0x212C...0x2328, 0x232B...0x2ADB, 0x2ADD...0x2BFF,
                                  // letterlike, numbers (Ⅰ), arrows, maths (≥), technical, enclosed (①),
                                  // boxes, shapes, symbols; Ω, K, Å, 〈, 〉 and ⫝̸ are not NFC
             0x2E80...0x2FDF,     // CJK and Kangxi radicals
             0x3000...0x3029,     // CJK symbols and punctuation (U+302A–U+302F are combining tone marks)
             0x3030...0x303F,
             0x3041...0x3096,     // hiragana (U+3099, U+309A combine)
             0x309B...0x30FF,     // katakana
             0x3200...0x33FF,     // enclosed CJK, CJK compatibility (㎡)
             0x4E00...0x9FFF,     // unified ideographs (the compatibility ones at U+F900 are not NFC)
             0xFF01...0xFFEF:     // half- and full-width forms
            return true
        default:
            return false
        }
    }

    /// Whether a line break between two Latin characters stood for a space.
    static func wrapWasSpace(after previous: Unicode.Scalar, before next: Unicode.Scalar) -> Bool {
        let wordEnd = previous.properties.isAlphabetic || previous.properties.numericType != nil || ",.;:!?)]".unicodeScalars.contains(previous)
        let wordStart = next.properties.isAlphabetic || next.properties.numericType != nil || "([\"'".unicodeScalars.contains(next)
        return wordEnd && wordStart
    }

    /// Normalizes an optional cell: `nil`, or a cell that is empty after normalization, gives `nil`.
    public static func normalizeOptional(_ text: String?) -> String? {
        guard let text else { return nil }
        let normalized = normalize(text)
        return normalized.isEmpty ? nil : normalized
    }

    /// Folds full-width ASCII and the ideographic space to half-width. With
    /// `keepingChinesePunctuation`, the scalars in ``preservedFullWidth`` are left alone; without it
    /// everything folds (what the target and amount grammars want).
    public static func foldWidth(_ text: String, keepingChinesePunctuation keep: Bool) -> String {
        // Most text has nothing to fold: it is returned as it is, not rebuilt scalar by scalar.
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { folded($0, keepingChinesePunctuation: keep) != nil }) else { return text }
        var out = String(scalars[..<first]).unicodeScalars  // the view's generic init(_:) costs a first-use lookup (ScalarString)
        for scalar in scalars[first...] { out.append(folded(scalar, keepingChinesePunctuation: keep) ?? scalar) }
        return String(out)
    }

    /// The half-width form `foldWidth` puts for `scalar`, or nil when it is left as it is.
    static func folded(_ scalar: Unicode.Scalar, keepingChinesePunctuation: Bool) -> Unicode.Scalar? {
        if scalar == ideographicSpace { return " " }
        guard fullWidthRange.contains(scalar.value), !(keepingChinesePunctuation && preservedFullWidth.contains(scalar)) else { return nil }
        return Unicode.Scalar(scalar.value - fullWidthOffset)
    }

    /// Whether `scalar` belongs to Chinese typesetting: a CJK ideograph, CJK punctuation, a
    /// full-width form, or a Chinese quotation mark. Line wraps next to such a character vanish.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF,   // CJK radicals, Kangxi radicals
             0x3000...0x303F,   // CJK symbols and punctuation
             0x3040...0x30FF,   // kana
             0x3100...0x312F, 0x31A0...0x31BF,  // bopomofo
             0x3200...0x33FF,   // enclosed CJK, compatibility
             0x3400...0x4DBF,   // extension A
             0x4E00...0x9FFF,   // unified ideographs
             0xF900...0xFAFF,   // compatibility ideographs
             0xFE30...0xFE4F,   // CJK compatibility forms
             0xFF00...0xFFEF,   // half- and full-width forms
             0x20000...0x3134F, // extensions B…G
             0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2014:  // ‘ ’ “ ” … — as used in Chinese text
            return true
        default:
            return false
        }
    }

    /// Whether `scalar` is a CJK ideograph (the characters of Chinese words, not punctuation).
    public static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": return true
        default: return false
        }
    }

    static func isHorizontalSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || (scalar.isUnicodeWhiteSpace && !isLineBreak(scalar))
    }
}

extension BidirectionalCollection where Element == Unicode.Scalar {
    /// The scalars without white space at either end: what Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` keeps (its set is Unicode's White_Space
    /// property and the zero-width space U+200B; a test compares every scalar), without its
    /// character-set lookups: the target grammar trims every cell it reads.
    func trimmingWhiteSpace() -> SubSequence {
        func isSpace(_ s: Unicode.Scalar) -> Bool { s.isUnicodeWhiteSpace || s == "\u{200B}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}

extension String {
    /// The string without white space at either end (see `trimmingWhiteSpace` on scalars); the
    /// string itself when it has none there.
    func trimmingWhiteSpace() -> String {
        let trimmed = unicodeScalars.trimmingWhiteSpace()
        return trimmed.startIndex == startIndex && trimmed.endIndex == endIndex ? self : String(trimmed)
    }
}
