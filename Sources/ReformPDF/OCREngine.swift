import CTesseract
import CTesseractTemplates
import Foundation

/// How the OCR back-end should lay out what it reads.
public enum OCRLayout: Sendable {
    /// Find the blocks and lines itself (a page, or a strip of one).
    case page
    /// One block of lines (a multi-line cell, or a vertical label stacked one character a line).
    case block
    /// One line of text (a single-line cell).
    case line
    /// One word (a label or a level term read again: word mode weighs the recognizer's dictionary more).
    case word
    /// One line, without tesseract's line finding (which now and then finds nothing in a clean line).
    case rawLine

    var pageSegMode: TessPageSegMode {
        switch self {
        case .page: return PSM_AUTO
        case .block: return PSM_SINGLE_BLOCK
        case .line: return PSM_SINGLE_LINE
        case .word: return PSM_SINGLE_WORD
        case .rawLine: return PSM_RAW_LINE
        }
    }
}

/// One line of recognized text with its box on the page.
public struct OCRLine: Sendable, Hashable {
    /// The line's text: CJK without spaces, a space between words of other scripts.
    public var text: String
    /// In page points; upright about the line's centre.
    public var box: Rect
    /// Mean confidence of the line's symbols, 0…1.
    public var confidence: Double
    /// How many symbols the recognizer read in the line.
    public var symbolCount: Int
    /// The line's scalars as glyphs, set side by side in equal parts of the line along its own
    /// direction (a crop turned against the page keeps its lines straight on the page).
    public var glyphs: [Glyph]
    /// The recognizer's confidence in each scalar of `text`, 0…1 (a space it put between words: 1).
    public var scalarConfidences: [Double]

    public init(text: String, box: Rect, confidence: Double, symbolCount: Int, glyphs: [Glyph], scalarConfidences: [Double]? = nil) {
        self.text = text
        self.box = box
        self.confidence = confidence
        self.symbolCount = symbolCount
        self.glyphs = glyphs
        let n = text.unicodeScalars.count
        self.scalarConfidences = scalarConfidences.flatMap { $0.count == n ? $0 : nil } ?? Array(repeating: confidence, count: n)
    }
}

extension OCRLine {
    /// The line with some of its scalars replaced one for one (`(` by `（`): each glyph keeps its box.
    /// A different count of scalars is spread over the line as `withText` does.
    public func withScalars(_ scalars: [Unicode.Scalar]) -> OCRLine {
        guard scalars.count == glyphs.count, scalars.count == scalarConfidences.count else { return withText(String(scalars: scalars)) }
        var out = self
        out.text = String(scalars: scalars)
        for i in scalars.indices { out.glyphs[i].scalar = scalars[i] }
        return out
    }

    /// The line with other text, its glyphs spread over the same stretch of the line.
    public func withText(_ newText: String) -> OCRLine {
        var out = self
        out.text = newText
        let scalars = Array(newText.unicodeScalars)
        // which new scalar stands for which old one is unknown: each gets the line's confidence
        out.scalarConfidences = Array(repeating: confidence, count: scalars.count)
        guard let first = glyphs.first, let last = glyphs.last, !scalars.isEmpty else { return out }
        let n0 = Double(glyphs.count)
        let c0 = first.box.center, c1 = last.box.center
        let step = glyphs.count > 1 ? Point(x: (c1.x - c0.x) / (n0 - 1), y: (c1.y - c0.y) / (n0 - 1)) : Point(x: first.box.width, y: 0)
        let start = Point(x: c0.x - step.x / 2, y: c0.y - step.y / 2)
        let span = Point(x: step.x * n0, y: step.y * n0)
        let n = Double(scalars.count), w = abs(span.x) / n, h = first.box.height
        out.glyphs = scalars.enumerated().map { i, scalar in
            let t = (Double(i) + 0.5) / n
            let c = Point(x: start.x + span.x * t, y: start.y + span.y * t)
            return Glyph(scalar: scalar, box: Rect(left: c.x - w / 2, top: c.y - h / 2, right: c.x + w / 2, bottom: c.y + h / 2),
                         font: first.font, fontSize: first.fontSize)
        }
        return out
    }
}

/// What the OCR back-end read from one picture.
public struct OCRReading: Sendable, Hashable {
    public var lines: [OCRLine]

    public init(lines: [OCRLine]) { self.lines = lines }

