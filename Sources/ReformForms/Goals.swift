/// The form's performance goals (SPEC §2 `goals`, 项目绩效目标): the overall goal for the project's
/// whole span (项目总体目标) and the goal for the year (年度总体目标).
public struct Goals: Sendable, Hashable, Decodable {
    public var overall: String?
    public var annual: String?

    public init(overall: String? = nil, annual: String? = nil) {
        self.overall = overall
        self.annual = annual
    }
}
