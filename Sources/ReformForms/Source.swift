/// Where a record came from (SPEC §2 `source`): the file, its digest, the pages the form spans
/// and how it was read.
public struct Source: Sendable, Hashable, Decodable {
    /// How the form's cells were read.
    public enum Method: String, Sendable, Hashable, CaseIterable, Decodable {
        /// Text layer plus geometry of a born-digital PDF.
        case pdf
        /// The invisible OCR text layer of a scanned page.
        case ocrLayer = "ocr-layer"
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

    public init(file: String, sha256: String, pages: [Int], method: Method) {
        self.file = file
        self.sha256 = sha256
        self.pages = pages
        self.method = method
    }
}
