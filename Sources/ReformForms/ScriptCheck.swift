/// Flags text that an OCR layer probably misread: characters outside the scripts a form is written in.
public enum ScriptCheck {
    /// Characters a form's text may hold besides CJK: digits, Latin letters, common punctuation.
    static let allowedASCII = Set("0123456789.,%()-/:;=<>+ ·、。，：；（）“”‘’《》【】—…≥≤＞＜＝％×～！？〈〉「」『』〔〕")

    /// Whether every character of `text` is in the scripts a form is written in.
    public static func isExpected(_ text: String) -> Bool {
        text.allSatisfy { ch in
            ch.isWhitespace || ch.unicodeScalars.allSatisfy { TextNormalizer.isIdeograph($0) } || allowedASCII.contains(ch) || ch.isLetter && ch.isASCII
        }
    }

    /// Review items for names and goals with characters outside the expected scripts.
    public static func review(_ record: Record) -> [ReviewItem] {
        var out: [ReviewItem] = []
        func check(_ text: String?, _ path: String) {
            guard let text else { return }
            let odd = text.filter { !isExpected(String($0)) }
            if !odd.isEmpty { out.append(ReviewItem(path: path, reason: "OCR text with unexpected characters: '\(String(Set(odd)).prefix(8))'")) }
        }
        for f in ProjectInfo.Field.allCases where f != .plannedStart && f != .plannedEnd { check(record.project[f], RecordPath.project(f)) }
        for (i, ind) in record.indicators.enumerated() { check(ind.name, RecordPath.indicator(i, .name)) }
        return out
    }
}
