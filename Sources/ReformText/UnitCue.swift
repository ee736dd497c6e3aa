import ReformForms

/// How well a target's unit fits an indicator name's wording, in 0…1 (0.5: no opinion).
///
/// `(%)` goes with a rate or degree (`…率`, `…度`), `(万元)` with a cost or fee, `(元/张)` with a unit
/// cost, `(台)`/`(套)` with equipment, `(个月)` with months, `(小时)` with a time limit, a count unit
/// with a count (`…数`), an area with `面积`; a word target (`稳定`) with a property (`…性`, `…情况`)
/// or a name that shares its word (`丰富…情况` and `丰富`).
public enum UnitCue {
    public static func fit(name: String, target: TargetValue) -> Double {
        guard target.isQuantitative else { return wordFit(name: name, word: target.qualitative ?? target.raw) }
        guard let unit = target.unit else { return 0.4 }
        let endsCount = name.hasSuffix("数") || name.hasSuffix("量") || name.hasSuffix("次")
        func has(_ words: [String]) -> Bool { words.contains { name.contains($0) } }
        switch unit {
        case "%":
            if name.hasSuffix("率") || name.hasSuffix("度") || has(["比例", "比重", "占比", "率", "指数"]) { return 1 }
            return endsCount ? 0.1 : 0.35
        case "万元", "元", "亿元", "千元":
            if has(["成本", "费", "资金", "经费", "金额", "收入", "预算", "投资", "价", "控制数", "支出"]) { return 1 }
            return 0.15
        case "个月", "月":
            if name.contains("月") { return 1 }
            if has(["期", "时间", "周期", "租赁", "时长"]) { return 0.7 }
            return endsCount ? 0.5 : 0.25
        case "小时", "天", "日", "工作日", "个工作日", "分钟", "年":
            if has(["时间", "时限", "周期", "时长", "天数", "用时"]) { return 1 }
            return endsCount ? 0.35 : 0.25
        case "台", "套", "台（套）", "台(套)":
            if has(["设备", "终端", "机", "电脑", "服务器", "仪"]) { return 1 }
            return endsCount ? 0.55 : 0.25
        case "平方米", "公里", "米", "亩", "千米", "公顷", "立方米":
            if has(["面积", "里程", "长度", "距离", "公里", "体积"]) { return 1 }
            return endsCount ? 0.4 : 0.2
        default:
            if unit.hasPrefix("元/") || unit.hasPrefix("万元/") { return has(["成本", "单价", "标准", "价", "费"]) ? 1 : 0.15 }
            if name.hasSuffix("率") || name.hasSuffix("度") { return 0.1 }
            if endsCount || name.hasSuffix(unit) || has(["人次", "数量", "次数", "人数", "场次"]) {
                // An event count (`…发生数`) takes 起 or 次.
                return 0.9
            }
            return 0.45
        }
    }

    /// Names of a property or a state take a word target; rates and counts do not.
    static func wordFit(name: String, word: String) -> Double {
        let w = Array(word)
        if w.count >= 2 {
            for i in 0..<(w.count - 1) where name.contains(String(w[i...i + 1])) { return 1 }
        }
        for suffix in ["性", "情况", "意识", "程度", "效果", "作用", "运行", "机制", "时间", "水平", "能力", "状况", "影响", "保障"] where name.hasSuffix(suffix) {
            return 0.7
        }
        if name.hasSuffix("率") || name.hasSuffix("数") || name.hasSuffix("度") { return 0.1 }
        return 0.45
    }
}
