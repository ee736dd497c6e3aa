import Foundation
import ReformForms

/// One form read from text: its record and the pairings behind its indicators (for calibration).
public struct TextFormResult: Sendable {
    public var record: Record
    /// `pairings[i]` made `record.indicators[i]`.
    public var pairings: [Pairing]
    public var levels: [LevelGuess]
}

/// Reads scrambled plain text (what a naive extraction left of a PDF of forms) into canonical
/// records with `source.method = "text"`.
///
/// The pipeline: ``TextLines`` (pages, debris, folded labels) → ``TextForms`` (one form per title) →
/// ``TextTokenizer`` → ``HeaderFields`` and ``GoalParagraphs`` by their labels → ``FundsPlacement``
/// for loose amounts → ``LabelValuePairing`` (an assignment problem) → ``LevelClassifier`` →
/// ``TruncatedLabelCheck``. Every guess carries a confidence; weak ones go under `review`.
public struct TextFormExtractor: Sendable {
    public var template: FormTemplate
    public var settings: TextSettings

    public init(template: FormTemplate = .performanceTarget, settings: TextSettings = .standard) {
        self.template = template
        self.settings = settings
    }

    /// The records of every form in `text`. Throws `FormError.notFormText` when the text holds none.
    public func records(text: String, path: String, file: String, sha256: String) throws -> [Record] {
        try forms(text: text, path: path, file: file, sha256: sha256).map(\.record)
    }

    /// Every form in `text` with the pairings and level guesses behind its record.
    public func forms(text: String, path: String, file: String, sha256: String) throws -> [TextFormResult] {
        let vocabulary = FormVocabulary(template: template)
        let lines = TextLines(settings: settings, vocabulary: vocabulary).lines(text)
        let forms = TextForms(vocabulary: vocabulary, settings: settings).forms(lines)
        guard !forms.isEmpty else { throw FormError.notFormText(path: path) }
        let source = Source(file: file, sha256: sha256, pages: [], method: .text)
        var results = forms.map { read($0, vocabulary: vocabulary, source: source) }
        flagTruncatedNames(&results)
        for i in results.indices {
            results[i].record = RecordChecks.applied(to: results[i].record)
        }
        return results
    }

    func read(_ form: FormText, vocabulary: FormVocabulary, source: Source) -> TextFormResult {
        let tokens = TextTokenizer(vocabulary: vocabulary).tokens(form)
        let header = HeaderFields(tokens: tokens, lines: form.lines, settings: settings)
        let goals = GoalParagraphs(tokens: tokens, taken: header.consumed)
        var taken = header.consumed.union(goals.consumed)
        taken.formUnion(tokens.filter { $0.role != nil }.map(\.ordinal))

        var review: [ReviewItem] = header.placedByWording.map {
            ReviewItem(path: RecordPath.project($0), reason: "placed by its wording: the text prints it away from its label")
        }
        var confidences: [Double] = [settings.sameLineConfidence]

        let loose = tokens.filter { !taken.contains($0.ordinal) }.compactMap { t -> Amount? in
            if case .amount(let a) = t.kind { return a } else { return nil }
        }
        taken.formUnion(tokens.filter { if case .amount = $0.kind { return true } else { return false } }.map(\.ordinal))
        let funds = FundsPlacement(labelled: header.labelledFunds, loose: loose)
        for field in funds.guessed {
            let value = funds.funds[field].map { "\($0)" } ?? "empty"
            review.append(ReviewItem(path: RecordPath.funds(field),
                                     reason: "the text does not say which funds cell holds which amount: \(value) is the layout's likeliest placement"))
        }
        if !funds.guessed.isEmpty { confidences.append(settings.fundsGuessConfidence) }

        let pairing = LabelValuePairing(tokens: tokens, taken: taken, vocabulary: vocabulary, settings: settings)
        let levels = LevelClassifier(settings: settings).classify(pairing.pairings, tokens: tokens)
        var indicators: [Indicator] = []
        for (i, (pair, level)) in zip(pairing.pairings, levels).enumerated() {
            indicators.append(Indicator(level1: level.level1, level2: level.level2, name: pair.name, target: pair.target))
            confidences.append(pair.confidence)
            confidences.append(level.confidence)
            if pair.kind == .orphan {
                review.append(ReviewItem(path: RecordPath.indicator(i, .target), reason: String(
                    format: "orphan value \"%@\" paired with \"%@\" across distance (confidence %.2f)", pair.target.raw, pair.name, pair.confidence)))
            }
            if level.confidence < settings.levelReviewThreshold {
                review.append(ReviewItem(path: RecordPath.indicator(i, .level2), reason: String(
                    format: "section guessed from wording and order: %@/%@ (confidence %.2f)", level.level1, level.level2, level.confidence)))
            }
        }
        for value in pairing.unpairedValues {
            review.append(ReviewItem(path: "indicators", reason: "value \"\(value.text)\" found without a label"))
        }
        for label in pairing.unpairedLabels where !LevelClassifier.wording(label.text, target: TargetValue(cell: "")).isEmpty {
            review.append(ReviewItem(path: "indicators", reason: "label \"\(label.text)\" found without a value"))
        }
        if goals.goals.overall != nil {
            review.append(ReviewItem(path: RecordPath.goals("annual"), reason: "the text does not say which goal cell a goal text sits in"))
        }

        let record = Record(
            fiscalYear: header.fiscalYear,
            project: header.project,
            fundsYuan: funds.funds,
            goals: goals.goals,
            indicators: indicators,
            source: source,
            confidence: (confidences.min() ?? 0).rounded(toPlaces: 2),
            review: review
        )
        return TextFormResult(record: record, pairings: pairing.pairings, levels: levels)
    }

    /// Lists names that lost their first characters, with the repair another name suggests.
    func flagTruncatedNames(_ results: inout [TextFormResult]) {
        let names = results.flatMap { $0.record.indicators.compactMap(\.name) }
        let check = TruncatedLabelCheck(settings: settings)
        for r in results.indices {
            for (i, indicator) in results[r].record.indicators.enumerated() {
                guard let name = indicator.name, let repaired = check.repair(name, among: names) else { continue }
                results[r].record.review.append(ReviewItem(path: RecordPath.indicator(i, .name),
                                                           reason: "label looks truncated: \"\(name)\", probably \"\(repaired)\""))
            }
        }
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (self * scale).rounded(.down) / scale
    }
}
