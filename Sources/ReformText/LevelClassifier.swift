import ReformForms

/// A 一级指标/二级指标 guess for one indicator, with its confidence.
public struct LevelGuess: Sendable {
    public var level1: String
    public var level2: String
    public var confidence: Double
}

/// Places each indicator in the taxonomy from two cues:
/// - the order of section headers (the section printed last before the row), trusted only where the
///   text keeps that order: where most rows whose wording is clear agree with it;
/// - the indicator's own wording and unit (`及时率` → 时效指标, `满意度` → 服务对象满意度指标,
///   `成本`/`(万元)` → 成本指标 …, see ``wording(_:target:)``);
/// restricted to the sections whose headers the row's page prints (a spanning header is reprinted
/// on every page it reaches), or the form's when the page prints none.
public struct LevelClassifier: Sendable {
    public var settings: TextSettings

    public init(settings: TextSettings) {
        self.settings = settings
    }

    struct Section: Hashable {
        var level1: String
        var level2: String
    }

    public func classify(_ pairings: [Pairing], tokens: [TextToken]) -> [LevelGuess] {
        let sectionTokens = tokens.filter {
            if case .level1? = $0.role { return true }
            if case .level2? = $0.role { return true }
            return false
        }
        let costLevel2 = Set(Taxonomy.allowedLevel2(under: "成本指标"))
        let legacyCost = !sectionTokens.contains { if case .level2(let l2)? = $0.role { return costLevel2.contains(l2) } else { return false } }

        // Sections printed, per page and on the whole form, and the section by order at each ordinal.
        var pageLevel1: [Int: Set<String>] = [:], pageLevel2: [Int: Set<String>] = [:]
        var formLevel1 = Set<String>(), formLevel2 = Set<String>()
        var orderAt: [(ordinal: Int, section: Section?)] = []
        var current1: String?, current2: String?
        for token in sectionTokens {
            switch token.role {
            case .level1(let l1)?:
                if l1 == "成本指标", legacyCost, current1 == "产出指标" {
                    current2 = l1
                    pageLevel2[token.page, default: []].insert(l1); formLevel2.insert(l1)
                } else {
                    current1 = l1; current2 = nil
                    pageLevel1[token.page, default: []].insert(l1); formLevel1.insert(l1)
                }
            case .level2(let l2)?:
                current2 = l2
                if let parent = Taxonomy.level1(containing: l2) { current1 = parent }
                pageLevel2[token.page, default: []].insert(l2); formLevel2.insert(l2)
            default: break
            }
            let section = current1.flatMap { l1 in current2.map { Section(level1: l1, level2: $0) } }
            orderAt.append((token.ordinal, section))
        }
        func orderSection(_ ordinal: Int) -> Section? {
            orderAt.last { $0.ordinal < ordinal }?.section
        }

        var sections = Taxonomy.standard.flatMap { entry in entry.level2.map { Section(level1: entry.level1, level2: $0) } }
        if legacyCost { sections.append(Section(level1: "产出指标", level2: "成本指标")) }

        // Does the text keep the order of its section headers?
        let wordings = pairings.map { Self.wording($0.name, target: $0.target) }
        var agree = 0, judged = 0
        for (pairing, wording) in zip(pairings, wordings) {
            guard let best = wording.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value >= settings.confidentWording,
                  let section = orderSection(pairing.ordinal) else { continue }
            // Satisfaction rows sit last in every layout, so they say nothing about order.
            if best.key == "服务对象满意度指标" { continue }
            judged += 1
            if Self.sameLevel2(section.level2, best.key) { agree += 1 }
        }
        let orderKept = judged > 0 && Double(agree) / Double(judged) >= settings.orderTrustAgreement
        let orderWeight = orderKept ? settings.orderStrongWeight : settings.orderWeakWeight

        // Does each page reprint the section headers its rows sit under (a spanning header repeated
        // on every page it reaches)? Only then may a page's headers rule sections out.
        var onPage = 0, checked = 0
        for (pairing, wording) in zip(pairings, wordings) {
            guard let best = wording.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value >= settings.confidentWording else { continue }
            let printed1 = pageLevel1[pairing.page] ?? [], printed2 = pageLevel2[pairing.page] ?? []
            guard !printed1.isEmpty || !printed2.isEmpty else { continue }
            checked += 1
            if printed2.contains(where: { Self.sameLevel2($0, best.key) }) { onPage += 1 }
        }
        let pageCueHolds = !orderKept && checked > 0 && Double(onPage) / Double(checked) >= settings.pageCueAgreement

        return zip(pairings, wordings).map { pairing, wording in
            let printed1 = pageLevel1[pairing.page] ?? [], printed2 = pageLevel2[pairing.page] ?? []
            let pageHasSections = pageCueHolds && (!printed1.isEmpty || !printed2.isEmpty)
            let order = orderSection(pairing.ordinal)
            let scored = sections.map { section -> (Section, Double) in
                var s = 0.05 + (wording.filter { Self.sameLevel2($0.key, section.level2) }.map(\.value).max() ?? 0)
                // A satisfaction row says so (满意, or a complaint count).
                if section.level1 == "满意度指标", wording["服务对象满意度指标"] == nil { s *= settings.unwordedSatisfactionFactor }
                if let order {
                    if order == section { s += orderWeight } else if order.level1 == section.level1 { s += 0.25 * orderWeight }
                }
                let (in1, in2) = pageHasSections ? (printed1, printed2) : (formLevel1, formLevel2)
                if in2.contains(section.level2) { s *= 1 }
                else if in1.contains(section.level1) { s *= 0.5 }
                else { s *= pageHasSections ? settings.absentSectionFactor : settings.absentSectionFactorWeak }
                return (section, s)
            }.sorted { $0.1 > $1.1 }
            let best = scored[0], second = scored.count > 1 ? scored[1].1 : 0
            let confidence = best.1 / (best.1 + second)
            return LevelGuess(level1: best.0.level1, level2: best.0.level2, confidence: confidence)
        }
    }

