import CPoppler
import Foundation

/// An open PDF. Owns its poppler document; pages are opened one at a time so memory stays flat.
///
/// Not `Sendable`: a document is read by one task. Parallel work opens one document per worker.
public final class PDFDocument {
    /// What the user called the file (a path, or `-` for standard input); used in every error.
    public let path: String
    private let document: GObjectReference

    /// The number of pages.
    public let pageCount: Int

    private var handle: OpaquePointer { OpaquePointer(document.pointer) }

    /// Opens a PDF file. Throws an `ExtractError` naming the file and the reason.
    public convenience init(path: String, password: String? = nil) throws(ExtractError) {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "is a directory") }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw .unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        try self.init(data: data, path: path, password: password)
    }

    /// Opens a PDF held in memory (standard input, a database blob). `path` names it in errors.
    public init(data: Data, path: String, password: String? = nil) throws(ExtractError) {
        self.path = path
        try PDFDocument.checkEnvelope(data, path: path)
        let gbytes = data.withUnsafeBytes { raw in g_bytes_new(raw.baseAddress, gsize(raw.count)) }
        defer { g_bytes_unref(gbytes) }  // the document keeps its own reference
        let result: Result<OpaquePointer, GLibFailure> = withGError { err in
            password.withOptionalCString { pw in
                poppler_document_new_from_bytes(gbytes, pw, err)
            }
        }
        switch result {
        case .success(let doc):
            document = GObjectReference(taking: UnsafeMutableRawPointer(doc))
        case .failure(let failure):
            if failure.domain == poppler_error_quark() && failure.code == Int(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw .encrypted(path: path, passwordGiven: password != nil)
            }
            throw .damaged(path: path, reason: failure.message.isEmpty ? "poppler could not parse it" : failure.message)
        }
        pageCount = Int(poppler_document_get_n_pages(OpaquePointer(document.pointer)))
        if pageCount == 0 { throw .zeroPages(path: path) }
    }

    /// Opens page `number` (1-based).
    public func page(_ number: Int) throws(ExtractError) -> PDFPage {
        guard number >= 1 && number <= pageCount, let p = poppler_document_get_page(handle, Int32(number - 1)) else {
            throw .pageOutOfRange(path: path, page: number, pageCount: pageCount)
        }
        return PDFPage(taking: UnsafeMutableRawPointer(p), number: number)
    }

    /// Rejects what is plainly not a whole PDF before poppler sees it: poppler repairs a truncated
    /// file silently, dropping the pages it lost, which would lose a user's data without a word.
    static func checkEnvelope(_ data: Data, path: String) throws(ExtractError) {
        if data.isEmpty { throw .empty(path: path) }
        let head = data.prefix(1024)
        guard head.range(of: Data("%PDF-".utf8)) != nil else { throw .notAPDF(path: path) }
        let tail = data.suffix(64 * 1024)
        guard tail.range(of: Data("%%EOF".utf8)) != nil else {
            throw .damaged(path: path, reason: "truncated: no %%EOF marker at the end")
        }
    }
}

extension Optional where Wrapped == String {
    func withOptionalCString<R>(_ body: (UnsafePointer<CChar>?) -> R) -> R {
        switch self {
        case .some(let s): return s.withCString { body($0) }
        case .none: return body(nil)
        }
    }
}