    /// The mean confidence of the symbols (0 when nothing was read).
    public var confidence: Double {
        let n = lines.map(\.symbolCount).reduce(0, +)
        return n == 0 ? 0 : lines.map { $0.confidence * Double($0.symbolCount) }.reduce(0, +) / Double(n)
    }

    /// The lines joined the way a cell's lines are (CJK without a break, other scripts with a space).
    public var text: String { joined.text }

    /// Where each line starts in `text`, counted in unicode scalars.
    public var lineOffsets: [Int] { joined.offsets }

    /// The recognizer's confidence in each scalar of `text` (a space put between two lines: 1).
    public var scalarConfidences: [Double] {
        var out: [Double] = []
        for (line, offset) in zip(lines, lineOffsets) {
            out += Array(repeating: 1, count: offset - out.count)
            out += line.scalarConfidences
        }
        return out
    }

    /// The lines joined, and where each starts: one rule for both.
    private var joined: (text: String, offsets: [Int]) {
        var text = "", offsets: [Int] = [], count = 0
        for line in lines {
            if let last = text.unicodeScalars.last, let first = line.text.unicodeScalars.first, !(last.isCJK || first.isCJK) {
                text += " "
                count += 1
            }
            offsets.append(count)
            text += line.text
            count += line.text.unicodeScalars.count
        }
        return (text, offsets)
    }

    /// The lines as glyphs of a text layer. The recognizer's boxes of single symbols are not used:
    /// they are often far too wide and would put characters out of order.
    public func glyphs() -> [Glyph] { lines.flatMap(\.glyphs) }
}

extension OCRReading {
    /// Whether a word break between these two characters is a space: not inside CJK text, and not
    /// inside a number (`818692 .82` is `818692.82`).
    static func spaced(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        if a.isCJK || b.isCJK { return false }
        return !(numeric(a) && numeric(b))
    }

    private static func numeric(_ s: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(s) || ".,:-/%".unicodeScalars.contains(s)
    }
}

extension Unicode.Scalar {
    /// Han characters and CJK punctuation, which are written without spaces between words.
    var isCJK: Bool {
        switch value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFF0F, 0xFF1A...0xFF20, 0x20000...0x2FA1F: return true
        default: return false
        }
    }
}

/// Why the OCR back-end could not start.
public enum OCRError: Error, Sendable, CustomStringConvertible {
    case unavailable(languages: String)

    public var description: String {
        switch self {
        case .unavailable(let l):
            return "OCR is not available: tesseract could not load '\(l)' (install tesseract-ocr-chi-sim and tesseract-ocr-eng)"
        }
    }
}

/// tesseract through its C API. Owns its `TessBaseAPI` and ends it exactly once.
///
/// Not `Sendable`: one engine reads on one thread at a time (`OCREnginePool` hands them out).
public final class OCREngine {
    private let handle: OpaquePointer
    private let tess: ReformTesseract
    public let languages: String

    /// libtesseract's functions, looked up once, on the first engine (nil when it is not installed).
    private static let library: ReformTesseract? = {
        OCRThreads.limit()
        var api = ReformTesseract()
        guard reform_tesseract_load(&api) != 0 else { return nil }
        // leptonica prints notes about image boxes to stderr; reform's own errors are the ones users read.
        _ = api.setMsgSeverity(REFORM_LEPT_SEVERITY_NONE)
        return api
    }()

    /// How many adaptive-classifier templates the process's engines built empty (CTesseractTemplates):
    /// the legacy classifier's, which the LSTM recognizer never consults; chi_sim's are 48 MB.
    public static var emptiedTemplates: Int { reform_tesseract_templates_emptied() }

    /// How many times an engine of the process started without tesseract's universal ambiguity table
    /// (CTesseractTemplates): the legacy recognizer's, which adds 9 MB of characters to chi_sim's set.
    public static var skippedUniversalAmbigs: Int { reform_tesseract_universal_ambigs_skipped() }

    /// The font name OCR glyphs carry.
    public static let fontName = "OCR"
    static let font = FontName(fontName)

