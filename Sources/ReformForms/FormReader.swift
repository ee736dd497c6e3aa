import Foundation
import ReformLayout
import ReformPDF

/// Maps one form's tables to its canonical record through the template: fields by their labels
/// (not by positions), indicator rows by the indicator table's column headers, levels from the
/// spanning cells the rows sit in (carried over page breaks).
public struct FormReader: Sendable {
    public var template: FormTemplate
    public var matcher: LabelMatcher

    public init(template: FormTemplate = .performanceTarget, matcher: LabelMatcher = LabelMatcher()) {
        self.template = template
        self.matcher = matcher
    }

    /// A cell with the index of its table in the slice.
    struct Place: Hashable {
        var table: Int
        var cell: Int
    }

    /// Reads a form. `source` names the file; its pages and method are set from the slice.
    public func read(_ form: FormSlice, source: Source) -> Record {
        readDetailed(form, source: source).record
    }

    /// Reads a form and says which cell each field came from.
    public func readDetailed(_ form: FormSlice, source: Source) -> (record: Record, sources: [FieldSource]) {
        var sources: [FieldSource] = []
        var review: [ReviewItem] = []
        var confidence = 1.0
        let tables = form.tables

        func cell(_ p: Place) -> Cell { tables[p.table].cells[p.cell] }
        let places = tables.indices.flatMap { t in tables[t].cells.indices.map { Place(table: t, cell: $0) } }
        // Each cell is keyed once and each set of spellings compiled once: matching is then cheap.
        let keys = places.map { p -> [Unicode.Scalar] in
            let text = cell(p).text
            return text.isEmpty || text.count > maxLabelLength ? [] : LabelMatcher.key(text)
        }
        let allLabels = matcher.compile(template.allLabels)

        /// Finds the label cell for a set of spellings: exact matches first, then the best lenient one.
        func find(_ labels: [String], path: String) -> [Place] {
            let spellings = matcher.compile(labels)  // compiled once a process (LabelMatcher)
            // Exact matches first: where there are any, no edit distance is needed.
            let exact = places.indices.filter { matcher.isExact(key: keys[$0], spellings) }.map { places[$0] }
            if !exact.isEmpty { return exact }
            var lenient: [(Int, LabelMatcher.Match)] = []
            for i in places.indices where !keys[i].isEmpty {
                if let m = matcher.match(key: keys[i], spellings) { lenient.append((i, m)) }
            }
            guard let best = lenient.max(by: { $0.1.score < $1.1.score }) else { return [] }
            // A lenient match must not be an exact match of another label.
            if matcher.isExact(key: keys[best.0], allLabels) { return [] }
            let place = places[best.0]
            review.append(ReviewItem(path: path, reason: "label read leniently: '\(cell(place).text)' taken as \(best.1.label.replacingOccurrences(of: "*", with: ""))"))
            confidence = min(confidence, best.1.score)
            return [place]
        }

        /// Whether a cell's text is one of the form's labels (so it is not a value).
        func isLabel(_ text: String) -> Bool {
            text.count <= maxLabelLength && matcher.isExact(key: LabelMatcher.key(text), allLabels)
        }

        /// The value cell next to (or under) a label cell.
        func value(of label: Place, _ placement: ValuePlacement) -> Cell? {
            let t = tables[label.table], l = cell(label)
            let candidates: [Cell]
            switch placement {
            case .right:
                candidates = t.cells.filter { $0.column == l.lastColumn + 1 && $0.row <= l.lastRow && $0.lastRow >= l.row }
            case .below:
                if l.lastRow + 1 < t.rowCount {
                    candidates = t.cells.filter { $0.row == l.lastRow + 1 && $0.column <= l.lastColumn && $0.lastColumn >= l.column }
                } else if label.table + 1 < tables.count {
                    // The label closes its page: the value opens the next page, under the same columns.
                    candidates = tables[label.table + 1].cells.filter { $0.row == 0 && $0.box.horizontalOverlap(l.box) > Self.sameColumnOverlap * min($0.box.width, l.box.width) }
                } else {
                    candidates = []
                }
            }
            guard let v = candidates.min(by: { ($0.row, $0.column) < ($1.row, $1.column) }) else { return nil }
            return isLabel(v.text) ? nil : v
        }

        var project = ProjectInfo(), funds = Funds(), goals = Goals()
        var labelCells = Set<Place>()
        for rule in template.fields {
            var found = find(rule.labels, path: rule.target.path)
            if let anchorLabel = rule.columnOf, found.count > 1 {
                let anchors = find([anchorLabel], path: rule.target.path)
                if let anchor = anchors.first {
                    let x = cell(anchor).box.midX
                    found.sort { abs(cell($0).box.midX - x) < abs(cell($1).box.midX - x) }
                }
            }
            guard let label = found.first else { continue }
            labelCells.insert(label)
            sources.append(FieldSource(path: rule.target.path, role: .label, page: tables[label.table].page, box: cell(label).box))
            if let v = value(of: label, rule.placement) {
                let role: FieldSource.Role
                switch rule.target {
                case .project: role = .text
                case .funds: role = .funds
                case .overallGoal, .annualGoal: role = .goal
                }
                // A value under a label closing its page sits on the next table's page.
                let page = tables.first { $0.cells.contains(v) }?.page ?? tables[label.table].page
                sources.append(FieldSource(path: rule.target.path, role: role, page: page, box: v.box))
            }
            // The cell's lines as printed: the normalizer removes Chinese wrap breaks and turns Latin ones into spaces.
            var text = value(of: label, rule.placement).map { $0.lines.joined(separator: "\n") } ?? ""
            if form.fromScan { text = ScanText.cleaned(text) }
            switch rule.target {
            case .project(let f):
                var v = TextNormalizer.normalizeOptional(text)
                if f == .plannedStart || f == .plannedEnd, let t = v {
                    if let date = DateValue(parsing: t) {
                        v = date.iso
                    } else if form.fromScan, let repaired = ScanText.repairedDate(t) {
                        review.append(ReviewItem(path: rule.target.path, reason: "OCR date '\(t)' read as \(repaired)"))
                        confidence = min(confidence, Self.repairConfidence)
                        v = repaired
                    }
                }
                project[f] = v
            case .funds(let f):
                if form.fromScan, let (amount, repaired) = ScanText.scannedAmount(text) {
                    funds[f] = amount
                    if repaired {
                        review.append(ReviewItem(path: rule.target.path, reason: "OCR amount '\(text)' read as \(amount)"))
                        confidence = min(confidence, Self.repairConfidence)
                    }
                } else if let amount = Amount(parsing: text) {
                    funds[f] = amount
                } else if !Amount.isBlank(text.trimmingWhiteSpace()) {
                    review.append(ReviewItem(path: rule.target.path, reason: "amount does not parse: '\(text)'"))
                }
            case .overallGoal:
                goals.overall = TextNormalizer.normalizeOptional(text)
            case .annualGoal:
                goals.annual = TextNormalizer.normalizeOptional(text)
            }
        }

        var repairs: [ReviewItem] = []
        let (indicators, indicatorSources) = readIndicators(tables, fromScan: form.fromScan, find: find, repairs: &repairs)
        review += repairs
        if !repairs.isEmpty { confidence = min(confidence, Self.repairConfidence) }
        sources += indicatorSources

        // Cells read from the page image: the weakest reading bounds the record's confidence, and the
        // record names the fields whose text-layer text a reading replaced.
        var reread: [String] = []
        for s in sources where s.role != .label {
            guard let r = form.cellReadings.first(where: { $0.page == s.page && $0.box.contains(s.box.center) }) else { continue }
            if r.replacedLayer { reread.append(s.path) }
            confidence = min(confidence, r.confidence)
            if r.confidence < Self.doubtfulReading {
                review.append(ReviewItem(path: s.path, reason: "read from the page image with low confidence (\(String(format: "%.2f", r.confidence)))"))
            }
        }

        var record = Record(
            schema: Record.schemaID, title: Record.formTitle, fiscalYear: form.fiscalYear ?? fallbackYear(project, goalsLabel: nil),
            project: project, fundsYuan: funds, goals: goals, indicators: indicators,
            source: Source(file: source.file, sha256: source.sha256, pages: form.pages,
                           method: form.fromOCR ? .ocr : form.fromScan ? .ocrLayer : .pdf, reread: reread.isEmpty ? nil : reread),
            confidence: min(confidence, form.titleScore), review: review, ambiguous: []
        )
        record = RecordChecks.applied(to: record)
        if form.fromScan { record.review += ScriptCheck.review(record) }
        return (record, sources)
    }