    static func sameLevel2(_ a: String, _ b: String) -> Bool {
        a == b || (costTerms.contains(a) && costTerms.contains(b))
    }
    static let costTerms: Set<String> = ["经济成本指标", "社会成本指标", "生态环境成本指标", "成本指标"]

    /// 二级指标 suggested by an indicator's name and unit, with weights 0…1.
    public static func wording(_ name: String, target: TargetValue) -> [String: Double] {
        var w: [String: Double] = [:]
        func add(_ level2: String, _ weight: Double) { w[level2] = max(w[level2] ?? 0, weight) }
        func has(_ words: [String]) -> Bool { words.contains { name.contains($0) } }
        let unit = target.unit ?? ""
        let money = ["万元", "元", "亿元"].contains(unit) || unit.hasPrefix("元/") || unit.hasPrefix("万元/")
        // A row that names satisfaction is a satisfaction row whatever the order says.
        if name.contains("满意") { add("服务对象满意度指标", 1.6) }
        if name.contains("投诉") { add("服务对象满意度指标", 0.45); add("社会效益指标", 0.6) }
        if name.contains("成本") || money {
            add("经济成本指标", 1.0); add("社会成本指标", 0.6); add("生态环境成本指标", 0.4); add("成本指标", 1.0)
        }
        if money && has(["收入", "效益", "节约", "增收"]) { add("经济效益指标", 1.0) }
        if has(["及时率", "时间", "时限", "周期", "按期", "按时", "时长"]) || ["小时", "天", "工作日", "个工作日"].contains(unit) {
            add("时效指标", 0.9)
        }
        if has(["事故", "事件", "违规"]) { add("社会效益指标", 0.75) }
        if has(["健全", "机制", "制度", "长效", "持续"]) { add("可持续影响指标", 0.8) }
        if has(["生态", "环境", "排放", "绿化", "节能", "碳"]) { add("生态效益指标", 0.6) }
        if has(["经济效益", "收入", "节约", "增收", "创收"]) { add("经济效益指标", 0.7) }
        if has(["满足度", "知晓", "意识", "提升情况", "改善情况", "吸引力", "作用", "使用率", "影响", "就业", "社会", "公众", "修复率", "安全性", "达标率"]) {
            add("社会效益指标", 0.7)
        }
        let rate = name.hasSuffix("率") || name.hasSuffix("度")
        if (rate || unit == "%") && !name.contains("及时率") && !name.contains("满意") {
            let qualityWord = has(["合格", "准确", "达标", "合规", "完整", "稳定", "通过", "符合", "执行", "解决", "质量", "差错"])
            add("质量指标", rate ? (qualityWord ? 0.8 : 0.6) : 0.5)
        }
        if name.hasSuffix("性") && has(["稳定", "可靠", "规范"]) { add("质量指标", 0.6) }
        let count = name.hasSuffix("数") || name.hasSuffix("量") || has(["面积", "里程", "次数", "人数", "场次", "套数", "台数"])
        if count && !money && !has(["事故", "事件", "投诉", "违规", "差错"]) {
            add("数量指标", name.hasPrefix("完成") || name.contains("完成数") ? 0.9 : 0.8)
        }
        if name.hasPrefix("完成") && !rate { add("数量指标", 0.85) }
        return w
    }
}