    /// Starts tesseract with `languages` (tesseract's `chi_sim+eng` form). `words` are added to its
    /// dictionary (the form's fixed labels read better when the recognizer knows them).
    public init(languages: String = "chi_sim", words: [String] = []) throws(OCRError) {
        guard let tess = Self.library, let api = tess.create() else { throw .unavailable(languages: languages) }
        var names = ["debug_file"], values = ["/dev/null"]
        var wordFile: URL?
        if !words.isEmpty {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("reform-words-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).txt")
            if (try? words.joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)) != nil {
                wordFile = url
                names.append("user_words_file")
                values.append(url.path)
            }
        }
        defer { if let wordFile { try? FileManager.default.removeItem(at: wordFile) } }
        let status = withCStringArray(names) { n in
            withCStringArray(values) { v in
                tess.init4(api, nil, languages, OEM_LSTM_ONLY, nil, 0, n, v, names.count, 0)
            }
        }
        guard status == 0 else {
            tess.destroy(api)
            throw .unavailable(languages: languages)
        }
        handle = api
        self.tess = tess
        self.languages = languages
    }

    deinit {
        tess.end(handle)
        // tesseract keeps the dictionaries of every engine it started in a cache of the process,
        // after the last engine using them ended too (eng's word list alone is 3.7 MB, held through
        // every later page's picture once a number cell was read): those no engine uses are freed.
        tess.clearPersistentCache(handle)
        tess.destroy(handle)
    }

    /// Reads `image` laid out as `layout`.
    public func read(_ image: GrayImage, layout: OCRLayout) -> OCRReading {
        tess.setPageSegMode(handle, layout.pageSegMode)
        defer { tess.clear(handle) }
        image.pixels.withUnsafeBufferPointer { px in
            tess.setImage(handle, px.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        tess.setSourceResolution(handle, Int32((image.scale * 72).rounded()))
        guard tess.recognize(handle, nil) == 0, let iterator = tess.getIterator(handle) else { return OCRReading(lines: []) }
        defer { tess.iteratorDelete(iterator) }
        let page = tess.pageIterator(iterator)
        var lines: [OCRLine] = []
        var text = "", confidence = 0.0, count = 0, scalarConfidences: [Double] = []
        var pixels = (l: Int32(0), t: Int32(0), r: Int32(0), b: Int32(0))
        func closeLine() {
            if count > 0 {
                lines.append(OCRLine(text: text, box: image.pageBox(pixels), confidence: confidence / Double(count),
                                     symbolCount: count, glyphs: image.glyphs(text, along: pixels), scalarConfidences: scalarConfidences))
            }
            text = ""; confidence = 0; count = 0; scalarConfidences = []
        }
        repeat {
            guard let cText = tess.text(iterator, RIL_SYMBOL) else { continue }
            let symbol = String(cString: cText)
            tess.deleteText(cText)
            guard !symbol.isEmpty else { continue }
            if tess.isAtBeginningOf(page, RIL_TEXTLINE) != 0 {
                closeLine()
                var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
                if tess.boundingBox(page, RIL_TEXTLINE, &l, &t, &r, &b) != 0 { pixels = (l, t, r, b) }
            } else if tess.isAtBeginningOf(page, RIL_WORD) != 0, let last = text.unicodeScalars.last,
                      let first = symbol.unicodeScalars.first, OCRReading.spaced(last, first) {
                text += " "
                scalarConfidences.append(1)
            }
            let symbolConfidence = Double(tess.confidence(iterator, RIL_SYMBOL)) / 100
            text += symbol
            scalarConfidences += Array(repeating: symbolConfidence, count: symbol.unicodeScalars.count)
            confidence += symbolConfidence
            count += 1
        } while tess.next(iterator, RIL_SYMBOL) != 0
        closeLine()
        return OCRReading(lines: lines)
    }
}

extension GrayImage {
    /// A pixel box of this picture on the page: upright, of the box's size, about its centre's page
    /// point (a turned crop's boxes stay upright, as levelled glyphs do).
    func pageBox(_ p: (l: Int32, t: Int32, r: Int32, b: Int32)) -> Rect {
        let c = pagePoint(x: Double(p.l + p.r) / 2, y: Double(p.t + p.b) / 2)
        let w = Double(p.r - p.l) / scale, h = Double(p.b - p.t) / scale
        return Rect(left: c.x - w / 2, top: c.y - h / 2, right: c.x + w / 2, bottom: c.y + h / 2)
    }

    /// `text` as glyphs in equal parts of a line's pixel box, each placed on the page by its centre.
    func glyphs(_ text: String, along p: (l: Int32, t: Int32, r: Int32, b: Int32)) -> [Glyph] {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return [] }
        let step = Double(p.r - p.l) / Double(scalars.count)
        return scalars.enumerated().map { i, scalar in
            let left = Double(p.l) + step * Double(i)
            let box = pageBox((Int32(left.rounded()), p.t, Int32((left + step).rounded()), p.b))
            return Glyph(scalar: scalar, box: box, font: OCREngine.font, fontSize: box.height)
        }
    }
}