    /// The indicator rows under the header row, through every later table of the form.
    func readIndicators(_ tables: [Table], fromScan: Bool, find: ([String], String) -> [Place],
                        repairs: inout [ReviewItem]) -> ([Indicator], [FieldSource]) {
        var sources: [FieldSource] = []
        let units = template.normalizedUnits
        func clean(_ text: String) -> String { fromScan ? ScanText.cleaned(text) : text }
        let cols = template.indicatorColumns
        guard let nameHeader = find(cols.name, "indicators").first else { return ([], []) }
        let headerTable = nameHeader.table
        let header = tables[headerTable].cells[nameHeader.cell]
        // The header cells of the same row give each column's x.
        func headerX(_ labels: [String]) -> Double? {
            let found = find(labels, "indicators")
            let sameRow = found.first { p in
                let c = tables[p.table].cells[p.cell]
                return p.table == headerTable && c.row <= header.lastRow && c.lastRow >= header.row
            }
            return (sameRow ?? found.first).map { tables[$0.table].cells[$0.cell].box.midX }
        }
        let xName = header.box.midX
        let x1 = headerX(cols.level1), x2 = headerX(cols.level2), xt = headerX(cols.target)

        func cellAt(_ t: Table, row r: Int, x: Double?) -> Cell? {
            guard let x else { return nil }
            return t.cells.first { r >= $0.row && r <= $0.lastRow && $0.box.left <= x && $0.box.right >= x }
        }
        var out: [Indicator] = []
        var level1 = LevelTracker(isTerm: Taxonomy.isLevel1), level2 = LevelTracker(isTerm: Taxonomy.isLevel2)
        var lastPair: (Cell?, Cell?)? = nil
        for t in headerTable..<tables.count {
            let table = tables[t]
            let first = t == headerTable ? header.lastRow + 1 : 0
            guard first < table.rowCount else { continue }
            for r in first..<table.rowCount {
                let nameCell = cellAt(table, row: r, x: xName), targetCell = cellAt(table, row: r, x: xt)
                // A name or target cell spanning several grid rows is one indicator, not several.
                if let last = lastPair, last.0 == nameCell, last.1 == targetCell { continue }
                lastPair = (nameCell, targetCell)
                let name = TextNormalizer.normalizeOptional(clean(nameCell?.lines.joined(separator: "\n") ?? ""))
                let target = clean(targetCell?.text ?? "").trimmingWhiteSpace()
                // A repeated header row on a continuation page.
                if let n = nameCell?.text, matcherMatches(n, cols.name) { continue }
                // Each level written through a closure, not a key path: a key path's first use is a
                // run-time type lookup over every conformance record (docs/benchmarks.md, 27th session).
                if let cell = cellAt(table, row: r, x: x1) {
                    let text = Self.level(clean(cell.text), fromScan: fromScan, terms: Taxonomy.level1Terms)
                    level1.read(text, cell: cell, table: table, continuing: t > headerTable, into: &out) { $0.level1 = $1 }
                }
                if let cell = cellAt(table, row: r, x: x2) {
                    let text = Self.level(clean(cell.text), fromScan: fromScan, terms: Taxonomy.level2Terms)
                    level2.read(text, cell: cell, table: table, continuing: t > headerTable, into: &out) { $0.level2 = $1 }
                }
                guard name != nil || !target.isEmpty else { continue }
                let i = out.count
                if let c = nameCell { sources.append(FieldSource(path: RecordPath.indicator(i, .name), role: .indicatorName, page: table.page, box: c.box)) }
                if let c = targetCell { sources.append(FieldSource(path: RecordPath.indicator(i, .target), role: .target, page: table.page, box: c.box)) }
                for (key, x) in [(RecordPath.IndicatorKey.level1, x1), (.level2, x2)] {
                    if let c = cellAt(table, row: r, x: x), c.row == r || r == first {
                        sources.append(FieldSource(path: RecordPath.indicator(i, key), role: .level, page: table.page, box: c.box))
                    }
                }
                var value = TargetValue(cell: TextNormalizer.normalize(target))
                if fromScan, !Self.knownTarget(value, units: units), let repaired = ScanText.repairedTarget(target) {
                    let fixed = TargetValue(cell: TextNormalizer.normalize(repaired))
                    if Self.knownTarget(fixed, units: units) {
                        value = fixed
                        repairs.append(ReviewItem(path: RecordPath.indicator(out.count, .target), reason: "OCR target '\(target)' read as \(repaired)"))
                    }
                }
                out.append(Indicator(level1: level1.text.isEmpty ? nil : level1.text, level2: level2.text.isEmpty ? nil : level2.text,
                                     name: name, target: value))
            }
        }
        return (out, sources)
    }

