/// One row of the form's indicator table (绩效指标, SPEC §2 `indicators[]`): its place in the
/// taxonomy, its name (三级指标) and its target (年度指标值).
public struct Indicator: Sendable, Hashable, Decodable {
    /// 一级指标, as the form prints it.
    public var level1: String?
    /// 二级指标, as the form prints it.
    public var level2: String?
    /// 三级指标.
    public var name: String?
    public var target: TargetValue

    public init(level1: String?, level2: String?, name: String?, target: TargetValue) {
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.target = target
    }

    /// Equality as scored (SPEC §3): same levels, name and target meaning (`raw` ignored).
    public func sameMeaning(as other: Indicator) -> Bool {
        level1 == other.level1 && level2 == other.level2 && name == other.name && target.sameMeaning(as: other.target)
    }
}
