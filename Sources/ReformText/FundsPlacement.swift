import ReformForms

/// Places amounts the text printed without their labels into the funds cells the layout makes most
/// likely, keeping every amount its label placed.
///
/// Every way of putting the loose amounts into the empty cells is scored: totals at least as large as
/// their parts (and equal to their sum where all are present), both totals filled, a zero most
/// likely in a 其他资金 cell (the row every form fills), a smaller nonzero amount in a 财政 cell. The best
/// wins; every cell it decided, and every cell it left empty, is listed for review.
public struct FundsPlacement: Sendable {
    public var funds: Funds
    /// Cells filled or left empty by likelihood rather than by a label.
    public var guessed: [Funds.Field] = []

    /// The cells in the order the layout prints them, row by row.
    static let layoutOrder: [Funds.Field] = [.projectTotal, .annualTotal, .projectFiscal, .annualAppropriation, .annualCarryover, .projectOther, .annualOther]
    static let sums: [(Funds.Field, [Funds.Field])] = [(.projectTotal, [.projectFiscal, .projectOther]),
                                                      (.annualTotal, [.annualAppropriation, .annualCarryover, .annualOther])]

    public init(labelled: Funds, loose: [Amount]) {
        funds = labelled
        let empty = Self.layoutOrder.filter { labelled[$0] == nil }
        guard !loose.isEmpty, !empty.isEmpty else { return }
        let amounts = Array(loose.prefix(empty.count))
        var best: (score: Double, funds: Funds)?
        func place(_ k: Int, _ free: [Funds.Field], _ current: Funds) {
            if k == amounts.count {
                let s = Self.score(current)
                if s > (best?.score ?? -.infinity) { best = (s, current) }
                return
            }
            for (i, field) in free.enumerated() {
                var next = current
                next[field] = amounts[k]
                var rest = free
                rest.remove(at: i)
                place(k + 1, rest, next)
            }
        }
        place(0, empty, labelled)
        if let best { funds = best.funds }
        guessed = empty
    }

    /// How likely a filled funds block is (higher is likelier).
    static func score(_ funds: Funds) -> Double {
        var s = 0.0
        for (total, parts) in sums {
            guard let t = funds[total] else { s -= 3; continue }
            s += 1
            let present = parts.compactMap { funds[$0] }
            if present.contains(where: { $0 > t }) { s -= 5 }
            if present.count == parts.count { s += present.reduce(Amount.zero, +) == t ? 3 : -5 }
        }
        for field in layoutOrder where ![.projectTotal, .annualTotal].contains(field) {
            guard let amount = funds[field] else { continue }
            let zero = amount == .zero
            switch field {
            case .projectOther, .annualOther: s += zero ? 0.5 : 0.2
            case .annualCarryover: s += zero ? 0.3 : 0.1
            default: s += zero ? 0 : 0.5
            }
        }
        // A total is at least every other amount of the block.
        let largest = layoutOrder.compactMap { funds[$0] }.max() ?? .zero
        for total in [Funds.Field.projectTotal, .annualTotal] where funds[total].map({ $0 < largest }) == true { s -= 4 }
        // Matching totals are the likeliest pair (a one-year project asks for all of it this year).
        if let p = funds.projectTotal, let a = funds.annualTotal, p == a { s += 0.5 }
        return s
    }
}