/// Calls `body` with a C array of C strings that live as long as the call.
private func withCStringArray<R>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    var array = copies
    return array.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
}

/// Engines for the threads of a run: each thread takes one, reads, and gives it back. Engines are
/// started on first need (a born-digital run starts none) and kept for the rest of the run.
public final class OCREnginePool: @unchecked Sendable {
    /// Idle engines by their languages.
    private var idle: [String: [OCREngine]] = [:]
    private var failure: OCRError?
    private let lock = NSLock()
    public let languages: String
    /// Words for the engines' dictionaries, asked for when the first engine starts.
    private let words: @Sendable () -> [String]
    private var started = 0, alive = 0, mostAlive = 0

    /// How many engines the pool has started, how many of them are alive now, and the most that
    /// were alive at once.
    public var engines: (started: Int, alive: Int, mostAlive: Int) {
        lock.lock(); defer { lock.unlock() }
        return (started, alive, mostAlive)
    }

    public init(languages: String = "chi_sim", words: @autoclosure @escaping @Sendable () -> [String] = []) {
        self.languages = languages
        self.words = words
    }

    /// Runs `body` with an engine no other thread is using, for `languages` (the pool's own when
    /// nil). Throws when tesseract cannot start.
    public func withEngine<R>(languages other: String? = nil, _ body: (OCREngine) throws -> R) throws -> R {
        let key = other ?? languages
        lock.lock()
        if let failure { lock.unlock(); throw failure }
        let reused = idle[key]?.popLast()
        lock.unlock()
        let engine = try reused ?? start(key)
        defer { lock.lock(); idle[key, default: []].append(engine); lock.unlock() }
        return try body(engine)
    }

    /// Runs `body` with an engine for `languages` started for the call and ended after it: for
    /// reading in bursts (a page's cells), so that between them no engine holds its character maps
    /// and search buffers (~20 MB for chi_sim+eng, growing with the longest line it has read).
    /// Starting an engine takes 40–70 ms. The ended engine's memory stays free heap for the next
    /// one to take; `releaseFreedMemory` hands it back to the system. Throws when tesseract cannot
    /// start.
    public func withPassingEngine<R>(languages: String, _ body: (OCREngine) throws -> R) throws -> R {
        lock.lock()
        let failed = failure
        lock.unlock()
        if let failed { throw failed }
        let result: Result<R, any Error>
        do {
            let engine = try start(languages)
            result = Result { try body(engine) }
        }
        // the engine has ended with its scope
        lock.lock(); alive -= 1; lock.unlock()
        return try result.get()
    }

    /// Hands the heap that ended engines and pictures freed back to the system (`malloc_trim`),
    /// which glibc otherwise keeps resident: the next page's picture and engine would then come on
    /// top of it wherever the free pieces do not fit them. Once a page, when its reading is done:
    /// between a page's two engines the second takes what the first freed, and trimming there only
    /// had the kernel fault a third more pages back in (100-page mixed PDF: 363,000 faults against
    /// 236,000, 2.5 s of system time against 2.0, the same peak).
    public func releaseFreedMemory() {
        malloc_trim(0)
    }

    /// A new engine for `languages`; a failure is kept, and thrown to every later caller.
    private func start(_ languages: String) throws(OCRError) -> OCREngine {
        FontDicts.releaseIdle() // the engine's models then take the fonts' memory, not memory beside it
        do {
            let engine = try OCREngine(languages: languages, words: words())
            lock.lock()
            started += 1
            alive += 1
            mostAlive = max(mostAlive, alive)
            lock.unlock()
            return engine
        } catch {
            lock.lock(); failure = error; lock.unlock()
            throw error
        }
    }
}

/// One thread per tesseract call.
///
/// libtesseract is built with OpenMP and runs the gates of its LSTM on four threads per call, which
/// then spin waiting for more work. reform already reads one page or file per core, so those threads
/// only fight the lanes for the cores (the scanned corpus took 4.6 times as long with them). libgomp
/// reads its limit from the environment when it is loaded, with tesseract, so the limit is set
/// before: by the command line at start-up, and by the library on its first engine for other
/// callers. A limit already set is kept. The readings are the same either way.
public enum OCRThreads {
    public static func limit() {
        setenv("OMP_THREAD_LIMIT", "1", 0)
    }
}
