import ReformLayout

/// The part of a document that holds one form: its tables in reading order, over one or more pages.
public struct FormSlice: Sendable {
    /// Pages the form covers, in order.
    public var pages: [Int]
    /// Tables of the form in reading order (a continued indicator table comes after its start).
    public var tables: [Table]
    /// The fiscal year printed under the title (`（2024年度）`), when there is one.
    public var fiscalYear: Int?
    /// How well the title matched (1 when exact).
    public var titleScore: Double
    /// Whether any of its pages is a scanned image with an OCR text layer.
    public var fromScan: Bool
    /// Whether any of its pages had no text layer and was read by OCR.
    public var fromOCR = false
    /// Cells of its pages read from the page image.
    public var cellReadings: [CellReading] = []

    public init(pages: [Int], tables: [Table], fiscalYear: Int?, titleScore: Double, fromScan: Bool) {
        self.pages = pages
        self.tables = tables
        self.fiscalYear = fiscalYear
        self.titleScore = titleScore
        self.fromScan = fromScan
    }
}
