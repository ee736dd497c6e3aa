import Foundation
import ReformPDF

/// Recognizes a form's labels in cell text: exactly, or leniently where OCR misread a character.
///
/// Labels are compiled once into keys (`compile`) and cells are keyed once (`key`), so matching a
/// page of cells against every label of the template is a comparison of small scalar arrays.
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

    /// A label spelling ready for matching.
    public struct CompiledLabel: Sendable, Hashable {
        public var label: String
        var key: [Unicode.Scalar]
        /// A spelling ending in `*` matches any text that starts with it.
        var prefix: Bool

        func isExact(_ k: [Unicode.Scalar]) -> Bool {
            k == key || (prefix && k.count >= key.count && k.starts(with: key))
        }
    }

    /// The spellings compiled. A template's lists are compiled once a process (`CompiledLabels`):
    /// every form read asks for the same ones.
    public func compile(_ labels: [String]) -> [CompiledLabel] {
        if let known = CompiledLabels.shared.lookup(labels) { return known }
        let compiled = labels.map { label in
            let prefix = label.hasSuffix("*")
            return CompiledLabel(label: label, key: LabelMatcher.key(prefix ? String(label.dropLast()) : label), prefix: prefix)
        }
        CompiledLabels.shared.store(compiled, for: labels)
        return compiled
    }

    /// The cell text reduced to what labels are compared by: no whitespace, half-width, digits as `#`,
    /// without the characters OCR makes of ruled lines.
    public static func key(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var inDigits = false
        // folded scalar by scalar, as `TextNormalizer.foldWidth` would fold the whole text first
        for scalar in text.unicodeScalars {
            let s = TextNormalizer.folded(scalar, keepingChinesePunctuation: false) ?? scalar
            if s.isUnicodeWhiteSpace || ScanText.lineArtifactScalars.contains(s) { continue }
            if TargetGrammar.isDigit(s) {
                if !inDigits { out.append("#") }
                inDigits = true
            } else {
                inDigits = false
                out.append(s == "：" ? ":" : s)
            }
        }
        return out
    }

    /// The key as a string, for dictionaries of labels.
    public static func keyText(_ text: String) -> String {
        String(scalars: key(text))
    }

    /// The best of `labels` that `text` is, or nil.
    public func match(_ text: String, _ labels: [String]) -> Match? {
        match(key: LabelMatcher.key(text), compile(labels))
    }

    /// Whether a keyed text is exactly one of `labels` (what `match` scores 1), without the
    /// lenient comparisons: the cheap question most lookups ask.
    public func isExact(key k: [Unicode.Scalar], _ labels: [CompiledLabel]) -> Bool {
        !k.isEmpty && labels.contains { $0.isExact(k) }
    }

    /// The best of `labels` that a keyed text is, or nil.
    public func match(key k: [Unicode.Scalar], _ labels: [CompiledLabel]) -> Match? {
        guard !k.isEmpty else { return nil }
        var best: Match?
        for l in labels {
            if l.isExact(k) { return Match(label: l.label, score: 1) }
            guard l.key.count >= minimumLenientLength else { continue }
            // A prefix label is compared with the text's start only.
            let compared = l.prefix && k.count > l.key.count ? Array(k.prefix(l.key.count)) : k
            // The length difference alone bounds the similarity: skip what cannot reach it.
            let longer = max(compared.count, l.key.count)
            let bound = 1 - Double(abs(compared.count - l.key.count)) / Double(longer)
            guard bound >= minimumSimilarity, bound > (best?.score ?? 0) else { continue }
            // The most edits a score that counts may have: 1 − d/n falls as d grows, so the distance
            // is only computed up to that many.
            var limit = longer
            while limit >= 0 && !counts(1 - Double(limit) / Double(longer), best: best) { limit -= 1 }
            guard limit >= 0, let d = Self.editDistance(compared, l.key, limit: limit) else { continue }
            let score = 1 - Double(d) / Double(longer)
            if counts(score, best: best) { best = Match(label: l.label, score: score) }
        }
        return best
    }

    private func counts(_ score: Double, best: Match?) -> Bool {
        score >= minimumSimilarity && score > (best?.score ?? 0)
    }

    /// The edit distance of `a` and `b` when it is at most `limit`, else nil (found without finishing
    /// once a whole row of the table exceeds it: the rows' least value never falls).
    static func editDistance<T: Equatable>(_ a: [T], _ b: [T], limit: Int = .max) -> Int? {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        let m = b.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (m + 1)) { table in
            var prev = table.baseAddress!, cur = prev + (m + 1)
            for j in 0...m { prev[j] = j }
            for i in 1...a.count {
                cur[0] = i
                var least = i
                let ai = a[i - 1]
                for j in 1...m {
                    let v = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai == b[j - 1] ? 0 : 1))
                    cur[j] = v
                    least = Swift.min(least, v)
                }
                if least > limit { return nil }
                swap(&prev, &cur)
            }
            return prev[m] <= limit ? prev[m] : nil
        }
    }

    /// 1 − edit distance / the longer length.
    static func similarity<T: Equatable>(_ a: [T], _ b: [T]) -> Double {
        let n = max(a.count, b.count)
        guard n > 0 else { return 1 }
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return 1 - Double(editDistance(a, b)!) / Double(n)
    }
}

/// Compiled label lists by their spellings, shared by the threads of a process. A key depends on the
/// spelling alone, so a list compiled once holds for every matcher. Bounded: past `capacity` lists
/// (only callers passing ever-new lists get there) it starts afresh.
final class CompiledLabels: @unchecked Sendable {
    static let shared = CompiledLabels()
    private let lock = NSLock()
    private var lists: [[String]: [LabelMatcher.CompiledLabel]] = [:]
    let capacity = 512

    func lookup(_ labels: [String]) -> [LabelMatcher.CompiledLabel]? {
        lock.lock(); defer { lock.unlock() }
        return lists[labels]
    }

    func store(_ compiled: [LabelMatcher.CompiledLabel], for labels: [String]) {
        lock.lock(); defer { lock.unlock() }
        if lists.count >= capacity { lists.removeAll(keepingCapacity: true) }
        lists[labels] = compiled
    }
}
