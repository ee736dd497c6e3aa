/// Something an analyst should look at (SPEC §2 `review[]`): the record path it concerns
/// (`funds_yuan.project_total`, `indicators[3].name`) and why, in a short English sentence.
public struct ReviewItem: Sendable, Hashable, Decodable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
