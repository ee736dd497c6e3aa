/// The canonical record of one form (SPEC §2): what the product emits, one per 财政项目支出绩效目标申报表.
///
/// Every key of SPEC §2 is a property here, in the same order; ``RecordJSON`` writes them in that
/// order. Decodable from the JSON (snake_case keys). Expected records may carry `_ambiguous`, the
/// paths their source cannot decide; it is kept as ``ambiguous`` and never written.
public struct Record: Sendable, Hashable, Decodable {
    /// The schema identifier every record carries.
    public static let schemaID = "perf-target-form/1"
    /// The form's printed title.
    public static let formTitle = "财政项目支出绩效目标申报表"

    public var schema: String
    public var title: String?
    public var fiscalYear: Int?
    public var project: ProjectInfo
    public var fundsYuan: Funds
    public var goals: Goals
    /// In the form's row order.
    public var indicators: [Indicator]
    public var source: Source
    /// 0…1: the record's weakest association; 1.0 only where geometry made every cell's place certain.
    public var confidence: Double
    public var review: [ReviewItem]
    /// `_ambiguous` of an expected record: paths not scored. Empty for produced records.
    public var ambiguous: [String]

    public init(
        schema: String = Record.schemaID,
        title: String? = Record.formTitle,
        fiscalYear: Int?,
        project: ProjectInfo,
        fundsYuan: Funds,
        goals: Goals,
        indicators: [Indicator],
        source: Source,
        confidence: Double,
        review: [ReviewItem] = [],
        ambiguous: [String] = []
    ) {
        self.schema = schema
        self.title = title
        self.fiscalYear = fiscalYear
        self.project = project
        self.fundsYuan = fundsYuan
        self.goals = goals
        self.indicators = indicators
        self.source = source
        self.confidence = confidence
        self.review = review
        self.ambiguous = ambiguous
    }

    enum CodingKeys: String, CodingKey {
        case schema, title
        case fiscalYear = "fiscal_year"
        case project
        case fundsYuan = "funds_yuan"
        case goals, indicators, source, confidence, review
        case ambiguous = "_ambiguous"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try container.decode(String.self, forKey: .schema)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        fiscalYear = try container.decodeIfPresent(Int.self, forKey: .fiscalYear)
        project = try container.decode(ProjectInfo.self, forKey: .project)
        fundsYuan = try container.decode(Funds.self, forKey: .fundsYuan)
        goals = try container.decode(Goals.self, forKey: .goals)
        indicators = try container.decodeIfPresent([Indicator].self, forKey: .indicators) ?? []
        source = try container.decode(Source.self, forKey: .source)
        confidence = try container.decode(Double.self, forKey: .confidence)
        review = try container.decodeIfPresent([ReviewItem].self, forKey: .review) ?? []
        ambiguous = try container.decodeIfPresent([String].self, forKey: .ambiguous) ?? []
    }
}
