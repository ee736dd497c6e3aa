/// Recognizes a form's labels in cell text: exactly, or leniently where OCR misread a character.
public struct LabelMatcher: Sendable {
    /// Lenient matches must be at least this similar (1 − edit distance / length).
    public var minimumSimilarity: Double = 0.75
    /// Labels shorter than this only match exactly: one wrong character in three is a different word.
    public var minimumLenientLength: Int = 4

    public init() {}

    /// How a text matched a label.
    public struct Match: Sendable, Hashable {
        public var label: String
        /// 1 for an exact match.
        public var score: Double
        public var isExact: Bool { score == 1 }
    }

    /// The cell text reduced to what labels are compared by: no whitespace, half-width, digits as `#`,
    /// without the characters OCR makes of ruled lines.
    public static func key(_ text: String) -> String {
        var out = ""
        var inDigits = false
        for ch in TextNormalizer.foldWidth(text, keepingChinesePunctuation: false) where !ch.isWhitespace && !ScanText.lineArtifacts.contains(ch) {
            if ch.isASCII && ch.isNumber {
                if !inDigits { out.append("#") }
                inDigits = true
            } else {
                inDigits = false
                out.append(ch == "：" ? ":" : ch)
            }
        }
        return out
    }

    /// The best of `labels` that `text` is, or nil.
    public func match(_ text: String, _ labels: [String]) -> Match? {
        let k = LabelMatcher.key(text)
        guard !k.isEmpty else { return nil }
        var best: Match?
        for label in labels {
            let prefix = label.hasSuffix("*")
            let l = LabelMatcher.key(prefix ? String(label.dropLast()) : label)
            if k == l || (prefix && k.hasPrefix(l)) { return Match(label: label, score: 1) }
            guard l.count >= minimumLenientLength else { continue }
            // A prefix label is compared with the text's start only.
            let compared = prefix && k.count > l.count ? String(k.prefix(l.count)) : k
            let score = Self.similarity(Array(compared), Array(l))
            if score >= minimumSimilarity, score > (best?.score ?? 0) { best = Match(label: label, score: score) }
        }
        return best
    }

    /// 1 − edit distance / the longer length.
    static func similarity(_ a: [Character], _ b: [Character]) -> Double {
        let n = max(a.count, b.count)
        guard n > 0 else { return 1 }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            cur[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return 1 - Double(a.isEmpty ? b.count : (b.isEmpty ? a.count : prev[b.count])) / Double(n)
    }
}
