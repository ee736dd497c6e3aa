import ReformLayout
import ReformPDF

/// What the form stage keeps of one page: its text lines and tables (glyphs are dropped once read).
public struct PageTables: Sendable {
    public var number: Int
    public var lines: [TextLine]
    public var tables: [Table]
    public var hasTextLayer: Bool
    /// Whether the page is a scanned image with a text layer on top (an OCR layer).
    public var isScan: Bool
    /// The page's rulings and skew, for pictures of what was read.
    public var rulings: [Ruling] = []
    public var skewDegrees: Double = 0
    /// Whether the page had no text layer and its text was read by OCR.
    public var readByOCR = false
    /// Cells read from the page image whose reading was kept.
    public var cellReadings: [CellReading] = []
    /// Character collections whose maps poppler lacked, so text in those fonts is missing.
    public var missingCharacterMaps: [String] = []
    /// How the page was turned to be read, when it was scanned sideways or upside down: its tables,
    /// lines and rulings are in the turned page's points.
    public var turn = QuarterTurn.upright

    public init(number: Int, lines: [TextLine], tables: [Table], hasTextLayer: Bool, isScan: Bool) {
        self.number = number
        self.lines = lines
        self.tables = tables
        self.hasTextLayer = hasTextLayer
        self.isScan = isScan
    }
}