    /// The level (一级 or 二级) the rows are in: the spanning cell's text, carried down its rows and over a
    /// page break. A spanning cell that a page break cut in two prints part of its text on each page
    /// (`满意度指` + `标`): the two parts are one level when together they make a taxonomy term.
    struct LevelTracker {
        var isTerm: (String) -> Bool
        var text = ""
        /// Index of the first indicator under the current cell.
        var start = 0
        /// Whether the current cell reaches its table's last row (and may go on over the page break).
        var open = false
        var cell: Cell?

        /// Reads the level cell `cell` of a row; `set` writes a level joined over a page break into
        /// the indicators read under the cell's first part.
        mutating func read(_ piece: String, cell: Cell, table: Table, continuing: Bool, into out: inout [Indicator],
                           set: (inout Indicator, String) -> Void) {
            guard cell != self.cell else { return }
            self.cell = cell
            let reachesEnd = cell.lastRow == table.rowCount - 1
            if continuing && cell.row == 0 && open {
                // The first cell of a continuation page may be the rest of the cell that closed the page
                // before: empty (the text stayed above), the rest of the text, or the whole text of a cell
                // that began empty at the foot of the page before.
                if piece.isEmpty {
                    open = reachesEnd
                    return
                }
                let joined = text + piece
                if text.isEmpty || isTerm(joined) || (!isTerm(text) && !isTerm(piece)) {
                    text = joined
                    for i in start..<out.count { set(&out[i], joined) }
                    open = reachesEnd
                    return
                }
            }
            // A new cell; an empty one is an empty level (unless the next page fills it, above).
            text = piece
            start = out.count
            open = reachesEnd
        }
    }

