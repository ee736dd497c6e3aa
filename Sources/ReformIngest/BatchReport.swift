import Foundation
import GRDB
import ReformForms
import ReformPDF

/// What a report shows of a batch: per file its records, the cell behind each field, the page
/// images, or the reason it failed.
public struct BatchReport: Sendable {
    /// One input file.
    public struct File: Sendable {
        public var path: String
        public var records: [ReformForms.Record]
        /// For each record, the cells its fields came from (empty for text input or a database
        /// whose file is gone).
        public var sources: [[FieldSource]]
        /// Page number → PNG of the page, and its size in points.
        public var pages: [Int: Page]
        public var failure: String?
    }

    /// A page picture.
    public struct Page: Sendable {
        public var png: Data
        public var width: Double
        public var height: Double
    }

    public var files: [File]

    /// Pixels per point of the embedded page pictures.
    public static let pageScale = 1.25

    public init(files: [File]) {
        self.files = files
    }

    /// Reads the inputs (PDFs with their pictures, text files) into a report.
    public static func read(_ paths: [String], reader: RecordReader) -> BatchReport {
        BatchReport(files: RecordReader.expand(paths).map { read($0, reader: reader, stored: nil) })
    }

    /// A report of what an ingest database holds; files still on disk also get their pictures.
    public static func read(database: IngestDatabase, reader: RecordReader) throws -> BatchReport {
        let rows: [(String, [String])] = try database.read { db in
            var files: [(String, [String])] = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT fi.path, fo.record_json FROM files fi LEFT JOIN forms fo ON fo.file_id = fi.id
                WHERE fi.status = 'ok' ORDER BY fi.path, fo.ordinal
                """)
            while let row = try cursor.next() {
                let path: String = row[0]
                let json: String? = row[1]
                if files.last?.0 != path { files.append((path, [])) }
                if let json { files[files.count - 1].1.append(json) }
            }
            return files
        }
        var files = try rows.map { path, jsons -> File in
            let records = try jsons.map { try RecordJSON.decodeRecord(from: Data($0.utf8)) }
            return read(path, reader: reader, stored: records)
        }
        for failure in try database.failures() {
            files.append(File(path: failure.path, records: [], sources: [], pages: [:], failure: "\(failure.kind): \(failure.reason)"))
        }
        return BatchReport(files: files)
    }

    /// One file: `stored` records (from a database) or read now.
    static func read(_ path: String, reader: RecordReader, stored: [ReformForms.Record]?) -> File {
        var file = File(path: path, records: stored ?? [], sources: [], pages: [:], failure: nil)
        let isPDF = FileManager.default.fileExists(atPath: path) && !RecordReader.isPlainText(
            FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 1024) } ?? Data())
        do {
            if isPDF {
                let document = try PDFDocument(path: path, password: reader.password)
                let sha = SHA256.hex(of: document, at: path)
                let inspection = try reader.pdf.inspect(document, file: RecordReader.fileName(path), sha256: sha)
                if stored == nil { file.records = inspection.records }
                file.sources = file.records.count == inspection.sources.count ? inspection.sources : []
                let wanted = Set(file.records.flatMap(\.source.pages))
                for n in wanted.sorted() {
                    let page = try document.page(n)
                    // a page read turned is shown turned: the boxes are the turned page's
                    let turn = inspection.turn(ofPage: n)
                    let size = turn.size(width: page.size.width, height: page.size.height)
                    if let png = page.render(scale: pageScale, turn: turn).pngData() {
                        file.pages[n] = Page(png: png, width: size.width, height: size.height)
                    }
                }
            } else if stored == nil {
                file.records = try reader.records(path)
            }
        } catch {
            if stored == nil { file.failure = "\(error)" }
        }
        return file
    }

    /// Forms with review items, low-confidence forms, failures.
    public var counts: (files: Int, forms: Int, indicators: Int, reviews: Int, needsReview: Int, lowConfidence: Int, failed: Int) {
        let records = files.flatMap(\.records)
        return (files.count, records.count, records.reduce(0) { $0 + $1.indicators.count }, records.reduce(0) { $0 + $1.review.count },
                records.filter { !$0.review.isEmpty }.count, records.filter { $0.confidence < ReportHTML.lowConfidence }.count,
                files.filter { $0.failure != nil }.count)
    }
}
