/// The indicator taxonomy of the national standard (SPEC §1): the 一级指标 and, under each, the
/// 二级指标 it allows, plus the older form's 成本指标 as a 二级指标 under 产出指标.
///
/// Lookups are exact; ``matchLevel1(_:)`` and ``matchLevel2(_:under:)`` are the lenient matchers
/// for OCR-damaged or truncated labels (`数虽指标` → `数量指标`).
public enum Taxonomy {
    /// 一级指标 with their 二级指标, in the standard's order.
    public static let standard: [(level1: String, level2: [String])] = [
        ("产出指标", ["数量指标", "质量指标", "时效指标"]),
        ("效益指标", ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
        ("满意度指标", ["服务对象满意度指标"]),
        ("成本指标", ["经济成本指标", "社会成本指标", "生态环境成本指标"]),
    ]

    /// 二级指标 that older forms print under a 一级指标 where the standard no longer has them.
    /// The record keeps what the form says, so these are valid too.
    public static let legacy: [(level1: String, level2: [String])] = [
        ("产出指标", ["成本指标"]),
    ]

    /// The least score ``matchLevel1(_:)`` and ``matchLevel2(_:under:)`` accept. One wrong character
    /// in a four-character term scores 0.75 and a third of a long term lost (`服务对象满意`) 0.67;
    /// two wrong of four (`质量指标` for `数量指标`, the header `绩效指标` for `效益指标`) score 0.5
    /// and are refused.
    public static let minimumMatchScore = 0.65

    /// All 一级指标, in order.
    public static let level1Terms: [String] = standard.map(\.level1)

    /// All 二级指标, standard then legacy, without repeats.
    public static let level2Terms: [String] = {
        var seen = Set<String>()
        return (standard + legacy).flatMap(\.level2).filter { seen.insert($0).inserted }
    }()

    /// The 二级指标 allowed under `level1` (standard and legacy); empty for an unknown 一级指标.
    public static func allowedLevel2(under level1: String) -> [String] {
        allowedByLevel1[level1] ?? []
    }

    /// `allowedLevel2(under:)` of every 一级指标, worked out once (the review asks it of every indicator).
    private static let allowedByLevel1: [String: [String]] = {
        var allowed: [String: [String]] = [:]
        for (level1, level2) in standard + legacy { allowed[level1, default: []] += level2 }
        return allowed
    }()

    /// Every term's characters, for the lenient matchers' edit distances.
    private static let termCharacters: [String: [Character]] = {
        var characters: [String: [Character]] = [:]
        for term in level1Terms + level2Terms { characters[term] = Array(term) }
        return characters
    }()

    /// Whether `term` is a 一级指标.
    public static func isLevel1(_ term: String) -> Bool { level1Terms.contains(term) }

    /// Whether `term` is a 二级指标 under any 一级指标.
    public static func isLevel2(_ term: String) -> Bool { level2Terms.contains(term) }

    /// Whether the pair is one the taxonomy allows.
    public static func isValid(level1: String, level2: String) -> Bool {
        allowedLevel2(under: level1).contains(level2)
    }

    /// The standard 一级指标 a 二级指标 belongs to (`社会效益指标` → `效益指标`). Legacy placements
    /// are not consulted, so `成本指标` gives `nil` (it is a 一级指标 in the standard).
    public static func level1(containing level2: String) -> String? {
        standard.first { $0.level2.contains(level2) }?.level1
    }

    /// The 一级指标 a label most likely is, or `nil` if none is close enough or two are equally close.
    public static func matchLevel1(_ label: String) -> TaxonomyMatch? {
        bestMatch(for: label, in: level1Terms)
    }

    /// The 二级指标 a label most likely is: among those allowed under `level1` when it is given and
    /// known, else among all. `nil` if none is close enough or two are equally close.
    public static func matchLevel2(_ label: String, under level1: String? = nil) -> TaxonomyMatch? {
        let vocabulary = level1.map(allowedLevel2(under:)).flatMap { $0.isEmpty ? nil : $0 } ?? level2Terms
        return bestMatch(for: label, in: vocabulary)
    }

    /// Every term of `vocabulary` scored against `label`, best first.
    public static func candidates(for label: String, in vocabulary: [String]) -> [TaxonomyMatch] {
        let cleaned = Array(TextNormalizer.normalize(label).filter { !$0.isWhitespace })
        return vocabulary
            .map { TaxonomyMatch(term: $0, score: similarity(cleaned, termCharacters[$0] ?? Array($0))) }
            .sorted { $0.score > $1.score }
    }

    /// The single best term above ``minimumMatchScore``; a tie is no match, since guessing between
    /// `数量指标` and `质量指标` for `量指标` is exactly what review is for.
    static func bestMatch(for label: String, in vocabulary: [String]) -> TaxonomyMatch? {
        let ranked = candidates(for: label, in: vocabulary)
        guard let best = ranked.first, best.score >= minimumMatchScore else { return nil }
        if ranked.count > 1, ranked[1].score == best.score { return nil }
        return best
    }

    /// Similarity of two labels in 0…1: one minus the edit distance relative to the longer label.
    /// Edits are insertions, deletions, substitutions (OCR's wrong character) and adjacent
    /// transpositions (vertical text read out of order). Longest-common-subsequence scoring was
    /// tried and refused: every term ends in `指标`, so it matched the header `绩效指标` to `效益指标`.
    static func similarity(_ a: [Character], _ b: [Character]) -> Double {
        let longer = max(a.count, b.count)
        guard longer > 0 else { return 1 }
        return 1 - Double(editDistance(a, b)) / Double(longer)
    }

    /// Optimal-string-alignment distance: Levenshtein plus adjacent transpositions.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        // One table in one allocation: row i at i * width.
        let width = b.count + 1
        var table = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in 0...a.count { table[i * width] = i }
        for j in 0...b.count { table[j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(table[(i - 1) * width + j] + 1, table[i * width + j - 1] + 1, table[(i - 1) * width + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, table[(i - 2) * width + j - 2] + 1)
                }
                table[i * width + j] = d
            }
        }
        return table[a.count * width + b.count]
    }
}
