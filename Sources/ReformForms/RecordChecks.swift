/// The review checks that read a finished record (SPEC §2 `review`): funds that do not add up,
/// required fields left empty, levels outside the taxonomy, targets that do not parse, dates that
/// are not dates. Checks that need the source (an orphan value paired by guesswork, a truncated
/// label) belong to the stages that see the source.
public enum RecordChecks {
    /// Header fields an analyst cannot do without; any other cell may legitimately be empty.
    public static let requiredProjectFields: [ProjectInfo.Field] = [.name, .department]

    /// Every review item for `record`, in record order (header, funds, indicators).
    public static func review(_ record: Record) -> [ReviewItem] {
        requiredFieldItems(record) + dateItems(record.project) + fundsItems(record.fundsYuan) + indicatorItems(record.indicators)
    }

    /// `record` with the checks' items appended to its review, skipping any already there.
    public static func applied(to record: Record) -> Record {
        var checked = record
        for item in review(record) where !checked.review.contains(item) {
            checked.review.append(item)
        }
        return checked
    }

    // MARK: - Header

    static func requiredFieldItems(_ record: Record) -> [ReviewItem] {
        var items: [ReviewItem] = []
        if record.fiscalYear == nil {
            items.append(ReviewItem(path: RecordPath.fiscalYear, reason: "fiscal year is missing"))
        }
        for field in requiredProjectFields where isEmpty(record.project[field]) {
            items.append(ReviewItem(path: RecordPath.project(field), reason: "required field \(field.rawValue) is empty"))
        }
        return items
    }

    static func dateItems(_ project: ProjectInfo) -> [ReviewItem] {
        var items: [ReviewItem] = []
        var dates: [ProjectInfo.Field: DateValue] = [:]
        for field in [ProjectInfo.Field.plannedStart, .plannedEnd] {
            guard let text = project[field], !text.isEmpty else { continue }
            let path = RecordPath.project(field)
            guard let date = DateValue(parsing: text) else {
                items.append(ReviewItem(path: path, reason: "\(field.rawValue) \"\(text)\" is not a date"))
                continue
            }
            dates[field] = date
            if date.iso != text {
                items.append(ReviewItem(path: path, reason: "\(field.rawValue) \"\(text)\" is not written as ISO \(date.iso)"))
            }
        }
        if let start = dates[.plannedStart], let end = dates[.plannedEnd], end < start {
            items.append(ReviewItem(path: RecordPath.project(.plannedEnd),
                                    reason: "planned_end \(end.iso) is before planned_start \(start.iso)"))
        }
        return items
    }

    // MARK: - Funds

    /// A total and the parts it must equal. Checked only where the total and every part are present.
    static let fundsSums: [(total: Funds.Field, parts: [Funds.Field])] = [
        (.projectTotal, [.projectFiscal, .projectOther]),
        (.annualTotal, [.annualAppropriation, .annualCarryover, .annualOther]),
    ]

    static func fundsItems(_ funds: Funds) -> [ReviewItem] {
        fundsSums.compactMap { sum in
            guard let total = funds[sum.total] else { return nil }
            let parts = sum.parts.compactMap { funds[$0] }
            guard parts.count == sum.parts.count else { return nil }
            let added = parts.reduce(Amount.zero, +)
            guard added != total else { return nil }
            let terms = zip(sum.parts, parts).map { "\($0.rawValue) \($1)" }.joined(separator: " + ")
            return ReviewItem(path: RecordPath.funds(sum.total),
                              reason: "funds do not add up: \(sum.total.rawValue) \(total) ≠ \(terms)")
        }
    }

    // MARK: - Indicators

    static func indicatorItems(_ indicators: [Indicator]) -> [ReviewItem] {
        indicators.enumerated().flatMap { index, indicator in
            levelItems(indicator, at: index) + nameItems(indicator, at: index) + targetItems(indicator.target, at: index)
        }
    }

    static func levelItems(_ indicator: Indicator, at index: Int) -> [ReviewItem] {
        var items: [ReviewItem] = []
        let level1Path = RecordPath.indicator(index, .level1)
        let level2Path = RecordPath.indicator(index, .level2)
        guard let level1 = indicator.level1, !level1.isEmpty else {
            items.append(ReviewItem(path: level1Path, reason: "level1 is empty"))
            if isEmpty(indicator.level2) { items.append(ReviewItem(path: level2Path, reason: "level2 is empty")) }
            return items
        }
        let level1Known = Taxonomy.isLevel1(level1)
        if !level1Known {
            items.append(ReviewItem(path: level1Path, reason: "level1 \"\(level1)\" is not in the indicator taxonomy"
                                    + suggestion(Taxonomy.matchLevel1(level1))))
        }
        guard let level2 = indicator.level2, !level2.isEmpty else {
            items.append(ReviewItem(path: level2Path, reason: "level2 is empty"))
            return items
        }
        if level1Known, !Taxonomy.isValid(level1: level1, level2: level2) {
            items.append(ReviewItem(path: level2Path, reason: "level2 \"\(level2)\" is not allowed under level1 \"\(level1)\""
                                    + suggestion(Taxonomy.matchLevel2(level2, under: level1))))
        } else if !level1Known, !Taxonomy.isLevel2(level2) {
            items.append(ReviewItem(path: level2Path, reason: "level2 \"\(level2)\" is not in the indicator taxonomy"
                                    + suggestion(Taxonomy.matchLevel2(level2))))
        }
        return items
    }

    static func nameItems(_ indicator: Indicator, at index: Int) -> [ReviewItem] {
        isEmpty(indicator.name) ? [ReviewItem(path: RecordPath.indicator(index, .name), reason: "indicator name is empty")] : []
    }

    static func targetItems(_ target: TargetValue, at index: Int) -> [ReviewItem] {
        let path = RecordPath.indicator(index, .target)
        switch TargetGrammar.parse(target.raw) {
        case .failure(let error):
            if case .empty = error.reason { return [ReviewItem(path: path, reason: "target is empty")] }
            return [ReviewItem(path: path, reason: error.description)]
        case .success(let parsed):
            guard parsed.sameMeaning(as: target) else {
                return [ReviewItem(path: path, reason: "target fields disagree with raw \"\(target.raw)\"")]
            }
            return []
        }
    }

    static func suggestion(_ match: TaxonomyMatch?) -> String {
        match.map { " (did you mean \($0.term)?)" } ?? ""
    }

    static func isEmpty(_ text: String?) -> Bool { text?.isEmpty ?? true }
}
