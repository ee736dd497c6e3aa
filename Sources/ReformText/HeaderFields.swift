import Foundation
import ReformForms

/// The header of one form read from its tokens by their labels: project fields, dates, the fiscal
/// year and the labelled amounts. Which tokens it used is kept so the indicator stage skips them.
public struct HeaderFields: Sendable {
    public var fiscalYear: Int?
    public var project = ProjectInfo()
    /// Amounts placed by their own label.
    public var labelledFunds = Funds()
    /// Fields filled from their wording, not their label (listed for review).
    public var placedByWording: [ProjectInfo.Field] = []
    /// Ordinals of the tokens used here.
    public var consumed = Set<Int>()

    /// The cell to the right of a label's value in the form's layout: where a second value printed
    /// after one label belongs (`主管部门 <dept> <unit>` with `实施单位` elsewhere).
    static let rowMate: [FieldTarget: FieldTarget] = [
        .project(.department): .project(.implementingUnit),
        .project(.nature): .project(.category),
        .project(.plannedStart): .project(.plannedEnd),
        .funds(.projectTotal): .funds(.annualTotal),
        .funds(.projectFiscal): .funds(.annualAppropriation),
        .funds(.projectOther): .funds(.annualOther),
    ]

    public init(tokens: [TextToken], lines: [TextLine], settings: TextSettings) {
        fiscalYear = tokens.lazy.compactMap { if case .year(let y) = $0.kind { return y } else { return nil } }.first
        var otherFundsSeen = 0
        for (index, token) in tokens.enumerated() {
            guard let role = token.role else { continue }
            let target: FieldTarget
            switch role {
            case .field(let t): target = t
            case .otherFunds:
                target = otherFundsSeen == 0 ? .funds(.projectOther) : .funds(.annualOther)
                otherFundsSeen += 1
            default: continue
            }
            if case .overallGoal = target { continue }
            if case .annualGoal = target { continue }
            let values = valuesAfter(index, tokens: tokens, lines: lines, target: target, settings: settings)
            guard let first = values.first else { continue }
            assign(target, first, tokens: tokens)
            if values.count > 1, let mate = Self.rowMate[target], !isSet(mate) {
                // The mate's own label, if it comes later with a value, will overwrite this.
                assign(mate, values[1], tokens: tokens)
            }
        }
        placeByWording(tokens: tokens)
        if project.plannedStart == nil || project.plannedEnd == nil {
            let dates = tokens.filter { if case .date = $0.kind { return !consumed.contains($0.ordinal) } else { return false } }
            for token in dates {
                guard case .date(let date) = token.kind else { continue }
                if project.plannedStart == nil { project.plannedStart = date.iso; consumed.insert(token.ordinal) }
                else if project.plannedEnd == nil { project.plannedEnd = date.iso; consumed.insert(token.ordinal) }
            }
        }
    }

    /// Header values the text printed away from their label: the part of a cell printed above its
    /// label's row (`宁波市农业农村` … `委员会农村经营` `管理站`, where the implementing unit extends the
    /// department's name), and a 项目类别 value left alone (categories end in `类`).
    mutating func placeByWording(tokens: [TextToken]) {
        let loose = tokens.filter { $0.isWords && !consumed.contains($0.ordinal) }
        if let department = project.department, let unit = project.implementingUnit, !unit.hasPrefix(department),
           let head = loose.first(where: { department.hasPrefix($0.text) && ($0.text + unit).hasPrefix(department) }) {
            project.implementingUnit = head.text + unit
            consumed.insert(head.ordinal)
        }
        if project.category == nil, let word = loose.first(where: { $0.text.hasSuffix("类") && (3...10).contains($0.text.count) }) {
            project.category = word.text
            consumed.insert(word.ordinal)
            placedByWording.append(.category)
        }
    }

    func isSet(_ target: FieldTarget) -> Bool {
        switch target {
        case .project(let f): return project[f] != nil
        case .funds(let f): return labelledFunds[f] != nil
        default: return true
        }
    }

    mutating func assign(_ target: FieldTarget, _ value: [Int], tokens: [TextToken]) {
        let pieces = value.map { tokens[$0] }
        switch target {
        case .project(let field):
            if field == .plannedStart || field == .plannedEnd {
                guard let token = pieces.first, case .date(let date) = token.kind else { return }
                project[field] = date.iso
            } else {
                let text = TextNormalizer.normalize(pieces.map(\.text).joined())
                guard !text.isEmpty else { return }
                project[field] = text
            }
        case .funds(let field):
            guard let token = pieces.first, case .amount(let amount) = token.kind else { return }
            labelledFunds[field] = amount
        default: return
        }
        consumed.formUnion(pieces.map(\.ordinal))
    }

    /// The value tokens of the label at `index`: the tokens after it on its line up to the next
    /// label (each one value), else the next non-blank line when it holds no label; a value wrapped
    /// by a narrow cell or ending in a short tail is joined.
    func valuesAfter(_ index: Int, tokens: [TextToken], lines: [TextLine], target: FieldTarget, settings: TextSettings) -> [[Int]] {
        let label = tokens[index]
        var same: [[Int]] = []
        var k = index + 1
        while k < tokens.count, tokens[k].line == label.line, tokens[k].role == nil {
            if fits(tokens[k], target) { same.append([k]) }
            k += 1
        }
        if !same.isEmpty { return same }
        // Only when the label ends its line: the next line's first token, if it is no label.
        guard k >= tokens.count || tokens[k].line != label.line else { return [] }
        guard k < tokens.count, tokens[k].role == nil, tokens[k].page == label.page, fits(tokens[k], target),
              consumed.contains(tokens[k].ordinal) == false else { return [] }
        var value = [k]
        // The value is alone on its line; wrapped continuations follow.
        if case .project = target, tokens[k].isWords {
            var last = k
            while last + 1 < tokens.count {
                let next = tokens[last + 1]
                guard next.isWords, next.page == label.page, next.column == 0,
                      tokens[last].column == 0, !(last + 2 < tokens.count && tokens[last + 2].line == next.line) else { break }
                let adjacent = next.line == tokens[last].line + 1
                let narrow = tokens[last].text.count <= settings.narrowCellWidth
                let shortTail = next.text.count <= settings.maxWrapTailLength && next.line - tokens[last].line <= 2
                guard (adjacent && narrow) || shortTail else { break }
                value.append(last + 1)
                last += 1
            }
        }
        return [value]
    }

    func fits(_ token: TextToken, _ target: FieldTarget) -> Bool {
        switch target {
        case .project(.plannedStart), .project(.plannedEnd):
            if case .date = token.kind { return true } else { return false }
        case .project:
            return token.isWords
        case .funds:
            if case .amount = token.kind { return true } else { return false }
        default:
            return false
        }
    }
}
