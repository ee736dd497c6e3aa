import ReformForms

/// What a printed label of the form is, once recognized in scrambled text.
public enum LabelRole: Sendable, Hashable {
    /// 财政项目支出绩效目标申报表.
    case title
    /// A labelled field of the header, funds or goals.
    case field(FieldTarget)
    /// 其他资金: the project or the annual column, told apart by order.
    case otherFunds
    /// A 一级指标 section header.
    case level1(String)
    /// A 二级指标 section header.
    case level2(String)
    /// A column header of the indicator table (一级指标, 三级指标, 年度指标值 …).
    case column
    /// A spanning label that carries no field (绩效指标, 项目资金（元）, 项目绩效目标).
    case structural
}

/// The form's printed labels, keyed as ``LabelMatcher/key(_:)`` keys text (no spaces, half-width,
/// digits as `#`), for recognizing labels, their wrapped pieces and their vertical letters.
public struct FormVocabulary: Sendable {
    /// Exact labels and their roles.
    public let exact: [String: LabelRole]
    /// Labels that match any text starting with them (`项目总体目标*`).
    public let prefixed: [(key: String, role: LabelRole)]
    /// Every label key, for wrap and fragment tests.
    public let allKeys: [String]

    public init(template: FormTemplate) {
        var exact: [String: LabelRole] = [:]
        var prefixed: [(String, LabelRole)] = []
        func add(_ label: String, _ role: LabelRole) {
            if label.hasSuffix("*") {
                prefixed.append((LabelMatcher.keyText(String(label.dropLast())), role))
            } else {
                let key = LabelMatcher.keyText(label)
                if exact[key] == nil { exact[key] = role }
            }
        }
        for level2 in Taxonomy.level2Terms where !Taxonomy.isLevel1(level2) { add(level2, .level2(level2)) }
        for level1 in Taxonomy.level1Terms { add(level1, .level1(level1)) }
        add(template.title, .title)
        for rule in template.fields {
            for label in rule.labels {
                if LabelMatcher.keyText(label).hasSuffix("其他资金") { add(label, .otherFunds) } else { add(label, .field(rule.target)) }
            }
        }
        for column in template.indicatorColumns.all.flatMap({ $0 }) { add(column, .column) }
        for label in template.otherLabels + Self.extraStructural { add(label, .structural) }
        self.exact = exact
        self.prefixed = prefixed
        self.allKeys = Array(exact.keys) + prefixed.map(\.0)
    }

    /// Spanning labels the template does not list but the form prints (goal and fund headers).
    static let extraStructural = ["项目资金（元）", "项目资金(元)", "年度(/项目)指标值", "年度（/项目）指标值", "二级指标", "三级指标"]

    /// The role of a whole segment, or `nil` when it is not a label.
    public func role(of text: String) -> LabelRole? {
        let key = LabelMatcher.keyText(text)
        guard !key.isEmpty else { return nil }
        if let role = exact[key] { return role }
        for (prefix, role) in prefixed where key.hasPrefix(prefix) { return role }
        return nil
    }

    /// The longest label that `text` starts with, and its length in characters of `text`'s key
    /// (for peeling glued section headers: `社会成本指标成本指标`). Only exact labels.
    public func leadingLabel(of text: String) -> (role: LabelRole, key: String)? {
        let key = LabelMatcher.keyText(text)
        var best: (LabelRole, String)?
        for (label, role) in exact where key.hasPrefix(label) && label.count < key.count {
            if label.count > (best?.1.count ?? 0) { best = (role, label) }
        }
        return best
    }

    /// Whether `text` could be the start of a label (a wrapped or vertical label still incomplete).
    public func isLabelPrefix(_ text: String) -> Bool {
        let key = LabelMatcher.keyText(text)
        guard !key.isEmpty else { return false }
        return allKeys.contains { $0.count > key.count && $0.hasPrefix(key) }
    }

    /// Whether `text` is a piece of a label (a fragment a wrap or a vertical run left behind).
    public func isLabelFragment(_ text: String) -> Bool {
        let key = LabelMatcher.keyText(text)
        guard !key.isEmpty else { return false }
        return allKeys.contains { $0.count > key.count && $0.contains(key) }
    }

    /// Whether `text` is a label's tail (`度指标`, `标`).
    public func isLabelSuffix(_ text: String) -> Bool {
        let key = LabelMatcher.keyText(text)
        guard !key.isEmpty else { return false }
        return allKeys.contains { $0.count > key.count && $0.hasSuffix(key) }
    }
}
