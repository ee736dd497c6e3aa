/// Finds indicator names that lost characters at their start (`海市公共汽车…` for `上海市公共汽车…`,
/// `格证标准符合度` for `资格证标准符合度`), so they are listed for review with the repair, never
/// rewritten silently.
///
/// A name is taken for truncated when other names of the same file start with a few characters and
/// then continue exactly as it starts (`上海市` + `公共…`), when several names share that longer start
/// (it is a common head, not a one-off), and when fewer names start the way it does.
public struct TruncatedLabelCheck: Sendable {
    public var settings: TextSettings

    public init(settings: TextSettings) {
        self.settings = settings
    }

    /// The repaired name for `name`, or `nil` when nothing in `names` extends it.
    public func repair(_ name: String, among names: [String]) -> String? {
        let n = Array(name)
        guard n.count > settings.minSharedForRepair else { return nil }
        let others = names.filter { $0 != name }.map { Array($0) }
        var best: (repair: String, support: Int)?
        for other in others {
            for lost in 1...settings.maxLostPrefix where other.count > lost + settings.minSharedForRepair {
                var shared = 0
                while shared < n.count, lost + shared < other.count, other[lost + shared] == n[shared] { shared += 1 }
                guard shared >= settings.minSharedForRepair, shared < n.count else { continue }
                let head = Array(other[0..<(lost + shared)])
                let support = others.filter { $0.starts(with: head) }.count
                let ownHead = Array(n[0..<shared])
                let ownSupport = others.filter { $0.starts(with: ownHead) }.count
                guard support >= 2, ownSupport < support else { continue }
                let repaired = String(other[0..<lost]) + name
                if support > (best?.support ?? 0) { best = (repaired, support) }
            }
        }
        return best?.repair
    }
}
