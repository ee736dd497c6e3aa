/// Where a record came from (SPEC §2 `source`): the file, its digest, the pages the form spans
/// and how it was read.
public struct Source: Sendable, Hashable, Decodable {
    /// How the form's cells were read.
    public enum Method: String, Sendable, Hashable, CaseIterable, Decodable {
        /// Text layer plus geometry of a born-digital PDF.
        case pdf
        /// The invisible OCR text layer of a scanned page.
        case ocrLayer = "ocr-layer"
        /// reform's own OCR of a page image (a scan without a text layer).
        case ocr
        /// Scrambled plain text, no geometry.
        case text
    }

    /// The file name as given to the product.
    public var file: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    /// 1-based page numbers the form spans (empty for plain text).
    public var pages: [Int]
    public var method: Method
    /// Paths of the fields whose cell was read again from the page image and read differently than
    /// the page's text layer had it (scans with an OCR layer); nil when none was.
    public var reread: [String]?

    public init(file: String, sha256: String, pages: [Int], method: Method, reread: [String]? = nil) {
        self.file = file
        self.sha256 = sha256
        self.pages = pages
        self.method = method
        self.reread = reread
    }
}
