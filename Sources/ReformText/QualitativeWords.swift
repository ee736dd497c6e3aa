/// Tells a qualitative target printed alone (`安全`, `显著改善`, `有效保障`, `年内完成`) from a
/// short indicator name: such targets are made of a few evaluative words.
public enum QualitativeWords {
    /// Words qualitative targets are made of (SPEC §1 lists `安全`, `稳定`, `显著改善`, `显著提升`,
    /// `健全`, `丰富`; the rest are their common siblings in these forms).
    public static let words: [String] = [
        "安全", "稳定", "显著", "明显", "有效", "逐步", "持续", "大幅", "进一步", "基本", "全面",
        "改善", "提升", "提高", "增强", "健全", "完善", "丰富", "良好", "优秀", "优良", "较好", "保障",
        "按期", "按时", "年内", "如期", "完成", "达标", "合格", "规范", "及时", "准确", "正常", "满足",
        "符合", "实现", "降低", "减少", "增加", "高", "好", "优", "良", "是", "否", "有", "无", "较高",
    ]

    /// Whether `text` is entirely made of ``words`` and at most `maxLength` characters long.
    public static func isQualitative(_ text: String, maxLength: Int) -> Bool {
        let chars = Array(text)
        guard !chars.isEmpty, chars.count <= maxLength else { return false }
        // reachable[i]: the first i characters split into words.
        var reachable = [Bool](repeating: false, count: chars.count + 1)
        reachable[0] = true
        for i in 0..<chars.count where reachable[i] {
            for word in words {
                let w = Array(word)
                if i + w.count <= chars.count, Array(chars[i..<(i + w.count)]) == w { reachable[i + w.count] = true }
            }
        }
        return reachable[chars.count]
    }
}
