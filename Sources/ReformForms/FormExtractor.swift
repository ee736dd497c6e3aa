import Foundation
import ReformLayout
import ReformPDF

/// The whole pipeline for a PDF: extract each page, reconstruct its tables, find the forms and
/// read each into a canonical record.
public struct FormExtractor: Sendable {
    public var template: FormTemplate
    public var pageExtractor: PageExtractor
    public var tableExtractor: TableExtractor
    public var layout: TextLayout
    /// Pages read in parallel.
    public var workers: Int
    /// When pages are read from their image (image-only pages, doubtful cells of scans).
    public var scanReader: ScanReader
    /// tesseract engines, started when the first scanned page needs one and shared by the lanes.
    let engines: OCREnginePool

    public init(template: FormTemplate = .performanceTarget, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                ocr: OCRPolicy = .auto) {
        self.template = template
        let reader = ScanReader(template: template, policy: ocr)
        scanReader = reader
        engines = OCREnginePool(words: reader.words)
        pageExtractor = PageExtractor()
        // A form is one ruled grid per page: text beside it (running headers, page numbers) is not
        // table content, so it is never read as a stream table next to the grid.
        var tableSettings = TableSettings()
        tableSettings.latticeTextShare = 0
        tableExtractor = TableExtractor(settings: tableSettings)
        layout = TextLayout()
        self.workers = workers
    }

    /// What one page turns into, keeping nothing heavier than tables and lines.
    public func read(_ page: PDFPage, timings: StageTimings? = nil) -> PageTables {
        var content = pageExtractor.extract(page, timings: timings)
        // A text layer that is not the printed text, wholly or in one of its fonts (fonts without a
        // Unicode map), is no text layer: the page is read from its picture like a scan, or is
        // "needs OCR" under `--ocr never`.
        if ScanReader.isIllegible(content.glyphs, rules: scanReader.legibility) { content.glyphs = [] }
        var scan: ScanReader.Result?
        if scanReader.wants(content) {
            // Read from the image (cell by ruled cell); a page that OCR cannot read (no tesseract)
            // stays as its text layer had it.
            scan = try? timings.measure("ocr") {
                try scanReader.read(page, content: content, extractor: tableExtractor, pool: engines, timings: timings)
            }
            if let scan { content = scan.content }
        }
        // The tables of what was read, once.
        let tables = timings.measure("grid") { tableExtractor.tables(in: content) }
        let lines = timings.measure("layout") { layout.lines(glyphs: content.glyphs, rulings: content.rulings) }
        var out = PageTables(number: content.number, lines: lines, tables: tables, hasTextLayer: content.hasTextLayer, isScan: content.isScan)
        out.rulings = content.rulings
        out.skewDegrees = content.skewDegrees
        out.readByOCR = scan?.imageOnly == true && content.hasTextLayer
        out.cellReadings = scan?.cells ?? []
        out.missingCharacterMaps = content.missingCharacterMaps
        out.turn = scan?.turn ?? .upright
        return out
    }

    /// Everything read from a document, page by page, with the cell behind each field: what
    /// `reform show` and reports draw.
    public struct Inspection: Sendable {
        public var pages: [PageTables]
        public var records: [Record]
        /// For each record, where its fields were read.
        public var sources: [[FieldSource]]

        /// How page `number` was turned to be read (pictures of it are drawn so turned).
        public func turn(ofPage number: Int) -> QuarterTurn {
            pages.first { $0.number == number }?.turn ?? .upright
        }
    }

    /// Reads `document` like `records` and keeps the pages and the field sources.
    public func inspect(_ document: PDFDocument, file: String, sha256: String) throws -> Inspection {
        var pages: [PageTables] = []
        let extractor = self
        try PageStream(workers: workers).run(document, pages: Array(1...document.pageCount),
                                             read: { extractor.read($0) }, consume: { _, page in pages.append(page) })
        let slices = FormFinder(template: template).forms(pages)
        let reader = FormReader(template: template)
        let source = Source(file: file, sha256: sha256, pages: [], method: .pdf)
        let turns = Dictionary(uniqueKeysWithValues: pages.map { ($0.number, $0.turn) })
        let read = slices.map { slice in
            var detailed = reader.readDetailed(slice, source: source)
            detailed.record.review += Self.turnItems(slice.pages, turns)
            return detailed
        }
        return Inspection(pages: pages, records: read.map(\.record), sources: read.map(\.sources))
    }

    /// The review items of a form (on `pages`) some of whose pages were scanned sideways or upside
    /// down and read turned (`turns`, by page), one per turn, in the order of their first pages: an
    /// inference an analyst may want to see (`reform show` draws such pages turned).
    static func turnItems(_ pages: [Int], _ turns: [Int: QuarterTurn]) -> [ReviewItem] {
        Dictionary(grouping: pages) { turns[$0] ?? .upright }.sorted { $0.value[0] < $1.value[0] }.compactMap { turn, pages in
            guard let scanned = turn.scanned, let read = turn.read else { return nil }
            return ReviewItem(path: "source.pages", reason: "\(named(pages)) \(scanned): \(read)")
        }
    }

    /// "page 3" or "pages 2–4".
    static func named(_ pages: [Int]) -> String {
        (pages.count == 1 ? "page " : "pages ") + PageRanges.describe(pages)
    }

    /// The records of every form in `document`. `file` and `sha256` go into each record's `source`.
    /// Throws when no page has a text layer (needs OCR) or no form is found.
    ///
    /// Pages are let go as soon as the forms they end are read, so memory does not grow with the
    /// document: only the form still open and the pages in flight are held.
    public func records(_ document: PDFDocument, file: String, sha256: String, timings: StageTimings? = nil) throws -> [Record] {
        let extractor = self
        let reader = FormReader(template: template)
        let source = Source(file: file, sha256: sha256, pages: [], method: .pdf)
        var forms = FormFinder(template: template).run()
        var records: [Record] = []
        var bare: [Int] = []
        var missingMaps: [Int: [String]] = [:]
        var turns: [Int: QuarterTurn] = [:]
        func read(_ slices: [FormSlice]) {
            records += timings.measure("normalize") {
                slices.map { slice in
                    var record = reader.read(slice, source: source)
                    let maps = Set(slice.pages.flatMap { missingMaps[$0] ?? [] }).sorted()
                    if !maps.isEmpty {
                        let pages = slice.pages.filter { missingMaps[$0] != nil }
                        record.review.append(ReviewItem(path: "source.pages", reason: "fonts on \(Self.named(pages)) need \(CharacterMaps.named(maps)), which are not installed: text in them was not read; \(CharacterMaps.remedy)"))
                    }
                    record.review += Self.turnItems(slice.pages, turns)
                    return record
                }
            }
        }
        try PageStream(workers: workers).run(document, pages: Array(1...document.pageCount),
                                             read: { extractor.read($0, timings: timings) },
                                             consume: { _, page in
                                                 if !page.hasTextLayer { bare.append(page.number) }
                                                 if !page.missingCharacterMaps.isEmpty { missingMaps[page.number] = page.missingCharacterMaps }
                                                 if page.turn != .upright { turns[page.number] = page.turn }
                                                 read(timings.measure("form") { forms.add(page) })
                                             })
        read(forms.finish())
        if bare.count == document.pageCount {
            throw ExtractError.noTextLayer(path: document.path, pages: bare, missingMaps: Set(missingMaps.values.joined()).sorted())
        }
        guard !records.isEmpty else { throw FormError.notThisForm(path: document.path) }
        return records
    }
}
