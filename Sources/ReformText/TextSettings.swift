/// Every threshold and weight of the text reconstruction, in one value (one knob, one doc line).
///
/// The defaults were set on the committed text corpus and checked on a held-out corpus
/// (`scripts/corpus/build --seed 7`); see docs/text-reconstruction.md for the figures.
public struct TextSettings: Sendable {
    // MARK: Lines and pages

    /// Blank lines in a row that mark a page break in text without form feeds (the seed uses three).
    public var pageBreakBlankLines = 3
    /// A non-blank line of at most this many characters, after a blank, may finish the wrapped value
    /// above it (`交通行业资质管理及信用评价经` / `费`), or a wrapped indicator label (`…单位制证成` / `本`).
    public var maxWrapTailLength = 3
    /// A header value line this short (or shorter) was wrapped by a narrow cell: the next adjacent
    /// text line continues it (`合肥市教育委` / `员会教师发展` / `中心`).
    public var narrowCellWidth = 10
    /// An indicator label line at least this long may be continued by a short tail on the next line.
    public var minWrappedLabelLength = 8
    /// A text segment needs this many ideographs to count as a label or a value in words.
    public var minLabelIdeographs = 2
    /// The longest standalone qualitative value (`显著改善`, `有效保障`, `年内完成`).
    public var maxQualitativeLength = 6

    // MARK: Pairing (label ↔ value as an assignment problem)

    /// Confidence of a value printed on the label's own line (`完成家具安装套数 =216.00(件)`).
    public var sameLineConfidence = 0.99
    /// Weight of closeness in lines between label and value; decays with `proximityScale` lines.
    public var proximityWeight = 0.35
    /// Lines over which the proximity cue halves.
    public var proximityScale = 4.0
    /// Weight of order of appearance: the k-th unpaired label goes with the k-th unpaired value.
    public var orderWeight = 0.30
    /// Weight of the unit against the label's wording (`(%)` and `率`, `(台)` and `设备`).
    public var unitWeight = 0.35
    /// Bonus when the value follows its label directly (the next non-blank segment).
    public var adjacencyBonus = 0.25
    /// Penalty for a value printed before its label on another line (text usually reads label first).
    public var valueBeforeLabelPenalty = 0.05
    /// Pairs scoring below this are not made: the label and the value stay unpaired (and reported).
    public var minPairScore = 0.30
    /// How much the margin over the best alternative counts in a pair's confidence.
    public var marginWeight = 0.5
    /// Confidence cap for a pair across distance (an orphan): never "certain" without geometry.
    public var orphanConfidenceCap = 0.85

    // MARK: Levels (一级指标 / 二级指标)

    /// Share of wording-confident rows whose section by order agrees with their wording, above which
    /// the text is taken to keep the order of section headers.
    public var orderTrustAgreement = 0.6
    /// Weight of the section by order when the text keeps the order (else `orderWeakWeight`).
    public var orderStrongWeight = 1.2
    public var orderWeakWeight = 0.15
    /// Wording rules scoring at least this count as "confident" when measuring order trust.
    public var confidentWording = 0.7
    /// Share of wording-confident rows whose section header their own page prints, above which the
    /// pages are taken to reprint spanning headers (the seed's renderer does; others print them once).
    public var pageCueAgreement = 0.8
    /// Factor on a section whose headers the row's page does not print, when the page cue holds,
    /// and when it does not (then the form's headers are used, and only mildly).
    public var absentSectionFactor = 0.1
    public var absentSectionFactorWeak = 0.5
    /// Factor on 满意度指标 for a row whose name says nothing of satisfaction or complaints.
    public var unwordedSatisfactionFactor = 0.3
    /// A level guess below this confidence goes under `review`.
    public var levelReviewThreshold = 0.6

    // MARK: Funds

    /// Confidence of a funds cell filled by layout likelihood rather than by its label.
    public var fundsGuessConfidence = 0.5

    // MARK: Truncated labels

    /// The most characters a truncated label may have lost at its start (`海市…` for `上海市…`).
    public var maxLostPrefix = 2
    /// The least characters the truncated label must share with the label that extends it.
    public var minSharedForRepair = 2

    // MARK: Recognition

    /// Without a title, text needs this many distinct header labels to be read as one form.
    public var minHeaderLabelsWithoutTitle = 3

    public init() {}

    public static let standard = TextSettings()
}