    private func matcherMatches(_ text: String, _ labels: [String]) -> Bool {
        text.count <= maxLabelLength && matcher.isExact(key: LabelMatcher.key(text), matcher.compile(labels))
    }

    /// Cells longer than this are values, never labels.
    var maxLabelLength: Int { 40 }

    /// Cells on two pages are in one column when they overlap by this share of the narrower.
    static let sameColumnOverlap = 0.5

    /// Whether a target parses into a number with no unit or one the template knows, or is a word.
    static func knownTarget(_ t: TargetValue, units: Set<String>) -> Bool {
        guard t.value != nil else { return t.qualitative.map { !ScanReader.hasDigit($0) } ?? true }
        // A target prints at most two decimals: more, with no unit after them, are a misread unit.
        if t.unit == nil, let text = t.valueText, let point = text.firstIndex(of: "."),
           text[text.index(after: point)...].count > ScanText.maximumDecimals {
            return false
        }
        return t.unit.map { units.contains($0) } ?? true
    }

    /// A cell read from the page image less confidently than this is listed under `review`.
    static let doubtfulReading = 0.6

    /// A value OCR garbled and reform repaired (an amount's separators, a date's letters) is this sure.
    static let repairConfidence = 0.8

    /// A level label as printed, without the spaces of spaced-out or vertical text. On a scan, text
    /// that is a taxonomy term once the characters OCR makes of ruled lines are gone (`满意|度指标`) is
    /// that term.
    static func level(_ text: String, fromScan: Bool = false, terms: [String] = []) -> String {
        let printed = TextNormalizer.normalize(text).filter { !$0.isWhitespace }
        guard fromScan, !printed.isEmpty, !terms.contains(printed) else { return printed }
        let key = LabelMatcher.key(printed)
        return terms.first { LabelMatcher.key($0) == key } ?? printed
    }

    /// The fiscal year when no `（2024年度）` line was found: the planned start's year.
    func fallbackYear(_ project: ProjectInfo, goalsLabel: String?) -> Int? {
        project.plannedStart.flatMap { DateValue(parsing: $0)?.year }
    }
}
