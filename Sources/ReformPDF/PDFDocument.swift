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

    /// Where the document's bytes live, so parallel workers can open documents of their own (over
    /// the same bytes when they are in memory).
    enum Origin: Sendable {
        case file(String)
        case bytes(PDFBytes)
    }

    let origin: Origin
    let password: String?

    /// Opens a PDF file. Throws an `ExtractError` naming the file and the reason.
    public init(path: String, password: String? = nil) throws(ExtractError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: 0)
        self.path = path
        self.password = password
        // A file up to `inMemoryLimit` is read whole (once: its envelope is checked on the bytes) and
        // parsed from memory: from a file poppler reads 256 bytes a system call (17,000 calls for the
        // 69 pages of Corpus/born-digital). Larger files are read by poppler as it goes, so they cost
        // no memory of their own size.
        if size <= PDFDocument.inMemoryLimit, let bytes = PDFBytes(reading: handle.fileDescriptor, size: Int(size)) {
            let data = bytes.data
            try PDFDocument.checkEnvelope(head: data.prefix(1024), tail: data.suffix(65536), path: path, isEmpty: data.isEmpty)
            origin = .bytes(bytes)
            document = try PDFDocument.open(bytes: bytes, path: path, password: password)
            pageCount = Int(poppler_document_get_n_pages(OpaquePointer(document.pointer)))
            if pageCount == 0 { throw .zeroPages(path: path) }
            return
        }
        try? handle.seek(toOffset: 0)
        let head = (try? handle.read(upToCount: 1024)) ?? Data()
        try? handle.seek(toOffset: size > 65536 ? size - 65536 : 0)
        let tail = (try? handle.read(upToCount: 65536)) ?? Data()
        try PDFDocument.checkEnvelope(head: head, tail: tail, path: path)
        origin = .file(path)
        // From a file poppler reads the bytes itself; it also survives a wrong password, which the
        // bytes and data constructors of poppler 22.12 do not (they crash; the stream one does not).
        // g_filename_to_uri wants an absolute path.
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let uri = g_filename_to_uri(absolute, nil, nil) else {
            throw .unreadable(path: path, reason: "the path cannot be turned into a file URI")
        }
        defer { g_free(uri) }
        document = try PDFDocument.open(path: path, password: password) { err in
            password.withOptionalCString { poppler_document_new_from_file(uri, $0, err) }
        }
        pageCount = Int(poppler_document_get_n_pages(OpaquePointer(document.pointer)))
        if pageCount == 0 { throw .zeroPages(path: path) }
    }

    /// Opens a PDF held in memory (standard input, a database blob). `path` names it in errors.
    public convenience init(data: Data, path: String, password: String? = nil) throws(ExtractError) {
        try self.init(bytes: PDFBytes(copying: data), path: path, password: password)
    }

    /// Opens a PDF whose bytes are in memory already (another document's, for a lane of its own).
    init(bytes: PDFBytes, path: String, password: String?) throws(ExtractError) {
        let data = bytes.data
        try PDFDocument.checkEnvelope(head: data.prefix(1024), tail: data.suffix(65536), path: path, isEmpty: data.isEmpty)
        self.path = path
        self.password = password
        origin = .bytes(bytes)
        document = try PDFDocument.open(bytes: bytes, path: path, password: password)
        pageCount = Int(poppler_document_get_n_pages(OpaquePointer(document.pointer)))
        if pageCount == 0 { throw .zeroPages(path: path) }
    }

    /// The document's bytes when it holds them in memory (a file up to `inMemoryLimit`, or data it
    /// was opened from): what was parsed, to hash without reading the file again.
    public var bytes: Data? {
        if case .bytes(let bytes) = origin { return bytes.data }
        return nil
    }

    /// Files up to this size (bytes) are read into memory to be parsed (see `init(path:password:)`).
    static let inMemoryLimit: UInt64 = 4 << 20

    /// A poppler document over bytes in memory, through a memory input stream over them (GBytes that
    /// keep them alive, not a copy).
    private static func open(bytes: PDFBytes, path: String, password: String?) throws(ExtractError) -> GObjectReference {
        let gbytes = bytes.glibBytes()
        defer { g_bytes_unref(gbytes) }
        let stream = GObjectReference(taking: UnsafeMutableRawPointer(g_memory_input_stream_new_from_bytes(gbytes)))
        return try open(path: path, password: password) { err in
            password.withOptionalCString {
                poppler_document_new_from_stream(stream.pointer.assumingMemoryBound(to: GInputStream.self), goffset(bytes.count), $0, nil, err)
            }
        }
    }

    private static func open(path: String, password: String?,
                             _ body: (UnsafeMutablePointer<UnsafeMutablePointer<GError>?>) -> OpaquePointer?) throws(ExtractError) -> GObjectReference {
        CharacterMaps.watch()
        switch withGError(body) {
        case .success(let doc):
            PopplerParams.keep()
            return GObjectReference(taking: UnsafeMutableRawPointer(doc))
        case .failure(let failure):
            if failure.domain == poppler_error_quark() && failure.code == Int(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw .encrypted(path: path, passwordGiven: password != nil)
            }
            throw .damaged(path: path, reason: failure.message.isEmpty ? "poppler could not parse it" : failure.message)
        }
    }

    /// Opens page `number` (1-based).
    public func page(_ number: Int) throws(ExtractError) -> PDFPage {
        guard number >= 1 && number <= pageCount, let p = poppler_document_get_page(handle, Int32(number - 1)) else {
            throw .pageOutOfRange(path: path, page: number, pageCount: pageCount)
        }
        return PDFPage(taking: UnsafeMutableRawPointer(p), number: number, document: self)
    }

    /// Whether a page was rendered without glyphs, so with stand-in fonts (`FontStubs`) that poppler
    /// keeps for this document: pages that draw glyphs then draw them from `reopened()`.
    var fontsStoodIn = false

    /// The same document opened again: its own poppler objects (another thread's lane, or a render
    /// with the document's real fonts).
    func reopened() throws(ExtractError) -> PDFDocument {
        try PDFDocument(origin: origin, path: path, password: password)
    }

    /// A document opened from where another one came from (`origin`), named `path` in errors.
    convenience init(origin: Origin, path: String, password: String?) throws(ExtractError) {
        switch origin {
        case .file(let p): try self.init(path: p, password: password)
        case .bytes(let b): try self.init(bytes: b, path: path, password: password)
        }
    }

    /// poppler's core over the same document, for the pictures of scanned pages (`ScanPicture`);
    /// opened on the first scanned page, nil when it cannot be.
    private lazy var scanPictures = ScanPictureSource(origin: origin, password: password)

    /// The last page's picture asked for, kept for the next question about the same page: a scan's
    /// rulings and its OCR read the same picture, decoded once.
    private var lastPicture: (page: Int, picture: ScanPicture?)?

    /// Page `number`'s one picture when the page is a scan that is only that (`ScanPictureSource.picture`).
    func scanPicture(page number: Int) -> ScanPicture? {
        if let lastPicture, lastPicture.page == number { return lastPicture.picture }
        lastPicture = nil  // the last page's samples go before this page's are decoded
        let picture = scanPictures?.picture(page: number)
        lastPicture = (number, picture)
        return picture
    }

    /// Whether page `number` is one picture over the whole page with nothing visible drawn after it
    /// (`ScanPictureSource.isOnePicture`): found without decoding the picture.
    func isOnePicture(page number: Int) -> Bool {
        if let lastPicture, lastPicture.page == number { return lastPicture.picture != nil }
        return scanPictures?.isOnePicture(page: number) ?? false
    }

    /// Lets the kept picture go (OCR has made its page image of it).
    func forgetScanPicture() { lastPicture = nil }

    /// Lets the kept picture go unless it is page `number`'s: the pages read after a scan have no
    /// use for its samples, which sat under their renders in the run's peak memory until the next
    /// scan (with `--ocr never`, or where OCR made no page image of it).
    func keepScanPicture(onlyFor number: Int) {
        if let lastPicture, lastPicture.page != number { self.lastPicture = nil }
    }

    /// The page whose picture is kept, if any (for tests).
    var keptScanPicturePage: Int? { lastPicture?.page }

    /// What the pages read so far were, for guessing what the next one is (`PageExtractor`). A
    /// document held in memory whose bytes name no image object has no scanned page to guess at.
    private(set) lazy var history = ReadingHistory(lastPageWasScan: bytes.flatMap { PDFDocument.namesImageObject($0) ? nil : false })

    /// Whether `data` has the name `/Image` (not `/ImageB`, `/ImageMask`…), as every image object's
    /// dictionary does. Stream dictionaries are never compressed into object streams, so a PDF
    /// without it draws no image object (a scan drawn inline is still found, at the cost of a second
    /// render of its first page).
    static func namesImageObject(_ data: Data) -> Bool {
        let name = Array("Image".utf8)
        return data.withUnsafeBytes { raw -> Bool in
            guard let start = raw.baseAddress else { return false }
            var offset = 0
            // every "/" (memchr), then the letters after it
            while offset < raw.count, let slash = memchr(start + offset, Int32(UInt8(ascii: "/")), raw.count - offset) {
                let at = start.distance(to: UnsafeRawPointer(slash)) + 1
                let end = at + name.count
                if end <= raw.count && name.indices.allSatisfy({ raw[at + $0] == name[$0] })
                    && (end == raw.count || endsName(raw[end])) { return true }
                offset = at
            }
            return false
        }
    }

    /// PDF white space and delimiters: the bytes that end a name.
    static func endsName(_ byte: UInt8) -> Bool {
        switch byte {
        case 0, 9, 10, 12, 13, 32, UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    /// Rejects what is plainly not a whole PDF before poppler sees it: poppler repairs a truncated
    /// file silently, dropping the pages it lost, which would lose a user's data without a word.
    static func checkEnvelope(head: Data, tail: Data, path: String, isEmpty: Bool? = nil) throws(ExtractError) {
        if isEmpty ?? head.isEmpty { throw .empty(path: path) }
        guard head.holds("%PDF-") else { throw .notAPDF(path: path) }
        guard tail.holds("%%EOF") else {
            throw .damaged(path: path, reason: "truncated: no %%EOF marker at the end")
        }
    }
}

extension Data {
    /// Whether the bytes hold `marker` anywhere: memchr to each candidate first byte, then memcmp
    /// (Foundation's `range(of:)` compares through generic code, a measurable share of opening a
    /// small file).
    public func holds(_ marker: StaticString) -> Bool {
        let n = marker.utf8CodeUnitCount
        return withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            guard n > 0, let base = bytes.baseAddress, bytes.count >= n else { return false }
            let first = Int32(marker.utf8Start.pointee)
            var start = 0
            while start <= bytes.count - n {
                guard let hit = memchr(base + start, first, bytes.count - n + 1 - start) else { return false }
                if memcmp(hit, marker.utf8Start, n) == 0 { return true }
                start = UnsafeRawPointer(hit) - base + 1
            }
            return false
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

/// What a document's pages read so far were. A hint for the cheapest order of work on the next
/// page, never for its result; one document is read by one thread, so it needs no lock.
final class ReadingHistory {
    /// Whether the last page extracted was a scan (nil before the first, unless the document can
    /// hold none): a document's pages are mostly all scans or all born-digital.
    var lastPageWasScan: Bool?
    /// Whether any page may be a scan (false for a document whose bytes name no image object).
    let mayHoldScans: Bool

    init(lastPageWasScan: Bool?) {
        self.lastPageWasScan = lastPageWasScan
        mayHoldScans = lastPageWasScan == nil
    }
}
